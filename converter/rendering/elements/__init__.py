"""Our subclasses of citeproc-py's style elements, one module per group of CSL elements.

Each class overrides what citeproc-py gets wrong against the CSL 1.0.2 specification and
citeproc-js; its docstring names the CSL rule, the test that shows the fix and, where the
fix belongs in citeproc-py, says so. The compiled style (``compiled.py``) builds style and
locale trees from these classes instead of citeproc-py's own.

What our classes remember while they render lives in the reference's ``ReferenceState``
(``state.py``), never on the elements: one compiled style serves renders in several threads.

- ``text``: cs:text, cs:number, cs:label, cs:date-part, cs:name-part, cs:term;
- ``date``: cs:date (the implicit year suffix);
- ``group``: cs:group suppression, cs:choose, cs:if, cs:else-if, cs:else, cs:macro;
- ``names``: cs:names, cs:name, cs:et-al, cs:substitute (``name_options``: a cs:name's
  options as its renders read them, subsequent-author-substitute's rules);
- ``layout``: cs:layout (bibliography entries);
- ``sort``: cs:sort and cs:key;
- ``mixins``: what several of them share;
- ``lookups``: look-ups citeproc-py repeats, found once per compiled style (speed only);
- ``conditions``: a cs:if's tests compiled into one function (speed only);
- ``compiler``: cs:text, cs:group, cs:choose and cs:macro as closures over their children's
  closures, the rest through ``render`` (speed only).
"""
from __future__ import annotations

from typing import Dict

from citeproc import model

from .date import Date
from .group import Choose, Else, Else_If, Group, If, Macro
from .layout import Layout
from .lookups import LocaleLookups, Lookups
from .names import Et_Al, Name, Names, Substitute
from .sort import Key, Sort
from .text import Date_Part, Label, Name_Part, Number, Term, Text

# Every element class the style compiler uses instead of citeproc-py's, by CSL element name.
OVERRIDES: Dict[str, type] = {
    cls.__name__.replace("_", "-").lower(): cls
    for cls in (Text, Number, Label, Date_Part, Name_Part, Date, Group, Names, Et_Al,
                Substitute, Layout, Key, Sort, Name, If, Else_If, Else, Choose, Macro, Term)
}



def _with_lookups(name: str, cls: type) -> type:
    mixins = (Lookups, LocaleLookups) if issubclass(cls, model.Locale) else (Lookups,)
    return type(cls.__name__, (*mixins, cls), {"__module__": __name__, "__doc__": cls.__doc__})


# The class the compiler builds for each CSL element: ours where we override citeproc-py's,
# citeproc-py's otherwise, each with the look-ups found at compile time.
ELEMENT_CLASSES: Dict[str, type] = {
    name: _with_lookups(name, OVERRIDES.get(name, cls))
    for name, cls in ((c.__name__.replace("_", "-").lower(), c)
                      for c in model.CitationStylesElement.__subclasses__())
}

__all__ = ["ELEMENT_CLASSES", "OVERRIDES"]
