"""Session 14's word lists (tools/refmodel/wordlists.py): publisher and place words, the known
containers of hosts.known_container, and how a model finds them beside it (crf.py). The strings
here are made up, not taken from any scored set."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.references import crf, hosts
from tools.refmodel import wordlists
from tools.refmodel.refdata import Labeled


def _labeled(*parts: tuple[str, str]) -> Labeled:
    text, spans = "", []
    for label, piece in parts:
        if text:
            text += " "
        spans.append((len(text), len(text) + len(piece), label))
        text += piece
    return Labeled(text, [(a, b, label) for a, b, label in spans if label != "other"])


BOOK = _labeled(("author", "Smith, J."), ("title", "A History of Kings."), ("location", "Harlow:"),
                ("publisher", "Heinemann,"), ("date", "1999."))
ARTICLE = _labeled(("author", "Doe, A."), ("title", "Notes on Harlow."), ("container", "Journal of Lists,"),
                   ("volume", "4,"), ("pages", "1-9."))


def test_lists_keep_words_seen_mostly_inside_their_spans() -> None:
    lists = wordlists.build([BOOK, BOOK, ARTICLE, ARTICLE])
    assert "heinemann" in lists["publisher"]
    assert "harlow" not in lists["place"]  # twice a place, twice in a title: half is not enough ...
    lists = wordlists.build([BOOK, BOOK, BOOK, ARTICLE])
    assert "harlow" in lists["place"]  # ... three in four is
    assert "kings" not in lists["publisher"] and "history" not in lists["place"]
    assert hosts.container_key("Journal of Lists,") in lists["container"]


def test_corpus_records_add_publishers_places_and_journals() -> None:
    items = [{"type": "book", "publisher": "Quillfeather Press", "publisher-place": "Osterby"},
             {"type": "book", "publisher": "Quillfeather Press", "publisher-place": "Osterby"},
             {"type": "article-journal", "container-title": "Annals of Nothing"}]
    lists = wordlists.build([], items)
    assert "quillfeather" in lists["publisher"] and "osterby" in lists["place"]
    assert hosts.container_key("Annals of Nothing.") in lists["container"]


def test_a_lone_place_is_no_known_container() -> None:
    odd = _labeled(("title", "Something."), ("container", "Harlow"))
    lists = wordlists.build([BOOK, BOOK, BOOK, odd, odd])
    assert "harlow" in lists["place"] and "harlow" not in lists["container"]


@pytest.mark.parametrize("segments, want", [
    # the container's first sentence is the title's tail: what is left is a known container
    ([("title", "Le dossier de soins"), ("container", "la bible des soins. Revue des Listes,"), ("volume", "4")],
     [("title", "Le dossier de soins la bible des soins."), ("container", "Revue des Listes,"), ("volume", "4")]),
    # the title's last sentence begins the known container
    ([("title", "On sets. Revue des"), ("container", "Listes"), ("volume", "4")],
     [("title", "On sets."), ("container", "Revue des Listes"), ("volume", "4")]),
    # a known container is left alone, and so is a cut after an abbreviated word ('Biochem.')
    ([("title", "On sets"), ("container", "Revue des Listes")], None),
    ([("title", "On sets"), ("container", "Subcell. Biochem. Revue des Listes")], None),
    ([("title", "On sets"), ("container", "Unknown Journal")], None),
])
def test_a_boundary_moves_to_a_known_container(segments, want) -> None:
    known = {hosts.container_key("Revue des Listes")}
    out = hosts.known_container(segments, known)
    assert out == (segments if want is None else want)
    assert hosts.known_container(segments, set()) == segments


def test_a_model_finds_its_lists_beside_it(tmp_path: Path) -> None:
    model = tmp_path / "refs.crfsuite"
    wordlists.save({"publisher": ["heinemann"], "place": ["harlow"], "container": ["revuedeslistes"]},
                   crf.words_path(str(model)))
    assert json.loads(Path(crf.words_path(str(model))).read_text(encoding="utf-8"))["place"] == ["harlow"]
    try:
        crf.load_word_lists(str(model))
        assert crf._known == {"revuedeslistes"}
    finally:
        crf.load_word_lists(crf.MODEL_PATH)
