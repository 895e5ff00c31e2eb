"""LaTeX <-> Unicode for bibliography fields: accents, special letters, escaped specials,
dashes and quotes, simple math (Greek, sub/superscripts), a few siunitx/chemistry macros.

``to_unicode`` never drops a command silently: commands it does not know are reported
through ``unknown`` (their arguments are kept as text). ``to_latex`` escapes what LaTeX and
BibTeX treat specially and returns the characters it could not express in ASCII LaTeX, so
the caller can report them (they are kept as UTF-8).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Callable, FrozenSet, List, Set, Tuple

from ..patterns import lazy
from .latex_symbols import (
    ACCENTS,
    ASCII_COMMANDS,
    DROP_ARGUMENT,
    ESCAPES,
    KEEP_ARGUMENT,
    LETTERS,
    MARK_TO_ACCENT,
    MATH,
    MATH_ACCENTS,
    NOTHING,
    RICH_COMMANDS,
    SUBSCRIPTS,
    SUPERSCRIPTS,
    SYMBOLS,
    THREE_ARGUMENTS,
    TWO_ARGUMENTS,
    UNITS,
)

_COMMAND = lazy(r"\\([A-Za-z]+|.)")
# Runs of characters that stand for themselves, copied in one step (in text and in math
# mode): everything but what _Decoder.run treats specially.
_PLAIN_TEXT = lazy(r"[^\\{}$\-~`']+")
_PLAIN_MATH = lazy(r"[^\\{}$_^`' ]+")
_SPECIALS = set("&%$#_{}")
# What only the decoder reads right: commands, groups, math, ties, dash and quote ligatures; a
# lone '-', '`' or "'" stands for itself. Text with none of them is only white space to tidy
# (a stray '}' too, as this shortcut always had it, unless a '-' or '`' sent it to the decoder).
_DECODER_NEEDED = lazy(r"[\\{$~]|--|``|''")


class _Decoder:
    """A small recursive-descent reader of the LaTeX found in .bib fields."""

    def __init__(self, text: str, unknown: Callable[[str], None] | None, rich: bool = False) -> None:
        self.text = text
        self.pos = 0
        self.unknown = unknown
        self.rich = rich  # keep case-protecting braces and font commands as CSL rich text
        self.depth = 0

    def run(self, until: str | None = None, math: bool = False) -> str:
        out: List[str] = []
        text = self.text
        plain = _PLAIN_MATH if math else _PLAIN_TEXT
        while self.pos < len(text):
            same = plain.match(text, self.pos)
            if same is not None:
                out.append(same.group())
                self.pos = same.end()
                continue
            ch = text[self.pos]
            if until is not None and ch == until:
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                out.append(self.command(math))
            elif ch == "{":
                self.pos += 1
                # BibTeX protects the case of a top-level {group}; {\"O} is a special character
                protects = self.rich and self.depth == 0 and not math and not text.startswith("\\", self.pos)
                self.depth += 1
                inner = self.run("}", math)
                self.depth -= 1
                out.append(_nocase(inner) if protects else inner)
            elif ch == "}":  # stray closing brace: drop it
                self.pos += 1
            elif ch == "$" and not math:
                self.pos += 1
                display = text.startswith("$", self.pos)
                if display:
                    self.pos += 1
                out.append(self.run("$", True))
                if display and text.startswith("$", self.pos):
                    self.pos += 1
            elif math and ch in "_^":
                self.pos += 1
                arg = self.argument(math=True)
                table = SUBSCRIPTS if ch == "_" else SUPERSCRIPTS
                if arg == "∘" and ch == "^":
                    out.append("°")
                elif arg and all(c in table for c in arg):
                    out.append("".join(table[c] for c in arg))
                else:
                    out.append(ch + (arg if len(arg) == 1 else "(" + arg + ")"))
            elif ch == "-" and not math:
                n = len(text) - len(text[self.pos:].lstrip("-"))
                run = min(n - self.pos, 3)
                out.append({1: "-", 2: "–", 3: "—"}[run])
                self.pos += run
            elif ch == "~" and not math:
                out.append(" ")
                self.pos += 1
            elif ch == "`" and text.startswith("``", self.pos):
                out.append("“")
                self.pos += 2
            elif ch == "'" and text.startswith("''", self.pos):
                out.append("”")
                self.pos += 2
            elif math and ch == " ":
                self.pos += 1
            else:
                out.append(ch)
                self.pos += 1
        return "".join(out)

    def argument(self, math: bool = False) -> str:
        """The next argument: a braced group or a single character / command."""
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\n":
            self.pos += 1
        if self.pos >= len(text):
            return ""
        ch = text[self.pos]
        if ch == "{":
            self.pos += 1
            return self.run("}", math)
        if ch == "\\":
            return self.command(math)
        if ch == "}":
            return ""
        self.pos += 1
        return ch

    def raw_argument(self) -> str | None:
        """A braced group as written (for \\url-like verbatim arguments)."""
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\n":
            self.pos += 1
        if not text.startswith("{", self.pos):
            return None
        depth, start = 0, self.pos
        for i in range(self.pos, len(text)):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    self.pos = i + 1
                    return text[start + 1:i]
        self.pos = len(text)
        return text[start + 1:]

    def skip_space_after_word(self) -> None:
        text = self.text
        if self.pos < len(text) and text[self.pos] == " ":
            self.pos += 1
        if text.startswith("{}", self.pos):  # "\ss{}" style terminator
            self.pos += 2

    def command(self, math: bool) -> str:
        match = _COMMAND.match(self.text, self.pos)
        if match is None:  # a lone backslash at the end
            self.pos += 1
            return ""
        name = match.group(1)
        self.pos = match.end()
        is_word = name.isalpha()
        if name in ACCENTS and not (name in "=." and math):
            base = self.argument(math)
            if not base:
                return ACCENTS[name].strip() or ""
            if base[0] in "ıȷ":  # \'{\i}: the accent replaces the dot
                base = {"ı": "i", "ȷ": "j"}[base[0]] + base[1:]
            return unicodedata.normalize("NFC", base[0] + ACCENTS[name] + base[1:])
        if name in _SPECIALS:
            return name
        if name == "\\":
            return " "
        if name == " ":
            return " "
        if name in LETTERS:
            self.skip_space_after_word()
            return LETTERS[name]
        if name in SYMBOLS:
            if is_word:
                self.skip_space_after_word()
            return SYMBOLS[name]
        if name in MATH:
            self.skip_space_after_word()
            return MATH[name]
        if name in NOTHING:
            if is_word and self.pos < len(self.text) and self.text[self.pos] == " ":
                self.pos += 1
            return ""
        if name == "url":
            raw = self.raw_argument()
            return raw if raw is not None else ""
        if name in DROP_ARGUMENT:
            self.argument(math)
            return ""
        if name in MATH_ACCENTS:
            base = self.argument(math)
            accent = MATH_ACCENTS[name]
            mark = ACCENTS.get(accent, "\u20d7")
            return unicodedata.normalize("NFC", base[:1] + mark + base[1:]) if base else ""
        if name in THREE_ARGUMENTS:
            low, high, unit = self.argument(math), self.argument(math), self.argument(math)
            return f"{low}–{high} {_units(unit)}".strip()
        if name in TWO_ARGUMENTS:
            first = self.argument(math)
            second = self.argument(math)
            if TWO_ARGUMENTS[name] == "second":
                return second
            if TWO_ARGUMENTS[name] == "range":
                return f"{first}–{second}"
            return f"{first} {_units(second)}".strip()
        if name in KEEP_ARGUMENT:
            starred = name == "enquote" and self.text.startswith("*", self.pos)
            if starred:  # csquotes' \enquote*{...}: the inner (single) quotes
                self.pos += 1
            arg = self.argument(math)
            if name in ("enquote", "mkbibquote"):  # csquotes/biblatex quotes: English double quotes
                return ("\u2018" + arg + "\u2019") if starred else ("\u201c" + arg + "\u201d")
            if name == "textsubscript" and all(c in SUBSCRIPTS for c in arg):
                return "".join(SUBSCRIPTS[c] for c in arg)
            if name == "textsuperscript" and all(c in SUPERSCRIPTS for c in arg):
                return "".join(SUPERSCRIPTS[c] for c in arg)
            if name in ("ch", "ce", "cf"):
                return _chemistry(arg)
            if name in ("si", "unit"):
                return _units(arg)
            if name == "MakeUppercase" or name == "uppercase":
                return arg.upper()
            if name == "MakeLowercase" or name == "lowercase":
                return arg.lower()
            if self.rich and name in RICH_COMMANDS and arg.strip():
                opening, closing = RICH_COMMANDS[name]
                return opening + arg + closing
            return arg
        if name in UNITS:
            self.skip_space_after_word()
            return UNITS[name]
        if self.unknown is not None:
            self.unknown("\\" + name)
        if is_word:
            self.skip_space_after_word()
        return ""


def _nocase(text: str) -> str:
    """A protected group as a CSL nocase span; one with no letters needs no protection."""
    if not any(c.isalpha() for c in text) or (text.startswith('<span class="nocase">') and text.endswith("</span>")
                                              and text.count("<span") == 1):
        return text
    return f'<span class="nocase">{text}</span>'


def _units(text: str) -> str:
    """siunitx unit text after decoding: 'kelvin' words were already turned into symbols."""
    return text.replace(" ", "")


def _chemistry(formula: str) -> str:
    """\\ch{CO2} -> CO₂: digits right after an element or a bracket are subscripts."""
    return re.sub(r"(?<=[A-Za-z)\]])(\d+)", lambda m: "".join(SUBSCRIPTS[c] for c in m.group(1)), formula)


_IFMMODE = lazy(r"\\ifmmode\s*(.*?)\\else\s*(.*?)\\fi(?:\{\})?", re.S)


def text_mode(text: str) -> str:
    """Keep the text branch of ``\\ifmmode math\\else text\\fi`` (APS and AIP exports spell
    accents so); done before names are split, as the branches contain spaces."""
    return _IFMMODE.sub(lambda m: "{" + m.group(2).strip() + "}", text) if "\\ifmmode" in text else text


def to_unicode(text: str, unknown: Callable[[str], None] | None = None, *, rich: bool = False) -> str:
    """Decode the LaTeX in a field value to Unicode text; runs of white space become one
    space; ``unknown`` is called with each command not understood. Braces are dropped, unless
    ``rich``: then case-protecting braces become ``<span class="nocase">`` and font commands
    ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, small caps (CSL-JSON rich text, for titles)."""
    if not _DECODER_NEEDED.search(text) and ("}" not in text or ("-" not in text and "`" not in text)):
        return " ".join(text.replace("\u00ad", "").split())
    decoded = _Decoder(text_mode(text), unknown, rich).run()
    return " ".join(decoded.replace("\u00ad", "").split())


# ---- Unicode -> LaTeX -------------------------------------------------------------------

@functools.lru_cache(maxsize=4096)  # a few hundred letters recur: each decomposed once
def _accented(char: str) -> str | None:
    """'é' -> "{\\'e}"; None when the character is not a Latin letter with known accents."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or not base.isascii() or any(m not in MARK_TO_ACCENT for m in marks):
        return None
    if base in "ij" and any(m in "\u0300\u0301\u0302\u0303\u0304\u0306\u0308" for m in marks):
        base = "\\" + base  # the accent replaces the dot: {\'\i}
    out = base
    for mark in marks:
        cmd = MARK_TO_ACCENT[mark]
        sep = " " if cmd.isalpha() and not out.startswith("\\") and len(out) == 1 else ""
        out = "\\" + cmd + ("{" + out + "}" if cmd.isalpha() or len(out) > 1 else sep + out)
    return "{" + out + "}"


