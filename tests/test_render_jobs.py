"""--jobs on one bibliography: sorted and disambiguated once, its entries rendered in ranges by
forked processes; the output is the same as in one process, for any number of jobs."""
from __future__ import annotations

import multiprocessing
import os

import pytest

from converter import forked, write
from converter.rendering import render
from converter.rendering.styles import LoadedStyle, find_style

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="this platform cannot fork")


@pytest.fixture(autouse=True)
def forking(monkeypatch):
    # earlier tests in the same session may leave idle threads behind (a Dask cluster's,
    # say), which keep can_fork() from forking; these renders touch no lock of theirs
    monkeypatch.setattr(forked, "can_fork", lambda: True)


def _items(n: int):
    authors = [[{"family": "Doe", "given": "Jane"}], [{"family": "Roe", "given": "Richard"}],
               [{"family": "Петров", "given": "Иван"}, {"family": "Doe", "given": "Jane"}]]
    return [{"id": f"r{i}", "type": "article-journal", "title": f"Study number {i}",
             "author": authors[i % 3], "container-title": "Journal of Tests",
             "issued": {"date-parts": [[2000 + i % 4]]}, "volume": str(i), "page": f"{i}-{i + 9}"}
            for i in range(n)]


@pytest.fixture
def small_ranges(monkeypatch):
    monkeypatch.setattr(forked, "MINIMUM_PER_JOB", 4)


def test_work_is_split_only_when_each_process_gets_enough():
    assert [len(r) for r in forked.plan(30, 3, 4)] == [10, 10, 10]
    assert len(forked.plan(30, 3, 20)) == 1
    assert len(forked.plan(30, 1, 4)) == 1
    ranges = forked.plan(31, 2, 4)
    assert ranges[0].start == 0 and ranges[-1].stop == 31 and ranges[0].stop == ranges[1].start


def test_ranges_run_in_separate_processes_and_come_back_in_order():
    out = forked.map_ranges(lambda start, stop: [(n, os.getpid()) for n in range(start, stop)], 30, 3, 4)
    assert [n for n, _ in out] == list(range(30))
    # the first range here, the others in workers (one worker may take two)
    assert out[0][1] == os.getpid() and all(pid != os.getpid() for _, pid in out[10:])


@pytest.mark.parametrize("style", ["apa", "modern-language-association"])
def test_split_bibliography_is_the_one_process_bibliography(style, small_ranges):
    items = _items(32)
    loaded = LoadedStyle(find_style(style), None)
    one = render(items, loaded, jobs=1)
    for jobs in (2, 3):
        assert render(items, loaded, jobs=jobs) == one
    assert len(one.entries) == 32
    if style == "modern-language-association":
        # subsequent-author-substitute compares each entry with the one before it, also at
        # the start of a range: the same author, in a row, is printed once
        assert sum(entry.startswith("———.") for entry in one.entries) == 29
        starts = [r.start for jobs in (2, 3) for r in forked.plan(32, jobs)][1:]
        assert all(one.entries[start].startswith("———.") for start in starts if start)


def test_split_year_suffixes_match(small_ranges):
    # disambiguation is decided once, before the split: year suffixes reach every range
    items = [dict(item, issued={"date-parts": [[2001]]}) for item in _items(24)]
    loaded = LoadedStyle(find_style("apa"), None)
    one = render(items, loaded, jobs=1)
    assert any("(2001b)" in entry for entry in one.entries)
    assert render(items, loaded, jobs=3) == one


@pytest.mark.parametrize("to", ["apa", "gost", "gost-2008"])
def test_writers_give_the_same_text_for_any_jobs(to, small_ranges):
    items = _items(25)
    one = write(items, to, jobs=1)
    assert str(write(items, to, jobs=3)) == str(one)
    assert [d.message for d in write(items, to, jobs=3).diagnostics] == [d.message for d in one.diagnostics]


def test_no_fork_while_another_thread_runs(monkeypatch):
    import threading

    monkeypatch.undo()  # the real can_fork
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
        out = forked.map_ranges(lambda start, stop_: [os.getpid()] * (stop_ - start), 30, 3, 4)
        assert out == [os.getpid()] * 30
    finally:
        stop.set()
        thread.join()


# -- the sort's keys and disambiguation's groups over forked processes ------------------------

def test_the_sort_by_level_is_the_sort_by_tie_group():
    import random

    from converter.rendering.sorting import tiered_order, tiered_order_by_level

    r = random.Random(3)
    for _ in range(200):
        n, levels = r.randint(0, 40), r.randint(1, 4)
        table = [[r.choice([None, 1, 2, 2, 3]) for _ in range(levels)] for _ in range(n)]
        descending = [r.random() < 0.3 for _ in range(levels)]
        def values(level, indices):
            return [table[i][level] for i in indices]

        by_level = tiered_order_by_level(list(range(n)), descending, values)
        assert by_level == tiered_order(list(range(n)), descending, values)
    # one call a level, for every item that ties on the keys before it
    calls: list = []
    tiered_order_by_level(list(range(6)), [False, False], lambda level, ix: calls.append(ix) or [i % 2 for i in ix])
    assert calls == [list(range(6)), [0, 2, 4, 1, 3, 5]]


@pytest.mark.parametrize("style", ["citeconv-apa", "modern-language-association", "ieee",
                                   "fachhochschule-sudwestfalen",
                                   "art-libraries-society-of-north-america-arlisna-reviews"])
def test_sort_and_disambiguation_over_processes_give_the_one_process_render(style, small_ranges, monkeypatch):
    """Varied items whose cites clash (names added, given names, the disambiguate condition,
    year suffixes): sorted and disambiguated with the keys and groups in forked processes."""
    from test_render_bounded import ITEMS

    from converter.rendering import disambiguation
    from converter.rendering.styles import load_style

    monkeypatch.setattr(disambiguation, "GROUPS_PER_JOB", 2)
    loaded = load_style(style, None)
    one = render(ITEMS, loaded, jobs=1, citations=True)
    for jobs in (2, 3):
        assert render(ITEMS, loaded, jobs=jobs, citations=True) == one


def test_groups_are_dealt_to_ranges_of_about_the_same_cost():
    from converter.rendering.disambiguation import balanced

    groups = [[n] * size for n, size in enumerate([9, 1, 1, 1, 8, 2, 2, 2, 1, 1])]
    ordered = balanced(groups, 2, 1)
    assert sorted(map(tuple, ordered)) == sorted(map(tuple, groups))
    halves = [ordered[r.start:r.stop] for r in forked.plan(len(groups), 2, 1)]
    costs = [sum(len(g) ** 2 for g in half) for half in halves]
    assert max(costs) - min(costs) <= 20 and [len(h) for h in halves] == [5, 5]
    assert balanced(groups, 1, 1) == groups


def test_sort_and_groups_split_but_not_forked_give_the_one_process_render(small_ranges, monkeypatch):
    """Where no process can be forked (threads running: the web server), the split work runs
    here, in one piece, with the same result."""
    from test_render_bounded import ITEMS

    from converter.rendering import disambiguation
    from converter.rendering.styles import load_style

    monkeypatch.setattr(disambiguation, "GROUPS_PER_JOB", 2)
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    loaded = load_style("citeconv-apa", None)
    assert render(ITEMS, loaded, jobs=3, citations=True) == render(ITEMS, loaded, jobs=1, citations=True)
