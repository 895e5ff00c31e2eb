"""Building the list of given names the parser recognises (converter/references/givennames.py
reads it; it ships as converter/references/model/given-names.txt). It is built from the structured records
of the real exports in ../shared/corpus/real (BibTeX, RIS, CSL-JSON: their name fields say which
word is a given name), never from refdata's labelled strings, so it carries nothing of the
evaluation sets:

    python -m tools.refmodel.givennames [--corpus ../shared/corpus/real]
"""
from __future__ import annotations

import argparse
import collections
import glob
import os
import sys
from typing import List

from converter import read_file
from converter.references.givennames import PATH
from converter.vocabulary.names import PARTICLES as _PARTICLES
from tools.paths import SHARED

_HEADER = ("# Given names seen in the name fields of the shared corpus of real exports (corpus/real; "
           "built by python -m tools.refmodel.givennames); one per line.\n")


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
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "real"))
    a = ap.parse_args(argv)
    names = build(a.corpus)
    with open(PATH, "w", encoding="utf-8") as fh:
        fh.write(_HEADER + "".join(n + "\n" for n in names))
    print(f"{len(names)} given names -> {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["build", "main"]
