"""CSL-JSON reader and writer against the official schema and the real/bad corpora."""
from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import converter
from conftest import SHARED, load_json, need_shared


def test_deep_review_corpus_reads_and_round_trips():
    need_shared()
    path = SHARED / "corpus" / "real" / "deep-review-refs.json"
    result = converter.read_file(path)
    assert len(result.records) == 602
    first = converter.write(result.records, "csljson")
    again = converter.write(converter.read(first, "csljson").records, "csljson")
    assert again == first
    assert json.loads(first) == load_json(path)  # nothing added, nothing lost


def test_our_output_of_the_corpus_validates():
    need_shared()
    out = converter.write(converter.read_file(SHARED / "corpus" / "real" / "deep-review-refs.json").records,
                          "csljson")
    jsonschema.validate(json.loads(out), load_json(SHARED / "csl-schema" / "csl-data.json"))


def test_truncated_array_keeps_good_items_and_names_the_line():
    need_shared()
    path = SHARED / "corpus" / "bad" / "truncated.json"
    result = converter.read_file(path)
    assert len(result.records) >= 1
    errors = result.errors
    assert len(errors) == 1 and errors[0].line is not None and errors[0].line > 1
    assert errors[0].source == str(path)


def test_invalid_utf8_is_reported_with_its_line():
    need_shared()
    result = converter.read_file(SHARED / "corpus" / "bad" / "invalid_utf8.json")
    assert result.records
    warning = result.diagnostics[0]
    assert warning.line is not None and ("UTF-8" in warning.message or "decoded as" in warning.message)


def test_single_object_and_items_wrapper():
    one = converter.read('{"id": "a", "type": "book", "title": "T"}', "csljson")
    wrapped = converter.read('{"items": [{"id": "a", "type": "book", "title": "T"}]}', "csljson")
    assert one.records == wrapped.records == [{"id": "a", "type": "book", "title": "T"}]


def test_non_object_items_are_reported_and_skipped():
    result = converter.read('[1, {"id": "a", "type": "book"}]', "csljson", source="x.json")
    assert len(result.records) == 1
    assert "item 1 is a JSON int" in result.errors[0].message


def test_item_without_type_warns():
    result = converter.read('[{"id": "a", "title": "T"}]', "csljson")
    assert result.warnings[0].field == "type"


@pytest.mark.parametrize("text", ["", "[", "nonsense", "42"])
def test_hopeless_json_is_one_parse_or_input_error(text):
    with pytest.raises(converter.ConversionError):
        converter.read(text, "csljson")


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(_JSON_VALUES, st.sampled_from(["", "  "]))
def test_fast_indented_json_is_the_standard_librarys(value, indent):
    from converter.writers.json_indent import dumps

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    assert dumps(value, indent) == expected


def test_fast_indented_json_leaves_the_unusual_to_the_standard_library():
    from converter.writers.json_indent import dumps

    for value in [(1, [2]), {1: "a", None: 2}, [float("nan"), float("-inf")]]:
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
    cycle: dict = {}
    cycle["self"] = cycle
    with pytest.raises(ValueError, match="Circular"):
        dumps(cycle)
