"""A page whose article title no rule found: what is citable enough to give a record anyway.

The record keeps what the page gives, with a warning naming what it lacks. A page gives a
record without its title when it has any of:

- an identifier of the article (DOI, PMID, PMCID): the work can be looked up;
- a journal with a year, volume, issue or pages: it places an article;
- authors with a year or a journal ('Ivanova, 2021'): a reader can cite that much;
- an abstract or keywords: the page describes one article, whose record the user completes.

A title is never guessed here: a wrong title in a citation misleads, an empty one shows the gap.
A page with none of these (a date, a volume or a name alone, or nothing at all) is not an article
page as far as the reader can tell: ParseError, exit code 4."""
from __future__ import annotations

from typing import List

from ...errors import ParseError
from ...model import CSLItem, Diagnostics

# the fields a citation is built from, in the order the warning names them
CITATION_FIELDS = ("title", "author", "container-title", "issued", "volume", "issue", "page", "DOI")
PLACES = ("issued", "volume", "issue", "page")


def citable(item: CSLItem) -> List[str]:
    """Why a record without its title is still worth giving ([] when it is not)."""
    why = [key for key in ("DOI", "PMID", "PMCID") if item.get(key)]
    if item.get("container-title") and any(item.get(k) for k in PLACES):
        why.append("a journal issue")
    if item.get("author") and (item.get("issued") or item.get("container-title")):
        why.append("authors with a year or journal")
    why += [key for key in ("abstract", "keyword") if item.get(key)]
    return why


def check_untitled(item: CSLItem, diags: Diagnostics, source: str) -> None:
    """Raise ParseError when a page without a title gives nothing citable; else warn of what is missing."""
    if not citable(item):
        found = [key for key in CITATION_FIELDS if item.get(key)]
        detail = f" (only {', '.join(found)})" if found else ""
        raise ParseError(f"no recognisable article title, DOI, journal issue, authors with a year, abstract or keywords on "
                         f"this page{detail} (is it an article page?)", source=source, diagnostics=list(diags))
    has = [key for key in CITATION_FIELDS + ("abstract", "keyword") if item.get(key)]
    missing = [key for key in CITATION_FIELDS if not item.get(key)]
    diags.warn(f"no article title found on this page; the record has what the page gives ({', '.join(has)}) "
               f"and lacks {', '.join(missing)}", field="title")
