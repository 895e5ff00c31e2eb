"""Rebuild every artefact the reference parser loads, in the package: the given-name list
(converter/references/model/given-names.txt) and the CRF (model/refs.crfsuite), then print the
held-out figures. Options are train.py's (e.g. --dev, --iterations)::

    python -m tools.refmodel
"""
from __future__ import annotations

import sys
from typing import List

from . import givennames, train


def main(argv: List[str] | None = None) -> int:
    givennames.main([])  # first: the parser's rules (and so the evaluation) read the list
    return train.main(argv)


if __name__ == "__main__":
    sys.exit(main())
