"""Splitting a .bib file into its blocks (entries, ``@string`` macros, ``@preamble``) fast.

bibtexparser 2 splits a file by stepping, in Python, from one "mark" to the next (every brace,
quote, comma, '=' and newline): a third of the time of reading a .bib file. Here a
well-formed file is split by the same rules, but only the marks that decide something are
visited (the text between them is skipped by the regular-expression engine) and lines are
counted in C. The result has the attributes of bibtexparser's blocks that the reader uses
(``key``, ``entry_type``, ``fields``, ``value``, ``start_line``, 0-based lines as bibtexparser
counts them).

Anything out of the ordinary (a block that does not close, a missing comma or '=',
parenthesised blocks, a line break after a backslash) makes ``split`` return
None: the caller then lets bibtexparser split the whole file, so every diagnostic about a
broken file (its failed blocks, their lines and reasons) stays bibtexparser's, word for word.
tests/test_bibtex_split.py checks both splitters agree block by block.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterator, List, NamedTuple, Optional

# The marks bibtexparser's splitter stops at (minus newlines, counted separately), found the
# same way: an unescaped brace, quote, comma or '=', or a block start ('@type' before '{' or '(').
_MARK = re.compile(r"(?<!\\)[{}\",=]|@\w*[ \t]*(?=[{(])")
# Inside a field value, only braces, quotes, commas and block starts matter.
_VALUE_MARK = re.compile(r"(?<!\\)[{}\",]|@\w*[ \t]*(?=[{(])")
# The common values, whose end the state machine below would find the same way: braces
# (nested once at most), quotes or a bare word, with no backslash, '@' or stray delimiter.
# Possessive: no backtracking could find another end, and a plain group repeated once per
# character kept a backtracking point each (a 10 MB value took 1.2 GB).
_SIMPLE_VALUE = re.compile(r'\s*(?:\{(?:[^{}\\@]++|\{[^{}\\@]*+\})*+\}|"[^"{}\\@]*+"|\w++)\s*(?=[,}])')
# A field whose name holds no mark, backslash or '@' and whose value is a common one: the
# name, '=' and value found in one match, where the steps below would find the same.
_SIMPLE_FIELD = re.compile(r'([^{}",=@\\]*+)=(' + _SIMPLE_VALUE.pattern + ")")
# Outside blocks: the next block start.
_BLOCK_START = re.compile(r"@\w*[ \t]*(?=[{(])")


class Field(NamedTuple):
    key: str
    value: str  # the raw value, delimiters included, as bibtexparser gives it
    start_line: int  # 0-based line of the '='


class Entry(NamedTuple):
    entry_type: str  # lower case, as bibtexparser gives it
    key: str
    fields: List[Field]
    start_line: int  # 0-based line of the '@'


class String(NamedTuple):
    key: str
    value: str
    start_line: int


class Again(NamedTuple):
    """A block bibtexparser would set aside: an entry or ``@string`` whose key was used before
    (``kind`` "entry", "string"; ``first_line`` is where the first one starts), or an entry
    with a field given twice ("fields"; it keeps both, and is not checked for a repeated key)."""

    kind: str
    block: Any  # Entry or String
    first_line: int


class Blocks(NamedTuple):
    entries: List[Entry]  # in file order, without those set aside
    strings: List[String]
    preambles: int
    again: List[Again]  # in file order
    order: List[Entry]  # every entry, set aside or not, in file order (two can share a line)


def _at_line_start(text: str, pos: int) -> bool:
    """Only white space between the line's start and ``pos``."""
    i = pos - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < 0 or text[i] == "\n"


class _Irregular(Exception):
    """The file is not plainly well formed: bibtexparser splits it instead."""


