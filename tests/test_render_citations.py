"""In-text citations (converter/rendering/citations.py): positions, disambiguation, cite
grouping and collapsing. The expected strings are not ours: they come from the official CSL
test suite (../shared/csl-test-suite) and from citeproc-js 2.4.63 (tests/fixtures/csl/)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED, need_shared
from converter.rendering import load_style, render
from converter.rendering.citations import letters
from tools.csl_conformance import parse_fixture, run_fixture

FIXTURES = Path(__file__).parent / "fixtures" / "csl"

# One suite fixture (or more) per behaviour the citation processor adds.
SUITE_CASES = {
    # cite grouping and collapsing
    "collapse_AuthorCollapse": "collapse year: same author once",
    "collapse_YearSuffixCollapse": "year-suffix-ranged: 2000a–e",
    "collapse_YearSuffixCollapseNoYearSuffixDelimiter": "year-suffix delimiter defaults",
    "collapse_CitationNumberRangesMixed2": "citation-number ranges",
    "collapse_NumericDuplicate": "citation-number runs with a repeated number",
    "collapse_TrailingDelimiter": "after-collapse-delimiter",
    "sort_CiteGroupDelimiter": "cite grouping without collapsing",
    # disambiguation
    "disambiguate_AddNamesSuccess": "add names",
    "disambiguate_AndreaEg3": "add names that reduce ambiguity, then year suffixes",
    "disambiguate_ByCiteGivennameShortFormInitializeWith": "by-cite given names",
    "disambiguate_ByCiteMinimalGivennameExpandMinimalNames": "by-cite: only the names needed",
    "disambiguate_AllNamesGenerally": "all-names rule",
    "disambiguate_PrimaryNameWithInitialsLimitedToPrimary": "primary-name-with-initials rule",
    "disambiguate_ToInitialOnly": "with-initials rules never give full names",
    "disambiguate_DifferentSpacingInInitials": "'J. J.' and 'J.J.' are one person",
    "disambiguate_AllNamesBaseNameCountOnFailureIfYearSuffixAvailable": "names reset when no help",
    "disambiguate_DisambiguateTrueReflectedInBibliography": "disambiguate=\"true\" condition",
    "disambiguate_YearSuffixFiftyTwoEntries": "year suffixes past z",
    "disambiguate_ImplicitYearSuffixOnceOnly": "implicit year suffix after the first year",
    # positions
    "integration_SimpleIbid": "ibid in the same citation",
    "integration_IbidWithDifferentLocators": "ibid-with-locator compares locator labels",
    "position_IbidInText": "running-text and note citations are separate ibid streams",
    "position_IbidWithMultipleSoloCitesInBackref": "ibid needs the whole previous note",
    "position_ResetNoteNumbers": "first-reference-note-number",
    "magic_TermCapitalizationWithPrefix": "a term opening a sentence is capitalized",
    "bugreports_CapsAfterOneWordPrefix": "... but not after a one-word prefix",
    # groups
    "group_SuppressTermInMacro": "a macro call acts as a group",
    "flipflop_ItalicsFlipped": "italics inside italics are upright",
    "flipflop_SmallCaps": "small caps inside small caps are normal",
    "magic_SuppressLayoutDelimiterIfPrefixComma": "a prefix opening with a comma drops the delimiter",
    "name_NoNameNode": "cs:names without cs:name uses our name rendering",
    "name_AuthorEditorCount": "form=\"count\" adds up the variables of cs:names",
    "magic_NameSuffixWithComma": "\"John,! Jr.\" in a given name is a suffix after a comma",
    "name_ArticularWithComma": "comma-suffix",
    "name_ParsedCommaDelimitedDroppingParticleSortOrderingWithoutAffixes": "a particle after a comma",
    "magic_SecondFieldAlign": "second-field-align: the first field in the margin (HTML)",
    # subsequent-author-substitute
    "magic_SubsequentAuthorSubstitute": "complete-all",
    "magic_SubsequentAuthorSubstituteOfTitleField": "a substituted title counts as the author",
    "substitute_SharedMacro": "complete-each",
    "name_SubstitutePartialEach": "partial-each",
    "sort_ChicagoYearSuffix1": "with year suffixes (Chicago)",
    "sort_AuthorDateWithYearSuffix": "cite-group-delimiter defaults to ', '",
    # sorting
    "sort_DaleDalebout": "a space sorts before letters",
    "sort_NameParticleInNameSortFalse": "a non-dropping particle is demoted in sorting",
    "sort_StripMarkup": "markup is not part of a sort key",
    "sort_LeadingA": "sort keys of titles and names together",
}


@pytest.mark.parametrize("name", sorted(SUITE_CASES), ids=sorted(SUITE_CASES))
def test_csl_suite_fixture(name):
    need_shared()
    path = SHARED / "csl-test-suite" / "humans" / f"{name}.txt"
    fx = parse_fixture(path.read_text("utf-8"))
    assert run_fixture(fx).strip() == fx["RESULT"].strip(), SUITE_CASES[name]


def test_apa_citations_match_citeproc_js():
    items = json.loads((FIXTURES / "apa-citations.items.json").read_text("utf-8"))
    want = json.loads((FIXTURES / "apa-citations.citeproc-js.json").read_text("utf-8"))
    out = render(items, load_style("apa"), citations=True)
    # given names for two Smiths, an added name for Doe/Roe vs Doe/Moe, year suffixes for Kim
    assert out.citations == want["cites"]
    assert out.entries == want["bib"]


def test_year_suffix_letters_go_past_z():
    assert [letters(n) for n in (0, 25, 26, 27, 51, 52)] == ["a", "z", "aa", "ab", "az", "ba"]
