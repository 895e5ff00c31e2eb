"""The page reader's generic extractors on the printed patterns issue 11 names (strings written
here, not taken from the page set): issue lines, citation lines, DOIs in every form, dates with
their roles, titles among page furniture, bylines, and a page with no title."""
from __future__ import annotations

from pathlib import Path

import pytest

import converter
from converter.readers.page.bylines import parse_byline_marked
from converter.readers.page.history import history_dates, month_number
from converter.readers.page.identifiers import find_doi, find_issns, find_pubmed_ids
from converter.readers.page.issue import issue_facts


def read_page(text: str):
    return converter.read(text, "page", source="page.txt")


@pytest.mark.parametrize("line, expected", [
    ("Year : 2018 | Volume : 16 | Issue : 1 | Page : 10-14",
     {"issued": [2018], "volume": "16", "issue": "1", "page": "10-14"}),
    ("Том 12, Номер 10 (Октябрь 2022)", {"issued": [2022, 10], "volume": "12", "issue": "10"}),
    ("Journal of Economics, No 3 – 2009, pp. 12-20",  # an issue before its year is no range '3-2009'
     {"container-title": "Journal of Economics", "issued": [2009], "issue": "3", "page": "12-20"}),
    ("Vol. 5, № 2-2015", {"issued": [2015], "volume": "5", "issue": "2"}),
    ("TÜRK FEN EĞİTİMİ DERGİSİ Yıl 8, Sayı 1, Mart 2011",  # Turkish: the year of publication counts as the volume
     {"container-title": "TÜRK FEN EĞİTİMİ DERGİSİ", "issued": [2011, 3], "volume": "8", "issue": "1"}),
    ("Progress in Physical Geography 26,2 (2002) pp. 290–301",  # SAGE's and Arnold's running head
     {"container-title": "Progress in Physical Geography", "issued": [2002], "volume": "26", "issue": "2", "page": "290-301"}),
    ("Вестник Томского университета. 2022. № 46. С. 127-155.",
     {"container-title": "Вестник Томского университета", "issued": [2022], "issue": "46", "page": "127-155"}),
    ("Volume 12, Issue 3, March 2020, Pages 123-145",
     {"issued": [2020, 3], "volume": "12", "issue": "3", "page": "123-145"}),
    ("J Am Coll Surg. 2020 Mar; 230(3): 345–356.",
     {"container-title": "J Am Coll Surg", "issued": [2020, 3], "volume": "230", "issue": "3", "page": "345-356"}),
    ("Zielinski and Halling BMC Res Notes (2015) 8:714",
     {"container-title": "BMC Res Notes", "issued": [2015], "volume": "8", "page": "714"}),
    ("Back to Journals » Journal of Pain Research » Volume 9",
     {"container-title": "Journal of Pain Research", "volume": "9"}),
    ("Том 10, Номер 3 (Июль-сентябрь 2020)", {"issued": [2020], "volume": "10", "issue": "3"}),
    ("Annals of Testing: January/March 2016 - Volume 39 - Issue 1 - p 8–13",  # LWW: a month range first
     {"container-title": "Annals of Testing", "issued": [2016], "volume": "39", "issue": "1", "page": "8-13"}),
    ("Annals of Testing (Impact Factor: 13.25). 04/2005; 165(7):756-62.",  # ResearchGate
     {"container-title": "Annals of Testing", "issued": [2005, 4], "volume": "165", "issue": "7", "page": "756-762"}),
    ("Procedia - Social and Behavioral Sciences 98 (2014) 1590 - 1598",
     {"container-title": "Procedia - Social and Behavioral Sciences", "issued": [2014], "volume": "98",
      "page": "1590-1598"}),
    ("Annals of Tests volume 13, Article number: 98 (2012)",  # the article's number is no issue
     {"container-title": "Annals of Tests", "issued": [2012], "volume": "13", "page": "98"}),
    ("Annals of Tests 2014, 14, 17212-17234; doi:10.1000/x",  # MDPI: year, volume, pages
     {"container-title": "Annals of Tests", "issued": [2014], "volume": "14", "page": "17212-17234"}),
    ("2018 Vol. 23 No. 3 293-301", {"issued": [2018], "volume": "23", "issue": "3", "page": "293-301"}),
    ("Annals of Tests 2023, Vol. 15 Issue (8): 960-974",
     {"container-title": "Annals of Tests", "issued": [2023], "volume": "15", "issue": "8", "page": "960-974"}),
    ("Vol. 5, No. 2, 2019-2020", {"volume": "5", "issue": "2"}),  # two years are no pages
    ("Annals of Tests Vol. 1 (2), pp. 23-28, May 2006",
     {"container-title": "Annals of Tests", "issued": [2006, 5], "volume": "1", "issue": "2", "page": "23-28"}),
    ("Revista X, vol. 3, núm. 2, pp. 14 a 26", {"container-title": "Revista X", "volume": "3", "issue": "2", "page": "14-26"}),
    ("Журнал испытаний 3/2022", {"container-title": "Журнал испытаний", "issued": [2022], "issue": "3"}),
    ("Erschienen in: Annalen der Tests | Ausgabe 4/2021",
     {"container-title": "Annalen der Tests", "issued": [2021], "issue": "4"}),
    ("Cahiers de tests, (59-60), 7–15.", {"container-title": "Cahiers de tests", "issue": "59-60", "page": "7-15"}),
    ("2013, International Journal of Tests, № 3-4, p. 155-169",  # the year first, then the journal
     {"container-title": "International Journal of Tests", "issued": [2013], "issue": "3-4", "page": "155-169"}),
    ("| Published in | 試験学会雑誌 Vol. 24; no. 1; pp. 26 - 37 |",  # a table's label cell, a name in one word
     {"container-title": "試験学会雑誌", "volume": "24", "issue": "1", "page": "26-37"}),
    ("Curr Tests Vol. 25 (2024), 39-50",  # the year in brackets is no issue
     {"container-title": "Curr Tests", "issued": [2024], "volume": "25", "page": "39-50"}),
])
def test_issue_lines_of_both_languages(line, expected):
    facts = issue_facts(line)
    assert facts is not None
    got = {k: (v["date-parts"][0] if k == "issued" else v) for k, v in facts.items()}
    assert got == expected


