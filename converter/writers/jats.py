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
from ..vocabulary.dates import parse_iso, to_iso
from ..vocabulary.identifiers import orcid_url, split_serials
from . import jats_nodes as N
from .jats_refs import ref_list

# ---------------------------------------------------------------- the article

def _journal_meta(front: etree._Element, item: CSLItem, custom: Dict[str, Any], diags: Diagnostics,
                  label: str | None) -> None:
    meta = N.el(front, "journal-meta")
    journal = N.as_text(item.get("container-title"))
    others = [N.as_text(t) for t in custom.get("container-title-other") or [] if N.as_text(t)]
    # The DTD requires a journal-id; a journal known only by its title is identified by it,
    # as journals' own JATS exports do.
    N.el(meta, "journal-id", journal or N.as_text(item.get("container-title-short")), journal_id_type="publisher-id")
    if not journal:
        diags.warn("no journal title: the required <journal-id> is written empty", field="container-title",
                   record=label)
    if journal or others or item.get("container-title-short"):
        group = N.el(meta, "journal-title-group")
        if journal:
            N.el(group, "journal-title", journal)
        for other in others:
            N.el(group, "journal-title", other, content_type="other")
        if item.get("container-title-short"):
            N.el(group, "abbrev-journal-title", N.as_text(item["container-title-short"]), abbrev_type="publisher")
    issns = split_serials(N.as_text(item.get("ISSN")))
    for issn in issns:
        N.el(meta, "issn", issn)
    if not issns:
        N.el(meta, "issn", "")
        diags.warn("ISSN unknown: the Journal Publishing DTD requires <issn>, written empty",
                   field="ISSN", record=label)
    if item.get("publisher") or item.get("publisher-place"):
        pub = N.el(meta, "publisher")
        N.el(pub, "publisher-name", N.as_text(item.get("publisher")))
        if item.get("publisher-place"):
            N.el(pub, "publisher-loc", N.as_text(item["publisher-place"]))


def _contrib_group(meta: etree._Element, item: CSLItem, custom: Dict[str, Any], ids: N.Ids,
                   diags: Diagnostics, label: str | None) -> None:
    details = [d if isinstance(d, dict) else {} for d in custom.get("authors") or []]
    roles = [csl for csl in M.NAME_VARIABLES if item.get(csl)]
    if not roles:
        return
    group = N.el(meta, "contrib-group")
    affs: Dict[Tuple[str, str], str] = {}
    in_english: Dict[Tuple[str, str], List[str]] = {}  # each affiliation's English wording, if the page has it
    for csl in roles:
        for n, person in enumerate(item.get(csl) or []):
            if not isinstance(person, dict):
                continue
            extra = details[n] if csl == "author" and n < len(details) else {}
            contrib = N.el(group, "contrib", contrib_type=csl, corresp="yes" if extra.get("corresponding") else None)
            for key, id_type in M.CONTRIB_IDS:
                value = N.as_text(extra.get(key))
                if not value:
                    continue
                if key == "orcid":
                    value = orcid_url(value)
                N.el(contrib, "contrib-id", value, contrib_id_type=id_type)
            variants = [N.as_text(v) for v in extra.get("variants") or [] if N.as_text(v)]
            # the page's English block about the same author (a Russian page's romanised twin)
            english = [r for r in extra.get("romanised") or [] if isinstance(r, dict)]
            if variants or any(N.as_text(r.get("literal")) for r in english):
                alternatives = N.el(contrib, "name-alternatives")
                N.name_element(alternatives, person)
                for variant in variants:
                    N.el(alternatives, "string-name", variant, specific_use="variant")
                for twin in english:
                    N.el(alternatives, "string-name", N.as_text(twin.get("literal")) or None, specific_use="romanised",
                         xml_lang="en")
            elif N.name_element(contrib, person) is None:
                group.remove(contrib)
                diags.warn(f"{csl} {n + 1} has no name; left out", field=csl, record=label)
                continue
            written = [(extra, None)] + [(twin, "en") for twin in english]
            for key, tag, kind in (("degree", "degrees", None), ("position", "role", "position")):
                for details_, lang in written:
                    if details_.get(key):
                        N.el(contrib, tag, N.as_text(details_[key]), content_type=kind, xml_lang=lang)
            for printed in extra.get("credit") or []:
                credit = M.credit_role(N.as_text(printed))
                if credit is None:
                    diags.warn(f"contributor role {printed!r} is not a CRediT term; written without vocabulary",
                               field="custom.authors.credit", record=label)
                    N.el(contrib, "role", N.as_text(printed))
                    continue
                term, uri = credit
                N.el(contrib, "role", term, vocab=M.CREDIT_VOCAB, vocab_identifier=M.CREDIT_VOCAB_IDENTIFIER,
                    vocab_term=term, vocab_term_identifier=uri)
            if extra.get("affiliation") or extra.get("address"):
                aff_key = (N.as_text(extra.get("affiliation")), N.as_text(extra.get("address")))
                if aff_key not in affs:
                    affs[aff_key] = ids.make("", f"aff-{len(affs) + 1}")
                    in_english[aff_key] = [N.as_text(t.get("affiliation")) for t in english if N.as_text(t.get("affiliation"))]
                N.el(contrib, "xref", None, ref_type="aff", rid=affs[aff_key])
            if extra.get("email"):
                N.el(contrib, "email", N.as_text(extra["email"]))
            if extra.get("contribution"):
                comment = N.el(contrib, "author-comment", content_type="contribution")
                N.el(comment, "p", N.as_text(extra["contribution"]))
    for (institution, address), aff_id in affs.items():
        english_affs = in_english.get((institution, address)) or []
        if english_affs:
            alternatives = N.el(group, "aff-alternatives", id=aff_id)
            aff = N.el(alternatives, "aff")
            for wording in english_affs:
                N.el(N.el(alternatives, "aff", xml_lang="en"), "institution", wording)
        else:
            aff = N.el(group, "aff", id=aff_id)
        if institution:
            N.el(aff, "institution", institution)
        if institution and address:
            aff[-1].tail = ", "
        if address:
            N.el(aff, "addr-line", address)


