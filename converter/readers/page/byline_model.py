"""The learned byline model: a linear-chain CRF (python-crfsuite) over the words of each line of a
page's head that tags every token G(iven name), F(amily name), M(ark: an affiliation number or
symbol after a name), S(eparator between people) or O(ther), trained on the development pages by
``python -m tools.pagemodel.bylines`` (the gold authors aligned to the tokens that print them).

Its cues carry across languages and layouts rather than naming sites: the token's shape and
script, initials, where it stands in its line, the separators and marks around it, a known given
name, the same word in an e-mail address on the page, what its line looks like (an institution, a
label, its place in the head, its share of capitalised words and known given names), and what the
rules' loose reading makes of the line and of its pieces between commas (a family or a given name
word). The model tells where the people are; where the rules are sure of a name's order (initials,
a patronymic) they tell its family name. The rules stay first; the model's names are read where
the rules found no byline, or one that names an institution or a journal (assemble.py), with a
warning. With no model installed (or CITECONV_NO_PAGEMODEL set) it answers nothing."""
from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

from ...references.givennames import given_names
from ...vocabulary.names import is_initials
from .bylines import (
    PATRONYMIC,
    SUPERSCRIPT_DIGITS,
    full_name_parts,
    normal_case,
    parse_family_first,
    parse_initials_first,
    parse_loose_byline,
)
from .head import AFFILIATION, looks_affiliation
from .line_model import load_tagger
from .names import known_names
from .people import fold

LABELS = ("BG", "G", "BF", "F", "M", "S", "O")  # B: the first word of a person's name
MODEL_PATH = os.path.join(os.path.dirname(__file__), "model", "bylines.crfsuite")
THRESHOLD = 0.5          # how sure of each name token before a line is read as a byline (cross-validated)
GAP = 4                  # lines from one name line to the next in a byline printed a name a line
HEAD_LINES = 60          # the byline stands in the head of the page
LINE_TOKENS = 60         # a PDF page run together on one line: its first words hold the byline
_TAGGING = threading.Lock()

