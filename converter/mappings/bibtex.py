"""BibTeX and BibLaTeX <-> CSL-JSON: the one table both the reader and the writers use.

Entry types: ``TYPES`` rows are (CSL type, BibTeX type, BibLaTeX type); reading looks a
.bib type up in both columns (first row wins), writing takes the row of the CSL type.
``READ_ONLY_TYPES`` adds .bib types that only occur on input.

Fields: each ``FieldMap`` ties one CSL variable to its BibTeX and BibLaTeX field names, with
a ``kind`` saying how the value is converted and, optionally, the CSL types it applies to (so
``number`` is the issue of an article but the number of a report, in both directions).
"""
from __future__ import annotations

import functools
from typing import Dict, NamedTuple, Optional, Tuple

from ..patterns import lazy
from ..vocabulary.languages import bcp47
from . import Carried

# (CSL type, BibTeX type, BibLaTeX type)
TYPES: Tuple[Tuple[str, str, str], ...] = (
    ("article-journal", "article", "article"),
    ("article-magazine", "article", "article"),
    ("article-newspaper", "article", "article"),
    ("article", "article", "article"),
    ("review", "article", "review"),
    ("book", "book", "book"),
    ("chapter", "incollection", "incollection"),
    ("paper-conference", "inproceedings", "inproceedings"),
    ("thesis", "phdthesis", "thesis"),
    ("report", "techreport", "report"),
    ("manuscript", "unpublished", "unpublished"),
    ("pamphlet", "booklet", "booklet"),
    ("webpage", "misc", "online"),
    ("post", "misc", "online"),
    ("post-weblog", "misc", "online"),
    ("dataset", "misc", "dataset"),
    ("software", "misc", "software"),
    ("patent", "misc", "patent"),
    ("periodical", "misc", "periodical"),
    # biblatex's @collection is an edited book; CSL's "collection" is an archival one, which
    # neither dialect has a type for.
    ("book", "book", "collection"),
    ("collection", "misc", "misc"),
    ("entry-encyclopedia", "incollection", "inreference"),
    ("entry-dictionary", "incollection", "inreference"),
    ("entry", "incollection", "inreference"),
    ("standard", "techreport", "standard"),
    ("legislation", "misc", "legislation"),
    ("legal_case", "misc", "jurisdiction"),
    ("document", "misc", "misc"),
)
# .bib types seen only when reading, and the CSL type they become.
READ_ONLY_TYPES: Dict[str, str] = {
    "conference": "paper-conference", "inbook": "chapter", "bookinbook": "chapter",
    "suppbook": "chapter", "mastersthesis": "thesis", "proceedings": "book",
    "mvbook": "book", "mvcollection": "book", "mvproceedings": "book", "reference": "book",
    "mvreference": "book", "manual": "report", "electronic": "webpage", "www": "webpage",
    "misc": "document", "suppperiodical": "article-journal", "suppcollection": "chapter",
    "set": "document", "image": "graphic", "audio": "song", "video": "motion_picture",
    "music": "song", "movie": "motion_picture", "letter": "personal_communication",
    "commentary": "document", "artwork": "graphic", "performance": "performance",
    "unpublished": "manuscript",
}
# BibLaTeX's `type` field for @thesis/@report distinguishes what classic BibTeX puts in the
# entry type; these are the standard localisation keys biblatex prints.
THESIS_TYPES = {"phdthesis": "phdthesis", "mastersthesis": "mathesis"}


class FieldMap(NamedTuple):  # not a dataclass: see converter/model.py
    """One CSL variable and the .bib fields that carry it.

    kind:  text      LaTeX-decoded text
           title     text whose capitals are brace-protected on writing
           names     an `and`-separated name list
           date      a CSL date (BibTeX: year/month; BibLaTeX: an ISO 8601 / EDTF date)
           pages     a page range ("578--593" <-> "578-593")
           verbatim  not LaTeX (URL, DOI, ...): written and read as is
           language  an ISO 639 code in CSL, a babel language name in .bib
           typekey   biblatex's localisation keys ('resreport', 'inpress', 'newseries', 'countryfr')
                     <-> what they print ('research report', 'in press', 'new series', 'France'):
                     LOCALISATION_KEYS, by CSL variable
           places    a biblatex list ("Durham and London") <-> CSL's "Durham; London"
    """

    csl: str
    bibtex: Optional[str]
    biblatex: Optional[str]
    kind: str = "text"
    aliases: Tuple[str, ...] = ()
    types: Optional[Tuple[str, ...]] = None  # CSL types this row is for; None: every type

    def applies_to(self, csl_type: str) -> bool:
        return self.types is None or csl_type in self.types

    def names(self) -> Tuple[str, ...]:
        """Every .bib field name this row reads."""
        own = tuple(n for n in (self.biblatex, self.bibtex) if n)
        return own + tuple(a for a in self.aliases if a not in own)


