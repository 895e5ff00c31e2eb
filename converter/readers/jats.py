"""JATS XML in (1.1 to 1.4; Publishing, Archiving and Authoring tag sets).

Each ``<article>`` becomes one record: journal and article metadata on the CSL item,
everything CSL has no variable for under ``custom`` (see converter/model.py), and the
``<ref-list>`` as ``custom["references"]``: each reference from its ``element-citation``
(or the tagged parts of its ``mixed-citation``), with the ``mixed-citation`` text kept as
the original string in ``source``.

The XML is parsed by converter.xmlsafe: no DTD, no network, no entities. A truncated file
is read as far as it goes, with an error diagnostic saying so. Elements the reader does not
map are named in a warning; the article body is not read (this is a metadata converter).
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from lxml import etree

from .. import xmlsafe
from ..errors import ParseError
from ..mappings import jats as M
from ..model import CSLItem, Diagnostics, Result
from ..options import Options
from ..vocabulary.dates import first_date, parse_iso, to_iso
from ..vocabulary.identifiers import orcid_id
from ..vocabulary.names import display_name
from ..vocabulary.richtext import Run, from_runs

XL_HREF = "{%s}href" % M.XLINK
ALI_LICENSE_REF = "{%s}license_ref" % M.ALI

_SNIFF_DOCTYPE = re.compile(r"<!DOCTYPE\s+(article|pmc-articleset)\b[^>]*(JATS|NLM|journalpublishing|archivearticle)",
                            re.IGNORECASE)
_SNIFF_ROOT = re.compile(r"<article\b[^>]*(dtd-version|article-type|xmlns:(xlink|mml|ali))")


def sniff(text: str) -> int:
    head = text[:5000]
    if _SNIFF_DOCTYPE.search(head):
        return 100
    if _SNIFF_ROOT.search(head):
        return 95
    if re.search(r"<article\b", head) and "<front>" in text[:20000]:
        return 90
    return 0


# ---------------------------------------------------------------- helpers

def _text(node: etree._Element | None) -> str:
    """All text inside an element, whitespace collapsed."""
    if node is None:
        return ""
    return _squash("".join(node.itertext()))


# JATS inline formatting -> CSL rich-text styles
_RICH_STYLE = {"italic": "i", "bold": "b", "sup": "sup", "sub": "sub", "sc": "sc"}


def _rich_text(node: etree._Element | None) -> str:
    """Text of a title-like element with <italic>, <bold>, <sup>, <sub>, <sc> kept as CSL
    rich text; other inline elements give their text."""
    if node is None:
        return ""
    out: List[Run] = []

    def walk(el: etree._Element, styles: frozenset) -> None:
        if el.text:
            out.append(Run(el.text, styles))
        for child in el:
            if isinstance(child.tag, str):
                style = _RICH_STYLE.get(etree.QName(child).localname)
                walk(child, styles | {style} if style else styles)
            if child.tail:
                out.append(Run(child.tail, styles))

    walk(node, frozenset())
    if not any(r.styles for r in out):
        return _text(node)
    text = from_runs([Run(re.sub(r"[ \t\r\n]+", " ", r.text), r.styles) for r in out])
    return text.strip()


def _squash(text: str) -> str:
    """Collapse XML whitespace only: a no-break space in the text is content, kept as is."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def _first_text(parent: etree._Element, *paths: str, rich: bool = False) -> str:
    """Text of the first of ``paths`` that has some; ``rich`` keeps inline formatting."""
    for path in paths:
        found = parent.find(path)
        if found is not None and _text(found):
            return _rich_text(found) if rich else _text(found)
    return ""


def _lang(node: etree._Element | None) -> str | None:
    return None if node is None else node.get(M.XML_LANG)


def _line(node: etree._Element) -> int | None:
    return node.sourceline if isinstance(node.sourceline, int) else None


def _strip_namespaces(root: etree._Element) -> None:
    """JATS elements have no namespace, but some exports put them in one; keep only ALI/MathML."""
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag.startswith("{"):
            ns, _, local = node.tag[1:].partition("}")
            if ns not in (M.ALI, "http://www.w3.org/1998/Math/MathML"):
                node.tag = local


def _int(text: str | None) -> int | None:
    match = re.search(r"\d+", text or "")
    return int(match.group()) if match else None


