"""Language, access dates, publisher and place of parsed references (issue 16).

tests/fixtures/references/lang-access-dev.json holds reference strings written for developing
these rules (invented authors and titles in the real forms of GOST, ДСТУ, APA, Vancouver, ISO 690
and German, French, Spanish, Portuguese, Polish and Italian house styles) with a hand-made gold
for language, accessed, publisher and publisher-place. The blind test set is a different file
(lang-access-test.json; see test_references_lang_access_test.py)."""
from __future__ import annotations

import pytest

from conftest import ROOT, load_json
from converter.references import parse_reference
from converter.vocabulary.dates import month_from_word, read_printed_date
from converter.vocabulary.languages import cyrillic_language, reference_language, romanised_language, stated_language

DEV = ROOT / "tests" / "fixtures" / "references" / "lang-access-dev.json"


@pytest.mark.parametrize("text, tag", [
    ("Orlov P.V. Clusters. Voprosy ekonomiki. 2018;(4):55-70. (In Russ.)", "ru"),
    ("Orlov P.V. Clusters. Voprosy ekonomiki. 2018;(4):55-70. (In Russ., abstract in Engl.)", "ru"),
    ("Belova N.S. Fiscal decentralisation. Finance and Credit. 2017;23(9):12-25. [in Russian]", "ru"),
    ("Hnatiuk O. Public debt. Ekonomika Ukrainy. 2016;(2):30-41. (in Ukrainian)", "uk"),
    ("Smith J. Labour markets. London : Routledge, 2019. (на англ. яз.)", "en"),
    ("Шмидт Г. Экономика. Берлин, 2003. (на нем. яз.)", "de"),
    ("Brown T. Trade. Kyiv, 2010. (англ. мовою)", "en"),
    ("Orlov P.V. Clusters. Voprosy ekonomiki. 2018;(4):55-70. (In Russ.; abstract in Engl.)", "ru"),
    ("Costa J. Regional policy. Lisboa: Almedina; 2015. (in Portuguese)", "pt"),
    ("Rossi M. Regional policy. Bologna: Il Mulino; 2014. (In Italian)", "it"),
])
def test_a_stated_language_is_read(text: str, tag: str) -> None:
    stated = stated_language(text)
    assert stated is not None and stated[0] == tag
    assert parse_reference(text)[0]["language"] == tag


def test_no_statement_in_ordinary_brackets() -> None:
    assert stated_language("Smith J. (2019). In the middle of things (pp. 3-9). In Search of Time.") is None


@pytest.mark.parametrize("text, tag", [
    ("Основы теории управления", "ru"), ("Історія української економічної думки", "uk"),
    ("Інвестиційна діяльність підприємств", "uk"), ("Гісторыя беларускай мовы", "be"),
    ("Қазақ әдебиетінің тарихы", "kk"), ("Възникване на българската държава", "bg"),
    ("Историја српске књижевности", "sr"), ("Статистика", None),
    # Bulgarian words without a telling letter; their Russian counterparts stay Russian
    ("Икономическо развитие на регионите", "bg"), ("Университетско издателство", "bg"),
    ("Экономическое развитие регионов", "ru"), ("Исследования и издательство", None),
])
def test_cyrillic_letters_tell_the_language(text: str, tag: str | None) -> None:
    assert cyrillic_language(text) == tag


def test_a_cyrillic_title_without_telling_letters_is_read_with_its_string() -> None:
    # 'Статистика' is Russian and Ukrainian alike; the rest of the string ('підручник') says Ukrainian
    assert reference_language("Статистика", "Іваненко В. Статистика : підручник. К. : КНЕУ, 2010.") == "uk"
    assert reference_language("Статистика", "Иванов В. Статистика. М. : Наука, 2010.") == "ru"


def test_a_short_latin_title_gets_no_guess_but_a_clear_one_does() -> None:
    assert reference_language("Report", "Report. 2020.") is None
    assert reference_language("Grundlagen der Volkswirtschaftslehre und ihrer Geschichte", "") == "de"


@pytest.mark.parametrize("title, tag", [
    ("Dinamicheskaya nagruzhennost privodov vspomogatelnykh agregatov lokomotivov", "ru"),
    ("Razvitie regional'noi ekonomiki v usloviyakh transformatsii", "ru"),
    ("Formuvannia liudskoho kapitalu v umovakh tsyfrovoi ekonomiky", "uk"),
    ("Lichnye mestoimeniia v khorezmijskom jazyke [Personal pronouns in the Khwarezmian language]", "ru"),
    # Polish, Portuguese and Italian endings that look alike are not romanised Russian
    ("Zarządzanie przedsiębiorstwem w warunkach kryzysu gospodarczego", None),
    ("O Homem Cordial na praia", None), ("Il catalogo del dialogo", None),
    ("The Popigay meteorite crater", None),
])
def test_romanised_russian_and_ukrainian_titles(title: str, tag: str | None) -> None:
    assert romanised_language(title) == tag


