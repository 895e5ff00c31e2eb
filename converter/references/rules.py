"""High-precision rules: the parts of a reference string that can be recognised with
certainty. Each rule returns the CSL fields it found and the character spans it used, so
the segmenter (learned model or fallback) only has to decide what is left open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Tuple

from ..patterns import CaseBlindWords
from ..vocabulary.dates import MONTH_STEM_PATTERN as MONTH_WORDS
from ..vocabulary.dates import MONTH_STEMS as MONTHS
from ..vocabulary.dates import month_number, read_printed_date
from ..vocabulary.identifiers import clean_doi, clean_url
from ..vocabulary.languages import stated_language
from . import cjk

DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# a range may be typed with a doubled hyphen, as LaTeX sources print it ('243--249')
PAGE = rf"[A-Za-z]?\d+[A-Za-z]?(?:\s*[{DASH}]{{1,2}}\s*[A-Za-z]?\d+[A-Za-z]?)?"



@dataclass
class Found:
    """What the rules are certain about: CSL fields, the spans they came from, per label."""

    fields: Dict[str, Any] = field(default_factory=dict)
    spans: List[Tuple[int, int, str]] = field(default_factory=list)  # (start, end, label)
    # True when one pattern read the whole number cluster ('2018;(66):3–26'): what it did not
    # find is absent. GOST areas are read one by one, so a missed 'N 4' may still be there.
    whole_cluster: bool = False

    def take(self, start: int, end: int, label: str) -> None:
        self.spans.append((start, end, label))

    def covered(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, _ in self.spans)


_DOI_RE = re.compile(r"(?:\bdoi\s*[:.]?\s*|https?://(?:dx\.)?doi\.org/|\bdoi\.org/)?\b10\.\d{4,9}/[^\s\"<>]+",
                     re.I)
_URL_PREFIX = (r"(?:(?:Available\s+(?:at|from|online)|Retrieved\s+from|URL|Режим\s+доступа|Link|Access"
               r"|Online|Доступно\s+по\s+ссылке|Retrieved\s+[^,]{3,30},?\s+from)\s*:?\s*)?")
# a URL, also as PDF extraction breaks it: 'http:// www.x.org/ vol15/ iss3/ art11/' (a space after
# '://' or after a '/' that a path segment follows); url_value() takes the spaces out again
URL = (r"(?:https?:\s?//\s?|ftp://|www\.)[^\s<>\"]+"
       r"(?:(?<=/)\s(?=[a-z][\w.~%-]*(?:/(?=\s|$)|\.s?html?\b|\.php\b))[^\s<>\"]+)*")
_URL_RE = re.compile(_URL_PREFIX + URL, re.I)
_URL_ONLY = re.compile(URL, re.I)
_URL_WORDS = CaseBlindWords("//", "www.")  # what every URL holds: a quick test before the pattern


def url_value(text: str) -> str:
    """The URL as it is meant: the spaces a line break left inside it removed, tracking parameters
    dropped (normalize.clean_url)."""
    return clean_url(re.sub(r"\s+", "", text))
# the words that introduce a date of access, in the languages reference lists are written in;
# the date after them is read by dates.read_printed_date
_ACCESSED = re.compile(
    # ('Retrieved from URL on May 10, 2025' before 'Retrieved': the first alternative that fits is taken)
    r"[(\[]?\s*(?:retrieved\s+from\s+\S+\s+on"
    r"|(?:last\s+)?accessed(?:\s+on)?|viewed(?:\s+on)?|visited(?:\s+on)?|cited|retrieved(?:\s+on)?"
    r"|date\s+of\s+access|access\s+date|дата\s+(?:обращения|доступа|посещения|просмотра|звернення|доступу)"
    r"|просмотрено|переглянуто|(?:zuletzt\s+)?(?:abgerufen|aufgerufen|geprüft)(?:\s+am)?|zugriff(?:\s+am)?"
    r"|consultado(?:\s+(?:el|en))?|consult[ée]\s+le|acess(?:o|ado)\s+em|data\s+(?:dostępu|di\s+accesso)"
    # Spanish and Portuguese APA's 'Recuperado el / em ..., de URL'
    r"|recuperado(?:\s+(?:el|em))?|récupéré\s+le"
    r"|dostęp(?:\s+dnia)?|қаралған\s+күні|посетен(?:о)?\s+на)\s*[:.\-–—]?\s*", re.I)
# a word each _ACCESSED phrase has (as case-blind): a quicker search that rules most strings out
# (a phrase added above needs its word here too: tests/test_references_language_access.py)
_ACCESS_WORD = CaseBlindWords("access", "viewed", "visited", "cited", "retrieved", "дата", "просмотрено", "переглянуто",
                              "abgerufen", "aufgerufen", "geprüft", "zugriff", "consult", "acess", "data", "dostęp",
                              "қаралған", "посетен", "recuperado", "récupéré")
# 2023;15(3):83-99   2018;(66):3-26   2019;27:711-733   2020 Jan;12(1):e5
_VANCOUVER = re.compile(
    rf"(?<!\d)({YEAR})[a-z]?(?:\s+[A-Z][a-z]{{2}}(?:[-/][A-Z][a-z]{{2}})?(?:\s+\d{{1,2}})?)?\s*;\s*"
    rf"(?:(\d+[A-Za-z]?(?:[{DASH}]\d+)?)\s*)?(?:\(\s*([^()]{{1,25}}?)\s*\))?"
    # pages after a colon, or after a comma with a word: '2004; 15: pp. 947-954', '1993; 92, pages 99-104'
    rf"(?:\s*:\s*(?:pp?\.\s*|pages?\s+)?({PAGE})|\s*,\s*(?:pp?\.\s*|pages?\s+)({PAGE}))?")
# APA: "27(4), 711–733" after a "(2019)." year
_APA_NUMS = re.compile(rf",\s*\((\d+[^()]{{0,8}})\)\s*,\s*(?:pp?\.\s*)?({PAGE})\s*\.?\s*$|"  # '(4), 143–165': no volume
                       rf",\s*(\d+)\s*(?:\(([^()]{{1,20}})\))?\s*,\s*(?:pp?\.\s*)?({PAGE})\s*\.?\s*$|"
                       rf",\s*(\d+)\s*\(([^()]{{1,20}})\)\s*\.?\s*$")
_APA_YEAR = re.compile(rf"\(\s*({YEAR})[a-z]?(?:,\s*[^()]{{1,30}})?\s*\)|\(\s*(n\.\s*d\.|in\s+press)\s*\)", re.I)
# "406(6797):747-752", "27(4), 711–733" (no year beside them)
_VOL_ISSUE_PAGES = re.compile(rf"(?<![\w.(])(\d{{1,4}}[A-Za-z]?)\s*\((\d[^()]{{0,12}})\)\s*[:,]\s*(?:pp?\.\s*)?({PAGE})(?![\w])")
# "vol. 27, no. 4, pp. 711–733" (GOST-based English references)
_VOL_NO_PP = re.compile(rf"\b[Vv]ol\.\s*(\d+[A-Za-z]?)(?:,\s*(?:[Nn]o|[Ii]ss|[Ii]ssue)\.?\s*(\d+(?:[/-]\d+)?))?,\s*(?:pp?\.|P\.)\s*({PAGE})")
# the month words a newspaper's day is printed with, in full or cut short ('15 июня', '14 февр.', Ukrainian
# '3 листоп.', Belarusian '12 крас.'); vocabulary.dates.month_number reads them
GOST_MONTH = (r"(?:янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек|січ|лют|берез|квіт|трав|черв|лип|серп|верес"
              r"|жовт|листоп|груд|студз|сак|крас|чэрв|ліп|жн|верас|кастр|ліст|снеж)[а-яіїєў]*\.?")
# a GOST number mark after a dash ('– Т. 5', '– 240 с.'), and a Cyrillic word: GOST areas may follow
_DASHED_MARK = re.compile(rf"[{DASH}]\s*(?:(?:Т|С|Vol|P|№)\.|\d+\s*(?:с|p|pp|S|л)\.)")
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]{3}")
# GOST areas: "– 2019. – Т. 27, № 4. – С. 711–733"
_GOST_YEAR = re.compile(rf"(?:[{DASH}]\s*|,\s*|\.\s*)({YEAR})\s*[.,](?=\s*(?:[{DASH}]|$|(?:Т|Том|Vol|№|No|N|С|P|Вып"
                        rf"|Вип|Кн|бр|Бр|год|Ч|Ст|Стр|Б)\.?\s*[\dIVXLC]|(?:\d{{1,2}}\s+{GOST_MONTH})))")
# a newspaper's day after its year: '2018. 15 июня. № 102.', '2005. — 12 марта. —', '2023. – 14 февр.'
_GOST_DAY = re.compile(rf"\s*(?:[{DASH}]\s*)?(\d{{1,2}})\s+({GOST_MONTH})(?![\w])")
_BELARUSIAN_MONTHS = {"студз": 1, "сак": 3, "крас": 4, "чэрв": 6, "ліп": 7, "жн": 8, "верас": 9, "кастр": 10,
                      "ліст": 11, "снеж": 12}
# volume: 'Т. 5', 'Vol. 5'; Serbian 'год. 39' (the year of a journal's run)
_GOST_VOL = re.compile(r"(?<![\w])(?:Т|Том|Vol|V|Bd|Band|Tom|год)\.\s*(\d+[A-Za-zА-Яа-я]?|[IVXLC]{1,7}(?![\w])(?!\.\S))",
                       re.I)
# a book's part, read as its volume when there is no 'Т.': 'Ч. 1'
_GOST_PART = re.compile(r"(?<![\w])Ч\.\s*(\d+)")
# issue: '№ 4', 'N 4', 'Вып. 2', Ukrainian 'Вип. 2', Bulgarian 'Кн. 4', Bulgarian/Serbian 'бр. 5'
_GOST_ISSUE = re.compile(rf"(?<![\w])(?:№|No\.|no\.|N\.|N(?=\s?\d)|Nr\.|[Вв]ып\.|[Вв]ип\.|Кн\.|[Бб]р\.|Issue|Iss\.|Heft|Н\.)"
                         rf"\s*(\d+(?:\s*[/{DASH}]\s*\d+)?)(?![\w])(?!\s*[{DASH}]\s*[А-ЯA-Z])")
_GOST_PAGES = re.compile(rf"(?<![\w])(?:С|P|pp|p|S|Стр|с)\.\s*({PAGE})")
# Kazakh 'Б. 45–53' (бет, page), taken only in a Kazakh reference: elsewhere 'Б.' is an initial
_KAZAKH_PAGES = re.compile(rf"(?<![\w])Б\.\s*({PAGE})|(?<![\w.])({PAGE})\s*б\.")  # 'Б. 45–53', '45–52 б.'
_KAZAKH = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһ]")
# the number of an act, standard or order after its date ('от 24 декабря 2020 г. № 859/пр', 'від 05.09.2017
# № 2145-VIII'): not a journal's issue
_ACT_NUMBER = re.compile(rf"\b(?:от|від|ад)\s+(?:\d{{1,2}}\.\d{{1,2}}\.{YEAR}|\d{{1,2}}\s+{GOST_MONTH}\s*{YEAR})"
                         r"\s*(?:г\.|года|р\.|року)?\s*,?\s*(?:№|N)\s*[\w\-–/]+")
_PAGE_COUNT = re.compile(r"(?<![\w.])(\d{1,4})\s*(?:с|p|pp|S|стр|л)\.(?!\s*\d)")


def _add_date(found: Found, key: str, parts: List[int]) -> None:
    found.fields[key] = {"date-parts": [parts]}


def find_identifiers(s: str, found: Found) -> None:
    """DOI, URL (minus tracking parameters), access date, '(In Russ.)' notes."""
    # the full patterns try their optional prefix at every position: look for what they cannot
    # match without first ('10.' of a DOI, the scheme or 'www.' of a URL)
    for m in _DOI_RE.finditer(s) if "10." in s else ():
        doi = clean_doi(m.group(0))
        if doi and "DOI" not in found.fields:
            found.fields["DOI"] = doi
            end = m.start() + m.group(0).find(doi) + len(doi) if doi in m.group(0) else m.end()
            found.take(m.start(), end, "doi")
    for m in _URL_RE.finditer(s) if _URL_WORDS.in_text(s) and _URL_ONLY.search(s) else ():
        if found.covered(m.start(), m.end()):
            continue
        url_m = _URL_ONLY.search(m.group(0))
        url = url_value(url_m.group(0)) if url_m else ""
        if re.match(r"https?://(?:dx\.)?doi\.org/", url, re.I):
            continue
        if url and "URL" not in found.fields:
            found.fields["URL"] = url
        raw_end = m.start() + (url_m.end() if url_m else 0)
        found.take(m.start(), max(raw_end, m.start() + 1), "url")
    for m in _ACCESSED.finditer(s) if _ACCESS_WORD.in_text(s) else ():
        read = read_printed_date(s[m.end():])
        if read is None:
            continue
        parts, length = read
        end = m.end() + length
        close = re.match(r"\s*[)\]]", s[end:])
        if close and s[m.start()] in "([":
            end += close.end()  # '(accessed ...)': the brackets go with it
        _add_date(found, "accessed", parts)
        found.take(m.start(), end, "accessed")
        break
    stated = stated_language(s)  # '(In Russ.)', '[in Russian]', '(на англ. яз.)'
    if stated:
        tag, start, end = stated
        found.fields["language"] = tag
        found.fields["note"] = " ".join(s[start:end].strip(" .").strip("()[]").split())
        found.take(start, end, "note")


def find_numbers(s: str, found: Found) -> None:
    """Year, volume, issue and pages in the Vancouver, GOST and APA patterns."""
    free = _blank_spans(s, found)
    m = None
    for cand in _VANCOUVER.finditer(free) if ";" in free else ():
        if cand.group(2) or cand.group(3) or cand.group(4) or cand.group(5):
            m = cand
    if m:
        _add_date(found, "issued", [int(m.group(1))])
        if m.group(2):
            found.fields["volume"] = m.group(2)
        if m.group(3):
            found.fields["issue"] = m.group(3)
        if m.group(4) or m.group(5):
            found.fields["page"] = _page(m.group(4) or m.group(5))
        found.take(m.start(), m.end(), "numbers")
        found.whole_cluster = True
        return
    if not free.isascii() and not cjk.MARKS.isdisjoint(free):
        _cjk_numbers(free, found)
    if ("//" in free or _DASHED_MARK.search(free)
            or not free.isascii() and _CYRILLIC_WORD.search(free)
            and (re.search(r"(?<![\w])(?:Т\.|С\.|Б\.|№|Вып\.|Вип\.|Кн\.|[Бб]р\.)\s*\d", free)
                 or re.search(rf"{YEAR}\.\s*\d{{1,2}}\s+{GOST_MONTH}", free))):
        # GOST areas: after '//', or printed with their dotted Cyrillic marks ('Профиль. 2006. № 47.')
        _gost_numbers(free, found)
        return
    for rx, needed in ((_VOL_NO_PP, "ol."), (_VOL_ISSUE_PAGES, "(")):
        m = rx.search(free) if needed in free else None
        if m and re.fullmatch(YEAR + r"[a-z]?", m.group(2) or ""):
            m = None  # 'Cancer 119 (2006): 1224' is volume (year): pages, not an issue
        if m and re.fullmatch(YEAR, m.group(3)) and rx is _VOL_ISSUE_PAGES:
            m = None  # '58 (3), 2011, с. 170-171': a year after the issue, the pages come later
        if m:
            found.fields["volume"] = m.group(1)
            if m.group(2):
                found.fields["issue"] = m.group(2)
            found.fields["page"] = _page(m.group(3))
            found.take(m.start(), m.end(), "numbers")
            found.whole_cluster = True
            break
    ym = _APA_YEAR.search(free)
    if ym:
        if ym.group(1):
            _add_date(found, "issued", [int(ym.group(1))])
        found.take(ym.start(), ym.end(), "date")
        # APA prints the numbers after the year ('(2019). Title. J, 27(4), 711–733'); numbers
        # before it are another layout ('Phys. Lett. B 530, 167 (2002)': volume, page (year))
        tail = free[ym.end():_first_blank_after(free, ym.end())]
        nm = _APA_NUMS.search(tail.rstrip(" ."))
        if nm and "volume" not in found.fields:
            if nm.group(1):
                found.fields["issue"] = nm.group(1)
                found.fields["page"] = _page(nm.group(2))
            elif nm.group(3):
                found.fields["volume"] = nm.group(3)
                if nm.group(4):
                    found.fields["issue"] = nm.group(4)
                found.fields["page"] = _page(nm.group(5))
            else:
                found.fields["volume"] = nm.group(6)
                found.fields["issue"] = nm.group(7)
            found.take(ym.end() + nm.start(), ym.end() + nm.end(), "numbers")
            found.whole_cluster = True


def _cjk_numbers(free: str, found: Found) -> None:
    """Volume and issue by their Korean, Chinese or Japanese marks (no other layout prints them)."""
    for key in ("volume", "issue"):
        hit = cjk.number_in_text(free, key) if key not in found.fields else None
        if hit:
            value, start, end = hit
            found.fields[key] = value
            found.take(start, end, "numbers")


def _first_blank_after(s: str, pos: int) -> int:
    i = s.find("\0", pos)
    return len(s) if i < 0 else i


def _gost_numbers(free: str, found: Found) -> None:
    after = free.rfind("//")
    region_start = after if after >= 0 else 0
    region = free[region_start:]
    deposit = re.search(r"\bДеп\.\s+в\s", region)
    if deposit:  # 'Деп. в ВИНИТИ 12.05.89, № 3125-В89': the deposit's number is not an issue
        region = region[:deposit.start()]
    region = _ACT_NUMBER.sub(lambda m: "\0" * len(m.group(0)), region)  # same length, same offsets
    # without '//' the title is in the region too: an issue or pages after the year come first
    # ('Эмиссия N2O ... Почвоведение. 2018. № 4.')
    year = _GOST_YEAR.search(region) if after < 0 else None
    pages = _KAZAKH_PAGES if _KAZAKH.search(free) and not _GOST_PAGES.search(region) else _GOST_PAGES
    for rx, key in ((_GOST_YEAR, "issued"), (_GOST_VOL, "volume"), (_GOST_ISSUE, "issue"), (pages, "page")):
        m = rx.search(region, year.start()) if year and key in ("issue", "page") else None
        m = m or rx.search(region)
        if not m:
            continue
        if key == "issued":
            day = _GOST_DAY.match(region, m.end())
            month = month_of(day.group(2)) if day else None
            if day and month and 1 <= int(day.group(1)) <= 31:  # a newspaper: the day of the issue follows its year
                _add_date(found, "issued", [int(m.group(1)), month, int(day.group(1))])
                found.take(region_start + m.start(1), region_start + day.end(), "date")
                continue
            _add_date(found, "issued", [int(m.group(1))])
        elif key == "page":
            found.fields["page"] = _page(m.group(1) or m.group(2))
        else:
            found.fields[key] = _page(m.group(1))  # '№ 9–10' keeps its range, with an en dash
        # the span starts at the number itself, not at the separator before it
        first = 1 if m.group(1) else 2
        found.take(region_start + m.start(first), region_start + m.end(), "numbers" if key != "issued" else "date")
    m = _GOST_PART.search(region)
    if m and "volume" not in found.fields:
        found.fields["volume"] = m.group(1)
        found.take(region_start + m.start(1), region_start + m.end(), "numbers")
    m = _PAGE_COUNT.search(region)
    if m and "page" not in found.fields:
        found.fields["number-of-pages"] = m.group(1)
        found.take(region_start + m.start(), region_start + m.end(), "numbers")


def month_of(word: str) -> int | None:
    """The month a (Russian, Ukrainian or Belarusian) month word names, in full or cut short."""
    low = word.lower().rstrip(".")
    return month_number(low) or next((n for stem, n in _BELARUSIAN_MONTHS.items() if low.startswith(stem)), None)


def _page(text: str) -> str:
    """Page ranges with an en dash, as CSL prints them."""
    return re.sub(rf"\s*[{DASH}]+\s*", "\u2013", text.strip())


def _blank_spans(s: str, found: Found) -> str:
    """The string with already-claimed spans replaced by NULs (same length, same offsets)."""
    chars = list(s)
    for a, b, _ in found.spans:
        for i in range(a, min(b, len(chars))):
            chars[i] = "\0"
    return "".join(chars)


def find_certain(s: str) -> Found:
    """Run every rule over a normalized reference string."""
    found = Found()
    find_identifiers(s, found)
    find_numbers(s, found)
    return found


__all__ = ["GOST_MONTH", "month_of", "URL", "url_value", "Found", "find_certain", "find_identifiers", "find_numbers", "MONTHS", "MONTH_WORDS", "YEAR"]
