"""Checking records against the CSL-JSON data model before any writer sees them.

Records come from our readers, from CSL-JSON files written by other tools, and from users'
scripts. A writer should never meet a date that is a number or an author list that is a
string: each such value is repaired where the intent is plain ("issued": "2020" becomes
{"raw": "2020"}) or left out, and every repair or omission is reported with the record and
field. Keys that are not CSL variables move under ``custom`` so nothing is lost. Valid records
pass through unchanged (the same objects), so this costs little on the common path."""
from __future__ import annotations

import json
import math
import re
from typing import Any, Dict, List, Tuple

from .limits import json_runs
from .model import CSLItem, Diagnostic
from .textio import UNCARRIABLE

TYPES = frozenset("""article article-journal article-magazine article-newspaper bill book broadcast
chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
graphic hearing interview legal_case legislation manuscript map motion_picture musical_score
pamphlet paper-conference patent performance periodical personal_communication post post-weblog
regulation report review review-book software song speech standard thesis treaty webpage""".split())

STRING = frozenset("""citation-key language journalAbbreviation shortTitle abstract annote archive
archive_collection archive_location archive-place authority call-number citation-label
collection-title container-title container-title-short dimensions division DOI event event-title
event-place genre ISBN ISSN jurisdiction keyword medium note original-publisher
original-publisher-place original-title part-title PMCID PMID publisher publisher-place references
reviewed-genre reviewed-title scale section source status title title-short URL version
volume-title volume-title-short year-suffix""".split())

STRING_OR_NUMBER = frozenset("""id chapter-number citation-number collection-number edition
first-reference-note-number issue locator number number-of-pages number-of-volumes page page-first
part printing supplement volume""".split())

NAMES = frozenset("""author chair collection-editor compiler composer container-author contributor
curator director editor editorial-director executive-producer guest host interviewer illustrator
narrator organizer original-author performer producer recipient reviewed-author script-writer
series-creator translator""".split())

DATES = frozenset("accessed available-date event-date issued original-date submitted".split())

_NAME_STRING_PARTS = frozenset("family given dropping-particle non-dropping-particle suffix literal".split())
_NAME_FLAG_PARTS = frozenset("comma-suffix static-ordering parse-names".split())
_DATE_KEYS = frozenset("date-parts season circa literal raw".split())
_IS_TEXT = str.__instancecheck__  # isinstance(value, str), to map over values in C


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _name_ok(name: Any) -> bool:
    if not isinstance(name, dict) or not name:
        return False
    if name.keys() <= _NAME_STRING_PARTS and all(map(_IS_TEXT, name.values())):
        return True  # the common name, told in C without a look-up per part
    for key, value in name.items():
        if key in _NAME_STRING_PARTS:
            if not isinstance(value, str):
                return False
        elif key in _NAME_FLAG_PARTS:
            if not isinstance(value, (str, int, float, bool)):
                return False
        else:
            return False
    return True


def _date_ok(date: Any) -> bool:
    if not isinstance(date, dict) or not date or not date.keys() <= _DATE_KEYS:
        return False
    parts = date.get("date-parts")
    if parts is not None:
        if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
            return False
        for part in parts:
            if not isinstance(part, list) or not 1 <= len(part) <= 3:
                return False
            for p in part:
                if not (isinstance(p, (str, int, float)) and p is not True and p is not False):
                    return False
    for key in ("literal", "raw"):
        if key in date and not isinstance(date[key], str):
            return False
    season = date.get("season")
    if season is not None and str(season).strip() not in ("1", "2", "3", "4") and not (
            isinstance(season, str) and not season.strip().isdigit()):
        return False  # seasons are numbered 1 to 4 (spring to winter), or named
    return True


def _repair_names(value: Any) -> Tuple[Any, str | None]:
    """(names or None, what was done)."""
    if isinstance(value, str) and value.strip():
        return [{"literal": value.strip()}], "a string; kept as one literal name"
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return None, f"a {type(value).__name__}, not a list of names; left out"
    good = [n for n in value if _name_ok(n)]
    good += [{"literal": n.strip()} for n in value if isinstance(n, str) and n.strip()]
    dropped = len(value) - len(good)
    if not good:
        return None, "no usable name in it; left out"
    return good, (f"{dropped} entr{'y' if dropped == 1 else 'ies'} not a CSL name; left out" if dropped else
                  "names written as strings; kept as literal names")


