"""cs:text, cs:number, cs:label, cs:date-part and cs:name-part."""
from __future__ import annotations

from html import unescape as html_unescape
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from ...patterns import lazy
from ..items import TrackedReference
from .compiler import run
from .mixins import (
    AffixMixin,
    CasedMixin,
    MacroMixin,
    NumberEscapeMixin,
    PageRangeMixin,
    RecordsVariableMixin,
    note_accessed,
)

# `number` is not here: a report, patent or standard number is an identifier printed as given
# ("NIH Publication No. 18-2424", APA Manual), not a range
_NUMBER_VARIABLES = frozenset({"volume", "issue", "edition", "chapter-number",
                               "collection-number", "number-of-volumes", "number-of-pages"})
_RANGE_RE = lazy(r"^(\d+)\s*[-‐]\s*(\d+)$")


class Text(RecordsVariableMixin, CasedMixin, AffixMixin, MacroMixin, NumberEscapeMixin,
           PageRangeMixin, model.Text):
    """- A macro call acts as a group, as in citeproc-js (CSL "Group" suppression applied to
      cs:text macro="..."): it is empty when it called variables and all were empty.
      Test: test_render_layer.py::test_macro_call_is_suppressed_like_a_group.
    - A numeric range in a number variable takes an en dash (CSL "Number": ranges are
      joined by an en dash), as citeproc-js prints it for cs:text too.
      Test: test_render_overrides.py::test_override_fixture[fullstyles_ABdNT].
    - The locator is escaped like any data (citeproc-py inserts it as given).
      Test: test_render_overrides.py::test_override_fixture[label_PluralWithAmpersand].
    - Variables a substitute used (CSL "Substitution") are looked up in the reference's
      ``ReferenceState``: citeproc-py keeps them on the layout element, which all renders
      of the style share. Upstream: citeproc-py should pass that state with the item.
      Test: test_render_threads.py::test_threads_render_as_one_thread."""

    def render(self, item, context=None, **kwargs):
        # speed: what RecordsVariableMixin.render, citeproc-py's Text.render, ``process`` and
        # ``markup`` do for a variable or a macro call, in one call, with the attributes read
        # once (``_text_plan``); anything else goes the long way (the same answer)
        plan = self.__dict__.get("_text_plan")
        if plan is None:
            plan = self.__dict__["_text_plan"] = _text_plan(self)
        if plan is False:
            return super().render(item, context=context, **kwargs)
        variable, macro, strip, mode, quotes, plain, affixed = plan
        if variable is not None:
            text = self._variable(item, context if context is not None else self)
            if not text:
                return None
            language = self._language(item) if mode == "title" else None
        else:
            language = self._language(item) if mode == "title" else None
            state = item.reference.state
            calls, hits = state.calls, state.hits
            text = macro.render(item, context if context is not None else self)
            if state.calls > calls and state.hits == hits:
                return None
            if text:
                state.hits += 1
            else:
                return None
        if strip:
            text = text.replace(".", "")
        if mode is not None:
            text = self.case(text, language)
        if not plain:
            text = self.format(text)
        elif isinstance(text, (int, float)):
            text = str(text)
        if quotes:
            text = self.quote(text)
        if affixed:
            text = self.wrap(text)
        if variable is not None and text and item.reference.state.accessed is not None:
            note_accessed(self, item)  # only while a substitute is tried (RecordsVariableMixin)
        return text

    def closure(self):
        """The closure ``compiler.py`` runs for this element (None: through ``render``)."""
        return _text_closure(self)

    def process(self, item, context=None, **kwargs):
        # citeproc-py's Text.process, with the item's language found without an exception
        # when it has none (most items; speed only)
        attrib = self._attrs  # found once (lookups.py)
        if attrib is None:
            attrib = self.attrib
        if "variable" in attrib:
            return self._variable(item, context if context is not None else self), self._language(item)
        macro = attrib.get("macro")
        if macro is None:
            return super().process(item, context=context, **kwargs)
        # what printed keeps its parent group, as a variable that rendered would
        language = self._language(item)
        state = item.reference.state
        calls, hits = state.calls, state.hits
        found = self.__dict__.get("_macro_element")  # the style's macro, found once (speed only)
        if found is None:
            found = self.__dict__["_macro_element"] = self.get_macro(macro)
        text = found.render(item, context if context is not None else self)
        if state.calls > calls and state.hits == hits:
            return None, language
        if text:
            state.hits += 1
        return text, language

    def _language(self, item):
        """The first two letters of the item's language, or of the style's default locale."""
        ref = item.reference
        if isinstance(ref, TrackedReference):
            language = dict.get(ref, "language") if "language" not in ref.state.suppressed else None
            if language is not None:
                return language[:2]
            return self.get_root().get("default-locale", "en")[:2]
        try:
            return ref.language[:2]
        except VariableError:
            return self.get_root().get("default-locale", "en")[:2]

    def markup(self, text, language):
        # citeproc-py's Text.markup, with strip-periods and quotes read from the attributes
        # found once (lookups.py; speed only)
        if not text:
            return None
        attrs = self._attrs
        if attrs is None:
            return super().markup(text, language)
        if attrs.get("strip-periods", "false").lower() == "true":
            text = text.replace(".", "")
        text = self.format(self.case(text, language))
        if attrs.get("quotes", "false").lower() == "true":
            text = self.quote(text)
        return self.wrap(text)

    def quote(self, string):
        # speed: citeproc-py's Quoted.quote also looks up punctuation-in-quote, which it
        # does not use (punctuation.py moves the punctuation)
        if self.get("quotes", "false").lower() == "true":
            string = self.get_single_term(name="open-quote") + string + self.get_single_term(name="close-quote")
        return string

    def _variable(self, item, context):
        attrs = self._attrs
        if attrs is None:
            attrs = self.attrib
        attribute = variable = attrs.get("variable")
        ref = item.reference
        if variable in ref.state.repressed:
            return None
        if attrs.get("form") == "short":
            short_variable = variable + "-short"
            if short_variable.replace("-", "_") in ref:
                variable = short_variable
        if variable.startswith("page"):
            text = self._process(ref.page, variable)
        elif variable == "citation-number":
            text = item.number
        elif variable == "locator":
            en_dash = self.unicode_character("EN DASH")
            text = self.preformat(html_unescape(str(item.locator.identifier).replace("-", en_dash)))
        else:
            text = ref[variable.replace("-", "_")]
        if text is not None and attribute in _NUMBER_VARIABLES and _RANGE_RE.match(str(text)):
            text = String(_RANGE_RE.sub("\\1–\\2", str(text)))
        return text


