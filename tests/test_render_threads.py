"""Rendering one style from several threads at once gives the same strings as one thread:
a render keeps its state in its own references (converter/rendering/state.py), never in the
style tree the threads share, and there is no lock to serialise them."""
from __future__ import annotations

import json
import random
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import converter
from converter.rendering import render
from converter.rendering.styles import LoadedStyle, find_style

FIXTURES = Path(__file__).parent / "fixtures" / "csl"


def _items():
    items = []
    for name in ("apa-citations", "gost-types"):
        items += json.loads((FIXTURES / f"{name}.items.json").read_text("utf-8"))
    # a substituted author, a missing date, a page range and an editor-translator
    items += [
        {"id": "w", "type": "webpage", "title": "deepchem/deepchem", "container-title": "GitHub",
         "URL": "https://github.com/deepchem/deepchem", "issued": {"date-parts": [[2017]]}},
        {"id": "n", "type": "book", "title": "Undated & <Odd>"},
        {"id": "p", "type": "article-journal", "title": "T", "container-title": "J", "volume": "1",
         "page": "677-86", "author": [{"family": "Doe", "given": "J."}], "issued": {"date-parts": [[2000]]}},
        {"id": "e", "type": "book", "title": "T", "author": [{"family": "Averroes"}],
         "editor": [{"family": "Hannes", "given": "L."}], "translator": [{"family": "Hannes", "given": "L."}],
         "issued": {"date-parts": [[1892]]}},
    ]
    return items


@pytest.fixture
def fast_switching():
    """Threads switch every microsecond, so that renders interleave inside each entry."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_threads_render_as_one_thread(fast_switching):
    items = _items()
    style = LoadedStyle(find_style("apa"), None)  # fresh: its HTML tree is compiled under load

    def job(task):
        markup, which = task
        chosen = items if which is None else [items[which]]
        out = render(chosen, style, markup=markup, citations=True)
        return out.entries, out.citations

    tasks = [(m, w) for m in ("text", "html") for w in [None, *range(len(items))]]
    alone = {task: job(task) for task in tasks[:1]}  # compile the text tree before the threads
    shuffled = tasks * 3
    random.Random(14).shuffle(shuffled)
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(job, shuffled))
    alone.update({task: job(task) for task in tasks})
    for task, got in zip(shuffled, together):
        assert got == alone[task], task


def test_threads_write_gost_as_one_thread(fast_switching):
    # GOST renders item by item, each with the locale its language asks for
    items = _items()
    one = [str(converter.write([item], "gost")) for item in items]
    with ThreadPoolExecutor(max_workers=6) as pool:
        many = list(pool.map(lambda item: str(converter.write([item], "gost")), items * 3))
    assert many == one * 3
