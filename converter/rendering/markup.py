"""Output formats (plain text, HTML) and the rich text CSL-JSON strings may carry.

citeproc-py calls a formatter module's ``preformat`` on terms and wraps styled text with
``Italic``, ``Bold``...; we hand it our own formatter objects so that HTML escaping is
done once, on data and terms alike, with the numeric entities citeproc-js uses
(``&#38;``, ``&#60;``, ``&#62;``), which survive upper-casing.

Rich text in data (``<i>``, ``<b>``, ``<sup>``, ``<sub>``, small caps and
``<span class="nocase">``, the tags citeproc-js accepts) becomes segments: ``Tag`` for markup,
``NoCase`` for text that case changes must not touch, ``String`` for the rest.
Anything else that looks like a tag is text and is escaped.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Callable, List

from citeproc.string import MixedString, NoCase, String

from ..patterns import lazy
from ..vocabulary.casing import TEXT_CASES, text_case
from ..vocabulary.richtext import tokens

HTML_ESCAPES = {"&": "&#38;", "<": "&#60;", ">": "&#62;"}
_ESCAPE_RE = lazy("[&<>]")


def escape_html(text: str) -> str:
    # citeproc-js's HTML output turns line breaks in data into no-break spaces
    return _ESCAPE_RE.sub(lambda m: HTML_ESCAPES[m.group()], text).replace("\n", "\u00a0")


class Tag(String):
    """A piece of markup: never re-cased, never escaped, never split into words."""

    def lower(self):
        return self

    def upper(self):
        return self

    def soft_lower(self):
        return self

    def soft_upper(self):
        return self

    def capitalize_first(self):
        return self

    def words(self):
        yield self


def _wrapper(open_tag: str, close_tag: str) -> Callable[[object], str]:
    def wrap(text: object) -> str:
        return f"{open_tag}{text}{close_tag}"
    return wrap


def _plain(text: object) -> str:
    return str(text)


SMALL_CAPS = '<span style="font-variant:small-caps;">'

HTML = SimpleNamespace(
    name="html",
    preformat=lambda text: escape_html(str(text)),
    Italic=_wrapper("<i>", "</i>"), Oblique=_wrapper("<i>", "</i>"),
    Bold=_wrapper("<b>", "</b>"), Light=_wrapper('<span style="font-weight:lighter;">', "</span>"),
    Underline=_wrapper('<span style="text-decoration:underline;">', "</span>"),
    Superscript=_wrapper("<sup>", "</sup>"), Subscript=_wrapper("<sub>", "</sub>"),
    SmallCaps=_wrapper(SMALL_CAPS, "</span>"),
)

TEXT = SimpleNamespace(
    name="text", preformat=str,
    Italic=_plain, Oblique=_plain, Bold=_plain, Light=_plain, Underline=_plain,
    Superscript=_plain, Subscript=_plain, SmallCaps=_plain,
)

FORMATTERS = {"html": HTML, "text": TEXT}

_HTML_TAG_FOR = {"i": ("<i>", "</i>"), "b": ("<b>", "</b>"), "sup": ("<sup>", "</sup>"),
                 "sub": ("<sub>", "</sub>"), "sc": (SMALL_CAPS, "</span>")}


def rich_text(value: str, formatter: SimpleNamespace,
              typography: Callable[[str], str] | None = None) -> MixedString:
    """Segments for a field value: escaped text, protected (nocase) text and markup tags.
    The markup (citeproc-js's: <i> <b> <sup> <sub>, small caps and nocase spans) is parsed by
    converter.richtext; tags that do not pair up are text.

    ``typography`` (e.g. smart quotes) applies to the text between tags, never to the tags.
    """
    html = formatter is HTML
    if "<" not in value:  # no markup (most values): one text segment (speed only)
        if not value:
            return MixedString([])
        chunk = typography(value) if typography is not None else value
        return MixedString([String(escape_html(chunk) if html else chunk)])
    out: List[String] = []
    nocase = 0
    for kind, data in tokens(value):
        if kind == "text":
            chunk = typography(data) if typography is not None else data
            chunk = escape_html(chunk) if html else chunk
            out.append(NoCase(chunk) if nocase else String(chunk))
        elif data == "nocase":
            nocase += 1 if kind == "open" else -1
        elif html:
            out.append(Tag(_HTML_TAG_FOR[data][0 if kind == "open" else 1]))
    return MixedString(out)


def _segments(value: object) -> List[String]:
    if isinstance(value, MixedString):
        return list(value)
    if isinstance(value, String):
        return [value]
    return [String(str(value))]


def apply_case(value: object, mode: str) -> object:
    """CSL ``text-case`` ``mode`` (``casing.text_case``) on rich text: words are found
    across segments, protected segments (``NoCase``, markup ``Tag``) keep their case, and
    the segment structure is kept."""
    segs = _segments(value)
    chars: List[str] = []
    locked: List[bool] = []
    for seg in segs:
        if isinstance(seg, Tag):
            continue
        frozen = isinstance(seg, NoCase)
        chars.extend(seg)
        locked.extend([frozen] * len(seg))
    plain = "".join(chars)
    if mode not in TEXT_CASES or not plain:
        return value
    out = text_case(plain, mode, locked)
    # rebuild the segments from the changed characters
    result: List[String] = []
    pos = 0
    for seg in segs:
        if isinstance(seg, Tag):
            result.append(seg)
            continue
        text = "".join(out[pos:pos + len(seg)])
        pos += len(seg)
        result.append(type(seg)(text))
    return MixedString(result) if len(result) != 1 else result[0]


# Flip-flop (citeproc-js): italics inside italics are set upright, bold inside bold normal,
# small caps inside small caps normal; one level further in, the style comes back.
_FLIP_RE = lazy(r"<(/?)([a-z]+)([^>]*)>")
_FLIPS = {
    "<i>": ("italic", '<span style="font-style:normal;">', "</span>", "</i>"),
    "<b>": ("bold", '<span style="font-weight:normal;">', "</span>", "</b>"),
    SMALL_CAPS: ("small-caps", '<span style="font-variant:normal;">', "</span>", "</span>"),
}


def flip_flop(html: str) -> str:
    """HTML with nested identical decorations flipped, as citeproc-js prints them."""
    if html.count("<i>") + html.count("<b>") + html.count(SMALL_CAPS) < 2:
        return html  # nothing can be nested
    out: List[str] = []
    closers: List[str] = []       # what each open tag closes with, innermost last
    active: List[str] = []        # decorations in force for each open tag
    pos = 0
    for m in _FLIP_RE.finditer(html):
        out.append(html[pos:m.start()])
        pos = m.end()
        tag = m.group(0)
        if m.group(1):  # a closing tag
            if closers:
                out.append(closers.pop())
                active.pop()
            else:
                out.append(tag)
            continue
        flip = _FLIPS.get(tag)
        state = set(active[-1].split()) if active else set()
        if flip is None:
            out.append(tag)
            closers.append(f"</{m.group(2)}>")
            active.append(" ".join(sorted(state)))
            continue
        name, upright_open, upright_close, normal_close = flip
        if name in state:
            out.append(upright_open)
            closers.append(upright_close)
            state.discard(name)
        else:
            out.append(tag)
            closers.append(normal_close)
            state.add(name)
        active.append(" ".join(sorted(state)))
    out.append(html[pos:])
    return "".join(out)
