"""The elements that hold others: cs:group suppression, cs:choose and its cs:if / cs:else-if
conditions, cs:else, cs:macro."""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from ..items import presence_mask, variable_bit
from ..seams import join
from .compiler import children_fns, fn_for, run, with_context
from .conditions import compile_condition
from .lookups import condition_tests
from .mixins import AffixMixin, ChildrenMixin, render_kinds


class Group(ChildrenMixin, AffixMixin, model.Group):
    """CSL "Group": a group is suppressed when it calls at least one variable and every
    variable it calls is empty. citeproc-py decides from the tree alone (does a child *call*
    a variable?); we count the look-ups actually made (``ReferenceState.calls``/``hits``).
    Test: test_render_layer.py::test_typeless_item_prints_no_date_with_a_capital.
    Upstream: citeproc-py's ``Group.process`` should count look-ups, as citeproc-js does."""

    def process(self, item, context=None, **kwargs):
        state = item.reference.state
        calls, hits = state.calls, state.hits
        output = []
        attrs = self._attrs  # found once (lookups.py)
        delimiter = attrs.get("delimiter", "") if attrs is not None else self.get("delimiter", "")
        for child, choose, group in self._group_kinds():
            try:
                if choose:
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            if text:
                output.append(text)
                if group:
                    # a nested group that printed something (say APA's "(n.d.)": a term and
                    # an empty year-suffix) keeps its parent, as in citeproc-js
                    state.hits += 1
        if not output or (state.calls > calls and state.hits == hits):
            raise VariableError
        if attrs is None:
            return self.join(output)
        try:  # citeproc-py's Delimited.join, with the delimiter found above (speed only)
            return join(output, delimiter)
        except Exception:
            return String("")

    def render(self, item, context=None, **kwargs):
        # speed: ``process``, citeproc-py's CitationStylesElement.render and Group.markup in
        # one call, with the children, delimiter, formatting and affixes found once
        plan = self.__dict__.get("_group_plan")
        if plan is None:
            plan = self.__dict__["_group_plan"] = _group_plan(self)
        if plan is False:
            text = self.process(item, context=context, **kwargs)
            return self.wrap(self.format(text)) if text else None
        found, delimiter, plain, affixed = plan
        state = item.reference.state
        calls, hits = state.calls, state.hits
        output = []
        for child, choose, group in found:
            try:
                if choose:
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text:
                output.append(text)
                if group:  # as in ``process``
                    state.hits += 1
        if not output or (state.calls > calls and state.hits == hits):
            raise VariableError
        try:
            text = join(output, delimiter)
        except Exception:
            text = String("")
        if not text:
            return None
        if not plain:
            text = self.format(text)
        elif isinstance(text, (int, float)):
            text = str(text)
        return self.wrap(text) if affixed else text

    def closure(self):
        """The closure ``compiler.py`` runs for this element (None: through ``render``)."""
        return _group_closure(self)

    def _group_kinds(self):
        """``(child, is a cs:choose, is a cs:group)`` for each child, found once (speed only)."""
        found = self.__dict__.get("_group_kinds_found")
        if found is None:
            kids = self._kids
            found = tuple((child, isinstance(child, model.Choose), isinstance(child, Group))
                          for child in (kids if kids is not None else self.iterchildren()))
            if kids is not None:
                self.__dict__["_group_kinds_found"] = found
        return found


class If(ChildrenMixin, model.If):
    """- Condition tests are not variable calls: they must not keep a group alive (CSL
      "Group" counts rendering elements only).
      Test: test_render_layer.py::test_macro_call_is_suppressed_like_a_group.
    - ``disambiguate="true"`` (CSL "Choose"), which citeproc-py ignores.
      Test: test_render_citations.py::test_csl_suite_fixture[disambiguate_DisambiguateTrueReflectedInBibliography].
    - ``position``: from the positions worked out for the whole document
      (``positions.py``); citeproc-py looks only at the cites rendered so far.
      Test: test_render_citations.py::test_csl_suite_fixture[position_IbidInText].
    - ``variable``: a substituted variable is suppressed from rendering, not from
      conditions (APA tests ``editor`` after the editor took the author's place, as
      citeproc-js does). Test: test_render_layer.py::test_conditions_see_a_substituted_variable.
    Upstream: all of these belong in citeproc-py's ``If``."""

    def render(self, item, context=None, delimiter="", **kwargs):
        if not self.holds(item, context):
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def holds(self, item, context=None):
        """Whether the condition holds for ``item`` (``Choose`` asks, without an exception)."""
        check = self.__dict__.get("_check", _UNPLANNED)
        if check is _UNPLANNED:
            check = self.__dict__["_check"] = compile_condition(self)
        if check is not None:
            # speed: the tests made by one function, without look-ups that count (none counts
            # as a variable call: see ``_test``)
            return check(item, context)
        state = item.reference.state
        counting = state.counting
        state.counting = False
        try:
            return self._test(item, context)
        finally:
            state.counting = counting

    def _test(self, item, context):
        tests = self._tests  # the tests this element makes, found once (lookups.py)
        if tests is None:
            tests = condition_tests(self)
        results = []
        for test in tests:
            if test == "type":
                results += self._type(item)
            elif test == "variable":
                results += self._variable(item)
            elif test == "is-numeric":
                results += self._is_numeric(item)
            elif test == "is-uncertain-date":
                results += self._is_uncertain_date(item)
            elif test == "locator":
                results += self._locator(item)
            elif test == "position":
                results += self._position(item, context)
            else:  # disambiguate
                wanted = self.get("disambiguate").lower() == "true"
                results.append(item.reference.state.disambiguate == wanted)
        match = self.get("match", "all")
        return any(results) if match == "any" else (not any(results) if match == "none" else all(results))

    def _type(self, item):
        types = self._types  # speed: the type list split once (lookups.py)
        if types is None:
            return super()._type(item)
        ref_type = dict.__getitem__(item.reference, "type")
        return [t == ref_type for t in types]

    def _position(self, item, context):
        # in a bibliography (or a cite rendered outside a document) no position test is true
        positions = item.positions
        if not positions or not item.reference.state.in_citation:
            return [False for _ in self.get("position").split()]
        return [p in positions for p in self.get("position").split()]

    def _variable(self, item):
        ref = item.reference
        out = []
        for variable in self.get("variable").split():
            if variable == "locator":
                out.append("locator" in item)
            else:
                out.append(dict.__contains__(ref, variable.replace("-", "_")))
        return out


