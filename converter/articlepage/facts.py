"""Facts printed on an article page outside the labelled blocks: identifiers, history
dates, licence, journal issue lines, copyright."""
from __future__ import annotations

import re
from typing import Dict, List, Tuple

from ..normalize import clean_doi, parse_day_first_date

DOI_LINE = re.compile(r"^\s*(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+)\s*$", re.I)
ANY_DOI = re.compile(r"(?:\bdoi\s*:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s\"<>]+)", re.I)
EDN = re.compile(r"\bEDN\s*:?\s*(?:https?://elibrary\.ru/)?([A-Za-z]{6})\b", re.I)
UDC = re.compile(r"(?:УДК|UDC)(?:\s*/\s*(?:UDC|УДК))?\s*:?\s*([0-9][0-9.:+()/\-\s\"«»=А-Яа-яA-Za-z]*?)\s*$", re.M)
ISSN = re.compile(r"\b(?:e-?)?ISSN\s*:?\s*(\d{4}-\d{3}[\dXx])", re.I)
COPYRIGHT = re.compile(r"©\s*[^©\n]*?(?:19|20)\d\d(?:\s+by\s+the\s+authors?)?")

_DATE = r"(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Za-zА-Яа-яё]+\s+\d{4})"
# history label -> key; CSL has `submitted`, the rest go to custom.dates
HISTORY: Tuple[Tuple[str, str], ...] = (
    ("submitted", r"submitted|received|поступила(?:\s+в\s+редакцию)?|дата\s+поступления|статья\s+поступила(?:\s+в\s+редакцию)?"),
    ("revised", r"revised|доработана(?:\s+после\s+рецензирования)?|одобрена\s+после\s+рецензирования|после\s+доработки|received\s+in\s+revised\s+form"),
    ("accepted", r"accepted(?:\s+for\s+publication)?|принята(?:\s+(?:к|в)\s+(?:публикации|печать))?"),
    ("published", r"published(?:\s+online)?|available\s+online|опубликована"),
)
_HISTORY_RE = [(key, re.compile(rf"\b(?:{words})\b\s*(?:on\s*)?:?\s*{_DATE}", re.I)) for key, words in HISTORY]

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m: i for i, m in enumerate(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(), 1)})
MONTHS.update({m: i for i, m in enumerate(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(), 1)})

VOLUME_LINE = re.compile(
    r"^\s*(?:(?P<y1>(?:19|20)\d\d)[.,]?\s*)?(?:Vol(?:ume)?\.?|Т\.|Том)\s*(?P<vol>\d+)\s*[.,]?\s*"
    r"(?:(?:No\.?|no\.?|Issue|№|Вып\.)\s*(?P<iss>\d+(?:[-/]\d+)?))?\s*[.,]?\s*(?P<y2>(?:19|20)\d\d)?\s*\.?\s*$", re.I)
# "Journal of Regional Policy 2024, 12(3), 45-60" (MDPI and many others print this above the title)
JOURNAL_LINE = re.compile(
    r"^(?P<journal>[^\d\W].*?[^\W\d_.)]\.?)\s*[.,]?\s+(?P<year>(?:19|20)\d\d)\s*[,;.]\s*"
    r"(?:(?:Vol\.?|Т\.)\s*)?(?P<vol>\d+)\s*(?:\(\s*(?P<iss>[^)]{1,12})\s*\)|,?\s*(?:No\.?|№|Iss(?:ue)?\.?)\s*(?P<iss2>\d+))?"
    r"\s*[,:;.]\s*(?:pp?\.\s*|С\.\s*)?(?P<pages>\d+\s*[-–—]\s*\d+|e?\d+)\.?\s*$")
# "1 Department of ..." / "¹ Department ..." / "a Department ...": an affiliation with its marker
MARKED_AFFILIATION = re.compile(r"^\s*(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹]|[a-f](?=\s+[A-ZА-Я]))\s*[.)]?\s+(\S.*)$")
CORRESPONDENCE = re.compile(r"^\s*([*†‡§#])\s*(?:Correspondence|Corresponding\s+author|Автор\s+для\s+переписки)\b\s*[:.]?\s*(.*)$",
                            re.I)
