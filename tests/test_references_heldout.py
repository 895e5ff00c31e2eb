"""The shipped CRF on refdata strings it never saw, scored by ../shared/tools/score_refs.py.

The split is the one documented in converter/references/refdata.py (1 string in 10 by hash;
every Cyrillic GOST-like string). The floors below are the measured figures rounded down
(0.903 and 0.865 with the model retrained after the session-2 review, 2026-11-28), so a regression
fails; the issue's targets (0.95 / 0.90) are not met yet and are reported, not asserted.
"""
from __future__ import annotations

import importlib.util

import pytest

from conftest import SHARED, need_shared
from converter.references import crf as model
from converter.references import parse_reference
from tools.refmodel.refdata import is_held_out, load_all, split
from tools.refmodel.train import SCORED, gold_item

HELD_OUT_FLOOR = 0.90
GOST_FLOOR = 0.85


@pytest.fixture(scope="module")
def data():
    need_shared()
    refs = load_all(str(SHARED / "refdata"))
    return refs, split(refs)


def _score(refs):
    spec = importlib.util.spec_from_file_location("score_refs", SHARED / "tools" / "score_refs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    gold = [gold_item(r) for r in refs]
    pred = [{k: v for k, v in parse_reference(r.text)[0].items() if k in SCORED} for r in refs]
    return mod.evaluate(gold, pred, fields=SCORED)


def test_model_is_shipped():
    assert model.available(), "converter/references/model/refs.crfsuite is missing"


def test_split_is_disjoint_and_stable(data):
    refs, (train, held_out, gost) = data
    train_keys = {" ".join(r.text.lower().split()) for r in train}
    assert not train_keys & {" ".join(r.text.lower().split()) for r in held_out + gost}
    assert all(is_held_out(r.text) for r in held_out)
    assert 1500 < len(held_out) < 2500 and len(gost) > 50


def test_held_out_micro_f1(data):
    _, (_, held_out, _) = data
    res = _score(held_out)
    assert res["micro"]["f1"] >= HELD_OUT_FLOOR, res["micro"]


def test_cyrillic_gost_held_out_micro_f1(data):
    _, (_, _, gost) = data
    res = _score(gost)
    assert res["micro"]["f1"] >= GOST_FLOOR, res["micro"]


def test_no_refdata_string_crashes_the_parser(data):
    refs, _ = data
    for ref in refs:
        item, _ = parse_reference(ref.text)
        assert item["source"] == ref.text
