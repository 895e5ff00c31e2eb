"""Speed: citeproc-py's ``normalize_seam`` without turning whole strings into text.

Where two pieces of an entry meet (every join, affix and ``+`` of citeproc-py's rich strings),
``citeproc.string.normalize_seam`` compares the last character of the text so far with the
first of the next piece. It finds them with ``str()`` of both, and ``str()`` of a
``MixedString`` joins all its segments: an entry's text is rebuilt at every seam (a tenth of
an APA bibliography's time). ``normalize_seam`` here reads the two characters from the
segments at the ends and gives the same answer; ``install`` puts it where citeproc-py's
``join``, ``MixedString.__add__`` and ``Affixed.wrap`` (and our ``AffixMixin``) look it up.

``join`` and ``add`` are citeproc-py's ``join`` and ``+`` of rich strings with the same
answers (segments, their types, the seams normalized twice where ``MixedString.__add__``
does it again), without a new list at every ``+`` of a join and without the TypeError
``MixedString.__add__`` raises and catches to add a string.
Test: tests/test_render_seams.py (the same answers as citeproc-py's on every kind of piece).
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc import string as cstring
from citeproc.string import SEAM_PUNCTUATION, MixedString, NoCase, String

from .markup import Tag

_ORIGINAL = cstring.normalize_seam
_ORIGINAL_JOIN = cstring.join
_STR_STR = str.__str__
_LAST = slice(-1, None)
_STRINGS = (String, NoCase, Tag)  # citeproc-py's String and its subclasses with String's ``+``


def _last_char(value: Any) -> str:
    """``str(value)[-1:]``, without building ``str(value)``."""
    kind = type(value)
    if kind is MixedString and value:
        # the last segment, when it is a string with text, is the answer (list's own indexing;
        # every str subclass here indexes as str does)
        last = list.__getitem__(value, -1)
        if type(last).__str__ is _STR_STR and last:
            return str.__getitem__(last, _LAST)
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
    return _seam(last, other)


def _seam(last: str, other: Any) -> Any:
    """``normalize_seam`` after a left side ending in ``last`` (not empty)."""
    kind = type(other)
    first = other[:1] if kind is str or kind is String else _first_char(other)
    if not first or last != first:
        return other
    if first == " " or first in SEAM_PUNCTUATION:
        return cstring._strip_first_char(other)
    return other


def _mixed_add(left: MixedString, other: Any, own: bool) -> MixedString:
    """``MixedString.__add__``: ``left + other``; with ``own`` (``left`` was made by the
    caller and is no one else's) ``left`` itself is extended instead of copied."""
    if other == "":
        return left
    other = normalize_seam(left, other)
    if other == "" or other == []:
        return left
    out = left if own else MixedString(left)
    if isinstance(other, list):
        out.extend(other)
    else:
        out.append(other)
    return out


def add(left: Any, other: Any) -> Any:
    """``left + other`` as citeproc-py's rich strings add (the seam normalized a second time
    inside ``MixedString.__add__``), without its wrapper calls and the TypeError it raises
    and catches to add a string to a list of segments."""
    kind = type(left)
    if kind is MixedString:
        return _mixed_add(left, other, False)
    if kind in _STRINGS:
        if other == "":
            return left
        return _mixed_add(MixedString([left]), other, True)
    if kind is str:
        other_kind = type(other)
        if other_kind is MixedString or other_kind in _STRINGS:
            # String.__radd__ / MixedString.__radd__
            return other if left == "" else _mixed_add(MixedString([left]), other, True)
    return left + other


def add_seamed(left: Any, other: Any) -> Any:
    """``add(left, normalize_seam(left, other))``, the end of ``left`` found once."""
    if type(left) is not MixedString:
        return add(left, normalize_seam(left, other))
    if other == "":
        return left
    last = _last_char(left)
    if last:
        # normalized twice, as there: once by the caller, once inside ``MixedString.__add__``
        other = _seam(last, other)
        if other == "":
            return left
        other = _seam(last, other)
    if other == "" or other == []:
        return left
    out = MixedString(left)
    if isinstance(other, list):
        out.extend(other)
    else:
        out.append(other)
    return out


def join(items: Any, delimiter: Any = "") -> Any:
    """citeproc-py's ``join`` (a seam normalized at each delimiter and each piece), building
    one list of segments instead of a new one at every ``+``."""
    pieces = iter(items)
    try:
        output = next(pieces)
    except StopIteration:
        return String("")
    own = False  # output is a MixedString made here, no one else's: extended in place
    for item in pieces:
        for piece in (delimiter, item):
            if type(output) is MixedString:
                # ``_mixed_add(output, normalize_seam(output, piece), own)`` with the end of
                # ``output`` found once for both normalizations (speed only)
                last = _last_char(output)
                if last:
                    piece = _seam(last, piece)
                    if piece == "":
                        continue
                    piece = _seam(last, piece)
                elif piece == "":
                    continue
                if piece == "" or piece == []:
                    continue
                if not own:
                    output, own = MixedString(output), True
                if isinstance(piece, list):
                    output.extend(piece)
                else:
                    output.append(piece)
            else:
                piece = normalize_seam(output, piece)
                added = add(output, piece)
                own = type(added) is MixedString and added is not output and added is not piece
                output = added
    return output


def install() -> None:
    """Use ``normalize_seam`` in citeproc-py (idempotent; renders in progress are unaffected:
    both give the same answers)."""
    cstring.normalize_seam = normalize_seam
    model.normalize_seam = normalize_seam
    cstring.join = join
    model.join = join


def original() -> Any:
    """citeproc-py's own ``normalize_seam`` (for the tests)."""
    return _ORIGINAL


def original_join() -> Any:
    """citeproc-py's own ``join`` (for the tests)."""
    return _ORIGINAL_JOIN