def _date(node: etree._Element | None) -> Dict[str, Any] | None:
    """A CSL date from a JATS date-like element (iso-8601-date, or year/month/day children)."""
    if node is None:
        return None
    parts = parse_iso(node.get("iso-8601-date") or "")
    if parts:
        return {"date-parts": [parts]}
    year = _int(_first_text(node, "year"))
    if year:
        ymd = [year]
        month = _int(_first_text(node, "month"))
        if month and 1 <= month <= 12:
            ymd.append(month)
            day = _int(_first_text(node, "day"))
            if day and 1 <= day <= 31:
                ymd.append(day)
        return {"date-parts": [ymd]}
    literal = _first_text(node, "string-date") or _text(node)
    return {"raw": literal} if literal else None


def _page(fpage: str, lpage: str) -> str:
    return f"{fpage}-{lpage}" if fpage and lpage and lpage != fpage else fpage


# ---------------------------------------------------------------- names

def _person(node: etree._Element) -> Dict[str, str] | None:
    """A CSL name from <name>, <string-name>, <collab> (or the first of <name-alternatives>)."""
    tag = node.tag
    if tag == "name-alternatives":
        first = next((c for c in node if c.tag in ("name", "string-name")), None)
        return _person(first) if first is not None else None
    if tag == "name":
        family, given = _first_text(node, "surname"), _first_text(node, "given-names")
        name: Dict[str, str] = {}
        if family:
            name["family"] = family
        if given:
            name["given"] = given
        suffix = _first_text(node, "suffix")
        if suffix:
            name["suffix"] = suffix
        return name or None
    if tag == "string-name":
        family, given = _first_text(node, "surname"), _first_text(node, "given-names")
        if family:
            return {"family": family, **({"given": given} if given else {})}
        return {"literal": _text(node)} if _text(node) else None
    if tag in ("collab", "collab-alternatives", "anonymous"):
        return {"literal": _text(node) or "Anonymous"}
    return None


_NAME_TAGS = ("name", "string-name", "name-alternatives", "collab", "collab-alternatives", "anonymous")


# ---------------------------------------------------------------- references

def _citation_fields(cite: etree._Element, item: CSLItem) -> None:
    """Fill a CSL item from an element-citation, nlm-citation or a tagged mixed-citation."""
    lang = _lang(cite)
    if lang:
        item["language"] = lang
    groups = cite.findall("person-group")
    for group in groups:
        var = M.name_variable(group.get("person-group-type"), group.get("custom-type"))
        people = [p for p in (_person(n) for n in group if n.tag in _NAME_TAGS) if p]
        if people:
            item.setdefault(var, []).extend(people)
    loose = [p for p in (_person(n) for n in cite if n.tag in _NAME_TAGS) if p]
    if loose:
        item.setdefault("author", []).extend(loose)
    title = _first_text(cite, "article-title", "chapter-title", "data-title", rich=True)
    source = _first_text(cite, "source")
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
        issued = _date(cite.find("date"))
    elif year_node is not None:
        parts = parse_iso(year_node.get("iso-8601-date") or "")
        if not parts:
            parts = [p for p in (_int(_text(year_node)), _int(_first_text(cite, "month")),
                                 _int(_first_text(cite, "day"))) if p]
            if len(parts) >= 2 and not 1 <= parts[1] <= 12:
                parts = parts[:1]
        issued = {"date-parts": [parts]} if parts else {"raw": _text(year_node)}
    else:
        literal = _first_text(cite, "string-date")
        issued = {"raw": literal} if literal else None
    if issued:
        item["issued"] = issued
    for tag, csl in M.CITATION_FIELD_TO_CSL.items():
        node = cite.find(tag)
        if node is None or not _text(node) or csl in item:
            continue
        if tag == "conf-date":
            item[csl] = _date(node) or {"raw": _text(node)}
        elif tag == "size" and node.get("units") not in (None, "pages", "page"):
            continue
        else:
            item[csl] = _text(node)
    fpage, lpage, prange = (_first_text(cite, "fpage"), _first_text(cite, "lpage"),
                            _first_text(cite, "page-range"))
    if fpage or prange:
        item["page"] = _page(fpage, lpage) if fpage else prange
    for node in cite.findall("pub-id"):
        id_var = M.PUB_ID_TO_CSL.get((node.get("pub-id-type") or "").lower())
        if id_var and _text(node) and id_var not in item:
            item[id_var] = _text(node)
    for node in cite.findall("ext-link") + cite.findall("uri"):
        url = node.get(XL_HREF) or _text(node)
        if url and "URL" not in item:
            item["URL"] = url
    for node in cite.findall("date-in-citation"):
        if (node.get("content-type") or "").lower() in ("access-date", "accessed", "cited", "access"):
            accessed = _date(node)
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
            item[kind] = _text(node)
        elif _text(node):
            notes.append(_text(node))
    if notes:
        item["note"] = "; ".join(notes)


