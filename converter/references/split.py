"""Reference lists as text -> one string per reference.

A numbered list ("1. ...", "[1] ...", "1) ...") starts a reference at each number that
follows the previous one; other lines continue the current reference (wrapped lines).
A list without numbers is one reference per non-empty line.
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


def split_reference_list(text: str) -> List[Tuple[str | None, str, int]]:
    """(number or None, reference text, 0-based line offset of its first line), in order."""
    lines = text.splitlines()
    numbered = [i for i, ln in enumerate(lines) if list_number(ln)[0] is not None]
    out: List[Tuple[str | None, str, int]] = []
    if not numbered:
        for i, ln in enumerate(lines):
            if ln.strip():
                out.append((None, ln.strip(), i))
        return out
    current: List[str] = []
    current_no: str | None = None
    start = 0

    def flush() -> None:
        if current:
            body = undo_line_hyphens("\n".join(current))
            out.append((current_no, " ".join(body.split()), start))

    for i, ln in enumerate(lines):
        no, cut = list_number(ln)
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


__all__ = ["list_number", "split_reference_list"]
