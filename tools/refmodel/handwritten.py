"""Hand-written labelled reference strings (issue 16, item 4): books, chapters, conference
papers, theses and reports, read from ``handwritten_parts.txt`` beside this module.

One reference a line: ``LANG TYPE STYLE`` (three words), then the string with each labelled
segment written ``{label|text}``; text outside braces is labelled ``other``. Lines that are
empty or begin with ``#`` are comments. The labels are refdata's (``refdata.LABELS``); the
header of the data file says which CSL field each becomes.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import List, Tuple

from .refdata import LABELS, Labeled

PATH = os.path.join(os.path.dirname(__file__), "handwritten_parts.txt")
TYPES = ("book", "chapter", "paper-conference", "thesis", "report")
_SEGMENT = re.compile(r"\{([a-z]+)\|([^{}|]*)\}")


@dataclass
class Handwritten:
    lang: str
    type: str
    style: str
    ref: Labeled


def parse_line(line: str, origin: str) -> Handwritten:
    """One data line as a labelled string; ValueError says what is wrong with it."""
    parts = line.split(None, 3)
    if len(parts) != 4:
        raise ValueError(f"{origin}: expected 'LANG TYPE STYLE string'")
    lang, kind, style, marked = parts
    if kind not in TYPES:
        raise ValueError(f"{origin}: unknown type {kind!r}")
    text = ""
    spans: List[Tuple[int, int, str]] = []
    pos = 0
    for m in _SEGMENT.finditer(marked):
        text += marked[pos:m.start()]
        label, segment = m.group(1), m.group(2)
        if label not in LABELS or label == "other":
            raise ValueError(f"{origin}: unknown label {label!r}")
        if not segment or segment != segment.strip():
            raise ValueError(f"{origin}: segment {segment!r} is empty or has outer spaces")
        spans.append((len(text), len(text) + len(segment), label))
        text += segment
        pos = m.end()
    text += marked[pos:]
    if any(c in text for c in "{}|\t") or text != " ".join(text.split()):
        raise ValueError(f"{origin}: stray brace, bar, tab or double space in {text!r}")
    return Handwritten(lang, kind, style, Labeled(text, spans, f"handwritten/{origin}"))


def load(path: str = PATH) -> List[Handwritten]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                out.append(parse_line(line, f"{os.path.basename(path)}:{n}"))
    return out


def labeled(path: str = PATH) -> List[Labeled]:
    """The strings as training data."""
    return [h.ref for h in load(path)]


__all__ = ["Handwritten", "PATH", "TYPES", "labeled", "load", "parse_line"]
