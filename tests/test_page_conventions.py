"""Each convention of ../shared/gold/DECISIONS.md, checked on the seed and on small pages."""
from __future__ import annotations

import pytest

import converter
from conftest import SEED, need_shared


@pytest.fixture(scope="module")
def seed():
    need_shared()
    return converter.read_file(SEED)


@pytest.fixture(scope="module")
def article(seed):
    return seed.records[0]


@pytest.fixture(scope="module")
def refs(article):
    return {r["citation-number"]: r for r in article["custom"]["references"]}


def messages(result) -> str:
    return "\n".join(d.format() for d in result.diagnostics)


# -- the record -------------------------------------------------------------------------------
def test_whole_page_is_one_record(seed):
    assert len(seed.records) == 1
    assert seed.format == "page"


def test_extras_live_under_custom(article):
    custom = article["custom"]
    assert custom["edn"] == "LJUZFA"
    assert custom["udc"] == "327.3(470+571)"
    assert custom["dates"] == {"revised": "2025-09-04", "accepted": "2025-09-11"}
    assert article["submitted"] == {"date-parts": [[2025, 8, 20]]}
    assert custom["conflict-of-interest"] == "The authors declare no conflict of interest."
    assert custom["container-title-other"] == ["REGIONOLOGY"]
    assert custom["citation-as-printed"].startswith("Rustamova L.R., Calderon Anton J.deJ. Specifics")
    assert custom["notes"] == ["The authors have read and approved the final manuscript."]
    assert "other-text" not in custom  # nothing on the seed page is left unrecognised


def test_abstract_keeps_section_labels(article):
    titles = [s["title"] for s in article["custom"]["abstract-sections"]]
    assert titles == ["Introduction", "Materials and Methods", "Results", "Discussion and Conclusion"]
    assert article["abstract"].startswith("Introduction. The start of a special military operation")
    assert "\nDiscussion and Conclusion. The events of 2022" in article["abstract"]


def test_per_author_facts(article):
    first, second = article["custom"]["authors"]
    assert first["orcid"] == "0000-0001-9803-9904"
    assert first["scopus"] == "56469579000"
    assert first["spin"] == "2941-9393"
    assert first["email"] == "leili-rustamova@yandex.ru"
    assert first["degree"] == "Cand.Sci. (Polit.)"
    assert first["affiliation"].startswith("Primakov National Research Institute")
    assert second["affiliation"] == "University of Seville"
    assert second["email"] == "joscalant@alum.us.es"


def test_contributions_map_to_credit_terms(article):
    first, second = article["custom"]["authors"]
    assert first["credit"] == ["Conceptualization", "Methodology", "Visualization", "Investigation",
                               "Writing – original draft"]
    assert second["credit"] == ["Investigation", "Writing – original draft"]
    assert first["contribution"].startswith("conceptualization; methodology")


def test_fullest_name_wins_and_byline_spelling_is_kept(article):
    assert article["author"] == [{"family": "Rustamova", "given": "Leili R."},
                                 {"family": "Calderon Anton", "given": "Jose de Jesus"}]
    variants = article["custom"]["authors"][1]["variants"]
    assert "J. de J. Calderón Antón" in variants  # other spellings kept, not used for output
    assert "L. R. Rustamova" in article["custom"]["authors"][0]["variants"]


def test_homoglyphs_repaired_with_warning(seed, article, refs):
    text = messages(seed)
    assert "Josе -> Jose" in text  # the Cyrillic е in the author's name
    assert article["author"][1]["given"].startswith("Jose")
    assert refs["4"]["container-title"] == "World Economy and International Relation"
    assert refs["7"]["container-title"].startswith("Tomsk")
    assert refs["16"]["author"][0] == {"family": "Ajekbarov", "given": "K.A."}
    assert "Eсonomy -> Economy" in text and "Тomsk -> Tomsk" in text


def test_cyrillic_words_are_left_alone(refs):
    assert "Золотарев" in refs["15"]["URL"]


