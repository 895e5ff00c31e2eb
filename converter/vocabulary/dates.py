"""Dates: reading the forms sources print (ISO 8601 and EDTF ranges, day-first numeric dates,
month names and abbreviations) into CSL dates, and taking CSL dates apart again for formats
that write them their own way (ISO strings, a year and a month, year/month/day elements).

A CSL date is ``{"date-parts": [[2025, 8, 20]]}`` (two lists for a range), or ``{"raw": ...}`` /
``{"literal": ...}`` when the text could not be read; ``season`` is 1-4 or a season's name.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any, Dict, List, Sequence, Tuple

from ..patterns import lazy

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
# BibTeX's month macros, and what `month = {...}` fields hold most often
MONTH_ABBREVIATIONS = tuple(name[:3].lower() for name in MONTH_NAMES)
MONTH_NAMES_RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                           "сентября", "октября", "ноября", "декабря")
# The stems reference strings abbreviate month names to, English and Russian
MONTH_STEMS: Dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}
# the same stems as a regular-expression alternation
MONTH_STEM_PATTERN = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек"
# CSL's seasons 1-4 (RIS prints them by name)
SEASONS = ("Spring", "Summer", "Autumn", "Winter")


# month-name stems (the shortest prefix every printed form shares) in the languages article pages
# and references print dates in: English, Russian, Ukrainian, Spanish, Portuguese, French, German
_MONTH_STEMS_BY_NUMBER = (
    ("jan", "янв", "січ", "ene", "janv", "jän"), ("feb", "фев", "лют", "fev", "févr", "fevr"),
    ("mar", "мар", "берез", "mär"), ("apr", "апр", "квіт", "abr", "avr"),
    ("may", "мая", "май", "трав", "mai", "mayo", "maio"), ("jun", "июн", "черв", "juin"),
    ("jul", "июл", "лип", "juil"), ("aug", "авг", "серп", "ago", "août", "aout"),
    ("sep", "сен", "верес", "set"), ("oct", "окт", "жовт", "out", "okt"),
    ("nov", "ноя", "листоп"), ("dec", "дек", "груд", "dic", "dez", "déc"),
)


@lru_cache(maxsize=1)
def _cldr_month_names() -> Dict[str, int]:
    """Every language's month names and abbreviations, nominative and genitive ('lipiec',
    'lipca', 'Temmuz', 'března', 'Mei'), from the Unicode CLDR (written by tools/month_names.py;
    names that mean different months in two languages are left out). Read on the first word the
    stems above do not know."""
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "month_names.json")
    with open(path, encoding="utf-8") as handle:
        table: Dict[str, int] = json.load(handle)
    return table


def month_number(text: str) -> int | None:
    """'3', 'mar', 'March', 'марта', 'березня', 'septiembre', 'lipca', 'Temmuz' -> the month;
    None for anything that is not a month (including '13' and words under three letters)."""
    word = text.strip().lower().rstrip(".")
    if word.isdecimal():  # (not isdigit: a superscript '¹' is a digit that int() refuses)
        number = int(word)
        return number if 1 <= number <= 12 else None
    if len(word) < 3:
        return None
    for number, stems in enumerate(_MONTH_STEMS_BY_NUMBER, 1):
        if any(word.startswith(stem) for stem in stems):
            return number
    return _cldr_month_names().get(word)


# ---- reading ------------------------------------------------------------------------------

# 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', optionally with a time; a negative year is BCE (EDTF)
_ISO = lazy(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T[\d:.Z+\-]*)?$")
_DAY_FIRST = lazy(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
_YEAR_FIRST_PREFIX = lazy(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_DAY_FIRST_PREFIX = lazy(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})")


def parse_iso(text: str) -> List[int] | None:
    """'2025-08-20' (or '2025', '2025-08', '2025-08-20T10:00Z') -> [2025, 8, 20]; None otherwise."""
    m = _ISO.match(text.strip())
    return [int(g) for g in m.groups() if g is not None] if m else None


_UNSPECIFIED_YEAR = lazy(r"(\d{2,3})[uX]{1,2}")


def parse_edtf(text: str) -> Dict[str, Any] | None:
    """An ISO 8601 date or an EDTF interval ('2020-05/2020-06') as a CSL date; None when the text
    is neither. A year with unspecified digits ('199X', biblatex also '199u') is the range
    1990-1999; an approximate date ('1723~') is ``circa``. An open or unknown end ('2020/..',
    '2020/', '../2001', '/2001') is an end of zeros as long as the other end, citeproc-js's form
    of an open range ('2020-' ): CSL-JSON has no word for it, and a ``literal`` would lose the
    date itself. EDTF's uncertain ('?', '%') has no CSL form at all: None (kept as a literal)."""
    ends = text.strip().split("/")
    if len(ends) > 2:
        return None
    unspecified = _UNSPECIFIED_YEAR.fullmatch(text.strip())
    if unspecified and len(text.strip()) == 4:  # EDTF '199X' (biblatex also '199u'): the decade or century as a range
        digits = unspecified.group(1)
        width = 4 - len(digits)
        return {"date-parts": [[int(digits) * 10 ** width], [int(digits) * 10 ** width + 10 ** width - 1]]}
    parts: List[List[int] | None] = []  # None for an open end
    circa = False
    for end in ends:
        end = end.strip()
        if end in ("", ".."):
            parts.append(None)
            continue
        if end.endswith("~"):
            circa, end = True, end[:-1]
        one = parse_iso(end)
        if one is None:
            return None
        parts.append(one)
    known = [p for p in parts if p is not None]
    if not known:
        return None
    date: Dict[str, Any] = {"date-parts": [p if p is not None else [0] * len(known[0]) for p in parts]}
    if circa:
        date["circa"] = True
    return date


