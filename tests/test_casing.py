"""converter/vocabulary/casing.py: the one home of letter-case rules (issue 14)."""
from __future__ import annotations

import re
from pathlib import Path

from converter.vocabulary.casing import looks_title_case, sentence_case_from_capitals, text_case

CONVERTER = Path(__file__).resolve().parent.parent / "converter"


def test_text_case_keeps_one_string_per_character():
    assert text_case("straße", "uppercase") == list("STRA") + ["SS", "E"]
    assert "".join(text_case("the iPhone of PLOS", "title", [False] * 4 + [True] * 6 + [False] * 8)) == \
        "The iPhone of PLOS"


def test_capitals_become_sentence_case_with_known_proper_nouns():
    assert sentence_case_from_capitals("РЕГИОНАЛЬНАЯ ПОЛИТИКА РОССИИ", {"россии": "России"}) == \
        "Региональная политика России"


def test_title_case_is_recognised():
    assert looks_title_case("Modern Trends in Paradiplomacy and Regional Policy")
    assert not looks_title_case("Modern trends in paradiplomacy and regional policy")


def test_case_rules_live_in_casing_only():
    rules = re.compile(r"^def (sentence_case|title_case|looks_title_case|stored_in_title_case)\b"
                       r"|^STOP_WORDS\b", re.M)
    elsewhere = [str(p.relative_to(CONVERTER)) for p in CONVERTER.rglob("*.py")
                 if p.name != "casing.py" and rules.search(p.read_text("utf-8"))]
    assert elsewhere == []
