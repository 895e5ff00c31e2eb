"""The CRediT contributor roles (ANSI/NISO Z39.104-2022): exact terms, their URIs, and the
phrases article pages use for them in English and Russian."""
from __future__ import annotations

import re
from typing import Dict, List, Tuple

from ..patterns import lazy

CREDIT_BASE = "https://credit.niso.org/contributor-roles/"

# term -> (URI slug, phrases that mean it; regular expressions, matched case-insensitively)
ROLES: Dict[str, Tuple[str, Tuple[str, ...]]] = {
    "Conceptualization": ("conceptualization", (r"conceptuali[sz]ation", r"концептуализация", r"идея\b", r"концепция")),
    "Data curation": ("data-curation", (r"data\s+curation", r"курирование\s+данных")),
    "Formal analysis": ("formal-analysis", (r"formal\s+analysis", r"формальный\s+анализ", r"анализ\s+данных")),
    "Funding acquisition": ("funding-acquisition", (r"funding\s+acquisition", r"получение\s+финансирования")),
    "Investigation": ("investigation", (r"investigation", r"data\s+collection", r"исследование", r"сбор\s+данных")),
    "Methodology": ("methodology", (r"methodology", r"методология")),
    "Project administration": ("project-administration", (r"project\s+administration", r"администрирование\s+проекта")),
    "Resources": ("resources", (r"resources", r"ресурсы")),
    "Software": ("software", (r"software", r"программное\s+обеспечение")),
    "Supervision": ("supervision", (r"supervision", r"научное\s+руководство", r"руководство")),
    "Validation": ("validation", (r"validation", r"валидация", r"проверка")),
    "Visualization": ("visualization", (r"visuali[sz]ation", r"визуализация")),
    "Writing – original draft": ("writing-original-draft", (
        r"writing\s*[–—-]?\s*original\s+draft", r"original\s+draft", r"написание\s+(?:исходного\s+)?(?:текста|черновика|рукописи)",
        r"подготовка\s+(?:черновика|рукописи|текста)")),
    "Writing – review & editing": ("writing-review-editing", (
        r"writing\s*[–—-]?\s*review\s*(?:&|and)\s*editing", r"review\s*(?:&|and)\s*editing", r"редактирование",
        r"рецензирование")),
}

# compiled when a page is read, not when a JATS or CSL-JSON writer only needs the URIs
_MATCHERS = [(term, lazy("|".join(phrases), re.I)) for term, (_, phrases) in ROLES.items()]


def credit_uri(term: str) -> str:
    """The CRediT URI of an exact term, e.g. '.../contributor-roles/conceptualization/'."""
    return CREDIT_BASE + ROLES[term][0] + "/"


def match_roles(phrase: str) -> List[str]:
    """CRediT terms named by one printed contribution phrase (may be several, may be none)."""
    return [term for term, pat in _MATCHERS if pat.search(phrase)]


def split_contributions(text: str) -> Tuple[List[str], List[str]]:
    """A printed list of contributions -> (CRediT terms in order, phrases that matched none)."""
    terms: List[str] = []
    unmatched: List[str] = []
    for phrase in re.split(r"\s*;\s*", text.strip().rstrip(".")):
        if not phrase:
            continue
        found = match_roles(phrase)
        if not found:
            unmatched.append(phrase)
        for term in found:
            if term not in terms:
                terms.append(term)
    return terms, unmatched
