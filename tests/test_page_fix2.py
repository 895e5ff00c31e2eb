"""The page reader's fields other than title, journal and authors (issue 11, session 15, `pagefix2`):
issue lines in more printed forms, the article's language among Romance languages. Strings written
here, not taken from the page set."""
from __future__ import annotations

import pytest

import converter
from converter.readers.page.issue import issue_facts
from converter.readers.page.language import _latin_language
from converter.readers.page.pdf_head import split_run_together


def read(text: str) -> converter.Result:
    return converter.read(text, "page", source="page.txt")


@pytest.mark.parametrize("line, want", [
    # a letter-spaced label of a PDF's running head
    ("2021 – N o 77 – Revue de Sociologie", {"issue": "77", "issued": {"date-parts": [[2021]]}}),
    # a labelled year, the table's empty cells, then the pages
    ("Yıl 2019, , 12 - 30, 15.06.2019", {"page": "12-30", "issued": {"date-parts": [[2019]]}}),
    # the volume's number in brackets after its label
    ("Istoricheskii Zhurnal, 2016, Vol.(5), № 2", {"volume": "5", "issue": "2"}),
    # German 'Heft'
    ("Bd. 14, H. 2, S. 101–118", {"volume": "14", "issue": "2", "page": "101-118"}),
    # article numbers as the pages, never an issue
    ("Journal of Tests, Volume 204, 2022, Article 118877", {"volume": "204", "page": "118877"}),
    ("Energy Tests, 2021, vol. 150, art. no. 112233", {"volume": "150", "page": "112233"}),
    # a year between the issue and the pages is the year, never the pages
    ("Revista de Pruebas, 8(2), 2017, 33 – 41.", {"volume": "8", "issue": "2", "page": "33-41",
                                                   "issued": {"date-parts": [[2017]]}}),
    # ... but an article number that looks like a year after a printed year stays the pages
    ("Tests. 2021, 9(4), 1987; https://doi.org/10.1234/x", {"volume": "9", "issue": "4", "page": "1987"}),
    # seasons of quarterly issues: the year, never the journal
    ("Winter 2018, Vol. 7, No. 4", {"volume": "7", "issue": "4", "issued": {"date-parts": [[2018]]}}),
    ("Осень 2020. Т. 5, № 3. С. 12–20", {"volume": "5", "issue": "3", "issued": {"date-parts": [[2020]]}}),
])
def test_issue_lines_in_more_printed_forms(line, want):
    facts = issue_facts(line)
    assert facts is not None
    assert {k: facts.get(k) for k in want} == want
    assert "container-title" not in facts or facts["container-title"] not in ("Winter", "Осень")


def test_a_lone_issue_label_with_its_season_on_the_next_line():
    text = ("EĞİTİM DERGİSİ\n\nSayı 171\n\nGüz 2006\n\n\nÖĞRETMEN ADAYLARININ TUTUMLARI ÜZERİNE BİR ÇALIŞMA\n\n"
            "Ayşe YILMAZ*\n\n")
    item = read(text).records[0]
    assert item.get("issue") == "171" and item.get("issued") == {"date-parts": [[2006]]}


def test_a_running_head_beginning_with_the_year_is_no_title():
    line = ("2017 – N o 141 – Revue des Tests 203 Mesurer le travail pour le comprendre Une discussion entre "
            "deux méthodes Jeanne Dupont * , Paul Martin ** Au cours des dernières années, les outils ont "
            "beaucoup changé et les données se sont multipliées dans les enquêtes publiques.")
    found = split_run_together(line)
    assert found is not None and found.title.startswith("Mesurer le travail")
    assert "N o 141" in found.head


