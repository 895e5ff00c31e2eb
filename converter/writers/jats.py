"""JATS 1.3 Journal Publishing XML out.

One record becomes one ``<article>``: journal-meta and article-meta from the item and its
``custom`` object, and a ``<back>`` whose ``<ref-list>`` holds the parsed references, each
as an ``<element-citation>`` beside its original string in a ``<mixed-citation>``.

With ``--references``, or when several records are written at once (a JATS document holds
one article), the records become the ``<ref-list>`` of a shell article whose front matter
carries only the placeholders the DTD requires.

Everything the Journal Publishing DTD requires but the record does not know (an ISSN, a
journal id) is written empty with a warning, never invented.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Dict, Iterable, List, Sequence, Tuple

from lxml import etree

from ..mappings import jats as M
from ..model import CSLItem, Diagnostics, Output
from ..options import Options
from ..vocabulary.dates import first_date, parse_iso, to_iso
from ..vocabulary.identifiers import orcid_url, split_serials
from ..vocabulary.names import particles
from ..vocabulary.richtext import plain, runs

XL = "{%s}" % M.XLINK



# ---------------------------------------------------------------- small builders

def _el(parent: etree._Element, tag: str, text: Any = None, **attrs: Any) -> etree._Element:
    """A child element; attribute names use '_' for '-' and ``xlink_href`` for xlink:href."""
    node = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        if value is None or value == "":
            continue
        if key == "xlink_href":
            node.set(XL + "href", str(value))
        elif key == "xml_lang":
            node.set(M.XML_LANG, str(value))
        else:
            node.set(key.replace("_", "-"), str(value))
    if text is not None:
        node.text = _clean(str(text))
    return node


# CSL rich-text styles -> JATS inline elements (nocase only guards case changes: plain here)
_JATS_STYLE = {"i": "italic", "b": "bold", "sup": "sup", "sub": "sub", "sc": "sc"}


def _rich_el(parent: etree._Element, tag: str, value: str, **attrs: Any) -> etree._Element:
    """Like :func:`_el`, for a title that may hold CSL rich text (<i>, <b>, <sup>, <sub>,
    small caps), written as JATS <italic>, <bold>, <sup>, <sub>, <sc>."""
    parts = runs(value)
    if not any(r.styles - {"nocase"} for r in parts):
        return _el(parent, tag, plain(value), **attrs)
    node = _el(parent, tag, None, **attrs)
    for run in parts:
        target = node
        for style in sorted(run.styles - {"nocase"}):
            target = etree.SubElement(target, _JATS_STYLE[style])
        text = _clean(run.text)
        if target is not node:
            target.text = text
        elif len(node):
            node[-1].tail = (node[-1].tail or "") + text
        else:
            node.text = (node.text or "") + text
    return node


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """XML 1.0 cannot hold C0 control characters; they never carry meaning in metadata."""
    return _CONTROL.sub("", text)


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_str(v) for v in value if v not in (None, ""))
    return str(value).strip()


def _dict_at(parent: Dict[str, Any], key: str) -> Dict[str, Any]:
    """parent[key] when it is an object, else an empty dict (a record may hold anything there)."""
    value = parent.get(key)
    return value if isinstance(value, dict) else {}


def _lang(value: Any) -> str | None:
    """An xml:lang value (NMTOKEN), or None for what cannot be one."""
    text = _str(value)
    return text if re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", text) else None


# ---------------------------------------------------------------- dates

def _date_parts(date: Any) -> Tuple[int | None, int | None, int | None, str | None]:
    """(year, month, day, literal) from a CSL date; literal is the text when no parts parse
    (with the year found in it, if any: a <year> beside the <string-date>)."""
    parts: List[int | None] = list(first_date(date) or [])
    if parts:
        return parts[0], (parts + [None])[1], (parts + [None, None])[2], None
    text = _str(date.get("literal") or date.get("raw")) if isinstance(date, dict) else _str(date)
    found = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    return (int(found[1]) if found else None), None, None, text or None


def _date_children(node: etree._Element, year: int, month: int | None, day: int | None) -> None:
    # Publishing DTD: ((day?, month?) | season)?, year
    if day and month:
        _el(node, "day", f"{day:02d}")
    if month:
        _el(node, "month", f"{month:02d}")
    _el(node, "year", f"{year:04d}")


# ---------------------------------------------------------------- names

def _split_page(page: str) -> Tuple[str | None, str | None, str | None]:
    """(fpage, lpage, page-range) from a CSL page string."""
    page = page.strip()
    match = re.fullmatch(r"([A-Za-z]?\d+[A-Za-z]?)\s*[-\u2010-\u2015\u2212]+\s*([A-Za-z]?\d+[A-Za-z]?)", page)
    if match:
        return match[1], match[2], None
    if re.fullmatch(r"[A-Za-z]?\d+[A-Za-z]?", page):
        return page, None, None
    return None, None, page


def _name(parent: etree._Element, person: Dict[str, Any]) -> etree._Element | None:
    family = " ".join(p for p in (particles(person).strip(), _str(person.get("family"))) if p)
    given = _str(person.get("given"))
    suffix = _str(person.get("suffix"))
    if not family and not given:
        literal = _str(person.get("literal"))
        if not literal:
            return None
        return _el(parent, "string-name", literal)
    node = _el(parent, "name", name_style="western")
    if family:
        _el(node, "surname", family)
        if given:
            _el(node, "given-names", given)
    else:
        _el(node, "given-names", given)
    if suffix:
        _el(node, "suffix", suffix)
    return node


# ---------------------------------------------------------------- references

def _looks_like_original_string(item: CSLItem) -> bool:
    """CSL ``source`` is this project's place for a reference's original string; elsewhere it
    names a database ("PubMed"). Only a string that contains the title (or an author and the
    year) is taken for the former."""
    source = _str(item.get("source"))
    if len(source) < 20:
        return False
    low = source.lower()
    title = _str(item.get("title")).lower()
    if title and title[:40] in low:
        return True
    year, *_ = _date_parts(item.get("issued"))
    families = [_str(a.get("family") or a.get("literal")).lower() for a in item.get("author") or []
                if isinstance(a, dict)]
    return bool(year and str(year) in low and any(f and f in low for f in families))


def _element_citation(parent: etree._Element, item: CSLItem, unmapped: Counter) -> etree._Element:
    ctype = _str(item.get("type")) or "document"
    cite = _el(parent, "element-citation",
               publication_type=M.CSL_TO_PUBLICATION_TYPE.get(ctype, "other"),
               xml_lang=_lang(item.get("language")))
    for csl in M.NAME_VARIABLES:
        people = [p for p in item.get(csl) or [] if isinstance(p, dict)]
        if not people:
            continue
        group_type, custom_type = M.person_group_type(csl)
        group = _el(cite, "person-group", person_group_type=group_type, custom_type=custom_type)
        for person in people:
            _name(group, person)
        if not len(group):
            cite.remove(group)
    title, container = _str(item.get("title")), _str(item.get("container-title"))
    if title and container:
        _rich_el(cite, "chapter-title" if ctype in M.CHAPTER_TYPES else "article-title", title)
        _rich_el(cite, "source", container)
    elif title or container:
        _rich_el(cite, "source", title or container)
    year, month, day, literal = _date_parts(item.get("issued"))
    if year is not None:
        _el(cite, "year", f"{year:04d}", iso_8601_date=to_iso((year, month, day)))
        if month:
            _el(cite, "month", f"{month:02d}")
        if month and day:
            _el(cite, "day", f"{day:02d}")
    elif literal:
        _el(cite, "string-date", literal)
    for csl, tag in M.CITATION_FIELDS:
        value = _str(item.get(csl))
        if not value or tag == "comment" or tag == "elocation-id" and item.get("page"):
            continue
        if tag == "annotation":
            _el(_el(cite, "annotation"), "p", value)
        elif tag == "conf-date":
            dy, dm, dd, dlit = _date_parts(item.get(csl))
            _el(cite, "conf-date", to_iso((dy, dm, dd)) or dlit, iso_8601_date=to_iso((dy, dm, dd)))
        elif tag != "conf-name" or not cite.findall("conf-name"):
            _el(cite, tag, value)
    page = _str(item.get("page"))
    if page:
        fpage, lpage, prange = _split_page(page)
        if fpage:
            _el(cite, "fpage", fpage)
        if lpage:
            _el(cite, "lpage", lpage)
        if prange:
            _el(cite, "page-range", prange)
    if item.get("number") and item.get("page"):
        _el(cite, "elocation-id", _str(item["number"]))
    if item.get("number-of-pages"):
        _el(cite, "size", _str(item["number-of-pages"]), units="pages")
    for csl, id_type in M.PUB_IDS:
        if item.get(csl):
            _el(cite, "pub-id", _str(item[csl]), pub_id_type=id_type)
    if item.get("URL"):
        _el(cite, "ext-link", _str(item["URL"]), ext_link_type="uri", xlink_href=_str(item["URL"]))
    ayear, amonth, aday, aliteral = _date_parts(item.get("accessed"))
    if ayear is not None or aliteral:
        iso = to_iso((ayear, amonth, aday))
        _el(cite, "date-in-citation", iso or aliteral, content_type="access-date", iso_8601_date=iso)
    for csl in M.COMMENT_VARIABLES_IN_ORDER:
        if _str(item.get(csl)):
            # the content-type names the CSL variable, so the reader can put it back
            _el(cite, "comment", _str(item[csl]), content_type=None if csl == "note" else csl)
    if item.get("source") and not _looks_like_original_string(item):
        _el(cite, "comment", _str(item["source"]), content_type="source")
    if not len(cite):
        # the DTD wants at least one element; an item with nothing to cite keeps its id
        _el(cite, "comment", _str(item.get("id")) or "(empty record)", content_type="id")
    # what the table has no place for is reported once per variable, never dropped in silence
    unmapped.update(M.CITATION_CARRIED.lost_variables(item))
    return cite


def _ref_list(parent: etree._Element, items: Sequence[CSLItem], ids: "_Ids",
              unmapped: Counter) -> etree._Element:
    ref_list = _el(parent, "ref-list")
    _el(ref_list, "title", "References")
    for n, item in enumerate(items, 1):
        ref = _el(ref_list, "ref", id=ids.make(_str(item.get("id")), f"ref-{n}"))
        label = _str(item.get("citation-number"))
        if label:
            _el(ref, "label", label)
        if _looks_like_original_string(item):
            alternatives = _el(ref, "citation-alternatives")
            _element_citation(alternatives, item, unmapped)
            # no xml:lang here: the string is in the citing article's language, whatever
            # the language of the work it cites
            _el(alternatives, "mixed-citation", _str(item["source"]),
                publication_type=M.CSL_TO_PUBLICATION_TYPE.get(_str(item.get("type")), "other"))
        else:
            _element_citation(ref, item, unmapped)
    return ref_list


class _Ids:
    """XML IDs unique within a document, keeping a record's own id when it is a valid one."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, wanted: str, fallback: str) -> str:
        base = wanted if re.fullmatch(r"[A-Za-z_][\w.\-]*", wanted or "") else fallback
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