@pytest.mark.parametrize("line", [
    "The results (n = 45) show that in 2020 the volume of trade grew",
    "Home / Archives / Current issue",
    "Received 12 March 2021",
    "Updated on 3/2022",
])
def test_prose_and_menus_are_no_issue_lines(line):
    assert issue_facts(line) is None


@pytest.mark.parametrize("text", ["doi:10.1234/abc.5", "DOI: 10.1234/abc.5", "https://doi.org/10.1234/abc.5",
                                  "http://dx.doi.org/10.1234/abc.5", "doi 10.1234/abc.5"])
def test_doi_in_every_printed_form(text):
    assert find_doi(text) == "10.1234/abc.5"


def test_bare_doi_only_when_asked():
    assert find_doi("see 10.1234/abc.5") is None
    assert find_doi("see 10.1234/abc.5.", bare=True) == "10.1234/abc.5"


def test_issn_pmid_pmcid():
    assert find_issns("ISSN 1234-5678 (Print), e-ISSN: 2345-678X; 3456-7890 (Online)") == \
        ["1234-5678", "2345-678X", "3456-7890"]
    assert find_pubmed_ids("PMID: 24134046 PMCID: PMC3955056") == {"PMID": "24134046", "PMCID": "PMC3955056"}


def test_history_dates_with_roles():
    assert history_dates("Received 2 August 2016 Accepted for publication 9 September 2016") == \
        {"submitted": [2016, 8, 2], "accepted": [2016, 9, 9]}
    assert history_dates("Поступила 07.02.2023; принята к публикации 19.06.2023") == \
        {"submitted": [2023, 2, 7], "accepted": [2023, 6, 19]}
    assert history_dates("Published online by Cambridge University Press: 11 September 2020") == \
        {"published": [2020, 9, 11]}
    assert [month_number(w) for w in ("Mar", "марта", "березня", "septiembre", "Oct.")] == [3, 3, 3, 9, 10]


