"""A lexicon of person names in many languages (model/names.txt, built by tools/pagemodel/names.py
from Faker's name lists): whether a byline's word is a known given or family name, for telling
'S. Joshua Swamidass' (given 'S. Joshua') from 'J. García López' and names from an institution's
words."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Dict

from ...references.givennames import given_names

PATH = os.path.join(os.path.dirname(__file__), "model", "names.txt")


@lru_cache(maxsize=1)
def known_names() -> Dict[str, str]:
    """Case-folded name -> 'g' (a given name), 'f' (a family name) or 'gf'; empty when the file is missing."""
    if not os.path.exists(PATH):
        return {}
    out: Dict[str, str] = {}
    with open(PATH, encoding="utf-8") as fh:
        for line in fh:
            name, _, kind = line.rstrip("\n").partition("\t")
            if kind and not name.startswith("#"):
                key = name.casefold()
                out[key] = "".join(sorted(set(out.get(key, "") + kind), reverse=True))
    return out


def known_given(word: str) -> bool:
    """A given name of the lexicon or of the reference parser's list ('Joshua', 'Olena', 'Benny')."""
    return "g" in known_names().get(word.casefold(), "") or word in given_names()


def known_family(word: str) -> bool:
    """A family name of the lexicon ('Silva', 'Nguyễn', 'Kowalski')."""
    return "f" in known_names().get(word.casefold(), "")
