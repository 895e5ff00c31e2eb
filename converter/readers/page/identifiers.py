"""Identifiers printed on an article page: DOI (in any of its printed forms), EDN, UDC, ISSN,
PMID/PMCID, and the check of a DOI's numbers against the printed volume and issue."""
from __future__ import annotations

import re

from ...vocabulary.identifiers import clean_doi

# (the resolver with 'www.' and after the label, 'DOI: http://www.dx.doi.org/10....'; a table's bar after the label,
# '| DOI | 10....'; a space a PDF put after the prefix's slash, 'DOI 10.2378/ vhn2020.art32d', joined after a label)
_RESOLVER = r"(?:https?://|(?<![\w./])(?=(?:www\.|dx\.)?doi\.org/))(?:www\.)?(?:dx\.)?doi\.org/"  # (the scheme may be left out)
DOI_LINE = re.compile(rf"^\s*(?:doi\s*[:|]?\s*(?:{_RESOLVER})?|{_RESOLVER})(10\.\d{{4,9}}/\S+?)(?:\?(?:[\w.%-]+=|via|download)\S*)?\s*$", re.I)
ANY_DOI = re.compile(rf"(?:\b(?:doi|digital\s+object\s+identifier)\s*[:|]?\s*(?:{_RESOLVER})?(10\.\d{{4,9}}/(?:\s(?=[a-z]{{2,}}\d))?[^\s\"<>|]+)|{_RESOLVER}(10\.\d{{4,9}}/[^\s\"<>]+))",
                     re.I)
EDN = re.compile(r"\bEDN\s*:?\s*(?:https?://elibrary\.ru/)?([A-Za-z]{6})\b", re.I)
UDC = re.compile(r"(?:УДК|UDC)(?:\s*/\s*(?:UDC|УДК))?\s*:?\s*([0-9][0-9.:+()/\-\s\"«»=А-Яа-яA-Za-z]*?)\s*$", re.M)
BARE_DOI = re.compile(r"(?<![\w/.])(10\.\d{4,9}/[^\s\"<>]+)")
# 'ISSN журнала: 23088958': a labelled ISSN may lose its hyphen
# (a table's bar or BibTeX's '= {' after the label: '| ISSN | 1343-8441 |', 'issn = { 0975-8887 }')
ISSN = re.compile(r"\b(?:[ep]-?)?ISSN(?:\s*\((?:print|online|electronic|e)\)|\s+журнала|\s+of\s+the\s+journal)?\s*(?:[:.|]|=\s*\{)?\s*"
                  r"(\d{4}\s?[-–]?\s?\d{3}[\dXx])\b", re.I)
# a second ISSN right after the first in the label's cell: '| ISSN | 1343-8441 2434-2254 |'
ISSN_SECOND = re.compile(r"\bISSN\s*[:|]?\s*\d{4}-\d{3}[\dXx]\s*[,;/]?\s+(\d{4}-\d{3}[\dXx])\b", re.I)
# the medium after the number, in the languages of the set: '0831-1048 (imprimé)', '1923-5771 (numérique)'
ISSN_AFTER = re.compile(r"(\d{4}-\d{3}[\dXx])\s*\((?:print|online|electronic|печ\w*|онлайн|электр\w*|електр\w*|imprim\w*|"
                        r"num[ée]rique|en\s+ligne|papier|[ée]lectroni\w*|impres\w*|en\s+l[íi]nea|digital|eletr[ôo]ni\w*|"
                        r"druck|stampa|cartac\w*|drukowan\w*|elektroni\w*|basılı|çevrimiçi)\)", re.I)
PMID = re.compile(r"\bPMID\s*:?\s*(\d{5,9})\b")
PMCID = re.compile(r"\bPMCID\s*:?\s*(PMC\d{4,9})\b|\b(PMC\d{5,9})\b")


def doi_number_conflict(doi: str, volume: str | None, issue: str | None) -> str | None:
    """A message when the DOI's own numbers read the other way round from the printed
    volume(issue), e.g. '2016;6(60)' with DOI '...-2016-60-6-5-14'. None when nothing contradicts."""
    if not doi or not volume or not issue or not volume.isdigit() or not issue.isdigit() or volume == issue:
        return None
    numbers = [int(n) for n in re.findall(r"\d+", doi.split("/", 1)[-1])]
    v, i = int(volume), int(issue)
    for a, b in zip(numbers, numbers[1:]):
        if a == i and b == v:
            return (f"printed volume {volume}, issue {issue} but the DOI {doi} reads volume {issue}, "
                    f"issue {volume}; kept as printed")
    return None


def find_doi(text: str, *, bare: bool = False) -> str | None:
    """The first DOI printed with its marker ('doi:', 'DOI', 'https://doi.org/', 'dx.doi.org'),
    or with ``bare`` also a bare '10.NNNN/...' standing alone."""
    m = ANY_DOI.search(text)
    if m:
        # (a link's query after the DOI is the site's, not the DOI's: '...3?download=true', '...?via%3Dihub')
        found = m.group(1) or re.sub(r"\?(?:[\w.%-]+=|via|download)[^/]*$", "", m.group(2))
        return clean_doi(found.replace(" ", ""))
    m = BARE_DOI.search(text) if bare else None
    return clean_doi(m.group(1)) if m else None


def find_issns(text: str) -> list[str]:
    """Every ISSN printed with its label ('ISSN 1234-5678', 'e-ISSN: ...', '1234-5678 (Online)')."""
    found = [re.sub(r"\s|[–]", lambda m: "-" if m.group(0) == "–" else "", v).upper()
             for v in ISSN.findall(text) + ISSN_SECOND.findall(text) + ISSN_AFTER.findall(text)]
    found = [v if "-" in v else f"{v[:4]}-{v[4:]}" for v in found]
    return list(dict.fromkeys(found))


def find_pubmed_ids(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    m = PMID.search(text)
    if m:
        out["PMID"] = m.group(1)
    m = PMCID.search(text)
    if m:
        out["PMCID"] = m.group(1) or m.group(2)
    return out


ARTICLE_URL = re.compile(r"https?://(?!(?:dx\.)?doi\.org/)[^\s<>\"]+/[^\s<>\"]+")


def find_article_url(text: str) -> str | None:
    """A link printed in a citation or running head that is not a DOI link: the article's own
    address ('Trials 2010, 11:107 http://www.trialsjournal.com/content/11/1/107')."""
    m = ARTICLE_URL.search(text)
    return m.group(0).rstrip(".,;)") if m else None