@pytest.mark.parametrize("text, want", [
    ("Claves para la elaboración de un artículo científico. La meta final de la profesión de enfermería es mejorar "
     "la práctica de sus miembros, de modo que los pacientes reciban una atención de calidad.", "es"),
    ("La concettualizzazione dell'assistenza infermieristica nella letteratura italiana: un'analisi a supporto "
     "dello sviluppo di una teoria. Le teorie infermieristiche costituiscono un riferimento per la prassi.", "it"),
    ("Le travail des enquêteurs dans les services publics: une analyse des pratiques et des représentations "
     "de la statistique dans les administrations françaises.", "fr"),
    # languages the function words do not settle
    ("Atitudinile profesorilor față de selecția timpurie a elevilor și experiențele lor. Articolul analizează modul în "
     "care profesorii din școlile primare evaluează împărțirea elevilor.", "ro"),
    ("De houding van leraren ten opzichte van de vroege selectie van leerlingen en hun ervaringen. Het artikel onderzoekt "
     "hoe leraren op basisscholen de verdeling van leerlingen beoordelen.", "nl"),
    ("A tanárok hozzáállása a tanulók korai szelekciójához és tapasztalataik. A cikk azt vizsgálja, hogyan értékelik az "
     "általános iskolai tanárok a tanulók különböző iskolatípusokba sorolását.", "hu"),
    ("Teachers' attitudes towards the early selection of pupils and their experiences. The article examines how teachers "
     "in primary schools assess the division of pupils into types of schools.", "en"),
])
def test_romance_languages_and_those_the_function_words_do_not_settle(text, want):
    assert _latin_language(text) == want


@pytest.mark.parametrize("line, want", [
    ("DOI: http://www.dx.doi.org/10.1234/5678-9012.20190003", "10.1234/5678-9012.20190003"),  # label, then a resolver
    ("| DOI | 10.12345/abcd.12.3_45 |", "10.12345/abcd.12.3_45"),  # a table's bar between label and value
    ("Verlag 12. Jg. (2021) DOI 10.2378/ zfw2021.art05d © Verlag", "10.2378/zfw2021.art05d"),  # a space after the slash
])
def test_dois_in_more_printed_forms(line, want):
    from converter.readers.page.identifiers import find_doi
    assert find_doi(line) == want


def test_a_journal_in_quotes_before_its_issue_number():
    facts = issue_facts('"ВЕСТНИК МЕДИЦИНЫ. Кардиология" №4')
    assert facts == {"issue": "4", "container-title": "ВЕСТНИК МЕДИЦИНЫ. Кардиология"}


def test_a_keyword_list_above_an_unlabelled_abstract():
    text = ("Prevalence of anaemia among rural schoolchildren: a cross-sectional study\n\n"
            "Maria Lopez, Peter Hansen\n\n"
            "anaemia; schoolchildren; rural health; prevalence; nutrition\n\n"
            "Background: anaemia is common among schoolchildren in rural districts, and little is known about its "
            "causes there. Methods: we examined 400 children in twelve schools. Results: one child in four had "
            "anaemia. Conclusions: school meals may help.\n")
    item = read(text).records[0]
    assert item.get("keyword") == "anaemia; schoolchildren; rural health; prevalence; nutrition"


@pytest.mark.parametrize("line, want", [
    ("Journal of Tests 12: 45–60 (2019)", {"volume": "12", "page": "45-60", "issue": None}),  # a year in brackets is no issue
    ("Zeitschrift für Tests 12 (2019), Heft 3, S. 45–60", {"volume": "12", "issue": "3", "page": "45-60"}),
    ("Test Dergisi Cilt 12, Sayı 3, 2019, Sayfa 45-60", {"volume": "12", "issue": "3", "page": "45-60"}),
    ("Tests 2019, 12, 4567", {"volume": "12", "page": "4567"}),  # an article number after year and volume
    ("Tests, 2019, Vol. 12, Issue 3, e0123456", {"volume": "12", "issue": "3", "page": "e0123456"}),
    ("Tests Journal • Vol 12 • Issue 3 • 2019 • 45-60", {"volume": "12", "issue": "3", "page": "45-60"}),
    ("第12卷 第3期 2019年 45-60页", {"volume": "12", "issue": "3", "page": "45-60"}),
])
def test_more_issue_line_forms(line, want):
    facts = issue_facts(line) or {}
    assert {k: facts.get(k) for k in want} == want


@pytest.mark.parametrize("line", ["Issue Date: March 2019", "Publicação: 12/03/2019", "Published Date: 12-Mar-2019",
                                  "Objavljeno: 12.03.2019"])
def test_more_publication_date_labels(line):
    from converter.readers.page.history import history_dates
    assert history_dates(line)["published"][0] == 2019


