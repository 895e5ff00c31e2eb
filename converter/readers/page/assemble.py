"""Building the record once the whole page has been walked: the citation line read, the
title chosen, findings merged by source, authors merged, identifiers checked, and whatever
no rule recognised kept under ``custom["other-text"]``."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Dict, List, Tuple

from ...model import CSLItem
from ...references.givennames import given_names
from ...vocabulary.casing import looks_title_case
from ...vocabulary.languages import guess_language, is_cyrillic
from . import byline_model, bylines, citation, history, identifiers, issue, journal, line_model, pdf_head, people, title
from .abstract import keyword_list as _keyword_list  # (pagerest: the unlabelled abstract's rules live in abstract.py)
from .abstract import prose as _prose
from .abstract import unlabelled_abstract as _unlabelled_abstract
from .evidence import Finding
from .head import author_details, looks_affiliation
from .labels import KEYWORDS_LABEL_START
from .language import page_language as _language  # (pagerest: the article's language, language.py)
from .ranker import rank as rank_titles
from .untitled import check_untitled

if TYPE_CHECKING:
    from .reader import PageReader

SAMPLE = 20000  # characters of a page enough to tell its script and language; a huge page is not read again whole
# how sure the line model must be before its line fills a field the rules left empty (cross-validated, tools/pagemodel)
JOURNAL_THRESHOLD = 0.45
SHAPED_JOURNAL_THRESHOLD = 0.3  # ... when the line is shaped like a journal's name or stands by an ISSN (cross-validated)
AUTHOR_THRESHOLD = 0.5  # as sure as for a journal; 0.3-0.7 read the dev pages alike (cross-validated)
MERGED_FIELDS = ("title", "container-title", "issued", "volume", "issue", "page", "DOI", "URL", "PMID", "PMCID")


def finish(r: "PageReader") -> None:
    _whole_page_citation(r)
    _read_citations(r)
    _choose_title(r)
    _unlabelled_citations(r)
    _doi_lines(r)
    _year_by_the_masthead(r)
    name = journal.choose_journal(r, lambda: _line_labels(r))
    if name:
        r.item["container-title"] = name
    for name in MERGED_FIELDS:
        best = r.evidence.best(name)
        if best is not None and name not in r.item:
            r.item[name] = best.value
    issns = [f.value for f in r.evidence.found.get("ISSN", [])]
    if issns:
        r.item["ISSN"] = ", ".join(dict.fromkeys(issns))
    if "title" not in r.item:
        _run_together_title(r)
    if "title" in r.item:
        _title_case(r)
    _unlabelled_abstract(r)
    _edited_book(r)
    _unlabelled_keywords(r)
    _modelled_journal(r)
    _layout_journal(r)
    _authors(r)
    if "title" not in r.item:  # (pagerest) what a page without a title must give to be read: untitled.py
        check_untitled(r.item, r.diags, r.source)
    _language(r)
    _portuguese_names(r)
    _spanish_names(r)
    _item_type(r)
    _check_numbers(r, r.item, "article", None)
    for ref, line in zip(r.references, r.reference_lines):
        _check_numbers(r, ref, f"reference {ref.get('citation-number', '?')}", line)
    r.item["id"] = _record_id(r.item)
    for i, ref in enumerate(r.references, 1):
        ref["id"] = f"{r.item['id']}-ref-{ref.get('citation-number', i)}"
    if r.references:
        r.custom["references"] = [_id_first(ref) for ref in r.references]
    if r.other:
        r.other.sort()
        r.custom["other-text"] = [t for _, t in r.other]
        r.diags.warn(f"{len(r.other)} line(s) not recognised; kept under custom.other-text", line=r.other[0][0])
    if r.custom:
        r.item["custom"] = r.custom
    r.item = _ordered(r.item)


def _whole_page_citation(r: "PageReader") -> None:
    """A page that is one citation ('Kulikova, Daria V., і Anneta A. Yurchenko. «Title». Journal 29,
    no. 1 (Квітень 1, 2019): 28–39.', a journal's 'How to cite' export): the line is read as the
    page's citation when the reference parser finds a title and a journal or year in it."""
    if r.citations or r.evidence.has("title", "label"):
        return
    lines = [(n, t.strip()) for n, t in enumerate(r.lines, 1) if t.strip()]
    if not 1 <= len(lines) <= 4:
        return
    n, text = max(lines, key=lambda x: len(x[1]))
    if not 60 <= len(text) <= 1000 or not re.search(r"\b(?:1[89]|20)\d\d\b", text):
        return
    if r.abstract_labelled and text in r.item.get("abstract", ""):  # (pagerest) the text under an abstract's label
        return
    caps = re.match(r"^([^a-zа-яё]{8,200}?)\.\s", text)
    if caps and caps.group(1).isupper():  # 'СВЕДЕНИЯ ОБ АВТОРАХ. (2015). ...': a title in capitals, not a name
        text_read = caps.group(1).capitalize() + text[caps.end(1):]
    else:
        text_read = text
    parsed = citation.parse_citation(text_read)
    if parsed.get("title") and (parsed.get("container-title") or parsed.get("issued")):
        text = text_read
        r.citations.append((n, text))
        r.candidates = [c for c in r.candidates if c.line != n]
        r.other = [(m, t) for m, t in r.other if m != n]
        r.abstract_line = None if r.abstract_line == n else r.abstract_line
        if r.item.get("abstract") and title.fold(r.item["abstract"]) == title.fold(text):
            del r.item["abstract"]


