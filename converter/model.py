"""The hub's data types: CSL-JSON items as plain dicts, diagnostics, and read results.

A record is one CSL-JSON item (``dict``), exactly as the CSL-JSON 1.0.2 schema describes it.
What CSL has no variable for lives under the item's ``custom`` object. The keys this project
uses there (readers fill them, writers read them):

    custom = {
      "edn": "LJUZFA",                     # eLibrary EDN, upper case
      "udc": "327.3(470+571)",
      "dates": {"revised": "2025-09-04", "accepted": "2025-09-11", ...},   # ISO 8601; received is CSL `submitted`
      "license": {"url": "https://creativecommons.org/licenses/by/4.0/", "text": "<as printed>"},
      "authors": [                          # parallel to item["author"], same order
        {"literal": "Leili R. Rustamova", "variants": ["L. R. Rustamova"],
         "degree": "Cand.Sci. (Polit.)", "position": "Researcher at ...",
         "affiliation": "Primakov National Research Institute ...", "address": "...",
         "orcid": "0000-0001-9803-9904", "scopus": "56469579000", "spin": "2941-9393",
         "email": "...", "credit": ["Conceptualization", ...], "contribution": "<as printed>"}
      ],
      "abstract-sections": [{"title": "Introduction", "text": "..."}],
      "conflict-of-interest": "...", "data-availability": "...",
      "container-title-other": ["REGIONOLOGY"],
      "citation-as-printed": "Rustamova L.R., ... 2025;33(4):578–593. https://doi.org/...",
      "notes": ["The authors have read and approved the final manuscript."],
      "references": [ <CSL item>, ... ],    # the parsed reference list
      "title-case": True,                   # titles are stored in Title Case (page, BibTeX): APA/GOST sentence-case them
      "funding": "...", "funders": [{"name", "DOI", "award"}],       # page statement / Crossref
      "acknowledgements": "...",
      # per author also: "corresponding": True (the '*' of a byline), "researcherid"
      "copyright": "© Тарасова А. С., 2023",
      "title-as-printed": "<the title as printed, when it was in capitals>",
      "title-translations": {"ru": "..."}, "abstract-translations": {...}, "keyword-translations": {...},
      "ids": {"publisher-id": "98784"},     # other identifiers by type (JATS article-id)
      "pdf-url": "https://...",             # HTML citation_pdf_url
      "history-as-printed": ["Submitted 20.08.2025; revised ..."],
      "citation-authors-as-printed": "Rustamova L.R., Calderon Anton J.deJ",
      "affiliations-as-printed": ["..."],   # affiliation lines not tied to one author
      "other-text": ["..."],                # page lines no rule recognised: kept, and warned about
      "non-csl": {...},                     # keys of an input record that are not CSL variables
      "bibtex": {...}, "ris": {...}, "crossref": {...},   # source fields with no CSL variable,
                                            # written back by the same format's writer
    }

A reference parsed from free text keeps its original string in the CSL variable ``source``
("where the item comes from"): it came from that string.
"""
from __future__ import annotations

from typing import Any, Dict, List, Literal, NamedTuple, Tuple

CSLItem = Dict[str, Any]

Severity = Literal["warning", "error"]


# The hub's types are a NamedTuple and plain classes, not dataclasses: every run of the command
# loads them, and the dataclasses module (with inspect, ast and dis) and the code it generates
# for each class cost a one-record conversion about a tenth of its time.


class Diagnostic(NamedTuple):
    """Something a reader or writer could not do cleanly, with where it happened (immutable:
    ``d._replace(line=3)`` makes a changed copy)."""

    message: str
    severity: Severity = "warning"
    source: str | None = None
    line: int | None = None
    field: str | None = None
    record: str | None = None  # the record's id or citation key, when known

    def format(self) -> str:
        """``file:line: warning: message [field] (record)``, the form compilers use."""
        place = self.source or "<input>"
        if self.line is not None:
            place += f":{self.line}"
        text = f"{place}: {self.severity}: {self.message}"
        if self.field:
            text += f" [{self.field}]"
        if self.record:
            text += f" ({self.record})"
        return text

    def __str__(self) -> str:
        return self.format()


class Result:
    """What a reader returns: the records it could read and what went wrong along the way."""

    def __init__(self, records: List[CSLItem] | None = None, diagnostics: List[Diagnostic] | None = None,
                 format: str | None = None,
                 origins: Dict[str, Tuple[str | None, int | None]] | None = None) -> None:
        self.records: List[CSLItem] = [] if records is None else records
        self.diagnostics: List[Diagnostic] = [] if diagnostics is None else diagnostics
        self.format = format  # the reader that ran (useful after auto-detection)
        # where each record came from: its id -> (input name, line it starts at, when the reader knows)
        self.origins: Dict[str, Tuple[str | None, int | None]] = {} if origins is None else origins

    def __repr__(self) -> str:
        return (f"Result(records={self.records!r}, diagnostics={self.diagnostics!r}, format={self.format!r}, "
                f"origins={self.origins!r})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return (self.records, self.diagnostics, self.format, self.origins) == (
            other.records, other.diagnostics, other.format, other.origins)

    @property
    def warnings(self) -> List[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def errors(self) -> List[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    def extend(self, other: "Result") -> None:
        self.records.extend(other.records)
        self.diagnostics.extend(other.diagnostics)
        for key, origin in other.origins.items():
            self.origins.setdefault(key, origin)

    def locate(self, source: str | None, lines: Dict[str, int] | None = None) -> None:
        """Record where the records came from: the input's name, and the line each record
        starts at where the reader knows it; a parsed reference is placed at its article's line."""
        lines = lines or {}
        for record in self.records:
            key = str(record.get("id", ""))
            where = (source, lines.get(key))
            self.origins.setdefault(key, where)
            custom = record.get("custom")
            for ref in (custom.get("references") or []) if isinstance(custom, dict) else []:
                if isinstance(ref, dict) and ref.get("id") is not None:
                    self.origins.setdefault(str(ref["id"]), (source, lines.get(str(ref["id"]), where[1])))


class Output(str):
    """Text a writer produced. A ``str``; ``.diagnostics`` says what could not be carried over."""

    diagnostics: List[Diagnostic]

    def __new__(cls, text: str, diagnostics: List[Diagnostic] | None = None) -> "Output":
        obj = super().__new__(cls, text)
        obj.diagnostics = list(diagnostics or [])
        return obj


class Diagnostics(List[Diagnostic]):
    """A list of Diagnostic with helpers that keep reader code short."""

    def __init__(self, source: str | None = None) -> None:
        super().__init__()
        self.source = source

    def warn(self, message: str, *, line: int | None = None, field: str | None = None,
             record: str | None = None) -> None:
        self.append(Diagnostic(message, "warning", self.source, line, field, record))

    def error(self, message: str, *, line: int | None = None, field: str | None = None,
              record: str | None = None) -> None:
        self.append(Diagnostic(message, "error", self.source, line, field, record))


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


__all__ = ["CSLItem", "Diagnostic", "Diagnostics", "Output", "Result", "Severity", "line_of"]
