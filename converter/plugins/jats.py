"""JATS XML, in (1.1-1.4) and out (1.3 Journal Publishing)."""
from . import Format

FORMATS = (
    Format("jats", "JATS XML (in: 1.1-1.4; out: 1.3 Journal Publishing, DTD-valid)", ("xml", "jats", "nxml"),
           reader="converter.readers.jats:read", writer="converter.writers.jats:write",
           sniffer="converter.readers.sniffers:jats", mapping="converter.mappings.jats",
           preferred_for=("xml",), order=60),
)
