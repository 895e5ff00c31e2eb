"""The article's abstract: a labelled block (its paragraphs, a structured abstract's sections)
or, where the page prints no label, the first structured section ('Background: ...') and the
sections after it. A mixin of the page reader, which holds the state."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Dict, List, Tuple

from ...model import CSLItem
from ...vocabulary.text import undo_line_hyphens
from .head import AFFILIATION
from .labels import Block
from .people import fold

if TYPE_CHECKING:
    from .reader import PageReader

# Abstract section headings of structured abstracts (IMRAD and the like), English and Russian
ABSTRACT_SECTIONS = re.compile(
    r"^(Introduction|Background|Purpose|Aims?|Objectives?|Goal|Materials\s+and\s+Methods|Methods?|Methodology|"
    r"Design/methodology/approach|Results?|Findings|Discussion(?:\s+and\s+Conclusions?)?|Conclusions?|"
    r"Practical\s+implications|Originality/value|Research\s+limitations|Введение|Цель(?:\s+\w+)?|"
    r"Материалы\s+и\s+методы|Методы|Результаты(?:\s+исследования)?|Обсуждение(?:\s+и\s+заключение)?|Заключение|"
    r"Выводы)\s*[.:]\s+(.+)$", re.S)
# what follows an 'Abstract' heading without being one: a numbered outline or reference list
NOT_AN_ABSTRACT = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\.)\s+(?:Introduction|Введение|[A-ZА-ЯЁ][\w'’-]+,?\s+(?:[A-ZА-ЯЁ]\.\s?)+)")
UNLABELLED_START = re.compile(r"^(?:Background|Objectives?|Purpose|Aims?|Introduction|Цель|Введение|Актуальность)\s*:\s+\S")


class AbstractLines:
    """The abstract's paragraphs; the state lives on the page reader."""

    item: CSLItem
    custom: Dict[str, Any]
    other: List[Tuple[int, str]]
    abstract_line: int | None
    abstract_end: int | None
    abstract_labelled: bool
    unlabelled_sections: List[Tuple[int, str]]
    lines: List[str]

    def repair(self, n: int, text: str) -> str:
        raise NotImplementedError

    def _loose_lines(self, block: Block) -> None:
        raise NotImplementedError

    def _has_title(self) -> bool:
        raise NotImplementedError

    def _head_of_second_abstract(self, paragraphs: List[Tuple[int, str]]) -> int:
        raise NotImplementedError

    def _block_abstract(self, block: Block) -> None:
        lines = [t for _, t in block.lines if t.strip()]
        if len(lines) >= 3 and all(len(t.split()) <= 4 and len(t.strip()) <= 40 for t in lines[:6]):  # (CJK has no spaces)
            # 'Аннотация' over 'Код статьи' / 'S0205...' / 'Тип публикации': a table of the record, no abstract
            self._loose_lines(block)
            return
        paragraphs = block.paragraphs(starts=ABSTRACT_SECTIONS)
        paragraphs = paragraphs[self._head_of_second_abstract(paragraphs):]
        kept: List[Tuple[int, str]] = []
        rest: Block | None = None
        for n, para in paragraphs:
            # a short heading-like line that is no abstract section ends the abstract
            if kept and len(para.split()) <= 5 and not para.endswith(".") and not ABSTRACT_SECTIONS.match(para):
                rest = Block("text", n, [(m, t) for m, t in block.lines if m >= n])
                break
            kept.append((n, self.repair(n, para)))
        if self.abstract_line is None:
            self.abstract_line = block.first_line
        self.abstract_labelled = True
        last = max((n for n, t in enumerate(self.lines, 1) if t.strip()), default=0)
        # a labelled abstract that runs to the page's end was cut short with the page ('Анотація' / 'Стаття досліджує кл')
        self.set_abstract(kept, cut_short=bool(kept) and rest is None and kept[-1][0] == last)
        if rest is not None:
            self._loose_lines(rest)

    def set_abstract(self, paragraphs: List[Tuple[int, str]], *, cut_short: bool = False) -> None:
        if not paragraphs:
            return
        text = " ".join(p for _, p in paragraphs)
        short = len(text.split()) < 8 and len(text) < 60 and not text.rstrip().endswith((".", "。"))
        if (short and not (cut_short and len(text.split()) >= 2)) or NOT_AN_ABSTRACT.match(paragraphs[0][1]):
            self.other.extend(paragraphs)  # 'Abstract' over 'Type: Editorial', an outline, a numbered reference
            return
        if "abstract" in self.item:
            self.other.extend(paragraphs)
            return
        self.item["abstract"] = "\n".join(p for _, p in paragraphs)
        self.abstract_end = paragraphs[-1][0]
        sections = []
        for _, p in paragraphs:
            m = ABSTRACT_SECTIONS.match(p)
            if m:
                sections.append({"title": m.group(1), "text": m.group(2).strip()})
        if len(sections) >= 2 and len(sections) == len(paragraphs):
            self.custom["abstract-sections"] = sections

    def _unlabelled_sections(self, n: int, line: str) -> bool:
        """A structured abstract without its label: its first section ('Background: ...') under
        the title, and each next section within two lines of the last."""
        if "abstract" not in self.item and self._has_title() and len(line.split()) >= 8 and UNLABELLED_START.match(line):
            self.abstract_line = self.abstract_line or n
            self.unlabelled_sections = [(n, line)]
            self.set_abstract(self.unlabelled_sections)
            return True
        if self.unlabelled_sections and n - self.unlabelled_sections[-1][0] <= 2 and ABSTRACT_SECTIONS.match(line):
            self.unlabelled_sections.append((n, line))
            del self.item["abstract"]
            self.set_abstract(self.unlabelled_sections)
            return True
        return False


