"""Punctuation where two pieces of an entry meet, fixed after rendering as citeproc-js does:
"?." and ".." become "?" and ".", and with ``punctuation-in-quote`` a comma or period
after a closing quote moves inside it."""
from __future__ import annotations

import re

from ..patterns import lazy

_TAGS = r"((?:</?[a-z]+[^>]*>)*)"
# a terminal mark followed (maybe across closing tags) by a period; not an ellipsis
_DOUBLE_STOP_RE = lazy(r"(?<!\.)([?!.])" + _TAGS + r"\.(?!\.)")
# the same across a closing quote: "word?”." -> "word?”"
_QUOTED_STOP_RE = lazy(r"([?!.])([”’»]" + _TAGS + r")\.(?!\.)")
_INTO_QUOTE_RE = lazy(r"([”’])" + _TAGS + r"([.,])")
_SPACES_RE = lazy(r"(?<=\S) {2,}(?=\S)")


def tidy(text: str, punctuation_in_quote: bool = False) -> str:
    if not text:
        return text
    text = _DOUBLE_STOP_RE.sub(r"\1\2", text)
    text = _QUOTED_STOP_RE.sub(r"\1\2", text)
    if punctuation_in_quote:
        text = _INTO_QUOTE_RE.sub(lambda m: _move_in(m), text)
    return text


def _move_in(m: re.Match) -> str:
    quote, tags, mark = m.group(1), m.group(2), m.group(3)
    return f"{mark}{quote}{tags}"
