"""Telling a text's language from its script and its commonest short words, for records whose
source does not say (article pages). A guess is returned only when the evidence is clear."""
from __future__ import annotations

import re

from .normalize import is_cyrillic

# Frequent short words that tell Latin-script languages apart
_FUNCTION_WORDS = {
    "en": {"the", "of", "and", "in", "for", "on", "to", "with", "a", "an", "is", "are", "from", "by", "as", "at"},
    "de": {"der", "die", "das", "und", "im", "mit", "von", "zur", "zum", "den", "des", "ein", "eine", "für"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "un", "dans", "pour", "sur", "au", "aux", "en"},
    "es": {"el", "los", "las", "del", "y", "una", "un", "en", "para", "con", "por", "como", "al"},
    "it": {"il", "lo", "gli", "della", "delle", "dei", "e", "una", "per", "con", "nel", "nella", "di"},
    "pt": {"o", "os", "as", "da", "do", "das", "dos", "e", "uma", "um", "para", "com", "na", "no", "em"},
}


# letters one Cyrillic alphabet has and Russian lacks; more than a stray one settles the language
_CYRILLIC_LETTERS = (("uk", "їєґ"), ("be", "ў"), ("kk", "әғқңөұүһ"), ("sr", "ђћџљњ"), ("mk", "ѓќѕ"))


def _cyrillic_language(text: str) -> str:
    low = text.lower()
    counts = {lang: sum(low.count(c) for c in letters) for lang, letters in _CYRILLIC_LETTERS}
    russian_only = sum(low.count(c) for c in "ыэъё")
    i_count = low.count("і")  # Ukrainian, Belarusian and Kazakh all use it
    if i_count >= 3 and not russian_only and counts["be"] == 0 and counts["kk"] == 0:
        counts["uk"] += i_count
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] >= 2 and counts[best] > russian_only else "ru"


def guess_language(text: str) -> str | None:
    """'ru' for Cyrillic text; for Latin script the language whose function words are most
    frequent (at least three of them); None when the text does not say."""
    if is_cyrillic(text):
        return _cyrillic_language(text)
    if re.search(r"[\u3040-\u30ff]", text):  # hiragana or katakana
        return "ja"
    if re.search(r"[\uac00-\ud7af]", text):
        return "ko"
    if len(re.findall(r"[\u4e00-\u9fff]", text)) >= 4:
        return "zh"
    words = re.findall(r"[^\W\d_]+", text.lower())
    counts = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    ranked = sorted(counts.values(), reverse=True)
    if counts[best] >= 3 and counts[best] > ranked[1]:
        return best
    return None
