"""One whole command (``citeconv ARGS...``) in this process, step by step: wall seconds, this
process's CPU and its forked workers' CPU for each step of reading, checking and rendering, and
the cyclic garbage collector's share.

    .venv/bin/python benchmarks/bench_split.py FILE -t apa -q --jobs 2

Run it from the root of the tree to measure (that tree's ``converter`` is imported). What this
process spends beyond its workers is the serial part: on a quiet machine with as many cores as
jobs, the wall time is about this process's CPU. ``bench_apa.py --split`` does the same for the
render alone, on items already in memory. Steps a command does not reach print nothing.
"""
from __future__ import annotations

import gc
import os
import resource
import sys
import time
from typing import Any, Callable, Dict, Tuple

Clock = Tuple[float, float, float]


def clock() -> Clock:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> int:
    start = clock()
    sys.path.insert(0, os.getcwd())
    import converter.api as api
    import converter.cli as cli
    import converter.model as model
    import converter.readers.csljson as csljson
    import converter.registry as registry
    from converter.rendering import cites, engine
    from converter.writers import csl

    steps: Dict[str, Clock] = {}

    def timed(owner: Any, name: str, label: str) -> None:
        real: Callable[..., Any] = getattr(owner, name)

        def run(*a: Any, **k: Any) -> Any:
            before = clock()
            try:
                return real(*a, **k)
            finally:
                after, old = clock(), steps.get(label, (0.0, 0.0, 0.0))
                steps[label] = tuple(o + x - y for o, x, y in zip(old, after, before))  # type: ignore[assignment]
        setattr(owner, name, run)

    for owner, name, label in (
            (api, "decode", "read: decode"), (api, "strip_uncarriable", "read: strip_uncarriable"),
            (registry, "detect", "read: detect"), (csljson, "read", "read: CSL-JSON reader"),
            (model.Result, "locate", "read: locate"), (api, "clip_records", "read: clip_records"),
            (api, "check_items", "write: check_items"), (csl, "_write_with", "write: style loaded, rendered"),
            (engine, "convert_items", "  render: references made"), (cites.Document, "sort", "  render: sort"),
            (engine, "disambiguate", "  render: disambiguation"), (engine, "_entries", "  render: entries")):
        timed(owner, name, label)
    collected = [0.0, 0]
    began = [0.0]

    def collector(phase: str, info: Dict[str, Any]) -> None:
        if phase == "start":
            began[0] = time.process_time()
        else:
            collected[0] += time.process_time() - began[0]
            collected[1] += 1
    gc.callbacks.append(collector)
    imported = clock()
    sys.argv = ["citeconv", *sys.argv[1:]]
    stdout, sys.stdout = sys.stdout, open(os.devnull, "w")
    try:
        code = cli.main()
    finally:
        sys.stdout.close()
        sys.stdout = stdout
        gc.callbacks.remove(collector)
    end = clock()
    print(f"load {os.getloadavg()[0]:.1f}, exit {code}: step, wall s, this process's CPU s, workers' CPU s")
    print(f"  {'imports':<34} " + " ".join(f"{e - s:7.2f}" for e, s in zip(imported, start)))
    for label, (wall, mine, workers) in steps.items():
        print(f"  {label:<34} {wall:7.2f} {mine:7.2f} {workers:7.2f}")
    print(f"  {'the command (after the imports)':<34} " + " ".join(f"{e - s:7.2f}" for e, s in zip(end, imported)))
    print(f"  cyclic garbage collector in this process: {collected[1]} collections, {collected[0]:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
