"""Speed: the tests of a cs:if or cs:else-if compiled into one function, giving the answer
``group.If._test`` gives (CSL "Choose": type, variable, is-numeric, is-uncertain-date,
locator, position, disambiguate; match all, any or none) without switching the counting of
look-ups off and on: no look-up made here counts as a variable call.
Test: tests/test_render_compiled.py and the rendering tests (every condition of APA, GOST and
the CSL test suite goes through here)."""
from __future__ import annotations

from citeproc import model

_NUMERIC = model.If.re_numeric.match


def compile_condition(branch):
    """``holds`` of a prepared cs:if or cs:else-if as one function ``(item, context) -> bool``
    giving ``_test``'s answer (speed only); None for an element not prepared."""
    tests, match = branch._tests, branch._match
    if tests is None or match is None:
        return None
    if tests == ("type",) and branch._types:
        types = branch._types
        if match == "any":
            return lambda item, context: dict.__getitem__(item.reference, "type") in types
        if match == "none":
            return lambda item, context: dict.__getitem__(item.reference, "type") not in types
        if len(set(types)) > 1:
            return lambda item, context: False  # all: one type cannot be two
        only = types[0]
        return lambda item, context: dict.__getitem__(item.reference, "type") == only
    if tests == ("variable",) and branch._variables:
        wanted = branch._variables
        if len(wanted) == 1:
            one = wanted[0]
            if match == "none":
                return lambda item, context: not dict.__contains__(item.reference, one)
            return lambda item, context: dict.__contains__(item.reference, one)
        if match == "any":
            return lambda item, context: any(map(dict.keys(item.reference).__contains__, wanted))
        if match == "none":
            return lambda item, context: not any(map(dict.keys(item.reference).__contains__, wanted))
        return lambda item, context: all(map(dict.keys(item.reference).__contains__, wanted))
    parts = [_TEST_PARTS[test](branch) for test in tests]
    combine = any if match == "any" else (_none if match == "none" else all)
    if len(parts) == 1:
        part = parts[0]
        return lambda item, context: combine(part(item, context))
    return lambda item, context: combine([found for part in parts for found in part(item, context)])


def _none(results):
    return not any(results)


def _type_part(branch):
    types = branch._types
    if types is None:
        types = tuple(t.lower() for t in branch.get("type").split())
    return lambda item, context: [wanted == dict.__getitem__(item.reference, "type") for wanted in types]


def _variable_part(branch):
    # as ``If._variable``: "locator" is the cite's, the others the reference's (suppressed or not)
    keys = tuple(v.replace("-", "_") for v in branch.get("variable").split())

    def part(item, context):
        ref = item.reference
        return [("locator" in item) if key == "locator" else dict.__contains__(ref, key) for key in keys]
    return part


def _value(ref, key):
    """The reference's value for ``key`` as a look-up finds it (None when missing or
    suppressed by a substitute), without counting the look-up."""
    if key in ref.state.suppressed or not dict.__contains__(ref, key):
        return None
    return dict.__getitem__(ref, key)


def _numeric_part(branch):
    # citeproc-py's If._is_numeric
    keys = tuple(v.replace("-", "_") for v in branch.get("is-numeric").split())

    def part(item, context):
        ref = item.reference
        out = []
        for key in keys:
            value = _value(ref, key)
            out.append(value is not None and _NUMERIC(str(value)))
        return out
    return part


def _uncertain_part(branch):
    # citeproc-py's If._is_uncertain_date
    keys = tuple(v.replace("-", "_") for v in branch.get("is-uncertain-date").split())

    def part(item, context):
        ref = item.reference
        out = []
        for key in keys:
            value = _value(ref, key)
            try:
                out.append(False if value is None else value.get("circa", False))
            except AttributeError:
                out.append(False)
        return out
    return part


def _locator_part(branch):
    # citeproc-py's If._locator
    labels = tuple(v.replace("-", " ") for v in branch.get("locator").split())
    return lambda item, context: [item.has_locator and label == item.locator.label for label in labels]


def _position_part(branch):
    return branch._position


def _disambiguate_part(branch):
    wanted = branch.get("disambiguate").lower() == "true"
    return lambda item, context: [item.reference.state.disambiguate == wanted]


_TEST_PARTS = {"type": _type_part, "variable": _variable_part, "is-numeric": _numeric_part,
               "is-uncertain-date": _uncertain_part, "locator": _locator_part,
               "position": _position_part, "disambiguate": _disambiguate_part}