def keyword_list(text: str) -> bool:
    """A line that lists three to fifteen short terms set apart by commas or semicolons: mostly in small
    letters ('Северный регион, медицинские работники, рацион'), or each capitalised as a term is, one
    word or a phrase in small letters after its first ('Drinking water; Ground water; Heavy metals',
    'Antibiotics, Growth promoter, Gut microbiome,'), never names ('Anna Smith, Ivan Petrov') nor an
    institution and its town."""
    terms = [t.strip() for t in re.split(r"[;,]", text.strip().rstrip(".")) if t.strip()]
    if not 3 <= len(terms) <= 15 or len(text) > 300 or re.search(r"\b(?:1[89]|20)\d\d\b|https?://|@", text):
        return False
    if not all(len(t.split()) <= 5 and t[:1].isalpha() for t in terms):
        return False
    if sum(t[:1].islower() for t in terms) >= 0.6 * len(terms):
        return True
    termlike = sum(len(t.split()) == 1 or any(w[:1].islower() and w not in ("of", "de", "и") for w in t.split()[1:])
                   for t in terms)
    return termlike >= 0.8 * len(terms) and not AFFILIATION.search(text) and not re.search(r"\b[A-ZА-ЯЁ]\.", text)


def prose(line: str) -> bool:
    words = line.split()
    return len(line) >= 40 and len(words) >= 6 and sum(w[:1].islower() for w in words) >= 0.5 * len(words)


# what shows running text to be the article's body, not its abstract: a numbered paragraph ('1Si l’on en croit',
# '1. В постперестроечный период'), citations of other works ('[1]', '[5,6]', '(Biswas, 1970)', '(MAZUR i IN. 1993)')
BODY_START = re.compile(r"^(?:\d{1,2}(?=[A-ZА-ЯЁÀ-Ö][a-zа-яёà-ÿ])|\d{1,2}\.\s+(?=[A-ZА-ЯЁÀ-Ö][a-zа-яёà-ÿ]*\s+[a-zа-яёà-ÿ]))")
IN_TEXT_CITATION = re.compile(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"
                              r"|\([A-ZА-ЯЁ][\w'’-]+(?:\s+(?:et\s+al\.?|and|&|и|i)(?:\s+[A-ZА-ЯЁ][\w'’.-]+)?|\s+и\s+др\.)?,\s*"
                              r"(?:1[89]|20)\d\d[a-z]?\s*[;,)]"
                              r"|\([A-ZА-ЯЁ]{3,}(?:\s+[\w.]+){0,3}\s+(?:1[89]|20)\d\d[a-z]?\)")
# another work's reference ('Julie Sealy, Elizabeth J. Abrams & Tom Cockburn. (2023) Students’ experience ...'):
# a cited-by list or the reference list
REFERENCE_START = re.compile(r"^[^()]{3,200}?(?:,|&|\band\b|\bи\b)[^()]{0,200}?\((?:1[89]|20)\d\d[a-z]?\)")
# a heading of the body's first section, alone on its line ('1 Einleitung', '1. Sustainability: An Overview', 'Введение')
BODY_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+[^\W\d_][^.!?\d]{0,80}|(?:Introduction|INTRODUCTION|Введение|ВВЕДЕНИЕ|Вступ|"
                          r"ВСТУП|Einleitung|Wstęp|Giriş|GİRİŞ|Pendahuluan|PENDAHULUAN|Introducción|Introdução|Introduzione|Úvod|Uvod)\.?)$")


