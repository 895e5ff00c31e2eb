"""CSL ``text-case`` on rich text: words are found across segments, protected segments
(``NoCase``, markup ``Tag``) keep their case, and the segment structure is kept."""
from __future__ import annotations

import re
from typing import Callable, List, Sequence

from citeproc.string import MixedString, NoCase, String

from .markup import Tag

# CSL 1.0.2, "Title case conversion"
STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up "
    "via with yet".split())
_WORD_RE = re.compile(r"[^\s\-–—/]+")


def _segments(value: object) -> List[String]:
    if isinstance(value, MixedString):
        return list(value)
    if isinstance(value, String):
        return [value]
    return [String(str(value))]


def apply_case(value: object, mode: str) -> object:
    """``value`` with CSL text-case ``mode`` applied (see the CSL specification)."""
    segs = _segments(value)
    chars: List[str] = []
    locked: List[bool] = []
    for seg in segs:
        if isinstance(seg, Tag):
            continue
        frozen = isinstance(seg, NoCase)
        chars.extend(seg)
        locked.extend([frozen] * len(seg))
    plain = "".join(chars)
    out = list(chars)
    change = _CASES.get(mode)
    if change is None or not plain:
        return value
    change(plain, out, locked)
    # rebuild the segments from the changed characters
    result: List[String] = []
    pos = 0
    for seg in segs:
        if isinstance(seg, Tag):
            result.append(seg)
            continue
        text = "".join(out[pos:pos + len(seg)])
        pos += len(seg)
        result.append(type(seg)(text))
    return MixedString(result) if len(result) != 1 else result[0]


def _map(out: List[str], locked: List[bool], start: int, end: int, fn: Callable[[str], str]) -> None:
    for i in range(start, end):
        if not locked[i]:
            out[i] = fn(out[i])


def _first_letter(plain: str, start: int, end: int) -> int | None:
    # the first letter or digit; quotes and brackets before it are skipped ("“why” -> “Why”),
    # a digit means there is nothing to capitalize ("1608.08225v3" stays)
    for i in range(start, end):
        if plain[i].isalnum():
            return i if plain[i].isalpha() else None
    return None


def _upper_first(plain: str, out: List[str], locked: List[bool], start: int, end: int) -> None:
    i = _first_letter(plain, start, end)
    if i is not None and not locked[i]:
        out[i] = out[i].upper()


def _lowercase(plain: str, out: List[str], locked: List[bool]) -> None:
    _map(out, locked, 0, len(out), str.lower)


def _uppercase(plain: str, out: List[str], locked: List[bool]) -> None:
    _map(out, locked, 0, len(out), str.upper)


def _capitalize_first(plain: str, out: List[str], locked: List[bool]) -> None:
    _upper_first(plain, out, locked, 0, len(plain))


def _capitalize_all(plain: str, out: List[str], locked: List[bool]) -> None:
    for m in re.finditer(r"\S+", plain):
        _upper_first(plain, out, locked, m.start(), m.end())


def _is_all_upper(plain: str) -> bool:
    letters = [c for c in plain if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters if c.lower() != c.upper())


def _sentence(plain: str, out: List[str], locked: List[bool]) -> None:
    if _is_all_upper(plain):
        _map(out, locked, 0, len(out), str.lower)
    _upper_first(plain, out, locked, 0, len(plain))


def _title(plain: str, out: List[str], locked: List[bool]) -> None:
    # citeproc-js: words already holding a capital (or a digit first) keep their case;
    # lower-case words are capitalized except stop words inside a phrase
    words = list(_WORD_RE.finditer(plain))
    for n, m in enumerate(words):
        word = m.group()
        core = word.strip("“”‘’\"'([{.,;:!?")
        before = plain[:m.start()].rstrip()
        phrase_start = n == 0 or before.endswith((":", "?", "!", "–", "—"))
        last = n == len(words) - 1
        if core.lower() in STOP_WORDS and not phrase_start and not last:
            if word == word.lower():
                continue
        if word == word.lower() and core[:1].isalpha():
            _upper_first(plain, out, locked, m.start(), m.end())


_CASES = {"lowercase": _lowercase, "uppercase": _uppercase,
          "capitalize-first": _capitalize_first, "capitalize-all": _capitalize_all,
          "sentence": _sentence, "title": _title}


_OPENING_RE = re.compile(r"^((?:<[^>]+>|[(\[“‘\"'])*)(.*)$", re.S)


def capitalize_opening(text: str, terms: Sequence[str]) -> str:
    """``text`` with a capital when it opens with one of ``terms`` ("n.d.", "ibid."), past
    opening brackets and tags: citeproc-js capitalizes a term that starts an entry."""
    m = _OPENING_RE.match(text)
    if not m or not m.group(2)[:1].islower():
        return text
    rest = m.group(2)
    for term in terms:
        if rest.startswith(term):
            return m.group(1) + rest[0].upper() + rest[1:]
    return text
