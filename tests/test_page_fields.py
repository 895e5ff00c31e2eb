"""The page reader's journal, date, numbers and keywords chosen by general evidence (session 12):
strings written here, not taken from the page set."""
from __future__ import annotations

from types import SimpleNamespace
from typing import List, Tuple

import pytest

from converter.readers.page.evidence import Evidence
from converter.readers.page.journal import abbreviates, choose_journal


def _page(lines: List[str], findings: List[Tuple[str, str, int]], issn_at: int | None = None) -> SimpleNamespace:
    evidence = Evidence()
    for value, source, line in findings:
        evidence.add("container-title", value, source, line)
    if issn_at:
        evidence.add("ISSN", "1234-5678", "label", issn_at)
    return SimpleNamespace(evidence=evidence, lines=lines)


def _no_model():
    return {}


@pytest.mark.parametrize("short, full, expected", [
    ("Prev Chronic Dis", "Preventing Chronic Disease", True),
    ("J. Am. Coll. Surg.", "Journal of the American College of Surgeons", True),
    ("Rev Port Med Geral Fam", "Revista Portuguesa de Medicina Geral e Familiar", True),
    ("Prev Chronic Dis", "Preventing Chronic Disease and Other Things", False),
    ("Chronic Disease", "Chronic Disease", False),  # the same name, not an abbreviation
    ("Water", "Water Research", False),
])
def test_abbreviates(short, full, expected):
    assert abbreviates(short, full) is expected


def test_a_label_holding_a_document_kind_is_not_the_journal():
    # 'Journal: Artigo' (a menu word under the label) against the masthead's name over its ISSN
    lines = ["Revista Portuguesa de Medicina Geral e Familiar", "versão impressa ISSN 1234-5678", "", "Artigo"]
    page = _page(lines, [("Artigo", "label", 4), ("Revista Portuguesa de Medicina Geral e Familiar", "head", 1)], issn_at=2)
    assert choose_journal(page, _no_model) == "Revista Portuguesa de Medicina Geral e Familiar"


def test_a_name_printed_twice_beats_an_issue_lines_garbled_start():
    lines = ["Revista de Enfermagem UFPE", "", "Revista de Enfermagem UFPE",
             "Portugus/Ingls Rev enferm UFPE on line., Recife, 7(esp):990-4, mar., 2013"]
    page = _page(lines, [("Portugus/Ingls Rev enferm UFPE on line., Recife", "issue-line", 4),
                         ("Revista de Enfermagem UFPE", "head", 1), ("Revista de Enfermagem UFPE", "head", 3)])
    assert choose_journal(page, _no_model) == "Revista de Enfermagem UFPE"


def test_a_citations_authors_taken_for_its_journal_lose_to_the_parsed_journal():
    line = ('Lee, Chien-Chiang & Wang, Chih-Wei, 2022. "Financial aid and inclusion," '
            "Pacific-Basin Finance Journal, Elsevier, vol. 71(C).")
    page = _page(["Financial aid and inclusion", line],
                 [("Lee, Chien-Chiang & Wang, Chih-Wei", "citation", 2), ("Pacific-Basin Finance Journal", "citation", 2)])
    assert choose_journal(page, _no_model) == "Pacific-Basin Finance Journal"


def test_the_first_choice_stays_without_more_evidence():
    # a label's name against a menu's other journal: the label stays
    lines = ["Emerging Infectious Diseases Journal", "", "Journal: Prev Chronic Dis"]
    page = _page(lines, [("Prev Chronic Dis", "label", 3), ("Emerging Infectious Diseases Journal", "head", 1)])
    assert choose_journal(page, _no_model) == "Prev Chronic Dis"
    # a name the line model is sure of is one more piece of evidence, not more than a label
    assert choose_journal(page, lambda: {1: {"JOURNAL": 0.4}}) == "Prev Chronic Dis"


def read_page(text: str):
    import converter
    return converter.read(text, "page", source="page.txt").records[0]


def test_an_unlabelled_citation_of_the_article_gives_its_numbers():
    page = ("L'Università e la politica nel secondo dopoguerra italiano\n\nAutori: Rosario Mangiameli\n\n"
            "Il testo dell'articolo si può acquistare e scaricare in formato pdf dal sito dell'editore.\n\n"
            "Rosario Mangiameli: L'Università e la politica nel secondo dopoguerra italiano in ARCHIVIO STORICO 1/2019 "
            "pp 153-163\n")
    item = read_page(page)
    assert item["page"] == "153-163"
    assert item["custom"]["citation-unlabelled-as-printed"]


