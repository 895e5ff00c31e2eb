"""The hand-written Cyrillic GOST development sets: 80 references as Russian, Ukrainian,
Belarusian, Bulgarian and Serbian reference lists print them (fixtures/references/gost-dev.json),
with the fields a careful cataloguer would give.

This is the development set for GOST decisions: its errors may be read and designed against,
unlike refdata's Cyrillic held-out strings. None of its strings comes from refdata or from a
generator; about half carry a typing irregularity ('.-', '//' without spaces, a Latin 'C.',
'N 12', 'Т.89,№3', doubled spaces, a line-break hyphen, no final full stop).

Gold conventions, where a standard leaves room:
  * author: every person in the author role, the GOST heading and the list after the slash
    merged, in printed order; 'и др.' / '[и др.]' / 'и соавт.' dropped; given names as
    printed. Editors ('под ред.'), translators ('пер. с англ.') and a report's head ('рук.')
    are not authors; their names are given in the nominative.
  * title: the title proper and a thematic subtitle as printed, without '[Электронный
    ресурс]', '[Текст]', 'Текст : электронный' or the statement of responsibility. Words that
    name the kind of document ('учебник', 'учеб. пособие', 'монография', 'дис. ... канд. экон.
    наук', 'автореф. дис. ...', 'отчет о НИР') are the genre, as synth.py labels them.
  * container-title: the journal, collection or site as printed, a series included ('Вестник
    МГУ. Сер. 18: Социология и политология'); a collection's 'материалы ... конф.' / 'сб. ст.'
    is not part of it.
  * issue: '№', 'N', 'Вып.' / 'Вип.', Bulgarian 'Кн.' and 'бр.'; a cumulative number in
    brackets ('№ 4 (249)') is dropped. volume: 'Т.', 'Vol.', a book's part 'Ч. 1', Serbian
    'год.'. '256 с.' is number-of-pages, never page.
  * issued: the year; a newspaper's day and a law's date of adoption in full. A law's '№ 131-ФЗ'
    is its number, not an issue; 'Ст. 3822' of the official gazette is a section.
  * a standard's designation ('ГОСТ 7.1-2003') is its number, not part of the title.
  * author-year keys ('Лебедев, 2015а – ') are citation-label; list numbers citation-number.

The second set (fixtures/references/gost-dev2.json, session 10): 60 references written when
the first had saturated, checked by the same tests.

Like gost-dev.json it is a development set: its errors may be read and designed against. None
of its strings comes from refdata, gost-dev.json or a generator. It leans on what the first set
has little of: laws and decrees with their gazette (Russian, Ukrainian, Kazakh), standards
(ГОСТ Р, СНиП, СП), patents, preprints, reports, newspapers with day dates (Russian and
Ukrainian month abbreviations), web pages, Kazakh-language articles, Belarusian and Bulgarian
lists; about half carry a typing irregularity ('.-', '//' without spaces, Latin letters inside
Cyrillic words, 'N 5', 'Т.86,№7', doubled spaces, a line-break hyphen, no final full stop, no
space after initials or a comma, mixed en and em dashes, 'С.' and 'с.').

Its gold conventions are those above, and where they are silent:
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

SETS = Path(__file__).parent / "fixtures" / "references"
SCORED = ["author", "title", "container-title", "issued", "volume", "issue", "page", "DOI", "URL"]
# set -> (its size, the micro-F1 floor). gost-dev.json scored 0.869 when it was written (commit
# af5a01c) and 0.991 after the GOST rules developed against it (686c724); gost-dev2.json 0.882
# when written (46728c8) and 1.000 after session 10's rules. The floors sit three or four points (a
# dozen wrong values) below, so a regression fails and a retrained model's small wobble does not.
# The sets guided those rules: the held-out GOST figures are the honest ones.
FIXTURES = {"gost-dev.json": (80, 0.96), "gost-dev2.json": (60, 0.96)}


def _cases(name: str = "gost-dev.json") -> List[Dict[str, Any]]:
    return json.loads((SETS / name).read_text(encoding="utf-8"))


def _scorer():
    from conftest import load_shared_tool
    return load_shared_tool("score_refs")


@pytest.mark.parametrize("name", FIXTURES)
def test_the_set_is_well_formed(name: str) -> None:
    cases, size = _cases(name), FIXTURES[name][0]
    assert len(cases) == size
    assert len({c["text"] for c in cases}) == size
    for case in cases:
        assert set(case) == {"text", "gold"}
        gold = case["gold"]
        # a Cyrillic reference, with a type and at least a title or a container to find
        assert any("\u0400" <= ch <= "\u04ff" for ch in case["text"])
        assert gold["type"] and (gold.get("title") or gold.get("container-title"))
        for key in ("page", "issue"):
            assert "-" not in gold.get(key, ""), "ranges take an en dash"
        for name_ in gold.get("author", []):
            assert name_["family"] and name_["family"] in case["text"].replace("\n", " ")


def test_no_string_is_in_both_sets() -> None:
    assert not {c["text"] for c in _cases("gost-dev.json")} & {c["text"] for c in _cases("gost-dev2.json")}


@pytest.mark.parametrize("case", [c for name in FIXTURES for c in _cases(name)], ids=lambda c: c["text"][:40])
def test_every_string_parses_into_a_structure(case: Dict[str, Any]) -> None:
    item, diags = parse_reference(case["text"])
    assert item["source"] == case["text"] and item["type"]
    # every string of the sets has a title or a container: none may fall back to 'unstructured'
    assert item.get("title") or item.get("container-title")
    assert not any("could not structure" in d.message for d in diags)


@pytest.mark.parametrize("name", FIXTURES)
def test_micro_f1_over_the_nine_fields(name: str) -> None:
    need_shared()
    cases = _cases(name)
    gold = [case["gold"] for case in cases]
    pred = [{k: v for k, v in parse_reference(case["text"])[0].items() if k in SCORED} for case in cases]
    scorer = _scorer()
    res = scorer.evaluate(gold, pred, fields=SCORED)
    print(scorer.format_report(res, f"{name}: {len(cases)} hand-written Cyrillic references"))
    assert res["n"] == FIXTURES[name][0]
    assert res["micro"]["f1"] >= FIXTURES[name][1]


def test_item_types() -> None:
    """The CSL type (not scored by score_refs.py): 77 of 80 agreed when the GOST rules landed;
    the magazines read as journals are the known misses (nothing in the string tells them apart)."""
    cases = _cases()
    agree = sum(parse_reference(case["text"])[0]["type"] == case["gold"]["type"] for case in cases)
    assert agree >= 74
