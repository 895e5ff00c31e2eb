"""CSL-JSON out: UTF-8, two-space indent, keys in the order the record has them, so that
reading our output and writing it again gives the same bytes."""
from __future__ import annotations

import json
from typing import List

from ..model import CSLItem, Output
from ..options import Options


def write(items: List[CSLItem], *, options: Options | None = None) -> Output:
    return Output(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
