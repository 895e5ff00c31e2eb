"""RIS in over forked workers (converter/readers/ris_stream.py) against one process: on every
RIS file we have (ours, the real exports, the broken ones), cut into pieces of a few records
so that repeated ids, records without ER or TY, text between records and removed characters
fall at the cuts, the whole conversion (converter/stream.convert_file) writes the same bytes
and reports the same diagnostics, at the same places, in the same order, with --jobs 1 and 2."""
from __future__ import annotations

import io
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED
from converter.model import Diagnostics
from converter.readers import ris, ris_stream


def _ris_files() -> list[Path]:
    files = sorted((ROOT / "tests").rglob("*.ris"))
    if SHARED.is_dir():
        files += sorted((SHARED / "corpus").rglob("*.ris"))
    return files


# The conversion with --jobs 1 and 2, in a fresh interpreter: this test process may have threads
# left by other tests, and the reader never forks beside other threads (forked.can_fork).
_COMPARE = """
import io, pickle, sys
from converter import stream
from converter.errors import ConversionError
from converter.options import Options
from converter.readers import ris_stream

path, to, piece_chars = pickle.load(sys.stdin.buffer)
ris_stream.PIECE_CHARS = piece_chars
cut = ris_stream.pieces
counted = []

def pieces(read):
    for piece in cut(read):
        counted.append(piece[1])
        yield piece

ris_stream.pieces = pieces

def convert(jobs):
    out, told = io.StringIO(), []
    try:
        errors = stream.convert_file(path, "ris", "utf-8-sig", to, Options.build({"jobs": jobs}), out,
                                     lambda d: told.append((d.format(), d.source, d.line, d.field, d.record)))
    except ConversionError as exc:
        errors = ("error", type(exc).__name__, str(exc))
    return out.getvalue(), told, errors

in_workers = convert(2)
pickle.dump((in_workers, convert(1), len(counted)), sys.stdout.buffer)
"""


def _both_ways(path: Path, to: str, piece_chars: int) -> tuple:
    """(output, diagnostics told, errors) with two workers, the same in one process, and the
    pieces the workers were given."""
    done = subprocess.run([sys.executable, "-c", _COMPARE], input=pickle.dumps((str(path), to, piece_chars)),
                          capture_output=True, check=True, cwd=ROOT)
    return pickle.loads(done.stdout)


_FORK = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                           reason="this platform cannot fork")


@_FORK
@pytest.mark.parametrize("to", ["csljson", "bibtex"])
@pytest.mark.parametrize("path", _ris_files(), ids=lambda p: p.name)
def test_ris_in_forked_workers_converts_as_one_process(path: Path, to: str) -> None:
    in_workers, in_one, pieces = _both_ways(path, to, 2000)  # pieces of about 2,000 characters
    assert in_workers == in_one  # the bytes written; diagnostics, their places and order; errors
    if path.stat().st_size > 4000 and "TY  - " in path.read_text(encoding="utf-8", errors="replace")[2000:]:
        assert pieces >= 2


def _write(tmp_path: Path, name: str, text: str, newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline=newline)
    return path


def _record(n: int, *, author: str | None = "Doe, Jane", year: str | None = "2001", ident: str | None = None,
            extra: str = "") -> str:
    lines = ["TY  - JOUR", f"TI  - Title {n}"]
    if author:
        lines.append(f"AU  - {author}")
    if year:
        lines.append(f"PY  - {year}")
    if ident:
        lines.append(f"ID  - {ident}")
    return "\n".join(lines) + "\n" + extra + "ER  - \n\n"


@_FORK
def test_ids_made_alike_across_pieces(tmp_path: Path) -> None:
    # made-up ids that repeat across pieces (doe2001, doe2001-2, ...), ids numbered by the record
    # ('ris<N>': no author), records the count of TY lines misses (no TY after a blank line) and
    # an ID that another record takes later: every piece after the first is read again here
    records = []
    for n in range(120):
        if n % 7 == 3:
            records.append(_record(n, author=None))
        elif n % 11 == 5:
            records.append("AU  - Lone, Tag\nTI  - No TY\nER  - \n\n")
        elif n % 13 == 0:
            records.append(_record(n, ident="doe2001-3"))
        else:
            records.append(_record(n))
    path = _write(tmp_path, "ids.ris", "".join(records))
    in_workers, in_one, pieces = _both_ways(path, "csljson", 600)
    assert in_workers == in_one
    assert pieces > 5
    assert '"id": "ris4"' in in_one[0] and '"id": "doe2001-3-2"' in in_one[0]


