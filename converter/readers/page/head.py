"""The page's head before its abstract: which lines are the byline, lines about one author,
an unlabelled citation of the article, and which may be the title (candidates chosen later by
title.py). A mixin of the page reader, which holds the state."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Set, Tuple

from ...model import CSLItem, Diagnostics
from ...references.givennames import given_names
from ...vocabulary.languages import is_cyrillic
from . import bylines, identifiers, issue, people
from .evidence import Evidence
from .title import Candidate, is_furniture
from .title import clean as clean_title

AFFILIATION = re.compile(r"\b(?:universit\w*|institut\w*|academy|college|school|centre|center|hospital|clinic|practice|"
                         r"ministry|ministerio|minist[eè]re|министерств\w*|foundation|PCT|NHS|trust|inc|ltd|gmbh|corporation|"
                         r"department|faculty|laborator\w*|labs?|universidad\w*|universit[àéä]\w*|instituto|hochschule|facultad|"
                         r"escuela|faculdade|университет\w*|институт\w*|академи\w*|колледж\w*|центр\w*|"
                         r"кафедр\w*|факультет\w*|лаборатори\w*|больниц\w*|"
                         r"університет\w*|інститут\w*|академі\w*|коледж\w*|"  # Ukrainian
                         r"universitas|fakultas|jurusan|politeknik|sekolah|"  # Indonesian and Malay
                         r"üniversite\w*|fakülte\w*|uniwersytet\w*|univerzit\w*|universitet\w*|egyetem\w*)\b", re.I)
# a bulleted name in inverted order, as repositories list authors ('  • Xu, Senyu')
BULLET_NAME = re.compile(r"^[•·▪‣-]\s*([^\W\d_][^,]{1,40}),\s*([^\W\d_][^,]{0,40})$")
EDITED_BY = re.compile(r"^(?:edited\s+by|eds?\.\s+by|под\s+(?:общ(?:ей)?\.?\s+)?ред(?:\.|акцией)|за\s+ред(?:\.|акцією))\s+(.{3,200})$", re.I)
NUMBERED_NAME = re.compile(r"^\d{1,2}[.)]\s+(.{3,60}?)(?:\s+is\s+a\s+corresponding\s+author)?\s*$", re.I)
# 'Authors Hung CY, Hsiao MY' / 'Авторы: ...' (a label without its colon)
AUTHORS_PREFIX = re.compile(r"^(?:(?:main\s+)?authors?|авторы?|автор\(ы\))\s*:?\s+(?=\S)", re.I)
# CyberLeninka, in Russian and in its English interface
TITLE_ON_AGGREGATOR = re.compile(r"^(?:(?:научная\s+статья|статья|scholarly\s+article)\s+(?:на\s+тему|on\s+topic)\s+['\"«‘“](.+)['\"»’”]"
                                 r"|текст\s+научной\s+статьи\s+(.{10,}))\s*$", re.I)
# a citation that starts with its first author inverted and a year soon after (APA, MLA, Chicago exports)
INVERTED_CITATION = re.compile(r"^[^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’-]+){0,2},\s(?:(?:[^\W\d_]\.\s?){1,3}|[^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’-]+){0,2}[.,]).{0,250}?"
                               r"\b(?:19|20)\d\d\b")
# GOST's 'Title / I. O. Family, ... // Journal' with a year after it
GOST_CITATION = re.compile(r"\S\s/\s*(?:(?:[^\W\d_]\.\s?){1,2}\s?[^\W\d_][\w'’-]+|[^\W\d_][\w'’-]+\s(?:[^\W\d_]\.\s?){1,2})"
                           r".{0,200}?\s//\s.{3,300}?\b(?:1[89]|20)\d\d\b")  # names initials first or family first
INVERTED_NAME = re.compile(r"^([^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’-]+)?),\s*([^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’-]+)?)$")
# an author's details, each after its label ('Должность: ...', 'Аффилиация: ...', 'Адрес: ...')
AUTHOR_DETAIL = re.compile(r"^(?:аффилиаци[яи]|affiliations?|адрес|address|должность|position|место\s+работы|"
                           r"e-?mail|электронная\s+почта|ученая\s+степень|academic\s+degree)\s*:", re.I)
ORG_PREFIX = re.compile(r"^(?:\d\s*)?(?:ФГБУ|ФГБОУ|ФГАОУ|ФГБНУ|ФГУП|ФБУН|ГБУЗ|ГБОУ|ГАУЗ|АНО|НИИ|ООО|АО|ОАО|ЧУ|ФКУЗ|КГБУЗ|МБОУ)\b")
# a line between groups of authors that only parts them (LaTeX's '\AND', 'and', '&')
SEPARATOR = re.compile(r"^(?:\\(?:AND|And|and)|and|&|et|und|y|e|и|і|та)$", re.I)
_KANA = re.compile(r"[\u3040-\u30ff]")
ADDRESS = re.compile(r"^\d{5,6},|\b(?:ул|д|пр|пер|г)\.\s|\b(?:street|road|avenue|str)\b\.?|\bP\.?O\.? Box\b", re.I)


def looks_affiliation(line: str) -> bool:
    """An affiliation or address line: an institution's word with the commas of an address, or
    a short institution name ('School' alone in a title does not make it one)."""
    line = re.sub(r"^[\d,*†‡§#\s]+(?=[^\W\d_])", "", line)  # the affiliation's own markers ('2,3Department of ...')
    if ADDRESS.search(line) or ORG_PREFIX.search(line) or AUTHOR_DETAIL.match(line):
        return True
    m = AFFILIATION.search(line)
    if not m:
        return False
    if len(AFFILIATION.findall(line)) >= 2 and len(line[: m.start()].split()) <= 3:
        return True  # 'Московского государственного университета Lomonosov Moscow State University'
    if len(line[: m.start()].split()) > 5:
        return False  # '... in College of Education, Oyo' ends a title; an affiliation names its institution early
    return "," in line or ";" in line or m.start() == 0 or (len(line.split()) <= 6 and line[:1].isupper())



def split_title_name_affiliation(line: str) -> Tuple[str, Dict[str, str], str] | None:
    """'Prepare for the impact ... workforce! Rocky J. Dwyer CENTRUM Católica, Lima, Peru' ->
    (title, person, affiliation): a PDF's first lines run together. The name is the run of
    name words right before the affiliation; the title keeps at least three words."""
    words = line.split()
    if not 6 <= len(words) <= 80:
        return None
    for j in range(4, len(words) - 1):
        rest = " ".join(words[j:])
        if not words[j][:1].isupper() or not looks_affiliation(rest) or not AFFILIATION.search(" ".join(words[j:j + 6])):
            continue
        i = j
        while i > 0 and j - i < 4 and (bylines.NAME_WORD.match(words[i - 1]) or bylines.is_initials(words[i - 1])):
            i -= 1
        if j - i < 2 or i < 3 or bylines.NAME_WORD.match(words[i - 1].rstrip("!?.:")):
            continue
        name = " ".join(words[i:j])
        person = bylines.parse_initials_first(name) or bylines.parse_full_name(name)
        # 'Senior High School', 'Electrical Engineering Department': a person has an initial or a known first name
        known = any(bylines.is_initials(w) for w in words[i:j]) or words[i] in given_names()
        if person and known and not AFFILIATION.search(" ".join(words[:i])):
            return " ".join(words[:i]), person, rest
    return None


def split_name_affiliation(line: str) -> Tuple[Dict[str, str], str] | None:
    """'• Светлана Викторовна Иванова Санкт-Петербургский государственный университет, Россия' ->
    (person, affiliation): a list of authors, each with the institution on the same line."""
    bullet = re.match(r"^\s*[•·▪‣-]\s*", line)
    words = line[bullet.end():].split() if bullet else line.split()
    for k in (3, 2, 4):
        if len(words) < k + 2:
            continue
        rest = " ".join(words[k:])
        # (a list's bullet: the institution's word may come later, 'Відокремлений структурний підрозділ «... коледж')
        if not words[k][:1].isupper() or not AFFILIATION.search(" ".join(words[k:k + (12 if bullet else 6)])) or not (
                looks_affiliation(rest) or AFFILIATION.search(" ".join(words[k:k + 2])) or bullet):
            continue  # ('Національний університет водного господарства ...': an institution named at once)
        if any(ORG_PREFIX.match(w) for w in words[:k]) or bylines.PLACE_ABBREVIATION.match(" ".join(words[:k])):
            continue  # 'Шевченко А.А. ФГБОУ ВО «...университет»': an institution's abbreviation is no family name
            # (nor is a town's: 'г. Курган, Курганский государственный университет')
        name = bylines.normal_case(" ".join(words[:k]))  # 'Йосип ГРИБ Національний університет ...'
        if k > 2 and not _name_runs_to(words, k, rest):
            continue  # 'Sangeeta Kori Index Medical College ...': 'Index' is the institution's, not her family name
        initials = bylines.parse_initials_first(name)
        person = initials or bylines.parse_full_name(name)
        # a list's bullet, a patronymic or initials say it is a person ('Harbourside Family Practice, ...' is not)
        if person and not AFFILIATION.search(name) and (
                bullet or initials or any(bylines.PATRONYMIC.search(w) for w in words[:k])):
            return person, rest
    return None


def _name_runs_to(words: List[str], k: int, rest: str) -> bool:
    """Whether a name of ``k`` words (three or four) may end where its institution's name
    begins: its inner words are initials, known given names, particles or a patronymic, its
    family name is printed in capitals ('Йосип Петрович ГРИБ'), or the institution's word
    itself follows at once ('Juan García López Universidad de Sevilla', two family names).
    Otherwise the last word is more likely the institution's own ('Index Medical College')."""
    if AFFILIATION.match(re.sub(r"^[\d,*†‡§#\s]+", "", rest)) or ORG_PREFIX.match(rest):
        return True
    last = words[k - 1].strip(",")
    if (len(last) > 1 and last.isupper()) or any(bylines.PATRONYMIC.search(w.strip(",")) for w in words[:k]):
        return True
    inner = [w.strip(",") for w in words[1:k - 1]]
    return all(bylines.is_initials(w) or re.fullmatch(r"[^\W\d_]\.?", w) or w in given_names()
               or w.lower() in bylines.PARTICLES for w in inner)