def _text_plan(text):
    """``(variable, macro element, strip-periods, text-case, quotes, no formatting, has
    affixes)`` of a prepared cs:text
    that prints a variable or calls a macro; False for any other (read live)."""
    attrs = text._attrs
    if attrs is None:
        return False
    variable = attrs.get("variable")
    macro = None
    if variable is None:
        name = attrs.get("macro")
        if name is None:
            return False
        macro = text.get_macro(name)
        if macro is None:
            return False
    return (variable, macro, attrs.get("strip-periods", "false").lower() == "true",
            attrs.get("text-case"), attrs.get("quotes", "false").lower() == "true",
            text._plain is True, bool(attrs.get("prefix")) or bool(attrs.get("suffix")))


def _text_closure(element: Any) -> Any:
    """A prepared cs:text's closure (compiler.py) printing a variable or calling a macro: the
    plan path of ``Text.render``; None for any other (walked)."""
    plan = element.__dict__.get("_text_plan")
    if plan is None:
        plan = element.__dict__["_text_plan"] = _text_plan(element)
    if plan is False:
        return None
    variable, macro, strip, mode, quotes, plain, affixed = plan
    find_variable, language_of, case, format_, quote, wrap = (
        element._variable, element._language, element.case, element.format, element.quote, element.wrap)
    title = mode == "title"
    # Text._variable's commonest case (a variable looked up as it is) made here
    key = None
    if (variable is not None and not variable.startswith("page") and variable not in ("citation-number", "locator")
            and element._attrs.get("form") != "short"):
        key = variable.replace("-", "_")
    number_range = variable in _NUMBER_VARIABLES
    range_re = _RANGE_RE
    macro_kept = macro.__dict__ if macro is not None else None  # its closures, once made (Macro.render)

    def text_fn(item, delimiter, kwargs):
        # Text.render's plan path, statement for statement
        try:
            context = kwargs.get("context")
            if key is not None:
                ref = item.reference
                if variable in ref.state.repressed:
                    return None
                text = ref[key]
                if number_range and text is not None and range_re.match(str(text)):
                    text = String(range_re.sub("\\1–\\2", str(text)))
                if not text:
                    return None
                language = language_of(item) if title else None
            elif variable is not None:
                text = find_variable(item, context if context is not None else element)
                if not text:
                    return None
                language = language_of(item) if title else None
            else:
                language = language_of(item) if title else None
                state = item.reference.state
                calls, hits = state.calls, state.hits
                fns = macro_kept.get("_fns")
                if fns is not None:  # Macro.render, without the call
                    text = run(fns, item, "", {"context": context if context is not None else element,
                                               "sort_options": None})
                else:
                    text = macro.render(item, context if context is not None else element)
                if state.calls > calls and state.hits == hits:
                    return None
                if text:
                    state.hits += 1
                else:
                    return None
            if strip:
                text = text.replace(".", "")
            if mode is not None:
                text = case(text, language)
            if not plain:
                text = format_(text)
            elif isinstance(text, (int, float)):
                text = str(text)
            if quotes:
                text = quote(text)
            if affixed:
                text = wrap(text)
            if variable is not None and text and item.reference.state.accessed is not None:
                note_accessed(element, item)
            return text
        except VariableError:
            return None

    return text_fn





