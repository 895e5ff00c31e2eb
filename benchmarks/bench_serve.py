"""Time `citeconv serve`'s API on the seed page over real HTTP on the loopback interface.

    .venv/bin/python benchmarks/bench_serve.py [--repeats 30] [--seed examples/regionology-2025-33-4-578.txt]

Starts the app under uvicorn in this process on a free 127.0.0.1 port (nothing else is
contacted), makes one warm-up request (it loads the reference model and the styles), then
times each request --repeats times and prints the median, the slowest and the first (cold)
time. The issue's target: the API answers the seed page in under 300 ms. Each request is
the whole round trip: JSON encoding, HTTP, reading the page, writing, the JSON answer.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import uvicorn  # noqa: E402

from converter import registry  # noqa: E402
from converter.web.app import create_app  # noqa: E402
from converter.web.serve import _listen  # noqa: E402


def post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 (loopback only)
        return json.load(response)


def timed(url: str, body: dict, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        post(url, body)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=30)
    ap.add_argument("--seed", default=os.path.join(ROOT, "examples", "regionology-2025-33-4-578.txt"))
    a = ap.parse_args()
    text = open(a.seed, encoding="utf-8").read()

    sock = _listen("127.0.0.1", 0)
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    start = time.perf_counter()
    post(base + "/api/convert", {"text": text, "to": "apa"})
    cold = (time.perf_counter() - start) * 1000
    records = post(base + "/api/read", {"text": text})["records"]
    writers = [f.name for f in registry.formats() if f.writer and f.name != "csl"]
    cases = [
        ("convert seed -> apa", "/api/convert", {"text": text, "to": "apa"}),
        ("convert seed -> gost", "/api/convert", {"text": text, "to": "gost"}),
        ("convert seed -> csljson", "/api/convert", {"text": text, "to": "csljson"}),
        ("convert seed -> gost, references", "/api/convert", {"text": text, "to": "gost", "references": True}),
        ("read seed (the page's first step)", "/api/read", {"text": text}),
        (f"write the record in all {len(writers)} formats", "/api/write", {"records": records, "to": writers}),
    ]
    print(f"seed page: {len(text):,} characters; {a.repeats} repeats each; first request (cold) {cold:.0f} ms")
    for label, path, body in cases:
        times = timed(base + path, body, a.repeats)
        print(f"{label:<42} median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms")
    server.should_exit = True
    thread.join(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
