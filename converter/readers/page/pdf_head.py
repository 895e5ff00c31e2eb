"""A PDF's first page run together on one line (text extracted by document sites): the title,
then the byline, then the affiliations, dates, abstract and keywords ('Nitrate contamination
in ... United States Aiguo Liu, Jinghua Ming, Ramble O. Ankumah * Department of ... Received
25 May 2004 ... Abstract Nitrate-N ... Keywords: Nitrate; Well water 1. Introduction ...').

The byline is found by where it ends: right before an affiliation, an e-mail, a history date
or the abstract's label, or after a run of names that each carry a mark. Where it starts is
the earliest word from which the words up to that end read as names, moved right past title
words that happen to parse as a first given name ('United States Aiguo Liu')."""
from __future__ import annotations

import re
from typing import Dict, List, NamedTuple, Tuple

from ...references.givennames import given_names
from ...vocabulary.names import is_initials
from .bylines import PARTICLES, parse_byline_marked
from .head import AFFILIATION, looks_affiliation
from .issue import issue_facts
from .labels import LABELS
from .title import CONNECTORS, VENUE

HEAD_WORDS = 150     # a title and a byline fit in the first 150 words
LONGEST_BYLINE = 40  # words
# the abstract's label in the languages of the set's PDF pages (a label inside running text needs a word of its own)
ABSTRACT_WORDS = r"abstract|summary|аннотация|анотація|резюме|реферат|resumo|resumen|résumé|özet|streszczenie|" \
                 r"zusammenfassung|abstrak|sažetak|rezumat|riassunto|samenvatting"
ABSTRACT_LABEL = re.compile(rf"^(?:{ABSTRACT_WORDS})\b[.:—-]?", re.I)
HISTORY_WORD = re.compile(r"^(?:received|submitted|поступила|получено)\b", re.I)
KEYWORDS_LABEL = re.compile(r"\b(?:%s)\s*[:.—-]\s*" % "|".join(LABELS["keywords"]), re.I)
ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,}[,;]?$")
MARKED = re.compile(r"[\d*†‡§⊥]$")


class RunTogether(NamedTuple):
    title: str
    people: List[Tuple[Dict[str, str], List[str]]]
    rest: str  # affiliations, dates, the abstract ... as printed after the byline
    head: str  # a running head before the title ('Journal 2015, Vol. 4, No. 1: 77-84.')


def _ends_byline(words: List[str], j: int) -> bool:
    """What a byline is printed before: an affiliation, an e-mail, dates, the abstract."""
    if j >= len(words):
        return False
    ahead = " ".join(words[j:j + 25])
    return bool(ABSTRACT_LABEL.match(words[j]) or HISTORY_WORD.match(words[j]) or "@" in words[j]
                or (AFFILIATION.search(" ".join(words[j:j + 6])) and looks_affiliation(ahead)))


def _long_family(person: Dict[str, str]) -> bool:
    return sum(w.lower() not in PARTICLES for w in person.get("family", "").split()) > 2


def _plausible_title(title: str) -> bool:
    """Not a phrase cut short ('... Cells and'), an affiliation, an e-mail, or a byline alone
    ('Philip Feldman1, 2 Sim Tiwari 2 ...')."""
    words = title.split()
    return len(words) >= 3 and not title.endswith((",", ";", ":")) and words[-1].lower() not in CONNECTORS \
        and "@" not in title and not looks_affiliation(title) and not parse_byline_marked(title)


# Cloudflare's mask of an e-mail address, printed after each author's name on scraped PDF text
EMAIL_MASK = re.compile(r"\s*\[email(?:\s|&#160;)+protected\](?=\s+[A-ZА-ЯЁ])")


