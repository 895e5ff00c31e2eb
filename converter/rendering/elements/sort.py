"""cs:sort and cs:key."""
from __future__ import annotations

from typing import Any, List

from citeproc import model

from ..sorting import sort_key, tiered_order
from .mixins import MacroMixin, tables


class Key(MacroMixin, model.Key):
    """- CSL "Sorting": names sort as "family given", and unless demote-non-dropping-particle
      is "never", "van" in "van Gogh" sorts after the given name (citeproc-py joins the
      parts with the sort separator and ignores the option).
      Test: test_render_citations.py::test_csl_suite_fixture[sort_NameParticleInNameSortFalse].
    - A macro key renders each item as an entry of its own: substitution state starts
      afresh (``ReferenceState.restart``); citeproc-py keeps it on the layout element.
      Test: test_render_citations.py::test_csl_suite_fixture[sort_LeadingA].
    Upstream: citeproc-py's ``Key._format_name`` and ``sort_keys``."""

    def _format_name(self, item, variable):
        names = item.reference.get(variable)
        if not names:
            return None
        out = []
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
        for name in names:
            given, family, dp, ndp, suffix = name.parts()
            parts = ((ndp, family, given, dp, suffix) if demote == "never"
                     else (family, given, dp, ndp, suffix))
            out.append(" ".join(str(p) for p in parts if p))
        return ";".join(out)

    def sort_keys(self, items, context):
        if "macro" not in self.attrib:
            return super().sort_keys(items, context)
        sort_options = {"name-as-sort-order": "all"}
        for option in ("names-min", "names-use-first", "names-use-last"):
            if option in self.attrib:
                sort_options[option.replace("names", "et-al")] = self.get(option)
        macro = self.get_macro(self.get("macro"))
        keys = []
        for item in items:
            item.reference.state.restart()
            keys.append(macro.render(item, context=context, sort_options=sort_options))
        for item in items:
            item.reference.state.restart()
        return keys


class Sort(model.Sort):
    """CSL "Sorting" compares with the locale's collation (``sorting.sort_key``): case and
    accents only break ties, and Cyrillic sorts before Latin in a Russian list; empty keys
    go last, ascending or descending. citeproc-py compares code points.
    Test: test_render_layer.py::test_apa_sorts_cyrillic_authors_among_latin.
    Upstream: citeproc-py's ``Sort.sort`` (a locale-aware key function).
    Speed: a key is rendered only for the items that tie on the keys before it
    (``sorting.tiered_order``)."""

    def sort(self, items, context):
        order = tiered_order(list(range(len(items))), self.descending(),
                             lambda level, indices: self.values(level, [items[i] for i in indices], context))
        return [items[i] for i in order]

    def _keys(self) -> List[Any]:
        return self.findall("cs:key", self.nsmap)

    def descending(self) -> List[bool]:
        """For each cs:key, whether it sorts descending."""
        return [key.get("sort", "ascending").lower() == "descending" for key in self._keys()]

    def values(self, level: int, items: List[Any], context: Any) -> List[Any]:
        """The comparable values (``sorting.sort_key``) of cs:key number ``level`` for ``items``."""
        key = self._keys()[level]
        numeric = (key.get("variable") or "").replace("-", "_") in model.NUMBERS + ["citation_number"]
        locale = tables(self).locale_tag
        return [sort_key(v, locale, numeric) for v in key.sort_keys(items, context)]
