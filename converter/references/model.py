"""The learned sequence model (a CRF) for the boundaries the rules leave open.

``segment`` returns None when no trained model is installed, and the parser falls back to
rules alone.
"""
from __future__ import annotations

from typing import Dict

from .rules import Found


def segment(s: str, found: Found) -> Dict[str, str] | None:
    return None
