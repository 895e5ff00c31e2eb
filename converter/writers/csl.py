"""Formatted references through CSL: ``apa`` (APA 7), ``gost`` (GOST R 7.0.100-2018),
``gost-2008`` (GOST R 7.0.5-2008) and ``csl`` (any style, ``--style NAME|PATH``).

Text output has one entry (or, with ``--citations``, one in-text citation) per line; HTML
output is citeproc-js's markup (``csl-bib-body`` / ``csl-entry``).

GOST needs two things CSL cannot express, so this writer prepares each item:
- the locale is chosen per item: the list's language for cataloguing terms, the document's
  language for volume/issue/page words (DECISIONS.md);
- items with four or more authors have no heading: their authors move to ``contributor``.
"""
from __future__ import annotations

import copy
import re
from typing import Callable, Iterable, Iterator, List, Tuple

from ..errors import UsageError
from ..forked import map_ranges
from ..model import CSLItem, Diagnostics, Output
from ..options import Options
from ..patterns import lazy
from ..rendering import load_style, prepare, render
from ..vocabulary.casing import lower_after_colon, sentence_case, stored_in_title_case
from ..vocabulary.languages import has_cyrillic
from ..vocabulary.richtext import recase

APA_STYLE = "citeconv-apa"
GOST_STYLES = {"gost": "citeconv-gost-2018", "gost-2008": "citeconv-gost-2008"}
_ORDINAL_EDITION_RE = lazy(r"(\d+)(?:st|nd|rd|th|d)?\.?", re.IGNORECASE)


def _usable(item: object, n: int, diags: Diagnostics) -> bool:
    if not isinstance(item, dict):
        diags.warn(f"item {n} is not a CSL-JSON object; skipped", record=str(n))
        return False
    if not item.get("title") and not item.get("author") and not item.get("editor"):
        diags.warn("item has neither title nor author; its entry will be sparse",
                   record=str(item.get("id", n)))
    return True


def _check(items: List[CSLItem], diags: Diagnostics) -> List[CSLItem]:
    return [item for n, item in enumerate(items, 1) if _usable(item, n, diags)]


def _line(part: str, markup: str, citations: bool) -> str:
    # one entry per line: a line break inside the data (a title typed over two lines) is a space
    part = re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", part)
    if markup == "html" and not citations:
        return f'  <div class="csl-entry">{part}</div>\n'
    return part + "\n"


def _head(markup: str, citations: bool) -> str:
    return '<div class="csl-bib-body">\n' if markup == "html" and not citations else ""


def _tail(markup: str, citations: bool) -> str:
    return "</div>\n" if markup == "html" and not citations else ""


def _join(parts: List[str], markup: str, citations: bool) -> str:
    body = "".join(_line(p, markup, citations) for p in parts)
    return _head(markup, citations) + body + _tail(markup, citations)


def _write_with(items: List[CSLItem], style_name: str, options: Options,
                diags: Diagnostics) -> str:
    style = load_style(style_name, options.locale)
    if options.citations:
        out = render(items, style, markup=options.markup, bibliography=False, citations=True)
        return _join(out.citations, options.markup, True)
    if not style.has_bibliography():
        diags.warn(f"style {style_name!r} has no bibliography; writing in-text citations")
        out = render(items, style, markup=options.markup, bibliography=False, citations=True)
        return _join(out.citations, options.markup, True)
    # --jobs: a big bibliography's entries are rendered over several processes, same output
    out = render(items, style, markup=options.markup, jobs=options.jobs)
    return _join(out.entries, options.markup, False)


def _prepare_apa(item: CSLItem) -> CSLItem:
    if stored_in_title_case(item) and item.get("title"):
        item = dict(item, title=recase(str(item["title"]), sentence_case))
    item = prepare.apa_edition(prepare.for_any_style(item))
    if prepare.publisher_is_author(item):
        # APA 7 §9.24: a group author that is also the publisher is named once (CSL cannot compare)
        item = {k: v for k, v in item.items() if k != "publisher"}
    return item


def _warn_apa_locale(options: Options, diags: Diagnostics) -> None:
    if options.locale and not options.locale.lower().startswith("en"):
        diags.warn(f"APA is rendered in {options.locale!r} as asked; APA 7 itself is English",
                   field="locale")


def write_apa(items: List[CSLItem], *, options: Options) -> Output:
    diags = Diagnostics()
    prepared = [_prepare_apa(item) for item in _check(items, diags)]
    _warn_apa_locale(options, diags)
    return Output(_write_with(prepared, APA_STYLE, options, diags), list(diags))


def write_apa_stream(records: Callable[[], Iterator[CSLItem]], *, options: Options,
                     diags: Diagnostics) -> Iterator[str]:
    """``write_apa``'s text with memory bounded by the input's size: the items wait in a
    spool file and the entries are written as they are rendered (rendering/bounded.py).
    In-text citations need the whole list in input order and are written by ``write_apa``."""
    style = load_style(APA_STYLE, options.locale)
    if options.citations or not style.has_bibliography():
        whole = write_apa(list(records()), options=options)
        diags.extend(whole.diagnostics)
        yield str(whole)
        return
    # imported here: a list small enough to be rendered whole (most runs) never needs them
    from ..rendering.bounded import render_spooled
    from ..rendering.spool import Spool

    with Spool() as spool:
        for n, item in enumerate(records(), 1):
            if _usable(item, n, diags):
                spool.append(_prepare_apa(item))
            yield ""  # what was said about this record goes out beside it
        _warn_apa_locale(options, diags)
        yield _head(options.markup, False)
        for entry in render_spooled(spool, style, markup=options.markup, jobs=options.jobs):
            yield _line(entry, options.markup, False)
        yield _tail(options.markup, False)


