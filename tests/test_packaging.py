"""The installed distribution carries every module, style and model the source tree has.

Tests import ``converter`` from the working tree, so a package missing from pyproject.toml's
list would only show when a user runs the installed command; this compares the two."""
from __future__ import annotations

import sysconfig
from importlib import metadata
from pathlib import PurePosixPath

import pytest

from conftest import ROOT


def _installed_files() -> set[str]:
    # look in site-packages only: an egg-info left in the working tree would list sources
    site = sysconfig.get_paths()["purelib"]
    dists = [d for d in metadata.distributions(path=[site]) if d.metadata["Name"] == "citeconv"]
    if not dists:
        pytest.skip("citeconv is not installed")
    names = {str(PurePosixPath(f)) for f in dists[0].files or []}
    if not any(n.startswith("converter/") for n in names):
        pytest.skip("an editable install: nothing to compare")
    return names


def test_every_source_file_is_installed():
    installed = _installed_files()
    wanted = {str(p.relative_to(ROOT).as_posix()) for p in (ROOT / "converter").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    wanted |= {f"converter/styles/{p.name}" for p in (ROOT / "styles").iterdir() if p.suffix in (".csl", ".py")}
    assert sorted(wanted - installed) == []
