"""The code passes the project's lint rules (pyproject.toml [tool.ruff]): pyflakes, pycodestyle
errors and warnings, import order."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from conftest import ROOT


def test_ruff_finds_nothing():
    if importlib.util.find_spec("ruff") is None:
        if os.environ.get("CI"):
            pytest.fail("ruff is not installed; it is in the test extra")
        pytest.skip("ruff is not installed")
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "converter", "tools", "tests", "examples", "benchmarks"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
