"""Building JATS elements: an element with its attributes, rich text as JATS inline elements,
dates as ISO attributes and year/month/day children, page ranges, names, unique XML ids."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from lxml import etree

from ..mappings import jats as M
from ..patterns import lazy
from ..vocabulary.dates import first_date
from ..vocabulary.names import particles
from ..vocabulary.richtext import plain, runs

XL = "{%s}" % M.XLINK


def el(parent: etree._Element, tag: str, text: Any = None, **attrs: Any) -> etree._Element:
    """A child element; attribute names use '_' for '-' and ``xlink_href`` for xlink:href."""
    node = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        if value is None or value == "":
            continue
        if key == "xlink_href":
            node.set(XL + "href", str(value))
        elif key == "xml_lang":
            node.set(M.XML_LANG, str(value))
        else:
            node.set(key.replace("_", "-"), str(value))
    if text is not None:
        node.text = clean(str(text))
    return node


# CSL rich-text styles -> JATS inline elements (nocase only guards case changes: plain here)
JATS_STYLE = {"i": "italic", "b": "bold", "sup": "sup", "sub": "sub", "sc": "sc"}


def rich_el(parent: etree._Element, tag: str, value: str, **attrs: Any) -> etree._Element:
    """Like :func:`el`, for a title that may hold CSL rich text (<i>, <b>, <sup>, <sub>,
    small caps), written as JATS <italic>, <bold>, <sup>, <sub>, <sc>."""
    parts = runs(value)
    if not any(r.styles - {"nocase"} for r in parts):
        return el(parent, tag, plain(value), **attrs)
    node = el(parent, tag, None, **attrs)
    for run in parts:
        target = node
        for style in sorted(run.styles - {"nocase"}):
            target = etree.SubElement(target, JATS_STYLE[style])
        text = clean(run.text)
        if target is not node:
            target.text = text
        elif len(node):
            node[-1].tail = (node[-1].tail or "") + text
        else:
            node.text = (node.text or "") + text
    return node


CONTROL = lazy(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """XML 1.0 cannot hold C0 control characters; they never carry meaning in metadata."""
    return CONTROL.sub("", text)


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(as_text(v) for v in value if v not in (None, ""))
    return str(value).strip()


def dict_at(parent: Dict[str, Any], key: str) -> Dict[str, Any]:
    """parent[key] when it is an object, else an empty dict (a record may hold anything there)."""
    value = parent.get(key)
    return value if isinstance(value, dict) else {}


def xml_lang(value: Any) -> str | None:
    """An xml:lang value (NMTOKEN), or None for what cannot be one."""
    text = as_text(value)
    return text if re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", text) else None


def date_parts(date: Any) -> Tuple[int | None, int | None, int | None, str | None]:
    """(year, month, day, literal) from a CSL date; literal is the text when no parts parse
    (with the year found in it, if any: a <year> beside the <string-date>)."""
    parts: List[int | None] = list(first_date(date) or [])
    if parts:
        return parts[0], (parts + [None])[1], (parts + [None, None])[2], None
    text = as_text(date.get("literal") or date.get("raw")) if isinstance(date, dict) else as_text(date)
    found = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    return (int(found[1]) if found else None), None, None, text or None


def date_children(node: etree._Element, year: int, month: int | None, day: int | None) -> None:
    # Publishing DTD: ((day?, month?) | season)?, year
    if day and month:
        el(node, "day", f"{day:02d}")
    if month:
        el(node, "month", f"{month:02d}")
    el(node, "year", f"{year:04d}")


def split_page(page: str) -> Tuple[str | None, str | None, str | None]:
    """(fpage, lpage, page-range) from a CSL page string."""
    page = page.strip()
    match = re.fullmatch(r"([A-Za-z]?\d+[A-Za-z]?)\s*[-\u2010-\u2015\u2212]+\s*([A-Za-z]?\d+[A-Za-z]?)", page)
    if match:
        return match[1], match[2], None
    if re.fullmatch(r"[A-Za-z]?\d+[A-Za-z]?", page):
        return page, None, None
    return None, None, page


def name_element(parent: etree._Element, person: Dict[str, Any]) -> etree._Element | None:
    family = " ".join(p for p in (particles(person).strip(), as_text(person.get("family"))) if p)
    given = as_text(person.get("given"))
    suffix = as_text(person.get("suffix"))
    if not family and not given:
        literal = as_text(person.get("literal"))
        if not literal:
            return None
        return el(parent, "string-name", literal)
    node = el(parent, "name", name_style="western")
    if family:
        el(node, "surname", family)
        if given:
            el(node, "given-names", given)
    else:
        el(node, "given-names", given)
    if suffix:
        el(node, "suffix", suffix)
    return node


class Ids:
    """XML IDs unique within a document, keeping a record's own id when it is a valid one."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, wanted: str, fallback: str) -> str:
        base = wanted if re.fullmatch(r"[A-Za-z_][\w.\-]*", wanted or "") else fallback
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


__all__ = ["XL", "Ids", "as_text", "clean", "date_children", "date_parts", "dict_at", "el", "name_element", "rich_el",
           "split_page", "xml_lang"]