# ---------------------------------------------------------------- the article

def _journal_meta(front: etree._Element, item: CSLItem, custom: Dict[str, Any], diags: Diagnostics,
                  label: str | None) -> None:
    meta = _el(front, "journal-meta")
    journal = _str(item.get("container-title"))
    others = [_str(t) for t in custom.get("container-title-other") or [] if _str(t)]
    # The DTD requires a journal-id; a journal known only by its title is identified by it,
    # as journals' own JATS exports do.
    _el(meta, "journal-id", journal or _str(item.get("container-title-short")), journal_id_type="publisher-id")
    if not journal:
        diags.warn("no journal title: the required <journal-id> is written empty", field="container-title",
                   record=label)
    if journal or others or item.get("container-title-short"):
        group = _el(meta, "journal-title-group")
        if journal:
            _el(group, "journal-title", journal)
        for other in others:
            _el(group, "journal-title", other, content_type="other")
        if item.get("container-title-short"):
            _el(group, "abbrev-journal-title", _str(item["container-title-short"]), abbrev_type="publisher")
    issns = split_serials(_str(item.get("ISSN")))
    for issn in issns:
        _el(meta, "issn", issn)
    if not issns:
        _el(meta, "issn", "")
        diags.warn("ISSN unknown: the Journal Publishing DTD requires <issn>, written empty",
                   field="ISSN", record=label)
    if item.get("publisher") or item.get("publisher-place"):
        pub = _el(meta, "publisher")
        _el(pub, "publisher-name", _str(item.get("publisher")))
        if item.get("publisher-place"):
            _el(pub, "publisher-loc", _str(item["publisher-place"]))


