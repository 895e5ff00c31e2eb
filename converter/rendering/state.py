"""What a render remembers while it runs, as typed objects.

citeproc-py renders through ``element.render(item, ...)`` and passes nothing else down through
macros, so what our element classes must remember while one entry renders, and what the
document decided for each reference (disambiguation), travels with the one argument every
call receives: the cite, whose reference (made afresh for each render by
``items.convert_items``) carries a ``ReferenceState``. Two renders never share a reference,
so they never share state; the style tree (``compiled.py``) holds none.
"""
from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional, Set, Tuple

# What subsequent-author-substitute compares between entries: ("names", names, truncated) or
# ("text", what took the names' place), see elements/layout.py.
AuthorKey = Tuple


class Replacement(NamedTuple):
    """subsequent-author-substitute for one entry: print ``substitute`` under ``rule`` in
    place of what this entry shares with the previous entry's author (``previous``)."""

    substitute: str
    rule: str
    previous: AuthorKey


# Plain classes with slots, not dataclasses: every APA or GOST run loads them (converter/model.py
# says why), and a render reads and sets their attributes thousands of times.
class AuthorCapture:
    """The first names an entry or cite renders, its "author": captured for cite grouping
    and subsequent-author-substitute, and suppressed or replaced on request."""

    __slots__ = ("suppress", "replace", "depth", "seen", "text", "names")

    def __init__(self, suppress: bool = False, replace: Optional[Replacement] = None) -> None:
        self.suppress = suppress                 # print nothing for it (cite after the same author)
        self.replace = replace                   # print the substitute instead
        self.depth = 0                           # 1 while the first cs:names renders
        self.seen = False                        # the first cs:names has rendered
        self.text: Optional[str] = None          # what it printed
        self.names: Optional[Tuple[List[str], bool]] = None  # its names one by one, and "et al." or not


class ReferenceState:
    """The state of one reference during one render."""

    __slots__ = ("suppressed", "repressed", "suffix_used", "accessed", "calls", "hits", "counting",
                 "in_citation", "author", "names_shown", "given_levels", "given_all", "disambiguate",
                 "consulted")

    def __init__(self) -> None:
        # -- one entry (a bibliography entry, a cite or a sort key); see ``restart``
        self.suppressed: Set[str] = set()    # variables a substitute used (CSL)
        self.repressed: Set[str] = set()     # the same, as cs:text tested it
        self.suffix_used = False             # the implicit year suffix has been placed
        self.accessed: Optional[List[str]] = None  # variables rendered while a substitute is tried
        # variable look-ups (``calls``) and those that found a value (``hits``), for group
        # suppression; conditions do not count (``counting`` is off while they are tested)
        self.calls = 0
        self.hits = 0
        self.counting = True
        self.in_citation = False             # rendering a cite, not a bibliography entry
        self.author: Optional[AuthorCapture] = None
        # -- decided once per document by disambiguation.py
        self.names_shown: Optional[int] = None         # names shown before "et al."
        self.given_levels: Optional[Dict[str, int]] = None  # family name -> given-name level
        self.given_all = 0                             # one level for every name (trial renders)
        self.disambiguate = False                      # cs:if disambiguate="true" holds
        # while disambiguation asks: the family names whose given-name level a cite looked up
        self.consulted: Optional[Set[str]] = None

    def restart(self) -> None:
        """Forget what the last entry render did, before the next one."""
        self.suppressed.clear()
        self.repressed.clear()
        self.suffix_used = False