class Else_If(If):
    """As ``If``."""


class Else(ChildrenMixin, model.Else):
    """As citeproc-py's, over the children found once (speed only)."""


class Choose(model.Choose):
    """CSL "Choose" as citeproc-py renders it: the first branch whose condition holds
    renders. Our branches answer ``holds`` instead of raising ``ConditionFailed`` for each
    branch that does not: speed only, the same answer.
    Speed: while its branches test only the item's type and which variables it has (most
    of APA's), the branch taken is kept for each type and set of those variables, and
    later items of the same kind go straight to it (or to the branches after those).
    Test: test_render_layer.py::test_macro_call_is_suppressed_like_a_group,
    test_render_seams.py::test_choose_takes_the_branch_it_took_before."""

    def render(self, item, context=None, delimiter="", **kwargs):
        plan = self.__dict__.get("_plan", _UNPLANNED)
        if plan is _UNPLANNED:
            plan = self.__dict__["_plan"] = _plan(self)
        kids = self._kids
        if plan is not None:
            bits, cut, taken = plan
            ref = item.reference
            mask = ref.__dict__.get("_mask")
            key = (dict.__getitem__(ref, "type"), (mask if mask is not None else presence_mask(ref)) & bits)
            branch = taken.get(key, _UNPLANNED)
            if branch is _UNPLANNED:
                branch = self._first_branch(item, context, cut)
                if len(taken) < _PLAN_SIZE:
                    taken[key] = branch
            if branch is not _FURTHER:
                if branch is None:
                    return None
                found = branch.__dict__.get("_kinds")
                if found is not None:
                    # the branch's ``render_children`` (If and Else alike) without its look-ups (speed only)
                    return render_kinds(found, item, delimiter, {"context": context, **kwargs})
                if isinstance(branch, If):
                    return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)
                return branch.render(item, context=context, delimiter=delimiter, **kwargs)
            kids = kids[cut:]  # no planned branch holds: the others, as below
        for branch in (kids if kids is not None else self.getchildren()):
            if isinstance(branch, If):
                if branch.holds(item, context):
                    return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)
                continue
            try:
                return branch.render(item, context=context, delimiter=delimiter, **kwargs)
            except model.ConditionFailed:
                continue
        return None

    def closure(self):
        """The closure ``compiler.py`` runs for this element (None: through ``render``)."""
        return _choose_closure(self)

    def _first_branch(self, item, context, cut):
        """The planned branch that renders for ``item`` (an If or an Else); ``_FURTHER`` when
        none of the first ``cut`` branches does and others follow, None when none follows."""
        for branch in self._kids[:cut]:
            if not isinstance(branch, If) or branch.holds(item, context):
                return branch
        return _FURTHER if cut < len(self._kids) else None


_UNPLANNED = object()
_FURTHER = object()  # none of the planned branches holds: test the rest
_PLAN_SIZE = 4096  # kinds of item kept per cs:choose
_PLANNED_TESTS = frozenset(("type", "variable"))


def _plan(choose):
    """What decides a cs:choose's first branches when they test only the item's type and which
    variables it has (or are an Else): the variables they test (as the bits of
    ``items.presence_mask``), how many branches that is, and an empty table of the branch
    taken per kind of item; None when the first branch tests anything else (is-numeric,
    position, a locator, disambiguate...)."""
    kids = choose._kids
    if kids is None:
        return None
    variables = []
    cut = 0
    for branch in kids:
        if isinstance(branch, If):
            tests = branch._tests
            if (branch._match is None or not tests or not _PLANNED_TESTS.issuperset(tests)
                    or ("type" in tests and branch._types is None)
                    or ("variable" in tests and branch._variables is None)):
                break
            if "variable" in tests:
                variables.extend(v for v in branch._variables if v not in variables)
        elif not isinstance(branch, model.Else):
            break
        cut += 1
    if cut == 0:
        return None
    bits = 0
    for variable in variables:
        bits |= variable_bit(variable)
    return bits, cut, {}