JOURNAL_TYPES = ("article-journal", "article-magazine", "article-newspaper", "article",
                 "review", "periodical")
PART_TYPES = ("chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary", "entry")
NUMBERED_TYPES = ("report", "standard", "patent", "legislation", "document",
                  "manuscript", "dataset", "software", "webpage")
# Types whose `number` is the number in a series (BibTeX and biblatex alike).
SERIES_TYPES = ("book", "chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary", "entry")

FIELDS: Tuple[FieldMap, ...] = (
    FieldMap("author", "author", "author", "names"),
    FieldMap("editor", "editor", "editor", "names"),
    FieldMap("translator", "translator", "translator", "names"),
    FieldMap("container-author", None, "bookauthor", "names"),
    FieldMap("title", "title", "title", "title"),
    FieldMap("title-short", "shorttitle", "shorttitle", "text"),
    FieldMap("container-title", "journal", "journaltitle", "text", ("journal",), JOURNAL_TYPES),
    FieldMap("container-title", "booktitle", "booktitle", "text", (), PART_TYPES),
    FieldMap("container-title-short", None, "shortjournal", "text", (), JOURNAL_TYPES),
    FieldMap("collection-title", "series", "series", "typekey"),
    FieldMap("event-title", None, "eventtitle", "title"),
    FieldMap("event-place", None, "venue", "text"),
    FieldMap("issued", "year", "date", "date"),
    FieldMap("original-date", None, "origdate", "date", ("origyear",)),
    FieldMap("event-date", None, "eventdate", "date"),
    FieldMap("accessed", "urldate", "urldate", "date"),
    FieldMap("volume", "volume", "volume", "text"),
    FieldMap("number-of-volumes", None, "volumes", "text"),
    FieldMap("issue", "number", "number", "text", ("issue",), JOURNAL_TYPES),
    FieldMap("number", "number", "number", "text", (), NUMBERED_TYPES),
    FieldMap("collection-number", "number", "number", "text", (), SERIES_TYPES),
    FieldMap("page", "pages", "pages", "pages"),
    FieldMap("number-of-pages", None, "pagetotal", "text"),
    FieldMap("edition", "edition", "edition", "text"),
    FieldMap("publisher", "school", "institution", "text", ("school",), ("thesis",)),
    FieldMap("publisher", "institution", "institution", "text", (), ("report", "standard")),
    FieldMap("publisher", "publisher", "publisher", "text", ("institution", "school", "organization")),
    FieldMap("original-publisher", None, "origpublisher", "text"),
    FieldMap("original-publisher-place", None, "origlocation", "places"),
    # a patent's location is where it holds (biblatex: 'countryde and countryfr'), CSL's jurisdiction
    FieldMap("jurisdiction", None, "location", "places", ("address", "location"), ("patent",)),
    FieldMap("publisher-place", "address", "location", "places", ("address", "location")),
    FieldMap("genre", "type", "type", "typekey"),
    FieldMap("DOI", "doi", "doi", "verbatim"),
    FieldMap("URL", "url", "url", "verbatim"),
    FieldMap("ISSN", "issn", "issn", "verbatim"),
    FieldMap("ISBN", "isbn", "isbn", "verbatim"),
    # Zotero's BibTeX export and most .bst-independent tools use these names; biblatex has no
    # field for them (its eprint/eprinttype holds one identifier only).
    FieldMap("PMID", "pmid", None, "verbatim", ("pmid",)),
    FieldMap("PMCID", "pmcid", None, "verbatim", ("pmcid",)),
    FieldMap("abstract", "abstract", "abstract", "text"),
    FieldMap("keyword", "keywords", "keywords", "text"),
    FieldMap("language", "language", "langid", "language", ("language", "hyphenation")),
    FieldMap("note", "note", "note", "text", ("addendum",)),
    FieldMap("annote", "annote", "annotation", "text", ("annote",)),
    FieldMap("version", None, "version", "text"),
    FieldMap("status", None, "pubstate", "typekey"),
    FieldMap("chapter-number", "chapter", "chapter", "text"),
)

