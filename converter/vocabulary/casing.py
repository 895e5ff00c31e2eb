"""Letter case of titles: recognising Title Case, sentence case for titles stored in Title
Case, and CSL's ``text-case`` modes.

Two kinds of "sentence case" live here and are kept apart by their names:

- ``sentence_case(title)``: for titles *stored* in Title Case (article pages, BibTeX), as
  APA 7, GOST and sentence-case .bst styles want them. Proper nouns and adjectives,
  acronyms and the first word (and, for APA, the first word after a colon) keep their
  capitals; other words are lower-cased. A record says its titles are Title Case with
  ``custom["title-case"] = True`` (``stored_in_title_case``); CSL-JSON from elsewhere is
  rendered as given.
- ``text_case(text, "sentence")`` and the other CSL ``text-case`` modes a style asks for,
  as CSL 1.0.2 and citeproc-js define them, on plain text with protected characters
  (the renderer maps rich text to that, ``rendering/markup.py``).
"""
from __future__ import annotations

import re
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Sequence

from ..model import CSLItem
from ..patterns import lazy

# --- recognising Title Case ------------------------------------------------------------

_TITLE_WORD_RE = lazy(r"[^\W\d_][\w'’-]*")


def looks_title_case(title: str) -> bool:
    """Most words of four or more letters after the first start with a capital
    ('Modern Trends in Paradiplomacy'), as page and BibTeX titles are often printed."""
    words = [w for w in _TITLE_WORD_RE.findall(title)[1:] if len(w) >= 4]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.6


def stored_in_title_case(item: CSLItem) -> bool:
    """True when the record says so (``custom["title-case"]``), or when it is a reference
    parsed from free text whose title, as printed there, looks like Title Case. Such a
    reference keeps its text in ``source`` and cannot carry ``custom`` (CSL-JSON consumers
    that score fields would count it)."""
    custom = item.get("custom")
    if isinstance(custom, dict) and custom.get("title-case"):
        return True
    title, source = item.get("title"), item.get("source")
    return bool(isinstance(title, str) and isinstance(source, str) and title in source
                and looks_title_case(title))


# --- sentence case for Title Case sources ----------------------------------------------

# Proper nouns and adjectives that are often capitalized words in titles. Multi-word
# names ("Barents Euro-Arctic Region") are kept whole.
PROPER_PHRASES = (
    "Barents Euro-Arctic Region", "European Union", "Russian Federation", "Soviet Union",
    "United States", "United Kingdom", "United Nations", "Middle East", "Far East",
    "Central Asia", "Eastern Europe", "Western Europe", "Cold War", "Second World War",
    "World War", "New Guinea", "South Caucasus", "North Caucasus", "Donbass Region",
    "Finno-Ugric World",
)
PROPER_WORDS = frozenset("""
Russia Russian Russians Soviet USSR Finland Finnish Norway Norwegian Sweden Swedish Denmark Danish
Estonia Estonian Latvia Latvian Lithuania Lithuanian Belarus Belarusian Ukraine Ukrainian
Moldova Moldovan Georgia Georgian Armenia Armenian Azerbaijan Azerbaijani Kazakhstan Kazakh
Kyrgyzstan Kyrgyz Uzbekistan Uzbek Tajikistan Tajik Turkmenistan Turkmen Mongolia Mongolian
China Chinese Japan Japanese Korea Korean India Indian Iran Iranian Turkey Turkish Germany German
France French Italy Italian Spain Spanish Portugal Portuguese Poland Polish Hungary Hungarian
Czech Slovak Austria Austrian Switzerland Swiss Netherlands Dutch Belgium Belgian Britain British
England English Scotland Scottish Ireland Irish Europe European Eurasia Eurasian Asia Asian
Africa African America American Americans Canada Canadian Mexico Mexican Brazil Brazilian
Arctic Antarctic Baltic Barents Caspian Siberia Siberian Caucasus Caucasian Ural Urals Volga
Moscow Petersburg Tomsk Kaliningrad Crimea Crimean Donbass Quebec Québec Westphalia Westphalian
Euro-Arctic Finno-Ugric Eurasian Slavic Orthodox Christian Islamic Muslim Jewish Latin Greek Arabic
Marxist Leninist Stalin Putin Lenin Bolshevik EAEU CIS EU NATO UN BRICS SCO OSCE
""".split())
_WORD_RE = lazy(r"[^\W\d_][\w’'\-]*|\d[\w\-]*", re.UNICODE)


def _keep(word: str) -> bool:
    if word in PROPER_WORDS:
        return True
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True  # an acronym
    return any(c.isupper() for c in word[1:]) and "-" not in word  # iPhone, McDonald


def _lower_word(word: str) -> str:
    if "-" in word:
        return "-".join(p if _keep(p) else _lower_part(p) for p in word.split("-"))
    return word if _keep(word) else _lower_part(word)


def _lower_part(part: str) -> str:
    return part[:1].lower() + part[1:]