def _run_together_title(r: "PageReader") -> None:
    """A page run together on one line whose title no rule found: the heading its text starts with
    (pdf_head.leading_heading), with a warning. (pagefields2, session 13)"""
    lines = [t for t in r.lines if t.strip()]
    heading = pdf_head.leading_heading(lines[0]) if len(lines) == 1 else None
    if heading:
        r.item["title"] = heading
        r.diags.warn("the title read from the start of a page run together on one line", field="title")


def _read_citations(r: "PageReader") -> None:
    """Every citation line of the page as printed; the first one read into findings (a second,
    in the page's other language, is kept as printed)."""
    if not r.citations:
        return
    r.custom["citation-as-printed"] = r.citations[0][1]
    if len(r.citations) > 1:
        r.custom["citation-other-as-printed"] = [text for _, text in r.citations[1:]]
    n, line = r.citations[0]
    # Vancouver's '[Internet]' and '[cited 2026 Feb 2]' (and their translations) say nothing of the issue
    plain = re.sub(r"\s*\[(?:internet|інтернет|интернет|cited|цит|процитовано|дата обращения)[^\]]{0,40}\]", "", line, flags=re.I)
    r.citations[0] = (n, plain)
    # GOST's 'Authors. Title // Journal. – 2020. – Т. 10': the journal and numbers follow the '//'
    numbers = citation.gost_numbers(plain) or issue.issue_facts(plain) or {}  # 'Am Fam Physician. 2013 Sep 15;88(6):388–394.': the certain patterns first
    journal = numbers.pop("container-title", "")
    if "//" in journal:  # GOST: 'Authors. Title // Journal. – 2020. – Т. 10'
        journal = journal.rsplit("//", 1)[1].strip(" .–—-")
    if journal and len(journal.split()) <= 12:
        numbers["container-title"] = journal
    for key, value in numbers.items():
        r.evidence.add(key, value, "citation", n)
    r.evidence.add("URL", identifiers.find_article_url(line), "citation", n)
    r.citation_parse = citation.parse_citation(plain)
    for key, value in r.citation_parse.items():
        if key not in ("author", "type"):
            r.evidence.add(key, value, "citation", n)


