"""HTML in: the bibliographic <meta> tags of an article's web page (Highwire Press
``citation_*``, Dublin Core, PRISM, Open Graph), falling back to <title>. The page's
``citation_reference`` tags become its reference list."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from lxml import etree, html

from ..errors import ParseError
from ..mappings import htmlmeta as table
from ..model import CSLItem, Diagnostic, Diagnostics, Result, line_of
from ..options import Options
from ..vocabulary.casing import looks_title_case
from ..vocabulary.dates import parse_numeric
from ..vocabulary.identifiers import clean_doi, orcid_id
from ..vocabulary.licences import licence_url
from ..vocabulary.name_lists import split_person
from . import page as page_reader


def _metas(root: Any, limit: int, diags: Diagnostics) -> List[Tuple[str, str, int]]:
    """(lower-cased name, content, line) of every meta tag with a name or property; a content
    longer than ``limit`` (max_field_length) is cut there, with a warning naming the tag."""
    out = []
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if name and content is not None and content.strip():
            content = " ".join(content.split())
            if len(content) > limit:
                diags.warn(f"meta tag {name!r}: content of {len(content):,} characters, more than "
                           f"max_field_length={limit:,}; cut there", line=el.sourceline or None)
                content = content[:limit]
            out.append((name, content, el.sourceline or 0))
    return out


def _first(values: Dict[str, List[str]], names: Tuple[str, ...]) -> str | None:
    for name in names:
        if values.get(name):
            return values[name][0]
    return None


def _authors(metas: List[Tuple[str, str, int]]) -> Tuple[List[Dict[str, str]], List[Dict[str, Any]]]:
    """Authors from the most trusted family of author tags, with the details that follow each."""
    for tag in table.AUTHORS:
        if any(name == tag for name, _, _ in metas):
            break
    else:
        return [], []
    names: List[Dict[str, str]] = []
    extra: List[Dict[str, Any]] = []
    for name, content, _ in metas:
        if name == tag:
            names.append(split_person(content) or {"literal": content})
            extra.append({"literal": content})
        elif name in table.AUTHOR_DETAILS and extra and tag == "citation_author":
            key = table.AUTHOR_DETAILS[name]
            if key == "orcid":
                content = orcid_id(content)
            extra[-1][key] = f"{extra[-1][key]}; {content}" if key in extra[-1] else content
    return names, extra


def _reference(text: str, n: int) -> Tuple[CSLItem, List[Diagnostic]]:
    """A citation_reference: Highwire's 'citation_title=...; citation_author=...' or free text
    (parsed as a reference string, with the parser's warnings)."""
    if "citation_" not in text:
        from ..references import parse_reference  # loaded only when a page has reference strings
        return parse_reference(text, number=str(n))
    fields: Dict[str, List[str]] = {}
    for part in re.split(r";\s*(?=citation_\w+=)", text):
        key, _, value = part.partition("=")
        fields.setdefault(key.strip().lower(), []).append(value.strip())
    item: CSLItem = {"type": "article-journal" if "citation_journal_title" in fields else "document",
                     "citation-number": str(n)}
    for csl, tags in table.TEXT.items():
        value = _first(fields, tags)
        if value and csl not in ("abstract", "language"):
            item[csl] = value
    if fields.get("citation_author"):
        item["author"] = [split_person(a) or {"literal": a} for a in fields["citation_author"]]
    date = _first(fields, table.DATES) or _first(fields, ("citation_year",))
    if date and parse_numeric(date):
        item["issued"] = {"date-parts": [parse_numeric(date)]}
    first, last = _first(fields, table.FIRST_PAGE), _first(fields, table.LAST_PAGE)
    if first:
        item["page"] = f"{first}-{last}" if last and last != first else first
    doi = _first(fields, table.DOI)
    if doi and clean_doi(doi):
        item["DOI"] = clean_doi(doi)
    item["source"] = text
    return item, []


BIBLIOGRAPHIC_TITLES = ("citation_title", "dc.title", "dcterms.title", "eprints.title", "prism.title")
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header",
               "footer", "blockquote", "dd", "dt", "table", "ul", "ol", "pre", "hr", "title"}