def _paragraphs(parent: etree._Element, text: str) -> None:
    for para in [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()] or [text]:
        N.el(parent, "p", re.sub(r"[ \t\r\n]+", " ", para))


def _article_changes(item: CSLItem) -> List[Tuple[str, str]]:
    """(CSL variable, why) for what a JATS article keeps but cannot say exactly, so that it reads
    back otherwise: its type, particles, date ranges."""
    changes: List[Tuple[str, str]] = []
    csl_type = N.as_text(item.get("type"))
    if csl_type != "article-journal":
        changes.append(("type", f"type {csl_type or '(none)'!r}: a JATS article is read back as 'article-journal'"))
    for var in ("author", "editor", "translator"):
        people = item.get(var)
        if isinstance(people, list) and any(isinstance(p, dict) and (p.get("non-dropping-particle")
                                            or p.get("dropping-particle")) for p in people):
            changes.append((var, f"{var}: JATS <name> has no place for a particle; it is written as part of the surname"))
    if item.get("page"):
        fpage, _, prange = N.split_page(N.as_text(item.get("page")))
        if not fpage and prange:
            changes.append(("page", f"page {prange!r} is not a page range; written as <elocation-id>, "
                                    "which reads back as number"))
        if item.get("number") and (fpage or prange):
            changes.append(("number", "number has no place beside the pages (<elocation-id> holds one); left out"))
    issued = item.get("issued")
    if isinstance(issued, dict) and len(issued.get("date-parts") or []) > 1:
        changes.append(("issued", "issued is a date range; the article's pub-date keeps only its start"))
    return changes


