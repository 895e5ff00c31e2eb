"""Bounds on what one input may cost: its size, how deeply it nests, how long a number, a
field or a name list may be. The limits are options (declared in options.GENERAL) so a user
with an unusual file can raise them; the defaults are far beyond real records:

- max_input_bytes 50 MB: the largest real .bib/.ris libraries met are a few tens of MB;
- max_depth 100: CSL-JSON and Crossref records nest about 6 deep, BibTeX braces 3-4;
  deeper input only exists to exhaust Python's recursion limit;
- max_number_length 50 digits: no volume, page or year has more; Python refuses to turn more
  than 4,300 digits into an int anyway, with an error that names no place;
- max_names 10,000: the longest real author lists (high-energy physics) have about 5,200;
- max_field_length 100,000 characters: about 25 pages of text, far above any abstract.

Everything here runs in time linear in the input and raises ParseError/InputError with a place.
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Iterator, List, Tuple

from .errors import InputError, ParseError
from .model import CSLItem, Diagnostic
from .options import Options


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def check_input_size(size: int, options: Options, source: str) -> None:
    limit = options.max_input_bytes
    if size > limit:
        raise InputError(f"input is {size:,} bytes, more than max_input_bytes={limit:,} "
                         "(raise it with --max-input-bytes if the file is genuine)", source=source)


def check_nesting(text: str, options: Options, source: str, *, opening: str, closing: str,
                  quoted: bool = False, restart: str | None = None) -> None:
    """Refuse text whose brackets nest deeper than max_depth. With ``quoted`` (JSON), brackets
    inside double-quoted strings do not count; where ``restart`` matches (BibTeX: a line that
    starts a block, where the parser gives up what is still open), counting starts again."""
    limit = options.max_depth
    if restart and not quoted:
        # depth starts again at each restart, so a stretch between two that opens no more
        # brackets than the limit cannot pass it: counted in C, most stretches need no visit
        starts = [m.start() for m in re.finditer(f"(?m:{restart})", text)]
        for begin, end in zip([0, *starts], [*starts, len(text)]):
            if sum(text.count(char, begin, end) for char in opening) > limit:
                _check_depth(text, options, source, opening, closing, begin, end)
        return
    _check_depth(text, options, source, opening, closing, 0, len(text), quoted=quoted, restart=restart)


def _check_depth(text: str, options: Options, source: str, opening: str, closing: str, begin: int, end: int,
                 quoted: bool = False, restart: str | None = None) -> None:
    limit = options.max_depth
    depth = 0
    # only the brackets (and, with ``quoted``, whole strings, skipped) are visited: the text
    # between them is passed over in C
    brackets = "[" + re.escape(opening + closing) + "]"
    token = re.compile((rf"(?m:(?P<restart>{restart}))|" if restart else "")
                       + (r'"[^"\\]*(?:\\[\s\S][^"\\]*)*"?|' + brackets if quoted else brackets))
    for m in token.finditer(text, begin, end):
        char = m.group()
        if m.lastgroup == "restart":
            depth = 0
        elif char in opening:
            depth += 1
            if depth > limit:
                raise ParseError(f"nested more than max_depth={limit} levels deep", source=source,
                                 line=_line(text, m.start()))
        elif char in closing and depth:
            depth -= 1


class _NumberTooLong(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def json_decoder(options: Options) -> json.JSONDecoder:
    """A JSON decoder that refuses over-long numbers and the non-standard Infinity/NaN."""
    limit = options.max_number_length

    def number(kind: type) -> Any:
        def parse(digits: str) -> Any:
            if len(digits) > limit:
                raise _NumberTooLong(digits)
            return kind(digits)
        return parse

    def constant(name: str) -> Any:
        raise _NumberTooLong(name)

    return json.JSONDecoder(parse_int=number(int), parse_float=number(float),
                            parse_constant=constant)


def nested_deeper(value: Any, limit: int) -> bool:
    """Whether a decoded JSON value holds arrays and objects more than ``limit`` deep (one
    level of containers at a time, so as deep a value costs no recursion)."""
    level = [value] if isinstance(value, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        inner = []
        for container in level:
            for v in (container.values() if type(container) is dict else container):
                if type(v) is dict or type(v) is list:
                    inner.append(v)
        level = inner
    return False


def decode_json(text: str, decoder: json.JSONDecoder, options: Options, source: str) -> Any:
    """``decoder.decode(text)`` told to refuse what ``check_nesting`` (quoted JSON) refuses,
    with the same error, before any other: the text is decoded first (in C) and its brackets
    scanned only when the value turns out too deep or does not decode (the scan of every
    string cost three times the decoding). A decoding error is the caller's to handle."""
    try:
        value = decoder.decode(text)
    except (ValueError, RecursionError):
        check_nesting(text, options, source, opening="[{", closing="]}", quoted=True)
        raise
    # a value that decodes whole nests as deep as the brackets of its text
    if nested_deeper(value, options.max_depth):
        check_nesting(text, options, source, opening="[{", closing="]}", quoted=True)
    return value


