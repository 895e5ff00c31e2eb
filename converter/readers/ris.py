"""RIS in (Zotero, EndNote, Scopus, PubMed, Ovid, Embase, ProQuest, Web of Science's RIS).

Reading happens in two steps: ``split_records`` cuts the text into records of (tag, value,
line) entries, coping with what real exports do (a BOM, CRLF, continuation lines, record
numbers between records, tags after ER, a missing ER); ``record_to_item`` turns one record
into a CSL item through the table in ``converter.mappings.ris``. Tags the table does not know
are kept under ``custom["ris"]``. A record that cannot be read is reported with its line
number and skipped; the others still come through.
"""
from __future__ import annotations

import functools
import html
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Set, Tuple

from ..errors import ParseError
from ..mappings import ris as table
from ..model import CSLItem, Diagnostics, Result
from ..options import Options
from ..vocabulary.dates import SEASONS
from ..vocabulary.identifiers import issn_or_isbn, looks_like_doi, strip_doi_prefix
from ..vocabulary.languages import bcp47
from ..vocabulary.names import split_inverted

# the row reading a tag in a record of a type: looked up once per (tag, type), not per line
_field_for = functools.lru_cache(maxsize=4096)(table.field_for)


def _ends_range_to(start: str, end: str) -> bool:
    """Whether SP already holds the range up to EP ('578-593' with EP '593'): a dash, spaces,
    then EP, at the end (where a regex '[-–—]\\s*EP$' would match, without compiling one per EP)."""
    for text in (start, start[:-1] if start.endswith("\n") else None):
        if text is not None and text.endswith(end) and text[:len(text) - len(end)].rstrip().endswith(("-", "\u2013", "\u2014")):
            return True
    return False

_TAG_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # TAG_LINE's [A-Z][A-Z0-9]
_TAG_SECOND = _TAG_FIRST | frozenset("0123456789")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LOOSE_TAG = re.compile(r"\s*[A-Z][A-Z0-9]\s*-")  # a tag line with the wrong spacing
_RECORD_NUMBER = re.compile(r"\s*\d+\.?\s*")          # Ovid numbers its records: "1."
_RIS_DATE = re.compile(r"(\d{4})(?:[/-](\d{0,2}))?(?:[/-](\d{0,2}))?(?:/(.*))?")
_NEWLINES = re.compile(r"\s*\n\s*")


@dataclass
class RawRecord:
    """One record as written: its entries in order, and where it starts."""

    start: int
    entries: List[List[Any]] = field(default_factory=list)  # [tag, value, line]
    closed: bool = False


def split_records(text: str, diags: Diagnostics) -> List[RawRecord]:
    """Cut RIS text into records. Diagnostics say where the file strays from the format."""
    return list(iter_records(io.StringIO(text.lstrip("\ufeff"), newline=""), diags))