def test_a_title_followed_by_a_year_alone_is_no_citation():
    page = ("L'Università e la politica nel secondo dopoguerra italiano\n\nAutori: Rosario Mangiameli\n\n"
            "Recensione di L'Università e la politica nel secondo dopoguerra italiano, uscito nel 2019 a Catania.\n")
    item = read_page(page)
    assert "page" not in item and "citation-unlabelled-as-printed" not in item.get("custom", {})


def test_an_unlabelled_keyword_list_under_a_paragraph_when_no_abstract_was_found():
    page = ("Физиологическая оценка поступления с пищей магния и калия у медицинских работников\n\n"
            "Автор: Гайков М.О.\n\nБесплатный доступ\n\n"
            "Повышенный уровень психоэмоционального напряжения чаще всего наблюдается у медицинских работников, а их "
            "нетрудоспособность в половине случаев связана именно со стрессом. В регуляции психоэмоциональной сферы "
            "наибольшую роль играют магний и калий.\n\n"
            "Северный регион, медицинские работники, рацион, питание, магний, калий\n\n"
            "Короткий адрес: https://example.org/143183205\n")
    item = read_page(page)
    assert item["keyword"].split(", ")[:2] == ["Северный регион", "медицинские работники"]


def test_pages_after_a_cited_title_are_written_with_a_hyphen():
    from converter.readers.page.citation import after_title
    assert after_title('in "ARCHIVIO STORICO" 1/2019, pp 153–163, DOI: 10.3280/ASSO2019-001')["page"] == "153-163"


def test_an_issue_line_printed_after_the_articles_title_loses_its_journal_to_the_citations():
    page = ("L'Università e la politica nel secondo dopoguerra italiano\n\nAutori: Rosario Mangiameli\n\n"
            "L'Università e la politica nel secondo dopoguerra italiano, Archivio storico per la Sicilia orientale, "
            "vol. 5, n. 1, 2019, pp. 153-163\n")
    item = read_page(page)
    assert item["container-title"] == "Archivio storico per la Sicilia orientale"
    assert (item["volume"], item["issue"], item["page"]) == ("5", "1", "153-163")


@pytest.mark.parametrize("line, expected", [
    ("Published 日本公衆衛生学会 15.10.2022", [2022, 10, 15]),
    ("Publicado por Editorial Universitaria 3 marzo 2020", [2020, 3, 3]),
])
def test_a_publication_date_after_the_publishers_name(line, expected):
    from converter.readers.page.history import history_dates
    assert history_dates(line)["published"] == expected


@pytest.mark.parametrize("line, expected", [
    ("Opublikowano: 12 lipca 2020", [2020, 7, 12]), ("Yayın Tarihi: 15 Temmuz 2021", [2021, 7, 15]),
    ("Pubblicato il 3 gennaio 2019", [2019, 1, 3]),
])
def test_publication_dates_with_month_names_of_more_languages(line, expected):
    from converter.readers.page.history import history_dates
    assert history_dates(line)["published"] == expected


def test_a_published_sentence_is_no_publication_date():
    from converter.readers.page.history import history_dates
    assert "published" not in history_dates("Published papers were reviewed by 3 referees in 2020 and 2021 (see 12 May 2021)")


def test_an_iso_year_and_month_after_the_journal():
    from converter.readers.page.issue import issue_facts
    facts = issue_facts("Sustainable cities and society 2024-10, Vol.113, p.105693")
    assert facts is not None and facts["issued"] == {"date-parts": [[2024, 10]]} and facts["volume"] == "113"


def test_a_running_head_with_the_copyright_notice_after_it():
    page = ("Quality assurance in higher education: a study of two universities\n\nJill Johnes\n\n"
            "Educational Research and Reviews Vol. 1 (2), pp. 23-28, May 2006 Available online at "
            "http://www.example.org/ERR © 2006 Academic Journals\n")
    item = read_page(page)
    assert (item["container-title"], item["volume"], item["issue"], item["page"]) == (
        "Educational Research and Reviews", "1", "2", "23-28")
    assert item["issued"] == {"date-parts": [[2006, 5]]}


