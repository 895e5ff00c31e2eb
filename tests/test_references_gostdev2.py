"""The second hand-written Cyrillic GOST development set: 60 references
(fixtures/references/gost-dev2.json), written when gost-dev.json had saturated.

Like gost-dev.json it is a development set: its errors may be read and designed against. None
of its strings comes from refdata, gost-dev.json or a generator. It leans on what the first set
has little of: laws and decrees with their gazette (Russian, Ukrainian, Kazakh), standards
(ГОСТ Р, СНиП, СП), patents, preprints, reports, newspapers with day dates (Russian and
Ukrainian month abbreviations), web pages, Kazakh-language articles, Belarusian and Bulgarian
lists; about half carry a typing irregularity ('.-', '//' without spaces, Latin letters inside
Cyrillic words, 'N 5', 'Т.86,№7', doubled spaces, a line-break hyphen, no final full stop, no
space after initials or a comma, mixed en and em dashes, 'С.' and 'с.').

Gold conventions: those of tests/test_references_gostdev.py, and where that is silent:
  * a Kazakh 'Б.' (бет) is the page prefix, like 'С.'; a Belarusian thesis's 'л.' (leaves)
    is number-of-pages.
  * a patent: the inventors are the authors, the title of the invention is the title, the
    patent's number is the number and the date of publication ('опубл.') is issued; the
    bulletin number ('Бюл. № 18') and the application number are neither issue nor number.
  * a preprint in a numbered series ('// Препринты ИПМ им. М.В. Келдыша. 2019. № 45') has the
    series as container-title and its number as issue; a preprint with a code of its own
    ('препринт WP2/2016/03') has it as number.
  * an online newspaper item dated to the day ('2023. – 14 февр.') is issued to the day.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

from conftest import need_shared
from converter.references import parse_reference

FIXTURE = Path(__file__).parent / "fixtures" / "references" / "gost-dev2.json"
SCORED = ["author", "title", "container-title", "issued", "volume", "issue", "page", "DOI", "URL"]
# The parser scored 0.882 micro-F1 on this set when it was written (commit 46728c8, before any rule
# was changed for it) and 1.000 after the rules developed against it (branch gostdev10). The floor
# sits about four points (a dozen wrong values) below, so a regression fails and a retrained model's
# small wobble does not. The set guided those rules: the held-out GOST figure is the honest one.
FLOOR = 0.96


def _cases() -> List[Dict[str, Any]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def _scorer():
    from conftest import load_shared_tool
    return load_shared_tool("score_refs")


def test_the_set_is_well_formed() -> None:
    cases = _cases()
    assert len(cases) == 60
    assert len({c["text"] for c in cases}) == 60
    for case in cases:
        assert set(case) == {"text", "gold"}
        gold = case["gold"]
        assert any("\u0400" <= ch <= "\u04ff" for ch in case["text"])
        assert gold["type"] and (gold.get("title") or gold.get("container-title"))
        for key in ("page", "issue"):
            assert "-" not in gold.get(key, ""), "ranges take an en dash"
        for name in gold.get("author", []):
            assert name["family"] and name["family"] in case["text"].replace("\n", " ")


def test_no_string_is_shared_with_the_first_set() -> None:
    first = json.loads((FIXTURE.parent / "gost-dev.json").read_text(encoding="utf-8"))
    assert not {c["text"] for c in first} & {c["text"] for c in _cases()}


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:40])
def test_every_string_parses_into_a_structure(case: Dict[str, Any]) -> None:
    item, diags = parse_reference(case["text"])
    assert item["source"] == case["text"] and item["type"]
    assert item.get("title") or item.get("container-title")
    assert not any("could not structure" in d.message for d in diags)


def test_micro_f1_over_the_nine_fields() -> None:
    need_shared()
    cases = _cases()
    gold = [case["gold"] for case in cases]
    pred = [{k: v for k, v in parse_reference(case["text"])[0].items() if k in SCORED} for case in cases]
    scorer = _scorer()
    res = scorer.evaluate(gold, pred, fields=SCORED)
    print(scorer.format_report(res, f"gost-dev2: {len(cases)} hand-written Cyrillic references"))
    assert res["n"] == 60
    assert res["micro"]["f1"] >= FLOOR