def iter_records(raw_lines: Iterable[str], diags: Diagnostics, *, first_line: int = 0) -> Iterator[RawRecord]:
    """Records one at a time from lines as a text file gives them (``open(..., newline="")``),
    so a file of any size is read in bounded memory. ``first_line``: the lines before these
    (a piece of a file read on its own, converter/readers/ris_stream.py)."""
    current: Optional[RawRecord] = None
    previous: Optional[RawRecord] = None  # the last record closed by ER, while no TY follows
    ends_mid_line = False
    n = first_line
    blank_after_er = False
    tag_line = table.TAG_LINE.match
    complete = True  # the last line ended with a line break (and so is followed by an empty line)
    # each line without its break (CR LF, CR or LF), then "" after a last line that ends with
    # one: as many lines as splitting the whole text at its line breaks gives
    for raw in itertools.chain(raw_lines, (None,)):
        if raw is None:
            if not complete:
                ends_mid_line = True
                break
            line = ""
        else:
            line = raw.rstrip("\r\n")
            complete = len(line) < len(raw)
        n += 1
        if not line.strip():
            blank_after_er = previous is not None
        if line[2:6] == "  - " and line[0] in _TAG_FIRST and line[1] in _TAG_SECOND:
            tag, value = line[:2], line[6:].strip()  # what TAG_LINE reads from a well-formed line, sooner
        else:
            m = tag_line(line)
            tag, value = (m.group(1), (m.group(2) or "").strip()) if m else ("", "")
        if tag:
            if tag == "TY":
                if previous is not None:  # nothing more can join it now
                    yield previous
                if current is not None:
                    diags.warn(f"record has no ER; it ends where the next record begins (line {n})",
                               line=current.start, field="ER")
                    yield current
                current, previous = RawRecord(n, [["TY", value, n]]), None
            elif current is not None and tag == "ER":
                current.closed = True  # given out when the next record starts: Ovid writes tags after ER
                blank_after_er = False
                current, previous = None, current
            elif current is not None:
                current.entries.append([tag, value, n])
            elif tag == "ER":
                diags.warn("ER without a record to end; ignored", line=n, field="ER")
            elif previous is not None and blank_after_er:
                # A blank line, then tag lines: a record whose TY line is missing, not more of
                # the record before it.
                diags.warn(f"record has no TY line (it starts with {tag}); read as "
                            f"{table.DEFAULT_CSL_TYPE!r}", line=n, field="TY")
                yield previous
                current, previous = RawRecord(n, [[tag, value, n]]), None
            elif previous is not None:
                # Ovid writes NL (and similar) after ER: it belongs to the record just ended.
                diags.warn(f"tag {tag} after ER; kept with the record that ends before it",
                           line=n, field=tag)
                previous.entries.append([tag, value, n])
            else:
                diags.error(f"tag {tag} outside any record (no TY before it); ignored",
                            line=n, field=tag)
            continue
        if current is not None:
            # A line without a tag continues the value before it (long abstracts, Scopus N1).
            entry = current.entries[-1]
            entry[1] = f"{entry[1]}\n{line.strip()}"
        elif line.strip() and not _RECORD_NUMBER.fullmatch(line):
            shown = line.strip()[:60] + ("..." if len(line.strip()) > 60 else "")
            hint = (" (it looks like a tag line, but RIS wants the tag, two spaces, '-' and a space:"
                    " 'TY  - ')" if _LOOSE_TAG.match(line) else "")
            diags.warn(f"text outside any record ignored: {shown!r}{hint}", line=n)
    if previous is not None:
        yield previous
    if current is not None:
        # Many exports end without ER or without a final newline; Zotero reads them, so do we.
        if ends_mid_line and current.entries:
            last_tag = current.entries[-1][0]
            diags.warn(f"file ends inside this record without ER or a final newline, in {last_tag} "
                       f"(line {n}): its value may be cut short; record kept",
                       line=current.start, field=last_tag)
        else:
            diags.warn("record has no ER at the end of the file; kept", line=current.start,
                       field="ER")
        yield current


parse_name = split_inverted  # RIS writes names as exports do: 'Family, Given[, Suffix]'


def parse_date(value: str) -> Tuple[Dict[str, Any], Optional[str]]:
    """A RIS date ('YYYY', 'YYYY/MM/DD/other', 'YYYY-MM-DD') -> (CSL date, problem or None)."""
    m = _RIS_DATE.fullmatch(value.strip())
    if not m:
        return {"literal": value.strip()}, "not a YYYY/MM/DD date; kept as a literal date"
    parts = [int(m.group(1))]
    problem = None
    month, day = m.group(2), m.group(3)
    if month:
        if 1 <= int(month) <= 12:
            parts.append(int(month))
            if day:
                if 1 <= int(day) <= 31:
                    parts.append(int(day))
                else:
                    problem = f"day {day!r} is not a day; ignored"
        else:
            problem = f"month {month!r} is not a month; ignored"
    date: Dict[str, Any] = {"date-parts": [parts]}
    other = (m.group(4) or "").strip()
    if other:
        season = other.capitalize()
        if season == "Fall":
            season = "Autumn"
        if season in SEASONS:
            date["season"] = season
        else:
            problem = f"date part {other!r} is not a season; ignored"
    return date, problem


_HTML_NOTE = re.compile(r"</?(?:p|br|div|span|strong|em|b|i|ul|ol|li|h\d|a)\b[^>]*>", re.I)


def _note_text(value: str) -> str:
    """A Zotero HTML note as text: paragraphs and line breaks become new lines, other tags go,
    entities are decoded."""
    text = re.sub(r"(?i)<br\s*/?>|</p>\s*<p[^>]*>|</(?:div|li|h\d)>", "\n", value)
    text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(line.strip() for line in html.unescape(text).split("\n") if line.strip())


