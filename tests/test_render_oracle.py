"""APA (the style `-t apa` renders, styles/citeconv-apa.csl) through our layer against citeproc-js's own output (oracle/apa/, rendered by citeproc-js
2.4.63 item by item) and the official CSL processor test suite.

The issue's goals are 99% of oracle entries and 650 suite fixtures; the floors here are
what the layer reaches today (measured, never above), so that a regression fails. Figures: see the closing report.
"""
from __future__ import annotations

import json

import pytest

from conftest import SHARED, need_shared
from converter.rendering import load_style, render
from converter.writers.csl import APA_STYLE

# measured: deep-review 298/300 (two citeproc-js double-space quirks), biblatex-examples 46/46
FLOORS = {"deep-review": 298 / 300, "biblatex-examples": 1.0}


@pytest.fixture(scope="module")
def apa():
    return load_style(APA_STYLE)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_apa_matches_citeproc_js(apa, name):
    need_shared()
    items = json.loads((SHARED / "oracle" / "apa" / f"{name}.items.json").read_text("utf-8"))
    expected = json.loads((SHARED / "oracle" / "apa" / f"{name}.citeproc-js.json").read_text("utf-8"))
    text_ok = html_ok = cite_ok = collapsed_ok = 0
    for item, want in zip(items, expected):
        text = render([item], apa, markup="text", citations=True)
        html = render([item], apa, markup="html")
        text_ok += (text.entries or [""])[0] == want["text"]
        collapsed_ok += " ".join((text.entries or [""])[0].split()) == " ".join(want["text"].split())
        html_ok += f'<div class="csl-entry">{(html.entries or [""])[0]}</div>' == want["html"]
        cite_ok += text.citations[0] == want["citation_text"]
    n = len(items)
    print(f"{name}: text {text_ok}/{n}, html {html_ok}/{n}, citations {cite_ok}/{n}")
    assert text_ok / n >= FLOORS[name]
    assert html_ok / n >= FLOORS[name]
    assert cite_ok / n >= 0.99
    # issue 13: the style `-t apa` uses (our APA copy) agrees with citeproc-js on >= 99% of
    # entries once runs of whitespace are collapsed (measured: 300/300 and 46/46)
    assert collapsed_ok / n >= 0.99


def test_csl_suite_floor():
    need_shared()
    from tools.csl_conformance import run_suite

    passed, total = run_suite(str(SHARED / "csl-test-suite" / "humans"))
    assert sum(total.values()) >= 800
    assert sum(passed.values()) >= 706
