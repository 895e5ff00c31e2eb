"""Streaming conversion (converter/stream.py): for every input and output format that can go
record by record, the output is byte for byte the whole-file path's, with the same warnings."""
from __future__ import annotations

import collections
import json

import pytest

from conftest import ROOT
from converter import cli, registry, stream
from converter.api import _read_path, _write
from converter.model import Diagnostics
from converter.options import Options
from converter.readers import csljson, ris

RIS_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "ris").glob("*.ris"))


def _whole(path, to):
    result = _read_path(str(path), "auto", Options())
    out = _write(result.records, to, Options(), result.origins)
    text = str(out)
    return (text if text.endswith("\n") else text + "\n"), [d.format() for d in result.diagnostics + out.diagnostics]


def _streamed(path, to, monkeypatch, capsys):
    monkeypatch.setattr(stream, "STREAM_ABOVE", 0)
    for name, fmt in list(registry._FORMATS.items()):  # writers streamed only from a larger size (APA)
        if fmt.stream_above:
            monkeypatch.setitem(registry._FORMATS, name, fmt._replace(stream_above=None))
    calls = []
    real = stream.convert_file
    monkeypatch.setattr(cli, "convert_file", lambda *a, **k: calls.append(a) or real(*a, **k))
    code = cli.main([str(path), "-t", to])
    captured = capsys.readouterr()
    assert calls, "the streaming path was not taken"
    return code, captured.out, captured.err.splitlines()


def _samples(tmp_path):
    """The RIS fixtures, plus inputs whose records interact: repeated and reused ids, own
    citation keys that made-up keys must avoid, a file cut short, CSL-JSON as an array and as
    JSON Lines with a broken line."""
    items = [{"id": "a", "type": "book", "title": "One", "author": [{"family": "Doe", "given": "J"}],
              "issued": {"date-parts": [[2020]]}},
             {"id": "b", "type": "book", "title": "Two", "author": [{"family": "Doe", "given": "J"}],
              "issued": {"date-parts": [[2020]]}, "citation-key": "doe2020"},
             {"id": "a", "type": "book", "title": "One", "author": [{"family": "Doe", "given": "J"}],
              "issued": {"date-parts": [[2020]]}},
             {"id": "a", "type": "book", "title": "Other"},
             {"id": "c", "title": "no type"}]
    array = tmp_path / "array.json"
    array.write_text(json.dumps(items, indent=2), encoding="utf-8")
    lines = tmp_path / "lines.json"
    lines.write_text("\n".join(json.dumps(i) for i in items) + '\n{"id": "x", "type": \n', encoding="utf-8")
    cut = tmp_path / "cut.ris"
    cut.write_text("TY  - JOUR\nTI  - Whole\nER  - \n\nTY  - JOUR\nTI  - Cut sh", encoding="utf-8")
    return [*RIS_FIXTURES, array, lines, cut]


@pytest.mark.parametrize("to", ["csljson", "ris", "bibtex", "biblatex", "apa", "gost", "gost-2008"])
def test_streamed_output_is_the_whole_file_output(tmp_path, monkeypatch, capsys, to):
    for path in _samples(tmp_path):
        if path.name == "lines.json":
            continue  # JSON Lines is not CSL-JSON to the whole-file reader; checked below
        text, diags = _whole(path, to)
        code, out, err = _streamed(path, to, monkeypatch, capsys)
        assert out == text, path.name
        assert collections.Counter(map(_unplaced_repeats, err)) == collections.Counter(map(_unplaced_repeats, diags))


def _unplaced_repeats(line: str) -> str:
    """A warning about a repeated id without its line: the whole-file path places it by the id,
    i.e. at one of the records that share it; streaming at the record itself."""
    if "repeats record" in line or "reuses the id" in line:
        return line.split(": warning: ", 1)[1]
    return line


def test_json_lines_stream_with_the_broken_line_placed(tmp_path, monkeypatch, capsys):
    path = next(p for p in _samples(tmp_path) if p.name == "lines.json")
    code, out, err = _streamed(path, "csljson", monkeypatch, capsys)
    assert code == 7  # written, but a record was skipped
    assert [i["id"] for i in json.loads(out)] == ["a", "b", "a-2", "c"]
    assert any(line.startswith(f"{path}:6: error: invalid JSON") for line in err), err


