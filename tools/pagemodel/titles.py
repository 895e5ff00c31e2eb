"""Train the page reader's title ranker (converter/readers/page/ranker.py) on the development pages,
or cross-validate it against the rules.

    python -m tools.pagemodel.titles             # train on every dev page -> converter/readers/page/model/titles.json
    python -m tools.pagemodel.titles --cv 5      # 5 folds by page: titles right, rules vs ranker
    python -m tools.pagemodel.titles --cv-batches   # one fold per batch (leave-batch-out)

The ranker's training pages are read with line-model probabilities from line models that did not
see them (5 folds by page; one fold per batch for --cv-batches): on a page it reads, the shipped
line model has never seen the page either, and in-sample probabilities (the line model fits its
training pages almost wholly) would teach the ranker to trust it too much. Only development pages
are read (align.dev_pages). Training is deterministic (the CRF's and the fit's own)."""
from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, List, Sequence, Tuple

from ..paths import REPO
from .align import PAGES, dev_pages, load
from .crf import batch_folds, folds, scorer

CACHE = f"/tmp/citeconv-titleranker/{os.getpid()}"
OUT = REPO / "converter" / "readers" / "page" / "model" / "titles.json"
L2 = float(os.environ.get("TITLES_L2", "20.0"))  # cross-validated: 10 and 30 alike, 1 and 100 worse
ITERATIONS = 3000


@dataclass
class Case:
    """One page as the title's choice saw it."""
    name: str
    gold: Any                                   # the gold title, as the scorer reads it
    alts: Any
    rules_title: str | None = None              # what the reader printed (rules alone)
    chose: bool = False                         # the rules' choice among candidates ran (no labelled title)
    candidates: List[Any] = field(default_factory=list)
    cues: Dict[str, Any] = field(default_factory=dict)
    labels: Dict[int, Dict[str, float]] = field(default_factory=dict)


def _fold_line_models(names: List[str], parts: List[List[str]], tag: str) -> Dict[str, str]:
    """Page -> a line model trained on the pages of every other part."""
    from .__main__ import train

    data = {name: (lines, labels) for name, lines, labels in load(names)}
    out: Dict[str, str] = {}
    for i, test in enumerate(parts):
        path = f"{CACHE}/{tag}{i}.crfsuite"
        train([(n, *data[n]) for n in names if n not in test], path)
        out.update({n: path for n in test})
    return out


def collect(models: Dict[str, str]) -> Dict[str, Case]:
    """Read each page with its line model, the ranker off, and keep what the title's choice saw."""
    import converter
    from converter.readers.page import assemble, line_model, title

    sc = scorer()
    ranker_was = os.environ.get("CITECONV_TITLE_RANKER")
    os.environ["CITECONV_TITLE_RANKER"] = "0"  # the rules choose: the ranker learns from what they saw
    seen: Dict[str, Any] = {}
    choose, choose_title = title.choose, assemble._choose_title

    def spy_choose(candidates, **cues):
        seen["candidates"], seen["cues"] = copy.deepcopy(candidates), copy.deepcopy(cues)
        return choose(candidates, **cues)

    def spy_choose_title(r):
        choose_title(r)
        seen["labels"] = dict(r.line_labels or {})

    title.choose, assemble._choose_title = spy_choose, spy_choose_title
    cases: Dict[str, Case] = {}
    try:
        for name, path in sorted(models.items()):
            line_model.MODEL_PATH = path
            gold = json.loads((PAGES / f"{name}.gold.json").read_text(encoding="utf-8"))
            case = Case(name, sc.value("title", gold.get("title")), (gold.get("_alt") or {}).get("title"))
            seen.clear()
            try:
                records = converter.read((PAGES / f"{name}.txt").read_text(encoding="utf-8"), "page", source=name).records
                case.rules_title = records[0].get("title") if records else None
            except converter.ConversionError:
                pass
            if "candidates" in seen:
                case.chose, case.candidates, case.cues = True, seen["candidates"], seen["cues"]
                case.labels = {n: p for n, p in seen.get("labels", {}).items()}
            cases[name] = case
    finally:
        title.choose, assemble._choose_title = choose, choose_title
        if ranker_was is None:
            os.environ.pop("CITECONV_TITLE_RANKER", None)
        else:
            os.environ["CITECONV_TITLE_RANKER"] = ranker_was
    return cases


