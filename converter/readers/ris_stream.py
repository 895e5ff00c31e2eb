"""RIS in over forked processes (``--jobs N`` on one big file, converter/stream.py).

The parent cuts the text into pieces of whole records, cheaply: a piece ends before a 'TY'
line whose last tag line before it is an 'ER', where the reader (ris.iter_records) holds no
open record, so that each piece read on its own gives the records, diagnostics and lines of
reading the whole file. Each piece is read in a forked worker: its records split, built, and
handed to the caller's ``prepare`` (the data-model check and the writer's text), and the
pieces are taken back in file order.

What a piece cannot know is the ids the pieces before it gave (ids are made unique in the
file) and how many records they held (a record without author or year is named 'ris<N>' by
its number in the file): the worker reads from a fresh state with the number guessed, and a
piece whose ids meet the ids given before it, or whose guess was wrong where an id used it, is
read again here, after them. Characters the caller removed while reading (control characters,
``_Cleaned`` in converter/stream.py) are reported where one process reports them: just before
the record whose reading reached their line (told by line feeds: in a file whose lines end in a
carriage return alone, such a report may come a record earlier than in one process).
"""
from __future__ import annotations

import io
from collections import deque
from typing import Any, Callable, Iterator, List, Optional, Tuple

from ..mappings import ris as table
from ..model import CSLItem, Diagnostic, Diagnostics
from .ris import Ids, iter_items, iter_records

PIECE_CHARS = 1 << 18  # characters read at a time; a piece is what they hold up to the last cut
_LOOK_BACK = 1 << 16  # characters looked at before a 'TY' line for the 'ER' (and its record's 'TY') that make it a cut

# what converter/stream.py does with each item where it is made
Prepare = Callable[[CSLItem, int], Any]

# What the forked workers read with (set before the fork, inherited): the file's name and prepare.
_shared: Tuple[str, Optional[Prepare]] | None = None

# One record of a piece: the item (prepared), its start line, the diagnostics before it, and how
# far (in '\n' counted from the file's start) one process would have read when it gave it out
# (None: to the piece's end).
Entry = Tuple[Any, int, List[Diagnostic], Optional[int]]
Piece = Tuple[Ids, List[Entry], List[Diagnostic]]


