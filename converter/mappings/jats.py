"""CSL-JSON <-> JATS: the tables both the JATS writer and the JATS reader use.

Each table is written once, CSL side first; the reverse lookups are derived from it so the
two directions cannot drift apart. Values follow the JATS 1.3 Tag Library's suggested
attribute values and JATS4R recommendations (CRediT roles, data availability, licences).
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from ..vocabulary.credit import ROLES as CREDIT_TERMS
from ..vocabulary.credit import credit_uri, match_roles
from . import Carried

JATS_PUBLIC_ID = "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN"
JATS_SYSTEM_ID = "https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd"
DTD_VERSION = "1.3"
XLINK = "http://www.w3.org/1999/xlink"
ALI = "http://www.niso.org/schemas/ali/1.0/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# CSL type -> element-citation publication-type. The first CSL type listed for a
# publication-type is the one the reader gives back.
PUBLICATION_TYPES: List[Tuple[str, str]] = [
    ("article-journal", "journal"),
    ("article", "preprint"),
    ("article-magazine", "magazine"),
    ("article-newspaper", "newspaper"),
    ("book", "book"),
    ("chapter", "book"),           # a chapter is a book reference with a chapter-title
    ("paper-conference", "confproc"),
    ("report", "report"),
    ("thesis", "thesis"),
    ("webpage", "webpage"),
    ("post-weblog", "blog"),
    ("post", "webpage"),
    ("dataset", "data"),
    ("software", "software"),
    ("patent", "patent"),
    ("standard", "standard"),
    ("legislation", "legal-doc"),
    ("legal_case", "legal-doc"),
    ("manuscript", "manuscript"),
    ("entry-encyclopedia", "encyclopedia"),
    ("entry-dictionary", "dictionary"),
    ("review", "review"),
    ("speech", "presentation"),
    ("document", "other"),
]
CSL_TO_PUBLICATION_TYPE: Dict[str, str] = {csl: jats for csl, jats in PUBLICATION_TYPES}
PUBLICATION_TYPE_TO_CSL: Dict[str, str] = {}
for _csl, _jats in PUBLICATION_TYPES:
    PUBLICATION_TYPE_TO_CSL.setdefault(_jats, _csl)
PUBLICATION_TYPE_TO_CSL.update({"conference": "paper-conference", "conf-proc": "paper-conference",
                                "web": "webpage", "website": "webpage", "dissertation": "thesis"})

# Types whose CSL title is the part inside a container (article-title/chapter-title) and
# whose container-title is the JATS <source>. For the others the title itself is <source>.
CHAPTER_TYPES = {"chapter", "entry-encyclopedia", "entry-dictionary", "paper-conference"}

# Article-level: CSL type -> article-type (JATS 1.3 suggested values).
ARTICLE_TYPES: Dict[str, str] = {
    "article-journal": "research-article", "review": "review-article",
    "review-book": "book-review", "article": "research-article",
}

# CSL name variables, in the order they are written. JATS 1.3 closes the list of
# person-group-type values; a CSL role outside it is written as "custom" with custom-type.
NAME_VARIABLES: List[str] = [
    "author", "editor", "translator", "compiler", "director", "illustrator", "inventor",
    "curator", "container-author", "collection-editor", "editorial-director", "composer",
    "interviewer", "recipient", "reviewed-author", "original-author", "chair", "contributor",
    "executive-producer", "guest", "host", "narrator", "organizer", "performer", "producer",
    "script-writer", "series-creator",
]
PERSON_GROUP_TYPES = {"allauthors", "assignee", "author", "compiler", "curator", "director", "editor",
                      "guest-editor", "illustrator", "inventor", "research-assistant", "translator",
                      "transed"}
_PERSON_GROUP_TO_CSL = {"allauthors": "author", "transed": "translator", "guest-editor": "editor",
                        "assignee": "contributor", "research-assistant": "contributor"}


def person_group_type(csl: str) -> Tuple[str, str | None]:
    """(person-group-type, custom-type) for a CSL name variable."""
    return (csl, None) if csl in PERSON_GROUP_TYPES else ("custom", csl)


def name_variable(group_type: str | None, custom_type: str | None = None) -> str:
    """The CSL name variable for a person-group-type (or contrib-type); "author" when unknown."""
    value = (custom_type if group_type == "custom" else group_type) or "author"
    value = _PERSON_GROUP_TO_CSL.get(value, value)
    return value if value in NAME_VARIABLES else "author"


# CSL identifier variable <-> pub-id-type (references) / article-id (the article).
PUB_IDS: List[Tuple[str, str]] = [("DOI", "doi"), ("PMID", "pmid"), ("PMCID", "pmcid")]
PUB_ID_TO_CSL: Dict[str, str] = {jats: csl for csl, jats in PUB_IDS}
# The closed list of pub-id-type values in JATS 1.3; anything else is "custom" + custom-type.
ARTICLE_ID_TYPES = {"accession", "archive", "ark", "art-access-id", "arxiv", "coden", "doaj", "doi",
                    "handle", "index", "isbn", "manuscript", "medline", "mr", "other", "pii", "pmcid",
                    "pmid", "publisher-id", "sici", "std-designation", "zbl"}

# Plain-text CSL variables with a JATS element of their own inside <element-citation>.
CITATION_FIELDS: List[Tuple[str, str]] = [
    ("edition", "edition"), ("publisher-place", "publisher-loc"), ("publisher", "publisher-name"),
    ("volume", "volume"), ("issue", "issue"), ("collection-title", "series"),
    ("number", "elocation-id"), ("ISBN", "isbn"), ("ISSN", "issn"), ("version", "version"),
    ("event", "conf-name"), ("event-title", "conf-name"), ("event-place", "conf-loc"),
    ("medium", "comment"), ("note", "comment"), ("genre", "comment"), ("archive", "comment"),
    ("archive_location", "comment"), ("status", "comment"),
    ("annote", "annotation"), ("event-date", "conf-date"), ("volume-title", "part-title"),
]
# A <comment> carries its CSL variable in content-type so it reads back where it came from.
COMMENT_VARIABLES_IN_ORDER = [csl for csl, jats in CITATION_FIELDS if jats == "comment"]
CITATION_FIELD_TO_CSL: Dict[str, str] = {}
for _csl, _jats in CITATION_FIELDS:
    if _jats != "comment":
        CITATION_FIELD_TO_CSL.setdefault(_jats, _csl)

# History dates: custom["dates"] key (or CSL "submitted") <-> <date date-type>.
HISTORY_DATES: List[Tuple[str, str]] = [
    ("submitted", "received"), ("revised", "rev-recd"), ("accepted", "accepted"),
    ("rejected", "rev-request"), ("preprint", "preprint"), ("corrected", "corrected"),
    ("retracted", "retracted"), ("published", "pub"), ("online", "epub"),
]
HISTORY_DATE_TO_KEY: Dict[str, str] = {jats: key for key, jats in HISTORY_DATES}
HISTORY_DATE_TO_KEY["rev-request"] = "rev-request"

# CRediT (NISO Z39.104-2022): terms, URIs and printed phrases live in converter/credit.py.
CREDIT_VOCAB = "credit"
CREDIT_VOCAB_IDENTIFIER = "https://credit.niso.org/"
_CREDIT_BY_SLUG = {slug: term for term, (slug, _) in CREDIT_TERMS.items()}


def credit_role(text: str) -> Tuple[str, str] | None:
    """The CRediT (term, identifier URL) a printed role names, or None when it names none."""
    text = text.strip()
    term = text if text in CREDIT_TERMS else _CREDIT_BY_SLUG.get(text.strip("/").rsplit("/", 1)[-1])
    if term is None:
        found = match_roles(text)
        term = found[0] if found else None
    return (term, credit_uri(term)) if term else None


# Contributor identifiers: custom["authors"][i] key <-> contrib-id-type (the ORCID iD is written as
# the URL JATS4R recommends: vocabulary.identifiers.orcid_url).
CONTRIB_IDS: List[Tuple[str, str]] = [
    ("orcid", "orcid"), ("scopus", "scopus"), ("spin", "spin"), ("researcherid", "researcherid"),
    ("isni", "isni"),
]
CONTRIB_ID_TO_KEY: Dict[str, str] = {jats: key for key, jats in CONTRIB_IDS}
CONTRIB_ID_TO_KEY["scopus-author-id"] = "scopus"

# What an <element-citation> has a place for (a reference of the <ref-list>).
CITATION_CARRIED = Carried(frozenset({
    "id", "type", "citation-number", "title", "container-title", "issued", "accessed", "page", "URL",
    "language", "source", "number-of-pages", *(csl for csl, _ in PUB_IDS), *(csl for csl, _ in CITATION_FIELDS),
    *NAME_VARIABLES,
}))
# What <front> has a place for when the record is the article itself; custom keys with no
# element of their own go to <custom-meta> (CUSTOM_KEYS_WITH_ELEMENTS below).
ARTICLE_CARRIED = Carried(frozenset({
    "id", "type", "language", "title", "title-short", "container-title", "container-title-short", "ISSN",
    "publisher", "publisher-place", "issued", "volume", "issue", "page", "number", "submitted", "URL",
    "license", "abstract", "keyword", *(csl for csl, _ in PUB_IDS), *NAME_VARIABLES,
}))
CARRIES: Dict[str, Carried] = {"jats": ARTICLE_CARRIED}  # by writer

# custom keys the writer places in dedicated JATS elements; every other scalar custom key
# becomes a <custom-meta> whose meta-name is the key, which the reader reads back as is.
CUSTOM_KEYS_WITH_ELEMENTS = {
    "edn", "dates", "license", "authors", "abstract-sections", "conflict-of-interest",
    "data-availability", "container-title-other", "notes", "references", "title-translations",
    "abstract-translations", "keyword-translations", "ids", "funding", "acknowledgements",
}
