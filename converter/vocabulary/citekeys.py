"""Citation keys: readable (first author's family name, year, first title word), ASCII,
stable (the same record always gets the same key) and unique within one output file.

Any writer that needs keys (BibTeX, BibLaTeX, RIS ``ID``) can use ``assign_keys``.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, Iterable, List

from ..patterns import lazy

# Russian/Ukrainian/Belarusian Cyrillic to ASCII, close to the BGN/PCGN and passport forms.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}
# Latin letters that Unicode does not decompose into an ASCII base.
_LATIN = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
          "ı": "i", "ŋ": "ng", "ħ": "h"}
_STOPWORDS = {
    "a", "an", "the", "on", "of", "in", "at", "to", "for", "and", "or", "with", "from", "by",
    "about", "as", "is", "are", "its", "into", "la", "le", "les", "el", "los", "die", "der",
    "das", "des", "un", "une", "o", "ob", "na", "v", "vo", "i", "k", "s", "po", "ot",
}
# Characters BibTeX and biber accept in a key (no spaces, braces, commas, quotes, #, %, ~).
VALID_KEY = lazy(r"^[A-Za-z0-9_:./+\-]+$")


def to_ascii(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'Calderón' -> 'calderon', 'Козлов' -> 'kozlov'."""
    if text.isascii():  # what the loop below keeps of ASCII text, in one step
        return "".join(filter(str.isalnum, text.lower()))
    out: List[str] = []
    for char in text.lower():
        if char in _CYRILLIC:
            out.append(_CYRILLIC[char])
        elif char in _LATIN:
            out.append(_LATIN[char])
        else:
            base = unicodedata.normalize("NFKD", char)[0]
            if base.isascii() and base.isalnum():
                out.append(base)
    return "".join(out)


def _first_name_word(item: Dict[str, Any]) -> str:
    for role in ("author", "editor", "container-author", "translator"):
        names = item.get(role) or []
        if names and isinstance(names[0], dict):
            name = names[0]
            family = name.get("family") or name.get("literal") or ""
            words = [to_ascii(w) for w in str(family).split()]
            words = [w for w in words if w]
            if words:
                return words[0]
    return "anon"


def _year(item: Dict[str, Any]) -> str:
    issued = item.get("issued") or {}
    try:
        return str(int(issued["date-parts"][0][0]))
    except (KeyError, IndexError, TypeError, ValueError):
        found = re.search(r"\d{4}", str(issued.get("raw") or issued.get("literal") or ""))
        return found.group() if found else "nd"


def _title_word(item: Dict[str, Any]) -> str:
    for word in re.split(r"[\s\-–—:;,.!?/()\[\]\"“”«»']+", str(item.get("title") or "")):
        ascii_word = to_ascii(word)
        if ascii_word and ascii_word not in _STOPWORDS:
            return ascii_word
    return ""


def make_key(item: Dict[str, Any]) -> str:
    """The readable key for one record: 'rustamova2025specifics'."""
    return f"{_first_name_word(item)}{_year(item)}{_title_word(item)}"


def _suffixes() -> Iterable[str]:
    """a, b, ..., z, aa, ab, ...: the disambiguation letters BibTeX users know from 2020a."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for first in [""] + list(letters):
        for second in letters:
            yield first + second


class KeyAssigner:
    """Unique keys one record at a time, given every record's own ``citation-key`` first (a
    first pass over the records, holding only the keys): what ``assign_keys`` gives for the
    whole list, for a writer that streams."""

    def __init__(self, own_keys: Iterable[str]) -> None:
        self._owner: Dict[str, int] = {}  # a valid own key -> the first record carrying it
        for n, own in enumerate(own_keys):
            if own and VALID_KEY.match(own) and own not in self._owner:
                self._owner[own] = n
        self._taken = set(self._owner)
        self._n = -1

    def key(self, item: Dict[str, Any], made: str | None = None) -> str:
        """The next record's key (records in the order of the first pass); ``made``: its
        ``make_key``, where the caller has it (made in another process)."""
        self._n += 1
        own = str(item.get("citation-key") or "")
        if own and self._owner.get(own) == self._n:  # keys the records carry win: a .bib keeps its keys
            return own
        base = make_key(item) if made is None else made
        key = base
        if key in self._taken:
            key = next(base + s for s in _suffixes() if base + s not in self._taken)
        self._taken.add(key)
        return key


def own_key(item: Dict[str, Any]) -> str:
    return str(item.get("citation-key") or "")


def assign_keys(items: Iterable[Dict[str, Any]]) -> List[str]:
    """One unique key per record, in order. A record's own ``citation-key`` is kept when it
    is a valid key not taken yet; others get ``make_key`` plus a letter when it repeats."""
    items = list(items)
    keys = KeyAssigner(own_key(item) for item in items)
    return [keys.key(item) for item in items]


__all__ = ["KeyAssigner", "assign_keys", "own_key", "make_key", "to_ascii", "VALID_KEY"]
