"""The page walk: an article web page saved as plain text -> findings for one record.

The page is split into labelled blocks (labels.py); each block goes to the field it names.
Lines outside any block (the head, dates, licence lines, prose) are classified one by one;
lines that may be the title are kept as candidates and chosen at the end (title.py). What
different parts of the page say about one field is merged by source (evidence.py), and
assemble.py builds the record. Whatever is not recognised is kept under
``custom["other-text"]`` with a warning, so nothing on the page is lost."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from ...limits import check_line_lengths, check_text_length
from ...model import CSLItem, Diagnostic, Diagnostics, Result
from ...options import Options
from ...references import parse_reference, split_reference_list
from ...vocabulary.identifiers import clean_doi
from ...vocabulary.licences import licence_url
from ...vocabulary.text import repair_homoglyphs
from .. import jats
from . import bylines, citation, history, identifiers, issue, pdf_head, people, title
from .abstract import AbstractLines, body_heading, looks_body
from .assemble import finish
from .evidence import Evidence
from .head import AFFILIATION, HeadLines, split_name_affiliation
from .labelled_numbers import LabelledNumbers
from .labels import Block, cut_running_tail, keyword_list_end, keyword_separators, match_label, split_blocks
from .title import Candidate, is_furniture

AFTER_REFERENCES = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b|licensee\b|this (?:article|work) is (?:an open|licensed|distributed)|"
                              r"received\b|submitted\b|поступила\b|статья поступила|лицензия\b)", re.I)
MARKDOWN_EMPHASIS = re.compile(r"(?<![^\s(\[])\*{1,2}([^\s*][^*]*?)\*{1,2}(?![\w*])")
JOURNAL_DATE = re.compile(r"^([^\W\d][^,\d]{1,60}?),\s+(\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},\s+\d{4})$")
PROFILE_LINE = re.compile(r"^(?:article|conference\s+paper|chapter|preprint|thesis)\s+(?:in\s+(.+?)\s+)?·\s+"
                          r"([^\W\d_]+\.?\s+(?:19|20)\d\d)\b", re.I)
# a heading over the name of the special issue or thematic section an article belongs to
SPECIAL_ISSUE = re.compile(r"^(?:special\s+(?:issue|section)|thematic\s+(?:issue|section)|focus\s+issue|"
                           r"спец(?:иальный\s+)?выпуск|тематический\s+выпуск|спецвипуск|número\s+especial)\s*:?$", re.I)
VIEW_SPECIAL_ISSUE = re.compile(r"^(?:view|see|go\s+to)\s+(?:this|the)\s+special\s+issue\b", re.I)
LONG_LINE = 5000  # characters: far longer than any head line, so a megabyte of prose costs one pass
KEYWORDS_END = re.compile(r"\s+\|\s+|\s+1\.?\s+(?:Introduction|INTRODUCTION|Введение|ВВЕДЕНИЕ)\b|\.\s+(?:\d\.?\s+)?(?:[A-ZА-Я]{2,}\b|I\.?\s|Введение|Introduction)|\.\s+I\.?$")
INLINE_BREAK_HYPHEN = re.compile(r"\b([A-Z][a-z]{1,3})-([a-z]{4,})\b")  # (not a Korean given name: "Sang-jun")
HYPHEN_PREFIXES = {"co", "non", "pre", "post", "anti", "sub", "self", "ex", "pro", "re", "neo", "pan", "mid",
                   "semi", "euro", "well", "half", "full", "high", "low", "long", "all", "over", "out", "up",
                   "un", "de", "in", "on", "off", "top", "end", "key", "war", "web", "e", "x"}



def _undo_inline_hyphen(text: str) -> str:
    """'San Fer-nando St.' -> 'San Fernando St.': a hyphen left from a line break inside a
    capitalised word; compounds such as 'Post-Soviet' or 'Co-operation' stay."""
    def join(m: re.Match[str]) -> str:
        return m.group(0) if m.group(1).lower() in HYPHEN_PREFIXES else m.group(1) + m.group(2)
    return INLINE_BREAK_HYPHEN.sub(join, text)


def _keyword_separators(value: str) -> str:
    """Keywords set apart by middle dots, bullets, CJK commas or spaced dashes ('a · b · c', 'a、b',
    'a – b – c') set apart by semicolons, the separator every reader of the field knows."""
    value = re.sub(r"\s*[·•▪，、；]\s*", "; ", value)
    if not re.search(r"[,;]", value) and len(re.findall(r"\s[–—]\s", value)) >= 2:
        value = re.sub(r"\s+[–—]\s+", "; ", value)
    pieces = value.split(": ")
    if not re.search(r"[,;]", value) and len(pieces) >= 3 and all(1 <= len(p.split()) <= 5 for p in pieces):
        value = "; ".join(pieces)  # colons between the terms ('Demographic Factors: Adoption: Mobile banking Services')
    return value.strip("; ")


# the copyright notice written without its sign, or with the sign's look-alikes, before the year: 'Copyright (c) 2019',
# '(c) 2019', 'Ⓒ 2019', and OJS's notice in its locales ('Derechos de autor 2019', 'Direitos autorais (c) 2019',
# 'Hak Cipta (c) 2019', 'Telif Hakkı (c) 2019', 'Авторські права (c) 2019')
COPYRIGHT_WORDS = re.compile(r"(?:\b(?:copyright|derechos\s+de\s+autor|direitos\s+autorais|hak\s+cipta|telif\s+hakk[ıi]|"
                             r"авторські\s+права|авторские\s+права|diritti\s+d['’]autore|droits\s+d['’]auteur|urheberrecht)"
                             r"\s*(?:\(c\)|©|Ⓒ)?\s*:?|(?<![\w(])\(c\)|Ⓒ)\s*(?=(?:19|20)\d\d(?![\d-]))", re.I)
# a record's table saved as text, a row a line: '| Abstract | 【目的】... |', '| Keywords | a; b |'
TABLE_ROW = re.compile(r"^\s*\|\s*([^|\d]{2,40}?)\s*\|\s*([^|]+?)\s*\|?\s*$")
TABLE_KINDS = ("abstract", "keywords", "doi")


def _table_row(line: str) -> str:
    """A table row whose first cell is the label of an abstract, keywords or a DOI, written as a labelled line
    ('Abstract: ...'), so that it is read as the same label printed on its own would be."""
    m = TABLE_ROW.match(line) if line.lstrip().startswith("|") else None
    if not m:
        return line
    labelled = f"{m.group(1)}: {m.group(2)}"
    found = match_label(labelled)
    return labelled if found and found[0] in TABLE_KINDS else line


JATS_SOURCE = re.compile(r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE\s+article\b|<article\b[^>]*\barticle-type=|<article\s+xmlns)")


class PageReader(HeadLines, AbstractLines, LabelledNumbers):
    """State of one page being read."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.diags = Diagnostics(source)
        self.raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines = [ln.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("\u2011", "-")
                 .replace("\\r\\n", " ").rstrip()
                 for ln in self.raw_lines]  # the non-breaking hyphen of '30‑35' is a hyphen; a line break's
        # JSON escape copied as text ('\r\nIna Specht') is white space
        # pages saved as Markdown: '# Title' is the page's heading (a title cue), '*Journal*' emphasis
        self.headings = {n for n, ln in enumerate(lines, 1) if re.match(r"^#\s+\S", ln)}
        self.lines = bylines.join_split_bylines(
            [_table_row(MARKDOWN_EMPHASIS.sub(r"\1", re.sub(r"^#{1,6}\s+", "", ln))) for ln in lines])
        self.item: CSLItem = {"id": "", "type": "article-journal"}
        self.custom: Dict[str, Any] = {}
        self.evidence = Evidence()
        self.byline: List[Dict[str, str]] = []
        self.byline_lines: List[int] = []                # where bylines stand (a title cue)
        self.stacked_byline = False                      # the last byline name stood alone over its details
        self.abstract_after: int | None = None           # a heading line the abstract's paragraph follows
        self.about: List[Dict[str, Any]] = []
        self.about_lines: List[int] = []                 # head lines about one author each
        self.contributions: List[Tuple[str, str]] = []
        self.other: List[Tuple[int, str]] = []
        self.candidates: List[Candidate] = []            # lines that may be the title
        self.citations: List[Tuple[int, str]] = []       # the page's own citation lines
        self.citation_parse: Dict[str, Any] = {}         # the first one, read by the reference parser
        self.abstract_line: int | None = None
        self.abstract_end: int | None = None  # the abstract's last line
        self.abstract_labelled = False        # an abstract label's block was read
        self.unlabelled_sections: List[Tuple[int, str]] = []  # a structured abstract found without its label
        self.title_lines: List[int] = []                 # the lines the chosen title stands on
        self.editors: List[Tuple[int, List[Dict[str, str]]]] = []  # 'Edited by ...' lines: the book's editors
        self.references: List[CSLItem] = []
        self.role_statements: List[Tuple[int, str]] = []  # contributions written role first
        self.byline_marks: List[List[str]] = []          # affiliation markers after each byline name
        self.affiliations: Dict[str, str] = {}           # marker -> affiliation printed under the byline
        self.correspondence: Dict[str, str] = {}         # marker ('*') -> "Correspondence: ..." text
        self.reference_lines: List[int] = []
        self.line_labels: Dict[int, Dict[str, float]] | None = None  # the learned line model's, once asked
        self.body_at: int | None = None                  # the first line of running text read as the body
        self.reading_run_in = False                      # a line with its abstract run in is being read whole
        self.keywords_continued: set[int] = set()        # lines a keyword list ran on to over a blank line
        self.keywords_line: int | None = None            # the first keywords label's line

    def repair(self, n: int, text: str) -> str:
        fixed, changes = repair_homoglyphs(text)
        for change in changes:
            self.diags.warn(f"repaired look-alike letters: {change}", line=n)
        return _undo_inline_hyphen(fixed)

    # -- the whole page ---------------------------------------------------------------------
    def read(self) -> Result:
        for block in split_blocks(self.lines):
            handler = getattr(self, f"_block_{block.kind.replace('-', '_')}", None)
            if handler is None:
                self._loose_lines(block)
            else:
                handler(block)
        finish(self)
        return Result([self.item], list(self.diags))

    # -- labelled blocks ----------------------------------------------------------------------
    def _has_title(self) -> bool:
        """A title line (or its label) has been seen: running text after it may be the abstract."""
        return bool(self.candidates) or self.evidence.has("title")

    def _block_keywords(self, block: Block) -> None:
        lines = [(n, t) for n, t in block.lines if t.strip()]
        if self.keywords_line is None:
            self.keywords_line = block.first_line
        # a full stop closes the list: the lines after it are the page's next parts (PDF text without blank lines)
        end = next((i + 1 for i, (_, t) in enumerate(lines[:-1]) if t.rstrip().endswith(".")), len(lines))
        # and a copyright line is the page's next part too ('© 2021 The Authors. Published by ...')
        end = next((i for i, (_, t) in enumerate(lines[:end]) if i and re.match(r"\s*(?:©|\(c\)\s|copyright\b)", t, re.I)), end)
        end = min(end, keyword_list_end([t for _, t in lines]))  # or a heading or a sentence without separators
        if end < len(lines):
            self._loose_lines(Block("text", lines[end][0], lines[end:]))
            lines = lines[:end]
        if end == len(lines) and lines and re.search(r"[,;，、；]\s*$", lines[-1][1]):
            lines = lines + self._keywords_run_on(lines[-1][0])
        texts = [self.repair(n, re.sub(r"^\s*[•·▪◦-]\s+", "", t).strip()) for n, t in lines]
        # one keyword a line (a list copied from a web page): no separator on any line, each a few words
        one_a_line = len(texts) >= 2 and all(len(t.split()) <= 5 and not re.search(r"[,;，、；]", t) for t in texts)
        value = keyword_separators(("; " if one_a_line else " ").join(texts).strip())
        # the keywords end where the body starts on the same line ('... analysis. 1. INTRODUCTION ...')
        cut = KEYWORDS_END.search(value)
        if cut:
            self.other.append((block.first_line, value[cut.start():].strip(" .|")))
            value = value[: cut.start()]
        value, after = cut_running_tail(value)  # ('..., gospodarstwa indywidualne Wstęp Substancja organiczna ...')
        if after:
            self.other.append((block.first_line, after))
        value = _keyword_separators(value.strip().rstrip("."))
        if value and "keyword" not in self.item:
            self.item["keyword"] = re.sub(r"\s*;\s*", "; ", value)
        elif value:
            self.custom.setdefault("keywords-other", []).append(value)

    def _keywords_run_on(self, n: int) -> List[Tuple[int, str]]:
        """A keyword list whose line ends with its separator runs on over a blank line ('...; archival document;' /
        '' / 'memories; railway transport; ...'): the next line with text, when it is a list too."""
        m = next((m for m in range(n + 1, min(n + 3, len(self.lines)) + 1) if self.lines[m - 1].strip()), None)
        if m is None:
            return []
        text = self.lines[m - 1].strip()
        pieces = [p for p in re.split(r"[,;，、；]", text.rstrip(" .")) if p.strip()]
        if len(pieces) < 3 or any(len(p.split()) > 10 for p in pieces) or match_label(text):
            return []
        self.keywords_continued.add(m)
        return [(m, text)]

    def _block_citation(self, block: Block) -> None:
        for first_line, value in citation.citations_in_block(block.lines):
            self.citations.append((first_line, self.repair(first_line, value)))

    def _block_title(self, block: Block) -> None:
        value = " ".join(t.strip() for _, t in block.lines if t.strip())
        self.evidence.add("title", value.rstrip("."), "label", block.first_line)

    def _block_byline(self, block: Block) -> None:
        value = " ".join(t.strip() for _, t in block.lines if t.strip())
        value = self.repair(block.first_line, value) if value else value
        if value and (self._byline(block.first_line, value) or self._inverted_pairs(block.first_line, value)):
            return
        # one author a line, each with their institution ('Автор(и)' / '• Йосип ГРИБ Національний університет ...')
        placed = [(n, split_name_affiliation(t)) for n, t in block.lines if t.strip()]
        if placed and all(p for _, p in placed):
            for n, p in placed:
                if p:
                    self._add_names(n, [p[0]])
                    self.custom.setdefault("affiliations-as-printed", []).append(p[1])
            return
        self.other.extend(block.lines)

    def _block_journal(self, block: Block) -> None:
        value = " ".join(t.strip() for _, t in block.lines if t.strip())
        value = re.sub(r"\s+@[\w.-]+$", "", value)  # a social handle after the name ('... журнал @vmj-ru')
        facts = issue.issue_facts(value)
        if facts:
            self._issue_line(block.first_line, facts, "label")
        elif value and not issue.DATABASE.match(value) and not title.is_furniture(value):
            # the label vouches for a name; what the name's reading trims is still cut (the
            # issue and year after it: 'Published in: BMC Public Health 1/2010')
            self.evidence.add("container-title", (issue.journal_name(value) or value).rstrip("."), "label",
                              block.first_line)
        elif value:
            self.other.extend(block.lines)  # 'Source: PubMed', a menu's 'Journal' / 'Article': kept, not the journal

    def _block_references(self, block: Block) -> None:
        lines = block.lines
        # the list ends where page furniture starts (copyright, licence, history dates)
        for i, (n, t) in enumerate(lines):
            if i and AFTER_REFERENCES.match(t) and not lines[i - 1][1].rstrip().endswith("-"):
                self._loose_lines(Block("text", n, lines[i:]))
                lines = lines[:i]
                break
        text = "\n".join(self.raw_lines[n - 1] for n, _ in lines)
        first = lines[0][0] if lines else block.first_line
        self._parse_references(text, first)

    def _parse_references(self, text: str, first_line: int) -> None:
        for number, ref, offset in split_reference_list(text):
            item, diags = parse_reference(ref, number=number)
            line = first_line + offset
            for d in diags:
                self.diags.append(Diagnostic(d.message, d.severity, self.source, line, d.field,
                                             f"reference {number}" if number else None))
            self.references.append(item)
            self.reference_lines.append(line)

    def _block_authors(self, block: Block) -> None:
        for n, para in block.paragraphs():
            if self._is_page_furniture(para):  # dates or a licence after the last author
                self._classify_line(n, para)
                continue
            self.about.append(people.parse_author_paragraph(self.repair(n, para)))

    @staticmethod
    def _is_page_furniture(para: str) -> bool:
        return bool(history.history_dates(para) or AFTER_REFERENCES.match(para))

    def _block_contributions(self, block: Block) -> None:
        for n, para in block.paragraphs():
            if self._is_page_furniture(para):
                self._classify_line(n, para)
                continue
            para = self.repair(n, para)
            parsed = people.parse_contribution(para)
            if parsed and not people.looks_like_role_list(para):
                self.contributions.append(parsed)
            else:
                # "Conceptualization, A.S.I. and B.B.P.; methodology, A.S.I." (roles first, by
                # initials): resolved once the authors are known
                self.role_statements.append((n, para))

    def _statement(self, key: str, block: Block) -> None:
        value = " ".join(self.repair(n, t.strip()) for n, t in block.lines if t.strip())
        if value:  # a second statement of the same kind is added, never put in the first one's place
            self.custom[key] = f"{self.custom[key]}\n{value}" if key in self.custom else value

    def _block_acknowledgements(self, block: Block) -> None:
        self._statement("acknowledgements", block)

    def _block_conflict(self, block: Block) -> None:
        self._statement("conflict-of-interest", block)

    def _block_data(self, block: Block) -> None:
        self._statement("data-availability", block)

    def _block_funding(self, block: Block) -> None:
        self._statement("funding", block)

    def _block_doi(self, block: Block) -> None:
        text = re.sub(r"^(\S*10\.\d{4,9}/)\s+(?=\S)", r"\1", block.text)  # '10.20969/ VSKM.2017...'
        doi = identifiers.find_doi("doi: " + text) if text else None
        if doi:
            self.evidence.add("DOI", doi, "label", block.first_line)
            at = text.lower().find(doi.lower())
            # PDF text runs the next line on: 'DOI 10.54509/2220_169 Хакимова Нурия Равильевна'
            self._run_on(block.first_line, text[at + len(doi):] if at >= 0 else "")
        elif block.text:
            self.other.extend(block.lines)

    def _block_publisher(self, block: Block) -> None:
        value = " ".join(t.strip() for _, t in block.lines if t.strip())
        if value:
            self.item.setdefault("publisher", value.rstrip("."))

    def _block_url(self, block: Block) -> None:
        url = identifiers.find_article_url(block.text)
        if url:
            self.evidence.add("URL", url, "label", block.first_line)
        elif block.text:
            self.other.extend(block.lines)

    def _block_edn(self, block: Block) -> None:
        m = identifiers.EDN.search("EDN " + block.text)
        if m:
            self.custom["edn"] = m.group(1).upper()
            self._run_on(block.first_line, ("EDN " + block.text)[m.end():])
        elif block.text:
            self.other.extend(block.lines)

    def _run_on(self, n: int, rest: str) -> None:
        """What a one-line label's value has after it on its line is read as a line of its own."""
        rest = rest.strip(" .,;|")
        if rest:
            self._classify_line(n, rest)

    def _block_udc(self, block: Block) -> None:
        value = block.text.strip().lstrip(":").strip()
        # a UDC code with the DOI after it on its line ('УДК: 711.52 DOI: https://doi.org/10...')
        glued = re.search(r"\s(?:doi|edn)\b", value, re.I)
        if glued:
            value, rest = value[: glued.start()].strip(), value[glued.start():]
            self._run_on(block.first_line, rest)
        if value:
            self.custom["udc"] = value

    def _block_pages(self, block: Block) -> None:
        m = issue.PAGES.match(block.text)
        if m:
            self.evidence.add("page", f"{m.group(1)}-{m.group(2)}", "label", block.first_line)
            self._run_on(block.first_line, block.text[m.end():])
        elif block.text:
            self.other.extend(block.lines)

    # -- lines outside labelled blocks ------------------------------------------------------
    def _loose_lines(self, block: Block) -> None:
        lines = history.join_label_lines([(n, t.strip()) for n, t in block.lines if t.strip()])
        numbered = self._numbered_run(lines)
        for idx, (n, line) in enumerate(lines):
            if n in self.keywords_continued:
                continue
            if numbered is not None and idx >= numbered:
                text = "\n".join(self.raw_lines[m - 1] for m, _ in block.lines if m >= n)
                self._parse_references(text, n)
                return
            self._classify_line(n, line, lines[idx + 1][1] if idx + 1 < len(lines) else "")

    def _line_above(self, n: int) -> str:
        """The nearest line with text above line n (1-based), within three lines."""
        return next((self.lines[m].strip() for m in range(n - 2, max(-1, n - 5), -1) if self.lines[m].strip()), "")

    @staticmethod
    def _numbered_run(lines: List[Tuple[int, str]]) -> int | None:
        """Index where an unlabelled numbered list '1. ... 2. ...' starts (a reference list)."""
        for i, (_, line) in enumerate(lines):
            # a reference is a sentence or carries a year; '1. Richard J Abdill' is a list of authors
            if re.match(r"^\s*(?:\[1\]|1[.)])\s+\S", line) and (len(line.split()) >= 6 or re.search(r"\b(?:1[89]|20)\d\d\b", line)):
                if any(re.match(r"^\s*(?:\[2\]|2[.)])\s+\S", t) for _, t in lines[i + 1:]):
                    return i
        return None

    def _identifiers(self, n: int, line: str) -> None:
        """Identifiers printed anywhere on a line: kept whatever else the line is."""
        doi = identifiers.find_doi(line)
        if doi:
            self.evidence.add("DOI", doi, "text", n)
        issns = identifiers.find_issns(line)
        for issn in issns:
            self.evidence.add("ISSN", issn, "label", n)
        if issns and len(line) < 80 and self.candidates and 0 < n - self.candidates[-1].line <= 2:
            # a journal's masthead: its name, then its ISSN on the next line
            above = issue.journal_name(self.candidates[-1].text)
            if above and len(above.split()) <= 12 and not is_furniture(above) and "abstract" not in self.item:
                self.evidence.add("container-title", above, "head", self.candidates[-1].line)
        for key, value in identifiers.find_pubmed_ids(line).items():
            self.evidence.add(key, value, "label", n)

    def _classify_line(self, n: int, line: str, next_line: str = "") -> None:
        line = self.repair(n, line)
        # the © of a PDF's symbol font read as 'Ó' before a holder and a year ('Ó Springer International Publishing 2014')
        line = re.sub(r"(?<![^\W\d_])Ó(?=\s+(?:The\s+Author|[A-Z][a-z]+\b[^©\n]{0,80}?(?<![\d-])(?:19|20)\d\d(?![\d-])))", "©", line)
        line = COPYRIGHT_WORDS.sub("© ", line)
        if SPECIAL_ISSUE.match(self._line_above(n)) and not SPECIAL_ISSUE.match(line):
            # the name of the special issue the article belongs to (Hindawi: 'Special Issue' / its name / 'View
            # this Special Issue'), a heading above the article's own title: kept, never the title
            self.custom.setdefault("special-issue", line)
            return
        if VIEW_SPECIAL_ISSUE.match(line):  # the link under that name
            self.other.append((n, line))
            return
        if self.abstract_after is not None and n > self.abstract_after:
            heading, self.abstract_after = self.abstract_after, None
            if "abstract" not in self.item and len(line.split()) >= 8 and n - heading <= 3 and not looks_body(line, citations=False):
                self.set_abstract([(n, line)])
                return
        self._identifiers(n, line)
        halves = bylines.two_columns(line) if "abstract" not in self.item and len(line) < 300 else None
        if halves:  # a bilingual PDF's two columns on one line: the Russian column is the article's
            line = halves[0]
            self.custom.setdefault("english-column-as-printed", []).append(halves[1])
        if len(line) > LONG_LINE:  # running text, never a title, byline or issue line: kept without the head's rules
            if "abstract" not in self.item and self._has_title() and not self._body(n, line):
                self.set_abstract([(n, line)])
            else:
                self.other.append((n, line))
            return
        m = identifiers.DOI_LINE.match(line) or re.match(r"^\s*(10\.\d{4,9}/\S+)\s*$", line)
        if m:
            self.evidence.add("DOI", clean_doi(m.group(1)), "label", n)
            return
        m = issue.ARTICLE_NUMBER_LINE.match(line)
        if m:
            self.evidence.add("page", m.group(1), "label", n)
            return
        m = issue.PAGES_LINE.match(line)
        if m:
            self.evidence.add("page", re.sub(r"\s*[-–—]\s*|\s+(?:à|a|to)\s+", "-", m.group(1)), "label", n)
            rest = line[m.end():].strip()
            if rest:
                self._classify_line(n, rest, next_line)
            return
        if self._run_together_head(n, line):  # before its dates ('Received 25 May 2004 ...') take the line
            return
        run_in = pdf_head.run_in_abstract(line) if "abstract" not in self.item and len(line) >= 300 \
            and not self.reading_run_in else None
        if run_in:  # a PDF page's head run together with its abstract: the line read as it is, then the abstract cut
            self.reading_run_in = True  # out after its label
            try:
                self._classify_line(n, line, next_line)
            finally:
                self.reading_run_in = False
            if self.item.get("abstract") == line:  # the whole line taken for an unlabelled abstract: the label says where
                del self.item["abstract"]
            if "abstract" not in self.item:
                self.abstract_line = self.abstract_line or n
                self.set_abstract([(n, run_in[1])])
            return
        dates = history.history_dates(line)
        if dates:
            facts = issue.issue_facts(line)  # 'Published 18 October 2016 Volume 2016:9 Pages 847—857'
            for key in ("volume", "issue", "page"):
                if facts and key in facts:
                    self.evidence.add(key, facts[key], "issue-line", n)
            self._set_dates(n, dates)
            for c in people.COPYRIGHT.findall(line):
                self.custom.setdefault("copyright", c.strip())
                year = re.search(r"(?<![\d-])(?:19|20)\d\d(?![\d-])", c)  # the year, when nothing better says it
                if year:
                    self.evidence.add("issued", {"date-parts": [[int(year.group(0))]]}, "text", n)
            self.custom.setdefault("history-as-printed", []).append(line)
            return
        copyright_line = people.COPYRIGHT.search(line)
        if copyright_line and not licence_url(line):
            self._copyright(n, line, copyright_line.group(0))
            return
        if licence_url(line) or re.search(r"\b(?:licen[cs]e|лицензи\w*)\b", line, re.I):
            self._licence(line, n)
            return
        if "abstract" not in self.item and not self.references and self._citation_like(n, line):
            return
        m = PROFILE_LINE.match(line)
        if m:  # ResearchGate's cover: 'ARTICLE in THEORY INTO PRACTICE · JUNE 2002', 'Conference Paper · July 2015'
            if m.group(1) and issue.journal_name(m.group(1)):
                self.evidence.add("container-title", issue.journal_name(m.group(1)), "issue-line", n)
            date = history.parse_date(f"1 {m.group(2)}")
            if date:
                self.evidence.add("issued", {"date-parts": [date[:2]]}, "issue-line", n)
            self.other.append((n, line))
            return
        m = JOURNAL_DATE.match(line)
        if m and issue.journal_name(m.group(1)) and history.parse_date(m.group(2)):
            # Frontiers: 'Front. Sociol., 14 July 2020' (the journal and the publication date)
            self.evidence.add("container-title", issue.journal_name(m.group(1)), "issue-line", n)
            self.evidence.add("issued", {"date-parts": [history.parse_date(m.group(2))]}, "issue-line", n)
            return
        facts = issue.issue_facts(line)
        if facts is None and "abstract" not in self.item and len(line) > 260:
            facts = issue.issue_facts(line[:220])  # a PDF's running head glued to the text after it
            if facts and not ("volume" in facts and "issue" in facts):
                # ... or the line begins with it, a year and a number ('2019 – N o 158 – Travail et Emploi 155 ...')
                facts = issue.issue_facts(line[:60])
                if facts and not (("volume" in facts or "issue" in facts) and "issued" in facts):
                    facts = None
        if facts is None and len(line) <= 30 and "abstract" not in self.item and re.search(r"\d", line):
            facts = self._lone_number_and_date(n, line)
        if facts and ("abstract" not in self.item or self._just_after_unlabelled_abstract(n)
                      or self._issue_line_after_abstract(line, facts)):
            above = issue.journal_name(self.candidates[-1].text) if self.candidates else None
            if "container-title" not in facts and above and 0 < n - self.candidates[-1].line <= 2 \
                    and len(above.split()) <= 12 and not is_furniture(above) and not title.CHROME.search(above):
                # the line just above a bare issue line ('2023 Vol. 15 №3') names the journal
                self.evidence.add("container-title", above, "issue-line", self.candidates.pop().line)
            self._issue_line(n, facts, "issue-line")
            self.custom.setdefault("issue-as-printed", []).append(line)
            return
        m = people.CORRESPONDENCE.match(line)
        if m:
            self.correspondence[m.group(1)] = m.group(2)
            return
        glued = people.marked_affiliations(line) if self.byline_marks and any(self.byline_marks) else []
        if glued and all(AFFILIATION.search(text) for _, text in glued) and "abstract" not in self.item:
            for marks, text in glued:
                for mark in marks:
                    self.affiliations[mark] = text
            return
        m = people.MARKED_AFFILIATION.match(line)
        if m and self.byline_marks and AFFILIATION.search(line):
            mark = m.group(1).translate(bylines.SUPERSCRIPT_DIGITS)
            self.affiliations[mark] = m.group(2).strip()
            return
        alone = history.parse_date(re.sub(r"^.*\|\s*", "", line)) if len(line) < 60 and "abstract" not in self.item else None
        if alone and len(alone) == 3:
            # a full date alone on its line in the head ('06 Oct 2022', 'May 31, 2022', a table's last cell
            # '... | 06 Oct 2022'): the day the article came out, when nothing labels a date
            self.evidence.add("issued", {"date-parts": [alone]}, "head", n)
            self.other.append((n, line))
            return
        season = re.fullmatch(r"([^\W\d_]{3,10})\.?,?\s+((?:1[89]|20)\d\d)", line.strip()) if "abstract" not in self.item else None
        if season and (issue.month_or_season(season.group(1))) and n <= 60:
            # an issue's month or season alone on its line in the head ('March 2019', 'Spring 2019', 'Осень 2020')
            self.evidence.add("issued", {"date-parts": [[int(season.group(2))] + issue.month_or_season(season.group(1))[1:]]},
                              "head", n)
            self.other.append((n, line))
            return
        if self._unlabelled_sections(n, line):
            return
        if self._head_line(n, line, next_line):
            return
        if self.byline and AFFILIATION.search(line) and len(line) < 300 and "abstract" not in self.item:
            self.custom.setdefault("affiliations-as-printed", []).append(line)
            return
        if "abstract" not in self.item and len(line) >= 200 and self._has_title() and not self._body(n, line):
            self.abstract_line = self.abstract_line or n
            self.set_abstract([(n, line)])
            return
        if re.match(r"^The authors? (?:have|has) read and approved", line) or re.match(r"^Все авторы прочитали", line):
            self.custom.setdefault("notes", []).append(line)
            return
        self.other.append((n, line))

    def _head_of_second_abstract(self, paragraphs: List[Tuple[int, str]]) -> int:
        """An abstract in the page's other language printed under its own head (the authors, the title's translation,
        then the issue line: 'pekrun, carola; ...' / 'What is known ...' / 'landtechnik 66 (2011), no. 2, pp. 108-112'):
        how many of its first paragraphs are that head. The issue line is read, where nothing above placed the article."""
        for i, (n, para) in enumerate(paragraphs[:4]):
            if len(para) > 150:
                return 0
            facts = issue.issue_facts(para)
            if facts and self._issue_line_after_abstract(para, facts):
                self._issue_line(n, facts, "issue-line")
                self.other.extend(paragraphs[:i])
                return i + 1
        return 0

    def _issue_line_after_abstract(self, line: str, facts: Dict[str, Any]) -> bool:
        """An issue line printed under the abstract (a footer, the abstract's second language with its own head:
        'landtechnik 66 (2011), no. 2, pp. 108-112'), when nothing above placed the article: a short line that
        reads whole as one, never a reference or a sentence."""
        if self.references or any(self.evidence.has(k) for k in ("volume", "issue", "page")) or len(line) > 150:
            return False
        numbers = sum(k in facts for k in ("volume", "issue", "page", "issued"))
        if numbers < 3 or "container-title" not in facts or len(facts["container-title"].split()) > 10:
            return False
        return not re.match(r"^\s*(?:\[\d+\]|\d{1,3}[.)]\s)", line) and not re.search(r"\(\s*(?:19|20)\d\d[a-z]?\s*\)\.", line)

    def _lone_number_and_date(self, n: int, line: str) -> Dict[str, Any] | None:
        """A volume or issue alone on its line with the rest of the issue line on the next short lines ('Sayı 162' /
        'Bahar 2004', 'Volume 12' / 'Issue 3' / 'March 2020'): one issue line printed over two to four lines."""
        alone = issue.issue_facts(f"{line}, 2000")  # (the line's own number: read beside a stand-in year)
        if not alone or set(alone) - {"volume", "issue", "issued"} or alone.get("issued") != {"date-parts": [[2000]]}:
            return None
        below = [t.strip() for t in self.lines[n: n + 6] if t.strip()][:3]
        best: Dict[str, Any] | None = None
        joined = line
        for text in below:
            if len(text) > 30 or not self._issue_piece(text):
                break
            joined = f"{joined}, {text}"
            facts = issue.issue_facts(joined)
            if not facts or set(facts) - {"volume", "issue", "issued", "page"} or len(facts) <= len(best or {}):
                break
            best = facts
        return best if best and len(best) >= 2 else None

    @staticmethod
    def _issue_piece(text: str) -> bool:
        """A short line that is one piece of an issue line: a labelled number or pages ('Issue 3', 'pp. 45-60'), a
        date (or the publication date's line), or a month or season and the year ('March 2020', 'Güz 2006', '2019')."""
        if re.fullmatch(r"(?:[^\W\d_]{3,12}\.?,?\s+)?(?:1[89]|20)\d\d", text) or history.parse_date(text) \
                or history.history_dates(text).get("published"):
            return True
        alone = issue.issue_facts(f"{text}, 2000")
        if not alone:
            return False
        return not set(alone) - {"volume", "issue", "page", "issued"} and alone.get("issued") == {"date-parts": [[2000]]}

    def _body(self, n: int, line: str) -> bool:
        """Line n, running text, is the article's body (abstract.looks_body), or comes after a line that is:
        never taken for an unlabelled abstract."""
        above = [t.strip() for t in self.lines[max(0, n - 8): n - 1] if t.strip()][-4:]
        if self.body_at is None and (looks_body(line, citations=False) or any(body_heading(t) for t in above)):
            self.body_at = n
        return self.body_at is not None and n >= self.body_at

    def _just_after_unlabelled_abstract(self, n: int) -> bool:
        """A line right under a paragraph taken for the abstract without its label (a long head line,
        often the affiliations), before any volume or issue was found: still the head."""
        return bool(self.abstract_line and 0 < n - self.abstract_line <= 2 and not self.evidence.has("volume")
                    and not self.evidence.has("issue"))

    def _run_together_head(self, n: int, line: str) -> bool:
        """A PDF's first page on one line: title, byline, then affiliations, dates, abstract (pdf_head.py)."""
        if self.byline or "abstract" in self.item or self.references or len(line.split()) < 12:
            return False
        found = pdf_head.split_run_together(line)
        if found is None:
            return False
        if found.head:
            self._classify_line(n, found.head)
        self._add_names(n, [p for p, _ in found.people], [m for _, m in found.people])
        self.candidates.append(Candidate(len(self.candidates), n, title.clean(found.title)[0]))
        before, abstract, keywords = pdf_head.cut_abstract(found.rest)
        if abstract:  # first, so the affiliations and dates before it are not taken for it
            self.abstract_line = self.abstract_line or n
            self.set_abstract([(n, abstract)])
        if keywords:
            self._block_keywords(Block("keywords", n, [(n, keywords)]))
        if before:
            self._classify_line(n, before)
        return True

    def _issue_line(self, n: int, facts: Dict[str, Any], source: str) -> None:
        for key, value in facts.items():
            self.evidence.add(key, value, source, n)
        url = identifiers.find_article_url(self.lines[n - 1]) if 0 < n <= len(self.lines) else None
        if url:
            self.evidence.add("URL", url, source, n)

    def _set_dates(self, n: int, dates: Dict[str, List[int]]) -> None:
        for key, parts in dates.items():
            if key == "submitted":  # CSL has a variable for this one; the rest go to custom
                self.item.setdefault("submitted", {"date-parts": [parts]})
            else:
                self.custom.setdefault("dates", {}).setdefault(key, history.iso(parts))
            if key == "published":  # only the publication date is the article's `issued`
                self.evidence.add("issued", {"date-parts": [parts]}, "history", n)

    def _licence(self, line: str, n: int = 0) -> None:
        lic = self.custom.setdefault("license", {})
        lic["text"] = (lic.get("text", "") + "\n" + line).strip()
        url = licence_url(line)
        if url:
            lic["url"] = url
            if "creativecommons.org" not in line and not re.search(r"\b\d\.\d\b", line):
                self.diags.warn(f"licence version not printed; recorded as {url}", field="license")
        for c in people.COPYRIGHT.findall(line):
            self.custom.setdefault("copyright", c.strip())
            year = re.search(r"(?<![\d-])(?:19|20)\d\d(?![\d-])", c)  # the year, when nothing better says it
            if year and n:
                self.evidence.add("issued", {"date-parts": [[int(year.group(0))]]}, "text", n)
        m = re.search(r"[\"“«]([^\"”»]{2,80})[\"”»]\s+journal", line)
        if m:
            self.custom.setdefault("container-title-other", [])
            if m.group(1) not in self.custom["container-title-other"]:
                self.custom["container-title-other"].append(m.group(1))


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    # the page's rules are not linear in a line's length: a longer line is refused at once
    options = options or Options()
    check_line_lengths(text, options, source)
    check_text_length(text, options.get("max_page_chars", 200_000), "max_page_chars", source)
    if JATS_SOURCE.match(text):  # the page's XML source copied instead of its text: read as what it is
        result = jats.read(text, source=source, options=options)
        result.diagnostics.insert(0, Diagnostic("this page's text is JATS XML; read with the JATS reader", "warning", source, 1))
        if result.records and "ISSN" not in result.records[0]:
            # some journals print their ISSNs only as journal ids: '<journal-id journal-id-type="issn">2304-3369</journal-id>'
            issns = re.findall(r"<journal-id\s+journal-id-type=\"[ep]?issn\"\s*>\s*(\d{4}-\d{3}[\dXx])\s*<", text[:20000])
            if issns:
                result.records[0]["ISSN"] = ", ".join(dict.fromkeys(issns))  # (as the JATS reader writes several)
        return result
    return PageReader(text, source).read()
