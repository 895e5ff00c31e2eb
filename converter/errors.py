"""The project's exceptions. Every one subclasses ConversionError and has a stable CLI exit code."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .model import Diagnostic


class ConversionError(ValueError):
    """Base class: the conversion could not be done. ``str(err)`` is a message for a user."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        field: str | None = None,
        diagnostics: Sequence["Diagnostic"] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.field = field
        self.diagnostics = list(diagnostics)

    def __str__(self) -> str:
        place = self.source or ""
        if self.line is not None:
            place = f"{place}:{self.line}" if place else f"line {self.line}"
        text = f"{place}: {self.message}" if place else self.message
        if self.field:
            text += f" [{self.field}]"
        return text


class UsageError(ConversionError):
    """The request itself is wrong: an unknown format or option, a bad option value."""

    exit_code = 2


class UnknownFormatError(UsageError):
    """A format name that is not registered (or has no reader/writer in that direction)."""


class InputError(ConversionError):
    """The input cannot be read at all: missing file, empty, binary, undecodable."""

    exit_code = 3


class ParseError(ConversionError):
    """The input was read but holds nothing that can be converted (e.g. a page with no title)."""

    exit_code = 4


class StrictError(ConversionError):
    """``strict=True`` and the conversion produced warnings; ``.diagnostics`` lists them all."""

    exit_code = 5


class OutputError(ConversionError):
    """The output cannot be written (unwritable path, a writer that cannot express the records)."""

    exit_code = 6
