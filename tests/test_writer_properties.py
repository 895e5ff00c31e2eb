"""Property tests over random CSL items, one per writer (issue 18): a writer either writes or
raises a ConversionError, and its output reads back with the matching reader as the same
number of records (nothing injected, split or lost), with text fields intact where the format
carries them as text. Kept fast (a few seconds each) so they run in the normal suite."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import converter
from converter.errors import ConversionError

# Any character, surrogates and control characters included: writers must cope with all.
ANY_TEXT = st.text(st.characters(), max_size=40)
# What a hostile value tends to hold: the syntax of every output format.
SYNTAX = st.sampled_from(["}", "{", "\\", "@preamble{", "\r", "\n", "\rER  - \r", "\nTY  - JOUR",
                          "<", "&", "]]>", '"', "%", "#", "$", "~", "^", "\x00", "\ud800", "\x85"])
HOSTILE_TEXT = st.lists(st.one_of(ANY_TEXT, SYNTAX), max_size=6).map("".join)
NAME = st.fixed_dictionaries({}, optional={"family": HOSTILE_TEXT, "given": HOSTILE_TEXT,
                                           "literal": HOSTILE_TEXT})
DATE = st.fixed_dictionaries({"date-parts": st.lists(
    st.lists(st.integers(-10, 3000), min_size=1, max_size=3), min_size=1, max_size=2)},
    optional={"season": st.integers(-1, 5), "circa": st.booleans(), "literal": HOSTILE_TEXT})
ITEM = st.fixed_dictionaries(
    {"id": st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True),
     "type": st.sampled_from(["article-journal", "book", "chapter", "report", "webpage", "document",
                              "thesis", "paper-conference"])},
    optional={
        "title": HOSTILE_TEXT, "container-title": HOSTILE_TEXT, "note": HOSTILE_TEXT,
        "abstract": HOSTILE_TEXT, "publisher": HOSTILE_TEXT, "URL": HOSTILE_TEXT, "DOI": HOSTILE_TEXT,
        "volume": st.one_of(HOSTILE_TEXT, st.integers(), st.floats()), "page": HOSTILE_TEXT,
        "author": st.lists(NAME, max_size=3), "editor": st.lists(NAME, max_size=2),
        "issued": DATE, "accessed": DATE,
        "custom": st.fixed_dictionaries({}, optional={
            "bibtex": st.dictionaries(st.one_of(st.sampled_from(["addendum", "eprint"]), HOSTILE_TEXT),
                                      HOSTILE_TEXT, max_size=2),
            "ris": st.dictionaries(st.one_of(st.sampled_from(["N1", "M1"]), HOSTILE_TEXT),
                                   st.lists(HOSTILE_TEXT, max_size=2), max_size=2)}),
    })
ITEMS = st.lists(ITEM, min_size=1, max_size=3, unique_by=lambda i: i["id"])

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def _write(items, to):
    try:
        return str(converter.write(items, to))
    except ConversionError:
        return None


def _plain(text: str) -> str:
    """Text as every format keeps it: no characters the hub takes out, spaces collapsed."""
    text = re.sub("[\ud800-\udfff]", "\ufffd", text)
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]", "", text)
    return " ".join(text.split())


@pytest.mark.parametrize("to", ["apa", "gost"])
@FAST
@given(ITEMS)
def test_csl_renderers_raise_only_conversion_errors(to, items):
    out = _write(items, to)
    if out is not None:
        out.encode("utf-8")


@FAST
@given(ITEMS)
def test_csljson_round_trip(items):
    out = _write(items, "csljson")
    assert out is not None
    json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in CSL-JSON"))
    back = converter.read(out, "csljson").records
    assert [r["id"] for r in back] == [i["id"] for i in items]
    for item, record in zip(items, back):
        if isinstance(item.get("title"), str) and _plain(item["title"]):
            assert _plain(record["title"]) == _plain(item["title"])


@FAST
@given(ITEMS)
def test_ris_round_trip(items):
    out = _write(items, "ris")
    assert out is not None
    back = converter.read(out, "ris").records
    assert len(back) == len(items)
    for item, record in zip(items, back):
        title = _plain(item.get("title") or "")
        if title and "title" in record:
            assert _plain(record["title"]) == title


@pytest.mark.parametrize("to", ["bibtex", "biblatex"])
@FAST
@given(ITEMS)
# found by this test: a line break, then another break before a '%' (bibtexparser reads a
# line that starts with '%' as a comment, and the entry never closed)
@example([{"id": "a", "type": "article-journal", "title": "T", "DOI": "\n\x85{"}])
@example([{"id": "a", "type": "article-journal", "title": "T", "note": "x\r\n\u2028 %y"}])
def test_bibtex_round_trip(to, items):
    out = _write(items, to)
    assert out is not None
    back = converter.read(out, "bibtex").records
    assert len(back) == len(items)  # no entry injected, none lost


@FAST
@given(ITEMS)
def test_jats_round_trip(items):
    out = _write(items, "jats")
    assert out is not None
    out.encode("utf-8")
    result = converter.read(out, "jats")
    assert not result.errors, [d.format() for d in result.errors]
    back = result.records if len(items) == 1 else result.records[0]["custom"]["references"]
    assert len(back) == len(items)