def _contrib_group(meta: etree._Element, item: CSLItem, custom: Dict[str, Any], ids: _Ids,
                   diags: Diagnostics, label: str | None) -> None:
    details = [d if isinstance(d, dict) else {} for d in custom.get("authors") or []]
    roles = [csl for csl in M.NAME_VARIABLES if item.get(csl)]
    if not roles:
        return
    group = _el(meta, "contrib-group")
    affs: Dict[Tuple[str, str], str] = {}
    for csl in roles:
        for n, person in enumerate(item.get(csl) or []):
            if not isinstance(person, dict):
                continue
            extra = details[n] if csl == "author" and n < len(details) else {}
            contrib = _el(group, "contrib", contrib_type=csl, corresp="yes" if extra.get("corresponding") else None)
            for key, id_type in M.CONTRIB_IDS:
                value = _str(extra.get(key))
                if not value:
                    continue
                if key == "orcid":
                    value = orcid_url(value)
                _el(contrib, "contrib-id", value, contrib_id_type=id_type)
            variants = [_str(v) for v in extra.get("variants") or [] if _str(v)]
            if variants:
                alternatives = _el(contrib, "name-alternatives")
                _name(alternatives, person)
                for variant in variants:
                    _el(alternatives, "string-name", variant, specific_use="variant")
            elif _name(contrib, person) is None:
                group.remove(contrib)
                diags.warn(f"{csl} {n + 1} has no name; left out", field=csl, record=label)
                continue
            if extra.get("degree"):
                _el(contrib, "degrees", _str(extra["degree"]))
            if extra.get("position"):
                _el(contrib, "role", _str(extra["position"]), content_type="position")
            for printed in extra.get("credit") or []:
                credit = M.credit_role(_str(printed))
                if credit is None:
                    diags.warn(f"contributor role {printed!r} is not a CRediT term; written without vocabulary",
                               field="custom.authors.credit", record=label)
                    _el(contrib, "role", _str(printed))
                    continue
                term, uri = credit
                _el(contrib, "role", term, vocab=M.CREDIT_VOCAB, vocab_identifier=M.CREDIT_VOCAB_IDENTIFIER,
                    vocab_term=term, vocab_term_identifier=uri)
            if extra.get("affiliation") or extra.get("address"):
                aff_key = (_str(extra.get("affiliation")), _str(extra.get("address")))
                if aff_key not in affs:
                    affs[aff_key] = ids.make("", f"aff-{len(affs) + 1}")
                _el(contrib, "xref", None, ref_type="aff", rid=affs[aff_key])
            if extra.get("email"):
                _el(contrib, "email", _str(extra["email"]))
            if extra.get("contribution"):
                comment = _el(contrib, "author-comment", content_type="contribution")
                _el(comment, "p", _str(extra["contribution"]))
    for (institution, address), aff_id in affs.items():
        aff = _el(group, "aff", id=aff_id)
        if institution:
            _el(aff, "institution", institution)
        if institution and address:
            aff[-1].tail = ", "
        if address:
            _el(aff, "addr-line", address)


