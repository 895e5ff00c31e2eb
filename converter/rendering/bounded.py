"""A bibliography rendered with bounded memory, for lists too big to hold (converter/stream.py).

The whole-list render (``engine.render``) keeps every item's reference, cite and texts
alive until its last entry is written: several kilobytes an item. Here the items wait in a
spool file (``spool.py``) and each one is in memory only while it is being worked on. Each
item's reference is made once, in the sort's first pass, and kept on disk too (pickled, about
800 bytes); every later step reads it back from there rather than making it again from the
item. What stays in memory for the whole list is small:

- each item's first sort key (later keys are worked out only for the items that tie on the
  keys before them, as ``elements/sort.py`` does, reading those items back);
- the persons table of the global given-name rules, and each cite's text before
  disambiguation, until the cites that read alike are found;
- for those cites only, their texts and the decisions that tell them apart.

The steps are the whole-list render's, in its order (sort, then disambiguation, then the
entries), and each step sees what it saw there, so the entries are the same, byte for byte
(tests/test_render_bounded.py). Entries are rendered in sorted order a chunk at a time,
over ``jobs`` forked processes, and handed on as they are made.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, TypeVar

from citeproc import Citation
from citeproc.source import BibliographySource
from citeproc.string import String

from ..forked import map_ranges, only_thread
from ..forked import plan as split_plan
from .cites import Cite, Document, probe, render_cite
from .disambiguation import Disambiguator, Persons, add_persons, balanced, letters, names_of, own_levels, person_levels
from .engine import finisher, quotes_of
from .items import TrackedReference, convert_item
from .markup import FORMATTERS
from .sorting import tiered_order
from .spool import References, Spool, dump_reference
from .styles import LoadedStyle

R = TypeVar("R")

BLOCK = 4096   # items per round of forked work: what a round returns is held at once
CHUNK = 256    # entries rendered through one document
GROUPS_PER_JOB = 100  # groups of clashing cites below which a process costs more than it saves
TIED_KEPT = 4096  # cites of tied items kept for their later sort keys (a few KiB each)
YOUNG_ROUNDS = 100  # young collections between two of the middle generation while a render runs (Python: 10)


@dataclass(slots=True)  # one for each clashing cite: many in a big list
class Decisions:
    """What disambiguation decided for one reference (see ``state.ReferenceState``)."""

    names_shown: Optional[int] = None
    given_levels: Optional[Dict[str, int]] = None
    disambiguate: bool = False
    year_suffix: Optional[str] = None


@dataclass
class _Plan:
    """What the whole list needs to know, gathered before any entry is rendered."""

    order: List[int] = field(default_factory=list)         # spool indices, sorted
    levels: Dict[str, int] = field(default_factory=dict)   # global given-name levels
    primary: bool = False
    decided: Dict[int, Decisions] = field(default_factory=dict)


class BoundedRender:
    """One render of the items in ``spool`` with ``style``; ``entries()`` yields them."""

    def __init__(self, spool: Spool, style: LoadedStyle, *, markup: str = "text",
                 jobs: Optional[int] = 1) -> None:
        self.spool = spool
        self.fmt = FORMATTERS[markup]
        self.compiled = style.compiled(markup)
        self.quotes = quotes_of(self.compiled)
        self.finish = finisher(self.compiled, markup)
        self.jobs = jobs
        root = self.compiled.root
        self.layout: Any = root.bibliography.layout if root.bibliography is not None else None
        self.sort: Any = root.bibliography.find("cs:sort", root.nsmap) if root.bibliography is not None else None
        # the rules alone (which steps, which given-name rule): a disambiguator of no cites
        self.rules = Disambiguator(self._document([]), [])
        self.plan = _Plan(primary=self.rules.primary_only())
        # each item's reference, made from its item once (the sort's first pass) and read back
        # from here by every later step (a quarter of the cost of making it again)
        self.made = References()
        # each cite's text before disambiguation, rendered in the sort's first pass from the
        # reference made there, where it reads as it will after the sort: the citation layout
        # prints no citation number (an item's number is its sorted place, unknown then);
        # the cites a global given-name level (known at the pass's end) touches are rendered
        # again after it (``_early_cite_texts``)
        rules = self.rules
        self.early: Optional[List[str]] = None
        if rules.layout is not None and (rules.add_names or rules.add_given or rules.condition or rules.add_suffix) \
                and not _numbered(root):
            self.early = []
        self.families: List[Tuple[str, ...]] = []  # each item's family names the global rule looks at
        self.sweeping = False  # garbage is swept after each chunk (``_young_garbage``)

    # -- references, read back (or made from the spool) whenever they are needed ---------------

    def _fresh(self, index: int) -> TrackedReference:
        """Item ``index`` as a reference before any decision."""
        if index < len(self.made):
            return self.made[index]
        return convert_item(self.spool[index], f"i{index}", self.fmt, self.quotes)

    def _reference(self, index: int) -> TrackedReference:
        """Item ``index`` as a reference in the state the plan has decided for it so far."""
        ref = self._fresh(index)
        plan = self.plan
        if plan.levels:
            own = own_levels(names_of(ref), plan.levels, plan.primary)
            if own:
                ref.state.given_levels = own
        decided = plan.decided.get(index)
        if decided is not None:
            state = ref.state
            state.names_shown = decided.names_shown
            if decided.given_levels is not None:
                state.given_levels = decided.given_levels
            state.disambiguate = decided.disambiguate
            if decided.year_suffix is not None:
                ref["year_suffix"] = String(decided.year_suffix)
        return ref

    def _document(self, refs: Sequence[TrackedReference], numbers: Optional[Sequence[int]] = None) -> Document:
        """A document of these references, each cited once in this order; ``numbers``:
        their citation numbers in the whole list."""
        source = BibliographySource()
        for ref in refs:
            source.add(ref)
        doc = Document(self.compiled, source)
        for ref in refs:
            doc.register(Citation([Cite(ref.key)]))
        if numbers is not None:
            doc.renumber({ref.key: n for ref, n in zip(refs, numbers)})
        return doc

    def _alone(self, index: int, number: int) -> Cite:
        """Item ``index`` cited alone, with its citation number in the whole list."""
        doc = self._document([self._reference(index)], [number])
        cite: Cite = doc.items[0]
        return cite

    # -- the steps ------------------------------------------------------------------------------

    def entries(self) -> Iterator[str]:
        """The bibliography's finished entries, in order (items it prints nothing for are left out)."""
        if self.layout is None:
            return
        try:
            with _young_garbage() as self.sweeping:
                yield from self._entries()
        finally:
            self.made.close()

    def _entries(self) -> Iterator[str]:
        self._sort()
        self._disambiguate()
        order = self.plan.order
        for start in range(0, len(order), BLOCK):
            stop = min(start + BLOCK, len(order))
            texts = map_ranges(lambda a, b: self._render(start + a, start + b), stop - start, self.jobs)
            for text in texts:
                if text is not None:
                    yield text

    def _sweep(self) -> None:
        """Free what the chunk just worked on left (its references, cites and document hold
        one another, so only the cyclic collector frees them) while it is young."""
        if self.sweeping:
            gc.collect(1)

    def _blocks(self, task: Callable[[int, int], List[R]]) -> Iterator[R]:
        """``task(start, stop)`` over ``range(len(spool))``, a block at a time, over ``jobs`` processes."""
        total = len(self.spool)
        for start in range(0, total, BLOCK):
            stop = min(start + BLOCK, total)
            yield from map_ranges(lambda a, b: task(start + a, start + b), stop - start, self.jobs)

    def _sort(self) -> None:
        """The bibliography's order, as ``Document.sort`` finds it, and the persons of the
        global given-name rules, from one reading of the spool."""
        total = len(self.spool)
        sort, layout, rules = self.sort, self.layout, self.rules
        descending = sort.descending() if sort is not None else []
        persons: Persons = {}

        early = self.early is not None

        def first_keys(start: int, stop: int) -> List[Tuple[Any, Persons, bytes, Optional[str]]]:
            # each reference made here, kept (as made: before a render touches it) for the
            # later steps, and its first key (and cite text) worked out with a chunk's others
            # in one document
            out = []
            for a in range(start, stop, CHUNK):
                b = min(a + CHUNK, stop)
                refs = [convert_item(self.spool[i], f"i{i}", self.fmt, self.quotes) for i in range(a, b)]
                kept = [dump_reference(ref) for ref in refs]
                doc = self._document(refs, range(a + 1, b + 1))  # before sorting, numbers are input order
                found = sort.values(0, doc.items, layout) if descending else [None] * len(refs)
                for ref, value, data in zip(refs, found, kept):
                    mine: Persons = {}
                    add_persons(mine, names_of(ref), self.plan.primary)
                    out.append((value, mine, data, _cite_text(rules.layout, doc, ref.key) if early else None))
                del refs, doc, ref
                self._sweep()
            return out

        first: List[Any] = []
        shared: Dict[Tuple[str, ...], Tuple[str, ...]] = {}  # one tuple for each set of families
        for value, mine, data, text in self._blocks(first_keys):
            first.append(value)
            self.made.append(data)
            for fam, givens in mine.items():
                persons.setdefault(fam, set()).update(givens)
            if early:
                assert self.early is not None and text is not None
                self.early.append(text)
                families = tuple(mine)
                self.families.append(shared.setdefault(families, families))

        # the cites of the items that tied on the keys before the last level worked out: the
        # next level is asked of a part of them (tiered_order goes depth first), and each is
        # made from the spool once for all its later keys, not once a key (the whole-list
        # sort, too, asks every key of one cite)
        tied: Dict[int, Cite] = {}

        def later_keys(level: int, indices: List[int]) -> List[Any]:
            out: List[Any] = []
            for a in range(0, len(indices), CHUNK):  # a chunk's keys asked at once
                cites = [tied[i] if i in tied else self._alone(i, i + 1) for i in indices[a:a + CHUNK]]
                out.extend(sort.values(level, cites, layout))
            return out

        def values(level: int, indices: List[int]) -> List[Any]:
            if level == 0:
                return [first[i] for i in indices]
            # items that tie on the keys before: many, in a big list of few authors
            if len(split_plan(len(indices), self.jobs)) == 1:  # worked out here, not in forked processes
                if level == 1 or any(i not in tied for i in indices):
                    tied.clear()
                    if len(indices) <= TIED_KEPT:
                        tied.update((i, self._alone(i, i + 1)) for i in indices)
                return later_keys(level, indices)
            return map_ranges(lambda a, b: later_keys(level, indices[a:b]), len(indices), self.jobs)

        self.plan.order = tiered_order(list(range(total)), descending, values)
        tied.clear()
        # decided for every cite before any disambiguation (``Disambiguator.run``)
        if rules.layout is not None and total >= 2 and rules.add_given and rules.rule != "by-cite":
            self.plan.levels = person_levels(persons, rules.max_level)

    def _disambiguate(self) -> None:
        """``Disambiguator.run`` over the whole list: the cites that read alike are found
        from every cite's text, then worked on a group at a time, holding only its members."""
        rules = self.rules
        order = self.plan.order
        if rules.layout is None or len(order) < 2:
            return
        if not (rules.add_names or rules.add_given or rules.condition or rules.add_suffix):
            return
        position = {index: n for n, index in enumerate(order)}

        def cite_texts(places: Sequence[int]) -> Callable[[int, int], List[str]]:
            def task(start: int, stop: int) -> List[str]:
                # in sorted order, as the whole-list render meets them; a chunk in one document
                out: List[str] = []
                for a in range(start, stop, CHUNK):
                    b = min(a + CHUNK, stop)
                    refs = [self._reference(order[n]) for n in places[a:b]]
                    doc = self._document(refs, [n + 1 for n in places[a:b]])
                    out.extend(_cite_text(rules.layout, doc, ref.key) for ref in refs)
                    del refs, doc
                    self._sweep()
                return out
            return task

        texts_sorted: Iterable[str]
        if self.early is not None:
            texts_sorted = self._early_cite_texts(cite_texts)
        else:
            texts_sorted = self._blocks(cite_texts(range(len(order))))
        by_text: Dict[str, List[int]] = {}
        for n, text in enumerate(texts_sorted):
            if text:
                by_text.setdefault(text, []).append(order[n])
        self.early = None
        self.families = []
        texts = {i: t for t, group in by_text.items() if len(group) > 1 for i in group}
        groups = [group for group in by_text.values() if len(group) > 1]
        del by_text
        for step in rules.steps():
            if not groups:
                break
            self._step(groups, step, texts, position)
            groups = _regroup([i for g in groups for i in g], texts)
        if rules.add_suffix:
            for group in groups:
                for n, index in enumerate(sorted(group, key=lambda i: position[i])):
                    self.plan.decided.setdefault(index, Decisions()).year_suffix = letters(n)

    def _early_cite_texts(self, cite_texts: Callable[[Sequence[int]], Callable[[int, int], List[str]]]) -> List[str]:
        """Each cite's text before disambiguation, in sorted order: as the sort's first pass
        rendered it, or rendered again where a global given-name level touches its names."""
        early, order, levels = self.early, self.plan.order, self.plan.levels
        assert early is not None
        texts = [early[i] for i in order]
        if levels:
            families = self.families
            again = [n for n, i in enumerate(order) if any(f in levels for f in families[i])]
            for n, text in zip(again, map_ranges(cite_texts(again), len(again), self.jobs)):
                texts[n] = text
        return texts

    def _step(self, groups: List[List[int]], step: Callable[[Disambiguator, List[str]], None],
              texts: Dict[int, str], position: Dict[int, int]) -> None:
        """One disambiguation step on every group; a group's decisions depend on it alone,
        so groups go to several processes at once."""
        ordered = balanced(groups, self.jobs, GROUPS_PER_JOB)  # ranges of about the same cost

        def work(start: int, stop: int) -> List[Tuple[int, Decisions, str]]:
            out: List[Tuple[int, Decisions, str]] = []
            members = 0
            for group in ordered[start:stop]:
                out.extend(self._work_on(group, step, texts, position))
                members += len(group)
                if members >= CHUNK:
                    self._sweep()
                    members = 0
            return out

        for index, decided, text in map_ranges(work, len(groups), self.jobs, GROUPS_PER_JOB):
            self.plan.decided[index] = decided
            texts[index] = text

    def _work_on(self, group: List[int], step: Callable[[Disambiguator, List[str]], None],
                 texts: Dict[int, str], position: Dict[int, int]) -> List[Tuple[int, Decisions, str]]:
        """One disambiguation step on one group of cites that read alike: its members made
        from the spool, the step run on them; each member's decisions and new text."""
        refs = [self._reference(i) for i in group]
        doc = self._document(refs, [position[i] + 1 for i in group])
        keys = [ref.key for ref in refs]
        worker = Disambiguator(doc, keys)
        worker.remember({f"i{i}": texts[i] for i in group})
        step(worker, keys)
        out = []
        for index, ref in zip(group, refs):
            state = ref.state
            decided = Decisions(state.names_shown, state.given_levels, state.disambiguate,
                                self.plan.decided.get(index, Decisions()).year_suffix)
            out.append((index, decided, worker.settled(ref.key)))
        return out

    def _render(self, start: int, stop: int) -> List[Optional[str]]:
        """The finished entries at sorted places ``start:stop``."""
        order = self.plan.order
        substitute = self.layout.getparent().get("subsequent-author-substitute") is not None
        out: List[Optional[str]] = []
        for a in range(start, stop, CHUNK):
            b = min(a + CHUNK, stop)
            # subsequent-author-substitute compares each entry with the one before it: a
            # chunk renders that one too, and drops it
            first = max(a - 1, 0) if substitute else a
            refs = [self._reference(i) for i in order[first:b]]
            doc = self._document(refs, range(first + 1, b + 1))
            rendered = self.compiled.render_bibliography(doc.items)[a - first:]
            out.extend(None if text is None else self.finish(str(text)) for text in rendered)
            del refs, doc, rendered
            self._sweep()
        return out


