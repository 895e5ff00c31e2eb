"""The learned line model: a linear-chain CRF (python-crfsuite, as for references) that labels
each non-blank line of a page TITLE, AUTHOR, JOURNAL or O(ther), trained on the labelled pages
of the development split by ``python -m tools.pagemodel`` (tools/pagemodel).

The rules stay first: the model's probabilities are one more piece of evidence when the title
is chosen, and the place to look for a byline or a journal's name when the rules found none.
With no model installed (or CITECONV_NO_PAGEMODEL set) it answers nothing and the rules work
alone."""
from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Dict, List

from .line_features import features, page_lines, to_crfsuite

LABELS = ("TITLE", "AUTHOR", "JOURNAL", "O")
MODEL_PATH = os.path.join(os.path.dirname(__file__), "model", "lines.crfsuite")
MAX_LINES = 400  # the head of a long page is where titles and bylines stand
_TAGGING = threading.Lock()  # a tagger holds the sequence it was given: one page at a time


@lru_cache(maxsize=4)
def load_tagger(path: str):  # -> pycrfsuite.Tagger | None
    """A CRF model's tagger, opened once per path (the line and the byline model); None without
    the file."""
    if not os.path.exists(path):
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def line_labels(text: str, model_path: str | None = None) -> Dict[int, Dict[str, float]]:
    """Line number (1-based) -> the probability of each label; empty without a model."""
    if os.environ.get("CITECONV_NO_PAGEMODEL"):
        return {}
    tagger = load_tagger(model_path or MODEL_PATH)
    lines = page_lines(text)[:MAX_LINES]
    if tagger is None or not lines:
        return {}
    sequence = to_crfsuite(features(lines))
    out: Dict[int, Dict[str, float]] = {}
    with _TAGGING:
        tagger.set(sequence)
        known = set(tagger.labels())
        for i, (n, _) in enumerate(lines):
            out[n] = {label: tagger.marginal(label, i) if label in known else 0.0 for label in LABELS}
    return out


def best_lines(labels: Dict[int, Dict[str, float]], label: str, threshold: float) -> List[int]:
    """The lines the model gives ``label`` with at least ``threshold`` probability, in page order."""
    return [n for n, p in sorted(labels.items()) if p.get(label, 0.0) >= threshold]
