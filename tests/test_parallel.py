"""--jobs N: the same output, in the same order, for any N; the progress bar shows only for a
person at a terminal and never with --quiet."""
from __future__ import annotations

import io
import json

from conftest import run_cli
from converter import parallel


def _inputs(tmp_path):
    paths = []
    for k in range(5):
        items = [{"id": f"r{k}-{i}", "type": "article-journal", "title": f"Title {k} {i}",
                  "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2000 + i]]}}
                 for i in range(4)]
        path = tmp_path / f"in{k}.json"
        path.write_text(json.dumps(items), encoding="utf-8")
        paths.append(str(path))
    bib = tmp_path / "in5.bib"
    bib.write_text("@article{a, title={One}, author={Roe, Richard}, year={2001}, journal={J}, foo={bar}}\n"
                   "@article{b, title={Two}, year={20x2}}\n", encoding="utf-8")
    return paths + [str(bib)]


def test_jobs_give_the_same_output_and_warnings_in_order(tmp_path):
    inputs = _inputs(tmp_path)
    runs = {jobs: run_cli(*inputs, "-t", "ris", "--jobs", str(jobs)) for jobs in (1, 2, 3)}
    for proc in runs.values():
        assert proc.returncode == 0, proc.stderr.decode()
    assert runs[1].stdout == runs[2].stdout == runs[3].stdout
    assert runs[1].stderr == runs[2].stderr == runs[3].stderr
    # the records come in the order the inputs were given
    ids = [line.split("  - ")[1] for line in runs[2].stdout.decode().splitlines() if line.startswith("ID  - ")]
    assert ids[:4] == ["r0-0", "r0-1", "r0-2", "r0-3"] and ids[-2:] == ["a", "b"]


def test_an_unreadable_input_fails_the_same_way_with_jobs(tmp_path):
    inputs = _inputs(tmp_path)
    for jobs in ("1", "2"):
        proc = run_cli(inputs[0], str(tmp_path / "missing.bib"), "--jobs", jobs)
        assert proc.returncode == 3 and "missing.bib: no such file" in proc.stderr.decode()
    assert run_cli(inputs[0], "--jobs", "0").returncode == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_at_a_terminal_and_not_when_quiet(monkeypatch):
    monkeypatch.setattr(parallel, "PROGRESS_AFTER", 0.0)
    for quiet, terminal, shown in ((False, True, True), (True, True, False), (False, False, False)):
        err = _Terminal() if terminal else io.StringIO()
        monkeypatch.setattr("sys.stderr", err)
        results = list(parallel.ordered_map(str.upper, ["a", "b", "c"], progress=parallel.Progress(3, "reading",
                                                                                                     quiet=quiet)))
        assert results == ["A", "B", "C"]
        assert ("reading" in err.getvalue()) is shown, (quiet, terminal, err.getvalue())


def test_no_bar_for_quick_work(monkeypatch):
    err = _Terminal()
    monkeypatch.setattr("sys.stderr", err)
    with parallel.Progress(3, "reading") as progress:
        for _ in range(3):
            progress.step()
    assert err.getvalue() == ""  # done well within a second
