"""Malformed records never reach a writer: repaired or left out, always reported."""
from __future__ import annotations

import json
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import converter
from converter.validate import check_items

VALUES = [None, "", "x", "2020", 2020, 3.5, True, [], {}, [1, 2], {"date-parts": [[2020]]}, {"date-parts": "x"},
          {"date-parts": [["2020", "a"]]}, {"raw": "2020-01-02"}, [{"family": "A"}], ["Smith"], [{"literal": 5}],
          [None], {"family": "A"}, "<i>x</i>", "a & <b", "Q\x0b", "\u202e", "10.1/x", {"date-parts": [["a"]]},
          {"date-parts": [[2020, 13, 45]]}, {"date-parts": [[2020], [2019, 5]]}, [{"given": "x"}], [{"family": ""}],
          {"season": 5, "date-parts": [[2021]]}, {"literal": "circa 1900"}, "-", "12-", "e1234", [{"literal": ""}]]
FIELDS = ["type", "id", "title", "author", "editor", "issued", "accessed", "container-title", "volume", "issue",
          "page", "DOI", "URL", "language", "keyword", "abstract", "note", "custom", "ISSN", "publisher",
          "citation-number", "source", "submitted", "number", "edition", "event-date", "made-up-key"]
WRITERS = [f.name for f in converter.formats() if f.writer and f.name != "csl"]

items = st.fixed_dictionaries(
    {"id": st.text(max_size=5), "type": st.sampled_from(["article-journal", "book", "chapter", "webpage", "nonsense"])},
    optional={f: st.sampled_from(VALUES) for f in FIELDS if f not in ("id", "type")})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(items, min_size=1, max_size=3))
def test_no_writer_raises_anything_but_a_conversion_error(records):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for to in WRITERS:
            try:
                converter.write(records, to)
            except converter.ConversionError:
                pass


def test_valid_records_pass_through_untouched():
    record = {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2020, 1]]},
              "author": [{"family": "Doe", "given": "J."}], "volume": 3, "custom": {"x": 1}}
    out, diags = check_items([record])
    assert out[0] is record and diags == []


def test_repairs_are_reported_with_record_and_field():
    out, diags = check_items([{"id": "r1", "type": "journal", "issued": "2020", "author": "Smith, J.",
                               "title": ["not", "text"], "page": 12, "foo": "bar"}])
    item = out[0]
    assert item["type"] == "document" and item["issued"] == {"raw": "2020"}
    assert item["author"] == [{"literal": "Smith, J."}] and "title" not in item and item["page"] == 12
    assert item["custom"]["non-csl"] == {"foo": "bar"}
    fields = {d.field for d in diags}
    assert {"type", "issued", "author", "title", "foo"} <= fields
    assert all(d.record == "r1" for d in diags)


def test_writers_report_what_was_repaired():
    out = converter.write([{"id": "r1", "type": "book", "title": "T", "issued": 1999}], "csljson")
    assert json.loads(out)[0]["issued"] == {"date-parts": [[1999]]}
    assert "issued is a number; read as a year" in out.diagnostics[0].message


def test_repeated_ids_are_written_once_or_renamed():
    a = {"id": "a", "type": "book", "title": "Alpha", "author": [{"family": "Smith"}], "issued": {"date-parts": [[2020]]}}
    out = converter.write([a, a, dict(a, title="Beta")], "apa")
    assert str(out).count("Alpha") == 1 and "Beta" in out
    messages = [d.message for d in out.diagnostics]
    assert "item 2 repeats record 'a' exactly; written once" in messages
    assert "item 3 reuses the id 'a' of another record; renamed 'a-2'" in messages


def test_line_breaks_in_data_keep_one_entry_per_line():
    item = {"id": "a", "type": "book", "title": "Alpha\nsecond line", "publisher": "P",
            "issued": {"date-parts": [[2020]]}}
    for to in ("apa", "gost", "gost-2008"):
        assert str(converter.write([item], to)).count("\n") == 1, to


def test_quotes_and_backslashes_are_clean_but_escaped_control_characters_are_not():
    plain = {"id": "a", "type": "book", "title": 'A "quoted" \\ title\twith\nbreaks', "note": "\\u0001"}
    items, diags = check_items([plain])
    assert items[0] is plain and not diags
    for bad in ["\b", "\f", "\x01", "\\\x01"]:
        items, diags = check_items([{"id": "b", "type": "book", "title": f"x{bad}y"}])
        assert "\x01" not in items[0]["title"] and "\b" not in items[0]["title"] and len(diags) == 1
