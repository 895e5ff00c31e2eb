"""Parsing untrusted XML without network access, external entities or entity expansion.

Any document that declares an entity in its DOCTYPE is refused before the parser sees it:
a JATS file never needs one (the JATS DTD's own entities are character references), and
entity declarations are how XXE (reading local files or URLs) and "billion laughs" expansion
bombs work. The parser itself is also configured not to resolve entities, not to load any
DTD, not to touch the network and to keep libxml2's size limits, so a declaration hidden
from the pre-scan still does no harm.
"""
from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass
from typing import List, Tuple, cast

from lxml import etree

from .errors import ParseError
from .model import line_of

# The internal subset of a DOCTYPE: "<!DOCTYPE name ... [ ... ]>".
_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.IGNORECASE)
_ENTITY_DECL = re.compile(r"<!ENTITY\b", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass
class Parsed:
    """A parsed document and what had to be given up to get it."""

    root: etree._Element
    problems: List[Tuple[str, int | None]]  # (message, line): non-fatal, the text was recovered


def _internal_subset(text: str) -> Tuple[str, int]:
    """The DOCTYPE's internal subset ("[...]") and its offset; ("", 0) when there is none.
    Only a DOCTYPE before the first element counts (one quoted in the body is just text)."""
    first_element = re.search(r"<[A-Za-z_]", text)
    doctype = _DOCTYPE.search(text, 0, first_element.start() if first_element else len(text))
    if doctype is None:
        return "", 0
    i, quote = doctype.end(), ""
    while i < len(text):
        char = text[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ">":
            return "", 0
        elif char == "[":
            break
        i += 1
    start, j, quote = i + 1, i + 1, ""
    while j < len(text):
        char = text[j]
        if quote:
            quote = "" if char == quote else quote
        elif text.startswith("<!--", j):
            end = text.find("-->", j + 4)
            j = len(text) if end < 0 else end + 3
            continue
        elif char in "\"'":
            quote = char
        elif char == "]":
            break
        j += 1
    return text[start:j], start


def _refuse_entity_declarations(text: str, source: str) -> None:
    subset, offset = _internal_subset(text)
    decl = _ENTITY_DECL.search(subset)
    if decl is not None:
        raise ParseError(
            "the XML declares an entity in its DOCTYPE; entity declarations are refused "
            "(they can read local files or the network, or expand without bound)",
            source=source, line=line_of(text, offset + decl.start()))


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,  # never substitute entities, internal or external
        load_dtd=False,          # never fetch the DOCTYPE's DTD
        no_network=True,
        dtd_validation=False,
        huge_tree=False,         # keep libxml2's limits on depth and text size
        remove_blank_text=False,
        recover=recover,
    )


def _replace_named_entities(root: etree._Element) -> None:
    """Undeclared named references (``&nbsp;``, ``&mdash;``) stay as entity nodes when no DTD
    is loaded; put the character they stand for in their place."""
    for ent in list(root.iter(etree.Entity, etree.Comment, etree.ProcessingInstruction)):
        # Comments and processing instructions go too (their tail kept): readers walking an
        # element's children expect elements and text only.
        if ent.tag is etree.Entity:
            name = cast("etree._Entity", ent).name  # iter(Entity) yields only entities; the stubs say _Element
            char = html.entities.html5.get(name + ";", "")
        else:
            char = ""
        parent = ent.getparent()
        if parent is None:
            continue
        text = char + (ent.tail or "")
        prev = ent.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(ent)


def parse(text: str, *, source: str = "<input>") -> Parsed:
    """Parse XML text safely. A document that is not well-formed (e.g. truncated) is
    recovered as far as it goes, with the reason in ``problems``; one with nothing
    recoverable raises ParseError with the line libxml2 reported."""
    _refuse_entity_declarations(text, source)
    # lxml refuses str input that carries an encoding declaration; the text is already decoded.
    body = _XML_DECL.sub("", text, count=1).encode("utf-8")
    problems: List[Tuple[str, int | None]] = []
    etree.clear_error_log()  # the thread's log would otherwise lend an earlier document's errors
    try:
        root = etree.fromstring(body, _parser(recover=False))
    except etree.XMLSyntaxError as exc:
        # only the parser's own messages: the log can also hold earlier DTD-validation ones
        parser_errors = [e for e in exc.error_log if e.domain == etree.ErrorDomains.PARSER]
        first = parser_errors[0] if parser_errors else None
        line = first.line if first is not None else None
        message = first.message if first is not None else str(exc)
        if "entity" in message.lower() and ("loop" in message.lower() or "amplification" in message.lower()):
            raise ParseError(f"entity expansion refused: {message}", source=source, line=line) from None
        try:
            recovered = etree.fromstring(body, _parser(recover=True))
        except etree.XMLSyntaxError:
            recovered = None
        if recovered is None:
            raise ParseError(f"not well-formed XML: {message}", source=source, line=line) from None
        root = recovered
        ends_early = not text.rstrip().endswith(">") or "end" in message.lower() or "premature" in message.lower()
        why = "the XML is truncated (it ends before its elements are closed)" if ends_early else "the XML is not well-formed"
        problems.append((f"{why}: {message.strip()}; what could be read was kept", line))
    # A declaration the pre-scan could not see (e.g. behind a comment with markup in it):
    # the parser did not expand it, and the document is refused all the same.
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ParseError("the XML declares an entity in its DOCTYPE; entity declarations are refused",
                         source=source)
    _replace_named_entities(root)
    return Parsed(root, problems)


def local_name(element: etree._Element) -> str:
    """An element's name without its namespace. A recovered document can hold a name with a
    prefix that was never declared ('mml:math'), on which lxml's QName raises."""
    return str(element.tag).rpartition("}")[2].rpartition(":")[2]


__all__ = ["Parsed", "local_name", "parse"]
