"""Speed: what citeproc-py looks up again on every call, found once when a style is compiled.

citeproc-py finds an element's root and formatter, the cs:citation or cs:bibliography whose
options it inherits, whether a date is a locale's, a term, a localized date, the types a
condition tests, by walking the tree or running an XPath search each time: hundreds of
times per entry (about a fifth of the time of an APA bibliography). ``prepare`` finds them
once per element of a compiled tree and keeps them on the element; the compiled style keeps
every element alive (lxml hands back the same Python object for a node only while one is
alive), so the attributes stay. Every answer is the one citeproc-py's own method gives; an
element that was not prepared (its attribute is missing, so citeproc-py's ``__getattr__``
finds no such child and gives None) falls back to citeproc-py's method.

An element is prepared when one of its look-ups is first asked for, not when the style is
compiled: one entry uses a few hundred of APA's ~2,000 elements and locale terms, and
preparing them all was a tenth of a one-record command's time.
"""
from __future__ import annotations

import threading
from typing import Any, Dict, List, Optional, Tuple

from citeproc import model

CSL = "{http://purl.org/net/xbiblio/csl}"
_FORMATTING = (("font-style", "normal"), ("font-variant", "normal"), ("font-weight", "normal"),
               ("text-decoration", "none"), ("vertical-align", "baseline"))
_FORMATTING_NAMES = frozenset(name for name, _ in _FORMATTING)
_OPTIONS_PARENTS = (f"{CSL}citation", f"{CSL}bibliography")
_CONDITIONALS = (f"{CSL}if", f"{CSL}else-if")
_NAMES, _LOCALE = f"{CSL}names", f"{CSL}locale"
# every option a cs:citation or cs:bibliography answers for cs:name and cs:names
_INHERITED = tuple(sorted(set(model.CitationStylesElement._default_options)
                          | set(model.Citation._default_options)
                          | set(model.Bibliography._default_options)))


class Lookups:
    """Root, formatter, locale-ness and the formatting short cut, from ``prepare``; the
    answers of XPath searches and of child look-ups by name (``element.layout``), kept on
    the element after the first (a compiled tree never changes shape while it renders)."""

    def __getattr__(self, name):
        if name in _PREPARED and "_ready" not in self.__dict__:
            # the first look-up asked of this element: prepared under a lock, so that another
            # thread rendering with the same style waits here instead of finding some
            # look-ups set and others not (tests/test_render_threads.py); the preparing
            # thread's own questions meanwhile fall back to citeproc-py's methods
            with _PREPARING:
                if "_ready" not in self.__dict__ and "_preparing" not in self.__dict__:
                    self.__dict__["_preparing"] = True
                    _prepare_element(self)
                    self.__dict__["_ready"] = True
            if name in self.__dict__:
                return self.__dict__[name]
        # citeproc-py's SomewhatObjectifiedElement: a missing attribute is the first child
        # of that name (None when there is none); found once, then an instance attribute
        found = self.find("cs:" + name, self.nsmap)
        self.__dict__[name] = found
        return found

    def xpath_search(self, expression):
        cache = self._xpaths
        if cache is None:
            return super().xpath_search(expression)
        found = cache.get(expression)
        if found is None:
            found = cache[expression] = tuple(super().xpath_search(expression))
        return list(found)

    def get_root(self):
        root = self._root
        return root if root is not None else model.CitationStylesElement.get_root(self)

    def get_formatter(self):
        style = self._style_root
        return style.formatter if style is not None else super().get_formatter()

    def is_locale_date(self):
        found = self._in_locale
        return found if found is not None else super().is_locale_date()

    def format(self, string):
        # citeproc-py's Formatted.format asks the formatter five times, even when the
        # element sets no font-style, font-variant, font-weight, text-decoration or
        # vertical-align: then the text comes back as it went in
        if self._plain is True:
            return str(string) if isinstance(string, (int, float)) else string
        return super().format(string)


class LocaleLookups:
    """A locale's terms and localized dates by name and form, from ``prepare``."""

    def get_term(self, name, form=None, zero_padded=False):
        terms = self._terms
        if terms is None or zero_padded:
            return super().get_term(name, form, zero_padded=zero_padded)
        found = terms.get((name, form))
        if found is None:
            raise IndexError(name)
        return found

    def get_date(self, form):
        dates = self._dates
        if dates is None:
            return super().get_date(form)
        found = dates.get(form)
        if found is None:
            raise IndexError(form)
        return found


_CONDITIONS = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate")


def condition_tests(element: Any) -> Tuple[str, ...]:
    """The tests a cs:if or cs:else-if makes, in the order they are made."""
    attrib = element.attrib
    return tuple(test for test in _CONDITIONS if test in attrib)


def options_parent(element: Any, context: Any) -> Optional[Any]:
    """The cs:citation or cs:bibliography ``context`` (or ``element``) is rendered in."""
    parent = (context if context is not None else element)._options_parent
    return parent if parent is not None and parent is not False else None