def right(sc: Any, case: Case, text: str | None) -> bool:
    if case.gold is None:
        return False
    alts = [sc.value("title", a) for a in case.alts or []]
    return bool(sc.matches("title", case.gold, sc.value("title", text), alts))


def rows(case: Case) -> Tuple[List[Any], List[Dict[str, float]]]:
    """The ranker's pool for a page (title.expand plus the citation's title) and their features."""
    from converter.readers.page import ranker

    return ranker.plausible(case.candidates, case.cues, case.labels)


def output(candidate: Any) -> str:
    return candidate.text.strip().rstrip(".")


@dataclass
class Table:
    """Every page's pool as numbers: X (rows x features), the page of each row, which rows are right."""
    names: List[str]
    X: Any
    page: Any
    good: Any
    pages: List[str]


def table(cases: Sequence[Case], names: List[str] | None = None) -> Table:
    import numpy as np

    sc = scorer()
    feats: List[Dict[str, float]] = []
    page: List[int] = []
    good: List[bool] = []
    pages: List[str] = []
    for case in cases:
        if not case.chose:
            continue
        pool, fs = rows(case)
        for c, f in zip(pool, fs):
            feats.append(f)
            page.append(len(pages))
            good.append(right(sc, case, output(c)))
        pages.append(case.name)
    names = names or sorted({k for f in feats for k in f})
    X = np.array([[f.get(n, 0.0) for n in names] for f in feats], dtype=float)
    return Table(names, X, np.array(page), np.array(good), pages)


def fit(t: Table, l2: float = L2) -> Dict[str, Any]:
    """A softmax over each page's pool (the right rows' share of the probability maximised), weights
    pulled towards 0 by ``l2``; features standardised. Deterministic: plain gradient descent."""
    import numpy as np

    mean = t.X.mean(axis=0)
    scale = t.X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    Z = (t.X - mean) / scale
    useful = np.array([t.good[t.page == p].any() for p in range(len(t.pages))])
    keep = useful[t.page]
    Z, page, good = Z[keep], t.page[keep], t.good[keep]
    _, page = np.unique(page, return_inverse=True)
    n_pages = page.max() + 1
    w = np.zeros(Z.shape[1])
    # start from the rules: the rules' score feature carries them
    if "rule_score" in t.names:
        w[t.names.index("rule_score")] = 1.0
    free = np.ones_like(w)  # the rules' score is the prior: its factor is not pulled towards 0
    if "rule_score" in t.names:
        free[t.names.index("rule_score")] = 0.0
    step = 0.5
    loss_before = None
    for _ in range(ITERATIONS):
        s = Z @ w
        top = np.full(n_pages, -np.inf)
        np.maximum.at(top, page, s)
        e = np.exp(s - top[page])
        total = np.bincount(page, weights=e, minlength=n_pages)
        total_good = np.bincount(page, weights=e * good, minlength=n_pages)
        loss = -np.sum(np.log(total_good / total)) / n_pages + 0.5 * l2 * ((w * free) @ (w * free)) / n_pages
        p_all = e / total[page]
        p_good = np.where(good, e / np.maximum(total_good[page], 1e-300), 0.0)
        grad = Z.T @ (p_all - p_good) / n_pages + l2 * w * free / n_pages
        if loss_before is not None and loss > loss_before:
            step *= 0.5
        loss_before = loss
        w = w - step * grad
    return {"features": t.names, "weights": [round(float(x), 6) for x in w],
            "mean": [round(float(x), 6) for x in mean], "scale": [round(float(x), 6) for x in scale]}


def pick(model: Dict[str, Any], case: Case, threshold: float = 0.0) -> Tuple[str | None, float]:
    """The ranker's title for a page (None: the citation's title, read by the reader as before) and
    its probability; below ``threshold`` the rules' title."""
    import math

    from converter.readers.page.ranker import CITATION_LINE, Weights

    weights = Weights(model["features"], model["weights"], model["mean"], model["scale"])
    pool, fs = rows(case)
    if not pool:  # nothing plausible: the rules found nothing either
        return case.rules_title, 0.0
    scores = [weights.score(f) for f in fs]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    best = max(range(len(pool)), key=lambda i: (scores[i], -pool[i].index))
    p = exp[best] / sum(exp)
    if p < threshold:
        return case.rules_title, p
    c = pool[best]
    return (str(case.cues.get("citation_title")) if c.line == CITATION_LINE else output(c)), p


