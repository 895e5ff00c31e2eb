"""Train the page reader's line model on the development pages, or cross-validate it.

    python -m tools.pagemodel            # train on every dev page -> converter/readers/page/model/lines.crfsuite
    python -m tools.pagemodel --cv 5     # 5-fold cross-validation by page on the dev split: per-label P/R/F1
    python -m tools.pagemodel --cv-pages 5   # the page reader on each fold with a model trained on the
                                             # others, scored by ../shared/tools/score_pages.py, and the
                                             # same pages read without the model
    python -m tools.pagemodel --cv-batches   # the same with one fold per batch (leave-batch-out)
    python -m tools.pagemodel --learning-curve 5  # line labels' F1 with 1/4 .. all of the training pages
    (--model-only skips the rules-alone run; --by-batch adds each batch's micro figure)

Only development pages are read (align.dev_pages); the held-out split never reaches training.
The CRF's L1/L2 weights: PAGES_C1 / PAGES_C2 in the environment (defaults below).

Tried in session 9 (280 dev pages, 5 folds; pages scored of 1841, rules alone 1575): the byline,
abstract, class-code and record-mark features 1578 -> 1577 (line title F1 0.664 -> 0.689, kept);
a line echoing the saved title (the page's first line) 1575 (title F1 0.699, dropped: the rules
already count the echo); class-code and record-mark cues of the neighbouring lines 1576 (dropped);
c1/c2 0.05/0.01 and 0.3/0.1 against 0.1/0.05: title F1 0.669 and 0.680 against 0.689."""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

from converter.readers.page.line_features import features, to_crfsuite
from converter.readers.page.line_model import MODEL_PATH

from ..paths import SHARED
from .align import PAGES, dev_pages, load
from .crf import batch_folds, batch_of, folds, print_label_scores, scorer, train_crf, write_predictions

CV_DIR = f"/tmp/citeconv-pagemodel/{os.getpid()}"  # per run: two cross-validations may run side by side
C1 = float(os.environ.get("PAGES_C1", "0.1"))
C2 = float(os.environ.get("PAGES_C2", "0.05"))
ITERATIONS = 200


def train(data: Sequence[Tuple[str, list, List[str]]], out: str) -> None:
    train_crf(((to_crfsuite(features(lines)), labels) for _, lines, labels in data), out,
              c1=C1, c2=C2, iterations=ITERATIONS)


