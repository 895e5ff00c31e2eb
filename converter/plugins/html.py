"""An article's HTML page, read from its bibliographic meta tags."""
from . import Format

FORMATS = (
    Format("html", "HTML meta tags: Highwire citation_*, Dublin Core, PRISM, Open Graph", ("html", "htm"),
           reader="converter.readers.htmlmeta:read", sniffer="converter.readers.sniffers:html",
           mapping="converter.mappings.htmlmeta", order=140),
)
