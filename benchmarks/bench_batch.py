"""Throughput of `citeconv batch` per core: records per CPU second, local engine and Dask.

    .venv/bin/python benchmarks/bench_batch.py [--records 20000] [--partition 5000] [--repeat 3]
        [--to csljson ris bibtex] [--shared ../shared]

The input is ../shared/tools/gen_corpus.py's synthetic CSL-JSON corpus cut into gzipped JSON
Lines partitions (the Crossref public data file's layout). Each run is a whole command into a
fresh folder; CPU time is user + system of the command and the processes it waited for
(getrusage), so the figure per core does not depend on how many cores ran. Medians of
--repeat runs; peak memory is the largest resident size of one process. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from typing import List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def partitions(records: int, size: int, shared: str, workdir: str) -> str:
    base = os.path.join(workdir, "corpus")
    subprocess.run([sys.executable, os.path.join(shared, "tools", "gen_corpus.py"), str(records), base],
                   check=True, capture_output=True)
    with open(base + ".json", encoding="utf-8") as fh:
        items = json.load(fh)
    folder = os.path.join(workdir, "parts")
    os.makedirs(folder)
    for k in range(0, len(items), size):
        with gzip.open(os.path.join(folder, f"{k // size:04d}.jsonl.gz"), "wt", encoding="utf-8") as out:
            for item in items[k:k + size]:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return folder


def run(args: List[str], cwd: str = ROOT) -> Tuple[float, float, int]:
    """Wall and CPU seconds and peak RSS (KiB) of one command, run from a fresh wrapper in ``cwd``."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "w = time.perf_counter() - t; r = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(w, r.ru_utime + r.ru_stime, r.ru_maxrss, p.returncode)")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                         cwd=cwd).stdout.split()
    if out[3] not in ("0", "7"):
        raise SystemExit(f"failed ({out[3]}): {' '.join(args)}")
    return float(out[0]), float(out[1]), int(out[2])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--partition", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--to", nargs="+", default=["csljson", "ris", "bibtex"])
    ap.add_argument("--engines", nargs="+", default=["local", "dask"])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    workdir = tempfile.mkdtemp(prefix="bench-batch-")
    try:
        folder = partitions(args.records, args.partition, args.shared, workdir)
        print(f"{args.records} records in {len(os.listdir(folder))} partitions; medians of {args.repeat}\n")
        print("| -t | engine | CPU s | records per CPU second (per core) | wall s | peak MiB per process |")
        print("|---|---|---|---|---|---|")
        for to in args.to:
            for engine in args.engines:
                runs = []
                for _ in range(args.repeat):
                    out = os.path.join(workdir, "out")
                    shutil.rmtree(out, ignore_errors=True)
                    runs.append(run([sys.executable, "-m", "converter", "batch", folder, "-t", to, "-o", out,
                                     "--engine", engine, "-q"] + (["--jobs", "1"] if engine == "local" else [])))
                wall = statistics.median(r[0] for r in runs)
                cpu = statistics.median(r[1] for r in runs)
                peak = max(r[2] for r in runs) / 1024
                print(f"| {to} | {engine} | {cpu:.1f} | {args.records / cpu:,.0f} | {wall:.1f} | {peak:.0f} |")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