def _ascii_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
                  .decode().lower())


def _made_up_id(item: CSLItem, index: int) -> str:
    names = item.get("author") or item.get("editor") or []
    who = _ascii_slug(names[0].get("family") or names[0].get("literal", "")) if names else ""
    year = (item.get("issued") or {}).get("date-parts", [[""]])[0][0]
    return f"{who}{year}" if who and year else f"ris{index}"


_DATE_RANK = {"DA": 2, "Y1": 1}
_JOURNAL_EITHER = table.JOURNAL_EITHER
_ISBN_SHAPE = re.compile(r"(?:ISBN[\w-]*:?\s*)?[0-9][0-9\- ]{8,15}[0-9Xx]", re.I)  # not '1511.06434v2'



class _Builder:
    """Turns one RawRecord into a CSL item; single-valued fields keep their first value."""

    def __init__(self, raw: RawRecord, diags: Diagnostics) -> None:
        self.raw = raw
        self.diags = diags
        self.item: CSLItem = {}
        self.kept: Dict[str, List[str]] = {}  # custom["ris"]
        self.set_by: Dict[str, str] = {}      # CSL variable -> the tag that set it
        self.dates: Dict[str, List[Tuple[str, str, int]]] = {}
        self.pages: Dict[str, Tuple[str, int]] = {}
        self.keywords: List[str] = []
        self.journal_either: List[str] = []
        self.type_name = ""  # str(item["type"]), what a tag's row is looked up by

    def keep(self, tag: str, value: str) -> None:
        self.kept.setdefault(tag, []).append(value)

    def single(self, var: str, tag: str, value: str) -> None:
        if var not in self.item:
            self.item[var] = value
            self.set_by[var] = tag
        elif self.item[var] != value:
            self.keep(tag, value)  # a second, different value: kept, written back as it came

    def add(self, tag: str, value: str, line: int) -> None:
        spec = _field_for(tag, self.type_name)
        if spec is None or tag == _JOURNAL_EITHER:
            if tag == _JOURNAL_EITHER:
                self.journal_either.append(_NEWLINES.sub(" ", value))
            else:
                self.keep(tag, value)
            return
        kind, var = spec.kind, spec.csl
        if tag == "M3" and looks_like_doi(strip_doi_prefix(value)):
            kind, var = "doi", "DOI"  # older Zotero exports put the DOI in M3
        if tag == "N1" and _HTML_NOTE.search(value):
            value = _note_text(value)  # Zotero writes notes as HTML
        if kind != "lines" and "\n" in value:
            value = _NEWLINES.sub(" ", value)
        if kind == "text" or kind == "id":  # most tags: ``single``, without the call
            item = self.item
            if var not in item:
                item[var] = value
                self.set_by[var] = tag
            elif item[var] != value:
                self.keep(tag, value)
        elif kind == "type":
            self.set_type(value, line)
        elif kind == "names":
            self.item.setdefault(var, []).append(parse_name(value))
        elif kind == "keywords":
            self.keywords.append(value)
        elif kind in ("year", "date"):
            self.dates.setdefault(var, []).append((tag, value, line))
        elif kind in ("page-start", "page-end"):
            if tag not in self.pages:
                self.pages[tag] = (value, line)
            elif self.pages[tag][0] != value:
                # Written back it would pair with the other page tag: report it instead.
                self.diags.warn(f"a second {tag} ({value!r}) ignored; the first was "
                                f"{self.pages[tag][0]!r}", line=line, field=tag)
        elif kind == "serial":
            self.single(table.serial_variable(value, self.item.get("type", "")), tag, value)
        elif kind == "number":  # a report's or patent's SN: its number, unless it is an ISBN
            isbn = issn_or_isbn(value) == "ISBN" and _ISBN_SHAPE.fullmatch(value.strip())
            self.single("ISBN" if isbn else var, tag, value)
        elif kind == "doi":
            self.single(var, tag, strip_doi_prefix(value))
        elif kind == "language":
            code = bcp47(value)
            if code is None and value.strip():
                self.diags.warn(f"language {value.strip()!r} is not a language this reader knows; kept as "
                                "written (CSL wants a tag such as 'en')", line=line, field=tag)
            self.single(var, tag, code or value.strip())
        elif kind == "lines" and self.set_by.get(var) == tag and self.item[var] != value:
            self.item[var] = f"{self.item[var]}\n{value}"  # repeated N1/AB: one note, one line each
        else:
            self.single(var, tag, value)

    def set_type(self, value: str, line: int) -> None:
        ris_type = value.strip().upper()
        csl_type = table.RIS_TO_CSL.get(ris_type)
        if not ris_type:
            self.diags.warn(f"record has an empty TY; read as {table.DEFAULT_CSL_TYPE!r}",
                            line=line, field="TY")
            csl_type = table.DEFAULT_CSL_TYPE
        elif csl_type is None:
            self.diags.warn(f"unknown reference type {value!r}; read as {table.DEFAULT_CSL_TYPE!r}"
                            " and kept for writing back", line=line, field="TY")
            csl_type = table.DEFAULT_CSL_TYPE
        self.item["type"] = self.type_name = csl_type
        if ris_type and table.CSL_TO_RIS.get(csl_type) != ris_type:
            self.keep("TY", ris_type)  # EJOUR, CONF, ... come back as they were

    def finish_dates(self) -> None:
        for var, candidates in self.dates.items():
            parsed = []
            for tag, value, line in candidates:
                date, problem = parse_date(value)
                if problem:
                    self.diags.warn(f"date {value!r}: {problem}", line=line, field=tag)
                parsed.append((tag, value, date, line))
            # The most precise date wins (DA 2012/07/03 over PY 2012); a less precise one that
            # agrees with it adds nothing; one that disagrees is kept as written.
            # Equally precise: DA before Y1 before PY (Zotero takes PY only as a fallback).
            best = max(parsed, key=lambda p: (len(p[2].get("date-parts", [[]])[0]),
                                              "season" in p[2], _DATE_RANK.get(p[0], 0)))
            self.item[var] = best[2]
            best_parts = best[2].get("date-parts", [[]])[0]
            for tag, value, date, line in parsed:
                parts = date.get("date-parts", [[]])[0]
                if date is best[2] or (parts and best_parts[:len(parts)] == parts
                                       and date.get("season") in (None, best[2].get("season"))):
                    continue
                self.diags.warn(f"date {value!r} disagrees with {best[1]!r}; kept as written",
                                field=tag, line=line)
                self.keep(tag, value)

    def finish_pages(self) -> None:
        start = self.pages.get("SP", ("", 0))[0]
        end, end_line = self.pages.get("EP", ("", 0))
        if (start, end) == ("No", "Specified"):  # Ovid's placeholder for "no pages"
            self.diags.warn("pages 'No Specified' (an Ovid placeholder) ignored", line=end_line,
                            field="SP")
            return
        if start and end and not _ends_range_to(start, end):
            self.item["page"] = f"{start}-{end}"
        elif start:
            self.item["page"] = start
        elif end:
            self.diags.warn("EP without SP; read as the page", line=end_line, field="EP")
            self.item["page"] = end

    def finish_journal(self) -> None:
        for name in self.journal_either:
            if name in (self.item.get("container-title"), self.item.get("container-title-short")):
                continue
            if "container-title" not in self.item:
                self.item["container-title"] = name
            elif "container-title-short" not in self.item:
                self.item["container-title-short"] = name
            else:
                self.keep(table.JOURNAL_EITHER, name)

    def build(self) -> CSLItem:
        add = self.add
        for tag, value, line in self.raw.entries:
            value = value.strip()
            if value or tag == "TY":
                add(tag, value, line)
        self.item.setdefault("type", table.DEFAULT_CSL_TYPE)
        self.finish_dates()
        self.finish_pages()
        self.finish_journal()
        if self.item.get("type") == "paper-conference" and "container-title" not in self.item \
                and self.set_by.get("event-title") == "T2":
            # T2 without C3: the proceedings, as EndNote and most exporters mean it
            self.item["container-title"] = self.item.pop("event-title")
        if self.keywords:
            joined = table.join_keywords(self.keywords)
            if joined is None:
                self.diags.warn("keywords hold ',' and ';' so that one string cannot keep them apart; kept as KW "
                                "lines in custom.ris",
                                line=self.raw.start, field="KW")
                self.kept["KW"] = self.keywords
            else:
                self.item["keyword"] = joined
        if self.kept:
            self.item["custom"] = {"ris": self.kept}
        return self.item


