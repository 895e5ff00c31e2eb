"""The plug-in folder: each module in this folder declares one format (or a family of them)
as data, and the registry (converter/registry.py) finds the modules by itself.

A declaration module holds ``FORMATS``, a sequence of ``Format``. A format names its reader,
writer and sniffer by ``"module:function"`` (imported only when used, so one missing optional
tool never breaks the others) or gives the function itself; its mapping table by module;
its own options with their types, help and defaults. The command line, ``--list-formats``,
the README's format table and the API's keyword arguments are derived from these.

Adding an output format is one new module here, for instance ``converter/plugins/toy.py``::

    from converter.plugins import Format
    from converter.options import Option

    def write(items, *, options):
        ...                                   # -> converter.model.Output

    FORMATS = (Format("toy", "a toy format", ("toy",), writer=write,
                      options=(Option("shout", "upper-case everything", type=bool, default=False),)),)

Code outside this package registers a format with ``converter.registry.register(Format(...))``.

Reader:  ``read(text: str, *, source: str, options: Options) -> Result``
Writer:  ``write(items: list[CSLItem], *, options: Options) -> Output``
Sniffer: ``sniff(text: str) -> int``, a confidence from 0 (not this format) to 100.

Streaming (optional, for inputs of any size; converter/stream.py):
Stream reader: ``stream(lines: Iterable[str], *, diags: Diagnostics) -> Iterator[(CSLItem, line)]``,
               lines as ``open(path, newline="")`` gives them.
Stream writer: ``write_stream(records: Callable[[], Iterator[CSLItem]], *, options, diags) -> Iterator[str]``;
               the pieces joined are ``write``'s text. ``records()`` starts the records again, for a
               writer that needs a first pass (BibTeX's citation keys).
Stream record (optional): ``record_text(item: CSLItem) -> str``, the text the stream writer writes
               for one record, where it does not depend on the others; its stream writer is then
               given these texts in place of the records they were made of, made beside the
               record's check (in a worker process, for a reader that reads with ``--jobs``).
               A stream reader that takes ``prepare`` (BibTeX) applies it to each item where it
               makes it and yields what it returns.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable, NamedTuple, Tuple, Union

from ..errors import UnknownFormatError
from ..options import Option

# "package.module:function", or the function itself
Loadable = Union[str, Callable[..., Any]]


# a NamedTuple, not a dataclass: every run loads the formats (converter/model.py says why)
class Format(NamedTuple):
    """One format, declared once (``fmt._replace(...)`` makes a changed copy)."""

    name: str
    description: str
    extensions: Tuple[str, ...] = ()
    reader: Loadable | None = None
    writer: Loadable | None = None
    sniffer: Loadable | None = None
    aliases: Tuple[str, ...] = ()
    options: Tuple[Option, ...] = ()  # the options its reader or writer looks at
    mapping: str | None = None  # the module of its table CSL <-> format (converter/mappings)
    preferred_for: Tuple[str, ...] = ()  # output extensions it is the default writer for (-o x.bib)
    order: int = 1000  # place in listings; also breaks ties between sniffers (lower first)
    # record by record, for inputs too big to hold (converter/stream.py); formats without them are read
    # and written whole
    stream_reader: Loadable | None = None
    stream_writer: Loadable | None = None
    # the stream writer's text of one record, where that text stands alone (CSL-JSON)
    stream_record: Loadable | None = None
    # input size in bytes from which this writer is streamed to (None: stream.STREAM_ABOVE)
    stream_above: int | None = None

    def load(self, role: str) -> Callable[..., Any]:
        """The reader, writer or sniffer function."""
        target = getattr(self, role)
        if target is None:
            raise UnknownFormatError(f"format {self.name!r} has no {role}")
        if callable(target):
            return target
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)


__all__ = ["Format", "Loadable"]
