"""Disambiguation of in-text citations (CSL 1.0.2, "Disambiguation"), decided once per
document: cites that read the same are told apart by adding names, then given names (by the
style's givenname-disambiguation-rule), then the ``disambiguate="true"`` condition, then year
suffixes (in bibliography order). Each decision is written to the reference's
``ReferenceState`` (or, for year suffixes, its ``year-suffix`` variable)."""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple, TypeVar

from citeproc.string import String

from ..forked import map_ranges, plan
from .cites import probe, render_cite
from .names import family_key, initialize

T = TypeVar("T")

NO_LEVELS = {"by-cite": 2, "all-names": 2, "primary-name": 2,
             "all-names-with-initials": 1, "primary-name-with-initials": 1}


def letters(n: int) -> str:
    """The n-th year suffix (0 -> a): a..z, then aa, ab, ... as citeproc-js does."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
    return out



class Disambiguator:
    """Decides, once per document, how each cited reference must render to be told apart."""

    def __init__(self, bib: Any, keys: Sequence[str], jobs: Optional[int] = 1) -> None:
        root = bib.style.root
        self.citation = root.citation
        self.layout = self.citation.layout if self.citation is not None else None
        self.bib = bib
        self.keys = list(dict.fromkeys(keys))
        opt = (lambda name: (self.citation.get(name, "false").lower() == "true")) \
            if self.citation is not None else (lambda name: False)
        self.add_names = opt("disambiguate-add-names")
        self.add_given = opt("disambiguate-add-givenname")
        self.add_suffix = opt("disambiguate-add-year-suffix")
        self.rule = (self.citation.get("givenname-disambiguation-rule", "by-cite")
                     if self.citation is not None else "by-cite")
        self.max_level = NO_LEVELS.get(self.rule, 2)
        self.condition = root.tables.disambiguate_condition
        self._items = {k: probe(bib, k) for k in self.keys}
        self._trials: Dict[Tuple[Any, ...], Dict[str, str]] = {}  # by-cite trial renders
        self._settled: Dict[str, str] = {}  # each reference's text in its current state
        self.jobs = jobs

    def ref(self, key: str) -> Any:
        return self.bib.source[key]

    def text(self, key: str) -> str:
        out = render_cite(self.layout, self._items[key])
        return str(out) if out is not None else ""

    def _settle(self, key: str, attr: str, value: Any) -> None:
        """Change a reference's disambiguation state; its settled text is rendered anew."""
        setattr(self.ref(key).state, attr, value)
        self._settled.pop(key, None)

    def settled(self, key: str) -> str:
        """The text of ``key``'s cite as its reference now stands (rendered once per change)."""
        text = self._settled.get(key)
        if text is None:
            text = self._settled[key] = self.text(key)
        return text

    def remember(self, texts: Dict[str, str]) -> None:
        """Texts rendered elsewhere for references in their current state."""
        self._settled.update(texts)

    def _groups(self, keys: Iterable[str]) -> List[List[str]]:
        by_text: Dict[str, List[str]] = {}
        for key in keys:
            text = self.settled(key)
            if text:
                by_text.setdefault(text, []).append(key)
        return [g for g in by_text.values() if len(g) > 1]

    def steps(self) -> List[Callable[..., None]]:
        """The style's disambiguation methods in CSL's order (names, given names, the condition),
        each applied to the groups the one before leaves (whole list and streamed path alike)."""
        steps: List[Callable[..., None]] = []
        if self.add_names:
            steps.append(Disambiguator.expand_names)
        if self.add_given:
            steps.append(Disambiguator.expand_given_names)
        if self.condition:
            steps.append(Disambiguator.use_condition)
        return steps

    def run(self) -> None:
        if self.layout is None or len(self.keys) < 2:
            return
        if self.add_given and self.rule != "by-cite":
            self._global_given_names()
        if not (self.add_names or self.add_given or self.condition or self.add_suffix):
            return
        # every cite as it reads before any decision: independent renders, over ``jobs``
        # processes when there are many
        keys = self.keys
        texts = map_ranges(lambda start, stop: [self.text(k) for k in keys[start:stop]], len(keys), self.jobs)
        self._settled.update(zip(keys, texts))
        groups = self._groups(self.keys)
        for step in self.steps():
            if not groups:
                break
            self._step(groups, step)
            groups = self._groups(k for g in groups for k in g)
        if self.add_suffix and groups:
            order = {k: n for n, k in enumerate(self.bib.keys)}
            for group in groups:
                for n, key in enumerate(sorted(group, key=lambda k: order.get(k, 0))):
                    self.ref(key)["year_suffix"] = String(letters(n))

    def _step(self, groups: List[List[str]], step: Callable[["Disambiguator", List[str]], None]) -> None:
        """One step on every group. A group's decisions depend on its members alone, so with
        ``jobs`` the groups are worked on in forked processes, each sending back its members'
        decisions and new texts, which are set here."""
        ordered = balanced(groups, self.jobs, GROUPS_PER_JOB)
        if len(plan(len(ordered), self.jobs, GROUPS_PER_JOB)) == 1:
            for group in groups:
                step(self, group)
            return

        def work(start: int, stop: int) -> List[Tuple[str, Optional[int], Optional[Dict[str, int]], bool, str]]:
            out = []
            for group in ordered[start:stop]:
                step(self, group)
                for key in group:
                    state = self.ref(key).state
                    out.append((key, state.names_shown, state.given_levels, state.disambiguate, self.settled(key)))
            return out

        for key, names_shown, given_levels, disambiguate_, text in map_ranges(work, len(ordered), self.jobs,
                                                                              GROUPS_PER_JOB):
            state = self.ref(key).state
            state.names_shown, state.given_levels, state.disambiguate = names_shown, given_levels, disambiguate_
            self._settled[key] = text

    def use_condition(self, group: List[str]) -> None:
        """The last resort before year suffixes: cs:if disambiguate="true" holds for them."""
        for key in group:
            self._settle(key, "disambiguate", True)

    # add names: per reference, the fewest names that set its cite apart from the others
    # that read the same; when none do, the fewest that leave the fewest clashes (the
    # style's own number when adding names does not help at all)
    def expand_names(self, group: List[str]) -> None:
        most = max(len(self._names(k)) for k in group)
        level = self.max_level if self.add_given else 0
        base = {k: self._settled.get(k) or self.text(k) for k in group}
        best: Dict[str, Optional[int]] = {k: None for k in group}
        least = {k: sum(1 for o in group if o != k and base[o] == base[k]) for k in group}
        for n in range(1, most + 1):
            open_keys = [k for k in group if least[k] > 0]
            if not open_keys:
                break  # every member already reads apart from the others
            texts = {}
            for key in group:
                state = self.ref(key).state
                state.names_shown, state.given_all = n, level
                texts[key] = self.text(key)
                state.names_shown, state.given_all = None, 0
            for key in open_keys:
                clashes = sum(1 for o in group if o != key and texts[o] == texts[key])
                if clashes < least[key]:
                    best[key], least[key] = n, clashes
        for key, chosen in best.items():
            if chosen is not None:
                self._settle(key, "names_shown", chosen)

    def _names(self, key: str) -> List[Any]:
        return names_of(self.ref(key))

    # by cite: expand, name by name, only the given names that tell the cite apart
    def expand_given_names(self, group: List[str]) -> None:
        families: List[str] = []
        for key in group:
            for name in self._names(key):
                fam = family_key(name)
                if fam not in families:
                    families.append(fam)
        # a level for a family name that no cite of the group shows changes no text, so
        # tells nobody apart: only the families shown are tried (which names a cite shows
        # does not depend on given-name levels; found as the cites render as they stand)
        shown: Set[str] = set()
        self._trial(group, {}, shown)
        families = [fam for fam in families if fam in shown]
        decided: Dict[str, Dict[str, int]] = {}
        for key in group:
            chosen: Dict[str, int] = {}
            current = self._clashes(group, key, chosen)
            for fam in families:
                if current == 0:
                    break
                for level in range(1, self.max_level + 1):
                    trial = dict(chosen, **{fam: level})
                    clashes = self._clashes(group, key, trial)
                    if clashes < current:
                        chosen, current = trial, clashes
                        break
            decided[key] = chosen
        # every member decides against the others as they were, then all change at once;
        # its new text is the one its trial rendered (the same state)
        for key, chosen in decided.items():
            if chosen:
                self._settle(key, "given_levels", dict(self.ref(key).state.given_levels or {}, **chosen))
                self._settled[key] = self._trial(group, chosen)[key]
        self._trials.clear()  # keyed by group: no other group asks for them

    def _clashes(self, group: List[str], key: str, levels: Dict[str, int]) -> int:
        """How many others read like ``key`` when all of them show ``levels``."""
        texts = self._trial(group, levels)
        mine = texts[key]
        return sum(1 for o in group if o != key and texts[o] == mine)

    def _trial(self, group: List[str], levels: Dict[str, int], shown: Optional[Set[str]] = None) -> Dict[str, str]:
        """Each member's text when all of them show ``levels`` besides their own (rendered
        once per group and levels); ``shown`` receives the family names the renders looked up."""
        cache_key = (tuple(group), tuple(sorted(levels.items())))
        texts = self._trials.get(cache_key)
        if texts is None or shown is not None:
            texts = {}
            for k in group:
                state = self.ref(k).state
                saved = state.given_levels
                state.given_levels = dict(saved or {}, **levels)
                state.consulted = shown
                try:
                    texts[k] = self.text(k)
                finally:
                    state.given_levels = saved
                    state.consulted = None
            self._trials[cache_key] = texts
        return texts

    # all-names / primary-name rules: every name that shares a family name with another
    # person is expanded as far as needed, in every cite
    def _global_given_names(self) -> None:
        persons: Persons = {}
        primary = self.primary_only()
        for key in self.keys:
            add_persons(persons, names_of(self.ref(key)), primary)
        levels = person_levels(persons, self.max_level)
        if levels:
            for key in self.keys:
                own = own_levels(names_of(self.ref(key)), levels, primary)
                if own:
                    self.ref(key).state.given_levels = own

    def primary_only(self) -> bool:
        """Whether the global given-name rule looks at each cite's first name only."""
        return self.rule.startswith("primary-name")


