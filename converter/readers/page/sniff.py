"""Whether a text looks like an article page: cheap, so that detecting another format never
loads the page reader (its patterns take a noticeable share of a one-record run)."""
from __future__ import annotations

import re


def sniff(text: str) -> int:
    head = text.lstrip()[:3000]
    if not head or head[0] in "[{<@" or re.match(r"^TY\s\s-", head):
        return 0
    if len(re.findall(r"[^\W\d_]{2,}", head)) < 3:  # a page has words
        return 0
    score = 10
    for marker in (r"\bdoi\b|doi\.org", r"^\s*(?:abstract|аннотация)\b", r"^\s*(?:keywords|key words|ключевые слова)\b",
                   r"(?:for citation|для цитирования)", r"^\s*(?:references|список литературы)\b"):
        if re.search(marker, text, re.I | re.M):
            score += 10
    return score
