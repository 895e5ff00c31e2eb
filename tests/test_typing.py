"""The package ships py.typed, so it must type-check: mypy over the packages configured in
pyproject.toml ([tool.mypy]) reports no errors."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from conftest import ROOT


def test_mypy_reports_no_errors() -> None:
    if importlib.util.find_spec("mypy") is None:
        if os.environ.get("CI"):
            pytest.fail("mypy is not installed; the `test` extra should have installed it")
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    # no arguments: the [tool.mypy] section names the packages and the settings
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, f"mypy exit {done.returncode}:\n{done.stdout}{done.stderr}"
    assert "Success: no issues found" in done.stdout, done.stdout
