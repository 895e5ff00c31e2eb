"""Formats by name. The registry finds every format declaration by itself, in each module of
converter/plugins/ (see its docstring for how to add one); it declares their options, and
answers which reader, writer or sniffer a name means. Nothing else lists the formats.

Code outside the package adds a format with ``register(Format(...))``. Entry points are not
scanned: importing importlib.metadata alone costs as much start-up time as lxml (60-120 ms
measured here), and every command would pay it.
"""
from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import Dict, Iterable, List

from . import options as _options
from . import plugins as _plugins
from .errors import ParseError, UnknownFormatError
from .options import Option
from .plugins import Format

_FORMATS: Dict[str, Format] = {}  # name and aliases -> format


def register(fmt: Format) -> Format:
    """Add one format (its name and aliases) and declare its options."""
    for key in (fmt.name, *fmt.aliases):
        known = _FORMATS.get(key.lower())
        if known is not None and known.name != fmt.name:
            raise ValueError(f"format {fmt.name!r}: the name {key!r} is taken by format {known.name!r}")
    for option in fmt.options:
        _options.declare(option, fmt.name)
    for key in (fmt.name, *fmt.aliases):
        _FORMATS[key.lower()] = fmt
    return fmt


def _declarations(module: ModuleType) -> Iterable[Format]:
    declared = getattr(module, "FORMATS", None)
    if declared is None:
        raise ValueError(f"format module {module.__name__} declares no FORMATS")
    return declared


def discover() -> None:
    """(Re)load every declaration in the modules of converter/plugins (``order`` decides listings).
    Formats registered from outside are forgotten."""
    for fmt in formats():
        for option in fmt.options:
            _options.forget(option.name)
    _FORMATS.clear()
    for name in _plugin_modules():
        for fmt in _declarations(importlib.import_module(f"{_plugins.__name__}.{name}")):
            register(fmt)


def _plugin_modules() -> List[str]:
    """The modules of the plug-in folder(s), by name (a directory listing: pkgutil costs more
    start-up time than the whole discovery)."""
    names = set()
    for folder in _plugins.__path__:
        for entry in os.scandir(folder):
            stem, ext = os.path.splitext(entry.name)
            if ext == ".py" and stem.isidentifier() and stem != "__init__":
                names.add(stem)
    return sorted(names)


def formats() -> List[Format]:
    """Every registered format, once each, in listing order (``order``, then registration)."""
    seen: Dict[str, Format] = {}
    for fmt in _FORMATS.values():
        seen.setdefault(fmt.name, fmt)
    return sorted(seen.values(), key=lambda fmt: fmt.order)


def options() -> List[Option]:
    """Every option the command line and the API accept: the general ones, then the formats'."""
    return _options.declared()


def get(name: str, role: str) -> Format:
    """The format called ``name`` (or an alias) that has a ``role`` ("reader" or "writer")."""
    fmt = _FORMATS.get(name.lower())
    candidates = [f.name for f in formats() if getattr(f, role)]
    if fmt is None:
        raise UnknownFormatError(f"unknown format {name!r}; {role}s: {', '.join(candidates)}")
    if getattr(fmt, role) is None:
        direction = "input (-f)" if role == "reader" else "output (-t)"
        raise UnknownFormatError(
            f"format {name!r} cannot be used as {direction}; choose one of: {', '.join(candidates)}"
        )
    return fmt


def writer_for_path(path: str) -> str:
    """The writer an output file's extension asks for ('.bib' -> biblatex, '.ris' -> ris);
    csljson when the extension says nothing."""
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    if not ext:
        return "csljson"
    writers = [fmt for fmt in formats() if fmt.writer]
    for fmt in writers:
        if ext in fmt.preferred_for:
            return fmt.name
    for fmt in writers:
        if ext in fmt.extensions:
            return fmt.name
    return "csljson"


def detect(text: str, filename: str | None = None) -> str:
    """The most likely reader for ``text``. Content decides; the file extension breaks ties."""
    ext = os.path.splitext(filename or "")[1].lower().lstrip(".")
    best, best_score = None, 0
    for fmt in formats():
        if not fmt.sniffer or not fmt.reader:
            continue
        try:
            sniffer = fmt.load("sniffer")
        except ImportError:  # one format missing an optional dependency must not break the others
            continue
        score = sniffer(text)
        if score and ext and ext in fmt.extensions:
            score += 5
        if score > best_score:
            best, best_score = fmt.name, score
    if best is None:
        raise ParseError("cannot tell the input format; name it with -f (see --list-formats)",
                         source=filename)
    return best


def markdown_table() -> str:
    """The README's format table, from the declarations."""
    rows = ["| name | in | out | extensions | options | what |", "|---|---|---|---|---|---|"]
    for fmt in formats():
        names = ", ".join(f"`{n}`" for n in (fmt.name, *fmt.aliases))
        exts = " ".join(f".{e}" for e in fmt.extensions)
        opts = " ".join(_cli_spelling(o) for o in fmt.options)
        what = fmt.description.replace("|", "\\|")
        rows.append(f"| {names} | {'yes' if fmt.reader else ''} | {'yes' if fmt.writer else ''} | {exts} | {opts} "
                    f"| {what} |")
    return "\n".join(rows) + "\n"


def _cli_spelling(option: Option) -> str:
    if option.switches:
        return " ".join(f"`{s.flag}`" for s in option.switches)
    if option.type is bool:
        return f"`{option.flag}`"
    return f"`{option.flag} {option.metavar or option.name.upper()}`"


discover()

__all__ = ["Format", "detect", "discover", "formats", "get", "markdown_table", "options",
           "register", "writer_for_path"]