@pytest.mark.parametrize("line, families", [
    ("Cathleen S Colón-Emeric 1, Heather E Whitson 2, Juliessa Pavon 3", ["Colón-Emeric", "Whitson", "Pavon"]),
    ("Rosi, B.1; Grašič, L.2 & Lerher, T.5", ["Rosi", "Grašič", "Lerher"]),
    ("Kenneth W. Latimer,1,2 Jacob L. Yates,1,2", ["Latimer", "Yates"]),
    ("Екатерина Владимировна Филатова1. Александр Васильевич Нечаев2", ["Филатова", "Нечаев"]),
    ("и.г. ШИРОБОКОВ", ["Широбоков"]),
    ("К.В. Антонова (1), М.М. Танашян (1)", ["Антонова", "Танашян"]),
    ("А.В.Никулин Е.М.Олейникова", ["Никулин", "Олейникова"]),
    ("AGADA Allwell1, Dr. Christianah Olajumoke SAM-KAYODE2", ["Agada", "Sam-Kayode"]),
    ("Susan L. Norris MD, MPH", ["Norris"]),
    ("Ann Lee1, 2 Bo Park 2 Carl D. Moss 3", ["Lee", "Park", "Moss"]),  # marks apart, no commas between people
    ("Ann Lee,Ann Lee1,2Bo ParkBo Park3Carl MossCarl Moss1", ["Lee", "Park", "Moss"]),  # each name twice (Frontiers)
])
def test_bylines(line, families):
    people = parse_byline_marked(line)
    assert people is not None
    assert [p["family"] for p, _ in people] == families


@pytest.mark.parametrize("line", ["Open Access", "Research Article", "Метаязыковые комментарии в прозе И. А. Бунина",
                                  "Chapter 2 Methods of Analysis", "Sec. Terrestrial Microbiology"])
def test_titles_and_furniture_are_no_bylines(line):
    assert parse_byline_marked(line.upper() if "Бунина" in line else line) is None


PAGE = """Skip to main content
Home
Archives
Journal of Regional Studies
Vol. 12 No. 3 (2021)
Original Article
The Dynamics of Cross-Border Cooperation in Northern Europe
Anna Virtanen1, Pekka Korhonen2
1 University of Helsinki, Finland
2 University of Turku, Finland
Abstract
Cross-border cooperation has changed over the last decade. This study examines regional projects.
Keywords: cross-border cooperation; regions
How to cite: Virtanen A., Korhonen P. The Dynamics of Cross-Border Cooperation in Northern Europe. Journal of Regional Studies. 2021;12(3):45-60. doi:10.1234/jrs.2021.45
"""


def test_a_page_from_an_unseen_layout():
    item = read_page(PAGE).records[0]
    assert item["title"] == "The Dynamics of Cross-Border Cooperation in Northern Europe"
    assert [a["family"] for a in item["author"]] == ["Virtanen", "Korhonen"]
    assert item["container-title"] == "Journal of Regional Studies"
    assert (item["volume"], item["issue"], item["page"]) == ("12", "3", "45-60")
    assert item["issued"] == {"date-parts": [[2021]]}
    assert item["DOI"] == "10.1234/jrs.2021.45"
    assert item["custom"]["authors"][0]["affiliation"] == "University of Helsinki, Finland"
    # the menu lines are kept, not lost
    assert "Home" in item["custom"]["other-text"]


