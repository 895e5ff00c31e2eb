"""BibTeX and BibLaTeX in. bibtexparser 2 splits the file into blocks (and reports the
blocks it cannot parse, with their line); this module turns entries into CSL items:
it evaluates field values (bibtex_values.py), resolves ``crossref``, reads names
(bibtex_names.py) and dates, and maps fields to CSL through converter/mappings/bibtex.py.

A broken entry is reported with its line and skipped; the rest of the file still comes
through. Fields CSL has no variable for are kept, as written, under ``custom["bibtex"]`` so
that writing BibTeX again loses nothing.
"""
from __future__ import annotations

import functools
import gc
import logging
import re
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

import bibtexparser
from bibtexparser.middlewares.names import split_multiple_persons_names
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry, ParsingFailedBlock, Preamble

from ..errors import ParseError
from ..limits import check_nesting
from ..mappings import bibtex as mapping
from ..model import CSLItem, Diagnostics, Result
from ..options import Options
from ..patterns import lazy
from ..vocabulary.dates import month_number, parse_edtf
from ..vocabulary.latex import to_unicode, unescape_verbatim
from .biblatex_fields import eprint_identifiers, note_with_addendum
from .bibtex_names import name_list
from .bibtex_split import Again
from .bibtex_split import split as split_blocks
from .bibtex_values import ESCAPED_BACKSLASH, RawField, Values, decode

_FIELD_START = lazy(r"^\s*([A-Za-z][\w\-:.]*)\s*=", re.M)


COMMENT_LINE = re.compile(r"^[ \t]*%.*$", re.M)
# where bibtexparser starts a new block, giving up any still open: '@type{' or '@type(' first on its line
BLOCK_START_LINE = r"^\s*@\w*[ \t]*(?=[{(])"


def _parse(text: str) -> Any:
    """bibtexparser without its middlewares (we evaluate values ourselves), and quiet: its
    complaints become our diagnostics."""
    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        return bibtexparser.parse_string(text, parse_stack=[])
    finally:
        logger.setLevel(level)


class Library(NamedTuple):
    """What the reader needs of a split file, from either splitter."""

    entries: List[Any]  # bibtex_split.Entry or bibtexparser's Entry: the same attributes
    strings: List[Any]  # @string blocks in file order (key, value, start_line), each key's first
    set_aside: List[Any]  # in file order: Again (a key used before, a field given twice), or a
    preamble: bool        # block bibtexparser could not parse (its ParsingFailedBlock)
    rank: Dict[int, int]  # id() of each entry -> its place in the file, for entries on one line


_BACKSLASH_PAIR_BEFORE_MARK = lazy(r'\\\\(?=[{}"])')


def _split(text: str, first_line: int = 0) -> Library:
    """The blocks of a .bib text whose first line is ``first_line`` (0-based) of its file. Whole
    lines starting with '%' are comments to biber (and to the people who write them inside
    entries); they are blanked, keeping line numbers. A well-formed text is split by
    bibtex_split.py; any other by bibtexparser, whose account of what is broken and where
    becomes our diagnostics."""
    text = COMMENT_LINE.sub("", text)
    if "\\\\" in text and ESCAPED_BACKSLASH[0] not in text:
        # both splitters take a brace or quote after a backslash for escaped, even after '\\'
        # (TeX's line break: '{line\\}' is a closed value to BibTeX and biber); the pair stands
        # aside as two characters no .bib file holds, and Values.evaluate puts it back
        text = _BACKSLASH_PAIR_BEFORE_MARK.sub(ESCAPED_BACKSLASH, text)
    fast = split_blocks(text, first_line)
    if fast is not None:
        return Library(fast.entries, list(fast.strings), list(fast.again), fast.preambles > 0,
                       {id(entry): place for place, entry in enumerate(fast.order)})
    # bibtexparser counts lines from its text's start, and does not count a line break that
    # follows a backslash (it takes it for escaped): a space between them keeps the count and,
    # LaTeX's control space being the same either way, the value
    library = _parse("\n" * first_line + text.replace("\\\n", "\\ \n"))
    set_aside: List[Any] = []
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            kind = "entry" if isinstance(block.ignore_error_block, Entry) else "string"
            set_aside.append(Again(kind, block.ignore_error_block, block.previous_block.start_line or 0))
        elif isinstance(block, DuplicateFieldKeyBlock) and isinstance(block.ignore_error_block, Entry):
            set_aside.append(Again("fields", block.ignore_error_block, block.start_line or 0))
        else:
            set_aside.append(block)
    rank = {id(getattr(block, "ignore_error_block", None) or block): place
            for place, block in enumerate(library.blocks)}
    return Library(list(library.entries), list(library.strings), set_aside,
                   any(isinstance(b, Preamble) for b in library.blocks), rank)