def _paragraphs(parent: etree._Element, text: str) -> None:
    for para in [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()] or [text]:
        _el(parent, "p", re.sub(r"[ \t\r\n]+", " ", para))


def _article(article: etree._Element, item: CSLItem, diags: Diagnostics, unmapped: Counter) -> None:
    custom = _dict_at(item, "custom")
    label = _str(item.get("id")) or None
    lost = M.ARTICLE_CARRIED.lost_variables(item)
    if lost:
        diags.warn(f"CSL variables with no place in JATS article metadata, left out: {', '.join(lost)}",
                   record=label)
    ids = _Ids()
    front = _el(article, "front")
    _journal_meta(front, item, custom, diags, label)
    meta = _el(front, "article-meta")
    for csl, id_type in M.PUB_IDS:
        if item.get(csl):
            _el(meta, "article-id", _str(item[csl]), pub_id_type=id_type)
    other_ids = {"edn": custom.get("edn"), **_dict_at(custom, "ids")}
    for id_type, value in other_ids.items():
        if not _str(value):
            continue
        # JATS 1.3 closes the list of pub-id-type values; "custom" plus custom-type is its escape.
        if id_type in M.ARTICLE_ID_TYPES:
            _el(meta, "article-id", _str(value), pub_id_type=id_type)
        else:
            _el(meta, "article-id", _str(value), pub_id_type="custom", custom_type=id_type)
    titles = _el(meta, "title-group")
    _rich_el(titles, "article-title", _str(item.get("title")))
    if not item.get("title"):
        diags.warn("record has no title; <article-title> is empty", field="title", record=label)
    for lang, trans in (custom.get("title-translations") or {}).items():
        group = _el(titles, "trans-title-group", xml_lang=_lang(lang))
        _rich_el(group, "trans-title", _str(trans))
    if item.get("title-short"):
        _el(titles, "alt-title", _str(item["title-short"]), alt_title_type="short")
    _contrib_group(meta, item, custom, ids, diags, label)
    notes: List[Tuple[str, str]] = []
    if custom.get("conflict-of-interest"):
        notes.append(("coi-statement", _str(custom["conflict-of-interest"])))
    notes += [("other", _str(n)) for n in custom.get("notes") or [] if _str(n)]
    if notes:
        author_notes = _el(meta, "author-notes")
        for fn_type, text in notes:
            fn = _el(author_notes, "fn", fn_type=fn_type)
            _el(fn, "p", text)
    year, month, day, _ = _date_parts(item.get("issued"))
    if year is not None:
        pub_date = _el(meta, "pub-date", publication_format="electronic", date_type="pub",
                       iso_8601_date=to_iso((year, month, day)))
        _date_children(pub_date, year, month, day)
    else:
        _el(meta, "pub-date-not-available")
    if item.get("volume"):
        _el(meta, "volume", _str(item["volume"]))
    if item.get("issue"):
        _el(meta, "issue", _str(item["issue"]))
    fpage, lpage, prange = _split_page(_str(item.get("page"))) if item.get("page") else (None, None, None)
    if fpage:
        _el(meta, "fpage", fpage)
        if lpage:
            _el(meta, "lpage", lpage)
    elif prange or item.get("number"):
        _el(meta, "elocation-id", prange or _str(item.get("number")))
    history: List[Tuple[str, str]] = []
    sy, sm, sd, _ = _date_parts(item.get("submitted"))
    if sy is not None:
        history.append(("received", to_iso((sy, sm, sd)) or ""))
    dates = _dict_at(custom, "dates")
    jats_date_type = dict(M.HISTORY_DATES)
    for key, value in dates.items():
        history.append((jats_date_type.get(key, key), _str(value)))
    history = list(dict(reversed(history)).items())[::-1]  # one date per type, the record's own first
    if history:
        hist = _el(meta, "history")
        for date_type, iso in history:
            parts = parse_iso(iso)
            if not parts:
                diags.warn(f"history date {date_type!r} is not ISO 8601 ({iso!r}); left out",
                           field="custom.dates", record=label)
                continue
            node = _el(hist, "date", date_type=date_type, iso_8601_date=to_iso(parts))
            year, month, day = (parts + [0, 0])[:3]
            _date_children(node, year, month or None, day or None)
        if not len(hist):
            meta.remove(hist)
    license_ = _dict_at(custom, "license")
    if license_ or item.get("license"):
        permissions = _el(meta, "permissions")
        url = _str(license_.get("url")) or (_str(item.get("license")) if "://" in _str(item.get("license")) else "")
        lic = _el(permissions, "license", license_type="open-access" if "creativecommons.org" in url else None,
                  xlink_href=url or None)
        if url:
            ref = etree.SubElement(lic, "{%s}license_ref" % M.ALI, nsmap={"ali": M.ALI})
            ref.text = url
        text = _str(license_.get("text")) or _str(item.get("license")) or url
        for line in [t.strip() for t in text.splitlines() if t.strip()] or [text]:
            _el(lic, "license-p", line)  # one per printed line: the reader joins them with newlines
    if item.get("URL"):
        _el(meta, "self-uri", _str(item["URL"]), xlink_href=_str(item["URL"]))
    sections = [s for s in custom.get("abstract-sections") or [] if isinstance(s, dict)]
    if sections:
        abstract = _el(meta, "abstract")
        for sec in sections:
            node = _el(abstract, "sec")
            _el(node, "title", _str(sec.get("title")))
            _paragraphs(node, _str(sec.get("text")))
    elif item.get("abstract"):
        _paragraphs(_el(meta, "abstract"), _str(item["abstract"]))
    for lang, text in (custom.get("abstract-translations") or {}).items():
        _paragraphs(_el(meta, "trans-abstract", xml_lang=_lang(lang)), _str(text))
    keywords = [k.strip() for k in re.split(r"[,;]", _str(item.get("keyword"))) if k.strip()]
    if keywords:
        group = _el(meta, "kwd-group", kwd_group_type="author", xml_lang=_lang(item.get("language")))
        for kwd in keywords:
            _el(group, "kwd", kwd)
    for lang, words in (custom.get("keyword-translations") or {}).items():
        group = _el(meta, "kwd-group", kwd_group_type="author", xml_lang=_lang(lang))
        for kwd in [k.strip() for k in re.split(r"[,;]", _str(words)) if k.strip()]:
            _el(group, "kwd", kwd)
        if not len(group):
            meta.remove(group)
    if custom.get("funding"):
        funding = _el(meta, "funding-group")
        for line in _str(custom["funding"]).splitlines():
            _el(funding, "funding-statement", line)
    extras: List[Tuple[str, str, bool]] = []  # (name, value, part of a list)
    skipped: List[str] = []
    for key, value in custom.items():
        if key in M.CUSTOM_KEYS_WITH_ELEMENTS or value in (None, "", []):
            continue
        if isinstance(value, bool):
            extras.append((key, "true" if value else "false", False))
        elif isinstance(value, (str, int, float)):
            extras.append((key, _str(value), False))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            # a list is one custom-meta per value, marked so the reader regroups them
            extras += [(key, v, True) for v in value]
        else:
            skipped.append(key)
    if skipped:
        diags.warn(f"custom field(s) with no JATS place left out: {', '.join(skipped)}", record=label)
    if extras:
        group = _el(meta, "custom-meta-group")
        for key, value, in_list in extras:
            entry = _el(group, "custom-meta", specific_use="list" if in_list else None)
            _el(entry, "meta-name", key)
            _el(entry, "meta-value", _str(value))
    refs = [r for r in custom.get("references") or [] if isinstance(r, dict)]
    if refs or custom.get("data-availability") or custom.get("acknowledgements"):
        back = _el(article, "back")
        if custom.get("acknowledgements"):
            _paragraphs(_el(back, "ack"), _str(custom["acknowledgements"]))
        if refs:
            _ref_list(back, refs, ids, unmapped)
        if custom.get("data-availability"):
            notes_el = _el(back, "notes", notes_type="data-availability")
            _el(notes_el, "title", "Availability of data and materials")
            _el(notes_el, "p", _str(custom["data-availability"]))


