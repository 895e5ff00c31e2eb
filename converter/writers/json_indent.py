"""``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, about four times faster.

With ``indent`` set, the standard library leaves its C encoder for a pure-Python one built of
generators: 0.4 s of the 10k-record CSL-JSON output. Here the structure is walked by one
recursive function and every string is escaped by the C ``encode_basestring`` the standard
encoder uses, so the bytes are its own. Values outside what CSL items hold (tuples, subclasses,
non-string keys, cycles) are left to ``json.dumps`` itself, with its result or its error.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_CONSTANTS = {None: "null", True: "true", False: "false"}


class _Unusual(Exception):
    """A value this module does not write: json.dumps writes the whole value instead."""


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _dump(value: Any, indent: str) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        # a key that is not a string stops encode_basestring with a TypeError
        # (strings, most values, escaped here: a call fewer each)
        parts = [encode_basestring(key) + ": " + (encode_basestring(item) if type(item) is str else _dump(item, inner))
                 for key, item in value.items()]
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "}"
    if kind is list:
        if not value:
            return "[]"
        inner = indent + "  "
        return "[\n" + inner + (",\n" + inner).join([encode_basestring(item) if type(item) is str else _dump(item, inner)
                                                    for item in value]) + "\n" + indent + "]"
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return _CONSTANTS[value]
    if kind is float:
        return _float(value)
    raise _Unusual


def dumps(value: Any, indent: str = "") -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, every line
    after the first shifted right by ``indent`` (an item's place inside an array)."""
    try:
        return _dump(value, indent)
    except (_Unusual, TypeError, RecursionError):
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + indent) if indent else text
