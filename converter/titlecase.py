"""Whether a record's titles are stored in Title Case ("Modern Trends in Paradiplomacy"), as
article pages and BibTeX files print them. Writers that want sentence case (APA, GOST, a .bib
read by a sentence-case .bst) need to know; CSL-JSON from elsewhere is taken as given."""
from __future__ import annotations

from .model import CSLItem
from .vocabulary.text import looks_title_case


def stored_in_title_case(item: CSLItem) -> bool:
    """True when the record says so (``custom["title-case"]``), or when it is a reference
    parsed from free text whose title, as printed there, looks like Title Case. Such a
    reference keeps its text in ``source`` and cannot carry ``custom`` (CSL-JSON consumers
    that score fields would count it)."""
    custom = item.get("custom")
    if isinstance(custom, dict) and custom.get("title-case"):
        return True
    title, source = item.get("title"), item.get("source")
    return bool(isinstance(title, str) and isinstance(source, str) and title in source
                and looks_title_case(title))
