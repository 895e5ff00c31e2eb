"""CSL-JSON in: a list of items, one item, or ``{"items": [...]}``. A truncated or broken
array still yields every item before the break, with an error at its line."""
from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator, List, Tuple

from ..errors import ParseError
from ..limits import decode_json, json_decoder, number_error
from ..model import CSLItem, Diagnostics, Result, line_of
from ..options import Options

_NEXT_ITEM = re.compile(r",\s*(?=\{)")


def _resume(text: str, pos: int, decoder: json.JSONDecoder) -> int | None:
    """Where reading can resume after a broken item: the next '{' after a comma that opens an
    object that decodes and looks like an item (an id, type or title), not a name or a date
    inside the broken one."""
    for m in _NEXT_ITEM.finditer(text, pos):
        try:
            value, _ = decoder.raw_decode(text, m.end())
        except ValueError:
            continue
        if isinstance(value, dict) and ({"id", "type", "title"} & set(value)):
            return m.end()
    return None


def _items_one_by_one(text: str, diags: Diagnostics, decoder: json.JSONDecoder) -> List[Any]:
    """Decode a top-level array element by element; a broken element is reported and skipped,
    and reading resumes at the next item."""
    items: List[Any] = []
    pos = text.index("[") + 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            diags.error("JSON array is not closed (file truncated?); items before this point were kept",
                        line=line_of(text, pos))
            return items
        if text[pos] == "]":
            return items
        try:
            value, pos = decoder.raw_decode(text, pos)
        except ValueError as exc:  # a syntax error, or a number over max_number_length
            at = exc.pos if isinstance(exc, json.JSONDecodeError) else pos
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc.args[0])[:20] + "..."
            resume = _resume(text, at, decoder)
            if resume is None:
                diags.error(f"invalid JSON ({reason}); {len(items)} item(s) before this point were kept",
                            line=line_of(text, at))
                return items
            diags.error(f"invalid JSON ({reason}); the item is skipped, reading resumes at line "
                        f"{line_of(text, resume)}", line=line_of(text, at))
            pos = resume
            continue
        items.append(value)


def _values(text: str, decoder: json.JSONDecoder, diags: Diagnostics) -> List[Any]:
    """Several JSON values one after another (``cat a.json b.json``): each one's items."""
    items: List[Any] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos >= len(text):
            return items
        if items:
            diags.warn("more JSON after the first value (files joined?); read as more items",
                       line=line_of(text, pos))
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            if text[pos] == "[":
                items.extend(_items_one_by_one(text[:pos].replace("[", " ") + text[pos:], diags, decoder))
            else:
                diags.error(f"invalid JSON ({exc.msg}); the rest is not read", line=exc.lineno)
            return items
        if isinstance(value, dict):
            value = value["items"] if isinstance(value.get("items"), list) else [value]
        items.extend(value if isinstance(value, list) else [value])


