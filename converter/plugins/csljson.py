"""CSL-JSON, the hub: read and written as it is."""
from . import Format

FORMATS = (
    Format("csljson", "CSL-JSON, the hub; output validates against the CSL-JSON 1.0.2 schema", ("json",),
           reader="converter.readers.csljson:read", writer="converter.writers.csljson:write",
           sniffer="converter.readers.sniffers:csljson", aliases=("csl-json", "json"),
           preferred_for=("json",), order=10,
           stream_reader="converter.readers.csljson:stream", stream_writer="converter.writers.csljson:write_stream",
           stream_record="converter.writers.csljson:record_text"),
)