# the links and headings of a site's panel of authors, between one author's name and the next
AUTHOR_PANEL = re.compile(r"^(?:affiliations?|correspondence|corresponding author|author information|orcid|"
                          r"search for (?:articles by )?this author(?: (?:in|on) .{1,40})?|view (?:orcid )?profile|"
                          r"(?:address )?(?:reprint requests|correspondence) to\b.*|google scholar|pubmed|show (?:more|less))\s*:?$",
                          re.I)


def author_details(lines: List[str]) -> bool:
    """Whether the lines between two groups of names are only the last group's details: an
    affiliation or address, e-mail addresses, and separators ('\\AND', 'and', '&', 'et', 'и'), with
    at least one affiliation among them (a byline does not go on across anything else)."""
    seen = False
    for line in (t.strip() for t in lines):
        if not line or SEPARATOR.match(line) or people.EMAIL.fullmatch(line.strip("{}<>()[]; ")):
            continue
        if "@" in line and not re.sub(r"\{[^{}]*\}@\S+|\S*@\S+|[,;\s]", "", line):
            continue  # '{germank,ajoulin}@fb.com', several addresses on one line
        if AUTHOR_PANEL.match(line):
            continue  # (authors4) a site's author panel: 'Affiliations', 'Search for articles by this author'
        if not looks_affiliation(line):
            return False
        seen = True
    return seen


