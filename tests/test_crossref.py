"""Crossref REST API JSON in (a work as api.crossref.org returns it)."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import converter
from conftest import SHARED, load_json, need_shared

WORK = Path(__file__).parent / "fixtures" / "crossref" / "work.json"


def read_work():
    return converter.read_file(WORK)


def test_detected_as_crossref_not_csljson():
    assert converter.detect(WORK.read_text(encoding="utf-8"), str(WORK)) == "crossref"


def test_core_fields():
    item = read_work().records[0]
    assert item["type"] == "article-journal"
    assert item["title"] == "Specifics of Russian Paradiplomacy in the Post-Soviet Space"
    assert item["container-title"] == "Russian Journal of Regional Studies"
    assert item["custom"]["container-title-other"] == ["REGIONOLOGY"]
    assert (item["volume"], item["issue"], item["page"]) == ("33", "4", "578-593")
    assert item["issued"] == {"date-parts": [[2025, 12]]}  # print date before online date
    assert item["ISSN"] == "2413-1407, 2587-8549"
    assert item["author"][1] == {"family": "Calderón Antón", "given": "José de Jesús"}


def test_orcid_affiliation_licence_funder():
    custom = read_work().records[0]["custom"]
    assert custom["authors"][0]["orcid"] == "0000-0001-9803-9904"
    assert custom["authors"][1]["affiliation"] == "University of Seville"
    assert custom["license"]["url"] == "https://creativecommons.org/licenses/by/4.0"
    assert custom["funders"][0]["name"] == "Russian Science Foundation"


def test_jats_abstract_becomes_text_with_section_titles():
    abstract = read_work().records[0]["abstract"]
    assert abstract == "Introduction. The start of a special military operation & more.\nResults. It has been revealed."


def test_references_structured_and_unstructured():
    refs = read_work().records[0]["custom"]["references"]
    assert len(refs) == 3
    assert refs[0]["author"] == [{"family": "Tarasova", "given": "A.S."}]  # parsed from the string
    assert refs[0]["source"].startswith("Tarasova A.S. Modern Trends")
    assert refs[1]["container-title"] == "Quebec Studies" and refs[1]["DOI"] == "10.3828/qs.2018.14"
    assert refs[2]["volume"] == "12"


def test_unknown_keys_are_kept_not_dropped():
    assert read_work().records[0]["custom"]["crossref"] == {"mystery-field": "kept"}


def test_output_validates_against_csl_schema():
    need_shared()
    out = json.loads(converter.write(read_work().records, "csljson", references="all"))
    jsonschema.validate(out, load_json(SHARED / "csl-schema" / "csl-data.json"))


def test_search_results_list_and_unknown_type():
    text = json.dumps({"status": "ok", "message-type": "work-list", "message": {"items": [
        {"DOI": "10.1/a", "type": "journal-article", "title": ["A"]},
        {"DOI": "10.1/b", "type": "new-kind", "title": ["B"]}]}})
    result = converter.read(text, "crossref")
    assert [r["type"] for r in result.records] == ["article-journal", "document"]
    assert "unknown Crossref type 'new-kind'" in result.warnings[0].message


def test_an_empty_subtitle_adds_no_colon():
    for subtitle in ([""], ["  "], [], "", ["", "Second"]):
        work = {"DOI": "10.1/x", "type": "journal-article", "title": ["A title"], "subtitle": subtitle}
        [item] = converter.read(json.dumps({"status": "ok", "message-type": "work", "message": work}),
                                "crossref").records
        assert item["title"] == ("A title: Second" if subtitle == ["", "Second"] else "A title"), subtitle
