"""Evaluating the values of .bib fields as BibTeX does: braces, quotes, numbers, @string
macros (month macros included) and ``#`` concatenation; and decoding their LaTeX, with every
command we do not know reported."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from ..model import Diagnostics
from ..patterns import lazy
from ..vocabulary.dates import MONTH_ABBREVIATIONS, MONTH_NAMES
from ..vocabulary.latex import to_unicode


@dataclass
class RawField:
    value: str  # the evaluated value: macros and concatenation resolved, outer braces removed
    line: int


_BARE = lazy(r"[^\s#{}\"=,]+")  # a number or a macro name
_BRACES = lazy(r"[{}]")
# What bibtex._split writes for a '\\\\' before a brace or quote while the file is split (two
# noncharacters, which no text file holds), put back here
ESCAPED_BACKSLASH = "\ufdd0\ufdd1"


class Values:
    """Evaluates raw .bib values: ``{...}``, ``"..."``, numbers, macros and ``#``."""

    def __init__(self, strings: Dict[str, str], diags: Diagnostics) -> None:
        self.strings = strings  # macro name (lower case) -> raw value
        self.diags = diags
        self.cache: Dict[str, str] = {}

    def evaluate(self, raw: str, *, line: int, field: str, record: str | None,
                 depth: int = 0) -> Tuple[str, Optional[str]]:
        """The value, and a description of the syntax problem when the value is malformed."""
        if ESCAPED_BACKSLASH[0] in raw:
            raw = raw.replace(ESCAPED_BACKSLASH, "\\\\")
        if raw.startswith("{") and matching_brace(raw, 0) == len(raw) - 1:
            return raw[1:-1], None  # most values: one braced group, read below to the same
        parts: List[str] = []
        pos, n = 0, len(raw)
        expect_piece = True
        while True:
            while pos < n and raw[pos] in " \t\r\n":
                pos += 1
            if pos >= n:
                break
            ch = raw[pos]
            if not expect_piece:
                if ch != "#":
                    return "".join(parts), f"unexpected text after the value: {raw[pos:pos + 30]!r}"
                pos += 1
                expect_piece = True
                continue
            if ch == "{":
                end = matching_brace(raw, pos)
                if end < 0:
                    return "".join(parts), "unbalanced braces"
                parts.append(raw[pos + 1:end])
                pos = end + 1
            elif ch == '"':
                end = closing_quote(raw, pos)
                if end < 0:
                    return "".join(parts), "unclosed quote"
                parts.append(raw[pos + 1:end])
                pos = end + 1
            else:
                match = _BARE.match(raw, pos)
                if match is None:
                    return "".join(parts), f"unexpected {ch!r}"
                parts.append(self.macro(match.group(), line=line, field=field, record=record,
                                        depth=depth))
                pos = match.end()
            expect_piece = False
        return "".join(parts), None

    def macro(self, name: str, *, line: int, field: str, record: str | None, depth: int) -> str:
        if name.isdigit():
            return name
        key = name.lower()
        if key in self.cache:
            return self.cache[key]
        if key in self.strings and depth < 20:
            value, _ = self.evaluate(self.strings[key], line=line, field=field, record=record,
                                     depth=depth + 1)
            self.cache[key] = value
            return value
        month = MONTH_ABBREVIATIONS.index(key[:3]) if key[:3] in MONTH_ABBREVIATIONS else -1
        if month >= 0 and key in (MONTH_ABBREVIATIONS[month], MONTH_NAMES[month].lower()):
            return MONTH_NAMES[month]
        self.diags.warn(f"undefined @string macro {name!r}; kept as text", line=line, field=field,
                        record=record)
        return name


def matching_brace(text: str, start: int) -> int:
    if text.startswith("{", start):  # most groups hold no group: the first '}' closes them
        close = text.find("}", start + 1)
        if close > 0 and "{" not in text[start + 1:close]:
            return close
    depth = 0
    for m in _BRACES.finditer(text, start):
        if m.group() == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    return -1


def closing_quote(text: str, start: int) -> int:
    depth = 0
    for i in range(start + 1, len(text)):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == '"' and depth == 0:
            return i
    return -1


def decode(value: str, *, line: int, field: str, record: str, diags: Diagnostics,
            rich: bool = False) -> str:
    unknown: List[str] = []
    text = to_unicode(value, unknown.append, rich=rich)
    for command in dict.fromkeys(unknown):
        diags.warn(f"unknown LaTeX command {command} dropped (its argument is kept)", line=line,
                   field=field, record=record)
    return text


__all__ = ["RawField", "Values", "closing_quote", "decode", "matching_brace"]
