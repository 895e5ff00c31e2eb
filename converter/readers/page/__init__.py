"""The article-page reader: an article web page saved as plain text -> one CSL-JSON record
holding everything on it.

Inside, in reading order:
  labels.py       segmentation: the page's labelled blocks (Abstract, Keywords, For citation, ...)
  identifiers.py  DOI, EDN, UDC, ISSN, PMID/PMCID wherever they are printed
  history.py      submitted / revised / accepted / published dates with their roles
  issue.py        journal, year, volume, issue, pages in the printed patterns of both languages
  people.py       "About the authors" paragraphs, contribution statements, merging the people
  bylines.py      names as bylines print them (markers, capitals, degrees, patronymics)
  title.py        the title chosen among the head's lines by evidence
  citation.py     the page's own citation line, read by the reference parser and cut at the title
  head.py         the head before the abstract: byline, author lines, title candidates
  evidence.py     what several parts of the page say of one field, merged by source
  sniff.py        whether a text looks like a page (light: no reader loaded)
  reader.py       the page walk: blocks to their fields, loose lines classified one by one
  assemble.py     the record built: title chosen, findings merged, authors joined
"""
from typing import Any

from ...model import Result
from .sniff import sniff


def read(text: str, **options: Any) -> Result:
    """Read a page (see reader.read); the reader's modules load on the first page, not on import."""
    from .reader import read as read_page
    return read_page(text, **options)


__all__ = ["read", "sniff"]
