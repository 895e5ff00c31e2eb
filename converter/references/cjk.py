"""Korean, Chinese and Japanese marks of a journal's numbers: '제26권 2호', '17권 3호', '권2',
'제 27집' (a numbered collection: the volume), '第22巻第3号', '2012. 第2期', '總第221期' (the issue
counted from the first). The rules read them in a reference's running text; the segments a model
labelled are read with them too.
"""
from __future__ import annotations

import re
from typing import Tuple

VOLUME_MARKS = "권집卷巻"
ISSUE_MARKS = "호期号號"
# '輯' (a numbered collection) is read in a labelled segment only
MARKS = frozenset(VOLUME_MARKS + ISSUE_MARKS)

# in running text: 권 alone is also a family name, so it counts only beside a number; a Hangul
# syllable right after the mark makes another word ('2호선')
_VOLUME_IN_TEXT = re.compile(rf"(?:제\s*|第\s*)?(?<![\d.])(\d{{1,4}})\s*[{VOLUME_MARKS}](?![\uac00-\ud7af])"
                             r"|(?<![\w])권\s*(\d{1,4})(?!\d)")
_ISSUE_IN_TEXT = re.compile(rf"(?:제\s*|第\s*)?(?<![\d.])(\d{{1,4}}(?:[.\-]\d{{1,4}})?)\s*[{ISSUE_MARKS}]"
                            r"(?![\uac00-\ud7af])")

# a segment's parts, each a number with its mark and nothing else
_SEGMENT_VOLUME = re.compile(rf"^(?:제|第)?\s*(\d+)\s*[{VOLUME_MARKS}輯]$")
_SEGMENT_ISSUE = re.compile(rf"^(?:제|第|總第|总第)?\s*(\d+)\s*[{ISSUE_MARKS}]$")
_SEGMENT_MARKS = frozenset(VOLUME_MARKS + ISSUE_MARKS + "輯")


def number_in_text(text: str, key: str) -> Tuple[str, int, int] | None:
    """The first volume (``key`` 'volume') or issue ('issue') a mark gives in running text:
    (number, start, end of the match), or None."""
    m = (_VOLUME_IN_TEXT if key == "volume" else _ISSUE_IN_TEXT).search(text)
    if not m:
        return None
    return m.group(1) or m.group(2), m.start(), m.end()


def segment_numbers(t: str) -> Tuple[str | None, str | None] | None:
    """(volume, issue) from a segment made only of CJK number words, or None when it is not."""
    vol = iss = None
    if _SEGMENT_MARKS.isdisjoint(t):
        return None  # every part must end with one of these
    t = re.sub(r"(제|第)\s+(?=\d)", r"\1", t)
    for part in re.split(r"[,，、\s]+(?=[제第總总\d])", t):
        part = part.strip(" ,.，")
        m = _SEGMENT_VOLUME.match(part)
        if m:
            vol = m.group(1)
            continue
        m = _SEGMENT_ISSUE.match(part)
        if m:
            iss = m.group(1)
            continue
        return None
    return (vol, iss) if vol or iss else None


__all__ = ["ISSUE_MARKS", "MARKS", "VOLUME_MARKS", "number_in_text", "segment_numbers"]
