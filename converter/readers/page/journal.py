"""The journal's name chosen among the page's candidates by evidence, not by the first match.

A page names its journal in many places, and many of them are wrong in their own way: a label
that holds a menu word ('Artigo'), the text before an issue line that is a certificate or a
label ('Anno di pubblicazione 2019/1'), a citation's first part that is its authors. Each
candidate (every finding of the rules for the field) is scored:

- where it was found (a label, an issue line, a citation, a head line), as evidence.py orders them;
- whether the page prints the same name on another line (a masthead, the citation, the page's
  title line all naming one journal);
- whether it stands by an ISSN, the journal's own number;
- whether it is shaped like a journal's name in some language ('Journal of ...', 'Вестник ...',
  'Revista ...', '... Dergisi', '... Review');
- how sure the line model is that its line is the journal's.

A label's value keeps its place unless another candidate has clearly more evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Dict, List, Set, Tuple

from .issue import DATABASE, VENUE_WORDS, journal_name
from .people import fold
from .title import CHROME, is_furniture

if TYPE_CHECKING:
    from .reader import PageReader

# what a finding's source is worth, before the rest of the evidence (evidence.py: label first)
# (titlecand) the names the head's layout gives: a citation's container (after GOST's '//', quoted after 'Журнал')
# above a masthead's or a running head's
PRIOR = {"label": 3.0, "issue-line": 2.0, "citation": 2.0, "head": 1.0, "layout-citation": 1.0, "layout": 0.5}
LAYOUT = {"layout", "layout-citation"}
CORROBORATED = 1.5   # printed on another line of the page too
BY_ISSN = 1.0        # within two lines of an ISSN
SHAPED = 1.0         # reads as a journal's name in some language
MODEL_WEIGHT = 1.0   # times the line model's JOURNAL probability of its line
MARGIN = 0.5         # how much more evidence it takes to set aside the first choice by source
CLEANER = 0.6        # the name alone where a finding of its line holds it with more (an abbreviation, a label, numbers)

# a value that names a kind of document or a page part, never a journal
NOT_A_JOURNAL = re.compile(
    r"^(?:art[ií]go|art[ií]culo|articolo|article|artikel|makale|статья|стаття|artykuł|research\s+article|"
    r"original\s+article|review\s+article|научная\s+статья|наукова\s+стаття|наукове\s+видання|научное\s+издание|"
    r"home|главная|головна|inicio|início|accueil|startseite|archive|архив|архів|current\s+issue|"
    r"текущий\s+выпуск|поточний\s+випуск|about|о\s+журнале|про\s+журнал)\.?$|"
    # a label of the people: 'Autori/Curatori Rosario ...', 'Authors: ...'
    r"^(?:autori|authors?|autor(?:es|en|zy)?|auteurs?|авторы?|автори|curatori|editors?)\b|"
    # page furniture around a journal's name: its review policy, the access to the text, its numbers
    r"\b(?:peer[\s-]+review\w*|full[\s-]+text|open\s+access|download\w*|issn|isbn|doi)\b|\d{4}-\d{3}[\dXx]|"
    # (titlecand) a numbers label left alone ('Issue №'), a menu's link to the journal's page
    r"^(?:issue|volume|vol|number|номер|выпуск|випуск|том|sayı|cilt)\.?\s*(?:№|no\.?|#)?\s*:?$|\babout\s+(?:the\s+|this\s+)?journal\b",
    re.I)


_FUNCTION_WORDS = {"of", "the", "and", "for", "on", "in", "&", "de", "la", "le", "des", "du", "del", "da", "do", "e", "y",
                   "et", "für", "und", "der", "и", "для", "по", "і", "та"}


def abbreviates(short: str, full: str) -> bool:
    """'Prev Chronic Dis' abbreviates 'Preventing Chronic Disease', 'J. Am. Coll. Surg.' 'Journal of the
    American College of Surgeons': each word of the short name begins the next word of the full one
    that is not a function word, and none of those is left over."""
    words = [w for w in re.findall(r"[^\W_]+", short.lower())]
    full_words = [w for w in re.findall(r"[^\W_]+", full.lower())]
    if len(words) < 2 or len(full_words) > 3 * len(words) or words == full_words:
        return False
    i = 0
    for w in words:
        while i < len(full_words) and full_words[i] in _FUNCTION_WORDS and not full_words[i].startswith(w):
            i += 1
        if i >= len(full_words) or not full_words[i].startswith(w):
            return False
        i += 1
    return all(w in _FUNCTION_WORDS for w in full_words[i:])


@dataclass
class Candidate:
    name: str
    key: str                      # the name folded: letters and digits, case and accents ignored
    sources: Set[str] = field(default_factory=set)
    lines: Set[int] = field(default_factory=set)
    first: int = 0                # order of the first finding (the old rule's choice on ties)
    score: float = 0.0
    wider: List[str] = field(default_factory=list)  # a layout's name inside these findings of its line


def choose_journal(r: "PageReader", line_labels: Callable[[], Dict[int, Dict[str, float]]],
                   layout: bool = False) -> str | None:
    """The journal's name with the most evidence among the page's candidates, or None.
    ``line_labels`` gives the line model's labels, asked only when there is a choice to make.
    With ``layout``, the candidates are the names the head's layout gives (layout_candidates),
    asked alone where neither the rules nor the line model found a journal."""
    candidates: Dict[str, Candidate] = {}
    for order, finding in enumerate([] if layout else r.evidence.found.get("container-title", [])):
        name = str(finding.value).strip()
        key = fold(name)
        if not key:
            continue
        c = candidates.setdefault(key, Candidate(name, key, first=order))
        if c.name.islower() and not name.islower():
            c.name = name  # the same name printed twice, once in small letters: the one in its own case
        c.sources.add(finding.source)
        if finding.line:
            c.lines.add(finding.line)
    found = _layout_found(r)
    if not candidates and not layout:  # no finding: a citation's container the layout gives, before the line model's guess
        found = [f for f in found if f[2] == "layout-citation"]
        if not found:
            return None
    # (titlecand) the names the layout gives join the rules' at the lowest prior: corroboration, shape, an ISSN
    # and the line model's JOURNAL probability weigh them alike, and the rules' first choice keeps its margin
    for order, (n, name, kind) in enumerate(found, len(candidates)):
        c = candidates.setdefault(fold(name), Candidate(name, fold(name), first=order))
        c.sources.add(kind)
        c.lines.add(n)
    for c in candidates.values():  # the name alone inside a finding of its line ('MARINE ... SERIES Mar Ecol Prog Ser')
        if c.sources <= LAYOUT:
            wider = [o for o in candidates.values() if o is not c and o.lines & c.lines and c.key in o.key
                     and o.sources - LAYOUT]
            if wider:
                c.sources |= {s for o in wider for s in o.sources}
                c.wider = [o.key for o in wider]
    if not candidates:
        return None
    if candidates and all(c.sources <= LAYOUT for c in candidates.values()) and len(candidates) == 1:
        return next(iter(candidates.values())).name
    if len(candidates) == 1:  # the only one, unless it names a document kind, a page part or a database
        only = next(iter(candidates.values())).name
        return None if NOT_A_JOURNAL.search(only.strip()) or DATABASE.match(only.strip()) else only
    labels = line_labels()
    page = [fold(t) for t in r.lines]
    issn_lines = [f.line for f in r.evidence.found.get("ISSN", []) if f.line]
    for c in candidates.values():
        prior = max(PRIOR.get(s, 0.5) for s in c.sources)
        printed = {n for n, t in enumerate(page, 1) if t and (t == c.key or (len(c.name.split()) >= 3 and c.key in t))}
        if not printed - c.lines:  # the name abbreviated, printed elsewhere in full ('Prev Chronic Dis')
            printed |= {n for n, t in enumerate(r.lines, 1) if 0 < len(t) < 120 and abbreviates(c.name, t.strip())}
        elsewhere = (printed | c.lines)
        score = prior
        if len(elsewhere) >= 2:
            score += CORROBORATED
        if any(abs(n - m) <= 2 for n in elsewhere for m in issn_lines):
            score += BY_ISSN
        if VENUE_WORDS.search(c.name) and len(c.name.split()) >= 2:
            score += SHAPED
        if labels:
            score += MODEL_WEIGHT * max((labels.get(n, {}).get("JOURNAL", 0.0) for n in elsewhere), default=0.0)
        if NOT_A_JOURNAL.search(c.name.strip()) or DATABASE.match(c.name.strip()):
            score -= 10
        c.score = score
    for c in candidates.values():  # at least as good as the finding it stands in, and a little better
        if c.wider:
            c.score = max([c.score] + [candidates[k].score for k in c.wider]) + CLEANER
    ranked = sorted(candidates.values(), key=lambda c: (-c.score, c.first))
    if all(c.sources <= LAYOUT for c in candidates.values()):
        return ranked[0].name
    first = r.evidence.best("container-title")
    default = candidates.get(fold(str(first.value).strip())) if first is not None else None
    if default is not None and ranked[0].score < default.score + MARGIN:
        return default.name
    return ranked[0].name


# (titlecand, session 15) journal names that only the head's layout gives: candidates beside the rules' findings
HEAD_LINES = 60
# the numbers that follow a journal's name on its masthead or running head: 'Nursing. 2011, Volumen 29',
# 'landtechnik 66 (2011), no. 2', 'INFOTEH-JAHORINA Vol. 11', 'Зборник ..., 3/2011', 'Interbio v.8 n.1 2014'
_NUMBERS_AFTER = re.compile(r"[\s,.;:]+(?:vol(?:ume|umen)?\.?\s*\d|v\.\s*\d|t\.\s*\d|т\.\s*\d|tom\s+\d|№\s*\d|"
                            r"no\.\s*\d|n\.\s*\d|\d{1,4}\s*\((?:19|20)\d\d\)|\d{1,3}\s*/\s*(?:19|20)\d\d|(?:19|20)\d\d\b)",
                            re.I)
# a name quoted after a word that says it is a journal's ('Журнал «...»', 'in "ARCHIVIO ..."'), or quoted before its numbers
_QUOTED = re.compile(r"\b(?:журнал\w*|часопис\w*|journal|revista|rivista|revue|zeitschrift|in)\s*[«\"“„]([^»\"”“„]{3,120})[»\"”“]|"
                     r"^[«\"“„]([^»\"”“„]{3,120})[»\"”“]\s*(?:№|no\.|vol\.?|\d)", re.I)
# GOST's '// Journal. – 2020. – № 3' and '// Journal. Л.: 1983. С. 25': the name ends at the first area mark
_AREA_END = re.compile(r"\.?\s+[–—-]\s|\.\s*[–—-]|\.\s*[А-ЯA-Z][а-яa-z]{0,3}\.?\s*:|[.,]\s*(?:19|20)\d\d|\.\s*[СCсPpS]\.\s*\d|"
                       r"\.\s*(?:№|no\.|vol|т\.|t\.)", re.I)
_PEOPLE = re.compile(r"\b[^\W\d_][\w'’-]+,?\s+(?:[A-ZА-ЯЁ]\.\s?){1,3}(?:,|$)|(?:[A-ZА-ЯЁ]\.\s?){1,3}\s*[A-ZА-ЯЁ][a-zа-яё]+,")
_FIELD = re.compile(r"\b(?:received|accepted|published|submitted|copyright|volume|issue|pages?|doi|issn|isbn|edition|"
                    r"date|year|поступила|принята|опубликован\w*|выпуск|том|страницы|дата)\b", re.I)


# a web address, a section's label or a document's kind, never the journal of a layout candidate
_NOT_A_NAME = re.compile(r"/|\.(?:org|com|net|ru|ua|edu|id)\b|https?:|www\.|^(?:abstract|resumo|resumen|résumé|аннотация|"
                         r"анотація|keywords?|оригинальная\s+статья|обзорная\s+статья|original(?:na)?\s+\w+)$", re.I)


def _acronym_of(short: str, full: str) -> bool:
    """'Earthquake Engng Struct. Dyn.' and 'Mar Ecol Prog Ser' shorten the name in capitals before them:
    each word begins as the next content word of the full name does."""
    words = re.findall(r"[^\W\d_]+", short.lower())
    content = [w for w in re.findall(r"[^\W\d_]+", full.lower()) if w not in _FUNCTION_WORDS]
    return len(words) >= 2 and len(words) == len(content) and all(w[0] == c[0] for w, c in zip(words, content)) \
        and any(len(w) < len(c) for w, c in zip(words, content))


def _masthead(text: str) -> str | None:
    """A masthead in capitals followed by its own abbreviation ('MARINE ECOLOGY PROGRESS SERIES Mar Ecol Prog Ser')."""
    words = text.split()
    caps = 0
    while caps < len(words) and any(ch.isalpha() for ch in words[caps]) and words[caps].isupper():
        caps += 1
    for k in range(min(caps, len(words) - 2), 1, -1):  # ('... GEOLOGY J Coast Geol': the abbreviation may begin in capitals)
        full, rest = " ".join(words[:k]), " ".join(words[k:])
        if _acronym_of(rest, full) or abbreviates(rest, full):
            return full
    return None


def _before_numbers(text: str) -> str | None:
    """The name a running head or masthead prints before the numbers ('60 Nursing. 2011, Volumen 29')."""
    text = re.sub(r"^\d{1,4}\s+(?=[^\W\d_])", "", text.strip())  # the page number printed before it
    m = _NUMBERS_AFTER.search(text)
    if not m or m.start() > 100:
        return None
    prefix = text[:m.start()].strip(" ,.;:–—-")
    if not prefix or re.search(r"\d", prefix) or _PEOPLE.search(prefix) or _FIELD.search(prefix) or len(prefix.split()) > 10:
        return None
    return prefix


def layout_candidates(r: "PageReader") -> List[Tuple[int, str]]:
    """Journal names that no rule read but the head's layout gives (_layout_found), in the page's order."""
    return [(n, name) for n, name, _ in _layout_found(r)]


def _layout_found(r: "PageReader") -> List[Tuple[int, str, str]]:
    """Journal names that no rule read but the head's layout gives, in the page's order: a name quoted
    after 'Журнал'/'in' or before its numbers; the container after GOST's '//'; a masthead in capitals
    followed by its abbreviation; the name a running head prints before the numbers; a short line
    beside an ISSN or an issue line (a masthead)."""
    title_lines = set(getattr(r, "title_lines", ()))
    byline_lines = set(getattr(r, "byline_lines", ()))  # (a citation's authors may be read as the byline: its container is still read)
    chosen = r.evidence.best("title")
    title_text = fold(str(chosen.value)) if chosen is not None else ""
    marks = {f.line for key in ("ISSN", "volume", "issue") for f in r.evidence.found.get(key, []) if f.line}
    nonblank = [n for n, t in enumerate(r.lines[:HEAD_LINES], 1) if t.strip()]
    found: List[Tuple[int, str, str]] = []

    def add(n: int, raw: str | None, kind: str = "layout") -> None:
        name = journal_name(raw) if raw else None
        if name and len(name) >= 3 and fold(name) != title_text and not NOT_A_JOURNAL.search(name) \
                and not DATABASE.match(name) and not _NOT_A_NAME.search(name) and not is_furniture(name) \
                and not CHROME.search(name) \
                and any(len(w) > 3 for w in re.findall(r"[^\W\d_]+", name)):
            found.append((n, name, kind))

    if nonblank and title_text:  # the saved page's title 'Title | Site' or 'Title > Journal': what follows the title
        saved = r.lines[nonblank[0] - 1].strip()
        pieces = re.split(r"\s+[|>»]\s+|\s+[–—-]\s+", saved)
        if len(pieces) == 2 and fold(pieces[0]) == title_text:
            add(nonblank[0], pieces[1])
    for i, n in enumerate(nonblank):
        text = r.lines[n - 1].strip()
        if n in title_lines or len(text) > 600:
            continue
        for m in _QUOTED.finditer(text):
            quoted = m.group(1) or m.group(2)
            if len(quoted.split()) <= 12:
                add(n, quoted, "layout-citation")
        gost = re.split(r"(?<!:)//", text)  # (not a web address's)
        if len(gost) > 1:
            tail = gost[-1]
            end = _AREA_END.search(tail)
            add(n, tail[:end.start()] if end else tail, "layout-citation")
        if n in byline_lines:
            continue
        if len(text) < 200:
            add(n, _masthead(text))
            add(n, _before_numbers(text))
        near = any(abs(nonblank.index(m) - i) <= 2 for m in marks if m in nonblank and m != n) if marks else False
        sentence = text.endswith(".") and len(text.split()) >= 4  # ('Content may be subject to copyright.')
        if near and len(text.split()) <= 8 and len(text) < 100 and not re.search(r"\d", text) and not sentence:
            add(n, text)
    return found


def layout_name_on(r: "PageReader", n: int) -> str | None:
    """The name the layout reads on line n (layout_candidates), if any: cleaner than the whole line."""
    return next((name for m, name in layout_candidates(r) if m == n), None)
