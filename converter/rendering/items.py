"""CSL-JSON items to citeproc-py references.

Our own conversion rather than citeproc-py's ``CiteProcJSON``: it keeps ids as given (citeproc-py
lower-cases them), escapes text for the output format, understands rich text, accepts
numbers given as strings in dates, ignores name and date keys CSL-JSON allows but
citeproc-py rejects, and drops empty values instead of rendering "., ." for them.
"""
from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any, Dict, Iterable, List, Tuple

from citeproc import DATES, NAMES
from citeproc.source import Date, DateRange, LiteralDate, Name, Reference, VariableError
from citeproc.string import String

from .markup import rich_text
from .state import ReferenceState
from .typography import smart_quotes

CSL_NAMES = set(NAMES) | {v.replace("-", "_") for v in (
    "chair compiler contributor curator director editorial-director executive-producer guest "
    "host interviewer narrator organizer performer producer reviewed-author script-writer "
    "series-creator translator").split()}
_NAME_KEYS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix")
# plain data, never rich text
# look-ups citeproc-py makes for its own purposes, not variables the style calls
_NOT_CALLS = frozenset({"language", "key", "type", "year_suffix"})
_RAW_VARIABLES = {"language", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID"}


class TrackedReference(Reference):
    """A reference that counts its variable look-ups (for group suppression) and hides the
    variables a substitute used for the rest of an entry (CSL's rule for substituted
    variables); both through its ``state``, a ``ReferenceState`` of its own."""

    state: ReferenceState

    def __init__(self, key: str, type_: str) -> None:
        super().__init__(key, type_)
        # citeproc-py's CustomDict turns attribute assignment into a dict item; the state is
        # an attribute, so it is written to the instance dictionary, once
        self.__dict__["state"] = ReferenceState()

    def __getitem__(self, key: str) -> Any:
        key = key.replace("-", "_")  # citeproc-py sometimes looks up "number-of-volumes"
        state = self.state
        found = key not in state.suppressed and dict.__contains__(self, key)
        if state.counting and key not in _NOT_CALLS:  # count the look-up (inline: speed only)
            state.calls += 1
            if found:
                state.hits += 1
        if not found:
            raise VariableError
        return dict.__getitem__(self, key)

    def __getattr__(self, name: str) -> Any:
        return self[name]

    # what the reference holds changes only through these: each forgets the presence mask
    def __setitem__(self, key: Any, value: Any) -> None:
        self.__dict__.pop("_mask", None)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: Any) -> None:
        self.__dict__.pop("_mask", None)
        dict.__delitem__(self, key)

    def pop(self, *args: Any) -> Any:
        self.__dict__.pop("_mask", None)
        return dict.pop(self, *args)

    def popitem(self) -> Any:
        self.__dict__.pop("_mask", None)
        return dict.popitem(self)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        self.__dict__.pop("_mask", None)
        return dict.setdefault(self, key, default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self.__dict__.pop("_mask", None)
        dict.update(self, *args, **kwargs)

    def clear(self) -> None:
        self.__dict__.pop("_mask", None)
        dict.clear(self)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            key = key.replace("-", "_")
        if key in self.state.suppressed:
            return False
        return dict.__contains__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        key = key.replace("-", "_")
        state = self.state
        found = key not in state.suppressed and dict.__contains__(self, key)
        if state.counting and key not in _NOT_CALLS:  # count the look-up (inline: speed only)
            state.calls += 1
            if found:
                state.hits += 1
        if not found:
            return default
        return dict.__getitem__(self, key)


_BITS: Dict[str, int] = {}  # each key any reference or condition has named, its own bit
_BITS_LOCK = threading.Lock()


def variable_bit(key: str) -> int:
    """The bit that stands for reference key ``key`` in ``presence_mask`` (the same for every
    reference and every thread)."""
    bit = _BITS.get(key)
    if bit is None:
        with _BITS_LOCK:
            bit = _BITS.get(key)
            if bit is None:
                bit = _BITS[key] = 1 << len(_BITS)
    return bit


def presence_mask(ref: Any) -> int:
    """The keys ``ref`` holds (suppressed or not), as the OR of their ``variable_bit``s; kept
    on a ``TrackedReference`` until it changes (speed: a cs:choose's plan key)."""
    found = ref.__dict__.get("_mask")
    if found is None:
        found = 0
        for key in dict.keys(ref):
            bit = _BITS.get(key)
            found |= bit if bit is not None else variable_bit(key)
        if isinstance(ref, TrackedReference):
            ref.__dict__["_mask"] = found
    return found


def _int(value: Any) -> Any:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return value


def convert_date(value: Any) -> Any:
    if not isinstance(value, dict):
        return None
    parts = [p for p in (value.get("date-parts") or []) if p and p[0] not in (None, "")]
    circa = bool(value.get("circa"))
    dates: List[Any] = []
    for part in parts[:2]:
        fields: Dict[str, Any] = {}
        for name, v in zip(("year", "month", "day"), part):
            v = _int(v)
            if not isinstance(v, int):
                break
            if v == 0 and name != "year":
                break
            fields[name] = v
        if "year" not in fields:
            break
        if len(dates) == 0 and value.get("season") and "month" not in fields:
            fields["season"] = _int(value["season"])
        dates.append(Date(**fields))
    if len(dates) == 1 or (len(dates) == 2 and dates[0] == dates[1]):
        date = dates[0]
        date["circa"] = circa
        return date
    if len(dates) == 2:
        return DateRange(begin=dates[0], end=dates[1], circa=circa)
    literal = value.get("literal") or value.get("raw")
    if literal:
        return LiteralDate(str(literal), circa=circa)
    return None


def convert_name(data: Any, fmt: SimpleNamespace) -> Name | None:
    if not isinstance(data, dict):
        return None
    if data.get("literal"):
        return Name(literal=rich_text(str(data["literal"]), fmt, smart_quotes))
    fields = {k: str(data[k]).strip() for k in _NAME_KEYS if data.get(k) not in (None, "")}
    fields = {k: v for k, v in fields.items() if v}
    comma_suffix = bool(data.get("comma-suffix"))
    comma_particle = False
    given = fields.get("given", "")
    if ", " in given and "suffix" not in fields and data.get("parse-names") is not False:
        # citeproc-js's convention: "John, III" is given name and suffix; "John,! Jr."
        # marks a suffix printed after a comma
        fields["given"], suffix = given.split(", ", 1)
        if suffix.startswith("! "):
            suffix, comma_suffix = suffix[2:], True
        if suffix[:1].islower() and "dropping-particle" not in fields:
            fields["dropping-particle"] = suffix  # "François, abbé d'": a particle
            comma_particle = True
        else:
            fields["suffix"] = suffix
    elif ",! " in given and "suffix" not in fields:
        fields["given"], fields["suffix"] = given.split(",! ", 1)
        comma_suffix = True
    if not fields:
        return None
    if "family" not in fields:
        # a lone given name is a mononym
        fields["family"] = fields.pop("given", "") or fields.pop("suffix", "")
    # given names stay raw: initials are cut from the text, then escaped (elements/names.py)
    name = Name(**{k: (rich_text(v, fmt, smart_quotes) if k == "family" else
                       String(smart_quotes(v)) if k == "given" else smart_quotes(v))
                   for k, v in fields.items()})
    if comma_suffix:
        name["comma-suffix"] = True
    if comma_particle:  # an inverted name keeps the comma: "Hédelin, abbé d’"
        name["comma-particle"] = True
    return name


def convert_item(item: Dict[str, Any], key: str, fmt: SimpleNamespace,
                 quotes: Tuple[str, str, str, str] = ("“", "”", "‘", "’")) -> TrackedReference:
    ref = TrackedReference(key, str(item.get("type") or "document"))
    for var, value in item.items():
        if var in ("id", "type", "custom", "key") or value is None or value == "":
            continue
        attr = var.replace("-", "_")
        if attr in CSL_NAMES:
            names = [n for n in (convert_name(d, fmt) for d in value or []) if n is not None]
            if names:
                ref[attr] = names
        elif attr in DATES or var in ("available-date", "event-date"):
            date = convert_date(value)
            if date is not None:
                ref[attr] = date
        elif var in _RAW_VARIABLES:
            ref[attr] = str(value) if var == "language" else rich_text(str(value), fmt)
        elif var in ("page", "locator") and isinstance(value, (str, int)):
            # raw: citeproc-py splits these on "&" and "-"; each piece is escaped as it is
            # formatted (elements/mixins.py)
            ref[attr] = String(str(value))
        elif isinstance(value, (str, int, float)):
            ref[attr] = rich_text(str(value), fmt, lambda t: smart_quotes(t, *quotes))
    return ref


def convert_items(items: Iterable[Dict[str, Any]], fmt: SimpleNamespace,
                  quotes: Tuple[str, str, str, str] = ("“", "”", "‘", "’")) -> List[TrackedReference]:
    """One reference per item, keyed by position ("i0", "i1", ...) so that ids need not be unique."""
    return [convert_item(item, f"i{n}", fmt, quotes) for n, item in enumerate(items)]