def loads_json(text: str, options: Options, source: str) -> Any:
    """json.loads within the limits; ParseError with the line for what it refuses. A syntax
    error is left to the caller (json.JSONDecodeError), which may recover items before it."""
    try:
        return decode_json(text, json_decoder(options), options, source)
    except _NumberTooLong as exc:
        raise number_error(text, exc, options, source) from None


def number_error(text: str, exc: ValueError, options: Options, source: str) -> ParseError:
    digits = getattr(exc, "digits", "")
    pos = text.find(digits) if digits else -1
    line = _line(text, pos) if pos >= 0 else None
    if digits in ("Infinity", "-Infinity", "NaN"):
        return ParseError(f"{digits} is not a JSON number", source=source, line=line)
    return ParseError(f"a number of {len(digits):,} digits, more than max_number_length="
                      f"{options.max_number_length}", source=source, line=line)


def clip_room(options: Options) -> int:
    """The length of compact JSON under which a record cannot break max_field_length nor
    max_names (a list of N entries takes at least 2N characters): such a record is told in C,
    without walking it."""
    return min(options.max_field_length, 2 * options.max_names)


def clip_records(records: List[CSLItem], options: Options, source: str,
                 lines: Dict[str, int | None], *, json_lengths: List[int] | None = None) -> List[Diagnostic]:
    """Cut what is over max_field_length / max_names in records a reader produced, each cut
    reported at its record's line (a record is changed only where a cut is reported).
    ``json_lengths``: the length of each record's compact JSON, where the caller has it."""
    diags: List[Diagnostic] = []
    room = clip_room(options)
    short = set() if json_lengths is not None else _short_runs(records, room)
    for i, record in enumerate(records):
        if json_lengths is not None:
            if json_lengths[i] <= room:
                continue
        elif i in short:
            continue
        else:
            try:
                if len(json.dumps(record, ensure_ascii=False)) <= room:
                    continue
            except (TypeError, ValueError):
                pass
        key = str(record.get("id", "")) or None
        line = lines.get(key or "")

        def report(message: str, field: str) -> None:
            diags.append(Diagnostic(message, "warning", source, line, field, key))

        _clip(record, "", options, report)
    return diags


def json_runs(records: List[Any], room: int, **dumps: Any) -> Iterator[Tuple[int, int, str | None]]:
    """The records in runs, each with the JSON of the run as a list (``json.dumps(records[start:stop],
    ensure_ascii=False, **dumps)``, None where it fails), runs sized to come out under ``room``
    characters where the records allow: a record's own JSON is part of its run's, so a short run
    tells in one call that each of its records is short (one call a record cost more than the
    encoding)."""
    start, size = 0, 32
    while start < len(records):
        stop = min(start + size, len(records))
        try:  # a record that holds itself fails here, as deep as the recursion goes, and alone later
            text: str | None = json.dumps(records[start:stop], ensure_ascii=False, check_circular=False, **dumps)
        except (TypeError, ValueError, RecursionError):
            text = None
        yield start, stop, text
        if text is not None:  # the next run about half the room, judged by this one's records
            size = max(1, min(256, room * (stop - start) // (2 * len(text) + 1)))
        start = stop


def _short_runs(records: List[Any], room: int) -> set:
    """The indexes of records whose compact JSON is surely within ``room`` characters."""
    short: set = set()
    for start, stop, text in json_runs(records, room):
        if text is not None and len(text) <= room:
            short.update(range(start, stop))
    return short


def _clip(value: Any, path: str, options: Options, report: Any) -> Any:
    if isinstance(value, dict):
        for k in list(value):
            value[k] = _clip(value[k], f"{path}.{k}" if path else str(k), options, report)
    elif isinstance(value, list):
        if len(value) > options.max_names and any(isinstance(v, dict) for v in value[:1]):
            report(f"{len(value):,} entries, more than max_names={options.max_names:,}; "
                   "the rest was cut", path)
            del value[options.max_names:]
        for i, v in enumerate(value):
            value[i] = _clip(v, path, options, report)
    elif isinstance(value, str) and len(value) > options.max_field_length:
        report(f"value of {len(value):,} characters, more than max_field_length="
               f"{options.max_field_length:,}; cut there", path)
        return value[:options.max_field_length]
    return value


def check_text_length(text: str, limit: int, option: str, source: str) -> None:
    """Refuse at once a text longer than a reader's own limit (``option`` names it)."""
    if len(text) > limit:
        raise InputError(f"input is {len(text):,} characters, more than {option}={limit:,} "
                         f"(raise it with --{option.replace('_', '-')} if the file is genuine)", source=source)


def check_line_lengths(text: str, options: Options, source: str) -> None:
    """Refuse at once a line longer than max_field_length (for readers whose time grows
    faster than the line)."""
    limit = options.max_field_length
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > limit:
            raise ParseError(f"line of {len(line):,} characters, more than max_field_length="
                             f"{limit:,}", source=source, line=number)


__all__ = ["check_input_size", "check_line_lengths", "check_nesting", "check_text_length", "clip_records",
           "decode_json", "json_decoder", "loads_json", "nested_deeper", "number_error"]
