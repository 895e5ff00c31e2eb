"""The reading path's checks told in bulk give what the one-by-one checks give: the nesting
limit of a decoded JSON value, records' lengths and cleanliness a run at a time, the sniffers
that no longer look at all of a big text."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import converter
from converter.errors import ParseError
from converter.limits import check_nesting, clip_records, json_runs, nested_deeper
from converter.options import Options
from converter.readers import sniffers
from converter.validate import check_item, check_items

json_values = st.recursive(
    st.none() | st.integers() | st.text(alphabet="ab[]{}\"\\ ", max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet="k[{", max_size=2), inner, max_size=3),
    max_leaves=30)


@given(json_values, st.integers(min_value=1, max_value=6))
def test_nested_deeper_agrees_with_the_bracket_scan(value, limit):
    text = json.dumps(value)
    try:
        check_nesting(text, Options.build({"max_depth": limit}), "x", opening="[{", closing="]}", quoted=True)
        scanned_deeper = False
    except ParseError:
        scanned_deeper = True
    assert nested_deeper(value, limit) is scanned_deeper


def deep(n: int) -> str:
    return '[{"id": "a", "type": "book", "title": "[[[{{{", "note": ' + "[" * n + "]" * n + "}]"


def test_a_deep_value_is_refused_with_its_line():
    err = pytest.raises(ParseError, converter.read, "\n" + deep(150), "csljson", max_depth=100).value
    assert "max_depth=100" in str(err) and err.line == 2


def test_brackets_in_strings_do_not_count():
    assert converter.read(deep(90), "csljson", max_depth=100).records[0]["title"] == "[[[{{{"


def test_a_deep_nest_is_told_before_a_syntax_error_or_a_long_number():
    for text in (deep(150)[:-1], deep(150).replace('"a"', "9" * 80)):
        err = pytest.raises(ParseError, converter.read, text, "csljson", max_depth=100).value
        assert "max_depth" in str(err)


def test_json_runs_hold_each_record_and_stay_near_the_room():
    records = [{"id": str(i), "title": "x" * (i % 50)} for i in range(500)]
    covered = []
    for start, stop, text in json_runs(records, 2000):
        assert text == json.dumps(records[start:stop], ensure_ascii=False)
        covered += range(start, stop)
    assert covered == list(range(500))


def test_a_long_record_among_short_ones_is_cut_and_said():
    records = [{"id": str(i), "type": "book", "title": "t"} for i in range(300)]
    records[150] = {"id": "long", "type": "book", "title": "x" * 3000}
    records[200] = {"id": "odd", "type": "book", "title": object()}  # not JSON: looked at alone
    diags = clip_records(records, Options.build({"max_field_length": 1000}), "x", {})
    assert [d.record for d in diags] == ["long"] and len(records[150]["title"]) == 1000


def test_items_checked_a_run_at_a_time_are_cleaned_as_one_by_one():
    items = [{"id": str(i), "type": "book", "title": "t\u00e9"} for i in range(200)]
    items[77] = {"id": "bad", "type": "book", "title": "a\x07b"}
    items[120] = {"id": "nan", "type": "book", "volume": float("nan")}
    out, diags = check_items(items)
    alone = [check_item(item, n) for n, item in enumerate(items, 1)]
    assert out == [checked for checked, _ in alone]
    assert [d.message for d in diags] == [d.message for _, found in alone for d in found]
    assert out[77]["title"] == "ab" and "volume" not in out[120]


def test_sniffers_on_a_big_json_text():
    text = json.dumps([{"id": str(i), "type": "book", "title": "@article{x, a line"} for i in range(3000)], indent=1)
    assert sniffers.bibtex(text) == 0  # looks like BibTeX at the top, but is JSON
    assert sniffers.reference_list(text) == 0
    assert converter.detect(text) == "csljson"


@given(st.lists(st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\x85", "\u2028", "a", "bb", " ", "x" * 700]),
                max_size=400), st.integers(min_value=1, max_value=250))
def test_first_lines_are_splitlines(parts, n):
    text = "".join(parts)
    assert sniffers._first_lines(text, n) == text.splitlines()[:n]


@given(st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\r", "~", "and", "AnD", "an", "nd", "a", "d", "x",
                                 "Smith,", "J.", "{", "}", "\\", "{and}", "\u00e9"]), max_size=30))
def test_names_split_as_bibtexparser_splits_them(parts):
    from bibtexparser.middlewares.names import split_multiple_persons_names

    from converter.readers.bibtex_names import split_names

    text = "".join(parts) if len(parts) % 2 else " ".join(parts)
    assert split_names(text) == split_multiple_persons_names(text)
