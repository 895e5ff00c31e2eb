"""Every bundled style renders every CSL-JSON item of the project's corpora without an
exception (issue 13: a date range crashed APA).

The corpora: ../shared/corpus/real (read by our readers), the oracle items, the seed's
references and the style example sets. APA takes about 30 ms an item, so by default one item
of each shape is rendered (its type, the variables it has, the shape of each date: parts,
ranges, literals); ``CITECONV_EVERY_ITEM=1`` renders all 4,000-odd items (about 4 minutes).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

import converter
from conftest import GOLD, SHARED, need_shared

STYLES = ["apa", "gost", "gost-2008", "references-en"]
DATA = Path(__file__).parent / "data" / "styles"
_SKIP = {"id", "custom", "source", "abstract", "keyword", "note"}


def _date_shape(value: Any) -> str:
    if not isinstance(value, dict):
        return type(value).__name__
    parts = value.get("date-parts") or []
    return "parts" + "/".join(str(len(p)) for p in parts if isinstance(p, list)) + ("-literal" if value.get("literal") or value.get("raw") else "")


def _shape(item: Dict[str, Any]) -> tuple:
    dates = tuple(sorted((k, _date_shape(v)) for k, v in item.items() if isinstance(v, dict) and k not in _SKIP))
    return (str(item.get("type")), frozenset(k for k in item if k not in _SKIP)) + dates


def corpus_items() -> List[Dict[str, Any]]:
    items: List[Dict[str, Any]] = []
    for path in sorted((SHARED / "corpus" / "real").iterdir()):
        if path.suffix in (".bib", ".ris", ".json"):
            items += converter.read_file(str(path)).records
    for name in ("deep-review", "biblatex-examples"):
        items += json.loads((SHARED / "oracle" / "apa" / f"{name}.items.json").read_text("utf-8"))
    items += json.loads((GOLD / "references.csl.json").read_text("utf-8"))
    for path in sorted(DATA.glob("*.json")):
        items += [ex["item"] for ex in json.loads(path.read_text("utf-8"))]
    if os.environ.get("CITECONV_EVERY_ITEM"):
        return items
    one_each: Dict[tuple, Dict[str, Any]] = {}
    for item in items:
        one_each.setdefault(_shape(item), item)
    return list(one_each.values())


@pytest.fixture(scope="module")
def items() -> List[Dict[str, Any]]:
    need_shared()
    found = corpus_items()
    assert len(found) > 300
    assert any(len((i.get("issued") or {}).get("date-parts") or []) == 2 for i in found), "no date range among the items"
    return found


@pytest.mark.parametrize("style", STYLES)
def test_style_renders_every_item(style: str, items: List[Dict[str, Any]]) -> None:
    failures = []
    for item in items:
        try:
            out = converter.write([item], style)
        except Exception as exc:  # the test is that nothing escapes
            failures.append(f"{item.get('id')}: {type(exc).__name__}: {exc}")
            continue
        if not str(out).strip() and not out.diagnostics:
            failures.append(f"{item.get('id')}: no entry and no warning")
    assert not failures, "\n".join(failures[:20])