def record_to_item(raw: RawRecord, diags: Diagnostics) -> CSLItem:
    """One RIS record as a CSL item (``id`` may be missing: the caller makes ids unique)."""
    return _Builder(raw, diags).build()


class Ids:
    """The ids given so far in a file (each unique) and the records counted (a made-up id
    'ris<N>' names the N-th); ``wanted`` and ``counted_on`` tell a piece read on its own whether
    the pieces before it would have changed its ids (converter/readers/ris_stream.py)."""

    def __init__(self, index: int = 0) -> None:
        self.seen: Set[str] = set()
        self.suffix: Dict[str, int] = {}  # the last suffix given to an id: many equal ids stay linear
        self.index = index  # records read before
        self.wanted: Set[str] = set()  # the ids asked for (before suffixes)
        self.counted_on = False  # an id was made from a record's number

    def give(self, item: CSLItem, diags: Diagnostics, line: int) -> str:
        """The record's unique id (``index`` counts the record first)."""
        own = item.get("id")
        if own:
            wanted = str(own)
        else:
            wanted = _made_up_id(item, self.index)
            self.counted_on = self.counted_on or wanted == f"ris{self.index}"
        self.wanted.add(wanted)
        k = self.suffix.get(wanted, 1)
        unique = wanted if k == 1 else f"{wanted}-{k}"
        while unique in self.seen:
            k += 1
            unique = f"{wanted}-{k}"
        self.suffix[wanted] = k
        if unique != wanted and "id" in item:
            diags.warn(f"ID {wanted!r} is used by an earlier record; this one becomes {unique!r}",
                       line=line, field="ID", record=unique)
        self.seen.add(unique)
        return unique


