"""JATS XML in (1.1 to 1.4; Publishing, Archiving and Authoring tag sets).

Each ``<article>`` becomes one record: journal and article metadata on the CSL item,
everything CSL has no variable for under ``custom`` (see converter/model.py), and the
``<ref-list>`` as ``custom["references"]``: each reference from its ``element-citation``
(or the tagged parts of its ``mixed-citation``), with the ``mixed-citation`` text kept as
the original string in ``source`` (jats_refs.py; the element readers they share are in
jats_nodes.py).

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
from ..vocabulary.dates import first_date, to_iso
from ..vocabulary.identifiers import orcid_id
from ..vocabulary.names import display_name
from . import jats_nodes as N
from .jats_refs import read_ref

ALI_LICENSE_REF = "{%s}license_ref" % M.ALI



# ---------------------------------------------------------------- article metadata

def _journal(meta: etree._Element | None, item: CSLItem, custom: Dict[str, Any]) -> None:
    if meta is None:
        return
    titles = [t for t in meta.iter("journal-title") if N.text(t)]
    main = next((t for t in titles if not t.get("content-type")), titles[0] if titles else None)
    if main is not None:
        item["container-title"] = N.text(main)
    others = [N.text(t) for t in titles if t is not main]
    others += [N.text(t) for t in meta.iter("trans-title") if N.text(t)]
    if others:
        custom["container-title-other"] = others
    if main is None and not others:
        journal_id = N.first_text(meta, "journal-id")
        if journal_id:
            item["container-title"] = journal_id
    issns = [N.text(i) for i in meta.findall("issn") if N.text(i)]
    if issns:
        item["ISSN"] = ", ".join(issns)
    for path, csl in ((".//abbrev-journal-title", "container-title-short"),
                      ("publisher/publisher-name", "publisher"), ("publisher/publisher-loc", "publisher-place")):
        value = N.first_text(meta, path)
        if value:
            item[csl] = value


def _affiliations(article: etree._Element) -> Dict[str, etree._Element]:
    """id -> <aff>; an <aff-alternatives> (one affiliation in several languages) by its first <aff>."""
    affs = {aff_id: aff for aff in article.iter("aff") if (aff_id := aff.get("id"))}
    for group in article.iter("aff-alternatives"):
        first, group_id = group.find("aff"), group.get("id")
        if group_id and first is not None:
            affs[group_id] = first
    return affs


_TWIN_NAME = "name-alternatives/string-name[@specific-use='romanised']"


def _in_english(node: etree._Element) -> bool:
    """An element the writer adds for the page's English block about a Russian page's author
    (only looked for where the contributor has such a name)."""
    return N.lang(node) == "en"


def _english_twin(contrib: etree._Element, aff_nodes: List[etree._Element]) -> Dict[str, str]:
    """The author's English name, degrees, position and affiliation written beside the others
    (custom.authors[].romanised, as the page reader keeps it); an <aff-alternatives>' English
    wording is kept here for any author."""
    twin: Dict[str, str] = {}
    if contrib.find(_TWIN_NAME) is not None:
        twin["literal"] = N.text(contrib.find(_TWIN_NAME))
        for key, tag in (("degree", "degrees"), ("position", "role")):
            text = next((N.text(n) for n in contrib.findall(tag) if _in_english(n) and N.text(n)), None)
            if text:
                twin[key] = text
    groups = [aff.getparent() for aff in aff_nodes]
    english_affs = [alt for aff, group in zip(aff_nodes, groups) if group is not None and group.tag == "aff-alternatives"
                    for alt in group.findall("aff") if alt is not aff and _in_english(alt)]
    if english_affs:
        twin["affiliation"] = "; ".join(_aff_parts(a)[0] for a in english_affs)
    return {key: value for key, value in twin.items() if value}


def _aff_parts(aff: etree._Element) -> Tuple[str, str]:
    """(affiliation, address) of an <aff>: its text without label and address parts, and
    the address parts joined."""
    address_tags = ("addr-line", "city", "state", "postal-code", "country", "address")
    address = ", ".join(N.text(a) for a in aff if a.tag in address_tags and N.text(a))
    parts = [aff.text or ""] + [("" if c.tag in ("label", "sup") + address_tags else "".join(c.itertext()))
                                + (c.tail or "") for c in aff]
    affiliation = re.sub(r"(\s*,\s*)+", ", ", N.squash("".join(parts))).strip(" ,;")
    return affiliation, address


# contrib-group content-types that are the byline; any other (collaboration members, reviewers,
# "editors" lists in the back matter's sense) is not the work's authorship.
_BYLINE_GROUPS = {None, "", "author", "authors", "editor", "editors", "translator", "translators"}


def _byline(meta: etree._Element, diags: Diagnostics) -> List[etree._Element]:
    """The <contrib>s of the byline: the article-meta's own contrib-groups, not the members listed
    inside a <collab> nor groups of another content-type (those are reported, not read)."""
    byline: List[etree._Element] = []
    for group in meta.findall("contrib-group"):
        kind = (group.get("content-type") or "").lower() or None
        contribs = group.findall("contrib")
        if kind in _BYLINE_GROUPS:
            byline.extend(contribs)
        elif contribs:
            diags.warn(f"{len(contribs)} contributor(s) of <contrib-group content-type={kind!r}> are not the byline;"
                       " not read", line=N.line(group), field="contrib-group")
    members = sum(len(g.findall(".//contrib")) for g in meta.iter("collab") for g in g.findall("contrib-group"))
    if members:
        diags.warn(f"{members} member(s) listed inside a <collab> are not the byline (the group is); not read",
                   field="collab")
    return byline


def _contributors(meta: etree._Element, article: etree._Element, item: CSLItem, custom: Dict[str, Any],
                  diags: Diagnostics) -> None:
    affs = _affiliations(article)
    details: List[Dict[str, Any]] = []
    for contrib in _byline(meta, diags):
        var = M.name_variable(contrib.get("contrib-type"))
        name_node = next((c for c in contrib if c.tag in N.NAME_TAGS), None)
        person = N.person(name_node) if name_node is not None else None
        if person is None:
            diags.warn("a <contrib> without a name was skipped", line=N.line(contrib), field="contrib")
            continue
        item.setdefault(var, []).append(person)
        if var != "author":
            continue
        extra: Dict[str, Any] = {"literal": display_name(person)}
        if (contrib.get("corresp") or "").lower() == "yes":
            extra["corresponding"] = True
        twinned = contrib.find(_TWIN_NAME) is not None
        if name_node is not None and name_node.tag == "name-alternatives":
            variants = [display_name(p) for p in (N.person(n) for n in list(name_node)[1:] if n.get("specific-use") != "romanised") if p]
            if variants:
                extra["variants"] = variants
        for cid in contrib.findall("contrib-id"):
            key = M.CONTRIB_ID_TO_KEY.get((cid.get("contrib-id-type") or "").lower())
            value = N.text(cid)
            if key == "orcid":
                value = orcid_id(value)
            if key and value:
                extra[key] = value
        degrees = [N.text(d) for d in contrib.findall("degrees") if N.text(d) and not (twinned and _in_english(d))]
        if degrees:
            extra["degree"] = ", ".join(degrees)
        credit: List[str] = []
        for role in contrib.findall("role"):
            if twinned and _in_english(role) and role.get("content-type") == "position":
                continue  # the English twin's, below
            text = N.text(role)
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
        twin = _english_twin(contrib, aff_nodes)
        if twin:
            extra["romanised"] = [twin]
        email = N.first_text(contrib, "email", ".//email")
        if email:
            extra["email"] = email
        for comment in contrib.findall("author-comment"):
            if comment.get("content-type") == "contribution":
                extra["contribution"] = N.text(comment)
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
                {"title": N.first_text(s, "title"),
                 "text": "\n\n".join(N.text(p) for p in s if p.tag == "p" and N.text(p))} for s in sections]
            item["abstract"] = "\n\n".join(f"{s['title']}. {s['text']}" for s in custom["abstract-sections"])
        else:
            paras = [N.text(p) for p in abstract.iter("p") if N.text(p)]
            item["abstract"] = "\n\n".join(paras) if paras else N.text(abstract)
    translations = {}
    for trans in meta.findall("trans-abstract"):
        lang = N.lang(trans) or "und"
        paras = [N.text(p) for p in trans.iter("p") if N.text(p)]
        translations[lang] = "\n\n".join(paras) if paras else N.text(trans)
    if translations:
        custom["abstract-translations"] = translations


def _keywords(meta: etree._Element, item: CSLItem, custom: Dict[str, Any], lang: str | None) -> None:
    by_lang: Dict[str, List[str]] = {}
    for group in meta.findall("kwd-group"):
        group_lang = N.lang(group) or lang or ""
        by_lang.setdefault(group_lang, []).extend(N.text(k) for k in group.iter("kwd") if N.text(k))
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
        paras = [N.text(p) for p in fn.iter("p") if N.text(p)]
        text = " ".join(paras) if paras else N.text(fn)
        if not text:
            continue
        if kind in ("coi-statement", "conflict", "conflict-of-interest", "competing-interests"):
            custom["conflict-of-interest"] = text
        elif kind in ("data-availability", "data-availability-statement"):
            custom["data-availability"] = text
        elif fn.tag == "fn" or kind:
            custom.setdefault("notes", []).append(text)


def _funding_and_ack(meta: etree._Element, back: etree._Element | None, custom: Dict[str, Any]) -> None:
    statements = [N.text(s) for s in meta.iter("funding-statement") if N.text(s)]
    if statements:
        custom["funding"] = "\n".join(statements)
    for ack in back.iter("ack") if back is not None else []:
        text = "\n".join(N.text(p) for p in ack.iter("p") if N.text(p)) or N.text(ack)
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
        value = N.text(node)
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
        title = N.first_text(titles, "article-title", rich=True)
        subtitle = N.first_text(titles, "subtitle")
        if title:
            item["title"] = f"{title}: {subtitle}" if subtitle else title
        lang = N.lang(titles.find("article-title"))
        if lang and "language" not in item:
            item["language"] = lang
        translations = {}
        for group in titles.findall("trans-title-group"):
            trans = N.first_text(group, "trans-title")
            sub = N.first_text(group, "trans-subtitle")
            if trans:
                translations[N.lang(group) or N.lang(group.find("trans-title")) or "und"] = (
                    f"{trans}: {sub}" if sub else trans)
        if translations:
            custom["title-translations"] = translations
        short = next((N.text(a) for a in titles.findall("alt-title") if N.text(a)), "")
        if short:
            item["title-short"] = short
    _contributors(meta, article, item, custom, diags)
    _notes(meta.find("author-notes"), custom)
    pub_dates = meta.findall("pub-date")
    preferred = sorted(pub_dates, key=lambda d: 0 if (d.get("date-type") or d.get("pub-type")) in
                       ("pub", "epub", "ppub", "epub-ppub", None) else 1)
    for node in preferred:
        issued = N.date(node)
        if issued:
            item["issued"] = issued
            break
    for tag, csl in (("volume", "volume"), ("issue", "issue")):
        value = N.first_text(meta, tag)
        if value:
            item[csl] = value
    fpage, lpage = N.first_text(meta, "fpage"), N.first_text(meta, "lpage")
    if fpage:
        item["page"] = N.page(fpage, lpage)
    elif N.first_text(meta, "elocation-id"):
        item["number"] = N.first_text(meta, "elocation-id")
    history = meta.find("history")
    if history is not None:
        for node in history.findall("date"):
            date = N.date(node)
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
            url = lic.get(N.XL_HREF) or N.first_text(lic, ALI_LICENSE_REF)
            if url:
                license_["url"] = url
            text = "\n".join(N.text(p) for p in lic.findall("license-p") if N.text(p))
            if text:
                license_["text"] = text
        copyright_ = N.first_text(permissions, "copyright-statement")
        if copyright_:
            license_["copyright"] = copyright_
        if license_:
            custom["license"] = license_
    self_uri = meta.find("self-uri")
    if self_uri is not None and (self_uri.get(N.XL_HREF) or N.text(self_uri)):
        item["URL"] = self_uri.get(N.XL_HREF) or N.text(self_uri)
    _abstract(meta, item, custom)
    _keywords(meta, item, custom, item.get("language"))
    for entry in meta.iter("custom-meta"):
        name, value = N.first_text(entry, "meta-name"), N.first_text(entry, "meta-value")
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
        diags.warn(f"article-meta element(s) not carried over: {', '.join(unread)}", line=N.line(meta),
                   record=item.get("DOI"))


def _read_article(article: etree._Element, n: int, diags: Diagnostics) -> CSLItem:
    item: CSLItem = {"id": "", "type": "article-journal"}
    custom: Dict[str, Any] = {}
    lang = N.lang(article)
    if lang:
        item["language"] = lang
    front = article.find("front")
    meta_node = front.find("article-meta") if front is not None else None
    if front is None:
        diags.error("article has no <front>: no metadata to read", line=N.line(article), field="front")
    else:
        _journal(front.find("journal-meta"), item, custom)
        meta = front.find("article-meta")
        if meta is None:
            diags.error("<front> has no <article-meta>", line=N.line(front), field="article-meta")
        else:
            _article_meta(meta, article, item, custom, diags)
    back = article.find("back")
    if meta_node is not None:
        _funding_and_ack(meta_node, back, custom)
    if back is not None:
        refs = [r for r in (read_ref(ref, i, diags) for i, ref in enumerate(back.iter("ref"), 1)) if r]
        if refs:
            custom["references"] = refs
        _notes(back, custom)
    body = article.find("body")
    if body is not None:
        diags.warn("the article body is not read (metadata and references only)", line=N.line(body))
    subs = article.findall("sub-article") + article.findall("response")
    if subs:
        diags.warn(f"{len(subs)} sub-article(s)/response(s) not read", line=N.line(subs[0]))
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


def _cut_contributors(article: etree._Element, limit: int, diags: Diagnostics) -> None:
    """Contributors past max_names are taken out before reading (each costs a walk of its
    subtree: 100,000 took over 6 s), and reported."""
    contribs = article.findall("front/article-meta/contrib-group/contrib")
    if len(contribs) > limit:
        diags.warn(f"{len(contribs):,} contributors, more than max_names={limit:,}; the rest was cut",
                   line=N.line(contribs[limit]), field="author")
        for contrib in contribs[limit:]:
            parent = contrib.getparent()
            if parent is not None:
                parent.remove(contrib)


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    diags = Diagnostics(source)
    parsed = xmlsafe.parse(text, source=source)
    N.strip_namespaces(parsed.root)
    for message, line in parsed.problems:
        diags.error(message, line=line)
    articles = _articles(parsed.root)
    if not articles:
        raise ParseError(f"not a JATS article: the root element is <{str(parsed.root.tag)}>", source=source,
                         line=N.line(parsed.root), diagnostics=diags)
    for article in articles:
        _cut_contributors(article, (options or Options()).max_names, diags)
    records = [_read_article(a, n, diags) for n, a in enumerate(articles, 1)]
    lines = {str(r["id"]): line for r, a in zip(records, articles) if (line := N.line(a)) is not None}
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

