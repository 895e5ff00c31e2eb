"""A cs:name's options as its renders read them, and subsequent-author-substitute's rules
applied to its rendered names (``names.Name``)."""
from __future__ import annotations

from typing import Any, List

from citeproc.string import String

# the options ``Name.process`` reads at every render, in the order it unpacks them
FIXED = ("form", "et-al-min", "et-al-use-first", "et-al-use-last", "initialize-with",
         "initialize-with-hyphen", "name-as-sort-order", "sort-separator", "demote-non-dropping-particle")


class Options(dict):
    """A cs:name's options by name, each found by ``find`` on first use; ``fixed``: those of
    ``FIXED`` and whether to initialize, once asked."""

    def __init__(self, find: Any) -> None:
        super().__init__()
        self.find = find
        self.fixed: Any = None

    def __missing__(self, name: str) -> Any:
        value = self[name] = self.find(name)
        return value


def option_value(name: str, value: Any) -> Any:
    if name in ("initialize-with-hyphen", "et-al-use-last"):
        return value.lower() == "true"
    if name.startswith("et-al"):
        return int(value)
    return value


def substituted(rendered: List[Any], rule: str, previous: Any, substitute: str) -> List[Any]:
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
