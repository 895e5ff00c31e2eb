"""``-t references-en``: the English "References" list Russian journals print beside the GOST
list (Scopus and Web of Science ask for it), in the form of the seed page's own list.

CSL cannot romanise, so each item is prepared here before the style (styles/references-en.csl)
renders it:
- a Cyrillic item has every string romanised (``--transliteration``: bgn-pcgn by default, lc,
  bsi, gost-7.79-b; converter/rendering/romanize.py), its English title (``custom
  ["title-translations"]["en"]``) in square brackets after the romanised one, "Moscow" and
  "St. Petersburg" for the places, and the note "(In Russ.)" unless it has a note of that kind;
- ``note`` is printed only when it is such a language note ("In Russ., abstract in Eng.");
- an English item passes through unchanged.
"""
from __future__ import annotations

import re
from typing import Any, List

from ..errors import UsageError
from ..model import CSLItem, Diagnostics, Output
from ..options import Options
from ..patterns import lazy
from ..rendering import load_style, prepare, render
from ..rendering.names import initialize
from ..rendering.romanize import DEFAULT_SCHEME, SCHEMES, romanize
from ..vocabulary.languages import has_cyrillic

STYLE = "references-en"
_LANGUAGE_NOTE_RE = lazy(r"^\(?\s*In (?:Russ|Ukr|Bel|Kaz|Bulg)\.", re.IGNORECASE)
# the places English lists give in English (CSE/Vancouver practice of Russian journals)
_PLACES = {"Москва": "Moscow", "М.": "Moscow", "Санкт-Петербург": "St. Petersburg", "СПб.": "St. Petersburg"}
_NAME_VARIABLES = ("author", "editor", "translator", "container-author", "director", "contributor")
_NOT_ROMANISED = {"id", "type", "URL", "DOI", "ISBN", "ISSN", "language", "custom", "source", "note"}


def _initials_first(name: Any) -> Any:
    if isinstance(name, dict) and has_cyrillic(str(name.get("given") or "")):
        return dict(name, given=initialize(str(name["given"]), ". "))
    return name


def _is_russian(item: CSLItem) -> bool:
    language = str(item.get("language") or "").lower()
    if language:
        return language.startswith("ru")
    return any(has_cyrillic(str(item.get(k) or "")) for k in ("title", "container-title"))


class _Romaniser:
    def __init__(self, scheme: str, diags: Diagnostics, record: str) -> None:
        self.scheme, self.diags, self.record = scheme, diags, record

    def __call__(self, value: Any, field: str) -> Any:
        if isinstance(value, str):
            out, left = romanize(value, self.scheme)
            if left:
                self.diags.warn(f"letters {' '.join(left)} are not in the {self.scheme} scheme; left as written",
                                field=field, record=self.record)
            return out
        if isinstance(value, list):
            return [self(v, field) for v in value]
        if isinstance(value, dict) and "date-parts" not in value:
            return {k: self(v, field) for k, v in value.items()}
        return value


def prepare_item(item: CSLItem, scheme: str, diags: Diagnostics) -> CSLItem:
    item = prepare.for_any_style(dict(item))
    note = str(item.get("note") or "")
    if not _LANGUAGE_NOTE_RE.match(note):
        item.pop("note", None)
    else:
        item["note"] = note.strip().strip("()")
    if not _is_russian(item):
        return item
    english = ((item.get("custom") or {}).get("title-translations") or {}).get("en")
    romaniser = _Romaniser(scheme, diags, str(item.get("id", "")))
    out: CSLItem = {}
    for key in _NAME_VARIABLES:
        if isinstance(item.get(key), list):
            # the initials of a Cyrillic given name are romanised as initials: "Юрий" is "Yu.", not "Y."
            item[key] = [_initials_first(n) for n in item[key]]
    for key, value in item.items():
        if key == "publisher-place" and isinstance(value, str):
            value = " ; ".join(_PLACES.get(p.strip(), p.strip()) for p in value.split(";"))
        out[key] = value if key in _NOT_ROMANISED else romaniser(value, key)
    if english and out.get("title") and has_cyrillic(str(item.get("title"))):
        out["title"] = f"{out['title']} [{english}]"
    out.setdefault("note", "In Russ.")
    return out


def write_references_en(items: List[CSLItem], *, options: Options) -> Output:
    diags = Diagnostics(STYLE)
    scheme = options.transliteration or DEFAULT_SCHEME
    if scheme not in SCHEMES:
        raise UsageError(f"unknown transliteration {scheme!r}; known: {', '.join(SCHEMES)}",
                         field="transliteration")
    parts: List[str] = []
    style = load_style(STYLE, options.locale or "en-US")
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            diags.warn(f"item {n} is not a CSL-JSON object; skipped", record=str(n))
            continue
        out = render([prepare_item(item, scheme, diags)], style, markup=options.markup,
                     bibliography=not options.citations, citations=options.citations)
        if not options.citations and not out.entries:
            diags.warn("the style prints nothing for this item; no entry written", record=str(item.get("id", n)))
        parts.extend(out.citations if options.citations else out.entries)
    if options.citations:
        parts = [f"[{n}]" for n in range(1, len(parts) + 1)]
    parts = [re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", p) for p in parts]
    if options.markup == "html" and not options.citations:
        body = "".join(f'  <div class="csl-entry">{p}</div>\n' for p in parts)
        return Output(f'<div class="csl-bib-body">\n{body}</div>\n', list(diags))
    return Output("".join(p + "\n" for p in parts), list(diags))
