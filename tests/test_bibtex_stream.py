"""BibTeX read record by record (converter/readers/bibtex_stream.py) against the whole-file
reader: on every .bib file we have, cut into pieces of a few lines so that strings, parents,
repeated keys and broken entries fall in different pieces, the records, their order, ids and
lines are the same, and so are the diagnostics (in another order)."""
from __future__ import annotations

import collections
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED
from converter import stream
from converter.errors import ConversionError
from converter.model import Diagnostics
from converter.options import Options
from converter.readers import bibtex, bibtex_stream


def _bib_files() -> list[Path]:
    files = sorted((ROOT / "tests").rglob("*.bib"))
    if SHARED.is_dir():
        files += sorted(SHARED.rglob("*.bib"))
    return files


def _whole(text: str, source: str):
    try:
        result = bibtex.read(text, source=source)
    except ConversionError as exc:
        return ("error", str(exc)), []
    return [(r, result.origins.get(r["id"])) for r in result.records], result.diagnostics


def _streamed(text: str, source: str):
    diags = Diagnostics(source)
    try:
        items = [(item, (source, line)) for item, line in bibtex_stream.stream(io.StringIO(text, newline=""),
                                                                           diags=diags)]
    except ConversionError as exc:
        return ("error", str(exc)), []
    return items, diags


@pytest.mark.parametrize("piece_chars", [40, 1000])
@pytest.mark.parametrize("path", _bib_files(), ids=lambda p: p.name)
def test_streamed_reading_is_the_whole_reading(path: Path, piece_chars: int, monkeypatch) -> None:
    monkeypatch.setattr(bibtex_stream, "PIECE_CHARS", piece_chars)
    text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
    whole, whole_diags = _whole(text, str(path))
    streamed, streamed_diags = _streamed(text, str(path))
    assert streamed == whole
    assert collections.Counter(map(str, streamed_diags)) == collections.Counter(map(str, whole_diags))


def test_a_parent_and_a_macro_after_their_children_in_another_piece(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(bibtex_stream, "PIECE_CHARS", 30)
    text = ("@incollection{ch, title = {Chapter}, crossref = {bk}, author = {Doe, Jane}}\n"
            "@article{art, title = {On } # jn, journal = jn, year = 2020}\n"
            "@book{bk, title = {The Book}, publisher = {Pub}, year = 2019}\n"
            "@string{jn = {Journal}}\n"
            "@article{art, title = {Again}}\n")
    items, diags = _streamed(text, "x.bib")
    by_id = {item["id"]: item for item, _ in items}
    assert by_id["ch"]["container-title"] == "The Book" and by_id["ch"]["publisher"] == "Pub"
    assert by_id["art"]["container-title"] == "Journal" and by_id["art"]["title"] == "On Journal"
    assert by_id["art-2"]["title"] == "Again"
    assert [line for _, (_, line) in items] == [1, 2, 3, 5]
    assert any("duplicate key 'art' (first used at line 2)" in d.message and d.line == 5 for d in diags)


def test_a_big_bib_file_is_streamed_and_written_as_the_whole_path_writes_it(tmp_path, monkeypatch) -> None:
    entry = "@article{k%d,\n  title = {Title %d},\n  author = {Doe, Jane and Roe, R.},\n  journal = jn,\n  year = 2020\n}\n"
    path = tmp_path / "big.bib"
    path.write_text("@string{jn = {J. Tests}}\n" + "".join(entry % (i, i) for i in range(10000)), encoding="utf-8")
    assert path.stat().st_size > stream.STREAM_ABOVE
    options = Options.build({})
    assert stream.streamable(str(path), "auto", "csljson", options) == ("bibtex", "utf-8-sig")
    out, said = io.StringIO(), []
    assert stream.convert_file(str(path), "bibtex", "utf-8-sig", "csljson", options, out, said.append) == 0
    import json
    items = json.loads(out.getvalue())
    assert len(items) == 10000 and items[9999]["container-title"] == "J. Tests" and not said
    whole = bibtex.read(path.read_text(encoding="utf-8"), source=str(path)).records
    assert items == json.loads(json.dumps(whole))


# Pieces of .bib files whose meaning depends on other pieces, or that break: macros used before
# and after their definition, parents before and after children, repeated keys and @strings,
# broken entries, comments, an '@' starting a line inside a value, parenthesised blocks.
_FRAGMENTS = [
    "@string{jn = {Journal of Tests}}\n",
    "@String{JN = {Other Journal}}\n",
    "@article{a, title = {On } # jn, journal = jn, year = 2020}\n",
    "@article{a, title = {Again}, year = 2021}\n",
    "@article{a-2, title = {Literal suffix}}\n",
    "@incollection{ch, title = {Chapter}, crossref = {bk}, pages = {1--2}}\n",
    "@book{bk, title = {The Book}, publisher = {Pub}, year = 2019, crossref = {mv}}\n",
    "@mvbook{mv, title = {Collected Works}, author = {Doe, Jane}}\n",
    "@xdata{x1, publisher = {X Press}, location = {Oslo}}\n",
    "@book{xb, title = {With xdata}, xdata = {x1}}\n",
    "@article{broken, title = {Unclosed\n",
    "@article{nocomma title = {x}}\n",
    "% @article{commented, title = {No}}\n",
    "@comment{anything at all}\n",
    "@preamble{\"\\newcommand{\\x}{y}\"}\n",
    "@misc{at, note = {a value with\n@ at a line start}}\n",
    "@article(paren, title = {Parenthesised})\n",
    "@article{dupfield, title = {One}, title = {Two}}\n",
    "@article{ref, title = {Refers to a missing parent}, crossref = {nowhere}}\n",
    "@article{macro, journal = undefinedmacro}\n",
]


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=14), st.integers(1, 200))
def test_any_mix_of_blocks_streams_as_it_reads_whole(fragments, piece_chars):
    text = "".join(fragments)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bibtex_stream, "PIECE_CHARS", piece_chars)
        whole, whole_diags = _whole(text, "mix.bib")
        streamed, streamed_diags = _streamed(text, "mix.bib")
    assert streamed == whole
    if whole and whole[0] != "error":
        assert collections.Counter(map(str, streamed_diags)) == collections.Counter(map(str, whole_diags))