def is_open(parts: Sequence[Any]) -> bool:
    """True for the zeros that stand for an open end of a range (see parse_edtf)."""
    return bool(parts) and all(p in (0, "0") for p in parts)


def parse_day_first(text: str) -> List[int] | None:
    """'10.05.2025' -> [2025, 5, 10] (Russian and European usage: day first).
    None if it is not a valid DD.MM.YYYY date."""
    m = _DAY_FIRST.match(text)
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return [year, month, day]


def parse_numeric(text: str) -> List[int] | None:
    """The date a numeric date string starts with, as metadata prints it: year first
    ('2025/08/20', '2025-08-20T10:00Z', '2025-08', '2025') or day first ('20.08.2025')."""
    m = _YEAR_FIRST_PREFIX.match(text)
    if m:
        return [int(g) for g in m.groups() if g]
    m = _DAY_FIRST_PREFIX.match(text)
    return [int(m.group(3)), int(m.group(2)), int(m.group(1))] if m else None


# ---- dates as reference strings print them, in many languages -----------------------------

# Month names by their first three or four letters: English, German, French, Spanish, Portuguese,
# Italian, Polish (nominative and genitive), Russian, Ukrainian, Bulgarian, Kazakh. Four-letter
# stems are looked up first ('juin' / 'juil').
_MONTH_WORD_STEMS: Dict[str, int] = {}
for _number, _stems in enumerate((
        "jan jän ene gen sty янв яну січ қаң",
        "feb fév fev lut фев лют ақп",
        "mar mär mrz мар бер нау",
        "apr avr abr kwi апр кві сәу",
        "may mai maj mag май мая тра мам",
        "jun juin giu cze июн юни чер мау",
        "jul juil lug lip июл юли лип шіл",
        "aug aoû aou ago sie авг сер там",
        "sep set wrz сен сеп вер қыр",
        "oct okt ott out paź paz окт жов қаз",
        "nov lis ноя ное лис қар",
        "dec dez dic déc gru дек гру жел"), start=1):
    for _stem in _stems.split():
        _MONTH_WORD_STEMS[_stem] = _number


def month_from_word(word: str) -> int | None:
    """'May', 'mai', 'Mai.', 'maio', 'мая', 'травня', 'marca', 'қазан' -> the month's number;
    None for a word that is no month name (at least three letters are needed)."""
    w = word.strip(". ").lower()
    if len(w) < 3 or not w.isalpha():
        return None
    return _MONTH_WORD_STEMS.get(w[:4]) or _MONTH_WORD_STEMS.get(w[:3]) or _cldr_month_names().get(w)