# Which spelling wins when a record has several (else: the row's own field first). The language
# of the entry is biblatex's langid (hyphenation is its old name); `language` lists the
# languages of the work as printed ('langlatin and langgerman') and is BibTeX's field for it.
READ_ORDER: Dict[str, Tuple[str, ...]] = {"language": ("langid", "hyphenation", "language")}

# biblatex's eprint types whose identifier is part of a URL (the services' own record URLs).
EPRINT_URLS: Dict[str, str] = {"arxiv": "https://arxiv.org/abs/", "jstor": "https://www.jstor.org/stable/",
                               "googlebooks": "https://books.google.com?id="}

# biblatex literal lists ('Durham and London') among the "places" rows' fields.
LIST_FIELDS = frozenset({"location", "origlocation"})

# Fields read and written as they are (no LaTeX, so no '%' comments either).
VERBATIM_FIELDS = frozenset({n for row in FIELDS if row.kind == "verbatim" for n in row.names()}
                            | {"file", "eprint", "pdf", "verba", "verbb", "verbc", "urlraw"})

# biblatex's split titles, joined as pandoc joins them ("Title: Subtitle. Addon"), for reading:
# (main field, subtitle field, addon field).
TITLE_PARTS: Tuple[Tuple[str, str, str], ...] = (
    ("maintitle", "mainsubtitle", "maintitleaddon"),
    ("title", "subtitle", "titleaddon"),
    ("booktitle", "booksubtitle", "booktitleaddon"),
    ("journaltitle", "journalsubtitle", "journaltitleaddon"),
    ("eventtitle", "", "eventtitleaddon"),
    ("issuetitle", "issuesubtitle", "issuetitleaddon"),
)

# crossref inheritance (biblatex manual, appendix B): (parent types, child types, renames);
# a rename to None is not inherited. Fields not named are inherited as they are.
_MV = ("mvbook", "mvcollection", "mvproceedings", "mvreference")
_BOOKS = ("book", "collection", "proceedings", "reference", "bookinbook")
_PARTS = ("inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings",
          "inreference")
_NO_TITLE: Dict[str, Optional[str]] = {"shorttitle": None, "sorttitle": None, "indextitle": None,
                                       "indexsorttitle": None}
INHERITANCE: Tuple[Tuple[Tuple[str, ...], Tuple[str, ...], Dict[str, Optional[str]]], ...] = (
    (_MV, _BOOKS + _PARTS, {"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon",
                            **_NO_TITLE}),
    (_MV + ("book",), ("inbook", "bookinbook", "suppbook"), {"author": "bookauthor"}),
    (_BOOKS, _PARTS, {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon",
                      **_NO_TITLE}),
    (("periodical",), ("article", "suppperiodical"), {"title": "journaltitle", "subtitle": "journalsubtitle",
                                                       **_NO_TITLE}),
)
# Never inherited, whatever the types.
NOT_INHERITED = frozenset({"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label",
                           "options", "presort", "related", "relatedoptions", "relatedstring", "relatedtype",
                           "shorthand", "shorthandintro", "sortkey", "key"})


def inherited_name(parent_type: str, child_type: str, field: str) -> Optional[str]:
    """The name a parent's field takes in the child; None when it is not inherited."""
    if field in NOT_INHERITED:
        return None
    renames: Dict[str, Optional[str]] = {}
    for parents, children, table in INHERITANCE:
        if parent_type in parents and child_type in children:
            renames.update(table)
    return renames.get(field, field)


