"""The learned side's parts: the n-gram lexicon (and its leave-one-out), first-pass features
for the stacked model, and cross-fitting that never labels a string with a model that saw it."""
from __future__ import annotations

from typing import List

from converter.references.features import first_pass_features
from tools.refmodel.lexicon import MIN_COUNT, Lexicon, own_counts, word_key
from tools.refmodel.refdata import Labeled
from tools.refmodel.stacking import FoldJob, crossfit_labels, fold_of


def test_word_key_drops_punctuation_and_numbers():
    assert word_key("Phys.") == "phys"
    assert word_key("«Вестник") == "вестник"
    assert word_key("2019;") == ""
    assert word_key("//") == ""


def _strings(n: int):
    keys = ["journal", "of", "foo", "studies", "x"]
    labels = ["container"] * 4 + ["title"]
    return [(keys, labels)] * n


def test_lexicon_counts_container_ngrams():
    lex = Lexicon.build(_strings(MIN_COUNT))
    assert lex.counts["journal of foo"] == (MIN_COUNT, 0, 0, 0)
    # 'studies x' crosses the container/title boundary: counted as neither
    assert lex.counts["studies x"] == (0, 0, 0, MIN_COUNT)
    classes = lex.token_classes(["journal", "of", "foo"])
    assert classes[1][3] == ("C", MIN_COUNT)


def test_leave_one_out_hides_what_only_the_string_itself_shows():
    strings = _strings(MIN_COUNT)
    lex = Lexicon.build(strings)
    keys, labels = strings[0]
    own = own_counts(keys, labels)
    # with its own counts taken out the n-gram was seen fewer than MIN_COUNT times: unseen
    assert lex.token_classes(keys, own)[0] == {}
    bigger = Lexicon.build(_strings(MIN_COUNT + 1))
    assert bigger.token_classes(keys, own)[0][3] == ("C", MIN_COUNT)


def test_lexicon_round_trips(tmp_path):
    lex = Lexicon.build(_strings(MIN_COUNT))
    path = str(tmp_path / "lex.json.gz")
    lex.save(path)
    assert Lexicon.load(path).counts == lex.counts


def test_first_pass_features_see_runs_and_areas():
    words = ["Smith", "J.", "A", "long", "title.", "Journal", "Name", "5"]
    labels = ["author", "author", "title", "title", "title", "container", "container", "volume"]
    feats = first_pass_features(words, labels)
    assert feats[5]["prun"] == "title" and feats[5]["nrun"] == "volume"
    assert feats[0]["p-1"] == "-" and feats[0]["p3"] == "title"
    assert feats[0]["pa"] == "title"  # most of the first area ('Smith J. A long title.') is title
    assert "ptitle_before" in feats[5] and "ptitle_before" not in feats[2]


def test_folds_are_stable_and_all_used():
    texts = [f"Author {i}. A title {i}. Journal {i}, 2000." for i in range(200)]
    # the fold depends on the string only: case and spacing do not move it
    assert [fold_of(t, 5) for t in texts] == [fold_of("  " + t.upper().replace(" ", "  "), 5) for t in texts]
    assert {fold_of(t, 5) for t in texts} == set(range(5))


def _mark_leaks(job: FoldJob) -> List[List[str]]:
    fit, held, _ = job
    seen = {r.text for r in fit}
    return [["leak" if r.text in seen else "ok"] for r in held]


def test_crossfit_never_labels_a_string_with_a_model_that_saw_it():
    refs = [Labeled(f"Author {i}. Title {i}.", []) for i in range(60)]
    labels = crossfit_labels(refs, 4, _mark_leaks, processes=1)
    assert labels == [["ok"]] * len(refs)