@pytest.mark.parametrize("page, title, families", [
    # a byline wrapped with its last name printed again on the next line
    ("Soil Microbes under Nitrogen Addition in Two Soils\n\nAnn Lee1, Bo Park2, Carl Moss\nCarl Moss1*\n"
     "1 University of Testing, Testville\n\nAbstract\nThis research investigates the impact of nitrogen.\n",
     None, ["Lee", "Park", "Moss"]),
    # a byline stacked one name a line under a lone 'by' (MDPI)
    ("Review\n\nCrop Yield Prediction with Deep Learning: A Review\n\nby\nAnn Lee\n*,\nBo Park\n,\n"
     "Carl Moss\nand\nDee Ng\nSchool of Engineering, Testing University, Testville 3000, Australia\n"
     "Remote Sens. 2022, 14(9), 1990; https://doi.org/10.3390/rs14091990\n",
     "Crop Yield Prediction with Deep Learning: A Review", ["Lee", "Park", "Moss", "Ng"]),
    # an aggregator's English interface (CyberLeninka)
    ("Scholarly article on topic 'Teacher Burnout and Its Causes'\n\n"
     "Abstract of research paper on Educational sciences, author of scientific article — Jane Roe, John Doe\n\n"
     "Abstract The present study aimed at extending prior studies on teacher burnout by exploring it.\n",
     "Teacher Burnout and Its Causes", ["Roe", "Doe"]),
])
def test_written_pages_of_layouts_met_in_the_development_pages(page, title, families):
    item = read_page(page).records[0]
    if title is not None:
        assert item["title"] == title
    assert [a["family"] for a in item["author"]] == families


def test_an_author_named_in_both_scripts_is_one_person():
    page = (Path(__file__).parent / "fixtures" / "page" / "author-in-both-scripts.txt").read_text(encoding="utf-8")
    item = read_page(page).records[0]
    assert [a["family"] for a in item["author"]] == ["Третьяков"]
    twin = item["custom"]["authors"][0]["romanised"][0]
    assert twin["literal"] == "Tretiakov Oleg Vladimirovich"  # kept, not lost
    assert "Perm National" in twin["affiliation"]


def test_journal_names_lose_the_issue_printed_after_them():
    from converter.readers.page.issue import journal_name

    assert journal_name("Экономический вестник региона 3/2022") == "Экономический вестник региона"
    assert journal_name("Nature: Spring") == "Nature: Spring"  # a season word is not cut


def test_a_database_is_no_journal():
    page = ("Effects of Exercise on Blood Pressure in Older Persons\n\n"
            "Annals of Testing (Impact Factor: 13.25). 04/2005; 165(7):756-62.\nSource: PubMed\n\n"
            "ABSTRACT Because of age-related differences in the cause of hypertension, it is uncertain.\n")
    item = read_page(page).records[0]
    assert item["container-title"] == "Annals of Testing"
    assert "PubMed" in item["custom"]["other-text"]  # kept, not lost


def test_a_page_without_a_title_keeps_what_it_has():
    result = read_page("Journal of Regional Studies. 2021;12(3):45-60.\nDOI: 10.1234/jrs.2021.45\n")
    item = result.records[0]
    assert "title" not in item and item["DOI"] == "10.1234/jrs.2021.45" and item["volume"] == "12"
    assert any(d.field == "title" and "no article title" in d.message for d in result.diagnostics)


def test_nothing_citable_is_a_parse_error_naming_the_file():
    with pytest.raises(converter.ParseError) as err:
        read_page("12345\n")
    assert "page.txt" in str(err.value) and err.value.exit_code == 4


@pytest.mark.parametrize("line, furniture", [
    ("ББК 81.2-9 : 74.480.26", True), ("JEL Classification: D83, O33", True), ("UDC 327.3(470+571)", True),
    ("Udc and the Classification of Knowledge in Libraries", False),
])
def test_classification_codes_are_no_titles(line, furniture):
    from converter.readers.page.title import is_furniture

    assert is_furniture(line) is furniture