def _choose_title(r: "PageReader") -> None:
    parsed = r.citation_parse
    if not r.evidence.has("title", "label") and not r.evidence.has("title", "head"):
        journal = r.evidence.best("container-title")
        cues: Dict[str, Any] = dict(
            byline_at=r.byline_lines + r.about_lines[:1], abstract_at=r.abstract_line,
            citation_title=parsed.get("title"), journal=journal.value if journal else None,
            doi_at=[f.line for f in r.evidence.found.get("DOI", []) if f.line],
            page_title=next((ln.strip() for ln in r.lines if ln.strip()), None),
            cyrillic_page=is_cyrillic(" ".join(r.lines)[:SAMPLE]),
            abstract_language=guess_language(r.item.get("abstract", "")[:SAMPLE]),
            model_title={n: p["TITLE"] for n, p in _line_labels(r).items()})
        # (titlerank, session 14) the learned ranker over the same candidates and the citation's title,
        # where its weights are installed; the rules below otherwise
        ranked = rank_titles(r.candidates, cues, _line_labels(r))
        best = title.choose(r.candidates, **cues) if ranked is None else ranked[0].candidate if ranked else None
        if ranked and ranked[0].from_citation:
            best = None  # the citation's title, found among the evidence
        cited = parsed.get("title")
        abstract_language = guess_language(r.item.get("abstract", "")[:SAMPLE])
        if ranked is None and best is not None and cited and not title.agrees(best.text, cited) and (
                best.score < 6 or (abstract_language and guess_language(cited) == abstract_language
                                   and guess_language(best.text) != abstract_language)):
            # a weak head line, or one in another language than the article's, loses to the title
            # the page's own citation prints
            best = None
        if best is not None:
            r.evidence.add("title", best.text.strip().rstrip("."), "head", best.line)
            r.title_lines = list(range(best.line, max(best.line, best.last_line) + 1))
    chosen = r.evidence.best("title")
    saved = next((ln.strip() for ln in r.lines if ln.strip()), "")
    for part in re.split(r"\s+[|–—-]\s+", saved)[1:]:  # 'Title | Journal of X': the saved title names the journal
        name = issue.journal_name(part) if title.VENUE.search(part) else None
        if name:
            r.evidence.add("container-title", name, "head", 1)
    for c in r.candidates:  # a line that names a journal ('Вестник ...', 'Journal of ...') is the last resort
        name = issue.journal_name(c.text) if title.VENUE.search(c.text) else None
        if name and (chosen is None or c.line != chosen.line):
            r.evidence.add("container-title", name, "head", c.line)
    used = set(r.title_lines) | ({chosen.line} if chosen and chosen.line else set())
    for c in r.candidates:
        if c.line not in used:
            r.other.append((c.line, c.text))
    if chosen is None or not r.citations:
        return
    # the title printed inside the citation line cuts it into authors and journal + numbers
    split = citation.split_at_title(r.citations[0][1], chosen.value)
    if split:
        before, after = split
        if before:
            r.custom["citation-authors-as-printed"] = before
            names = bylines.parse_byline(re.sub(r",?\s*(?:et\s+al\.?|и\s+др\.?)\s*$", "", before.strip(" .,\"“«")))
            if names:
                r.citation_parse["author"] = names  # what precedes the title is the authors, as the citation prints them
        for key, value in citation.after_title(after).items():
            r.evidence.found.setdefault(key, []).insert(0, Finding(value, "citation", r.citations[0][0]))


def _unlabelled_citations(r: "PageReader") -> None:
    """Lines no rule recognised that cite this very article without a label (a 'Published in' line, a
    running head, an aggregator's record): the page's title printed inside them with a year and more
    after it. What follows the title is read as a citation's journal and numbers, each one a finding
    of the citation's rank (a label or an issue line still comes first)."""
    chosen = r.evidence.best("title")
    if chosen is None or len(title.fold(str(chosen.value))) < 20:
        return
    cited = {n for n, _ in r.citations}
    for n, text in sorted(r.other):
        if n in cited or n in r.title_lines or len(text) > 600 or not re.search(r"\b(?:1[89]|20)\d\d\b", text):
            continue
        split = citation.split_at_title(text, str(chosen.value))
        if not split or len(split[1]) < 10 or not re.search(r"\b(?:1[89]|20)\d\d\b", split[1]):
            continue
        found = citation.after_title(split[1])
        if not any(k in found for k in ("volume", "issue", "page")):
            continue  # a year alone after the title: a mention, not a citation
        for key, value in found.items():
            if key != "title":
                r.evidence.add(key, value, "citation", n)
        r.custom.setdefault("citation-unlabelled-as-printed", []).append(text)


def _doi_lines(r: "PageReader") -> None:
    """Lines no rule recognised that print the article's own DOI are about the article: what stands
    before the DOI is read as an issue line, or as a journal's name with the date it came out ('The Open
    Public Health Journal 22 Apr 2024 RESEARCH ARTICLE DOI: 10.2174/...'), the name only when it is
    shaped like a journal's."""
    best = r.evidence.best("DOI")
    doi = str(best.value).lower() if best is not None else ""
    if not doi:
        return
    for n, text in sorted(r.other):
        at = text.lower().find(doi)
        if at < 0 or len(text) > 300:
            continue
        before = re.sub(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi\b\s*:?)\s*$", "", text[:at], flags=re.I).strip(" |,;")
        facts = issue.issue_facts(before) if before else None
        if facts:
            for key, value in facts.items():
                r.evidence.add(key, value, "issue-line", n)
            continue
        m = re.match(r"^(.{6,120}?)\s+(\d{1,2}\s+[^\W\d_]{3,10}\.?\s+(?:19|20)\d\d|[^\W\d_]{3,10}\.?\s+\d{1,2},\s+(?:19|20)\d\d)\b",
                     before)
        name = issue.journal_name(m.group(1)) if m and issue.VENUE_WORDS.search(m.group(1).strip()) else None
        date = history.parse_date(m.group(2)) if m else None
        if name and date:
            r.evidence.add("container-title", name, "head", n)
            r.evidence.add("issued", {"date-parts": [date]}, "head", n)