class Macro(ChildrenMixin, model.Macro):
    """CSL "Macro" as citeproc-py renders it, over the children found once and without
    its ``render_children`` call (speed only, the same answer).
    Test: test_render_layer.py::test_macro_call_is_suppressed_like_a_group,
    test_render_compiled.py::test_short_ways_render_as_the_long_way."""

    def render(self, item, context=None, sort_options=None):
        # citeproc-py's Macro.render and ``render_children`` in one call (speed only)
        fns = self.__dict__.get("_fns")
        if fns is None:
            kids = self._kids
            if kids is None:
                return self.render_children(item, context=context, sort_options=sort_options)
            fns = children_fns(self, kids)
        # the children's closures (compiler.py): render_kinds without the method calls
        return run(fns, item, "", {"context": context, "sort_options": sort_options})


def _group_plan(group):
    """``(children and their kinds, delimiter, no formatting, has affixes)`` of a prepared
    cs:group; False for one that is not (read live)."""
    attrs = group._attrs
    if attrs is None or group._kids is None:
        return False
    return (group._group_kinds(), attrs.get("delimiter", ""), group._plain is True,
            bool(attrs.get("prefix")) or bool(attrs.get("suffix")))


def _group_closure(element: Any) -> Any:
    """A prepared cs:group's closure (compiler.py): the plan path of ``Group.render``, None
    where it raises; None for a group not prepared (walked)."""
    plan = element.__dict__.get("_group_plan")
    if plan is None:
        plan = element.__dict__["_group_plan"] = _group_plan(element)
    if plan is False:
        return None
    found, delimiter, plain, affixed = plan
    children = None  # the children's closures, made at the first render (one record: few)
    format_, wrap = element.format, element.wrap

    def group_fn(item, _delimiter, kwargs):
        # Group.render's plan path, statement for statement (None where it raises)
        nonlocal children
        if children is None:
            children = tuple((fn_for(child), is_group) for child, _, is_group in found)
        try:
            passed = kwargs if "context" in kwargs else {"context": None, **kwargs}
            state = item.reference.state
            calls, hits = state.calls, state.hits
            output = []
            for fn, is_group in children:
                text = fn(item, delimiter, passed)
                if text:
                    output.append(text)
                    if is_group:
                        state.hits += 1
            if not output or (state.calls > calls and state.hits == hits):
                return None
            try:
                text = join(output, delimiter)
            except Exception:
                text = String("")
            if not text:
                return None
            if not plain:
                text = format_(text)
            elif isinstance(text, (int, float)):
                text = str(text)
            return wrap(text) if affixed else text
        except VariableError:
            return None
    return group_fn


def _choose_closure(element: Any) -> Any:
    """A cs:choose's closure (compiler.py): ``Choose.render``; None for one whose branches are
    not all prepared cs:if, cs:else-if and cs:else (walked)."""
    kids = element._kids
    if kids is None:
        return None
    branches = []
    for branch in kids:
        if branch._kids is None or not isinstance(branch, (If, Else)):
            return None
        if isinstance(branch, If):
            holds = branch.holds
        else:
            holds = None
        branches.append((branch, holds, branch._kids))
    plan = element.__dict__.get("_plan", _UNPLANNED)
    if plan is _UNPLANNED:
        plan = element.__dict__["_plan"] = _plan(element)
    first_branch = element._first_branch
    further = _FURTHER
    unplanned = _UNPLANNED
    size = _PLAN_SIZE
    if plan is not None:
        bits, cut, taken = plan
        rest = tuple(branches[cut:])
    else:
        rest = tuple(branches)

    def choose_fn(item, delimiter, kwargs):
        # Choose.render, statement for statement
        try:
            context = kwargs.get("context")
            if plan is not None:
                ref = item.reference
                mask = ref.__dict__.get("_mask")
                key = (dict.__getitem__(ref, "type"), (mask if mask is not None else presence_mask(ref)) & bits)
                branch = taken.get(key, unplanned)
                if branch is unplanned:
                    branch = first_branch(item, context, cut)
                    if len(taken) < size:
                        taken[key] = branch
                if branch is not further:
                    if branch is None:
                        return None
                    # the branch's children's closures, made when it is first taken
                    fns = branch.__dict__.get("_fns")
                    return run(fns if fns is not None else children_fns(branch, branch._kids), item, delimiter,
                               with_context(kwargs))
            for branch, holds, kids in rest:
                if holds is None or holds(item, context):
                    fns = branch.__dict__.get("_fns")
                    return run(fns if fns is not None else children_fns(branch, kids), item, delimiter,
                               with_context(kwargs))
            return None
        except VariableError:
            return None
    return choose_fn