def inherited_option(parent: Any, name: str) -> Any:
    """``parent.get_option(name)``, from the table ``prepare`` made."""
    options = parent._options
    if options is not None and name in options:
        return options[name]
    return parent.get_option(name)


_PREPARING = threading.RLock()
# the attributes _prepare_element sets (some only on some elements)
_PREPARED = frozenset(("_root", "_style_root", "_options_parent", "_in_locale", "_plain", "_xpaths", "_kids",
                       "_options", "_substitute", "_tests", "_match", "_types", "_variables", "_terms", "_dates",
                       "_attrs", "_affixes"))
# citeproc-py's Date_Part.process writes its style's attributes into a locale's cs:date-part
# while it renders: those attributes are read live, never from ``_attrs``
_LIVE_ATTRIBUTES = f"{CSL}date-part"
_UNFORMATTED = (None, None, None)  # (formatter, prefix, suffix): not yet made for any formatter


def prepare(style_root: Any) -> List[Any]:
    """Find the look-ups of a compiled style's elements and of its locales' elements; the list
    of the elements prepared, which the caller keeps alive."""
    kept: List[Any] = []
    style_root._prepared = kept
    # every element now, in this thread: preparing on first use raced when threads shared
    # a style (tests/test_render_threads.py failed about one run in ten even under a lock)
    trees = [style_root] + [loc for loc in style_root.locales if loc.getroottree().getroot() is not style_root]
    for tree in trees:
        for element in tree.iter():
            if "_ready" in element.__dict__:
                kept.append(element)  # prepared before this list was there: kept alive too
                continue
            element.__dict__["_preparing"] = True
            _prepare_element(element)
            element.__dict__["_ready"] = True
    return kept


def _prepare_element(element: Any) -> None:
    if not isinstance(element, model.CitationStylesElement):
        return
    root = element.getroottree().getroot()
    style_root = root if isinstance(root, model.Style) else root.style  # a locale file's: its style's
    options_parent: Any = False  # the nearest cs:citation or cs:bibliography above
    in_locale = False
    for ancestor in element.iterancestors():
        tag = ancestor.tag
        if options_parent is False and tag in _OPTIONS_PARENTS:
            options_parent = ancestor
        elif tag == _LOCALE:
            in_locale = True
    # first: what follows asks for the root
    element._root = root
    element._style_root = style_root
    element._options_parent = options_parent
    element._in_locale = in_locale
    # most elements set none of the formatting attributes: one set operation tells
    element._plain = _FORMATTING_NAMES.isdisjoint(element.keys()) or all(
        element.get(name, default) == default for name, default in _FORMATTING)
    element._xpaths = {}
    element._kids = tuple(element.iterchildren())
    tag = element.tag
    if tag != _LIVE_ATTRIBUTES:
        # an element's attributes as a dict (lxml decodes an attribute at every ``get``), and
        # its affixes as the tree's output format writes them, made on first use
        # (``AffixMixin.wrap``: a caller may set the formatter after compiling); None: read live
        element._attrs = dict(element.attrib)
        element._affixes = _UNFORMATTED
    if tag in _OPTIONS_PARENTS:
        element._options = _options(element)
    if tag == _NAMES:
        found = element.find("cs:substitute", element.nsmap)
        element._substitute = found if found is not None else False
    if tag in _CONDITIONALS:
        element._tests = condition_tests(element)
        element._match = element.get("match", "all")
        if "type" in element.attrib:
            element._types = tuple(t.lower() for t in element.get("type").split())
        variables = element.get("variable", "").split()
        if variables and "locator" not in variables:
            element._variables = tuple(v.replace("-", "_") for v in variables)
    if isinstance(element, model.Locale):
        element._terms, element._dates = _locale_tables(element)
    kept = style_root.__dict__.get("_prepared") if style_root is not None else None
    if kept is not None:
        kept.append(element)


def _options(element: Any) -> Dict[str, Any]:
    found: Dict[str, Any] = {}
    for name in _INHERITED:
        try:
            found[name] = element.get_option(name)
        except KeyError:  # an option this element does not answer: asked, it raises again
            continue
    return found


def _locale_tables(locale: Any) -> Tuple[Dict[Tuple[str, Optional[str]], Any], Dict[str, Any]]:
    """The first term of each name and form in the locale's (first) cs:terms, and the first
    cs:date of each form, as citeproc-py's XPath searches find them."""
    terms: Dict[Tuple[str, Optional[str]], Any] = {}
    found = locale.find("cs:terms", locale.nsmap)
    if found is not None:
        for term in found.iterfind("cs:term", locale.nsmap):
            terms.setdefault((term.get("name"), term.get("form")), term)
    dates: Dict[str, Any] = {}
    for date in locale.iterfind("cs:date", locale.nsmap):
        if date.get("form") is not None:
            dates.setdefault(date.get("form"), date)
    return terms, dates
