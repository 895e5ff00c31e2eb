"""CSL-JSON out: UTF-8, two-space indent, keys in the order the record has them, so that
reading our output and writing it again gives the same bytes."""
from __future__ import annotations

from typing import Callable, Iterator, List

from ..model import CSLItem, Diagnostics, Output
from ..options import Options
from .json_indent import dumps


def write(items: List[CSLItem], *, options: Options | None = None) -> Output:
    return Output(dumps(items) + "\n")


def record_text(item: CSLItem) -> str:
    """One item as ``write_stream`` writes it: its dump shifted in by one level."""
    return dumps(item, "  ")


def write_stream(records: Callable[[], Iterator[CSLItem | str]], *, options: Options | None = None,
                 diags: Diagnostics | None = None) -> Iterator[str]:
    """The same bytes as ``write``, one item at a time: a JSON array indented by two, so each
    item is its own dump shifted in by one level. A record may come as its ``record_text``."""
    first = True
    for item in records():
        yield ("[\n  " if first else ",\n  ") + (item if type(item) is str else dumps(item, "  "))
        first = False
    yield "[]\n" if first else "\n]\n"
