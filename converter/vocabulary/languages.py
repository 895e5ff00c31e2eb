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
from functools import lru_cache
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..patterns import lazy

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
# the languages' names in Russian, as Russian pages print them ('Язык: украинский')
_RUSSIAN_NAMES = {"английский": "en", "украинский": "uk", "белорусский": "be", "казахский": "kk", "немецкий": "de",
                  "французский": "fr", "испанский": "es", "итальянский": "it", "португальский": "pt", "польский": "pl",
                  "китайский": "zh", "японский": "ja", "корейский": "ko", "узбекский": "uz", "татарский": "tt",
                  "армянский": "hy", "грузинский": "ka", "азербайджанский": "az", "болгарский": "bg", "сербский": "sr"}
_LOOKUP: Dict[str, str] = dict(_RUSSIAN_NAMES)
for _tag, (_codes, _names, _native) in _TABLE.items():
    _LOOKUP[_tag] = _tag
    for _word in _codes.split():
        _LOOKUP[_word] = _tag
    for _name in _names.split("|") + _native.split("|"):
        if _name:
            _LOOKUP[_name] = _tag

_TAG = lazy(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})+$")


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
                 "azerb": "az", "georg": "ka", "lat": "lv", "lith": "lt", "est": "et", "port": "pt",
                 "ital": "it", "jap": "ja", "kor": "ko", "turk": "tr", "hung": "hu", "czech": "cs",
                 "slovak": "sk", "sloven": "sl", "serb": "sr", "croat": "hr", "roman": "ro", "dutch": "nl",
                 "swed": "sv", "norw": "no", "danish": "da", "finn": "fi", "persian": "fa", "arab": "ar", "hebr": "he"}


def from_abbreviation(word: str) -> Optional[str]:
    """'Russ' / 'Russian' -> 'ru' (the abbreviations of the '(In Russ.)' convention)."""
    word = word.lower().rstrip(".")
    for n in range(len(word), 2, -1):
        if word[:n] in ABBREVIATIONS:
            return ABBREVIATIONS[word[:n]]
    return None


# ---- scripts ------------------------------------------------------------------------------

CYRILLIC = lazy(r"[\u0400-\u04ff]")
LATIN = lazy(r"[A-Za-z\u00c0-\u024f]")


def is_cyrillic(text: str) -> bool:
    """More Cyrillic than Latin letters."""
    return not text.isascii() and len(CYRILLIC.findall(text)) > len(LATIN.findall(text))


def has_cyrillic(text: str) -> bool:
    """At least one Cyrillic letter."""
    return CYRILLIC.search(text) is not None


# ---- guessing -----------------------------------------------------------------------------

