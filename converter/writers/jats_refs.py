"""References as JATS: each CSL item an <element-citation>, beside its original string in a
<mixed-citation> when it has one, in a <ref-list>."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from lxml import etree

from ..mappings import jats as M
from ..model import CSLItem
from ..vocabulary.dates import to_iso
from . import jats_nodes as N


def looks_like_original_string(item: CSLItem) -> bool:
    """CSL ``source`` is this project's place for a reference's original string; elsewhere it
    names a database ("PubMed"). Only a string that contains the title (or an author and the
    year) is taken for the former."""
    source = N.as_text(item.get("source"))
    if len(source) < 20:
        return False
    low = source.lower()
    title = N.as_text(item.get("title")).lower()
    if title and title[:40] in low:
        return True
    year, *_ = N.date_parts(item.get("issued"))
    families = [N.as_text(a.get("family") or a.get("literal")).lower() for a in item.get("author") or []
                if isinstance(a, dict)]
    return bool(year and str(year) in low and any(f and f in low for f in families))


def element_citation(parent: etree._Element, item: CSLItem, unmapped: Counter) -> etree._Element:
    ctype = N.as_text(item.get("type")) or "document"
    cite = N.el(parent, "element-citation",
               publication_type=M.CSL_TO_PUBLICATION_TYPE.get(ctype, "other"),
               xml_lang=N.xml_lang(item.get("language")))
    for csl in M.NAME_VARIABLES:
        people = [p for p in item.get(csl) or [] if isinstance(p, dict)]
        if not people:
            continue
        group_type, custom_type = M.person_group_type(csl)
        group = N.el(cite, "person-group", person_group_type=group_type, custom_type=custom_type)
        for person in people:
            N.name_element(group, person)
        if not len(group):
            cite.remove(group)
    title, container = N.as_text(item.get("title")), N.as_text(item.get("container-title"))
    if title and container:
        N.rich_el(cite, "chapter-title" if ctype in M.CHAPTER_TYPES else "article-title", title)
        N.rich_el(cite, "source", container)
    elif title or container:
        N.rich_el(cite, "source", title or container)
    year, month, day, literal = N.date_parts(item.get("issued"))
    if year is not None:
        N.el(cite, "year", f"{year:04d}", iso_8601_date=to_iso((year, month, day)))
        if month:
            N.el(cite, "month", f"{month:02d}")
        if month and day:
            N.el(cite, "day", f"{day:02d}")
    elif literal:
        N.el(cite, "string-date", literal)
    for csl, tag in M.CITATION_FIELDS:
        value = N.as_text(item.get(csl))
        if not value or tag == "comment" or tag == "elocation-id" and item.get("page"):
            continue
        if tag == "annotation":
            N.el(N.el(cite, "annotation"), "p", value)
        elif tag == "conf-date":
            dy, dm, dd, dlit = N.date_parts(item.get(csl))
            N.el(cite, "conf-date", to_iso((dy, dm, dd)) or dlit, iso_8601_date=to_iso((dy, dm, dd)))
        elif tag != "conf-name" or not cite.findall("conf-name"):
            N.el(cite, tag, value)
    page = N.as_text(item.get("page"))
    if page:
        fpage, lpage, prange = N.split_page(page)
        if fpage:
            N.el(cite, "fpage", fpage)
        if lpage:
            N.el(cite, "lpage", lpage)
        if prange:
            N.el(cite, "page-range", prange)
    if item.get("number") and item.get("page"):
        N.el(cite, "elocation-id", N.as_text(item["number"]))
    if item.get("number-of-pages"):
        N.el(cite, "size", N.as_text(item["number-of-pages"]), units="pages")
    for csl, id_type in M.PUB_IDS:
        if item.get(csl):
            N.el(cite, "pub-id", N.as_text(item[csl]), pub_id_type=id_type)
    if item.get("URL"):
        N.el(cite, "ext-link", N.as_text(item["URL"]), ext_link_type="uri", xlink_href=N.as_text(item["URL"]))
    ayear, amonth, aday, aliteral = N.date_parts(item.get("accessed"))
    if ayear is not None or aliteral:
        iso = to_iso((ayear, amonth, aday))
        N.el(cite, "date-in-citation", iso or aliteral, content_type="access-date", iso_8601_date=iso)
    for csl in M.COMMENT_VARIABLES_IN_ORDER:
        if N.as_text(item.get(csl)):
            # the content-type names the CSL variable, so the reader can put it back
            N.el(cite, "comment", N.as_text(item[csl]), content_type=None if csl == "note" else csl)
    if item.get("source") and not looks_like_original_string(item):
        N.el(cite, "comment", N.as_text(item["source"]), content_type="source")
    if not len(cite):
        # the DTD wants at least one element; an item with nothing to cite keeps its id
        N.el(cite, "comment", N.as_text(item.get("id")) or "(empty record)", content_type="id")
    # what the table has no place for is reported once per variable, never dropped in silence
    unmapped.update(M.CITATION_CARRIED.lost_variables(item))
    return cite


def ref_list(parent: etree._Element, items: Sequence[CSLItem], ids: N.Ids,
             unmapped: Counter) -> etree._Element:
    listing = N.el(parent, "ref-list")
    N.el(listing, "title", "References")
    for n, item in enumerate(items, 1):
        ref = N.el(listing, "ref", id=ids.make(N.as_text(item.get("id")), f"ref-{n}"))
        label = N.as_text(item.get("citation-number"))
        if label:
            N.el(ref, "label", label)
        if looks_like_original_string(item):
            alternatives = N.el(ref, "citation-alternatives")
            element_citation(alternatives, item, unmapped)
            # no xml:lang here: the string is in the citing article's language, whatever
            # the language of the work it cites
            N.el(alternatives, "mixed-citation", N.as_text(item["source"]),
                publication_type=M.CSL_TO_PUBLICATION_TYPE.get(N.as_text(item.get("type")), "other"))
        else:
            element_citation(ref, item, unmapped)
    return listing


__all__ = ["element_citation", "looks_like_original_string", "ref_list"]
