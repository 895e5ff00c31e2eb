"""BibTeX and BibLaTeX in, record by record (converter/stream.py), in bounded memory.

The whole-file reader (bibtex.py) needs all of a file because ``@string`` macros and
``crossref``/``xdata`` parents may stand anywhere in it. Here the file is read in pieces of
whole blocks (a piece ends before a line that starts with '@', where bibtexparser, too, ends a
block, and only where the block before it closes its braces, so that a broken block is read
with what follows it, as in the whole file), more than once:

1. every piece: the macros, and whether any entry has a parent;
2. only if one has: the keys that entries name as parents;
3. only then: those parents' fields (ids are given exactly as in the last pass);
4. every piece again: each entry converted and handed on.

With ``jobs`` above 1 (``--jobs``, by default the machine's cores) pass 4 runs in forked
workers, a piece each, and the pieces are taken back in file order; a piece that shares a key,
macro or id with the pieces before it is read again here, after them, so the records and the
diagnostics, in their order, are those of one process.

What is held is the macros, the citation keys (for unique ids) and the parents' fields, never
the records. The records, their order and ids are the whole-file reader's, and so are the
diagnostics, though in record order rather than problems-first.
"""
from __future__ import annotations

import re
import tempfile
from typing import Any, Callable, Dict, Iterable, Iterator, List, Set, Tuple

from ..forked import can_fork
from ..model import CSLItem, Diagnostics
from .bibtex import (
    COMMENT_LINE,
    PREAMBLE,
    Ids,
    blocks,
    duplicate_key_message,
    evaluate_entry,
    in_file_order,
    macro_table,
    nesting_ok,
    nothing_read,
    resolve_crossref,
    string_again_message,
    to_csl,
    uncomment,
)
from .bibtex_values import RawField, Values

_DELIMITER = re.compile(r'(?<!\\)[{}"]')
_PAREN_BLOCK = re.compile(r"@\w*[ \t]*\(")
# what bibtexparser's splitter takes for a block start ('@', a type, '{' or '('), which it
# honours only when nothing but white space stands before it on its line
_BLOCK_START = re.compile(r"@\w*[ \t]*[{(]")
# characters read at a time; a piece is what they hold up to the last block start (and a
# worker's share with --jobs: small enough that the workers finish together)
PIECE_CHARS = 1 << 18
_PARENT_FIELDS = ("crossref", "xdata")
_STRING_BLOCK = re.compile(r"@\s*string")


def _may_hold_macro_or_parent(text: str) -> bool:
    """Whether ``text`` may hold an ``@string`` or a ``crossref`` or ``xdata`` field: a piece
    without these words in any case has no macro and no parent, and pass 1 need not split it.
    The splitter and the reader tell these words by ``str.lower()``, so the text lowered is
    looked at (three times faster than one case-blind pattern)."""
    lowered = text.lower()
    return "crossref" in lowered or "xdata" in lowered or _STRING_BLOCK.search(lowered) is not None


class _Passes:
    """The input, readable again from its start: a file converter/stream.py opened (its
    ``rewind``), any other seekable file, or a spooled copy of other line iterables."""

    def __init__(self, lines: Iterable[str]) -> None:
        if hasattr(lines, "read") and (hasattr(lines, "rewind") or hasattr(lines, "seek")):
            self.lines: Any = lines
        else:
            spool = tempfile.SpooledTemporaryFile(max_size=1 << 22, mode="w+", encoding="utf-8", newline="")
            spool.writelines(lines)
            self.lines = spool
        self.started = False

    def split(self, source: str, only: Callable[[str], bool] | None = None,
              skipped: Callable[[str, int], None] | None = None) -> Iterator[Any]:
        """The blocks of each piece (bibtex.Library), lines counted in the whole file; with
        ``only``, of the pieces where it is found (``skipped`` is told of each other piece). The
        nesting limit is the default one: a stream reader is not given the options."""
        for text, first in self.pieces():
            if only is None or only(text):
                yield blocks(text, source=source, options=None, first_line=first)
            else:  # not read now, but refused now if it must be: errors come in file order, as read whole
                nesting_ok(text, source=source, first_line=first)
                if skipped is not None:
                    skipped(text, first)

    def pieces(self) -> Iterator[Tuple[str, int]]:
        """The text in pieces of whole blocks, each with the 0-based line it starts at."""
        if self.started:
            rewind = getattr(self.lines, "rewind", None)
            rewind() if rewind is not None else self.lines.seek(0)
        self.started = True
        carry, first = "", 0
        while True:
            chunk = self.lines.read(PIECE_CHARS)
            text = carry + chunk
            # the carry holds no block start but maybe its first line's: look at the new text only
            cut = _safe_cut(text, max(len(carry) - 1, 0)) if chunk else len(text)
            if cut:
                yield text[:cut], first
                first += text.count("\n", 0, cut)
            carry = text[cut:]
            if not chunk:
                return