def visible_text(root: Any) -> str:
    """The page's text as a reader sees it: one line per block element, scripts and styles left
    out, blank lines between blocks (as a page saved as text has them)."""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    lines: List[str] = []
    buf: List[str] = []

    def flush() -> None:
        text = " ".join("".join(buf).split())
        if text:
            lines.append(text)
        buf.clear()

    def block(el: Any) -> bool:
        return isinstance(el.tag, str) and el.tag in _BLOCK_TAGS

    def enter(el: Any) -> None:
        if block(el):
            flush()
        if el.text and el.tag != "head":
            buf.append(el.text)

    body = root.find("body")
    top = body if body is not None else root
    enter(top)
    # a stack, not recursion: with huge_tree an HTML tree may be 2,000 elements deep
    stack = [(top, iter(top))]
    while stack:
        el, children = stack[-1]
        child = next(children, None)
        if child is not None:
            enter(child)
            stack.append((child, iter(child)))
            continue
        stack.pop()
        if block(el):
            flush()
        if el is not top and el.tail:
            buf.append(el.tail)
    flush()
    return "\n\n".join(lines) + "\n"


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    diags = Diagnostics(source)
    body = text.rstrip()
    if body.rfind("<") > body.rfind(">"):
        # libxml2 drops an unfinished tag without a word: say the file is cut short
        cut = body.rfind("<")
        diags.error(f"the HTML ends inside a tag ({body[cut:cut + 40]!r}...; truncated?); that tag is lost",
                    line=line_of(text, cut))
    try:
        # huge_tree: libxml2 otherwise empties an attribute or text of over 10,000,000 characters
        # and drops what follows it; the input is already within max_input_bytes
        parser = html.HTMLParser(huge_tree=True)
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"cannot parse HTML: {exc}", source=source) from None
    for err in parser.error_log:
        if err.type_name == "ERR_RESOURCE_LIMIT":  # e.g. nesting over 2,048: libxml2 stops there
            diags.error(f"the HTML parser stopped here ({err.message.strip()}); what follows is lost",
                        line=err.line or None)
    metas = _metas(root, (options or Options()).max_field_length, diags)
    values: Dict[str, List[str]] = {}
    for name, content, _ in metas:
        values.setdefault(name, []).append(content)
    if not any(tag in values for tag in BIBLIOGRAPHIC_TITLES):
        # A saved article page without bibliographic meta tags: read its visible text as a page.
        page = visible_text(root)
        if page_reader.sniff(page) >= 30:
            result = page_reader.read(page, source=source, options=options)
            result.diagnostics.insert(0, Diagnostic(
                "no citation_* or DC.* meta tags; read the page's visible text instead", source=source))
            result.diagnostics[:0] = list(diags)
            return result
    item: CSLItem = {"id": "", "type": "webpage"}
    for name, csl_type in table.TYPE_HINTS:
        if name in values:
            item["type"] = csl_type
            break
    for csl, tags in table.TEXT.items():
        value = _first(values, tags)
        if value:
            item[csl] = value
    if "title" not in item:
        title = root.find(".//title")
        if title is not None and title.text and title.text.strip():
            item["title"] = " ".join(title.text.split())
            diags.warn("no citation_title or DC.title meta tag; used the page's <title>", field="title",
                       line=title.sourceline or None)
    if "title" not in item:
        raise ParseError("no bibliographic title in this HTML (no citation_title, DC.title, og:title or <title>)",
                         source=source, diagnostics=diags)
    names, extra = _authors(metas)
    if names:
        item["author"] = names
    date = _first(values, table.DATES)
    if date:
        parts = parse_numeric(date)
        if parts:
            item["issued"] = {"date-parts": [parts]}
        else:
            line = next((ln for name, content, ln in metas if name in table.DATES and content == date), 0)
            diags.warn(f"date {date!r} not understood", field="issued", line=line or None)
    first, last = _first(values, table.FIRST_PAGE), _first(values, table.LAST_PAGE)
    if first:
        item["page"] = f"{first}-{last}" if last and last != first else first
    for name in table.DOI:
        for value in values.get(name, []):
            doi = clean_doi(value)
            if doi:
                item["DOI"] = doi
                break
        if "DOI" in item:
            break
    issns = [v for name in table.ISSN for v in values.get(name, [])]
    if issns:
        item["ISSN"] = ", ".join(dict.fromkeys(issns))
    keywords = [k.strip() for name in table.KEYWORDS[:1] for v in values.get(name, []) for k in re.split(r"[;,]", v)]
    keywords = keywords or [v for name in table.KEYWORDS[1:] for v in values.get(name, [])]
    if keywords:
        item["keyword"] = ", ".join(k for k in dict.fromkeys(keywords) if k)
    custom: Dict[str, Any] = {}
    if any(len(e) > 1 for e in extra):
        custom["authors"] = extra
    pdf = _first(values, table.PDF)
    if pdf:
        custom["pdf-url"] = pdf
    rights = _first(values, table.LICENCE)
    if rights:
        custom["license"] = {"text": rights}
        if licence_url(rights):
            custom["license"]["url"] = licence_url(rights)
    parsed = [(_reference(content, n), line) for n, (content, line) in
              enumerate(((c, line) for name, c, line in metas if name == "citation_reference"), 1)]
    refs = [ref for (ref, _), _ in parsed]
    if refs:
        custom["references"] = refs
    if looks_title_case(item["title"]):
        custom["title-case"] = True
    if custom:
        item["custom"] = custom
    item["id"] = item.get("DOI") or re.sub(r"\W+", "-", item["title"].lower()).strip("-")[:40]
    for n, ((ref, warnings), line) in enumerate(parsed, 1):
        ref["id"] = f"{item['id']}-ref-{n}"
        for d in warnings:  # the reference parser's warnings, at the meta tag's line
            (diags.warn if d.severity == "warning" else diags.error)(
                f"reference {n}: {d.message}", line=line or None, field=d.field, record=ref["id"])
    return Result([item], list(diags))
