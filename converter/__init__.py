"""citeconv: read bibliographic records, normalize them to CSL-JSON, write any format.

    >>> import converter
    >>> result = converter.read_file("examples/regionology-2025-33-4-578.txt")
    >>> result.records[0]["DOI"]
    '10.15507/2413-1407.129.033.202504.578-593'
    >>> text = converter.write(result.records, "csljson")
    >>> text.diagnostics  # what the output format could not carry
    []

Readers return a ``Result`` (``records`` plus ``diagnostics``); writers return an ``Output``
(a ``str`` with ``diagnostics``). Every error is a ``ConversionError``.
"""
from .api import convert, detect, read, read_file, select, write
from .errors import (
    ConversionError,
    InputError,
    OutputError,
    ParseError,
    StrictError,
    UnknownFormatError,
    UsageError,
)
from .model import CSLItem, Diagnostic, Output, Result
from .options import Options
from .registry import Format, formats

__version__ = "0.1.0"

__all__ = [
    "CSLItem", "ConversionError", "Diagnostic", "Format", "InputError", "Options", "Output",
    "OutputError", "ParseError", "Result", "StrictError", "UnknownFormatError", "UsageError",
    "convert", "detect", "formats", "read", "read_file", "select", "write",
]
