"""An article web page saved as plain text -> one CSL-JSON record holding everything on it.

The page is split into labelled blocks (labels.py); each block goes to
the field it names. Lines outside any block (the head, dates, licence lines, prose) are
classified one by one. Whatever is not recognised is kept under ``custom["other-text"]``
with a warning, so nothing on the page is lost."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from ...errors import ParseError
from ...language import guess_language
from ...licences import licence_url
from ...model import CSLItem, Diagnostic, Diagnostics, Result
from ...normalize import clean_doi, looks_title_case, repair_homoglyphs
from ...options import Options
from ...references import parse_reference, split_reference_list
from ...references.rules import find_certain
from . import history, identifiers, issue, people
from .labels import Block, split_blocks

# Abstract section headings of structured abstracts (IMRAD and the like), English and Russian
ABSTRACT_SECTIONS = re.compile(
    r"^(Introduction|Background|Purpose|Aims?|Objectives?|Goal|Materials\s+and\s+Methods|Methods?|Methodology|"
    r"Design/methodology/approach|Results?|Findings|Discussion(?:\s+and\s+Conclusions?)?|Conclusions?|"
    r"Practical\s+implications|Originality/value|Research\s+limitations|Введение|Цель(?:\s+\w+)?|"
    r"Материалы\s+и\s+методы|Методы|Результаты(?:\s+исследования)?|Обсуждение(?:\s+и\s+заключение)?|Заключение|"
    r"Выводы)\s*[.:]\s+(.+)$", re.S)
AFTER_REFERENCES = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b|licensee\b|this (?:article|work) is (?:an open|licensed|distributed)|"
                              r"received\b|submitted\b|поступила\b|статья поступила|лицензия\b)", re.I)
NAVIGATION = re.compile(r"^(?:back\s+to\s+the\s+list|download(?:\s+the\s+article|\s+pdf)?|full\s+text|home|"
                        r"pdf|html|xml|share|print|назад|скачать(?:\s+статью)?|полный\s+текст)\b", re.I)
AFFILIATION = re.compile(r"\b(?:universit\w*|institut\w*|academy|college|school|centre|center|"
                         r"университет\w*|институт\w*|академи\w*|колледж\w*|центр\w*)\b", re.I)
INLINE_BREAK_HYPHEN = re.compile(r"\b([A-Z][a-z]{1,3})-([a-z]{3,})\b")
HYPHEN_PREFIXES = {"co", "non", "pre", "post", "anti", "sub", "self", "ex", "pro", "re", "neo", "pan", "mid",
                   "semi", "euro", "well", "half", "full", "high", "low", "long", "all", "over", "out", "up",
                   "un", "de", "in", "on", "off", "top", "end", "key", "war", "web", "e", "x"}


def sniff(text: str) -> int:
    head = text.lstrip()[:3000]
    if not head or head[0] in "[{<@" or re.match(r"^TY\s\s-", head):
        return 0
    if len(re.findall(r"[^\W\d_]{2,}", head)) < 3:  # a page has words
        return 0
    score = 10
    for marker in (r"\bdoi\b|doi\.org", r"^\s*(?:abstract|аннотация)\b", r"^\s*(?:keywords|key words|ключевые слова)\b",
                   r"(?:for citation|для цитирования)", r"^\s*(?:references|список литературы)\b"):
        if re.search(marker, text, re.I | re.M):
            score += 10
    return score


def _undo_inline_hyphen(text: str) -> str:
    """'San Fer-nando St.' -> 'San Fernando St.': a hyphen left from a line break inside a
    capitalised word; compounds such as 'Post-Soviet' or 'Co-operation' stay."""
    def join(m: re.Match[str]) -> str:
        return m.group(0) if m.group(1).lower() in HYPHEN_PREFIXES else m.group(1) + m.group(2)
    return INLINE_BREAK_HYPHEN.sub(join, text)


class PageReader:
    """State of one page being read."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.diags = Diagnostics(source)
        self.raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines = [self._clean_line(n, ln) for n, ln in enumerate(self.raw_lines, 1)]
        self.item: CSLItem = {"id": "", "type": "article-journal"}
        self.custom: Dict[str, Any] = {}
        self.byline: List[Dict[str, str]] = []
        self.about: List[Dict[str, Any]] = []
        self.contributions: List[Tuple[str, str]] = []
        self.other: List[Tuple[int, str]] = []
        self.title_line: int | None = None
        self.citation_line: int | None = None
        self.references: List[CSLItem] = []
        self.role_statements: List[Tuple[int, str]] = []  # contributions written role first
        self.byline_marks: List[List[str]] = []          # affiliation markers after each byline name
        self.affiliations: Dict[str, str] = {}           # marker -> affiliation printed under the byline
        self.correspondence: Dict[str, str] = {}         # marker ('*') -> "Correspondence: ..." text
        self.reference_lines: List[int] = []

    # -- text repair ------------------------------------------------------------------------
    def _clean_line(self, n: int, line: str) -> str:
        line = line.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").rstrip()
        return line

    def _repair(self, n: int, text: str) -> str:
        fixed, changes = repair_homoglyphs(text)
        for change in changes:
            self.diags.warn(f"repaired look-alike letters: {change}", line=n)
        return _undo_inline_hyphen(fixed)

    # -- the whole page ---------------------------------------------------------------------
    def read(self) -> Result:
        blocks = split_blocks(self.lines)
        for block in blocks:
            handler = getattr(self, f"_block_{block.kind}", None)
            if handler is None:
                self._loose_lines(block)
            else:
                handler(block)
        self._finish()
        return Result([self.item], list(self.diags))

    # -- labelled blocks ----------------------------------------------------------------------
    def _block_abstract(self, block: Block) -> None:
        paragraphs = block.paragraphs(starts=ABSTRACT_SECTIONS)
        kept: List[Tuple[int, str]] = []
        rest: Block | None = None
        for n, para in paragraphs:
            # a short heading-like line that is no abstract section ends the abstract
            if kept and len(para.split()) <= 5 and not para.endswith(".") and not ABSTRACT_SECTIONS.match(para):
                rest = Block("text", n, [(m, t) for m, t in block.lines if m >= n])
                break
            kept.append((n, self._repair(n, para)))
        self._set_abstract(kept)
        if rest is not None:
            self._loose_lines(rest)

    def _set_abstract(self, paragraphs: List[Tuple[int, str]]) -> None:
        if not paragraphs:
            return
        if "abstract" in self.item:
            self.other.extend(paragraphs)
            return
        self.item["abstract"] = "\n".join(p for _, p in paragraphs)
        sections = []
        for _, p in paragraphs:
            m = ABSTRACT_SECTIONS.match(p)
            if m:
                sections.append({"title": m.group(1), "text": m.group(2).strip()})
        if len(sections) >= 2 and len(sections) == len(paragraphs):
            self.custom["abstract-sections"] = sections

    def _block_keywords(self, block: Block) -> None:
        value = " ".join(self._repair(n, t.strip()) for n, t in block.lines if t.strip()).strip().rstrip(".")
        if value:
            self.item["keyword"] = re.sub(r"\s*;\s*", "; ", value)

    def _block_citation(self, block: Block) -> None:
        value = " ".join(t.strip() for _, t in block.lines if t.strip())
        if value:
            self.custom["citation-as-printed"] = value
            self.citation_line = block.first_line

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
                self._classify_line(n, para, "")
                continue
            para = self._repair(n, para)
            info = people.parse_author_paragraph(para)
            self.about.append(info)

    @staticmethod
    def _is_page_furniture(para: str) -> bool:
        return bool(history.history_dates(para) or AFTER_REFERENCES.match(para))

    def _block_contributions(self, block: Block) -> None:
        for n, para in block.paragraphs():
            if self._is_page_furniture(para):
                self._classify_line(n, para, "")
                continue
            para = self._repair(n, para)
            parsed = people.parse_contribution(para)
            if parsed and not people.looks_like_role_list(para):
                self.contributions.append(parsed)
            else:
                # "Conceptualization, A.S.I. and B.B.P.; methodology, A.S.I." (roles first, by
                # initials): resolved once the authors are known
                self.role_statements.append((n, para))

    def _statement(self, key: str, block: Block) -> None:
        value = " ".join(self._repair(n, t.strip()) for n, t in block.lines if t.strip())
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
        doi = identifiers.find_doi("doi: " + block.text) if block.text else None
        if doi:
            self.item.setdefault("DOI", doi)
        elif block.text:
            self.other.extend(block.lines)

    def _block_edn(self, block: Block) -> None:
        m = identifiers.EDN.search("EDN " + block.text)
        if m:
            self.custom["edn"] = m.group(1).upper()

    def _block_udc(self, block: Block) -> None:
        value = block.text.strip().lstrip(":").strip()
        if value:
            self.custom["udc"] = value

    def _block_pages(self, block: Block) -> None:
        m = issue.PAGES.match(block.text)
        if m:
            self.item["page"] = f"{m.group(1)}-{m.group(2)}"
        elif block.text:
            self.other.extend(block.lines)

    # -- lines outside labelled blocks ------------------------------------------------------
    def _loose_lines(self, block: Block) -> None:
        lines = [(n, t.strip()) for n, t in block.lines if t.strip()]
        numbered = self._numbered_run(lines)
        for idx, (n, line) in enumerate(lines):
            if numbered is not None and idx >= numbered:
                text = "\n".join(self.raw_lines[m - 1] for m, _ in block.lines if m >= n)
                self._parse_references(text, n)
                return
            self._classify_line(n, line, lines[idx + 1][1] if idx + 1 < len(lines) else "")

    @staticmethod
    def _numbered_run(lines: List[Tuple[int, str]]) -> int | None:
        """Index where an unlabelled numbered list '1. ... 2. ...' starts (a reference list)."""
        for i, (_, line) in enumerate(lines):
            if re.match(r"^\s*(?:\[1\]|1[.)])\s+\S", line):
                if any(re.match(r"^\s*(?:\[2\]|2[.)])\s+\S", t) for _, t in lines[i + 1:]):
                    return i
        return None

    def _classify_line(self, n: int, line: str, next_line: str) -> None:
        line = self._repair(n, line)
        m = identifiers.DOI_LINE.match(line)
        if m:
            self.item.setdefault("DOI", clean_doi(m.group(1)))
            return
        dates = history.history_dates(line)
        if dates:
            self._set_dates(dates)
            doi = identifiers.find_doi(line)
            if doi:
                self.item.setdefault("DOI", doi)
            for c in people.COPYRIGHT.findall(line):
                self.custom.setdefault("copyright", c.strip())
            self.custom.setdefault("history-as-printed", []).append(line)
            return
        if licence_url(line) or re.search(r"\b(?:licen[cs]e|лицензи\w*)\b", line, re.I):
            self._licence(line)
            return
        m = issue.JOURNAL_LINE.match(line)
        if m and "container-title" not in self.item:
            self.item["container-title"] = m.group("journal").rstrip(".")
            self.item.setdefault("issued", {"date-parts": [[int(m.group("year"))]]})
            self.item.setdefault("volume", m.group("vol"))
            if m.group("iss") or m.group("iss2"):
                self.item.setdefault("issue", m.group("iss") or m.group("iss2"))
            self.item.setdefault("page", re.sub(r"\s*[-–—]\s*", "-", m.group("pages")))
            return
        m = people.CORRESPONDENCE.match(line)
        if m:
            self.correspondence[m.group(1)] = m.group(2)
            return
        m = people.MARKED_AFFILIATION.match(line)
        if m and self.byline_marks and AFFILIATION.search(line):
            mark = m.group(1).translate(people.SUPERSCRIPT_DIGITS)
            self.affiliations[mark] = m.group(2).strip()
            return
        m = issue.VOLUME_LINE.match(line)
        if m:
            year = m.group("y1") or m.group("y2")
            if year:
                self.item.setdefault("issued", {"date-parts": [[int(year)]]})
            self.item.setdefault("volume", m.group("vol"))
            if m.group("iss"):
                self.item.setdefault("issue", m.group("iss"))
            # the line before an issue line names the journal
            if self.other and self.other[-1][0] < n and "container-title" not in self.item \
                    and len(self.other[-1][1].split()) <= 12:
                self.item["container-title"] = self.other.pop()[1]
            return
        if "title" not in self.item and self.title_line is None:
            split = people.split_byline_title(line)
            if split:
                self.byline, title = split
                self._set_title(n, title)
                return
            if self._byline(line):
                return
        elif not self.byline and self._byline(line):
            return
        if NAVIGATION.match(line):
            self.other.append((n, line))
            return
        if "title" not in self.item and 2 <= len(line.split()) <= 60 and not AFFILIATION.search(line) \
                and not issue.VOLUME_LINE.match(next_line or "x"):
            self._set_title(n, line)
            return
        if "title" in self.item and AFFILIATION.search(line) and len(line) < 300 and "abstract" not in self.item:
            self.custom.setdefault("affiliations-as-printed", []).append(line)
            return
        if "abstract" not in self.item and len(line) >= 200 and "title" in self.item:
            self._set_abstract([(n, line)])
            return
        if re.match(r"^The authors? (?:have|has) read and approved", line) or re.match(r"^Все авторы прочитали", line):
            self.custom.setdefault("notes", []).append(line)
            return
        self.other.append((n, line))

    def _byline(self, line: str) -> bool:
        """Take the line as the byline if it is one (names, with affiliation markers)."""
        marked = people.parse_byline_marked(line) if len(line) < 300 else None
        if not marked:
            return False
        if not self.byline:
            self.byline = [person for person, _ in marked]
            self.byline_marks = [marks for _, marks in marked]
        return True

    def _set_title(self, n: int, title: str) -> None:
        title = title.strip().rstrip(".")
        if title.isupper() and len(title) > 10:
            self.custom["title-as-printed"] = title
            title = self._uncapitalise(title)
            self.diags.warn("title printed in capitals; stored in sentence case (proper nouns may need capitals)",
                            line=n, field="title")
        self.item["title"] = title
        self.title_line = n

    def _uncapitalise(self, title: str) -> str:
        """A title printed in capitals, in sentence case; a word the page writes with a capital
        inside a sentence elsewhere ('России' in the abstract) keeps its capital."""
        proper: Dict[str, str] = {}
        for line in self.lines:
            for m in re.finditer(r"[^\W\d_][,;:]?\s+([A-ZА-ЯЁ][a-zа-яё]+)", line):
                proper.setdefault(m.group(1).lower(), m.group(1))
        words = re.split(r"(\W+)", title.lower())
        out = [proper.get(w, w) for w in words]
        text = "".join(out)
        return text[:1].upper() + text[1:]

    def _set_dates(self, dates: Dict[str, List[int]]) -> None:
        for key, parts in dates.items():
            if key == "submitted":  # CSL has a variable for this one; the rest go to custom
                self.item.setdefault("submitted", {"date-parts": [parts]})
            else:
                self.custom.setdefault("dates", {}).setdefault(key, history.iso(parts))

    def _licence(self, line: str) -> None:
        lic = self.custom.setdefault("license", {})
        lic["text"] = (lic.get("text", "") + "\n" + line).strip()
        url = licence_url(line)
        if url:
            lic["url"] = url
            if "creativecommons.org" not in line and not re.search(r"\b\d\.\d\b", line):
                self.diags.warn(f"licence version not printed; recorded as {url}", field="license")
        for c in people.COPYRIGHT.findall(line):
            self.custom.setdefault("copyright", c.strip())
        m = re.search(r"[\"“«]([^\"”»]{2,80})[\"”»]\s+journal", line)
        if m:
            self.custom.setdefault("container-title-other", [])
            if m.group(1) not in self.custom["container-title-other"]:
                self.custom["container-title-other"].append(m.group(1))

    # -- putting it together ----------------------------------------------------------------
    def _from_citation(self) -> None:
        """Journal, year, volume, issue and pages from the "For citation" line."""
        line = self.custom.get("citation-as-printed")
        if not line:
            return
        line = self._repair(self.citation_line or 0, line)
        title = self.item.get("title")
        rest = None
        if title:
            pos = _find_loose(line, title)
            if pos is not None:
                self.custom["citation-authors-as-printed"] = line[: pos[0]].strip(" .")
                rest = line[pos[1]:].lstrip(" .")
        if rest is None:
            parsed, _ = parse_reference(line)
            for key in ("title", "container-title", "issued", "volume", "issue", "page", "DOI"):
                if key in parsed:
                    self.item.setdefault(key, parsed[key])
            return
        found = find_certain(rest)
        start = min((a for a, _, label in found.spans), default=len(rest))
        journal = rest[:start].strip(" .,;–—-")
        if journal:
            self.item.setdefault("container-title", journal)
        for key in ("issued", "volume", "issue", "page", "DOI"):
            if key in found.fields:
                self.item.setdefault(key, found.fields[key])

    def _finish(self) -> None:
        self._from_citation()
        if "title" not in self.item:
            raise ParseError("no recognisable article title on this page (is it an article page?)",
                             source=self.source, diagnostics=list(self.diags))
        self._resolve_role_statements()
        names, extra, problems = people.merge_people(self.byline, self.about, self.contributions)
        self._apply_marks(extra)
        printed = self.custom.get("affiliations-as-printed", [])
        if len(printed) == 1 and extra and not any("affiliation" in e for e in extra):
            # one affiliation line under the byline belongs to every author on it
            for e in extra:
                e["affiliation"] = printed[0]
            del self.custom["affiliations-as-printed"]
        for p in problems:
            self.diags.warn(p, field="author")
        if names:
            self.item["author"] = names
        if any(len(e) > 1 for e in extra):
            self.custom["authors"] = extra
        language = guess_language(f"{self.item['title']} {self.item.get('abstract', '')}")
        if language:
            self.item["language"] = language
        else:
            self.diags.warn("the page's language could not be told from its title and abstract; not set",
                            field="language")
        self._check_numbers(self.item, "article", self.title_line)
        for ref, line in zip(self.references, self.reference_lines):
            self._check_numbers(ref, f"reference {ref.get('citation-number', '?')}", line)
        self.item["id"] = _record_id(self.item)
        for i, ref in enumerate(self.references, 1):
            ref["id"] = f"{self.item['id']}-ref-{ref.get('citation-number', i)}"
        if self.references:
            self.custom["references"] = [_id_first(r) for r in self.references]
        if self.other:
            self.custom["other-text"] = [t for _, t in self.other]
            self.diags.warn(f"{len(self.other)} line(s) not recognised; kept under custom.other-text",
                            line=self.other[0][0])
        if looks_title_case(self.item["title"]):
            self.custom["title-case"] = True  # APA and GOST put it in sentence case
        if self.custom:
            self.item["custom"] = self.custom
        self.item = _ordered(self.item)

    def _resolve_role_statements(self) -> None:
        for n, para in self.role_statements:
            per_author, rest = people.roles_by_initials(para, self.byline)
            if not per_author:
                self.other.append((n, para))
                self.diags.warn("contribution statement not understood; kept as text", line=n,
                                field="contribution")
                continue
            self.contributions.extend(per_author)
            for sentence in rest:
                self.custom.setdefault("notes", []).append(sentence)

    def _apply_marks(self, extra: List[Dict[str, Any]]) -> None:
        """Affiliations and correspondence printed under the byline, joined to their authors
        by the markers after the names ('Ivanova 1,*')."""
        used: set[str] = set()
        for info, marks in zip(extra, self.byline_marks):
            affs = [self.affiliations[m] for m in marks if m in self.affiliations]
            if affs and "affiliation" not in info:
                info["affiliation"] = "; ".join(affs)
                used.update(m for m in marks if m in self.affiliations)
            for m in marks:
                if m in self.correspondence:
                    info["corresponding"] = True
                    email = people.EMAIL.search(self.correspondence[m])
                    if email and "email" not in info:
                        info["email"] = email.group(0)
        for mark, text in self.affiliations.items():
            if mark not in used:
                self.custom.setdefault("affiliations-as-printed", []).append(f"{mark} {text}")
        for mark, text in self.correspondence.items():
            if not any(mark in marks for marks in self.byline_marks):
                self.custom.setdefault("notes", []).append(f"{mark} {text}")

    def _check_numbers(self, item: CSLItem, what: str, line: int | None) -> None:
        msg = identifiers.doi_number_conflict(item.get("DOI", ""), item.get("volume"), item.get("issue"))
        if msg:
            self.diags.warn(f"{what}: {msg}", field="volume", line=line)


