"""An article's web page saved as plain text."""
from . import Format

FORMATS = (
    Format("page", "an article web page saved as plain text (English or Russian labels)", ("txt",),
           reader="converter.readers.page:read", sniffer="converter.readers.page:sniff", order=20),
)