def _read_ref(ref: etree._Element, n: int, diags: Diagnostics) -> CSLItem | None:
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
        diags.warn(f"reference {n} has no citation element; skipped", line=_line(ref), field="ref")
        return None
    ptype = (main.get("publication-type") or main.get("citation-type") or "").lower()
    item: CSLItem = {"id": ref.get("id") or f"ref-{n}", "type": M.PUBLICATION_TYPE_TO_CSL.get(ptype, "document")}
    label = _first_text(ref, "label")
    if label:
        item["citation-number"] = label.rstrip(".")
    _citation_fields(main, item)
    if mixed is not None and _text(mixed):
        item["source"] = _text(mixed)
        if structured is None and "title" not in item:
            diags.warn(f"reference {n} is an untagged string; kept as its original text only",
                       line=_line(mixed), field="mixed-citation", record=item["id"])
    if item.get("type") == "document" and item.get("container-title") and ptype in ("", "journal"):
        item["type"] = "article-journal"
    return item


# ---------------------------------------------------------------- article metadata

def _journal(meta: etree._Element | None, item: CSLItem, custom: Dict[str, Any]) -> None:
    if meta is None:
        return
    titles = [t for t in meta.iter("journal-title") if _text(t)]
    main = next((t for t in titles if not t.get("content-type")), titles[0] if titles else None)
    if main is not None:
        item["container-title"] = _text(main)
    others = [_text(t) for t in titles if t is not main]
    others += [_text(t) for t in meta.iter("trans-title") if _text(t)]
    if others:
        custom["container-title-other"] = others
    if main is None and not others:
        journal_id = _first_text(meta, "journal-id")
        if journal_id:
            item["container-title"] = journal_id
    issns = [_text(i) for i in meta.findall("issn") if _text(i)]
    if issns:
        item["ISSN"] = ", ".join(issns)
    for path, csl in ((".//abbrev-journal-title", "container-title-short"),
                      ("publisher/publisher-name", "publisher"), ("publisher/publisher-loc", "publisher-place")):
        value = _first_text(meta, path)
        if value:
            item[csl] = value


def _affiliations(article: etree._Element) -> Dict[str, etree._Element]:
    return {aff_id: aff for aff in article.iter("aff") if (aff_id := aff.get("id"))}


def _aff_parts(aff: etree._Element) -> Tuple[str, str]:
    """(affiliation, address) of an <aff>: its text without label and address parts, and
    the address parts joined."""
    address_tags = ("addr-line", "city", "state", "postal-code", "country", "address")
    address = ", ".join(_text(a) for a in aff if a.tag in address_tags and _text(a))
    parts = [aff.text or ""] + [("" if c.tag in ("label", "sup") + address_tags else "".join(c.itertext()))
                                + (c.tail or "") for c in aff]
    affiliation = re.sub(r"(\s*,\s*)+", ", ", _squash("".join(parts))).strip(" ,;")
    return affiliation, address


