"""In-text citations for a whole document, written from the CSL 1.0.2 specification:
cite positions across citations, disambiguation, cite grouping and collapsing.

citeproc-py renders each cite on its own; what depends on the other cites is done here:

- ``positions``: first / subsequent / ibid / ibid-with-locator / near-note for every cite,
  from the order of the citations and their note numbers;
- ``disambiguate``: cites that read the same are told apart by adding names, then given
  names (by the style's givenname-disambiguation-rule), then the ``disambiguate="true"``
  condition, then year suffixes (in bibliography order);
- ``render_citation``: one citation: cites sorted, grouped by author, collapsed (years,
  year suffixes, citation-number ranges) and joined with the style's delimiters.

A cite is a citeproc-py ``CitationItem`` bound to a ``Citation``; the state the element
classes read while a cite renders lives on the reference (see ``items.TrackedReference``).
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from citeproc import Citation, CitationItem
from citeproc.source import VariableError
from citeproc.string import String

from .casing import capitalize_opening_term
from .names import family_key, initialize

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


def _reset(ref: Any) -> None:
    ref.restart()


# --- rendering one cite --------------------------------------------------------------

def render_cite(layout: Any, item: Any, *, suppress_author: bool = False,
                capture: Optional[Dict[str, Any]] = None) -> Optional[str]:
    """One cite through the citation layout (no affixes); ``None`` when nothing rendered."""
    ref = item.reference
    state: Dict[str, Any] = capture if capture is not None else {}
    state.update(depth=0, seen=False, text=None, suppress=suppress_author)
    dict.__setattr__(ref, "in_citation", True)
    dict.__setattr__(ref, "author_state", state)
    first_note = item.get("first_note")
    if first_note:
        dict.__setitem__(ref, "first_reference_note_number", String(str(first_note)))
    try:
        layout.repressed = {}
        _reset(ref)
        try:
            text = layout.render_children(item)
        except VariableError:
            text = None
    finally:
        dict.__setattr__(ref, "in_citation", False)
        dict.__setattr__(ref, "author_state", None)
        if first_note:
            dict.__delitem__(ref, "first_reference_note_number")
        _reset(ref)
    return text


class Cite(CitationItem):
    """A citeproc-py cite that finds its reference once: the element classes ask for
    ``item.reference`` hundreds of times per entry, through two property look-ups each."""

    @property
    def reference(self) -> Any:
        ref = dict.get(self, "_reference")
        if ref is None:
            ref = self.bibliography.source[self.key]
            dict.__setitem__(self, "_reference", ref)
        return ref


def _probe(bib: Any, key: str) -> Any:
    item = Cite(key)
    Citation([item]).bibliography = bib
    item.positions = ("first",)
    return item


# --- positions -----------------------------------------------------------------------

def assign_positions(clusters: Sequence[Any], notes: Sequence[int], near_note_distance: int = 5) -> None:
    """Set ``cite.positions`` on every cite of every citation, in document order.

    Citations in the running text (note number 0) and citations in footnotes are two
    streams for ibid: a cite follows the previous cite of its own stream. The first cite of
    a citation is ibid only when the citations of the previous note cite nothing else."""
    last_note: Dict[str, int] = {}
    first_note: Dict[str, int] = {}
    previous: Dict[bool, Any] = {}                  # per stream: the last cite
    by_note: Dict[bool, List[Tuple[int, Any]]] = {}  # per stream: (note, citation) so far
    for cluster, note in zip(clusters, notes):
        stream = bool(note)
        for n, cite in enumerate(cluster.cites):
            key = cite.key
            found = []
            if key not in last_note:
                found.append("first")
            else:
                found.append("subsequent")
                if note and last_note[key] and note - last_note[key] <= near_note_distance:
                    found.append("near-note")
                before = previous.get(stream) if n > 0 else _last_cite_if_alone(by_note.get(stream, []), note, key)
                if before is not None and before.key == key:
                    here, there = _locator(cite), _locator(before)
                    if here is None and there is None:
                        found.append("ibid")
                    elif here is not None and here != there:
                        found += ["ibid", "ibid-with-locator"]
                    elif here is not None:
                        found.append("ibid")
            cite.positions = tuple(found)
            if key in first_note and first_note[key]:
                cite.first_note = first_note[key]
            first_note.setdefault(key, note)
            last_note[key] = note
            previous[stream] = cite
        if cluster.cites:
            by_note.setdefault(stream, []).append((note, cluster))


def _locator(cite: Any) -> Optional[Tuple[str, str]]:
    if "locator" not in cite:
        return None
    locator = cite["locator"]
    return (str(locator.label or "page"), str(locator.identifier))


def _last_cite_if_alone(history: List[Tuple[int, Any]], note: int, key: str) -> Optional[Any]:
    """The cite before the first cite of a citation, when it can be an ibid's antecedent:
    the previous citation in the same note, or else every citation of the previous note,
    citing one item only."""
    if not history:
        return None
    last_note, last = history[-1]
    if note and last_note != note:
        group = [c for n, c in history if n == last_note]
    else:
        group = [last]
    cites = [c for citation in group for c in citation.cites]
    if cites and all(c.key == cites[-1].key for c in cites):
        return cites[-1]
    return None


# --- disambiguation ------------------------------------------------------------------

class Disambiguator:
    """Decides, once per document, how each cited reference must render to be told apart."""

    def __init__(self, style: Any, bib: Any, keys: Sequence[str]) -> None:
        self.citation = style.root.citation
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
        root = style.root
        self.condition = bool(root.xpath_search(".//cs:if[@disambiguate] | .//cs:else-if[@disambiguate]"))
        self._items = {k: _probe(bib, k) for k in self.keys}
        self._trials: Dict[Tuple[Any, ...], Dict[str, str]] = {}  # by-cite trial renders
        self._settled: Dict[str, str] = {}  # each reference's text in its current state

    def ref(self, key: str) -> Any:
        return self.bib.source[key]

    def text(self, key: str) -> str:
        out = render_cite(self.layout, self._items[key])
        return str(out) if out is not None else ""

    def _settle(self, key: str, attr: str, value: Any) -> None:
        """Change a reference's disambiguation state; its settled text is rendered anew."""
        dict.__setattr__(self.ref(key), attr, value)
        self._settled.pop(key, None)

    def _groups(self, keys: Iterable[str]) -> List[List[str]]:
        by_text: Dict[str, List[str]] = {}
        for key in keys:
            text = self._settled.get(key)
            if text is None:
                text = self._settled[key] = self.text(key)
            if text:
                by_text.setdefault(text, []).append(key)
        return [g for g in by_text.values() if len(g) > 1]

    def run(self) -> None:
        if self.layout is None or len(self.keys) < 2:
            return
        if self.add_given and self.rule != "by-cite":
            self._global_given_names()
        if not (self.add_names or self.add_given or self.condition or self.add_suffix):
            return
        groups = self._groups(self.keys)
        if self.add_names:
            for group in groups:
                self._add_names(group)
            groups = self._groups(k for g in groups for k in g)
        if self.add_given:
            for group in groups:
                self._add_given_names(group)
            groups = self._groups(k for g in groups for k in g)
        if self.condition and groups:
            for group in groups:
                for key in group:
                    self._settle(key, "dis_condition", True)
            groups = self._groups(k for g in groups for k in g)
        if self.add_suffix and groups:
            order = {k: n for n, k in enumerate(self.bib.keys)}
            for group in groups:
                for n, key in enumerate(sorted(group, key=lambda k: order.get(k, 0))):
                    dict.__setitem__(self.ref(key), "year_suffix", String(letters(n)))

    # add names: per reference, the fewest names that set its cite apart from the others
    # that read the same; when none do, the fewest that leave the fewest clashes (the
    # style's own number when adding names does not help at all)
    def _add_names(self, group: List[str]) -> None:
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
                ref = self.ref(key)
                dict.__setattr__(ref, "dis_names", n)
                dict.__setattr__(ref, "dis_given_all", level)
                texts[key] = self.text(key)
                dict.__setattr__(ref, "dis_names", None)
                dict.__setattr__(ref, "dis_given_all", 0)
            for key in open_keys:
                clashes = sum(1 for o in group if o != key and texts[o] == texts[key])
                if clashes < least[key]:
                    best[key], least[key] = n, clashes
        for key, chosen in best.items():
            if chosen is not None:
                self._settle(key, "dis_names", chosen)

    def _names(self, key: str) -> List[Any]:
        ref = self.ref(key)
        for var in ("author", "editor", "translator", "composer", "director"):
            names = dict.get(ref, var)
            if names:
                return list(names)
        return []

    # by cite: expand, name by name, only the given names that tell the cite apart
    def _add_given_names(self, group: List[str]) -> None:
        families: List[str] = []
        for key in group:
            for name in self._names(key):
                fam = family_key(name)
                if fam not in families:
                    families.append(fam)
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
        # every member decides against the others as they were, then all change at once
        for key, chosen in decided.items():
            if chosen:
                self._settle(key, "dis_given", dict(self.ref(key).dis_given or {}, **chosen))

    def _clashes(self, group: List[str], key: str, levels: Dict[str, int]) -> int:
        """How many others read like ``key`` when all of them show ``levels``."""
        cache_key = (tuple(group), tuple(sorted(levels.items())))
        texts = self._trials.get(cache_key)
        if texts is None:
            texts = {}
            for k in group:
                ref = self.ref(k)
                saved = ref.dis_given
                dict.__setattr__(ref, "dis_given", dict(saved or {}, **levels))
                texts[k] = self.text(k)
                dict.__setattr__(ref, "dis_given", saved)
            self._trials[cache_key] = texts
        return sum(1 for o in group if o != key and texts[o] == texts[key])

    # all-names / primary-name rules: every name that shares a family name with another
    # person is expanded as far as needed, in every cite
    def _global_given_names(self) -> None:
        persons: Dict[str, set] = {}
        primary = self.rule.startswith("primary-name")
        for key in self.keys:
            names = self._names(key)
            for name in names[:1] if primary else names:
                # "J. J." and "J.J." are one person
                given = re.sub(r"[\s.]+", "", str(name.parts()[0] or ""))
                persons.setdefault(family_key(name), set()).add(given)
        levels: Dict[str, int] = {}
        for fam, givens in persons.items():
            if len(givens) < 2:
                continue
            inits = {initialize(g, ".") for g in givens}
            if len(inits) == len(givens):
                levels[fam] = 1
            elif self.max_level >= 2:
                levels[fam] = 2
        if levels:
            for key in self.keys:
                ref = self.ref(key)
                names = self._names(key)
                mine = {family_key(n) for n in (names[:1] if primary else names)}
                own = {f: lv for f, lv in levels.items() if f in mine}
                if own:
                    dict.__setattr__(ref, "dis_given", own)


