"""Start-up latency of the ``citeconv`` command: one record to every -t, as whole commands.

    .venv/bin/python benchmarks/bench_startup.py [--repeat 7] [--to apa gost ...]
                                                 [--inputs bib ris csljson page FILE ...] [--against REF]

Each run is ``python -m converter ONE -t TO -q`` from a fresh wrapper (bench_batch.run), output
to /dev/null; wall and CPU seconds (user + system) are medians of --repeat runs, peak MiB the
largest resident size seen. --inputs names the inputs: ``bib``, ``ris`` and ``csljson`` are one
small record each (the same record; read with -f named, as a user who knows the format types
it), ``page`` is the seed article page in examples/ (read with -f auto), anything else a file
read with -f auto; by default ``bib`` alone. Two floors run in the same rounds:
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
# The same record as RIS and as CSL-JSON (what the BibTeX reader makes of it).
ONE_RIS = """TY  - JOUR
AU  - Kovačević, Željko
AU  - Williams, Thomas
TI  - Temporal inference in the Ginzburg–Landau model: a case study
T2  - Journal of Applied Psychology
PY  - 2008
VL  - 36
IS  - 4
SP  - 101
EP  - 118
DO  - 10.2654/japplp.2008.49923
LA  - english
ID  - kovacevic2008
ER  -
"""
ONE_CSLJSON = """[{"id": "kovacevic2008", "type": "article-journal",
  "author": [{"family": "Kovačević", "given": "Željko"}, {"family": "Williams", "given": "Thomas"}],
  "title": "Temporal inference in the Ginzburg–Landau model: a case study",
  "container-title": "Journal of Applied Psychology", "issued": {"date-parts": [[2008]]},
  "volume": "36", "issue": "4", "page": "101-118", "DOI": "10.2654/japplp.2008.49923",
  "language": "en"}]
"""
BUILT_IN = {"bib": ("one.bib", ONE_BIB, "bibtex"), "ris": ("one.ris", ONE_RIS, "ris"),
            "csljson": ("one.json", ONE_CSLJSON, "csljson")}
SEED_PAGE = os.path.join(ROOT, "examples", "regionology-2025-33-4-578.txt")


def output_formats() -> List[str]:
    """Every -t this tree's registry writes."""
    sys.path.insert(0, ROOT)
    from converter import registry

    return [fmt.name for fmt in registry.formats() if fmt.writer]


def extra_args(to: str) -> List[str]:
    return ["--style", "chicago-author-date"] if to == "csl" else []


def input_files(names: List[str], workdir: str) -> List[Tuple[str, str, List[str]]]:
    """(name, path, -f arguments) of each input asked for."""
    found = []
    for name in names:
        if name in BUILT_IN:
            filename, text, fmt = BUILT_IN[name]
            path = os.path.join(workdir, filename)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            found.append((name, path, ["-f", fmt]))
        else:
            path = SEED_PAGE if name == "page" else os.path.abspath(name)
            found.append((name, path, []))
    return found


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
    ap.add_argument("--inputs", nargs="+", default=["bib"],
                    help="bib, ris, csljson (one built-in record each), page (the seed page) or files (-f auto)")
    ap.add_argument("--against", metavar="REF", help="also time this git ref's package in the same rounds")
    args = ap.parse_args()
    formats = args.to or output_formats()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode as an installed copy has it
    workdir = tempfile.mkdtemp(prefix="bench-startup-")
    try:
        inputs = input_files(args.inputs, workdir)
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
            for source, path, how in inputs:
                for name, tree in trees.items():
                    cmd = [PY, "-m", "converter", path, *how, "-t", to, *extra_args(to), "-q"]
                    commands.append((f"{to}|{source}|{name}", cmd, tree))
        runs: Dict[str, List[Tuple[float, float, int]]] = {label: [] for label, _, _ in commands}
        for k in range(args.repeat):  # interleaved rounds, every other one in reverse order
            for label, cmd, cwd in (commands if k % 2 == 0 else commands[::-1]):
                runs[label].append(run(cmd, cwd=cwd))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    def median(label: str, k: int) -> float:
        return statistics.median(r[k] for r in runs[label])

    floor, citeproc_floor = median("python -c pass", 0), median("python -c 'import citeproc'", 0)
    print(f"medians of {args.repeat}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the end; "
          f"floors: python -c pass {floor:.3f} s, import citeproc {citeproc_floor:.3f} s\n")
    against: Optional[str] = args.against
    head = "| -t | input | wall s | CPU s | peak MiB | ÷ python -c pass | ÷ import citeproc |"
    rule = "|---|---|---|---|---|---|---|"
    if against:
        head += f" {against} wall s | {against} CPU s | this ÷ {against} (wall) | (CPU) |"
        rule += "---|---|---|---|"
    print(head)
    print(rule)
    for to in formats:
        for source, _, _ in inputs:
            label = f"{to}|{source}|this tree"
            wall, cpu = median(label, 0), median(label, 1)
            row = (f"| {to} | {source} | {wall:.3f} | {cpu:.3f} | {max(r[2] for r in runs[label]) / 1024:.0f} | "
                   f"{wall / floor:.1f}× | {wall / citeproc_floor:.2f}× |")
            if against:
                ref, ref_cpu = median(f"{to}|{source}|{against}", 0), median(f"{to}|{source}|{against}", 1)
                row += f" {ref:.3f} | {ref_cpu:.3f} | {wall / ref:.2f}× | {cpu / ref_cpu:.2f}× |"
            print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
