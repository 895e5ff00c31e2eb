"""Bylines of session 14 (`bylines3`): family names in capitals before a comma, Chinese names, long
Portuguese names, a lost comma after a mark, names ending in initials with their institution after
them, the names lexicon, implausible bylines set aside, one name a line. Strings
written here, not taken from the page set."""
from __future__ import annotations

import converter
from converter.readers.page import byline_model, bylines, head, names


def people(text: str):
    parsed = bylines.parse_byline_marked(text)
    return None if parsed is None else [(p["family"], p.get("given", ""), m) for p, m in parsed]


def article(text: str):
    return converter.read(text, "page", source="page.txt").records[0]


def test_family_names_in_capitals_before_a_comma():
    assert people("RIBEIRO, Mariana Alves de [1], TEIXEIRA, Paulo Henrique [2]") == [
        ("Ribeiro", "Mariana Alves de", ["1"]), ("Teixeira", "Paulo Henrique", ["2"])]
    # a semicolon lost between two people, after the initials
    assert people("MOURA, L. F.; PRADO, R. A. C. VIEIRA, T. S.") == [
        ("Moura", "L. F.", []), ("Prado", "R. A. C.", []), ("Vieira", "T. S.", [])]
    assert people("TANG, Wenjie; HU, Lixia") == [("Tang", "Wenjie", []), ("Hu", "Lixia", [])]
    # words in capitals followed by words that are no names are no byline
    assert people("RESUMO, Abstract") is None


def test_chinese_bylines():
    assert [(p["family"], p["given"], m) for p, m in bylines.parse_han_byline("王小明1, 陈 静2, 欧阳志远1 审校")] == [
        ("王", "小明", ["1"]), ("陈", "静", ["2"]), ("欧阳", "志远", ["1"])]
    assert [(p["family"], p["given"]) for p, _ in bylines.parse_han_byline("周 伟 郑家豪 林美玲")] == [
        ("周", "伟"), ("郑", "家豪"), ("林", "美玲")]
    assert bylines.parse_han_byline("数字出版 期刊评价") is None  # two keywords


def test_a_japanese_page_is_not_read_as_chinese_names():
    text = "ある看護研究の試み\n\n山本 花子, 佐藤 太郎, 鈴木 一郎\n\n要旨\nこの研究では...\n"
    record = article(text)
    assert all(len(p.get("family", "")) != 1 for p in record.get("author") or [])


def test_long_portuguese_names_with_particles():
    assert people("Ana Luiza Ferreira da Costa Lima1; Pedro Henrique do Amaral2") == [
        ("Lima", "Ana Luiza Ferreira da Costa", ["1"]), ("do Amaral", "Pedro Henrique", ["2"])]


def test_a_comma_lost_after_a_mark():
    assert people("Rina Wulandari1, Dodi Saputra2, Sari Ayu Lestari1 Bagus Hartono1,*") == [
        ("Wulandari", "Rina", ["1"]), ("Saputra", "Dodi", ["2"]), ("Lestari", "Sari Ayu", ["1"]),
        ("Hartono", "Bagus", ["1", "*"])]


def test_names_ending_in_initials_then_their_institution():
    assert head.split_byline_affiliation("Петренко О.В. Государственная инспекция по охране труда, г. Самара") == (
        "Петренко О.В.", "Государственная инспекция по охране труда, г. Самара")
    assert head.split_byline_affiliation("Орлов А.А., Орлова Е.В. ФГБНУ «Институт почвоведения», г. Курск") == (
        "Орлов А.А., Орлова Е.В.", "ФГБНУ «Институт почвоведения», г. Курск")


def test_the_names_lexicon():
    if not names.known_names():
        return  # the lexicon is not installed
    assert names.known_given("Olena") and names.known_family("Nowak")
    assert not names.known_given("Techniques") and not names.known_family("Kabupaten")


def test_implausible_bylines():
    assert byline_model.implausible([{"given": "Kecamatan Rawa", "family": "Jaya"}])
    assert byline_model.implausible([{"given": "Eastfield National", "family": "Agrarian"}])
    assert not byline_model.implausible([{"given": "Rina", "family": "Wulandari"}])


def test_one_name_a_line_under_the_title():
    text = ("Zur Rolle der Schulbegleitung im inklusiven Unterricht\n\n2021\n\nKatrin Albers\nJonas Weber\n"
            "Die Schulbegleitung ist ein Thema, das in den letzten Jahren an Bedeutung gewonnen hat und hier "
            "untersucht wird.\n")
    record = article(text)
    assert [p["family"] for p in record.get("author") or []] == ["Albers", "Weber"]