def _item_lines(text: str) -> List[int | None]:
    """The line each element of a top-level array starts at (json.loads keeps none); worked out
    only when a warning needs one."""
    if not text.lstrip().startswith("["):
        return []
    decoder = json.JSONDecoder()
    lines: List[int | None] = []
    pos = text.index("[") + 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return lines
        try:
            _, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            return lines
        lines.append(line_of(text, pos))
        pos = end


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    diags = Diagnostics(source)
    options = options or Options()
    decoder = json_decoder(options)
    try:
        data: Any = decode_json(text, decoder, options, source)  # too deep a nest is refused first
    except ParseError:  # a ValueError too, but the refusal itself
        raise
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" or text.lstrip().startswith("["):
            try:
                data = _values(text, decoder, diags)
            except ValueError as inner:  # a number over max_number_length in a later value
                raise number_error(text, inner, options, source) from None
            if not data:
                raise ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source,
                                 line=exc.lineno, diagnostics=diags) from None
        else:
            raise ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source,
                             line=exc.lineno) from None
    except ValueError as exc:  # a number over max_number_length, or Infinity/NaN
        raise number_error(text, exc, options, source) from None
    if isinstance(data, dict):
        data = data["items"] if isinstance(data.get("items"), list) else [data]
    if not isinstance(data, list):
        raise ParseError("CSL-JSON must be an array of items or one item object", source=source)
    records: List[CSLItem] = []
    numbers: List[int] = []  # each record's place in the array
    lines: List[int | None] | None = None

    def line(n: int) -> int | None:
        nonlocal lines
        if lines is None:
            lines = _item_lines(text)
        return lines[n - 1] if n <= len(lines) else None

    for n, item in enumerate(data, 1):
        if not isinstance(item, dict):
            diags.error(f"item {n} is a JSON {type(item).__name__}, not an object; skipped", line=line(n))
            continue
        label = str(item.get("id", f"item {n}"))
        if "type" not in item:
            diags.warn("item has no 'type'; CSL processors need one", line=line(n), field="type", record=label)
        records.append(item)
        numbers.append(n)
    if not records:
        raise ParseError("no CSL-JSON items found", source=source, diagnostics=diags)
    result = Result(records, list(diags))
    if lines is not None:  # worked out for a warning already: the pipeline can place later ones too
        result.locate(source, {str(r.get("id", "")): lno for r, n in zip(records, numbers)
                               if (lno := line(n)) is not None})
    return result


_BLOCK = 1 << 16  # characters read at a time
_SEPARATORS = re.compile(r"[ \t\r\n,]*")


def _blocks(source: Iterable[str]) -> Iterator[str | None]:
    """The text in blocks (a file is read a block at a time, other iterables as they come),
    then None at the end."""
    read = getattr(source, "read", None)
    if read is not None:
        while True:
            block = read(_BLOCK)
            if not block:
                break
            yield block
    else:
        yield from source
    yield None


def stream(lines: Iterable[str], *, diags: Diagnostics) -> Iterator[Tuple[CSLItem, int]]:
    """Items one at a time, each with the line it starts at, from a CSL-JSON array or JSON
    Lines (one item a line): only the item being decoded is held. The checks are ``read``'s;
    a break in the JSON is an error at the line where the broken value starts, and the items
    before it come through."""
    decoder = json.JSONDecoder()
    buf, buf_line, n = "", 1, 0  # the text not decoded yet, the line it starts at, items seen
    in_array: bool | None = None
    tried = 0  # the length of an unfinished value at the last attempt: retried once it has doubled
    for block in _blocks(lines):
        at_end = block is None
        if block is not None:
            buf += block
            if len(buf) - tried < max(_BLOCK, tried):
                continue
        pos = 0  # decoded up to here; the buffer is cut once per block, not once per item
        while True:
            separators = _SEPARATORS.match(buf, pos)  # always matches, perhaps nothing
            skip = separators.end() if separators else pos
            buf_line += buf.count("\n", pos, skip)
            pos = skip
            if in_array is None and pos < len(buf):
                in_array = buf.startswith("[", pos)
                if in_array:
                    pos += 1
                    continue
            if pos >= len(buf) or (in_array and buf.startswith("]", pos)):
                break
            try:
                value, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                if not at_end:
                    break  # the value goes on in the next block
                line = buf_line + exc.lineno - buf.count("\n", 0, pos) - 1
                diags.error(f"invalid JSON in the value starting here ({exc.msg} at line {line}); "
                            f"{n} item(s) before it were kept", line=buf_line)
                return
            n += 1
            start = buf_line
            buf_line += buf.count("\n", pos, end)
            pos = end
            if not isinstance(value, dict):
                diags.error(f"item {n} is a JSON {type(value).__name__}, not an object; skipped", line=start)
                continue
            if "type" not in value:
                diags.warn("item has no 'type'; CSL processors need one", line=start, field="type",
                           record=str(value.get("id", f"item {n}")))
            yield value, start
        buf = buf[pos:]
        tried = len(buf)  # what is left is an unfinished value
        if at_end:
            if in_array and not buf.startswith("]"):
                diags.error("JSON array is not closed (file truncated?); items before this point were kept",
                            line=buf_line)
            return
