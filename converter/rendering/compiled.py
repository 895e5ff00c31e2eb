"""A CSL style compiled for one output format: its tree built from our element classes
(``elements/``), its locale chain, and the look-up tables its elements read.

Everything here is decided once, when the style is compiled; rendering only reads it. The
output format is part of the compiled style because citeproc-py's elements ask the tree for
their formatter (``root.formatter``): a style rendered as text and as HTML is compiled twice,
and no render changes what another render of the same compiled style sees.
"""
from __future__ import annotations

import copy
import os
from functools import lru_cache
from types import SimpleNamespace
from typing import Any, Dict, List, NamedTuple

from citeproc import LOCALES_PATH, model
from lxml import etree

from ..errors import UsageError
from . import seams
from .elements import ELEMENT_CLASSES
from .elements.lookups import prepare

seams.install()  # speed: citeproc-py's seams without rebuilding the text (seams.py)

CSL_NS = "http://purl.org/net/xbiblio/csl"
_NSMAP = {"cs": CSL_NS}


def _parser() -> etree.XMLParser:
    """A parser that builds trees from our element classes (made per parse: lxml parsers
    are not to be shared between threads)."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    namespace.update(ELEMENT_CLASSES)
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True,
                             resolve_entities=False)
    parser.set_element_class_lookup(lookup)
    return parser


def parse(xml: bytes) -> Any:
    """The root of a CSL tree (style or locale) built from our element classes."""
    return etree.fromstring(xml, _parser())


@lru_cache(maxsize=None)
def _locale_xml(tag: str) -> bytes:
    path = os.path.join(LOCALES_PATH, f"locales-{tag}.xml")
    if not os.path.exists(path):
        raise UsageError(f"unknown CSL locale {tag!r}")
    with open(path, "rb") as fh:
        return fh.read()


def load_locale(tag: str) -> Any:
    """A fresh locale tree for one compiled style. Not shared: a locale renders its terms
    with its style's output format, so a locale shared by an HTML and a text style would
    escape "&" in the text one."""
    return parse(_locale_xml(tag))


class StyleTables(NamedTuple):  # not a dataclass: see converter/model.py
    """What the element classes look up in a compiled style, found once."""

    locale_tag: str
    macros: Dict[str, Any]          # cs:macro elements by name (the first of a name)
    printed_terms: List[str]        # terms printed through cs:text, unescaped
    implicit_year_suffix: bool      # no cs:text renders year-suffix: cs:date places it
    localized_dates: Dict[Any, Any]  # style cs:date -> its own copy of the localized date
    disambiguate_condition: bool    # some cs:if or cs:else-if tests disambiguate="true"


class CompiledStyle:
    """One style tree for one output format, with what citeproc-py wants of a style
    (``root`` and the methods its ``CitationStylesBibliography`` calls)."""

    def __init__(self, xml: bytes, locale: str | None, formatter: SimpleNamespace,
                 source: str = "<style>") -> None:
        try:
            root: Any = parse(xml)
        except etree.XMLSyntaxError as exc:
            raise UsageError(f"cannot read CSL style: {exc}", source=source, field="style") from None
        if not isinstance(root, model.Style):
            raise UsageError("not a CSL style (no <style> root in the CSL namespace)",
                             source=source, field="style")
        self.formatter = formatter
        self.locale = locale or root.get("default-locale") or "en-US"
        root.formatter = formatter
        root.locales = _locale_chain(root, self.locale)
        for found in root.locales:
            found.style = root
        _give_names_a_name(root)
        localized = _own_localized_dates(root)
        self.root: Any = root
        # every element, alive: the look-ups found for it stay on it (elements/lookups.py)
        self.elements = prepare(root)
        root.tables = StyleTables(
            locale_tag=self.locale,
            macros=_macros(root),
            printed_terms=_printed_terms(root),
            implicit_year_suffix=not root.xpath_search('.//cs:text[@variable="year-suffix"]'),
            localized_dates=localized,
            disambiguate_condition=bool(root.xpath_search(
                ".//cs:if[@disambiguate] | .//cs:else-if[@disambiguate]")),
        )

    def has_bibliography(self) -> bool:
        return self.root.bibliography is not None

    def sort_bibliography(self, citation_items: Any) -> Any:
        return self.root.bibliography.sort(citation_items)

    def render_bibliography(self, citation_items: Any) -> Any:
        return self.root.bibliography.render(citation_items)

    def render_citation(self, citation: Any, cites: Any, callback: Any = None) -> Any:
        raise NotImplementedError("citations are rendered by rendering.citations.render_document")


def _locale_chain(root: Any, tag: str) -> List[Any]:
    """The locales a style looks terms up in, in CSL's order ("Locale Fallback"): the
    style's own cs:locale for the dialect, the language, and without a language, then the
    locale files for the dialect, the language's primary dialect and en-US."""
    chain: List[Any] = []
    loaded = set()

    def in_style(lang: str | None) -> None:
        expr = f'./cs:locale[@xml:lang="{lang}"]' if lang else "./cs:locale[not(@xml:lang)]"
        chain.extend(root.xpath_search(expr))

    def from_file(lang: str) -> None:
        if lang not in loaded:
            loaded.add(lang)
            chain.append(load_locale(lang))

    language = tag.split("-")[0]
    in_style(tag)
    if language != tag:
        in_style(language)
    in_style(None)
    if tag in model.LANGUAGE_NAMES:
        from_file(tag)
    if language in model.PRIMARY_DIALECTS:
        from_file(model.PRIMARY_DIALECTS[language])
    from_file("en-US")
    return chain


