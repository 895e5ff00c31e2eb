"""Korean, Chinese and Japanese number marks (converter/references/cjk.py): one home for the
patterns the rules read in running text and the segments a model labelled."""
from __future__ import annotations

import pytest

from converter.references import assemble, cjk, rules


@pytest.mark.parametrize("text, key, want", [
    ("학회지, 제26권 2호, 45-60", "volume", "26"),
    ("학회지, 제26권 2호, 45-60", "issue", "2"),
    ("第22巻第3号", "volume", "22"),
    ("2012. 第2期", "issue", "2"),
    ("권2, pp. 1-9", "volume", "2"),          # the mark before its number
    ("17권 3.4호", "issue", "3.4"),
    ("김권 외", "volume", None),               # 권 in a name: no number beside it
    ("서울 2호선 연구", "issue", None),        # a Hangul syllable after the mark: another word
])
def test_numbers_in_running_text(text, key, want):
    hit = cjk.number_in_text(text, key)
    assert (hit[0] if hit else None) == want
    if hit:
        assert want in text[hit[1]:hit[2]]


@pytest.mark.parametrize("segment, want", [
    ("제21권, 제3호", ("21", "3")),
    ("17권 3호", ("17", "3")),
    ("總第221期", (None, "221")),
    ("第 5 輯", ("5", None)),                  # a numbered collection, in a segment only
    ("Vol. 5", None),
    ("17권 abc", None),                        # every part must be a marked number
])
def test_numbers_of_a_segment(segment, want):
    assert cjk.segment_numbers(segment) == want


def test_the_patterns_live_in_one_module():
    for module in (rules, assemble):
        assert not [name for name in vars(module) if name.startswith("_CJK_")], module.__name__
