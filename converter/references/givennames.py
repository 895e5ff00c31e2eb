"""Given names the parser can recognise: 'Frank Wood, Jan Gasthaus, Cédric Archambeau' is a list
of people only if 'Frank', 'Jan' and 'Cédric' are known to be first names.

The list ships beside the model (model/given-names.txt); tools/refmodel/givennames.py builds it.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import FrozenSet

PATH = os.path.join(os.path.dirname(__file__), "model", "given-names.txt")


@lru_cache(maxsize=1)
def given_names() -> FrozenSet[str]:
    """The shipped list (empty when it is missing)."""
    if not os.path.exists(PATH):
        return frozenset()
    with open(PATH, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


__all__ = ["PATH", "given_names"]
