"""Plain text as sources deliver it: white space, line-break hyphens, dashes, Unicode normal
form, Latin and Cyrillic look-alike letters mixed in one word. One function per rule.

Each function is pure and cheap; the ones that change what a user typed (homoglyphs) also
say what they changed so the caller can warn.
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Tuple

from ..patterns import lazy
from .languages import CYRILLIC as _CYRILLIC
from .languages import LATIN as _LATIN

# Cyrillic letters drawn exactly like Latin ones, and back.
_CYR_TO_LAT = dict(zip("АВЕКМНОРСТХУаеорсухіјѕӏ", "ABEKMHOPCTXYaeopcyxijsl"))
_LAT_TO_CYR = {v: k for k, v in _CYR_TO_LAT.items() if k not in "іјѕӏ"}
_WORD = lazy(r"[^\W\d_]+", re.UNICODE)

_SPACES = lazy(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\n\f\v ]+")
_INVISIBLE = lazy(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def normalize_space(text: str) -> str:
    """NBSP, thin spaces, tabs and line breaks become one space; soft hyphens and
    zero-width characters go; the ends are trimmed."""
    if text.isprintable() and "  " not in text:
        return text.strip()  # every space but ' ' and every invisible character is unprintable
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def undo_line_hyphens(text: str) -> str:
    """'Fer-\\nnando' -> 'Fernando': a hyphen at a line end between two lower-case letters."""
    return re.sub(r"(?<=[a-zа-яё])-[ \t]*\r?\n[ \t]*(?=[a-zа-яё])", "", text) if "\n" in text else text


def dashes_to_hyphen(text: str) -> str:
    """Every dash-like character becomes '-' (for comparing, not for output)."""
    return text.translate(_DASHES)


def _repair_word(word: str) -> str:
    cyr = len(_CYRILLIC.findall(word))
    lat = len(_LATIN.findall(word))
    if not cyr or not lat:
        return word
    if lat >= cyr and all(c in _CYR_TO_LAT for c in word if _CYRILLIC.match(c)):
        return "".join(_CYR_TO_LAT.get(c, c) for c in word)
    if cyr > lat and all(c in _LAT_TO_CYR for c in word if _LATIN.match(c)):
        return "".join(_LAT_TO_CYR.get(c, c) for c in word)
    return word


def repair_homoglyphs(text: str) -> Tuple[str, List[str]]:
    """Fix words that mix Latin and Cyrillic look-alikes ('Eсonomy' -> 'Economy',
    'Тomsk' -> 'Tomsk'), converting the minority script to the majority one.

    Returns the repaired text and the words that were changed (as ``'old -> new'``) so
    the caller can warn. Words wholly in one script are left alone; for Cyrillic initials
    of a Latin name ('Ajekbarov К.А.') use :func:`latinize_lookalikes` with the context.
    """
    changes: List[str] = []

    def fix(m: re.Match[str]) -> str:
        new = _repair_word(m.group(0))
        if new != m.group(0):
            changes.append(f"{m.group(0)} -> {new}")
        return new

    if not _CYRILLIC.search(text) or not _LATIN.search(text):
        return text, changes
    return _WORD.sub(fix, text), changes


def latinize_lookalikes(text: str) -> str | None:
    """The Latin spelling of a string whose Cyrillic letters all have Latin twins
    ('К.А.' -> 'K.A.'), or None if some letter has no twin."""
    if not all(c in _CYR_TO_LAT for c in text if _CYRILLIC.match(c)):
        return None
    return "".join(_CYR_TO_LAT.get(c, c) for c in text)


def nfc(text: str) -> str:
    """Unicode NFC, so that 'é' typed two ways compares equal."""
    return unicodedata.normalize("NFC", text)


__all__ = [
    "dashes_to_hyphen", "latinize_lookalikes", "nfc",
    "normalize_space", "repair_homoglyphs", "undo_line_hyphens",
]
