"""Personal and institutional names as CSL formats them: initials, particles, order, et al.

Initials keep multi-letter transliterations: a given name already abbreviated in the data
("Yu.G.", "Md.") keeps each abbreviation ("Yu. G.", "Md."); only full words are cut to
their first letter. Lower-case words in a given name ("Jose de Jesus") are particles and
stay as they are ("J. de J.").
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import List, Tuple

from ..patterns import lazy

_TOKEN_RE = lazy(r"[^\s.]+\.?")


@lru_cache(maxsize=4096)  # speed: given names repeat across a list (and its sort keys and cites)
def initialize(given: str, mark: str, *, hyphen: bool = True, words: bool = True) -> str:
    """Initials of ``given`` joined by ``mark`` (CSL initialize-with).

    ``words=False`` (CSL initialize="false") keeps full words and only normalizes initials.
    """
    out: List[str] = []
    for token in _TOKEN_RE.findall(given):
        abbreviated = token.endswith(".")
        word = token.rstrip(".")
        if not word:
            continue
        if not word[0].isalpha():
            out.append(token + " ")  # "11", "(ed)": not a name part to initialize
            continue
        if word[0].islower() and not abbreviated and len(word) > 1:
            out.append(word + " ")  # a particle inside the given name
            continue
        parts = word.split("-") if hyphen else [word.replace("-", "")]
        inits = []
        for part in parts:
            if not part:
                continue
            if abbreviated or len(part) == 1:
                inits.append(part)
            elif words:
                inits.append(part[0])
            else:
                out.append(word + " ")
                inits = []
                break
        if inits:
            if True:
                out.append(("-" if hyphen else "").join(i + mark.rstrip() for i in inits[:-1])
                           + ("-" if len(inits) > 1 and hyphen else "")
                           + inits[-1] + mark)
    return "".join(out).strip()


def _is_initials(word: str) -> bool:
    return len(word) <= 3 and word.isupper() and word.isalpha()


@lru_cache(maxsize=4096)  # speed: as ``initialize``
def is_romanesque(text: str) -> bool:
    """True for names written in Latin, Greek or Cyrillic script (spaces between parts)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not name.startswith(("LATIN", "CYRILLIC", "GREEK")):
                return False
    return True


def name_parts(name) -> Tuple[str | None, str | None, str | None, str | None, str | None]:
    return name.parts()


def family_key(name) -> str:
    """The family name with its particles: the unit given-name disambiguation works on
    (kept on the name: asked for at every render of it)."""
    kept = getattr(name, "__dict__", None)
    found = kept.get("_family_key") if kept is not None else None
    if found is None:
        given, family, dp, ndp, suffix = name.parts()
        found = " ".join(str(p) for p in (ndp, family) if p)
        if kept is not None:
            kept["_family_key"] = found
    return found
