"""Conversion record by record, for inputs too big to hold: the reader yields one record,
it is checked against the CSL-JSON data model, the writer writes it and the text goes out,
before the next record is read. Memory stays bounded whatever the input's size.

Formats declare whether they can (``stream_reader``/``stream_writer`` in converter/plugins/):
RIS, CSL-JSON (arrays and JSON Lines) and BibTeX in; CSL-JSON, RIS, BibTeX, BibLaTeX, APA and GOST out.
BibTeX in reads the file more than once (``@string`` macros and ``crossref`` parents can be
anywhere in it: readers/bibtex_stream.py), and so do BibTeX and BibLaTeX out (the citation keys
the records carry win over made-up keys wherever they are, so a first pass collects the keys,
all it holds). APA and GOST out are streamed too: a GOST list keeps its input order, each
entry rendered alone; an APA bibliography is sorted and disambiguated as a whole, so its items
wait in a spool file and only what the sort and disambiguation compare stays in memory
(rendering/bounded.py). The others need the whole list and are not streamed: other CSL
styles, JATS (one document).

With ``--jobs N`` (default: the machine's cores) the work per record is spread over forked
processes where the format allows: BibTeX and RIS in read their records in workers, each
checked there and, for CSL-JSON out, made into its text there (``prepare``;
readers/bibtex_stream.py, readers/ris_stream.py); BibTeX and BibLaTeX out write their entries
in workers (writers/bibtex.py). The output and the warnings, their places and order, are those
of one process.

The output is byte for byte what the whole-file path writes; warnings are printed as they
come, so a reader's and a writer's warnings interleave by record.
"""
from __future__ import annotations

import json
import os
from collections import deque
from typing import Any, Callable, Deque, Dict, Iterator, List, TextIO, Tuple

from . import registry
from .errors import InputError
from .forked import default_jobs
from .limits import check_input_size, clip_records, clip_room
from .model import CSLItem, Diagnostic, Diagnostics
from .options import Options
from .textio import UNCARRIABLE
from .validate import check_item


class _Cleaned:
    """A text file read as the whole-file path reads text: control characters and lone
    surrogates taken out (no format can carry them), the first five reported with their line."""

    def __init__(self, fh: TextIO, tell: Callable[[Diagnostic], None], path: str, *, clean: bool = False) -> None:
        self.fh, self.tell, self.path = fh, tell, path
        self.lines = 0
        self.reported = 0  # characters found (the first five reported)
        self.held: List[Diagnostic] | None = None  # reports kept back (``hold``)
        self.clean = clean  # known to hold nothing to take out (read to its end before): not looked at
        self.ended = False  # read to its end

    def _clean(self, chunk: str) -> str:
        if not chunk:
            self.ended = True
        if self.clean:
            return chunk
        if UNCARRIABLE.search(chunk):
            for m in UNCARRIABLE.finditer(chunk):
                if self.reported < 5:
                    d = Diagnostic(f"character U+{ord(m.group()):04X} (a control character or lone surrogate) "
                                   "removed: no output format can carry it", "warning", self.path,
                                   self.lines + chunk.count("\n", 0, m.start()) + 1)
                    self.tell(d) if self.held is None else self.held.append(d)
                self.reported += 1
            chunk = UNCARRIABLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", chunk)
        self.lines += chunk.count("\n")
        return chunk

    def read(self, size: int = -1) -> str:
        return self._clean(self.fh.read(size))

    def hold(self) -> None:
        """Keep the reports back until ``release``: for a reader that reads ahead of the records
        it gives out (RIS over processes), so that each is told where reading line by line tells
        it, before the record whose reading reaches its line."""
        self.held = []

    def release(self, upto: float) -> None:
        """Tell the reports kept back about lines up to ``upto`` (counted in line feeds, as here)."""
        held = self.held
        while held and (held[0].line or 0) <= upto:
            self.tell(held.pop(0))

    def rewind(self) -> None:
        """Back to the file's start, for a reader that reads it more than once (BibTeX); what
        was removed is reported once, and a file read to its end with nothing removed is not
        looked at again."""
        self.fh.seek(0)
        self.lines = 0
        self.tell = lambda d: None
        self.clean = self.clean or (self.ended and not self.reported)
        self.ended = False

    def __iter__(self) -> Iterator[str]:
        # lines are read in batches and looked at once per batch: most batches are clean and
        # given out as read; the lines of one that is not are cleaned one by one, as read
        while True:
            batch = self.fh.readlines(1 << 16)
            if not batch:
                self.ended = True
                return
            if self.clean:
                yield from batch
                continue
            joined = "".join(batch)
            if UNCARRIABLE.search(joined):
                for line in batch:
                    yield self._clean(line)
            else:
                self.lines += joined.count("\n")
                yield from batch

STREAM_ABOVE = 1024 * 1024  # bytes: smaller inputs are read whole, warnings in the usual order
_HEAD = 20000  # characters detection looks at


def _encoding(path: str, options: Options) -> str | None:
    """The text encoding to stream with: the one given, or UTF-8 when the file's start is
    UTF-8 (the whole-file path decides other encodings by looking at all of it)."""
    if options.encoding:
        return str(options.encoding)
    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not a character cut at the block's end
            return None
    return "utf-8-sig"


