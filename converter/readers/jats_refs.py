"""A JATS <ref-list> entry as a CSL item: from its <element-citation> (or nlm-citation, or the
tagged parts of a <mixed-citation>), with the mixed-citation's text kept in ``source``."""
from __future__ import annotations

import re
from typing import List

from lxml import etree

from ..mappings import jats as M
from ..model import CSLItem, Diagnostics
from ..vocabulary.dates import parse_iso
from . import jats_nodes as N


def citation_fields(cite: etree._Element, item: CSLItem) -> None:
    """Fill a CSL item from an element-citation, nlm-citation or a tagged mixed-citation."""
    lang = N.lang(cite)
    if lang:
        item["language"] = lang
    groups = cite.findall("person-group")
    for group in groups:
        var = M.name_variable(group.get("person-group-type"), group.get("custom-type"))
        people = [p for p in (N.person(n) for n in group if n.tag in N.NAME_TAGS) if p]
        if people:
            item.setdefault(var, []).extend(people)
    loose = [p for p in (N.person(n) for n in cite if n.tag in N.NAME_TAGS) if p]
    if loose:
        item.setdefault("author", []).extend(loose)
    title = N.first_text(cite, "article-title", "chapter-title", "data-title", rich=True)
    source = N.first_text(cite, "source")
    if title:
        item["title"] = title
        if source:
            item["container-title"] = source
    elif source:
        item["title"] = source
    if cite.find("chapter-title") is not None and item.get("type") == "book":
        item["type"] = "chapter"
    year_node = cite.find("year")
    if year_node is None and cite.find("date") is not None:
        issued = N.date(cite.find("date"))
    elif year_node is not None:
        parts = parse_iso(year_node.get("iso-8601-date") or "")
        if not parts:
            parts = [p for p in (N.to_int(N.text(year_node)), N.to_int(N.first_text(cite, "month")),
                                 N.to_int(N.first_text(cite, "day"))) if p]
            if len(parts) >= 2 and not 1 <= parts[1] <= 12:
                parts = parts[:1]
        issued = {"date-parts": [parts]} if parts else {"raw": N.text(year_node)}
    else:
        literal = N.first_text(cite, "string-date")
        issued = {"raw": literal} if literal else None
    if issued:
        item["issued"] = issued
    for tag, csl in M.CITATION_FIELD_TO_CSL.items():
        node = cite.find(tag)
        if node is None or not N.text(node) or csl in item:
            continue
        if tag == "conf-date":
            item[csl] = N.date(node) or {"raw": N.text(node)}
        elif tag == "size" and node.get("units") not in (None, "pages", "page"):
            continue
        else:
            item[csl] = N.text(node)
    fpage, lpage, prange = (N.first_text(cite, "fpage"), N.first_text(cite, "lpage"),
                            N.first_text(cite, "page-range"))
    if fpage or prange:
        item["page"] = N.page(fpage, lpage) if fpage else prange
    for node in cite.findall("pub-id"):
        id_var = M.PUB_ID_TO_CSL.get((node.get("pub-id-type") or "").lower())
        if id_var and N.text(node) and id_var not in item:
            item[id_var] = N.text(node)
    for node in cite.findall("ext-link") + cite.findall("uri"):
        url = node.get(N.XL_HREF) or N.text(node)
        if url and "URL" not in item:
            item["URL"] = url
    for node in cite.findall("date-in-citation"):
        if (node.get("content-type") or "").lower() in ("access-date", "accessed", "cited", "access"):
            accessed = N.date(node)
            if accessed and "raw" in accessed:
                match = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", accessed["raw"])
                if match:  # day-first, as Russian references print it
                    accessed = {"date-parts": [[int(match[3]), int(match[2]), int(match[1])]]}
            if accessed:
                item["accessed"] = accessed
    notes: List[str] = []
    for node in cite.findall("comment"):
        kind = node.get("content-type")
        if kind in M.COMMENT_VARIABLES_IN_ORDER or kind in ("source", "id"):
            item[kind] = N.text(node)
        elif N.text(node):
            notes.append(N.text(node))
    if notes:
        item["note"] = "; ".join(notes)


def read_ref(ref: etree._Element, n: int, diags: Diagnostics) -> CSLItem | None:
    cites: List[etree._Element] = []
    for child in ref:
        if child.tag == "citation-alternatives":
            cites.extend(c for c in child if c.tag in ("element-citation", "mixed-citation", "nlm-citation"))
        elif child.tag in ("element-citation", "mixed-citation", "nlm-citation"):
            cites.append(child)
    structured = next((c for c in cites if c.tag in ("element-citation", "nlm-citation")), None)
    mixed = next((c for c in cites if c.tag == "mixed-citation"), None)
    main = structured if structured is not None else mixed
    if main is None:
        diags.warn(f"reference {n} has no citation element; skipped", line=N.line(ref), field="ref")
        return None
    ptype = (main.get("publication-type") or main.get("citation-type") or "").lower()
    item: CSLItem = {"id": ref.get("id") or f"ref-{n}", "type": M.PUBLICATION_TYPE_TO_CSL.get(ptype, "document")}
    label = N.first_text(ref, "label")
    if label:
        item["citation-number"] = label.rstrip(".")
    citation_fields(main, item)
    if mixed is not None and N.text(mixed):
        item["source"] = N.text(mixed)
        if structured is None and "title" not in item:
            diags.warn(f"reference {n} is an untagged string; kept as its original text only",
                       line=N.line(mixed), field="mixed-citation", record=item["id"])
    if item.get("type") == "document" and item.get("container-title") and ptype in ("", "journal"):
        item["type"] = "article-journal"
    return item


__all__ = ["citation_fields", "read_ref"]
