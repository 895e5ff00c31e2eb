"""The page reader's numbers, journal and title on forms seen in session 13 (issue 11): strings
written here, not taken from the page set."""
from __future__ import annotations

import pytest

import converter
from converter.readers.page.citation import parse_citation
from converter.readers.page.issue import issue_facts
from converter.readers.page.pdf_head import leading_heading


@pytest.mark.parametrize("line, expected", [
    # a series is part of the journal's name, never its issue
    ("ВЕСТНИК ТВЕРСКОГО УНИВЕРСИТЕТА. СЕР. 4. 2015. ВЫП. 2",
     {"issue": "2", "container-title": "ВЕСТНИК ТВЕРСКОГО УНИВЕРСИТЕТА. СЕР. 4"}),
    # the year's issue and its cumulative number: the issue is the first
    ("Вісник науки. 2019. № 2(45). С. 10-19", {"issue": "2", "page": "10-19"}),
    ("Наука и жизнь 2021;4(88):33-41", {"issue": "4", "page": "33-41"}),
    # ... but a Latin-script line's 'volume(issue)' stays
    ("J Appl Tests 2019; 3(97): 12-20", {"volume": "3", "issue": "97"}),
    # physics' and EDP's conference series: volume, article number, year
    ("Web of Tests Conferences 118, 04012 (2019)",
     {"volume": "118", "page": "04012", "container-title": "Web of Tests Conferences", "issued": {"date-parts": [[2019]]}}),
    ("Phys. Rev. B 81, 125119 (2010)", {"volume": "81", "page": "125119", "container-title": "Phys. Rev. B"}),
    # APA: the journal after the title's full stop, not the authors before the year
    ("Pérez López, M. (2021). Estrategias de lectura en la escuela secundaria de la ciudad. Revista de Pruebas, "
     "volumen 12 (3), pp. 45-60", {"container-title": "Revista de Pruebas", "volume": "12", "issue": "3"}),
])
def test_issue_lines(line, expected):
    facts = issue_facts(line) or {}
    assert {k: facts.get(k) for k in expected} == expected
    if "volume" not in expected:
        assert "volume" not in facts


def test_a_phone_number_is_no_volume_and_issue():
    assert issue_facts("+7(495)1234567 Научный журнал") is None


def test_the_citations_title_loses_the_journal_the_parser_ran_into_it():
    parsed = parse_citation("Pérez López, M. (2021). Estrategias de lectura en la escuela secundaria de la ciudad. "
                            "Revista de Pruebas, volumen 12 (3), pp. 45-60")
    assert parsed["title"] == "Estrategias de lectura en la escuela secundaria de la ciudad"


@pytest.mark.parametrize("page, expected", [
    ("МЕТОДЫ ОЦЕНКИ РИСКА: ОБЗОР ПОДХОДОВ 45 В статье рассматриваются основные подходы к оценке риска "
     "в страховании и их ограничения в условиях неполной информации о клиентах.", "МЕТОДЫ ОЦЕНКИ РИСКА: ОБЗОР ПОДХОДОВ"),
    ("Історія міста: нові джерела та підходиМісто завжди було предметом уваги дослідників, які вивчали "
     "його минуле за архівами і спогадами.", "Історія міста: нові джерела та підходи"),
    # a journal's running head in capitals is no title
    ("ВЕСТНИК ТОМСКОГО ГОСУДАРСТВЕННОГО УНИВЕРСИТЕТА 2020 В статье рассматриваются основные подходы к оценке "
     "риска в страховании.", None),
    ("An ordinary sentence of running text that goes on with no heading at all before it, as pages do.", None),
])
def test_the_heading_a_run_together_page_starts_with(page, expected):
    assert leading_heading(page) == expected


def test_a_run_together_page_without_a_byline_still_gives_its_title():
    page = ("ИСТОРИЯ ОДНОГО ГОРОДА: НОВЫЕ ДАННЫЕ 12 Автор статьи рассматривает новые архивные данные о "
            "развитии города в девятнадцатом веке и их значение для местной истории. " * 4)
    result = converter.read(page, "page")
    assert result.records[0]["title"] == "История одного города: новые данные"
    assert any(d.field == "title" and "run together" in d.message for d in result.diagnostics)


@pytest.mark.parametrize("line, expected", [
    ("Jg. 12, Heft 3, S. 45-60", {"volume": "12", "issue": "3", "page": "45-60"}),
    ("Revista Teste, v. 12, n. 3, p. 45-60, jan./mar. 2020",
     {"volume": "12", "issue": "3", "page": "45-60", "container-title": "Revista Teste"}),
    ("Rev Bras Test. 2019;23(1):e20190045", {"volume": "23", "issue": "1", "page": "e20190045"}),
    ("Revista de Testes, Edição Especial, v. 5, n. 1, 2022", {"container-title": "Revista de Testes", "volume": "5"}),
])
def test_more_issue_forms(line, expected):
    facts = issue_facts(line) or {}
    assert {k: facts.get(k) for k in expected} == expected


@pytest.mark.parametrize("line, expected", [
    ("Published online 2020 Mar 12. doi: 10.1000/x", [2020, 3, 12]),
    ("Published: 12th March 2020", [2020, 3, 12]),
    ("Published: 12-Mar-2020", [2020, 3, 12]),
    ("Publication date: 2020", [2020]),
    ("Published: 2020-03", [2020, 3]),
])
def test_publication_dates(line, expected):
    from converter.readers.page.history import history_dates

    assert history_dates(line)["published"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Qual Test Res DOI 10.1000/s1-2", "Qual Test Res"),
    ("Anno di pubblicazione", None),
    ("Central and Eastern European Test Review", "Central and Eastern European Test Review"),
    ("Smith and Jones Journal of Tests", "Journal of Tests"),  # a running head's authors still go
    ("Autori/Curatori Mario Rossi", None),
])
def test_journal_names(text, expected):
    from converter.readers.page.issue import journal_name

    assert journal_name(text) == expected


def test_a_title_in_capitals_ends_where_the_byline_in_ordinary_case_begins():
    from converter.readers.page.title import Candidate, capitals_first

    line = ("THE EFFECT OF GRADED READING ON THE VOCABULARY OF YOUNG LEARNERS I Made Test Author "
            "Jurusan Pendidikan Bahasa Universitas Negeri")
    assert [c.text for c in capitals_first([Candidate(0, 1, line)])] == [
        "THE EFFECT OF GRADED READING ON THE VOCABULARY OF YOUNG LEARNERS"]
    # a word in small letters inside the capitals is no end
    assert capitals_first([Candidate(0, 1, "РАЗВИТИЕ АРХИВНОГО ДЕЛА В РОССИИ (IX-XIX вв.): ИСТОРИЧЕСКИЙ ОБЗОР")]) == []


def test_gost_numbers_read_up_to_the_pages_area():
    from converter.readers.page.citation import gost_numbers

    line = ("Іваненко І. І. Назва статті / І. І. Іваненко, П. П. Петренко // Тестові філологічні студії / редкол.: "
            "О. О. Головний (голов. ред.), В. В. Другий, Т. Т. Третій та ін. – Київ : Видавничий дім \"Тест\", – 2018. "
            "– Т. 1, Вип. 4. – С. 11–15. – Бібліогр.: с. 15 (12 назв); рез. укр., англ. Series/Report no.: Тестові студії;")
    facts = gost_numbers(line) or {}
    assert (facts.get("volume"), facts.get("issue"), facts.get("page")) == ("1", "4", "11-15")
