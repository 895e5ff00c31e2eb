"""Our subclasses of citeproc-py's style elements: each overrides one behaviour that
citeproc-py gets wrong compared with the CSL specification and citeproc-js. The style loader
(``styles.py``) builds element trees from these classes instead of citeproc-py's own.

What each override fixes:
- ``CasedMixin``: text-case on rich text and non-English items (``casing.py``).
- ``AffixMixin``: prefixes and suffixes are escaped for HTML like any other text.
- ``Name``: multi-letter initials, particles, literal names, empty given names,
  et-al-use-first="0", the delimiter before "&" (``names.py``).
- ``Substitute``: whatever a substitute rendered is suppressed in the rest of the entry.
- ``Layout``/``Key``: substitution state is reset for each item and each sort key.
- ``Sort``: locale-aware collation (``sorting.py``).
- ``Style``: locales loaded through the same element classes; macro look-ups cached.
"""
from __future__ import annotations

import re
from html import unescape as html_unescape
from typing import Any, Dict, List

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String
from citeproc.string import join as seam_join

from .casing import apply_case, capitalize_opening_term
from .dateranges import ORDER, render_date_range
from .names import family_key, initialize, is_romanesque
from .sorting import sort_key

ENGLISH = ("en",)
# `number` is not here: a report, patent or standard number is an identifier printed as given
# ("NIH Publication No. 18-2424", APA Manual), not a range
_NUMBER_VARIABLES = frozenset({"volume", "issue", "edition", "chapter-number",
                               "collection-number", "number-of-volumes", "number-of-pages"})
_RANGE_RE = re.compile(r"^(\d+)\s*[-‐]\s*(\d+)$")


class CasedMixin:
    def case(self, text, language=None):
        mode = self.get("text-case")
        if mode is None or not text:
            return text
        if mode == "title" and language is not None and language[:2] not in ENGLISH:
            return text
        return apply_case(text, mode)


class AffixMixin:
    def wrap(self, string):
        if string is None:
            return None
        prefix = self.get("prefix")
        suffix = self.get("suffix")
        if prefix:
            prefix = self.preformat(prefix)
            string = prefix + model.normalize_seam(prefix, string)
        if suffix:
            suffix = self.preformat(suffix)
            string = string + model.normalize_seam(string, suffix)
        return string


def _reset(item: Any) -> None:
    try:
        ref = item.reference
    except (AttributeError, KeyError):
        return
    restart = getattr(ref, "restart", None)
    if restart is not None:
        restart()


class MacroCacheMixin:
    def get_macro(self, name):
        root = self.get_root()
        cache = getattr(root, "macro_cache", None)
        if cache is None:
            return model.CitationStylesElement.get_macro(self, name)
        macro = cache.get(name)
        if macro is None:
            macro = cache[name] = model.CitationStylesElement.get_macro(self, name)
        return macro


class Style(MacroCacheMixin, model.Style):
    def set_locale_list(self, output_locale, validate=True):
        from .styles import load_locale  # the loader imports this module

        self.locales = []
        seen = set()

        def in_style(lang):
            expr = (f'./cs:locale[@xml:lang="{lang}"]' if lang else "./cs:locale[not(@xml:lang)]")
            for found in self.xpath_search(expr):
                self.locales.append(found)

        def system(lang):
            if lang not in seen:
                seen.add(lang)
                self.locales.append(load_locale(lang))

        language = output_locale.split("-")[0]
        in_style(output_locale)
        if language != output_locale:
            in_style(language)
        in_style(None)
        if output_locale in model.LANGUAGE_NAMES:
            system(output_locale)
        if language in model.PRIMARY_DIALECTS:
            system(model.PRIMARY_DIALECTS[language])
        system("en-US")
        for locale in self.locales:
            locale.style = self


class RecordsVariableMixin:
    """While a substitute is being tried, note the variables that actually rendered."""

    def render(self, item, *args, **kwargs):
        text = super().render(item, *args, **kwargs)
        if text:
            accessed = getattr(getattr(item, "reference", None), "accessed", None)
            if accessed is not None and self.get("variable"):
                accessed.extend(v.replace("-", "_") for v in self.get("variable").split())
        return text


