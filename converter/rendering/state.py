"""What a render remembers while it runs, as typed objects.

citeproc-py renders through ``element.render(item, ...)`` and passes nothing else down through
macros, so what our element classes must remember while one entry renders, and what the
document decided for each reference (disambiguation), travels with the one argument every
call receives: the cite, whose reference (made afresh for each render by
``items.convert_items``) carries a ``ReferenceState``. Two renders never share a reference,
so they never share state; the style tree (``compiled.py``) holds none.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

# What subsequent-author-substitute compares between entries: ("names", names, truncated) or
# ("text", what took the names' place), see elements/layout.py.
AuthorKey = Tuple


@dataclass
class Replacement:
    """subsequent-author-substitute for one entry: print ``substitute`` under ``rule`` in
    place of what this entry shares with the previous entry's author (``previous``)."""

    substitute: str
    rule: str
    previous: AuthorKey


@dataclass
class AuthorCapture:
    """The first names an entry or cite renders, its "author": captured for cite grouping
    and subsequent-author-substitute, and suppressed or replaced on request."""

    suppress: bool = False                 # print nothing for it (cite after the same author)
    replace: Optional[Replacement] = None  # print the substitute instead
    depth: int = 0                         # 1 while the first cs:names renders
    seen: bool = False                     # the first cs:names has rendered
    text: Optional[str] = None             # what it printed
    names: Optional[Tuple[List[str], bool]] = None  # its names one by one, and "et al." or not


@dataclass
class ReferenceState:
    """The state of one reference during one render."""

    # -- one entry (a bibliography entry, a cite or a sort key); see ``restart``
    suppressed: Set[str] = field(default_factory=set)   # variables a substitute used (CSL)
    repressed: Set[str] = field(default_factory=set)    # the same, as cs:text tested it
    suffix_used: bool = False        # the implicit year suffix has been placed
    accessed: Optional[List[str]] = None  # variables rendered while a substitute is tried
    # variable look-ups (``calls``) and those that found a value (``hits``), for group
    # suppression; conditions do not count (``counting`` is off while they are tested)
    calls: int = 0
    hits: int = 0
    counting: bool = True
    in_citation: bool = False        # rendering a cite, not a bibliography entry
    author: Optional[AuthorCapture] = None
    # -- decided once per document by disambiguation.py
    names_shown: Optional[int] = None         # names shown before "et al."
    given_levels: Optional[Dict[str, int]] = None  # family name -> given-name level
    given_all: int = 0                        # one level for every name (trial renders)
    disambiguate: bool = False                # cs:if disambiguate="true" holds

    def restart(self) -> None:
        """Forget what the last entry render did, before the next one."""
        self.suppressed.clear()
        self.repressed.clear()
        self.suffix_used = False