def macro_table(strings: List[Any]) -> Dict[str, str]:
    """Macro name (lower case) -> raw value; of two spellings of one name, the later."""
    return {s.key.lower(): s.value for s in strings}


def in_file_order(library: Library, diags: Diagnostics, first_strings: Dict[str, int] | None = None,
                  first_entries: Dict[str, int] | None = None) -> List[Tuple[Any, str]]:
    """The entries in file order, each tagged "first" (its key's first use in this text),
    "again" (a key used before: kept under another key) or "fields" (a field given twice:
    reported field by field, its key not checked); repeated keys and @strings and the blocks
    that could not be parsed reported. Where the text is a piece of a file, ``first_strings``
    and ``first_entries`` give the 0-based line where each macro and key was first defined in
    the pieces before."""
    entries: List[Tuple[Any, str]] = [(e, "first") for e in library.entries]
    for block in library.set_aside:
        if isinstance(block, Again):
            line = (block.block.start_line or 0) + 1
            key = block.block.key
            if block.kind == "entry":
                first = (first_entries or {}).get(key, block.first_line)
                diags.warn(duplicate_key_message(key, first), line=line, record=key)
                entries.append((block.block, "again"))
            elif block.kind == "string":
                first = (first_strings or {}).get(key, block.first_line)
                diags.warn(string_again_message(key, first), line=line)
            else:
                entries.append((block.block, "fields"))
        elif isinstance(block, ParsingFailedBlock):
            message, line = _failed_block_message(block)
            diags.error(message, line=line)
    entries.sort(key=lambda pair: (pair[0].start_line or 0, library.rank.get(id(pair[0]), 0)))
    return entries


def duplicate_key_message(key: str, first_line: int) -> str:
    return (f"duplicate key {key!r} (first used at line {first_line + 1}); this entry is kept under the key "
            f"{key + '-2'!r}")


def string_again_message(key: str, first_line: int) -> str:
    return f"{key!r} is defined again (first at line {first_line + 1}); the first definition is used"


PREAMBLE = "@preamble not converted (LaTeX definitions have no place in CSL)"


