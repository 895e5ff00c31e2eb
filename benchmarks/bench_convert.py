"""Conversion speed and memory against peer tools, in one run, as medians and ratios.

    .venv/bin/python benchmarks/bench_convert.py [--sizes 1000 10000] [--repeat 3] [--shared ../shared]

The input is ../shared/tools/gen_corpus.py's synthetic corpus (journal articles with non-ASCII
and Cyrillic names, particles, LaTeX escapes, math) as BibTeX, RIS and CSL-JSON. Each task is
run as a whole command (process start-up included) so that every tool is measured the same way:

  bib -> CSL-JSON     citeconv            pandoc -f bibtex -t csljson
  RIS -> CSL-JSON     citeconv            rispy (python -c 'rispy.load')  (parse only, no CSL)
  CSL-JSON -> biblatex citeconv           pandoc -f csljson -t biblatex
  CSL-JSON -> RIS     citeconv            (no peer in this run)

Time is the median wall time of --repeat runs (a small wrapper process is included for every
tool alike); memory is the command's peak RSS (getrusage of a fresh wrapper's children).
A missing peer is reported and skipped. Nothing here is asserted: it prints figures.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Dict, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable


def corpus(n: int, shared: str, workdir: str) -> str:
    base = os.path.join(workdir, f"syn{n}")
    subprocess.run([PY, os.path.join(shared, "tools", "gen_corpus.py"), str(n), base], check=True,
                   capture_output=True)
    return base


# A fresh wrapper process per run, so that its children's peak RSS is this command's alone.
_WRAPPER = ("import resource, subprocess, sys\n"
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
            "sys.stderr.write(p.stderr.decode(errors='replace')[-500:])\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "sys.exit(p.returncode)")


def run(cmd: List[str]) -> Tuple[float, float]:
    """(seconds, peak RSS in MiB) of one run of a command; fails loudly if the command fails."""
    start = time.perf_counter()
    proc = subprocess.run([PY, "-c", _WRAPPER, *cmd], capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 7):
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.decode()}")
    return elapsed, int(proc.stdout) / 1024


def measure(cmd: List[str], repeat: int) -> Tuple[float, float]:
    times, peaks = [], []
    for _ in range(repeat):
        t, m = run(cmd)
        times.append(t)
        peaks.append(m)
    return statistics.median(times), max(peaks)


def tasks(base: str) -> Dict[str, List[Tuple[str, List[str] | None]]]:
    citeconv = [PY, "-m", "converter", "-q"]
    pandoc = shutil.which("pandoc")
    rispy_cmd = [PY, "-c", "import rispy,sys; rispy.load(open(sys.argv[1], encoding='utf-8'))", base + ".ris"]
    return {
        "bib -> CSL-JSON": [("citeconv", citeconv + [base + ".bib", "-f", "bibtex", "-t", "csljson"]),
                            ("pandoc", [pandoc, "-f", "bibtex", "-t", "csljson", base + ".bib"] if pandoc else None)],
        "RIS -> CSL-JSON": [("citeconv", citeconv + [base + ".ris", "-f", "ris", "-t", "csljson"]),
                            ("rispy (parse only)", rispy_cmd)],
        "CSL-JSON -> biblatex": [("citeconv", citeconv + [base + ".json", "-f", "csljson", "-t", "biblatex"]),
                                 ("pandoc", [pandoc, "-f", "csljson", "-t", "biblatex", base + ".json"]
                                  if pandoc else None)],
        "CSL-JSON -> RIS": [("citeconv", citeconv + [base + ".json", "-f", "csljson", "-t", "ris"])],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(HERE), "..", "shared"))
    args = ap.parse_args()
    os.chdir(os.path.dirname(HERE))
    with tempfile.TemporaryDirectory() as work:
        for n in args.sizes:
            base = corpus(n, args.shared, work)
            print(f"\n== {n} records ==")
            print(f"{'task':<22}{'tool':<22}{'median s':>10}{'peak MiB':>10}{'ratio':>8}")
            for task, tools in tasks(base).items():
                ours = None
                for name, cmd in tools:
                    if cmd is None:
                        print(f"{task:<22}{name:<22}{'(not installed)':>28}")
                        continue
                    seconds, mib = measure(cmd, args.repeat)
                    ours = ours or seconds
                    print(f"{task:<22}{name:<22}{seconds:>10.2f}{mib:>10.0f}{seconds / ours:>8.2f}")


if __name__ == "__main__":
    main()
