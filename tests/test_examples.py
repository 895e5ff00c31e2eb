"""The examples users copy must run."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLE_SEED, ROOT


def test_reference_manager_example(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "examples" / "reference_manager.py"), str(EXAMPLE_SEED),
                           str(tmp_path)], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "16 references" in proc.stdout.decode()
    article = json.loads((tmp_path / "article.json").read_text(encoding="utf-8"))
    assert article[0]["DOI"] == "10.15507/2413-1407.129.033.202504.578-593"
    assert len(json.loads((tmp_path / "references.json").read_text(encoding="utf-8"))) == 16
    apa = (tmp_path / "article.apa.txt").read_text(encoding="utf-8")
    assert apa.startswith("Rustamova, L. R., & Calderon Anton, J. de J. (2025).")


def test_all_formats_script(tmp_path):
    import os

    env = dict(os.environ, PATH=f"{os.path.dirname(sys.executable)}:{os.environ.get('PATH', '')}")
    proc = subprocess.run(["bash", str(ROOT / "examples" / "all_formats.sh"), str(tmp_path)], capture_output=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
    names = {p.name for p in tmp_path.iterdir()}
    assert {"article.json", "all.bib", "all.ris", "article.xml", "references-gost.txt"} <= names
    gost = (tmp_path / "references-gost.txt").read_text(encoding="utf-8").splitlines()
    assert len(gost) == 16 and gost[0].startswith("Tarasova, A. S. Modern trends in paradiplomacy")
