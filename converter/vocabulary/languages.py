"""Languages: their names and codes as exports write them, the BCP 47 tag CSL's ``language``
wants, the abbreviations of the "(In Russ.)" convention, telling a text's script, and guessing
a text's language when its source does not say.

RIS ``LA`` carries 'English', 'eng' (PubMed, ISO 639-2) or 'en'; CSL processors compare
``language`` with locale tags ('en' decides, for instance, whether APA may title-case), so
readers store the tag. Codes from ISO 639-1/639-2 (both the bibliographic and the
terminology forms), English names and a few native names.
"""
from __future__ import annotations

import re
from typing import Dict, Optional

# tag: (ISO 639-2 codes, English names, native names); names separated by '|'
_TABLE = {
    "en": ("eng", "english", ""), "ru": ("rus", "russian", "русский"), "de": ("ger deu", "german", "deutsch"),
    "fr": ("fre fra", "french", "français|francais"), "es": ("spa", "spanish", "español|espanol"),
    "it": ("ita", "italian", "italiano"), "pt": ("por", "portuguese", "português|portugues"),
    "nl": ("dut nld", "dutch", "nederlands"), "pl": ("pol", "polish", "polski"),
    "uk": ("ukr", "ukrainian", "українська"), "be": ("bel", "belarusian", "беларуская"),
    "bg": ("bul", "bulgarian", "български"), "sr": ("srp", "serbian", "српски|srpski"),
    "hr": ("hrv", "croatian", "hrvatski"), "cs": ("cze ces", "czech", "čeština"), "sk": ("slo slk", "slovak", ""),
    "sl": ("slv", "slovenian|slovene", ""), "hu": ("hun", "hungarian", "magyar"), "ro": ("rum ron", "romanian", ""),
    "el": ("gre ell", "greek", ""), "tr": ("tur", "turkish", "türkçe"), "fi": ("fin", "finnish", "suomi"),
    "sv": ("swe", "swedish", "svenska"), "da": ("dan", "danish", "dansk"), "no": ("nor", "norwegian", "norsk"),
    "nb": ("nob", "norwegian bokmål", ""), "is": ("ice isl", "icelandic", ""), "et": ("est", "estonian", ""),
    "lv": ("lav", "latvian", ""), "lt": ("lit", "lithuanian", ""), "ca": ("cat", "catalan", "català"),
    "eu": ("baq eus", "basque", ""), "gl": ("glg", "galician", ""), "ga": ("gle", "irish", ""),
    "cy": ("wel cym", "welsh", ""), "he": ("heb", "hebrew", ""), "ar": ("ara", "arabic", ""),
    "fa": ("per fas", "persian|farsi", ""), "hi": ("hin", "hindi", ""), "ja": ("jpn", "japanese", "日本語"),
    "zh": ("chi zho", "chinese", "中文"), "ko": ("kor", "korean", "한국어"), "kk": ("kaz", "kazakh", ""),
    "uz": ("uzb", "uzbek", ""), "ky": ("kir", "kyrgyz|kirghiz", ""), "tt": ("tat", "tatar", ""),
    "hy": ("arm hye", "armenian", ""), "ka": ("geo kat", "georgian", ""), "az": ("aze", "azerbaijani", ""),
    "la": ("lat", "latin", ""), "id": ("ind", "indonesian", ""), "ms": ("may msa", "malay", ""),
    "vi": ("vie", "vietnamese", ""), "th": ("tha", "thai", ""), "af": ("afr", "afrikaans", ""),
    "mn": ("mon", "mongolian", ""), "bn": ("ben", "bengali", ""), "ur": ("urd", "urdu", ""),
}
_LOOKUP: Dict[str, str] = {}
for _tag, (_codes, _names, _native) in _TABLE.items():
    _LOOKUP[_tag] = _tag
    for _word in _codes.split():
        _LOOKUP[_word] = _tag
    for _name in _names.split("|") + _native.split("|"):
        if _name:
            _LOOKUP[_name] = _tag

_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})+$")


def bcp47(value: str) -> Optional[str]:
    """'English' / 'eng' / 'en' -> 'en'; 'en_US', 'EN-gb', 'eng-GB' -> 'en-US', 'en-GB', 'en-GB';
    None when the value names no language this table knows."""
    text = value.strip().rstrip(".")
    key = text.lower()
    if key in _LOOKUP:
        return _LOOKUP[key]
    text = text.replace("_", "-")
    if _TAG.match(text.lower()) and text.split("-")[0].lower() in _LOOKUP:
        subtags = text.split("-")
        out = [_LOOKUP[subtags[0].lower()]]
        for sub in subtags[1:]:
            # BCP 47 case conventions: a region in capitals, a script in title case, the rest lower
            out.append(sub.upper() if len(sub) == 2 and sub.isalpha() or sub.isdigit() and len(sub) == 3
                       else sub.title() if len(sub) == 4 and sub.isalpha() else sub.lower())
        return "-".join(out)
    return None


# The abbreviations of the '(In Russ.)' convention of reference lists, by their shortest form
ABBREVIATIONS = {"russ": "ru", "eng": "en", "ukr": "uk", "kaz": "kk", "belarus": "be", "germ": "de",
                 "ger": "de", "fr": "fr", "french": "fr", "chin": "zh", "chinese": "zh", "span": "es",
                 "bulg": "bg", "pol": "pl", "uzb": "uz", "kyrg": "ky", "tat": "tt", "arm": "hy",
                 "azerb": "az", "georg": "ka", "lat": "lv", "lith": "lt", "est": "et"}


def from_abbreviation(word: str) -> Optional[str]:
    """'Russ' / 'Russian' -> 'ru' (the abbreviations of the '(In Russ.)' convention)."""
    word = word.lower().rstrip(".")
    for n in range(len(word), 2, -1):
        if word[:n] in ABBREVIATIONS:
            return ABBREVIATIONS[word[:n]]
    return None


# ---- scripts ------------------------------------------------------------------------------

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def is_cyrillic(text: str) -> bool:
    """More Cyrillic than Latin letters."""
    return len(CYRILLIC.findall(text)) > len(LATIN.findall(text))


def has_cyrillic(text: str) -> bool:
    """At least one Cyrillic letter."""
    return CYRILLIC.search(text) is not None


# ---- guessing -----------------------------------------------------------------------------

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


def guess_language(text: str) -> Optional[str]:
    """A text's language from its script and its commonest short words, for records whose source
    does not say (article pages): for Cyrillic text Russian unless letters of another Cyrillic
    alphabet say otherwise; Japanese, Korean and Chinese by their scripts; for Latin script the
    language whose function words are most frequent (at least three of them); None when the
    text does not say."""
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


__all__ = ["ABBREVIATIONS", "CYRILLIC", "LATIN", "bcp47", "from_abbreviation", "guess_language", "has_cyrillic",
           "is_cyrillic"]
