"""Labelled segments -> CSL fields. The parser uses it on the model's output; the evaluation
uses it on the human labels of refdata, so both sides turn a segment into a value alike.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Tuple

from ..vocabulary.identifiers import clean_doi
from ..vocabulary.name_lists import split_names
from .cjk import segment_numbers
from .rules import URL, url_value

_EDGE = " .,;:/\\-–—"
DASH = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_VOL_PREFIX = re.compile(r"^(?:volume|vol|v|том|т|band|bd|tome|tom|t)(?:\.\s*|\s+|(?=\d))", re.I)
# 'n°' / 'nº' (French, Spanish, Italian) is the issue as much as 'No.'
_ISS_PREFIX = re.compile(r"^(?:number|issue|iss|num|nos|no|nr|n[°º]|n|№|вып|heft|h)(?:\.\s*|\s+|(?=\d))", re.I)
# an issue written out, never a bare letter ('H1200–H1210' is a page range of Am J Physiol)
_ISSUE_WORD = re.compile(r"^(?:no\.?|n[°º]|№|issue|nr\.?)\s*\d", re.I)
_PP_PREFIX = re.compile(r"^(?:pages?|pp|p|стр|ст|s|с|c)(?:\.\s*|\s+|(?=\d))", re.I)
_VOL_WITH_PAGES = re.compile(rf"^(\d+[A-Za-z]?\s*(?:\([^()]+\))?)\s*:\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[{DASH}]\s*[A-Za-z]?\d+)?)$")
_PAGE_COUNT = re.compile(r"^(\d{1,4})\s*(?:с|c|p|pp|S|стр|л|pages)\.?$", re.I)
# physics: a journal's series letter, volume and article number typed together ('B734,290', 'D95,074507')
_SERIES_VOL_PAGE = re.compile(r"^([A-H]\d+)\s*,\s*(\d{3,})$")
_PAGE_MARKED = re.compile(r"^\s*(?:С|с|Стр|стр)\.\s*\d")


# the kind-of-content notes GOST puts after a title: '[Электронный ресурс]' (7.1-2003),
# 'Текст : электронный' (7.0.100-2018); they describe the medium, they are not the title
# (GOST prints ' : ' with a space before the colon; 'Text: Direct and indirect speech' is a title)
CONTENT_NOTE = re.compile(r"\[\s*(?:[Ээ]лектронный\s+ресурс|[Ee]lectronic\s+resource|Текст|Text)\s*\]"
                          r"|(?<![\w])(?:Текст|Text)\s+:\s*(?:электронный|непосредственный|electronic|unmediated"
                          r"|direct)(?![\w])")

# 'In: ', 'в: ', 'В кн.: ' before a container's name (only at its start: the pattern matches there or nowhere)
_HOST_OPENER = re.compile(r"^(?:in|в)\s*:\s*|^in\s+(?=[A-Z])|^[ву]\s+(?:кн|сб|зб)\.\s*:?\s*", re.I)
_CONTENT_NOTE_WORDS = ("лектронный", "lectronic", "Текст", "Text")  # one is in each match

# GOST number marks the model may take for a one-word name ('Кн. 4')
_NUMBER_MARKS = {"Т", "С", "Кн", "Вып", "Вип", "бр", "Бр", "Ч", "№", "Ст", "Стр"}


def clean_text(text: str) -> str:
    """A segment as a field value: trimmed of separators and of wrapping quotes/brackets."""
    if any(word in text for word in _CONTENT_NOTE_WORDS):
        text = CONTENT_NOTE.sub(" ", text)
    text = " ".join(text.split()).strip(_EDGE)
    for _ in range(2):
        if len(text) > 1 and text[0] in "“\"«‘'„" and text[-1] in "”\"»’'“":
            text = text[1:-1].strip(_EDGE)
        elif text[:1] in "“\"«„" and not any(q in text[1:] for q in "”\"»“"):
            text = text[1:].strip(_EDGE)
        elif text[-1:] in "”\"»" and not any(q in text[:-1] for q in "“\"«„"):
            text = text[:-1].strip(_EDGE)
        if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
            text = text[1:-1].strip(_EDGE)
    return text


def year_of(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def clean_pages(text: str) -> Tuple[str | None, str | None]:
    """(page, number-of-pages) from a pages segment: 'pp. 1761–1800).' -> ('1761–1800', None),
    '268 с.' -> (None, '268')."""
    t = clean_text(text).strip("()[] ")
    m = _PAGE_COUNT.match(t)
    if m:
        return None, m.group(1)
    t = _PP_PREFIX.sub("", t).strip(" .,;:()[]")
    t = re.sub(rf"\s*[{DASH}]+\s*", "\u2013", t)
    if not re.search(r"\d|^(?:[ivxlcdm]+|[IVXLCDM]{2,})(?:\u2013(?:[ivxlcdm]+|[IVXLCDM]+))?$", t):
        return None, None  # 'Winter', 'C': a page has a number (or is a roman numeral)
    if "\u2013" in t:
        ranges = _PAGE_RANGE.findall(t)
        if len(ranges) == 1 and ranges[0] != t:
            # the model's pages ran into a neighbour: '1957 15–29', '40,381–382', '716–723. MR0423716',
            # '3474–3479Vol', '第19–29页': the one range is the pages
            return ranges[0], None
    return (t or None), None


# a page range inside a longer text (not a piece of a longer number or word before it)
_PAGE_RANGE = re.compile(r"(?<![\dA-Za-z.])([A-Za-z]?\d+\u2013[A-Za-z]?\d+)(?!\d)")


def clean_volume(text: str) -> Tuple[str | None, str | None]:
    """(volume, issue) from a volume segment: 'Vol. 27,' -> ('27', None); '15(3):' -> ('15', '3');
    '20 (4).' -> ('20', '4'); '41, (1)' and '12, 5' -> volume and issue; 'n° 152' -> (None, '152')."""
    t = clean_text(text).rstrip(":;,. ")
    cjk = segment_numbers(t)
    if cjk:
        return cjk
    m = re.match(r"^(?:no|nr|n[°º]?|№)\.?\s*(\w+)\s*,\s*(?:vol|v|т)\.?\s*(\w+)$", t, re.I)
    if m:  # 'No 29, Vol. 4': the issue printed first
        return m.group(2), m.group(1)
    if _ISS_PREFIX.match(t) and not re.search(r"\d\s*\(", t):
        return None, clean_issue(t)
    t = _VOL_PREFIX.sub("", t)
    # '2014;20', '2007. 8 (5)': the year belongs to the date
    t = re.sub(r"^(?:1[5-9]\d\d|20\d\d)\s*[;.]\s*(?=\S)", "", t)
    m = re.match(r"^\((\d+)\)\s*(\d+(?:[-–]\d+)?)$", t)
    if m:  # '(21)1-2': volume in brackets, then the issue
        return m.group(1), m.group(2)
    m = re.match(r"^([^\s(),]*?)[,.]?\s*\(([^()]+)\)$", t)
    if m:  # '20 (4)', '41, (1)'
        vol = m.group(1).strip(" ,.") or None
        return vol, _ISS_PREFIX.sub("", m.group(2).strip()) or None
    m = re.match(r"^(\S+?)\s?[,.]?\s+(?:no|nr|n[°º]?|№|issue|iss|вып)\.?\s*(\S+)$", t, re.I)
    if m:
        return m.group(1), m.group(2).strip(" ,.")
    m = re.match(r"^([A-H]),\s?(\d+)$", t)
    if m:  # 'B,99': a physics journal's series letter and the volume (_series_letter moves the letter)
        return m.group(1) + m.group(2), None
    m = re.match(r"^(\d+[A-Za-z]?),\s*(\d+(?:\s*[/-]\s*\d+)?)$", t)
    if m:  # '6, 2/3', '12, 5': a volume segment holding volume and issue
        return m.group(1), m.group(2)
    return (t.strip(" ,.()") or None), None


def clean_issue(text: str) -> str | None:
    t = clean_text(text).strip("() ,.:;")
    cjk = segment_numbers(t)
    if cjk and cjk[1]:
        return cjk[1]
    t = _ISS_PREFIX.sub("", t).strip(" ,.()")
    return t or None


def fields_from_segments(segments: Iterable[Tuple[str, str]], repairs: List[str] | None = None) -> Dict[str, Any]:
    """CSL fields from (label, text) segments in string order. The first segment of each label
    wins, except names, which collect every author (editor) segment. Look-alike letters
    repaired in names are listed in ``repairs`` (when given)."""
    out: Dict[str, Any] = {}
    names: Dict[str, List[str]] = {"author": [], "editor": [], "translator": [], "contributor": []}
    abbreviated = None  # the container ended with an abbreviation's full stop ('Nucl. Phys.')
    for label, text in segments:
        if label in names:
            names[label].append(text)
        elif label == "title" and "title" not in out:
            v = clean_text(text)
            if v:
                out["title"] = v
        elif label == "container" and "container-title" not in out:
            v = clean_text(text)
            opener = _HOST_OPENER.match(v)
            v = (v[opener.end():] if opener else v).strip(_EDGE)
            if v:
                out["container-title"] = v
                abbreviated = re.search(r"\b[A-Z][a-z]{0,5}\.$", text.strip(" ,;:"))
        elif label == "collection" and "collection-title" not in out:
            out["collection-title"] = clean_text(text)
        elif label == "date" and "issued" not in out:
            y = year_of(text)
            if y:
                out["issued"] = {"date-parts": [[y]]}
        elif label == "volume" and _PAGE_MARKED.match(text):
            if "page" not in out:
                out["page"] = clean_pages(text)[0]  # 'С.112' labelled as a volume: GOST's page mark says pages
        elif label == "volume" and "volume" not in out:
            m = _VOL_WITH_PAGES.match(clean_text(text)) or _SERIES_VOL_PAGE.match(clean_text(text))
            if m and "page" not in out:
                # '37(14):1585-1607' labelled as one volume: the pages are printed there too
                text = m.group(1)
                out["page"] = re.sub(rf"\s*[{DASH}]+\s*", "\u2013", m.group(2))
            vol, iss = clean_volume(text)
            if vol and not re.fullmatch(r"[а-яё]{1,3}", vol):  # 'г.' of '2014 г.' is no volume
                out["volume"] = vol
            if iss and "issue" not in out:
                out["issue"] = iss
        elif label == "issue" and "issue" not in out:
            iss = clean_issue(text)
            if iss:
                out["issue"] = iss
        elif label == "pages" and _ISSUE_WORD.match(clean_text(text)) and "issue" not in out:
            out["issue"] = clean_issue(text)  # 'n°9', 'No. 4' labelled as pages
        elif label == "pages" and "page" not in out and "number-of-pages" not in out:
            page, count = clean_pages(text)
            if page:
                out["page"] = page
            elif count:
                out["number-of-pages"] = count
        elif label == "publisher" and "publisher" not in out:
            out["publisher"] = clean_text(text)
        elif label == "location" and "publisher-place" not in out:
            out["publisher-place"] = clean_text(text)
        elif label == "doi" and "DOI" not in out:
            doi = clean_doi(text)
            if doi:
                out["DOI"] = doi
        elif label == "url" and "URL" not in out:
            m = re.search(URL, text, re.I)
            if m:
                out["URL"] = url_value(m.group(0))
        elif label == "edition" and "edition" not in out:
            out["edition"] = clean_text(text)
        elif label == "genre" and "genre" not in out:
            out["genre"] = clean_text(text)
        elif label == "volumes" and text.strip().isdigit():
            out["number-of-volumes"] = text.strip()
        elif label == "note" and "note" not in out:
            out["note"] = clean_text(text)
    for label, texts in names.items():
        people: List[Dict[str, str]] = []
        for t in texts:
            people.extend(p for p in split_names(t, repairs) if p.get("family", "").rstrip(".") not in _NUMBER_MARKS)
        people = _merge_repeated(people)
        if people:
            out[label] = people
    _series_letter(out, abbreviated)
    return {k: v for k, v in out.items() if v not in ("", None, [])}


def _series_letter(out: Dict[str, Any], abbreviated: Any) -> None:
    """'Nucl. Phys. B393': the letter names the journal's series (Nucl. Phys. B), the volume
    is the number, as CSL and Crossref record it."""
    m = re.match(r"^([A-H])(\d+)$", str(out.get("volume", "")))
    container = out.get("container-title")
    if m and container and not re.search(r"\b[A-H]\.?$", container):
        out["container-title"] = f"{container}{'.' if abbreviated else ''} {m.group(1)}"
        out["volume"] = m.group(2)


_FOLD = str.maketrans("іїєґўј", "ииегуй")


def _merge_repeated(people: List[Dict[str, str]]) -> List[Dict[str, str]]:
    """GOST names the first author in the heading and again after the slash: keep each
    person once, in the order of the fuller list."""
    seen: Dict[str, int] = {}
    out: List[Dict[str, str]] = []
    for p in people:
        # (the initial folded across the Cyrillic alphabets: 'Лебедь И. И.' in the heading is 'І. І. Лебедь')
        key = ((p.get("family") or p.get("literal") or "") + "|" + p.get("given", "")[:1]).casefold().translate(_FOLD)
        if key and key in seen:
            continue
        seen[key] = len(out)
        out.append(p)
    return out


__all__ = ["CONTENT_NOTE", "clean_issue", "clean_pages", "clean_text", "clean_volume", "fields_from_segments", "year_of"]
