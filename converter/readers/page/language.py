"""The article's language: as the page states it, else from the article's own title and abstract,
else from the page's text, only where they settle it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, List

from ...vocabulary.languages import bcp47, guess_language, identify_latin
from .abstract import prose

if TYPE_CHECKING:
    from .reader import PageReader

SAMPLE = 20000  # characters of a page enough to tell its language


# the page says the article's language: 'Full Text: PDF (Russian)', 'Язык: украинский', 'LanguageJapanese'
STATED_LANGUAGE = (re.compile(r"\b(?:full\s+text|pdf|html|download|скачать|текст)\b[^()\n]{0,15}\(([^\W\d_]{3,20})\)", re.I),
                   re.compile(r"^(?:article\s+language|language|язык(?:\s+(?:статьи|публикации))?|мова(?:\s+статті)?|idioma|langue)"
                              r"\s*:?\s*([^\W\d_]{3,20})\s*$", re.I))


def _stated_language(lines: List[str]) -> str | None:
    for line in lines:
        for pattern in STATED_LANGUAGE:
            m = pattern.search(line.strip())
            if m and bcp47(m.group(1)):
                return bcp47(m.group(1))
    return None


def page_language(r: "PageReader") -> None:
    """The article's language as the page states it, else from its own title and abstract, only
    when they settle it."""
    stated = _stated_language(r.lines)
    if stated:
        r.item["language"] = stated
        return
    text = f"{r.item.get('title', '')} {r.item.get('abstract', '')[:SAMPLE]}".strip()
    language = _latin_language(text) if text else None
    if language is None:  # the title and abstract do not settle it: the page's own text, the same way
        language = _latin_language(" ".join(r.lines)[:SAMPLE])
    body = _body_language(r)
    if language == "en" and body and body != "en":
        # an English title and abstract over the article's text in another language: the journal's international
        # metadata; the article is in the language of its text ('Acute heart failure ...' / 'Введение' / 'Острая ...')
        language = body
    if language:
        r.item["language"] = language
    else:
        r.diags.warn("the page's language could not be told from its title and abstract; not set", field="language")


# Romance languages share their commonest short words ('la', 'un', 'una', 'en', 'de'): counting them reads a short
# Spanish or Italian abstract as French; between these the statistical identifier, which weighs every word, decides
ROMANCE = {"fr", "es", "it", "pt", "ca", "ro", "gl"}


# English words that no other language of the Latin script writes as a word of its own ('a' is Hungarian's article)
ENGLISH_ONLY = {"the", "of", "and", "with", "from", "for", "is", "are", "this", "that", "which", "by"}


def _latin_language(text: str) -> str | None:
    """guess_language, with the statistical identifier as the second opinion where function words mislead: between
    Romance languages; where no language's function words settle it (Romanian, Dutch, Swedish, Hungarian ...); where
    a text read as English has almost none of English's own words."""
    language = guess_language(text)
    if language in ROMANCE:
        other = identify_latin(text[:2000])
        if other in ROMANCE and other != language:
            return other
    if language is None or (language == "en" and sum(1 for w in re.findall(r"[a-z]+", text[:2000].lower())
                                                     if w in ENGLISH_ONLY) < 3):
        other = identify_latin(text[:2000])
        if other == "cs" and not re.search(r"[řůěŘŮĚ]", text):
            other = None  # (the identifier reads Croatian and Slovene as Czech: only Czech writes these letters)
        if other and other != "en":
            return other
    return language


CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
BODY_SAMPLE = 300  # characters of running text outside the title and abstract: enough to tell the article's text


def _body_language(r: "PageReader") -> str | None:
    """The language of the page's running text that is neither the title nor the abstract (the article's
    own text, or an abstract in its language), when there is enough of it to tell; None otherwise."""
    taken = f"{r.item.get('title', '')}\n{r.item.get('abstract', '')}"
    body = [t for _, t in r.other if t[:60] not in taken and (len(t) >= 80 and prose(t) or len(CJK.findall(t)) >= 20)]
    text = " ".join(body)
    # (a CJK character carries a word: counted three times)
    return guess_language(text[:SAMPLE]) if len(text) + 2 * len(CJK.findall(text)) >= BODY_SAMPLE else None
