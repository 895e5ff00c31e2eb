"""The publication area of a book, report or thesis: where and by whom it was published.

Both traditions print it in fixed shapes the model sometimes cuts wrongly:
  GOST and most Continental styles: 'М. : Наука, 2001', 'СПб.: Питер, 2015', 'Москва ; Берлин :
  Директ-Медиа, 2020', 'Київ : Либідь, 2008', 'Stuttgart: Kohlhammer, 2014';
  Anglo-American: 'New York, NY: Springer; 2018', 'London: Routledge, 2019', and the publisher
  first: 'Oxford University Press, Oxford, 2004'.
A shape is taken only where the model did not find both, where it starts a sentence ('. ' or
'. – ' before it) and is followed by the year, and (but for GOST's '. – Place : Publisher') only
for works without a journal's volume or issue.
"""
from __future__ import annotations

import re
from typing import Any, Dict

from .rules import YEAR

_CAP = r"[A-ZА-ЯЁІЇЄҐ][\w'’\-]*"
# one place: 'М.', 'СПб.', 'New York, NY', 'Frankfurt a. M.', 'Санкт-Петербург', 'Bethesda (MD)'
# ('St. Petersburg', 'N. Novgorod': a place's own abbreviation before its name)
_PLACE = (rf"(?:(?:St|N)\.\s*)?{_CAP}(?:\s+{_CAP})?(?:\.|\s+a\.\s*M\.|\s+am\s+Main)?"
          rf"(?:,\s*[A-Z]{{2}}\b|\s*\([A-Z]{{2}}\))?")
_START = r"(?:^|(?<=[.\]])\s+(?:[–—-]\s+)?)"
# 'Place[ ; Place] : Publisher, Year' (a ';' before the year in Vancouver)
_PLACE_PUBLISHER = re.compile(
    rf"{_START}(?P<place>{_PLACE}(?:\s+;\s+{_PLACE})*)\s*:\s*(?P<publisher>[^:;.\d][^:;]{{1,90}}?)\s*[,;]\s*"
    rf"(?:\[?c\s*)?{YEAR}\b")
# 'Moscow, Nauka Publ., 2001': the romanised Russian publication area (its publisher marked 'Publ.',
# as Russian journals' English reference lists print it), with a comma where GOST has ' : '
_PLACE_COMMA_PUBL = re.compile(
    rf"{_START}(?P<place>{_PLACE}),\s+(?P<publisher>[^,:;.\d][^,:;]{{0,60}}?\bPubl\.)\s*[,;]\s*{YEAR}\b")
# 'Oxford University Press, Oxford, 2004': a publisher that says it is one, then its place
_PUBLISHER_PLACE = re.compile(
    rf"{_START}(?P<publisher>[^.:;,]{{0,60}}\b(?:Press|Publishers|Publishing|Verlag|Editions|Éditions|Books)\b"
    rf"|[^.:;,]{{0,40}}\bUniversity\s+of\s+{_CAP}(?:\s+{_CAP})?)\s*,\s*"
    rf"(?P<place>{_PLACE})\s*,\s*{YEAR}\b")
# a word each match of _PUBLISHER_PLACE holds (a quick test that rules most strings out)
_PUBLISHER_WORDS = ("Press", "Publishers", "Publishing", "Verlag", "Editions", "Éditions", "Books", "University")
_UNIVERSITY = r"(?:Universi(?:ty|té|tät|tat|tà|dad|dade|teit)|Uniwersytet|Hochschule)"
# a thesis's university, then its place: 'Thèse de doctorat, Université Paris 1, Paris, 2010',
# 'Dissertation, Universität Wien, Wien, 2012', 'Tese (Doutorado) – Universidade de São Paulo, São Paulo, 2015'
_UNIVERSITY_PLACE = re.compile(
    rf"(?:^|(?<=[.,;:\]–—])\s+)(?P<publisher>(?:[^.:;,()–—]{{0,40}}\s)?{_UNIVERSITY}\b[^.:;,]{{0,40}}?)\s*,\s*(?P<place>{_PLACE})\s*,\s*{YEAR}\b")
# a thesis or a book without a publisher: 'Київ, 2014. 210 с.'
_PLACE_YEAR_PAGES = re.compile(rf"{_START}(?P<place>{_PLACE})\s*,\s*{YEAR}\s*\.\s*(?:[–—-]\s*)?\d+\s*(?:с|c|p|pp|S|стр|л)\.")
_MEDIUM = re.compile(r"^(?:Текст|Изображение|непосредственный|электронный|безпосередній|електронний)\b", re.I)
# GOST's media and content designations ('Текст : непосредственный') read like 'Place : Publisher'
_NOT_A_PLACE = re.compile(r"^(?:Текст|Изображение|Электронные|Электронная|Загл|Режим|URL|ISBN|DOI|In|В|У|Стр|С|P|pp)\b",
                          re.I)


