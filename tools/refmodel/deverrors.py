"""Kinds of error on the DEV strings (the training side only): where micro-F1 is lost.

    python -m tools.refmodel.deverrors [--model /tmp/citeconv-refeval/dev.crfsuite] [--show KIND] [--n 20]
    python -m tools.refmodel.deverrors --by-type [--model ...]   (micro-F1 per kind of reference)

Parses every DEV string (``refdata.split_dev``) with a model trained without DEV (``train --dev``
writes one), scores each field as ``score_refs.py`` does, and sorts each wrong field into a kind:
the field (title, container-title, author, ...), what went wrong (missing, spurious, overrun:
the prediction holds the gold value and more, cut: the prediction is a piece of the gold value,
other) and what kind of reference the gold labels describe (article: a container and journal
numbers; part: a container and a publisher or place, or an 'In' host; book: a publisher or place
and no container; other). The counts are FP + FN units, the currency of micro-F1.

Never run it on the held-out or GOST strings: they are scored, not read.
"""
from __future__ import annotations

import argparse
import collections
import os
import re
import sys
from typing import Dict, List, Tuple

from .refdata import Labeled, load_all, split, split_dev
from .train import DEFAULT_REFDATA, SCORED, _scorer, gold_item


def reference_kind(ref: Labeled) -> str:
    """article / part / book / other, from the string's gold labels (not from the parser)."""
    labels = {label for _, _, label in ref.spans}
    if "container" in labels:
        if {"publisher", "location", "editor"} & labels or re.search(r"\b(?:In|В|У)\s*:", ref.text):
            return "part"
        return "article"
    if {"publisher", "location"} & labels:
        return "book"
    return "other"


# a part whose host is a meeting's: proceedings, papers, abstracts, conference materials
_MEETING = re.compile(r"Proc\b(?!\.?\s*(?:Natl|Nat|R\.?\s*Soc|Roy))|Proceedings(?! of the (?:National|Royal))|Conference|Conf\b|Symposi|Workshop|Congress|Meeting|Colloqui"
                      r"|Tagung|Actes|конф|[Мм]атеріал|[Мм]атериал|[Тт]руды|[Тт]ез\.|[Тт]езис|съезд|семинар"
                      r"|форум|[Тт]ези", re.I)


def reference_type(ref: Labeled) -> str:
    """book / chapter / paper-conference / article / other: a host that names a meeting (its
    container or genre: proceedings, conference, материалы, тезисы, ...) makes a conference paper,
    whether or not a publisher is printed; the other parts (``reference_kind``) are chapters."""
    kind = reference_kind(ref)
    host = " ".join(ref.text[a:b] for a, b, label in ref.spans if label in ("container", "genre"))
    if kind in ("part", "article") and _MEETING.search(host):
        return "paper-conference"
    return "chapter" if kind == "part" else kind


def type_scores(refs: List[Labeled]) -> Dict[str, Dict]:
    """score_refs.py's result per ``reference_type`` of the strings, and over all of them."""
    from converter.references.parser import parse_reference

    scorer = _scorer()
    by_type: Dict[str, Tuple[List[Dict], List[Dict]]] = collections.defaultdict(lambda: ([], []))
    for ref in refs:
        item, _ = parse_reference(ref.text)
        pred = {k: v for k, v in item.items() if k in SCORED}
        for key in (reference_type(ref), "all"):
            by_type[key][0].append(gold_item(ref))
            by_type[key][1].append(pred)
    return {key: scorer.evaluate(gold, pred, fields=SCORED) for key, (gold, pred) in by_type.items()}


def _what(gold, pred) -> str:
    if gold is None:
        return "spurious"
    if pred is None:
        return "missing"
    if isinstance(gold, str) and isinstance(pred, str):
        if gold in pred:
            return "overrun"
        if pred in gold:
            return "cut"
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        if len(gold) != len(pred):
            return "count"
    return "other"


def classify(refs: List[Labeled]) -> List[Tuple[Labeled, str, str, str, object, object]]:
    """(string, field, what, kind, gold, pred) for every wrong field of every string."""
    from converter.references.parser import parse_reference

    scorer = _scorer()
    norm = scorer.Norm()
    out = []
    for ref in refs:
        gold = scorer.normalise_item(gold_item(ref), norm)
        item, _ = parse_reference(ref.text)
        pred = scorer.normalise_item({k: v for k, v in item.items() if k in SCORED}, norm)
        kind = reference_kind(ref)
        for field in SCORED:
            g, p = gold.get(field), pred.get(field)
            if g != p:
                out.append((ref, field, _what(g, p), kind, g, p))
    return out


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refdata", default=DEFAULT_REFDATA)
    ap.add_argument("--model", default="/tmp/citeconv-refeval/dev.crfsuite",
                    help="a model trained without DEV (train --dev writes one)")
    ap.add_argument("--show", default="", help="print the strings of kinds matching FIELD/WHAT/KIND (prefixes)")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--by-type", action="store_true",
                    help="micro-F1 per kind of reference (book, chapter, paper-conference, article, other) only")
    a = ap.parse_args(argv)
    if not os.path.exists(a.model):
        print(f"no model at {a.model}: run python -m tools.refmodel.train --dev first", file=sys.stderr)
        return 2
    from converter.references import crf

    crf.MODEL_PATH = a.model
    crf._tagger.cache_clear()
    train_set, _, _ = split(load_all(a.refdata))
    _, dev = split_dev(train_set)
    if a.by_type:
        print(f"{'type':<18}{'strings':>8}{'micro-F1':>10}{'TP':>7}{'FP':>6}{'FN':>6}{'exact':>7}")
        for key, res in sorted(type_scores(dev).items(), key=lambda kv: (kv[0] == "all", kv[0])):
            m = res["micro"]
            print(f"{key:<18}{res['n']:>8}{m['f1']:>10.3f}{m['tp']:>7}{m['fp']:>6}{m['fn']:>6}{res['exact']:>7}")
        return 0
    errors = classify(dev)
    units: collections.Counter[Tuple[str, str, str]] = collections.Counter()
    for _, field, what, kind, g, p in errors:
        units[(field, what, kind)] += (g is not None) + (p is not None)
    kinds = collections.Counter(reference_kind(r) for r in dev)
    print(f"DEV: {len(dev)} strings ({', '.join(f'{k} {n}' for k, n in kinds.most_common())}); "
          f"{sum(units.values())} FP+FN units in {len(errors)} wrong fields")
    print(f"{'field':<16}{'what':<10}{'kind':<9}{'FP+FN':>6}")
    for (field, what, kind), n in units.most_common(40):
        print(f"{field:<16}{what:<10}{kind:<9}{n:>6}")
    if a.show:
        want = (a.show.split("/") + ["", "", ""])[:3]
        shown = 0
        for ref, field, what, kind, g, p in errors:
            if all(v.startswith(w) for v, w in zip((field, what, kind), want)):
                print(f"\n[{field}/{what}/{kind}] {ref.text}\n  gold: {g!r}\n  pred: {p!r}")
                shown += 1
                if shown >= a.n:
                    break
    return 0


if __name__ == "__main__":
    sys.exit(main())
