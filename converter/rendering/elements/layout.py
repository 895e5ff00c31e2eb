"""cs:layout: bibliography entries (subsequent-author-substitute, second-field-align, a term
opening an entry) and the start of each entry or cite afresh."""
from __future__ import annotations

from typing import Any, Optional

from citeproc import model
from citeproc.source import VariableError

from ...vocabulary.casing import capitalize_opening
from ..state import AuthorCapture, AuthorKey, Replacement
from .mixins import AffixMixin, ChildrenMixin, tables


class Layout(AffixMixin, ChildrenMixin, model.Layout):
    """- CSL "Reference Grouping": subsequent-author-substitute with its four rules
      (citeproc-py ignores the option).
      Test: test_render_citations.py::test_csl_suite_fixture[magic_SubsequentAuthorSubstitute].
    - second-field-align in HTML: the first field in the left margin, as citeproc-js
      prints it. Test: test_render_citations.py::test_csl_suite_fixture[magic_SecondFieldAlign].
    - A term that opens an entry ("n.d.") takes a capital, as in citeproc-js.
      Test: test_render_layer.py::test_typeless_item_prints_no_date_with_a_capital.
    - Each entry, and each cite rendered through the citation layout, starts with fresh
      substitution state (``ReferenceState.restart``), not state kept on this element.
    Upstream: the first two are missing features of citeproc-py."""

    def render_bibliography(self, citation_items):
        output = []
        substitute = self.getparent().get("subsequent-author-substitute")
        rule = self.getparent().get("subsequent-author-substitute-rule", "complete-all")
        previous = None
        align = (self.getparent().get("second-field-align") is not None
                 and getattr(self.get_formatter(), "name", "") == "html")
        terms = [self.preformat(t) for t in tables(self).printed_terms]
        for item in citation_items:
            first_field = self._first_field(item) if align else None
            author = self._start_entry(item, None if substitute is None else AuthorCapture())
            text = self.render_children(item)
            if author is not None:
                key = _entry_author(author)
                if previous is not None and key is not None and _same_author(rule, key, previous):
                    replace = Replacement(substitute, rule, previous)
                    self._start_entry(item, AuthorCapture(replace=replace))
                    text = self.render_children(item)
                previous = key
                item.reference.state.author = None
            if text is not None:
                text = capitalize_opening(str(text), terms)
            entry = self.format(self.wrap(text)) if text is not None else None
            if entry is not None and first_field:
                entry = _aligned(str(entry), first_field)
            output.append(entry)
        return output

    def _first_field(self, item):
        """What the layout's first element prints (second-field-align puts it in the margin)."""
        first = next(iter(self.iterchildren()), None)
        if first is None:
            return None
        self._start_entry(item, None)
        try:
            text = first.render(item)
        except VariableError:
            text = None
        return str(text) if text else None

    @staticmethod
    def _start_entry(item: Any, author: Optional[AuthorCapture]) -> Optional[AuthorCapture]:
        state = item.reference.state
        state.restart()
        if author is not None:
            state.author = author
        return author

    def render_children(self, item, delimiter="", **kwargs):
        # a citation renders several items through one layout: start each one afresh
        if self.getparent().tag.endswith("citation"):
            item.reference.state.restart()
        return super().render_children(item, delimiter=delimiter, **kwargs)


def _aligned(entry: str, first: str) -> str:
    """citeproc-js's HTML for second-field-align: the first field in the left margin."""
    at = entry.find(first)
    if at < 0:
        return entry
    cut = at + len(first)
    return (f'\n    <div class="csl-left-margin">{entry[:cut]}</div>'
            f'<div class="csl-right-inline">{entry[cut:]}</div>\n  ')


def _entry_author(author: AuthorCapture) -> Optional[AuthorKey]:
    """What subsequent-author-substitute compares: the names, or what took their place."""
    if author.names is not None:
        return ("names",) + (tuple(author.names[0]), author.names[1])
    if author.text:
        return ("text", author.text)
    return None


def _same_author(rule: str, author: AuthorKey, previous: AuthorKey) -> bool:
    if author[0] != previous[0]:
        return False
    if author[0] == "text" or rule.startswith("complete"):
        return author == previous
    return bool(author[1]) and bool(previous[1]) and author[1][0] == previous[1][0]
