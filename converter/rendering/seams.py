"""Speed: citeproc-py's ``normalize_seam`` without turning whole strings into text.

Where two pieces of an entry meet (every join, affix and ``+`` of citeproc-py's rich strings),
``citeproc.string.normalize_seam`` compares the last character of the text so far with the
first of the next piece. It finds them with ``str()`` of both, and ``str()`` of a
``MixedString`` joins all its segments: an entry's text is rebuilt at every seam (a tenth of
an APA bibliography's time). ``normalize_seam`` here reads the two characters from the
segments at the ends and gives the same answer; ``install`` puts it where citeproc-py's
``join``, ``MixedString.__add__`` and ``Affixed.wrap`` (and our ``AffixMixin``) look it up.
Test: tests/test_render_seams.py (the same answers as citeproc-py's on every kind of piece).
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc import string as cstring
from citeproc.string import SEAM_PUNCTUATION, MixedString, String

_ORIGINAL = cstring.normalize_seam
_STR_STR = str.__str__


def _last_char(value: Any) -> str:
    """``str(value)[-1:]``, without building ``str(value)``."""
    kind = type(value)
    if kind is str or kind is String:  # the commonest pieces (String indexes as str does)
        return value[-1:]
    if kind.__str__ is _STR_STR:  # other str subclasses that print as they are
        return str.__getitem__(value, slice(-1, None))
    if isinstance(value, MixedString):
        if value:  # the last segment, when it has text, is the answer (list's own indexing)
            last = list.__getitem__(value, -1)
            if type(last) is String and last:
                return last[-1:]
        for segment in reversed(value):
            found = _last_char(segment)
            if found:
                return found
        return ""
    return str(value)[-1:]


def _first_char(value: Any) -> str:
    """``str(value)[:1]``, without building ``str(value)``."""
    if type(value).__str__ is _STR_STR:
        return value[:1] if type(value) is str else str.__getitem__(value, slice(None, 1))
    if isinstance(value, MixedString):
        for segment in value:
            found = _first_char(segment)
            if found:
                return found
        return ""
    return str(value)[:1]


def normalize_seam(left: Any, other: Any) -> Any:
    """citeproc-py's ``normalize_seam``: ``other``, less its first character where it would
    double a space or a punctuation mark ending ``left``."""
    last = _last_char(left)
    if not last:
        return other
    first = _first_char(other)
    if not first or last != first:
        return other
    if first == " " or first in SEAM_PUNCTUATION:
        return cstring._strip_first_char(other)
    return other


def install() -> None:
    """Use ``normalize_seam`` in citeproc-py (idempotent; renders in progress are unaffected:
    both give the same answers)."""
    cstring.normalize_seam = normalize_seam
    model.normalize_seam = normalize_seam


def original() -> Any:
    """citeproc-py's own ``normalize_seam`` (for the tests)."""
    return _ORIGINAL
