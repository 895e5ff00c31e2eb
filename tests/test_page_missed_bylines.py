"""Bylines the page reader used to miss on unseen pages (session 8), each on a short page or
line written here: marks set apart by spaces after initials, affiliation numbers run on after
the last name, Turkish names in capitals, and Turkish issue labels."""
from __future__ import annotations

import converter
from converter.readers.page.bylines import parse_byline_marked
from converter.readers.page.issue import issue_facts
from converter.vocabulary.casing import lower


def article(text: str):
    return converter.read(text, "page", source="page.txt").records[0]


def names(text: str):
    parsed = parse_byline_marked(text)
    return [(p["family"], p.get("given"), marks) for p, marks in parsed] if parsed else None


def test_family_first_names_with_marks_set_apart_by_spaces():
    assert names("Орлова Т.В. 1 Белов И.С. 2 Кац М.М. 1") == [
        ("Орлова", "Т.В.", ["1"]), ("Белов", "И.С.", ["2"]), ("Кац", "М.М.", ["1"])]


def test_affiliation_numbers_run_on_after_the_last_name():
    assert names("Mi-ra Lee 1,* and Jun-ho Choi 2 1 2") == [
        ("Lee", "Mi-ra", ["1", "*"]), ("Choi", "Jun-ho", ["2"])]


def test_turkish_names_in_capitals_keep_their_dotless_i():
    assert names("Ayşe Nur YILDIRIM, Elif Sena GÜNDİZ") == [
        ("Yıldırım", "Ayşe Nur", []), ("Gündiz", "Elif Sena", [])]
    assert lower("IŞIK İNCE") == "ışık ince" and lower("INDEX") == "index"


def test_a_turkish_page_byline_over_its_title_in_capitals():
    item = article("Yıl: 2021   Sayı: 7   Alan: Eğitim\n\nAyşe Nur YILDIRIM, Elif Sena GÜNDİZ\n"
                   "OKUL ÖNCESİ DÖNEMDE OYUN VE İLETİŞİM BECERİLERİ\n\n"
                   + "Bu çalışmada okul öncesi dönemdeki çocukların oyun ve iletişim becerileri incelenmiştir. " * 4 + "\n")
    assert item["author"][0] == {"family": "Yıldırım", "given": "Ayşe Nur"}
    assert item["title"] == "Okul öncesi dönemde oyun ve iletişim becerileri"
    assert (item["issue"], item["issued"]) == ("7", {"date-parts": [[2021]]})
    assert issue_facts("Cilt 12, Sayı 3, 2019") == {"volume": "12", "issue": "3", "issued": {"date-parts": [[2019]]}}