# what to_latex changes in ASCII text: the characters ESCAPES has, and the pairs LaTeX joins
# into a ligature ("--", "``", "''", "!`", "?`")
_LATEX_NEEDED = lazy("[" + re.escape("".join(ESCAPES)) + "]|--|``|''|[!?]`")


_NOTHING_UNMAPPED: FrozenSet[str] = frozenset()
_CACHED_UP_TO = 120  # characters: longer values (abstracts, notes) seldom recur and are not held


def to_latex(text: str, *, ascii_only: bool = True) -> Tuple[str, FrozenSet[str]]:
    """Escape ``text`` for a .bib field. With ``ascii_only`` (classic BibTeX) non-ASCII
    characters become LaTeX commands where LaTeX has one; the set returned holds those it
    has not, which are kept as UTF-8."""
    if len(text) <= _CACHED_UP_TO:  # a writer escapes word by word: names, journals, title words recur
        return _to_latex_cached(text, ascii_only)
    return _to_latex(text, ascii_only)


def _to_latex(text: str, ascii_only: bool) -> Tuple[str, FrozenSet[str]]:
    if (text.isascii() or not ascii_only) and not _LATEX_NEEDED.search(text):
        return text, _NOTHING_UNMAPPED  # most field values: nothing to escape, no ligature to break
    out: List[str] = []
    unmapped: Set[str] = set()
    for char in text:
        if char in ESCAPES:
            piece = ESCAPES[char]
        elif char.isascii() or not ascii_only:
            piece = char
        elif char in ASCII_COMMANDS:
            piece = ASCII_COMMANDS[char]
        else:
            accented = _accented(char)
            if accented is None:
                unmapped.add(char)
                piece = char
            else:
                piece = accented
        # "--", "``", "''", "!`" are ligatures in LaTeX: "{}" keeps the characters apart.
        if out and piece[:1] in "-`'" and out[-1][-1:] in (piece[:1] + ("!?" if piece[:1] == "`" else "")):
            out.append("{}")
        out.append(piece)
    return "".join(out), frozenset(unmapped)


