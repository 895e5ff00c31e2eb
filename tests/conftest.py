"""Shared test helpers: where ../shared is, running the CLI, and requiring external checkers."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests explore new random inputs on every run here, and each find becomes a fixed
# @example; under CI (CI=true) they replay a fixed set, so that a landing does not hang on luck.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
# tools/ (training, corpus generation, conformance runners) is not installed: tests import it
# from the repository root, whichever way pytest was started
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "regionology-2025-33-4-578.txt"
GOLD = SHARED / "gold" / "seed"
EXAMPLE_SEED = ROOT / "examples" / "regionology-2025-33-4-578.txt"


def need_shared() -> None:
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail("../shared is missing beside the repository")
        pytest.skip("../shared is not beside the repository")


def require_tool(name: str) -> str:
    """Path of an external checker; a missing one fails under CI (which installs it) and skips locally."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; .ci/run should have installed it")
        pytest.skip(f"{name} is not installed")
    return path


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m converter`` as a user would; returns the completed process (bytes out)."""
    return subprocess.run([sys.executable, "-m", "converter", *args], input=input,
                          capture_output=True, cwd=cwd or ROOT, timeout=300)


def load_shared_tool(name: str):
    """A script of ../shared/tools imported as a module (the independent scorers)."""
    import importlib.util

    need_shared()
    spec = importlib.util.spec_from_file_location(name, SHARED / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_json(path: Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared() -> Path:
    need_shared()
    return SHARED


@pytest.fixture(scope="session")
def seed_record():
    """The seed page read once per test session."""
    need_shared()
    import converter

    result = converter.read_file(SEED)
    return result


def pandoc_biblatex(path) -> dict:
    """pandoc's reading of a .bib file as CSL-JSON items by id (skips locally without pandoc)."""
    import json
    import subprocess
    pandoc = require_tool("pandoc")
    proc = subprocess.run([pandoc, "-f", "biblatex", "-t", "csljson", str(path)], capture_output=True,
                          text=True, check=True)
    return {item["id"]: item for item in json.loads(proc.stdout)}
