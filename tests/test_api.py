"""The Python API that reference-manager scripts import."""
from __future__ import annotations

import json

import pytest

import converter
from conftest import EXAMPLE_SEED


def test_read_file_returns_records_and_diagnostics():
    result = converter.read_file(EXAMPLE_SEED)
    assert isinstance(result, converter.Result)
    assert result.format == "page"
    assert len(result.records) == 1
    assert all(isinstance(d, converter.Diagnostic) for d in result.diagnostics)
    assert any(d.line == 61 and "Jose" in d.message for d in result.diagnostics)


def test_read_text_and_bytes_agree():
    text = EXAMPLE_SEED.read_text(encoding="utf-8")
    a = converter.read(text)
    b = converter.read(EXAMPLE_SEED.read_bytes())
    assert a.records == b.records


def test_write_returns_str_with_diagnostics():
    records = converter.read_file(EXAMPLE_SEED).records
    out = converter.write(records, "csljson")
    assert isinstance(out, str) and isinstance(out, converter.Output)
    assert out.diagnostics == []
    assert json.loads(out)[0]["title"] == records[0]["title"]


def test_write_accepts_a_result():
    result = converter.read_file(EXAMPLE_SEED)
    assert converter.write(result, "csljson") == converter.write(result.records, "csljson")


def test_references_option():
    records = converter.read_file(EXAMPLE_SEED).records
    refs = json.loads(converter.write(records, "csljson", references=True))
    both = json.loads(converter.write(records, "csljson", references="all"))
    assert len(refs) == 16 and len(both) == 17


def test_references_of_a_record_without_list_warn():
    out = converter.write([{"id": "x", "type": "book", "title": "T"}], "csljson", references=True)
    assert json.loads(out) == []
    assert "no parsed reference list" in out.diagnostics[0].message


def test_convert_in_one_step():
    out = converter.convert(EXAMPLE_SEED.read_text(encoding="utf-8"), to="csljson")
    assert json.loads(out)[0]["issue"] == "4"
    assert any("Jose" in d.message for d in out.diagnostics)  # reading warnings travel along


def test_strict_raises_one_error_listing_all_warnings():
    with pytest.raises(converter.StrictError) as info:
        converter.read_file(EXAMPLE_SEED, strict=True)
    err = info.value
    assert isinstance(err, converter.ConversionError) and isinstance(err, ValueError)
    assert len(err.diagnostics) >= 4
    assert err.exit_code == 5


def test_unknown_option_is_a_usage_error():
    with pytest.raises(converter.UsageError, match="unknown option"):
        converter.read("x", colour="blue")


def test_unknown_format():
    with pytest.raises(converter.UnknownFormatError):
        converter.write([], "docx")


def test_errors_carry_their_place(tmp_path):
    with pytest.raises(converter.InputError) as info:
        converter.read_file(tmp_path / "missing.bib")
    assert info.value.source.endswith("missing.bib")
    with pytest.raises(converter.ParseError) as info:
        converter.read('[{"id": 1,', "csljson", source="x.json")
    assert info.value.line == 1 and info.value.source == "x.json"


def test_detect():
    assert converter.detect(EXAMPLE_SEED.read_text(encoding="utf-8")) == "page"
    assert converter.detect('[{"id": "a", "type": "book", "title": "T"}]') == "csljson"


def test_formats_are_listed():
    names = {f.name for f in converter.formats()}
    assert {"csljson", "page"} <= names