def _safe_cut(text: str, after: int) -> int:
    """Where to end a piece: before the last block-start line, if the block before that line
    closes its braces. A block left open is read on into the next block, as in the whole file
    (bibtexparser's account of it names the block that interrupts it), so it is not cut there."""
    cut = _last_block_line(text, after)
    if not cut:
        return 0
    before = _last_block_line(text, 0, cut)
    return cut if _closed(COMMENT_LINE.sub("", text[before:cut])) else 0


def _closed(block: str) -> bool:
    """Whether a block closes all it opens: its braces, and a value in double quotes at the
    entry's own level (where a '"' delimits a value; inside braces it is a letter). A block
    opened with '(' ('@article(key, ...)', rare) is never taken as closed: no cut after it."""
    if _PAREN_BLOCK.search(block):
        return False
    depth, quoted = 0, False
    for m in _DELIMITER.finditer(block):
        mark = m.group()
        if mark == '"':
            quoted = not quoted if depth == 1 else quoted
        elif mark == "{":
            depth += 1
        elif depth:
            depth -= 1
    return depth == 0 and not quoted


def _last_block_line(text: str, after: int, end: int | None = None) -> int:
    """Where the last line that starts a block with an '@' between ``after`` and ``end`` begins
    (0: none, or only the first line)."""
    end = len(text) if end is None else end
    while True:
        at = text.rfind("@", after, end)
        if at <= 0:
            return 0
        line_start = text.rfind("\n", 0, at) + 1
        if (not text[line_start:at] or text[line_start:at].isspace()) and _BLOCK_START.match(text, at):
            return line_start
        end = at


def _read_macros(passes: _Passes, source: str,
                 plain: Callable[[str, int], None] | None = None) -> Tuple[Dict[str, str], bool]:
    """Pass 1: the macros as the whole-file reader has them, and whether any entry names a parent.
    ``plain`` is told of each piece, from the first on, until one may hold a macro or a parent."""
    strings: List[Any] = []
    seen: Set[str] = set()
    parents = False
    found = False  # a piece that may hold a macro or a parent

    def skipped(text: str, first: int) -> None:
        if plain is not None and not found:
            plain(text, first)

    for library in passes.split(source, only=_may_hold_macro_or_parent, skipped=skipped):
        found = True
        for string in library.strings:
            if string.key not in seen:  # a repeat: the first definition is used
                seen.add(string.key)
                strings.append(string)
        parents = parents or any(f.key.lower() in _PARENT_FIELDS
                                 for entry, _ in in_file_order(library, Diagnostics())
                                 for f in entry.fields)
    return macro_table(strings), parents


def _macros_and_parents(passes: _Passes, source: str, plain: Callable[[str, int], None] | None = None
                        ) -> Tuple[Dict[str, str], Dict[str, Tuple[str, Dict[str, RawField]]]]:
    """Passes 1 to 3: the macros, and the fields of the entries others name as parents."""
    macros, has_parents = _read_macros(passes, source, plain)
    parents: Dict[str, Tuple[str, Dict[str, RawField]]] = {}
    if has_parents:
        wanted = _parent_keys(passes, macros, source)
        for entry, key, fields in _evaluated(passes.split(source), macros, Diagnostics()):
            if key.lower() in wanted:
                parents[key.lower()] = (entry.entry_type.lower(), dict(fields))
    return macros, parents


def _parent_keys(passes: _Passes, macros: Dict[str, str], source: str) -> Set[str]:
    """Pass 2: the keys (lower case) that entries name in ``crossref`` or ``xdata``."""
    values = Values(macros, Diagnostics())
    wanted: Set[str] = set()
    for library in passes.split(source):
        for entry, _ in in_file_order(library, Diagnostics()):
            for f in entry.fields:
                name = f.key.lower()
                if name in _PARENT_FIELDS:
                    value, _ = values.evaluate(str(f.value), line=0, field=name, record=entry.key)
                    value = uncomment(value)  # as the record's own reading does ('{vol % note}' names 'vol')
                    targets = value.split(",") if name == "xdata" else [value]
                    wanted.update(t.strip().lower() for t in targets if t.strip())
    return wanted


