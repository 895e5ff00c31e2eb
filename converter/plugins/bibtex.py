"""BibTeX and BibLaTeX: one reader for both dialects, a writer for each, one mapping table."""
from ..options import Option
from . import Format

# Classic "von Last, Jr, First" names are what every reader (Zotero, pandoc, citation-js, biber)
# understands; biblatex's extended name format only on request.
EXTENDED_NAMES = Option("extended_names", "biblatex out: write every name with a particle in biblatex's extended"
                        " name format (family=..., prefix=..., useprefix=...)", type=bool, default=False)

FORMATS = (
    Format("bibtex", "BibTeX (out: ASCII with LaTeX escapes, safe for bibtex + plain.bst)", ("bib",),
           reader="converter.readers.bibtex:read", writer="converter.writers.bibtex:write_bibtex",
           sniffer="converter.readers.sniffers:bibtex", aliases=("bib",), mapping="converter.mappings.bibtex",
           order=40, stream_writer="converter.writers.bibtex:write_bibtex_stream",
           stream_reader="converter.readers.bibtex_stream:stream"),
    Format("biblatex", "BibLaTeX for biber (UTF-8, date, journaltitle, langid, ...); read as bibtex", ("bib",),
           reader="converter.readers.bibtex:read", writer="converter.writers.bibtex:write_biblatex",
           mapping="converter.mappings.bibtex", preferred_for=("bib",), order=50,
           options=(EXTENDED_NAMES,), stream_writer="converter.writers.bibtex:write_biblatex_stream",
           stream_reader="converter.readers.bibtex_stream:stream"),
)
