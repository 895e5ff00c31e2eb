"""A learned ranker over the title's candidates: the rules' own cues (title.RULE_WEIGHTS) and a few
more, as numbers, weighed by a linear model trained on the development pages' gold titles
(``python -m tools.pagemodel.titles``; its weights in ``model/titles.json``).

Each candidate (a loose head line, a wrapped run of two to four lines, a line's leading capitals,
and the title the page's own citation line prints) gets a score: the rules' score times a learned
factor, plus learned weights on its cues. The weights are pulled towards zero in training, so
where the cues do not clearly say otherwise the rules' choice stands. The features describe what
any page shows (where the line stands against the byline, the abstract and the DOI; its case,
length and punctuation; the line model's probabilities; how far it agrees with the citation's
title and the saved page title), never a site's name or words.

ON BY DEFAULT since session 15 (`titlecand`; CITECONV_TITLE_RANKER=0 turns it off). Session 14 shipped
it off: cross-validated on the dev pages it read 8 more of 3,208 fields than the rules, but on the held-out
split 2 fewer (1213 -> 1211). Retrained in session 15 on the wider pool (title.parts: a line's parts;
capitals wrapped over blank lines), it read 3 more fields than the rules 5-fold (2997 / 2994 of 3384),
7 more on the dev pages in-sample (3035 / 3028) and 4 more on the held-out split (1339 / 1335 of 1724;
titles 190 / 186), the test the issue and the brief set for a learned part. Without the weights file
or the line model (CITECONV_NO_PAGEMODEL) the rules choose alone either way."""
from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Sequence, Tuple

from ...vocabulary.languages import guess_language, is_cyrillic
from .bylines import parse_byline_marked
from .head import looks_affiliation
from .people import fold
from .title import RULE_WEIGHTS, Candidate, cue_values, expand

MODEL_PATH = os.path.join(os.path.dirname(__file__), "model", "titles.json")
CITATION_LINE = 0  # the citation's title stands on no line of its own


@dataclass
class Ranked:
    candidate: Candidate
    probability: float
    from_citation: bool


