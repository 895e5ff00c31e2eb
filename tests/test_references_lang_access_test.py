"""The blind test set of issue 16, scored with ../shared/tools/score_refs.py.

tests/fixtures/references/lang-access-test.json holds 191 reference strings (Russian, Ukrainian,
English, German, French, Portuguese, Spanish, Polish, Kazakh, Bulgarian) labelled without sight of
the parser; see its .md for how it was built.

THIS IS A TEST SET. Do not use its strings or its errors to design rules, features, word lists or
training data; new rules need dev strings elsewhere (lang-access-dev.json, gost-dev.json, refdata's
DEV bucket). It was scored twice: before the issue's work (language F1 0.051, accessed 0.584,
publisher 0.777, publisher-place 0.818), after it (0.946, 0.932, 0.830, 0.895), after
item 4's host rules and retrained model (0.941, 0.932, 0.798, 0.905) and after session 7's language
rules (0.963, 0.932, 0.816, 0.922; docs/issue-16-figures.md).
"""
from __future__ import annotations

import pytest

from conftest import ROOT, load_json, need_shared
from converter.references import parse_reference

TEST_SET = ROOT / "tests" / "fixtures" / "references" / "lang-access-test.json"
# measured at the end of issue 16; floors about 2-3 points below, so a regression fails and noise does not
FLOORS = {"language": 0.92, "accessed": 0.90}


def _scorer():
    from conftest import load_shared_tool
    return load_shared_tool("score_refs")


@pytest.fixture(scope="module")
def scores() -> dict:
    need_shared()
    cases = load_json(TEST_SET)
    assert len(cases) == 191
    res = _scorer().evaluate([c["gold"] for c in cases], [parse_reference(c["text"])[0] for c in cases],
                             fields=sorted(FLOORS))
    return {field: row["f1"] for field, row in res["fields"].items()}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_meets_its_floor(scores: dict, field: str) -> None:
    assert scores[field] >= FLOORS[field], scores