PAGES = re.compile(r"^\s*(?:pp?\.\s*|С\.\s*)?(\d+)\s*[-–—]\s*(\d+)\s*$")


def parse_date(text: str) -> List[int] | None:
    """'20.08.2025' (day first), '2025-08-20', '20 August 2025', '20 августа 2025' -> [y, m, d]."""
    text = text.strip()
    dmy = parse_day_first_date(text)
    if dmy:
        return dmy
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", text)
    if m:
        return [int(m.group(1)), int(m.group(2)), int(m.group(3))]
    m = re.match(r"^(\d{1,2})\s+([A-Za-zА-Яа-яё]+)\s+(\d{4})$", text)
    if m and m.group(2).lower() in MONTHS:
        return [int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))]
    return None


def history_dates(line: str) -> Dict[str, List[int]]:
    """Every history date on a line: {'submitted': [2025, 8, 20], 'revised': [...], ...}."""
    found: Dict[str, List[int]] = {}
    taken: List[Tuple[int, int]] = []
    for key, pat in _HISTORY_RE:
        for m in pat.finditer(line):
            if any(a <= m.start() < b for a, b in taken):
                continue
            parts = parse_date(m.group(1))
            if parts and key not in found:
                found[key] = parts
                taken.append((m.start(), m.end()))
    return found


def iso(parts: List[int]) -> str:
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts))


_CC_WORDS = (("attribution", "by"), ("noncommercial", "nc"), ("non-commercial", "nc"), ("sharealike", "sa"),
             ("share-alike", "sa"), ("noderivatives", "nd"), ("noderivs", "nd"), ("no-derivatives", "nd"))


def licence_url(text: str) -> str | None:
    """The canonical URL of a Creative Commons licence named in text ('CC BY 4.0',
    'Creative Commons «Attribution» 4.0', 'CC BY-NC-SA 4.0'); None if none is named."""
    m = re.search(r"creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)", text, re.I)
    if m:
        return f"https://creativecommons.org/licenses/{m.group(1).lower()}/{m.group(2)}/"
    m = re.search(r"\bCC[\s-]+(BY(?:[\s-]+(?:NC|SA|ND))*)\s*(\d\.\d)?", text)
    if m:
        code = "-".join(re.split(r"[\s-]+", m.group(1).lower()))
        return f"https://creativecommons.org/licenses/{code}/{m.group(2) or '4.0'}/"
    if re.search(r"creative\s+commons", text, re.I):
        low = text.lower()
        parts = []
        for word, code in _CC_WORDS:
            if word in low and code not in parts:
                parts.append(code)
        if "by" in parts:
            order = [c for c in ("by", "nc", "nd", "sa") if c in parts]
            version = re.search(r"\b(\d\.\d)\b", text)
            return f"https://creativecommons.org/licenses/{'-'.join(order)}/{version.group(1) if version else '4.0'}/"
    return None


def doi_number_conflict(doi: str, volume: str | None, issue: str | None) -> str | None:
    """A message when the DOI's own numbers read the other way round from the printed
    volume(issue), e.g. '2016;6(60)' with DOI '...-2016-60-6-5-14'. None when nothing contradicts."""
    if not doi or not volume or not issue or not volume.isdigit() or not issue.isdigit() or volume == issue:
        return None
    numbers = [int(n) for n in re.findall(r"\d+", doi.split("/", 1)[-1])]
    v, i = int(volume), int(issue)
    for a, b in zip(numbers, numbers[1:]):
        if a == i and b == v:
            return (f"printed volume {volume}, issue {issue} but the DOI {doi} reads volume {issue}, "
                    f"issue {volume}; kept as printed")
    return None


def find_doi(text: str) -> str | None:
    m = ANY_DOI.search(text)
    return clean_doi(m.group(1)) if m else None