def _year_by_the_masthead(r: "PageReader") -> None:
    """No date found: a year alone on its line beside the journal's name or its issue line (a cover's
    'American Journal of ... Research' / '2019') is the issue's year."""
    if r.evidence.has("issued"):
        return
    placed = {f.line for key in ("container-title", "volume", "issue") for f in r.evidence.found.get(key, []) if f.line}
    for n, text in sorted(r.other):
        if re.fullmatch(r"(?:19|20)\d\d", text.strip()) and any(abs(n - m) <= 3 for m in placed):
            r.evidence.add("issued", {"date-parts": [[int(text.strip())]]}, "head", n)
            r.other.remove((n, text))
            return


def _line_labels(r: "PageReader") -> Dict[int, Dict[str, float]]:
    """The learned line model's labels for the page, computed once (line_model.py)."""
    if r.line_labels is None:
        r.line_labels = line_model.line_labels("\n".join(r.raw_lines))
    return r.line_labels


def _modelled_journal(r: "PageReader") -> None:
    """No journal found by the rules: a loose line the line model takes for the journal's name."""
    if "container-title" in r.item:
        return
    issn_lines = [f.line for f in r.evidence.found.get("ISSN", []) if f.line]
    for n in line_model.best_lines(_line_labels(r), "JOURNAL", SHAPED_JOURNAL_THRESHOLD):
        text = next((t for m, t in r.other if m == n), None)
        if not text or title.RUNNING_HEAD.match(text):
            continue
        # a line the model is less sure of needs a journal's shape or an ISSN beside it
        if _line_labels(r)[n]["JOURNAL"] < JOURNAL_THRESHOLD and not (
                issue.VENUE_WORDS.search(text) or any(abs(n - m) <= 2 for m in issn_lines)):
            continue
        # the journal's line may place the article too: 'Procedia ... Sciences 98 (2014) 1590 - 1598'
        facts = issue.issue_facts(text) or {}
        # (titlecand) the name the head's layout reads on the line first (a masthead over its abbreviation)
        name = journal.layout_name_on(r, n) or facts.get("container-title") or issue.journal_name(text)
        if name:
            r.item["container-title"] = name
            taken = [key for key in ("volume", "issue", "page", "issued") if key in facts and key not in r.item]
            r.item.update({key: facts[key] for key in taken})
            r.other.remove((n, text))
            also = f" (and its {', '.join(taken)})" if taken else ""
            r.diags.warn(f"journal's name{also} taken from an unlabelled line the line model points at: {name!r}",
                         field="container-title", line=n)
            return


def _layout_journal(r: "PageReader") -> None:
    """(titlecand, session 15) Still no journal: a name the head's layout gives (a masthead, a running
    head's name before the numbers, GOST's '//', a quoted name), weighed as the rules' are (journal.py)."""
    if "container-title" in r.item:
        return
    name = journal.choose_journal(r, lambda: _line_labels(r), layout=True)
    if name:
        r.item["container-title"] = name
        r.diags.warn(f"journal's name read from the head's layout: {name!r}", field="container-title")


def _unlabelled_keywords(r: "PageReader") -> None:
    """Keywords printed without their label (a label drawn as an image or by a style sheet): the
    paragraph right after the abstract, or the abstract's own last paragraph, when it lists three
    to fifteen short terms, mostly in small letters, set apart by commas or semicolons
    ('Северный регион, медицинские работники, рацион, ...'; 'atenção primária à saúde; ...')."""
    if "keyword" in r.item:
        return
    if r.abstract_end is None:
        _keywords_under_a_paragraph(r)
        return
    paragraphs = r.item.get("abstract", "").split("\n")
    following = sorted((n, t) for n, t in r.other if n > r.abstract_end)
    if len(paragraphs) >= 2 and _keyword_list(paragraphs[-1]):
        text, n = paragraphs[-1], r.abstract_end
        r.item["abstract"] = "\n".join(paragraphs[:-1])
    elif following and following[0][0] - r.abstract_end <= 3 and _keyword_list(following[0][1]):
        n, text = following[0]
        r.other.remove((n, text))
    elif _list_above_unlabelled_abstract(r):  # (session 15, `pagefix2`)
        n, text = _list_above_unlabelled_abstract(r) or (0, "")
        r.other.remove((n, text))
    else:
        return
    text = KEYWORDS_LABEL_START.sub("", text)  # a label no rule read as one, its colon lost
    r.item["keyword"] = re.sub(r"\s*;\s*", "; ", text.strip().rstrip("."))
    r.diags.warn("keywords taken from the unlabelled list under the abstract", field="keyword", line=n)