def test_a_reference_without_title_is_not_read_from_its_names() -> None:
    # German and Italian family names said 'de' and 'it' for English physics papers
    assert parse_reference("Hauser M., Möllenhoff C., Pühlhofer G., Wagner S.J., 2004, AN, 325, 659")[0].get(
        "language") is None
    assert parse_reference("Bocchino, F., Maggio, A., & Sciortino, S. 1999, A&A, 342, 839")[0].get("language") is None


def test_a_short_title_agreeing_with_the_rest_of_its_string() -> None:
    item, _ = parse_reference("World Bank. World development indicators. Retrieved May 10, 2025, from "
                              "https://data.worldbank.org/indicator")
    assert item["language"] == "en"
    # py3langid's second choice, close behind a wrong first one (Portuguese 0.48, English 0.37)
    assert parse_reference("[74] Jacob Ziv and Abraham Lempel. A universal algorithm for sequential data "
                           "compression. IEEE Transactions on Information Theory, 23(3):337-343, 1977.")[0][
        "language"] == "en"
    # two words are enough when the identifier is sure of them
    assert parse_reference("Kritische Schriften. Edited by Wolfdietrich Rasch. Munich: Carl Hanser, 1964.")[0][
        "language"] == "de"
    # a short French title in an English list: the two disagree, so no guess
    assert parse_reference("K. Boukercha, Descente interdite, Alternatives, Paris, 2011")[0].get("language") is None


@pytest.mark.parametrize("text, parts", [
    ("10.05.2025", [2025, 5, 10]), ("2024-11-05", [2024, 11, 5]), ("10 May 2025", [2025, 5, 10]),
    ("May 10, 2025", [2025, 5, 10]), ("2025 May 10", [2025, 5, 10]), ("10. Mai 2025", [2025, 5, 10]),
    ("5 de marzo de 2024", [2024, 3, 5]), ("10 мая 2025 г.", [2025, 5, 10]), ("8 травня 2024 р.", [2024, 5, 8]),
    ("20 février 2024", [2024, 2, 20]), ("12 marca 2024", [2024, 3, 12]), ("Травень 2, 2024", [2024, 5, 2]),
    ("July 2024", [2024, 7]), ("12 maio 2025", [2025, 5, 12]),
])
def test_printed_dates(text: str, parts: list) -> None:
    read = read_printed_date(text)
    assert read is not None and read[0] == parts and read[1] == len(text)


def test_words_that_are_no_months() -> None:
    assert read_printed_date("Table 3, 2020") is None
    assert read_printed_date("31.02.2020x") is not None  # day 31 of a month is taken as printed
    assert month_from_word("Ma") is None and month_from_word("листопада") == 11 and month_from_word("juil.") == 7


@pytest.mark.parametrize("tail, parts", [
    ("(дата обращения: 10.05.2025)", [2025, 5, 10]), ("(дата звернення: 03.04.2024)", [2024, 4, 3]),
    ("(accessed 10 May 2025)", [2025, 5, 10]), ("(accessed on 12 March 2024)", [2024, 3, 12]),
    ("(date of access: 15.01.2025)", [2025, 1, 15]), ("(abgerufen am 20.02.2024)", [2024, 2, 20]),
    ("[consultado el 5 de marzo de 2024]", [2024, 3, 5]), ("(consulté le 3 avril 2023)", [2023, 4, 3]),
    ("Acesso em: 12 maio 2025.", [2025, 5, 12]), ("[dostęp: 12.03.2024]", [2024, 3, 12]),
    ("(дата обращения: 10 мая 2025 г.)", [2025, 5, 10]), ("[cited 2025 May 10]", [2025, 5, 10]),
    ("Дата доступа: 01.02.2023.", [2023, 2, 1]), ("Accessed 3 June 2024.", [2024, 6, 3]),
])
def test_access_dates_in_their_common_forms(tail: str, parts: list) -> None:
    item, _ = parse_reference(f"Statistics Office. Population census 2022. URL: https://example.org/census {tail}")
    assert item["accessed"] == {"date-parts": [parts]}
    assert "2025 г" not in item.get("publisher", "")


