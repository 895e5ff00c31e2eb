"""Behaviours several element classes share: text-case, escaped affixes, number formatting,
recording the variables a substitute used, and macro look-ups from the compiled style."""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError

from .. import seams
from ..markup import apply_case
from .compiler import children_fns, run

ENGLISH = ("en",)


def tables(element: Any) -> Any:
    """The ``StyleTables`` of the style ``element`` belongs to (see ``compiled.py``)."""
    style = element._style_root  # see lookups.py
    if style is not None:
        return style.tables
    root = element.get_root()
    return root.tables if isinstance(root, model.Style) else root.style.tables


class CasedMixin:
    """CSL "Text-case": case changes on rich text leave ``nocase`` spans and markup alone,
    and title case applies to English items only ("Title case conversion").
    citeproc-py re-cases the plain string and tests the language as exactly "en".
    Test: test_render_layer.py::test_text_case_spares_nocase_and_markup.
    Upstream: citeproc-py's ``TextCased`` should work on its own ``NoCase`` segments."""

    def case(self, text, language=None):
        attrs = self._attrs  # lookups.py (None: read live)
        mode = attrs.get("text-case") if attrs is not None else self.get("text-case")
        if mode is None or not text:
            return text
        if mode == "title" and language is not None and language[:2] not in ENGLISH:
            return text
        return apply_case(text, mode)


class AffixMixin:
    """CSL "Affixes" are text like any other: escaped for HTML (citeproc-py inserts them raw).
    Test: test_render_overrides.py::test_override_fixture[bugreports_DoubleEncodedAngleBraces].
    Upstream: citeproc-py's ``Affixed.wrap`` should call ``preformat``."""

    def wrap(self, string):
        if string is None:
            return None
        affixes = self._affixes  # preformatted once per formatter (lookups.py); None: read live
        if affixes is not None:
            style = self._style_root
            formatter = style.formatter if style is not None else None
            if affixes[0] is not formatter or formatter is None:
                attrs = self._attrs
                prefix, suffix = attrs.get("prefix"), attrs.get("suffix")
                affixes = (formatter, self.preformat(prefix) if prefix else None,
                           self.preformat(suffix) if suffix else None)
                if formatter is not None:
                    self.__dict__["_affixes"] = affixes
            _, prefix, suffix = affixes
        else:
            prefix, suffix = self.get("prefix"), self.get("suffix")
            prefix = self.preformat(prefix) if prefix else None
            suffix = self.preformat(suffix) if suffix else None
        if prefix:
            string = seams.add(prefix, seams.normalize_seam(prefix, string))
        if suffix:
            string = seams.add_seamed(string, suffix)
        return string


class MacroMixin:
    """Macros by name from the compiled style's table: citeproc-py runs an XPath search of
    the whole style for every macro call (speed only; the result is the same)."""

    def get_macro(self, name):
        found = tables(self).macros.get(name)
        return found if found is not None else model.CitationStylesElement.get_macro(self, name)


class RecordsVariableMixin:
    """CSL "Substitution": a variable a substitute rendered is suppressed in the rest of the
    entry. While a substitute is tried, the variables that actually rendered are noted
    (``ReferenceState.accessed``); ``Substitute`` suppresses them.
    Test: test_render_layer.py::test_substituted_title_is_not_repeated."""

    def render(self, item, *args, **kwargs):
        text = super().render(item, *args, **kwargs)
        if text:
            note_accessed(self, item)
        return text


def note_accessed(element, item) -> None:
    """While a substitute is tried, the variables an element rendered (RecordsVariableMixin)."""
    accessed = item.reference.state.accessed
    if accessed is not None:
        variable = element.get("variable")
        if variable:
            accessed.extend(v.replace("-", "_") for v in variable.split())


class PageRangeMixin:
    """CSL "Appendix V - Page Range Formats" on ranges whose second number is abbreviated in
    the data ("677-86"): expanded first, then shortened as the style asks (citeproc-py
    compares the digits as given).
    Test: test_render_layer.py::test_page_range_expanded_with_en_dash."""

    def _format_last_page(self, first, last):
        start, end = str(first), str(last)
        if start.isdigit() and end.isdigit() and len(end) < len(start):
            last = start[:len(start) - len(end)] + end
        return super()._format_last_page(first, last)


class NumberEscapeMixin:
    """Page and locator values are kept raw (citeproc-py splits them on "&", "," and "-");
    each piece is escaped here, as it is formatted, as citeproc-js escapes every value for
    the output format (citeproc-py prints the pieces as they are; a value escaped before the
    split would be cut at the "&" of "&#38;").
    Test: test_render_overrides.py::test_override_fixture[flipflop_NumericField]."""

    def format_number(self, number):
        return self.preformat(str(super().format_number(number)))


class ChildrenMixin:
    """citeproc-py's ``Parent.render_children`` (CSL "Group": a cs:choose passes the group's
    delimiter on to its branch) over the children found once (``_kids``, lookups.py) instead
    of a fresh lxml iteration per call: speed only, the same answer.
    Test: test_render_citations.py::test_csl_suite_fixture[group_SuppressTermInMacro]."""

    def render_children(self, item, delimiter="", **kwargs):
        kids = self._kids
        if kids is None:
            return super().render_children(item, delimiter=delimiter, **kwargs)
        # the children's closures (compiler.py): render_kinds without the method calls
        fns = self.__dict__.get("_fns")
        return run(fns if fns is not None else children_fns(self, kids), item, delimiter, kwargs)


def render_kinds(found: Any, item: Any, delimiter: Any, kwargs: Any) -> Any:
    """The children ``kinds`` found rendered and joined as ``Parent.render_children`` does (a
    cs:choose child gets the delimiter); None when none prints."""
    output = []
    for child, choose in found:
        try:
            if choose:
                text = child.render(item, delimiter=delimiter, **kwargs)
            else:
                text = child.render(item, **kwargs)
        except VariableError:
            continue
        if text is not None:
            output.append(text)
    if not output:
        return None
    return output[0] if len(output) == 1 else seams.join(output, delimiter)  # join gives a lone piece back as it is


def kinds(element: Any, kids: Any) -> Any:
    """``(child, is a cs:choose)`` for each child of ``element``, found once (speed only)."""
    found = element.__dict__.get("_kinds")
    if found is None:
        found = element.__dict__["_kinds"] = tuple((child, isinstance(child, model.Choose)) for child in kids)
    return found