def test_stream_readers_yield_what_the_readers_return(tmp_path):
    for path in _samples(tmp_path):
        if path.suffix == ".ris":
            reader, streamer = ris.read, ris.stream
        elif path.name == "array.json":
            reader, streamer = csljson.read, csljson.stream
        else:
            continue
        text = path.read_bytes().decode("utf-8-sig")
        whole = reader(text, source=str(path))
        diags = Diagnostics(str(path))
        with open(path, encoding="utf-8-sig", newline="") as fh:
            items = [item for item, _ in streamer(fh, diags=diags)]
        assert items == whole.records, path.name
        assert [d.line for d in diags if d.severity == "error"] == [d.line for d in whole.errors], path.name


def test_small_inputs_and_whole_list_formats_are_not_streamed(tmp_path):
    big = tmp_path / "big.ris"
    big.write_text("TY  - JOUR\nTI  - A title\nER  - \n\n" * 60000, encoding="utf-8")  # > 1 MiB
    small = RIS_FIXTURES[0]
    assert stream.streamable(str(big), "auto", "csljson", Options()) == ("ris", "utf-8-sig")
    assert stream.streamable(str(small), "auto", "csljson", Options()) is None
    assert stream.streamable(str(big), "auto", "jats", Options()) is None  # one document
    # APA is spooled and sorted, which costs more CPU than holding the list: only from 8 MiB
    assert stream.streamable(str(big), "auto", "apa", Options()) is None
    assert stream.streamable(str(big), "auto", "gost", Options()) == ("ris", "utf-8-sig")  # input order, in blocks
    bigger = tmp_path / "bigger.ris"
    bigger.write_text("TY  - JOUR\nTI  - A title\nER  - \n\n" * 300000, encoding="utf-8")  # > 8 MiB
    assert stream.streamable(str(bigger), "auto", "apa", Options()) == ("ris", "utf-8-sig")
    assert stream.streamable(str(big), "auto", "ris", Options(references="all")) is None


def test_streaming_keeps_the_whole_file_paths_limits(tmp_path):
    """A streamed input (over STREAM_ABOVE) meets the same checks as a whole one: control
    characters taken out with a warning at their line, an over-long field cut with a warning."""
    import io

    from converter import stream
    from converter.options import Options

    record = "TY  - JOUR\nTI  - Title\x07 with a bell\nAB  - " + "x" * 150_000 + "\nER  - \n"
    path = tmp_path / "big.ris"
    path.write_text(record * (stream.STREAM_ABOVE // len(record) + 2), encoding="utf-8")
    options = Options.build({})
    assert stream.streamable(str(path), "ris", "csljson", options)
    out, said = io.StringIO(), []
    stream.convert_file(str(path), "ris", "utf-8", "csljson", options, out, said.append)
    assert "\x07" not in out.getvalue() and "\\u0007" not in out.getvalue()
    assert any("U+0007" in d.message and d.line == 2 for d in said)
    assert any(d.field and "abstract" in d.field for d in said)


def test_a_file_found_clean_is_not_looked_at_again(tmp_path):
    from converter.stream import _Cleaned

    clean, dirty = tmp_path / "clean.bib", tmp_path / "dirty.bib"
    clean.write_text("@misc{a, title = {A}}\n" * 100, encoding="utf-8")
    dirty.write_text("@misc{a, title = {A\x07}}\n" * 100, encoding="utf-8")
    told = []
    for path, expected in ((clean, True), (dirty, False)):
        with open(path, encoding="utf-8", newline="") as fh:
            cleaned = _Cleaned(fh, told.append, str(path))
            cleaned.read(100)
            cleaned.rewind()
            assert not cleaned.clean  # not read to its end: still looked at
            first = cleaned.read()
            assert cleaned.read() == ""
            cleaned.rewind()
            assert cleaned.clean is expected
            assert cleaned.read() == first and "\x07" not in first
    assert len(told) == 4  # those the first read met (its first 100 characters), once