def streamable(path: str, from_: str, to: str, options: Options) -> Tuple[str, str] | None:
    """The reader and the encoding to stream ``path`` with, or None when it must be read whole
    (small, not streamable formats, options that need the whole list)."""
    if options.references != "article" or options.strict:
        return None
    writer = registry.get(to, "writer")
    if writer.stream_writer is None:
        return None
    try:
        if os.path.getsize(path) < (writer.stream_above or STREAM_ABOVE):
            return None
    except OSError:
        return None
    encoding = _encoding(path, options)
    if encoding is None:
        return None
    if from_ == "auto":
        with open(path, encoding=encoding, errors="replace", newline="") as fh:
            from_ = registry.detect(fh.read(_HEAD), path)
    if registry.get(from_, "reader").stream_reader is None:
        return None
    return from_, encoding


def _digest(item: CSLItem, text: str | None = None) -> bytes:
    """What tells exact repeats apart: a hash of the item's JSON with sorted keys (``text``,
    where the caller has it)."""
    import hashlib  # here: _hashlib (OpenSSL) costs start-up time of every command

    if text is None:
        text = json.dumps(item, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


# json.dumps with these options makes a new encoder for every record (a tenth of the first
# pass's encoding); one made once serves them all
_ENCODE = json.JSONEncoder(sort_keys=True, ensure_ascii=False, allow_nan=False).encode


def _json_text(item: CSLItem) -> str | None:
    """The item's compact JSON with sorted keys, made once for the size limits, the check and
    the repeat digest (each made its own); None for what plain JSON cannot hold (NaN, ...)."""
    try:
        return _ENCODE(item)
    except (TypeError, ValueError):
        return None


def _takes(function: Callable[..., Any], keyword: str) -> bool:
    import inspect

    return keyword in inspect.signature(function).parameters


# One record as the first pass needs it: the checked record (None where the writer's text of it
# is there: read back from that text if it must be renamed), its id, what the check found (None: not checked yet), its digest, whether the check
# or the limits changed it, the writer's text of it (where the writer has a stream_record).
Prepared = Tuple["CSLItem | None", str, "List[Diagnostic] | None", bytes, bool, "str | None"]


def _jobs_for(reader: Callable[..., Any], options: Options) -> Dict[str, int]:
    """``{"jobs": N}`` for a reader that can spread its work over processes (BibTeX: its last
    pass; RIS), N from --jobs or the machine's cores; nothing for the others."""
    if not _takes(reader, "jobs"):
        return {}
    jobs = options.jobs if options.jobs is not None else default_jobs()
    return {"jobs": jobs} if jobs > 1 else {}


def convert_file(path: str, from_: str, encoding: str, to: str, options: Options, out: TextIO,
                 emit: Callable[[Diagnostic], None]) -> int:
    """Stream ``path`` (format ``from_``) to ``out`` as ``to``; each diagnostic goes to ``emit``
    when it arises. Returns the number of errors (records skipped)."""
    check_input_size(os.path.getsize(path), options, path)  # the limits of the whole-file path hold here too
    reader = registry.get(from_, "reader").load("stream_reader")
    writer = registry.get(to, "writer").load("stream_writer")
    parallel = _jobs_for(reader, options)
    writer_format = registry.get(to, "writer")
    # a writer whose text of a record stands alone is given that text, made beside the check
    record_text = writer_format.load("stream_record") if writer_format.stream_record is not None else None
    preparing = _takes(reader, "prepare")
    errors = 0
    passes = 0
    current: Dict[str, Tuple[str, int]] = {}  # the record being written: its id -> where it was read
    # A writer that reads records ahead of the one it writes (over processes: BibTeX) declares
    # ``reads_ahead``; its pieces are one per record, so each piece takes its record's place in turn.
    ahead = bool(getattr(writer, "reads_ahead", False))
    queued: Deque[Tuple[str, Tuple[str, int]]] = deque()

    def tell(d: Diagnostic) -> None:
        nonlocal errors
        errors += d.severity == "error"
        emit(d)

    # What the first pass found out about each record, for a later pass (BibTeX's writing pass
    # after its keys pass): the readers read the same records again, so only those the first
    # pass changed, left out or renamed are looked at again; the rest are given out as read.
    plan: Dict[int, Tuple[bool, str | None] | None] = {}  # n -> (recheck, new id), None: leave out
    planned = False  # the first pass ran to its end
    clean = False  # a pass read the whole file and found nothing to take out

    room = clip_room(options)

    def checked_item(item: CSLItem, n: int, line: int) -> Tuple[CSLItem, List[Diagnostic], str | None]:
        text = _json_text(item)
        if text is not None and len(text) <= room:  # nothing to cut: clip_records would say so
            found_cuts: List[Diagnostic] = []
        else:
            found_cuts = clip_records([item], options, path, {str(item.get("id", "")): line},
                                      json_lengths=None if text is None else [len(text)])
        if found_cuts:
            text = None  # what was cut changed the item
        checked, found = check_item(item, n, text=text)
        return checked, found_cuts + found, text

    def checked_and_digest(item: CSLItem, n: int, line: int) -> Tuple[CSLItem, List[Diagnostic], bytes, bool]:
        """The checked record, what the check found, its digest, and whether the check or the
        limits changed it."""
        checked, found, text = checked_item(item, n, line)
        return checked, found, _digest(checked, text if checked is item else None), checked is not item or text is None

    def prepare(item: CSLItem, line: int) -> Prepared:
        """What the first pass needs of one record, made where the reader made it (a forked
        worker, with --jobs): see ``Prepared``. An item whose id is missing, or is neither text
        nor a number, needs its place in the file for the check: it is left to the pass."""
        ident = item.get("id")
        if ident is None or not isinstance(ident, (str, int)):
            return item, "", None, b"", False, None
        checked, found, digest, changed = checked_and_digest(item, 0, line)  # the place is used only for ids as above
        if record_text is None:
            return checked, str(checked["id"]), found, digest, changed, None
        # the writer needs the text only; the record itself only if it is renamed (rare), and then
        # it is read back from its text (JSON: the same record, and so the same text once renamed)
        return None, str(checked["id"]), found, digest, changed, record_text(checked)

    def records() -> Iterator[CSLItem | str]:
        nonlocal passes, planned, clean
        passes += 1
        queued.clear()  # a pass before (BibTeX's keys) wrote nothing
        first = passes == 1  # a second pass (BibTeX's keys) says nothing new
        replay = not first and planned
        diags = Diagnostics(path)
        seen: Dict[str, bytes] = {}  # id -> digest: exact repeats found without keeping the records
        # the first pass has each record prepared where it is read, by a reader that can, over
        # processes (in one process the pass does it: the same work, without pickling the record)
        handing = {"prepare": prepare} if first and preparing and parallel else {}
        try:
            with open(path, encoding=encoding, newline="") as fh:
                cleaned = _Cleaned(fh, tell if first else (lambda d: None), path, clean=clean)
                for n, (got, line) in enumerate(reader(cleaned, diags=diags, **parallel, **handing), 1):
                    if replay:
                        item = got
                        diags.clear()
                        if n in plan:
                            how = plan[n]
                            if how is None:
                                continue
                            recheck, renamed = how
                            checked = checked_item(item, n, line)[0] if recheck else item
                            if renamed is not None:
                                checked = dict(checked, id=renamed)
                        else:
                            checked = item
                        current.clear()
                        current[str(checked["id"])] = (path, line)
                        if ahead:
                            queued.append((str(checked["id"]), (path, line)))
                        yield checked
                        continue
                    found: List[Diagnostic] | None
                    if handing:
                        checked, key, found, digest, changed, text_out = got
                    else:
                        checked, found = got, None
                    if found is None:  # not prepared: done here
                        item = checked
                        checked, found, digest, changed = checked_and_digest(item, n, line)
                        key, text_out = str(checked["id"]), None
                    new_id: str | None = None
                    dropped = False
                    if key in seen:
                        if seen[key] == digest:
                            found.append(Diagnostic(f"item {n} repeats record {key!r} exactly; written once",
                                                    record=key))
                            dropped = True
                        else:
                            k = 2
                            while f"{key}-{k}" in seen:
                                k += 1
                            found.append(Diagnostic(f"item {n} reuses the id {key!r} of another record; "
                                                    f"renamed {key + '-' + str(k)!r}", field="id", record=key))
                            new_id = f"{key}-{k}"
                            if checked is None:
                                checked = json.loads(text_out or "")
                            checked = dict(checked, id=new_id)
                            key, text_out = new_id, None  # written from the renamed record
                    if first:
                        for d in [*diags, *found]:
                            tell(d if d.source else Diagnostic(d.message, d.severity, path, line, d.field, d.record))
                        if dropped:
                            plan[n] = None
                        elif changed or new_id is not None:
                            plan[n] = (changed, new_id)
                    diags.clear()
                    if dropped:
                        continue
                    seen[key] = digest
                    current.clear()
                    current[key] = (path, line)
                    if ahead:
                        queued.append((key, (path, line)))
                    yield checked if text_out is None else text_out
        except UnicodeDecodeError as exc:
            raise InputError(f"not {encoding} ({exc.reason}); give the encoding with --encoding", source=path) from None
        clean = clean or (cleaned.ended and not cleaned.reported)  # a later pass need not look again
        if first:
            planned = True
            for d in diags:
                tell(d)

    written = Diagnostics()
    for piece in writer(records, options=options, diags=written):
        out.write(piece)
        if ahead:  # the writer's pieces are one per record, and it may have read records since
            current.clear()
            if queued:
                ident, place = queued.popleft()
                current[ident] = place
        for d in written:  # the writer's warnings are about the record it just wrote
            source, line = current.get(d.record or "", (path, None))
            tell(Diagnostic(d.message, d.severity, source, d.line if d.line is not None else line, d.field, d.record))
        written.clear()
    return errors


__all__ = ["STREAM_ABOVE", "convert_file", "streamable"]
