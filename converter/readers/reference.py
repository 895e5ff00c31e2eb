"""Free-text references in: ``reference`` (one reference string) and ``references`` (a list,
one per line or numbered "1. ...", "[1] ..."). Each string becomes one CSL item that keeps the
string in ``source``; what could not be structured is said in a warning, never dropped.
"""
from __future__ import annotations

import re
from typing import Dict, List

from ..errors import ParseError
from ..limits import check_line_lengths
from ..model import CSLItem, Diagnostic, Diagnostics, Result
from ..options import Options


def _relocate(diags: List[Diagnostic], into: Diagnostics, line: int, record: str) -> None:
    for d in diags:
        (into.warn if d.severity == "warning" else into.error)(d.message, line=line, field=d.field,
                                                                record=record)


def _parse_all(refs: List[tuple], source: str) -> Result:
    from ..references import parse_reference  # the parser and its model load on the first reference, not on detection
    diags = Diagnostics(source)
    records: List[CSLItem] = []
    lines: Dict[str, int] = {}
    for n, (number, text, line) in enumerate(refs, 1):
        rid = f"ref-{number or n}"
        try:
            item, warnings = parse_reference(text, number=number)
        except Exception as exc:  # a parser bug must not lose the reference: keep its text
            item = {"type": "document", "title": text, "source": text}
            warnings = [Diagnostic(f"reference parser failed ({type(exc).__name__}); kept the text as the title")]
        item = {"id": rid, **item}
        _relocate(warnings, diags, line + 1, rid)
        records.append(item)
        lines[rid] = line + 1
    if not records:
        raise ParseError("no reference found in the input", source=source)
    result = Result(records, list(diags))
    result.locate(source, lines)
    return result


def read_one(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    """The whole input is one reference (line breaks inside it are wrapping)."""
    # parsing costs about a gigabyte per megabyte: a reference longer than a field is refused
    check_line_lengths(" ".join(text.split()), options or Options(), source)
    body = " ".join(text.split())
    m = re.match(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s+(?=\D)", body)
    number = next((g for g in m.groups() if g), None) if m else None
    if m:
        body = body[m.end():]
    first_line = next((i for i, ln in enumerate(text.splitlines()) if ln.strip()), 0)
    return _parse_all([(number, body, first_line)], source)


def read_list(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    """A reference list: numbered, or one reference per line."""
    check_line_lengths(text, options or Options(), source)
    from ..references import split_reference_list
    return _parse_all(split_reference_list(text), source)


__all__ = ["read_list", "read_one"]