def _repair_date(value: Any) -> Tuple[Any, str | None]:
    if isinstance(value, dict) and "season" in value:
        rest = {k: v for k, v in value.items() if k != "season"}
        if _date_ok(rest):
            return rest, f"season {value['season']!r} is not 1-4; the season is left out"
    if isinstance(value, str) and value.strip():
        return {"raw": value.strip()}, "a string; read as a raw date"
    if _is_number(value):
        return {"date-parts": [[int(value)]]}, "a number; read as a year"
    return None, f"not a CSL date ({type(value).__name__}); left out"


def check_item(item: CSLItem, n: int, *, text: str | None = None,
               clean: bool = False) -> Tuple[CSLItem, List[Diagnostic]]:
    """The item, repaired where needed (a copy only then), and what was done to it. ``text``:
    the item's compact JSON (ensure_ascii=False, allow_nan=False, keys in any order), where
    the caller has it; ``clean``: the caller knows the item holds nothing ``_clean`` would
    take out."""
    diags: List[Diagnostic] = []
    record = str(item.get("id") if isinstance(item.get("id"), (str, int)) else f"item {n}")
    fixed: Dict[str, Any] | None = None

    def change(key: str, value: Any, message: str | None) -> None:
        nonlocal fixed
        if fixed is None:
            fixed = dict(item)
        if value is None:
            fixed.pop(key, None)
        else:
            fixed[key] = value
        if message:
            diags.append(Diagnostic(f"not valid CSL-JSON: {key} is {message}", field=key, record=record))

    unknown: List[str] = []
    for key, value in item.items():
        kind = _KIND.get(key)
        if kind is _STRING:
            if type(value) is str:
                continue  # the common case first
            if _is_number(value):
                change(key, str(value), None)  # harmless: CSL wants the text of it
            elif not isinstance(value, str):
                change(key, None, f"a {type(value).__name__}, not text; left out")
        elif kind is _NAMES:
            if not (isinstance(value, list) and all(_name_ok(v) for v in value)):
                repaired, message = _repair_names(value)
                change(key, repaired, message)
        elif kind is _STRING_OR_NUMBER:
            if not (isinstance(value, str) or _is_number(value)):
                change(key, None, f"a {type(value).__name__}, not text or a number; left out")
        elif kind is _DATES:
            if not _date_ok(value):
                repaired, message = _repair_date(value)
                change(key, repaired, message)
        elif kind is _TYPE:
            if not isinstance(value, str) or value not in TYPES:
                change("type", "document", f"{value!r}, not a CSL type; written as 'document'")
        elif kind is _CATEGORIES:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                change(key, None, "not a list of strings; left out")
        elif kind is _CUSTOM:
            if not isinstance(value, dict):
                change(key, None, f"a {type(value).__name__}, not an object; left out")
        else:
            unknown.append(key)
    if unknown:
        base = fixed if fixed is not None else dict(item)
        custom = dict(base.get("custom") or {}) if isinstance(base.get("custom"), dict) else {}
        moved = dict(custom.get("non-csl") or {})
        for key in unknown:
            moved[key] = base.pop(key)
        custom["non-csl"] = moved
        base["custom"] = custom
        fixed = base
        diags.append(Diagnostic(f"not CSL variables, kept under custom.non-csl: {', '.join(unknown)}",
                                field=unknown[0], record=record))
    if "type" not in item:
        change("type", "document", "missing; written as 'document'")
    if "id" not in item:
        change("id", f"item-{n}", None)
    result = fixed if fixed is not None else item
    plain = (clean and result is item) or _plainly_clean(result, text if result is item else None)
    cleaned = result if plain else _clean(result, "", record, diags)
    return cleaned, diags


def _plainly_clean(item: CSLItem, text: str | None = None) -> bool:
    """True when _clean would find nothing, told in C for most items: their JSON has no escape
    (so every character of every string shows as itself), no non-finite number, and no
    character that no format can carry."""
    if text is None:
        try:
            text = json.dumps(item, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):
            return False
    return _text_plainly_clean(text)


def _text_plainly_clean(text: str) -> bool:
    """``_plainly_clean`` of a JSON text."""
    if "\\" in text:
        # escaped backslashes and quotes, \n, \r and \t are characters every format carries
        # (quoted titles are common); \b, \f and \u00XX are not
        text = text.replace("\\\\", "")
        if _UNCARRIABLE_ESCAPE.search(text):
            return False
    return not UNCARRIABLE.search(text)


