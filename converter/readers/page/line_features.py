"""What the learned line model sees of each line of a page: its shape (length, case, digits,
punctuation), what it looks like (names with initials and markers, an institution, a journal's
name, a label, furniture), where it stands (first lines, before or after the abstract, blank
lines around it) and the same few cues of the lines above and below. The features are the same
at training time (tools/pagemodel) and when reading, so both import them from here."""
from __future__ import annotations

import re
from typing import Dict, List, Sequence, Tuple

from .bylines import NAME_WORD, parse_byline_marked, parse_loose_byline
from .head import looks_affiliation
from .title import CHROME, HISTORY_START, VENUE, is_furniture

Features = Dict[str, float]

INITIAL = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁ]\.")
MARKED_NAME = re.compile(r"[^\W\d_][\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]{1,4}(?:,|\s|$)")
AND_WORD = re.compile(r"(?:^|\s)(?:and|&|и|y|e|et|und|та|і)(?:\s|$)", re.I)
LABEL = re.compile(r"^[^\W\d_][\w .'-]{1,30}:\s*\S?")
ABSTRACT_LABEL = re.compile(r"^(?:#+\s*)?(?:abstract|summary|аннотация|анотація|резюме|resumen|resumo|résumé)\b", re.I)
KEYWORDS_LABEL = re.compile(r"^(?:#+\s*)?(?:key\s*words?|ключевые\s+слова|ключові\s+слова|palabras\s+clave|"
                            r"palavras-chave|mots-clés)\b", re.I)
YEAR = re.compile(r"\b(?:18|19|20)\d\d\b")
EMAIL_OR_URL = re.compile(r"\S@\S|https?://|www\.", re.I)
DOI = re.compile(r"\b10\.\d{4,9}/|\bdoi\b", re.I)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]")
# a classification code (UDC, BBK, JEL, PACS, MSC) prints a code, never the title, even next to it
CLASS_CODE = re.compile(r"(?:^|[\s/(])(?:удк|udc|ббк|bbk|jel|pacs|msc|гртни|grnti)\b", re.I)
# identifiers, rights and the article's history: lines that name the article, never its title
RECORD_MARK = re.compile(r"\b(?:e?-?issn|edn|pmid|pmcid|isbn)\b|©|\(c\)\s*\d{4}|\bcopyright\b|"
                         r"^(?:received|accepted|published|revised|submitted|поступила|принята|опубликована|"
                         r"получена|дата\s+(?:поступления|публикации))\b", re.I)
# the cues copied from the lines above and below
NEIGHBOUR_CUES = ("chars", "names", "initials", "affiliation", "allcaps", "stop", "abstract", "heading", "marked",
                  "byline", "byline_loose", "byline_lenient")


def _bucket(value: float, edges: Sequence[float]) -> int:
    for i, edge in enumerate(edges):
        if value < edge:
            return i
    return len(edges)


def _offset(i: int, anchor: int | None) -> str:
    """The line's distance to an anchor line, bucketed: 'none', 'at', '-1', '-2', '-5', '-far', '+1', ..."""
    if anchor is None:
        return "none"
    d = i - anchor
    if d == 0:
        return "at"
    size = next((str(edge) for edge in (1, 2, 5) if abs(d) <= edge), "far")
    return ("-" if d < 0 else "+") + size