def _word_set(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[^\W_]{3,}", text)}


def _overlap(a: str, b: str | None) -> float:
    """The share of the shorter text's words (3 letters or more) that the other prints too."""
    if not b:
        return 0.0
    wa, wb = _word_set(a), _word_set(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def features(candidates: Sequence[Candidate], cues: Dict[str, object], cut: Sequence[Candidate] = (),
             line_labels: Dict[int, Dict[str, float]] | None = None) -> List[Dict[str, float]]:
    """Each candidate's features by name; the last candidate may be the citation's title
    (line CITATION_LINE), which gets only the features of its text."""
    head = [c for c in candidates if c.line != CITATION_LINE]
    found = cue_values(head, cut=cut, **cues)  # type: ignore[arg-type]
    citation_title = cues.get("citation_title")
    page_title = cues.get("page_title")
    abstract_language = cues.get("abstract_language")
    cyrillic_page = cues.get("cyrillic_page")
    labels = line_labels or {}
    rule_scores = [sum(RULE_WEIGHTS[k] * v for k, v in f.items() if k in RULE_WEIGHTS) for f in found]
    top_rule = max(rule_scores, default=0.0)
    model_best = max((f.get("model", 0.0) for f in found), default=0.0)
    out: List[Dict[str, float]] = []
    for c in candidates:
        if c.line == CITATION_LINE:
            f: Dict[str, float] = {"from_citation": 1.0}
        else:
            i = len(out)
            f = dict(found[i])
            f["rule_score"] = rule_scores[i] / 10
            f["rule_top"] = float(rule_scores[i] == top_rule)
            f["rule_gap"] = max(rule_scores[i] - top_rule, -20) / 10
            end = max(c.line, c.last_line)
            spanned = [labels.get(n, {}) for n in range(c.line, end + 1)]
            f["model_author"] = max((p.get("AUTHOR", 0.0) for p in spanned), default=0.0)
            f["model_journal"] = max((p.get("JOURNAL", 0.0) for p in spanned), default=0.0)
            f["model_top"] = float(model_best > 0 and f.get("model", 0.0) == model_best)
            f["lines"] = float(end - c.line)
            f["index"] = min(c.index, 30) / 10
            if citation_title and not f.get("cites"):
                f["cites_part"] = _overlap(c.text, str(citation_title))
            if end > c.line:  # a run of lines: does it change language or case on the way?
                parts = [o.text for o in head if o.line in (c.line, end) and o.last_line == 0]
                if len(parts) == 2:
                    languages = [guess_language(p) for p in parts]
                    f["run_language_change"] = float(None not in languages and languages[0] != languages[1])
                    f["run_case_change"] = float(parts[0].isupper() != parts[1].isupper())
        text = c.text
        words = text.split()
        letters = [ch for ch in text if ch.isalpha()]
        f["chars_log"] = math.log1p(len(text)) / 5
        f["capitals"] = float(len(letters) >= 3 and all(ch.isupper() for ch in letters))
        capital_words = [w for w in words if w[:1].isalpha()]
        if capital_words:
            f["title_case"] = sum(w[:1].isupper() for w in capital_words) / len(capital_words)
        f["ends_stop"] = float(text.rstrip()[-1:] == ".")  # a sentence's end ("!" and "?" end titles too)
        f["has_colon"] = float(":" in text.rstrip(":"))
        f["digits"] = min(sum(ch.isdigit() for ch in text) / max(len(text), 1) * 10, 1.0)
        f["commas"] = min(text.count(","), 5) / 5
        f["brackets"] = float(bool(re.search(r"[()\[\]]", text)))
        if len(text) < 300:
            f["affiliation"] = float(looks_affiliation(text))
            f["names"] = float(bool(parse_byline_marked(text)))
        if page_title and c.line != 1:
            f["saved_part"] = _overlap(text, str(page_title))
        if abstract_language and len(words) >= 4:
            language = guess_language(text)
            f["other_language"] = float(language is not None and language != abstract_language)
        if cyrillic_page is not None:
            f["other_script"] = float(is_cyrillic(text) != cyrillic_page)
        out.append(f)
    return out


@dataclass
class Weights:
    names: List[str]
    weights: List[float]
    mean: List[float]
    scale: List[float]

    def score(self, f: Dict[str, float]) -> float:
        return sum(w * (f.get(n, 0.0) - m) / s for n, w, m, s in zip(self.names, self.weights, self.mean, self.scale))


@lru_cache(maxsize=4)
def load(path: str) -> Weights | None:
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return Weights(data["features"], data["weights"], data["mean"], data["scale"])


def plausible(candidates: Sequence[Candidate], cues: Dict[str, object],
              line_labels: Dict[int, Dict[str, float]] | None = None) -> Tuple[List[Candidate], List[Dict[str, float]]]:
    """The ranker's pool and its features: every candidate (title.expand) the rules score above 0
    (what they would never take stays out: a menu, a counter, an e-mail), and the citation's title."""
    pool, cut = expand(list(candidates))
    cited = cues.get("citation_title")
    if cited:
        pool.append(Candidate(-1, CITATION_LINE, str(cited)))
    found = features(pool, cues, cut, line_labels)
    kept = [i for i, f in enumerate(found) if f.get("from_citation") or f["rule_score"] > 0]
    return [pool[i] for i in kept], [found[i] for i in kept]


def enabled() -> bool:
    """On unless CITECONV_TITLE_RANKER is set to 0 (or 'off', 'false', 'no', empty)."""
    return os.environ.get("CITECONV_TITLE_RANKER", "1").strip().lower() not in ("0", "off", "false", "no", "")


def rank(candidates: Sequence[Candidate], cues: Dict[str, object],
         line_labels: Dict[int, Dict[str, float]] | None = None,
         model_path: str | None = None) -> List[Ranked] | None:
    """The plausible candidates with the ranker's probability that each is the title, surest first
    (empty: none is plausible); None without its weights or without the line model's labels."""
    if not enabled() or not line_labels:
        return None  # (it was trained with the line model's probabilities: without them, the rules)
    weights = load(model_path or MODEL_PATH)
    if weights is None or not candidates:
        return None
    pool, found = plausible(candidates, cues, line_labels)
    if not pool:
        return []
    scores = [weights.score(f) for f in found]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    ranked = [Ranked(c, e / total, c.line == CITATION_LINE) for c, e in zip(pool, exp)]
    return sorted(ranked, key=lambda r: (-r.probability, r.candidate.index))
