"""The learned sequence model: a linear-chain CRF (python-crfsuite) that labels each token of
a reference string. The rules decide what is certain; the CRF decides the boundaries between
authors, title, container, publisher and place that the rules leave open.

``segment`` returns None when no trained model is installed; the parser then uses rules alone.
The model is trained by ``python -m tools.refmodel.train`` (see that module).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import List, Sequence, Tuple

from . import neural
from .features import Token, crf_items, tokenize, with_first_pass
from .lexicon import Lexicon
from .rules import Found

MODEL_PATH = os.path.join(os.path.dirname(__file__), "model", "refs.crfsuite")


def lexicon_path(model_path: str) -> str:
    """The n-gram lexicon trained with a model lives beside it: refs.crfsuite -> refs.lexicon.json.gz."""
    return os.path.splitext(model_path)[0] + ".lexicon.json.gz"


def words_path(model_path: str) -> str:
    """The word lists built with the model (tools/refmodel/wordlists.py): refs.crfsuite -> refs.words.json."""
    return os.path.splitext(model_path)[0] + ".words.json"


def load_word_lists(model_path: str) -> None:
    """Take the known containers built with the model at ``model_path`` (none: empty)."""
    path = words_path(model_path)
    lists: dict = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            lists = json.load(fh)
    global _known
    _known = frozenset(lists.get("container", ()))


_known: frozenset[str] = frozenset()


def known_containers() -> frozenset[str]:
    """The container keys (hosts.container_key) trained with the loaded model; empty without one."""
    return _known if _tagger() is not None else frozenset()


def second_pass_path(model_path: str) -> str:
    """The stacked second model beside the first: refs.crfsuite -> refs.pass2.crfsuite."""
    return os.path.splitext(model_path)[0] + ".pass2.crfsuite"


@lru_cache(maxsize=1)
def _second_tagger():  # -> pycrfsuite.Tagger | None
    path = second_pass_path(MODEL_PATH)
    if _tagger() is None or not os.path.exists(path):
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon | None:
    path = lexicon_path(MODEL_PATH)
    return Lexicon.load(path) if os.path.exists(path) else None


@lru_cache(maxsize=1)
def _tagger():  # -> pycrfsuite.Tagger | None
    if os.environ.get("CITECONV_NO_REFMODEL") or not os.path.exists(MODEL_PATH):
        return None
    try:
        import pycrfsuite
    except ImportError:
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(MODEL_PATH)
    load_word_lists(MODEL_PATH)
    return tagger


def available() -> bool:
    return _tagger() is not None


_WORK_LABELS = frozenset(("author", "editor", "title", "container", "collection", "publisher", "location", "genre"))


def _inside(s: str, token: Token, spans: Sequence[Tuple[int, int]]) -> bool:
    """Whether every letter and digit of a token lies in one of the spans ('Atlas(in' of
    'Atlas(in Russian)' does not)."""
    a, b = token
    marks = [i for i in range(a, b) if s[i].isalnum()]
    return bool(marks) and all(any(start <= i < end for start, end in spans) for i in marks)


def rule_labels(tokens: Sequence[Token], found: Found, s: str | None = None) -> List[str]:
    """The rule span (doi, url, numbers, date, accessed, note) each token falls in, or ''.

    With the string, a token takes a span's label only when the span covers one of its
    letters or digits: '. 1999.' must not label the journal word 'навигация.' before it.
    """
    spans = found.spans
    out = [""] * len(tokens)
    for i, (a, b) in enumerate(tokens):
        for start, end, lab in spans:
            # they overlap (most tokens lie outside every span), on a letter or digit
            if a < end and start < b and (s is None or any(c.isalnum() for c in s[max(a, start):min(b, end)])):
                out[i] = lab
                break
    return out


def tag(s: str, found: Found) -> Tuple[List[Token], List[str]] | None:
    """Tokens of ``s`` and the model's label for each, or None without a model."""
    tagger = _tagger()
    if tagger is None:
        return None
    tokens = tokenize(s)
    if not tokens:
        return tokens, []
    xseq = crf_items(s, tokens, rule_labels(tokens, found, s), _lexicon())
    labels = neural.relabel(xseq, tagger) if neural.active() else tagger.tag(xseq)
    second = _second_tagger()
    if second is not None:
        labels = second.tag(with_first_pass(xseq, [s[a:b] for a, b in tokens], labels))
    return tokens, labels


def segment(s: str, found: Found) -> List[Tuple[str, str]] | None:
    """(label, text) runs of equally labelled tokens, in string order; None without a model."""
    tagged = tag(s, found)
    if tagged is None:
        return None
    tokens, labels = tagged
    # an access date or a language statement the rules read is never a name, a title or a
    # publisher, whatever the model made of its words ('г.' of '(дата обращения: 10 мая 2025 г.)')
    statements = [(a, b) for a, b, rule in found.spans if rule in ("accessed", "note")]
    if statements:
        labels = ["other" if label in _WORK_LABELS and _inside(s, token, statements) else label
                  for token, label in zip(tokens, labels)]
    out: List[Tuple[str, str]] = []
    start = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or labels[i] != labels[start]:
            out.append((labels[start], s[tokens[start][0]:tokens[i - 1][1]]))
            start = i
    return out


__all__ = ["MODEL_PATH", "available", "known_containers", "lexicon_path", "load_word_lists", "rule_labels", "second_pass_path",
           "segment", "tag", "words_path"]
