"""Regular expressions compiled on first use.

Compiling a pattern costs about as much as importing a small module (a character class
beyond ASCII, such as Cyrillic letters, costs more), and most of a module's patterns are for
input that a given run never sees: a one-record conversion used 19 of the hundred patterns
its modules compiled at import. ``lazy(...)`` stands where ``re.compile(...)`` stood and
compiles when a method is first asked for; after that its methods are the compiled
pattern's own, so a hot loop pays nothing more.
"""
from __future__ import annotations

import re
from typing import Any, Tuple, Union, cast

# what callers ask of a compiled pattern; all of them are bound at the first use
_ATTRIBUTES = ("search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class _LazyPattern:
    def __init__(self, pattern: str, flags: Union[int, re.RegexFlag]) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only for attributes not yet bound
        if name.startswith("__") or name == "_source":  # copy, pickle and the like: a plain object
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            self.__dict__[attribute] = getattr(compiled, attribute)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern: str, flags: Union[int, re.RegexFlag] = 0) -> "re.Pattern[str]":
    """``re.compile(pattern, flags)``, compiled when first used. Use it as a pattern object
    (``.search``, ``.sub``, ``.pattern``, ...), not as an argument to ``re.sub`` and friends."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


# Characters re.IGNORECASE takes for a letter that str.lower() does not turn them into: 'ı' and 'İ'
# for 'i', 'ſ' for 's', the old Cyrillic forms 'ᲀ'-'ᲈ' for 'в д о с т ъ ѣ ꙋ', Greek symbol
# forms ('ϐ' for 'β'), 'Σ' (lower() makes it 'ς' at a word's end): the Unicode case folds of the
# re module's own table (re/_casefix.py) whose letter is not the lower case of its upper case.
# tests/test_patterns.py checks the set against every character.
ODD_FOLDS = ("\xb5\u0130\u0131\u017f\u0345\u0390\u03a3\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1"
             "\u03f5\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u1fbe\u1fd3\u1fe3\ufb05\ufb06")
_ODD_FOLD = lazy(f"[{ODD_FOLDS}]")


class CaseBlindWords:
    """Whether a text may hold one of some words, letter case aside: never False where
    ``re.search("word1|word2|...", text, re.IGNORECASE)`` finds one, and about a tenth of its
    cost (a case-blind alternation is tried letter by letter at every position; this lowers the
    text once and looks for each word). True also for a text with a character in ``ODD_FOLDS``,
    which str.lower() would not fold as the pattern does: it is a quick test before a pattern
    that decides, not the decision."""

    __slots__ = ("words",)

    def __init__(self, *words: str) -> None:
        if any(w != w.lower() or any(c in ODD_FOLDS for c in w) for w in words):
            raise ValueError(f"the words must be in lower case, without {ODD_FOLDS!r}: {words!r}")
        self.words: Tuple[str, ...] = words

    def in_text(self, text: str) -> bool:
        low = text.lower()
        for word in self.words:
            if word in low:
                return True
        return not text.isascii() and _ODD_FOLD.search(text) is not None

    def __repr__(self) -> str:
        return f"CaseBlindWords{self.words!r}"


__all__ = ["CaseBlindWords", "ODD_FOLDS", "lazy"]