def _list_above_unlabelled_abstract(r: "PageReader") -> Tuple[int, str] | None:
    """The keyword list printed right above an abstract that has no label (session 15, `pagefix2`)."""
    if r.abstract_labelled or r.abstract_line is None:
        return None
    above = [(n, t) for n, t in r.other if 0 < r.abstract_line - n <= 3]
    return max(above) if above and _keyword_list(max(above)[1]) else None


def _keywords_under_a_paragraph(r: "PageReader") -> None:
    """No abstract found where the page prints it: the first unlabelled keyword list right under a
    paragraph of running text (the abstract no rule recognised) in the page's first lines."""
    lines = sorted(r.other)
    for (m, above), (n, text) in zip(lines, lines[1:]):
        if n > 60:
            return
        if 0 < n - m <= 3 and len(above) >= 150 and _prose(above) and _keyword_list(text):
            r.item["keyword"] = re.sub(r"\s*;\s*", "; ", text.strip().rstrip("."))
            r.other.remove((n, text))
            r.diags.warn("keywords taken from the unlabelled list under a paragraph", field="keyword", line=n)
            return


def _title_case(r: "PageReader") -> None:
    text = r.item["title"]
    if text.isupper() and len(text) > 10:
        r.custom["title-as-printed"] = text
        r.item["title"] = title.uncapitalise(text, r.lines)
        r.diags.warn("title printed in capitals; stored in sentence case (proper nouns may need capitals)",
                     field="title")
    if looks_title_case(r.item["title"]):
        r.custom["title-case"] = True  # APA and GOST put it in sentence case


_KANA = re.compile(r"[\u3040-\u30ff]")


def _byline_under_title(r: "PageReader") -> None:
    """No byline found by the strict rules: the lines right under the title are where pages print
    the authors, so there a single full name or a list of names is taken as the byline."""
    best = r.evidence.best("title")
    if r.byline or r.about or best is None or not best.line:
        return
    end = max(r.title_lines or [best.line])
    for n, text in sorted(r.other):
        if n <= end:
            continue
        if n - end > 3:
            break
        marked = bylines.parse_byline_marked(text, after_title=True) if len(text) < 300 else None
        if not marked and n - end <= 2 and any(_KANA.search(line) for line in r.raw_lines[:60]):
            marked = bylines.parse_japanese_run(text)  # (authors4) Japanese names run together under the title
        if marked:
            r.byline = [p for p, _ in marked]
            r.byline_marks = [m for _, m in marked]
            r.byline_lines.append(n)
            r.other.remove((n, text))
            _names_a_line_under(r, n)
            return


def _unbulleted(text: str) -> str:
    return re.sub(r"^\s*[•·▪◦]\s+", "", text)


def _names_a_line_under(r: "PageReader", n: int) -> None:
    """(bylines3) One full name a line under the title ('Elina Justus' / 'Michael Schön'): the names on
    the lines right under the first, each alone on its line, join the byline."""
    if len(r.byline) != 1:
        return
    while True:
        nxt = next(((m, t) for m, t in r.other if m == n + 1), None)
        if nxt is None or not bylines.parse_byline_marked(nxt[1], after_title=True):
            # (authors4) or past the last name's details: 'Affiliations' / ... / 'Search for articles by this author'
            nxt = next(((m, t) for m, t in sorted(r.other) if n + 1 < m <= n + 8 and len(t) < 60
                        and author_details(r.raw_lines[n:m - 1]) and bylines.parse_byline_marked(_unbulleted(t), after_title=True)),
                       None)
        marked = bylines.parse_byline_marked(_unbulleted(nxt[1]), after_title=True) if nxt and len(nxt[1]) < 60 else None
        if not nxt or not marked or len(marked) != 1:
            return
        r.byline.append(marked[0][0])
        r.byline_marks.append(marked[0][1])
        r.byline_lines.append(nxt[0])
        r.other.remove(nxt)
        n = nxt[0]


