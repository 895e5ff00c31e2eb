"""Rendering items with a loaded style: bibliography entries and in-text citations, with
sorting, disambiguation and the punctuation clean-up.

A render makes its own references, cites and document; the compiled style it reads is
shared (see ``compiled.py``), so any number of renders may run at once, in any threads.
With ``jobs`` above one, a big bibliography is sorted and disambiguated here, once, and its
entries are rendered in ranges by forked processes (``forked.py``), in the same order.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence

from citeproc import Citation
from citeproc.source import BibliographySource

from ..forked import collector_paused, map_ranges
from .citations import disambiguate, render_document
from .cites import Cite, Document
from .items import convert_items
from .markup import FORMATTERS, flip_flop
from .punctuation import tidy
from .styles import LoadedStyle


class Rendered(NamedTuple):  # not a dataclass: see converter/model.py
    """What one render produced, in output order."""

    entries: List[str]          # bibliography entries (sorted by the style)
    order: List[int]            # index into the input items for each entry
    citations: List[str]        # one in-text citation per input item, in input order


def quotes_of(style: Any) -> tuple:
    """The locale's quotation marks (``style``: anything with the style tree as ``root``),
    found once per style tree (GOST renders item by item: four term look-ups each)."""
    found = _kept(style, "_quotes")
    if found is None:
        found = _keep(style, "_quotes", _quotes(style))
    return found


def _kept(style: Any, name: str) -> Any:
    kept = getattr(style.root, "__dict__", None)
    return kept.get(name) if kept is not None else None


def _keep(style: Any, name: str, value: Any) -> Any:
    kept = getattr(style.root, "__dict__", None)
    if kept is not None:
        kept[name] = value
    return value


def _quotes(style: Any) -> tuple:
    def term(name: str, default: str) -> str:
        found = style.root.get_term(name)
        text = found.findtext("{http://purl.org/net/xbiblio/csl}single") if found is not None else None
        if found is not None and text is None:
            text = found.text
        return text or default
    return (term("open-quote", "“"), term("close-quote", "”"),
            term("open-inner-quote", "‘"), term("close-inner-quote", "’"))


def _punctuation_in_quote(style: Any) -> bool:
    found = _kept(style, "_punctuation_in_quote")
    if found is None:
        found = _keep(style, "_punctuation_in_quote", _find_punctuation_in_quote(style))
    return bool(found)


def _find_punctuation_in_quote(style: Any) -> bool:
    try:
        value = style.root.get_locale_option("punctuation-in-quote")
    except Exception:
        return False
    return str(value).lower() == "true"


def finisher(style: Any, markup: str) -> Callable[[str], str]:
    """What every entry and citation goes through last: the punctuation clean-up (and, in
    HTML, citeproc-js's flip-flop of nested decorations)."""
    piq = _punctuation_in_quote(style)
    if markup == "html":
        return lambda text: flip_flop(tidy(text, piq))
    return lambda text: tidy(text, piq)


def _entries(bib: Document, jobs: Optional[int]) -> List[Optional[str]]:
    """Each bibliography entry's text (None when the style prints nothing for it)."""
    style, items = bib.style, bib.items

    def render_range(start: int, stop: int) -> List[Optional[str]]:
        # subsequent-author-substitute compares each entry with the one before it: a range
        # renders that one too, and drops it
        first = max(start - 1, 0)
        out = style.render_bibliography(items[first:stop])[start - first:]
        return [None if text is None else str(text) for text in out]

    return map_ranges(render_range, len(items), jobs)


@collector_paused()  # what a render makes lives until it returns
def render(items: Sequence[Dict[str, Any]], style: LoadedStyle, *, markup: str = "text",
           bibliography: bool = True, citations: bool = False, jobs: Optional[int] = 1) -> Rendered:
    """``jobs``: processes for the cites disambiguation compares and the bibliography entries
    (None: the machine's cores); the
    output is the same for any number."""
    fmt = FORMATTERS[markup]
    compiled = style.compiled(markup)
    refs = convert_items(items, fmt, quotes_of(compiled))
    source = BibliographySource()
    for ref in refs:
        source.add(ref)
    bib = Document(compiled, source)
    cites = [Citation([Cite(ref.key)]) for ref in refs]
    for cite in cites:
        bib.register(cite)
    has_bib = compiled.has_bibliography()
    if has_bib:
        bib.sort(jobs)
    disambiguate(compiled, bib, bib.keys, jobs)
    finish = finisher(compiled, markup)
    entries: List[str] = []
    order: List[int] = []
    if bibliography and has_bib:
        for key, text in zip(bib.keys, _entries(bib, jobs)):
            if text is not None:
                entries.append(finish(text))
                order.append(int(key[1:]))
    cited: List[str] = []
    if citations:
        # each item is one citation, in input order
        cited = [finish(str(text)) for text in render_document(compiled, bib, cites)]
    return Rendered(entries, order, cited)
