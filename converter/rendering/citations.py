"""In-text citations for a whole document, written from the CSL 1.0.2 specification: one
citation's cites sorted, grouped by author, collapsed (years, year suffixes, citation-number
ranges) and joined with the style's delimiters, after ``positions`` and ``disambiguation``
have done what depends on the other cites.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from citeproc import Citation

from ..patterns import lazy
from ..vocabulary.casing import capitalize_opening
from .cites import Cite, render_cite
from .disambiguation import disambiguate, letters
from .positions import assign_positions
from .state import AuthorCapture

__all__ = ["Cite", "assign_positions", "disambiguate", "letters", "render_citation", "render_document"]


# --- one citation: grouping, collapsing, delimiters ----------------------------------

def _opt(citation: Any, name: str, default: Any = None) -> Any:
    value = citation.get(name)
    return value if value is not None else default


def _sorted_cites(root: Any, citation: Any) -> List[Any]:
    cites = [c for c in citation.cites if not c.is_bad()]
    sort = root.citation.find("cs:sort", root.citation.nsmap)
    if sort is not None and len(cites) > 1:
        cites = sort.sort(cites, root.citation.layout)
    return cites


def render_citation(style: Any, citation: Any, *, presorted: bool = False) -> str:
    """The text of one citation whose cites already carry positions (``style``: what
    citeproc-py calls a style, an object with the style tree as ``root``)."""
    root = style.root
    element = root.citation
    layout = element.layout
    cites = list(citation.cites) if presorted else _sorted_cites(root, citation)
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
        author = AuthorCapture()
        text = render_cite(layout, cite, capture=author)
        if text:
            rendered.append((cite, str(text), author.text))
    rendered = [(c, _capitalized_term(root, c, t, n == 0), a) for n, (c, t, a) in enumerate(rendered)]

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


_SENTENCE_END_RE = lazy(r"\s\S*[.?!][”’\"']?\s*$")


def _capitalized_term(root: Any, cite: Any, text: str, first: bool) -> str:
    """In a note style, a cite that opens with a term ("ibid.") at the start of a sentence
    takes a capital:
    first in its citation with no prefix, or after a prefix of several words that ends a
    sentence ("This has been said. Ibid."; a lone "Cf." is an abbreviation)."""
    if not text or not text[0].islower() or root.get("class") != "note":
        return text  # in-text citations sit inside a sentence: "(n.d.)" stays
    prefix = cite.get("prefix") or ""
    if not ((first and not prefix) or _SENTENCE_END_RE.search(" " + prefix.strip() + " ")
            and " " in prefix.strip()):
        return text
    return capitalize_opening(text, [root.preformat(t) for t in root.tables.printed_terms])


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
        del ref["year_suffix"]
        try:
            bare = render_cite(layout, cite, suppress_author=True)
        finally:
            ref["year_suffix"] = suffix
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
    """Every citation of a document, in order: positions, then each text (disambiguation
    has been decided). ``bib`` renders with its own style; ``style`` is kept for callers
    that pass it."""
    root = bib.style.root
    if root.citation is None:
        return ["" for _ in clusters]
    notes = list(notes) if notes is not None else list(range(1, len(clusters) + 1))
    sorted_clusters = []
    for cluster in clusters:
        cites = _sorted_cites(root, cluster)
        shadow = Citation(cites)
        shadow.bibliography = bib
        sorted_clusters.append(shadow)
    distance = int(root.citation.get("near-note-distance", "5"))
    assign_positions(sorted_clusters, notes, distance)
    return [render_citation(bib.style, c, presorted=True) for c in sorted_clusters]