_to_latex_cached = functools.lru_cache(maxsize=1 << 14)(_to_latex)


def unescape_verbatim(value: str) -> str:
    """A verbatim field (URL, DOI) as written in a .bib file: ``\\url{...}`` unwrapped and the
    specials some exporters escape anyway (``\\_``, ``\\%``, ``\\&``, ...) unescaped."""
    value = value.strip()
    if "\\" not in value:
        return value
    url = _URL_ARGUMENT.fullmatch(value)
    if url:
        value = url.group(1)
    return _ESCAPED_SPECIAL.sub(r"\1", value).strip()


_URL_ARGUMENT = lazy(r"\\url\{(.*)\}", re.S)
_ESCAPED_SPECIAL = lazy(r"\\([_%&#$~])")


def escape_verbatim(text: str) -> str:
    """A URL or DOI for a verbatim field: only braces would break the .bib syntax, and
    BibTeX counts them, so they are percent-encoded; '%' needs no escape in verbatim fields."""
    text = text.replace("{", "%7B").replace("}", "%7D")
    # a backslash before the closing brace would escape it for biber and bibtexparser
    return text[:-1] + "%5C" if text.endswith("\\") else text


def is_balanced_raw(value: str) -> bool:
    r"""Whether raw LaTeX can sit between a field's braces without ending the field early or
    running past it: braces balanced both when every brace counts (BibTeX) and when ``\{``
    and ``\}`` do not (biber, bibtexparser), and no backslash escaping the closing brace."""
    plain = escaped = 0
    i = 0
    while i < len(value):
        char = value[i]
        if char == "\\" and i + 1 < len(value):
            if value[i + 1] in "{}":
                plain += 1 if value[i + 1] == "{" else -1
            i += 2
        else:
            if char == "{":
                plain += 1
                escaped += 1
            elif char == "}":
                plain -= 1
                escaped -= 1
            elif char == "\\":
                return False  # a trailing backslash
            i += 1
        if plain < 0 or escaped < 0:
            return False
    return plain == 0 and escaped == 0


__all__ = ["escape_verbatim", "is_balanced_raw", "text_mode", "to_latex", "to_unicode", "unescape_verbatim"]