TOKEN = re.compile(r"[^\W\d_]\.(?:-?[^\W\d_]\.)*|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+|[^\w\s]")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_]\.-[^\W\d_]\.$")
_SEPARATOR_WORDS = {",", ";", "and", "&", "и", "y", "e", "et", "und", "та", "і", "·", "|", "/"}
_MARK_SYMBOLS = set("*†‡§#¶∥⊥")
_EMAIL = re.compile(r"([\w.+-]+)@[\w-]+(?:\.[\w-]+)+")
_LABEL = re.compile(r"^[^\W\d_][\w .'/-]{1,30}:")
_ABSTRACT = re.compile(r"^(?:#+\s*)?(?:abstract|summary|аннотация|анотація|резюме|resumen|resumo|résumé|abstrak|özet|"
                       r"sommario|riassunto|zusammenfassung)\b", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@dataclass
class Token:
    text: str
    start: int
    end: int


# a Roman-numeral affiliation mark glued to a name ('TavaresI', 'MousapoorII'): two tokens
_GLUED_ROMAN = re.compile(r"^([^\W\d_][^\W\d_'’-]*[a-zà-ÿа-яё])(I{1,3}|IV|VI{0,3})$")


def tokens(line: str) -> List[Token]:
    """The words, numbers and punctuation of a line (superscript marks read as digits; a Roman
    mark glued to a name set apart)."""
    line = line.translate(SUPERSCRIPT_DIGITS)
    out: List[Token] = []
    for m in TOKEN.finditer(line):
        glued = _GLUED_ROMAN.match(m.group(0))
        if glued and len(glued.group(1)) >= 3:
            cut = m.start() + len(glued.group(1))
            out += [Token(glued.group(1), m.start(), cut), Token(glued.group(2), cut, m.end())]
        else:
            out.append(Token(m.group(0), m.start(), m.end()))
    return out[:LINE_TOKENS]


def head_lines(text: str) -> List[Tuple[int, str]]:
    """The page's first non-blank lines with their 1-based numbers: where a byline is looked for."""
    out: List[Tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            out.append((n, line.strip()))
            if len(out) >= HEAD_LINES:
                break
    return out


def _shape(word: str) -> str:
    if _INITIALS.match(word):
        return "I"
    if word.isdigit():
        return "d" if len(word) <= 2 else "D"
    if not word[:1].isalpha():
        return word if len(word) == 1 else "p"
    if word.isupper():
        return "X" if len(word) == 1 else "XX"
    if word[:1].isupper():
        return "Xx" if word[1:].islower() or not any(c.isalpha() for c in word[1:]) else "XxX"
    return "x"


def _script(word: str) -> str:
    c = next((ch for ch in word if ch.isalpha()), "")
    if not c:
        return "none"
    if _CJK.match(c):
        return "cjk"
    if "\u0400" <= c <= "\u04ff":
        return "cyr"
    if c.isascii() or "\u00c0" <= c <= "\u024f":
        return "lat"
    return "other"


def _own(tok: Token, line: str, i: int, count: int, emails: frozenset[str]) -> List[str]:
    w = tok.text
    low = w.lower()
    shape = _shape(w)
    f = [f"shape={shape}", f"script={_script(w)}", f"len={min(len(w), 12) // 3}"]
    f.append(f"w={low}")  # function words, separators and labels ('Autori', 'Par'); the L1 weight drops rare names
    if w[:1].isalpha() and len(w) >= 4:
        f.append(f"suf3={low[-3:]}")
        f.append(f"suf2={low[-2:]}")
    if shape in ("Xx", "XX") and w.capitalize() in given_names():
        f.append("given_name")
    if shape in ("Xx", "XX", "XxX") and len(w) >= 2:
        kind = known_names().get(w.casefold())  # the names lexicon: a given name, a family name, or either
        if kind:
            f.append(f"lexicon={kind}")
    if len(w) >= 3 and fold(w) in emails:
        f.append("in_email")
    if "-" in w:
        f.append("hyphen")
    before = line[tok.start - 1] if tok.start else " "
    after = line[tok.end] if tok.end < len(line) else " "
    f.append(f"glued_left={not before.isspace()}")
    f.append(f"glued_right={not after.isspace()}")
    if i == 0:
        f.append("first")
    if i == count - 1:
        f.append("last")
    f.append(f"index={min(i, 8)}")
    return f


def _line_cues(line: str, index: int, before_abstract: bool) -> List[str]:
    words = line.split()
    letters = [w for w in words if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in letters) / len(letters) if letters else 0.0
    known = sum(w.strip(",;*").capitalize() in given_names() for w in letters)
    f = [f"line_capitalised={round(capitalised * 4)}", f"line_given_names={min(known, 3)}",
         f"line_words={next((k for k, edge in enumerate((3, 6, 10, 20, 40)) if len(words) < edge), 5)}",
         f"line_index={next((k for k, edge in enumerate((1, 3, 6, 12, 25)) if index < edge), 5)}",
         f"before_abstract={before_abstract}"]
    if "@" in line:
        f.append("line_email")
    if "," in line:
        f.append("line_comma")
    if len(line) < 400 and looks_affiliation(line):
        f.append("line_affiliation")
    if _LABEL.match(line):
        f.append("line_label")
    if re.search(r"\b(?:18|19|20)\d\d\b", line):
        f.append("line_year")
    return f


def _rule_reading(line: str) -> Tuple[bool, set[str], set[str]]:
    """Whether the rules' loose reading (bylines.parse_loose_byline) reads the whole line as a
    byline, and the family and given name words (folded) it reads in the line's pieces between
    commas, semicolons and 'and' ('В.В. Жидок, здобувач': a name, then what the person is)."""
    if len(line) >= 300:
        return False, set(), set()
    whole = parse_loose_byline(line)
    family: set[str] = set()
    given: set[str] = set()
    # (a piece without a capital letter names no one: the loose reading would refuse it)
    pieces = [p for p in re.split(r"[,;]|\s(?:and|&|и|і)\s", line) if any(c.isupper() for c in p)]
    for piece in pieces:
        for person, _ in parse_loose_byline(piece) or []:
            family.update(fold(w) for w in person.get("family", "").split())
            given.update(fold(w) for w in person.get("given", "").split())
    return bool(whole), family, given


def _sequence(toks: List[Token], line: str, cues: List[str], emails: frozenset[str]) -> List[List[str]]:
    own = [_own(t, line, i, len(toks), emails) for i, t in enumerate(toks)]
    whole, family, given = _rule_reading(line)
    if whole:
        cues = cues + ["line_rule_byline"]
    if family:
        for t, f in zip(toks, own):
            key = fold(t.text)
            if key in family:
                f.append("rule_family")
            elif key in given:
                f.append("rule_given")
    short = [[x for x in f if x.startswith(("shape=", "w=", "given_name", "glued_left", "rule_"))] for f in own]
    out: List[List[str]] = []
    for i, f in enumerate(own):
        feats = ["bias"] + f + cues
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(own):
                feats += [f"{d}:{x}" for x in short[j]]
            else:
                feats.append(f"{d}:none")
        out.append(feats)
    return out


def page_sequences(text: str) -> List[Tuple[int, str, List[Token], List[List[str]]]]:
    """(line number, line, its tokens, their features) for each line of the page's head."""
    lines = head_lines(text)
    emails = frozenset(fold(part) for m in _EMAIL.finditer(text[:20000])
                       for part in re.split(r"[._+-]", m.group(1)) if len(part) >= 3)
    abstract_at = next((i for i, (_, t) in enumerate(lines) if _ABSTRACT.match(t)), len(lines))
    out = []
    for i, (n, line) in enumerate(lines):
        toks = tokens(line)
        if not toks:
            continue
        cues = _line_cues(line, i, i < abstract_at)
        out.append((n, line.translate(SUPERSCRIPT_DIGITS), toks, _sequence(toks, line.translate(SUPERSCRIPT_DIGITS), cues, emails)))
    return out


def people_of(toks: Sequence[Token], labels: Sequence[str]) -> List[Tuple[Dict[str, str], List[int]]]:
    """The people a tagged line names: (name, indices of its tokens). A person is a run of given
    and family name words, begun by a word tagged as a name's first (BG, BF) or after any other."""
    out: List[Tuple[Dict[str, str], List[int]]] = []
    cur: List[int] = []

    def close() -> None:
        if cur:
            given = " ".join(toks[k].text for k in cur if labels[k][-1] == "G")
            family = " ".join(toks[k].text for k in cur if labels[k][-1] == "F")
            if family:
                person = {"family": family, "given": given} if given else {"family": family}
                out.append((_reread(person, [toks[k].text for k in cur], [labels[k][-1] for k in cur]), list(cur)))
        cur.clear()

    for i, lab in enumerate(labels):
        if lab in ("G", "F", "BG", "BF") and toks[i].text[:1].isalpha():  # never a bullet or a dash
            if lab.startswith("B"):
                close()
            cur.append(i)
        else:
            close()
    close()
    return out


def _reread(person: Dict[str, str], words: List[str], parts: List[str]) -> Dict[str, str]:
    """The model tells where a person's name is; the rules, where they are sure, which of its words
    are the family name: a name with initials ('Иванова А. С.', 'A. S. Ivanova'), a Russian full
    name with its patronymic, and a full name whose family words the model put in the middle."""
    text = normal_case(" ".join(words))
    if any(is_initials(w) for w in words):
        return parse_initials_first(text) or parse_family_first(text) or person
    cased = text.split()
    if len(cased) == 3 and any(PATRONYMIC.search(w) for w in cased[1:]):
        return full_name_parts(cased)
    runs = "".join(parts)
    if len(words) >= 2 and not (re.fullmatch(r"F+G+", runs) or re.fullmatch(r"G+F+", runs)):
        return full_name_parts(cased)  # interleaved: given names first, as most bylines print them
    return person


@dataclass
class TaggedLine:
    line: int
    text: str
    people: List[Dict[str, str]]
    confidence: float  # over its people, the mean of how sure the model is of each (its least sure token's label)


def tag_page(text: str, model_path: str | None = None) -> List[TaggedLine]:
    """Each head line that names someone, with the people and how sure the model is; empty without a model."""
    if os.environ.get("CITECONV_NO_PAGEMODEL"):
        return []
    tagger = load_tagger(model_path or MODEL_PATH)
    if tagger is None:
        return []
    out: List[TaggedLine] = []
    with _TAGGING:
        for n, line, toks, feats in page_sequences(text):
            labels = tagger.tag(feats)
            if "F" not in labels and "BF" not in labels:
                continue
            found = people_of(toks, labels)
            if not found:
                continue
            each = [min(tagger.marginal(labels[k], k) for k in idx) for _, idx in found]
            out.append(TaggedLine(n, line, [p for p, _ in found], sum(each) / len(each)))
    return out


def choose_byline(tagged: Sequence[TaggedLine], skip: Sequence[int], title: str = "",
                  threshold: float | None = None, gap: int | None = None) -> Tuple[List[Dict[str, str]], List[int]]:
    """The byline among the tagged head lines: the first line the model is sure names people (not a
    title line), and the sure lines close under it (a name a line, each over its details)."""
    threshold = THRESHOLD if threshold is None else threshold
    gap = GAP if gap is None else gap
    people: List[Dict[str, str]] = []
    at: List[int] = []
    folded_title = fold(title)
    for t in tagged:
        if t.line in skip or t.confidence < threshold or (folded_title and fold(t.text) == folded_title):
            continue
        if at and t.line - at[-1] > gap:
            break
        for person in t.people:
            # one person printed again (a name line over its details) is not a second author; two
            # of one family with other initials are ('Р.М. Салмин; А.В. Гайдук; И.М. Салмин')
            if not any(_same(person, p) for p in people):
                people.append(person)
        at.append(t.line)
    return people, at


def _same(one: Dict[str, str], other: Dict[str, str]) -> bool:
    """One person across two printings: the same family name, and the same first initial where
    both give one."""
    if fold(one["family"]) != fold(other["family"]):
        return False
    a, b = fold(one.get("given", ""))[:1], fold(other.get("given", ""))[:1]
    return not a or not b or a == b


_NOT_A_NAME = re.compile(
    r"^(?:journal|revista|revue|rivista|zeitschrift|review|proceedings|bulletin|annals|quarterly|contemporanea|"
    r"вестник|журнал|известия|"  # a journal's words
    r"national|nacional|nazionale|federal|agrarian|agricultural|polytechnic|technical|technological|pedagogical|"
    r"lab|techniques|technology|program|programa|studi|prodi|departemen|departamento|department|"  # an institution's
    r"kecamatan|kabupaten|kelurahan|desa|kota|provinsi|district|province|oblast|область|район)$", re.I)  # a place's


def implausible(people: Sequence[Dict[str, str]]) -> bool:
    """A byline the rules read that names no one: a word of an institution ('Fakultas Pertanian,
    Universitas Udayana', 'Vinnitsa National Agrarian'), of a journal's name ('Revista da Escola de
    Enfermagem da USP') or of a place ('Kecamatan Sanaman Mantikei, Kabupaten Katingan') among its
    people's names."""
    return any(AFFILIATION.fullmatch(w) or _NOT_A_NAME.match(w)
               for p in people for w in f"{p.get('given', '')} {p.get('family', '')}".split())