def _modelled_byline(r: "PageReader") -> None:
    """No byline found by the rules, none under the title and no citation line naming the authors:
    the unrecognised lines the line model takes for a byline, read as names where they parse."""
    if r.byline or r.about or r.citation_parse.get("author"):
        return
    for n in line_model.best_lines(_line_labels(r), "AUTHOR", AUTHOR_THRESHOLD):
        text = next((t for m, t in r.other if m == n), None)
        if not text or len(text) >= 300 or n in r.title_lines or people.fold(text) == people.fold(r.item.get("title", "")):
            continue
        marked = bylines.parse_loose_byline(text)
        if not marked:
            continue
        r.other.remove((n, text))
        r.byline_lines.append(n)
        first = n
        # a byline wrapped after its 'and' or comma: the next line holds the last names
        while re.search(r"(?:,|\band|&|\bи)\s*(?:<br\s*/?>)?\s*$", text):
            n, text = next(((m, t) for m, t in sorted(r.other) if m > n), (0, ""))
            more = bylines.parse_loose_byline(text) if 0 < len(text) < 300 else None
            if not more:
                break
            marked += more
            r.other.remove((n, text))
            r.byline_lines.append(n)
        r.byline = [p for p, _ in marked]
        r.byline_marks = [m for _, m in marked]
        _names_a_line_under(r, n)
        r.diags.warn("authors taken from unlabelled lines the line model points at", field="author", line=first)
        return


def _learned_byline(r: "PageReader") -> None:
    """Still no byline: the people the byline model (byline_model.py) is sure the head names."""
    set_aside = bool(r.byline) and not r.about and byline_model.implausible(r.byline)
    if set_aside:  # the rules took an institution or a journal for names: the model is asked before the citation's authors
        r.diags.warn("the byline the rules read names an institution or a journal; set aside", field="author",
                     line=r.byline_lines[0] if r.byline_lines else None)
        r.byline, r.byline_marks = [], []
        _byline_further_down(r)
    if r.byline or r.about or (r.citation_parse.get("author") and not set_aside):
        return
    names, at = byline_model.choose_byline(byline_model.tag_page("\n".join(r.raw_lines)), r.title_lines,
                                           r.item.get("title", ""))
    if names:
        r.byline, r.byline_marks = names, [[] for _ in names]
        r.byline_lines += at
        r.diags.warn("authors read by the byline model from the page's head", field="author", line=at[0])


def _byline_further_down(r: "PageReader") -> None:
    """(bylines3) The rules' byline set aside as implausible: a line a little further down that the
    rules read as a plausible byline ('Kecamatan Sanaman Mantikei, Kabupaten Katingan', a title's
    second line, over 'Benny Prasetyo1, Epi Sulastri2, ...') is the byline."""
    start = r.byline_lines[0] if r.byline_lines else 0
    for n, text in sorted(r.other):
        if n <= start or n in r.title_lines or len(text) >= 300:
            continue
        if n - start > 12:
            break
        marked = bylines.parse_byline_marked(text)
        if marked and not byline_model.implausible([p for p, _ in marked]):
            r.byline, r.byline_marks = [p for p, _ in marked], [m for _, m in marked]
            r.byline_lines.append(n)
            r.other.remove((n, text))
            return


def _authors(r: "PageReader") -> None:
    _byline_under_title(r)
    _modelled_byline(r)
    _learned_byline(r)
    _letter_marks(r)
    _one_person_printed_twice(r)
    _resolve_role_statements(r)
    names, extra, problems = people.merge_people(r.byline, r.about, r.contributions)
    _apply_marks(r, extra)
    printed = r.custom.get("affiliations-as-printed", [])
    if len(printed) == 1 and extra and not any("affiliation" in e for e in extra):
        # one affiliation line under the byline belongs to every author on it
        for e in extra:
            e["affiliation"] = printed[0]
        del r.custom["affiliations-as-printed"]
    for p in problems:
        r.diags.warn(p, field="author")
    if not names:
        cited = r.citation_parse.get("author")
        if cited:  # no byline on the page: the citation line's authors
            names = cited
    head = next((title.RUNNING_HEAD.match(ln.strip()) for ln in r.lines[:3] if title.RUNNING_HEAD.match(ln.strip())), None)
    if names and head and names[0].get("given") == head.group(1) and names[0]["family"] != head.group(1):
        # the running head names the first author's family ('Ibarra et al.'): the byline put it first
        names = [{"family": p.get("given", ""), "given": p["family"]} if " " not in p.get("given", " ") else p for p in names]
    if names:
        r.item["author"] = names
    if any(len(e) > 1 for e in extra):
        r.custom["authors"] = extra


def _letter_marks(r: "PageReader") -> None:
    """(authors4) Affiliation letters glued to the byline's family names ('Shaha', 'Bhatb'): see
    bylines.unglue_letter_marks."""
    if r.byline:
        r.byline, r.byline_marks = bylines.unglue_letter_marks(r.byline, r.byline_marks, "\n".join(r.raw_lines[:120]))


