"""Tokens and CRF features for reference strings. Training and tagging use exactly this code.

Tokens are whitespace-separated words, with Vancouver number clusters cut where a label
can change ("2023;15(3):83-99." -> "2023;" "15" "(3):" "83-99.").
"""
from __future__ import annotations

import collections
import re
from functools import lru_cache
from typing import Any, Counter, Dict, List, Mapping, Sequence, Tuple

from ..vocabulary.names import is_initials
from .lexicon import Lexicon, word_key

Token = Tuple[int, int]  # (start, end) in the normalised string

_LINK = re.compile(r"(?:https?://|ftp://|www\.|doi:|10\.\d{4})", re.I)
_CUT = re.compile(
    r"(?<=\d[;:])(?=[\d(])|(?<=\d)(?=\(\d)|(?<=\d\);)(?=\d)|(?<=\):)(?=\d)"
    # punctuation typed without its space ('theory,Trans', '1971."Kerntechnik', 'tions.Lett',
    # 'B393(1993)377'): a field boundary hides there as often as behind a spaced one
    r"|(?<=[,;\"”»])(?=[^\W\d_])|(?<=[^\W\d_]{2}[.?!])(?=[\"“«]?[A-ZА-ЯЁ][a-zа-яё])"
    r"|(?<=\))(?=[^\W_])|(?<=\),)(?=\d)|(?<=\w)(?=\(\s*(?:1[5-9]|20)\d\d)")

_JOURNAL = {"journal", "j", "proc", "proceedings", "rev", "review", "bulletin", "annals", "ann",
            "transactions", "trans", "letters", "lett", "acta", "magazine", "quarterly", "studies",
            "вестник", "журнал", "известия", "труды", "записки", "вопросы", "проблемы", "сборник",
            "bull", "phys", "chem", "soc", "am", "int", "res", "sci", "zeitschrift", "revue",
            "conference", "symposium", "workshop", "congress", "конференции", "материалы"}
_PUBLISHER = {"press", "publishers", "publishing", "verlag", "books", "university", "univ",
              "издательство", "изд", "наука", "питер", "юрайт", "springer", "elsevier", "wiley",
              "routledge", "sage", "mit", "oxford", "cambridge", "academic", "inc", "ltd", "co",
              "editions", "éditions", "ed", "изд-во", "эксмо", "инфра-м", "статут", "проспект"}
_PLACE = {"м", "москва", "спб", "санкт-петербург", "л", "ленинград", "new", "york", "london",
          "paris", "berlin", "oxford", "cambridge", "boston", "amsterdam", "novosibirsk",
          "новосибирск", "екатеринбург", "казань", "киев", "минск", "софия", "chicago", "tokyo",
          "heidelberg", "dordrecht", "cham", "washington", "princeton", "leipzig", "wien"}
_EDITOR = {"ed", "eds", "ed.)", "eds.)", "(ed.)", "(eds.)", "edited", "editor", "editors", "hrsg",
           "(hrsg.)", "ред", "под", "red", "(red.)", "сост", "(ed.),", "(eds.),", "in:", "in", "в:",
           "[ed.]", "[eds.]"}
_VOLUME = {"vol", "vol.", "volume", "т", "т.", "том", "bd", "bd.", "v.", "tome"}
_ISSUE = {"no", "no.", "№", "issue", "iss", "n", "nr", "nr.", "вып", "вып.", "heft", "num"}
_PAGES = {"pp", "pp.", "p.", "p", "с.", "c.", "s.", "pages", "стр", "стр.", "p.p."}
_GENRE = {"thesis", "dissertation", "дис", "дисс", "автореф", "report", "phd", "master's",
          "диссертация", "отчет", "отчёт", "standard", "гост", "закон", "patent", "preprint",
          "arxiv", "[электронный", "ресурс]", "[electronic", "resource]", "текст", "электронный"}
_MONTHS = frozenset(("jan feb mar apr may jun jul aug sep oct nov dec янв фев мар апр мая июн июл авг сен окт ноя "
                     "дек").split())
_MONTH = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|мая|июн|июл|"
                    r"авг|сен|окт|ноя|дек)", re.I)