def cross_validate(k: int) -> int:
    """Line labels cross-validated with k folds by page (k = 0: one fold per batch): P/R/F1."""
    import pycrfsuite

    names = dev_pages()
    data = {name: (lines, labels) for name, lines, labels in load(names)}
    counts: Counter[Tuple[str, str]] = Counter()
    for i, test in enumerate(folds(names, k) if k else batch_folds(names)):
        path = f"{CV_DIR}/cv{i}.crfsuite"
        train([(n, *data[n]) for n in names if n not in test], path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        for n in test:
            lines, gold = data[n]
            for g, p in zip(gold, tagger.tag(to_crfsuite(features(lines)))):
                counts[(g, p)] += 1
    print_label_scores(counts, ("TITLE", "AUTHOR", "JOURNAL"))
    return 0


def _read_fold(names: List[str], model: str | None, pred_dir: Path) -> None:
    from converter.readers.page import line_model

    line_model.MODEL_PATH = model or "/nonexistent"  # no model: the rules alone
    write_predictions(names, PAGES, pred_dir)


def learning_curve(k: int, fractions: Sequence[float] = (0.25, 0.5, 0.75, 1.0)) -> int:
    """Line labels cross-validated with k folds by page, each fold's model trained on a share of the
    other folds' pages (every n-th page, so the same pages at every run): does the model gain with
    more pages, or has it learnt what it can? The training pages' own labels (in-sample) beside."""
    import pycrfsuite

    names = dev_pages()
    data = {name: (lines, labels) for name, lines, labels in load(names)}
    for fraction in fractions:
        counts: Counter[Tuple[str, str]] = Counter()
        seen: Counter[Tuple[str, str]] = Counter()
        for i, test in enumerate(folds(names, k)):
            rest = [n for n in names if n not in test]
            step = 1 / fraction
            chosen = [rest[int(j * step)] for j in range(int(len(rest) * fraction))]
            path = f"{CV_DIR}/curve{i}.crfsuite"
            train([(n, *data[n]) for n in chosen], path)
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            for pages, into in ((test, counts), (chosen, seen)):
                for n in pages:
                    lines, gold = data[n]
                    for g, p in zip(gold, tagger.tag(to_crfsuite(features(lines)))):
                        into[(g, p)] += 1
        print(f"== {fraction:.2f} of the training pages (about {int((k - 1) / k * len(names) * fraction)}): held-out folds")
        print_label_scores(counts, ("TITLE", "AUTHOR", "JOURNAL"))
        print("   in-sample (the training pages' own labels)")
        print_label_scores(seen, ("TITLE", "AUTHOR", "JOURNAL"))
    return 0


def _by_batch(gold: Path, pred: Path) -> str:
    """Each batch's micro figure and its titles (correct/gold), by score_pages.py's own scoring."""
    res = scorer().evaluate(str(gold), str(pred))
    totals: Dict[str, List[int]] = {}
    for name, ok, n, _ in res["pages"]:
        t = totals.setdefault(batch_of(name), [0, 0, 0])
        t[0] += ok
        t[1] += n
    for name, field, _, _ in res["errors"]:
        if field == "title":
            totals[batch_of(name)][2] += 1
    return "  ".join(f"{b} {c}/{n} (title -{e})" for b, (c, n, e) in totals.items())


def cross_validate_pages(k: int, *, model_only: bool = False, by_batch: bool = False) -> int:
    """The page reader on each fold with a line model trained on the other folds (k = 0: one fold
    per batch), and the same pages read by the rules alone."""
    import shutil
    import subprocess
    import tempfile

    names = dev_pages()
    data = {name: (lines, labels) for name, lines, labels in load(names)}
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp, "gold")
        gold.mkdir()
        for name in names:
            shutil.copy(PAGES / f"{name}.gold.json", gold)
        for variant in ("model",) if model_only else ("rules", "model"):
            pred = Path(tmp, variant)
            pred.mkdir()
            for i, test in enumerate(folds(names, k) if k else batch_folds(names)):
                path = f"{CV_DIR}/cv{i}.crfsuite"
                if variant == "model":
                    train([(n, *data[n]) for n in names if n not in test], path)
                _read_fold(test, path if variant == "model" else None, pred)
            out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_pages.py"), str(gold), str(pred)],
                                 capture_output=True, text=True, check=True).stdout
            print(f"== {variant}")
            print("\n".join(line for line in out.splitlines() if not line.startswith("per page")))
            if by_batch:
                print("by batch:", _by_batch(gold, pred))
    return 0


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", type=int, default=0, help="cross-validate with K folds instead of training")
    ap.add_argument("--cv-pages", type=int, default=0, help="the page reader cross-validated with K folds")
    ap.add_argument("--cv-batches", action="store_true", help="as --cv-pages, one fold per batch (with --cv: labels)")
    ap.add_argument("--model-only", action="store_true", help="with --cv-pages: skip the rules-alone run")
    ap.add_argument("--by-batch", action="store_true", help="with --cv-pages: each batch's figure too")
    ap.add_argument("--learning-curve", type=int, default=0, help="line labels with K folds, trained on shares of the pages")
    ap.add_argument("--out", default=MODEL_PATH)
    args = ap.parse_args(argv)
    if args.cv:
        return cross_validate(args.cv)
    if args.learning_curve:
        return learning_curve(args.learning_curve)
    if args.cv_pages or args.cv_batches:
        return cross_validate_pages(args.cv_pages, model_only=args.model_only, by_batch=args.by_batch)
    names = dev_pages()
    train(load(names), args.out)
    print(f"trained on {len(names)} development pages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
