"""Peak memory and CPU time of whole-file conversions at growing sizes: the streamed path
(RIS, CSL-JSON or BibTeX in; CSL-JSON, RIS, BibTeX, APA, GOST out) should stay flat while the
input grows, and CPU time per record should not grow.

    .venv/bin/python benchmarks/bench_stream.py [--sizes 10000 100000] [--repeat 3]
        [--tasks json:apa json:gost] [--before /path/to/an/older/citeconv] [--shared ../shared]

``--tasks`` picks rows as INPUT:FORMAT (default: the conversions below, without the CSL
styles, whose 100k rows take many minutes each: ``--tasks json:apa json:gost --sizes 1000
10000 100000 --repeat 1`` for those).

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
    ap.add_argument("--tasks", nargs="+", metavar="INPUT:FORMAT", help="rows to run, e.g. json:apa bib:csljson")
    ap.add_argument("--before", help="another citeconv command to compare with")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    tasks = [tuple(t.split(":", 1)) for t in args.tasks] if args.tasks else TASKS
    commands = {"this tree": [sys.executable, "-m", "converter"]}
    if args.before:
        commands = {"before": [args.before], **commands}
    workdir = tempfile.mkdtemp(prefix="bench-stream-")
    try:
        print("| records | task | citeconv | CPU s | CPU ms per record | peak MiB |")
        print("|---|---|---|---|---|---|")
        for n in args.sizes:
            base = os.path.join(workdir, f"c{n}")
            subprocess.run([sys.executable, os.path.join(args.shared, "tools", "gen_corpus.py"), str(n), base],
                           check=True, capture_output=True)
            for src, to in tasks:
                for who, command in commands.items():
                    # the 100k CSL-JSON corpus is over the default input limit (50 MB)
                    runs = [run([*command, f"{base}.{src}", "-t", to, "-q", "-o", os.path.join(workdir, "out"),
                                 "--max-input-bytes", str(1 << 30)])
                            for _ in range(args.repeat)]
                    cpu = statistics.median(r[1] for r in runs)
                    print(f"| {n:,} | {src} → {to} | {who} | {cpu:.1f} | {cpu / n * 1000:.2f} "
                          f"| {max(r[2] for r in runs) / 1024:.0f} |")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
