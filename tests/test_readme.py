"""The README's code runs as written: its Python blocks, and its two fresh-machine commands'
citeconv part (the install part is what CI itself does)."""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_blocks_run(tmp_path, monkeypatch, capsys):
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    assert "input is empty 3" in capsys.readouterr().out


def test_main_command_converts_the_example():
    command = re.search(r"^    (python3 -m venv .*citeconv (examples/\S+) -t csljson)$", README, re.M)
    assert command, "the README's first command changed shape"
    proc = subprocess.run([sys.executable, "-m", "converter", command.group(2), "-t", "csljson", "-q"],
                          cwd=ROOT, capture_output=True, timeout=300)
    assert proc.returncode == 0 and b'"DOI": "10.15507/2413-1407.129.033.202504.578-593"' in proc.stdout


def test_test_command_is_what_ci_runs():
    command = re.search(r"^    (python3 -m venv .*pytest)$", README, re.M).group(1)
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
