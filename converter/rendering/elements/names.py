"""cs:names, cs:name, cs:et-al and cs:substitute."""
from __future__ import annotations

from functools import reduce
from typing import Any, Dict, List

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from .. import seams
from ..names import family_key, initialize, is_romanesque
from .lookups import inherited_option, options_parent
from .mixins import AffixMixin, RecordsVariableMixin, note_accessed
from .name_options import FIXED as _FIXED
from .name_options import Options as _Options
from .name_options import option_value as _option_value
from .name_options import substituted as _substituted


class Names(RecordsVariableMixin, AffixMixin, model.Names):
    """The first names an entry or a cite renders are its "author" (``AuthorCapture``):
    captured for cite grouping (CSL "Cite Grouping") and subsequent-author-substitute,
    suppressed when a cite follows one by the same author, replaced by the substitute.
    Test: test_render_citations.py::test_csl_suite_fixture[collapse_AuthorCollapse].
    Upstream: citeproc-py has neither cite grouping nor subsequent-author-substitute."""

    def get_parent_delimiter(self, context=None):
        parent = options_parent(self, context)  # speed: no XPath search (lookups.py)
        if parent is None:
            return super().get_parent_delimiter(context)
        return inherited_option(parent, "names-delimiter")

    def substitute(self):
        found = self._substitute  # speed: no XPath search (lookups.py); False: none
        if found is None:
            return super().substitute()
        return found if found is not False else None

    def render(self, item, *args, **kwargs):
        author = item.reference.state.author
        if author is None or author.depth or author.seen:
            return self._render(item, *args, **kwargs)
        author.depth = 1
        try:
            text = self._render(item, *args, **kwargs)
        finally:
            author.depth = 0
        if text:
            author.seen = True
            author.text = str(text)
            if author.suppress:
                return None
            replace = author.replace
            if replace is not None and author.names is None and replace.previous[0] == "text":
                return String(self.preformat(replace.substitute))  # a substituted title, say
        return text


    def _render(self, item, *args, **kwargs):
        # RecordsVariableMixin.render, citeproc-py's CitationStylesElement.render and
        # Names.markup in one call (speed only)
        text = self.process(item, *args, **kwargs)
        if not text:
            return None
        text = self.wrap(self.format(text))
        if text:
            note_accessed(self, item)
        return text

    def process(self, item, names_context=None, context=None, **kwargs):
        # citeproc-py's Names.process, with the names' counts (form="count") added up only
        # when they are counts: citeproc-py tries ``sum`` on the rendered names, which adds
        # them up as rich strings before it finds they are not numbers (speed only)
        if context is None:
            context = self
        if names_context is None:
            names_context = self
        plan = self.__dict__.get("_names_plan")
        if plan is None:
            # its variables, and whether they are editor and translator, read once (speed only)
            roles = tuple(self.get("variable").split())
            plan = (roles, set(roles) == {"editor", "translator"})
            if self._kids is not None:  # a prepared element (its attributes do not change)
                self.__dict__["_names_plan"] = plan
        roles, editor_translator = plan
        ref = item.reference
        ed_trans = False
        if editor_translator:
            try:
                ed_trans = (ref.editor == ref.translator
                            and self.get_term("editortranslator").getchildren())
                if ed_trans:
                    roles = ("editor",)
            except VariableError:
                ed_trans = False
        output = []
        for role in roles:
            if role in ref:
                name_elem = names_context.name
                if name_elem is None:
                    name_elem = model.Name()
                    names_context.insert(0, name_elem)
                text = name_elem.render(item, role, context=context, **kwargs)
                plural = len(ref[role]) > 1
                try:
                    if ed_trans:
                        role = "editortranslator"
                    label_element = names_context.label
                    label = label_element.render(item, role, plural, **kwargs)
                    if label is not None:
                        if label_element is names_context.getchildren()[0]:
                            text = label + text
                        else:
                            text = text + label
                except AttributeError:
                    pass
                output.append(text)
        if output:
            if all(isinstance(text, int) for text in output):
                total = sum(output)
                return str(total) if total > 0 else None
            if len(output) == 1 and output[0] is not None:
                return output[0]  # what the join gives back for a lone piece (speed only)
            return self.join(output, self.get_parent_delimiter(context))
        substitute = self.substitute()
        if substitute is None:
            raise VariableError
        return substitute.render(item, context=context, **kwargs)


class Et_Al(AffixMixin, model.Et_Al):
    """Escaped affixes: see ``AffixMixin``."""


class Substitute(model.Substitute):
    """CSL "Substitution": the variables a substitute rendered are suppressed in the rest of
    the entry, whatever element renders them (citeproc-py suppresses only a cs:text of the
    same variable, and keeps that on the layout element all renders share).
    Test: test_render_layer.py::test_substituted_title_is_not_repeated.
    Upstream: citeproc-py's ``add_to_repressed_list``."""

    def render(self, item, context=None, **kwargs):
        state = item.reference.state
        kids = self._kids  # found once (lookups.py; speed only)
        for child in (kids if kids is not None else self.getchildren()):
            previous = state.accessed
            state.accessed = []
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = self.getparent()  # citeproc-py: XPath "./parent::cs:names[1]"
                    if not isinstance(names, model.Names):
                        raise IndexError("cs:substitute outside cs:names")
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            used = state.accessed
            state.accessed = previous if previous is None else previous + used
            if text:
                state.suppressed.update(used)
                if isinstance(child, model.Text) and child.get("variable"):
                    state.repressed.add(child.get("variable"))
                return text
        return None