def _shell(article: etree._Element, items: Sequence[CSLItem], unmapped: Counter) -> None:
    """A reference-list document: the DTD's required front matter, empty, and the items as refs."""
    front = _el(article, "front")
    journal_meta = _el(front, "journal-meta")
    _el(journal_meta, "journal-id", "")
    _el(journal_meta, "issn", "")
    meta = _el(front, "article-meta")
    _el(_el(meta, "title-group"), "article-title", "")
    _el(meta, "pub-date-not-available")
    back = _el(article, "back")
    _ref_list(back, items, _Ids(), unmapped)


def _serialize(article: etree._Element) -> str:
    doctype = f'<!DOCTYPE article PUBLIC "{M.JATS_PUBLIC_ID}" "{M.JATS_SYSTEM_ID}">'
    # the XML declaration says UTF-8 outright (deposit systems such as PMC ask for it)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(
        article, encoding="unicode", pretty_print=True, doctype=doctype)


def _new_article(article_type: str, lang: str | None) -> etree._Element:
    article = etree.Element("article", nsmap={"xlink": M.XLINK})
    article.set("article-type", article_type)
    article.set("dtd-version", M.DTD_VERSION)
    if lang:
        article.set(M.XML_LANG, lang)
    return article


def _articles_of(items: Sequence[CSLItem]) -> List[CSLItem]:
    """The items that are articles, dropping those that are another item's parsed reference
    (``--all`` passes an article followed by its references; JATS keeps those in <back>)."""
    articles: List[CSLItem] = []
    owned: List[CSLItem] = []
    for item in items:
        if any(item == ref for ref in owned):
            continue
        articles.append(item)
        custom = _dict_at(item, "custom")
        owned.extend(r for r in custom.get("references") or [] if isinstance(r, dict))
    return articles


