"""Audited held-out labels: the blind hand audit's corrections to refdata's labels, applied.

The held-out split (``refdata.split``) is scored against refdata's own labels ("raw") and
against audited ones. The audit (``benchmarks/refdata_audit.py`` measures what it means)
covers a fixed sample: 200 held-out strings drawn with ``SAMPLE_SEED`` and every Cyrillic GOST
held-out string. ``heldout_corrections.json``, beside this module, holds one entry per audited
string, offsets and labels only, never text from ../shared:

    {origin: {"spans": [[start, end, label], ...], "verdict": "ok"|"corrected"|"ambiguous",
              "why": "[kind] reason"}}

'ok' and 'ambiguous' keep refdata's spans; 'corrected' replaces them, and its reason starts
with the kind of label error in brackets ('[numbers] ...').
"""
from __future__ import annotations

import json
import os
import random
from typing import Any, Dict, List, Tuple

from .refdata import Labeled, split

CORRECTIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout_corrections.json")
SAMPLE_SEED = 20240606
HELD_OUT_SAMPLE = 200

Corrections = Dict[str, Dict[str, Any]]


def load_corrections(path: str = CORRECTIONS) -> Corrections:
    with open(path, encoding="utf-8") as fh:
        data: Corrections = json.load(fh)
    return data


def audit_sample(refs: List[Labeled]) -> Tuple[List[Labeled], List[Labeled]]:
    """(200 held-out strings drawn with a fixed seed, every Cyrillic GOST held-out string)."""
    _, held_out, gost = split(refs)
    sample = random.Random(SAMPLE_SEED).sample(held_out, HELD_OUT_SAMPLE)
    return sample, list(gost)


def corrected(ref: Labeled, corrections: Corrections) -> Labeled:
    """The string with its hand-checked labels (refdata's own when the audit has no entry)."""
    entry = corrections.get(ref.origin)
    if entry is None:
        return ref
    return Labeled(ref.text, [(a, b, lab) for a, b, lab in entry["spans"]], ref.origin)


def audited_sets(refs: List[Labeled], path: str = CORRECTIONS) -> Tuple[List[Labeled], List[Labeled]]:
    """The audit sample with audited labels: (held-out sample, Cyrillic GOST held-out)."""
    corrections = load_corrections(path)
    held_out, gost = audit_sample(refs)
    return [corrected(r, corrections) for r in held_out], [corrected(r, corrections) for r in gost]