def disambiguate(style: Any, bib: Any, keys: Sequence[str]) -> None:
    Disambiguator(style, bib, keys).run()


# --- one citation: grouping, collapsing, delimiters ----------------------------------

def _opt(citation: Any, name: str, default: Any = None) -> Any:
    value = citation.get(name)
    return value if value is not None else default


def _sorted_cites(style: Any, citation: Any) -> List[Any]:
    cites = [c for c in citation.cites if not c.is_bad()]
    sort = style.root.citation.find("cs:sort", style.root.citation.nsmap)
    if sort is not None and len(cites) > 1:
        cites = sort.sort(cites, style.root.citation.layout)
    return cites


def render_citation(style: Any, citation: Any, *, presorted: bool = False) -> str:
    """The text of one citation whose cites already carry positions."""
    element = style.root.citation
    layout = element.layout
    cites = list(citation.cites) if presorted else _sorted_cites(style, citation)
    delimiter = layout.get("delimiter", "")
    collapse = _opt(element, "collapse")
    group_delim_attr = _opt(element, "cite-group-delimiter")
    # CSL: cites in a group are joined by ", " unless the style says otherwise
    group_delimiter = group_delim_attr if group_delim_attr is not None else ", "
    after_collapse = _opt(element, "after-collapse-delimiter", delimiter)
    suffix_delimiter = _opt(element, "year-suffix-delimiter",
                            group_delim_attr if group_delim_attr is not None else delimiter)

    rendered: List[Tuple[Any, str, Optional[str]]] = []   # cite, text, author
    for cite in cites:
        state: Dict[str, Any] = {}
        text = render_cite(layout, cite, capture=state)
        if text:
            rendered.append((cite, str(text), state.get("text")))
    rendered = [(c, _capitalized_term(style, c, t, n == 0), a) for n, (c, t, a) in enumerate(rendered)]

    if collapse == "citation-number":
        pieces = _collapse_numbers(rendered, delimiter)
        body = _join(pieces)
    elif collapse in ("year", "year-suffix", "year-suffix-ranged") or group_delim_attr is not None:
        groups = _group_by_author(rendered)
        pieces = []
        for group in groups:
            collapsed = collapse is not None and len(group) > 1
            if collapse is None or len(group) == 1:
                for n, (cite, text, _) in enumerate(group):
                    d = group_delimiter if n < len(group) - 1 else delimiter
                    pieces.append((_affixed(cite, text), d))
                continue
            pieces.extend(_collapse_years(layout, group, collapse, group_delimiter,
                                          suffix_delimiter, after_collapse, delimiter))
            if collapsed and pieces:
                pieces[-1] = (pieces[-1][0], after_collapse)
        body = _join(pieces)
    else:
        body = _join([(_affixed(c, t), delimiter) for c, t, _ in rendered])
    if not body:
        return ""
    return str(layout.format(layout.wrap(body)))


