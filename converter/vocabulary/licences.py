"""Licences named in text: the canonical Creative Commons URL for the wordings pages and
metadata use ('CC BY 4.0', 'Creative Commons «Attribution» 4.0', a creativecommons.org link)."""
from __future__ import annotations

import re

_CC_WORDS = (("attribution", "by"), ("noncommercial", "nc"), ("non-commercial", "nc"), ("sharealike", "sa"),
             ("share-alike", "sa"), ("noderivatives", "nd"), ("noderivs", "nd"), ("no-derivatives", "nd"))


def licence_url(text: str) -> str | None:
    """The canonical URL of a Creative Commons licence named in text ('CC BY 4.0',
    'Creative Commons «Attribution» 4.0', 'CC BY-NC-SA 4.0'); None if none is named."""
    m = re.search(r"creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)", text, re.I)
    if m:
        return f"https://creativecommons.org/licenses/{m.group(1).lower()}/{m.group(2)}/"
    m = re.search(r"\bCC[\s-]+(BY(?:[\s-]+(?:NC|SA|ND))*)\s*(\d\.\d)?", text)
    if m:
        code = "-".join(re.split(r"[\s-]+", m.group(1).lower()))
        return f"https://creativecommons.org/licenses/{code}/{m.group(2) or '4.0'}/"
    if re.search(r"creative\s+commons", text, re.I):
        low = text.lower()
        parts = []
        for word, code in _CC_WORDS:
            if word in low and code not in parts:
                parts.append(code)
        if "by" in parts:
            order = [c for c in ("by", "nc", "nd", "sa") if c in parts]
            version = re.search(r"\b(\d\.\d)\b", text)
            return f"https://creativecommons.org/licenses/{'-'.join(order)}/{version.group(1) if version else '4.0'}/"
    return None