class PageRangeMixin:
    """page-range-format on ranges whose second number is abbreviated in the data ("677-86"):
    expand it first, then shorten as the style asks (citeproc-py compares digits as given)."""

    def _format_last_page(self, first, last):
        start, end = str(first), str(last)
        if start.isdigit() and end.isdigit() and len(end) < len(start):
            last = start[:len(start) - len(end)] + end
        return super()._format_last_page(first, last)


class NumberEscapeMixin:
    """Page and locator values are kept raw (citeproc-py splits them on "&", "," and "-");
    each piece is escaped here, as it is formatted."""

    def format_number(self, number):
        return self.preformat(str(super().format_number(number)))


class Text(RecordsVariableMixin, CasedMixin, AffixMixin, MacroCacheMixin, NumberEscapeMixin, PageRangeMixin, model.Text):
    def process(self, item, context=None, **kwargs):
        ref = getattr(item, "reference", None)
        if "macro" not in self.attrib or not hasattr(ref, "calls"):
            return super().process(item, context=context, **kwargs)
        # a macro call acts as a group (as in citeproc-js): it is empty when it called
        # variables and all of them were empty, and what it printed keeps its parent group
        calls, hits = ref.calls, ref.hits
        text, language = super().process(item, context=context, **kwargs)
        if ref.calls > calls and ref.hits == hits:
            return None, language
        if text:
            dict.__setattr__(ref, "hits", ref.hits + 1)
        return text, language

    def _variable(self, item, context):
        text = super()._variable(item, context)
        variable = self.get("variable")
        if text is not None and variable in _NUMBER_VARIABLES and _RANGE_RE.match(str(text)):
            # a numeric range in a number variable takes an en dash, as citeproc-js does
            text = String(_RANGE_RE.sub("\\1–\\2", str(text)))
        if variable == "locator" and text is not None:
            # citeproc-py inserts the locator as given; escape it like any data
            text = self.preformat(html_unescape(str(text)))
        return text


class Number(RecordsVariableMixin, CasedMixin, AffixMixin, NumberEscapeMixin, PageRangeMixin, model.Number):
    pass


class Label(CasedMixin, AffixMixin, model.Label):
    def _is_plural(self, item):
        variable = self.get("variable") or ""
        if variable.startswith("number-of"):
            # citeproc-py looks this up on the citation item, not the reference
            try:
                return int(str(item.reference[variable])) > 1
            except (VariableError, ValueError):
                return False
        return super()._is_plural(item)


class Date_Part(CasedMixin, AffixMixin, model.Date_Part):
    pass


class Name_Part(CasedMixin, AffixMixin, model.Name_Part):
    pass


def _implicit_year_suffix(root: Any) -> bool:
    """CSL: without a cs:text rendering "year-suffix", the suffix follows the first year."""
    found = getattr(root, "implicit_year_suffix", None)
    if found is None:
        found = not root.xpath_search('.//cs:text[@variable="year-suffix"]')
        try:
            root.implicit_year_suffix = found
        except AttributeError:
            pass
    return found


class Date(RecordsVariableMixin, AffixMixin, model.Date):
    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        if not isinstance(context, model.Date):
            # citeproc-py passes the calling cs:text down through macros as ``context``;
            # a date's context is the style's cs:date of a localized date, else the date
            # itself (a Text has no ``join``: a date range crashed inside any macro)
            context = None
        ref = getattr(item, "reference", None)
        suffix = dict.get(ref, "year_suffix") if isinstance(ref, dict) else None
        place = (suffix and not getattr(ref, "suffix_used", True) and not self.is_locale_date()
                 and _implicit_year_suffix(self.get_root()))
        if place:
            dict.__setattr__(ref, "suffix_used", True)  # the localized date inside must not
        text = super().process(item, variable=variable, show_parts=show_parts,
                               context=context, **kwargs)
        if place:
            placed = _after_year(str(text), ref, variable or self.get("variable")) if text else None
            if placed is not None:
                text = String(placed.replace("\x00", str(suffix)))
            else:
                dict.__setattr__(ref, "suffix_used", False)
        return text

    def render_date_range(self, date_range, show_parts=None, context=None):
        return render_date_range(self, date_range, list(show_parts or ORDER), context if context is not None else self)


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


