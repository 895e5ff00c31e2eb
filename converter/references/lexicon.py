"""Where word n-grams were seen: a learned statistic that tells a container name from a title.

Whether 'Journal of Applied Physics' or 'Proceedings of the IEEE' is the container is
rarely visible in a window of five tokens, but those word sequences were seen many times in
the training strings, almost always inside a container span. For every n-gram of one to
three words the lexicon counts how often it lay wholly inside a container, a title, a
publisher or place, or anything else. A token then gets, per n, the class of the most
frequent n-gram that covers it ('C', 'T', 'P', 'R', or 'M' when no class has at least 70% of
the counts), and an area gets the class most of its tokens lean to.

Only counts are stored (n-grams seen at least ``MIN_COUNT`` times), next to the model in
model/refs.lexicon.json.gz. This module reads and looks them up; building them from the
training strings is tools/refmodel/lexicon.py's job. While training, each string's own n-grams
are subtracted first (``exclude``: leave one out), so a training string sees the lexicon as an
unseen string would.
"""
from __future__ import annotations

import gzip
import json
from typing import Counter, Dict, Iterable, List, Sequence, Tuple

Counts = Tuple[int, int, int, int]  # container, title, publisher/place, rest
CLASSES = ("C", "T", "P", "R")
MIN_COUNT = 3
MAX_N = 3
_STRIP = ".,;:()[]\"'“”«»„‘’"


def word_key(w: str) -> str:
    """The lexicon's spelling of a token: lower case without outer punctuation; '' for a token
    that is no word (a number, a bare separator), which no n-gram crosses."""
    core = w.strip(_STRIP).lower()
    if not core or not any(c.isalpha() for c in core):
        return ""
    return core[:20]


def ngrams(keys: Sequence[str]) -> Iterable[Tuple[str, int, int]]:
    """(n-gram, start, n) for every run of 1..MAX_N word keys."""
    for i in range(len(keys)):
        for n in range(1, MAX_N + 1):
            j = i + n
            if j > len(keys) or not keys[j - 1]:
                break
            yield " ".join(keys[i:j]), i, n


class Lexicon:
    def __init__(self, counts: Dict[str, Counts]):
        self.counts = counts

    @classmethod
    def load(cls, path: str) -> "Lexicon":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            raw = json.load(fh)
        return cls({g: (c[0], c[1], c[2], c[3]) for g, c in raw.items()})

    def _lookup(self, gram: str, exclude: Counter[Tuple[str, int]] | None) -> Counts | None:
        c = self.counts.get(gram)
        if c is None:
            return None
        if exclude:
            c = (c[0] - exclude[(gram, 0)], c[1] - exclude[(gram, 1)],
                 c[2] - exclude[(gram, 2)], c[3] - exclude[(gram, 3)])
            if sum(c) < MIN_COUNT:  # what an unseen string would find: nothing
                return None
        return c

    def token_classes(self, keys: Sequence[str],
                      exclude: Counter[Tuple[str, int]] | None = None) -> List[Dict[int, Tuple[str, int]]]:
        """Per token: n -> (class, count) of the most frequent stored n-gram of n words covering it."""
        best: List[Dict[int, Tuple[str, int]]] = [{} for _ in keys]
        for gram, i, n in ngrams(keys):
            c = self._lookup(gram, exclude)
            if c is None:
                continue
            tot = sum(c)
            k = max(range(4), key=lambda x: c[x])
            cls = CLASSES[k] if c[k] * 10 >= tot * 7 else "M"
            for t in range(i, i + n):
                if n not in best[t] or best[t][n][1] < tot:
                    best[t][n] = (cls, tot)
        return best


__all__ = ["CLASSES", "MIN_COUNT", "Lexicon", "ngrams", "word_key"]
