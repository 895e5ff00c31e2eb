"""Each of our overrides of citeproc-py (converter/rendering/elements/) shows in a fixture of
the official CSL test suite that fails without it (found by switching the override off), and
each override's docstring names the CSL rule and a test that shows it."""
from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from conftest import SHARED, need_shared
from converter.rendering.elements import OVERRIDES
from tools.csl_conformance import parse_fixture, run_fixture

TESTS = Path(__file__).parent

# suite fixture -> the override it needs
SUITE_CASES = {
    "bugreports_DoubleEncodedAngleBraces": "AffixMixin: affixes are escaped for HTML",
    "flipflop_NumericField": "NumberEscapeMixin: number pieces are escaped as they are formatted",
    "label_PluralNumberOfVolumes": "Label: number-of-volumes is read from the reference",
    "fullstyles_ABdNT": "Text: a numeric range in a number variable takes an en dash",
    "label_PluralWithAmpersand": "Text: the locator is escaped like any data",
}


@pytest.mark.parametrize("name", sorted(SUITE_CASES), ids=sorted(SUITE_CASES))
def test_override_fixture(name):
    need_shared()
    fx = parse_fixture((SHARED / "csl-test-suite" / "humans" / f"{name}.txt").read_text("utf-8"))
    assert run_fixture(fx).strip() == fx["RESULT"].strip(), SUITE_CASES[name]


_TEST_REF = re.compile(r"Test: (test_\w+\.py)::(\w+)(?:\[([^\]]+)\])?")


def _ours(cls):
    return [c for c in cls.__mro__ if c.__module__.startswith("converter.rendering.elements")]


@pytest.mark.parametrize("name", sorted(OVERRIDES))
def test_every_override_says_why_and_names_its_test(name):
    for cls in _ours(OVERRIDES[name]):
        own = [m for m, v in vars(cls).items() if inspect.isfunction(v) and not m.startswith("__")]
        doc = inspect.getdoc(cls) or ""
        if not own:
            continue  # only combines mixins, which say why themselves
        if doc.startswith("Macros by name"):
            continue  # a look-up table for speed: the result is citeproc-py's
        refs = _TEST_REF.findall(doc)
        assert refs, f"{cls.__name__}: no 'Test: file::name' in its docstring"
        assert "CSL" in doc or "citeproc-js" in doc, f"{cls.__name__}: no CSL rule named"
        for file, test, param in refs:
            text = (TESTS / file).read_text("utf-8")
            assert f"def {test}(" in text, f"{cls.__name__}: {file}::{test} does not exist"
            if param:
                assert f'"{param}"' in text, f"{cls.__name__}: {file}::{test}[{param}] is not a case"


def test_date_part_overrides_stay_with_their_date():
    # CSL "Localized Date Formats": the first date shortens the month, the second does not;
    # citeproc-py's override would leak from the first date into the second (en-US "text"
    # date: month day, year)
    from converter.rendering import load_style_text, render

    style = load_style_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id>t</id><title>t</title><updated>2020-01-01T00:00:00+00:00</updated></info>
      <citation><layout><text variable="title"/></layout></citation>
      <bibliography><layout><group delimiter="; ">
        <date variable="issued" form="text"><date-part name="month" form="short"/></date>
        <date variable="accessed" form="text"/>
      </group></layout></bibliography>
    </style>""")
    item = {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2020, 1, 5]]},
            "accessed": {"date-parts": [[2021, 2, 6]]}}
    assert render([item], style).entries == ["Jan. 5, 2020; February 6, 2021"]
    assert render([item], style).entries == ["Jan. 5, 2020; February 6, 2021"]