@pytest.mark.parametrize("line, journal", [
    ("VOLUME-CİLT 5 NUMBER-SAYI 1 / 2018 THE JOURNAL OF NEUROBEHAVIORAL SCIENCES 13", "THE JOURNAL OF NEUROBEHAVIORAL SCIENCES"),
    ("Vol. 12, No. 3, 2020 Revista de Estudios Sociales", "Revista de Estudios Sociales"),
    ("Vol. 12, No. 3, 2020 Department of Sociology", None),  # not shaped like a journal's name: not taken
])
def test_the_journal_printed_after_the_numbers(line, journal):
    from converter.readers.page.issue import issue_facts
    facts = issue_facts(line)
    assert facts is not None and facts.get("container-title") == journal


def test_a_databases_name_is_not_the_journal():
    lines = ["PubMed", "", "Journal of Tests and Trials", "2020; 5(2): 10-20"]
    page = _page(lines, [("PubMed", "label", 1), ("Journal of Tests and Trials", "issue-line", 3)])
    assert choose_journal(page, _no_model) == "Journal of Tests and Trials"


def test_an_issue_line_right_under_a_long_head_line_taken_for_the_abstract():
    from converter.readers.page.reader import PageReader
    lines = ["Title of the article", "", "Ministry of Agriculture Key Laboratory ... (a long line)",
             "Published in the journal: PLoS ONE 14(9)", "", "Some text further down", "Vol. 3 (2) of another journal"]
    r = PageReader("\n".join(lines), "page.txt")
    r.item["abstract"], r.abstract_line = lines[2], 3  # the long head line taken for the abstract
    r._classify_line(4, lines[3])
    assert [f.value for f in r.evidence.found["volume"]] == ["14"]
    r._classify_line(7, lines[6])  # further down: body text, not the head
    assert [f.value for f in r.evidence.found["volume"]] == ["14"]


@pytest.mark.parametrize("line, expected", [
    ("Hemşirelik Yüksekokulu Dergisi (2006) 64–71",
     {"page": "64-71", "issued": {"date-parts": [[2006]]}, "container-title": "Hemşirelik Yüksekokulu Dergisi"}),
    ("Smith and Jones (2006) 64-71", None),  # not a journal's name: no issue line
    ("Jurnal Pendidikan Vokasi Volume 8, No 1, February 2018 (24-32)",
     {"volume": "8", "issue": "1", "page": "24-32", "issued": {"date-parts": [[2018, 2]]},
      "container-title": "Jurnal Pendidikan Vokasi"}),
    ("Journal of Tests Volume 8, No 1 (2017-2018)", None),  # two years in brackets are no pages
])
def test_pages_without_a_volume_or_in_brackets(line, expected):
    from converter.readers.page.issue import issue_facts
    facts = issue_facts(line)
    if expected is None:
        assert facts is None or "page" not in facts
    else:
        assert facts == expected


@pytest.mark.parametrize("block, expected", [
    # the next part of the page starts without a blank line: a heading, then running text
    ("Keywords: metaphor, transposition, synaesthesia\nIntroduction\nThe study of metaphor has a long history.",
     "metaphor; transposition; synaesthesia"),
    ("Ключові слова: метафора, синестезія, конвергенція.\n1. Вступ", "метафора; синестезія; конвергенція"),
    # a term broken off at the line's end stays whole
    ("Palabras clave: Enseñanza Recíproca, Tecnologías de la Información y la\nComunicación.\nRECIPROCAL TEACHING",
     "Enseñanza Recíproca; Tecnologías de la Información y la Comunicación"),
    ("Keywords: education, teacher training, social\nnetworks\n\nAbstract: text", "education; teacher training; social networks"),
])
def test_a_keyword_list_ends_where_the_next_part_starts(block, expected):
    page = "A study of metaphor and its transpositions in modern prose\n\nIvan Petrenko\n\n" + block + "\n"
    item = read_page(page)
    terms = [t.strip() for t in item["keyword"].replace(";", ",").split(",")]
    assert terms == [t.strip() for t in expected.split(";")]


def test_a_line_with_the_articles_doi_names_its_journal_and_date():
    page = ("Attitude of College Nursing Students Towards Scientific Research\n\n"
            "All published articles of this journal are available on ScienceDirect.\n\n"
            "The Open Public Health Journal 22 Apr 2024 RESEARCH ARTICLE DOI: 10.2174/0118749445282637240322073005\n\n"
            "DOI: 10.2174/0118749445282637240322073005\n")
    item = read_page(page)
    assert item["container-title"] == "The Open Public Health Journal"
    assert item["issued"] == {"date-parts": [[2024, 4, 22]]}