class Group(AffixMixin, model.Group):
    """CSL: a group is suppressed when it calls variables and every one of them is empty.
    citeproc-py decides from the tree alone; we count the look-ups actually made."""

    def process(self, item, context=None, **kwargs):
        ref = item.reference
        if not hasattr(ref, "calls"):
            return super().process(item, context=context, **kwargs)
        calls, hits = ref.calls, ref.hits
        output = []
        delimiter = self.get("delimiter", "")
        for child in self.iterchildren():
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            if text:
                output.append(text)
                if isinstance(child, Group):
                    # a nested group that printed something (say APA's "(n.d.)": a term and
                    # an empty year-suffix) keeps its parent, as in citeproc-js
                    dict.__setattr__(ref, "hits", ref.hits + 1)
        if not output or (ref.calls > calls and ref.hits == hits):
            raise VariableError
        return self.join(output)


class If(model.If):
    """Condition tests are not variable calls: they must not keep a group alive."""

    def render(self, item, context=None, delimiter="", **kwargs):
        ref = item.reference
        counting = getattr(ref, "counting", None)
        if counting is None:
            return super().render(item, context=context, delimiter=delimiter, **kwargs)
        dict.__setattr__(ref, "counting", False)
        try:
            self._test(item, context)
        finally:
            dict.__setattr__(ref, "counting", counting)
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _test(self, item, context):
        results = []
        if "type" in self.attrib:
            results += self._type(item)
        if "variable" in self.attrib:
            results += self._variable(item)
        if "is-numeric" in self.attrib:
            results += self._is_numeric(item)
        if "is-uncertain-date" in self.attrib:
            results += self._is_uncertain_date(item)
        if "locator" in self.attrib:
            results += self._locator(item)
        if "position" in self.attrib:
            results += self._position(item, context)
        if "disambiguate" in self.attrib:
            wanted = self.get("disambiguate").lower() == "true"
            results.append(bool(getattr(item.reference, "dis_condition", False)) == wanted)
        match = self.get("match", "all")
        ok = any(results) if match == "any" else (not any(results) if match == "none" else all(results))
        if not ok:
            raise model.ConditionFailed

    def _position(self, item, context):
        # positions are worked out once per document by citations.py; in a bibliography
        # (or a cite rendered outside one) no position test is true
        positions = item.get("positions") if isinstance(item, dict) else None
        if not positions or not getattr(item.reference, "in_citation", False):
            return [False for _ in self.get("position").split()]
        return [p in positions for p in self.get("position").split()]

    def _variable(self, item):
        # A substituted variable is suppressed from rendering, not from conditions: APA tests
        # `editor` after the editor took the author's place (citeproc-js does the same).
        ref = item.reference
        out = []
        for variable in self.get("variable").split():
            if variable == "locator":
                out.append("locator" in item)
            else:
                out.append(dict.__contains__(ref, variable.replace("-", "_")))
        return out


class Else_If(If):
    pass


class Names(RecordsVariableMixin, AffixMixin, model.Names):
    """The first names a cite renders are its "author" for cite grouping and collapsing
    (citations.py): captured, and suppressed when the cite follows one by the same author."""

    def process(self, item, names_context=None, context=None, **kwargs):
        target = names_context if names_context is not None else self
        if target.name is None:
            # citeproc-py would insert a cs:name of its own class here; use ours
            target.insert(0, target.makeelement("{http://purl.org/net/xbiblio/csl}name"))
        return super().process(item, names_context=names_context, context=context, **kwargs)

    def render(self, item, *args, **kwargs):
        state = getattr(item.reference, "author_state", None)
        if state is None or state.get("depth") or state.get("seen"):
            return super().render(item, *args, **kwargs)
        state["depth"] = 1
        try:
            text = super().render(item, *args, **kwargs)
        finally:
            state["depth"] = 0
        if text:
            state["seen"] = True
            state["text"] = str(text)
            if state.get("suppress"):
                return None
            replace = state.get("replace")
            if replace is not None and "names" not in state and replace[2][0] == "text":
                return String(self.preformat(replace[0]))  # a substituted title, say
        return text