def test_retrieved_from_in_apa() -> None:
    item, _ = parse_reference("World Bank. (2024). World development indicators. "
                              "Retrieved May 10, 2025, from https://data.worldbank.org/indicator")
    assert item["accessed"] == {"date-parts": [[2025, 5, 10]]}
    assert item["URL"] == "https://data.worldbank.org/indicator"


def _scorer():
    from conftest import load_shared_tool
    return load_shared_tool("score_refs")


def test_dev_set_fields() -> None:
    """The development strings: every access date and every language (short English titles such as
    'Monetary Policy Report' from the rest of their string: reference_language's _agreeing)."""
    cases = load_json(DEV)
    res = _scorer().evaluate([c["gold"] for c in cases], [parse_reference(c["text"])[0] for c in cases],
                             fields=["language", "accessed", "publisher", "publisher-place"])
    f1 = {k: v["f1"] for k, v in res["fields"].items()}
    assert f1["accessed"] == 1.0, f1
    assert f1["language"] == 1.0, f1
    assert f1["publisher"] >= 0.9 and f1["publisher-place"] >= 0.9, f1


@pytest.mark.parametrize("text, place, publisher", [
    ("Петров И.В. Основы теории управления. М. : Наука, 2001. 320 с.", "М.", "Наука"),
    ("Сидорова А.А. Методы анализа данных. СПб.: Питер, 2015. 288 с.", "СПб.", "Питер"),
    ("Цыганов В.А. Основы управления : учеб. пособие / В.А. Цыганов. – Москва ; Берлин : Директ-Медиа, 2020. – 254 с.",
     "Москва ; Берлин", "Директ-Медиа"),
    ("Brown T., Green S. The economics of climate adaptation. New York, NY: Springer; 2018.", "New York, NY", "Springer"),
    ("Clark A. The history of economic thought. Oxford University Press, Oxford, 2004.", "Oxford",
     "Oxford University Press"),
    ("Taylor M. Trade and the state. PhD thesis. University of Leeds, Leeds, 2011.", "Leeds", "University of Leeds"),
    # romanised Russian: a comma before the publisher marked 'Publ.'; a place with its own abbreviation
    ("Ivanov I.I. Ekonomika regionov [Regional economy]. Moscow, INFRA-M Publ., 2019. 256 p. (In Russian)",
     "Moscow", "INFRA-M Publ."),
    ("Sidorov S.S. Regional development. St. Petersburg: Piter Publ.; 2018. 320 p. (In Russ.)",
     "St. Petersburg", "Piter Publ."),
])
def test_place_and_publisher_in_both_traditions(text: str, place: str, publisher: str) -> None:
    item, _ = parse_reference(text)
    assert (item.get("publisher-place"), item.get("publisher")) == (place, publisher)


def test_a_thesis_place_before_its_year_and_a_media_designation() -> None:
    item, _ = parse_reference("Олійник Р. С. Державне регулювання : дис. ... канд. екон. наук. Київ, 2014. 210 с.")
    assert item.get("publisher-place") == "Київ" and "publisher" not in item
    item, _ = parse_reference("Яковлева М.С. Цифровые платформы / М.С. Яковлева. – Текст : непосредственный "
                              "// Аграрная наука. – 2020. – № 3. – С. 21–24.")
    assert item.get("publisher-place") != "Текст" and "непосредственный" not in str(item.get("publisher"))


def test_a_romanised_area_is_not_a_journal() -> None:
    item, _ = parse_reference("Ivanov I.I. Ekonomika regionov [Regional economy]. Moscow, INFRA-M Publ., 2019. "
                              "256 p. (In Russian)")
    assert "container-title" not in item and item["type"] == "book"
    assert item["title"] == "Ekonomika regionov [Regional economy]" and item["number-of-pages"] == "256"


@pytest.mark.parametrize("text, title, genre, place", [
    ("Ivanov I.I. Regional policy. Cand. Sci. (Econ.) Diss. Moscow, 2012. 180 p. (In Russ.)",
     "Regional policy", "Cand. Sci. (Econ.) Diss", "Moscow"),
    ("Sidorov S.S. Innovatsionnoe razvitie regiona [Innovative development of a region]. Extended abstract of "
     "Cand. Sci. (Econ.) Diss. Ekaterinburg, 2010. 24 p.",
     "Innovatsionnoe razvitie regiona [Innovative development of a region]",
     "Extended abstract of Cand. Sci. (Econ.) Diss", "Ekaterinburg"),
])
def test_a_romanised_thesis_is_a_thesis_and_its_kind_no_part_of_the_title(text: str, title: str, genre: str,
                                                                          place: str) -> None:
    item, _ = parse_reference(text)
    assert (item["type"], item["title"], item.get("genre"), item.get("publisher-place")) == ("thesis", title, genre, place)
    assert item.get("language") == ("ru" if "(In Russ.)" in text else None)