def body_heading(line: str) -> bool:
    """The heading of the body's first section alone on its line ('1 Einleitung', 'Введение'), not a
    numbered affiliation ('3 ФГБОУ ВО «Воронежский … университет»')."""
    return len(line.split()) <= 7 and BODY_HEADING.match(line.strip()) is not None and not AFFILIATION.search(line)


def looks_body(text: str, above: str = "", *, citations: bool = True) -> bool:
    """Running text that reads as the article's body rather than its abstract: a numbered paragraph,
    the paragraph under the body's first section heading, or (with ``citations``) citations of other
    works, which some abstracts have too (Frontiers' brief reports, IEEE): a cue only where the
    paragraph is not placed as the abstract by where it stands."""
    return bool(BODY_START.match(text) or (citations and IN_TEXT_CITATION.search(text[:3000]))
                or body_heading(above))


def _line_above(lines: List[str], n: int) -> str:
    """The nearest line with text above line n (1-based)."""
    return next((lines[m].strip() for m in range(n - 2, max(-1, n - 6), -1) if lines[m].strip()), "")


def unlabelled_abstract(r: "PageReader") -> None:
    """An abstract printed without its label (PDF text wrapped at the column's width): the first run of
    prose lines within a dozen lines after the title (or, on a page without one, after the byline or from
    the page's start), at least 250 characters, or 100 right under the title. Wrapped lines may stand
    up to two blank lines apart; a shorter run of prose (an affiliation) is passed over; running text
    that reads as the body (looks_body) ends the search."""
    if "abstract" in r.item:
        return
    best = r.evidence.best("title")
    if r.title_lines or best is not None:
        start = max(r.title_lines or [best.line or 0])  # type: ignore[union-attr]
    else:
        start = max(r.byline_lines, default=0)
    # the title printed first as the page's heading, with the platform's summary under it, before the
    # copy the rules chose ('Title' / 'Summary ...' / ... / 'TITLE' / byline)
    target = fold(r.item.get("title", ""))
    first = next((n for n, t in enumerate(r.lines[:start], 1) if t.strip() and fold(t) == target), None) if target else None
    if first is not None and first < start:
        _abstract_after(r, first)
    if "abstract" not in r.item:
        _abstract_after(r, start)
    if "abstract" not in r.item:
        _abstract_above_keywords(r)


def _abstract_above_keywords(r: "PageReader") -> None:
    """A paragraph of prose right above the keywords' label, in the page's head, is the abstract printed
    without its label ('Статья содержит анализ ...' / 'Ключевые слова: ...'), wherever the title was found."""
    if r.keywords_line is None or r.keywords_line > 80:
        return
    above = [(n, t) for n, t in r.other if 0 < r.keywords_line - n <= 2]
    if not above:
        return
    n, text = max(above)
    if len(text) >= 150 and prose(text) and not keyword_list(text) and not looks_body(text, _line_above(r.lines, n)) \
            and not NOT_AN_ABSTRACT.match(text) and not REFERENCE_START.match(text):
        r.item["abstract"] = undo_line_hyphens(text)
        r.other.remove((n, text))
        r.abstract_line = r.abstract_line or n


def _abstract_after(r: "PageReader", start: int) -> None:
    runs: List[List[Tuple[int, str]]] = []
    run: List[Tuple[int, str]] = []
    for n, text in sorted(r.other):
        if n <= start:
            continue
        if run and (n - run[-1][0] > 3 or any(r.lines[m - 1].strip() for m in range(run[-1][0] + 1, n))):
            runs.append(run)
            run = []
        if prose(text) and not (run and keyword_list(text)):  # a keyword list under it is no part of it
            run.append((n, text))
            continue
        if run:
            runs.append(run)
            run = []
        if n - start > 12:
            break
    if run:
        runs.append(run)
    for run in runs:
        if NOT_AN_ABSTRACT.match(run[0][1]) or REFERENCE_START.match(run[0][1]) \
                or looks_body(run[0][1], _line_above(r.lines, run[0][0])):
            return  # an outline, a reference, the body
        # a description right under the title may be short ('Розгляд ... підходів ...'), and so may an abstract right
        # under the title's translation (a head line of title case or capitals); further down, only a paragraph
        under_title = bool(start) and run[0][0] - start <= 2 or any(
            0 < run[0][0] - max(c.line, c.last_line) <= 4 and (c.text.isupper() or c.text.istitle()) and len(c.text.split()) >= 3
            for c in r.candidates if c.line > start)
        if sum(len(t) for _, t in run) >= (100 if under_title else 250):
            r.item["abstract"] = undo_line_hyphens("\n".join(t for _, t in run)).replace("\n", " ")
            r.other = [x for x in r.other if x not in run]
            r.abstract_end = run[-1][0]  # (a keyword list under it is looked for there)
            return
