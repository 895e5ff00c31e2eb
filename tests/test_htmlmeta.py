"""HTML meta tags in (Highwire citation_*, Dublin Core, PRISM, Open Graph)."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import converter
from conftest import SHARED, load_json, need_shared

PAGE = Path(__file__).parent / "fixtures" / "html" / "highwire.html"


@pytest.fixture(scope="module")
def item():
    result = converter.read_file(PAGE)
    assert result.format == "html"
    return result.records[0]


def test_highwire_core_fields(item):
    assert item["type"] == "article-journal"
    assert item["title"] == "Specifics of Russian Paradiplomacy in the Post-Soviet Space"  # not og:title
    assert item["author"] == [{"family": "Rustamova", "given": "Leili R."},
                              {"family": "Calderon Anton", "given": "Jose de Jesus"}]
    assert item["issued"] == {"date-parts": [[2025, 12, 15]]}
    assert (item["volume"], item["issue"], item["page"]) == ("33", "4", "578-593")
    assert item["DOI"] == "10.15507/2413-1407.129.033.202504.578-593"
    assert item["ISSN"] == "2413-1407, 2587-8549"
    assert item["keyword"] == "paradiplomacy, sister cities, post-Soviet space"


def test_author_details_follow_their_author(item):
    first, second = item["custom"]["authors"]
    assert first["orcid"] == "0000-0001-9803-9904"
    assert second["affiliation"] == "University of Seville" and "orcid" not in second


def test_licence_and_pdf(item):
    assert item["custom"]["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert item["custom"]["pdf-url"] == "https://regionsar.ru/article/1.pdf"


def test_citation_references_tagged_and_free_text(item):
    tagged, free = item["custom"]["references"]
    assert tagged["container-title"] == "Quebec Studies" and tagged["page"] == "3-26"
    assert tagged["author"] == [{"family": "Paquin", "given": "S."}]
    assert free["author"] == [{"family": "Tarasova", "given": "A.S."}] and free["volume"] == "15"


def test_dublin_core_only_and_title_fallback():
    dc = ('<html><head><meta name="DC.title" content="A Dublin Core Title">'
          '<meta name="DC.creator" content="Smith, John"><meta name="DC.date" content="2021-03-04">'
          '<meta name="DC.identifier" content="doi:10.1000/dc.1"></head></html>')
    item = converter.read(dc, "html").records[0]
    assert (item["title"], item["DOI"]) == ("A Dublin Core Title", "10.1000/dc.1")
    assert item["author"] == [{"family": "Smith", "given": "John"}]
    assert item["type"] == "webpage"
    result = converter.read("<html><head><title>Only A Title</title></head></html>", "html")
    assert result.records[0]["title"] == "Only A Title"
    assert "used the page's <title>" in result.warnings[0].message


def test_html_without_any_title_is_a_parse_error():
    with pytest.raises(converter.ParseError, match="no bibliographic title"):
        converter.read("<html><body><p>nothing</p></body></html>", "html")


def test_output_validates(item):
    need_shared()
    out = json.loads(converter.write([item], "csljson", references="all"))
    jsonschema.validate(out, load_json(SHARED / "csl-schema" / "csl-data.json"))


def test_article_page_without_meta_tags_is_read_from_its_visible_text():
    import html as html_lib

    from conftest import EXAMPLE_SEED

    text = EXAMPLE_SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join("<p>" + "<br>".join(html_lib.escape(line) for line in p.split("\n")) + "</p>\n"
                   for p in paragraphs)
    page = (f"<!DOCTYPE html><html><head><title>Specifics</title><script>var x = '<p>no</p>';</script>"
            f"</head><body>{body}</body></html>")
    result = converter.read(page, source="saved.html")
    assert result.format == "html"
    assert "read the page's visible text" in result.diagnostics[0].message
    assert result.records == converter.read(text).records