def write_csl(items: List[CSLItem], *, options: Options) -> Output:
    diags = Diagnostics()
    if not options.style:
        raise UsageError("-t csl needs --style NAME or --style PATH.csl", field="style")
    return Output(_write_with(_check(items, diags), options.style, options, diags), list(diags))


# --- GOST -------------------------------------------------------------------------------

def _item_language(item: CSLItem) -> str:
    lang = str(item.get("language") or "").lower()
    if lang:
        return "ru" if lang.startswith("ru") else "en"
    text = f"{item.get('title', '')} {item.get('container-title', '')}"
    return "ru" if has_cyrillic(text) else "en"


def _gost_locale(list_language: str, item: CSLItem) -> str:
    item_language = _item_language(item)
    if list_language == "en":
        return "en-US"
    # en-RU: an English-language document described in a Russian-language list
    return "ru-RU" if item_language == "ru" else "en-RU"


# GOST 7.0.12-2011 §4.3: the places every reference abbreviates; GOST R 7.0.5-2008 uses them,
# GOST R 7.0.100-2018's examples write places in full
_ABBREVIATED_PLACES = {"Москва": "М.", "Санкт-Петербург": "СПб.", "Ростов-на-Дону": "Ростов н/Д",
                       "Нижний Новгород": "Н. Новгород"}


def _abbreviate_places(place: str) -> str:
    return " ; ".join(_ABBREVIATED_PLACES.get(p.strip(), p.strip()) for p in place.split(";"))


def gost_title(title: str) -> str:
    """GOST's prescribed punctuation: "Title: subtitle" becomes "Title : subtitle"."""
    return re.sub(r"\s*:\s+", " : ", title)


def _prepare_gost(item: CSLItem, which: str = "gost") -> CSLItem:
    item = prepare.for_any_style(copy.copy(item))
    if which == "gost-2008" and item.get("publisher-place"):
        item["publisher-place"] = _abbreviate_places(str(item["publisher-place"]))
    title = item.get("title")
    if title:
        title = str(title)
        if stored_in_title_case(item):
            title = recase(gost_title(recase(title, sentence_case)), lower_after_colon)
        else:
            title = gost_title(title)
        item["title"] = title
    if item.get("container-title"):
        # a proceedings' "Title: other title information" takes GOST's " : " too
        item["container-title"] = gost_title(str(item["container-title"]))
    edition = _ORDINAL_EDITION_RE.fullmatch(str(item.get("edition") or "").strip())
    if edition:
        # "2nd" counts as numeric in CSL; the style adds the locale's own ordinal ("2-е изд.")
        item["edition"] = edition.group(1)
    authors = item.get("author") or []
    if len(authors) >= 4 and not item.get("contributor"):
        # GOST: four or more authors, no heading; they are all named after the slash
        item["contributor"] = authors
        del item["author"]
    return item


def _gost_pieces(items: Iterable[object], options: Options, which: str,
                 diags: Diagnostics) -> Iterator[str]:
    """The text of a GOST list, piece by piece. Each item renders alone, in input order (its
    own locale; a GOST list keeps the order it is given), so nothing but a block of items
    is held, whatever their number; a block renders over ``jobs`` processes."""
    language = (options.locale or "ru").split("-")[0].lower()
    if language not in ("ru", "en"):
        raise UsageError(f"GOST lists are Russian (--locale ru) or English (--locale en), "
                         f"not {options.locale!r}", field="locale")
    citations, markup = bool(options.citations), options.markup
    block: List[CSLItem] = []
    written = 0

    def render_range(start: int, stop: int) -> List[Tuple[List[str], bool]]:
        out = []
        for item in block[start:stop]:
            prepared = _prepare_gost(item, which)
            style = load_style(GOST_STYLES[which], _gost_locale(language, prepared))
            rendered = render([prepared], style, markup=markup, bibliography=not citations, citations=citations)
            out.append((rendered.citations if citations else rendered.entries,
                        not citations and not rendered.entries))
        return out

    def flush() -> Iterator[str]:
        nonlocal written
        for item, (texts, empty) in zip(block, map_ranges(render_range, len(block), options.jobs)):
            if empty:
                diags.warn("the style prints nothing for this item; no entry written", record=str(item.get("id", "")))
            for text in texts:
                written += 1
                # numeric in-text citations follow the list's order
                yield _line(f"[{written}]" if citations else text, markup, citations)
        block.clear()

    yield _head(markup, citations)
    for n, item in enumerate(items, 1):
        if _usable(item, n, diags):
            block.append(item)  # type: ignore[arg-type]
        if len(block) == GOST_BLOCK:
            yield from flush()
        yield ""  # what was said about this record goes out beside it
    yield from flush()
    yield _tail(markup, citations)


GOST_BLOCK = 4096  # items rendered at once (over ``jobs`` processes)


def write_gost(items: List[CSLItem], *, options: Options) -> Output:
    diags = Diagnostics()
    return Output("".join(_gost_pieces(items, options, "gost", diags)), list(diags))


def write_gost_2008(items: List[CSLItem], *, options: Options) -> Output:
    diags = Diagnostics()
    return Output("".join(_gost_pieces(items, options, "gost-2008", diags)), list(diags))


def write_gost_stream(records: Callable[[], Iterator[CSLItem]], *, options: Options,
                      diags: Diagnostics) -> Iterator[str]:
    return _gost_pieces(records(), options, "gost", diags)


def write_gost_2008_stream(records: Callable[[], Iterator[CSLItem]], *, options: Options,
                           diags: Diagnostics) -> Iterator[str]:
    return _gost_pieces(records(), options, "gost-2008", diags)