def test_a_keyword_list_runs_on_over_a_blank_line_after_its_separator():
    text = ("Floods in the river towns of the south\n\nIvan Petrov\n\nAbstract: " + "The study reads the records of the "
            "floods of the last century in twelve towns and what the towns did after them. " * 2 + "\n\n"
            "Keywords: floods; river towns; archives;\n\n"
            "local memory; dams; the southern provinces of the country.\n\n"
            "Introduction. The floods of the last century are well known.\n")
    item = read(text).records[0]
    assert item["keyword"] == "floods; river towns; archives; local memory; dams; the southern provinces of the country"


def test_colons_between_keywords():
    text = ("Mobile payments in small towns\n\nAda Obi\n\nAbstract: " + "The study asks who pays with a phone in small "
            "towns and why, from a survey of four hundred shop owners. " * 2 + "\n\n"
            "Keywords: Demographic Factors: Adoption: Mobile payment Services\n")
    item = read(text).records[0]
    assert item["keyword"] == "Demographic Factors; Adoption; Mobile payment Services"


@pytest.mark.parametrize("line, want", [
    ("| ISSN | 1343-8441 2434-2254 |", ["1343-8441", "2434-2254"]),  # a table's bar, two in one cell
    ("0831-1048 (imprimé)", ["0831-1048"]),                          # the medium in French
    ("issn = { 0975-8887 },", ["0975-8887"]),                        # BibTeX on the page
])
def test_issns_in_more_printed_forms(line, want):
    from converter.readers.page.identifiers import find_issns
    assert find_issns(line) == want


def test_a_jats_page_gives_the_issns_printed_as_journal_ids():
    text = ('<?xml version="1.0" encoding="utf-8"?>\n<article xmlns:xlink="http://www.w3.org/1999/xlink" '
            'article-type="research-article"><front><journal-meta>'
            '<journal-id journal-id-type="issn">1234-5679</journal-id><journal-id journal-id-type="eissn">2345-678X</journal-id>'
            '<journal-title-group><journal-title>Tests</journal-title></journal-title-group></journal-meta>'
            '<article-meta><title-group><article-title>A test</article-title></title-group></article-meta></front></article>\n')
    assert read(text).records[0]["ISSN"] == "1234-5679, 2345-678X"


def test_a_table_row_labels_the_abstract_and_the_doi():
    text = ("Oral health of older people in a rural town\n\n"
            "| Published in | Journal of Tests Vol. 24; no. 1; pp. 26 - 37 |\n"
            "| DOI | 10.1234/tests.24.1_26 |\n"
            "| Abstract | " + "The study examined the oral health of four hundred older people in a rural town. " * 2 + "|\n")
    item = read(text).records[0]
    assert item["DOI"] == "10.1234/tests.24.1_26" and item["abstract"].startswith("The study examined")


def test_prose_right_above_the_keywords_label_is_the_abstract():
    text = ("ВЕСТНИК ТЕСТОВ. 2011. № 1\n"
            "И.И. Иванов\n"
            "(кандидат исторических наук)*\n"
            "ПРОИСХОЖДЕНИЕ ТЕСТОВ:\n"
            "ВОЗВРАЩАЯСЬ К ПРОБЛЕМЕ\n"
            "Статья содержит анализ известных сведений о тестах, многие из которых являются стереотипами. Рассмотрены "
            "данные, в том числе архивные, о различных группах тестов в исторической ретроспективе.\n"
            "Ключевые слова: тесты, история, архивы.\n"
            "«Тесты — сторожа окраин». Такое определение давал крупнейший историк тестов. Он же писал: «Вопрос о "
            "происхождении тестов принадлежит к числу самых трудных» [13].\n")
    item = read(text).records[0]
    assert item.get("abstract", "").startswith("Статья содержит анализ")


def test_a_publication_date_cut_short_after_its_month():
    from converter.readers.page.history import history_dates, join_label_lines
    assert join_label_lines([(1, "Опубліковано"), (2, "2022-11-")]) == [(1, "Опубліковано: 2022-11-")]
    assert history_dates("Опубліковано: 2022-11-") == {"published": [2022, 11]}


