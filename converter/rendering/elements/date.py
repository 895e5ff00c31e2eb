"""cs:date: the implicit year suffix."""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from ..dateranges import ORDER, render_date_range
from .mixins import AffixMixin, RecordsVariableMixin, note_accessed, tables


class Date(RecordsVariableMixin, AffixMixin, model.Date):
    """- CSL "Disambiguation" (disambiguate-add-year-suffix): when no cs:text renders the
      year-suffix variable, the suffix follows the first year rendered through cs:date.
      citeproc-py never places it.
      Test: test_render_layer.py::test_year_suffix_in_bibliography_and_citations.
      Upstream: citeproc-py has no year-suffix disambiguation.
    - CSL "Localized Date Formats": a localized date with date-part overrides renders its
      own merged copy of the locale's date (``compiled._own_localized_dates``).
      Test: test_render_overrides.py::test_date_part_overrides_stay_with_their_date.
      Upstream: citeproc-py's ``Date_Part.process`` should merge without writing.
    - CSL "Date Ranges": the parts in the style's order, the differing run once per date
      with the range delimiter (``dateranges.py``); a date inside a macro gets the date as
      its context, not the calling cs:text (citeproc-py crashed on a range there).
      Test: test_render_every_style.py::test_style_renders_every_item.
      Upstream: citeproc-py's ``Date.render_date_range`` and the context it passes."""

    def render(self, item, *args, **kwargs):
        # speed: RecordsVariableMixin.render, citeproc-py's CitationStylesElement.render and
        # Date.markup (which gives the text back) in one call; a style date whose variable
        # the item lacks raises from the one look-up the long way makes (the same count)
        if not args and "variable" not in kwargs:
            plan = self.__dict__.get("_date_plan")
            if plan is None:
                plan = self.__dict__["_date_plan"] = _date_plan(self)
            if plan is not False:
                ref = item.reference
                state = ref.state
                if not dict.__contains__(ref, plan) or plan in state.suppressed:
                    ref[plan]  # raises VariableError, counted as a look-up (no year placed: the suffix waits)
                if not dict.get(ref, "year_suffix"):
                    # without a year suffix to place, a date renders alike each time this
                    # element renders it (the sort key, the entry, each cite and
                    # disambiguation's trials): kept on the date, with the one counted
                    # look-up the render makes made again
                    kept = getattr(dict.__getitem__(ref, plan), "__dict__", None)
                    if kept is not None:
                        rendered = kept.get("_rendered")
                        if rendered is None:
                            rendered = kept["_rendered"] = {}
                        found = rendered.get(self, _MISSING)
                        if found is _MISSING:
                            found = rendered[self] = self.process(item, **kwargs)
                        else:
                            ref[plan]
                        if found:
                            note_accessed(self, item)
                        return found
        text = self.process(item, *args, **kwargs)
        if text:
            note_accessed(self, item)
        return text

    def get_date(self, form):
        own = tables(self).localized_dates.get(self)
        return own if own is not None else super().get_date(form)

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        if not isinstance(context, model.Date):
            # citeproc-py passes the calling cs:text down through macros as ``context``;
            # a date's context is the style's cs:date of a localized date, else the date
            # itself (a Text has no ``join``: a date range crashed inside any macro)
            context = None
        ref = item.reference
        state = ref.state
        suffix = dict.get(ref, "year_suffix")
        place = (suffix and not state.suffix_used and not self.is_locale_date()
                 and tables(self).implicit_year_suffix)
        if place:
            state.suffix_used = True  # the localized date inside must not place it again
        try:
            text = super().process(item, variable=variable, show_parts=show_parts,
                                   context=context, **kwargs)
        except VariableError:
            if place:  # a date the item lacks printed no year: the next one places the suffix
                state.suffix_used = False
            raise
        if place:
            placed = _after_year(str(text), ref, variable or self.get("variable")) if text else None
            if placed is not None:
                text = String(placed.replace("\x00", str(suffix)))
            else:
                state.suffix_used = False
        return text

    def render_date_range(self, date_range, show_parts=None, context=None):
        return render_date_range(self, date_range, list(show_parts or ORDER), context if context is not None else self)


_MISSING = object()


def _date_plan(date: Any) -> Any:
    """The reference key of a prepared style cs:date's variable; False for a date that is
    not prepared, a locale's date, or one whose localized form the locale lacks (long way)."""
    attrs = date._attrs
    if attrs is None or date._in_locale is not False:
        return False
    variable = attrs.get("variable")
    if not variable:
        return False
    form = attrs.get("form")
    if form is not None:
        try:
            date.get_date(form)
        except Exception:
            return False
    return variable.replace("-", "_")


def _after_year(text: str, ref: Any, variable: str | None) -> str | None:
    """``text`` with a NUL mark after the (last) year of the date, or None without one."""
    value: Any = dict.get(ref, (variable or "issued").replace("-", "_"))
    try:
        year = value["end"] if "end" in value and not value["end"].is_nil() else value
        if "begin" in year:
            year = year["begin"]
        digits = str(abs(int(year["year"])))
    except (AttributeError, TypeError, ValueError, KeyError, VariableError):
        return None
    for wanted in (digits, digits[-2:]):
        at = text.rfind(wanted)
        if at >= 0:
            end = at + len(wanted)
            return text[:end] + "\x00" + text[end:]
    return None