class _Scanner:
    def __init__(self, text: str, first_line: int = 0) -> None:
        self.text = text
        self.line_pos = 0  # lines are counted up to this position...
        self.line = first_line  # ...and this many newlines precede it (in the file the text is from)

    def line_at(self, pos: int) -> int:
        if pos < self.line_pos:
            raise _Irregular  # lines are only ever asked for forwards
        self.line += self.text.count("\n", self.line_pos, pos)
        self.line_pos = pos
        return self.line

    def marks(self, pattern: re.Pattern[str], pos: int) -> Iterator[re.Match[str]]:
        for m in pattern.finditer(self.text, pos):
            if m.group()[0] == "@":
                # bibtexparser gives up on a block where a new one starts a line; so do we
                if _at_line_start(self.text, m.start()):
                    raise _Irregular
                continue  # an '@' inside a value ('LeQua @ {CLEF}')
            yield m

    def closing_brace(self, pos: int) -> int:
        """The '}' closing a brace-delimited block whose content starts at ``pos`` (braces
        counted, quotes not: bibtexparser's rule for comments, strings and preambles)."""
        depth = 0
        for m in self.marks(_MARK, pos):
            ch = m.group()
            if ch == "{":
                depth += 1
            elif ch == "}":
                if depth == 0:
                    return m.start()
                depth -= 1
        raise _Irregular

    def value_end(self, pos: int) -> int:
        """The ',' or '}' ending the field value that starts at ``pos``."""
        text = self.text
        simple = _SIMPLE_VALUE.match(text, pos)
        if simple is not None:
            return simple.end()
        quoted = False
        depth = 0
        for m in self.marks(_VALUE_MARK, pos):
            ch = m.group()
            if ch == '"' and depth == 0:
                start = m.start()
                # {"} inside a quoted value is a literal quote (bibtexparser issue 487)
                if quoted and text[start - 1:start] == "{" and text[start + 1:start + 2] == "}" \
                        and start + 2 < len(text):
                    continue
                quoted = not quoted
            elif quoted:
                continue
            elif ch == "{":
                depth += 1
            elif ch == "}" and depth > 0:
                depth -= 1
            elif depth == 0:  # ',' or '}' at the top: the value ends
                return m.start()
        raise _Irregular

    def entry(self, entry_type: str, start: int, start_line: int) -> tuple[Entry, int]:
        """The entry whose content starts at ``start``, and the position after it."""
        text = self.text
        marks = _MARK.finditer(text, start)
        first = next(marks, None)
        if first is None or first.group() not in (",", "}"):
            raise _Irregular
        key = text[start:first.start()].strip()
        if first.group() == "}":
            return Entry(entry_type, key, [], start_line), first.end()
        fields: List[Field] = []
        key_start = first.end()
        while True:
            simple = _SIMPLE_FIELD.match(text, key_start)
            if simple is not None:
                end = simple.end()
                fields.append(Field(simple.group(1).strip(), simple.group(2).strip(), self.line_at(simple.start(2) - 1)))
                if text[end] == "}":
                    return Entry(entry_type, key, fields, start_line), end + 1
                key_start = end + 1
                continue
            m = _MARK.search(text, key_start)
            if m is None or m.group()[0] == "@":
                raise _Irregular
            if m.group() == "}":
                if text[key_start:m.start()].strip():
                    raise _Irregular  # a key with no '=': bibtexparser says so
                return Entry(entry_type, key, fields, start_line), m.end()
            if m.group() != "=":
                raise _Irregular
            end = self.value_end(m.end())
            fields.append(Field(text[key_start:m.start()].strip(), text[m.end():end].strip(), self.line_at(m.start())))
            if text[end] == "}":
                return Entry(entry_type, key, fields, start_line), end + 1
            key_start = end + 1

    def split(self) -> Blocks:
        text = self.text
        entries: List[Entry] = []
        strings: List[String] = []
        first_entry: Dict[str, Entry] = {}
        first_string: Dict[str, String] = {}
        again: List[Again] = []
        order: List[Entry] = []
        preambles = 0
        pos = 0
        while True:
            m = _BLOCK_START.search(text, pos)
            if m is None:
                return Blocks(entries, strings, preambles, again, order)
            if text[m.end()] != "{":
                raise _Irregular  # @type( ... ): rare, left to bibtexparser
            kind = m.group().lower()
            start_line = self.line_at(m.start())
            content = m.end() + 1
            if kind.startswith("@comment"):
                pos = self.closing_brace(content) + 1
            elif kind.startswith("@preamble"):
                preambles += 1
                pos = self.closing_brace(content) + 1
            elif kind.startswith("@string"):
                equals = _MARK.search(text, content)
                if equals is None or equals.group() != "=":
                    raise _Irregular
                end = self.closing_brace(equals.end())
                string = String(text[content:equals.start()].strip(), text[equals.end():end].strip(), start_line)
                if string.key in first_string:
                    again.append(Again("string", string, first_string[string.key].start_line))
                else:
                    first_string[string.key] = string
                    strings.append(string)
                pos = end + 1
            else:
                entry, pos = self.entry(kind[1:].strip(), content, start_line)
                order.append(entry)
                if len({f.key for f in entry.fields}) < len(entry.fields):
                    again.append(Again("fields", entry, start_line))
                elif entry.key in first_entry:
                    again.append(Again("entry", entry, first_entry[entry.key].start_line))
                else:
                    first_entry[entry.key] = entry
                    entries.append(entry)


def split(text: str, first_line: int = 0) -> Optional[Blocks]:
    """The blocks of a well-formed .bib text, or None when bibtexparser must split it; lines
    are counted from ``first_line`` (the text's first line in its file, 0-based)."""
    if "\\\n" in text:
        return None  # bibtexparser does not count a line break after a backslash
    try:
        return _Scanner(text, first_line).split()
    except _Irregular:
        return None


__all__ = ["Again", "Blocks", "Entry", "Field", "String", "split"]
