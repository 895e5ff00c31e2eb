"""Free-text references: one string, or a list of them."""
from . import Format

FORMATS = (
    Format("reference", "one free-text reference (the input text, or a string argument)",
           reader="converter.readers.reference:read_one", order=110),
    Format("references", "free-text reference list, one per line or numbered",
           reader="converter.readers.reference:read_list", sniffer="converter.readers.sniffers:reference_list",
           order=120),
)
