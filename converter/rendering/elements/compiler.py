"""Speed: cs:text, cs:group, cs:choose and cs:macro compiled into closures over their
children's closures, with every decision the plans (``text._text_plan``, ``group._group_plan``,
``group._plan``, ``conditions.compile_condition``) make once already made.

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

The classes that compile say how, in their own modules: ``closure()`` of cs:text (text.py),
cs:group and cs:choose (group.py). The parents whose children run through here: cs:layout and the branches of a cs:choose
(``ChildrenMixin.render_children``), cs:macro (``Macro.render``), cs:choose (``Choose.render``).
Test: tests/test_render_compiled.py (the closures against the walk, APA and GOST, text and
HTML, entries and cites).
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Tuple

from citeproc import model
from citeproc.source import VariableError

from .. import seams

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
    if len(fns) == 1:  # a lone child's text is the text (most macros and branches)
        return fns[0](item, delimiter, kwargs)
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
    # the element classes that compile say how (``closure``: text.py, group.py); None: walked
    make = getattr(type(element), "closure", None)
    found: Optional[Fn] = make(element) if make is not None else None
    return found if found is not None else _walk(element)


def with_context(kwargs: Any) -> Any:
    """``{"context": context, **kwargs}`` as a render with ``context=None`` in its signature
    passes it on."""
    return kwargs if "context" in kwargs else {"context": None, **kwargs}