def tokenize(s: str) -> List[Token]:
    out: List[Token] = []
    a = 0
    for word in s.split():  # the runs of '\S+' (str.split's white space is the re module's)
        a = s.find(word, a)
        pieces = _pieces(word)
        if len(pieces) == 1:  # most words are one token
            out.append((a, a + len(word)))
        else:
            out.extend([(a + start, a + end) for start, end in pieces])
        a += len(word)
    return out


_TRAILING = ".,;:!?)]'\"”»"


@lru_cache(maxsize=8192)
def _pieces(word: str) -> Tuple[Token, ...]:
    """The tokens of one whitespace-separated word, as offsets in it."""
    # every cut is beside punctuation with a letter, a digit, a quote or a bracket after it: a word of
    # letters and digits alone, or followed by punctuation alone ('Smith,', '2019).'), is one token
    cuts = ([c.start() for c in _CUT.finditer(word)]
            if len(word) > 3 and not word.rstrip(_TRAILING).isalnum() and not _LINK.match(word) else [])
    out = []
    prev = 0
    for c in cuts + [len(word)]:
        if c > prev:
            out.append((prev, c))
        prev = c
    return tuple(out)


# a word's shape: capitals X, small letters x, digits d ([A-ZÀ-ÞА-ЯЁ], [a-zß-ÿа-яё] and \d of a
# regular expression; one table for the letters and ASCII digits, the pattern for other digits)
_SHAPE = {c: "X" for r in ((0x41, 0x5A), (0xC0, 0xDE), (0x410, 0x42F), (0x401, 0x401)) for c in range(r[0], r[1] + 1)}
_SHAPE.update({c: "x" for r in ((0x61, 0x7A), (0xDF, 0xFF), (0x430, 0x44F), (0x451, 0x451)) for c in range(r[0], r[1] + 1)})
_SHAPE.update({c: "d" for c in range(0x30, 0x3A)})
_DIGIT = re.compile(r"\d")
_REPEAT = re.compile(r"(.)\1+")
_YEAR = re.compile(r"\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?[.,;:]?")
_HAS_YEAR = re.compile(r"(?:1[5-9]\d\d|20\d\d)")
_RANGE = re.compile(r"[A-Za-z]?\d+[A-Za-z]?\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _shape(w: str) -> bytes:
    """The 'shape=' name of a word."""
    s = w.translate(_SHAPE)
    if not s.isascii():
        s = _DIGIT.sub("d", s)
    return _squeezed(s)


@lru_cache(maxsize=4096)
def _squeezed(s: str) -> bytes:
    """The name of a shape with runs cut to two, its first 8 characters: most words share a few
    shapes ('Xxxxxxx,'), so the pattern runs once per shape."""
    return ("shape=" + _REPEAT.sub(lambda m: m.group(1) * 2, s)[:8]).encode()


def sentence_end(w: str) -> bool:
    """A token that ends a sentence-like area: '.', '?' or '!' at its end, not an initial."""
    return w[-1] in ".?!" and not is_initials(w.rstrip(",;")) and len(w.strip(".")) > 1 or w == "//"


# A crfsuite item: the names of a token's features, each with weight 1, or a dict name -> weight
# when a weight differs (a digit count); string-valued features are named 'name=value'.
# crfsuite ignores names its model does not know, and reads a list faster than a dict.
# Names are UTF-8 bytes: crfsuite copies each name into a C++ string and encodes a str to UTF-8
# first, on every call; bytes are copied as they are (a third of the tagger's time).
Item = List[bytes] | Dict[bytes, float]


def _utf8(names: Sequence[str]) -> Tuple[bytes, ...]:
    """The names encoded in one step (no name holds whitespace: tokens are cut at it)."""
    return tuple("\n".join(names).encode().split(b"\n")) if names else ()


def _names(f: Mapping[str, float | str], prefix: str = "") -> List[str]:
    """Feature names of a feature dict whose numeric weights are all 1 (or are kept apart)."""
    return [f"{prefix}{k}={v}" if isinstance(v, str) else prefix + k for k, v in f.items()]


_AREA_KEYS = tuple((key, f"a_{key}") for key in ("journal", "publisher", "place", "genre", "year", "editor"))
_NEAR = (-2, -1, 1, 2)


# a neighbour's names: '-1:w=...', '2:journal', ...
_NEAR_PREFIX = tuple(f"{off}:".encode() for off in _NEAR)


_OUTER_PUNCTUATION = ".,;:()[]\"'“”«»„‘’"
# the quotes and brackets a word's counts below are about
_COUNTED = frozenset('“«„”»"()')
_SEPARATORS = frozenset(("//", "/", "–", "—", "-", ":", "&", "and", "и", "et", "In:", "In", "В:"))


# About half the words of a reference were seen in an earlier one ('J.', 'pp.', '2019;', 'and');
# a full cache holds about 20 MB. It holds plain tuples of strings and numbers, which the garbage
# collector stops tracking (lists or named tuples there made its full passes take 0.1-0.2 s)
@lru_cache(maxsize=8192)
def _word_fields(w: str) -> Tuple[Any, ...]:
    """What a word contributes to every string it occurs in, worked out once per word: its own
    features, and what it shows its neighbours. In this order (the fields of crf_items):
    key, the word's 'w' feature (lower case, outer punctuation off); year ('2019.', '(2019a)');
    its own features' names, in a fixed order (the word, shape, affixes and edges, then the
    flags of _flag_names), which the model's items keep; the weight of 'digits' (a digit count)
    when it is not 1, else 0; its names as the tokens 2 after, 1 after, 1 before and 2 before it
    see them ('-2:w=...', ...); its last character as seen from 3 tokens after and before; whether
    it ends a sentence; an abbreviation ('Phys.', 'Rev.': capitalised, up to 6 letters and a full
    stop, not an initial); dotted initials; the names 'a_journal', 'a_year', ... it gives its area;
    opening minus closing typographic quotes; an odd number of '"'; '(' minus ')'."""
    core = w.strip(_OUTER_PUNCTUATION)
    low = core.lower()
    lower_w = w.lower()
    last = w[-1]
    # one initials test serves the feature, the sentence end and the abbreviation below
    # (an initial has a full stop or a hyphen, and one full stop follows at most three letters:
    # most words need neither pattern call)
    initials_w = ("." in w or "-" in w) and is_initials(w.rstrip(",;"))
    initials = initials_w or (len(core) <= 3 or "." in core or "-" in core) and is_initials(core + ".")
    # the year and range patterns need digits, the Cyrillic one a letter outside ASCII (the
    # stripped punctuation holds neither)
    all_digits = core.isdigit()
    has_digit = all_digits or not core.isalpha() and any(c.isdigit() for c in core)
    year = has_digit and _YEAR.fullmatch(w) is not None
    journal, publisher, place = low in _JOURNAL, low in _PUBLISHER, low in _PLACE
    editor = low in _EDITOR or lower_w in _EDITOR
    flags = (
        initials, year, not year and has_digit and _HAS_YEAR.search(w) is not None, all_digits,
        has_digit and not all_digits, has_digit and _RANGE.fullmatch(core) is not None, core[:1].isupper(),
        core.isupper() and len(core) > 1, not core.isascii() and _CYRILLIC.search(core) is not None,
        low.startswith(("http://", "https://", "www.", "doi:", "10.")),
        journal, publisher, place, editor,
        lower_w in _VOLUME or low in _VOLUME, lower_w in _ISSUE or low in _ISSUE, lower_w in _PAGES or low in _PAGES,
        low.strip("[].") in _GENRE or low in _GENRE,
        # _MONTH's three letters: an ASCII word is matched case-blind by its ASCII letters alone
        low[:3] in _MONTHS or not low[:3].isascii() and _MONTH.match(low) is not None)
    own_flags, shown_flags, area_keys = _FLAG_NAMES.get(flags) or _flag_names(flags)
    key = low[:20].encode()
    own_w, own_shape = b"w=" + key, _shape(w)
    own_end = b"end=a" if last.isalnum() else b"end=" + last.encode()
    own = (own_w, own_shape, b"suf3=" + low[-3:].encode(), b"pre3=" + low[:3].encode(), own_end,
           b"start=a" if w[0].isalnum() else b"start=" + w[0].encode()) + own_flags
    if w in _SEPARATORS:
        own += (b"sep=" + w.encode(),)
    # what its neighbours see of it: the word, shape and end, and some of the flags
    before2, before1, after1, after2 = [(pre + own_w,) + rest for pre, rest in
                                        zip(_NEAR_PREFIX, _prefixed((own_shape, own_end) + shown_flags))]
    if _COUNTED.isdisjoint(w):
        quotes, odd_quotes, parens = 0, False, 0
    else:
        quotes = w.count("“") + w.count("«") + w.count("„") - w.count("”") - w.count("»")
        odd_quotes, parens = w.count('"') % 2 == 1, w.count("(") - w.count(")")
    # 'Phys.', 'Rev.': w ends with its full stop, so w.rstrip(",;") is w
    abbreviation = last == "." and 1 < len(w.strip(".,")) <= 6 and w[:1].isupper() and not initials_w
    bare = w.rstrip(",;:")
    dotted_initials = "." in w and (initials_w if bare == w.rstrip(",;") else is_initials(bare))
    ends_sentence = last in ".?!" and not initials_w and len(w.strip(".")) > 1 or w == "//"
    digits = float(min(len(core), 5)) if all_digits and len(core) > 1 else 0.0  # a weight; 1 needs none
    return (key, year, own, digits, before2, before1, after1, after2, (b"-3:" + own_end, b"3:" + own_end),
            ends_sentence, abbreviation, dotted_initials, area_keys, quotes, odd_quotes, parens)


# the flags of _word_fields, in the order of a word's own names; which of them its neighbours see
# and which its area
_OWN_FLAGS = ("initials", "year", "has_year", "digits", "hasdigit", "range", "cap", "allcaps", "cyr", "link", "journal",
              "publisher", "place", "editor", "vol", "iss", "pp", "genre", "month")
_SHOWN_FLAGS = ("initials", "year", "journal", "publisher", "place", "editor", "vol", "iss", "pp", "cyr", "cap", "genre")
_AREA_FLAGS = (("journal", "a_journal"), ("publisher", "a_publisher"), ("place", "a_place"), ("genre", "a_genre"),
               ("year", "a_year"), ("editor", "a_editor"))
# the names of each combination of flags seen (few: most words have two or three)
_FLAG_NAMES: Dict[Tuple[bool, ...], Tuple[Tuple[bytes, ...], Tuple[bytes, ...], Tuple[str, ...]]] = {}


def _flag_names(flags: Tuple[bool, ...]) -> Tuple[Tuple[bytes, ...], Tuple[bytes, ...], Tuple[str, ...]]:
    on = {name for name, flag in zip(_OWN_FLAGS, flags) if flag}
    names = (tuple(name.encode() for name in _OWN_FLAGS if name in on),
             tuple(name.encode() for name in _SHOWN_FLAGS if name in on),
             tuple(area for name, area in _AREA_FLAGS if name in on))
    _FLAG_NAMES[flags] = names
    return names


@lru_cache(maxsize=4096)
def _prefixed(names: Tuple[bytes, ...]) -> Tuple[Tuple[bytes, ...], ...]:
    """The names as the tokens 2 after, 1 after, 1 before and 2 before see them ('-2:cap', ...).
    Past the word itself, what a word shows (shape, end, flags) repeats from word to word, so
    each combination is prefixed once."""
    return tuple(tuple([pre + name for name in names]) for pre in _NEAR_PREFIX)


_POS = tuple(f"pos={k}".encode() for k in range(10))
# the names of the flags of a token's place, by the bits set: 1 inside quotes, 2 inside brackets, 4 a
# capital after a sentence's end, 8 after a comma, 16 the first token, 32 the last, 64 after '//',
# 128 after a year
_PLACE_FLAGS = tuple(tuple(name for bit, name in enumerate((b"inquote", b"inparen", b"newsentence", b"aftercomma",
                                                             b"first", b"last", b"after//", b"afteryear"))
                           if flags >> bit & 1) for flags in range(256))
_AREA = tuple(f"area={k}".encode() for k in range(5))
_RAREA = tuple(f"rarea={k}".encode() for k in range(5))


def crf_items(s: str, tokens: Sequence[Token], rule_labels: Sequence[str] | None = None,
              lexicon: Lexicon | None = None,
              exclude: Counter[Tuple[str, int]] | None = None) -> List[Item]:
    """One crfsuite item per token: the word, its neighbours, where it sits in the string.

    With a lexicon, also where the n-grams covering the token were seen (container, title,
    ...); ``exclude`` (training only) takes the string's own n-grams out of the counts."""
    words = [s[a:b] for a, b in tokens]
    n = len(words)
    if not n:
        return []
    (keys, years, own_names, digit_weights, as_before2, as_before1, as_after1, as_after2, far_ends, ends_sentence,
     abbreviations, dotted_initials, area_keys, quotes, odd_quotes, parens) = zip(*map(_word_fields, words))
    lex_names: List[List[bytes]] | None = None
    lex_class: List[str | None] | None = None  # the class of the longest n-gram seen over each token
    if lexicon is not None:
        lex_base: List[Dict[str, float | str]] = [{} for _ in words]
        _add_lexicon(lex_base, lexicon.token_classes([word_key(w) for w in words], exclude))
        lex_names = [list(_utf8(_names(lex))) for lex in lex_base]
        lex_class = [str(lex["lex"]) if "lex" in lex else None for lex in lex_base]
    area_of, area_names = _areas(words, rule_labels, ends_sentence, abbreviations, dotted_initials, area_keys,
                                 lex_class)
    # what the neighbours at -2, -1, +1, +2 show each token, '...:none' past either end (the
    # nearest two with their lexicon class)
    before2 = [(b"-2:none",)] * min(n, 2) + list(as_before2[:-2])
    before1 = [(b"-1:none",)] + list(as_before1[:-1])
    after1 = list(as_after1[1:]) + [(b"1:none",)]
    after2 = list(as_after2[2:]) + [(b"2:none",)] * min(n, 2)
    if lex_class is not None:
        before1[1:] = [names + (f"-1:lex={c}".encode(),) if c is not None else names
                       for names, c in zip(before1[1:], lex_class)]
        after1[:-1] = [names + (f"1:lex={c}".encode(),) if c is not None else names
                       for names, c in zip(after1[:-1], lex_class[1:])]
    # word pairs: 'in press', 'et al.', 'Phys. Rev.' decide more than either word alone
    pairs = [key + b"|" + nxt for key, nxt in zip(keys, keys[1:])]
    pair_before: List[Tuple[bytes, ...]] = [()] + [(b"bi-1=" + pair,) for pair in pairs]
    pair_after: List[Tuple[bytes, ...]] = [(b"bi+1=" + pair,) for pair in pairs] + [()]
    far = [((far_ends[i - 3][0],) if i >= 3 else ()) + ((far_ends[i + 3][1],) if i + 3 < n else ()) for i in range(n)]
    rule_names = _rule_names(rule_labels) if rule_labels is not None else [()] * n
    # where each token sits: its place in its area and in the string, and the flags of what came before
    places: List[Tuple[bytes, ...]] = []
    areas = 0
    total_areas = sum(ends_sentence)
    seen_slash = seen_year = False
    quote = paren = 0  # inside quotes (0 or 1), the depth of brackets (never below 0)
    for i, w in enumerate(words):
        area = area_of[i]
        flags = quote | (paren > 0) << 1  # the bits of _PLACE_FLAGS
        if quotes[i]:
            quote = 1 if quote + quotes[i] >= 1 else 0
        if odd_quotes[i]:
            quote = 1 - quote
        if parens[i]:
            paren = paren + parens[i] if paren + parens[i] > 0 else 0
        if i > 0:
            before = words[i - 1][-1]
            if before in ".?!" and w[:1].isupper():
                flags |= 4
            if before == ",":
                flags |= 8
        else:
            flags |= 16
        if i == n - 1:
            flags |= 32
        if seen_slash:
            flags |= 64
        if seen_year:
            flags |= 128
        places.append((b"apos=1" if i == 0 or area_of[i - 1] != area else
                       b"apos=$" if i == n - 1 or area_of[i + 1] != area else b"apos=m",
                       _POS[i * 10 // n], _AREA[areas if areas < 4 else 4],  # (i * 10 // n is at most 9)
                       _RAREA[total_areas - areas if total_areas - areas < 4 else 4]) + _PLACE_FLAGS[flags])
        if ends_sentence[i]:
            areas += 1
        if w == "//":
            seen_slash = True
        if years[i]:
            seen_year = True
    own = own_names if lex_names is None else [(*names, *lex) for names, lex in zip(own_names, lex_names)]
    out: List[Item] = [[*names, *area_names[area], *place, *ruled, *b2, *b1, *a1, *a2, *pb, *pa, *fr]
                       for names, area, place, ruled, b2, b1, a1, a2, pb, pa, fr
                       in zip(own, area_of, places, rule_names, before2, before1, after1, after2, pair_before,
                              pair_after, far)]
    for i, weight in enumerate(digit_weights):
        if weight:
            weighted: Dict[bytes, float] = dict.fromkeys(out[i], 1.0)
            weighted[b"digits"] = weight
            out[i] = weighted
    return out


def _rule_names(rule_labels: Sequence[str]) -> List[Tuple[bytes, ...]]:
    """Each token's rule label, and what the rules found next and last: the words just before a
    number cluster are usually the container, the words after a date the title (APA)."""
    next_ruled, prev_ruled = _nearest_ruled(rule_labels)
    out = []
    for i, label in enumerate(rule_labels):
        nxt, prv = next_ruled[i], prev_ruled[i]
        out.append(_ruled(label, rule_labels[nxt] if nxt is not None else None, min(nxt - i, 4) if nxt is not None else 0,
                          rule_labels[prv] if prv is not None else None, min(i - prv, 4) if prv is not None else 0))
    return out


@lru_cache(maxsize=1024)
def _ruled(label: str, next_label: str | None, next_distance: int, last_label: str | None,
           last_distance: int) -> Tuple[bytes, ...]:
    """The rule names of a token (few combinations: built once each)."""
    names = [f"rule={label}"] if label else []
    if next_label is not None:
        names.append(f"next_rule={next_label}:{next_distance}")
    if last_label is not None:
        names.append(f"prev_rule={last_label}:{last_distance}")
    return _utf8(names)


def _nearest_ruled(rule_labels: Sequence[str]) -> Tuple[List[int | None], List[int | None]]:
    """For each token, the index of the next and of the previous token a rule labelled (one pass
    each way, so a long string costs linear time)."""
    n = len(rule_labels)
    nxt: List[int | None] = [None] * n
    prv: List[int | None] = [None] * n
    seen: int | None = None
    for i in range(n - 1, -1, -1):
        nxt[i] = seen
        if rule_labels[i]:
            seen = i
    seen = None
    for i in range(n):
        prv[i] = seen
        if rule_labels[i]:
            seen = i
    return nxt, prv


def _add_lexicon(base: List[Dict[str, float | str]], classes: Sequence[Dict[int, Tuple[str, int]]]) -> None:
    for f, by_n in zip(base, classes):
        for n, (cls, _) in by_n.items():
            f[f"lex{n}"] = cls
        if by_n:
            # the longest n-gram seen is the most specific evidence
            f["lex"] = by_n[max(by_n)][0]


_AREA_OPENERS = {"in:", "in", "в:", "//", "eds.", "ed.", "(eds.)", "(ed.)", "hrsg.", "под"}


def area_bounds(words: Sequence[str], ends: Sequence[bool] | None = None
                ) -> Tuple[List[int], List[Tuple[int, int]]]:
    """The area index of each token and the (start, end) token range of each area (``ends``:
    ``sentence_end`` of each word, when the caller has it)."""
    if ends is None:
        ends = [sentence_end(w) for w in words]
    area_of: List[int] = []
    bounds: List[Tuple[int, int]] = []
    start = 0
    for i, w in enumerate(words):
        if i > start and w.lower() in _AREA_OPENERS:
            bounds.append((start, i))
            start = i
        area_of.append(len(bounds))
        if ends[i]:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(words):
        bounds.append((start, len(words)))
    return area_of, bounds


def _areas(words: Sequence[str], rule_labels: Sequence[str] | None, ends_sentence: Sequence[bool],
           abbreviations: Sequence[bool], dotted_initials: Sequence[bool], area_keys: Sequence[Tuple[str, ...]],
           lex_class: Sequence[str | None] | None) -> Tuple[List[int], List[Tuple[bytes, ...]]]:
    """Split the tokens into areas (sentences, '//' parts) and describe each area as a whole
    (feature names, the same for each of its tokens).

    Whether a span is a title or a container is rarely visible in a window of five words;
    it shows in the whole area: its length, abbreviations ('Phys. Rev.'), journal or
    publisher words, and what follows it (a number cluster follows a journal name)."""
    area_of, bounds = area_bounds(words, ends_sentence)
    out: List[Tuple[bytes, ...]] = []
    for k, (a, b) in enumerate(bounds):
        size = b - a
        names = ["alen=1" if size == 1 else "alen=2" if size == 2 else "alen=4" if size <= 4
                 else "alen=8" if size <= 8 else "alen=9"]
        abbrev = sum(abbreviations[a:b])
        dotted = any(dotted_initials[a:b])
        present = set().union(*area_keys[a:b])
        lowers = sum([w[:1].islower() for w in words[a:b]])
        if abbrev * 2 >= size and abbrev:
            names.append("aabbr")
        if dotted:
            names.append("a_initials")
        names += [name for _, name in _AREA_KEYS if name in present]
        lex = collections.Counter([c for c in lex_class[a:b] if c is not None]) if lex_class is not None else None
        if lex:
            cls, cnt = lex.most_common(1)[0]
            names.append("alex=" + (cls if cnt * 2 > size else cls + "?"))
        if lowers * 2 > size:
            names.append("alower")
        if b < len(words):
            nxt = words[b]
            rule = rule_labels[b] if rule_labels is not None else ""
            names.append("anext=" + (rule or ("d" if nxt[:1].isdigit() or nxt[:1] == "(" and nxt[1:2].isdigit()
                                              else "X" if nxt[:1].isupper() else "x" if nxt[:1].islower() else "p")))
        else:
            names.append("anext=end")
        names.append("afirst=" + words[a].lower()[:12])
        names.append(_AIDX[min(k, 5)])
        out.append(_utf8(names))
    return area_of, out


_AIDX = tuple(f"aidx={k}" for k in range(6))


def first_pass_features(words: Sequence[str], labels: Sequence[str]) -> List[Dict[str, str]]:
    """Features from a first model's labels, for a second model (stacking): the labels in a
    wider window than the CRF's transitions see, the runs before and after, and the label
    most of the token's area got. A title/container boundary is a decision about whole runs,
    which a first pass makes visible."""
    n = len(labels)
    area_of, bounds = area_bounds(words)
    area_label = []
    for a, b in bounds:
        area_label.append(collections.Counter(labels[a:b]).most_common(1)[0][0])
    runs: List[Tuple[int, int, str]] = []  # (start, end, label)
    for i, lab in enumerate(labels):
        if runs and runs[-1][2] == lab:
            runs[-1] = (runs[-1][0], i + 1, lab)
        else:
            runs.append((i, i + 1, lab))
    run_of = [0] * n
    for k, (a, b, _) in enumerate(runs):
        for i in range(a, b):
            run_of[i] = k
    seen_before: set[str] = set()
    out: List[Dict[str, str]] = []
    for i in range(n):
        f: Dict[str, str] = {"p0": labels[i], "pa": area_label[area_of[i]]}
        for off in (-3, -2, -1, 1, 2, 3):
            j = i + off
            f[f"p{off}"] = labels[j] if 0 <= j < n else "-"
        f["p-1|p0|p+1"] = f"{f['p-1']}|{labels[i]}|{f['p1']}"
        k = run_of[i]
        f["prun"] = runs[k - 1][2] if k > 0 else "-"
        f["nrun"] = runs[k + 1][2] if k + 1 < len(runs) else "-"
        f["prun|p0|nrun"] = f"{f['prun']}|{labels[i]}|{f['nrun']}"
        if "title" in seen_before:
            f["ptitle_before"] = "1"
        if "container" in seen_before:
            f["pcont_before"] = "1"
        out.append(f)
        seen_before.add(labels[i])
    return out


def with_first_pass(xseq: List[Item], words: Sequence[str], labels: Sequence[str]) -> List[Item]:
    """The crfsuite items of ``xseq`` plus the first-pass features of ``labels``."""
    out: List[Item] = []
    for x, fp in zip(xseq, first_pass_features(words, labels)):
        names = list(_utf8(_names(fp)))
        if isinstance(x, dict):
            out.append({**x, **dict.fromkeys(names, 1.0)})
        else:
            out.append(x + names)
    return out


__all__ = ["Item", "Token", "area_bounds", "crf_items", "first_pass_features", "sentence_end", "tokenize", "with_first_pass"]
