"""BibTeX and BibLaTeX out over forked workers (writers/bibtex.py, ``--jobs``) against one
process: the same bytes, and the writer's warnings at the same places in the same order, for
records with and without their own keys, keys that repeat, types and characters the dialects
cannot carry, and exact repeats (left out by the first pass)."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

_COMPARE = """
import io, pickle, sys
from converter import stream
from converter.options import Options
from converter.writers import bibtex

path, from_, to, batch = pickle.load(sys.stdin.buffer)
bibtex.BATCH = batch
from concurrent.futures import ProcessPoolExecutor

sent = []
submit = ProcessPoolExecutor.submit

def counted(pool, task, *args):
    sent.append(task.__name__)
    return submit(pool, task, *args)

ProcessPoolExecutor.submit = counted

def convert(jobs):
    out, told = io.StringIO(), []
    errors = stream.convert_file(path, from_, "utf-8-sig", to, Options.build({"jobs": jobs}), out,
                                 lambda d: told.append((d.format(), d.source, d.line, d.field, d.record)))
    return out.getvalue(), told, errors

in_workers = convert(2)
batches = sent.count('_write_batch')
pickle.dump((in_workers, convert(1), batches), sys.stdout.buffer)
"""

_FORK = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                           reason="this platform cannot fork")


def _both_ways(path: Path, from_: str, to: str, batch: int) -> tuple:
    done = subprocess.run([sys.executable, "-c", _COMPARE], input=pickle.dumps((str(path), from_, to, batch)),
                          capture_output=True, check=True, cwd=ROOT)
    return pickle.loads(done.stdout)


def _items() -> list:
    base = [
        {"id": "a", "type": "article-journal", "title": "On Graphs", "author": [{"family": "Doe", "given": "Jane"}],
         "issued": {"date-parts": [[2001]]}},
        {"id": "b", "type": "book", "title": "Snow \u2603 and \u0416", "citation-key": "b",
         "author": [{"family": "van Gogh", "given": "Vincent", "non-dropping-particle": "van"}]},
        {"id": "c", "type": "weird-type", "title": "Odd", "citation-key": "a"},
        {"id": "d", "type": "dataset", "title": "On Graphs", "author": [{"family": "Doe", "given": "Jane"}],
         "issued": {"date-parts": [[2001]]}, "custom": {"bibtex": {"bad name!": "x", "note": "{open"}}},
        {"id": "e", "type": "article-journal", "title": "Ranges", "issued": {"date-parts": [[2001], [2003]]},
         "language": "xx-unknown", "citation-key": "doe2001on"},
    ]
    items = []
    for n in range(60):
        for item in base:
            copy = dict(item, id=f"{item['id']}{n % 25}")  # n and n + 25 repeat exactly: written once
            if n % 4 == 0 and "citation-key" in copy:
                copy["citation-key"] = copy["id"]  # key = id: the writer's warnings get a line
            items.append(copy)
    return items


@_FORK
@pytest.mark.parametrize("to", ["bibtex", "biblatex"])
def test_entries_written_in_workers_are_written_as_in_one_process(tmp_path: Path, to: str) -> None:
    path = tmp_path / "items.json"
    path.write_text(json.dumps(_items(), indent=1, ensure_ascii=False), encoding="utf-8")
    in_workers, in_one, batches = _both_ways(path, "csljson", to, 7)
    assert in_workers == in_one
    assert batches > 10  # the workers wrote the entries
    out, told, _ = in_one
    assert "@article{doe2001graphs," in out and "{doe2001graphsa," in out
    assert any(line is not None and "has no field" in text for text, _, line, _, _ in told)
    assert any(line is None and "has no field" in text for text, _, line, _, _ in told)


@_FORK
@pytest.mark.skipif(not (SHARED / "corpus" / "real" / "deep-review-refs.json").is_file(), reason="no shared corpus")
def test_a_real_export_written_in_workers_is_written_as_in_one_process() -> None:
    path = SHARED / "corpus" / "real" / "deep-review-refs.json"
    in_workers, in_one, batches = _both_ways(path, "csljson", "biblatex", 50)
    assert in_workers == in_one
    assert batches > 5


@_FORK
@pytest.mark.parametrize("jobs", [1, 2])
def test_streamed_biblatex_keeps_extended_names(tmp_path: Path, jobs: int) -> None:
    """--extended-names reaches the streamed writer too (big files, or --jobs), in one process or
    over workers: the same text as writing the whole list."""
    import io

    import converter
    from converter import stream
    from converter.options import Options

    items = [{"id": f"k{n}", "type": "book", "title": "Werke", "issued": {"date-parts": [[1900 + n]]},
              "author": [{"family": "Goethe", "given": "Johann Wolfgang", "non-dropping-particle": "von"}]}
             for n in range(3)]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    out = io.StringIO()
    stream.convert_file(str(path), "csljson", "utf-8-sig", "biblatex",
                        Options.build({"jobs": jobs, "extended_names": True}), out, lambda d: None)
    whole = converter.write(items, "biblatex", extended_names=True)
    assert "family={Goethe}" in whole and out.getvalue().strip() == whole.strip()