# biblatex's localisation keys (english.lbx) <-> what they print, by the CSL variable they fill:
# the `type` of a thesis/report/patent, `pubstate`, a journal's `series`, a patent's `location`.
TYPE_KEYS: Dict[str, str] = {
    "mathesis": "Master's thesis", "phdthesis": "PhD thesis", "candthesis": "Candidate thesis",
    "techreport": "technical report", "resreport": "research report", "software": "computer software",
    "datacd": "CD-ROM", "audiocd": "audio CD", "patent": "patent", "patentde": "German patent",
    "patenteu": "European patent", "patentfr": "French patent", "patentuk": "British patent",
    "patentus": "U.S. patent", "patreq": "patent request", "patreqde": "German patent request",
    "patreqeu": "European patent request", "patreqfr": "French patent request",
    "patrequk": "British patent request", "patrequs": "U.S. patent request",
}
LOCALISATION_KEYS: Dict[str, Dict[str, str]] = {
    "genre": TYPE_KEYS,
    "status": {"inpreparation": "in preparation", "submitted": "submitted", "forthcoming": "forthcoming",
               "inpress": "in press", "prepublished": "pre-published"},
    "collection-title": {"newseries": "new series", "oldseries": "old series"},
    "jurisdiction": {"countryde": "Germany", "countryeu": "European Union", "countryep": "European Union",
                     "countryfr": "France", "countryuk": "United Kingdom", "countryus": "USA"},
}
_ORDINAL_SERIES = lazy(r"(\d+)(?:st|nd|rd|th) series")


def _ordinal(number: int) -> str:
    teen = 10 <= number % 100 <= 20
    return f"{number}{'th' if teen else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def key_text(csl: str, value: str, csl_type: str = "") -> str:
    """A field value as biblatex prints it: a localisation key becomes its English string, and
    a journal's series number its ordinal ('3' -> '3rd series', biblatex's \\mkbibordseries)."""
    said = LOCALISATION_KEYS.get(csl, {}).get(value.strip().lower())
    if said is not None:
        return said
    if csl == "collection-title" and csl_type in JOURNAL_TYPES and value.strip().isdigit():
        return _ordinal(int(value)) + " series"
    return value


def key_for(csl: str, text: str, csl_type: str = "") -> Optional[str]:
    """The localisation key (or journal series number) whose string is exactly ``text``; None
    when none is (a differently cased 'PhD Thesis' is written as it is, and reads back the same)."""
    wanted = text.strip()
    found = next((key for key, said in LOCALISATION_KEYS.get(csl, {}).items() if said == wanted), None)
    ordinal = _ORDINAL_SERIES.fullmatch(wanted)
    if found is None and csl == "collection-title" and csl_type in JOURNAL_TYPES and ordinal:
        return ordinal.group(1) if key_text(csl, ordinal.group(1), csl_type) == wanted else None
    return found


def type_key_text(value: str) -> str:
    """A `type` value as biblatex prints it."""
    return key_text("genre", value)


# CSL variables that are the entry itself rather than a field: its key and type.
ENTRY_VARIABLES = frozenset({"id", "citation-key", "type"})
# custom keys that are not lost: written back (bibtex), selected on their own (--references),
# or implied by the format (.bib titles are Title Case).
CUSTOM_CARRIED = frozenset({"bibtex", "references", "title-case"})
# What each dialect has a place for: the rows with a field name in it, and the entry itself.
CARRIES: Dict[str, Carried] = {  # by writer
    dialect: Carried(frozenset(row.csl for row in FIELDS if getattr(row, dialect)) | ENTRY_VARIABLES,
                     custom=CUSTOM_CARRIED)
    for dialect in ("bibtex", "biblatex")
}

# Fields that are part of a date written with `year`/`date`, handled by the date code.
DATE_PARTS = {"month", "day", "endyear", "endmonth", "endday"}
# CSL types written as classic BibTeX's @misc whose URL also goes into `howpublished` (as
# \url{...}), where plain.bst and its kin print it; read back, it is the URL again.
WEB_TYPES = ("webpage", "post", "post-weblog", "dataset", "software")