def test_a_line_with_another_doi_says_nothing_of_the_article():
    page = ("Attitude of College Nursing Students Towards Scientific Research\n\n"
            "The Open Public Health Journal 22 Apr 2024 RESEARCH ARTICLE DOI: 10.2174/0000000000000000000000\n\n"
            "DOI: 10.2174/0118749445282637240322073005\n")
    item = read_page(page)
    assert "container-title" not in item and "issued" not in item


@pytest.mark.parametrize("journal_line, p, taken", [
    ("ВЕСТНИК УДМУРТСКОГО УНИВЕРСИТЕТА", 0.35, True),   # shaped like a journal's name: a weaker cue is enough
    ("Теоретическая и прикладная экономика", 0.35, False),
    ("Теоретическая и прикладная экономика", 0.5, True),
])
def test_the_line_models_journal_when_no_rule_named_one(journal_line, p, taken):
    from converter.readers.page.reader import PageReader
    text = f"{journal_line}\n\nОб одном подходе к изучению региональной экономики\n\nИванов И. И.\n"
    r = PageReader(text, "page.txt")
    r.line_labels = {1: {"TITLE": 0.1, "AUTHOR": 0.0, "JOURNAL": p, "O": 0.9 - p}, 3: {"TITLE": 0.9, "AUTHOR": 0.0, "JOURNAL": 0.0, "O": 0.1}}
    item = r.read().records[0]
    assert (item.get("container-title") == journal_line) is taken


@pytest.mark.parametrize("line, expected", [
    ("Keywords: metaphor | transposition | synaesthesia", "metaphor; transposition; synaesthesia"),
    ("Keywords: metaphor - transposition - synaesthesia", "metaphor; transposition; synaesthesia"),
    ("KEYWORDS: Metaphor. Transposition. Synaesthesia.", "Metaphor; Transposition; Synaesthesia"),
    ("Keywords metaphor; transposition; synaesthesia", "metaphor; transposition; synaesthesia"),  # a label without its colon
    ("Ключевые слова метафора; транспозиция; синестезия", "метафора; транспозиция; синестезия"),
])
def test_keyword_lists_in_other_separators(line, expected):
    page = ("A study of metaphor and its transpositions in modern prose\n\nIvan Petrenko\n\n"
            "Abstract: This paper studies metaphor in prose across a long period of literary history in many works.\n\n"
            f"{line}\n\nIntroduction\n")
    assert read_page(page)["keyword"] == expected


@pytest.mark.parametrize("value", ["Dr. Smith and Mr. Jones in the U.S. Army", "a - b", "one | two"])
def test_what_is_no_list_of_terms_is_left(value):
    from converter.readers.page.labels import keyword_separators
    assert keyword_separators(value) == value


@pytest.mark.parametrize("line, expected", [
    ("Mis en ligne le 12 mars 2019", [2019, 3, 12]),
    ("Date de publication : 12 mars 2019", [2019, 3, 12]),
    ("Publicado em 12 de março de 2019", [2019, 3, 12]),
    ("Fecha de publicación: 12 de marzo de 2019", [2019, 3, 12]),
    ("Data di pubblicazione: 12/03/2019", [2019, 3, 12]),
    ("Data publikacji: 12.03.2019", [2019, 3, 12]),
    ("Yayınlanma Tarihi: 12.03.2019", [2019, 3, 12]),
    ("Tanggal terbit: 12 Maret 2019", [2019, 3, 12]),
    ("Publikováno: 12. 3. 2019", [2019, 3, 12]),
    ("Online veröffentlicht: 12. März 2019", [2019, 3, 12]),
    ("发布日期: 2019-03-12", [2019, 3, 12]),
    ("발행일: 2019.03.12", [2019, 3, 12]),
])
def test_publication_dates_in_more_languages_and_forms(line, expected):
    from converter.readers.page.history import history_dates
    assert history_dates(line) == {"published": expected}


def test_received_and_accepted_in_those_forms_are_not_published():
    from converter.readers.page.history import history_dates
    assert history_dates("Recibido: 3 de enero de 2019; Aceptado: 4. Februar 2019") == {
        "submitted": [2019, 1, 3], "accepted": [2019, 2, 4]}