def test_line_break_hyphen_undone(article):
    assert article["custom"]["authors"][1]["address"] == "4 San Fernando St., Seville 41004, Spain"
    assert "Post-Soviet" in article["title"]  # a real compound stays


def test_licence_as_canonical_url_with_wording(article):
    lic = article["custom"]["license"]
    assert lic["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "Creative Commons «Attribution» 4.0" in lic["text"]


def test_dates_are_iso_and_day_first(article, refs):
    assert article["submitted"] == {"date-parts": [[2025, 8, 20]]}
    assert refs["3"]["accessed"] == {"date-parts": [[2025, 5, 10]]}  # 10.05.2025 is 10 May


def test_tracking_parameters_dropped_original_kept(refs):
    assert "ysclid" not in refs["15"]["URL"]
    assert "ysclid=mgcyq4g4k3972958001" in refs["15"]["source"]


def test_language_of_article_and_references(article, refs):
    assert article["language"] == "en"
    assert refs["1"]["language"] == "ru" and refs["1"]["note"] == "In Russ., abstract in Eng."
    assert refs["5"]["note"] == "In Russ."
    assert "language" not in refs["2"]


def test_volume_issue_as_printed(refs):
    assert (refs["5"].get("volume"), refs["5"]["issue"]) == ("3", "179")
    assert "volume" not in refs["2"] and refs["2"]["issue"] == "66"


def test_volume_issue_conflicting_with_doi_warns(seed, refs):
    assert (refs["4"]["volume"], refs["4"]["issue"]) == ("6", "60")
    assert "reference 4: printed volume 6, issue 60 but the DOI" in messages(seed)


def test_multi_letter_initials_are_one_initial(refs):
    assert refs["3"]["author"] == [{"family": "Akimov", "given": "Yu.G."}]


# -- conventions on small pages ------------------------------------------------------------------
def read_page(text: str):
    return converter.read(text, "page", source="t.txt")


def test_nbsp_becomes_space():
    result = read_page("A. B. Smith. A\u00a0Title\u00a0With Spaces\n\nKeywords: one,\u00a0two\n")
    item = result.records[0]
    assert item["title"] == "A Title With Spaces"
    assert item["keyword"] == "one, two"


def test_values_on_line_after_label_and_any_order():
    text = ("Keywords:\nalpha, beta\n\nJ. Doe. On Things\n\nDOI\n10.1000/xyz.1\n\n"
            "Abstract\n\nA short abstract.\n\nConflict of interest.\nNone declared.\n")
    item = read_page(text).records[0]
    assert item["keyword"] == "alpha, beta"
    assert item["title"] == "On Things"
    assert item["DOI"] == "10.1000/xyz.1"
    assert item["abstract"] == "A short abstract."
    assert item["custom"]["conflict-of-interest"] == "None declared."
    assert item["author"] == [{"family": "Doe", "given": "J."}]


def test_month_name_and_russian_history_dates():
    text = ("Title Of The Paper Here\n\nReceived 3 March 2024; accepted 5 April 2024\n\n"
            "Поступила в редакцию 07.02.2023 г. Принята к публикации 19.06.2023 г.\n")
    item = read_page(text).records[0]
    custom = item["custom"]
    assert item["submitted"] == {"date-parts": [[2024, 3, 3]]}
    assert custom["dates"]["accepted"] == "2024-04-05"


def test_unrecognised_text_is_kept_with_warning():
    result = read_page("A Title For A Paper\n\nSome stray line\n")
    assert result.records[0]["custom"]["other-text"] == ["Some stray line"]
    assert "not recognised; kept under custom.other-text" in messages(result)


def test_language_is_told_not_assumed():
    from converter.vocabulary.languages import guess_language

    assert guess_language("Specifics of Russian Paradiplomacy in the Post-Soviet Space") == "en"
    assert guess_language("Die Rolle der Regionen und die Politik der EU") == "de"
    assert guess_language("Современные тенденции парадипломатии") == "ru"
    result = read_page("Paradiplomacy Reconsidered\n\nKeywords: x\n")
    assert "language" not in result.records[0]
    assert any(d.field == "language" for d in result.warnings)
