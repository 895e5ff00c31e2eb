"""Reference example sets per style (tests/data/styles/<style>.json): each example is a CSL-JSON
item, the exact string a published source prints for it (or the house form where sources
disagree, said in its "note") and where it comes from.

Run as a script to print the per-style figures and every miss:
``python tests/test_style_examples.py [--misses]`` (imports ``converter`` from the path first on
``sys.path``, so ``PYTHONPATH=/work/main`` measures another checkout).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

DATA = Path(__file__).parent / "data" / "styles"
STYLES = ["apa", "gost", "gost-2008"]
# measured on this branch; the goal is 0.95 for every style
FLOORS = {"apa": 0.95, "gost": 0.95, "gost-2008": 0.95}


def load(style: str) -> List[Dict]:
    return json.loads((DATA / f"{style}.json").read_text(encoding="utf-8"))


def render_one(style: str, item: Dict) -> str:
    import converter

    try:
        return str(converter.write([item], style)).strip()
    except Exception as exc:  # a crash is a miss, reported with its message
        return f"<{type(exc).__name__}: {exc}>"


def score(style: str) -> Tuple[int, int, List[Tuple[str, str, str]]]:
    examples = load(style)
    misses = []
    for ex in examples:
        got = render_one(style, ex["item"])
        if got != ex["expected"]:
            misses.append((ex["id"], ex["expected"], got))
    return len(examples) - len(misses), len(examples), misses


@pytest.mark.parametrize("style", STYLES)
def test_example_set_is_well_formed(style: str) -> None:
    examples = load(style)
    assert len(examples) >= 40
    assert len({ex["id"] for ex in examples}) == len(examples)
    for ex in examples:
        assert ex["source"] and ex["expected"] and isinstance(ex["item"], dict), ex["id"]


@pytest.mark.parametrize("style", STYLES)
def test_example_set_matches(style: str) -> None:
    ok, total, misses = score(style)
    print(f"{style}: {ok}/{total}")
    for ident, want, got in misses:
        print(f"  {ident}\n    want {want}\n    got  {got}")
    assert ok / total >= FLOORS[style]


if __name__ == "__main__":
    show = "--misses" in sys.argv
    for name in STYLES:
        ok, total, misses = score(name)
        print(f"{name}: {ok}/{total} = {ok / total:.3f}")
        if show:
            for ident, want, got in misses:
                print(f"  {ident}\n    want {want}\n    got  {got}")