class Et_Al(AffixMixin, model.Et_Al):
    pass


class Substitute(model.Substitute):
    def render(self, item, context=None, **kwargs):
        ref = item.reference
        for child in self.getchildren():
            previous = ref.accessed
            dict.__setattr__(ref, "accessed", [])
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            used = ref.accessed
            dict.__setattr__(ref, "accessed", previous if previous is None else previous + used)
            if text:
                ref.suppressed.update(used)
                self.add_to_repressed_list(child, context)
                return text
        return None


class Layout(AffixMixin, model.Layout):
    def render_bibliography(self, citation_items):
        output = []
        substitute = self.getparent().get("subsequent-author-substitute")
        rule = self.getparent().get("subsequent-author-substitute-rule", "complete-all")
        previous = None
        align = (self.getparent().get("second-field-align") is not None
                 and getattr(self.get_formatter(), "name", "") == "html")
        for item in citation_items:
            first_field = self._first_field(item) if align else None
            state = self._entry_state(item, None if substitute is None else {})
            text = self.render_children(item)
            if substitute is not None:
                author = _entry_author(state)
                if previous is not None and author is not None and _same_author(rule, author, previous):
                    self._entry_state(item, {"replace": (substitute, rule, previous)})
                    text = self.render_children(item)
                previous = author
                dict.__setattr__(item.reference, "author_state", None)
            if text is not None:
                text = capitalize_opening_term(self.get_root(), str(text))
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
        self._entry_state(item, None)
        try:
            text = first.render(item)
        except VariableError:
            text = None
        return str(text) if text else None

    def _entry_state(self, item, state):
        self.repressed = {}
        _reset(item)
        if state is not None:
            state.update(depth=0, seen=False, text=None, suppress=False)
            dict.__setattr__(item.reference, "author_state", state)
        return state

    def render_children(self, item, delimiter="", **kwargs):
        # a citation renders several items through one layout: start each one afresh
        if self.getparent().tag.endswith("citation"):
            _reset(item)
        return super().render_children(item, delimiter=delimiter, **kwargs)


class Key(model.Key):
    def _format_name(self, item, variable):
        names = item.reference.get(variable)
        if not names:
            return None
        out = []
        # CSL: unless demote-non-dropping-particle is "never", "van" in "van Gogh" is
        # sorted after the given name
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
        for name in names:
            given, family, dp, ndp, suffix = name.parts()
            parts = ((ndp, family, given, dp, suffix) if demote == "never"
                     else (family, given, dp, ndp, suffix))
            out.append(" ".join(str(p) for p in parts if p))
        return ";".join(out)

    def sort_keys(self, items, context):
        if "macro" not in self.attrib:
            keys = super().sort_keys(items, context)
        else:
            layout = context.get_layout()
            sort_options = {"name-as-sort-order": "all"}
            for option in ("names-min", "names-use-first", "names-use-last"):
                if option in self.attrib:
                    sort_options[option.replace("names", "et-al")] = self.get(option)
            macro = self.get_macro(self.get("macro"))
            keys = []
            for item in items:
                layout.repressed = {}
                _reset(item)
                keys.append(macro.render(item, context=context, sort_options=sort_options))
            for item in items:
                _reset(item)
        return keys


class Sort(model.Sort):
    def sort(self, items, context):
        locale = getattr(self.get_root(), "locale_tag", "en-US")
        columns = []
        for key in self.findall("cs:key", self.nsmap):
            descending = key.get("sort", "ascending").lower() == "descending"
            numeric = (key.get("variable") or "").replace("-", "_") in model.NUMBERS + ["citation_number"]
            raw = key.sort_keys(items, context)
            columns.append((descending, [sort_key(v, locale, numeric) for v in raw]))
        order = list(range(len(items)))
        # stable sorts from the last key to the first; empty values go last either way
        for descending, keys in reversed(columns):
            present = [i for i in order if keys[i] is not None]
            missing = [i for i in order if keys[i] is None]
            present.sort(key=lambda i: keys[i], reverse=descending)
            order = present + missing
        return [items[i] for i in order]


def _cat(parts, delimiter=" "):
    """Join name parts, keeping rich-text segments (a plain str.join would lose them)."""
    present = [p for p in parts if p]
    return seam_join(present, delimiter) if present else None