def _contributors(meta: etree._Element, article: etree._Element, item: CSLItem, custom: Dict[str, Any],
                  diags: Diagnostics) -> None:
    affs = _affiliations(article)
    details: List[Dict[str, Any]] = []
    for contrib in meta.iter("contrib"):
        var = M.name_variable(contrib.get("contrib-type"))
        name_node = next((c for c in contrib if c.tag in _NAME_TAGS), None)
        person = _person(name_node) if name_node is not None else None
        if person is None:
            diags.warn("a <contrib> without a name was skipped", line=_line(contrib), field="contrib")
            continue
        item.setdefault(var, []).append(person)
        if var != "author":
            continue
        extra: Dict[str, Any] = {"literal": display_name(person)}
        if (contrib.get("corresp") or "").lower() == "yes":
            extra["corresponding"] = True
        if name_node is not None and name_node.tag == "name-alternatives":
            variants = [display_name(p) for p in (_person(n) for n in list(name_node)[1:]) if p]
            if variants:
                extra["variants"] = variants
        for cid in contrib.findall("contrib-id"):
            key = M.CONTRIB_ID_TO_KEY.get((cid.get("contrib-id-type") or "").lower())
            value = _text(cid)
            if key == "orcid":
                value = orcid_id(value)
            if key and value:
                extra[key] = value
        degrees = [_text(d) for d in contrib.findall("degrees") if _text(d)]
        if degrees:
            extra["degree"] = ", ".join(degrees)
        credit: List[str] = []
        for role in contrib.findall("role"):
            text = _text(role)
            is_credit = (role.get("vocab") or "").lower() == "credit" or "credit" in (role.get("vocab-term-identifier") or "")
            known = M.credit_role(role.get("vocab-term") or text)
            if is_credit or (known and role.get("content-type") != "position"):
                credit.append(known[0] if known else (role.get("vocab-term") or text))
            elif text:
                extra["position"] = f"{extra['position']}; {text}" if extra.get("position") else text
        if credit:
            extra["credit"] = credit
        aff_nodes = [affs[r] for x in contrib.findall("xref") if x.get("ref-type") == "aff"
                     for r in (x.get("rid") or "").split() if r in affs]
        aff_nodes += contrib.findall("aff")
        if aff_nodes:
            parts = [_aff_parts(a) for a in aff_nodes]
            extra["affiliation"] = "; ".join(p[0] for p in parts if p[0])
            addresses = [p[1] for p in parts if p[1]]
            if addresses:
                extra["address"] = "; ".join(addresses)
        email = _first_text(contrib, "email", ".//email")
        if email:
            extra["email"] = email
        for comment in contrib.findall("author-comment"):
            if comment.get("content-type") == "contribution":
                extra["contribution"] = _text(comment)
        details.append(extra)
    if details and any(set(d) - {"literal"} for d in details):
        custom["authors"] = details


def _abstract(meta: etree._Element, item: CSLItem, custom: Dict[str, Any]) -> None:
    abstracts = [a for a in meta.findall("abstract")
                 if (a.get("abstract-type") or "") in ("", "structured", "summary", "executive-summary")]
    if abstracts:
        abstract = abstracts[0]
        sections = [s for s in abstract.findall("sec") if s.find("title") is not None]
        if sections:
            custom["abstract-sections"] = [
                {"title": _first_text(s, "title"),
                 "text": "\n\n".join(_text(p) for p in s if p.tag == "p" and _text(p))} for s in sections]
            item["abstract"] = "\n\n".join(f"{s['title']}. {s['text']}" for s in custom["abstract-sections"])
        else:
            paras = [_text(p) for p in abstract.iter("p") if _text(p)]
            item["abstract"] = "\n\n".join(paras) if paras else _text(abstract)
    translations = {}
    for trans in meta.findall("trans-abstract"):
        lang = _lang(trans) or "und"
        paras = [_text(p) for p in trans.iter("p") if _text(p)]
        translations[lang] = "\n\n".join(paras) if paras else _text(trans)
    if translations:
        custom["abstract-translations"] = translations


def _keywords(meta: etree._Element, item: CSLItem, custom: Dict[str, Any], lang: str | None) -> None:
    by_lang: Dict[str, List[str]] = {}
    for group in meta.findall("kwd-group"):
        group_lang = _lang(group) or lang or ""
        by_lang.setdefault(group_lang, []).extend(_text(k) for k in group.iter("kwd") if _text(k))
    if not by_lang:
        return
    main = lang if lang in by_lang else ("" if "" in by_lang else next(iter(by_lang)))
    item["keyword"] = ", ".join(by_lang.pop(main))
    if by_lang:
        custom["keyword-translations"] = {k or "und": ", ".join(v) for k, v in by_lang.items()}


def _notes(node: etree._Element | None, custom: Dict[str, Any]) -> None:
    """Footnotes and notes in author-notes or back: statements go to their custom keys."""
    if node is None:
        return
    for fn in list(node.iter("fn")) + list(node.iter("notes")) + [s for s in node.iter("sec") if s.get("sec-type")]:
        kind = (fn.get("fn-type") or fn.get("notes-type") or fn.get("sec-type") or "").lower()
        paras = [_text(p) for p in fn.iter("p") if _text(p)]
        text = " ".join(paras) if paras else _text(fn)
        if not text:
            continue
        if kind in ("coi-statement", "conflict", "conflict-of-interest", "competing-interests"):
            custom["conflict-of-interest"] = text
        elif kind in ("data-availability", "data-availability-statement"):
            custom["data-availability"] = text
        elif fn.tag == "fn" or kind:
            custom.setdefault("notes", []).append(text)