def cross_validate(parts: List[List[str]], tag: str, l2s: Sequence[float], thresholds: Sequence[float]) -> None:
    names = [n for part in parts for n in part]
    cases = collect(_fold_line_models(sorted(names), parts, tag))
    sc = scorer()
    gold_pages = [c for c in cases.values() if c.gold is not None]
    rules = sum(right(sc, c, c.rules_title) for c in gold_pages)
    reach = sum(c.chose for c in gold_pages)
    oracle = 0
    for c in gold_pages:
        if c.chose:
            oracle += any(right(sc, c, output(x)) for x in rows(c)[0])
        else:
            oracle += right(sc, c, c.rules_title)
    print(f"{len(gold_pages)} pages with a gold title; {reach} chosen among candidates; rules {rules}; "
          f"any candidate right {oracle}")
    full = table(list(cases.values()))
    for l2 in l2s:
        got = {th: 0 for th in thresholds}
        for test in parts:
            train_cases = [cases[n] for n in names if n not in test]
            model = fit(table(train_cases, full.names), l2)
            for n in test:
                c = cases[n]
                if c.gold is None:
                    continue
                for th in thresholds:
                    text = pick(model, c, th)[0] if c.chose else c.rules_title
                    got[th] += right(sc, c, text)
        print(f"l2 {l2}: " + "  ".join(f"p>={th}: {v}" for th, v in got.items()) + f"   (rules {rules})")


def cross_validate_pages(parts: List[List[str]], tag: str, l2: float = L2) -> None:
    """The page reader on each fold with a line model and a ranker trained on the other folds, and the
    same with the rules alone choosing the title, scored by ../shared/tools/score_pages.py."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from converter.readers.page import line_model, ranker

    from ..paths import SHARED
    from .crf import write_predictions

    names = sorted(n for part in parts for n in part)
    models = _fold_line_models(names, parts, tag)
    cases = collect(models)
    columns = table(list(cases.values())).names
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp, "gold")
        gold.mkdir()
        for name in names:
            shutil.copy(PAGES / f"{name}.gold.json", gold)
        os.environ["CITECONV_TITLE_RANKER"] = "1"  # (on by default since session 15; on here, as the variant says)
        for variant in ("rules", "ranker"):
            pred = Path(tmp, variant)
            pred.mkdir()
            for i, test in enumerate(parts):
                path = f"{CACHE}/{tag}ranker{i}.json"
                if variant == "ranker":
                    with open(path, "w", encoding="utf-8") as fh:
                        json.dump(fit(table([cases[n] for n in names if n not in test], columns), l2), fh)
                line_model.MODEL_PATH = models[test[0]]
                ranker.MODEL_PATH = path if variant == "ranker" else "/nonexistent"
                write_predictions(test, PAGES, pred)
            out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_pages.py"), str(gold), str(pred)],
                                 capture_output=True, text=True, check=True).stdout
            print(f"== {variant}")
            print("\n".join(line for line in out.splitlines() if not line.startswith("per page")), flush=True)


def train_all(out: str) -> None:
    names = dev_pages()
    cases = collect(_fold_line_models(names, folds(names, 5), "ship"))
    model = fit(table(list(cases.values())))
    model["trained_on"] = f"{len(names)} development pages (python -m tools.pagemodel.titles); l2 {L2}"
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(model, fh, indent=0, ensure_ascii=False)
        fh.write("\n")
    print(f"trained on {len(names)} development pages -> {out}")


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", type=int, default=0, help="cross-validate with K folds by page")
    ap.add_argument("--cv-batches", action="store_true", help="cross-validate with one fold per batch")
    ap.add_argument("--l2", type=float, nargs="*", default=[L2])
    ap.add_argument("--threshold", type=float, nargs="*", default=[0.0])
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--pages", action="store_true", help="with --cv/--cv-batches: the whole reader, every field")
    a = ap.parse_args(argv)
    names = dev_pages()
    if a.pages:
        parts = folds(names, a.cv) if a.cv else batch_folds(names)
        cross_validate_pages(parts, "pages-k" if a.cv else "pages-batch-", a.l2[0])
    elif a.cv:
        cross_validate(folds(names, a.cv), f"k{a.cv}-", a.l2, a.threshold)
    elif a.cv_batches:
        cross_validate(batch_folds(names), "batch-", a.l2, a.threshold)
    else:
        train_all(a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
