"""The page reader's learned line model (converter/readers/page/line_model.py): it ships, it
points at the lines the hand-made gold names, the rules work alone without it, and it is safe
to call from several threads."""
from __future__ import annotations

import threading

import pytest

import converter
from conftest import EXAMPLE_SEED, ROOT, SHARED, load_json, need_shared
from converter.readers.page import line_model
from converter.readers.page.line_features import page_lines

PAGES = ROOT / "tests" / "data" / "pages"
# a development page: no labelled journal line (session 15 moved it from nz-cyberleninka-org-procedia-sadeghi-2014, whose
# running head under its abstract the rules now read: `pagefix2`, reader._issue_line_after_abstract)
MODEL_ONLY_JOURNAL = "nz-nbpublish-tpe-gudov-32625"
MODEL_ONLY_BYLINE = "og-yumpu-jappl-ecol-2010-47-1-memmott"  # a development page: a byline in HTML residue, wrapped


def _seed_text() -> str:
    return EXAMPLE_SEED.read_text(encoding="utf-8")


def test_the_model_ships_with_the_package():
    assert line_model.load_tagger(line_model.MODEL_PATH) is not None
    labels = line_model.line_labels(_seed_text())
    assert labels, "the shipped model labelled no line"
    for probabilities in labels.values():
        assert set(probabilities) == set(line_model.LABELS)
        assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-6)


def test_the_seed_title_is_on_the_models_surest_title_line():
    # the seed prints no title line of its own: its first line is "authors. Title"
    need_shared()
    gold = load_json(SHARED / "gold" / "seed" / "article.csl.json")["title"]
    labels = line_model.line_labels(_seed_text())
    text = dict(page_lines(_seed_text()))
    surest = max(labels, key=lambda n: labels[n]["TITLE"])
    assert text[surest].strip().endswith(gold)


def test_without_the_model_the_rules_read_alone(monkeypatch):
    need_shared()
    gold = load_json(SHARED / "gold" / "seed" / "article.csl.json")
    monkeypatch.setenv("CITECONV_NO_PAGEMODEL", "1")
    assert line_model.line_labels(_seed_text()) == {}
    item = converter.read_file(EXAMPLE_SEED).records[0]
    assert item["title"] == gold["title"]
    assert [a["family"] for a in item["author"]] == [a["family"] for a in gold["author"]]


def test_a_journal_name_only_the_model_finds_is_kept_with_a_warning(monkeypatch):
    text = (PAGES / f"{MODEL_ONLY_JOURNAL}.txt").read_text(encoding="utf-8")
    gold = load_json(PAGES / f"{MODEL_ONLY_JOURNAL}.gold.json")["container-title"]
    with_model = converter.read(text, "page", source=MODEL_ONLY_JOURNAL)
    assert with_model.records[0]["container-title"] == gold
    assert any(d.field == "container-title" and "line model" in d.message for d in with_model.diagnostics)
    monkeypatch.setenv("CITECONV_NO_PAGEMODEL", "1")
    # without the model no rule reads this page's journal line (the layout's candidates included)
    assert "container-title" not in converter.read(text, "page", source=MODEL_ONLY_JOURNAL).records[0]


def test_a_byline_only_the_model_finds_is_read_with_its_wrapped_line_and_a_warning(monkeypatch):
    # the title as the rules choose it (the title ranker, turned off here, took the page's third copy of
    # its saved title in session 14, and the rules' byline under a title then reads the 'SHOW MORE' button two
    # lines below it as a name ('Show More', bylines.py), so the line model's byline is never asked for)
    monkeypatch.setenv("CITECONV_TITLE_RANKER", "0")
    text = (PAGES / f"{MODEL_ONLY_BYLINE}.txt").read_text(encoding="utf-8")
    gold = load_json(PAGES / f"{MODEL_ONLY_BYLINE}.gold.json")["author"]
    with_model = converter.read(text, "page", source=MODEL_ONLY_BYLINE)
    assert with_model.records[0]["author"] == gold  # 'Jane Memmott 1 *, ... and<br />' + 'Mark J. Whittingham 6<br />'
    assert any(d.field == "author" and "line model" in d.message for d in with_model.diagnostics)
    monkeypatch.setenv("CITECONV_NO_PAGEMODEL", "1")
    assert "author" not in converter.read(text, "page", source=MODEL_ONLY_BYLINE).records[0]


def test_threads_get_the_labels_of_their_own_page():
    pages = [_seed_text(), (PAGES / f"{MODEL_ONLY_JOURNAL}.txt").read_text(encoding="utf-8")]
    expected = [line_model.line_labels(p) for p in pages]
    results: list = [None] * 8
    errors: list = []

    def label(i: int) -> None:
        try:
            for _ in range(5):
                got = line_model.line_labels(pages[i % 2])
                assert got == expected[i % 2]
            results[i] = True
        except AssertionError as exc:  # reported below: a thread's failure does not fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=label, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and all(results)