def write_article(item: CSLItem, *, diagnostics: Diagnostics | None = None) -> str:
    """One record as a complete JATS document (its references in <back>)."""
    diags = diagnostics if diagnostics is not None else Diagnostics()
    unmapped: Counter = Counter()
    article = _new_article(M.ARTICLE_TYPES.get(_str(item.get("type")), "other"), _lang(item.get("language")))
    _article(article, item, diags, unmapped)
    _report_unmapped(unmapped, diags)
    return _serialize(article)


def write_reference_list(items: Iterable[CSLItem], *, diagnostics: Diagnostics | None = None) -> str:
    """Records as the <ref-list> of a shell article."""
    diags = diagnostics if diagnostics is not None else Diagnostics()
    unmapped: Counter = Counter()
    article = _new_article("other", None)
    _shell(article, list(items), unmapped)
    _report_unmapped(unmapped, diags)
    return _serialize(article)


def _report_unmapped(unmapped: Counter, diags: Diagnostics) -> None:
    if unmapped:
        listing = ", ".join(f"{k} ({n})" for k, n in sorted(unmapped.items()))
        diags.warn(f"CSL variables with no place in a JATS element-citation, left out: {listing}")


def write(items: List[CSLItem], *, options: Options | None = None) -> Output:
    options = options or Options()
    diags = Diagnostics()
    if options.references == "references":
        return Output(write_reference_list(items, diagnostics=diags), list(diags))
    articles = _articles_of(items)
    if len(articles) == 1:
        return Output(write_article(articles[0], diagnostics=diags), list(diags))
    if articles:
        diags.warn(f"{len(articles)} records: a JATS document holds one article, so they are written as "
                   "a reference list (write one record at a time for article metadata)")
    return Output(write_reference_list(articles, diagnostics=diags), list(diags))
