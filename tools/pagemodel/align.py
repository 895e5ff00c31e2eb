"""Line labels for training, derived from a page's gold record: the lines that print the gold
title are TITLE, the lines made mostly of the gold authors' names are AUTHOR, and a short line
that names the gold journal is JOURNAL; everything else is O. Only the development split is
read (tests/data/pages/SOURCES*.md); held-out pages are never labelled here."""
from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Tuple

from converter.readers.page.people import fold
from converter.readers.page.title import agrees

from ..paths import REPO

PAGES = REPO / "tests" / "data" / "pages"


def splits() -> Dict[str, str]:
    """Page name -> split, from the SOURCES table(s) (the same rule as benchmarks/page_set.py)."""
    out: Dict[str, str] = {}
    for sources in sorted(PAGES.glob("SOURCES*.md")):
        for line in sources.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 2 and cells[1] in ("dev", "held-out") and (PAGES / f"{cells[0]}.txt").exists():
                out[cells[0]] = cells[1]
    return out


def dev_pages() -> List[str]:
    return sorted(name for name, split in splits().items() if split == "dev")


def _words(text: str) -> List[str]:
    return [fold(w) for w in re.findall(r"[^\W\d_][^\W\d_'’-]*", text)]


def _name_words(gold: Dict[str, Any]) -> set[str]:
    words: set[str] = set()
    people = list(gold.get("author") or [])
    for alt in (gold.get("_alt") or {}).get("author", []) or []:
        people += alt
    for person in people:
        for part in (person.get("family", ""), person.get("given", ""), person.get("literal", "")):
            words.update(w for w in _words(part))
    return {w for w in words if w}


def label(line: str, gold: Dict[str, Any]) -> str:
    title = gold.get("title") or ""
    folded = fold(line)
    if title and folded:
        ft = fold(title)
        if (agrees(line, title) and len(folded) <= 1.15 * len(ft) + 5) or (len(folded) >= 15 and folded in ft):
            return "TITLE"
    names = _name_words(gold)
    words = _words(line)
    if names and words and len(line) < 400:
        hits = sum(w in names or len(w) == 1 for w in words)
        families = {fold(p.get("family", "")) for p in gold.get("author") or []}
        if hits >= 0.6 * len(words) and any(w in families for w in words):
            return "AUTHOR"
    journal = gold.get("container-title") or ""
    if journal and folded and len(line) < 200:
        fj = fold(journal)
        if len(fj) >= 4 and folded.startswith(fj) and len(folded) <= len(fj) + 30:
            return "JOURNAL"
    return "O"


def labelled_page(name: str) -> Tuple[List[Tuple[int, str]], List[str]]:
    from converter.readers.page.line_features import page_lines

    text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((PAGES / f"{name}.gold.json").read_text(encoding="utf-8"))
    lines = page_lines(text)
    return lines, [label(t, gold) for _, t in lines]


def load(names: List[str]) -> List[Tuple[str, List[Tuple[int, str]], List[str]]]:
    return [(name, *labelled_page(name)) for name in names]


if __name__ == "__main__":  # print a page's labels, to check the alignment by eye: python -m tools.pagemodel.align NAME
    import sys

    for (n, text), lab in zip(*labelled_page(sys.argv[1])):
        print(f"{lab:8} {n:4} {text[:110]}")
