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
from typing import Any, Union, cast

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


__all__ = ["lazy"]
