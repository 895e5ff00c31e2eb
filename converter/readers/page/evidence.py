"""Merging what different parts of a page say about the same field.

A page often states a fact more than once: the journal in a running head and again in the
"For citation" line, the DOI in a label and in a link. Each finding is recorded with its
source, and each field takes the value of the most reliable source that gave one. The
order per field, most reliable first, and why:

- ``label``: a value printed after its own label ("DOI:", "Volume:", "Журнал:") is meant as
  that field, so it wins everywhere.
- ``issue-line``: a line that only places the article in its issue (a running head
  "Journal. 2022. № 46. С. 127-155.", "Year : 2018 | Volume : 16") is read by patterns that
  are certain of each number.
- ``citation``: the page's own citation line ("For citation", "Cite this article") is a whole
  reference parsed by the reference parser: complete, but its parse can misplace a boundary,
  so it comes after the certain patterns for numbers and the journal.
- ``head``: for the title, the line the page prints as its heading comes first (the citation
  may abbreviate or transliterate it); the citation's title is used when the page has none.
- ``text``: found inside running text (a DOI in a paragraph): last resort.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Tuple

SOURCES_BY_FIELD: Dict[str, Tuple[str, ...]] = {
    "title": ("label", "head", "citation"),
    "container-title": ("label", "issue-line", "citation", "head"),
    # a labelled publication date ("Published: 12 March 2020") is the date itself; an issue
    # line or a citation gives the issue's year
    "issued": ("label", "history", "issue-line", "citation", "head", "text"),
}
DEFAULT_SOURCES = ("label", "issue-line", "citation", "history", "head", "text")


@dataclass
class Finding:
    value: Any
    source: str
    line: int | None


@dataclass
class Evidence:
    """Every finding for every field, in the order found."""
    found: Dict[str, List[Finding]] = field(default_factory=dict)

    def add(self, name: str, value: Any, source: str, line: int | None = None) -> None:
        if value in (None, "", []):
            return
        self.found.setdefault(name, []).append(Finding(value, source, line))

    def has(self, name: str, source: str | None = None) -> bool:
        return any(source is None or f.source == source for f in self.found.get(name, []))

    def best(self, name: str) -> Finding | None:
        order = SOURCES_BY_FIELD.get(name, DEFAULT_SOURCES)
        findings = self.found.get(name, [])
        for source in order:
            for f in findings:
                if f.source == source:
                    return f
        return findings[0] if findings else None

    def fields(self) -> List[str]:
        return list(self.found)
