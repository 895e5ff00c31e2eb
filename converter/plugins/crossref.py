"""Crossref REST API JSON."""
from . import Format

FORMATS = (
    Format("crossref", "Crossref REST API JSON (a work, a list, search results)", ("json",),
           reader="converter.readers.crossref:read", sniffer="converter.readers.sniffers:crossref",
           mapping="converter.mappings.crossref", order=130),
)
