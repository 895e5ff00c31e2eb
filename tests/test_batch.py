"""citeconv batch: partitions in, one output partition each, failing records kept with their
place, finished partitions skipped on a re-run; the Dask engine gives the same files as the
single-process run."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import rispy

from conftest import ROOT, run_cli
from converter import batch, convert

CROSSREF_WORK = json.loads((ROOT / "tests" / "fixtures" / "crossref" / "work.json").read_text(encoding="utf-8"))


def _item(n: int) -> dict:
    return {"id": f"item{n}", "type": "article-journal", "title": f"Title number {n}",
            "author": [{"family": f"Family{n % 7}", "given": "Anna"}], "container-title": "Journal",
            "issued": {"date-parts": [[2000 + n % 20]]}, "volume": str(n), "DOI": f"10.1000/x{n}"}


def make_sample(folder: Path) -> Path:
    """Three JSONL.gz partitions (one with a broken line 6), a Crossref API page with an items
    array in a sub-folder, and a plain file."""
    inp = folder / "in"
    (inp / "api").mkdir(parents=True)
    for k in range(3):
        with gzip.open(inp / f"part-{k}.jsonl.gz", "wt", encoding="utf-8") as fh:
            for i in range(12):
                if k == 1 and i == 5:
                    fh.write('{"id": "broken", "type": \n')  # line 6
                fh.write(json.dumps(_item(k * 100 + i)) + "\n")
    work = CROSSREF_WORK.get("message", CROSSREF_WORK)
    other = dict(work, DOI="10.1000/another", title=["Another work"])
    page = {"status": "ok", "message-type": "work-list", "message": {"items": [work, "not a work", other]}}
    (inp / "api" / "page.json").write_text(json.dumps(page), encoding="utf-8")
    (inp / "more.json").write_text(json.dumps([_item(900), _item(901)]), encoding="utf-8")
    return inp


def _files(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_partitions_are_converted_one_to_one(tmp_path):
    inp = make_sample(tmp_path)
    out = tmp_path / "out"
    reports = batch.run([str(inp)], str(out), "ris")
    assert [Path(r.output).name for r in reports] == ["more.ris", "part-0.ris", "part-1.ris", "part-2.ris", "page.ris"]
    # every record of a partition is in its output, read back by an independent RIS reader
    assert len(rispy.loads((out / "part-0.ris").read_text(encoding="utf-8"))) == 12
    assert len(rispy.loads((out / "part-1.ris").read_text(encoding="utf-8"))) == 12
    # the output is what the ordinary conversion writes for the same records
    items = [json.loads(line) for line in gzip.open(inp / "part-2.jsonl.gz", "rt", encoding="utf-8")]
    expected = str(convert(json.dumps(items), to="ris"))
    assert (out / "part-2.ris").read_bytes().decode("utf-8").rstrip("\r\n") == expected.rstrip("\r\n")
    # the broken line is kept with its partition and line; nothing else failed there
    errors = [json.loads(x) for x in (out / "part-1.ris.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors == [{"partition": str(inp / "part-1.jsonl.gz"), "line": 6, "error": errors[0]["error"],
                       "record": '{"id": "broken", "type": \n'}]
    assert "invalid JSON" in errors[0]["error"]
    # the Crossref page: two works written, the string item kept in the error file by its number
    assert len(rispy.loads((out / "api" / "page.ris").read_text(encoding="utf-8"))) == 2
    api_errors = [json.loads(x) for x in (out / "api" / "page.ris.errors.jsonl").read_text().splitlines()]
    assert [(e["item"], e["record"]) for e in api_errors] == [(2, '"not a work"')]
    assert [r.failed for r in reports] == [0, 0, 1, 0, 1]
    assert all((out / f"{name}.done").exists() for name in ("part-0.ris", "part-1.ris", "api/page.ris"))


def test_finished_partitions_are_skipped_on_a_rerun(tmp_path):
    inp = make_sample(tmp_path)
    out = tmp_path / "out"
    batch.run([str(inp)], str(out), "csljson")
    (out / "part-0.json").write_text("kept", encoding="utf-8")  # a finished partition is not touched again
    (out / "part-2.json.done").unlink()                           # as if the run stopped before its marker
    (out / "part-2.json").write_text("half", encoding="utf-8")
    reports = batch.run([str(inp)], str(out), "csljson")
    assert {Path(r.output).name: r.skipped for r in reports}["part-2.json"] is False
    assert sum(not r.skipped for r in reports) == 1
    assert (out / "part-0.json").read_text(encoding="utf-8") == "kept"
    assert len(json.loads((out / "part-2.json").read_text(encoding="utf-8"))) == 12
    assert sum(r.failed for r in reports) == 2  # counts of skipped partitions come from their markers


def test_batch_command_exit_code_and_summary(tmp_path):
    inp = make_sample(tmp_path)
    proc = run_cli("batch", str(inp), "-t", "bibtex", "-o", str(tmp_path / "out"), "--jobs", "2")
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 7, err  # written, but some records failed
    assert "5 partition(s) converted" in err and "2 failed" in err and "Traceback" not in err
    assert (tmp_path / "out" / "part-0.bib").read_text(encoding="utf-8").count("@article") == 12


def test_outputs_that_would_collide_are_refused_before_writing(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "x.json").write_text(json.dumps([_item(1)]), encoding="utf-8")
    proc = run_cli("batch", str(tmp_path / "a" / "x.json"), str(tmp_path / "b" / "x.json"), "-t", "ris",
                   "-o", str(tmp_path / "out"))
    assert proc.returncode == 2 and "would both be written" in proc.stderr.decode()
    assert not (tmp_path / "out").exists()


def test_dask_on_a_local_cluster_equals_the_single_process_run(tmp_path):
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    inp = make_sample(tmp_path)
    batch.run([str(inp)], str(tmp_path / "single"), "ris")
    # a small in-process cluster: the same code path as a remote scheduler's address
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        reports = batch.run([str(inp)], str(tmp_path / "dask"), "ris", engine="dask",
                            scheduler=cluster.scheduler_address)
    assert [r.records for r in reports] == [2, 12, 12, 12, 2]
    single, dask = _files(tmp_path / "single"), _files(tmp_path / "dask")
    assert single.keys() == dask.keys()
    for name in single:  # outputs, error files, warnings and markers alike
        assert single[name] == dask[name], name
