"""Classic BibTeX out keeps what Zotero's BibTeX import and .bst styles read: the day of the
date, a web page's URL in howpublished as well as url/urldate, babel language names, and the
pmid, pmcid, shorttitle and issn fields; each reads back to the same CSL item."""
from __future__ import annotations

import converter

PAGE = {"id": "page", "citation-key": "page", "type": "webpage", "title": "A page", "URL": "https://example.org/a_b%20c",
        "accessed": {"date-parts": [[2024, 3, 1]]}, "issued": {"date-parts": [[2023, 5, 17]]},
        "language": "en-GB", "PMID": "123", "PMCID": "PMC9", "title-short": "Page", "ISSN": "1234-5678"}


def _fields(text: str) -> dict:
    return dict(line.strip().rstrip(",").split(" = ", 1) for line in text.splitlines() if " = " in line)


def test_written_fields():
    fields = _fields(converter.write([PAGE], "bibtex"))
    assert fields["year"] == "{2023}" and fields["month"] == "may" and fields["day"] == "{17}"
    assert fields["howpublished"] == r"{\url{https://example.org/a_b%20c}}"
    assert fields["url"] == "{https://example.org/a_b%20c}" and fields["urldate"] == "{2024-03-01}"
    assert fields["language"] == "{british}"
    assert fields["pmid"] == "{123}" and fields["pmcid"] == "{PMC9}"
    assert fields["shorttitle"] == "{Page}" and fields["issn"] == "{1234-5678}"


def test_reads_back():
    out = converter.write([PAGE], "bibtex")
    [back] = converter.read(str(out), "bibtex").records
    for field, value in PAGE.items():
        if field not in ("id", "type", "title"):
            assert back.get(field) == value, field
    assert "howpublished" not in (back.get("custom") or {}).get("bibtex", {})
    # @misc reads back as a document: reported, not silent
    assert any("type 'webpage'" in d.message for d in out.diagnostics)


def test_a_date_range_is_reported():
    item = {**PAGE, "issued": {"date-parts": [[2020], [2021]]}}
    out = converter.write([item], "bibtex")
    assert any("issued (BibTeX keeps no date range)" in d.message for d in out.diagnostics)
