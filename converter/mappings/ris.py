"""RIS <-> CSL-JSON: the one table both the RIS reader and the RIS writer use.

Each ``Field`` row says which CSL variable a tag carries and how its value is shaped
(``kind``). The writer emits the first tag of each row; the reader also accepts the row's
``read_also`` tags (legacy and vendor synonyms such as A1, T1, JF, Y1, N2). Reference types
are a second table, ``TYPES``: the first RIS type listed for a CSL type is the one we write.

RIS tags with no row here are kept, in order, under ``item["custom"]["ris"]`` as
``{"TAG": ["value", ...]}`` and written back unchanged, so a round trip loses nothing. Extra
values of a single-valued tag (a second UR, a second ISSN) are kept there too.

Sources for the tag meanings: the RIS format specification (Research Information Systems,
2011 revision) and what Zotero and EndNote export and import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Literal, Tuple

from ..vocabulary import dates
from ..vocabulary.identifiers import issn_or_isbn
from . import Carried

Kind = Literal[
    "type",        # TY: the reference type, via TYPES
    "id",          # ID: the item's id
    "names",       # one "Family, Given[, Suffix]" per line
    "text",        # one value; a repeated tag keeps the first, the rest go to custom.ris
    "lines",       # one value; repeated tags and continuation lines are joined with "\n"
    "keywords",    # one keyword per line; CSL keeps them in one string
    "year",        # PY: YYYY (older files: YYYY/MM/DD/other)
    "date",        # DA, Y2: YYYY/MM/DD/other
    "page-start",  # SP
    "page-end",    # EP
    "serial",      # SN: ISSN or ISBN, told apart by shape and by reference type
    "doi",         # DO: a bare DOI (prefixes such as https://doi.org/ are dropped on reading)
    "language",    # LA: 'English' / 'eng' read as the BCP 47 tag 'en' (converter/vocabulary/languages.py)
]


@dataclass(frozen=True)
class Field:
    tag: str
    csl: str
    kind: Kind = "text"
    read_also: Tuple[str, ...] = ()


# Order = the order the writer emits tags in (TY first, the core bibliographic tags next, as
# Zotero writes them). ER is not a field: it ends each record.
FIELDS: Tuple[Field, ...] = (
    Field("TY", "type", "type"),
    Field("AU", "author", "names", ("A1",)),
    Field("A2", "editor", "names", ("ED",)),
    Field("A3", "collection-editor", "names"),
    Field("A4", "translator", "names"),
    Field("TI", "title", "text", ("T1", "CT")),
    Field("T2", "container-title", "text", ("JF", "BT")),
    Field("J2", "container-title-short", "text", ("JA", "J1")),
    Field("T3", "collection-title", "text"),
    Field("ST", "title-short", "text"),
    Field("PY", "issued", "year", ("Y1",)),
    Field("DA", "issued", "date"),
    Field("VL", "volume", "text"),
    Field("IS", "issue", "text", ("CP",)),
    Field("SP", "page", "page-start"),
    Field("EP", "page", "page-end"),
    Field("ET", "edition", "text"),
    Field("NV", "number-of-volumes", "text"),
    Field("SE", "section", "text"),
    Field("C7", "number", "text"),
    Field("M3", "genre", "text"),
    Field("PB", "publisher", "text"),
    Field("CY", "publisher-place", "text", ("PP",)),
    Field("SN", "ISSN", "serial"),
    Field("DO", "DOI", "doi"),
    Field("UR", "URL", "text"),
    Field("Y2", "accessed", "date"),
    Field("AB", "abstract", "lines", ("N2",)),
    Field("KW", "keyword", "keywords"),
    Field("LA", "language", "language"),
    Field("CN", "call-number", "text"),
    Field("DB", "source", "text"),
    Field("N1", "note", "lines"),
    Field("ID", "id", "id"),
)

# JO is "journal name" in some exporters (Embase, Ovid: the full name) and "abbreviation" in
# others; the reader uses it as the container title only when nothing better is present.
JOURNAL_EITHER = "JO"

# SN holds an ISBN for these types, an ISSN otherwise (when its shape does not decide).
BOOK_TYPES = frozenset({"book", "chapter", "classic", "collection", "entry", "entry-dictionary",
                        "entry-encyclopedia", "paper-conference", "report", "thesis", "pamphlet"})

BY_TAG: Dict[str, Field] = {}
for _field in FIELDS:
    for _tag in (_field.tag, *_field.read_also):
        BY_TAG[_tag] = _field

# What RIS has a place for: the table's variables, ISBN (SN, told apart from ISSN by shape),
# and the tags the reader kept under custom.ris.
CARRIED = Carried(frozenset(f.csl for f in FIELDS) | {"ISBN"}, custom=frozenset({"ris"}))
CARRIES: Dict[str, Carried] = {"ris": CARRIED}  # by writer

# (RIS type, CSL type). For reading, every row counts; for writing, the first row of each
# CSL type wins. RIS types from the 2011 specification plus common vendor ones.
TYPES: Tuple[Tuple[str, str], ...] = (
    ("JOUR", "article-journal"),
    ("MGZN", "article-magazine"),
    ("NEWS", "article-newspaper"),
    ("BOOK", "book"),
    ("CHAP", "chapter"),
    ("CPAPER", "paper-conference"),
    ("CONF", "paper-conference"),
    ("THES", "thesis"),
    ("RPRT", "report"),
    ("ELEC", "webpage"),
    ("BLOG", "post-weblog"),
    ("DATA", "dataset"),
    ("PAT", "patent"),
    ("COMP", "software"),
    ("MANSCPT", "manuscript"),
    ("UNPB", "manuscript"),
    ("BILL", "bill"),
    ("CASE", "legal_case"),
    ("HEAR", "hearing"),
    ("STAT", "legislation"),
    ("LEGAL", "regulation"),
    ("MAP", "map"),
    ("ART", "graphic"),
    ("FIGURE", "figure"),
    ("MPCT", "motion_picture"),
    ("ADVS", "motion_picture"),
    ("SOUND", "song"),
    ("MUSIC", "musical_score"),
    ("PAMP", "pamphlet"),
    ("ENCYC", "entry-encyclopedia"),
    ("DICT", "entry-dictionary"),
    ("PCOMM", "personal_communication"),
    ("ICOMM", "personal_communication"),
    ("STAND", "standard"),
    ("CLSWK", "classic"),
    ("JFULL", "periodical"),
    ("SER", "periodical"),
    ("EDBOOK", "book"),
    ("EBOOK", "book"),
    ("ECHAP", "chapter"),
    ("EJOUR", "article-journal"),
    ("INPR", "article-journal"),
    ("ABST", "article-journal"),
    ("GOVDOC", "report"),
    ("DBASE", "dataset"),
    ("AGGR", "dataset"),
    ("WEB", "webpage"),
    ("GEN", "document"),
)
GENERIC_RIS_TYPE = "GEN"
DEFAULT_CSL_TYPE = "document"
RIS_TO_CSL: Dict[str, str] = {}
CSL_TO_RIS: Dict[str, str] = {}
for _ris, _csl in TYPES:
    RIS_TO_CSL.setdefault(_ris, _csl)
    CSL_TO_RIS.setdefault(_csl, _ris)
# CSL types RIS has no type for, written as the nearest RIS type (the writer still warns).
NEAREST_RIS: Dict[str, str] = {"article": "GEN", "review": "JOUR", "review-book": "JOUR",
                               "post": "ELEC", "speech": "CPAPER", "event": "GEN"}

SEASONS = dates.SEASONS  # RIS writes CSL seasons by name

# One tag line: two upper-case letters/digits, two spaces, a hyphen, a space (optional at the
# end of the line: many exporters write "ER  -").
TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*)|\s*)$")

def serial_variable(value: str, csl_type: str) -> str:
    """'ISSN' or 'ISBN' for an SN value: its label or length decides, else the reference type."""
    return issn_or_isbn(value) or ("ISBN" if csl_type in BOOK_TYPES else "ISSN")


def tags_for(csl_variable: str) -> List[str]:
    """The tags that write a CSL variable (for messages and tests)."""
    return [f.tag for f in FIELDS if f.csl == csl_variable]


__all__ = ["BOOK_TYPES", "BY_TAG", "CARRIED", "CSL_TO_RIS", "DEFAULT_CSL_TYPE", "FIELDS", "Field",
           "GENERIC_RIS_TYPE", "JOURNAL_EITHER", "Kind", "NEAREST_RIS", "RIS_TO_CSL", "SEASONS",
           "TAG_LINE", "TYPES", "serial_variable", "tags_for"]