@pytest.mark.parametrize("line, expected", [
    ("Jurnal Pendidikan Volume 8 Nomor 1 Tahun 2018",
     {"volume": "8", "issue": "1", "issued": {"date-parts": [[2018]]}, "container-title": "Jurnal Pendidikan"}),
    ("Jurnal Pendidikan Vol. 8 No. 1 Hal. 24-32",
     {"volume": "8", "issue": "1", "page": "24-32", "container-title": "Jurnal Pendidikan"}),
    ("Časopis pro moderní filologii, Ročník 12, Číslo 3, 2019, s. 45-60",
     {"volume": "12", "issue": "3", "page": "45-60", "issued": {"date-parts": [[2019]]},
      "container-title": "Časopis pro moderní filologii"}),
    ("Przegląd Socjologiczny, Rocznik 12, Zeszyt 3, 2019, s. 45-60",
     {"volume": "12", "issue": "3", "page": "45-60", "issued": {"date-parts": [[2019]]},
      "container-title": "Przegląd Socjologiczny"}),
    ("Revista X, Volume 12, Edição 3, 2019",
     {"volume": "12", "issue": "3", "issued": {"date-parts": [[2019]]}, "container-title": "Revista X"}),
    ("Sociologija, Vol. 12, Broj 3, 2019, str. 45-60",
     {"volume": "12", "issue": "3", "page": "45-60", "issued": {"date-parts": [[2019]]}, "container-title": "Sociologija"}),
    ("Magyar Tudomány, 12. évfolyam, 3. szám, 2019",
     {"volume": "12", "issue": "3", "issued": {"date-parts": [[2019]]}, "container-title": "Magyar Tudomány"}),
    # a letter-spaced name's last letter is no pages label
    ("INGA S. SKOPETS, et al. / C A R D I O S O M AT I C S . 20 20; 11 (4):15-19.",
     {"volume": "11", "issue": "4", "page": "15-19"}),
])
def test_issue_lines_in_more_languages(line, expected):
    from converter.readers.page.issue import issue_facts
    assert issue_facts(line) == expected


@pytest.mark.parametrize("lines, expected", [
    (["Revista: Revista de Estudios Sociales", "Volumen: 12", "Número: 3", "Año: 2019", "Páginas: 45-60"],
     {"container-title": "Revista de Estudios Sociales", "volume": "12", "issue": "3",
      "issued": {"date-parts": [[2019]]}, "page": "45-60"}),
    (["Czasopismo: Przegląd Socjologiczny", "Rocznik: 12", "Zeszyt: 3"],
     {"container-title": "Przegląd Socjologiczny", "volume": "12", "issue": "3"}),
    (["Yıl:2018   Sayı: 15   Alan: Aile ve Sağlık"], {"issued": {"date-parts": [[2018]]}, "issue": "15"}),
])
def test_labels_of_the_issue_in_more_languages(lines, expected):
    page = "Un estudio de la metáfora en la prosa moderna española\n\nIván Petrenko\n\n" + "\n".join(lines) + "\n"
    item = read_page(page)
    assert {k: item.get(k) for k in expected} == expected


@pytest.mark.parametrize("label", ["Cómo citar este artículo:", "Pour citer cet article :", "Zitiervorschlag:",
                                   "Jak cytować:", "Як цитувати:", "Cara mengutip:"])
def test_citation_labels_in_more_languages(label):
    page = ("Un estudio de la metáfora en la prosa moderna española\n\nIván Petrenko\n\n"
            f"{label}\nPetrenko I. Un estudio de la metáfora en la prosa moderna española. "
            "Revista de Estudios Sociales. 2019;12(3):45-60.\n")
    item = read_page(page)
    assert (item.get("volume"), item.get("issue"), item.get("page")) == ("12", "3", "45-60")
    assert item["custom"]["citation-as-printed"].startswith("Petrenko I.")
    assert label not in item["custom"].get("other-text", [])  # read as the label it is


def test_a_year_alone_beside_the_journals_masthead():
    page = ("Knowledge of Formative Assessment Practices among Senior High School Mathematics Teachers\n\n"
            "American Journal of Humanities and Social Sciences Research (AJHSSR)\n\n2019\n\n"
            "American Journal of Humanities and Social Sciences Research e-ISSN :2378-703X Volume-3, Issue-3, pp-08-13\n")
    assert read_page(page)["issued"] == {"date-parts": [[2019]]}


def test_a_year_alone_far_from_any_journal_line_is_not_the_date():
    page = ("Knowledge of Formative Assessment Practices among Senior High School Mathematics Teachers\n\n2019\n\n"
            "Kwame Mensah\n\nAbstract: We surveyed the teachers of many schools about their practice of assessment.\n")
    assert "issued" not in read_page(page)