def _funding_and_ack(meta: etree._Element, back: etree._Element | None, custom: Dict[str, Any]) -> None:
    statements = [_text(s) for s in meta.iter("funding-statement") if _text(s)]
    if statements:
        custom["funding"] = "\n".join(statements)
    for ack in back.iter("ack") if back is not None else []:
        text = "\n".join(_text(p) for p in ack.iter("p") if _text(p)) or _text(ack)
        if text:
            custom["acknowledgements"] = f"{custom['acknowledgements']}\n{text}" if "acknowledgements" in custom else text


_ARTICLE_META_READ = {
    "article-id", "title-group", "contrib-group", "aff", "author-notes", "pub-date", "pub-date-not-available",
    "volume", "issue", "fpage", "lpage", "page-range", "elocation-id", "history", "permissions", "self-uri",
    "abstract", "trans-abstract", "kwd-group", "custom-meta-group", "aff-alternatives", "funding-group",
}


def _article_meta(meta: etree._Element, article: etree._Element, item: CSLItem, custom: Dict[str, Any],
                  diags: Diagnostics) -> None:
    for node in meta.findall("article-id"):
        kind = (node.get("pub-id-type") or "").lower()
        if kind == "custom":
            kind = (node.get("custom-type") or "custom").lower()
        value = _text(node)
        if not value:
            continue
        if kind in M.PUB_ID_TO_CSL:
            item[M.PUB_ID_TO_CSL[kind]] = value
        elif kind == "edn":
            custom["edn"] = value.upper()
        else:
            custom.setdefault("ids", {})[kind] = value
    titles = meta.find("title-group")
    if titles is not None:
        title = _first_text(titles, "article-title", rich=True)
        subtitle = _first_text(titles, "subtitle")
        if title:
            item["title"] = f"{title}: {subtitle}" if subtitle else title
        lang = _lang(titles.find("article-title"))
        if lang and "language" not in item:
            item["language"] = lang
        translations = {}
        for group in titles.findall("trans-title-group"):
            trans = _first_text(group, "trans-title")
            sub = _first_text(group, "trans-subtitle")
            if trans:
                translations[_lang(group) or _lang(group.find("trans-title")) or "und"] = (
                    f"{trans}: {sub}" if sub else trans)
        if translations:
            custom["title-translations"] = translations
        short = next((_text(a) for a in titles.findall("alt-title") if _text(a)), "")
        if short:
            item["title-short"] = short
    _contributors(meta, article, item, custom, diags)
    _notes(meta.find("author-notes"), custom)
    pub_dates = meta.findall("pub-date")
    preferred = sorted(pub_dates, key=lambda d: 0 if (d.get("date-type") or d.get("pub-type")) in
                       ("pub", "epub", "ppub", "epub-ppub", None) else 1)
    for node in preferred:
        issued = _date(node)
        if issued:
            item["issued"] = issued
            break
    for tag, csl in (("volume", "volume"), ("issue", "issue")):
        value = _first_text(meta, tag)
        if value:
            item[csl] = value
    fpage, lpage = _first_text(meta, "fpage"), _first_text(meta, "lpage")
    if fpage:
        item["page"] = _page(fpage, lpage)
    elif _first_text(meta, "elocation-id"):
        item["number"] = _first_text(meta, "elocation-id")
    history = meta.find("history")
    if history is not None:
        for node in history.findall("date"):
            date = _date(node)
            kind = (node.get("date-type") or "").lower()
            if not date or not kind:
                continue
            key = M.HISTORY_DATE_TO_KEY.get(kind, kind)
            if key == "submitted":
                item["submitted"] = date
            else:
                custom.setdefault("dates", {})[key] = to_iso(first_date(date) or []) or date.get("raw", "")
    permissions = meta.find("permissions")
    if permissions is not None:
        license_: Dict[str, str] = {}
        lic = permissions.find("license")
        if lic is not None:
            url = lic.get(XL_HREF) or _first_text(lic, ALI_LICENSE_REF)
            if url:
                license_["url"] = url
            text = "\n".join(_text(p) for p in lic.findall("license-p") if _text(p))
            if text:
                license_["text"] = text
        copyright_ = _first_text(permissions, "copyright-statement")
        if copyright_:
            license_["copyright"] = copyright_
        if license_:
            custom["license"] = license_
    self_uri = meta.find("self-uri")
    if self_uri is not None and (self_uri.get(XL_HREF) or _text(self_uri)):
        item["URL"] = self_uri.get(XL_HREF) or _text(self_uri)
    _abstract(meta, item, custom)
    _keywords(meta, item, custom, item.get("language"))
    for entry in meta.iter("custom-meta"):
        name, value = _first_text(entry, "meta-name"), _first_text(entry, "meta-value")
        if not (name and value):
            continue
        key = name.lower() if name.lower() in ("udc", "edn") else name
        if entry.get("specific-use") == "list":  # written by us: one entry per list value
            custom.setdefault(key, []).append(value)
        elif value in ("true", "false"):
            custom[key] = value == "true"
        else:
            custom[key] = value.upper() if key == "edn" else value
    unread = sorted({c.tag for c in meta if isinstance(c.tag, str) and c.tag not in _ARTICLE_META_READ})
    if unread:
        diags.warn(f"article-meta element(s) not carried over: {', '.join(unread)}", line=_line(meta),
                   record=item.get("DOI"))


