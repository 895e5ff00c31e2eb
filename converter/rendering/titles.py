"""Sentence case for titles stored in Title Case (article pages, BibTeX), as APA 7 and
GOST want them: proper nouns and adjectives, acronyms and the first word (and, for APA,
the first word after a colon) keep their capitals; other words are lower-cased.

A record says its titles are Title Case with ``custom["title-case"] = True`` (readers of
such sources set it); CSL-JSON from elsewhere is rendered as given.
"""
from __future__ import annotations

import re
from typing import Iterable

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
_WORD_RE = re.compile(r"[^\W\d_][\w’'\-]*|\d[\w\-]*", re.UNICODE)


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
    for phrase in proper_phrases:
        for m in re.finditer(re.escape(phrase), title):
            protected.append((m.start(), m.end()))

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


def gost_title(title: str) -> str:
    """GOST's prescribed punctuation: "Title: subtitle" becomes "Title : subtitle"."""
    return re.sub(r"\s*:\s+", " : ", title)


def lower_after_colon(title: str) -> str:
    """For GOST: other title information after " : " starts lower-case unless a proper noun."""
    def fix(m: re.Match) -> str:
        word = m.group(2)
        return m.group(1) + _lower_word(word)
    return re.sub(r"( : [“\"‘(]*)([^\W\d_][\w’'\-]*)", fix, title)
