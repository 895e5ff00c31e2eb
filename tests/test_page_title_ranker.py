"""The title ranker (converter/readers/page/ranker.py): the rules' score is exactly the weighed sum of
the named cues it learns from, a ranker that only listens to the rules chooses as they do, the shipped
weights name only features the ranker computes, the fit is deterministic and learns what marks the
right candidate, and the reader works with the ranker off (its default since the merge) and on. Pages here are written for the test."""
from __future__ import annotations

import json

import pytest

import converter
from converter.readers.page import ranker, title
from converter.readers.page.title import Candidate

PAGE = """Journal of Invented Studies
Home | Archive | Current issue
Original Article
Measuring the reach of small rivers in mountain valleys
Anna Petrova, Ivan Sidorov
Department of Geography, Example University, Exampleton
Abstract
We measured the reach of forty small rivers in three mountain valleys over ten years and compare them with
the reach predicted by the usual models, which overestimate it in steep valleys by about a third.
For citation: Petrova A., Sidorov I. Measuring the reach of small rivers in mountain valleys. Journal of
Invented Studies. 2020;12(3):45-67.
"""


def _candidates() -> list[Candidate]:
    lines = [(1, "Journal of Invented Studies"), (2, "Home | Archive | Current issue"),
             (4, "Measuring the reach of small rivers in mountain valleys"),
             (6, "Department of Geography, Example University, Exampleton")]
    return [Candidate(i, n, text) for i, (n, text) in enumerate(lines)]


LABELS = {n: {"TITLE": p, "AUTHOR": 0.0, "JOURNAL": 0.0, "O": 1 - p} for n, p in ((1, 0.1), (2, 0.0), (4, 0.9), (6, 0.05))}
CUES: dict = dict(byline_at=[5], abstract_at=7, citation_title=None, journal=None, doi_at=[],
                  page_title="Journal of Invented Studies", cyrillic_page=False, abstract_language="en",
                  model_title={1: 0.1, 2: 0.0, 4: 0.9, 6: 0.05})


def test_the_rules_score_is_the_weighed_sum_of_the_cues():
    candidates, cut = title.expand(_candidates())
    title.score(candidates, cut=cut, **CUES)
    for c, cues in zip(candidates, title.cue_values(candidates, cut=cut, **CUES)):
        assert c.score == pytest.approx(sum(title.RULE_WEIGHTS[k] * v for k, v in cues.items()))
    assert title.choose(_candidates(), **CUES).line == 4


def test_the_ranker_is_on_unless_turned_off(tmp_path, monkeypatch):
    path = tmp_path / "titles.json"
    path.write_text(json.dumps({"features": ["rule_score"], "weights": [1.0], "mean": [0.0], "scale": [1.0]}))
    monkeypatch.setenv("CITECONV_TITLE_RANKER", "0")
    assert ranker.rank(_candidates(), CUES, LABELS, model_path=str(path)) is None
    monkeypatch.delenv("CITECONV_TITLE_RANKER", raising=False)  # (on by default since session 15)
    assert ranker.rank(_candidates(), CUES, LABELS, model_path=str(path))


def test_a_ranker_weighing_only_the_rules_chooses_as_they_do(tmp_path, monkeypatch):
    monkeypatch.setenv("CITECONV_TITLE_RANKER", "1")
    path = tmp_path / "titles.json"
    path.write_text(json.dumps({"features": ["rule_score"], "weights": [1.0], "mean": [0.0], "scale": [1.0]}))
    ranked = ranker.rank(_candidates(), CUES, LABELS, model_path=str(path))
    assert ranked is not None
    assert ranked[0].candidate.text == title.choose(_candidates(), **CUES).text
    assert sum(r.probability for r in ranked) == pytest.approx(1.0)
    assert ranker.rank(_candidates(), CUES, {}, model_path=str(path)) is None  # no line model: the rules


def test_the_citations_title_is_a_candidate_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("CITECONV_TITLE_RANKER", "1")
    path = tmp_path / "titles.json"
    path.write_text(json.dumps({"features": ["from_citation"], "weights": [5.0], "mean": [0.0], "scale": [1.0]}))
    cues = dict(CUES, citation_title="A title only the citation prints")
    ranked = ranker.rank(_candidates(), cues, LABELS, model_path=str(path))
    assert ranked is not None and ranked[0].from_citation


def test_the_shipped_weights_name_only_features_the_ranker_computes():
    weights = ranker.load(ranker.MODEL_PATH)
    assert weights is not None, "the ranker's weights do not ship with the package"
    pool, cut = title.expand(_candidates())
    pool.append(Candidate(-1, ranker.CITATION_LINE, "A title only the citation prints"))
    computed = {k for f in ranker.features(pool, dict(CUES, citation_title=pool[-1].text), cut, {}) for k in f}
    computed |= set(title.RULE_WEIGHTS) | {"run_language_change", "run_case_change", "cites_part", "saved_part",
                                           "other_language", "other_script", "title_case"}
    assert set(weights.names) <= computed
    assert weights.names[weights.weights.index(max(weights.weights))] == "rule_score"  # the rules stay the prior


def test_the_page_reads_with_the_ranker_and_without(monkeypatch):
    monkeypatch.setenv("CITECONV_TITLE_RANKER", "0")
    without = converter.read(PAGE, "page").records[0]
    monkeypatch.delenv("CITECONV_TITLE_RANKER")  # on by default
    with_ranker = converter.read(PAGE, "page").records[0]
    assert with_ranker["title"] == without["title"] == "Measuring the reach of small rivers in mountain valleys"


def test_the_fit_is_deterministic_and_learns_the_mark_of_the_right_row():
    np = pytest.importorskip("numpy")
    from tools.pagemodel.titles import Table, fit

    rng = np.random.default_rng(0)
    rows, page, good = [], [], []
    for p in range(60):
        right = p % 4
        for i in range(4):
            rows.append([float(i == right), rng.normal(), float(i == 0)])
            page.append(p)
            good.append(i == right)
    t = Table(["mark", "noise", "first"], np.array(rows), np.array(page), np.array(good), [str(p) for p in range(60)])
    a, b = fit(t, 1.0), fit(t, 1.0)
    assert a == b
    weights = dict(zip(a["features"], a["weights"]))
    assert weights["mark"] > 1.0 and abs(weights["noise"]) < weights["mark"] / 4
