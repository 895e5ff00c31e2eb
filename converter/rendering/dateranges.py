"""Date ranges as CSL 1.0.2 renders them (``cs:date`` with a begin and an end date).

citeproc-py renders the parts that differ and then the parts both dates share, in that
order and without the style's delimiter ("( 8– 11August)" for APA's "August 8–11"), and
drops a range whose differing parts are not shown at all (the year of "2019, August 8–11").
Here the date parts are rendered in the style's order; the run of parts from the largest
one that differs down to the smallest shown is printed once for the begin date and once
for the end date, joined by that part's ``range-delimiter`` (CSL default: en dash). Within
the run, the begin date loses its last suffix and the end date its first prefix, so
affixes between the parts stay where the style put them: "August 8–11", "May 3–June 5",
"2019–2020".
"""
from __future__ import annotations

from typing import Any, List, Optional

ORDER = ("year", "month", "day")


def _value(date: Any, name: str) -> Optional[int]:
    try:
        return int(getattr(date, name))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _largest_difference(begin: Any, end: Any, shown: List[str]) -> Optional[str]:
    for name in ORDER:
        if _value(begin, name) != _value(end, name):
            # a difference in a part that is not shown shows up in the smaller parts
            return name if name in shown else next((n for n in ORDER[ORDER.index(name):] if n in shown), None)
    return None


def _render_part(part: Any, date: Any, context: Any, strip_prefix: bool, strip_suffix: bool) -> Optional[str]:
    from citeproc.source import VariableError

    try:
        text = part.render(date, context)
    except (VariableError, AttributeError, KeyError):
        return None
    if text is None:
        return None
    text = str(text)
    # the attributes are read after rendering: a localized date copies the style's onto its parts
    prefix, suffix = part.get("prefix", ""), part.get("suffix", "")
    if strip_prefix and prefix and text.startswith(prefix):
        text = text[len(prefix):]
    if strip_suffix and suffix and text.endswith(suffix):
        text = text[:-len(suffix)]
    return text


def render_date_range(date_element: Any, date_range: Any, show_parts: List[str], context: Any) -> Optional[str]:
    """The text of ``date_range`` through ``date_element`` (a style's or a locale's cs:date);
    ``context`` is the style's cs:date that called a localized date, else the date itself."""
    begin, end = date_range.begin, date_range.get("end")
    shown = [n for n in ORDER if n in show_parts]
    parts = [p for p in date_element.iterchildren() if p.get("name") in shown]
    joiner = context if date_element.is_locale_date() else date_element
    delimiter = joiner.get("delimiter", "")
    if end is None or end.is_nil():
        single = date_element.render_single_date(begin, list(show_parts), context)
        return None if single is None else str(single).rstrip() + "–"
    first = _largest_difference(begin, end, shown)
    if first is None:
        return date_element.render_single_date(end, list(show_parts), context)
    in_run = [p for p in parts if ORDER.index(p.get("name")) >= ORDER.index(first)]
    run_names = {p.get("name") for p in in_run}
    run_parts = [p for p in parts if p.get("name") in run_names]
    range_delimiter = "–"
    for p in run_parts:
        if p.get("name") == first:
            found = p.get("range-delimiter")
            if found is None and context is not date_element:
                # a style's cs:date-part may set the range delimiter of a localized date
                for own in context.iterchildren():
                    if own.get("name") == first and own.get("range-delimiter") is not None:
                        found = own.get("range-delimiter")
            range_delimiter = found if found is not None else "–"

    def side(date: Any, is_begin: bool) -> str:
        texts = []
        for n, part in enumerate(run_parts):
            text = _render_part(part, date, context, strip_prefix=not is_begin and n == 0,
                                strip_suffix=is_begin and n == len(run_parts) - 1)
            if text:
                texts.append(text)
        return delimiter.join(texts)

    pieces: List[str] = []
    placed = False
    for part in parts:
        if part.get("name") in run_names:
            if not placed:
                pieces.append(side(begin, True) + range_delimiter + side(end, False))
                placed = True
            continue
        text = _render_part(part, end, context, strip_prefix=False, strip_suffix=False)
        if text:
            pieces.append(text)
    return delimiter.join(pieces) if pieces else None
