"""GOST strings for books, chapters, theses, web pages and conference papers, written by hand
(tests/fixtures/csl/gost-types.README.md says from which patterns), for both GOST styles and
both list languages. The seed article's strings are checked in test_csl_seed.py."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import converter

FIXTURES = Path(__file__).parent / "fixtures" / "csl"
ITEMS = {item["id"]: item for item in
         json.loads((FIXTURES / "gost-types.items.json").read_text(encoding="utf-8"))}
EXPECTED = json.loads((FIXTURES / "gost-types.expected.json").read_text(encoding="utf-8"))
CASES = [(item_id, variant) for item_id, variants in EXPECTED.items() for variant in variants]


@pytest.mark.parametrize("item_id,variant", CASES, ids=[f"{i}-{v}" for i, v in CASES])
def test_gost_type(item_id: str, variant: str) -> None:
    fmt, _, locale = variant.partition("@")
    out = converter.write([ITEMS[item_id]], fmt, locale=locale or "ru")
    assert out.strip() == EXPECTED[item_id][variant]


def test_every_fixture_item_has_expected_strings() -> None:
    assert set(ITEMS) == set(EXPECTED)
    for variants in EXPECTED.values():
        assert set(variants) == {"gost", "gost@en", "gost-2008", "gost-2008@en"}
