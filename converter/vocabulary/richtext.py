"""Rich text in CSL-JSON field values: the small HTML-like markup citeproc-js, Zotero and
pandoc agree on (``<i> <b> <sup> <sub>``, ``<span style="font-variant:small-caps;">`` and
``<span class="nocase">`` for words whose case must never change). Readers produce it (a
BibTeX ``{Brace}`` becomes a nocase span); writers turn it into their own markup or drop it
to plain text; case changes (sentence case) skip the nocase parts."""
from __future__ import annotations

import re
from typing import Callable, FrozenSet, List, NamedTuple, Tuple

from ..patterns import lazy

TAG_RE = lazy(
    r'<(?P<close>/)?(?P<tag>i|b|sup|sub|span)'
    r'(?P<attr>\s+(?:class="nocase"|style="font-variant:\s*small-caps;?"))?\s*>', re.I)

# style name -> (opening, closing) markup in CSL-JSON
MARKUP = {"i": ("<i>", "</i>"), "b": ("<b>", "</b>"), "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>"),
          "sc": ('<span style="font-variant:small-caps;">', "</span>"),
          "nocase": ('<span class="nocase">', "</span>")}


class Run(NamedTuple):  # not a dataclass: see converter/model.py
    """A stretch of text and the styles around it ("i", "b", "sup", "sub", "sc", "nocase")."""

    text: str
    styles: FrozenSet[str] = frozenset()


def has_markup(value: str) -> bool:
    return "<" in value and TAG_RE.search(value) is not None


def _kind(m: re.Match[str]) -> str:
    name, attr = m.group("tag").lower(), (m.group("attr") or "").lower()
    if name != "span":
        return name
    return "nocase" if "nocase" in attr else "sc" if attr else ""


def _paired(value: str) -> List[re.Match[str]]:
    """The tags that open and close in proper pairs; any other tag is just text."""
    stack: List[re.Match[str]] = []
    keep: List[re.Match[str]] = []
    for m in TAG_RE.finditer(value):
        if not m.group("close"):
            if _kind(m):
                stack.append(m)
            continue
        name = m.group("tag").lower()
        if stack and (_kind(stack[-1]) == name or (name == "span" and _kind(stack[-1]) in ("nocase", "sc"))):
            keep.extend((stack.pop(), m))
    return sorted(keep, key=lambda m: m.start())


Token = Tuple[str, str]  # ("text", chunk) | ("open", style) | ("close", style)


def tokens(value: str) -> List[Token]:
    """The value as a stream of text chunks and paired open/close events, nesting kept
    (``<i>a <i>b</i></i>`` opens "i" twice). Tags that do not pair up are text."""
    out: List[Token] = []
    pos = 0
    open_kinds: List[str] = []
    for m in _paired(value):
        if value[pos:m.start()]:
            out.append(("text", value[pos:m.start()]))
        if m.group("close"):
            out.append(("close", open_kinds.pop()))
        else:
            open_kinds.append(_kind(m))
            out.append(("open", open_kinds[-1]))
        pos = m.end()
    if value[pos:]:
        out.append(("text", value[pos:]))
    return out


def runs(value: str) -> List[Run]:
    """The value as runs of text with the styles around them."""
    if not has_markup(value):
        return [Run(value)] if value else []
    out: List[Run] = []
    stack: List[str] = []
    for kind, data in tokens(value):
        if kind == "text":
            out.append(Run(data, frozenset(stack)))
        elif kind == "open":
            stack.append(data)
        else:
            stack.pop()
    return out


def plain(value: str) -> str:
    """The text without markup (for formats that have none: RIS, BibTeX keys, comparisons)."""
    return "".join(r.text for r in runs(value)) if has_markup(value) else value


def from_runs(items: List[Run]) -> str:
    """CSL-JSON markup for runs (the inverse of :func:`runs`)."""
    out: List[str] = []
    for run in items:
        text = run.text
        for style in sorted(run.styles):
            opening, closing = MARKUP[style]
            text = opening + text + closing
        out.append(text)
    return "".join(out)


def recase(value: str, change: Callable[[str], str]) -> str:
    """Apply a case change (e.g. sentence case) to the whole text, seen as one string so that
    'first word' and 'after a colon' keep their meaning, but leave nocase runs and the markup
    as they were."""
    parts = runs(value)
    if not any(r.styles for r in parts):
        return change(value)
    text = "".join(r.text for r in parts)
    changed = change(text)
    if len(changed) != len(text):  # a case change that altered lengths: change run by run
        return from_runs([r if "nocase" in r.styles else Run(change(r.text), r.styles) for r in parts])
    out: List[Run] = []
    pos = 0
    for r in parts:
        end = pos + len(r.text)
        out.append(r if "nocase" in r.styles else Run(changed[pos:end], r.styles))
        pos = end
    return from_runs(out)