def _article(article: etree._Element, item: CSLItem, diags: Diagnostics, unmapped: Counter) -> None:
    custom = N.dict_at(item, "custom")
    label = N.as_text(item.get("id")) or None
    lost = M.ARTICLE_CARRIED.lost_variables(item)
    if lost:
        diags.warn(f"CSL variables with no place in JATS article metadata, left out: {', '.join(lost)}",
                   record=label)
    for field, why in _article_changes(item):
        diags.warn(why, field=field, record=label)
    ids = N.Ids()
    front = N.el(article, "front")
    _journal_meta(front, item, custom, diags, label)
    meta = N.el(front, "article-meta")
    for csl, id_type in M.PUB_IDS:
        if item.get(csl):
            N.el(meta, "article-id", N.as_text(item[csl]), pub_id_type=id_type)
    other_ids = {"edn": custom.get("edn"), **N.dict_at(custom, "ids")}
    for id_type, value in other_ids.items():
        if not N.as_text(value):
            continue
        # JATS 1.3 closes the list of pub-id-type values; "custom" plus custom-type is its escape.
        if id_type in M.ARTICLE_ID_TYPES:
            N.el(meta, "article-id", N.as_text(value), pub_id_type=id_type)
        else:
            N.el(meta, "article-id", N.as_text(value), pub_id_type="custom", custom_type=id_type)
    titles = N.el(meta, "title-group")
    N.rich_el(titles, "article-title", N.as_text(item.get("title")))
    if not item.get("title"):
        diags.warn("record has no title; <article-title> is empty", field="title", record=label)
    for lang, trans in (custom.get("title-translations") or {}).items():
        group = N.el(titles, "trans-title-group", xml_lang=N.xml_lang(lang))
        N.rich_el(group, "trans-title", N.as_text(trans))
    if item.get("title-short"):
        N.el(titles, "alt-title", N.as_text(item["title-short"]), alt_title_type="short")
    _contrib_group(meta, item, custom, ids, diags, label)
    notes: List[Tuple[str, str]] = []
    if custom.get("conflict-of-interest"):
        notes.append(("coi-statement", N.as_text(custom["conflict-of-interest"])))
    notes += [("other", N.as_text(n)) for n in custom.get("notes") or [] if N.as_text(n)]
    if notes:
        author_notes = N.el(meta, "author-notes")
        for fn_type, text in notes:
            fn = N.el(author_notes, "fn", fn_type=fn_type)
            N.el(fn, "p", text)
    year, month, day, _ = N.date_parts(item.get("issued"))
    if year is not None:
        pub_date = N.el(meta, "pub-date", publication_format="electronic", date_type="pub",
                       iso_8601_date=to_iso((year, month, day)))
        N.date_children(pub_date, year, month, day)
    else:
        N.el(meta, "pub-date-not-available")
    if item.get("volume"):
        N.el(meta, "volume", N.as_text(item["volume"]))
    if item.get("issue"):
        N.el(meta, "issue", N.as_text(item["issue"]))
    fpage, lpage, prange = N.split_page(N.as_text(item.get("page"))) if item.get("page") else (None, None, None)
    if fpage:
        N.el(meta, "fpage", fpage)
        if lpage:
            N.el(meta, "lpage", lpage)
    elif prange or item.get("number"):
        N.el(meta, "elocation-id", prange or N.as_text(item.get("number")))
    history: List[Tuple[str, str]] = []
    sy, sm, sd, _ = N.date_parts(item.get("submitted"))
    if sy is not None:
        history.append(("received", to_iso((sy, sm, sd)) or ""))
    dates = N.dict_at(custom, "dates")
    jats_date_type = dict(M.HISTORY_DATES)
    for key, value in dates.items():
        history.append((jats_date_type.get(key, key), N.as_text(value)))
    history = list(dict(reversed(history)).items())[::-1]  # one date per type, the record's own first
    if history:
        hist = N.el(meta, "history")
        for date_type, iso in history:
            parts = parse_iso(iso)
            if not parts:
                diags.warn(f"history date {date_type!r} is not ISO 8601 ({iso!r}); left out",
                           field="custom.dates", record=label)
                continue
            node = N.el(hist, "date", date_type=date_type, iso_8601_date=to_iso(parts))
            year, month, day = (parts + [0, 0])[:3]
            N.date_children(node, year, month or None, day or None)
        if not len(hist):
            meta.remove(hist)
    license_ = N.dict_at(custom, "license")
    if license_ or item.get("license"):
        permissions = N.el(meta, "permissions")
        url = N.as_text(license_.get("url")) or (N.as_text(item.get("license")) if "://" in N.as_text(item.get("license")) else "")
        lic = N.el(permissions, "license", license_type="open-access" if "creativecommons.org" in url else None,
                  xlink_href=url or None)
        if url:
            ref = etree.SubElement(lic, "{%s}license_ref" % M.ALI, nsmap={"ali": M.ALI})
            ref.text = url
        text = N.as_text(license_.get("text")) or N.as_text(item.get("license")) or url
        for line in [t.strip() for t in text.splitlines() if t.strip()] or [text]:
            N.el(lic, "license-p", line)  # one per printed line: the reader joins them with newlines
    if item.get("URL"):
        N.el(meta, "self-uri", N.as_text(item["URL"]), xlink_href=N.as_text(item["URL"]))
    sections = [s for s in custom.get("abstract-sections") or [] if isinstance(s, dict)]
    if sections:
        abstract = N.el(meta, "abstract")
        for sec in sections:
            node = N.el(abstract, "sec")
            N.el(node, "title", N.as_text(sec.get("title")))
            _paragraphs(node, N.as_text(sec.get("text")))
    elif item.get("abstract"):
        _paragraphs(N.el(meta, "abstract"), N.as_text(item["abstract"]))
    for lang, text in (custom.get("abstract-translations") or {}).items():
        _paragraphs(N.el(meta, "trans-abstract", xml_lang=N.xml_lang(lang)), N.as_text(text))
    keywords = [k.strip() for k in re.split(r"[,;]", N.as_text(item.get("keyword"))) if k.strip()]
    if keywords:
        group = N.el(meta, "kwd-group", kwd_group_type="author", xml_lang=N.xml_lang(item.get("language")))
        for kwd in keywords:
            N.el(group, "kwd", kwd)
    for lang, words in (custom.get("keyword-translations") or {}).items():
        group = N.el(meta, "kwd-group", kwd_group_type="author", xml_lang=N.xml_lang(lang))
        for kwd in [k.strip() for k in re.split(r"[,;]", N.as_text(words)) if k.strip()]:
            N.el(group, "kwd", kwd)
        if not len(group):
            meta.remove(group)
    if custom.get("funding"):
        funding = N.el(meta, "funding-group")
        for line in N.as_text(custom["funding"]).splitlines():
            N.el(funding, "funding-statement", line)
    extras: List[Tuple[str, str, bool]] = []  # (name, value, part of a list)
    skipped: List[str] = []
    for key, value in custom.items():
        if key in M.CUSTOM_KEYS_WITH_ELEMENTS or value in (None, "", []):
            continue
        if isinstance(value, bool):
            extras.append((key, "true" if value else "false", False))
        elif isinstance(value, (str, int, float)):
            extras.append((key, N.as_text(value), False))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            # a list is one custom-meta per value, marked so the reader regroups them
            extras += [(key, v, True) for v in value]
        else:
            skipped.append(key)
    if skipped:
        diags.warn(f"custom field(s) with no JATS place left out: {', '.join(skipped)}", record=label)
    if extras:
        group = N.el(meta, "custom-meta-group")
        for key, value, in_list in extras:
            entry = N.el(group, "custom-meta", specific_use="list" if in_list else None)
            N.el(entry, "meta-name", key)
            N.el(entry, "meta-value", N.as_text(value))
    refs = [r for r in custom.get("references") or [] if isinstance(r, dict)]
    if refs or custom.get("data-availability") or custom.get("acknowledgements"):
        back = N.el(article, "back")
        if custom.get("acknowledgements"):
            _paragraphs(N.el(back, "ack"), N.as_text(custom["acknowledgements"]))
        if refs:
            ref_list(back, refs, ids, unmapped)
        if custom.get("data-availability"):
            notes_el = N.el(back, "notes", notes_type="data-availability")
            N.el(notes_el, "title", "Availability of data and materials")
            N.el(notes_el, "p", N.as_text(custom["data-availability"]))


