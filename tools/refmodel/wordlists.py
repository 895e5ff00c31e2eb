"""Word lists built with the model from the strings it is fitted on, saved beside it
(refs.words.json) and read by converter/references/crf.py: the known containers of the parser's
boundary rule (hosts.known_container), and publisher and place words.

    python -m tools.refmodel.wordlists [--dev] --model PATH   (writes PATH's refs.words.json)

A word goes on the publisher list when most of its occurrences in the labelled strings lie
inside a publisher span; the same for places (location spans). The parser
uses them only to keep a lone place or publisher out of the known containers; session 14 tried
them as CRF features ('lexpub'/'lexloc', commit d3e64d7, taken out again: see
docs/reference-parser.md), and they stay in the file for that.

A container is known when its letters and digits (hosts.container_key) were labelled a container
more often than a title in the fitting strings. Built from the fitting strings only (never DEV or
held-out), and not from ../shared/corpus/real: its records are test data for the readers, and a
list of their journal names in the package would be a copy of them (build() still takes records,
for experiments).
"""
from __future__ import annotations

import collections
import json
from typing import Any, Counter, Dict, List, Mapping, Sequence

from converter.references.features import tokenize
from converter.references.hosts import container_key
from converter.references.lexicon import word_key
from converter.vocabulary.text import repair_homoglyphs

from .refdata import Labeled

MIN_COUNT = 2  # seen at least this often inside a publisher (place) span or field
MIN_SHARE = 0.6  # and at least this share of all its occurrences there
MIN_CONTAINER = 1  # a container seen this often


def main(argv: List[str] | None = None) -> int:
    import argparse
    import os

    from converter.references.crf import words_path
    from tools.paths import SHARED

    from .refdata import load_all, split, split_dev

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="the lists are written beside this model")
    ap.add_argument("--dev", action="store_true", help="from the training strings without DEV (a DEV model's)")
    a = ap.parse_args(argv)
    train_set, _, _ = split(load_all(str(SHARED / "refdata")))
    if a.dev:
        train_set, _ = split_dev(train_set)
    lists = build(train_set)
    save(lists, words_path(a.model))
    print(", ".join(f"{len(v)} {k}" for k, v in lists.items()), "->", os.path.abspath(words_path(a.model)))
    return 0


def _span_label(ref: Labeled, a: int, b: int) -> str:
    for start, end, label in ref.spans:
        if start <= a and b <= end:
            return label
    return ""


def build(refs: Sequence[Labeled], items: Sequence[Mapping[str, Any]] = ()) -> Dict[str, List[str]]:
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
    # a place or a publisher alone is never taken for a container ('Opladen' labelled so once)
    out["container"] = sorted(set(known_containers(refs, items)) - set(out["publisher"]) - set(out["place"]))
    return out


def known_containers(refs: Sequence[Labeled], items: Sequence[Mapping[str, Any]] = ()) -> List[str]:
    """The container keys (hosts.container_key) seen as a container more often than as a title."""
    as_container: Counter[str] = collections.Counter()
    as_title: Counter[str] = collections.Counter()
    for ref in refs:
        for a, b, label in ref.spans:
            if label in ("container", "title"):
                key = container_key(ref.text[a:b])
                if len(key) >= 4:
                    (as_container if label == "container" else as_title)[key] += 1
    for item in items:
        if str(item.get("type", "")).startswith("article"):
            for field in ("container-title", "container-title-short", "journalAbbreviation"):
                value = item.get(field)
                if isinstance(value, str) and len(container_key(value)) >= 4:
                    as_container[container_key(value)] += 1
    return sorted(key for key, n in as_container.items() if n >= MIN_CONTAINER and n > as_title[key])


def save(lists: Mapping[str, List[str]], path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(dict(lists), fh, ensure_ascii=False, indent=0, sort_keys=True)
        fh.write("\n")


__all__ = ["build", "known_containers", "save"]


if __name__ == "__main__":
    import sys

    sys.exit(main())
