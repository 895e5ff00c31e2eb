"""The publisher and place word lists of the CRF's 'lexpub' / 'lexloc' features.

A word goes on the publisher list when most of its occurrences in the labelled strings the CRF
is fitted on lie inside a publisher span, counting also the words of the publisher fields of the
records in ../shared/corpus/real; the same for places (location spans, publisher-place fields).
Built from the fitting strings only (never DEV or held-out), and saved beside the model
(refs.words.json), which converter/references/crf.py reads when it loads the model.
"""
from __future__ import annotations

import collections
import json
from typing import Any, Counter, Dict, Iterable, List, Mapping, Sequence

from converter.references.features import tokenize
from converter.references.lexicon import word_key
from converter.vocabulary.text import repair_homoglyphs

from .refdata import Labeled

MIN_COUNT = 2  # seen at least this often inside a publisher (place) span or field
MIN_SHARE = 0.6  # and at least this share of all its occurrences there


def _span_label(ref: Labeled, a: int, b: int) -> str:
    for start, end, label in ref.spans:
        if start <= a and b <= end:
            return label
    return ""


def build(refs: Iterable[Labeled], items: Sequence[Mapping[str, Any]] = ()) -> Dict[str, List[str]]:
    """{'publisher': [...], 'place': [...]}: the word keys (lexicon.word_key) of each list, sorted."""
    total: Counter[str] = collections.Counter()
    inside: Dict[str, Counter[str]] = {"publisher": collections.Counter(), "location": collections.Counter()}
    for ref in refs:
        text, _ = repair_homoglyphs(ref.text)
        for a, b in tokenize(text):
            key = word_key(text[a:b])
            if not key or len(key) < 2:
                continue
            total[key] += 1
            label = _span_label(ref, a, b)
            if label in inside:
                inside[label][key] += 1
    for item in items:
        for field, label in (("publisher", "publisher"), ("publisher-place", "location")):
            value = item.get(field)
            if isinstance(value, str):
                for word in value.split():
                    key = word_key(word)
                    if key and len(key) >= 2:
                        total[key] += 1
                        inside[label][key] += 1
    out = {}
    for label, name in (("publisher", "publisher"), ("location", "place")):
        out[name] = sorted(key for key, n in inside[label].items()
                           if n >= MIN_COUNT and n >= MIN_SHARE * total[key])
    return out


def save(lists: Mapping[str, List[str]], path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(dict(lists), fh, ensure_ascii=False, indent=0, sort_keys=True)
        fh.write("\n")


__all__ = ["build", "save"]
