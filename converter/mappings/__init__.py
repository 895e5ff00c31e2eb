"""One table per format, read in both directions by its reader and its writer.

Each table also says what its format has a place for, as a ``Carried``: the CSL variables
(from the table's rows, plus what the format writes by other means) and the keys of an item's
``custom`` object. A writer's "cannot carry" warning is what a record holds beyond that, so the
table is the one place that decides it. ``CARRIES`` maps each writer of a table to its
``Carried``; a format declaration names its table (converter/plugins/).
"""
from __future__ import annotations

from typing import Any, Collection, FrozenSet, List

_EMPTY: tuple = (None, "", [], {})


class Carried:
    """What a format has a place for."""

    __slots__ = ("variables", "custom")

    def __init__(self, variables: FrozenSet[str], custom: FrozenSet[str] = frozenset()) -> None:
        self.variables = variables
        self.custom = custom  # custom keys it writes, or that need no place

    def __contains__(self, variable: object) -> bool:
        return variable in self.variables

    def lost_variables(self, item: Any, written: Collection[str] | None = None) -> List[str]:
        """The item's CSL variables (in its order) this format has no place for, or, given
        ``written``, that were not written; empty values lose nothing."""
        if not isinstance(item, dict):
            return []
        return [key for key, value in item.items()
                if key != "custom" and value not in _EMPTY
                and (key not in self.variables or (written is not None and key not in written))]

    def lost_custom(self, item: Any) -> List[str]:
        """The keys of the item's custom object this format has no place for, as 'custom.KEY'."""
        custom = item.get("custom") if isinstance(item, dict) else None
        if not isinstance(custom, dict):
            return []
        return [f"custom.{key}" for key, value in custom.items() if key not in self.custom and value not in _EMPTY]


__all__ = ["Carried"]