class Ids:
    """Record ids from citation keys, each unique: a key used before becomes key-2, key-3, ...
    (only the keys are remembered, and per key the suffix last given, so many equal keys stay
    linear). An id is taken only once its entry could be read."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.last_suffix: Dict[str, int] = {}

    def propose(self, key: str, again: bool) -> Tuple[str, int]:
        wanted = key + ("-2" if again else "")
        n = self.last_suffix.get(key, 2)
        while wanted in self.taken:
            n += 1
            wanted = f"{key}-{n}"
        return wanted, n

    def take(self, key: str, given: str, n: int) -> None:
        self.taken.add(given)
        self.last_suffix[key] = n


def _failed_block_message(block: ParsingFailedBlock) -> Tuple[str, int]:
    """A message for a block bibtexparser could not parse, and the line to blame."""
    start = (block.start_line or 0) + 1
    raw = block.raw or ""
    key_match = re.match(r"\s*@\s*\w+\s*[{(]\s*([^,\s]*)", raw)
    key = key_match.group(1) if key_match else ""
    what = f"entry {key!r}" if key else "block"
    # Blame the field whose braces do not balance, when one line shows it.
    for offset, line in enumerate(raw.splitlines()):
        field = _FIELD_START.match(line)
        if field and line.count("{") != line.count("}") and offset > 0:
            rest = "\n".join(raw.splitlines()[offset + 1:offset + 2])
            if not _FIELD_START.match(rest) and not rest.strip().startswith("}"):
                continue
            return (f"{what} skipped: unbalanced braces in field {field.group(1)!r}", start + offset)
    reason = getattr(block.error, "abort_reason", "") or str(block.error) or "syntax error"
    reason = " ".join(reason.split())
    return f"{what} skipped: {reason}", start


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    # The records are trees of dicts and lists that make no reference cycles, yet the cyclic
    # garbage collector scans them again and again as they pile up: at 40k entries a quarter
    # of the time, growing with the file. It is paused while reading (and restored after).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(text, source=source, options=options)
    finally:
        if collecting:
            gc.enable()


def nesting_ok(text: str, *, source: str, options: Options | None = None, first_line: int = 0) -> None:
    """Refuse ``text`` (from ``first_line`` of its file on) if its braces nest too deep to evaluate."""
    try:
        check_nesting(text, options or Options(), source, opening="{(", closing="})", restart=BLOCK_START_LINE)
    except ParseError as exc:
        if first_line and exc.line is not None:
            exc.line += first_line
        raise


def blocks(text: str, *, source: str, options: Options | None, first_line: int = 0) -> Library:
    """The blocks of ``text`` (from ``first_line`` of its file on), once it is known that its
    braces do not nest too deep to evaluate."""
    nesting_ok(text, source=source, options=options, first_line=first_line)
    try:
        return _split(text, first_line)
    except Exception as exc:  # a bibtexparser bug must not reach the user as a traceback
        raise ParseError(f"BibTeX parser failed: {exc}", source=source) from None


def _read(text: str, *, source: str, options: Options | None) -> Result:
    diags = Diagnostics(source)
    library = blocks(text, source=source, options=options)

    values = Values(macro_table(library.strings), diags)
    entries = in_file_order(library, diags)
    if library.preamble:
        diags.warn(PREAMBLE)

    # Evaluate every entry's fields first: crossref needs its parent's values.
    evaluated: List[Tuple[Entry, str, Dict[str, RawField]]] = []
    ids = Ids()
    for entry, tag in entries:
        key, n = ids.propose(entry.key, tag == "again")
        fields = evaluate_entry(entry, key, values, diags)
        if fields is None:
            continue
        ids.take(entry.key, key, n)
        evaluated.append((entry, key, fields))

    by_key = {key.lower(): (entry.entry_type.lower(), dict(fields)) for entry, key, fields in evaluated}
    records: List[CSLItem] = []
    lines: Dict[str, int] = {}
    for entry, key, fields in evaluated:
        if entry.entry_type.lower() == "xdata":
            continue  # data for other entries only (biblatex's @xdata)
        resolve_crossref(entry.entry_type.lower(), key, fields, by_key, diags)
        records.append(to_csl(entry, key, fields, diags))
        lines[key] = (entry.start_line or 0) + 1
    if not records:
        raise nothing_read(diags, source)
    result = Result(records, list(diags))
    result.locate(source, lines)
    return result


_VALUE_COMMENT = lazy(r"(?<!\\)%[^\n]*")
_VERBATIM_ARGUMENT = lazy(r"(\\(?:url|href)\s*\{[^{}]*\})")


def nothing_read(diags: Diagnostics, source: str) -> ParseError:
    """The error for a file that gave no record: why, at the first place in the file (for a
    file of one broken entry this is the whole story; the streamed reading, whose diagnostics
    come in another order, names the same one)."""
    if not diags:
        return ParseError("no BibTeX entries found", source=source)
    first = min((d for d in diags if d.severity == "error"), key=lambda d: d.line or 0, default=None)
    why = f": {first.message}" if first is not None else ""
    return ParseError(f"no BibTeX entry could be read{why}", source=source,
                      line=first.line if first is not None else None,
                      field=first.field if first is not None else None, diagnostics=list(diags))


def uncomment(value: str) -> str:
    """A field value without its LaTeX comments ('2001 % checked' -> '2001'): an unescaped '%'
    comments out the rest of its line, for LaTeX and for biber alike."""
    if "%" not in value:
        return value
    # \url{...} and \href{...} read their argument verbatim: a '%' there is part of the URL
    pieces = _VERBATIM_ARGUMENT.split(value)
    return "".join(piece if _VERBATIM_ARGUMENT.fullmatch(piece) else _VALUE_COMMENT.sub("", piece)
                   for piece in pieces).strip()


def evaluate_entry(entry: Entry, key: str, values: Values,
                    diags: Diagnostics) -> Optional[Dict[str, RawField]]:
    """Field name (lower case) -> evaluated value; None (with an error) for a broken entry."""
    fields: Dict[str, RawField] = {}
    entry_line = (entry.start_line or 0) + 1
    for fld in entry.fields:
        line = (fld.start_line or entry.start_line or 0) + 1
        name = fld.key.lower()
        raw = str(fld.value)
        value, problem = values.evaluate(raw, line=line, field=name, record=key)
        if name not in mapping.VERBATIM_FIELDS:
            value = uncomment(value)
        if problem:
            # A missing comma makes the next field part of this value: blame that line.
            next_field = _FIELD_START.search(raw)
            if next_field:
                value_end = len(raw[:next_field.start()].rstrip())
                bad_line = line + raw.count("\n", 0, value_end)
                diags.error(f"entry {entry.key!r} skipped: missing comma after field {name!r}"
                            f" (before {next_field.group(1)!r})", line=bad_line, field=name,
                            record=entry.key)
            else:
                diags.error(f"entry {entry.key!r} skipped: cannot read field {name!r}: {problem}",
                            line=line, field=name, record=entry.key)
            return None
        if "\ufffd" in value:
            diags.warn("field holds bytes that are not valid in the file's encoding (shown as"
                       " U+FFFD)", line=line, field=name, record=key)
        if name in fields:
            diags.warn(f"field {name!r} appears twice; the first value is kept", line=line,
                       field=name, record=key)
            continue
        fields[name] = RawField(value, line)
    if not fields:
        diags.warn("entry has no fields", line=entry_line, record=key)
    return fields


def resolve_crossref(child_type: str, key: str, fields: Dict[str, RawField],
                      by_key: Dict[str, Tuple[str, Dict[str, RawField]]], diags: Diagnostics,
                      seen: Tuple[str, ...] = ()) -> None:
    """Fill ``fields`` from the entry's ``xdata`` and ``crossref`` parents, nested parents first
    (mvbook -> book -> inbook), renaming as biblatex does (mappings/bibtex.py INHERITANCE)."""
    for name in ("xdata", "crossref"):
        ref = fields.pop(name, None)
        if ref is None:
            continue
        targets = [t.strip() for t in ref.value.split(",") if t.strip()] if name == "xdata" else [ref.value.strip()]
        for target in targets:
            found = by_key.get(target.lower())
            if found is None:
                diags.warn(f"{name} {target!r} is not in the file", line=ref.line, field=name, record=key)
                continue
            if target.lower() in seen:
                diags.warn(f"{name} {target!r} refers back to itself; not followed", line=ref.line,
                           field=name, record=key)
                continue
            parent_type, parent = found
            # the parent's own parents first (a copy: the parent is also a record of its own)
            parent = dict(parent)
            resolve_crossref(parent_type, target, parent, by_key, diags, seen + (key.lower(),))
            for field, raw in parent.items():
                renamed = field if name == "xdata" else mapping.inherited_name(parent_type, child_type, field)
                if renamed and renamed not in fields:
                    fields[renamed] = raw
                if renamed == "bookauthor" and "author" not in fields:
                    fields["author"] = raw  # biblatex: a book's author is also its part's author


_EDTF_CHARACTERS = lazy(r"[\dXu.:/~?%TZ+-]*")


def _date(fields: Dict[str, RawField], row: mapping.FieldMap, key: str,
          diags: Diagnostics) -> Optional[Dict[str, Any]]:
    """A CSL date from BibLaTeX ``date``-style fields or BibTeX ``year``/``month``/``day``."""
    names = row.names()
    present = [fields[n] for n in names if n in fields]
    if row.csl == "issued" and "date" in fields:
        raw = fields["date"]
    elif row.csl == "issued" and "year" in fields:
        return _year_month(fields, key, diags)
    elif present:
        raw = present[0]
    else:
        return None
    text = raw.value.strip()
    if not _EDTF_CHARACTERS.fullmatch(text):  # '~' is EDTF's circa here, not LaTeX's tie
        text = to_unicode(text).strip()
    date = parse_edtf(text)
    if date is not None:
        return date
    diags.warn(f"date {text!r} is not ISO 8601; kept as a literal date", line=raw.line,
               field=names[0], record=key)
    return {"literal": text}


def _year_month(fields: Dict[str, RawField], key: str, diags: Diagnostics) -> Dict[str, Any]:
    year = fields["year"]
    text = to_unicode(year.value).strip()
    m = re.fullmatch(r"(\d{4})", text)
    if not m:
        found = re.fullmatch(r"(\d{4})[a-z]?", text)  # "2005a": a disambiguated year
        if not found:
            if text:
                return {"literal": text}
            return {"literal": ""}
        m = found
    date = [int(m.group(1))]
    month = fields.get("month")
    if month is not None:
        mtext = to_unicode(month.value).strip().lower()
        if not mtext:
            return {"date-parts": [date]}
        number = month_number(mtext)
        if number is None:
            diags.warn(f"month {month.value!r} is not a month; ignored", line=month.line,
                       field="month", record=key)
        else:
            date.append(number)
            day = fields.get("day")
            if day is not None and day.value.strip().isdigit():
                date.append(int(day.value.strip()))
    return {"date-parts": [date]}


def _pages(text: str) -> str:
    """'578--593' (decoded to '578–593') -> '578-593', the form CSL processors expect."""
    return re.sub(r"\s*[–—‐-]+\s*", "-", text)


def _convert(row: mapping.FieldMap, raw: RawField, *, name: str, key: str,
             diags: Diagnostics, csl_type: str = "") -> str:
    """The CSL value of a text-like field."""
    if row.kind == "verbatim":
        return unescape_verbatim(raw.value)
    if row.kind == "places" and name in mapping.LIST_FIELDS:  # a biblatex list: 'Durham and London'
        return "; ".join(mapping.key_text(row.csl, decode(place, line=raw.line, field=name, record=key, diags=diags))
                         for place in split_multiple_persons_names(raw.value))
    # titles keep their case-protecting braces and font commands as CSL rich text
    value = decode(raw.value, line=raw.line, field=name, record=key, diags=diags, rich=row.kind == "title")
    if row.kind == "pages":
        return _pages(value)
    if row.kind == "language":
        return mapping.language_code(value) or value
    if row.kind == "typekey":
        return mapping.key_text(row.csl, value, csl_type)
    return value


def _useprefix(fields: Dict[str, RawField]) -> bool | None:
    """biblatex's per-entry ``options = {useprefix=...}`` (the field itself is kept under
    custom.bibtex; the biblatex writer sets useprefix in it again as its names need)."""
    raw = fields.get("options")
    if raw is None:
        return None
    found = re.search(r"(?:^|,)\s*useprefix\s*(?:=\s*(true|false))?\s*(?:,|$)", raw.value, re.I)
    if not found:
        return None
    return (found.group(1) or "true").lower() == "true"


_URL_COMMAND = lazy(r"\s*\\url\s*\{(.*)\}\s*", re.S)


def _url_in_howpublished(fields: Dict[str, RawField], used: set[str]) -> None:
    """``howpublished = {\\url{...}}`` is the URL of a web page written for classic BibTeX: the
    URL when there is no ``url`` field, and nothing more when it repeats it."""
    raw = fields.get("howpublished")
    found = _URL_COMMAND.fullmatch(raw.value) if raw else None
    if raw is None or found is None:
        return
    url = fields.get("url")
    if url is None:
        fields["url"] = RawField(found.group(1), raw.line)
        used.add("howpublished")
    elif unescape_verbatim(url.value) == unescape_verbatim(found.group(1)):
        used.add("howpublished")


def _join_title_parts(fields: Dict[str, RawField], used: set[str]) -> None:
    """biblatex's subtitle and title addon join their title as pandoc joins them: 'Title:
    Subtitle. Addon' (CSL has one variable for the whole title)."""
    for main, sub, addon in mapping.TITLE_PARTS:
        parts = [fields.get(main), fields.get(sub) if sub else None, fields.get(addon)]
        if parts[0] is None or (parts[1] is None and parts[2] is None):
            continue
        text = parts[0].value
        if parts[1] is not None:
            text += ": " + parts[1].value
        if parts[2] is not None:
            text += ". " + parts[2].value
        fields[main] = RawField(text, parts[0].line)
        used.update(n for n in (sub, addon) if n)