class _Counted:
    """A piece's lines, counting the line feeds given out (where a reader has got to)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.feeds = 0
        self.done = False  # every line given out, and asked for more

    def __iter__(self) -> Iterator[str]:
        for line in io.StringIO(self.text, newline=""):
            self.feeds += line.endswith("\n")
            yield line
        self.done = True


def read_piece(text: str, first_line: int, feeds_before: int, ids: Ids, source: str,
               prepare: Optional[Prepare]) -> Piece:
    """One piece read on its own: ``first_line`` reader lines and ``feeds_before`` line feeds
    stand before it; ``ids`` holds the ids given before (fresh in a worker)."""
    diags = Diagnostics(source)
    counted = _Counted(text)
    raws = iter_records(counted, diags, first_line=first_line)
    out: List[Entry] = []
    for item, line in iter_items(raws, diags, ids):
        reached = None if counted.done else feeds_before + counted.feeds
        out.append((item if prepare is None else prepare(item, line), line, list(diags), reached))
        diags.clear()
    return ids, out, list(diags)


def _read_in_worker(text: str, first_line: int, feeds_before: int, guess: int) -> Piece:
    assert _shared is not None, "a worker forked without its task"
    source, prepare = _shared
    return read_piece(text, first_line, feeds_before, Ids(guess), source, prepare)


def _is_cut(text: str, at: int, look_back: int = _LOOK_BACK) -> bool:
    """Whether a piece may end at ``at``: a 'TY' tag line starts there, after a line break, and
    the reader holds no open record before it: the last 'ER' line (within _LOOK_BACK characters)
    ends the record a 'TY' line opened (not an ER ignored for having no record to end), and is
    followed by no tag line but those Ovid writes after ER (ris.iter_records keeps them with the
    record before; after a blank line a tag line would start a record without TY). Where unsure,
    no cut: the piece only grows."""
    end = at
    while end < len(text) and text[end] not in "\r\n":
        end += 1
    if end == len(text):
        return False  # the line may go on in what is not read yet
    m = table.TAG_LINE.match(text[at:end])  # its '^' holds at the string's start only
    if m is None or m.group(1) != "TY":
        return False
    start = max(0, at - look_back)
    before = text[start:at].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    before.pop()  # what follows the last line feed: nothing
    if start:
        before.pop(0)  # a line cut by the look-back
    after_er: List[str] = []
    for back, line in enumerate(reversed(before)):
        m = table.TAG_LINE.match(line)
        if m is not None and m.group(1) == "ER":
            break
        after_er.append(line)
    else:
        return False  # no ER seen
    # the ER must end a record: a TY line opened one before it with no ER between (an ER with no
    # record open is ignored by the reader and leaves a record opened after it open)
    for line in reversed(before[: len(before) - back - 1]):
        m = table.TAG_LINE.match(line)
        if m is not None and m.group(1) in ("TY", "ER"):
            if m.group(1) == "ER":
                return False
            break
    else:  # its record's TY line is not in sight: look further back (a record with a long abstract)
        return bool(start) and _is_cut(text, at, look_back * 4)
    blank = False
    for line in reversed(after_er):
        if not line.strip():
            blank = True
            continue
        m = table.TAG_LINE.match(line)
        if m is not None and (blank or m.group(1) == "TY"):
            return False  # a record was opened
    return True


def _last_cut(text: str, after: int) -> int:
    """The last place (above ``after``) where a piece may end, 0 for none."""
    end = len(text)
    while True:
        at = max(text.rfind("\nTY", after, end), text.rfind("\rTY", after, end))  # CR alone: old Mac files
        if at < 0:
            return 0
        if _is_cut(text, at + 1):
            return at + 1
        end = at


def pieces(read: Callable[[int], str]) -> Iterator[Tuple[str, int, int]]:
    """The text in pieces, each with the reader lines and line feeds before it."""
    carry = ""
    lines = feeds = 0
    while True:
        chunk = read(PIECE_CHARS)
        text = carry + chunk
        # a cut in the carry was looked for already, but for its last line, which may have been cut short
        last_break = max(text.rfind("\n", 0, len(carry)), text.rfind("\r", 0, len(carry)), 0)
        cut = _last_cut(text, last_break) if chunk else len(text)
        if cut:
            piece = text[:cut]
            yield piece, lines, feeds
            lf = piece.count("\n")
            lines += lf + piece.count("\r") - piece.count("\r\n")
            feeds += lf
        carry = text[cut:]
        if not chunk:
            return


def stream(lines: Any, diags: Diagnostics, jobs: int, prepare: Optional[Prepare]) -> Iterator[Tuple[Any, int]]:
    """Items (prepared, where ``prepare`` is given) with their lines, read over ``jobs`` forked
    workers from ``lines`` (a text file: its ``read``); the records, ids and diagnostics, in
    their order, are those of ris.stream in one process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _shared
    source = diags.source or "<input>"
    ids = Ids()
    hold = getattr(lines, "hold", None)  # converter/stream.py's removed-character reports, told in their place
    release: Callable[[float], None] = getattr(lines, "release", lambda upto: None)
    if hold is not None:
        hold()
    guess = 0
    _shared = (source, prepare)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    waiting: deque = deque()
    failed: UnicodeDecodeError | None = None

    def take(job: Tuple[str, int, int, int, Any], last: bool) -> Iterator[Tuple[Any, int]]:
        text, first_line, feeds_before, guessed, future = job
        piece_ids, entries, after = future.result()
        if (piece_ids.counted_on and guessed != ids.index) or not piece_ids.seen.isdisjoint(ids.seen) \
                or not piece_ids.wanted.isdisjoint(ids.seen):
            _, entries, after = read_piece(text, first_line, feeds_before, ids, source, prepare)
        else:
            ids.seen |= piece_ids.seen
            ids.suffix.update(piece_ids.suffix)
            ids.index += piece_ids.index - guessed
        at_end = float("inf") if last else feeds_before + text.count("\n") + 1  # the next piece's TY line
        for got, line, before, reached in entries:
            release(at_end if reached is None else reached)
            diags.extend(before)
            yield got, line
        diags.extend(after)
        if last:
            release(at_end)

    try:
        reading = pieces(lines.read)
        while True:
            try:
                piece = next(reading, None)
            except UnicodeDecodeError as exc:  # raised after the records read before it are given out
                failed, piece = exc, None
            if piece is None:
                break
            text, first_line, feeds_before = piece
            waiting.append((text, first_line, feeds_before, guess,
                            pool.submit(_read_in_worker, text, first_line, feeds_before, guess)))
            guess += text.count("\nTY") + text.count("\rTY") + text.startswith("TY")  # records, about
            if len(waiting) > jobs:  # every worker busy, and no more pieces than that in memory
                yield from take(waiting.popleft(), False)
        while waiting:
            job = waiting.popleft()
            yield from take(job, not waiting and failed is None)
        if failed is not None:
            raise failed
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _shared = None


__all__ = ["PIECE_CHARS", "pieces", "read_piece", "stream"]
