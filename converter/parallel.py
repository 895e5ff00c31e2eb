"""Work spread over processes with the results in input order, and the progress bar a person
at a terminal sees while it runs (``--jobs N``, ``--quiet``).

What runs in parallel is what the single-process path already does independently: each input
is read on its own (``citeconv a.bib b.ris c.json``), each batch partition is converted on its
own. The combined result is the same, in the same order, whatever N is.
"""
from __future__ import annotations

import sys
import time
from typing import Any, Callable, Iterator, Sequence, TypeVar

from .forked import default_jobs

T = TypeVar("T")
R = TypeVar("R")

PROGRESS_AFTER = 1.0  # seconds: quicker work shows no bar at all


class Progress:
    """A progress bar on standard error, shown only when it is a terminal, not ``quiet``, and
    the work has taken more than a second; tqdm draws it."""

    def __init__(self, total: int, what: str, *, quiet: bool = False) -> None:
        self.enabled = not quiet and sys.stderr.isatty() and total > 1
        self.total, self.what = total, what
        self.done = 0
        self._bar: Any = None
        self._started = time.monotonic()

    def step(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self._started < PROGRESS_AFTER:
                return
            from tqdm import tqdm  # only when a bar is drawn: its import is start-up time otherwise

            self._bar = tqdm(total=self.total, desc=self.what, unit="", file=sys.stderr, leave=False,
                             initial=self.done - n)
        self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ordered_map(func: Callable[..., R], items: Sequence[T], *args: Any, jobs: int = 1,
                progress: Progress | None = None) -> Iterator[R]:
    """``func(item, *args)`` for each item, yielded in the items' order; over ``jobs``
    processes when there is more than one item. An exception in a worker is raised here."""
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            result = func(item, *args)
            if progress:
                progress.step()
            yield result
        return
    from concurrent.futures import ProcessPoolExecutor  # here: its import costs start-up time of every command

    with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
        futures = [pool.submit(func, item, *args) for item in items]
        for future in futures:
            result = future.result()
            if progress:
                progress.step()
            yield result


__all__ = ["PROGRESS_AFTER", "Progress", "default_jobs", "ordered_map"]