def split_run_together(line: str) -> RunTogether | None:
    if len(EMAIL_MASK.findall(line[:3000])) >= 2:  # 'Matthew K. Matlock [email protected] Arghya Datta [email ...'
        line = EMAIL_MASK.sub(",", line)  # the mask holds no address: it parts the names, as a comma would
    words = line.split()[:HEAD_WORDS]
    if len(words) < 8:
        return None
    known = given_names()
    best: RunTogether | None = None
    for j in range(4, len(words)):
        if ABSTRACT_LABEL.match(words[j - 1]) or HISTORY_WORD.match(words[j - 1]):
            break  # the byline stands before the abstract and the dates
        after_marks = MARKED.search(words[j - 1]) is not None
        if not (_ends_byline(words, j) or after_marks) or ACRONYM.match(words[j - 1]):
            continue  # a byline does not end in an acronym ('German Rigau IXA NLP group', 'Dwyer CENTRUM')
        starts = [i for i in range(max(3, j - LONGEST_BYLINE), j - 1)
                  if words[i][:1].isupper() and parse_byline_marked(" ".join(words[i:j]))]
        if not starts:
            continue
        i = starts[0]
        people = parse_byline_marked(" ".join(words[i:j])) or []
        marked = sum(1 for _, marks in people if marks)
        if marked >= 2 and marked < len(people):  # every name marked but the first: title words ('Galvanic Cells and ...')
            for later in (k for k in starts if k > i):
                shorter = parse_byline_marked(" ".join(words[later:j])) or []
                if len(shorter) == marked and all(marks for _, marks in shorter):
                    i, people = later, shorter
                    break
        # a title word taken for a given name: the cut moves right while as many people still parse
        caps_title = all(w.isupper() for w in words[:i] if re.search(r"[^\W\d_]{2}", w))
        while words[i] not in known and i + 1 in starts and not is_initials(words[i + 1]) \
                and not (caps_title and not words[i].isupper()) \
                and not words[i - 1].endswith((".", "!", "?")):  # 'Rocky J. Dwyer', 'workforce! Rocky
            shorter = parse_byline_marked(" ".join(words[i + 1:j])) or []
            if len(shorter) != len(people):
                break
            i, people = i + 1, shorter
        if not _ends_byline(words, j) and not (len(people) >= 2 and all(marks for _, marks in people)):
            continue  # a name or two with a footnote mark inside running text
        title = re.sub(r"^\d{1,4}\s+(?=\S)", "", " ".join(words[:i]))  # the PDF's page number first
        if not _plausible_title(title):
            continue
        if any(AFFILIATION.search(" ".join(p.values())) or _long_family(p) for p, _ in people):
            continue  # 'Franco Scarselli Department', 'Напалков* Первый Московский': the affiliation has begun
        # of the ends that fit, the one after the most names, and of those the last: 'Aiguo Liu,
        # Jinghua Ming, Ramble O.' stops short of 'Ankumah * Department of ...'
        if best is None or len(people) >= len(best.people):
            rest = line.split(maxsplit=j)[j] if j < len(line.split()) else ""
            head, title = _running_head(title)
            whole = " ".join(words[:i])
            if not head and whole != title and re.match(r"(?:1[89]|20)\d\d\s", whole):  # the year a running head begins with, not a page number: '2019 – N o 158 – ...'
                head, title = _running_head(whole)
                title = title if head else re.sub(r"^\d{1,4}\s+(?=\S)", "", whole)
            if head:  # the page number printed after the running head ('... Page 717–738 717 Remote ...')
                title = re.sub(r"^(?!(?:1[89]|20)\d\d\s)\d{1,4}\s+(?=[^\W\d_])", "", title)  # (not a year: "2019 Novel ...")
            best = RunTogether(title, people, rest, head)
    return best


def _running_head(text: str) -> Tuple[str, str]:
    """'Revista ... 2015, Volumen 4- N° 1: 77-84. Proceso editorial ...' -> the running head that
    places the article, and the title after it: cut after the number where the head says most."""
    words = text.split()
    best, cut = 0, 0
    for k, word in enumerate(words[:30]):
        if not re.search(r"\d", word) or len(words) - k - 1 < 3:
            continue
        facts = issue_facts(" ".join(words[:k + 1]))
        if facts and len(facts) > best:
            best, cut = len(facts), k + 1
    head, title = " ".join(words[:cut]), " ".join(words[cut:])
    # the journal's name and the page number after the numbers, set off by a dash: '2019 – N o 158 – Travail et Emploi 155'
    after = re.match(r"^[–—-]\s+([^\W\d_][^\d–—|]{2,60}?)\s+\d{1,4}\s+(?=[^\W\d_])", title) if cut else None
    if after:
        head, title = f"{head} {title[:after.end()].strip()}", title[after.end():]
    return head, title