@pytest.mark.parametrize("line, before, keywords, after", [
    ("The model is tested. Keywords: OFDM, software radio. 1. INTRODUCTION Wireless ...",
     "The model is tested.", "OFDM, software radio.", "1. INTRODUCTION Wireless ..."),
    ("Обсуждаются аспекты. Ключевые слова: статины, миопатии. Журнал 2014;10(3):334-338",
     "Обсуждаются аспекты.", "статины, миопатии.", "Журнал 2014;10(3):334-338"),
    ("It is presented. Keywords OFDM, quasi-realtime", "It is presented.", "OFDM, quasi-realtime", ""),
    ("Outcomes are studied. Keywords: Education, JEL classification: J11.", "Outcomes are studied.", "Education", "JEL classification: J11."),
    ("Kata kunci yang dipakai. Kata kunci: e-learning, website", "Kata kunci yang dipakai.", "e-learning, website", ""),
])
def test_keywords_run_into_a_line(line, before, keywords, after):
    from converter.readers.page.labels import run_in_keywords
    assert run_in_keywords(line) == (before, keywords, after)


@pytest.mark.parametrize("line", [
    "The keywords: none were used.", "Keywords: a, b", "We searched PubMed with keywords obesity and diet.",
])
def test_no_run_in_keywords_without_a_sentence_before(line):
    from converter.readers.page.labels import run_in_keywords
    assert run_in_keywords(line) is None


@pytest.mark.parametrize("line", [
    "Keyword: a", "Key-words: a", "Key words and phrases: a", "Ключевые слова и фразы: а", "Palabras Claves: a",
    "Mots-clefs : a", "Anahtar sözcükler: a", "Kata-kata kunci: a", "Kulcsszavak: a", "Ključne riječi: a",
    "Кључне речи: a", "Ключови думи: a", "Түйінді сөздер: а", "Açar sözlər: a", "Kalit so'zlar: a",
    "Author keywords: a", "MeSH terms: a", "Cuvinte cheie: a", "Nyckelord: a", "Trefwoorden: a", "Stichwörter: a",
])
def test_keyword_labels_of_many_languages(line):
    from converter.readers.page.labels import match_label
    assert match_label(line) == ("keywords", "a" if line[-1] == "a" else "а")


def test_a_copyright_line_ends_the_keywords():
    record = read_page("A study of learning media\n\nKeywords:\nmedia; interest\n© 2021 The Authors. Published by X\n").records[0]
    assert record["keyword"] == "media; interest"


def test_bulleted_names_under_an_authors_label_need_no_commas():
    from converter.readers.page.bylines import join_bulleted_names
    lines = ["Автор(и)", "", "  • Р.В. Славік", "  • І.Ю. Фекета", "", "DOI:"]
    assert join_bulleted_names(lines)[2] == "Р.В. Славік, І.Ю. Фекета"
    menu = ["Menu", "  • Home Page", "  • Open Access"]  # without the label, a menu of two-word items stays
    assert join_bulleted_names(menu) == menu


def test_a_special_issue_name_is_no_title():
    page = ("Journal of Sensors / 2017 / Article\nSpecial Issue\n\nAdvanced Big Data Technology for Care Services\n\n"
            "View this Special Issue\n\nResearch Article | Open Access\n\nVolume 2017 |Article ID 7483075 | 9 pages\n\n"
            "The Intelligent Healthcare Data Management System Using Nanosensors\n\nAbstract\n\nWe study sensors in homes.\n")
    record = read_page(page).records[0]
    assert record["title"] == "The Intelligent Healthcare Data Management System Using Nanosensors"
    assert record["custom"]["special-issue"] == "Advanced Big Data Technology for Care Services"