_UNCARRIABLE_ESCAPE = re.compile(r"\\[bfu]")


# No output format can carry these (textio.UNCARRIABLE); JSON has no Infinity or NaN.


def _clean(value: Any, path: str, record: str, diags: List[Diagnostic]) -> Any:
    """The value with what no format can carry taken out (a copy only where something was), each
    removal reported at its field."""
    if isinstance(value, str):
        if not UNCARRIABLE.search(value):
            return value
        found = sorted({f"U+{ord(c):04X}" for c in UNCARRIABLE.findall(value)})
        diags.append(Diagnostic(f"{path} holds characters no output format can carry "
                                f"({', '.join(found[:5])}); lone surrogates became U+FFFD, control "
                                "characters were removed", field=path or None, record=record))
        return UNCARRIABLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", value)
    if isinstance(value, float) and not math.isfinite(value):
        diags.append(Diagnostic(f"{path} is {value}, which JSON cannot carry; left out",
                                field=path or None, record=record))
        return None
    if isinstance(value, dict):
        out = {}
        changed = False
        for key, inner in value.items():
            new = _clean(inner, f"{path}.{key}" if path else str(key), record, diags)
            changed |= new is not inner
            if new is not None or inner is None:
                out[_clean(key, path, record, diags) if isinstance(key, str) else key] = new
        return out if changed or len(out) != len(value) else value
    if isinstance(value, list):
        items = [_clean(inner, path, record, diags) for inner in value]
        if all(a is b for a, b in zip(items, value)):
            return value
        return [v for v, old in zip(items, value) if v is not None or old is None]
    return value


TYPES_KEYS = STRING | STRING_OR_NUMBER | NAMES | DATES | {"type", "categories", "custom"}

# each CSL variable's kind, for check_item's one look-up per key (the kinds are told apart by identity)
_STRING, _STRING_OR_NUMBER, _NAMES, _DATES, _TYPE, _CATEGORIES, _CUSTOM = (
    "string", "string-or-number", "names", "dates", "type", "categories", "custom")
_KIND: Dict[str, str] = {"type": _TYPE, "categories": _CATEGORIES, "custom": _CUSTOM}
for _keys, _kind in ((STRING, _STRING), (STRING_OR_NUMBER, _STRING_OR_NUMBER), (NAMES, _NAMES), (DATES, _DATES)):
    _KIND.update(dict.fromkeys(_keys, _kind))


def check_items(items: List[Any]) -> Tuple[List[CSLItem], List[Diagnostic]]:
    """Every item checked; non-objects are left out with an error. Ids must be unique (CSL
    processors treat one id as one work): an exact repeat is written once, a different
    record reusing an id gets a new one; both are reported."""
    out: List[CSLItem] = []
    diags: List[Diagnostic] = []
    seen: Dict[str, CSLItem] = {}
    clean = _clean_runs(items)
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            diags.append(Diagnostic(f"item {n} is a {type(item).__name__}, not a CSL-JSON object; left out",
                                    "error", record=f"item {n}"))
            continue
        # an item of a run whose JSON is plainly clean is so itself (its JSON is part of the run's)
        checked, found = check_item(item, n, clean=n - 1 in clean)
        diags.extend(found)
        key = str(checked["id"])
        if key in seen:
            if seen[key] == checked:
                diags.append(Diagnostic(f"item {n} repeats record {key!r} exactly; written once", record=key))
                continue
            new_id = _free_id(key, seen)
            checked = dict(checked, id=new_id)
            diags.append(Diagnostic(f"item {n} reuses the id {key!r} of another record; renamed {new_id!r}",
                                    field="id", record=key))
        seen[str(checked["id"])] = checked
        out.append(checked)
    return out, diags


def _clean_runs(items: List[Any]) -> set:
    """The indexes of items told plainly clean a run at a time (``_plainly_clean`` of each run's
    JSON, one encoding for many items)."""
    clean: set = set()
    for start, stop, text in json_runs(items, _RUN, allow_nan=False):
        if text is not None and _text_plainly_clean(text):
            clean.update(range(start, stop))
    return clean


_RUN = 20_000  # characters of JSON told clean at once


def _free_id(key: str, taken: Dict[str, Any]) -> str:
    n = 2
    while f"{key}-{n}" in taken:
        n += 1
    return f"{key}-{n}"
