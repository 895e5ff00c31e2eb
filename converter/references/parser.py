"""parse_reference: one reference string -> one CSL item.

Order of work: normalise the text (spaces, homoglyphs), let the high-precision rules take
what is certain (DOI, URL, access date, language note, the numbers), then decide the
author / title / container boundaries (learned model when it is installed, rules
otherwise), then turn each segment into CSL values.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from ..model import CSLItem, Diagnostic
from ..normalize import nfc, normalize_space, repair_homoglyphs
from .heuristic import segment_head
from .assemble import clean_text, fields_from_segments
from .rules import Found, find_certain

def _normalise(text: str, diags: List[Diagnostic]) -> str:
    s = normalize_space(nfc(text))
    s, changes = repair_homoglyphs(s)
    for change in changes:
        diags.append(Diagnostic(f"repaired look-alike letters: {change}", field="source"))
    return s


def _head_end(s: str, found: Found) -> int:
    starts = [a for a, _, label in found.spans if label in ("numbers", "doi", "url", "note", "accessed")]
    return min(starts) if starts else len(s)


def _guess_type(item: Dict[str, Any]) -> str:
    if item.get("container-title") and any(k in item for k in ("volume", "issue", "page")):
        return "article-journal"
    if item.get("container-title"):
        return "chapter" if item.get("publisher") else "article-journal"
    if item.get("publisher") or item.get("number-of-pages"):
        return "book"
    if item.get("URL") and not item.get("container-title"):
        return "webpage"
    return "article-journal" if item.get("volume") or item.get("page") else "document"


def _ordered(item: Dict[str, Any]) -> CSLItem:
    order = ["type", "citation-number", "author", "editor", "title", "container-title",
             "collection-title", "publisher", "publisher-place", "issued", "volume", "issue",
             "page", "number-of-pages", "DOI", "URL", "accessed", "language", "note", "source"]
    out = {k: item[k] for k in order if k in item}
    out.update({k: v for k, v in item.items() if k not in out})
    return out


def parse_reference(text: str, *, number: str | None = None) -> Tuple[CSLItem, List[Diagnostic]]:
    """One reference string -> (CSL item, diagnostics).

    The item always has ``type`` and ``source`` (the string exactly as given); a string
    that cannot be structured keeps its text as the title and a warning says so.
    """
    diags: List[Diagnostic] = []
    item: Dict[str, Any] = {}
    if number is not None:
        item["citation-number"] = str(number)
    s = _normalise(text, diags)
    found = find_certain(s)
    item.update(fields_from_segments(_segments(s, found)))
    item.update(found.fields)  # the rules are certain; they win over the model
    if not any(item.get(k) for k in ("author", "container-title", "issued", "publisher", "DOI", "URL")):
        if not item.get("title"):
            item["title"] = clean_text(s) or s
        diags.append(Diagnostic("could not structure this reference (no author, date, container or "
                                "identifier found); its text is kept as the title", field="title"))
    item["type"] = _guess_type(item)
    item["source"] = text
    return _ordered(item), diags


def _segments(s: str, found: Found) -> List[Tuple[str, str]]:
    """(label, text) segments from the learned model, or from the rule fallback."""
    from . import model  # imported late: loading the model is the slow part

    tagged = model.segment(s, found)
    if tagged is not None:
        return tagged
    head = s[: _head_end(s, found)]
    spans = sorted(segment_head(head).items(), key=lambda kv: kv[1])
    return [("container" if label == "container-title" else label, head[a:b]) for label, (a, b) in spans]


__all__ = ["parse_reference"]