@pytest.mark.parametrize("line, families", [
    ("Maria Silva I, João Souza II", ["Silva", "Souza"]),  # roman marks set apart by a space
    ("Smith AB, Doe I", ["Smith", "Doe"]),  # a Vancouver initial 'I' stays an initial
    ("J. Torres1,* https://example.org/image003.png, A. H. Ruelas2 https://example.org/image003.png", ["Torres", "Ruelas"]),
])
def test_byline_marks_and_icon_links(line, families):
    parsed = parse_byline_marked(line)
    assert [p["family"] for p, _ in parsed] == families
    assert parse_byline_marked("Smith AB, Doe I")[1][0]["given"] == "I"


def test_family_comma_given_pieces_set_apart_by_semicolons():
    line = "Oliveira, Joana PT, MSc1; Mesquita-Bastos, José MD, PhD2; Argel de Melo, Cristina PT, PhD3"
    parsed = parse_byline_marked(line)
    assert [(p["family"], p["given"], m) for p, m in parsed] == [
        ("Oliveira", "Joana", ["1"]), ("Mesquita-Bastos", "José", ["2"]), ("Argel de Melo", "Cristina", ["3"])]
    assert parse_byline_marked("Rosi, B.1; Grašič, L.2")[1][0] == {"family": "Grašič", "given": "L."}


def test_a_loose_byline_reads_marks_set_apart_and_long_full_names():
    from converter.readers.page.bylines import parse_loose_byline

    got = parse_loose_byline("Jane Memmott 1 *, Marc Cadotte 2 , E.J. Milner-Gulland 5")
    assert got == [({"family": "Memmott", "given": "Jane"}, ["1", "*"]), ({"family": "Cadotte", "given": "Marc"}, ["2"]),
                   ({"family": "Milner-Gulland", "given": "E.J."}, ["5"])]
    got = parse_loose_byline("Laio Preslis Brando Matos de Almeida ², Luiza Ferreira Rigonatti da Silva")
    assert got is not None and got[0] == ({"family": "de Almeida", "given": "Laio Preslis Brando Matos"}, ["2"])
    assert parse_loose_byline("• Mei-Lin Chang") == [({"family": "Chang", "given": "Mei-Lin"}, [])]
    assert parse_loose_byline("Edivaldo Cremer 4, Maria do Carmo Fernandez Lourenço Haddad 7")[1] == (
        {"family": "Haddad", "given": "Maria do Carmo Fernandez Lourenço"}, ["7"])
    assert parse_loose_byline("Department of Biological Sciences, University of Bristol") is None
    assert parse_loose_byline("Received 12 May 2020") is None



def test_a_citation_label_with_its_article_and_purpose_spelled_out():
    # e-koncept.ru and its peers: 'Библиографическое описание статьи для цитирования:' on its own line
    name = "og-e-koncept-2015-5-15162-sembrat"  # a development page
    page = (Path(__file__).parent / "data" / "pages" / f"{name}.txt").read_text(encoding="utf-8")
    item = converter.read(page, "page", source=name).records[0]
    assert item["custom"]["citation-as-printed"].startswith("Сембрат А. Л., Калюжка Н. С. Проблемы")
    assert [a["family"] for a in item["author"]] == ["Сембрат", "Калюжка"]
    assert item["page"] == "166-170"


@pytest.mark.parametrize("byline, families", [
    ("Enriqueta Force y Lola Andreu", ["Force", "Andreu"]),  # Spanish 'y' between two full names
    ("Ana Silva e João Souza, Pedro Lima", ["Silva", "Souza", "Lima"]),  # Portuguese 'e'
    ("Santiago Ramón y Cajal", ["y Cajal"]),  # one word after 'y': one person, as before
])
def test_iberian_and_joins_two_people_only_between_full_names(byline, families):
    people = parse_byline_marked(byline, after_title=True)
    assert people is not None and [p["family"] for p, _ in people] == families