GROUPS_PER_JOB = 100  # groups of clashing cites below which a process costs more than it saves


def balanced(groups: List[List[T]], jobs: Optional[int], minimum: int) -> List[List[T]]:
    """``groups`` in an order whose consecutive ranges (``forked.plan``) cost about the same:
    a group costs about the square of its size (each member is tried against the others), the
    biggest go first, each to the range with the least so far that has room."""
    ranges = plan(len(groups), jobs, minimum)
    if len(ranges) == 1:
        return groups
    parts: List[List[List[T]]] = [[] for _ in ranges]
    cost = [0] * len(ranges)
    for group in sorted(groups, key=len, reverse=True):
        k = min((k for k in range(len(ranges)) if len(parts[k]) < len(ranges[k])), key=cost.__getitem__)
        parts[k].append(group)
        cost[k] += len(group) ** 2
    return [group for part in parts for group in part]


# The global given-name rules (all-names, primary-name...), in three steps so that a caller
# holding one reference at a time (bounded.py) can gather the persons first and expand later.
Persons = Dict[str, set]  # family name (``family_key``) -> the given names seen with it


def names_of(ref: Any) -> List[Any]:
    """The names a cite shows first: the first of author, editor... the reference has."""
    for var in ("author", "editor", "translator", "composer", "director"):
        names = dict.get(ref, var)
        if names:
            return list(names)
    return []


