"""CSL-JSON in: a list of items, one item, or ``{"items": [...]}``. A truncated or broken
array still yields every item before the break, with an error at its line."""
from __future__ import annotations

import json
from typing import Any, List

from ..errors import ParseError
from ..model import CSLItem, Diagnostics, Result, line_of
from ..options import Options


def sniff(text: str) -> int:
    head = text.lstrip()[:2000]
    if not head or head[0] not in "[{":
        return 0
    if '"type"' in head and ('"title"' in head or '"id"' in head):
        return 80
    return 30


def _items_one_by_one(text: str, diags: Diagnostics) -> List[Any]:
    """Decode a top-level array element by element, stopping at the first broken one."""
    decoder = json.JSONDecoder()
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
        except json.JSONDecodeError as exc:
            diags.error(f"invalid JSON ({exc.msg}); {len(items)} item(s) before this point were kept",
                        line=exc.lineno)
            return items
        items.append(value)


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
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("["):
            data = _items_one_by_one(text, diags)
            if not data:
                raise ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source,
                                 line=exc.lineno, diagnostics=diags) from None
        else:
            raise ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source,
                             line=exc.lineno) from None
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