def test_a_host_opened_inside_a_title_is_no_publication_area() -> None:
    # 'Title: Subtitle. In Host, Year' reads like 'Place: Publisher, Year'
    item, _ = parse_reference("[34] Ken Lang. Newsweeder: Learning to filter netnews. In ICML, 1995.")
    assert "publisher" not in item and "publisher-place" not in item
    assert item["title"] == "Newsweeder: Learning to filter netnews"


@pytest.mark.parametrize("text", [
    "OECD. (2024). Regional outlook. Retrieved from https://oecd.org/regional on May 10, 2025",
    "INE. (2024). Regiones. Recuperado el 10 de mayo de 2025, de https://ine.es/regiones",
    "IBGE. (2024). Regiões. Recuperado em 10 de maio de 2025, de https://ibge.gov.br/regioes",
])
def test_apa_access_dates_before_and_after_the_link(text: str) -> None:
    item, _ = parse_reference(text)
    assert item["accessed"] == {"date-parts": [[2025, 5, 10]]}
    assert item["URL"].startswith("https://") and item["issued"] == {"date-parts": [[2024]]}


@pytest.mark.parametrize("text, place, publisher", [
    ("Durand P. La politique régionale. Thèse de doctorat, Université Paris 1, Paris, 2010.", "Paris", "Université Paris 1"),
    ("Weber K. Regionalpolitik. Dissertation, Universität Wien, Wien, 2012.", "Wien", "Universität Wien"),
    ("Souza R. Economia regional. 2015. Tese (Doutorado em Economia) – Universidade de São Paulo, São Paulo, 2015.",
     "São Paulo", "Universidade de São Paulo"),
])
def test_a_thesis_university_and_its_place(text: str, place: str, publisher: str) -> None:
    item, _ = parse_reference(text)
    assert (item["type"], item.get("publisher-place"), item.get("publisher")) == ("thesis", place, publisher)


@pytest.mark.parametrize("text, title, genre, publisher", [
    # APA's kind of thesis in brackets, with or without the university
    ("Smith, J. (2010). Regional policy and growth (Unpublished master's thesis). University of Leeds, Leeds, UK.",
     "Regional policy and growth", "Unpublished master's thesis", "University of Leeds"),
    ("Smith, J. (2010). Regional policy and growth (Doctoral dissertation, University of Chicago). Retrieved from "
     "ProQuest Dissertations and Theses database. (UMI No. 3412345)",
     "Regional policy and growth", "Doctoral dissertation", "University of Chicago"),
    # the kind of thesis after the title in Polish, French and German lists
    ("Nowak A. Polityka regionalna. Rozprawa doktorska. Uniwersytet Warszawski, Warszawa 2015.",
     "Polityka regionalna", "Rozprawa doktorska", "Uniwersytet Warszawski"),
    ("Durand P. La politique régionale. Thèse de doctorat, Université Paris 1, Paris, 2010.",
     "La politique régionale", "Thèse de doctorat", "Université Paris 1"),
])
def test_the_kind_of_thesis_is_no_part_of_its_title(text: str, title: str, genre: str, publisher: str) -> None:
    item, _ = parse_reference(text)
    assert (item["type"], item["title"], item.get("genre"), item.get("publisher")) == ("thesis", title, genre, publisher)


def test_identifier_table_made_compact_answers_as_py3langid() -> None:
    """languages._identifier keeps its 13 languages' n-gram table as one float32 block (speed):
    the scores are the ones py3langid computes from its own float16 view, to the last bit."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from converter.vocabulary.languages import LATIN_LANGUAGES, _identifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    plain.set_languages(list(LATIN_LANGUAGES))
    texts = [case["text"] for case in load_json(DEV)]
    texts += ["A universal algorithm for sequential data compression", "Kritische Schriften",
              "Représentation de l'informatique à l'école", "Polityka regionalna w Polsce"]
    for text in texts:
        assert _identifier().classify(text) == plain.classify(text)
        assert _identifier().rank(text) == plain.rank(text)