class Number(RecordsVariableMixin, CasedMixin, AffixMixin, NumberEscapeMixin, PageRangeMixin,
             model.Number):
    """Substitution, text-case, escaping and page ranges: see the mixins."""


class Label(CasedMixin, AffixMixin, model.Label):
    """CSL "Label": a number-of-pages or number-of-volumes label is plural when the number
    is greater than one; citeproc-py looks the number up on the cite, not the reference.
    Test: test_render_overrides.py::test_override_fixture[label_PluralNumberOfVolumes].
    Upstream: ``Label._is_plural`` should read ``item.reference``."""

    def _is_plural(self, item):
        variable = self.get("variable") or ""
        if variable.startswith("number-of"):
            try:
                return int(str(item.reference[variable])) > 1
            except (VariableError, ValueError):
                return False
        return super()._is_plural(item)


class Date_Part(CasedMixin, AffixMixin, model.Date_Part):
    """Text-case and escaped affixes: see the mixins. A season stands in for the month in a
    numeric month form (CSL "Seasons": the season term replaces the month), where citeproc-py
    asserts.
      Test: test_hostile_inputs.py::test_season_in_a_document_item_apa.
    """

    def process(self, date, context=None):
        try:
            return super().process(date, context)
        except AssertionError:
            # citeproc-py asserts when a numeric month form meets a date with a season and no
            # month; CSL 1.0.2 says the season term stands in for the month.
            season = getattr(date, "season", None)
            if self.get("name") == "month" and isinstance(season, str) and season.strip():
                return season  # a season given as text ('Summer') is printed as written
            if self.get("name") != "month" or not isinstance(season, int) or not 1 <= season <= 4:
                raise
            return (context if context is not None else self).get_single_term(
                name=f"season-{season:02}")


class Name_Part(CasedMixin, AffixMixin, model.Name_Part):
    """Text-case and escaped affixes: see the mixins."""


class Term(model.Term):
    """A locale's cs:term (CSL "Terms"): its singular and plural texts as citeproc-py reads
    them, found once per output format (citeproc-py searches the element and makes a new
    string at every look-up; speed only). The strings are never changed in place (rich
    strings add into new ones).
    Test: test_render_compiled.py::test_term_texts_are_kept_per_output_format."""

    @property
    def single(self):
        return self._kept("_single", "single")

    @property
    def multiple(self):
        return self._kept("_multiple", "multiple")

    def _kept(self, name, form):
        formatter = self.get_formatter()
        kept = self.__dict__.get(name)
        if kept is None or kept[0] is not formatter:
            kept = (formatter, getattr(model.Term, form).fget(self))
            if self._kids is not None:  # a prepared element (its children do not change)
                self.__dict__[name] = kept
        return kept[1]
