"""Crossref JSON in: a work as the Crossref REST API returns it (``{"message": {...}}``),
a bare work object, a list of works, or a search result (``message.items``). Authors'
ORCID and affiliations, the licence, funders and the deposited reference list are kept under
``custom`` as converter/model.py describes; unstructured references are parsed."""
from __future__ import annotations

import json
import re
from typing import Any, Dict, List

from ..errors import ParseError
from ..limits import loads_json
from ..mappings.crossref import BOOKKEEPING, FIRST_OF_LIST, ISSUED_FROM, NAMES, PLAIN, TYPES
from ..model import CSLItem, Diagnostics, Result, line_of
from ..options import Options
from ..vocabulary.identifiers import orcid_id
from ..vocabulary.names import display_name
from .jats_text import jats_to_text

_HANDLED = set(FIRST_OF_LIST) | set(PLAIN) | set(NAMES) | {
    "type", "subtitle", "abstract", "subject", "ISSN", "ISBN", "license", "funder", "reference", "issued"}


def _works(data: Any) -> List[Any]:
    if isinstance(data, dict) and "message" in data:
        data = data["message"]
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            return data["items"]
    if isinstance(data, list):
        return data
    return [data]


def _date(value: Any) -> Dict[str, Any] | None:
    parts = (value or {}).get("date-parts") if isinstance(value, dict) else None
    if parts and parts[0] and parts[0][0] is not None:
        return {"date-parts": [[int(p) for p in parts[0] if p is not None]]}
    return None


def _names(people: List[Dict[str, Any]]) -> tuple[List[Dict[str, str]], List[Dict[str, Any]]]:
    names, extra = [], []
    for person in people:
        if person.get("family"):
            name = {"family": person["family"]}
            if person.get("given"):
                name["given"] = person["given"]
            if person.get("suffix"):
                name["suffix"] = person["suffix"]
        else:
            name = {"literal": person.get("name") or person.get("given") or "?"}
        names.append(name)
        info: Dict[str, Any] = {"literal": display_name({"given": person.get("given"), "family": person.get("family")})
                                or name.get("literal", "")}
        if person.get("ORCID"):
            info["orcid"] = orcid_id(person["ORCID"])
        affiliations = [a.get("name") for a in person.get("affiliation") or [] if a.get("name")]
        if affiliations:
            info["affiliation"] = "; ".join(affiliations)
        extra.append(info)
    return names, extra


def _line_of_string(text: str, value: str) -> int | None:
    """The line of the input where a JSON string value is written (json.loads keeps none)."""
    for encoded in (json.dumps(value, ensure_ascii=False), json.dumps(value)):
        at = text.find(encoded)
        if at >= 0:
            return line_of(text, at)
    return None


def _work_line(text: str, work: Dict[str, Any]) -> int | None:
    """Where a work is in the input: the line of its DOI (looked up only for a warning)."""
    return _line_of_string(text, work["DOI"]) if isinstance(work.get("DOI"), str) and text else None


def _reference(ref: Dict[str, Any], n: int, diags: Diagnostics, record: str, text: str) -> CSLItem:
    if ref.get("unstructured"):
        from ..references import parse_reference  # loaded only when a reference is unstructured
        item, ref_diags = parse_reference(ref["unstructured"], number=str(n))
        line = _line_of_string(text, ref["unstructured"]) if ref_diags else None
        for d in ref_diags:
            diags.warn(f"reference {n}: {d.message}", line=line, field=d.field, record=record)
    else:
        item = {"type": "article-journal" if ref.get("journal-title") else "document", "citation-number": str(n)}
        for key, csl in (("article-title", "title"), ("journal-title", "container-title"),
                         ("volume-title", "container-title"), ("series-title", "collection-title"),
                         ("volume", "volume"), ("issue", "issue"), ("first-page", "page"), ("edition", "edition"),
                         ("ISBN", "ISBN"), ("ISSN", "ISSN")):
            if ref.get(key) and csl not in item:
                item[csl] = str(ref[key])
        if ref.get("author"):
            item["author"] = [{"family": ref["author"]}]  # Crossref gives the first author's family name
        if ref.get("year"):
            m = re.match(r"\d{4}", str(ref["year"]))
            if m:
                item["issued"] = {"date-parts": [[int(m.group(0))]]}
    if ref.get("DOI"):
        item["DOI"] = ref["DOI"]
    return item