def _shell(article: etree._Element, items: Sequence[CSLItem], unmapped: Counter) -> None:
    """A reference-list document: the DTD's required front matter, empty, and the items as refs."""
    front = N.el(article, "front")
    journal_meta = N.el(front, "journal-meta")
    N.el(journal_meta, "journal-id", "")
    N.el(journal_meta, "issn", "")
    meta = N.el(front, "article-meta")
    N.el(N.el(meta, "title-group"), "article-title", "")
    N.el(meta, "pub-date-not-available")
    back = N.el(article, "back")
    ref_list(back, items, N.Ids(), unmapped)


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
        custom = N.dict_at(item, "custom")
        owned.extend(r for r in custom.get("references") or [] if isinstance(r, dict))
    return articles


def write_article(item: CSLItem, *, diagnostics: Diagnostics | None = None) -> str:
    """One record as a complete JATS document (its references in <back>)."""
    diags = diagnostics if diagnostics is not None else Diagnostics()
    unmapped: Counter = Counter()
    csl_type = N.as_text(item.get("type"))
    if csl_type not in M.ARTICLE_TYPES:
        # A JATS article is a journal article; a report, book, chapter or web page written as
        # one comes back as an article, as a reference in a <ref-list> it would not.
        diags.warn(f"CSL type {csl_type!r} has no JATS article-type; written as article-type "
                   "'other' (it reads back as a journal article)", field="type",
                   record=N.as_text(item.get("id")) or None)
    article = _new_article(M.ARTICLE_TYPES.get(csl_type, "other"), N.xml_lang(item.get("language")))
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
