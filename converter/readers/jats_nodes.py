"""Reading JATS elements: text with XML white space collapsed, rich text (italic, bold,
sub/superscripts, small caps kept as CSL rich text), dates, page ranges and names."""
from __future__ import annotations

import re
from typing import Any, Dict, List

from lxml import etree

from ..mappings import jats as M
from ..vocabulary.dates import parse_iso
from ..vocabulary.richtext import Run, from_runs
from ..xmlsafe import local_name

XL_HREF = "{%s}href" % M.XLINK


def text(node: etree._Element | None) -> str:
    """All text inside an element, whitespace collapsed."""
    if node is None:
        return ""
    return squash("".join(node.itertext()))


# JATS inline formatting -> CSL rich-text styles
RICH_STYLE = {"italic": "i", "bold": "b", "sup": "sup", "sub": "sub", "sc": "sc"}


def rich_text(node: etree._Element | None) -> str:
    """Text of a title-like element with <italic>, <bold>, <sup>, <sub>, <sc> kept as CSL
    rich text; other inline elements give their text."""
    if node is None:
        return ""
    out: List[Run] = []

    def walk(el: etree._Element, styles: frozenset) -> None:
        if el.text:
            out.append(Run(el.text, styles))
        for child in el:
            if isinstance(child.tag, str):
                style = RICH_STYLE.get(local_name(child))
                walk(child, styles | {style} if style else styles)
            if child.tail:
                out.append(Run(child.tail, styles))

    walk(node, frozenset())
    if not any(r.styles for r in out):
        return text(node)
    return from_runs([Run(re.sub(r"[ \t\r\n]+", " ", r.text), r.styles) for r in out]).strip()


def squash(text: str) -> str:
    """Collapse XML whitespace only: a no-break space in the text is content, kept as is."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def first_text(parent: etree._Element, *paths: str, rich: bool = False) -> str:
    """Text of the first of ``paths`` that has some; ``rich`` keeps inline formatting."""
    for path in paths:
        found = parent.find(path)
        if found is not None and text(found):
            return rich_text(found) if rich else text(found)
    return ""


def lang(node: etree._Element | None) -> str | None:
    return None if node is None else node.get(M.XML_LANG)


def line(node: etree._Element) -> int | None:
    return node.sourceline if isinstance(node.sourceline, int) else None


def strip_namespaces(root: etree._Element) -> None:
    """JATS elements have no namespace, but some exports put them in one; keep only ALI/MathML."""
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag.startswith("{"):
            ns, _, local = node.tag[1:].rpartition("}")  # a URI may hold '}', a local name not
            if ns not in (M.ALI, "http://www.w3.org/1998/Math/MathML"):
                node.tag = local


def to_int(text: str | None) -> int | None:
    match = re.search(r"\d+", text or "")
    # more digits than any year, month or day has: not a number of this kind
    return int(match.group()) if match and len(match.group()) <= 9 else None


def date(node: etree._Element | None) -> Dict[str, Any] | None:
    """A CSL date from a JATS date-like element (iso-8601-date, or year/month/day children)."""
    if node is None:
        return None
    parts = parse_iso(node.get("iso-8601-date") or "")
    if parts:
        return {"date-parts": [parts]}
    year = to_int(first_text(node, "year"))
    if year:
        ymd = [year]
        month = to_int(first_text(node, "month"))
        if month and 1 <= month <= 12:
            ymd.append(month)
            day = to_int(first_text(node, "day"))
            if day and 1 <= day <= 31:
                ymd.append(day)
        return {"date-parts": [ymd]}
    literal = first_text(node, "string-date") or text(node)
    return {"raw": literal} if literal else None


def page(fpage: str, lpage: str) -> str:
    return f"{fpage}-{lpage}" if fpage and lpage and lpage != fpage else fpage


def person(node: etree._Element) -> Dict[str, str] | None:
    """A CSL name from <name>, <string-name>, <collab> (or the first of <name-alternatives>)."""
    tag = node.tag
    if tag == "name-alternatives":
        first = next((c for c in node if c.tag in ("name", "string-name")), None)
        return person(first) if first is not None else None
    if tag == "name":
        family, given = first_text(node, "surname"), first_text(node, "given-names")
        name: Dict[str, str] = {}
        if family:
            name["family"] = family
        if given:
            name["given"] = given
        suffix = first_text(node, "suffix")
        if suffix:
            name["suffix"] = suffix
        return name or None
    if tag == "string-name":
        family, given = first_text(node, "surname"), first_text(node, "given-names")
        if family:
            return {"family": family, **({"given": given} if given else {})}
        return {"literal": text(node)} if text(node) else None
    if tag == "collab-alternatives":
        first = next((c for c in node if c.tag == "collab"), None)
        return person(first) if first is not None else {"literal": "Anonymous"}
    if tag in ("collab", "anonymous"):
        return {"literal": collab_name(node) or "Anonymous"}
    return None


def collab_name(node: etree._Element) -> str:
    """A group's own name: the text of <collab> without its members' <contrib-group> (JATS 1.2+
    lists a collaboration's members inside it) and without footnote links."""
    parts = [node.text or ""]
    for child in node:
        if child.tag not in ("contrib-group", "xref", "fn"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return squash("".join(parts))


# the elements a person or a group is named by
NAME_TAGS = ("name", "string-name", "name-alternatives", "collab", "collab-alternatives", "anonymous")


__all__ = ["NAME_TAGS", "XL_HREF", "date", "first_text", "lang", "line", "page", "person", "rich_text", "squash",
           "strip_namespaces", "text", "to_int"]
