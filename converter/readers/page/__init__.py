"""The article-page reader: an article web page saved as plain text -> one CSL-JSON record
holding everything on it.

Inside, in reading order:
  labels.py       segmentation: the page's labelled blocks (Abstract, Keywords, For citation, ...)
  identifiers.py  DOI, EDN, UDC, ISSN, PMID/PMCID wherever they are printed
  history.py      submitted / revised / accepted / published dates with their roles
  issue.py        journal, year, volume, issue, pages in the printed patterns of both languages
  people.py       byline, "About the authors", contribution statements
  reader.py       the page walk: blocks to their fields, loose lines classified one by one
"""
from .reader import read, sniff

__all__ = ["read", "sniff"]