_SENTENCE_END_RE = re.compile(r"\s\S*[.?!][”’\"']?\s*$")


def _capitalized_term(style: Any, cite: Any, text: str, first: bool) -> str:
    """In a note style, a cite that opens with a term ("ibid.") at the start of a sentence
    takes a capital:
    first in its citation with no prefix, or after a prefix of several words that ends a
    sentence ("This has been said. Ibid."; a lone "Cf." is an abbreviation)."""
    if not text or not text[0].islower() or style.root.get("class") != "note":
        return text  # in-text citations sit inside a sentence: "(n.d.)" stays
    prefix = cite.get("prefix") or ""
    if not ((first and not prefix) or _SENTENCE_END_RE.search(" " + prefix.strip() + " ")
            and " " in prefix.strip()):
        return text
    return capitalize_opening_term(style.root, text)


def _affixed(cite: Any, text: str) -> str:
    prefix = cite.get("prefix") or ""
    suffix = cite.get("suffix") or ""
    return f"{prefix}{text}{suffix}"


def _join(pieces: List[Tuple[str, str]]) -> str:
    out = ""
    for n, (text, delimiter) in enumerate(pieces):
        out += text
        if n < len(pieces) - 1 and pieces[n + 1][0][:1] not in _OWN_PUNCTUATION:
            out += delimiter  # a cite whose prefix opens with punctuation brings its own
    return out


