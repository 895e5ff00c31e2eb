"""Cross-fitted first-pass labels, for training a second CRF on the first one's output.

The second model (stacking) sees what the first model predicted in a wide window
(features.first_pass_features). Its training strings must carry first-pass labels the way
an unseen string would get them, so each string is labelled by a model fitted on the
other folds only (k-fold cross-fitting), never by a model that saw it. The folds come from
a hash of the string, so a run is repeatable.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import tempfile
from typing import Callable, List, Sequence, Tuple

from .refdata import Labeled, split_key

# (training strings, strings to label, model path) -> labels of the strings to label
FoldJob = Tuple[List[Labeled], List[Labeled], str]


def fold_of(text: str, k: int) -> int:
    """The cross-fitting fold of a string (salted, so it is independent of the DEV bucket)."""
    digest = hashlib.sha1(("fold:" + split_key(text)).encode("utf-8")).hexdigest()
    return int(digest, 16) % k


def crossfit_labels(refs: Sequence[Labeled], k: int,
                    fit_and_tag: Callable[[FoldJob], List[List[str]]],
                    processes: int = 2, also_fit: str | None = None) -> List[List[str]]:
    """First-pass labels of every string of ``refs``, each from the model of the other k-1 folds.

    ``also_fit``: a path where the first-pass model on all of ``refs`` is trained in the same
    pool (it is the one that labels new strings), so it runs beside the folds."""
    folds = [fold_of(r.text, k) for r in refs]
    tmp = tempfile.mkdtemp(prefix="citeconv-crossfit-")
    jobs: List[FoldJob] = []
    if also_fit:
        jobs.append((list(refs), [], also_fit))
    for f in range(k):
        fit = [r for r, g in zip(refs, folds) if g != f]
        held = [r for r, g in zip(refs, folds) if g == f]
        jobs.append((fit, held, os.path.join(tmp, f"fold{f}.crfsuite")))
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            results = pool.map(fit_and_tag, jobs, chunksize=1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # the fold models are only needed for their labels
    if also_fit:
        results = results[1:]
    out: List[List[str]] = [[] for _ in refs]
    positions = [[i for i, g in enumerate(folds) if g == f] for f in range(k)]
    for f, labels in enumerate(results):
        for i, lab in zip(positions[f], labels):
            out[i] = lab
    return out


__all__ = ["crossfit_labels", "fold_of"]
