"""Speed: cs:text, cs:group, cs:choose and cs:macro compiled into closures over their
children's closures, with every decision the plans (``text._text_plan``, ``group._group_plan``,
``group._plan``, ``group._compile_condition``) make once already made.

An element's closure ``fn(item, delimiter, kwargs)`` gives what the walk gives for it:

    try:
        text = element.render(item, delimiter=delimiter, **kwargs)  # a cs:choose
        text = element.render(item, **kwargs)                        # any other element
    except VariableError:
        text = None

(``kwargs``: what the parent passes down, ``context`` and ``sort_options``). A closure runs the
same statements as the element's ``render`` in the same order, so look-ups are counted and
substitutes suppress as they do; it only leaves out the method calls, the keyword arguments
made and taken apart at each of them, and the plans read and unpacked at each render. An
element that is not compiled (cs:names, cs:date, cs:label, cs:number, a cs:text printing a
term or a value, anything not prepared) is called through its ``render``, as above.

The parents whose children run through here: cs:layout and the branches of a cs:choose
(``ChildrenMixin.render_children``), cs:macro (``Macro.render``), cs:choose (``Choose.render``).
Test: tests/test_render_compiled.py (the closures against the walk, APA and GOST, text and
HTML, entries and cites).
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Tuple

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from .. import seams
from ..items import presence_mask

Fn = Callable[[Any, Any, Any], Any]
ENABLED = True  # tests switch compiling off to compare with the walk


def fn_for(element: Any) -> Fn:
    """The closure of ``element``, made on first use and kept on it."""
    fn = element.__dict__.get("_fn")
    if fn is None:
        fn = element.__dict__["_fn"] = _compile(element) if ENABLED else _walk(element)
    return fn


def children_fns(element: Any, kids: Any) -> Tuple[Fn, ...]:
    """The closures of ``element``'s children ``kids``, found once."""
    found = element.__dict__.get("_fns")
    if found is None:
        found = element.__dict__["_fns"] = tuple(fn_for(child) for child in kids)
    return found


def run(fns: Tuple[Fn, ...], item: Any, delimiter: Any, kwargs: Any) -> Any:
    """``mixins.render_kinds`` over closures: the children rendered and joined (a cs:choose
    child gets the delimiter); None when none prints."""
    output = []
    for fn in fns:
        text = fn(item, delimiter, kwargs)
        if text is not None:
            output.append(text)
    if not output:
        return None
    return output[0] if len(output) == 1 else seams.join(output, delimiter)


def _walk(element: Any) -> Fn:
    """The element through its own ``render``."""
    render = element.render
    if isinstance(element, model.Choose):
        def walk_choose(item: Any, delimiter: Any, kwargs: Any) -> Any:
            try:
                return render(item, delimiter=delimiter, **kwargs)
            except VariableError:
                return None
        return walk_choose

    def walk(item: Any, delimiter: Any, kwargs: Any) -> Any:
        try:
            return render(item, **kwargs)
        except VariableError:
            return None
    return walk


def _compile(element: Any) -> Fn:
    # the element classes import this module: found here, once per element compiled
    from . import group as group_module
    from . import text as text_module
    found: Optional[Fn] = None
    if isinstance(element, text_module.Text):
        found = _compile_text(element)
    elif isinstance(element, group_module.Group):
        found = _compile_group(element)
    elif isinstance(element, group_module.Choose):
        found = _compile_choose(element)
    return found if found is not None else _walk(element)


def _with_context(kwargs: Any) -> Any:
    """``{"context": context, **kwargs}`` as a render with ``context=None`` in its signature
    passes it on."""
    return kwargs if "context" in kwargs else {"context": None, **kwargs}


def _compile_text(element: Any) -> Optional[Fn]:
    from . import text as text_module
    from .mixins import note_accessed
    plan = element.__dict__.get("_text_plan")
    if plan is None:
        plan = element.__dict__["_text_plan"] = text_module._text_plan(element)
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
    number_range = variable in text_module._NUMBER_VARIABLES
    range_re = text_module._RANGE_RE
    macro_kept = macro.__dict__ if macro is not None else None  # its closures, once made (Macro.render)

    def text_fn(item: Any, delimiter: Any, kwargs: Any) -> Any:
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


def _compile_group(element: Any) -> Optional[Fn]:
    from . import group as group_module
    plan = element.__dict__.get("_group_plan")
    if plan is None:
        plan = element.__dict__["_group_plan"] = group_module._group_plan(element)
    if plan is False:
        return None
    found, delimiter, plain, affixed = plan
    children = tuple((fn_for(child), is_group) for child, _, is_group in found)
    format_, wrap = element.format, element.wrap
    join = seams.join

    def group_fn(item: Any, _delimiter: Any, kwargs: Any) -> Any:
        # Group.render's plan path, statement for statement (None where it raises)
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


def _compile_choose(element: Any) -> Optional[Fn]:
    from . import group as group_module
    kids = element._kids
    if kids is None:
        return None
    branches = []
    for branch in kids:
        if branch._kids is None or not isinstance(branch, (group_module.If, group_module.Else)):
            return None
        if isinstance(branch, group_module.If):
            holds = branch.holds
        else:
            holds = None
        branches.append((branch, holds, children_fns(branch, branch._kids)))
    fns_of = {id(branch): fns for branch, _, fns in branches}
    plan = element.__dict__.get("_plan", group_module._UNPLANNED)
    if plan is group_module._UNPLANNED:
        plan = element.__dict__["_plan"] = group_module._plan(element)
    first_branch = element._first_branch
    further = group_module._FURTHER
    unplanned = group_module._UNPLANNED
    size = group_module._PLAN_SIZE
    if plan is not None:
        bits, cut, taken = plan
        rest = tuple(branches[cut:])
    else:
        rest = tuple(branches)

    def choose_fn(item: Any, delimiter: Any, kwargs: Any) -> Any:
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
                    return run(fns_of[id(branch)], item, delimiter, _with_context(kwargs))
            for _, holds, fns in rest:
                if holds is None or holds(item, context):
                    return run(fns, item, delimiter, _with_context(kwargs))
            return None
        except VariableError:
            return None
    return choose_fn
