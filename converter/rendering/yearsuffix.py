"""Year-suffix disambiguation (2020a, 2020b): items whose in-text citations would read
the same get letters in bibliography order, when the style asks for it."""
from __future__ import annotations

import string
from typing import Dict, List

from citeproc import Citation, CitationItem
from citeproc.string import String


def _letters(n: int) -> str:
    # a..z, then aa, ab, ... as citeproc-js does
    letters = string.ascii_lowercase
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = letters[r] + out
    return out


def assign_year_suffixes(style, bib, refs) -> None:  # type: ignore[no-untyped-def]
    citation = style.root.citation
    if citation is None or citation.get("disambiguate-add-year-suffix", "false") != "true":
        return
    if len(refs) < 2:
        return
    groups: Dict[str, List[str]] = {}
    citation.cites = []  # keep `citation` referenced: lxml forgets attributes of dropped proxies
    layout = citation.layout
    for key in bib.keys:
        text = layout.render_citation(_single(bib, key), lambda item: None)
        groups.setdefault(str(text), []).append(key)
    source = bib.source
    for keys in groups.values():
        if len(keys) < 2:
            continue
        for n, key in enumerate(keys):
            dict.__setitem__(source[key], "year_suffix", String(_letters(n)))
    # rendering the probe citations recorded them as cited; forget that
    citation.cites = []


def _single(bib, key):  # type: ignore[no-untyped-def]
    cite = Citation([CitationItem(key)])
    cite.bibliography = bib
    return cite
