"""Other real pages (excerpts in ../shared/records/) and a Russian-labelled page: the page
reader is not written for the seed alone."""
from __future__ import annotations

from pathlib import Path

import pytest

import converter
from conftest import SHARED, need_shared

FIXTURES = Path(__file__).parent / "fixtures" / "page"


def read_record(name: str, from_: str = "auto"):
    need_shared()
    return converter.read_file(SHARED / "records" / name, from_)


def test_page_02_journal_issue_and_abstract():
    result = read_record("page-02.txt")
    item = result.records[0]
    assert item["title"] == "Modern trends in paradiplomacy: a case of Russian-Finnish regional cooperation"
    assert item["container-title"] == "The Baltic Region"
    assert (item["issued"], item["volume"], item["issue"]) == ({"date-parts": [[2023]]}, "15", "3")
    assert item["DOI"] == "10.5922/2079-8555-2023-3-5"
    assert item["page"] == "83-99"
    assert item["abstract"].startswith("For several decades, EU-Russian regional cooperation")
    # the body text after the abstract is not lost
    assert any(t.startswith("During the past few decades") for t in item["custom"]["other-text"])


def test_page_04_russian_capitals_author_dates():
    item = read_record("page-04.txt").records[0]
    assert item["title"].startswith("Современные тенденции парадипломатии")
    assert item["custom"]["title-as-printed"].startswith("СОВРЕМЕННЫЕ ТЕНДЕНЦИИ")
    assert item["author"] == [{"family": "Тарасова", "given": "А. С."}]
    assert item["custom"]["authors"][0]["affiliation"].startswith("Санкт-Петербургский государственный университет")
    assert item["DOI"] == "10.5922/2079-8555-2023-3-5"
    assert item["custom"]["dates"] == {"accepted": "2023-06-19"}
    assert item["submitted"] == {"date-parts": [[2023, 2, 7]]}
    assert item["language"] == "ru"
    assert item["abstract"].startswith("В течение последних десятилетий")
    assert item["custom"]["copyright"] == "© Тарасова А. С., 2023"


def test_page_09_unlabelled_abstract_and_reference_list():
    item = read_record("page-09.txt").records[0]
    assert item["title"] == "On Russia’s Long-Term Economic Strategy"
    assert item["DOI"] == "10.33917/es-2.194.2024.70-77"
    assert item["abstract"].startswith("Overcoming the main problems of the Russian economy")
    refs = item["custom"]["references"]
    assert [r["citation-number"] for r in refs] == ["1", "2", "3", "4"]
    assert refs[1]["author"] == [{"family": "Reddaway", "given": "P."}, {"family": "Glinsky", "given": "D."}]
    assert "ysclid" not in refs[0].get("URL", "") and "ysclid" in refs[0]["source"]
    # the fourth reference breaks over a blank line in the excerpt: both halves stay together
    assert "Economic Development of the Russian Federation" in refs[3]["source"]


@pytest.mark.parametrize("name", ["page-02.txt", "page-04.txt", "page-09.txt"])
def test_records_read_as_pages_without_error(name):
    result = read_record(name)
    assert result.format == "page"
    assert not result.errors


def test_russian_labels_other_order_values_on_next_line():
    result = converter.read_file(FIXTURES / "russian-labels.txt")
    item = result.records[0]
    custom = item["custom"]
    assert item["title"] == "Приграничное сотрудничество регионов России"
    assert item["keyword"] == "регионы; приграничное сотрудничество; парадипломатия"
    assert (item["container-title"], item["volume"], item["issue"]) == ("Вестник регионоведения", "12", "3")
    assert item["author"][0] == {"family": "Иванова", "given": "Анна Сергеевна"}
    assert [s["title"] for s in custom["abstract-sections"]] == ["Введение", "Материалы и методы", "Результаты"]
    assert (custom["edn"], custom["udc"]) == ("ABCDEF", "327.7")
    assert custom["dates"] == {"revised": "2024-02-20", "accepted": "2024-03-01"}
    assert item["submitted"] == {"date-parts": [[2024, 1, 15]]}
    assert custom["authors"][0]["credit"] == ["Conceptualization", "Methodology", "Writing – original draft"]
    assert custom["authors"][1]["credit"] == ["Investigation", "Visualization"]
    assert custom["authors"][1]["spin"] == "1234-5678"
    assert custom["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert len(custom["references"]) == 2


def test_numbered_affiliations_role_first_contributions_journal_line():
    """A layout unlike the seed's (MDPI-like): journal line above the title, full names with
    affiliation markers, numbered affiliations, a correspondence line, contributions written
    role first with initials, and a licence paragraph right after the reference list."""
    result = converter.read_file(FIXTURES / "numbered-affiliations.txt")
    item = result.records[0]
    custom = item["custom"]
    assert item["title"] == "Cross-Border Cooperation of Russian Regions: Evidence from Municipal Data"
    assert (item["container-title"], item["volume"], item["issue"], item["page"]) == \
        ("Journal of Regional Policy", "12", "3", "45-60")
    assert item["author"] == [{"family": "Ivanova", "given": "Anna S."}, {"family": "Petrov", "given": "Boris B."},
                              {"family": "de la Cruz", "given": "Maria"}]
    first, second, third = custom["authors"]
    assert first["affiliation"].startswith("Department of Political Science, Tomsk State University")
    assert second["affiliation"].startswith("Institute of Economics")
    assert third["affiliation"] == first["affiliation"]
    assert first["corresponding"] is True and first["email"] == "anna.ivanova@example.org"
    assert first["credit"] == ["Conceptualization", "Methodology", "Writing – original draft"]
    assert third["credit"] == ["Software", "Writing – review & editing"]
    assert custom["notes"] == ["All authors have read and agreed to the published version of the manuscript."]
    assert custom["dates"] == {"revised": "2024-04-17", "accepted": "2024-05-02", "published": "2024-05-20"}
    assert len(custom["references"]) == 2
    assert "Licensee" not in custom["references"][1]["source"]  # the list ends before the licence
    assert custom["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert custom["copyright"] == "© 2024 by the authors"
    assert "other-text" not in custom
    assert any("licence version not printed" in d.message for d in result.warnings)


def test_russian_page_with_dash_author_notes_and_capitals():
    """Family-first full names with a dash ('Иванова Анна Сергеевна – кандидат ...'), a title in
    capitals whose proper nouns the page spells elsewhere, acknowledgements beside funding, and
    history dates after the last author."""
    result = converter.read_file(FIXTURES / "russian-dash-authors.txt")
    item = result.records[0]
    custom = item["custom"]
    assert item["title"] == "Региональные инновационные системы России"
    assert item["author"] == [{"family": "Иванова", "given": "Анна Сергеевна"},
                              {"family": "Петров", "given": "Борис Борисович"}]
    first, second = custom["authors"]
    assert first["degree"] == "кандидат экономических наук"
    assert first["position"] == "доцент кафедры экономики"
    assert (first["orcid"], first["email"]) == ("0000-0002-1825-0097", "ivanova@example.org")
    assert second["position"] == "аспирант" and second["spin"] == "1234-5678"
    assert custom["acknowledgements"].startswith("Авторы благодарят")
    assert custom["funding"].startswith("Исследование выполнено")
    assert item["submitted"] == {"date-parts": [[2024, 1, 15]]}
    assert custom["dates"] == {"revised": "2024-02-20", "accepted": "2024-03-01"}
    # the byline's numbered affiliations differ from the ones in the notes: both are kept
    assert custom["affiliations-as-printed"][0] == "1 Томский государственный университет, Томск, Россия"
