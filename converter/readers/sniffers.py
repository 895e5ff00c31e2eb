"""How each input format is recognised from its text, cheaply.

Detection (registry.detect) asks every format's sniffer about every input whose format is not
named, so the sniffers live here, apart from the readers: recognising a BibTeX file must not
load the JATS, HTML or RIS readers and their vocabularies (a third of a one-record run went
into loading them). A sniffer returns a confidence from 0 (not this format) to 100. The page
reader's sniffer is in page/sniff.py, beside the page reader, and is as light.
"""
from __future__ import annotations

import re

from ..textio import is_json

_BIBTEX_KNOWN_START = re.compile(r"@\s*(article|book|inproceedings|incollection|misc|online|string|"
                                 r"phdthesis|techreport|inbook|thesis|report|preamble|comment)\s*[{(]", re.I)
_BIBTEX_ENTRY_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.M)
_RIS_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: |\s*$)")
_JATS_DOCTYPE = re.compile(r"<!DOCTYPE\s+(article|pmc-articleset)\b[^>]*(JATS|NLM|journalpublishing|archivearticle)",
                           re.IGNORECASE)
_JATS_ROOT = re.compile(r"<article\b[^>]*(dtd-version|article-type|xmlns:(xlink|mml|ali))")


def bibtex(text: str) -> int:
    """An entry start near the top (and not inside a JSON string)."""
    head = text.lstrip("\ufeff")[:5000]
    if _BIBTEX_KNOWN_START.search(head):
        score = 90
    elif _BIBTEX_ENTRY_START.search(head):
        score = 60
    else:
        return 0
    # only now, when it looks like BibTeX: a JSON text is decoded whole to be told apart
    if head.lstrip()[:1] in ("[", "{") and is_json(text):
        return 0
    return score


def ris(text: str) -> int:
    """90 when a TY line opens a record near the top, 50 for RIS-looking tag lines without one."""
    lines = [ln for ln in re.split(r"\r\n|\r|\n", text.lstrip("\ufeff")[:20000]) if ln.strip()][:60]
    tags = [m.group(1) for m in map(_RIS_TAG_LINE.match, lines) if m]
    if "TY" in tags:
        return 90
    return 50 if len(tags) >= 3 else 0


def csljson(text: str) -> int:
    head = text.lstrip()[:2000]
    if not head or head[0] not in "[{":
        return 0
    if '"type"' in head and ('"title"' in head or '"id"' in head):
        return 80
    return 50 if is_json(text) else 30


def crossref(text: str) -> int:
    head = text.lstrip()[:4000]
    if not head or head[0] not in "[{":
        return 0
    if '"message-type"' in head and '"message"' in head:
        return 95
    if re.search(r'"title"\s*:\s*\[', head) and ('"DOI"' in head or '"container-title"' in head):
        return 90
    return 0


def jats(text: str) -> int:
    head = text[:5000]
    if _JATS_DOCTYPE.search(head):
        return 100
    if _JATS_ROOT.search(head):
        return 95
    if re.search(r"<article\b", head) and "<front>" in text[:20000]:
        return 90
    return 0


def html(text: str) -> int:
    head = text.lstrip()[:5000].lower()
    if not (head.startswith("<!doctype html") or head.startswith("<html") or "<head" in head[:1000]):
        return 0
    return 90 if 'name="citation_' in head or "name='citation_" in head or 'name="dc.' in head else 60


def reference_list(text: str) -> int:
    """A low score: a numbered list of lines with years looks like references, but any format
    with a real signature wins."""
    lines = [ln for ln in _first_lines(text, 200) if ln.strip()]
    if not lines:
        return 0
    numbered = sum(1 for ln in lines if re.match(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s", ln))
    with_year = sum(1 for ln in lines if re.search(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", ln))
    if numbered >= max(2, len(lines) // 2) and with_year >= len(lines) // 2:
        return 25
    return 0


def _first_lines(text: str, n: int) -> list:
    """``text.splitlines()[:n]`` without splitting the rest of a big text."""
    size = 1 << 14
    while size < len(text):
        lines = text[:size].splitlines()
        if len(lines) > n:  # the n-th line ended inside the prefix, and a next one began there
            return lines[:n]
        size *= 4
    return text.splitlines()[:n]
