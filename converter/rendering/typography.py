"""Typographic clean-up of field values before rendering, as citeproc-js does it:
straight apostrophes become ’ and straight double quotes become the locale's quotes."""
from __future__ import annotations

from ..patterns import lazy

_DOUBLE_RE = lazy(r'"([^"]*)"')
# an opening single quote: at the start or after a space/bracket, closed later by a quote
# that is followed by a non-letter ("'Tis" has no close and stays an apostrophe)
_SINGLE_PAIR_RE = lazy(r"(?:(?<=^)|(?<=[\s(\[]))'(?=\S)([^']*?\S)'(?![^\W\d_])")


def smart_quotes(text: str, open_quote: str = "“", close_quote: str = "”",
                 open_inner: str = "‘", close_inner: str = "’") -> str:
    if '"' in text:
        text = _DOUBLE_RE.sub(lambda m: f"{open_quote}{m.group(1)}{close_quote}", text)
    if "'" in text:
        text = _SINGLE_PAIR_RE.sub(lambda m: f"{open_inner}{m.group(1)}{close_inner}", text)
        text = text.replace("'", "’")
    return text
