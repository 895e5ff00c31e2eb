"""The page reader's journal, date, numbers and keywords chosen by general evidence (session 12):
strings written here, not taken from the page set."""
from __future__ import annotations

from types import SimpleNamespace
from typing import List, Tuple

import pytest

from converter.readers.page.evidence import Evidence
from converter.readers.page.journal import abbreviates, choose_journal


def _page(lines: List[str], findings: List[Tuple[str, str, int]], issn_at: int | None = None) -> SimpleNamespace:
    evidence = Evidence()
    for value, source, line in findings:
        evidence.add("container-title", value, source, line)
    if issn_at:
        evidence.add("ISSN", "1234-5678", "label", issn_at)
    return SimpleNamespace(evidence=evidence, lines=lines)


def _no_model():
    return {}


@pytest.mark.parametrize("short, full, expected", [
    ("Prev Chronic Dis", "Preventing Chronic Disease", True),
    ("J. Am. Coll. Surg.", "Journal of the American College of Surgeons", True),
    ("Rev Port Med Geral Fam", "Revista Portuguesa de Medicina Geral e Familiar", True),
    ("Prev Chronic Dis", "Preventing Chronic Disease and Other Things", False),
    ("Chronic Disease", "Chronic Disease", False),  # the same name, not an abbreviation
    ("Water", "Water Research", False),
])
def test_abbreviates(short, full, expected):
    assert abbreviates(short, full) is expected


def test_a_label_holding_a_document_kind_is_not_the_journal():
    # 'Journal: Artigo' (a menu word under the label) against the masthead's name over its ISSN
    lines = ["Revista Portuguesa de Medicina Geral e Familiar", "versão impressa ISSN 1234-5678", "", "Artigo"]
    page = _page(lines, [("Artigo", "label", 4), ("Revista Portuguesa de Medicina Geral e Familiar", "head", 1)], issn_at=2)
    assert choose_journal(page, _no_model) == "Revista Portuguesa de Medicina Geral e Familiar"


def test_a_name_printed_twice_beats_an_issue_lines_garbled_start():
    lines = ["Revista de Enfermagem UFPE", "", "Revista de Enfermagem UFPE",
             "Portugus/Ingls Rev enferm UFPE on line., Recife, 7(esp):990-4, mar., 2013"]
    page = _page(lines, [("Portugus/Ingls Rev enferm UFPE on line., Recife", "issue-line", 4),
                         ("Revista de Enfermagem UFPE", "head", 1), ("Revista de Enfermagem UFPE", "head", 3)])
    assert choose_journal(page, _no_model) == "Revista de Enfermagem UFPE"


def test_a_citations_authors_taken_for_its_journal_lose_to_the_parsed_journal():
    line = ('Lee, Chien-Chiang & Wang, Chih-Wei, 2022. "Financial aid and inclusion," '
            "Pacific-Basin Finance Journal, Elsevier, vol. 71(C).")
    page = _page(["Financial aid and inclusion", line],
                 [("Lee, Chien-Chiang & Wang, Chih-Wei", "citation", 2), ("Pacific-Basin Finance Journal", "citation", 2)])
    assert choose_journal(page, _no_model) == "Pacific-Basin Finance Journal"


def test_the_first_choice_stays_without_more_evidence():
    # a label's name against a menu's other journal: the label stays
    lines = ["Emerging Infectious Diseases Journal", "", "Journal: Prev Chronic Dis"]
    page = _page(lines, [("Prev Chronic Dis", "label", 3), ("Emerging Infectious Diseases Journal", "head", 1)])
    assert choose_journal(page, _no_model) == "Prev Chronic Dis"
    # a name the line model is sure of is one more piece of evidence, not more than a label
    assert choose_journal(page, lambda: {1: {"JOURNAL": 0.4}}) == "Prev Chronic Dis"