class Name(AffixMixin, model.Name):
    def render(self, *args, **kwargs):
        value = self.process(*args, **kwargs)
        if isinstance(value, int):
            return value  # form="count": cs:names adds up the counts of its variables
        return self.markup(value)

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        def opt(name: str) -> Any:
            return self.get_option(name, context, sort_options)

        ref = item.reference
        names = ref.get(variable) or []
        form = opt("form")
        et_al_min = opt("et-al-min")
        use_first = opt("et-al-use-first")
        given_levels: Dict[str, int] = {}
        given_all = 0
        if getattr(ref, "in_citation", False) and sort_options is None:
            positions = item.get("positions") or ()
            if "subsequent" in positions and self._has_citation_option("et-al-subsequent-min"):
                et_al_min = int(self._citation_option("et-al-subsequent-min"))
                use_first = int(self._citation_option("et-al-subsequent-use-first", use_first))
            if ref.dis_names is not None and ref.dis_names > use_first:
                use_first = ref.dis_names
            given_levels = ref.dis_given or {}
            given_all = ref.dis_given_all
        truncate = bool(et_al_min) and len(names) >= et_al_min and use_first < len(names)
        if form == "count":
            return min(use_first, len(names)) if truncate else len(names)
        if truncate and use_first == 0:
            return None
        use_last = opt("et-al-use-last") and truncate and use_first <= et_al_min - 2
        shown = names[:use_first] if truncate else list(names)
        mark = opt("initialize-with")
        words = self.get("initialize", "true").lower() != "false"
        hyphen = opt("initialize-with-hyphen")
        as_sort = opt("name-as-sort-order")
        sort_sep = opt("sort-separator")
        demote = opt("demote-non-dropping-particle")
        rendered: List[Any] = []
        inverted: List[bool] = []
        literal: List[bool] = []
        for i, name in enumerate(shown + ([names[-1]] if use_last else [])):
            index = i if not (use_last and i == len(shown)) else len(names) - 1
            invert = as_sort == "all" or (as_sort == "first" and index == 0)
            level = max(given_all, given_levels.get(family_key(name), 0))
            text, was_literal = self._one_name(name, form, mark, hyphen, words, invert,
                                               sort_sep, demote, level)
            rendered.append(text)
            inverted.append(invert and not was_literal)
            literal.append(was_literal)
        if not rendered:
            return None
        state = getattr(ref, "author_state", None)
        if state is not None and state.get("depth") == 1 and "names" not in state:
            # the entry's author for subsequent-author-substitute (bibliography)
            state["names"] = ([str(r) for r in rendered], truncate)
            replace = state.get("replace")
            if replace is not None:
                substitute, rule, previous = replace
                if rule == "complete-all":
                    return String(self.preformat(substitute))
                rendered = _substituted(rendered, rule, previous, self.preformat(substitute))
        return self._join(rendered, inverted, literal, truncate, use_last, opt)

    def _citation_option(self, name, default=None):
        citation = self.get_root().citation
        return citation.get(name, default) if citation is not None else default

    def _has_citation_option(self, name):
        return self._citation_option(name) is not None

    def _one_name(self, name, form, mark, hyphen, words, invert, sort_sep, demote, level=0):
        given, family, dp, ndp, suffix = name.parts()
        if "literal" in name:
            return self._parts(None, family), True
        # disambiguation by given name: 1 shows initials (a full given name when the style
        # gives no initialize-with), 2 the full given name
        if level and form == "short":
            form = "long"
            if level >= 2:
                mark = None
        elif level >= 2:
            mark = None
        if given is not None:
            if mark is not None:
                given = initialize(str(given), mark, hyphen=hyphen, words=words)
            given = String(self.preformat(str(given)))
        roman = is_romanesque(f"{given or ''}{family or ''}")
        if form == "short":
            family = _cat((ndp, family)) if roman else family
            return self._parts(None, family), False
        if not roman:
            return self._parts(None, _cat((family, given), "")), False
        if invert:
            if demote in ("never", "sort-only"):
                family = _cat((ndp, family))
                given = (_cat((given, dp), sort_sep) if name.get("comma-particle")
                         else _cat((given, dp)))
            else:
                given = (_cat((given, _cat((dp, ndp))), sort_sep) if name.get("comma-particle")
                         else _cat((given, dp, ndp)))
            given, family = self._format_parts(given, family)
            return _cat((family, given, suffix), sort_sep), False
        family = _cat((dp, ndp, family))
        given, family = self._format_parts(given, family)
        text = _cat((given, family))
        if suffix:
            text += (", " if name.get("comma-suffix") else " ") + suffix
        return text, False

    def _format_parts(self, given, family):
        for part in self.findall("cs:name-part", self.nsmap):
            given, family = part.format_part(given, family)
        return given, family

    def _parts(self, given, family):
        return self._format_parts(given, family)[1]

    def _join(self, rendered, inverted, literal, truncate, use_last, opt):
        delimiter = opt("delimiter")
        if use_last:
            ellipsis = self.unicode_character("horizontal ellipsis")
            return self.join(rendered[:-1], delimiter) + delimiter + ellipsis + " " + rendered[-1]

        def precedes(rule: str, count: int) -> bool:
            if rule == "always":
                return True
            if rule == "never":
                return False
            if rule == "after-inverted-name":
                return inverted[count - 1]
            return count >= 2  # contextual

        if truncate:
            et_al = self.et_al()
            if not et_al:
                return self.join(rendered, delimiter)
            sep = delimiter if precedes(opt("delimiter-precedes-et-al"), len(rendered)) else " "
            return self.join(rendered, delimiter) + sep + et_al
        and_ = opt("and")
        if and_ is None or len(rendered) == 1:
            return self.join(rendered, delimiter)
        and_term = self.get_single_term(name="and") if and_ == "text" else self.preformat("&")
        head = self.join(rendered[:-1], delimiter)
        rule = opt("delimiter-precedes-last")
        use_delim = precedes(rule, len(rendered) - 1) if rule != "contextual" else len(rendered) > 2
        if use_delim and len(rendered) == 2 and literal[0] and rule == "always":
            use_delim = False  # citeproc-js: no comma after an uninverted literal name
        sep = delimiter.rstrip() + " " if use_delim else " "
        return head + sep + and_term + " " + rendered[-1]

    def et_al(self):
        found = self.xpath_search("./following-sibling::cs:et-al[1]")
        if found:
            return found[0].render()
        return self.get_single_term(name="et-al")


