"""Does reading time grow linearly with the input, for every reader? And are the issue's runaway
inputs (a 10 MB field, a 100k-name byline) read or refused within 5 s and 300 MiB? (issue 18)

    .venv/bin/python benchmarks/bench_limits.py [--readers page reference ...] [--repeat 3]
        [--timeout 120] [--no-scaling] [--no-runaway]

Scaling: each reader reads an input whose one dimension grows 1x / 10x / 100x: a field of
2,000 / 20,000 / 200,000 characters (an abstract; a reference's title), a name list of
100 / 1,000 / 10,000 names (a byline), and for the multi-record formats 50 / 500 / 5,000
records. The limits (max_field_length, max_names, max_page_chars) are raised for this table so
that the algorithms themselves are measured, not the refusal; linear time shows as a ratio near
10 from one column to the next.

Runaway: the issue's inputs with the default limits; each is read (over-long values cut with a
warning) or refused at once with an error; the table says which, with its time and memory.

Each measurement runs in a fresh process (python bench_limits.py --child ...): the reader is
loaded and warmed up on a small input, then one read is timed. Time is the process's CPU time
for that read (user + system, so other processes on the machine change it little; the wall
time is printed beside it); memory is the process's peak resident size (interpreter, libraries
and the input itself included). Medians of --repeat. Nothing is asserted: it prints tables.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SENTENCE = "Regional innovation systems differ in how firms, universities and the state cooperate. "
RAISED = {"max_field_length": 10**9, "max_names": 10**9, "max_page_chars": 10**9}
SCALES = (1, 10, 100)
BASE = {"field": 2_000, "names": 100, "records": 50}
RUNAWAY = {"10 MB field": ("field", 10_000_000), "100k-name byline": ("names", 100_000)}
Name = Tuple[str, str]


def field_text(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars].strip()


def letters(i: int) -> str:
    out = ""
    while True:
        out += "abcdefghiklmnoprstuvz"[i % 21]
        i //= 21
        if not i:
            return out


def names(count: int) -> List[Name]:
    """(family, given) pairs made of letters only, all different, like real names."""
    return [("K" + letters(i) + "ova", "Anna") for i in range(count)]


# ---- one input per reader: (field text, names, number of records) -> text ------------------

def bibtex(field: str, people: List[Name], records: int) -> str:
    authors = " and ".join(f"{f}, {g}" for f, g in people)
    return "".join(f"@article{{key{k},\n  title = {{Title {k}}},\n  author = {{{authors}}},\n"
                   f"  journal = {{Journal}},\n  year = {{2020}},\n  abstract = {{{field}}}\n}}\n\n"
                   for k in range(records))


def ris(field: str, people: List[Name], records: int) -> str:
    authors = "".join(f"AU  - {f}, {g}\n" for f, g in people)
    return "".join(f"TY  - JOUR\nTI  - Title {k}\n{authors}JO  - Journal\nPY  - 2020\nAB  - {field}\nER  - \n\n"
                   for k in range(records))


def _csl(field: str, people: List[Name], k: int) -> Dict[str, Any]:
    return {"id": f"r{k}", "type": "article-journal", "title": f"Title {k}", "container-title": "Journal",
            "issued": {"date-parts": [[2020]]}, "author": [{"family": f, "given": g} for f, g in people],
            "abstract": field}


def csljson(field: str, people: List[Name], records: int) -> str:
    return json.dumps([_csl(field, people, k) for k in range(records)], ensure_ascii=False)


def crossref(field: str, people: List[Name], records: int) -> str:
    work = {"DOI": "10.1000/x", "type": "journal-article", "title": ["Title"], "container-title": ["Journal"],
            "issued": {"date-parts": [[2020]]}, "abstract": f"<jats:p>{field}</jats:p>",
            "author": [{"family": f, "given": g, "sequence": "additional"} for f, g in people]}
    return json.dumps({"status": "ok", "message-type": "work", "message": work})


def jats(field: str, people: List[Name], records: int) -> str:
    contribs = "".join(f'<contrib contrib-type="author"><name><surname>{f}</surname>'
                       f"<given-names>{g}</given-names></name></contrib>" for f, g in people)
    return ('<?xml version="1.0"?>\n<article><front><journal-meta><journal-title-group><journal-title>Journal'
            "</journal-title></journal-title-group></journal-meta><article-meta><title-group><article-title>"
            f"Title</article-title></title-group><contrib-group>{contribs}</contrib-group><pub-date><year>2020"
            f"</year></pub-date><abstract><p>{field}</p></abstract></article-meta></front></article>\n")


def htmlmeta(field: str, people: List[Name], records: int) -> str:
    authors = "".join(f'<meta name="citation_author" content="{f}, {g}">\n' for f, g in people)
    return ('<!DOCTYPE html>\n<html><head><meta name="citation_title" content="Title">\n' + authors
            + f'<meta name="citation_abstract" content="{html.escape(field)}">\n'
            '<meta name="citation_journal_title" content="Journal">\n</head><body><p>Text</p></body></html>\n')


def page(field: str, people: List[Name], records: int) -> str:
    byline = ", ".join(f"{g} {f}" for f, g in people)
    return (f"UDC 332.1\n\nRegional innovation systems of Russia\n\n{byline}\n\nAbstract: {field}\n\n"
            "Keywords: regions, innovation\n")


def _reference(field: str, people: List[Name], k: int) -> str:
    authors = ", ".join(f"{f} {g[0]}." for f, g in people)
    return f"{authors} {field or 'Title'} {k} // Journal. 2020. Vol. 1. P. 1–10."


def reference(field: str, people: List[Name], records: int) -> str:
    return _reference(field, people, 1)


def references(field: str, people: List[Name], records: int) -> str:
    return "\n".join(f"{k}. {_reference(field, people, k)}" for k in range(1, records + 1)) + "\n"


BUILD: Dict[str, Callable[[str, List[Name], int], str]] = {
    "page": page, "reference": reference, "references": references, "bibtex": bibtex, "ris": ris,
    "csljson": csljson, "jats": jats, "html": htmlmeta, "crossref": crossref}
MULTI = ("bibtex", "ris", "csljson", "references")


def build(reader: str, dimension: str, n: int) -> str:
    field = field_text(n) if dimension == "field" else "Short abstract."
    people = names(n) if dimension == "names" else names(2)
    return BUILD[reader](field, people, n if dimension == "records" else 1)


# ---- one measurement, in a fresh process ---------------------------------------------------

def child(reader: str, dimension: str, n: int, raised: bool) -> None:
    sys.path.insert(0, ROOT)
    import converter
    from converter.errors import ConversionError

    options = RAISED if raised else {}
    converter.read(build(reader, "records", 1), reader, **options)  # load and warm up the reader
    text = build(reader, dimension, n)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        result = converter.read(text, reader, **options)
        outcome = f"read {len(result.records)}, {len(result.diagnostics)} diagnostics"
        if result.diagnostics:
            outcome += f" ({result.diagnostics[0].message[:70]})"
    except ConversionError as err:
        outcome = f"refused: {str(err)[:90]}"
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"cpu": cpu, "wall": wall, "peak_mib": peak / 1024, "before_mib": rss_before / 1024,
                      "chars": len(text), "outcome": outcome}))


def measure(reader: str, dimension: str, n: int, raised: bool, repeat: int, timeout: float) -> Dict[str, Any]:
    runs = []
    for _ in range(repeat):
        cmd = [sys.executable, os.path.abspath(__file__), "--child", reader, dimension, str(n),
               "raised" if raised else "default"]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"timeout": True}
        if done.returncode:
            return {"error": done.stderr.strip().splitlines()[-1:]}
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in runs) for key in ("cpu", "wall", "peak_mib", "before_mib")} | {
        "chars": runs[0]["chars"], "outcome": runs[0]["outcome"]}


def cell(m: Dict[str, Any], timeout: float) -> str:
    if m.get("timeout"):
        return f"> {timeout:.0f} s"
    if m.get("error"):
        return f"error {m['error']}"
    return f"{m['cpu']:.3f}"


def scaling(readers: List[str], repeat: int, timeout: float) -> None:
    print("\n## CPU seconds per read as one dimension grows 1x / 10x / 100x (limits raised)\n")
    print("| reader | grows | 1x | 10x | 100x | 10x/1x | 100x/10x | input at 100x | peak MiB at 100x |")
    print("|---|---|---|---|---|---|---|---|---|")
    for reader in readers:
        for dimension in ("field", "names", "records"):
            if dimension == "records" and reader not in MULTI:
                continue
            ms = [measure(reader, dimension, BASE[dimension] * s, True, repeat, timeout) for s in SCALES]
            ratios = [f"{b['cpu'] / a['cpu']:.1f}" if "cpu" in a and "cpu" in b and a["cpu"] > 0 else "-"
                      for a, b in zip(ms, ms[1:])]
            last = ms[-1]
            size = f"{last['chars']:,} chars" if "chars" in last else "-"
            peak = f"{last['peak_mib']:.0f}" if "peak_mib" in last else "-"
            label = f"{dimension} ({BASE[dimension]:,}-{BASE[dimension] * SCALES[-1]:,})"
            print(f"| {reader} | {label} | {' | '.join(cell(m, timeout) for m in ms)} | {' | '.join(ratios)} "
                  f"| {size} | {peak} |", flush=True)


def runaway(readers: List[str], repeat: int, timeout: float) -> None:
    print("\n## The issue's runaway inputs, default limits (goal: under 5 s and 300 MiB, or refused at once)\n")
    print("| reader | input | chars | CPU s | wall s | peak MiB (before the read) | outcome |")
    print("|---|---|---|---|---|---|---|")
    for reader in readers:
        for label, (dimension, n) in RUNAWAY.items():
            m = measure(reader, dimension, n, False, repeat, timeout)
            if "cpu" not in m:
                print(f"| {reader} | {label} | - | {cell(m, timeout)} | - | - | - |", flush=True)
                continue
            print(f"| {reader} | {label} | {m['chars']:,} | {m['cpu']:.2f} | {m['wall']:.2f} | "
                  f"{m['peak_mib']:.0f} ({m['before_mib']:.0f}) | {m['outcome'].replace('|', '/')} |", flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        reader, dimension, n, limits = sys.argv[2:6]
        child(reader, dimension, int(n), limits == "raised")
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--readers", nargs="+", default=list(BUILD), choices=list(BUILD))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per measurement before giving up")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--no-runaway", action="store_true")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if not args.no_scaling:
        scaling(args.readers, args.repeat, args.timeout)
    if not args.no_runaway:
        runaway(args.readers, args.repeat, args.timeout)


if __name__ == "__main__":
    main()
