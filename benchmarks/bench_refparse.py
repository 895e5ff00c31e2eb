"""Median time to parse one reference string (rules + CRF), over held-out refdata strings.

    .venv/bin/python benchmarks/bench_refparse.py [--n 2000] [--refdata ../shared/refdata]

Prints the median, 90th percentile and maximum per reference, after one warm-up call that
loads the model. The issue's target is a median of at most 5 ms on the development machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from converter.references import model, parse_reference  # noqa: E402
from converter.references.refdata import load_all, split  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--refdata", default=os.path.join(ROOT, "..", "shared", "refdata"))
    a = ap.parse_args()
    _, held_out, gost = split(load_all(a.refdata))
    strings = [r.text for r in (held_out + gost)][: a.n]
    parse_reference(strings[0])  # load the model once
    times = []
    for s in strings:
        t = time.perf_counter()
        parse_reference(s)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"model loaded: {model.available()}; {len(times)} references")
    print(f"median {statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms, "
          f"max {times[-1]:.2f} ms, total {sum(times) / 1000:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