@_FORK
def test_removed_characters_are_told_where_one_process_tells_them(tmp_path: Path) -> None:
    # control characters at piece ends and starts (the first five reported), CR LF line breaks,
    # a record without ER before a TY, text between records, a type-only record at a cut
    records = [_record(n, extra="N1  - a\x01b\n" if n % 9 == 0 else "") for n in range(60)]
    records[10] = records[10].replace("ER  - \n", "")
    records[20] += "stray text between records\n1.\n"
    records[30] = "TY  - JOUR\nER  - \n\n"
    records[31] = "TY  - \x02JOUR\nTI  - After a type-only record\nER  - \n\n"
    path = _write(tmp_path, "ctl.ris", "".join(records), newline="\r\n")
    for piece_chars in (300, 1000):
        in_workers, in_one, pieces = _both_ways(path, "csljson", piece_chars)
        assert in_workers == in_one
        assert pieces > 2
        assert sum("U+0001" in told[0] for told in in_one[1]) + sum("U+0002" in told[0] for told in in_one[1]) == 5


@_FORK
def test_a_file_that_is_not_utf8_after_its_start_fails_alike(tmp_path: Path) -> None:
    path = tmp_path / "late.ris"
    path.write_bytes("".join(_record(n) for n in range(200)).encode() + b"TY  - JOUR\nTI  - caf\xe9\nER  - \n")
    in_workers, in_one, _ = _both_ways(path, "csljson", 1000)
    assert in_workers[2] == in_one[2] == ("error", "InputError", in_one[2][2])
    assert "not utf-8-sig" in in_one[2][2]
    assert in_one[1] == in_workers[1] == []


_FRAGMENTS = [
    _record(1), _record(2, ident="same"), _record(3, ident="same"), _record(4, author=None),
    _record(5, year=None), "TY  - JOUR\nER  - \n\n", "TY  - BOOK\nTI  - No ER\n\n",
    "AU  - Missing, TY\nTI  - x\nER  - \n\n", "ER  - \n", "1.\n", "some text\n",
    "TY  - JOUR\nTI  - Tags after ER\nER  - \nNL  - after\n\n", "TY  - CHAP\nTI  - a\x03b\nER  - \n",
    "TY  - JOUR\nAB  - continued\n  over lines\nER  - \n\n", "TY  - XXX\nTI  - Unknown type\nER  - \n\n",
    "TY  - JOUR\r\nTI  - CR LF\r\nER  - \r\n\r\n",
]


@_FORK
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=2, max_size=30), st.integers(20, 400))
def test_any_mix_of_records_converts_alike_in_workers_and_in_one_process(tmp_path_factory, fragments, piece_chars):
    path = tmp_path_factory.mktemp("mix") / "mix.ris"
    path.write_bytes("".join(fragments).encode())
    in_workers, in_one, _ = _both_ways(path, "csljson", piece_chars)
    assert in_workers == in_one


