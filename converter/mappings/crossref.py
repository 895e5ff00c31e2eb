"""Crossref REST API works (``api.crossref.org/works/DOI``) -> CSL-JSON: the one table the
Crossref reader uses. Crossref writes are not supported (deposits are JATS-like XML).

Type names follow Crossref's ``/types`` list; field names its work schema."""
from __future__ import annotations

from typing import Dict, FrozenSet

TYPES: Dict[str, str] = {
    "journal-article": "article-journal",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "book-part": "chapter",
    "book-track": "chapter",
    "proceedings-article": "paper-conference",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-set": "book",
    "book-series": "book",
    "proceedings": "book",
    "proceedings-series": "book",
    "reference-entry": "entry",
    "dissertation": "thesis",
    "report": "report",
    "report-component": "report",
    "report-series": "report",
    "dataset": "dataset",
    "database": "dataset",
    "posted-content": "article",
    "standard": "standard",
    "standard-series": "standard",
    "peer-review": "review",
    "journal": "periodical",
    "journal-issue": "periodical",
    "journal-volume": "periodical",
    "component": "document",
    "grant": "document",
    "other": "document",
}

# Crossref key -> CSL variable, for values that are a list of strings of which the first counts
FIRST_OF_LIST: Dict[str, str] = {
    "title": "title",
    "container-title": "container-title",
    "short-container-title": "container-title-short",
    "short-title": "title-short",
    "original-title": "original-title",
}

# Crossref key -> CSL variable, copied as they are
PLAIN: Dict[str, str] = {
    "DOI": "DOI",
    "URL": "URL",
    "volume": "volume",
    "issue": "issue",
    "page": "page",
    "publisher": "publisher",
    "publisher-location": "publisher-place",
    "language": "language",
    "edition-number": "edition",
    "article-number": "number",
    "PMID": "PMID",
    "PMCID": "PMCID",
}

NAMES: Dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "chair": "chair",
}

# Date keys in the order that decides `issued` (print before online, as citation styles expect)
ISSUED_FROM = ("published-print", "issued", "published-online", "published", "created")

# Bookkeeping about the deposit itself, not the work: nothing a citation can use.
BOOKKEEPING: FrozenSet[str] = frozenset({
    "indexed", "deposited", "created", "score", "member", "prefix", "content-domain", "reference-count",
    "references-count", "is-referenced-by-count", "source", "link", "relation", "resource",
    "update-policy", "assertion", "issn-type", "isbn-type", "journal-issue", "published", "published-print",
    "published-online", "published-other", "approved", "accepted", "posted", "content-created",
    "content-updated", "update-to", "updated-by", "institution", "free-to-read", "archive",
    "alternative-id", "subtype", "group-title", "clinical-trial-number", "stm-asf", "cr-labels",
})
