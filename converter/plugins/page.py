"""An article's web page saved as plain text."""
from ..options import Option
from . import Format

FORMATS = (
    Format("page", "an article web page saved as plain text (English or Russian labels)", ("txt",),
           reader="converter.readers.page:read", sniffer="converter.readers.page:sniff", order=20,
           # The page reader reads about 30 KB of text a second; a saved article page is 10-50 KB.
           # 200,000 characters (20 times the example page) is read in well under 10 s.
           options=(Option("max_page_chars", "refuse a page (plain text) longer than this many characters",
                           type=int, default=200_000, metavar="N"),)),
)
