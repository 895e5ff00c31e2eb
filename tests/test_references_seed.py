"""The seed's 16 references, scored against the hand-made gold with ../shared/tools/score_refs.py
(a scorer this module did not write)."""
from __future__ import annotations

import re

import pytest

from conftest import GOLD, SEED, load_json, need_shared
from converter.references import parse_reference, split_reference_list


def _scorer():
    from conftest import load_shared_tool
    return load_shared_tool("score_refs")


def _seed_reference_block() -> str:
    """The lines between the REFERENCES heading and 'About the authors' of the seed page."""
    text = SEED.read_text(encoding="utf-8")
    m = re.search(r"^REFERENCES\s*$(.*?)^About\sthe\sauthors", text, re.M | re.S)
    assert m, "seed page layout changed"
    return m.group(1)


@pytest.fixture(scope="module")
def seed_predictions():
    need_shared()
    block = _seed_reference_block()
    refs = split_reference_list(block)
    return refs, [parse_reference(text, number=no) for no, text, _ in refs]


def test_seed_list_splits_into_16_numbered_references(seed_predictions):
    refs, _ = seed_predictions
    assert [no for no, _, _ in refs] == [str(n) for n in range(1, 17)]
    assert refs[0][1].startswith("Tarasova A.S. Modern Trends")
    assert refs[15][1].endswith("10.24182/2073-6258-2024-23-3-9-13")


def test_seed_references_meet_the_gold(seed_predictions):
    _, parsed = seed_predictions
    gold = load_json(GOLD / "references.csl.json")
    res = _scorer().evaluate(gold, [item for item, _ in parsed])
    wrong = [(i + 1, f, g, p) for i, f, g, p in res["errors"]]
    assert res["micro"]["f1"] >= 0.99, wrong
    assert res["exact"] == 16, wrong


def test_seed_references_keep_their_original_string(seed_predictions):
    refs, parsed = seed_predictions
    for (_, text, _), (item, _) in zip(refs, parsed):
        assert item["source"] == text
        assert "custom" not in item  # the scorer would count it as a field


def test_seed_homoglyphs_are_repaired_with_a_warning(seed_predictions):
    refs, parsed = seed_predictions
    item4, diags4 = parsed[3]
    assert item4["container-title"] == "World Economy and International Relation"
    assert "\u0441" not in item4["container-title"]  # Cyrillic 'с' gone
    assert any("Eсonomy" in d.message for d in diags4)
    item16, diags16 = parsed[15]
    assert item16["author"][0] == {"family": "Ajekbarov", "given": "K.A."}  # Latin K and A
    assert any(d.field == "author" and "Ajekbarov К.А." in d.message for d in diags16)
    assert all(ord(c) < 128 for c in item16["author"][0]["given"])


def test_seed_url_loses_tracking_and_keeps_cyrillic_path(seed_predictions):
    _, parsed = seed_predictions
    item15, _ = parsed[14]
    assert "ysclid" not in item15["URL"]
    assert item15["URL"].endswith("5.%20Золотарев%20Ф.Е_.pdf")
    assert "ysclid" in item15["source"]  # nothing is lost: the original keeps it


def test_seed_page_record_carries_the_parsed_list(seed_record):
    """The page reader hands its reference list to parse_reference: the real record meets the gold."""
    refs = seed_record.records[0]["custom"]["references"]
    gold = load_json(GOLD / "references.csl.json")
    res = _scorer().evaluate(gold, refs)
    assert res["micro"]["f1"] >= 0.99, res["errors"]
    assert res["exact"] == 16, res["errors"]


def test_seed_references_are_written_with_references_true(seed_record):
    import converter

    out = converter.write(seed_record.records, "csljson", references=True)
    import json

    items = json.loads(str(out))
    assert len(items) == 16
    assert items[8]["DOI"] == "10.15507/2413-1407.108.027.201904.711-733"
