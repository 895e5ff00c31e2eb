"""Bylines of session 15 (`authors4`): Japanese names run together, 'y'/'e' after a name's marks,
a town's abbreviation, 'Jr', initials and family names with nothing between the people, letter
marks glued to family names, two people of one family, site buttons, and the byline model's
sentences and training labels. Strings written here, not taken from the page set."""
from __future__ import annotations

import converter
from converter.readers.page import bylines
from converter.readers.page.byline_model import TaggedLine, choose_byline


def people(text: str):
    parsed = bylines.parse_byline_marked(text)
    return None if parsed is None else [(p["family"], p.get("given", ""), m) for p, m in parsed]


def test_japanese_names_run_together():
    got = bylines.parse_japanese_run("山本 花子佐藤 太郎中村 一郎")
    assert [(p["family"], p["given"]) for p, _ in got] == [("山本", "花子"), ("佐藤", "太郎"), ("中村", "一郎")]
    # a one-character given name and family name; a Latin name glued to the last
    got = bylines.parse_japanese_run("木村 恵林 健太郎John Smith")
    assert [(p["family"], p["given"]) for p, _ in got] == [("木村", "恵"), ("林", "健太郎"), ("Smith", "John")]
    assert bylines.parse_japanese_run("山本 花子") is None  # one person is no run
    assert bylines.parse_japanese_run("看護 学研究 科紀要 第41巻") is None


def test_a_japanese_byline_under_the_title():
    text = ("看護学研究誌\n資料\n在宅看護における家族支援の実態調査\n山本 花子佐藤 太郎中村 一郎\n著者情報\n\n"
            "要旨\nこの研究では在宅看護の家族支援を調べた。\n")
    authors = converter.read(text, "page", source="page.txt").records[0].get("author")
    assert [p["family"] for p in authors or []] == ["山本", "佐藤", "中村"]


def test_spanish_y_and_portuguese_e_after_marks():
    assert people("Ana María Pérez-Gómez1, Luis Ortega2 y Carmen Ruiz-López3") == [
        ("Pérez-Gómez", "Ana María", ["1"]), ("Ortega", "Luis", ["2"]), ("Ruiz-López", "Carmen", ["3"])]
    assert people("João Pedro Souza1 e Maria Clara Lima2") == [
        ("Souza", "João Pedro", ["1"]), ("Lima", "Maria Clara", ["2"])]
    # without marks 'y' stays inside one name
    assert people("José Ortega y Gasset") in (None, [("Ortega y Gasset", "José", [])], [("Gasset", "José Ortega y", [])])


def test_a_town_is_no_person():
    assert people("г. Томск") is None
    assert people("м. Львів") is None
    assert people("и.г. ПЕТРОВ") == [("Петров", "И.Г.", [])]


def test_a_suffix_after_a_full_name():
    assert people("Mary Ann Jones, Robert B Hill Jr, Susan Park") == [
        ("Jones", "Mary Ann", []), ("Hill", "Robert B", []), ("Park", "Susan", [])]
    assert bylines.parse_full_name("Robert B Hill Jr") == {"family": "Hill", "given": "Robert B", "suffix": "Jr"}


def test_initials_and_family_names_with_nothing_between_the_people():
    assert people("А. Б. Петрова В. Г. Сидоров") == [("Петрова", "А. Б.", []), ("Сидоров", "В. Г.", [])]
    assert people("Ivan P. Petrov") == [("Petrov", "Ivan P.", [])]  # one person with a middle initial


def test_letter_marks_glued_to_family_names():
    byline = [{"family": "Kumara", "given": "Ravi"}, {"family": "Singhb", "given": "Anil"}, {"family": "Dasc", "given": "Mita"}]
    page = "Ravi Kumara, Anil Singhb, Mita Dasc\na\nDepartment of Physics\nb\nDepartment of Chemistry\nc\nInstitute of Botany\n"
    got, marks = bylines.unglue_letter_marks(byline, [[], [], []], page)
    assert [p["family"] for p in got] == ["Kumar", "Singh", "Das"] and marks == [["a"], ["b"], ["c"]]
    # the same names without letter marks printed on the page are left alone
    plain = [{"family": "Silva", "given": "Ana"}, {"family": "Moore", "given": "Tom"}]
    assert bylines.unglue_letter_marks(plain, [[], []], "Ana Silva, Tom Moore\nDepartment of Physics\n")[0] == plain
    # (glued before the institution: 'a,bDepartment')
    got, _ = bylines.unglue_letter_marks(byline[:2], [[], []], "Ravi Kumara, Anil Singhb, a,bDepartment of Physics")
    assert [p["family"] for p in got] == ["Kumar", "Singh"]


def test_site_buttons_are_no_names():
    for button in ("SHOW MORE", "Show less", "Google Scholar", "Hide affiliations"):
        assert bylines.parse_loose_byline(button) is None, button


def test_two_of_one_family_with_other_initials_stay_two():
    def line(n, who):
        return TaggedLine(n, "x", who, 0.9)

    tagged = [line(3, [{"family": "Орлов", "given": "А.В."}, {"family": "Орлов", "given": "Б.Г."}]),
              line(4, [{"family": "Орлов", "given": "Алексей"}])]  # the first printed again, in full
    names, _ = choose_byline(tagged, skip=[])
    assert [(p["family"], p["given"]) for p in names] == [("Орлов", "А.В."), ("Орлов", "Б.Г.")]


def test_names_past_a_sites_author_panel_join_the_byline():
    text = ("A Trial of Walking for Back Pain in Older Adults\n\n"
            "  • Ruth Gray\n    Correspondence\n    Address reprint requests to Ruth Gray, School of Medicine, "
            "Keele University, UK.\n    Affiliations\n    School of Medicine, Keele University, Keele, United Kingdom\n"
            "    Search for articles by this author\n"
            "  • Peter K Long\n    Affiliations\n    School of Medicine, Keele University, Keele, United Kingdom\n"
            "    Search for articles by this author\n\nAbstract\nWe compared walking with usual care in a trial.\n")
    authors = converter.read(text, "page", source="page.txt").records[0].get("author")
    assert [p["family"] for p in authors or []] == ["Gray", "Long"]