_ILLUSTRATIONS = re.compile(r"(?:ил|іл|табл|граф|портр|карт|схем|фот)\.?(?:\s*,\s*(?:ил|іл|табл|граф|портр|карт|схем)\.?)*",
                           re.I)


# a sentence inside what would be a publisher ('Blake. Eyre & Spottiswoode'): the shape started
# inside a title; an abbreviation before the stop ('Св. Климент', 'Univ. Press') is no sentence end
_SENTENCE = re.compile(r"[^\W\d_]{5,}\.\s+[A-ZА-ЯЁІЇЄҐ][^\W\d_]{3,}"
                       # or a host opened inside it ('Newsweeder: Learning to filter netnews. In ICML, 1995')
                       r"|\.\s+(?:[Ii]n|В|У)(?::|\s)")


def _model_cut_short(item: Dict[str, Any], place: str, publisher: str) -> bool:
    """Whether the shape should replace the model's reading: the model missed one of the two, or
    read a part of what the shape holds ('Москва' of 'Москва ; Берлин'); on refdata's DEV strings
    a model that read both otherwise is right more often than the shape."""
    had_place, had_publisher = str(item.get("publisher-place", "")), str(item.get("publisher", ""))
    if not had_place or not had_publisher:
        return True
    return (had_place != place and had_place in place) or (had_publisher != publisher and had_publisher in publisher)


def publication_area(s: str, item: Dict[str, Any]) -> None:
    """Set publisher-place and publisher from a publication area printed in one of the fixed shapes,
    for works without a journal's volume or issue; drop a place or publisher the model took from
    a media designation ('Текст : электронный')."""
    if _MEDIUM.match(str(item.get("publisher-place", ""))) or _MEDIUM.match(str(item.get("publisher", ""))):
        item.pop("publisher-place", None)  # 'Текст : непосредственный' is neither
        item.pop("publisher", None)
    for key in ("publisher-place", "publisher"):
        if _NOT_A_PLACE.match(str(item.get(key, ""))):
            item.pop(key)
    if _ILLUSTRATIONS.fullmatch(str(item.get("publisher", ""))):
        item.pop("publisher")  # '5 с. : ил.': the illustrations of the physical description
    numbered = "volume" in item or "issue" in item
    for m in _PLACE_PUBLISHER.finditer(s) if ":" in s else ():
        place, publisher = m.group("place").strip(), m.group("publisher").strip()
        if _NOT_A_PLACE.match(place) or _MEDIUM.match(publisher) or _SENTENCE.search(publisher):
            continue
        dashed = re.match(r"\s*[–—-]", s[m.start():]) is not None
        if numbered and not dashed:
            continue  # beside a journal's numbers only GOST's '. – Place : Publisher' is certain
        if dashed or _model_cut_short(item, place, publisher):
            item["publisher-place"], item["publisher"] = place, publisher
        title = item.get("title")
        inside = re.search(rf"\.\s+{re.escape(place)}\s*:", title) if isinstance(title, str) else None
        if inside and title is not None:
            item["title"] = title[:inside.start()]  # 'Лексикология. София: Университетско ...': the title ran on
        host = str(item.get("container-title", ""))
        if host.startswith(place) and publisher in host:
            item.pop("container-title")  # the model read the publication area as a host ('Алматы: Институт ...')
        return
    romanised = _PLACE_COMMA_PUBL.search(s) if "Publ." in s else None
    if romanised and not _NOT_A_PLACE.match(romanised.group("place")):
        place, publisher = romanised.group("place").strip(), romanised.group("publisher").strip()
        if place in str(item.get("container-title", "")) or publisher in str(item.get("container-title", "")):
            item.pop("container-title")  # the model read the area as a journal's name
        item["publisher-place"], item["publisher"] = place, publisher
        return
    if numbered:
        return
    first = _PUBLISHER_PLACE.search(s) if any(w in s for w in _PUBLISHER_WORDS) else None
    if first and not _NOT_A_PLACE.match(first.group("place")):
        if _model_cut_short(item, first.group("place").strip(), first.group("publisher").strip()):
            item["publisher-place"], item["publisher"] = first.group("place").strip(), first.group("publisher").strip()
        return
    thesis = _UNIVERSITY_PLACE.search(s) if any(w in s for w in ("Universi", "Uniwersytet", "Hochschule")) else None
    if thesis and not _NOT_A_PLACE.match(thesis.group("place")):
        place, publisher = thesis.group("place").strip(), thesis.group("publisher").strip()
        if _model_cut_short(item, place, publisher):
            item["publisher-place"], item["publisher"] = place, publisher
        return
    alone = _PLACE_YEAR_PAGES.search(s)
    if alone and not _NOT_A_PLACE.match(alone.group("place")):
        place = alone.group("place").strip()
        if item.get("publisher") == place:
            item.pop("publisher")  # the model's publisher was the place
        item["publisher-place"] = place


__all__ = ["publication_area"]