_WORD = r"([^\W\d_]{3,12})\.?"
_YEAR_SUFFIX = r"(?:\s*(?:г|р|y)\.|\s*року|\s*года)?"
_PRINTED_DATES = (
    ("dmy", lazy(r"(\d{1,2})[./](\d{1,2})[./](\d{4})" + _YEAR_SUFFIX)),
    ("ymd", lazy(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")),
    # '10 May 2025', '10. Mai 2025', '5 de marzo de 2024', '10 мая 2025 г.', '12 mar. 2024'
    ("dMy", lazy(r"(\d{1,2})\.?\s+(?:de\s+)?" + _WORD + r",?\s+(?:de\s+)?(\d{4})" + _YEAR_SUFFIX)),
    # 'May 10, 2025', 'Травень 2, 2024'
    ("Mdy", lazy(_WORD + r"\s+(\d{1,2}),?\s+(\d{4})")),
    # '2025 May 10' (Vancouver's '[cited 2025 May 10]')
    ("yMd", lazy(r"(\d{4})\s+" + _WORD + r"\s+(\d{1,2})(?![\d])")),
    # 'May 2024', 'mai 2024'
    ("My", lazy(_WORD + r",?\s+(\d{4})" + _YEAR_SUFFIX)),
)


def read_printed_date(text: str) -> Tuple[List[int], int] | None:
    """The date a text starts with, as reference strings print it ('10.05.2025', '2024-11-05',
    '10 May 2025', 'May 10, 2025', '5 de marzo de 2024', '10 мая 2025 г.', '2025 May 10'):
    ([year, month, day], where the date ends), or None when it starts with no valid date."""
    for order, pattern in _PRINTED_DATES:
        m = pattern.match(text)
        if not m:
            continue
        g = m.groups()
        if order == "dmy":
            y, mo, d = int(g[2]), int(g[1]), int(g[0])
        elif order == "ymd":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        else:
            word = {"dMy": g[1], "Mdy": g[0], "yMd": g[1], "My": g[0]}[order]
            month = month_from_word(word)
            if month is None:
                continue
            mo = month
            if order == "dMy":
                y, d = int(g[2]), int(g[0])
            elif order == "Mdy":
                y, d = int(g[2]), int(g[1])
            elif order == "yMd":
                y, d = int(g[0]), int(g[2])
            else:
                y, d = int(g[1]), 0
        if not (1 <= mo <= 12 and 0 <= d <= 31 and 1000 <= y <= 2999):
            continue
        return ([y, mo, d] if d else [y, mo]), m.end()
    return None


# ---- taking CSL dates apart ---------------------------------------------------------------

def date_parts(date: Any) -> List[List[int]] | None:
    """Every date of a CSL date (one, or two for a range) as lists of ints: from ``date-parts``,
    else from an ISO ``raw`` value; None when neither holds numbers."""
    if not isinstance(date, dict):
        return None
    parts = date.get("date-parts")
    if parts and isinstance(parts, list) and parts[0]:
        try:
            return [[int(p) for p in part] for part in parts if part]
        except (TypeError, ValueError):
            return None
    one = parse_iso(str(date.get("raw") or ""))
    return [one] if one else None


def first_date(date: Any) -> List[int] | None:
    """The (first) date of a CSL date as [year, month?, day?], the end of a range whose start is
    open; None when it has no numbers."""
    parts = [p for p in date_parts(date) or [] if not is_open(p)]
    return parts[0] if parts else None


def to_iso(parts: Sequence[int | None]) -> str | None:
    """[2025, 8, 20] -> '2025-08-20', [2025, 8] -> '2025-08'; parts after a missing one are
    dropped; None without a year."""
    out: List[str] = []
    for n, part in enumerate(parts[:3]):
        if part is None:
            break
        out.append(f"{part:04d}" if n == 0 else f"{part:02d}")
    return "-".join(out) or None


def to_edtf(parts: Sequence[Sequence[int]], *, circa: bool = False) -> str:
    """A date or a range as ISO 8601 / EDTF: '2025-08-20', '2020-05/2020-06', an open end
    '2020/..', an approximate date '1723~'."""
    mark = "~" if circa else ""
    return "/".join(".." if is_open(one) and len(parts) > 1 else (to_iso(one) or "") + mark for one in parts[:2])


__all__ = ["MONTH_ABBREVIATIONS", "MONTH_NAMES", "MONTH_NAMES_RU_GENITIVE", "MONTH_STEMS", "MONTH_STEM_PATTERN",
           "SEASONS", "date_parts", "first_date", "is_open", "month_from_word", "month_number", "parse_day_first", "parse_edtf", "parse_iso",
           "parse_numeric", "read_printed_date", "to_edtf", "to_iso"]
