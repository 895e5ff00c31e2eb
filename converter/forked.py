"""One big piece of work split into ranges over forked processes, the results in order
(``--jobs N`` on one bibliography).

A forked worker starts with everything the parent has built (a compiled style, a sorted and
disambiguated document), so nothing is sent to it but two numbers, and it sends back plain
data. Where the platform cannot fork, where other threads run (a thread holding a lock at
the fork would leave it locked in the worker for ever: the web server renders in threads),
or where the work is too small to pay for the processes (``minimum`` units each), it runs
here, in one piece: the result is the same either way.
"""
from __future__ import annotations

import _thread
import gc
import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, List, Optional, TypeVar

R = TypeVar("R")

# units of work (entries, records) below which a process costs more than it saves
MINIMUM_PER_JOB = 400

_task: Optional[Callable[[int, int], list]] = None  # what the forked workers run
_task_lock = _thread.allocate_lock()  # threading's Lock; threading itself loads when a fork is weighed


def default_jobs() -> int:
    """The machine's cores (those this process may use, where the system says)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing  # here, not at the top: its import is start-up time of every command
    import threading

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def only_thread() -> bool:
    """No thread but this one runs (threading, if nothing imported it, started none)."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a piece of work whose objects live until it ends
    (a whole bibliography's references, cites and documents): it would scan them again at
    every full collection as they pile up and find nothing to free (measured on 10k APA: 1.1 s
    of 6.9 s CPU, the same peak memory without it). Its forked workers inherit the pause. Only
    where no other thread runs, whose garbage would wait for it (the web server renders in
    threads); restored after."""
    if not gc.isenabled() or not only_thread():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def plan(total: int, jobs: Optional[int], minimum: Optional[int] = None) -> List[range]:
    """Consecutive ranges covering ``range(total)``: one per process that pays for itself."""
    wanted = default_jobs() if jobs is None else jobs
    minimum = MINIMUM_PER_JOB if minimum is None else minimum
    parts = max(1, min(wanted, total // max(minimum, 1)))
    return [range(total * k // parts, total * (k + 1) // parts) for k in range(parts)]


def _run(start: int, stop: int) -> list:
    assert _task is not None, "a worker forked without its task"
    return _task(start, stop)


def map_ranges(task: Callable[[int, int], List[R]], total: int, jobs: Optional[int] = 1,
               minimum: Optional[int] = None) -> List[R]:
    """``task(start, stop)`` over consecutive ranges of ``range(total)``, concatenated in
    order; the first range runs here while forked workers run the others. ``jobs`` None:
    the machine's cores. An exception in a worker is raised here."""
    ranges = plan(total, jobs, minimum)
    if len(ranges) == 1 or not can_fork():
        return task(0, total)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only when it forks: start-up time otherwise

    global _task
    with _task_lock:  # one split at a time: the workers find the task in this module
        _task = task
        try:
            with ProcessPoolExecutor(max_workers=len(ranges) - 1,
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                futures = [pool.submit(_run, r.start, r.stop) for r in ranges[1:]]
                out = task(ranges[0].start, ranges[0].stop)
                for future in futures:
                    out.extend(future.result())
        finally:
            _task = None
    return out


__all__ = ["MINIMUM_PER_JOB", "can_fork", "collector_paused", "default_jobs", "map_ranges", "only_thread", "plan"]