def _cat(parts, delimiter=" "):
    """Join name parts, keeping rich-text segments (a plain str.join would lose them)."""
    present = [p for p in parts if p]
    if len(present) == 1:
        return present[0]  # what the join gives back for a lone piece (speed only)
    return seams.join(present, delimiter) if present else None


class Name(AffixMixin, model.Name):
    """CSL "Name" as citeproc-js renders it, where citeproc-py differs:
    - initials keep multi-letter abbreviations ("Yu. G.") and particles inside given names
      (``names.initialize``; CSL "initialize-with"). Test: test_render_layer.py::test_multi_letter_initials;
    - particles placed by demote-non-dropping-particle, literal names, names in scripts
      written without spaces (family name first, no space), empty given names;
    - et-al-use-first="0" prints nothing; et-al-use-last; the delimiter before "et al."
      and "and" (delimiter-precedes-et-al/-last, "after-inverted-name").
      Test: test_render_layer.py::test_gost_et_al_rule;
    - form="count" adds up over the variables of cs:names.
      Test: test_render_citations.py::test_csl_suite_fixture[name_AuthorEditorCount];
    - in a cite: et-al-subsequent-*, and the names and given names disambiguation added
      (``ReferenceState``). Test: test_render_citations.py::test_apa_citations_match_citeproc_js;
    - subsequent-author-substitute on the entry's first names (``AuthorCapture``).
      Test: test_render_citations.py::test_csl_suite_fixture[name_SubstitutePartialEach].
    Upstream: each is a bug or a missing feature of citeproc-py's ``Name.process``."""

    def get_option(self, name, context=None, sort_options=None):
        # citeproc-py's, with the enclosing cs:citation or cs:bibliography and its options
        # found once (lookups.py) instead of by an XPath search on every call, and each
        # answer kept per enclosing element and name (neither changes while a style renders)
        parent = options_parent(self, context)
        if parent is None:
            return super().get_option(name, context, sort_options)
        if sort_options is not None and name in sort_options:
            value = sort_options[name]
        else:
            memo = self.__dict__.get("_option_memo")
            if memo is None:
                memo = self.__dict__["_option_memo"] = {}
            key = (parent, name)
            found = memo.get(key, _MISSING)
            if found is not _MISSING:
                return found
            inherited = inherited_option(parent, "name-" + name if name in ("form", "delimiter") else name)
            found = memo[key] = _option_value(name, self.get(name, inherited))
            return found
        return _option_value(name, value)

    def render(self, *args, **kwargs):
        value = self.process(*args, **kwargs)
        if isinstance(value, int):
            return value  # form="count": cs:names adds up the counts of its variables
        return self.markup(value)

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        parent = options_parent(self, context) if sort_options is None else None
        if parent is not None:
            # speed: the options of this cs:name under this cs:citation or cs:bibliography,
            # each asked of get_option once and then read from a dict
            tables = self.__dict__.get("_option_tables")
            if tables is None:
                tables = self.__dict__["_option_tables"] = {}
            options = tables.get(parent)
            if options is None:
                options = tables[parent] = _Options(lambda name: self.get_option(name, context))
            opt = options.__getitem__
            fixed = options.fixed
            if fixed is None:
                # the options every render reads, in one tuple (speed only)
                fixed = options.fixed = tuple(opt(name) for name in _FIXED) + (
                    self.get("initialize", "true").lower() != "false",)
        else:
            def opt(name: str) -> Any:
                return self.get_option(name, context, sort_options)
            fixed = tuple(opt(name) for name in _FIXED) + (self.get("initialize", "true").lower() != "false",)

        ref = item.reference
        state = ref.state
        names = ref.get(variable) or []
        form, et_al_min, use_first, use_last_option, mark, hyphen, as_sort, sort_sep, demote, words = fixed
        given_levels: Dict[str, int] = {}
        given_all = 0
        consulted = None
        if state.in_citation and sort_options is None:
            positions = item.positions
            if "subsequent" in positions and self._has_citation_option("et-al-subsequent-min"):
                et_al_min = int(self._citation_option("et-al-subsequent-min"))
                use_first = int(self._citation_option("et-al-subsequent-use-first", use_first))
            if state.names_shown is not None and state.names_shown > use_first:
                use_first = state.names_shown
            given_levels = state.given_levels or {}
            given_all = state.given_all
            consulted = state.consulted
        truncate = bool(et_al_min) and len(names) >= et_al_min and use_first < len(names)
        if form == "count":
            return min(use_first, len(names)) if truncate else len(names)
        if truncate and use_first == 0:
            return None
        use_last = use_last_option and truncate and use_first <= et_al_min - 2
        shown = names[:use_first] if truncate else list(names)
        rendered: List[Any] = []
        inverted: List[bool] = []
        literal: List[bool] = []
        for i, name in enumerate(shown + ([names[-1]] if use_last else [])):
            index = i if not (use_last and i == len(shown)) else len(names) - 1
            invert = as_sort == "all" or (as_sort == "first" and index == 0)
            family = family_key(name)
            level = max(given_all, given_levels.get(family, 0))
            if consulted is not None:
                consulted.add(family)
            text, was_literal = self._one_name(name, form, mark, hyphen, words, invert,
                                               sort_sep, demote, level)
            rendered.append(text)
            inverted.append(invert and not was_literal)
            literal.append(was_literal)
        if not rendered:
            return None
        author = state.author
        if author is not None and author.depth == 1 and author.names is None:
            # the entry's author for subsequent-author-substitute (bibliography)
            author.names = ([str(r) for r in rendered], truncate)
            replace = author.replace
            if replace is not None:
                if replace.rule == "complete-all":
                    return String(self.preformat(replace.substitute))
                rendered = _substituted(rendered, replace.rule, replace.previous,
                                        self.preformat(replace.substitute))
        return self._join(rendered, inverted, literal, truncate, use_last, opt)

    def join(self, strings, default_delimiter=""):
        # citeproc-py's Delimited.join, the attribute read from the element's table (lookups.py)
        # rather than decoded by lxml at each call (speed only)
        attrs = self._attrs
        delimiter = (attrs.get("delimiter", default_delimiter) if attrs is not None
                     else self.get("delimiter", default_delimiter))
        try:
            return seams.join([s for s in strings if s is not None], delimiter)
        except Exception:
            return String("")

    def _citation_option(self, name, default=None):
        citation = self.get_root().citation
        return citation.get(name, default) if citation is not None else default

    def _has_citation_option(self, name):
        return self._citation_option(name) is not None

    def _one_name(self, name, form, mark, hyphen, words, invert, sort_sep, demote, level=0):
        # speed: a name renders alike wherever this cs:name renders it with these options (sort
        # key, entry, cites, disambiguation's trials): kept on the name (made afresh for each
        # render, items.py); rich strings are never changed in place (they add into new lists)
        kept = name.__dict__.get("_rendered")
        if kept is None:
            kept = name.__dict__["_rendered"] = {}
        key = (self, form, mark, hyphen, words, invert, sort_sep, demote, level)
        found = kept.get(key)
        if found is None:
            found = kept[key] = self._render_name(name, form, mark, hyphen, words, invert, sort_sep,
                                                  demote, level)
        return found

    def _render_name(self, name, form, mark, hyphen, words, invert, sort_sep, demote, level):
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
        found = self.__dict__.get("_name_parts")
        if found is None:
            # the cs:name-part children, found once (speed only; a compiled tree keeps its shape)
            found = tuple(self.findall("cs:name-part", self.nsmap))
            if self._kids is not None:
                self.__dict__["_name_parts"] = found
        for part in found:
            given, family = part.format_part(given, family)
        return given, family

    def _parts(self, given, family):
        return self._format_parts(given, family)[1]

    def _join(self, rendered, inverted, literal, truncate, use_last, opt):
        delimiter = opt("delimiter")
        if use_last:
            ellipsis = self.unicode_character("horizontal ellipsis")
            return _plus(self.join(rendered[:-1], delimiter), delimiter, ellipsis, " ", rendered[-1])

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
            return _plus(self.join(rendered, delimiter), sep, et_al)
        and_ = opt("and")
        if and_ is None or len(rendered) == 1:
            return self.join(rendered, delimiter)
        and_term = self._kept_term("_and_term", lambda: self.get_single_term(name="and")) \
            if and_ == "text" else self.preformat("&")
        head = self.join(rendered[:-1], delimiter)
        rule = opt("delimiter-precedes-last")
        use_delim = precedes(rule, len(rendered) - 1) if rule != "contextual" else len(rendered) > 2
        if use_delim and len(rendered) == 2 and literal[0] and rule == "always":
            use_delim = False  # citeproc-js: no comma after an uninverted literal name
        sep = delimiter.rstrip() + " " if use_delim else " "
        return _plus(head, sep, and_term, " ", rendered[-1])

    def et_al(self):
        return self._kept_term("_et_al", self._find_et_al)

    def _find_et_al(self):
        found = self.xpath_search("./following-sibling::cs:et-al[1]")
        if found:
            return found[0].render()
        return self.get_single_term(name="et-al")

    def _kept_term(self, name, find):
        """``find()`` kept per output format (speed: "and", "et al." read the same each time)."""
        formatter = self.get_formatter()
        kept = self.__dict__.get(name)
        if kept is None or kept[0] is not formatter:
            kept = (formatter, find())
            if self._kids is not None:  # a prepared element (its look-ups do not change)
                self.__dict__[name] = kept
        return kept[1]


_MISSING = object()


def _plus(*pieces):
    """``pieces[0] + pieces[1] + ...`` as citeproc-py's rich strings add (``seams.add``)."""
    return reduce(seams.add, pieces)