# The reading in workers and in one process, compared in a fresh interpreter: this test process may
# have threads left by other tests, and the reader never forks beside other threads (forked.can_fork).
_COMPARE = """
import io, pickle, sys
from converter.errors import ConversionError
from converter.model import Diagnostics
from converter.readers import bibtex_stream

text, source, piece_chars = pickle.load(sys.stdin.buffer)
bibtex_stream.PIECE_CHARS = piece_chars
assert bibtex_stream.can_fork(), "a fresh interpreter must be able to fork"
taken = []
take = bibtex_stream._take

def counted(job, *args):
    taken.append(job[1])
    yield from take(job, *args)

bibtex_stream._take = counted

def read(jobs):
    diags = Diagnostics(source)
    try:
        items = list(bibtex_stream.stream(io.StringIO(text, newline=""), diags=diags, jobs=jobs))
    except ConversionError as exc:
        return ("error", str(exc)), []
    return items, list(diags)

in_workers = read(2)
pieces = len(taken)
pickle.dump((in_workers, read(1), pieces), sys.stdout.buffer)
"""


def _both_ways(text: str, source: str, piece_chars: int) -> tuple:
    """(records and diagnostics read with two workers, the same read in one process, pieces the
    workers read), in pieces of ``piece_chars`` characters."""
    import pickle
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _COMPARE], input=pickle.dumps((text, source, piece_chars)),
                          capture_output=True, check=True, cwd=ROOT)
    return pickle.loads(done.stdout)


_FORK = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                           reason="this platform cannot fork")


@_FORK
@pytest.mark.parametrize("path", _bib_files(), ids=lambda p: p.name)
def test_the_last_pass_in_forked_workers_reads_as_one_process(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
    in_workers, in_one, pieces = _both_ways(text, str(path), 2000)  # pieces of 2,000 characters
    assert in_workers == in_one  # records, lines and diagnostics in the same order
    assert pieces >= min(2, text.count("\n@"))  # the workers read the pieces (a file of one block is one piece)


@_FORK
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=2, max_size=14), st.integers(1, 200))
def test_any_mix_of_blocks_reads_alike_in_workers_and_in_one_process(fragments, piece_chars):
    in_workers, in_one, _ = _both_ways("".join(fragments), "mix.bib", piece_chars)
    assert in_workers == in_one


@_FORK
def test_a_macro_and_a_parent_after_plain_pieces_read_alike_in_workers() -> None:
    # the workers start on the first pieces before pass 1 has seen the macro and the parent at
    # the end: those readings are dropped, and the file is read with them, as in one process
    plain = "".join(f"@article{{a{n},\n  title = {{Title {n}}},\n  journal = jn,\n  year = {{2001}}\n}}\n\n"
                    for n in range(60))
    tail = ("@article{child,\n  title = {Child},\n  crossref = {parent}\n}\n\n"
            "@book{parent,\n  title = {The Parent},\n  publisher = {Pub},\n  year = {1999}\n}\n\n"
            '@string{jn = "Journal Late"}\n')
    in_workers, in_one, pieces = _both_ways(plain + tail, "late.bib", 1000)
    assert in_workers == in_one
    assert pieces > 2
    items = in_workers[0]
    assert items[0][0]["container-title"] == "Journal Late"


_PREPARED = """
import io, os, pickle, sys
from converter.model import Diagnostics
from converter.readers import bibtex_stream

text, piece_chars = pickle.load(sys.stdin.buffer)
bibtex_stream.PIECE_CHARS = piece_chars
here = os.getpid()

def prepare(item, line):
    return item["id"], line, os.getpid() != here

def read(jobs):
    return list(bibtex_stream.stream(io.StringIO(text, newline=""), diags=Diagnostics("p.bib"), jobs=jobs,
                                     prepare=prepare))

pickle.dump((read(2), read(1)), sys.stdout.buffer)
"""


@_FORK
def test_prepare_is_applied_where_each_item_is_made() -> None:
    import pickle
    import subprocess
    import sys

    text = "".join(f"@misc{{m{n},\n  title = {{Misc {n}}}\n}}\n\n" for n in range(80))
    done = subprocess.run([sys.executable, "-c", _PREPARED], input=pickle.dumps((text, 500)),
                          capture_output=True, check=True, cwd=ROOT)
    in_workers, in_one = pickle.loads(done.stdout)
    assert [(got[:2], line) for got, line in in_workers] == [(got[:2], line) for got, line in in_one]
    assert [got[0] for got, _ in in_one] == [f"m{n}" for n in range(80)]
    assert any(got[2] for got, _ in in_workers)  # made in a worker
    assert not any(got[2] for got, _ in in_one)