def _aligned(entry: str, first: str) -> str:
    """citeproc-js's HTML for second-field-align: the first field in the left margin."""
    at = entry.find(first)
    if at < 0:
        return entry
    cut = at + len(first)
    return (f'\n    <div class="csl-left-margin">{entry[:cut]}</div>'
            f'<div class="csl-right-inline">{entry[cut:]}</div>\n  ')


def _entry_author(state: Dict[str, Any]) -> Any:
    """What subsequent-author-substitute compares: the names, or what took their place."""
    if "names" in state:
        return ("names",) + (tuple(state["names"][0]), state["names"][1])
    if state.get("text"):
        return ("text", state["text"])
    return None


def _same_author(rule: str, author: Any, previous: Any) -> bool:
    if author[0] != previous[0]:
        return False
    if author[0] == "text" or rule.startswith("complete"):
        return author == previous
    return bool(author[1]) and bool(previous[1]) and author[1][0] == previous[1][0]


def _substituted(rendered: List[Any], rule: str, previous: Any, substitute: str) -> List[Any]:
    if previous[0] != "names":
        return rendered
    before = previous[1]
    if rule == "complete-each":
        return [String(substitute) for _ in rendered]
    out = list(rendered)
    for n, name in enumerate(rendered):
        if n < len(before) and str(name) == before[n] and (rule == "partial-each" or n == 0):
            out[n] = String(substitute)
        else:
            break
    return out


# Every element class the loader should use instead of citeproc-py's, by CSL element name.
OVERRIDES: Dict[str, type] = {
    cls.__name__.replace("_", "-").lower(): cls
    for cls in (Style, Text, Number, Label, Date_Part, Name_Part, Date, Group, Names, Et_Al,
                Substitute, Layout, Key, Sort, Name, If, Else_If)
}
