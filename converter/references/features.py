"""Tokens and CRF features for reference strings. Training and tagging use exactly this code.

Tokens are whitespace-separated words, with Vancouver number clusters cut where a label
can change ("2023;15(3):83-99." -> "2023;" "15" "(3):" "83-99.").
"""
from __future__ import annotations

import collections
import re
from typing import Counter, Dict, List, Sequence, Tuple

from ..vocabulary.names import is_initials
from .lexicon import Lexicon, word_key

Token = Tuple[int, int]  # (start, end) in the normalised string

_WORD = re.compile(r"\S+")
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
_MONTH = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|мая|июн|июл|"
                    r"авг|сен|окт|ноя|дек)", re.I)


def tokenize(s: str) -> List[Token]:
    out: List[Token] = []
    for m in _WORD.finditer(s):
        a, word = m.start(), m.group(0)
        cuts = [c.start() for c in _CUT.finditer(word)] if len(word) > 3 and not _LINK.match(word) else []
        prev = 0
        for c in cuts + [len(word)]:
            if c > prev:
                out.append((a + prev, a + c))
            prev = c
    return out


def _shape(w: str) -> str:
    s = re.sub(r"[A-ZÀ-ÞА-ЯЁ]", "X", w)
    s = re.sub(r"[a-zß-ÿа-яё]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)[:8]


def _word_features(w: str) -> Dict[str, float | str]:
    core = w.strip(".,;:()[]\"'“”«»„‘’")
    low = core.lower()
    f: Dict[str, float | str] = {
        "w": low[:20],
        "shape": _shape(w),
        "suf3": low[-3:],
        "pre3": low[:3],
        "end": w[-1] if not w[-1].isalnum() else "a",
        "start": w[0] if not w[0].isalnum() else "a",
    }
    if is_initials(core + ".") or is_initials(w.rstrip(",;")):
        f["initials"] = 1.0
    if re.fullmatch(r"\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?[.,;:]?", w):
        f["year"] = 1.0
    elif re.search(r"(?:1[5-9]\d\d|20\d\d)", w):
        f["has_year"] = 1.0
    if core.isdigit():
        f["digits"] = min(len(core), 5)
    elif any(c.isdigit() for c in core):
        f["hasdigit"] = 1.0
    if re.fullmatch(r"[A-Za-z]?\d+[A-Za-z]?\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?", core):
        f["range"] = 1.0
    if core[:1].isupper():
        f["cap"] = 1.0
    if core.isupper() and len(core) > 1:
        f["allcaps"] = 1.0
    if re.search(r"[\u0400-\u04ff]", core):
        f["cyr"] = 1.0
    if re.match(r"(?:https?://|www\.)", low) or low.startswith("doi:") or low.startswith("10."):
        f["link"] = 1.0
    if low in _JOURNAL:
        f["journal"] = 1.0
    if low in _PUBLISHER:
        f["publisher"] = 1.0
    if low in _PLACE:
        f["place"] = 1.0
    if low in _EDITOR or w.lower() in _EDITOR:
        f["editor"] = 1.0
    if w.lower() in _VOLUME or low in _VOLUME:
        f["vol"] = 1.0
    if w.lower() in _ISSUE or low in _ISSUE:
        f["iss"] = 1.0
    if w.lower() in _PAGES or low in _PAGES:
        f["pp"] = 1.0
    if low.strip("[].") in _GENRE or low in _GENRE:
        f["genre"] = 1.0
    if _MONTH.match(low):
        f["month"] = 1.0
    if w in ("//", "/", "–", "—", "-", ":", "&", "and", "и", "et", "In:", "In", "В:"):
        f["sep"] = w
    return f


def sentence_end(w: str) -> bool:
    """A token that ends a sentence-like area: '.', '?' or '!' at its end, not an initial."""
    return w[-1] in ".?!" and not is_initials(w.rstrip(",;")) and len(w.strip(".")) > 1 or w == "//"


def features(s: str, tokens: Sequence[Token], rule_labels: Sequence[str] | None = None,
             lexicon: Lexicon | None = None,
             exclude: Counter[Tuple[str, int]] | None = None) -> List[Dict[str, float | str]]:
    """One feature dict per token: the word, its neighbours, where it sits in the string.

    With a lexicon, also where the n-grams covering the token were seen (container, title,
    ...); ``exclude`` (training only) takes the string's own n-grams out of the counts."""
    words = [s[a:b] for a, b in tokens]
    base = [_word_features(w) for w in words]
    if lexicon is not None:
        _add_lexicon(base, lexicon.token_classes([word_key(w) for w in words], exclude))
    n = len(words)
    out: List[Dict[str, float | str]] = []
    areas = 0
    total_areas = sum(1 for w in words if sentence_end(w))
    seen_slash = seen_year = 0.0
    quote = paren = 0
    area_of, area_feats = _areas(words, base, rule_labels)
    next_ruled, prev_ruled = _nearest_ruled(rule_labels or [""] * n)
    for i, w in enumerate(words):
        f: Dict[str, float | str] = dict(base[i])
        f.update(area_feats[area_of[i]])
        first_in_area = i == 0 or area_of[i - 1] != area_of[i]
        last_in_area = i == n - 1 or area_of[i + 1] != area_of[i]
        f["apos"] = "1" if first_in_area else ("$" if last_in_area else "m")
        f["pos"] = f"{min(9, i * 10 // max(n, 1))}"
        f["area"] = str(min(areas, 4))
        f["rarea"] = str(min(total_areas - areas, 4))
        if quote:
            f["inquote"] = 1.0
        if paren:
            f["inparen"] = 1.0
        quote += sum(w.count(q) for q in "“«„") - sum(w.count(q) for q in "”»")
        quote = max(0, min(quote, 1))
        if w.count('"') % 2:
            quote = 1 - quote
        paren = max(0, paren + w.count("(") - w.count(")"))
        if i > 0 and words[i - 1][-1] in ".?!" and w[:1].isupper():
            f["newsentence"] = 1.0
        if i > 0 and words[i - 1][-1] == "," :
            f["aftercomma"] = 1.0
        if i == 0:
            f["first"] = 1.0
        if i == n - 1:
            f["last"] = 1.0
        if seen_slash:
            f["after//"] = 1.0
        if seen_year:
            f["afteryear"] = 1.0
        if rule_labels is not None:
            if rule_labels[i]:
                f["rule"] = rule_labels[i]
            # what the rules found next and last: the words just before a number cluster
            # are usually the container, the words after a date the title (APA)
            nxt = next_ruled[i]
            if nxt is not None:
                f["next_rule"] = f"{rule_labels[nxt]}:{min(nxt - i, 4)}"
            prv = prev_ruled[i]
            if prv is not None:
                f["prev_rule"] = f"{rule_labels[prv]}:{min(i - prv, 4)}"
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                nb = base[j]
                f[f"{off}:w"] = nb["w"]
                f[f"{off}:shape"] = nb["shape"]
                f[f"{off}:end"] = nb["end"]
                for key in ("initials", "year", "journal", "publisher", "place", "editor", "vol",
                            "iss", "pp", "cyr", "cap", "genre"):
                    if key in nb:
                        f[f"{off}:{key}"] = 1.0
                if "lex" in nb and off in (-1, 1):
                    f[f"{off}:lex"] = nb["lex"]
            else:
                f[f"{off}:none"] = 1.0
        # word pairs: 'in press', 'et al.', 'Phys. Rev.' decide more than either word alone
        if i > 0:
            f["bi-1"] = f"{base[i - 1]['w']}|{base[i]['w']}"
        if i < n - 1:
            f["bi+1"] = f"{base[i]['w']}|{base[i + 1]['w']}"
        for off in (-3, 3):
            j = i + off
            if 0 <= j < n:
                f[f"{off}:end"] = base[j]["end"]
        out.append(f)
        if sentence_end(w):
            areas += 1
        if w == "//":
            seen_slash = 1.0
        if "year" in base[i]:
            seen_year = 1.0
    return out


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


def area_bounds(words: Sequence[str]) -> Tuple[List[int], List[Tuple[int, int]]]:
    """The area index of each token and the (start, end) token range of each area."""
    area_of: List[int] = []
    bounds: List[Tuple[int, int]] = []
    start = 0
    for i, w in enumerate(words):
        if i > start and w.lower() in _AREA_OPENERS:
            bounds.append((start, i))
            start = i
        area_of.append(len(bounds))
        if sentence_end(w):
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(words):
        bounds.append((start, len(words)))
    return area_of, bounds


def _areas(words: Sequence[str], base: Sequence[Dict[str, float | str]],
           rule_labels: Sequence[str] | None) -> Tuple[List[int], List[Dict[str, float | str]]]:
    """Split the tokens into areas (sentences, '//' parts) and describe each area as a whole.

    Whether a span is a title or a container is rarely visible in a window of five words;
    it shows in the whole area: its length, abbreviations ('Phys. Rev.'), journal or
    publisher words, and what follows it (a number cluster follows a journal name)."""
    area_of, bounds = area_bounds(words)
    feats: List[Dict[str, float | str]] = []
    for k, (a, b) in enumerate(bounds):
        toks = words[a:b]
        size = b - a
        f: Dict[str, float | str] = {"alen": "1" if size == 1 else "2" if size == 2 else "4" if size <= 4
                                     else "8" if size <= 8 else "9"}
        abbrev = sum(1 for w in toks if w.endswith(".") and 1 < len(w.strip(".,")) <= 6
                     and w[:1].isupper() and not is_initials(w))
        if abbrev * 2 >= size and abbrev:
            f["aabbr"] = 1.0
        if any("." in w and is_initials(w.rstrip(",;:")) for w in toks):
            f["a_initials"] = 1.0
        for key in ("journal", "publisher", "place", "genre", "year", "editor"):
            if any(key in base[j] for j in range(a, b)):
                f[f"a_{key}"] = 1.0
        lex = collections.Counter(str(base[j]["lex"]) for j in range(a, b) if "lex" in base[j])
        if lex:
            cls, cnt = lex.most_common(1)[0]
            f["alex"] = cls if cnt * 2 > size else cls + "?"
        lowers = sum(1 for w in toks if w[:1].islower())
        if lowers * 2 > size:
            f["alower"] = 1.0
        if b < len(words):
            nxt = words[b]
            rule = rule_labels[b] if rule_labels is not None else ""
            f["anext"] = rule or ("d" if nxt[:1].isdigit() or nxt[:1] == "(" and nxt[1:2].isdigit()
                                  else "X" if nxt[:1].isupper() else "x" if nxt[:1].islower() else "p")
        else:
            f["anext"] = "end"
        f["afirst"] = words[a].lower()[:12]
        f["aidx"] = str(min(k, 5))
        feats.append(f)
    return area_of, feats


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


def with_first_pass(xseq: List[Dict[str, float]], words: Sequence[str],
                    labels: Sequence[str]) -> List[Dict[str, float]]:
    """The crfsuite items of ``xseq`` plus the first-pass features of ``labels``."""
    out = []
    for x, fp in zip(xseq, first_pass_features(words, labels)):
        item = dict(x)
        for k, v in fp.items():
            item[f"{k}={v}"] = 1.0
        out.append(item)
    return out


def to_crfsuite(feats: List[Dict[str, float | str]]) -> List[Dict[str, float]]:
    """crfsuite wants name -> weight; string values become 'name=value' with weight 1."""
    out = []
    for f in feats:
        item: Dict[str, float] = {}
        for k, v in f.items():
            if isinstance(v, str):
                item[f"{k}={v}"] = 1.0
            else:
                item[k] = float(v)
        out.append(item)
    return out


__all__ = ["Token", "area_bounds", "features", "first_pass_features", "sentence_end", "to_crfsuite", "tokenize",
           "with_first_pass"]