def _main_title(item: CSLItem, raw: RawField, csl_type: str, key: str, diags: Diagnostics) -> None:
    """A multi-volume work's title: the volume's own title becomes CSL's volume-title (for a
    part: its book's title), the main title the title (for a part: the container's)."""
    main = decode(raw.value, line=raw.line, field="maintitle", record=key, diags=diags, rich=True)
    if not main:
        return
    own = "container-title" if csl_type in mapping.PART_TYPES else "title"
    if item.get(own):
        item["volume-title"] = item[own]
    item[own] = main


@functools.lru_cache(maxsize=None)
def _read_table(csl_type: str) -> Tuple[Dict[str, mapping.FieldMap], Dict[str, int]]:
    """The mapping table's rows for ``csl_type`` by .bib field name, and each name's place
    among its row's spellings; built once per type, not once per entry."""
    table = mapping.read_map(csl_type)
    order = {name: mapping.READ_ORDER.get(row.csl, row.names()) for name, row in table.items()}
    return table, {name: spellings.index(name) if name in spellings else 0 for name, spellings in order.items()}


def to_csl(entry: Entry, key: str, fields: Dict[str, RawField], diags: Diagnostics) -> CSLItem:
    bib_type = entry.entry_type.lower()
    entry_line = (entry.start_line or 0) + 1
    csl_type = mapping.csl_type_for(bib_type)
    if csl_type is None:
        diags.warn(f"unknown entry type @{entry.entry_type}; read as a CSL 'document'",
                   line=entry_line, record=key)
        csl_type = "document"
    item: CSLItem = {"id": key, "type": csl_type, "citation-key": key}
    used: set[str] = set(mapping.DATE_PARTS) | {"crossref"}
    table, order = _read_table(csl_type)
    useprefix = _useprefix(fields)
    _join_title_parts(fields, used)
    _url_in_howpublished(fields, used)
    eprint_identifiers(fields)
    note_with_addendum(fields, used)

    # a row's own field name before its other spellings
    for name in sorted(fields, key=lambda name: order.get(name, 0)):
        raw = fields[name]
        row = table.get(name)
        if row is None or name in used:
            continue
        if row.csl in item:
            # A second spelling (journal beside journaltitle): dropped when it says the same,
            # else kept under custom.bibtex below.
            if row.kind not in ("names", "date") and _convert(
                    row, raw, name=name, key=key, diags=Diagnostics(), csl_type=csl_type) == item[row.csl]:
                used.add(name)
            continue
        if row.kind == "date":
            date = _date(fields, row, key, diags)
            used.update(row.names())
            if date is not None:
                item[row.csl] = date
            continue
        used.add(name)
        if row.kind == "names":
            people = name_list(raw.value, line=raw.line, field=name, record=key, diags=diags,
                               useprefix=useprefix)
            if people:
                item[row.csl] = people
            continue
        value = _convert(row, raw, name=name, key=key, diags=diags, csl_type=csl_type)
        if value:
            item[row.csl] = value
    if bib_type in mapping.THESIS_TYPES and "genre" not in item:
        item["genre"] = mapping.type_key_text(mapping.THESIS_TYPES[bib_type])
    if "maintitle" in fields:
        _main_title(item, fields["maintitle"], csl_type, key, diags)
        used.add("maintitle")
    # Everything not mapped (or a second spelling of a field already read) is kept as is.
    extra = {name: raw.value for name, raw in fields.items() if name not in used}
    # .bib titles are stored in Title Case for .bst files to lower (model.py: "title-case").
    item["custom"] = {"title-case": True}
    if extra:
        item["custom"]["bibtex"] = extra
    return item