def sentence_case(title: str, *, capitalize_after_colon: bool = True,
                  proper_phrases: Iterable[str] = PROPER_PHRASES) -> str:
    """``title`` in sentence case, keeping proper nouns, acronyms and the first word."""
    protected = []
    for phrase in proper_phrases:  # str.find: a pattern per phrase was compiled on every first use
        start = title.find(phrase)
        while start >= 0 and phrase:
            protected.append((start, start + len(phrase)))
            start = title.find(phrase, start + len(phrase))

    def inside(pos: int) -> bool:
        return any(a <= pos < b for a, b in protected)

    out = []
    pos = 0
    first = True
    for m in _WORD_RE.finditer(title):
        out.append(title[pos:m.start()])
        word = m.group()
        gap = title[pos:m.start()]
        after_colon = bool(re.search(r"[:?!]\s*$", gap)) or bool(re.search(r"[:?!]\s*[“\"‘(]*$", gap))
        if first:
            out.append(word[:1].upper() + word[1:])
            first = False
        elif inside(m.start()):
            out.append(word)
        elif after_colon and capitalize_after_colon:
            out.append(word[:1].upper() + word[1:])
        elif after_colon:
            out.append(_lower_word(word))
        else:
            out.append(_lower_word(word))
        pos = m.end()
    out.append(title[pos:])
    return "".join(out)


def lower_after_colon(title: str) -> str:
    """For GOST: other title information after " : " starts lower-case unless a proper noun."""
    def fix(m: re.Match) -> str:
        word = m.group(2)
        return m.group(1) + _lower_word(word)
    return re.sub(r"( : [“\"‘(]*)([^\W\d_][\w’'\-]*)", fix, title)


def lower(text: str, turkish: bool | None = None) -> str:
    """``text`` in lower case; Turkish capitals (``turkish``, or by default a text printing İ or Ğ)
    lowered as Turkish does: 'I' -> 'ı' and 'İ' -> 'i' ('KIRBAŞ' -> 'kırbaş', not 'kirbaş')."""
    if turkish is None:
        turkish = "İ" in text or "Ğ" in text
    return text.replace("I", "ı").replace("İ", "i").lower() if turkish else text.lower()


def sentence_case_from_capitals(title: str, known: Mapping[str, str]) -> str:
    """A title printed in capitals ("REGIONAL POLICY OF RUSSIA"), in sentence case: every
    word lower-cased except those ``known`` to take a capital (lower-case form -> as
    written, "россии" -> "России"), and a capital first letter."""
    words = re.split(r"(\W+)", lower(title))
    text = "".join(known.get(w, w) for w in words)
    return text[:1].upper() + text[1:]


# --- CSL text-case ---------------------------------------------------------------------

# CSL 1.0.2, "Title case conversion"
STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up "
    "via with yet".split())
_CSL_WORD_RE = lazy(r"[^\s\-–—/]+")

# text, one string per character (re-cased), the characters that keep their case
_Change = Callable[[str, List[str], Sequence[bool]], None]


def text_case(text: str, mode: str, locked: Optional[Sequence[bool]] = None) -> List[str]:
    """CSL ``text-case`` ``mode`` ("lowercase", "uppercase", "capitalize-first",
    "capitalize-all", "sentence", "title") on ``text``: one string per character of
    ``text`` (an upper-cased "ß" is "SS"); characters marked in ``locked`` keep their case."""
    out = list(text)
    TEXT_CASES[mode](text, out, locked if locked is not None else [False] * len(text))
    return out


def _map(out: List[str], locked: Sequence[bool], start: int, end: int, fn: Callable[[str], str]) -> None:
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


def _upper_first(plain: str, out: List[str], locked: Sequence[bool], start: int, end: int) -> None:
    i = _first_letter(plain, start, end)
    if i is not None and not locked[i]:
        out[i] = out[i].upper()


def _lowercase(plain: str, out: List[str], locked: Sequence[bool]) -> None:
    _map(out, locked, 0, len(out), str.lower)


def _uppercase(plain: str, out: List[str], locked: Sequence[bool]) -> None:
    _map(out, locked, 0, len(out), str.upper)


def _capitalize_first(plain: str, out: List[str], locked: Sequence[bool]) -> None:
    _upper_first(plain, out, locked, 0, len(plain))


def _capitalize_all(plain: str, out: List[str], locked: Sequence[bool]) -> None:
    for m in re.finditer(r"\S+", plain):
        _upper_first(plain, out, locked, m.start(), m.end())


def _is_all_upper(plain: str) -> bool:
    letters = [c for c in plain if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters if c.lower() != c.upper())


def _sentence(plain: str, out: List[str], locked: Sequence[bool]) -> None:
    if _is_all_upper(plain):
        _map(out, locked, 0, len(out), str.lower)
    _upper_first(plain, out, locked, 0, len(plain))


def _title(plain: str, out: List[str], locked: Sequence[bool]) -> None:
    # citeproc-js: words already holding a capital (or a digit first) keep their case;
    # lower-case words are capitalized except stop words inside a phrase
    words = list(_CSL_WORD_RE.finditer(plain))
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


TEXT_CASES: Dict[str, _Change] = {
    "lowercase": _lowercase, "uppercase": _uppercase,
    "capitalize-first": _capitalize_first, "capitalize-all": _capitalize_all,
    "sentence": _sentence, "title": _title,
}

_OPENING_RE = lazy(r"^((?:<[^>]+>|[(\[“‘\"'])*)(.*)$", re.S)


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
