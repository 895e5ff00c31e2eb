"""converter.patterns: patterns compiled on first use, and the quick case-blind word test."""
from __future__ import annotations

import re
import sys

import pytest

from converter.patterns import ODD_FOLDS, CaseBlindWords

# the letters the parser's case-blind words are written in: Latin with its accents, Cyrillic
LETTERS = ("abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿąćęłńśźżčďěňřšťůž"
           "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґқғәөұүһң")
EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_odd_folds_are_every_character_lower_misses() -> None:
    """A character the re module matches case-blind to a letter is lowered to that letter, or is
    one of ODD_FOLDS: so lowering the text and looking for the words misses no match."""
    for letter in LETTERS:
        for c in set(re.findall(re.escape(letter), EVERY_CHARACTER, re.I)):
            assert c.lower() == letter or c in ODD_FOLDS, (letter, c)


@pytest.mark.parametrize("text, found", [
    ("(accessed 10 May 2025)", True), ("(ACCESSED 10 May 2025)", True), ("Дата обращения: 10.05.2025", True),
    ("Smith J. Title. 2020", False), ("ACCEſſED", True), ("Тitle", False)])
def test_case_blind_words(text: str, found: bool) -> None:
    words = CaseBlindWords("access", "дата")
    assert words.in_text(text) is found
    pattern = re.compile("access|дата", re.I)
    assert found or pattern.search(text) is None


def test_case_blind_words_want_plain_lower_case() -> None:
    with pytest.raises(ValueError):
        CaseBlindWords("Access")
    with pytest.raises(ValueError):
        CaseBlindWords("ſection")
