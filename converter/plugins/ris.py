"""RIS, in and out, through one mapping table."""
from . import Format

FORMATS = (
    Format("ris", "RIS (Zotero, EndNote, Scopus, PubMed, Ovid, Embase, ProQuest)", ("ris",),
           reader="converter.readers.ris:read", writer="converter.writers.ris:write",
           sniffer="converter.readers.sniffers:ris", mapping="converter.mappings.ris", order=30,
           stream_reader="converter.readers.ris:stream", stream_writer="converter.writers.ris:write_stream"),
)