def _one_person_printed_twice(r: "PageReader") -> None:
    """The same name twice in a row in the byline is one person: a byline wrapped with its last
    name printed again on the next line (with its marks), or a name given in two copies."""
    people: List[Dict[str, str]] = []
    marks: List[List[str]] = []
    for i, person in enumerate(r.byline):
        own = r.byline_marks[i] if i < len(r.byline_marks) else []
        if people and person == people[-1]:
            marks[-1] += [m for m in own if m not in marks[-1]]
            continue
        people.append(person)
        marks.append(list(own))
    if len(people) < len(r.byline):
        r.byline, r.byline_marks = people, marks


def _resolve_role_statements(r: "PageReader") -> None:
    for n, para in r.role_statements:
        per_author, rest = people.roles_by_initials(para, r.byline)
        if not per_author:
            r.other.append((n, para))
            r.diags.warn("contribution statement not understood; kept as text", line=n, field="contribution")
            continue
        r.contributions.extend(per_author)
        for sentence in rest:
            r.custom.setdefault("notes", []).append(sentence)


def _apply_marks(r: "PageReader", extra: List[Dict[str, Any]]) -> None:
    """Affiliations and correspondence printed under the byline, joined to their authors
    by the markers after the names ('Ivanova 1,*')."""
    used: set[str] = set()
    for info, marks in zip(extra, r.byline_marks):
        affs = [r.affiliations[m] for m in marks if m in r.affiliations]
        if affs and "affiliation" not in info:
            info["affiliation"] = "; ".join(affs)
            used.update(m for m in marks if m in r.affiliations)
        for m in marks:
            if m in r.correspondence:
                info["corresponding"] = True
                email = people.EMAIL.search(r.correspondence[m])
                if email and "email" not in info:
                    info["email"] = email.group(0)
    for mark, text in r.affiliations.items():
        if mark not in used:
            r.custom.setdefault("affiliations-as-printed", []).append(f"{mark} {text}")
    for mark, text in r.correspondence.items():
        if not any(mark in marks for marks in r.byline_marks):
            r.custom.setdefault("notes", []).append(f"{mark} {text}")


_PORTUGUESE_PARTICLES = {"de", "da", "das", "do", "dos", "e"}
_PORTUGUESE_SUFFIXES = {"júnior", "junior", "jr.", "filho", "neto", "sobrinho"}


def _portuguese_names(r: "PageReader") -> None:
    """In an article in Portuguese the authors are cited as Brazilian and Portuguese citations
    (ABNT, SciELO's own 'Como citar') cite them: the particles after the given names ('Araujo
    TL de'), and Júnior, Filho, Neto with the family name before them ('Pessoa Júnior JM')."""
    if str(r.item.get("language", "")).split("-")[0] != "pt":
        return
    for person in r.item.get("author", []):
        family, given = person.get("family", "").split(), person.get("given", "").split()
        if not given:
            continue
        if len(family) == 1 and family[0].lower() in _PORTUGUESE_SUFFIXES and len(given) > 1:
            family.insert(0, given.pop())
        while len(family) > 1 and family[0].lower() in _PORTUGUESE_PARTICLES:
            given.append(family.pop(0))
        person["family"], person["given"] = " ".join(family), " ".join(given)


def _spanish_names(r: "PageReader") -> None:
    """In an article in Spanish a name has two family names, the father's and the mother's
    ('Francys Mitchel Canto Saenz' is Canto Saenz): a full name's word before the family name
    that is no known given name joins it ('Gustavo Ampuero Trigoso'; 'Hurley Abel Quispe-Ccasa'
    keeps Abel as a given name)."""
    if str(r.item.get("language", "")).split("-")[0] != "es":
        return
    known = given_names()
    for person in r.item.get("author", []):
        family, given = person.get("family", "").split(), person.get("given", "").split()
        if len(family) == 1 and "-" not in family[0] and len(given) >= 2 and not any("." in g for g in given) \
                and given[-1] not in known and given[-1].lower() not in bylines.PARTICLES and given[-1][:1].isupper():
            person["family"], person["given"] = f"{given[-1]} {family[0]}", " ".join(given[:-1])