def work_to_item(work: Dict[str, Any], diags: Diagnostics, n: int, text: str = "") -> CSLItem:
    record = work.get("DOI") or f"work {n}"
    item: CSLItem = {"id": work.get("DOI") or f"crossref-{n}"}
    ctype = work.get("type", "")
    item["type"] = TYPES.get(ctype, "document")
    if ctype and ctype not in TYPES:
        diags.warn(f"unknown Crossref type {ctype!r}; written as 'document'", field="type", record=record,
                   line=_work_line(text, work))
    custom: Dict[str, Any] = {}
    for key, csl in FIRST_OF_LIST.items():
        values = work.get(key) or []
        if isinstance(values, str):
            values = [values]
        if values:
            item[csl] = values[0]
            if len(values) > 1:
                custom.setdefault(f"{csl}-other", []).extend(values[1:])
    subtitles = work.get("subtitle") or []
    if isinstance(subtitles, str):
        subtitles = [subtitles]
    subtitle = next((str(s).strip() for s in subtitles if str(s).strip()), "")
    if subtitle and item.get("title"):  # an empty subtitle ([""], ["  "]) adds nothing
        item["title"] = f"{item['title']}: {subtitle}"
    for key, csl in PLAIN.items():
        if work.get(key) not in (None, ""):
            item[csl] = str(work[key])
    for key, csl in NAMES.items():
        if work.get(key):
            names, extra = _names(work[key])
            item[csl] = names
            if csl == "author" and any(len(e) > 1 for e in extra):
                custom["authors"] = extra
    for key in ISSUED_FROM:
        date = _date(work.get(key))
        if date:
            item["issued"] = date
            break
    if work.get("ISSN"):
        item["ISSN"] = ", ".join(work["ISSN"])
    if work.get("ISBN"):
        item["ISBN"] = ", ".join(work["ISBN"])
    if work.get("subject"):
        item["keyword"] = ", ".join(work["subject"])
    if work.get("abstract"):
        item["abstract"] = jats_to_text(work["abstract"])
    licences = [lic for lic in work.get("license") or [] if lic.get("URL")]
    if licences:
        custom["license"] = {"url": licences[0]["URL"]}
        if len(licences) > 1:
            custom["license"]["others"] = [lic["URL"] for lic in licences[1:]]
    if work.get("funder"):
        custom["funders"] = [{k: v for k, v in f.items() if k in ("name", "DOI", "award")} for f in work["funder"]]
    if work.get("reference"):
        custom["references"] = [
            {"id": f"{item['id']}-ref-{i}", **_reference(ref, i, diags, record, text)}
            for i, ref in enumerate(work["reference"], 1)]
    skipped = sorted(k for k in work if k not in _HANDLED and k not in BOOKKEEPING)
    if skipped:
        custom["crossref"] = {k: work[k] for k in skipped}
    if custom:
        item["custom"] = custom
    if "title" not in item:
        diags.warn("work has no title", field="title", record=record, line=_work_line(text, work))
    return item


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    diags = Diagnostics(source)
    try:
        data = loads_json(text, options or Options(), source)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source, line=exc.lineno) from None
    records = []
    for n, work in enumerate(_works(data), 1):
        if not isinstance(work, dict):
            diags.error(f"work {n} is a JSON {type(work).__name__}, not an object; skipped")
            continue
        doi = work.get("DOI")
        if doi is not None and not isinstance(doi, str):
            first = doi[0] if isinstance(doi, list) and doi and isinstance(doi[0], str) else None
            diags.warn(f"work {n}: DOI is a JSON {type(doi).__name__}, not a string; "
                       + (f"kept its first value {first!r}" if first else "ignored"), field="DOI")
            work = dict(work, DOI=first) if first else {k: v for k, v in work.items() if k != "DOI"}
        try:
            records.append(work_to_item(work, diags, n, text))
        except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
            # Crossref's schema gives every field one shape; a work that strays from it is
            # reported and skipped, the others are read.
            diags.error(f"work {n} has a field of an unexpected shape ({type(exc).__name__}: "
                        f"{str(exc)[:80]}); skipped", line=_work_line(text, work))
    if not records:
        raise ParseError("no Crossref works found", source=source, diagnostics=diags)
    return Result(records, list(diags))