def _find_loose(haystack: str, needle: str) -> Tuple[int, int] | None:
    """Span of ``needle`` in ``haystack`` ignoring case and runs of spaces."""
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    m = re.search(pattern, haystack, re.I)
    return (m.start(), m.end()) if m else None


def _record_id(item: CSLItem) -> str:
    """A readable key: first author's family name, year, first long title word."""
    family = (item.get("author") or [{}])[0].get("family", "anon")
    year = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][0])
    words = [w for w in re.findall(r"\w+", item.get("title", "")) if len(w) > 3]
    key = f"{family.split()[0]}{year}{words[0] if words else ''}".lower()
    return re.sub(r"[^\w-]", "", key) or "record"


def _id_first(item: CSLItem) -> CSLItem:
    return {"id": item["id"], **{k: v for k, v in item.items() if k != "id"}}


_ORDER = ["id", "type", "title", "author", "container-title", "issued", "volume", "issue", "page", "DOI", "URL",
          "ISSN", "language", "abstract", "keyword", "submitted"]


def _ordered(item: CSLItem) -> CSLItem:
    out = {k: item[k] for k in _ORDER if k in item}
    out.update({k: v for k, v in item.items() if k not in out})
    return out


def read(text: str, *, source: str = "<input>", options: Options | None = None) -> Result:
    return PageReader(text, source).read()