@contextmanager
def _young_garbage() -> Iterator[bool]:
    """While a streamed render runs: the middle generation collected ten times less often, so
    that what a chunk leaves (references, cites and documents that hold one another) is still
    young when the chunk ends, and a sweep of the young generations frees it; before, most of it
    had reached the oldest generation, whose full collections, over everything the render keeps
    (each item's sort key, cite text, decisions), grew with the list (19% of the CPU at 10k).
    Yields whether to sweep (not where other threads run: the thresholds are the process's)."""
    if not gc.isenabled() or not only_thread():
        yield False
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], YOUNG_ROUNDS, thresholds[2])
    try:
        yield True
    finally:
        gc.set_threshold(*thresholds)


def _numbered(root: Any) -> bool:
    """Whether the style prints or tests an item's citation number anywhere."""
    return any("citation-number" in value for element in root.iter() for value in element.attrib.values())


def _cite_text(layout: Any, doc: Document, key: str) -> str:
    """The text of ``key`` cited alone in ``doc`` ("" when nothing renders)."""
    text = render_cite(layout, probe(doc, key))
    return str(text) if text is not None else ""


def _regroup(indices: List[int], texts: Dict[int, str]) -> List[List[int]]:
    """The cites among ``indices`` that still read alike, in groups."""
    by_text: Dict[str, List[int]] = {}
    for index in indices:
        if texts[index]:
            by_text.setdefault(texts[index], []).append(index)
    return [group for group in by_text.values() if len(group) > 1]


def render_spooled(spool: Spool, style: LoadedStyle, *, markup: str = "text",
                   jobs: Optional[int] = 1) -> Iterator[str]:
    """The bibliography of the items in ``spool``: ``engine.render(...).entries``, one at a
    time, with memory bounded whatever the number of items."""
    return BoundedRender(spool, style, markup=markup, jobs=jobs).entries()
