"""Rendering CSL styles (APA, our GOST styles, any CSL style) through citeproc-py.

citeproc-py (pinned in pyproject.toml) parses and evaluates the style; this package wraps it:

- ``styles``: finding and loading styles (cached per process);
- ``compiled``: a style compiled for one output format: its tree built from our element
  classes, its locale chain, the tables its elements read;
- ``elements``: the element subclasses that fix citeproc-py's evaluation gaps;
- ``state``: what a render remembers while it runs, carried by each reference;
- ``items``: CSL-JSON items to citeproc-py references (escaping, rich text, dates);
- ``markup``: the text and HTML output formats, rich text and text-case on it;
- ``names``: initials; ``sorting``: collation;
- ``cites``: cites, the document, one cite through the citation layout;
- ``positions``, ``disambiguation``, ``citations``: in-text citations of a whole document;
- ``punctuation``: clean-up where pieces meet;
- ``engine``: one render of many items; ``conformance``: the CSL test-suite runner;
- ``bounded``: the same bibliography with memory bounded by the list's size, its items
  waiting in a ``spool`` file (streamed APA).
"""
from __future__ import annotations

from .engine import Rendered, render
from .styles import LoadedStyle, load_style, load_style_text

__all__ = ["LoadedStyle", "Rendered", "load_style", "load_style_text", "render"]
