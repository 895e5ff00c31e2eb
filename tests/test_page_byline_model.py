"""The page reader's learned byline model (converter/readers/page/byline_model.py): it ships, it
tags the seed's byline, its tags read as people, it reads a byline no rule reads (and only with the
model), and its training labels come from the gold authors (tools/pagemodel/bylines.py)."""
from __future__ import annotations

import converter
from conftest import EXAMPLE_SEED, ROOT, SHARED, load_json, need_shared
from converter.readers.page import byline_model
from converter.readers.page.byline_model import Token, choose_byline, people_of, tokens
from converter.readers.page.people import fold

PAGES = ROOT / "tests" / "data" / "pages"
# development pages whose byline no rule reads: 'Maryse Bresson, maître de conférence ...' in a note,
# 'В. В. Жидок' alone in a PDF's head
MODEL_ONLY_BYLINES = ("oe-cairn-shs-pp-016-pauvrete", "oi-stu-cn-ua-vistnyk-zhydok")


def test_the_model_ships_and_tags_the_seed_byline():
    need_shared()
    assert byline_model.load_tagger(byline_model.MODEL_PATH) is not None
    gold = load_json(SHARED / "gold" / "seed" / "article.csl.json")["author"]
    tagged = byline_model.tag_page(EXAMPLE_SEED.read_text(encoding="utf-8"))
    families = {fold(p["family"]) for t in tagged for p in t.people}
    # (the seed is no training page: 'J. de J. Calderon Anton' is missed. What is tagged is the 'For citation:'
    # line, by a hair: its all-O labelling and its names labelling are almost equally likely, so a retrain
    # on other pages may lose it; docs/page-reader.md, session 15, says why. Retrain on all dev pages.)
    assert fold(gold[0]["family"]) in families


def _line(text: str) -> list[Token]:
    return tokens(text)


def test_tags_read_as_people_by_the_first_word_of_each_name():
    toks = _line("Ann Lee1, Bo Park and Carl Moss")
    assert [t.text for t in toks] == ["Ann", "Lee", "1", ",", "Bo", "Park", "and", "Carl", "Moss"]
    labels = ["BG", "F", "M", "S", "BG", "F", "S", "BG", "F"]
    assert [p for p, _ in people_of(toks, labels)] == [
        {"family": "Lee", "given": "Ann"}, {"family": "Park", "given": "Bo"}, {"family": "Moss", "given": "Carl"}]
    # two people with nothing between them: the second begins where the model says a name begins
    toks = _line("Debaditya Roy Krishna Mohan")
    assert [p["family"] for p, _ in people_of(toks, ["BG", "F", "BG", "F"])] == ["Roy", "Mohan"]
    toks = _line("Тарасова А. С.")
    assert [p for p, _ in people_of(toks, ["BF", "G", "G"])] == [{"family": "Тарасова", "given": "А. С."}]
    # a person of given names only is no one
    assert people_of(_line("Anna Maria"), ["BG", "G"]) == []


def test_superscript_marks_are_read_as_digits_not_letters():
    assert [t.text for t in tokens("Ivanova¹²")] == ["Ivanova", "12"]


def test_the_byline_is_the_first_sure_line_and_the_name_lines_close_under_it():
    def line(n, people, sure=0.9, text="x"):
        return byline_model.TaggedLine(n, text, people, sure)

    tagged = [line(1, [{"family": "Title"}], text="A Title"), line(3, [{"family": "Lee", "given": "Ann"}]),
              line(4, [{"family": "Park", "given": "Bo"}], sure=0.2), line(5, [{"family": "Moss", "given": "Carl"}]),
              line(30, [{"family": "Far", "given": "Away"}])]
    names, at = choose_byline(tagged, skip=[1], title="A Title")
    assert [p["family"] for p in names] == ["Lee", "Moss"] and at == [3, 5]


