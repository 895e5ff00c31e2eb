"""What the command loads before it has work to do: start-up time of every ``citeconv`` run is
mostly imports (benchmarks/bench_startup.py measures it). These check which modules are
loaded, in a fresh interpreter, not how long anything takes."""
from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from typing import List

from conftest import ROOT
from converter import cli
from converter.patterns import lazy

ONE_BIB = "@article{k1, author = {Doe, Jane}, title = {A title}, journal = {J}, year = {2020}}\n"


def _loaded_after(code: str) -> List[str]:
    """The modules a fresh interpreter has after running ``code`` (from the repository root)."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_the_command_loads_no_reader_writer_or_process_pool():
    loaded = _loaded_after("import converter.cli")
    for heavy in ("multiprocessing", "concurrent.futures", "citeproc", "lxml", "bibtexparser",
                  "importlib.resources", "tqdm", "converter.readers.bibtex", "converter.rendering"):
        assert heavy not in loaded, heavy


def test_one_record_to_apa_forks_nothing_and_finds_its_style_without_importlib_resources(tmp_path):
    source = tmp_path / "one.bib"
    source.write_text(ONE_BIB, encoding="utf-8")
    code = ("import contextlib, io\nfrom converter.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main([{str(source)!r}, '-t', 'apa', '-q']) == 0")
    loaded = _loaded_after(code)
    assert "converter.rendering" in loaded  # it did render
    for unneeded in ("multiprocessing", "concurrent.futures", "importlib.resources", "tqdm"):
        assert unneeded not in loaded, unneeded


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_the_compiled_pattern():
    pattern = lazy(r"(\d+)-(\d+)", re.I)
    assert "search" not in vars(pattern)  # nothing compiled yet
    assert pattern.pattern == r"(\d+)-(\d+)" and pattern.flags & re.I
    assert pattern.search("pp. 10-12").groups() == ("10", "12")
    assert isinstance(vars(pattern)["search"].__self__, re.Pattern)  # bound to the compiled pattern now
    assert pattern.sub(r"\2-\1", "pp. 10-12") == "pp. 12-10"
    assert [m.groups() for m in pattern.finditer("1-2, 3-4")] == [("1", "2"), ("3", "4")]
    assert pattern.groups == 2 and pattern.split("a1-2b") == ["a", "1", "2", "b"]
    assert repr(pattern).startswith("lazy(")


def test_only_the_command_itself_freezes_what_start_up_imported(tmp_path):
    source = tmp_path / "one.bib"
    source.write_text(ONE_BIB, encoding="utf-8")
    frozen = gc.get_freeze_count()
    assert cli.main([str(source), "-t", "csljson", "-q", "-o", str(tmp_path / "out.json")]) == 0
    assert gc.get_freeze_count() == frozen  # a caller passing its arguments keeps its collector as it was
    assert gc.isenabled()
    proc = subprocess.run([sys.executable, "-m", "converter", str(source), "-t", "csljson", "-q"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout)[0]["id"] == "k1"


def test_the_command_collects_garbage_again_for_a_big_input_stdin_or_a_server(tmp_path, monkeypatch):
    small, big = tmp_path / "small.bib", tmp_path / "big.bib"
    small.write_text(ONE_BIB, encoding="utf-8")
    big.write_text(ONE_BIB * (cli.SMALL_INPUT // len(ONE_BIB) + 1), encoding="utf-8")
    assert cli._small([str(small)]) and not cli._small([str(big)]) and not cli._small(["-"])
    assert not cli._small([str(small), str(big)]) and not cli._small([str(tmp_path / "missing.bib")])
    enabled = []
    monkeypatch.setattr(cli.gc, "enable", lambda: enabled.append(True))
    monkeypatch.setattr(cli, "_collector_off", True)
    cli._collect_garbage()
    assert enabled == [True] and not cli._collector_off
    cli._collect_garbage()  # only once, and never for a caller whose collector main did not turn off
    assert enabled == [True]
