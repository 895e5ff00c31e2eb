"""Replays the inputs the coverage-guided fuzzer (python -m tools.fuzz READER) once crashed
on: each must now be read or refused with a ConversionError naming its source, never another
exception (and for bibtex-stream, read exactly as the whole-file reader reads it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tools.fuzz import check

FUZZ = Path(__file__).parent / "fixtures" / "fuzz"
CASES = sorted(p for p in FUZZ.glob("*/*") if p.is_file())


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_fuzz_crash_is_fixed(path):
    check(path.parent.name, path.read_bytes(), source=str(path))
