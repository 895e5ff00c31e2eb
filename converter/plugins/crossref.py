"""Crossref REST API JSON."""
from . import Format

FORMATS = (
    Format("crossref", "Crossref REST API JSON (a work, a list, search results)", ("json",),
           reader="converter.readers.crossref:read", sniffer="converter.readers.crossref:sniff",
           mapping="converter.mappings.crossref", order=130),
)
