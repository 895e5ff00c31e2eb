"""Formats by name. A format is data: a name, file extensions, and dotted paths to its
sniffer, reader and writer, imported only when used so that one missing optional tool
never breaks the others.

Reader:  ``read(text: str, *, source: str, options: Options) -> Result``
Writer:  ``write(items: list[CSLItem], *, options: Options) -> Output``
Sniffer: ``sniff(text: str) -> int``, a confidence from 0 (not this format) to 100.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Tuple

from .errors import UnknownFormatError


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extensions: Tuple[str, ...] = ()
    reader: str | None = None
    writer: str | None = None
    sniffer: str | None = None
    aliases: Tuple[str, ...] = ()

    def load(self, role: str) -> Callable[..., Any]:
        path = getattr(self, role)
        if path is None:
            raise UnknownFormatError(f"format {self.name!r} has no {role}")
        module, _, attr = path.partition(":")
        return getattr(importlib.import_module(module), attr)


_FORMATS: Dict[str, Format] = {}


def register(fmt: Format) -> Format:
    for key in (fmt.name, *fmt.aliases):
        _FORMATS[key] = fmt
    return fmt


def formats() -> List[Format]:
    """Every registered format, once each, in registration order."""
    seen: Dict[str, Format] = {}
    for fmt in _FORMATS.values():
        seen.setdefault(fmt.name, fmt)
    return list(seen.values())


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
    preferred = {"bib": "biblatex", "json": "csljson", "xml": "jats"}  # one ext, several formats
    if ext in preferred:
        return preferred[ext]
    for fmt in formats():
        if fmt.writer and ext and ext in fmt.extensions:
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
        from .errors import ParseError

        raise ParseError("cannot tell the input format; name it with -f (see --list-formats)",
                         source=filename)
    return best


# One line per format. Readers and writers live in converter/readers and converter/writers.
register(Format("csljson", "CSL-JSON (the hub format)", ("json",),
                reader="converter.readers.csljson:read", writer="converter.writers.csljson:write",
                sniffer="converter.readers.csljson:sniff", aliases=("csl-json", "json")))
register(Format("page", "article web page saved as plain text", ("txt",),
                reader="converter.readers.page:read", sniffer="converter.readers.page:sniff"))
register(Format("ris", "RIS (Zotero, EndNote, Scopus, PubMed, Ovid, Embase, ProQuest)", ("ris",),
                reader="converter.readers.ris:read", writer="converter.writers.ris:write",
                sniffer="converter.readers.ris:sniff"))
register(Format("bibtex", "BibTeX (.bib; classic, ASCII with LaTeX escapes)", ("bib",),
                reader="converter.readers.bibtex:read", writer="converter.writers.bibtex:write_bibtex",
                sniffer="converter.readers.bibtex:sniff", aliases=("bib",)))
register(Format("biblatex", "BibLaTeX (.bib for biber; UTF-8)", ("bib",),
                reader="converter.readers.bibtex:read", writer="converter.writers.bibtex:write_biblatex"))
register(Format("jats", "JATS XML 1.1-1.4 in; JATS 1.3 Journal Publishing out", ("xml", "jats", "nxml"),
                reader="converter.readers.jats:read", writer="converter.writers.jats:write",
                sniffer="converter.readers.jats:sniff"))
register(Format("apa", "APA 7 references (text or --html; --citations for in-text)", writer="converter.writers.csl:write_apa"))
register(Format("gost", "GOST R 7.0.100-2018 references (--locale ru|en)", writer="converter.writers.csl:write_gost"))
register(Format("gost-2008", "GOST R 7.0.5-2008 references (--locale ru|en)", writer="converter.writers.csl:write_gost_2008"))
register(Format("references-en", "the English References list of Russian journals (--transliteration)",
                writer="converter.writers.references_en:write_references_en"))
register(Format("csl", "any CSL style: --style NAME|PATH.csl", writer="converter.writers.csl:write_csl"))
register(Format("reference", "one free-text reference (the input text, or a string argument)", reader="converter.readers.reference:read_one"))
register(Format("references", "free-text reference list, one per line or numbered", reader="converter.readers.reference:read_list", sniffer="converter.readers.reference:sniff_list"))
register(Format("crossref", "Crossref REST API JSON (works, search results)", ("json",),
                reader="converter.readers.crossref:read", sniffer="converter.readers.crossref:sniff"))
register(Format("html", "HTML article page: citation_*, Dublin Core, PRISM and Open Graph meta tags",
                ("html", "htm"), reader="converter.readers.htmlmeta:read", sniffer="converter.readers.htmlmeta:sniff"))