# Frequent short words that tell Latin-script languages apart
_FUNCTION_WORDS = {
    "en": {"the", "of", "and", "in", "for", "on", "to", "with", "a", "an", "is", "are", "from", "by", "as", "at"},
    "de": {"der", "die", "das", "und", "im", "mit", "von", "zur", "zum", "den", "des", "ein", "eine", "für"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "un", "dans", "pour", "sur", "au", "aux", "en"},
    "es": {"el", "los", "las", "del", "y", "una", "un", "en", "para", "con", "por", "como", "al", "sobre"},
    "it": {"il", "lo", "gli", "della", "delle", "dei", "e", "una", "per", "con", "nel", "nella", "di"},
    "pt": {"o", "os", "as", "da", "do", "das", "dos", "e", "uma", "um", "para", "com", "na", "no", "em", "sobre"},
    "tr": {"ve", "bir", "bu", "ile", "için", "olarak", "olan", "gibi", "daha", "ise", "veya", "üzerine", "arasında"},
    "id": {"dan", "yang", "dengan", "untuk", "dari", "dalam", "pada", "ini", "adalah", "itu", "atau", "oleh", "tersebut"},
    "pl": {"się", "jest", "oraz", "dla", "że", "nie", "przez", "jak", "od", "ze", "które", "który", "w", "z"},
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
    language whose function words are most frequent (at least three of them), or py3langid's
    verdict when neighbouring languages share them; None when the text does not say."""
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
    # function words shared by neighbours ('la', 'en', 'a' in Spanish, French, Portuguese): the statistical identifier
    return identify_latin(text[:2000]) if counts[best] >= 2 else None


# ---- what a reference string says about its language -------------------------------------

# Russian and Ukrainian abbreviations of '(на англ. яз.)', '(рос. мовою)', by their shortest form
_ABBREVIATIONS_CYRILLIC = {"англ": "en", "рус": "ru", "рос": "ru", "укр": "uk", "нем": "de", "нім": "de",
                           "фр": "fr", "исп": "es", "ісп": "es", "пол": "pl", "болг": "bg", "бел": "be",
                           "біл": "be", "каз": "kk", "кит": "zh", "итал": "it", "італ": "it", "порт": "pt",
                           "япон": "ja"}
# '(In Russ.)', '(In Russ., abstract in Engl.)', '[in Russian]', '(in Ukrainian)', '(In Eng.)'
# ('(In Russ.; abstract in Engl.)': a semicolon before what else is said, too)
_STATED = lazy(r"[(\[]\s*[Ii]n\s+([A-Z][a-z]+)\.?(?:\s*[,;][^()\[\]]{0,60})?\s*[)\]]")
# '(на англ. яз.)', '(на рус. яз.)', '(на русском языке)', '(англ. мовою)', '[на укр. мові]'
_STATED_CYRILLIC = lazy(r"[(\[]\s*(?:на\s+)?([а-яіїє]{2,12})\.?\s*(?:яз\.?|языке|мов(?:ою|і)|мов\.)\s*[)\]]",
                        re.I)


def stated_language(text: str) -> Optional[Tuple[str, int, int]]:
    """The language a reference string states in words: (tag, start, end of the statement), or
    None. '(In Russ.)' -> 'ru', '[in Russian]' -> 'ru', '(на англ. яз.)' -> 'en'."""
    m = _STATED.search(text)
    if m and from_abbreviation(m.group(1)):
        return from_abbreviation(m.group(1)) or "", m.start(), m.end()
    m = _STATED_CYRILLIC.search(text)
    if m:
        word = m.group(1).lower()
        for n in range(len(word), 1, -1):
            if word[:n] in _ABBREVIATIONS_CYRILLIC:
                return _ABBREVIATIONS_CYRILLIC[word[:n]], m.start(), m.end()
    return None


# Cyrillic alphabets told apart by letters Russian lacks (and Russian by letters they lack)
_SERBIAN = lazy("[ђћџљњј]")
_MACEDONIAN = lazy("[ѓќѕ]")
_KAZAKH = lazy("[әғқңөұүһ]")
_BELARUSIAN = lazy("ў")
_UKRAINIAN = lazy("[їєґ]")
_RUSSIAN = lazy("[ыэё]")
# a hard sign before a consonant ('българска', 'държава'): Bulgarian; Russian writes it before е, ё, ю, я only
_BULGARIAN = lazy("ъ(?=[бвгджзклмнпрстфхцчшщ])")
# Bulgarian words Russian does not write ('икономика' for 'экономика', 'изследвания' for 'исследования',
# 'издателство' for 'издательство') and its short words ('са', 'се', 'това', 'които'), for a text whose
# letters do not say
_BULGARIAN_WORDS = lazy(r"(?<![\w-])(?:икономи\w*|изследва\w*|издателств\w*|са|се|това|този|тази|които|която|който)"
                        r"(?![\w-])")


def cyrillic_language(text: str) -> Optional[str]:
    """The language of a Cyrillic text from its letters, or None when its letters do not say
    (a text of letters common to Russian and the others)."""
    low = text.lower()
    if _SERBIAN.search(low):
        return "sr"
    if _MACEDONIAN.search(low):
        return "mk"
    if _KAZAKH.search(low):
        return "kk"
    i_count = low.count("і")
    if _BELARUSIAN.search(low) or i_count and _RUSSIAN.search(low) and "и" not in low:
        return "be"  # Belarusian writes і and ы but no и
    if _UKRAINIAN.search(low) or i_count and not _RUSSIAN.search(low) and "ъ" not in low:
        return "uk"
    if _BULGARIAN.search(low) and not _RUSSIAN.search(low):
        return "bg"
    if _RUSSIAN.search(low) or "ъ" in low:
        return "ru"
    if _BULGARIAN_WORDS.search(low):
        return "bg"
    return None


# Latin-script languages the identifier may answer with: the ones reference lists of our users
# carry. A smaller set keeps a short title from being read as a language nobody cites in.
LATIN_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "pl", "nl", "cs", "ro", "hu", "tr", "sv")
# below this the identifier's answer is a guess about a few words, not about a language
_MIN_LETTERS = 20
# a reference's title is read from two words on ('Kritische Schriften'): the identifier's own
# certainty decides there, and a title is one language, unlike a page's text
_MIN_LETTERS_TITLE = 15
# How sure the identifier must be, measured on refdata's DEV strings: other languages at 0.7 let
# English titles through as French or Portuguese, at 0.9 dropped a third of the right answers;
# English titles at 0.5-0.8 were all English (60 of 900 strings), its probability on a short
# title being shared out among languages whose n-grams it has too
_MIN_PROBABILITY = 0.8
_MIN_PROBABILITY_ENGLISH = 0.5


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # py3langid (langid.py's maintained fork): a naive Bayes model over byte n-grams shipped in its
    # wheel, so it runs offline; about 0.2 ms a string. Loaded when a Latin-script title first
    # needs it (a few seconds: numpy and the model).
    import numpy
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LATIN_LANGUAGES))
    # our languages' columns of its n-gram table as one block of float32 (5.2 MB), rather than a
    # view into the float16 table of all 97 (19 MB): the rows a text needs are read from a place the
    # caches can hold, and are not converted to float32 on every call (the same numbers go to the
    # same product: the same scores)
    identifier.nb_ptc = numpy.ascontiguousarray(identifier.nb_ptc, dtype=numpy.float32)
    return identifier


def identify_latin(text: str, *, title: bool = False) -> Optional[str]:
    """The language of a Latin-script text by a statistical language identifier, when the text
    is long enough (for a ``title``, two words of 15 letters; else three of 20) and the identifier
    is sure; else None."""
    words = _LETTER_WORD.findall(text)
    if sum(len(w) for w in words) < (_MIN_LETTERS_TITLE if title else _MIN_LETTERS) or len(words) < 3 - title:
        return None
    tag, probability = _identifier().classify(" ".join(words))
    needed = _MIN_PROBABILITY_ENGLISH if tag == "en" else _MIN_PROBABILITY
    return str(tag) if probability >= needed else None


# Russian and Ukrainian words in the common romanisations (GOST 7.79 B, BGN/PCGN, LC, BSI, KMU 2010),
# told by endings the languages identified above do not write: Russian 'mezhdunarodnogo', 'innovatsionnoe',
# 'sovremennye', 'razvitiya', 'rossiiskaia'; Ukrainian 'ekonomichnoho', 'upravlinnia'; either
# 'usloviyakh', 'transformatsii', 'naukovyi'. Polish, Czech and Slovak '-anie', '-ych', '-nost',
# '-stvo' and Italian or Spanish 'dialogo', 'catalogo', 'playa' are left out on purpose.
# one pass over the title's plain words joined by spaces: which ending each word has, if any
_ROMANISED_ENDING = lazy(r"(?:(?P<ru>[^l ]ogo|[nkv]oe|yy|[^a ]iy|[^l ]aya|(?:sk|n)aia|[nvkr]ye|sk(?:oi|oy|ii|aya)"
                         r"|[ae]ni(?:ya|ia)|tsiya)|(?P<uk>oho|nnia|nnya|skyi|tsiyi)|(?P<either>ykh|ikh|ymi|yi|tsii|tsiia"
                         r"|[nv]oi))(?= |$)")
_WORD = lazy(r"[^\W\d_]+(?:['’ʹ][^\W\d_]+)*")
_BRACKETED = lazy(r"\[[^\]]*\]")
_NO_APOSTROPHES = dict.fromkeys(map(ord, "'’ʹ"))
_LETTER_WORD = lazy(r"[^\W\d_]{2,}")


def romanised_language(text: str) -> Optional[str]:
    """'ru' or 'uk' for a Russian or Ukrainian title printed in Latin letters ('Razvitie
    regional'noi ekonomiki v usloviyakh transformatsii'), read from the endings the romanisations
    leave; None unless at least two of its words of four letters or more, and a third of them,
    carry one. Ukrainian where its own endings outnumber Russian ones, else Russian. A bracketed translation
    after the title ('[Regional development]') is not counted."""
    text = _BRACKETED.sub(" ", text) if "[" in text else text
    words = [w.lower() for w in _WORD.findall(text) if len(w) >= 4]
    plain = [w for w in (w.translate(_NO_APOSTROPHES) for w in words) if w.isascii()]  # 'ą', 'é': no romanisation
    # an ending is a word's last letters (at most five): each word's last six hold any match
    kinds = [m.lastgroup for m in map(_ROMANISED_ENDING.search, [w[-6:] for w in plain]) if m]
    if len(kinds) < 2 or 3 * len(kinds) < len(words):
        return None
    return "uk" if kinds.count("uk") > kinds.count("ru") else "ru"


def reference_language(title: str, text: str, words: str = "", names: Sequence[str] = ()) -> Optional[str]:
    """The language of a cited work from its title (and, for Cyrillic, the rest of its reference
    string when the title's letters do not say), for a reference that does not state it.
    Cyrillic without distinctive letters is Russian; a romanised Russian or Ukrainian title is
    that language; a Latin-script title needs the identifier to be sure of it, or of ``words``
    (the title with its container and publisher) when the title alone is too short; None when
    nothing settles it. Without a title, a Latin-script string is read without its ``names``
    (the people it cites, whose names say nothing of the work's language)."""
    words = words.strip()
    if not title:  # what the string says besides its names: script, container, publisher, its own words
        title = text if is_cyrillic(text) or _CJK.search(text) else _without(text, names)
    if is_cyrillic(title):
        return cyrillic_language(title) or cyrillic_language(" ".join(CYRILLIC_WORD.findall(text))) or "ru"
    if _CJK.search(title):
        return guess_language(title)  # Japanese, Korean, Chinese by their scripts
    if LATIN.search(title) and not has_cyrillic(title):
        return (romanised_language(title) or identify_latin(title, title=True)
                or (identify_latin(words) if words and words != title and not has_cyrillic(words) else None)
                or _agreeing(title, _without(text, names)))
    return None


def _agreeing(title: str, rest: str) -> Optional[str]:
    """A short title's likeliest language when the rest of its string (its container, publisher
    and the list's own words: 'Available at', 'Retrieved ... from', without names and links) is
    surely that language: 'Monetary Policy Report ... (accessed 10 May 2025)' is English, a short
    French title in an English list is left alone (the two disagree)."""
    rest = _LINK.sub(" ", rest)[:_REST]
    if has_cyrillic(rest):
        return None
    verdict = identify_latin(rest)
    # 'Innovatsionnoe razvitie regiona [Innovative development of a region]': the bracketed
    # translation is not the title's language
    words = re.findall(r"[^\W\d_]{2,}", re.sub(r"\[[^\]]*\]", " ", title))
    if verdict is None or not words:
        return None
    # the title's likeliest language, or a close second to it ('A universal algorithm for sequential
    # data compression': Portuguese 0.48, English 0.37)
    ranked = _identifier().rank(" ".join(words))[:2]
    return verdict if ranked[0][0] == verdict or ranked[1][0] == verdict and ranked[1][1] >= _SECOND else None


_SECOND = 0.2
_REST = 400  # characters of the rest of a string: enough to be sure, and the identifier's cost grows with them


_LINK = lazy(r"(?:https?://|www\.|doi:?\s*10\.)\S+", re.I)
_CJK = lazy(r"[\u3040-\u30ff\uac00-\ud7af\u4e00-\u9fff]")


def _without(text: str, names: Sequence[str]) -> str:
    """The text with each word of the names (standing alone: no word character either side) put
    as a space; where two start at one place, the longer. (What re.sub with the names as one
    alternation, longest first, does; every reference's names differ, and compiling that
    pattern cost more than the rest of the language decision.)"""
    parts = {part for name in names for part in name.split() if len(part.strip(".")) > 1}
    ends: Dict[int, int] = {}  # start -> end of the longest name word standing alone there
    for part in parts:
        i = text.find(part)
        while i >= 0:
            end = i + len(part)
            if ((i == 0 or not _is_word(text[i - 1])) and (end == len(text) or not _is_word(text[end]))
                    and end > ends.get(i, -1)):
                ends[i] = end
            i = text.find(part, i + 1)
    if not ends:
        return text
    out: List[str] = []
    pos = 0
    for i in sorted(ends):
        if i >= pos:
            out += (text[pos:i], " ")
            pos = ends[i]
    out.append(text[pos:])
    return "".join(out)


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # the regular expressions' \w


CYRILLIC_WORD = lazy(r"[\u0400-\u04ff]+")

__all__ = ["ABBREVIATIONS", "CYRILLIC", "LATIN", "LATIN_LANGUAGES", "bcp47", "cyrillic_language",
           "from_abbreviation", "guess_language", "has_cyrillic", "identify_latin", "is_cyrillic",
           "reference_language", "romanised_language", "stated_language"]