def add_persons(persons: Persons, names: List[Any], primary: bool) -> None:
    for name in names[:1] if primary else names:
        # "J. J." and "J.J." are one person
        given = re.sub(r"[\s.]+", "", str(name.parts()[0] or ""))
        persons.setdefault(family_key(name), set()).add(given)


def person_levels(persons: Persons, max_level: int) -> Dict[str, int]:
    """The given-name level each shared family name needs: initials when they tell its
    persons apart, else full given names (when the rule allows them)."""
    levels: Dict[str, int] = {}
    for fam, givens in persons.items():
        if len(givens) < 2:
            continue
        inits = {initialize(g, ".") for g in givens}
        if len(inits) == len(givens):
            levels[fam] = 1
        elif max_level >= 2:
            levels[fam] = 2
    return levels


def own_levels(names: List[Any], levels: Dict[str, int], primary: bool) -> Dict[str, int]:
    """The part of ``levels`` that concerns these names."""
    mine = {family_key(n) for n in (names[:1] if primary else names)}
    return {f: lv for f, lv in levels.items() if f in mine}


def disambiguate(style: Any, bib: Any, keys: Sequence[str], jobs: Optional[int] = 1) -> None:
    """Decide how the cites of ``keys`` render to be told apart (``style`` is the one ``bib``
    renders with; kept for callers that pass it); ``jobs`` as in ``engine.render``."""
    Disambiguator(bib, keys, jobs).run()
