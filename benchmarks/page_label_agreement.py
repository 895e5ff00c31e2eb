#!/usr/bin/env python3
"""How far do two careful labellers agree on the article pages? The label ceiling of issue 11.

    python benchmarks/page_label_agreement.py              # agreement per field, both directions
    python benchmarks/page_label_agreement.py --list       # every disagreement with its class
    python benchmarks/page_label_agreement.py --clean      # only pages whose notes the relabeller had not seen
    python benchmarks/page_label_agreement.py --no-alt     # main values only: what the _alt lists are worth
    python benchmarks/page_label_agreement.py --set s13    # the second relabelling (session 13)

benchmarks/data/page-relabel/ holds blind second labels of 40 held-out pages of tests/data/pages/
(the selection rule and what the relabeller had seen are in its README.md). Each label set is
scored against the other with ../shared/tools/score_pages.py's own ``evaluate``: a gold file
becomes a prediction by dropping its ``_alt`` (the scorer reads every other field as a record
field), so
  relabel -> gold: the relabel as the prediction, scored on the original gold's fields;
  gold -> relabel: the original gold as the prediction, scored on the relabel's fields.
A field only one set has counts against the other in the direction that scores it (extra fields
are not penalised, as for the reader). The scorer reads a missing has_abstract as false, so
"left out" and false agree.

disagreements.json beside the relabels classes every field that differs in either direction:
  a  the original gold is wrong (a proposed fix is given; the gold files are not edited here),
  b  the relabel is wrong,
  c  both are fair readings of the conventions: the gold lacks an ``_alt``,
  d  the conventions do not settle it.
A reader that is exactly right loses the (a), (c) and (d) points of the relabel -> gold
direction, so 1 - (a + c + d) / gold fields is the ceiling the labels set.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
# one folder per blind relabelling: the labels, exposed.txt (pages some of whose page-specific
# labelling notes the relabeller had read: its README.md) and disagreements.json (the classes)
RELABEL_SETS = {"s11": ROOT / "benchmarks" / "data" / "page-relabel",
                "s13": ROOT / "benchmarks" / "data" / "page-relabel-s13"}
SCORER = ROOT.parent / "shared" / "tools" / "score_pages.py"
Score = Dict[str, Any]  # evaluate()'s answer: fields, pages, micro, errors


def load_scorer() -> ModuleType:
    """The independent scorer, imported from ../shared (it is not part of this repository)."""
    spec = importlib.util.spec_from_file_location("score_pages", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_record(gold: Dict[str, object]) -> Dict[str, object]:
    """A gold file in the record form the scorer reads as a prediction: its fields, no ``_alt``."""
    return {k: v for k, v in gold.items() if k != "_alt"}


def score(scorer: ModuleType, names: List[str], gold_of: Dict[str, Path], pred_of: Dict[str, Path],
          keep_alt: bool = True) -> Score:
    """``evaluate`` with gold_of[name] as the gold (without its ``_alt`` unless keep_alt) and
    pred_of[name] (as a record) as the prediction."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp, "gold"), Path(tmp, "pred")
        gold_dir.mkdir()
        pred_dir.mkdir()
        for name in names:
            gold = json.loads(gold_of[name].read_text(encoding="utf-8"))
            if not keep_alt:
                gold = as_record(gold)
            (gold_dir / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
            record = as_record(json.loads(pred_of[name].read_text(encoding="utf-8")))
            (pred_dir / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        result: Score = scorer.evaluate(str(gold_dir), str(pred_dir))
    return result


def bootstrap(pages: List[Tuple[str, int, int, bool]], rounds: int = 2000, seed: int = 11) -> Tuple[float, float]:
    """95% interval of the micro agreement, resampling pages."""
    rng = random.Random(seed)
    values = []
    for _ in range(rounds):
        sample = [pages[rng.randrange(len(pages))] for _ in pages]
        total = sum(p[2] for p in sample)
        values.append(sum(p[1] for p in sample) / total if total else 1.0)
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def load_classes(relabel: Path) -> Dict[Tuple[str, str], Dict[str, str]]:
    classes = relabel / "disagreements.json"
    if not classes.exists():
        return {}
    rows = json.loads(classes.read_text(encoding="utf-8"))
    return {(row["page"], row["field"]): row for row in rows}


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print every disagreement and its class")
    ap.add_argument("--clean", action="store_true", help="leave out the pages whose notes the relabeller had seen")
    ap.add_argument("--no-alt", action="store_true", help="score main values only (ignore both sides' _alt)")
    ap.add_argument("--set", choices=sorted(RELABEL_SETS), default="s11",
                    help="which blind relabelling (s11: 40 held-out pages, session 11; s13: 40 more, 34 of them new)")
    a = ap.parse_args(argv)
    scorer = load_scorer()
    folder = RELABEL_SETS[a.set]
    names = sorted(p.name[: -len(".gold.json")] for p in folder.glob("*.gold.json"))
    if a.clean:
        exposed = set((folder / "exposed.txt").read_text(encoding="utf-8").split())
        names = [n for n in names if n not in exposed]
    relabel = {n: folder / f"{n}.gold.json" for n in names}
    gold = {n: PAGES / f"{n}.gold.json" for n in names}
    keep = not a.no_alt
    directions = {"relabel -> gold": score(scorer, names, gold, relabel, keep),
                  "gold -> relabel": score(scorer, names, relabel, gold, keep)}
    print(f"{len(names)} pages" + (" (clean: pages with no page-specific note seen)" if a.clean else "")
          + (" (main values only, no _alt)" if a.no_alt else ""))
    fields = [f for f in scorer.FIELDS if any(f in r["fields"] for r in directions.values())]
    print(f"{'field':<18}" + "".join(f"{d:>22}" for d in directions))
    for f in fields:
        cells = []
        for res in directions.values():
            ok, n = res["fields"].get(f, (0, 0))
            cells.append(f"{ok:>4}/{n:<4}{100 * ok / n:6.1f}%" if n else "-")
        print(f"{f:<18}" + "".join(f"{c:>22}" for c in cells))
    for label, res in directions.items():
        good, total = res["micro"]
        low, high = bootstrap(res["pages"])
        print(f"MICRO {label}: {good}/{total} = {100 * good / total:.1f}% (pages bootstrap 95% {100 * low:.1f}-{100 * high:.1f})")

    if a.no_alt:  # the classes below are of the disagreements with _alt, as the scorer counts them
        return 0
    classes = load_classes(folder)
    gold_fields = directions["relabel -> gold"]["micro"][1]
    seen: Dict[Tuple[str, str], Tuple[str, object, object]] = {}
    for label, res in directions.items():
        for page, field, want, got in res["errors"]:
            seen.setdefault((page, field), (label, want, got))
    losses = {(p, f) for p, f, _, _ in directions["relabel -> gold"]["errors"]}
    per_field: Dict[str, Counter] = {}
    ceiling_loss = 0
    unclassed = []
    for key in sorted(seen):
        row = classes.get(key)
        cls = row["class"] if row else "?"
        if row is None:
            unclassed.append(key)
        per_field.setdefault(key[1], Counter())[cls] += 1
        if key in losses and cls in ("a", "c", "d"):
            ceiling_loss += 1
        if a.list:
            label, want, got = seen[key]
            side = "gold" if label == "relabel -> gold" else "relabel"
            print(f"  [{cls}] {key[0]} {key[1]}: {side}={want!r} other={got!r}" + (f"  -- {row['why']}" if row else ""))
    print(f"disagreements: {len(seen)} (page, field) pairs; classes per field (a gold wrong, b relabel wrong, "
          "c both fair, d unclear):")
    for field in fields:
        if field in per_field:
            print(f"  {field:<18}" + " ".join(f"{c}={per_field[field][c]}" for c in "abcd?" if per_field[field][c]))
    totals = sum(per_field.values(), Counter())
    print("  all               " + " ".join(f"{c}={totals[c]}" for c in "abcd?" if totals[c]))
    if unclassed:
        print(f"  {len(unclassed)} not classed yet (not in disagreements.json)")
    print(f"CEILING for an exactly-right reader on these pages: 1 - {ceiling_loss}/{gold_fields} = "
          f"{100 * (1 - ceiling_loss / gold_fields):.1f}% (gold fields it would lose: classes a, c, d)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
