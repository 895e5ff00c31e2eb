"""Replays the inputs the coverage-guided fuzzer (python -m tools.fuzz READER) once crashed
on: each must now be read or refused with a ConversionError, never another exception."""
from __future__ import annotations

from pathlib import Path

import pytest

import converter
from converter.errors import ConversionError

FUZZ = Path(__file__).parent / "fixtures" / "fuzz"
CASES = sorted(p for p in FUZZ.glob("*/*") if p.is_file())


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_fuzz_crash_is_fixed(path):
    try:
        converter.read(path.read_bytes(), path.parent.name, source=str(path))
    except ConversionError as err:
        assert err.source == str(path)
