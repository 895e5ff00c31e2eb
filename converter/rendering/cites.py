"""Cites and the document they belong to, and rendering one cite through the citation layout.

A cite is a citeproc-py ``CitationItem`` bound to a ``Citation`` and, through it, to a
bibliography (here a ``Document``, one per render). The state the element classes read while
a cite renders is its reference's ``ReferenceState`` (``state.py``).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from citeproc import Citation, CitationItem
from citeproc.frontend import CitationStylesBibliography
from citeproc.source import VariableError
from citeproc.string import String

from ..forked import map_ranges, plan
from .sorting import tiered_order_by_level
from .state import AuthorCapture


class _Reference:
    """``Cite.reference``: found once, then kept in the cite's instance dictionary, where
    Python finds it before this (non-data) descriptor on every later look-up."""

    def __get__(self, cite: Any, owner: Any = None) -> Any:
        if cite is None:
            return self
        found = cite.__dict__["reference"] = cite.bibliography.source[cite.key]
        return found


class Cite(CitationItem):
    """A citeproc-py cite that finds its reference once (the element classes ask for
    ``item.reference`` hundreds of times per entry) and knows its place in the document:
    its ``positions`` ("first", "subsequent", "ibid", ...) and the note that first cited
    its reference (``first_note``), set by ``positions.assign_positions``."""

    positions: Tuple[str, ...]
    first_note: int
    reference = _Reference()

    def __init__(self, key: str, **options: Any) -> None:
        super().__init__(key, **options)
        # attributes, not items: citeproc-py's CustomDict turns attribute writes into items
        self.__dict__.update(positions=(), first_note=0)

    def place(self, positions: Tuple[str, ...], first_note: int = 0) -> None:
        self.__dict__.update(positions=positions, first_note=first_note)

    @property
    def number(self) -> int:
        bib = self.bibliography
        if isinstance(bib, Document):
            return bib.numbers()[self.key]
        return int(super().number)

    def is_bad(self) -> bool:
        bib = self.bibliography
        if isinstance(bib, Document):
            return self.key not in bib.numbers()
        return bool(super().is_bad())


class Document(CitationStylesBibliography):
    """citeproc-py's bibliography for one render over a compiled style. Unlike citeproc-py's
    own, it does not set the style's formatter (a compiled style has its own, fixed, so that
    renders in several threads can share it), and it finds a key's place by a table rather
    than by a search of the key list (which made registering and numbering n cites cost n²)."""

    def __init__(self, style: Any, source: Any) -> None:  # no super(): it sets the formatter
        self.style = style
        self.source = source
        self.formatter = style.formatter
        self.keys: list = []
        self.items: list = []
        self._cites: list = []
        self._numbers: Dict[str, int] = {}

    def register(self, citation: Any, callback: Any = None) -> None:
        citation.bibliography = self
        for item in citation.cites:
            if item.key in self.source:
                if item.key not in self._numbers:
                    self.keys.append(item.key)
                    self.items.append(item)
                    self._numbers[item.key] = len(self.keys)
            elif callback is not None:
                callback(item)

    def sort(self, jobs: Optional[int] = 1) -> None:
        """The bibliography's order (cs:sort). With ``jobs`` above one, each key's values are
        worked out over forked processes, a level at a time (``sorting.tiered_order_by_level``:
        the same order)."""
        root = self.style.root
        sort = root.bibliography.find("cs:sort", root.nsmap) if root.bibliography is not None else None
        if sort is None or len(plan(len(self.items), jobs)) == 1:
            super().sort()
        else:
            items, layout = self.items, root.bibliography.layout

            def values(level: int, indices: List[int]) -> List[Any]:
                return map_ranges(lambda a, b: sort.values(level, [items[i] for i in indices[a:b]], layout),
                                  len(indices), jobs)

            order = tiered_order_by_level(list(range(len(items))), sort.descending(), values)
            self.items = [items[i] for i in order]
            self.keys = [item.key for item in self.items]
        self._numbers = {k: n for n, k in enumerate(self.keys, 1)}

    def renumber(self, numbers: Dict[str, int]) -> None:
        """Give the keys their numbers in a bigger list this document is a piece of."""
        self._numbers = dict(numbers)

    def numbers(self) -> Dict[str, int]:
        """Each key's citation number (its place in ``keys``, from 1)."""
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
