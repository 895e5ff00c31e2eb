"""The vocabulary layer (converter/vocabulary): each concept's functions on hand-made cases, and
the round trips the formats rely on (a date through ISO/EDTF, a name through "Family, Given")."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.vocabulary import dates, identifiers, languages, names


@pytest.mark.parametrize("text, parts", [
    ("2025", [2025]), ("2025-08", [2025, 8]), ("2025-08-20", [2025, 8, 20]), ("2025-08-20T10:00Z", [2025, 8, 20]),
    (" 2025-8-2 ", [2025, 8, 2]), ("-44", [-44]), ("2025/08", None), ("May 2025", None), ("", None),
])
def test_parse_iso(text, parts):
    assert dates.parse_iso(text) == parts


@pytest.mark.parametrize("text, date", [
    ("2020-05", {"date-parts": [[2020, 5]]}),
    ("2020-05/2020-06-30", {"date-parts": [[2020, 5], [2020, 6, 30]]}),
    # open ends (EDTF '..' open, '' unknown): zeros as long as the other end, citeproc-js's open range
    ("2020/..", {"date-parts": [[2020], [0]]}),
    ("2020-05-01/", {"date-parts": [[2020, 5, 1], [0, 0, 0]]}),
    ("../2020", {"date-parts": [[0], [2020]]}),
    ("/2020", {"date-parts": [[0], [2020]]}),
    ("..", None), ("/", None),
    ("1723~", {"date-parts": [[1723]], "circa": True}),  # approximate
    ("1723?", None), ("1723%", None),                    # uncertain: CSL cannot say it
    ("2020/2021/2022", None), ("spring 2020", None),
])
def test_parse_edtf(text, date):
    assert dates.parse_edtf(text) == date


@pytest.mark.parametrize("text", ["2020/..", "2020-05-01/..", "../2020", "1723~", "2020-05/2020-06-30"])
def test_edtf_written_as_read(text):
    date = dates.parse_edtf(text)
    assert dates.to_edtf(date["date-parts"], circa=bool(date.get("circa"))) == text


def test_first_date_skips_an_open_start():
    assert dates.first_date({"date-parts": [[0], [2020]]}) == [2020]


def test_day_first_and_numeric_dates():
    assert dates.parse_day_first("10.05.2025") == [2025, 5, 10]
    assert dates.parse_day_first("31/12/1999") == [1999, 12, 31]
    assert dates.parse_day_first("10.13.2025") is None  # month 13
    assert dates.parse_numeric("2025/08/20") == [2025, 8, 20]
    assert dates.parse_numeric("20.08.2025") == [2025, 8, 20]
    assert dates.parse_numeric("n.d.") is None


@pytest.mark.parametrize("text, month", [("3", 3), ("mar", 3), ("March", 3), (" dec ", 12), ("13", None), ("x", None),
                                         ("¹", None)])  # a superscript digit: no month, and no ValueError
def test_month_number(text, month):
    assert dates.month_number(text) == month


@pytest.mark.parametrize("text, month", [
    ("lipca", 7), ("Temmuz", 7), ("Mei", 5), ("gennaio", 1), ("března", 3), ("Ağustos", 8), ("május", 5),
    ("syyskuuta", 9), ("studenoga", 11), ("maart", 3), ("ianuarie", 1), ("Ιανουαρίου", 1),
    ("listopad", None),  # October in Croatian, November in Czech and Polish: not read without the language
    ("Dis", None), ("des", None),  # three-letter abbreviations that are words ('Prev Chronic Dis 2010')
])
def test_month_names_of_more_languages_from_cldr(text, month):
    assert dates.month_number(text) == month
    if month:  # (the older stems of month_from_word read 'lis...' and 'des' as November and December)
        assert dates.month_from_word(text) == month


def test_the_month_table_is_cldrs():
    """converter/data/month_names.json is what tools/month_names.py makes from CLDR (Babel)."""
    from tools.month_names import main
    assert main(["--check"]) == 0


def test_taking_csl_dates_apart():
    assert dates.date_parts({"date-parts": [[2020, "5"], [2021]]}) == [[2020, 5], [2021]]
    assert dates.date_parts({"raw": "2020-05-01"}) == [[2020, 5, 1]]
    assert dates.date_parts({"literal": "Spring 2020"}) is None
    assert dates.date_parts({"date-parts": [["x"]]}) is None
    assert dates.first_date({"date-parts": [[2020, 5], [2021]]}) == [2020, 5]
    assert dates.to_iso([2025, 8, None]) == "2025-08" and dates.to_iso([2025, None, 3]) == "2025"
    assert dates.to_iso([None]) is None
    assert dates.to_edtf([[2020, 5], [2020, 6, 30]]) == "2020-05/2020-06-30"


@given(st.lists(st.tuples(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 28)).map(list)
                .flatmap(lambda d: st.integers(1, 3).map(lambda n: d[:n])), min_size=1, max_size=2))
def test_dates_round_trip_through_edtf(parts):
    assert dates.parse_edtf(dates.to_edtf(parts)) == {"date-parts": parts}


@pytest.mark.parametrize("text, doi", [
    ("https://doi.org/10.1234/abc.5).", "10.1234/abc.5"),
    # '<' ends a DOI found in running text, so a SICI-style DOI is cut there (a known limit)
    ("doi:10.1002/(SICI)1097-4636(199706)35:4<513::AID-JBM11>3.0.CO;2-O", "10.1002/(SICI)1097-4636(199706)35:4"),
    ("DOI 10.1002/(SICI)1097(1997)35.", "10.1002/(SICI)1097(1997)35"),
    ("10.15507/2413-1407.129.033.202504.578-593.URL https://x", "10.15507/2413-1407.129.033.202504.578-593"),
    ("https://doi.org/10.23887/jisd.v6i1.43470Keywords: active learning", "10.23887/jisd.v6i1.43470"),
    ("10.1016/S0140-6736(20)30183-5Abstract", "10.1016/S0140-6736(20)30183-5"),
    ("10.1000/RESUMEN", "10.1000/RESUMEN"),  # a label glued on follows a digit or a small letter
    ("no doi here", None),
])
def test_clean_doi(text, doi):
    assert identifiers.clean_doi(text) == doi


def test_identifiers():
    assert identifiers.strip_doi_prefix(" https://dx.doi.org/10.1/x ") == "10.1/x"
    assert identifiers.looks_like_doi("10.1234/x") and not identifiers.looks_like_doi("see 10.1234/x")
    assert identifiers.clean_url("https://x.org/a?utm_source=t&id=3).") == "https://x.org/a?id=3"
    assert identifiers.orcid_id("https://www.orcid.org/0000-0001-9803-9904") == "0000-0001-9803-9904"
    assert identifiers.orcid_url("0000-0001-9803-9904") == "https://orcid.org/0000-0001-9803-9904"
    assert identifiers.split_serials("2413-1407; 2587-8549 ") == ["2413-1407", "2587-8549"]
    assert [identifiers.issn_or_isbn(v) for v in ("2413-1407", "978-5-02-040123-4", "0-19-852663-6", "12")] \
        == ["ISSN", "ISBN", "ISBN", None]


def test_languages():
    assert [languages.bcp47(v) for v in ("English", "eng", "en_us", "RUS", "klingon")] == ["en", "en", "en-US", "ru", None]
    assert languages.from_abbreviation("Russ.") == "ru" and languages.from_abbreviation("Xyz") is None
    assert languages.is_cyrillic("Тарасова A.") and not languages.is_cyrillic("Tarasova А.")
    assert languages.has_cyrillic("Tarasova А.") and not languages.has_cyrillic("Tarasova")
    assert languages.guess_language("Особливості регіональної політики і її інструменти в Україні") == "uk"
    assert languages.guess_language("Bu çalışma öğretmen ve öğrenci arasında bir ilişki olarak ele alınmıştır") == "tr"
    assert languages.guess_language("Penelitian ini bertujuan untuk mengetahui pengaruh media yang digunakan dalam kelas") == "id"
    assert languages.guess_language("Artykuł przedstawia wyniki badań, które zostały przeprowadzone przez zespół oraz jest") == "pl"


@pytest.mark.parametrize("text, name", [
    ("van de Schoot, Rens", {"non-dropping-particle": "van de", "family": "Schoot", "given": "Rens"}),
    ("Harris, E. D., Jr.", {"family": "Harris", "given": "E. D.", "suffix": "Jr."}),
    ("Liu R.", {"family": "Liu", "given": "R."}),
    ("WHO Collaboration", {"literal": "WHO Collaboration"}),
])
def test_split_inverted(text, name):
    assert names.split_inverted(text) == name


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzабвгд", min_size=2, max_size=8)
_CAPITALISED = _WORD.map(str.capitalize)


@given(family=_CAPITALISED, given=_CAPITALISED, particle=st.sampled_from(["", "van", "van de", "de la"]))
def test_names_round_trip_through_family_given(family, given, particle):
    name = {"family": family, "given": given}
    if particle:
        name["non-dropping-particle"] = particle
    assert names.split_inverted(names.join_inverted(name)) == name


def test_name_parts():
    assert names.particles({"dropping-particle": "von", "non-dropping-particle": "der", "family": "X"}) == "von der"
    assert names.display_name({"given": "Leili R.", "family": "Rustamova"}) == "Leili R. Rustamova"
    assert names.display_name({"literal": "WHO"}) == "WHO"
    assert all(names.is_initials(t) for t in ("A.", "Yu.", "J.-P.", "A.S.")) and not names.is_initials("Anna")