def split_byline_affiliation(line: str) -> Tuple[str, str] | None:
    """'Анникова Л.В., Анников В.В. ФГБОУ ВО «Саратовский ГАУ»' -> (the names, the affiliation):
    a byline with its institution after it on the same line. The names must read as a byline
    by themselves (initials, markers or several people)."""
    words = line.split()
    if len(line) >= 300 or len(words) < 4:
        return None
    for k in range(2, min(len(words) - 1, 30)):
        # (the first institution's mark may stand before it: '... В.А. Литвинова2 'ФГБУ ВПО «...»', '1Department of')
        rest = re.sub(r"^(?:\d{1,2}|[*†‡§'’])+\s*(?=[^\W\d_])", "", " ".join(words[k:]))
        # (names ending in initials end there: 'Шевкопляс В.Н. Федеральная служба по ... надзору, г. Москва')
        initials_end = bylines.is_initials(words[k - 1]) and not bylines.is_initials(words[k])  # (no comma: the last name)
        if not (ORG_PREFIX.match(rest) or AFFILIATION.match(rest) or initials_end) or not looks_affiliation(rest):
            continue
        names = " ".join(words[:k])
        if bylines.parse_byline_marked(names) and not AFFILIATION.search(names):
            return names, rest
        if not initials_end:
            return None
    return None