def iter_items(raws: Iterable[RawRecord], diags: Diagnostics, ids: Ids | None = None) -> Iterator[Tuple[CSLItem, int]]:
    """CSL items, each with the line its record starts at, one record at a time; ids are made
    unique (only the ids are remembered, in ``ids``)."""
    ids = Ids() if ids is None else ids
    for raw in raws:
        ids.index += 1
        item = record_to_item(raw, diags)
        if len(item) <= 1 and "custom" not in item:
            diags.error("record holds nothing but its type; skipped", line=raw.start)
            continue
        unique = ids.give(item, diags, raw.start)
        yield {"id": unique, **{k2: v for k2, v in item.items() if k2 != "id"}}, raw.start


def stream(lines: Iterable[str], *, diags: Diagnostics, jobs: int = 1,
           prepare: Callable[[CSLItem, int], Any] | None = None) -> Iterator[Tuple[Any, int]]:
    """Items one record at a time from a file's lines (converter/stream.py). With ``jobs`` above
    1 and a file to read (``lines.read``) the records are read over that many forked processes
    (ris_stream.py: same records, ids, diagnostics, order). ``prepare(item, line)``: given in place
    of each item, applied where the item is made (in a worker, with ``jobs``)."""
    if jobs > 1 and hasattr(lines, "read"):
        from ..forked import can_fork

        if can_fork():
            from . import ris_stream

            return ris_stream.stream(lines, diags, jobs, prepare)
    items = iter_items(iter_records(lines, diags), diags)
    if prepare is None:
        return items
    return ((prepare(item, line), line) for item, line in items)


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    diags = Diagnostics(source)
    raws = split_records(text, diags)
    if not raws:
        raise ParseError("no RIS records found (a record starts with a 'TY  - ' line)",
                         source=source, diagnostics=diags)
    records: List[CSLItem] = []
    lines: Dict[str, int] = {}
    for record, start in iter_items(raws, diags):
        lines[record["id"]] = start
        records.append(record)
    if not records:
        raise ParseError("no readable RIS records", source=source, diagnostics=diags)
    result = Result(records, list(diags))
    result.locate(source, lines)
    return result


__all__ = ["Ids", "RawRecord", "parse_date", "parse_name", "read", "record_to_item",
           "iter_items", "iter_records", "split_records", "stream"]