_OWN_PUNCTUATION = frozenset(",.;:")


def _group_by_author(rendered: List[Tuple[Any, str, Optional[str]]]) -> List[list]:
    groups: List[list] = []
    index: Dict[str, int] = {}
    for entry in rendered:
        author = entry[2]
        if author and author in index:
            groups[index[author]].append(entry)
        else:
            if author:
                index[author] = len(groups)
            groups.append([entry])
    return groups


def _collapse_years(layout: Any, group: list, collapse: str, group_delimiter: str,
                    suffix_delimiter: str, after_collapse: str, delimiter: str) -> List[Tuple[str, str]]:
    pieces: List[Tuple[str, str]] = []
    suffixes = collapse in ("year-suffix", "year-suffix-ranged")
    run: List[Tuple[Any, Any]] = []   # cites of one year: (cite, suffix)
    previous_year: Optional[str] = None

    def year_of(cite: Any) -> Tuple[Optional[str], Optional[str]]:
        ref = cite.reference
        suffix = dict.get(ref, "year_suffix")
        if not suffix or "locator" in cite or cite.get("prefix") or cite.get("suffix"):
            return None, None
        dict.__delitem__(ref, "year_suffix")
        try:
            bare = render_cite(layout, cite, suppress_author=True)
        finally:
            dict.__setitem__(ref, "year_suffix", suffix)
        return (str(bare) if bare else None), str(suffix)

    def flush() -> None:
        if not run:
            return
        first_cite, _ = run[0]
        text = render_cite(layout, first_cite, suppress_author=bool(pieces))
        if len(run) == 1:
            pieces.append((_affixed(first_cite, str(text)), _after(first_cite)))
        else:
            letters_ = [s for _, s in run]
            shown = _suffix_ranges(letters_, collapse == "year-suffix-ranged", suffix_delimiter)
            pieces.append((str(text) + shown, delimiter))
        run.clear()

    def _after(cite: Any) -> str:
        return after_collapse if "locator" in cite else group_delimiter

    for n, (cite, text, _) in enumerate(group):
        year, suffix = year_of(cite) if suffixes else (None, None)
        if suffixes and year is not None and run and year == previous_year:
            run.append((cite, suffix))
            continue
        flush()
        if suffixes and year is not None:
            run.append((cite, suffix))
            previous_year = year
            continue
        previous_year = None
        body = text if n == 0 else render_cite(layout, cite, suppress_author=True)
        if body:
            pieces.append((_affixed(cite, str(body)), _after(cite)))
    flush()
    return pieces