class _State:
    """What reading one piece after another remembers: the ids given, where each key and macro
    was first defined, whether the @preamble was reported."""

    def __init__(self) -> None:
        self.ids = Ids()
        self.first_entry: Dict[str, int] = {}  # key -> 0-based line of its first entry
        self.first_string: Dict[str, int] = {}
        self.preamble = False

    def clashes(self, later: "_State") -> bool:
        """Whether ``later`` (a piece read on its own, from a fresh state) would have been read
        differently after the pieces this state has seen: a key, macro or id seen in both."""
        return bool(later.first_entry.keys() & self.first_entry.keys()
                    or later.first_string.keys() & self.first_string.keys()
                    or later.ids.taken & self.ids.taken)

    def absorb(self, later: "_State") -> None:
        self.ids.taken |= later.ids.taken
        self.ids.last_suffix.update(later.ids.last_suffix)
        self.first_entry.update(later.first_entry)
        self.first_string.update(later.first_string)
        self.preamble = self.preamble or later.preamble


def _evaluated(libraries: Iterable[Any], macros: Dict[str, str], diags: Diagnostics,
               state: _State | None = None) -> Iterator[Tuple[Any, str, Dict[str, RawField]]]:
    """Every readable entry, in file order, with its unique id and evaluated fields; what the
    whole-file reader reports about blocks, repeated keys and macros is reported here."""
    values = Values(macros, diags)
    state = state or _State()
    ids, first_entry, first_string = state.ids, state.first_entry, state.first_string
    for library in libraries:
        if library.preamble and not state.preamble:
            diags.warn(PREAMBLE)
            state.preamble = True
        for string in library.strings:  # a repeat within a piece is reported by in_file_order
            if string.key in first_string:
                diags.warn(string_again_message(string.key, first_string[string.key]), line=(string.start_line or 0) + 1)
            else:
                first_string[string.key] = string.start_line or 0
        for entry, tag in in_file_order(library, diags, first_string, first_entry):
            again = tag == "again"
            if tag == "first":
                if entry.key in first_entry:  # first in its piece, not in the file
                    again = True
                    diags.warn(duplicate_key_message(entry.key, first_entry[entry.key]),
                               line=(entry.start_line or 0) + 1, record=entry.key)
                else:
                    first_entry[entry.key] = entry.start_line or 0
            key, n = ids.propose(entry.key, again)
            fields = evaluate_entry(entry, key, values, diags)
            if fields is None:
                continue
            ids.take(entry.key, key, n)
            yield entry, key, fields


def _converted(entries: Iterator[Tuple[Any, str, Dict[str, RawField]]],
               parents: Dict[str, Tuple[str, Dict[str, RawField]]], diags: Diagnostics) -> Iterator[Tuple[CSLItem, int]]:
    for entry, key, fields in entries:
        if entry.entry_type.lower() == "xdata":
            continue  # data for other entries only (biblatex's @xdata)
        resolve_crossref(entry.entry_type.lower(), key, fields, parents, diags)
        yield to_csl(entry, key, fields, diags), (entry.start_line or 0) + 1


def _prepared(records: Iterator[Tuple[CSLItem, int]], prepare: Prepare | None) -> Iterator[Tuple[Any, int]]:
    if prepare is None:
        yield from records
    else:
        for item, line in records:
            yield prepare(item, line), line


# what stream's caller has done with each item where it is made (converter/stream.py)
Prepare = Callable[[CSLItem, int], Any]

# What a forked worker reads pieces with (set before the fork, inherited): the macros, the
# parents' fields, the file's name and what to do with each item.
_shared: Tuple[Dict[str, str], Dict[str, Tuple[str, Dict[str, RawField]]], str, Prepare | None] | None = None

Piece = Tuple[_State, List[Tuple[Any, int, List[Any]]], List[Any]]


