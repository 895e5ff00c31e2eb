"""Given names the model can recognise: 'Frank Wood, Jan Gasthaus, Cédric Archambeau' is a list of
people only if 'Frank', 'Jan' and 'Cédric' are known to be first names.

The list ships beside the model (model/given-names.txt). It is built from the structured records
of the real exports in ../shared/corpus/real (BibTeX, RIS, CSL-JSON: their name fields say which
word is a given name), never from refdata's labelled strings, so it carries nothing of the
evaluation sets:

    python -m converter.references.givennames [--corpus ../shared/corpus/real]
"""
from __future__ import annotations

import argparse
import collections
import glob
import os
import sys
from functools import lru_cache
from typing import FrozenSet, List

from .names import PARTICLES as _PARTICLES

PATH = os.path.join(os.path.dirname(__file__), "model", "given-names.txt")
_HEADER = ("# Given names seen in the name fields of ../shared/corpus/real (built by "
           "python -m converter.references.givennames); one per line.\n")


@lru_cache(maxsize=1)
def given_names() -> FrozenSet[str]:
    """The shipped list (empty when it is missing)."""
    if not os.path.exists(PATH):
        return frozenset()
    with open(PATH, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def _words(given: str) -> List[str]:
    """The first word of a given name when it looks like a first name: 'Jean-Paul' yes; 'J.',
    'Ch.' (an abbreviation), 'Van' and 'Di' (particles misfiled as given names) no. Only the
    first word: second words are often a syllable of a two-part name ('Kin On', 'Yew San')."""
    words = given.split()
    if not words or words[0].endswith(".") or words[0].lower() in _PARTICLES:
        return []
    word = words[0].rstrip(",")
    bare = word.replace("-", "")
    if len(bare) >= 3 and bare.isalpha() and word[0].isupper() and word[1:].replace("-", "").islower():
        return [word]
    return []


def build(corpus: str) -> List[str]:
    from .. import read_file  # the readers: needed only to build the list

    counts: collections.Counter = collections.Counter()
    for path in sorted(glob.glob(os.path.join(corpus, "*"))):
        if path.endswith(".md"):
            continue
        for item in read_file(path).records:
            for role in ("author", "editor", "translator"):
                for person in item.get(role) or []:
                    counts.update(_words(str(person.get("given") or "")))
    return sorted(counts)


def main(argv: List[str] | None = None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "corpus", "real")))
    a = ap.parse_args(argv)
    names = build(a.corpus)
    with open(PATH, "w", encoding="utf-8") as fh:
        fh.write(_HEADER + "".join(n + "\n" for n in names))
    print(f"{len(names)} given names -> {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["PATH", "build", "given_names"]