def test_a_byline_only_the_model_reads_is_kept_with_a_warning(monkeypatch):
    for name in MODEL_ONLY_BYLINES:
        text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
        gold = load_json(PAGES / f"{name}.gold.json")["author"]
        result = converter.read(text, "page", source=name)
        got = result.records[0]["author"]
        assert [fold(p["family"]) for p in got] == [fold(p["family"]) for p in gold], name
        assert any(d.field == "author" and "byline model" in d.message for d in result.diagnostics)
    monkeypatch.setenv("CITECONV_NO_PAGEMODEL", "1")
    for name in MODEL_ONLY_BYLINES:
        text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
        assert "author" not in converter.read(text, "page", source=name).records[0]


def test_training_labels_come_from_the_gold_authors():
    from tools.pagemodel.bylines import token_labels

    gold = {"author": [{"family": "Zielinski", "given": "Andrzej"}, {"family": "Halling", "given": "Anders"}]}
    line = "Andrzej Zielinski1* and Anders Halling2"
    labels = token_labels(tokens(line), line, gold)
    assert labels == ["BG", "F", "M", "M", "S", "BG", "F", "M"]
    # a family name away from its given name is a word of the text, not a name
    line = "Halling et al. found nothing"
    assert set(token_labels(tokens(line), line, gold)) == {"O"}
    gold = {"author": [{"family": "Зиганшин", "given": "А.М."}, {"family": "Насибуллин", "given": "И.М."}]}
    line = "© А.М. Зиганшин, И.М. Насибуллин, 2017"
    assert token_labels(tokens(line), line, gold) == ["O", "BG", "F", "S", "BG", "F", "O", "O"]


def test_roman_marks_glued_to_names_are_tokens_of_their_own():
    assert [t.text for t in tokens("Maria Odete PereiraI; Marlene MonteiroIV")] == [
        "Maria", "Odete", "Pereira", "I", ";", "Marlene", "Monteiro", "IV"]
    assert [t.text for t in tokens("Ivan LI, Tom McDonald")] == ["Ivan", "LI", ",", "Tom", "McDonald"]


def test_the_rules_reading_of_a_line_and_its_pieces_are_features():
    whole, family, given = byline_model._rule_reading("В.В. Жидок, здобувач")
    assert not whole and family == {"жидок"} and given == {"вв"}
    whole, family, _ = byline_model._rule_reading("Ann Lee, Bo Park")
    assert whole and family == {"lee", "park"}
    feats = byline_model._sequence(tokens("Ann Lee, Bo Park"), "Ann Lee, Bo Park", [], frozenset())
    assert "rule_given" in feats[0] and "rule_family" in feats[1] and "line_rule_byline" in feats[0]


def test_the_rules_tell_family_from_given_in_a_span_the_model_marks():
    toks = _line("Валерий Витальевич Каблуков")  # a patronymic: the family name is the other end
    assert [p for p, _ in people_of(toks, ["BF", "G", "G"])] == [{"family": "Каблуков", "given": "Валерий Витальевич"}]
    toks = _line("A. S. Ivanova")
    assert [p for p, _ in people_of(toks, ["BF", "F", "G"])] == [{"family": "Ivanova", "given": "A. S."}]
    toks = _line("• SciELO")  # a bullet is never a name's word
    assert [p for p, _ in people_of(toks, ["BG", "F"])] == [{"family": "SciELO"}]


def test_a_byline_naming_an_institution_or_a_journal_is_implausible():
    assert byline_model.implausible([{"family": "Pertanian", "given": "Fakultas"}, {"family": "Udayana", "given": "Universitas"}])
    assert byline_model.implausible([{"family": "Revista da Escola de Enfermagem da", "given": "USP"}])
    assert not byline_model.implausible([{"family": "Lee", "given": "Ann"}, {"family": "Collins", "given": "Bo"}])


def test_training_labels_mark_roman_numerals_after_names():
    from tools.pagemodel.bylines import token_labels

    gold = {"author": [{"family": "Pereira", "given": "Maria Odete"}, {"family": "Monteiro", "given": "Marlene"}]}
    line = "Maria Odete PereiraI; Marlene MonteiroII"
    assert token_labels(tokens(line), line, gold) == ["BG", "G", "F", "M", "S", "BG", "F", "M"]
