"""Reference lists as text -> one string per reference.

A numbered list ("1. ...", "[1] ...", "1) ...") starts a reference at each number that
follows the previous one; other lines continue the current reference (wrapped lines).
A list without numbers is read by its layout:
  * hanging indents (a reference's first line flush, the lines it wraps onto indented) or
    first-line indents (the other way round): the indentation says where references start;
  * paragraphs parted by blank lines, one at least wrapped mid-sentence: a paragraph is a reference (unless
    a line in it starts like a reference after a finished line);
  * flush lines: a blank line always ends a reference; a line continues the one before when
    that one is unfinished (no full stop, bracket, digit or link at its end) and it does not
    start like a reference (a family name with initials, 'Family, Given'), or when it starts
    with a lower-case letter, '//', a dash or 'In:'.
Lines joined keep one space between them; a hyphen a line break left inside a word is undone.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from ..vocabulary.text import undo_line_hyphens

_NUMBER = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)](?!\d)|\((\d{1,4})\))\s+(?=\S)")


def list_number(line: str) -> Tuple[str | None, int]:
    """(the list number a line starts with, where the text after it starts), or (None, 0)."""
    m = _NUMBER.match(line)
    if not m:
        return None, 0
    return next(g for g in m.groups() if g), m.end()


def _list_number(line: str, previous: str | None = None) -> Tuple[str | None, int]:
    """list_number, but a year a wrapped line starts with ('2023. Т. 15') is no list number,
    unless it is the one after ``previous`` (a list of more than 1,499 references goes on)."""
    no, cut = list_number(line)
    if no is not None and len(no) == 4 and 1500 <= int(no) <= 2099:
        if previous is None or int(no) != int(previous) + 1:
            return None, 0
    return no, cut


def split_reference_list(text: str) -> List[Tuple[str | None, str, int]]:
    """(number or None, reference text, 0-based line offset of its first line), in order."""
    lines = text.splitlines()
    numbered = [i for i, ln in enumerate(lines) if _list_number(ln)[0] is not None]
    out: List[Tuple[str | None, str, int]] = []
    if not numbered:
        return _unnumbered(lines)
    current: List[str] = []
    current_no: str | None = None
    start = 0

    def flush() -> None:
        if current:
            body = undo_line_hyphens("\n".join(current))
            out.append((current_no, " ".join(body.split()), start))

    for i, ln in enumerate(lines):
        no, cut = _list_number(ln, current_no)
        expected = current_no is None or (no is not None and int(no) == int(current_no) + 1)
        if no is not None and (expected or not current):
            flush()
            current, current_no, start = [ln[cut:].strip()], no, i
        elif ln.strip():
            if current:
                current.append(ln.strip())
            else:  # text before the first number: a reference of its own
                current, current_no, start = [ln.strip()], None, i
        elif current and current_no is None:
            flush()
            current = []
    flush()
    return out


_UPPER = "A-ZА-ЯЁІЇЄҐÀ-ÖØ-Þ"
# how a reference starts: 'Smith J.', 'Smith, J.', 'van Dijk, T. A.', 'Smith, John', 'J. Smith', 'Тарасова А.С.'
_STARTS_LIKE_A_REFERENCE = re.compile(
    rf"^(?:(?:[a-z]{{1,3}}\s+)?[{_UPPER}][\w'’\-]+(?:\s+[{_UPPER}][\w'’\-]+)?,?\s+[{_UPPER}]\.?(?:\s?[{_UPPER}]\.)*[\s,]"
    rf"|[{_UPPER}][\w'’\-]+,\s+[{_UPPER}][a-zа-яё]+"
    rf"|[{_UPPER}]\.\s?(?:[{_UPPER}]\.\s?)?[{_UPPER}][\w'’\-]+[,.]"
    rf"|[{_UPPER}]{{2,}}[\s,])")
_FINISHED = re.compile(r"(?:[.)\]»”\"]|\d|https?://\S+|\b10\.\d{4,9}/\S+)\s*$")
_CONTINUES = re.compile(r"^(?:[a-zа-яёіїєґ]|//|[–—-]\s|In:|В:|У:|\(|pp?\.|С\.\s)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _wrapped(previous: str, text: str) -> bool:
    """Whether a line break between two lines is certainly inside one reference."""
    return not _FINISHED.search(previous) or bool(_CONTINUES.match(text)) and not _STARTS_LIKE_A_REFERENCE.match(text)


def _unnumbered(lines: List[str]) -> List[Tuple[str | None, str, int]]:
    indents = sorted({_indent(ln) for ln in lines if ln.strip()})
    first = next((ln for ln in lines if ln.strip()), "")
    starts_at = None
    if len(indents) == 2:
        # hanging indents start references at the lower level; first-line indents at the higher
        starts_at = indents[0] if _indent(first) == indents[0] else indents[1]
        if sum(1 for ln in lines if ln.strip() and _indent(ln) == starts_at) < 2:
            starts_at = None  # one reference indented differently is no layout
    # paragraphs: references parted by blank lines, one of them at least wrapped onto two lines
    blocks = [b.strip().splitlines() for b in re.split(r"\n[ \t]*\n", "\n".join(lines).strip("\n"))]
    paragraphs = len(blocks) >= 2 and any(_wrapped(a.strip(), b.strip()) for block in blocks
                                          for a, b in zip(block, block[1:]))
    groups: List[Tuple[int, List[str]]] = []
    previous = ""
    for i, ln in enumerate(lines):
        if not ln.strip():
            previous = ""
            continue
        text = ln.strip()
        starts = bool(_STARTS_LIKE_A_REFERENCE.match(text))
        continues = bool(_CONTINUES.match(text)) and not starts  # 'van Dijk, T. A.' starts one
        if starts_at is not None:
            new = _indent(ln) == starts_at or not groups
        elif paragraphs:
            # inside a paragraph only a line that starts like a reference after a finished one
            new = (not previous or not groups
                   or bool(_FINISHED.search(previous)) and starts)
        else:
            new = (not previous or not groups
                   or bool(_FINISHED.search(previous)) and not continues
                   or starts and not re.search(r"(?:[,&:;/]|\band|\bи|\bта|\bund)\s*$", previous))
        if new:
            groups.append((i, [text]))
        else:
            groups[-1][1].append(text)
        previous = text
    return [(None, " ".join(undo_line_hyphens("\n".join(body)).split()), start) for start, body in groups]


__all__ = ["list_number", "split_reference_list"]
