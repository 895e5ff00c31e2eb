"""The page's own citation line ("For citation:", "Cite this article:", "Для цитирования:",
"How to cite", "Published in final edited form as:", a Frontiers "Citation:" paragraph)
read into findings for the article's fields.

When the page's title is known and printed inside the line, the line is cut there: what
precedes is the authors as the citation prints them, what follows is journal and numbers,
read by the certain issue patterns. Otherwise the whole line goes through the reference
parser, which finds title, authors, journal and numbers on its own."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from ...references import parse_reference
from .identifiers import find_doi
from .issue import issue_facts
from .title import fold

# a citation's first author, family name then initials ('Semenov VYu,', 'Семенов В.Ю.,', 'Smith, J.')
CITATION_START = re.compile(r"^[A-ZА-ЯЁ][\w'’-]+,?\s+(?:[A-ZА-ЯЁ][a-zа-яё]?\.?\s?){1,3}[.,]")
PARSED_FIELDS = ("title", "author", "container-title", "issued", "volume", "issue", "page", "DOI")


# GOST's record with the names family first between '/' and '//' ('Title / Рябоконь В.П. // Журнал')
GOST_FAMILY_FIRST = re.compile(r"(?<=\s/\s)((?:[^\W\d_][\w'’-]+\s+(?:[^\W\d_]\.\s?){1,3}(?:,\s*|\s+(?=//)))+)(?=//)")
_FAMILY_INITIALS = re.compile(r"([^\W\d_][\w'’-]+)\s+((?:[^\W\d_]\.\s?){1,3})")


def gost_initials_first(line: str) -> str:
    """'Title / Рябоконь В.П. // Журнал' -> 'Title / В.П. Рябоконь // Журнал': GOST prints the names
    after the title initials first; written family first, the reference parser would take the
    title's first word for a name."""
    def swap(m: re.Match[str]) -> str:
        return _FAMILY_INITIALS.sub(lambda p: f"{p.group(2).strip()} {p.group(1)}", m.group(1)).rstrip() + " "
    return GOST_FAMILY_FIRST.sub(swap, line)


def parse_citation(line: str) -> Dict[str, Any]:
    """The fields the reference parser reads from the whole citation line."""
    parsed, _ = parse_reference(gost_initials_first(line))
    found = {k: parsed[k] for k in PARSED_FIELDS + ("type",) if k in parsed}  # the type: a cue, not a finding
    if "title" in found and isinstance(found["title"], str):
        found["title"] = found["title"].strip().rstrip(".")
        # the parser ran the journal into the title ('Title. Aula de Encuentro, volumen 27 (1)'): the
        # issue patterns, which read the journal before the numbers, cut it off
        journal = (issue_facts(line) or {}).get("container-title")
        if journal and found["title"].endswith(f". {journal}") and len(found["title"]) > len(journal) + 20:
            found["title"] = found["title"][:-len(journal) - 2].rstrip(" .")
            found.setdefault("container-title", journal)
    return found


def split_at_title(line: str, title: str) -> Tuple[str, str] | None:
    """(text before the title, text after it) when the title is printed inside the line,
    compared letter by letter (case, spacing and punctuation may differ)."""
    target = fold(title)
    if len(target) < 8:
        return None
    # map folded offsets back to the line
    positions = [i for i, ch in enumerate(line) if fold(ch)]
    folded = "".join(fold(line[i]) for i in positions)
    at = folded.find(target)
    if at < 0 or len(folded) != len(positions):
        return None
    start, end = positions[at], positions[at + len(target) - 1] + 1
    return line[:start].strip(" .,;:"), line[end:].strip(" .,;:")


def gost_numbers(line: str) -> Dict[str, Any] | None:
    """The journal and numbers after GOST's last '//' ('... // Журнал. – 2018. – Т. 1, Вип. 4. – С. 11–15.
    – Бібліогр.: с. 15 (12 назв)'): where the areas after the numbers make the text too long to read
    whole, the areas up to the pages' (GOST sets areas apart by ' – ')."""
    if "//" not in line:
        return None
    tail = line.rsplit("//", 1)[1]
    facts = issue_facts(tail)
    if facts is None and len(tail) > 260:
        areas = re.split(r"(?<=\.)\s+[–—-]\s+", tail)
        for k in range(len(areas), 0, -1):
            head = " – ".join(areas[:k])
            if len(head) <= 260:
                facts = issue_facts(head)
                if facts:
                    break
    return facts


def after_title(rest: str) -> Dict[str, Any]:
    """Journal and numbers from what follows the title in a citation line."""
    rest = rest.lstrip("\"”»’' ,.")
    rest = re.sub(r"^\s*(?:\[[^\]]*\]|\([^)]*\))\s*", "", rest)  # '[Title in English]', '(In Russ.)'
    rest = re.sub(r"^\s*//\s*", "", rest)                          # GOST's '//' before the journal
    found: Dict[str, Any] = {}
    # GOST's responsibility area before the '//' ('/ І. О. Бабій, О. А. Семенюк // Журнал ...'): the journal
    # and numbers follow the last '//'
    facts = issue_facts(rest) or gost_numbers(rest)
    if facts:
        found.update({k: v for k, v in facts.items() if k in PARSED_FIELDS})
    else:
        # no issue: a journal with an article number or a year alone ('Front. Sociol. 5:50')
        parsed, _ = parse_reference(f"A. Author. Title. {rest}")
        found.update({k: parsed[k] for k in ("container-title", "issued", "volume", "issue", "page") if k in parsed})
    if isinstance(found.get("page"), str):  # the reference parser keeps the printed dash ('153–163')
        found["page"] = re.sub(r"\s*[–—]\s*", "-", found["page"])
    doi = find_doi(rest) or _bare_doi(rest)
    if doi:
        found["DOI"] = doi
    return found


def _bare_doi(text: str) -> str | None:
    m = re.search(r"\b(10\.\d{4,9}/[^\s\"<>]+)", text)
    return m.group(1).rstrip(".,;)") if m else None


def citations_in_block(lines: List[Tuple[int, str]]) -> List[Tuple[int, str]]:
    """(first line, text) of each citation under one label: usually one, wrapped over lines;
    two when the page prints it in both languages, each on its own lines (the address line
    under the last, 'https://doi.org/...', belongs to both)."""
    starts = [i for i, (_, t) in enumerate(lines) if i and CITATION_START.match(t.strip())
              and re.search(r"[.)\d]\s*$", lines[i - 1][1])]
    if not starts or not any(t.strip() for _, t in lines[: starts[0]]):
        groups = [lines]
    else:
        shared = [(n, t) for n, t in lines[starts[-1] + 1:] if re.match(r"^\s*(?:https?://|doi:?\s)\S+\s*$", t, re.I)]
        groups = [lines[: starts[0]] + shared] + [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
    out = []
    for group in groups:
        value = " ".join(t.strip() for _, t in group if t.strip())
        # an address broken at a slash over two lines ('.../issues/2010/' + 'mar/09_0003.htm') is one
        value = re.sub(r"(https?://\S+/) ((?:[\w.%~-]+/)*[\w.%~-]+\.(?:s?html?|php|aspx?|pdf)\b)", r"\1\2", value)
        if value:
            out.append((group[0][0], value))
    return out