def test_the_copyright_year_of_a_history_line_printed_with_a_symbol_fonts_o():
    text = ("A study of quality of life in children\n\nAnna Berg · Jonas Holm\n\n"
            "Accepted: 19 February 2016 Ó Springer International Publishing Switzerland 2016\n\n"
            "Abstract " + "The study asked four hundred children about their quality of life at school and at home. " * 2 + "\n")
    item = read(text).records[0]
    assert item["issued"] == {"date-parts": [[2016]]}


def test_the_issue_line_in_the_head_of_an_abstract_in_the_other_language():
    text = ("Carla Berg und Jonas Holm\n\nWas wissen wir über die Bodenbearbeitung?\n\n"
            "Die Wirkung der Bodenbearbeitung wurde bisher nur unzureichend untersucht, und die Empfehlungen stützen sich "
            "auf Erfahrungswissen aus vielen Jahren der Praxis auf den Betrieben.\n\n"
            "Schlüsselwörter\n\nBodenbearbeitung, Wassereinsparung, Unkraut\n\n"
            "Keywords\n\nTillage, water conservation, weeds\n\n"
            "Abstract\n\nberg, carla and holm, jonas\n\nWhat is known about the effect of tillage on soil and what is still unknown?\n\n"
            "agrartechnik 61 (2016), no. 4, pp. 210-215, 2 figures, 3 tables\n\n"
            "So far, the effect of tillage has not been studied well, and the advice given rests on experience alone.\n")
    item = read(text).records[0]
    assert (item.get("volume"), item.get("issue"), item.get("page")) == ("61", "4", "210-215")
    assert not item.get("abstract", "").startswith("berg, carla")


@pytest.mark.parametrize("text, want", [
    ("A title of the article on tests\n\nVolume 12\nIssue 3\nMarch 2019\n\nIvan Petrov\n", ("12", "3", None)),
    ("A title of the article on tests\n\nТом 12\n№ 3\n2019\n", ("12", "3", None)),
    ("Title of a test article\n\nVol. 12\n\nNo. 3\n\npp. 45-60\n", ("12", "3", "45-60")),
    ("A title of the article on tests\n\nVolume 12\nIvan Petrov 2019\n", (None, None, None)),  # a name line is no piece
])
def test_an_issue_line_printed_over_several_short_lines(text, want):
    item = read(text).records[0]
    assert (item.get("volume"), item.get("issue"), item.get("page")) == want


def test_a_publication_date_whose_day_is_not_known():
    from converter.readers.page.history import history_dates
    assert history_dates("PUB DATE 2001-06-00NOTE 14p.") == {"published": [2001, 6]}
    assert history_dates("Publication date: 2001-00-00") == {"published": [2001]}


@pytest.mark.parametrize("line, want", [
    ("P. 45-60", "45-60"), ("Págs. 45-60", "45-60"), ("Seiten 45–60", "45-60"), ("S. 45–60", "45-60"),
    ("Sayfalar: 45-60", "45-60"), ("Hal. 45-60", "45-60"), ("Str. 45-60", "45-60"), ("Стор. 45–60", "45-60"),
    ("Page range: 45-60", "45-60"), ("Pagination: 45-60", "45-60"),
    ("Article number: 123456", "123456"), ("Article ID 123456", "123456"), ("Art. 123456", "123456"),
    ("eLocator: e0123456", "e0123456"),
])
def test_pages_alone_on_their_line_in_more_languages(line, want):
    text = ("A study of test pages in many journals\n\nIvan Petrov, Anna Smirnova\n\n" + line + "\n\nAbstract: "
            + "The study reads the pages of many journals and what they print about themselves. " * 2 + "\n")
    assert read(text).records[0].get("page") == want


