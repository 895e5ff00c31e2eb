"""Cites and the document they belong to, and rendering one cite through the citation layout.

A cite is a citeproc-py ``CitationItem`` bound to a ``Citation`` and, through it, to a
bibliography (here a ``Document``, one per render). The state the element classes read while
a cite renders is its reference's ``ReferenceState`` (``state.py``).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from citeproc import Citation, CitationItem
from citeproc.frontend import CitationStylesBibliography
from citeproc.source import VariableError
from citeproc.string import String

from .state import AuthorCapture


class Cite(CitationItem):
    """A citeproc-py cite that finds its reference once (the element classes ask for
    ``item.reference`` hundreds of times per entry) and knows its place in the document:
    its ``positions`` ("first", "subsequent", "ibid", ...) and the note that first cited
    its reference (``first_note``), set by ``positions.assign_positions``."""

    positions: Tuple[str, ...]
    first_note: int

    def __init__(self, key: str, **options: Any) -> None:
        super().__init__(key, **options)
        # attributes, not items: citeproc-py's CustomDict turns attribute writes into items
        self.__dict__.update(positions=(), first_note=0)

    def place(self, positions: Tuple[str, ...], first_note: int = 0) -> None:
        self.__dict__.update(positions=positions, first_note=first_note)

    @property
    def reference(self) -> Any:
        found = self.__dict__.get("_reference")
        if found is None:
            found = self.__dict__["_reference"] = self.bibliography.source[self.key]
        return found

    @property
    def number(self) -> int:
        numbers = getattr(self.bibliography, "numbers", None)
        if numbers is not None:
            return numbers()[self.key]
        return int(super().number)


class Document(CitationStylesBibliography):
    """citeproc-py's bibliography for one render over a compiled style. Unlike citeproc-py's
    own, it does not set the style's formatter (a compiled style has its own, fixed, so that
    renders in several threads can share it) and it numbers cites in one pass."""

    def __init__(self, style: Any, source: Any) -> None:  # no super(): it sets the formatter
        self.style = style
        self.source = source
        self.formatter = style.formatter
        self.keys: list = []
        self.items: list = []
        self._cites: list = []
        self._numbers: Optional[Dict[str, int]] = None

    def register(self, citation: Any, callback: Any = None) -> None:
        super().register(citation, callback)
        self._numbers = None

    def sort(self) -> None:
        super().sort()
        self._numbers = None

    def numbers(self) -> Dict[str, int]:
        """Each key's citation number (its place in ``keys``, from 1)."""
        if self._numbers is None:
            self._numbers = {k: n for n, k in enumerate(self.keys, 1)}
        return self._numbers


def probe(bib: Any, key: str) -> Cite:
    """A lone first cite of ``key``, for trial renders (disambiguation)."""
    item = Cite(key)
    Citation([item]).bibliography = bib
    item.place(("first",))
    return item


def render_cite(layout: Any, item: Any, *, suppress_author: bool = False,
                capture: Optional[AuthorCapture] = None) -> Optional[Any]:
    """One cite through the citation layout (no affixes); ``None`` when nothing rendered.
    ``capture`` receives what the cite's first names printed."""
    ref = item.reference
    state = ref.state
    author = capture if capture is not None else AuthorCapture()
    author.depth, author.seen, author.text, author.suppress = 0, False, None, suppress_author
    state.in_citation = True
    state.author = author
    first_note = item.first_note
    if first_note:
        ref["first_reference_note_number"] = String(str(first_note))
    try:
        state.restart()
        try:
            text = layout.render_children(item)
        except VariableError:
            text = None
    finally:
        state.in_citation = False
        state.author = None
        if first_note:
            del ref["first_reference_note_number"]
        state.restart()
    return text
