#!/usr/bin/env python3
"""Score the page reader on the real article pages in tests/data/pages/ with the independent
scorer ../shared/tools/score_pages.py, per split, and time it.

    python benchmarks/page_set.py                  # both splits: accuracy and median ms per page
    python benchmarks/page_set.py --split dev --errors
    python benchmarks/page_set.py --json scores.json

The split of each page (dev / held-out) is the `split` column of tests/data/pages/SOURCES.md.
The held-out split is for measuring only: never design a rule by looking at its errors
(so --errors refuses it unless --i-know is given, for a final report)."""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
SCORER = ROOT.parent / "shared" / "tools" / "score_pages.py"
SPLITS = ("dev", "held-out")


def splits() -> Dict[str, str]:
    """Page name -> split, from the SOURCES table(s)."""
    out: Dict[str, str] = {}
    for sources in sorted(PAGES.glob("SOURCES*.md")):
        for line in sources.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 2 and cells[1] in SPLITS and (PAGES / f"{cells[0]}.txt").exists():
                out[cells[0]] = cells[1]
    return out


def run_reader(names: List[str], pred_dir: Path) -> Dict[str, object]:
    """Read every page; write NAME.json; return timings and pages that raised."""
    sys.path.insert(0, str(ROOT))
    import converter

    times: List[float] = []
    cpu: List[float] = []  # CPU time too: on a shared machine the wall time is mostly waiting
    failures: Dict[str, str] = {}
    # imports, compiled patterns, the line model and the reference parser (a citation line)
    # load on the first page that needs them: not timed, so that the maximum is a page's own
    converter.read("Warm-up title\n\nIvanov I. I.\n\nFor citation: Ivanov I. I. Warm-up title. Journal of Tests. "
                   "2020;1(2):3-4. DOI: 10.1000/warm-up\n", "page")
    for name in names:
        text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            result = converter.read(text, "page", source=f"{name}.txt")
        except converter.ConversionError as err:
            failures[name] = f"{type(err).__name__}: {err}"
            continue
        finally:
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        (pred_dir / f"{name}.json").write_text(json.dumps(result.records, ensure_ascii=False), encoding="utf-8")
    return {"times": times, "cpu": cpu, "failures": failures}


def score(split: str, names: List[str], errors: bool) -> Dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp, "gold"), Path(tmp, "pred")
        gold_dir.mkdir()
        pred_dir.mkdir()
        for name in names:
            shutil.copy(PAGES / f"{name}.gold.json", gold_dir / f"{name}.gold.json")
        run = run_reader(names, pred_dir)
        out_json = Path(tmp, "scores.json")
        args = [sys.executable, str(SCORER), str(gold_dir), str(pred_dir), "--json", str(out_json)]
        proc = subprocess.run(args + (["--errors"] if errors else []), capture_output=True, text=True, check=True)
        scores = json.loads(out_json.read_text(encoding="utf-8"))
    return {"split": split, "pages": len(names), "report": proc.stdout, "scores": scores, **run}


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=SPLITS + ("all",), default="all")
    ap.add_argument("--errors", action="store_true", help="list every wrong field (dev only)")
    ap.add_argument("--i-know", action="store_true", help="allow --errors on the held-out split")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--prefix", default="", help="only the pages whose name starts with this")
    a = ap.parse_args(argv)
    if a.errors and a.split != "dev" and not a.i_know:
        ap.error("--errors shows the held-out pages' errors; use --split dev (or --i-know for a final report)")
    table = splits()
    wanted = SPLITS if a.split == "all" else (a.split,)
    results = []
    for split in wanted:
        names = sorted(n for n, s in table.items() if s == split and n.startswith(a.prefix))
        if not names:
            print(f"== {split}: no pages" + (f" named {a.prefix}*" if a.prefix else ""))
            continue
        res = score(split, names, a.errors)
        results.append(res)
        times = res["times"]
        print(f"== {split}: {len(names)} pages, median {statistics.median(times) * 1000:.1f} ms per page "
              f"(max {max(times) * 1000:.1f} ms; CPU median {statistics.median(res['cpu']) * 1000:.1f} ms)")
        report = res["report"]
        if split == "held-out" and not a.i_know:  # per-page figures point at pages: dev only
            report = "\n".join(line for line in report.splitlines() if not line.startswith("per page"))
        print(report)
        if split == "held-out" and not a.i_know and res["failures"]:  # their names point at pages too
            print(f"  no record: {len(res['failures'])} page(s)")
        else:
            for name, why in res["failures"].items():
                print(f"  no record: {name}: {why}")
    if a.json:
        Path(a.json).write_text(json.dumps([{k: v for k, v in r.items() if k != "report"} for r in results],
                                           indent=1, ensure_ascii=False, default=list), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
