"""The public API: read, read_file, write, convert, detect. See the package docstring."""
from __future__ import annotations

import copy
import os
from typing import Any, Iterable, List, Mapping, Sequence, Tuple

from . import registry
from .errors import InputError, ParseError, StrictError
from .limits import check_input_size, clip_records
from .model import CSLItem, Diagnostic, Output, Result
from .options import Options
from .textio import decode, strip_uncarriable
from .validate import check_items


def _check_strict(diagnostics: Sequence[Diagnostic], options: Options, what: str) -> None:
    if options.strict and diagnostics:
        lines = "\n".join("  " + d.format() for d in diagnostics)
        raise StrictError(f"{len(diagnostics)} warning(s) while {what} (strict mode):\n{lines}",
                          diagnostics=diagnostics)


def _read(text: str | bytes, from_: str, source: str, options: Options,
          filename: str | None = None) -> Result:
    diagnostics: List[Diagnostic] = []
    check_input_size(len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass")),
                     options, source)
    if isinstance(text, bytes):
        text, diagnostics = decode(text, encoding=options.encoding, source=source)
    if not text.strip():
        raise InputError("input is empty", source=source)
    text, removed = strip_uncarriable(text, source)
    diagnostics += removed
    name = registry.detect(text, filename) if from_ == "auto" else from_
    fmt = registry.get(name, "reader")
    try:
        result: Result = fmt.load("reader")(text, source=source, options=options)
    except RecursionError:  # a last guard: readers check max_depth before they recurse
        raise ParseError("input nested too deeply to read", source=source) from None
    result.diagnostics[:0] = diagnostics
    result.format = fmt.name
    result.locate(source)  # records the reader did not place are at least in this input
    result.diagnostics += clip_records(result.records, options, source,
                                       {key: line for key, (_, line) in result.origins.items()})
    _check_strict(result.diagnostics, options, f"reading {source}")
    return result


def read(text: str | bytes, from_: str = "auto", *, source: str = "<input>", **options: Any) -> Result:
    """Read records from text (or bytes) in format ``from_`` ("auto" detects it).

    Returns a Result: ``.records`` (CSL-JSON items) and ``.diagnostics``. Raises a
    ConversionError subclass when nothing can be read, or StrictError under ``strict=True``.
    """
    return _read(text, from_, source, Options.build(options))


def read_file(path: str | os.PathLike[str], from_: str = "auto", **options: Any) -> Result:
    """Read records from a file; the extension helps auto-detection, the content decides."""
    return _read_path(os.fspath(path), from_, Options.build(options))


def _read_path(name: str, from_: str, opts: Options) -> Result:
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=name) from None
    return _read(data, from_, name, opts, filename=name)


def select(records: Iterable[CSLItem], references: str) -> tuple[List[CSLItem], List[Diagnostic]]:
    """The records to write: each article, its parsed reference list, or both."""
    chosen: List[CSLItem] = []
    diags: List[Diagnostic] = []
    for record in records:
        if references in ("article", "all"):
            chosen.append(record)
        if references in ("references", "all"):
            refs = (record.get("custom") or {}).get("references") or []
            if not refs and references == "references":
                diags.append(Diagnostic(
                    "record has no parsed reference list", record=str(record.get("id", "")) or None))
            chosen.extend(copy.deepcopy(refs))
    return chosen, diags


def _placed(diagnostics: Sequence[Diagnostic],
            origins: Mapping[str, Tuple[str | None, int | None]]) -> List[Diagnostic]:
    """Writers know records, not files: a diagnostic about a record is placed where that record
    was read (its input and line); one about no record in particular, in the input when there
    was only one."""
    sources = {source for source, _ in origins.values()}
    only = next(iter(sources)) if len(sources) == 1 else None
    placed = []
    for d in diagnostics:
        if d.source is None:
            source, line = origins.get(d.record or "", (only, None))
            d = d._replace(source=source, line=d.line if d.line is not None else line)
        placed.append(d)
    return placed


def _write(records: Sequence[CSLItem], to: str, options: Options,
           origins: Mapping[str, Tuple[str | None, int | None]] | None = None) -> Output:
    fmt = registry.get(to, "writer")
    chosen, diags = select(records, options.references)
    chosen, problems = check_items(chosen)  # no writer meets a malformed record
    diags += problems
    out: Output = fmt.load("writer")(chosen, options=options)
    all_diags = _placed(diags + list(out.diagnostics), origins or {})
    _check_strict(all_diags, options, f"writing {fmt.name}")
    return Output(str(out), all_diags)


def write(records: Sequence[CSLItem], to: str, **options: Any) -> Output:
    """Write records (CSL-JSON items, or a Result) as text in format ``to``.

    Returns an Output: a ``str`` whose ``.diagnostics`` list what the format could not carry.
    """
    if isinstance(records, Result):
        return _write(records.records, to, Options.build(options), records.origins)
    return _write(records, to, Options.build(options))


def convert(text: str | bytes, from_: str = "auto", to: str = "csljson", *,
            source: str = "<input>", **options: Any) -> Output:
    """Read ``text`` and write it in format ``to`` in one step (the CLI's core)."""
    opts = Options.build(options)
    result = _read(text, from_, source, opts)
    out = _write(result.records, to, opts, result.origins)
    return Output(str(out), result.diagnostics + out.diagnostics)


def detect(text: str, filename: str | None = None) -> str:
    """The name of the reader auto-detection would choose for ``text``."""
    return registry.detect(text, filename)