class HeadLines:
    """Byline and title candidates; the state lives on the page reader."""

    item: CSLItem
    custom: Dict[str, Any]
    evidence: Evidence
    diags: Diagnostics
    byline: List[Dict[str, str]]
    byline_lines: List[int]
    stacked_byline: bool
    abstract_after: int | None
    byline_marks: List[List[str]]
    about: List[Dict[str, Any]]
    about_lines: List[int]
    other: List[Tuple[int, str]]
    candidates: List[Candidate]
    editors: List[Tuple[int, List[Dict[str, str]]]]
    citations: List[Tuple[int, str]]
    references: List[CSLItem]
    headings: Set[int]
    lines: List[str]

    def _issue_line(self, n: int, facts: Dict[str, Any], source: str) -> None:
        raise NotImplementedError  # the page reader's: findings from an issue line

    def _head_line(self, n: int, line: str, next_line: str = "") -> bool:
        """Byline and title candidates in the page's head (before the abstract)."""
        if "abstract" in self.item or self.references:
            return False
        # (its institution in brackets after it: '• Kim, Gyoo-mi (Liberal Education Semyung University) ;')
        bullet = BULLET_NAME.match(re.sub(r"\s*\([^()]{3,150}\)\s*[;,]?$", "", line.strip()))
        if bullet and all(bylines.NAME_WORD.match(w) or bylines.is_initials(w) for w in f"{bullet.group(1)} {bullet.group(2)}".split()):
            self._add_names(n, [{"family": bullet.group(1).strip(), "given": bullet.group(2).strip()}], line=line)
            return True
        edited = EDITED_BY.match(line)
        if edited and not self.editors:  # 'Edited by Robert E. Goodin': the book holding a chapter
            names = bylines.parse_byline(edited.group(1))
            if names:
                self.editors.append((n, names))
                return True
        with_place = split_name_affiliation(line)
        if with_place:  # '• Светлана Викторовна Иванова Санкт-Петербургский государственный университет, ...'
            self._add_names(n, [with_place[0]], line=line)
            self.custom.setdefault("affiliations-as-printed", []).append(with_place[1])
            return True
        names_place = split_byline_affiliation(line)
        if names_place and self._byline(n, names_place[0]):  # names, then their institution on the same line
            self.custom.setdefault("affiliations-as-printed", []).append(names_place[1])
            return True
        numbered = NUMBERED_NAME.match(line)
        if numbered:  # eLife: '1. Richard J Abdill', '2. Ran Blekhman Is a corresponding author'
            person = bylines.parse_initials_first(numbered.group(1)) or bylines.parse_full_name(numbered.group(1))
            if person:
                self._add_names(n, [person], line=line)
                return True
        prefixed = AUTHORS_PREFIX.match(line)
        if prefixed and self._byline(n, line[prefixed.end():]):
            return True
        if prefixed and self._inverted_pairs(n, line[prefixed.end():]):
            return True
        # a full name alone on its line, its affiliation on the next ('Peter Young' / 'Harbourside ...')
        single = bylines.parse_full_name(bylines.normal_case(line)) if len(line.split()) <= 4 else None
        inverted = INVERTED_NAME.match(line)
        if single is None and inverted:  # 'Martínez Sánchez, Antonio' over its affiliation
            single = bylines.parse_full_name(f"{inverted.group(2)} {inverted.group(1)}")
            if single:
                single = {"family": inverted.group(1).strip(), "given": inverted.group(2).strip()}
        above = self.lines[n - 2].rstrip() if n >= 2 else ""
        if single and above.endswith(",") and looks_affiliation(above):
            single = None  # 'Российская Федерация' under '..., г. Екатеринбург,': the address goes on
        if single and (AFFILIATION.search(next_line) or re.match(r"^affiliations?\b", next_line, re.I)
                       or people.DEGREE.match(next_line) or people.POSITION.match(next_line)) \
                and not AFFILIATION.search(line):
            if self.byline and people.romanised_twin(single, self.byline) is not None:
                # the same author in the other script, over their details in that language
                self.about.append(people.parse_author_paragraph(line))
                self.byline_lines.append(n)  # the author block goes on: the next author may follow
            else:
                self._add_names(n, [single], line=line, stacked=True)
            return True
        m = TITLE_ON_AGGREGATOR.match(line)
        if m:  # CyberLeninka: "Научная статья на тему 'TITLE'"
            self.evidence.add("title", (m.group(1) or m.group(2)).strip(), "label", n)
            self.other.append((n, line))
            return True
        if not self.byline:
            split = bylines.split_byline_title(line)
            if split and not self.candidates:
                names, title_text = split
                self.byline = names
                self.byline_lines.append(n)
                self.evidence.add("title", title_text.strip().rstrip("."), "head", n)
                return True
        if self._byline(n, line):
            return True
        if self._author_line(n, line):
            return True
        text, _ = clean_title(line)
        if not self.byline:
            on_one_line = bylines.split_title_byline(text)
            if on_one_line:  # 'TITLE Andrzej Zielinski1* and Anders Halling2' on one line
                text, names, marks = on_one_line
                self._add_names(n, names, marks)
            else:
                with_affiliation = split_title_name_affiliation(text)
                if with_affiliation:  # 'TITLE! Rocky J. Dwyer CENTRUM Católica, Lima, Peru'
                    text, person, place = with_affiliation
                    self._add_names(n, [person])
                    self.custom.setdefault("affiliations-as-printed", []).append(place)
        if 1 <= len(text.split()) <= 60 and not looks_affiliation(text) and not is_furniture(text):
            self.candidates.append(Candidate(len(self.candidates), n, text, heading=n in self.headings))
            return True
        return False

    def _add_names(self, n: int, names: List[Dict[str, str]], marks: List[List[str]] | None = None, *,
                   line: str | None = None, stacked: bool = False) -> None:
        """Names joining the byline; ``stacked``: a name alone over its details (degree,
        position, affiliation, address, e-mail), which may run to a dozen lines before the next
        author's name."""
        far = n - self.byline_lines[-1] if self.byline_lines else None
        if self.byline and (far is None or far > 12 or (far > 4 and not (stacked and self.stacked_byline))):
            if line is not None:  # a second byline further down is another block's (a reference, a footer)
                self.other.append((n, line))
            return
        self.byline += names
        self.byline_marks += marks or [[] for _ in names]
        self.byline_lines.append(n)
        self.stacked_byline = stacked

    def _citation_like(self, n: int, line: str) -> bool:
        """An unlabelled citation of the article in its head ('Kwon S, Kim D, "Title", Journal,
        vol. 2014, Article ID 285367, 2014. https://doi.org/...'): read like a citation line."""
        if not self.citations and GOST_CITATION.search(line) and len(line) < 600:
            self.citations.append((n, line))  # a catalogue's record: 'Title / Д. Тарасов, О. Гарасим // Вісник ... С. 382-388'
            return True
        if not self.citations and INVERTED_CITATION.match(line) and len(line) < 600 and line.count(". ") >= 2:
            self.citations.append((n, line))  # 'Martínez Sánchez, A. (2025). Title. Journal, 27(1), 105-122'
            return True
        quoted = re.search(r"[\"“«].{10,}?[\"”»]", line)
        if self.citations or len(line) > 600 or not quoted or line.count(",") < 2:
            return False
        by_names = bylines.parse_byline(line[: quoted.start()].strip(" ,.:"))
        if quoted.start() <= 2 and issue.issue_facts(line[quoted.end():]):
            self.citations.append((n, line))  # MLA without authors: '«TITLE». JOURNAL, вип. 1, Вересень 2022, с. 188-9'
            return True
        if not (by_names or (identifiers.find_doi(line) and re.search(r"\b(?:19|20)\d\d\b", line) and line.count(",") >= 3)):
            return False
        self.citations.append((n, line))
        return True

    def _byline(self, n: int, line: str) -> bool:
        """Take the line as the byline if it is one (names, with affiliation markers)."""
        marked = bylines.parse_byline_marked(line) if len(line) < 300 else None
        if not marked:
            han = bylines.parse_han_byline(line)
            marked = han if han and not self._kana() else None  # Chinese names: a Japanese page's are read otherwise
        if not marked:
            return False
        if self.byline and [people.fold(p["family"]) for p, _ in marked] == [people.fold(p["family"]) for p in self.byline] \
                and sum(len(p.get("given", "")) for p, _ in marked) > sum(len(p.get("given", "")) for p in self.byline):
            # the same people printed again with fuller names ('Hung CY' then 'Chen-Yu Hung'): the fullest wins
            self.byline = [person for person, _ in marked]
            self.byline_marks = [marks for _, marks in marked]
        elif self.byline and all(is_cyrillic(p["family"]) for p in self.byline) != all(
                is_cyrillic(person["family"]) for person, _ in marked):
            self.other.append((n, line))  # the same authors in the other script (the head's English twin)
        elif not self.byline or (len(self.byline) < 30 and (n - self.byline_lines[-1] == 1 or (
                len(marked) == 1 and n - self.byline_lines[-1] <= 8) or (
                n - self.byline_lines[-1] <= 4 and not any(t.strip() for t in self.lines[self.byline_lines[-1]:n - 1])
                and re.search(r"(?:,|\d|\band|&)\s*$", self.lines[self.byline_lines[-1] - 1])) or (
                n - self.byline_lines[-1] == 2 and looks_affiliation(self.lines[n - 2])) or (
                n - self.byline_lines[-1] <= 8 and author_details(self.lines[self.byline_lines[-1]:n - 1])))):
            # (names after the last author's affiliation, e-mail and a separator: 'Serhii Havrylov' / institution /
            # e-mail / '\AND' / 'Germán Kruszewski & Armand Joulin')
            # (a group of names under the last group's institution: names / institution / names)
            # a byline wrapped over lines (a blank line between, the first ending in a comma or a mark)
            # a byline wrapped over lines, or a name per line each over its affiliation
            # a name per line, each followed by its affiliation, is one byline
            self.byline += [person for person, _ in marked]
            self.byline_marks += [marks for _, marks in marked]
        else:  # names far from the byline (a related article's authors): kept, not taken as authors
            self.other.append((n, line))
        self.byline_lines.append(n)
        return True

    def _kana(self) -> bool:
        """Whether the page is Japanese (kana in its first lines); asked once a page."""
        known = getattr(self, "_japanese", None)
        if known is None:
            known = self._japanese = any(_KANA.search(line) for line in self.lines[:300])
        return known

    def _inverted_pairs(self, n: int, text: str) -> bool:
        """Under an authors label, 'Family, Given, Family, Given' (bylines.parse_inverted_pairs)."""
        people = bylines.parse_inverted_pairs(text) if not self.byline else None
        if people:
            self._add_names(n, people)
        return bool(people)

    def _author_line(self, n: int, line: str) -> bool:
        """A line about one author in the head: 'ЗИГАНШИН АЙДАР МИНДИЯРОВИЧ, канд. мед. наук,
        доцент ...', 'Писаренко Данила Андреевич, аспирант', or an aggregator's 'автор научной
        работы — Макаренко Кирилл Михайлович'."""
        m = people.AGGREGATOR_AUTHORS.search(line)
        if m:
            named = bylines.normal_case(m.group(1))
            names = bylines.parse_byline(named) or (
                [bylines.full_name_parts(named.split())] if 2 <= len(named.split()) <= 4 else None)
            if names and not self.byline:
                self.byline = names
                self.byline_marks = [[] for _ in names]
                self.byline_lines.append(n)
                self.other.append((n, line))
                if re.match(r"^\s*(?:аннотация|abstract)\b", line, re.I):
                    self.abstract_after = n  # CyberLeninka: 'Аннотация научной статьи по праву, автор ... — ...' over it
                return True
        person = people.author_line(line)
        if person is None:
            return False
        self.about.append(people.parse_author_paragraph(bylines.normal_case(line)))
        self.about_lines.append(n)  # a line about an author stands where a byline would: a title cue
        return True

    def _copyright(self, n: int, line: str, notice: str) -> None:
        """'© А.М. Зиганшин, И.М. Насибуллин, 2017': the holders, when they are the authors, are
        a byline; the year is the publication year when nothing better says it."""
        self.custom.setdefault("copyright", notice.strip())
        year = re.search(r"(?<![\d-])(?:19|20)\d\d(?![\d-])", notice)  # never a piece of an ISSN ('ISSN 2038-3002')
        if year:
            self.evidence.add("issued", {"date-parts": [[int(year.group(0))]]}, "text", n)
        holders = re.sub(r"^©\s*|,?\s*(?:19|20)\d\d.*$", "", notice).strip(" ,")
        names = bylines.parse_byline(bylines.normal_case(holders)) if holders else None
        if names and not self.byline and "abstract" not in self.item:
            self.byline = names
            self.byline_marks = [[] for _ in names]
            self.byline_lines.append(n)
        before = line[: line.find(notice)] if notice in line else ""
        facts = issue.issue_facts(before) if 20 <= len(before) and "abstract" not in self.item else None
        if facts:  # a running head with the notice after it ('Journal Vol. 1 (2), pp. 23-28, May 2006 ... © 2006 ...')
            self._issue_line(n, facts, "issue-line")
            self.custom.setdefault("issue-as-printed", []).append(before.strip())
        elif line.strip() != notice.strip():
            self.other.append((n, line))