def _read_article(article: etree._Element, n: int, diags: Diagnostics) -> CSLItem:
    item: CSLItem = {"id": "", "type": "article-journal"}
    custom: Dict[str, Any] = {}
    lang = _lang(article)
    if lang:
        item["language"] = lang
    front = article.find("front")
    meta_node = front.find("article-meta") if front is not None else None
    if front is None:
        diags.error("article has no <front>: no metadata to read", line=_line(article), field="front")
    else:
        _journal(front.find("journal-meta"), item, custom)
        meta = front.find("article-meta")
        if meta is None:
            diags.error("<front> has no <article-meta>", line=_line(front), field="article-meta")
        else:
            _article_meta(meta, article, item, custom, diags)
    back = article.find("back")
    if meta_node is not None:
        _funding_and_ack(meta_node, back, custom)
    if back is not None:
        refs = [r for r in (_read_ref(ref, i, diags) for i, ref in enumerate(back.iter("ref"), 1)) if r]
        if refs:
            custom["references"] = refs
        _notes(back, custom)
    body = article.find("body")
    if body is not None:
        diags.warn("the article body is not read (metadata and references only)", line=_line(body))
    subs = article.findall("sub-article") + article.findall("response")
    if subs:
        diags.warn(f"{len(subs)} sub-article(s)/response(s) not read", line=_line(subs[0]))
    item["id"] = item.get("DOI") or custom.get("edn") or f"jats-article-{n}"
    if not item.get("title"):
        diags.warn("article has no title", field="article-title", record=item["id"])
    if not item.get("author"):
        diags.warn("no authors found", field="contrib-group", record=item["id"])
    if custom:
        item["custom"] = custom
    return item


def _articles(root: etree._Element) -> List[etree._Element]:
    if root.tag == "article":
        return [root]
    # collections: <pmc-articleset>, <articles>, OAI-PMH wrappers
    found = [a for a in root.iter("article") if a.find("front") is not None]
    return found


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    diags = Diagnostics(source)
    parsed = xmlsafe.parse(text, source=source)
    _strip_namespaces(parsed.root)
    for message, line in parsed.problems:
        diags.error(message, line=line)
    articles = _articles(parsed.root)
    if not articles:
        raise ParseError(f"not a JATS article: the root element is <{str(parsed.root.tag)}>", source=source,
                         line=_line(parsed.root), diagnostics=diags)
    records = [_read_article(a, n, diags) for n, a in enumerate(articles, 1)]
    lines = {str(r["id"]): line for r, a in zip(records, articles) if (line := _line(a)) is not None}
    if parsed.problems:
        for record in records:
            missing = [f for f in ("author", "issued", "custom.references")
                       if not (record.get(f) if "." not in f else (record.get("custom") or {}).get("references"))]
            if missing:
                diags.warn(f"the file is cut short, so these may be missing only because of that: {', '.join(missing)}",
                           record=record["id"])
    result = Result(records, list(diags))
    result.locate(source, lines)
    return result

