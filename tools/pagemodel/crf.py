"""What the line model's and the byline model's tools share: training a CRF on labelled
sequences, folds by page for cross-validation, per-label scores, and the independent scorer."""
from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, List, Sequence, Tuple

from ..paths import SHARED


def train_crf(sequences: Iterable[Tuple[Any, List[str]]], out: str, *, c1: float, c2: float,
              iterations: int) -> None:
    """A linear-chain CRF (python-crfsuite) over (features, labels) sequences, written to ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in sequences:
        trainer.append(feats, labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(out)


def folds(names: List[str], k: int) -> List[List[str]]:
    """Every k-th page in a fold: pages of one batch spread over the folds."""
    return [names[i::k] for i in range(k)]


def batch_of(name: str) -> str:
    """A page's batch: the prefix its name starts with ('oe-...' -> 'oe'), one labelling session."""
    return name.split("-", 1)[0]


def batch_folds(names: List[str]) -> List[List[str]]:
    """One fold per batch: a model tested on a batch was trained on none of its pages, so a site
    or layout that recurs inside a batch cannot be learnt and recognised in the same fold."""
    batches = sorted({batch_of(n) for n in names})
    return [[n for n in names if batch_of(n) == b] for b in batches]


def print_label_scores(counts: Counter[Tuple[str, str]], labels: Sequence[str]) -> None:
    """Precision, recall and F1 of each label from (gold, predicted) counts."""
    width = max(len(label) for label in labels)
    for label in labels:
        tp = counts[(label, label)]
        fp = sum(v for (g, p), v in counts.items() if p == label and g != label)
        fn = sum(v for (g, p), v in counts.items() if g == label and p != label)
        prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        print(f"{label:{width}} P {prec:.3f} R {rec:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")


def write_predictions(names: Iterable[str], pages: Path, pred_dir: Path) -> None:
    """The page reader's record of each page into ``pred_dir/NAME.json`` (with whatever models
    the caller set); a page with nothing citable gets no file."""
    import json

    import converter

    for name in names:
        text = (pages / f"{name}.txt").read_text(encoding="utf-8")
        try:
            records = converter.read(text, "page", source=name).records
        except converter.ConversionError:
            continue
        (pred_dir / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def scorer() -> Any:
    """The independent scorer, ../shared/tools/score_pages.py, as a module."""
    spec = importlib.util.spec_from_file_location("score_pages", SHARED / "tools" / "score_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
