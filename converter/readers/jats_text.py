"""JATS fragments (as Crossref deposits abstracts: ``<jats:p>...</jats:p>``) -> plain text,
one paragraph per line; a section title starts its paragraph ("Introduction. The ...")."""
from __future__ import annotations

import re
from typing import List, Tuple

from lxml import etree

from ..xmlsafe import local_name

_NAMESPACES = ('xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1" '
               'xmlns:mml="http://www.w3.org/1998/Math/MathML" xmlns:xlink="http://www.w3.org/1999/xlink"')


def jats_to_text(fragment: str) -> str:
    """Plain text of a JATS fragment; broken markup falls back to stripping the tags."""
    wrapped = f"<root {_NAMESPACES}>{fragment}</root>"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(wrapped.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())
    parts: List[Tuple[str, str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = local_name(el)
        if tag in ("p", "title"):
            parts.append((tag, " ".join("".join(el.itertext()).split())))
    if not parts:
        return " ".join("".join(root.itertext()).split())
    lines: List[str] = []
    pending_title = ""
    for tag, text in parts:
        if tag == "title":
            if text.lower() in ("abstract", "аннотация"):
                continue
            pending_title = text.rstrip(".:") + ". "
        elif text:
            lines.append(pending_title + text)
            pending_title = ""
    return "\n".join(lines)
