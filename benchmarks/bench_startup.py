"""Start-up latency of the ``citeconv`` command: one BibTeX record to every -t, as whole commands.

    .venv/bin/python benchmarks/bench_startup.py [--repeat 7] [--to apa gost ...] [--input FILE]
                                                 [--against REF]

Each run is ``python -m converter ONE.bib -f bibtex -t TO -q`` from a fresh wrapper
(bench_batch.run), output to /dev/null; wall and CPU seconds (user + system) are medians of
--repeat runs, peak MiB the largest resident size seen. Two floors run in the same rounds:
``python -c pass`` (the interpreter alone) and ``python -c "import citeproc"`` (what any CSL
output must load). Rounds are interleaved, so every command sees the same machine load; read the
ratios to the floors rather than the seconds on a shared machine.

--against REF (a git ref, e.g. main) also runs that commit's package (``git archive`` of
converter/ and styles/ into a temporary folder) in the same rounds. Both trees run with compiled
bytecode, as an installed copy would. Nothing is asserted: it prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from typing import Dict, List, Optional, Tuple

from bench_batch import ROOT, run

PY = sys.executable

# One small record: non-ASCII, a LaTeX escape, a DOI; what a user pastes in to get one citation.
ONE_BIB = r"""@article{kovacevic2008,
  author = {Kova{\v{c}}evi{\'c}, {\v{Z}}eljko and Williams, Thomas},
  title = {Temporal inference in the {Ginzburg--Landau} model: a case study},
  journal = {Journal of Applied Psychology},
  year = {2008},
  volume = {36},
  number = {4},
  pages = {101--118},
  doi = {10.2654/japplp.2008.49923},
  language = {english}
}
"""


def output_formats() -> List[str]:
    """Every -t this tree's registry writes."""
    sys.path.insert(0, ROOT)
    from converter import registry

    return [fmt.name for fmt in registry.formats() if fmt.writer]


def extra_args(to: str) -> List[str]:
    return ["--style", "chicago-author-date"] if to == "csl" else []


def checkout(ref: str, workdir: str) -> str:
    """REF's converter/ and styles/ in a folder of their own."""
    tree = os.path.join(workdir, "ref")
    os.makedirs(tree)
    archive = subprocess.run(["git", "-C", ROOT, "archive", ref, "converter", "styles"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
    return tree


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--to", nargs="+", help="output formats (default: every one)")
    ap.add_argument("--input", help="a file to convert instead of the built-in one-record .bib (read with -f auto)")
    ap.add_argument("--against", metavar="REF", help="also time this git ref's package in the same rounds")
    args = ap.parse_args()
    formats = args.to or output_formats()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode as an installed copy has it
    workdir = tempfile.mkdtemp(prefix="bench-startup-")
    try:
        if args.input:
            one, source = os.path.abspath(args.input), []
        else:
            one, source = os.path.join(workdir, "one.bib"), ["-f", "bibtex"]
            with open(one, "w", encoding="utf-8") as fh:
                fh.write(ONE_BIB)
        trees = {"this tree": ROOT}
        if args.against:
            trees[args.against] = checkout(args.against, workdir)
        for tree in trees.values():
            subprocess.run([PY, "-m", "compileall", "-q", os.path.join(tree, "converter")], check=True)
        # (label, command, folder it runs in: python -m converter imports the package from there)
        commands: List[Tuple[str, List[str], str]] = [
            ("python -c pass", [PY, "-c", "pass"], ROOT),
            ("python -c 'import citeproc'", [PY, "-c", "import citeproc"], ROOT),
        ]
        for to in formats:
            for name, tree in trees.items():
                cmd = [PY, "-m", "converter", one, *source, "-t", to, *extra_args(to), "-q"]
                commands.append((f"{to}|{name}", cmd, tree))
        runs: Dict[str, List[Tuple[float, float, int]]] = {label: [] for label, _, _ in commands}
        for _ in range(args.repeat):  # interleaved rounds
            for label, cmd, cwd in commands:
                runs[label].append(run(cmd, cwd=cwd))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    def median(label: str, k: int) -> float:
        return statistics.median(r[k] for r in runs[label])

    floor, citeproc_floor = median("python -c pass", 0), median("python -c 'import citeproc'", 0)
    print(f"medians of {args.repeat}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the end; "
          f"floors: python -c pass {floor:.3f} s, import citeproc {citeproc_floor:.3f} s\n")
    against: Optional[str] = args.against
    head = "| -t | wall s | CPU s | peak MiB | ÷ python -c pass | ÷ import citeproc |"
    rule = "|---|---|---|---|---|---|"
    if against:
        head += f" {against} wall s | {against} CPU s | this ÷ {against} (wall) |"
        rule += "---|---|---|"
    print(head)
    print(rule)
    for to in formats:
        label = f"{to}|this tree"
        wall = median(label, 0)
        row = (f"| {to} | {wall:.3f} | {median(label, 1):.3f} | {max(r[2] for r in runs[label]) / 1024:.0f} | "
               f"{wall / floor:.1f}× | {wall / citeproc_floor:.2f}× |")
        if against:
            ref = median(f"{to}|{against}", 0)
            row += f" {ref:.3f} | {median(f'{to}|{against}', 1):.3f} | {wall / ref:.2f}× |"
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
