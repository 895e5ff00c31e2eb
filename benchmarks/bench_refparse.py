"""Median time to parse one reference string (rules + CRF), over held-out refdata strings.

    .venv/bin/python benchmarks/bench_refparse.py [--n 2000] [--refdata ../shared/refdata]

Prints the median, 90th percentile and maximum per reference, after one warm-up call that
loads the model, and the median CPU time (on a shared machine the wall time measures the load too). Issue 16 asks for under 1 ms per reference (a median; issue 10 had asked for 5 ms).
Then the time for long junk strings at two sizes: a rule whose cost grows faster than the
string's length shows as a ratio well above 2 (2026-11-28: a quadratic link pattern in gost.py and a
per-full-stop look-back in heuristic.sentence_breaks replaced; 'М.:' x 8000 went from 6.1 s to 0.3 s
and every ratio is now about 2, the URL case 2.8).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from converter.references import crf as model
from converter.references import parse_reference  # noqa: E402
from tools.refmodel.refdata import load_all, split  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--refdata", default=os.path.join(ROOT, "..", "shared", "refdata"))
    a = ap.parse_args()
    _, held_out, gost = split(load_all(a.refdata))
    strings = [r.text for r in (held_out + gost)][: a.n]
    parse_reference(strings[0])  # load the model once
    times, cpu = [], []
    for s in strings:
        t, c = time.perf_counter(), time.process_time()
        parse_reference(s)
        cpu.append((time.process_time() - c) * 1000)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"model loaded: {model.available()}; {len(times)} references")
    print(f"median {statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms, "
          f"max {times[-1]:.2f} ms, total {sum(times) / 1000:.1f} s; CPU median {statistics.median(cpu):.2f} ms")
    for unit in ("А. ", "Иванов И.И., ", "М.:", "Т.1, №2. С.3-4. ", "Abc Def ", "http:// www.x.org/ a/ "):
        took = []
        for n in (2000, 4000):
            t = time.perf_counter()
            parse_reference(unit * (n // len(unit) * 3))
            took.append(time.perf_counter() - t)
        print(f"long string {unit!r}: {took[0] * 1000:.0f} ms at 6k chars, {took[1] * 1000:.0f} ms at 12k "
              f"(ratio {took[1] / max(took[0], 1e-9):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
