"""The page reader on 771 real article pages from many journals and platforms
(tests/data/pages/, SOURCES.md), scored per split by the independent scorer
../shared/tools/score_pages.py against hand-made gold.

The floors are the figures measured when they were last raised, less a small margin: they
catch a regression; the issue's goals (95% dev, 90% held-out) are reported in the README, not
asserted here until they are met."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import converter
from conftest import ROOT, need_shared

PAGES = ROOT / "tests" / "data" / "pages"
# held-out grew from 36 to 61 pages with 15 unseen `nw` pages (first scored at 64.4%) and 10 `nx`
# pages (54.8%); dev from 70 to 120 pages (`nw` 62.2%, `nx` 62.1% when first scored); held-out
# to 101 with 40 fresh `ny` pages (first scored at 62.9%, 61.5% without the line model): 68.1% in all;
# dev to 160 with 40 `nz` pages (first scored at 75.7%, 74.6% without the model): 86.8% in all;
# 40 fresh `og` pages (20 per split, first scored at 67.8% dev, 71.2% held-out) brought dev to 86.7%
# (1597/1841), so its floor is that figure rounded down: new data measured, not a regression
# session 9's rules and line model: dev 87.5% (1611/1841), held-out 70.1% (801/1142)
# 40 fresh `oh` pages (20 per split, first scored at 69.1% dev, 64.7% held-out) and session 10's
# model byline and retrained model: dev 86.7% (1702/1964), held-out 69.9% (882/1261); the dev
# floor is that figure rounded down: new data measured, not a regression; then session 10's rules:
# dev 87.8% (1724/1964), held-out 70.6% (890/1261)
# 40 fresh `oi` pages (20 per split, first scored at 75.0% dev, 73.3% held-out), session 11's rules
# and the model retrained on the 320 development pages: dev 90.0% (1907/2120), held-out 72.9% (1015/1392)
# 40 fresh `ok` development pages (first scored at 73.0%, 184/252) brought dev to 87.4% (2197/2513); the dev
# floor is that figure rounded down: new data measured, not a regression (held-out unchanged, 72.5%)
# Session 12 (journal/number rules, the byline model, both models retrained on 380 dev pages):
# dev 89.5% (2248/2513), held-out 73.6% (1126/1529).
# Session 13: 120 fresh blind pages, `ol` (first seen 81.2%), `om` (66.3%) and `on` (72.7%; 14 of them then held out)
# took dev to 85.8% and held-out to 74.0% before any change.
# Then session 13's rules (numbers, titles, bylines) and both models retrained on the 486 dev pages:
# dev 87.2% (2797/3208), held-out 74.6% (1213/1627; session 12's 231 held-out pages 74.2%); with head.py's
# name+institution split and bylines continued past an affiliation: dev 87.3% (2799).
# Session 14: 40 fresh blind `oo` pages, first seen 74.4%; every third in name order (14) then held out:
# dev 86.4% (2923/3384), held-out 74.9% (1292/1724), so the dev floor drops to 0.86: new data measured.
# Then session 14's rules (pages without a title, abstracts/keywords/language, bylines; the title ranker
# shipped off) and the line model retrained on the 512 dev pages (the byline model stays on 486: retrained
# on 512 it stopped tagging the seed's byline): dev 88.8% (3004/3384), held-out 77.3% (1332/1724).
# Session 15: title and journal candidates with the title ranker on, the other fields' printed forms,
# bylines, the byline model retrained on all 512 dev pages: dev 91.1% (3083/3384), held-out 78.2% (1348/1724).
FLOORS = {"dev": 0.905, "held-out": 0.775}


def _score(split: str, tmp_path: Path) -> dict:
    need_shared()
    out = tmp_path / "scores.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "page_set.py"), "--split", split, "--json", str(out)],
                   check=True, capture_output=True, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))[0]


@pytest.mark.parametrize("split", ["dev", "held-out"])
def test_micro_accuracy_floor(split, tmp_path):
    result = _score(split, tmp_path)
    correct, total = result["scores"]["micro"]
    assert total > 150, "the split lost its gold"
    assert correct / total >= FLOORS[split], f"{split}: {correct}/{total}"


def test_set_is_as_the_issue_asks():
    text = (PAGES / "SOURCES.md").read_text(encoding="utf-8")
    rows = [line.split("|") for line in text.splitlines() if line.startswith("| ") and ("| dev |" in line or "| held-out |" in line)]
    names = {r[1].strip() for r in rows}
    assert len(names) == len(rows) >= 60
    assert all((PAGES / f"{n}.txt").exists() and (PAGES / f"{n}.gold.json").exists() for n in names)
    held_out = [r for r in rows if r[2].strip() == "held-out"]
    assert len(held_out) >= len(rows) // 3 - 1
    languages = [r[6].strip() for r in rows]
    assert sum(lang in ("ru", "uk") for lang in languages) >= len(rows) / 3


@pytest.mark.parametrize("page", sorted(p.stem for p in PAGES.glob("*.txt")))
def test_no_traceback_on_any_page(page):
    """Every page gives a record, or a ConversionError naming the page; never another exception."""
    try:
        result = converter.read_file(PAGES / f"{page}.txt", "page")
    except converter.ConversionError as err:
        assert f"{page}.txt" in str(err)
        return
    assert result.records and result.records[0]["type"]
