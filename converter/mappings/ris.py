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

import functools
from typing import Dict, List, Literal, NamedTuple, Optional, Tuple

from ..patterns import lazy
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
    "number",      # SN of a report or patent: its number (Zotero's reportNumber/patentNumber); an
                   # ISBN-shaped value is the ISBN, and an item's ISBN is written there too
]


class Field(NamedTuple):  # not a dataclass: see converter/model.py
    tag: str
    csl: str
    kind: Kind = "text"
    read_also: Tuple[str, ...] = ()
    types: Tuple[str, ...] | None = None  # CSL types this row is for; None: every type

    def applies_to(self, csl_type: str) -> bool:
        return self.types is None or csl_type in self.types


# Zotero's RIS.js decides a tag's meaning by item type; these are its conventions in CSL terms.
BOOKS = ("book",)
CONFERENCE = ("paper-conference",)
NUMBERED_BY_SN = ("report", "patent")
NUMBERED_BY_M1 = ("bill", "hearing", "legislation")

# Order = the order the writer emits tags in (TY first, the core bibliographic tags next, as
# Zotero writes them). ER is not a field: it ends each record. A row with ``types`` is for
# those CSL types only, and there it shadows the rows for every type with its tag or variable.
FIELDS: Tuple[Field, ...] = (
    Field("TY", "type", "type"),
    # For a book, Zotero reads A2 as the series editor and A3 as the editor.
    Field("A2", "collection-editor", "names", types=BOOKS),
    Field("A3", "editor", "names", ("ED",), types=BOOKS),
    # For a book, T2 (and T3) is the series.
    Field("T2", "collection-title", "text", ("T3",), types=BOOKS),
    # For a conference paper, Zotero writes the conference's name in T2, the proceedings in C3
    # and the place in C1; a T2 alone (EndNote and most others) is the proceedings.
    Field("T2", "event-title", "text", types=CONFERENCE),
    Field("C3", "container-title", "text", ("BT",), types=CONFERENCE),
    Field("C1", "event-place", "text", types=CONFERENCE),
    Field("SN", "number", "number", types=NUMBERED_BY_SN),
    Field("M1", "number", "text", types=NUMBERED_BY_M1),
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
    Field("DP", "source", "text"),       # Zotero's libraryCatalog
    Field("DB", "archive", "text"),      # Zotero's archive
    Field("AN", "archive_location", "text"),
    Field("N1", "note", "lines"),
    Field("ID", "id", "id"),
)

# JO is "journal name" in some exporters (Embase, Ovid: the full name) and "abbreviation" in
# others; the reader uses it as the container title only when nothing better is present.
JOURNAL_EITHER = "JO"

# SN holds an ISBN for these types, an ISSN otherwise (when its shape does not decide).
BOOK_TYPES = frozenset({"book", "chapter", "classic", "collection", "entry", "entry-dictionary",
                        "entry-encyclopedia", "paper-conference", "report", "thesis", "pamphlet"})

BY_TAG: Dict[str, Field] = {}  # the rows for every type
for _field in FIELDS:
    if _field.types is None:
        for _tag in (_field.tag, *_field.read_also):
            BY_TAG.setdefault(_tag, _field)


@functools.lru_cache(maxsize=None)  # FIELDS is a constant: each type's rows are worked out once
def fields_for(csl_type: str) -> Tuple[Field, ...]:
    """The rows an item of ``csl_type`` is written with, in order: its type's own rows, and
    the rows for every type whose tag and variable those do not take."""
    own = [f for f in FIELDS if f.types is not None and csl_type in f.types]
    taken = {f.tag for f in own} | {f.csl for f in own}
    return tuple(f for f in FIELDS if (f.types is not None and csl_type in f.types)
                 or (f.types is None and f.tag not in taken and f.csl not in taken))


def field_for(tag: str, csl_type: str) -> Field | None:
    """The row that reads ``tag`` in a record of ``csl_type``."""
    for f in FIELDS:
        if f.types is not None and csl_type in f.types and tag in (f.tag, *f.read_also):
            return f
    return BY_TAG.get(tag)


def carried_for(csl_type: str) -> Carried:
    """What RIS has a place for in an item of ``csl_type``: its rows' variables, ISBN (SN, told
    apart from ISSN by shape), and the tags the reader kept under custom.ris."""
    return Carried(frozenset(f.csl for f in fields_for(csl_type)) | {"ISBN"}, custom=frozenset({"ris"}))


# Any type's: what the format has a place for at all.
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
    ("VIDEO", "motion_picture"),
    ("SLIDE", "speech"),
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
# Zotero also reads one space before the hyphen ("TY - JOUR"), as some exporters write it.
TAG_LINE = lazy(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$")

def serial_variable(value: str, csl_type: str) -> str:
    """'ISSN' or 'ISBN' for an SN value: its label or length decides, else the reference type."""
    return issn_or_isbn(value) or ("ISBN" if csl_type in BOOK_TYPES else "ISSN")


def tags_for(csl_variable: str) -> List[str]:
    """The tags that write a CSL variable (for messages and tests)."""
    return [f.tag for f in FIELDS if f.csl == csl_variable]


def split_keywords(text: str) -> List[str]:
    """CSL's one keyword string as RIS's KW lines: '; ' parts the terms when the string holds
    both ';' and ',', else ','; a string of separators only is one term, not none."""
    terms = [t.strip() for t in text.split(";" if ";" in text and "," in text else ",")]
    return [t for t in terms if t] or [text.strip()]


def join_keywords(keywords: List[str]) -> Optional[str]:
    """KW lines as CSL's one keyword string, or None when no joining splits back into the same
    terms (split_keywords), e.g. terms holding both ',' and ';'."""
    terms = [k.strip() for k in keywords if k.strip()]
    for sep in (", ", "; "):
        if not any(sep.strip() in t for t in terms):
            joined = sep.join(terms)
            if split_keywords(joined) == terms:
                return joined
    return None


__all__ = ["BOOK_TYPES", "BY_TAG", "CARRIED", "CSL_TO_RIS", "DEFAULT_CSL_TYPE", "FIELDS", "Field",
           "GENERIC_RIS_TYPE", "JOURNAL_EITHER", "Kind", "NEAREST_RIS", "RIS_TO_CSL", "SEASONS",
           "TAG_LINE", "TYPES", "carried_for", "field_for", "fields_for", "join_keywords", "serial_variable",
           "split_keywords", "tags_for"]