def _give_names_a_name(root: Any) -> None:
    """A cs:names without cs:name renders with a default cs:name of our class. citeproc-py
    inserts one into the tree while it renders (into the enclosing cs:names for one inside
    cs:substitute, which takes its parent's); here the tree gets them before any render."""
    names_tag, name_tag = f"{{{CSL_NS}}}names", f"{{{CSL_NS}}}name"
    for names in root.iterfind(".//cs:names", _NSMAP):
        parent = names.getparent()
        in_substitute = parent is not None and parent.tag == f"{{{CSL_NS}}}substitute"
        target = parent.getparent() if in_substitute else names
        if target is not None and target.tag == names_tag and target.find("cs:name", _NSMAP) is None:
            target.insert(0, target.makeelement(name_tag))


def _own_localized_dates(root: Any) -> Dict[Any, Any]:
    """CSL "Localized Date Formats": a cs:date with ``form`` renders the locale's date,
    with the attributes of its own cs:date-part children overriding the locale's.
    citeproc-py writes those attributes into the locale's element as it renders, so one
    cs:date's overrides stay for every later one (and renders would change the tree they
    share). Each cs:date with overrides gets its own copy, merged here, placed beside the
    locale's date (it must sit in the locale for its terms); ``elements.date.Date``
    renders it."""
    own: Dict[Any, Any] = {}
    for date in root.iterfind(".//cs:date[@form]", _NSMAP):
        parts = date.findall("cs:date-part", _NSMAP)
        if not parts or date.is_locale_date():
            continue
        localized = root.get_date(date.get("form"))
        if localized is None:
            continue
        mine = copy.deepcopy(localized)
        for part in parts:
            for target in mine.iterfind(f'cs:date-part[@name="{part.get("name")}"]', _NSMAP):
                target.attrib.update(dict(part.attrib))
        mine.tail = None
        localized.addnext(mine)
        own[date] = mine
    return own


def _macros(root: Any) -> Dict[str, Any]:
    found: Dict[str, Any] = {}
    for macro in root.iterfind("cs:macro", _NSMAP):
        found.setdefault(macro.get("name"), macro)
    return found


def _printed_terms(root: Any) -> List[str]:
    """The texts of the terms a style prints through cs:text, as the locale writes them
    (not yet escaped for the output format; a term opening an entry is capitalized, see
    ``casing.capitalize_opening``)."""
    found: List[str] = []
    for element in root.xpath_search(".//cs:text[@term]"):
        try:  # the root's look-up is the element's (same locales), without preparing each element
            term = root.get_term(element.get("term"), element.get("form"))
        except Exception:  # a term the locale lacks
            continue
        if term is None:
            continue
        single = term.find("cs:single", _NSMAP)
        text = (single.text if single is not None else term.text) or ""
        if text and text not in found:
            found.append(text)
    return found
