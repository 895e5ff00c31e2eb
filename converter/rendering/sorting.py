"""Locale-aware sort keys, in place of citeproc-py's code-point order.

Letters compare by their base letter first (case and accents only break ties), "ё" sorts
with "е", and the script order follows the locale: for Russian, Cyrillic comes before
Latin (as GOST lists are ordered); otherwise Latin comes first, as in the Unicode
Collation Algorithm's default.
"""
from __future__ import annotations

import html
import unicodedata
from functools import lru_cache
from itertools import groupby
from typing import Any, Callable, List, Sequence, Tuple

from ..patterns import lazy

_NUMBER_RE = lazy(r"\d+")
_TAG_RE = lazy(r"<[^>]+>")
_IGNORED = frozenset("\"'“”‘’«»„‚()[]{}<>")


@lru_cache(maxsize=65536)
def _letter_key(ch: str, cyrillic_first: bool) -> Tuple[int, str]:
    if ch in "ёЁ":
        ch = "е"
    low = ch.lower()
    if "а" <= low <= "я" or low in "іїєґў":
        return (1 if cyrillic_first else 2, low)
    if low == "й":
        return (1 if cyrillic_first else 2, "и\uffff")
    base = unicodedata.normalize("NFD", low)[0]
    if base.isalpha() and base.isascii():
        return (2 if cyrillic_first else 1, base)
    if ch.isdigit():
        return (0, ch)
    if ch.isalpha():
        return (3, base)
    if ch in _IGNORED:
        return (-1, "")  # quotes and brackets do not count
    # spaces, then other punctuation, sort before digits and letters ("Dale" < "Dalebout",
    # "d’Wander" < "de’ Frinkle"), as in the Unicode root collation
    return (-3, "") if ch.isspace() else (-2, ch)


def collation_key(text: str, locale: str = "en-US") -> Tuple[Any, ...]:
    cyrillic_first = locale.lower().startswith(("ru", "uk", "be", "bg", "sr", "kk"))
    primary = tuple(k for k in (_letter_key(c, cyrillic_first) for c in text) if k[0] != -1)
    return (primary, text.lower(), text)


def sort_key(value: Any, locale: str, numeric: bool = False) -> Any:
    """A comparable key for one sort value; ``None`` for an empty one (sorted last)."""
    if value is None:
        return None
    text = str(value)
    if "&" in text:
        text = html.unescape(text)  # citeproc-py escapes variable sort keys for HTML
    if "<" in text:
        text = _TAG_RE.sub("", text)  # markup in a sort key is not part of it
    text = text.strip()
    if not text:
        return None
    if numeric:
        m = _NUMBER_RE.search(text)
        if m:
            return ((0, int(m.group())), collation_key(text, locale))
    return ((1, 0), collation_key(text, locale))


def tiered_order(indices: List[int], descending: Sequence[bool],
                 values: Callable[[int, List[int]], List[Any]]) -> List[int]:
    """``indices`` ordered by the first key, ties by the next keys, then as given; empty
    (None) values go last either way. ``descending``: one flag per key; ``values(level,
    indices)``: those indices' ``sort_key`` values for that key. A key is worked out only for
    the items that tie on the keys before it: most items are placed by their first key (the
    author), and their dates and titles are never rendered for sorting."""
    return _tiered(indices, 0, descending, values)


def tiered_order_by_level(indices: List[int], descending: Sequence[bool],
                          values: Callable[[int, List[int]], List[Any]]) -> List[int]:
    """``tiered_order``'s order, with each key asked once, of all the items that tie on the
    keys before it (a level at a time, not a tie group at a time): the calls that can go to
    other processes are few and big. A key's value for an item must not depend on the others
    asked with it (it does not: each item renders its key alone)."""
    runs: List[List[int]] = [list(indices)]  # the order so far, in runs that tie on the keys so far
    for level in range(len(descending)):
        asked = [i for run in runs if len(run) > 1 for i in run]
        if not asked:
            break
        found = dict(zip(asked, values(level, asked)))
        split: List[List[int]] = []
        for run in runs:
            if len(run) < 2:
                split.append(run)
                continue
            present = [(found[i], i) for i in run if found[i] is not None]
            missing = [i for i in run if found[i] is None]
            present.sort(key=lambda pair: pair[0], reverse=descending[level])  # stable
            split.extend([i for _, i in tied] for _, tied in groupby(present, key=lambda pair: pair[0]))
            if missing:
                split.append(missing)
        runs = split
    return [i for run in runs for i in run]


def _tiered(indices: List[int], level: int, descending: Sequence[bool],
            values: Callable[[int, List[int]], List[Any]]) -> List[int]:
    if level == len(descending) or len(indices) < 2:
        return indices
    found = values(level, indices)
    present = [(v, i) for v, i in zip(found, indices) if v is not None]
    missing = [i for v, i in zip(found, indices) if v is None]
    present.sort(key=lambda pair: pair[0], reverse=descending[level])  # stable
    out: List[int] = []
    for _, tied in groupby(present, key=lambda pair: pair[0]):
        out.extend(_tiered([i for _, i in tied], level + 1, descending, values))
    out.extend(_tiered(missing, level + 1, descending, values))
    return out
