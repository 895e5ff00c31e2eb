"""HTML <meta> tags -> CSL-JSON: the one table the HTML reader uses.

Highwire Press tags (``citation_*``, what Google Scholar reads and most journal platforms
write), Dublin Core (``DC.*``/``dc.*``, also ``DCTERMS.*``), PRISM (``prism.*``), Open Graph
(``og:*``) and Eprints (``eprints.*``). A row lists the tag names that carry one CSL variable,
most trusted first; the reader takes the first that is present."""
from __future__ import annotations

from typing import Dict, Tuple

# CSL variable -> meta names (lower-cased), most trusted first
TEXT: Dict[str, Tuple[str, ...]] = {
    "title": ("citation_title", "dc.title", "dcterms.title", "eprints.title", "og:title", "twitter:title"),
    "container-title": ("citation_journal_title", "citation_conference_title", "citation_book_title",
                        "citation_inbook_title", "prism.publicationname", "dc.source", "dcterms.source",
                        "eprints.publication"),
    "container-title-short": ("citation_journal_abbrev",),
    "publisher": ("citation_publisher", "dc.publisher", "dcterms.publisher", "eprints.publisher",
                  "citation_dissertation_institution", "citation_technical_report_institution"),
    "volume": ("citation_volume", "prism.volume", "eprints.volume"),
    "issue": ("citation_issue", "prism.number", "prism.issueidentifier", "eprints.number"),
    "number": ("citation_technical_report_number", "citation_patent_number"),
    "ISBN": ("citation_isbn", "prism.isbn"),
    "language": ("citation_language", "dc.language", "dcterms.language", "og:locale"),
    "abstract": ("citation_abstract", "dc.description", "dcterms.abstract", "dcterms.description",
                 "eprints.abstract", "og:description", "description"),
    "URL": ("citation_abstract_html_url", "citation_fulltext_html_url", "citation_public_url", "og:url",
            "prism.url"),
    "event-title": ("citation_conference_title",),
}

DOI = ("citation_doi", "prism.doi", "dc.identifier", "dcterms.identifier", "bepress_citation_doi", "eprints.id_number")
ISSN = ("citation_issn", "citation_eissn", "prism.issn", "prism.eissn")
AUTHORS = ("citation_author", "dc.creator", "dcterms.creator", "eprints.creators_name", "author")
DATES = ("citation_publication_date", "citation_date", "citation_cover_date", "citation_online_date",
         "prism.publicationdate", "prism.coverdate", "dc.date", "dcterms.issued", "dcterms.date", "eprints.date",
         "article:published_time")
FIRST_PAGE = ("citation_firstpage", "prism.startingpage", "eprints.pagerange")
LAST_PAGE = ("citation_lastpage", "prism.endingpage")
KEYWORDS = ("citation_keywords", "dc.subject", "dcterms.subject", "keywords", "eprints.keywords")
PDF = ("citation_pdf_url",)
REFERENCES = ("citation_reference",)
LICENCE = ("dc.rights", "dcterms.rights", "dcterms.license")

# What a tag's presence says about the type of work
TYPE_HINTS: Tuple[Tuple[str, str], ...] = (
    ("citation_conference_title", "paper-conference"),
    ("citation_dissertation_institution", "thesis"),
    ("citation_technical_report_institution", "report"),
    ("citation_patent_number", "patent"),
    ("citation_inbook_title", "chapter"),
    ("citation_book_title", "chapter"),
    ("citation_journal_title", "article-journal"),
    ("prism.publicationname", "article-journal"),
)

# Per-author tags that follow their citation_author
AUTHOR_DETAILS: Dict[str, str] = {
    "citation_author_institution": "affiliation",
    "citation_author_orcid": "orcid",
    "citation_author_email": "email",
}
