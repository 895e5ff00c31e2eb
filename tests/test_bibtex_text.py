"""Non-ASCII and LaTeX specials survive BibTeX both ways; citation keys are readable,
stable and unique; capitals a .bst would lower-case are protected."""
from __future__ import annotations

import bibtexparser
from hypothesis import given, settings
from hypothesis import strategies as st

import converter
from converter.vocabulary.citekeys import assign_keys
from converter.vocabulary.latex import to_latex, to_unicode
from converter.vocabulary.richtext import plain

ARTICLE = {
    "id": "x", "type": "article-journal",
    "title": "Cost & benefit: 50% of x_1, #2 and $3 in Calderón Antón’s “Регионы” {set} ~ ^ \\",
    "author": [{"family": "Calderón Antón", "given": "José de Jesús"},
               {"family": "Козлов", "given": "Николай"},
               {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
               {"literal": "CMS Collaboration"}],
    "container-title": "Journal of Økonomi & Société",
    "issued": {"date-parts": [[2020, 8, 5]]},
    "page": "101-110",
}


def test_non_ascii_and_specials_round_trip_both_dialects():
    for to in ("bibtex", "biblatex"):
        text = str(converter.write([ARTICLE], to))
        assert not bibtexparser.parse_string(text).failed_blocks
        back = converter.read(text, "bibtex").records[0]
        # capitals come back protected (nocase spans); the text itself is unchanged
        assert plain(back["title"]) == ARTICLE["title"]
        assert 'class="nocase">Calderón</span>' in back["title"]
        assert back["author"] == ARTICLE["author"]
        assert back["container-title"] == ARTICLE["container-title"]
        assert back["page"] == "101-110"


def test_classic_bibtex_escapes_latin_and_keeps_cyrillic_with_a_warning():
    out = converter.write([ARTICLE], "bibtex")
    assert "Calder{\\'o}n Ant{\\'o}n, Jos{\\'e} de Jes{\\'u}s" in out
    assert "\\& benefit: 50\\% of x\\_1, \\#2 and \\$3" in out
    assert "Козлов" in out
    assert any("Козлов"[0] in d.message and "UTF-8" in d.message for d in out.diagnostics)
    assert "day = {5}" in out  # the day is kept too (biber and Zotero read it; .bst styles ignore it)


def test_latex_input_forms_decode():
    text = "@article{k, author = {M{\\\"u}ller, J\\\"org}, title = {Caf\\'e {\\\"o} \\'{e} {\\v{Z}}eljko}}"
    record = converter.read(text, "bibtex").records[0]
    assert record["title"] == "Café ö é Željko"
    assert record["author"] == [{"family": "Müller", "given": "Jörg"}]


def test_capitals_are_protected_where_plain_bst_would_lower_them():
    out = converter.write([{"id": "a", "type": "article-journal", "title":
                            "Modern Trends: A Case of {DNA} in the EU and mRNA"}], "bibtex")
    assert "title = {Modern {Trends}: A {Case} of \\textbraceleft{}{DNA}\\textbraceright{} in the {EU} and {mRNA}}" in out


def test_keys_are_readable_stable_and_unique():
    items = [dict(ARTICLE), dict(ARTICLE), {"type": "book", "title": "The Art", "author":
                                           [{"family": "Knuth", "given": "D."}]}]
    keys = assign_keys(items)
    assert keys == ["calderon2020cost", "calderon2020costa", "knuthndart"]
    assert assign_keys(items) == keys
    assert assign_keys([{"citation-key": "mine", "title": "T"}]) == ["mine"]


TEXT = st.text(alphabet=st.sampled_from(list(
    "abcXYZ 0129&%$#_{}~^\\-–—'`“”‘’.,:;!?()[]/@+=<>|\"éÉüÖøŁßçñžÅæœıĳКозлвЖΩαµ°²₂…«»№")),
    min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_to_latex_then_to_unicode_is_identity(text):
    text = " ".join(text.split())
    for ascii_only in (True, False):
        encoded, _ = to_latex(text, ascii_only=ascii_only)
        assert to_unicode(encoded) == text


def test_title_case_titles_protect_only_what_sentence_case_keeps():
    from converter.writers.bibtex import protect_capitals

    title = "Specifics of Russian Paradiplomacy in the Post-Soviet Space"
    assert protect_capitals(title, str, title_case=True) == \
        "Specifics of {Russian} Paradiplomacy in the Post-{Soviet} Space"
    # a sentence-case title: every capital after the first word is meaningful
    assert protect_capitals("Specifics of Russian paradiplomacy in the post-Soviet space", str) == \
        "Specifics of {Russian} paradiplomacy in the {post-Soviet} space"