def _own(text: str, index: int, before_abstract: bool) -> Features:
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    alpha_words = [w.strip(",.;:()[]«»\"“”*") for w in words]
    alpha_words = [w for w in alpha_words if w[:1].isalpha()]
    capital = sum(w[:1].isupper() for w in alpha_words)
    names = sum(bool(NAME_WORD.match(w)) for w in alpha_words)
    digits = sum(c.isdigit() for c in text)
    f: Features = {
        "bias": 1.0,
        f"chars={_bucket(len(text), (15, 40, 80, 150, 300))}": 1.0,
        f"words={_bucket(len(words), (2, 4, 9, 21, 41))}": 1.0,
        f"position={_bucket(index, (1, 2, 3, 6, 11, 21))}": 1.0,
        f"capitals={_bucket(capital / len(alpha_words), (0.25, 0.5, 0.75, 0.99)) if alpha_words else -1}": 1.0,
        f"names={_bucket(names / len(alpha_words), (0.25, 0.5, 0.75, 0.99)) if alpha_words else -1}": 1.0,
        f"initials={min(len(INITIAL.findall(text)), 3)}": 1.0,
        f"commas={_bucket(text.count(','), (1, 2, 4))}": 1.0,
        f"digits={_bucket(digits / max(len(text), 1), (0.01, 0.1, 0.3))}": 1.0,
        f"upper={_bucket(sum(c.isupper() for c in letters) / len(letters), (0.1, 0.3, 0.7)) if letters else -1}": 1.0,
        f"punct={_bucket(sum(not c.isalnum() and not c.isspace() for c in text) / max(len(text), 1), (0.03, 0.08, 0.2))}": 1.0,
        f"before_abstract={before_abstract}": 1.0,
    }
    cues = {
        "allcaps": len(letters) >= 3 and all(c.isupper() for c in letters),
        "stop": text.rstrip().endswith("."),
        "colon_end": text.rstrip().endswith(":"),
        "comma_end": text.rstrip().endswith(","),
        "lower_start": text[:1].islower(),
        "heading": text.startswith("#"),
        "year": bool(YEAR.search(text)),
        "email_or_url": bool(EMAIL_OR_URL.search(text)),
        "doi": bool(DOI.search(text)),
        "marked": bool(MARKED_NAME.search(text)),
        "and": bool(AND_WORD.search(text)),
        "affiliation": looks_affiliation(text) if len(text) < 400 else False,
        "venue": bool(VENUE.search(text)),
        "furniture": is_furniture(text),
        "chrome": bool(CHROME.search(text)),
        "history": bool(HISTORY_START.match(text)),
        "label": bool(LABEL.match(text)),
        "abstract": bool(ABSTRACT_LABEL.match(text)),
        "keywords": bool(KEYWORDS_LABEL.match(text)),
        "cjk": bool(CJK.search(text)),
        "cyrillic": bool(CYRILLIC.search(text)),
        "quote": text[:1] in "«\"“'",
        "class_code": bool(CLASS_CODE.search(text)),
        "record_mark": bool(RECORD_MARK.search(text)),
    }
    if len(text) < 300:  # the rules' own byline parser: does the line read as a list of names?
        cues["byline"] = bool(parse_byline_marked(text))
        cues["byline_loose"] = not cues["byline"] and bool(parse_byline_marked(text, after_title=True))
        cues["byline_lenient"] = not cues["byline"] and not cues["byline_loose"] and bool(parse_loose_byline(text))
    f.update({name: 1.0 for name, on in cues.items() if on})
    first = alpha_words[0].lower() if alpha_words else ""
    if first and len(first) <= 15:
        f[f"first={first}"] = 1.0
    return f


def page_lines(text: str) -> List[Tuple[int, str]]:
    """The page's non-blank lines with their 1-based line numbers: the sequence the model labels."""
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def features(lines: Sequence[Tuple[int, str]]) -> List[Features]:
    """One feature dict per line of ``page_lines``."""
    abstract_at = next((i for i, (_, t) in enumerate(lines) if ABSTRACT_LABEL.match(t)), len(lines))
    own = [_own(t, i, i < abstract_at) for i, (_, t) in enumerate(lines)]
    byline_at = next((i for i, f in enumerate(own) if "byline" in f), None)
    out: List[Features] = []
    for i, f in enumerate(own):
        f = dict(f)
        n = lines[i][0]
        # where the line stands against the page's first byline and its abstract's label
        f[f"to_byline={_offset(i, byline_at)}"] = 1.0
        f[f"to_abstract={_offset(i, abstract_at if abstract_at < len(lines) else None)}"] = 1.0
        if i == 0 or lines[i - 1][0] < n - 1:
            f["blank_before"] = 1.0
        if i == len(lines) - 1 or lines[i + 1][0] > n + 1:
            f["blank_after"] = 1.0
        for prefix, j in (("above", i - 1), ("below", i + 1)):
            if 0 <= j < len(own):
                for key, value in own[j].items():
                    if key.split("=")[0] in NEIGHBOUR_CUES:
                        f[f"{prefix}:{key}"] = value
            else:
                f[f"{prefix}:none"] = 1.0
        out.append(f)
    return out


def to_crfsuite(sequence: List[Features]):  # -> pycrfsuite.ItemSequence
    import pycrfsuite

    return pycrfsuite.ItemSequence(sequence)
