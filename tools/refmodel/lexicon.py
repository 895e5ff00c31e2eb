"""Building the n-gram lexicon (converter/references/lexicon.py reads it): counts of where each
word n-gram of the fitting strings lay (container, title, publisher or place, rest), and each
string's own counts for leaving it out while it is trained on."""
from __future__ import annotations

import collections
import gzip
import json
from typing import Counter, Dict, Iterable, List, Sequence, Tuple

from converter.references import lexicon as runtime
from converter.references.lexicon import MIN_COUNT, ngrams, word_key

__all__ = ["MIN_COUNT", "Lexicon", "own_counts", "word_key"]


def _class_index(label: str) -> int:
    if label == "container":
        return 0
    if label == "title":
        return 1
    if label in ("publisher", "location"):
        return 2
    return 3


def own_counts(keys: Sequence[str], labels: Sequence[str]) -> Counter[Tuple[str, int]]:
    """(n-gram, class index) -> how often this one string contributes it; an n-gram that
    crosses a label boundary counts as 'rest'."""
    out: Counter[Tuple[str, int]] = collections.Counter()
    for gram, i, n in ngrams(keys):
        run = set(labels[i:i + n])
        cls = _class_index(labels[i]) if len(run) == 1 else 3
        out[(gram, cls)] += 1
    return out


class Lexicon(runtime.Lexicon):
    """The runtime lexicon, plus building it from labelled strings and saving it."""

    @classmethod
    def build(cls, strings: Iterable[Tuple[Sequence[str], Sequence[str]]]) -> "Lexicon":
        """From (word keys, token labels) of the fitting strings."""
        total: Dict[str, List[int]] = {}
        for keys, labels in strings:
            for (gram, k), c in own_counts(keys, labels).items():
                total.setdefault(gram, [0, 0, 0, 0])[k] += c
        kept = {g: (c[0], c[1], c[2], c[3]) for g, c in total.items() if sum(c) >= MIN_COUNT}
        return cls(kept)

    def save(self, path: str) -> None:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            json.dump(self.counts, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