def _read_piece(text: str, first: int) -> Piece:
    """One piece read on its own, from a fresh state: its records, each with the diagnostics that
    came before it, the diagnostics after its last record, and the state it leaves."""
    assert _shared is not None, "a worker forked without its macros"
    macros, parents, source, prepare = _shared
    state, diags = _State(), Diagnostics(source)
    out: List[Tuple[Any, int, List[Any]]] = []
    libraries = [blocks(text, source=source, options=None, first_line=first)]
    for item, line in _prepared(_converted(_evaluated(libraries, macros, diags, state), parents, diags), prepare):
        out.append((item, line, list(diags)))
        diags.clear()
    return state, out, list(diags)


def _in_parallel(passes: _Passes, diags: Diagnostics, jobs: int,
                 prepare: Prepare | None) -> Iterator[Tuple[Any, int]]:
    """Passes 1 to 3 here, then the last pass over forked workers, a piece each, the results
    taken in file order. A piece is read on its own, so where it shares a key, macro or id with
    the pieces before it (what it reports and the ids it gives would differ) it is read again
    here, after them: the records and diagnostics are those of reading the file in one process.

    Most files have no macro and no parent: while pass 1 has found no piece that may hold one,
    the workers already read its first pieces on that guess (the cores would wait for pass 1
    otherwise); the guess is checked when pass 1 ends, and where it was wrong those readings
    are dropped and the workers start again with the macros and parents found."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    global _shared
    source = diags.source or "<input>"
    state = _State()
    context = multiprocessing.get_context("fork")
    _shared = ({}, {}, source, prepare)  # the guess, inherited by the workers forked at the first submit
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    early: List[Tuple[str, int, Any]] = []

    def ahead(text: str, first: int) -> None:
        if len(early) < jobs:
            early.append((text, first, pool.submit(_read_piece, text, first)))

    try:
        macros, parents = _macros_and_parents(passes, source, ahead)
        if macros or parents:  # the guess was wrong
            pool.shutdown(wait=True, cancel_futures=True)
            early = []
            _shared = (macros, parents, source, prepare)
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        waiting: deque = deque()
        for n, (text, first) in enumerate(passes.pieces()):
            if n < len(early) and early[n][1] == first and early[n][0] == text:
                waiting.append(early[n])  # read ahead: the same piece (pass 1 cut the file alike)
            else:
                waiting.append((text, first, pool.submit(_read_piece, text, first)))
            if len(waiting) <= jobs:
                continue  # keep every worker busy, and no more pieces than that in memory
            yield from _take(waiting.popleft(), state, macros, parents, diags, prepare)
        early = []
        while waiting:
            yield from _take(waiting.popleft(), state, macros, parents, diags, prepare)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _shared = None


def _take(job: Tuple[str, int, Any], state: _State, macros: Dict[str, str],
          parents: Dict[str, Tuple[str, Dict[str, RawField]]], diags: Diagnostics,
          prepare: Prepare | None) -> Iterator[Tuple[Any, int]]:
    text, first, future = job
    piece_state, records, after = future.result()
    if state.clashes(piece_state):
        library = blocks(text, source=diags.source or "<input>", options=None, first_line=first)
        yield from _prepared(_converted(_evaluated([library], macros, diags, state), parents, diags), prepare)
        return
    preamble_reported = state.preamble
    state.absorb(piece_state)
    dropped = False
    for item, line, before in records:
        if preamble_reported and not dropped:  # the file's @preamble was reported in an earlier piece
            before, dropped = [d for d in before if d.message != PREAMBLE], True
        diags.extend(before)
        yield item, line
    diags.extend(d for d in after if not (preamble_reported and d.message == PREAMBLE))


def stream(lines: Iterable[str], *, diags: Diagnostics, jobs: int = 1,
           prepare: Prepare | None = None) -> Iterator[Tuple[Any, int]]:
    """CSL items, each with the line its entry starts at, one entry at a time; with ``jobs``
    above 1 the last pass runs over that many forked processes (same records, same order).
    ``prepare(item, line)``: given in place of each item, applied where the item is made (in
    a worker, with ``jobs``), so that the caller's work on it is spread too."""
    passes = _Passes(lines)
    source = diags.source or "<input>"
    if jobs > 1 and can_fork():
        records = _in_parallel(passes, diags, jobs, prepare)
    else:
        macros, parents = _macros_and_parents(passes, source)
        records = _prepared(_converted(_evaluated(passes.split(source), macros, diags), parents, diags), prepare)
    given = 0
    for record in records:
        given += 1
        yield record
    if not given:
        raise nothing_read(diags, source)


__all__ = ["PIECE_CHARS", "stream"]