def test_a_title_with_a_colon_is_no_field_label():
    # 'Hydrology: the changing paradigm' is a title; 'Article history: Received ...' a field's label
    page = ("You are on page 1of 12\n\nHydrology: the changing paradigm\n\n\nNicholas J. Clifford\n"
            "School of Geography, University of Nottingham, University Park, Nottingham\n")
    assert converter.read(page, "page", source="p").records[0]["title"] == "Hydrology: the changing paradigm"
    from converter.readers.page.title import FIELD_WORD
    assert FIELD_WORD.search("Article history: ") and FIELD_WORD.search("Тематичний розділ: ")
    assert not FIELD_WORD.search("Hydrology: ")


def test_a_paper_presented_at_a_meeting_is_a_conference_paper():
    page = ("Social Contexts of Secondary Classrooms\n\nJane Doe, Richard Roe\n\n"
            "NOTE 12p.; Paper presented at the Annual Meeting of the American Educational Research Association\n")
    assert converter.read(page, "page", source="p").records[0]["type"] == "paper-conference"
    journal = page.replace("NOTE 12p.; Paper presented at", "Journal of Tests, Vol. 3, No. 2 (2001). Also presented at")
    assert converter.read(journal, "page", source="p").records[0]["type"] == "article-journal"


def test_keywords_printed_without_their_label_under_the_abstract():
    abstract = ("O Ministério da Saúde propôs a realização de grupos de educação em saúde para os portadores de "
                "hipertensão e diabetes, avaliados em três unidades.")
    page = (f"Atividades participativas em grupos de educação em saúde\n\nResumo\n\n{abstract}\n\n"
            "atenção primária à saúde; educação em saúde; doença crônica\n")
    result = converter.read(page, "page", source="p")
    assert result.records[0]["keyword"] == "atenção primária à saúde; educação em saúde; doença crônica"
    assert any(d.field == "keyword" and "unlabelled" in d.message for d in result.diagnostics)
    names = page.replace("atenção primária à saúde; educação em saúde; doença crônica", "Ana Silva, João Souza, Pedro Lima")
    assert "keyword" not in converter.read(names, "page", source="p").records[0]


def test_a_jstor_cover_run_together_on_one_line():
    line = ("The Staff Man Looks in the MirrorAuthor(s): David S. BrownSource: Public Administration Review, Vol. 23, "
            "No. 2 (Jun., 1963), pp. 67-73Published by: Wiley on behalf of the American Society for Public "
            "AdministrationStable URL: http://www.jstor.org/stable/973830 .Accessed: 14/06/2014 15:51")
    item = converter.read(f"{line}\n", "page", source="jstor").records[0]
    assert item["title"] == "The Staff Man Looks in the Mirror"
    assert item["author"] == [{"family": "Brown", "given": "David S."}]
    assert (item["container-title"], item["volume"], item["issue"], item["page"]) == ("Public Administration Review", "23", "2", "67-73")
    assert item["issued"]["date-parts"][0][0] == 1963  # never the day the copy was downloaded (Accessed)


@pytest.mark.parametrize("printed, name", [
    ("Aminian and Naji, J Health Med Inform", "J Health Med Inform"),  # a running head's authors, then a comma
    ("Journal of Healthcare Engineering ·", "Journal of Healthcare Engineering"),
    ("Environmental Science and Pollution Research Aims and scope Submit manuscript",
     "Environmental Science and Pollution Research"),  # SpringerLink's links after the name
    ("Science and Science of Science", "Science and Science of Science"),  # a name, not two authors
])
def test_journal_names_without_what_a_page_prints_around_them(printed, name):
    from converter.readers.page.issue import journal_name

    assert journal_name(printed) == name