# what the page says the work is, when it is not a journal article (CSL types)
ITEM_TYPES = (
    ("paper-conference", re.compile(r"^(?:conference\s+paper|proceedings\s+paper|conference\s+proceedings?)\b|"
                                    r"\bconference\s+paper\s*[·|]|^доклад\b|^материалы\s+конференции", re.I | re.M)),
    ("chapter", re.compile(r"^(?:book\s+chapter|chapter\s+in\s+a\s+book)\b|\bbook\s+chapter\s*[·|]|^глава\s+в\s+книге|"
                           # (session 15, `pagefix2`) a publisher's 'Chapter' alone on its line, 'Access this chapter', a
                           # chapter's kind in other languages, a collection of papers the article is one of
                           r"^\s*(?:[•·]\s*)?chapter\s*$|\baccess\s+this\s+chapter\b|^(?:buchkapitel|capítulo\s+de\s+libro|"
                           r"chapitre\s+d['’]ouvrage|kitap\s+bölümü|rozdział\s+w\s+monografii)\b|"
                           r"\bсборник\s+(?:научных\s+)?(?:статей|трудов)\b|\bзбірник\s+(?:наукових\s+)?(?:статей|праць)\b", re.I | re.M)),
    ("article", re.compile(r"\barxiv:\s?\d{4}\.\d{4,5}|^preprint\b|\bpreprint\s*[·|]|"
                           r"\barxiv\b(?=[\s\S]{0,300}(?<![\d.])\d{4}\.\d{4,5}(?:v\d+)?(?![\d.]))", re.I | re.M)),  # (pagefix2)
)


CONFERENCE_SIGNS = re.compile(r"\bpaper\s+presented\s+at\b|\bceur-ws\.org/|\bdblp\.org/rec/conf/|"
                              r"\b(?:conference|workshop|symposium)\s+proceedings\b|\bproceedings\s+of\s+the\b.{0,80}"
                              r"\b(?:conference|workshop|symposium|congress)\b|\bдоклад\s+на\b|"
                              r"(?-i:Conference\s?Proceedings)", re.I)  # (pagefix2: glued to the words around it)


def _edited_book(r: "PageReader") -> None:
    """'The Oxford Handbook of Political Science' over 'Edited by Robert E. Goodin': the article
    is a chapter, the line above the editors is its book."""
    if not r.editors:
        return
    n, names = r.editors[0]
    r.item["editor"] = names
    book = next((text for m, text in r.other if m == n - 1), None)
    if book and "container-title" not in r.item and not looks_affiliation(book):
        r.item["container-title"] = book.strip().rstrip(".")
        r.other.remove((n - 1, book))
        r.item["type"] = "chapter"


def _item_type(r: "PageReader") -> None:
    """A conference paper, chapter or preprint says so on its page; else a journal article."""
    if r.item.get("type") == "chapter":
        return
    head = "\n".join(line[:500] for line in r.lines[:40])
    for csl_type, pattern in ITEM_TYPES:
        if pattern.search(head) and not (csl_type == "article" and "container-title" in r.item):
            r.item["type"] = csl_type
            return
    # weaker signs, trusted where no journal issue is printed: 'Paper presented at the Annual Meeting',
    # a proceedings series (CEUR-WS, dblp's 'conf/' records), 'Conference Proceedings' in running text
    if not r.item.get("issue") and CONFERENCE_SIGNS.search(head):
        r.item["type"] = "paper-conference"
        return
    # the page's own citation names a kind the page does not ('..., Working papers 2016-27, University of ...')
    cited = r.citation_parse.get("type")
    if cited in ("report", "thesis", "paper-conference") and not r.item.get("volume") and not r.item.get("issue"):
        r.item["type"] = cited


def _check_numbers(r: "PageReader", item: CSLItem, what: str, line: int | None) -> None:
    msg = identifiers.doi_number_conflict(item.get("DOI", ""), item.get("volume"), item.get("issue"))
    if msg:
        r.diags.warn(f"{what}: {msg}", field="volume", line=line)


def _record_id(item: CSLItem) -> str:
    """A readable key: first author's family name, year, first long title word."""
    family = (item.get("author") or [{}])[0].get("family", "anon")
    year = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][0])
    words = [w for w in re.findall(r"\w+", item.get("title", "")) if len(w) > 3]
    key = f"{family.split()[0] if family.split() else 'anon'}{year}{words[0] if words else ''}".lower()
    return re.sub(r"[^\w-]", "", key) or "record"


def _id_first(item: CSLItem) -> CSLItem:
    return {"id": item["id"], **{k: v for k, v in item.items() if k != "id"}}


_ORDER = ["id", "type", "title", "author", "container-title", "issued", "volume", "issue", "page", "DOI", "URL",
          "ISSN", "PMID", "PMCID", "language", "abstract", "keyword", "submitted"]


def _ordered(item: CSLItem) -> CSLItem:
    out = {k: item[k] for k in _ORDER if k in item}
    out.update({k: v for k, v in item.items() if k not in out})
    return out
