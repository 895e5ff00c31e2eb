"""Bytes to text: BOMs, UTF-8, cp1251 and cp1252 told apart, binary refused."""
from __future__ import annotations

import codecs

import pytest

import converter
from conftest import EXAMPLE_SEED
from converter.textio import decode


def test_seed_in_cp1251_reads_like_the_utf8_original():
    text = EXAMPLE_SEED.read_text(encoding="utf-8")
    data = text.encode("cp1251", errors="replace")  # é, ó (Québec, Calderón) have no cp1251 byte
    decoded, diags = decode(data, source="seed-cp1251.txt")
    assert "decoded as cp1251" in diags[0].message and diags[0].line == 5  # the first non-UTF-8 byte
    assert "УДК / UDC" in decoded and "Золотарев" in decoded
    ours = converter.read(data).records[0]
    original = converter.read(text).records[0]
    for key in ("title", "DOI", "container-title", "volume", "issue"):
        assert ours[key] == original[key]


def test_cp1252_accents_are_not_taken_for_cyrillic():
    data = "TI  - Calderón Antón and Müller on Québec\n".encode("cp1252")
    decoded, diags = decode(data)
    assert decoded.startswith("TI  - Calderón Antón") and "cp1252" in diags[0].message


def test_mostly_utf8_keeps_utf8_and_names_the_line():
    data = "línea uno\nzwei Zeilen ü\n".encode("utf-8") + b"bad \xff byte\n"
    decoded, diags = decode(data)
    assert decoded.startswith("línea uno") and diags[0].line == 3 and "U+FFFD" in diags[0].message


def test_boms():
    assert decode(codecs.BOM_UTF8 + "Привет".encode("utf-8"))[0] == "Привет"
    assert decode("Привет".encode("utf-16"))[0] == "Привет"


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02binary"])
def test_empty_and_binary_are_input_errors(data):
    with pytest.raises(converter.InputError):
        decode(data)


def test_named_encoding_wins_and_a_wrong_one_is_reported():
    assert decode("Привет".encode("koi8-r"), encoding="koi8-r")[0] == "Привет"
    with pytest.raises(converter.UsageError):
        decode(b"x", encoding="no-such-codec")


GBK_BIB = "@article{li2020,\n  author = {李, 明 and 王, 芳},\n  title = {中文文献的标题：研究},\n  journal = {计算机学报},\n  year = {2020}\n}\n"


def test_gbk_bib_is_detected_as_gbk_not_cp1251():
    from converter.textio import decode

    text, diags = decode(GBK_BIB.encode("gbk"))
    assert text == GBK_BIB
    assert "decoded as gbk" in diags[0].message and diags[0].line == 2


def test_single_byte_code_pages_are_not_taken_for_gbk():
    from converter.textio import decode

    for sample, codec in (("Calderón Antón, José de Jesús; naïve café", "cp1252"),
                          ("Иван шел по полю дома", "cp1251"),  # even-length words: valid GBK bytes
                          ("Smith J. Étude économique des régions. Paris: Éditions, 2001.", "cp1252")):
        text, diags = decode(sample.encode(codec))
        assert text == sample and f"decoded as {codec}" in diags[0].message