def cut_abstract(rest: str) -> Tuple[str, str, str]:
    """What follows the byline -> (affiliations and dates, the abstract, the keywords and after)."""
    m = re.search(rf"(?:^|\s)(?:{ABSTRACT_WORDS})\b[.:—-]?\s+", rest, re.I)
    if not m:
        return rest, "", ""
    before, abstract = rest[: m.start()].strip(), rest[m.end():]
    k = KEYWORDS_LABEL.search(abstract)
    if not k:
        return before, abstract.strip(), ""
    return before, abstract[: k.start()].strip(), abstract[k.end():].strip()


# the abstract's label inside a line of PDF text, as a heading: capitalised, before a capitalised word
# ('... University of Cambridge Abstract This study explores ...', '... WRAŻLIWYCH Streszczenie. Celem ...')
RUN_IN_ABSTRACT = re.compile(r"(?<=\s)(?:Abstract|ABSTRACT|Summary|SUMMARY|Аннотация|АННОТАЦИЯ|Анотація|АНОТАЦІЯ|Резюме|РЕЗЮМЕ|"
                             r"Реферат|Resumo|RESUMO|Resumen|RESUMEN|Résumé|Özet|ÖZET|Streszczenie|STRESZCZENIE|Zusammenfassung|"
                             r"Abstrak|ABSTRAK|Sažetak|Rezumat|Riassunto)[.:—-]?\s+(?=[A-ZА-ЯЁÀ-ÖØ-ÞİŞ])")


def run_in_abstract(line: str) -> Tuple[str, str] | None:
    """(what stands before, the abstract) of a PDF page's line that holds the abstract after its label as
    a heading, with twenty-five words of text at least after it; None otherwise."""
    m = RUN_IN_ABSTRACT.search(line[:3000])
    if not m or len(line[m.end():].split()) < 25 or len(line[:m.start()].split()) < 3:
        return None
    return line[:m.start()].strip(), line[m.end():].strip()


# a heading glued to the text after it when a page's markup was dropped: '... та перспективиЕнциклопедіями, ...'
_GLUED = re.compile(r"(?<=[a-zа-яёіїєґß]{3})(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґß]{2})")


def leading_heading(line: str) -> str | None:
    """The title at the start of a page run together on one line, where no byline follows it for
    ``split_run_together`` to find: its first words printed in capitals ('ОБЩЕСТВО ЗНАНИЙ: МЕХАНИЗМЫ
    ДЕКОНСТРУКЦИИ 127 Автор ...', the page number after them), or a heading glued to the first
    sentence of the text ('... сучасний стан та перспективиЕнциклопедіями, як відомо, ...').
    None when the line starts otherwise."""
    words = line.split()[:HEAD_WORDS]
    if len(words) < 12:
        return None
    caps = 0
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters) or (len(letters) == 1 and caps == 0):
            break
        caps += 1
    if 3 <= caps < len(words):  # the capitals end where ordinary words or the page number begin
        title = " ".join(words[:caps]).strip(" .,;")
        if len(title) >= 15 and _plausible_title(title) and not VENUE.search(title) and not issue_facts(title):
            return title  # (not the journal's running head: 'ВЕСТНИК ТОМСКОГО УНИВЕРСИТЕТА')
        return None
    head = " ".join(words[:40])
    glued = _GLUED.search(head)
    if glued:
        title = head[:glued.start()].strip()
        if 3 <= len(title.split()) <= 30 and not re.search(r"[.!?]\s", title) and _plausible_title(title):
            return title
    return None
