"""Identifiers printed on an article page: DOI (in any of its printed forms), EDN, UDC, ISSN,
PMID/PMCID, and the check of a DOI's numbers against the printed volume and issue."""
from __future__ import annotations

import re

from ...normalize import clean_doi

DOI_LINE = re.compile(r"^\s*(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+)\s*$", re.I)
ANY_DOI = re.compile(r"(?:\bdoi\s*:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s\"<>]+)", re.I)
EDN = re.compile(r"\bEDN\s*:?\s*(?:https?://elibrary\.ru/)?([A-Za-z]{6})\b", re.I)
UDC = re.compile(r"(?:УДК|UDC)(?:\s*/\s*(?:UDC|УДК))?\s*:?\s*([0-9][0-9.:+()/\-\s\"«»=А-Яа-яA-Za-z]*?)\s*$", re.M)
ISSN = re.compile(r"\b(?:e-?)?ISSN\s*:?\s*(\d{4}-\d{3}[\dXx])", re.I)


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


def find_doi(text: str) -> str | None:
    m = ANY_DOI.search(text)
    return clean_doi(m.group(1)) if m else None