# babel/polyglossia language names <-> ISO 639-1 codes (what CSL's `language` holds).
LANGUAGES: Dict[str, str] = {
    "en": "english", "ru": "russian", "de": "ngerman", "fr": "french", "es": "spanish",
    "it": "italian", "pt": "portuguese", "nl": "dutch", "pl": "polish", "cs": "czech",
    "sk": "slovak", "uk": "ukrainian", "be": "belarusian", "bg": "bulgarian", "sr": "serbian",
    "hr": "croatian", "sl": "slovenian", "fi": "finnish", "sv": "swedish", "no": "norsk",
    "nb": "norsk", "nn": "nynorsk", "da": "danish", "is": "icelandic", "et": "estonian",
    "lv": "latvian", "lt": "lithuanian", "hu": "magyar", "ro": "romanian", "el": "greek",
    "tr": "turkish", "ca": "catalan", "eu": "basque", "gl": "galician", "ga": "irish",
    "cy": "welsh", "he": "hebrew", "ar": "arabic", "fa": "farsi", "hi": "hindi",
    "ja": "japanese", "zh": "chinese", "ko": "korean", "kk": "kazakh", "la": "latin",
    "id": "bahasai", "ms": "malay", "vi": "vietnamese", "th": "thai", "af": "afrikaans",
}
# Other spellings met when reading.
# (English and native names such as 'russian', 'francais', 'русский' are in converter/vocabulary/languages.py.)
# A name that settles the region gives a full BCP 47 tag (pandoc reads them alike).
LANGUAGE_ALIASES: Dict[str, str] = {
    "american": "en-US", "british": "en-GB", "usenglish": "en-US", "ukenglish": "en-GB",
    "australian": "en-AU", "canadian": "en-CA", "newzealand": "en-NZ", "ngerman": "de-DE",
    "german": "de-DE", "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH",
    "nswissgerman": "de-CH", "brazil": "pt-BR", "brazilian": "pt-BR", "portuges": "pt-PT",
    "bahasa": "id", "canadien": "fr-CA", "acadian": "fr-CA", "swissfrench": "fr-CH",
}


def language_code(name: str) -> Optional[str]:
    """'english' / 'English' / 'en' / 'en-US' -> 'en'; None when unknown."""
    key = name.strip().lower()
    if key in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[key]
    if key in LANGUAGES:
        return key
    if "-" in key and key.split("-")[0] in LANGUAGES:
        return name.strip()
    for code, babel in LANGUAGES.items():
        if babel == key:
            return code
    return LANGUAGE_ALIASES.get(key) or bcp47(name)  # names, and ISO 639-2 codes ('eng', 'rus')


def language_name(code: str) -> Optional[str]:
    """'en' / 'en-US' -> 'english', 'en-GB' -> 'british'; None when the code has no babel name here."""
    tag = code.strip().replace("_", "-").lower()
    regional = next((name for name, t in LANGUAGE_ALIASES.items() if t.lower() == tag and "-" in t), None)
    if regional and tag != "de-de":  # 'de-DE' stays 'ngerman', LANGUAGES' name for German
        return regional
    return LANGUAGES.get(code.strip().lower().split("-")[0].split("_")[0])


def csl_type_for(bib_type: str) -> Optional[str]:
    """The CSL type of a .bib entry type (either dialect); None when unknown."""
    bib_type = bib_type.lower()
    for csl, bibtex, biblatex in TYPES:
        if bib_type in (bibtex, biblatex) and bib_type != "misc":
            return csl
    return READ_ONLY_TYPES.get(bib_type)


def bib_type_for(csl_type: str, dialect: str) -> Optional[str]:
    """The .bib entry type for a CSL type in ``dialect`` ("bibtex" or "biblatex")."""
    for csl, bibtex, biblatex in TYPES:
        if csl == csl_type:
            return bibtex if dialect == "bibtex" else biblatex
    return None


@functools.lru_cache(maxsize=None)  # FIELDS is a constant: each type's rows are worked out once
def fields_for(csl_type: str) -> Tuple[FieldMap, ...]:
    """The rows that apply to entries of ``csl_type``."""
    return tuple(f for f in FIELDS if f.applies_to(csl_type))


def read_map(csl_type: str) -> Dict[str, FieldMap]:
    """.bib field name (lower case) -> its row, for an entry of ``csl_type``."""
    table: Dict[str, FieldMap] = {}
    for row in fields_for(csl_type):
        for name in row.names():
            table.setdefault(name, row)
    return table