def _suffix_ranges(suffixes: List[str], ranged: bool, delimiter: str) -> str:
    """What follows the first cite of a same-year run: the other letters, each after the
    delimiter, with runs of three or more consecutive letters as ranges when asked ("a–c")."""
    runs: List[List[str]] = []
    for suffix in suffixes:
        if runs and _letter_value(suffix) == _letter_value(runs[-1][-1]) + 1:
            runs[-1].append(suffix)
        else:
            runs.append([suffix])
    text = ""
    for n, run in enumerate(runs):
        if ranged and len(run) >= 3:
            text += ("" if n == 0 else delimiter + run[0]) + "–" + run[-1]
        else:
            text += "".join(delimiter + s for s in (run[1:] if n == 0 else run))
    return text


def _letter_value(suffix: str) -> int:
    value = 0
    for ch in suffix:
        value = value * 26 + (ord(ch) - 96)
    return value


def _collapse_numbers(rendered: List[Tuple[Any, str, Optional[str]]],
                      delimiter: str) -> List[Tuple[str, str]]:
    """Runs of three or more consecutive citation numbers become "first–last"; a cite with
    a locator or affixes stays on its own."""
    runs: List[list] = []
    for entry in rendered:
        cite = entry[0]
        plain = not ("locator" in cite or cite.get("prefix") or cite.get("suffix"))
        number = cite.number if plain else None
        if runs and number is not None and runs[-1][-1][1] is not None \
                and number == runs[-1][-1][1] + 1:
            runs[-1].append((entry, number))
        else:
            runs.append([(entry, number)])
    pieces: List[Tuple[str, str]] = []
    for run in runs:
        if len(run) >= 3:
            pieces.append((f"{run[0][0][1]}–{run[-1][0][1]}", delimiter))
        else:
            pieces.extend((_affixed(entry[0], entry[1]), delimiter) for entry, _ in run)
    return pieces


def render_document(style: Any, bib: Any, clusters: Sequence[Any],
                    notes: Optional[Sequence[int]] = None) -> List[str]:
    """Every citation of a document, in order: positions, disambiguation, then each text."""
    if style.root.citation is None:
        return ["" for _ in clusters]
    notes = list(notes) if notes is not None else list(range(1, len(clusters) + 1))
    sorted_clusters = []
    for cluster in clusters:
        cites = _sorted_cites(style, cluster)
        shadow = Citation(cites)
        shadow.bibliography = bib
        sorted_clusters.append(shadow)
    distance = int(style.root.citation.get("near-note-distance", "5"))
    assign_positions(sorted_clusters, notes, distance)
    return [render_citation(style, c, presorted=True) for c in sorted_clusters]
