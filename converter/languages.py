"""Language names and codes as exports write them -> the BCP 47 tag CSL's ``language`` wants.

RIS ``LA`` carries 'English', 'eng' (PubMed, ISO 639-2) or 'en'; CSL processors compare
``language`` with locale tags ('en' decides, for instance, whether APA may title-case), so
the reader stores the tag. Codes from ISO 639-1/639-2 (both the bibliographic and the
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


__all__ = ["bcp47"]