@pytest.mark.parametrize("line, want", [
    # Taylor & Francis: full names, the year in brackets, the title, then the journal and 'volume:issue'
    ("To cite this article: Ivan Petrov & Anna Smirnova (2019) A study of tests, Journal of Tests, 12:3, 45-60, DOI: x",
     {"container-title": "Journal of Tests", "volume": "12", "issue": "3", "page": "45-60"}),
    # bepress: the article's number after the issue
    ('Petrov, Ivan (2019) "A study," Journal of Tests: Vol. 12: Iss. 3, Article 4.', {"volume": "12", "issue": "3", "page": "4"}),
    # a citation's authors and title before the journal with no '//'
    ("Петров І. Дослідження тестових сторінок. Вісник тестів. 2019. Вип. 3. С. 45–60.",
     {"container-title": "Вісник тестів", "issue": "3", "page": "45-60"}),
])
def test_citation_lines_of_more_styles(line, want):
    facts = issue_facts(line) or {}
    assert {k: facts.get(k) for k in want} == want


@pytest.mark.parametrize("label", ["Subject terms", "Términos clave", "Parole-chiave", "Key phrases"])
def test_more_keyword_labels(label):
    text = ("A study of test pages in many journals\n\nIvan Petrov, Anna Smirnova\n\nAbstract: "
            + "The study reads the pages of many journals and what they print about themselves. " * 2
            + f"\n\n{label}: tests, pages, journals\n")
    assert read(text).records[0].get("keyword") == "tests, pages, journals"


@pytest.mark.parametrize("text, want", [
    ("Contexts of education\n\n  • Chapter\n\nAnna Berg\n\nAbstract: " + "The chapter describes the contexts of "
     "education and what they do to the chances of children at school and after it. " * 2 + "\n", "chapter"),
    ("Вопросы истории края: сборник научных статей. - Екатеринбург: УрГЮУ, 2018. С. 223-233.\n\nИ. И. Иванов\n\n"
     "Архивные материалы о крае\n\n" + "В статье анализируются архивные материалы о крае и его жителях. " * 3 + "\n",
     "chapter"),
    ("10.1145/3680127.3680211acmotherconferencesArticle/Chapter ViewAbstractPublication PagesicegovConference "
     "Proceedingsconference-collections\n\nA generic architecture for procurement\n\nPublished: 16 December 2024\n\n"
     "Abstract\n\n" + "The implementation of government information systems has been a means to improve conditions. " * 2
     + "\n", "paper-conference"),
])
def test_more_signs_of_the_item_type(text, want):
    assert read(text).records[0]["type"] == want


@pytest.mark.parametrize("line, want", [
    ("Digital Object Identifier 10.1109/TEST.2019.1234567", "10.1109/TEST.2019.1234567"),  # IEEE's label
    ("doi.org/10.1234/abc.2019.3", "10.1234/abc.2019.3"),  # the resolver without its scheme
    ("https://doi.org/10.1234/abc.2019.3?download=true", "10.1234/abc.2019.3"),  # the site's query is no part of it
])
def test_more_doi_forms(line, want):
    text = ("A study of test pages in many journals\n\nIvan Petrov, Anna Smirnova\n\n" + line + "\n\nAbstract: "
            + "The study reads the pages of many journals and what they print about themselves. " * 2 + "\n")
    assert read(text).records[0].get("DOI") == want


@pytest.mark.parametrize("line", ["Copyright (c) 2017 Ivan Petrov", "Derechos de autor 2017 Ivan Petrov", "(c) 2017 The Authors",
                                  "Direitos autorais (c) 2017 Ivan Petrov", "Ⓒ 2017 Journal of Tests",
                                  "Copyright (c) 2017 Ivan Petrov This work is licensed under a Creative Commons Attribution 4.0 "
                                  "International License."])
def test_copyright_notices_without_the_sign_give_the_year(line):
    text = ("A study of test pages in many journals\n\nIvan Petrov, Anna Smirnova\n\n" + line + "\n\nAbstract: "
            + "The study reads the pages of many journals and what they print about themselves. " * 2 + "\n")
    assert read(text).records[0].get("issued") == {"date-parts": [[2017]]}


@pytest.mark.parametrize("line, want", [("March 2018", [2018, 3]), ("Spring 2018", [2018]), ("Осень 2018", [2018])])
def test_an_issues_month_or_season_alone_in_the_head(line, want):
    text = ("A study of test pages in many journals\n\nIvan Petrov, Anna Smirnova\n\n" + line + "\n\nAbstract: "
            + "The study reads the pages of many journals and what they print about themselves. " * 2 + "\n")
    assert read(text).records[0].get("issued") == {"date-parts": [want]}