def test_a_history_label_alone_takes_the_date_on_the_next_line():
    from converter.readers.page.history import join_label_lines

    lines = [(2, "Дата направления статьи в редакцию:"), (3, "18-12-2016"), (4, "Дата публикации:"), (5, "12-10-2017")]
    joined = join_label_lines(lines)
    assert joined == [(2, "Дата направления статьи в редакцию: 18-12-2016"), (4, "Дата публикации: 12-10-2017")]
    assert history_dates(joined[-1][1]) == {"published": [2017, 10, 12]}
    assert history_dates("Received: 05-03-2020; Accepted: 10-04-2020") == {"submitted": [2020, 3, 5], "accepted": [2020, 4, 10]}
    page = "Title of the Article Under Test Here\n\nDOI: 10.1234/abc.5\nДата публикации:\n12-10-2017\n"
    assert converter.read(page, "page", source="p").records[0]["issued"] == {"date-parts": [[2017, 10, 12]]}


def test_labels_glued_to_the_text_before_them():
    """An HTML page's cells run together: 'Keywords:' at the end of the DOI's line, 'Abstract' at
    the end of the keywords; each label is read at the start of the next line."""
    page = ("A study of glued labels on article pages\n\nDOI:\nhttps://doi.org/10.1000/glued.1Keywords:\n"
            "glue, labels, pages tested hereAbstract\n"
            "This abstract explains in many words how the labels came to be glued to the text before them.\n")
    item = read_page(page).records[0]
    assert item["keyword"] in (["glue", "labels", "pages tested here"], "glue, labels, pages tested here")
    assert item["DOI"] == "10.1000/glued.1"
    assert item["abstract"].startswith("This abstract explains")


@pytest.mark.parametrize("printed", ["a term · b term · c term", "a term • b term • c term", "a term – b term – c term",
                                     "a term，b term，c term", "a term、b term、c term", "\na term\nb term\nc term"])
def test_keywords_set_apart_by_any_separator(printed):
    """Middle dots, bullets, spaced dashes, CJK commas, one keyword a line: read as semicolons."""
    page = ("A study of separators in the keyword lists of pages\n\nKeywords: " + printed +
            "\n\nAbstract: This abstract explains in many words how the separators came to be printed.\n")
    assert read_page(page).records[0]["keyword"] == "a term; b term; c term"


def test_a_polish_label_glued_to_the_doi():
    page = ("A study of glued labels on Polish article pages\n\n"
            "https://doi.org/10.12923/2353-8627/2024-0005Słowa kluczowe:\nlęk, studenci, COVID-19\n")
    item = read_page(page).records[0]
    assert item["DOI"] == "10.12923/2353-8627/2024-0005"
    assert "COVID-19" in item["keyword"]


def test_an_article_number_of_seven_digits_is_kept_whole():
    assert issue_facts("PLoS One 20(9): e0332391.")["page"] == "e0332391"


def test_the_second_issn_of_a_cover_is_no_volume():
    """T&F's cover: 'ISSN: 0735-2166 (Print) 1467-9906 (Online)' places the article in no issue."""
    assert issue_facts("ISSN: 0735-2166 (Print) 1467-9906 (Online) Journal homepage: https://www.tandfonline.com/loi/ujua20") is None


def test_a_copyright_year_is_never_half_an_issn():
    page = ("A study of copyright notices in Italian journals\n\n"
            "© Edizioni Centro Studi Erickson S.p.a. ISSN 2038-3002\n\nDOI: 10.1000/copyright.1\n")
    assert "issued" not in read_page(page).records[0]


def test_cloudflare_email_masks_part_the_names_of_a_run_together_pdf_head():
    page = ("Deep learning long-range information in undirected graphs with wave networks Matthew K. Matlock "
            "[email protected] Arghya Datta [email protected] Kevin Jiang [email protected] Department of Pathology "
            "and Immunology Washington University in Saint Louis Abstract Graph algorithms are key tools in many "
            "fields of science and technology and this abstract says so in enough words to be one.\n")
    item = read_page(page).records[0]
    assert item["title"] == "Deep learning long-range information in undirected graphs with wave networks"
    assert [a["family"] for a in item["author"]] == ["Matlock", "Datta", "Jiang"]
