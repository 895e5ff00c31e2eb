"""Items made ready for a style's rules that CSL cannot test, before citeproc renders them.

The processor itself stays as close to citeproc-js as the oracle tests measure; what the
styles' manuals ask beyond it is done here, item by item, by the writers that use it:

- ``single_page``: a range whose ends are equal ("406.3-406.3", "e191-e191", as databases
  export a one-page article) is one page (APA 7 §9.27; GOST prints "С. 406" too);
- ``hyphenated_initials``: given names stored as hyphenated initials ("C.-H.", "S.-i.") are
  handed over as one hyphenated word ("C-H.", "S-i."), so initializing keeps them together
  ("C.-H.", APA 7 §9.8) instead of "C. -H.";
- ``publisher_is_author``: a group author that is also the publisher (APA 7 §9.24: name it once);
- ``apa_edition``: an edition statement that is not a number ("3rd digital") ends in "ed." as
  APA 7 §10.2 prints every edition ("(3rd digital ed.)"); CSL adds "ed." to numbers only.
"""
from __future__ import annotations

import re
from typing import Any, Dict

from ..patterns import lazy

Item = Dict[str, Any]

_EQUAL_RANGE_RE = lazy(r"^\s*([^\s\-–—]+)\s*[-–—]\s*\1\s*$")
_HYPHENATED_INITIALS_RE = lazy(r"(?<=\w)\.\s*-\s*(?=\w)")
_NUMERIC_EDITION_RE = lazy(r"\d+(?:st|nd|rd|th|d)?\.?", re.IGNORECASE)
_EDITION_WORD_RE = lazy(r"(?:\bed\.?|\bedn\.?|\bedition)$", re.IGNORECASE)
_NAME_KEYS = ("author", "editor", "translator", "container-author", "director", "contributor")


def single_page(item: Item) -> Item:
    page = item.get("page")
    if isinstance(page, str):
        one = _EQUAL_RANGE_RE.sub(r"\1", page)
        if one != page:
            return dict(item, page=one)
    return item


def _joined(name: Any) -> Any:
    if isinstance(name, dict) and isinstance(name.get("given"), str) and "-" in name["given"]:
        given = _HYPHENATED_INITIALS_RE.sub("-", name["given"])
        if given != name["given"]:
            return dict(name, given=given)
    return name


def hyphenated_initials(item: Item) -> Item:
    changed = {}
    for key in _NAME_KEYS:
        names = item.get(key)
        if isinstance(names, list):
            joined = [_joined(n) for n in names]
            if any(a is not b for a, b in zip(joined, names)):
                changed[key] = joined
    return dict(item, **changed) if changed else item


def publisher_is_author(item: Item) -> bool:
    publisher = " ".join(str(item.get("publisher") or "").split()).casefold()
    authors = item.get("author") or []
    return (bool(publisher) and len(authors) == 1 and isinstance(authors[0], dict)
            and " ".join(str(authors[0].get("literal") or "").split()).casefold() == publisher)


def apa_edition(item: Item) -> Item:
    edition = item.get("edition")
    if not isinstance(edition, str):
        return item
    stated = " ".join(edition.split())
    if not stated or _NUMERIC_EDITION_RE.fullmatch(stated) or _EDITION_WORD_RE.search(stated):
        return item
    return dict(item, edition=f"{stated} ed.")


def for_any_style(item: Item) -> Item:
    """The preparations every bundled style wants."""
    return hyphenated_initials(single_page(item))
