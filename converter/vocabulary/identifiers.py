"""Identifiers in records: DOIs, URLs, ORCID iDs, ISSNs and ISBNs, as sources print them and as
CSL and the formats want them (a bare DOI '10.x/y', a URL without tracking parameters, an ORCID
iD without its resolver)."""
from __future__ import annotations

import re
from typing import List

from ..patterns import lazy

# ---- DOI ----------------------------------------------------------------------------------

DOI = lazy(r"10\.\d{4,9}/[^\s\"<>]+")
DOI_PREFIX = lazy(r"^(?:https?://(?:dx\.)?doi\.org/|doi:?\s*)", re.I)


def clean_doi(text: str) -> str | None:
    """The bare DOI ('10.x/y') in a DOI string or resolver link, without trailing
    punctuation; None if there is none."""
    text = DOI_PREFIX.sub("", text.strip())
    m = DOI.search(text)
    if not m:
        return None
    doi = m.group(0)
    # a label glued on by a missing space: '...158.URL https:', '...02717.PMID', '...070,in press'
    doi = re.sub(r"\.(?:URL|PMID|PMCID|arXiv|ISSN|ISBN|Epub|Available)\b.*$|,[a-z]+$", "", doi)
    doi = doi.rstrip(".,;:")
    # the next label glued on in copied text: '...v6i1.43470Keywords:', '...0123Abstract'
    doi = re.sub(r"(?<=[0-9a-z])(?:Keywords?|Abstract|Received|Accepted|Published|Citation|Copyright|Introduction|"
                 r"Resumen|Resumo|Résumé|Download)$", "", doi).rstrip(".,;:")
    # a closing bracket belongs to the DOI only when the DOI opened it: 10.1002/(SICI)...
    while doi.endswith((")", "]")) and doi.count("(" if doi[-1] == ")" else "[") < doi.count(doi[-1]):
        doi = doi[:-1].rstrip(".,;:")
    return doi


def strip_doi_prefix(value: str) -> str:
    """'https://doi.org/10.1/x' or 'doi:10.1/x' -> '10.1/x'; the rest is kept as written (a
    field that holds a DOI by definition, such as RIS DO)."""
    return DOI_PREFIX.sub("", value.strip())


def looks_like_doi(value: str) -> bool:
    """The whole value is one bare DOI ('10.1/x')."""
    return re.fullmatch(r"10\.\d{4,9}/\S+", value) is not None


# ---- URL ----------------------------------------------------------------------------------

_TRACKING = lazy(r"^(?:utm_\w*|ysclid|fbclid|gclid|yclid|mc_cid|mc_eid|_openstat)$", re.I)


def clean_url(url: str) -> str:
    """A URL without tracking parameters (utm_*, ysclid, fbclid, gclid, ...) and without
    trailing sentence punctuation. Everything else is kept as written."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit  # late: only references need it

    url = url.strip().rstrip(".,;")
    for close, open_ in ((")", "("), ("]", "[")):
        if url.endswith(close) and url.count(open_) < url.count(close):
            url = url[:-1].rstrip(".,;")
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    if len(kept) == len(parse_qsl(parts.query, keep_blank_values=True)):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept, safe="/:%")))


# ---- ORCID --------------------------------------------------------------------------------

ORCID_RESOLVER = "https://orcid.org/"
_ORCID_PREFIX = lazy(r"^https?://(www\.)?orcid\.org/")


def orcid_id(value: str) -> str:
    """'https://orcid.org/0000-0001-9803-9904' -> '0000-0001-9803-9904' (as custom.authors keeps it)."""
    return _ORCID_PREFIX.sub("", value.strip())


def orcid_url(value: str) -> str:
    """An ORCID iD as its resolver URL, which JATS4R and Crossref ask for."""
    return value if value.startswith("http") else ORCID_RESOLVER + value


# ---- ISSN and ISBN ------------------------------------------------------------------------

def split_serials(value: str) -> List[str]:
    """'1234-5678, 8765-4321' (several ISSNs or ISBNs in one CSL string) -> each one."""
    return [s for s in re.split(r"[,;\s]+", value) if s]


def issn_or_isbn(value: str) -> str | None:
    """'ISSN' or 'ISBN' for a number whose label or length says which (8 digits: an ISSN; 10
    or 13: an ISBN); None when neither does."""
    upper = value.upper()
    if "ISBN" in upper:
        return "ISBN"
    if "ISSN" in upper:
        return "ISSN"
    digits = re.sub(r"[^0-9X]", "", upper.split("(")[0])
    if len(digits) == 8:
        return "ISSN"
    if len(digits) in (10, 13):
        return "ISBN"
    return None


__all__ = ["DOI", "DOI_PREFIX", "ORCID_RESOLVER", "clean_doi", "clean_url", "issn_or_isbn", "looks_like_doi",
           "orcid_id", "orcid_url", "split_serials", "strip_doi_prefix"]