def test_pieces_end_before_a_ty_line_after_an_er_only() -> None:
    text = ("TY  - JOUR\nTI  - a\nER  - \n\n"   # a cut after this record
            "TY  - JOUR\nTI  - b\n\n"            # no ER: no cut before the next TY
            "TY  - JOUR\nTI  - c\nER  - \n1.\n"  # text between ER and TY: a cut
            "TY  - JOUR\nER  - \n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ris_stream, "PIECE_CHARS", 5)
        pieces = list(ris_stream.pieces(io.StringIO(text).read))
    assert "".join(p for p, _, _ in pieces) == text
    assert [p.splitlines()[0] for p, _, _ in pieces] == ["TY  - JOUR"] * 3
    assert [first for _, first, _ in pieces] == [0, 4, 11]
    assert pieces[1][0].startswith("TY  - JOUR\nTI  - b\n\nTY  - JOUR\nTI  - c")


def test_no_cut_after_an_er_that_ends_no_record() -> None:
    """An ER with no record open is ignored by the reader: a blank line and a tag after it open a
    record without TY, still open at the next TY (found by the ris-stream fuzzer)."""
    text = ("TY  - JOUR\nTI  - a\nER  - \n\n"   # a record, closed
            "ER  - \nNL  - b\n\n"                # a stray ER; NL after a blank opens a record
            "TY  - JOUR\nTI  - c\nER  - \n")      # so no cut before this TY
    assert not ris_stream._is_cut(text, text.index("TY", 5))
    sound = "TY  - JOUR\nTI  - a\nER  - \nNL  - b\n\nTY  - JOUR\nER  - \n"  # Ovid's NL after a closing ER
    assert ris_stream._is_cut(sound, sound.index("TY", 5))


def test_a_cut_found_behind_a_record_longer_than_the_look_back() -> None:
    text = "TY  - JOUR\n" + "AU  - Verylongname, C\n" * 5000 + "ER  - \n\nTY  - JOUR\nER  - \n"
    assert len(text) > ris_stream._LOOK_BACK and ris_stream._is_cut(text, text.rindex("TY"))


def test_in_one_process_the_stream_reader_is_the_record_reader() -> None:
    text = _record(1) + _record(2) + "TY  - JOUR\nER  - \n"
    diags = Diagnostics("x.ris")
    items = list(ris.stream(io.StringIO(text, newline=""), diags=diags, jobs=1,
                            prepare=lambda item, line: (item["id"], line)))
    assert items == [(("doe2001", 1), 1), (("doe2001-2", 7), 7)]
    assert [d.message for d in diags] == ["record holds nothing but its type; skipped"]


def test_a_cut_after_tags_ovid_writes_after_er_but_not_after_a_record_without_ty() -> None:
    ovid = "TY  - JOUR\nTI  - a\nER  - \nNL  - J Tests\n\nLink: https://example.org\n\nTY  - JOUR\nER  - \n"
    no_ty = "TY  - JOUR\nTI  - a\nER  - \n\nAU  - No, TY\nTI  - b\n\nTY  - JOUR\nER  - \n"
    cut_at = ovid.index("TY  - JOUR", 1)
    assert ris_stream._is_cut(ovid, cut_at)
    assert not ris_stream._is_cut(no_ty, no_ty.index("TY  - JOUR", 1))


_RENAMES = """
import io, pickle, sys
from converter import stream
from converter.options import Options
from converter.readers import bibtex_stream

path = sys.argv[1]
bibtex_stream.PIECE_CHARS = 2000

def convert(jobs):
    out, told = io.StringIO(), []
    stream.convert_file(path, "bibtex", "utf-8-sig", "csljson", Options.build({"jobs": jobs, "max_field_length": 30}),
                        out, lambda d: told.append(d.format()))
    return out.getvalue(), told

pickle.dump((convert(2), convert(1)), sys.stdout.buffer)
"""


@_FORK
def test_a_record_renamed_after_its_check_in_a_worker_is_written_as_in_one_process(tmp_path: Path) -> None:
    # ids cut by the field-length limit clash after the check: the record, prepared in a worker as
    # its text only, is read back from that text and renamed
    path = tmp_path / "long.bib"
    path.write_text("".join(f"@article{{a-very-long-citation-key-that-is-cut-{n % 3}-{n},\n  title = {{T{n}}},\n"
                            f"  year = {{2001}},\n  note = {{x {1.5}}}\n}}\n\n" for n in range(300)), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _RENAMES, str(path)], capture_output=True, check=True, cwd=ROOT)
    in_workers, in_one = pickle.loads(done.stdout)
    assert in_workers == in_one
    assert any("reuses the id" in d for d in in_one[1])
    assert '"id": "a-very-long-citation-key-that--2"' in in_one[0]


@_FORK
def test_a_file_with_carriage_returns_alone_is_cut_and_read_alike(tmp_path: Path) -> None:
    # old Mac exports break lines with CR alone: the pieces are cut there too (not one piece,
    # held whole), and the lines counted as the reader counts them
    path = _write(tmp_path, "mac.ris", "".join(_record(n, ident=f"r{n % 5}") for n in range(80)), newline="\r")
    in_workers, in_one, pieces = _both_ways(path, "csljson", 500)
    assert in_workers == in_one
    assert pieces > 5
