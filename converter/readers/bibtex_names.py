"""Name lists of .bib fields: BibTeX's "von Last, Jr, First" (split by bibtexparser's name
grammar), corporate names in braces, and biblatex's extended name format
('family=Gogh, given=Vincent, prefix=van, useprefix=true')."""
from __future__ import annotations

import re
from typing import Dict, List, Optional

from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

from ..model import Diagnostics
from ..patterns import lazy
from ..vocabulary.latex import text_mode
from .bibtex_values import decode, matching_brace

# biblatex's extended name format: 'family=Gogh, given=Vincent, prefix=van, useprefix=true'
_EXTENDED_KEY = lazy(r"^\s*(?:family|given|prefix|suffix|useprefix|[a-z]+-?i)\s*=", re.I)


# " and " between two names, as bibtexparser's splitter finds it in text without braces or
# backslashes: its own white space (not "~"), "and" in any case
_AND = lazy(r"[ \t\r\n]+[aA][nN][dD][ \t\r\n]+")


def split_names(names: str) -> List[str]:
    """``split_multiple_persons_names``: the names of a name field, split at " and " outside
    braces. Text without braces or backslashes (most fields) is split by one regular
    expression, the same way; the rest goes through bibtexparser's splitter, a Python loop
    over every character."""
    if "{" in names or "}" in names or "\\" in names:
        return split_multiple_persons_names(names)
    names = names.strip(" \r\n\t")
    return _AND.split(names) if names else []


def _top_level_pieces(raw: str) -> List[str]:
    """The comma-separated pieces of a name outside braces."""
    if "{" not in raw and "}" not in raw:
        return raw.split(",")
    depth, start, pieces = 0, 0, []
    for i, ch in enumerate(raw):
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            pieces.append(raw[start:i])
            start = i + 1
    pieces.append(raw[start:])
    return pieces


def _is_extended_name(raw: str) -> bool:
    """Whether any top-level piece is a 'key=value' of the extended format (the keys may come in
    any order: 'useprefix=true, family=Gogh, ...')."""
    if "=" not in raw:
        return False
    pieces = _top_level_pieces(raw)
    return any(_EXTENDED_KEY.match(p) for p in pieces) and any(
        re.match(r"^\s*(?:family|given)\s*=", p, re.I) for p in pieces)
_EXTENDED_PARTS = {"family": "family", "given": "given", "suffix": "suffix"}
_INITIALS_KEYS = {"giveni", "familyi", "prefixi", "suffixi"}


def _extended_name(raw: str, *, line: int, field: str, record: str, diags: Diagnostics) -> Dict[str, str]:
    """One name in biblatex's key=value form. 'prefix' is a particle that drops unless
    'useprefix=true' (biblatex's default is false), as biber and pandoc read it; the initials
    keys ('given-i') only abbreviate what is already there."""
    parts: Dict[str, str] = {}
    for piece in _top_level_pieces(raw):
        key, sep, value = piece.partition("=")
        key = key.strip().lower()
        if not sep or not key:
            if piece.strip():
                diags.warn(f"{piece.strip()!r} in the name {raw.strip()!r} is not a 'key=value' of the "
                           "extended name format; dropped", line=line, field=field, record=record)
            continue
        value = value.strip()
        if value.startswith("{") and matching_brace(value, 0) == len(value) - 1:
            value = value[1:-1]
        parts[key] = decode(value, line=line, field=field, record=record, diags=diags).strip()
    name = {csl: parts[key] for key, csl in _EXTENDED_PARTS.items() if parts.get(key)}
    if parts.get("prefix"):
        particle = "non-dropping-particle" if parts.get("useprefix", "").lower() == "true" else "dropping-particle"
        name[particle] = parts["prefix"]
    unknown = sorted(k for k in parts if k not in _EXTENDED_PARTS and k not in ("prefix", "useprefix")
                     and k.replace("-", "") not in _INITIALS_KEYS)
    if unknown:
        diags.warn(f"name keys {', '.join(unknown)} have no CSL place; dropped", line=line, field=field,
                   record=record)
    return name


