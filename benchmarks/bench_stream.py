"""Peak memory and CPU time of whole-file conversions at growing sizes: the streamed path
(RIS, CSL-JSON or BibTeX in; CSL-JSON, RIS, BibTeX out) should stay flat while the input grows.

    .venv/bin/python benchmarks/bench_stream.py [--sizes 10000 100000] [--repeat 3]
        [--before /path/to/an/older/citeconv] [--shared ../shared]

Inputs are ../shared/tools/gen_corpus.py's corpora (CSL-JSON and the RIS made from it). Each
run is a whole command (start-up included); peak memory is its maximum resident size, CPU time
user + system; medians of --repeat. ``--before`` adds the same rows for another citeconv
command (e.g. one installed from an older commit) to compare. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from bench_batch import ROOT, run

TASKS = (("ris", "csljson"), ("ris", "bibtex"), ("ris", "ris"), ("json", "bibtex"), ("json", "ris"), ("bib", "csljson"),
         ("bib", "biblatex"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--before", help="another citeconv command to compare with")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    commands = {"this tree": [sys.executable, "-m", "converter"]}
    if args.before:
        commands = {"before": [args.before], **commands}
    workdir = tempfile.mkdtemp(prefix="bench-stream-")
    try:
        print("| records | task | citeconv | CPU s | peak MiB |")
        print("|---|---|---|---|---|")
        for n in args.sizes:
            base = os.path.join(workdir, f"c{n}")
            subprocess.run([sys.executable, os.path.join(args.shared, "tools", "gen_corpus.py"), str(n), base],
                           check=True, capture_output=True)
            for src, to in TASKS:
                for who, command in commands.items():
                    runs = [run([*command, f"{base}.{src}", "-t", to, "-q", "-o", os.path.join(workdir, "out")])
                            for _ in range(args.repeat)]
                    print(f"| {n:,} | {src} → {to} | {who} | {statistics.median(r[1] for r in runs):.1f} "
                          f"| {max(r[2] for r in runs) / 1024:.0f} |")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
