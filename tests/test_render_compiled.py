"""The short ways our element classes render by (cs:text, cs:group, cs:macro, a cs:choose's
branch: elements/text.py and elements/group.py; their closures, elements/compiler.py) give
what the long way through citeproc-py's methods gives, on a synthetic corpus in APA and GOST,
as text and HTML, entries and cites."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SHARED, need_shared
from converter.rendering import load_style, render
from converter.rendering.elements import compiler, group, text


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    need_shared()
    prefix = tmp_path_factory.mktemp("corpus") / "syn"
    subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), "300", str(prefix)],
                   check=True, timeout=120)
    return json.loads(prefix.with_suffix(".json").read_text(encoding="utf-8"))


def _long_way(monkeypatch):
    """Every cs:text and cs:group renders through citeproc-py's chain, every element through
    its ``render`` (fresh styles: the plans and closures are kept on the elements of a
    compiled style)."""
    monkeypatch.setattr(text, "_text_plan", lambda element: False)
    monkeypatch.setattr(group, "_group_plan", lambda element: False)
    monkeypatch.setattr(compiler, "ENABLED", False)


@pytest.mark.parametrize("style_name", ["citeconv-apa", "citeconv-gost-2018"])
@pytest.mark.parametrize("markup", ["text", "html"])
def test_short_ways_render_as_the_long_way(corpus, style_name, markup, monkeypatch):
    from converter.rendering import styles

    short = render(corpus, styles.LoadedStyle(styles.find_style(style_name), None),
                   markup=markup, citations=True)
    with monkeypatch.context() as patched:
        _long_way(patched)
        long_style = styles.LoadedStyle(styles.find_style(style_name), None)
        long = render(corpus, long_style, markup=markup, citations=True)
    went_long = [e.__dict__.get("_text_plan") for e in long_style.compiled(markup).elements]
    assert False in went_long and not any(went_long)  # the long way was taken
    assert short == long
    assert len(short.entries) == len(corpus)


def test_plans_are_made_once_per_element():
    style = load_style("citeconv-apa").compiled("text")
    item = {"id": "a", "type": "article-journal", "title": "T", "container-title": "J",
            "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2001]]}}
    render([item], load_style("citeconv-apa"))
    planned = [e for e in style.elements if "_text_plan" in e.__dict__ or "_group_plan" in e.__dict__]
    assert planned
    kept = {id(e): (e.__dict__.get("_text_plan"), e.__dict__.get("_group_plan")) for e in planned}
    render([item], load_style("citeconv-apa"))
    assert all(kept[id(e)][0] is e.__dict__.get("_text_plan") and kept[id(e)][1] is e.__dict__.get("_group_plan")
               for e in planned)


@pytest.mark.parametrize("style_name", ["citeconv-apa", "citeconv-gost-2018"])
def test_closures_render_as_the_walk(corpus, style_name, monkeypatch):
    """The closures alone (the plans kept) against every element through its ``render``."""
    from converter.rendering import styles

    compiled = render(corpus, styles.LoadedStyle(styles.find_style(style_name), None), citations=True)
    with monkeypatch.context() as patched:
        patched.setattr(compiler, "ENABLED", False)
        walked_style = styles.LoadedStyle(styles.find_style(style_name), None)
        walked = render(corpus, walked_style, citations=True)
    kinds = {type(e.__dict__["_fn"]).__name__ for e in walked_style.compiled("text").elements if "_fn" in e.__dict__}
    assert kinds == {"function"}
    names = {e.__dict__["_fn"].__name__ for e in walked_style.compiled("text").elements if "_fn" in e.__dict__}
    assert names <= {"walk", "walk_choose"}  # every element walked
    assert compiled == walked


def test_term_texts_are_kept_per_output_format():
    from citeproc import model

    from converter.rendering import styles
    from converter.rendering.markup import HTML

    compiled = styles.LoadedStyle(styles.find_style("citeconv-apa"), None).compiled("text")
    terms = [t for locale in compiled.root.locales for t in locale.iter() if isinstance(t, model.Term)]
    assert terms
    for term in terms:  # as citeproc-py reads them, and kept
        assert term.single == model.Term.single.fget(term) and term.single is term.single
        assert term.multiple == model.Term.multiple.fget(term)
    saved = compiled.root.formatter
    try:
        compiled.root.formatter = HTML  # another output format: read again for it
        term = compiled.root.get_term("and")
        term.__dict__["_single"] = (saved, "stale")
        assert term.single == model.Term.single.fget(term) == "and"
    finally:
        compiled.root.formatter = saved