def _starts_lower(word: str) -> bool:
    letter = next((c for c in word if c.isalpha()), "")
    return letter.islower()


def _biber_von(von: List[str], last: List[str]) -> tuple[List[str], List[str]]:
    """BibTeX's von part runs to its last lower-case word ('von Berlichingen zu | Hornberg');
    biber's (biblatex's reader, t/names.t) is the leading run of lower-case words only ('von |
    Berlichingen zu Hornberg'), which is also where the family name starts."""
    lower = 0
    while lower < len(von) and _starts_lower(von[lower]):
        lower += 1
    return von[:lower], von[lower:] + last


# One name -> its CSL parts, for names read without a word of warning: a library repeats its
# authors, and splitting a name is most of the cost of reading a name field.
_KNOWN: Dict[tuple[str, str], Optional[Dict[str, str]]] = {}
_KNOWN_MAX = 100_000


def name_list(value: str, *, line: int, field: str, record: str,
              diags: Diagnostics, useprefix: bool | None = None) -> List[Dict[str, str]]:
    """The CSL names of one .bib name field. A classic "von" part stays with the family name
    (a non-dropping particle) unless the entry says ``useprefix=false``, biblatex's way of
    saying it drops."""
    von_part = "dropping-particle" if useprefix is False else "non-dropping-particle"
    people: List[Dict[str, str]] = []
    for raw in split_names(text_mode(value)):
        raw = raw.strip()
        if raw.lower() == "others":
            diags.warn("'and others': the name list is incomplete and CSL cannot say so",
                       line=line, field=field, record=record)
            continue
        if (raw, von_part) in _KNOWN:
            person = _KNOWN[raw, von_part]
        else:
            warned = len(diags)
            person = _person(raw, von_part, line=line, field=field, record=record, diags=diags)
            if len(diags) == warned:
                if len(_KNOWN) >= _KNOWN_MAX:
                    _KNOWN.clear()
                _KNOWN[raw, von_part] = person
        if person:
            people.append(dict(person))
    return people


def _person(raw: str, von_part: str, *, line: int, field: str, record: str,
            diags: Diagnostics) -> Optional[Dict[str, str]]:
    """One name of a name list, or None when it has nothing in it."""
    if _is_extended_name(raw):
        return _extended_name(raw, line=line, field=field, record=record, diags=diags) or None
    if raw.startswith("{") and matching_brace(raw, 0) == len(raw) - 1:
        return {"literal": decode(raw, line=line, field=field, record=record, diags=diags)}
    pieces = _top_level_pieces(raw)
    if len(pieces) == 2 and not pieces[1].strip() and pieces[0].strip():
        # "Xu Min," is BibTeX's family name with no given name (bibtexparser splits it)
        words = pieces[0].split()
        von = [w for w in words[:-1] if w[:1].islower()]
        von = words[:len(von)] if words[:len(von)] == von else []
        family = decode(" ".join(words[len(von):]), line=line, field=field, record=record, diags=diags)
        person = {"family": family}
        if von:
            person[von_part] = decode(" ".join(von), line=line, field=field, record=record, diags=diags)
        return person
    try:
        parts = parse_single_name_into_parts(raw, strict=False)
    except Exception:  # bibtexparser's name grammar gave up: keep the name whole
        diags.warn(f"cannot split the name {raw!r}; kept as one literal name", line=line,
                   field=field, record=record)
        return {"literal": decode(raw, line=line, field=field, record=record, diags=diags)}
    von, last = _biber_von(parts.von, parts.last)
    name: Dict[str, str] = {}
    for csl_part, words in (("family", last), ("given", parts.first),
                            (von_part, von), ("suffix", parts.jr)):
        if words:
            text = decode(" ".join(words), line=line, field=field, record=record, diags=diags)
            if text:
                name[csl_part] = text
    if "family" not in name and "given" in name:
        name = {"family": name.pop("given"), **name}
    return name or None


__all__ = ["name_list"]
