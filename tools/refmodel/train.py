"""Train the reference CRF and measure it on held-out strings.

    python -m tools.refmodel.train [--refdata ../shared/refdata] [--synthetic 5000]
                                  [--rendered 2000] [--iterations 150] [--eval-only] [--out DIR]
                                  [--gost-rendered 3000] [--dev]

Method: every choice (features, rules, c1/c2, synthetic data) is compared with ``--dev``,
which trains on the training strings minus the DEV bucket (refdata.is_dev), writes that
model to /tmp/citeconv-refeval/dev.crfsuite (never over the shipped one) and scores DEV only.
The held-out and Cyrillic GOST figures are measured once a change is decided (plain run:
train on training + DEV, ship, score held-out and GOST) and are not used to choose.

Data (see refdata.py for the exact rule):
  * every labelled string of ../shared/refdata (AnyStyle BSD-2, GROBID CC BY 4.0), one copy of
    each distinct string (case and spacing ignored);
  * held out: one string in ten by a SHA-1 hash of the string itself, and every Cyrillic
    string in a GOST-like layout (a separate evaluation set). Neither is ever trained on;
  * plus synthetic GOST / transliterated references from synth.py, built from the vocabulary
    there and from segments of the training split only;
  * plus --rendered N strings rendered (rendered.py) from the structured records in
    ../shared/corpus/real (BibTeX, CSL-JSON, RIS exports; none of them is a refdata string);
  * plus --parts N (2,000) labelled books, chapters and conference papers (partrender.py): the
    books, chapters, conference papers, reports and theses of ../shared/corpus/real in English
    and GOST manners, and Russian parts and books with the hosts GOST lists print;
  * plus --gost-rendered N strings our own GOST 2018 / 2008 styles render from records with
    known fields (gostrender.py; default 0 until a DEV run shows they help). ``--dev`` also
    scores 'gostdev', GOST strings rendered from records that training never uses.

The CRF's L1/L2 weights can be tried without editing: REFS_C1=0.2 REFS_C2=0.01 python -m ...
(0.3 / 0.01 were first chosen from held-out micro-F1 (c1 0.05 -> 0.881, 0.1 -> 0.887,
0.2 -> 0.892, 0.3 -> 0.894, 0.4 -> 0.893), which let the held-out set steer the model; from
round three on, c1 and everything else are compared on DEV only; round four re-swept c1
and c2 on DEV, below. DEV log, micro-F1 of `--dev` runs: baseline 0.891; quoted / 'In:' title cut in
parser.py 0.893; 'afterquote' and shape-pair features 0.898, but that model (trained on
training + DEV) scored Cyrillic GOST 0.839 against 0.850 before, so the features were taken
out again: GOST has no DEV set of its own yet, see the report of round three.)

DEV log, round four (the CRF itself). Every run below used one pinned copy of rules.py,
assemble.py and parser.py (those change the gold items and the rule features, so runs on
different versions do not compare); micro-F1 on DEV (9,366 scored fields) / gostdev, TP in
brackets; "better/worse" counts DEV strings whose item improved or got worse against the
150-iteration baseline:
  * baseline, 150 L-BFGS iterations, c1 0.3, c2 0.01: 0.8983 (8399) / 0.978
  * 400 iterations: 0.8981 (8392) / 0.976; 64 better, 66 worse. 150 is converged enough.
  * c1 0.1 (400 it.): 0.8909 / 0.970; c1 0.5: 0.8989 (8405) / 0.976, 69 better, 67 worse;
    c2 0.1: 0.8984 (8407) / 0.978. The surface is flat from c1 0.3 up; 0.3 / 0.01 stay.
  * n-gram lexicon (lexicon.py, container/title counts of the fitting strings, leave-one-out;
    400 it.): 0.8980 (8395 against 8392) / 0.973: title +0.4, container -0.3, gostdev worse.
    Off by default (``--lexicon``).
  * stacking (``--stack 5``: a second CRF on 5-fold cross-fitted first-pass labels, wider
    label window, runs, area majority): 0.8987 (8412) / 0.977; 98 strings better, 95 worse,
    for twice the model (4.8 MB) and +0.5 ms per reference. Not shipped.
  * leaving out the 576 fitting strings whose cross-fitted labels agree with theirs on fewer
    than half of the tokens (``--drop-below``): 0.8971 (8400) / 0.978. Not used.
  * single quotes ('Title', ‘Title’) in the 'inquote' feature: 0.8965 (8380). Not kept.
  * without the 2,000 strings rendered from corpus/real (``--rendered 0``): 0.8974 (8390) / 0.977;
    without the 5,000 synthetic GOST strings (``--synthetic 0``): 0.8981 (8394) / 0.872, so
    they stay; with 3,000 strings from our GOST styles (``--gost-rendered 3000``): 0.8979
    (8394) / 0.981, but gostdev comes from the same styles, so it stays off.
  * the rule found next / last counted in areas as well as in words: 0.8976 (8397); with
    abbreviated names ('J. Appl. Phys.') kept in one area as well: 0.8971 (8381). Not kept.
The CRF is at a plateau on DEV (every change above within about 20 of 9,366 fields, strings
better and worse in equal numbers); title/container token confusions are the largest error
(1,045 of 3,700 wrong tokens), and a sample of them is mostly label noise or a book-vs-container
convention of the source. Shipped after round four: the default settings retrained on the
rules of commit 33d181d; DEV 0.899 (with those rules), held-out 0.902, Cyrillic GOST 0.858.
Round five (rules of the session-2 review): baseline DEV 8416 of 9,369; a 'known given name'
feature (model/given-names.txt, first names from the name fields of ../shared/corpus/real) 8409,
so it is not a feature; the same list drives a rule instead (parser._names_before_title: a title
that starts with given-name-first people ending at a full stop), 8418 with the baseline model.
Shipped after round five: default settings retrained on these rules; held-out 0.903, GOST 0.865.
Round six (issue 16, item 4: books, chapters, conference papers), with references/hosts.py's rules
in place for both runs: ``--parts 2000`` against none, DEV 8387 against 8405 of 9,369 (44 strings
better, 55 worse; the worse ones read like the usual wobble, few of them parts); gostdev 3906
against 3896 of 3,918; the hand-written dev sets (11 fields with publisher and place) parts-dev
0.985 against 0.972 and gost-dev 0.988 against 0.986. Shipped with the parts: they help where
English-only refdata has nothing to teach (GOST hosts) and cost DEV no more than noise.

Evaluation writes gold and predicted CSL-JSON to --out (default /tmp/citeconv-refeval) and
scores them with ../shared/tools/score_refs.py over author, title, container-title, issued,
volume, issue, page, DOI, URL, so the figures can be re-checked with that tool directly:

    python ../shared/tools/score_refs.py /tmp/citeconv-refeval/heldout.gold.json \\
        /tmp/citeconv-refeval/heldout.pred.json \\
        --fields author,title,container-title,issued,volume,issue,page,DOI,URL
"""
from __future__ import annotations

import argparse
import collections
import functools
import importlib.util
import json
import os
import sys
import time
from typing import AbstractSet, Dict, List, Sequence, Tuple

from converter.references.assemble import fields_from_segments
from converter.references.crf import MODEL_PATH, lexicon_path, rule_labels, second_pass_path, words_path
from converter.references.features import crf_items, tokenize, with_first_pass
from converter.references.lexicon import word_key
from converter.references.rules import find_certain
from converter.vocabulary.text import repair_homoglyphs
from tools.paths import SHARED

from . import handwritten, wordlists
from .audited import audit_sample, audited_sets
from .gostrender import render_gost
from .lexicon import Lexicon, own_counts
from .partrender import render_parts
from .refdata import Labeled, load_all, split, split_dev, split_key
from .rendered import load_items, render_all
from .stacking import FoldJob, crossfit_labels
from .synth import generate, russian_titles

SCORED = ["author", "title", "container-title", "issued", "volume", "issue", "page", "DOI", "URL"]
DEFAULT_REFDATA = str(SHARED / "refdata")


def token_labels(ref: Labeled, tokens) -> List[str]:
    """Each token takes the label of most of its letters and digits (punctuation decides only
    when the token has none)."""
    char_label = ["other"] * len(ref.text)
    for a, b, lab in ref.spans:
        for i in range(a, b):
            char_label[i] = lab
    out = []
    for a, b in tokens:
        counts = collections.Counter(char_label[i] for i in range(a, b) if ref.text[i].isalnum())
        if not counts:
            counts = collections.Counter(char_label[i] for i in range(a, b))
        out.append(counts.most_common(1)[0][0])
    return out


def _keys_and_labels(ref: Labeled) -> Tuple[List[str], List[str]]:
    text, _ = repair_homoglyphs(ref.text)
    tokens = tokenize(text)
    return [word_key(text[a:b]) for a, b in tokens], token_labels(ref, tokens)


def build_lexicon(refs: Sequence[Labeled]) -> Lexicon:
    """The n-gram lexicon of the strings the CRF is fitted on (never DEV or held-out)."""
    return Lexicon.build(_keys_and_labels(ref) for ref in refs)


def sequence(ref: Labeled, lexicon: Lexicon | None = None, in_lexicon: bool = False,
             first_pass: Sequence[str] | None = None):
    text, _ = repair_homoglyphs(ref.text)  # same length, same offsets
    tokens = tokenize(text)
    found = find_certain(text)
    y = token_labels(ref, tokens)
    # leave one out: a string the lexicon was built from must not find its own n-grams there
    exclude = own_counts([word_key(text[a:b]) for a, b in tokens], y) if lexicon and in_lexicon else None
    x = crf_items(text, tokens, rule_labels(tokens, found, text), lexicon, exclude)
    if first_pass is not None:
        x = with_first_pass(x, [text[a:b] for a, b in tokens], first_pass)
    return x, y


def train(refs: Sequence[Labeled], path: str, iterations: int, lexicon: Lexicon | None = None,
          lexicon_keys: AbstractSet[str] = frozenset(),
          first_pass: Sequence[Sequence[str]] | None = None) -> None:
    """Fit the CRF on ``refs`` (the lexicon was built from the strings in ``lexicon_keys``);
    with ``first_pass`` labels (one list per string), fit the second, stacked model."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for k, ref in enumerate(refs):
        x, y = sequence(ref, lexicon, split_key(ref.text) in lexicon_keys,
                        first_pass[k] if first_pass is not None else None)
        if x:
            trainer.append(x, y)
    trainer.set_params({
        # L1 prunes rare features and keeps the model small; 0.3 measured best of 0.05-0.4
        "c1": float(os.environ.get("REFS_C1", "0.3")),
        "c2": float(os.environ.get("REFS_C2", "0.01")),
        "max_iterations": iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": 3,
    })
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    trainer.train(tmp)
    os.replace(tmp, path)


def _fit_and_tag(job: FoldJob, iterations: int, lexicon: Lexicon | None,
                 lexicon_keys: AbstractSet[str]) -> List[List[str]]:
    """One cross-fitting fold: train on the fold's training strings, label its held strings."""
    import pycrfsuite

    fit, held, path = job
    train(fit, path, iterations, lexicon, lexicon_keys)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    out = []
    for ref in held:
        x, _ = sequence(ref, lexicon, split_key(ref.text) in lexicon_keys)
        out.append(list(tagger.tag(x)) if x else [])
    return out


def crossfit_agreement(path: str, refs: Sequence[Labeled]) -> Dict[str, float]:
    """Text -> share of tokens whose cross-fitted first-pass label (crossfit.json of a --stack
    run) is the string's own label: a low share marks labels the rest of the data disagrees with."""
    with open(path, encoding="utf-8") as fh:
        predicted = {text: labels for text, labels in json.load(fh)}
    out = {}
    for ref in refs:
        pred = predicted.get(ref.text)
        if pred:
            _, gold = _keys_and_labels(ref)
            out[ref.text] = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    return out


def gold_item(ref: Labeled) -> Dict:
    item = fields_from_segments(ref.segments())
    return {k: v for k, v in item.items() if k in SCORED}


def _scorer():
    tool = str(SHARED / "tools" / "score_refs.py")
    if not os.path.exists(tool):
        tool = os.path.join(os.path.dirname(DEFAULT_REFDATA), "tools", "score_refs.py")
    spec = importlib.util.spec_from_file_location("score_refs", tool)
    # a ".py" path always gets a spec with a source loader (a missing file fails in exec_module)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def evaluate(name: str, refs: Sequence[Labeled], out_dir: str) -> Dict:
    from converter.references.parser import parse_reference

    gold, pred, crashed = [], [], 0
    for ref in refs:
        gold.append(gold_item(ref))
        try:
            item, _ = parse_reference(ref.text)
        except Exception:  # counted and reported: the evaluation must see every string
            crashed += 1
            item = {}
        pred.append({k: v for k, v in item.items() if k in SCORED})
    os.makedirs(out_dir, exist_ok=True)
    for kind, items in (("gold", gold), ("pred", pred)):
        with open(os.path.join(out_dir, f"{name}.{kind}.json"), "w", encoding="utf-8") as fh:
            json.dump(items, fh, ensure_ascii=False, indent=0)
    scorer = _scorer()
    res = scorer.evaluate(gold, pred, fields=SCORED)
    print(scorer.format_report(res, f"{name}: {len(refs)} strings the model did not train on"))
    if crashed:
        print(f"{crashed} strings raised an exception")
    return res


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refdata", default=DEFAULT_REFDATA)
    ap.add_argument("--synthetic", type=int, default=5000)
    ap.add_argument("--rendered", type=int, default=2000,
                    help="strings rendered from the records in ../shared/corpus/real")
    ap.add_argument("--parts", type=int, default=2000,
                    help="book, chapter and conference-paper strings in English and GOST manners (partrender.py)")
    ap.add_argument("--parts-russian-share", type=float, default=0.4,
                    help="share of the --parts strings that are Russian (the rest: corpus/real records)")
    ap.add_argument("--handwritten", type=int, default=0, metavar="COPIES",
                    help="add the hand-written books, chapters, papers, theses and reports of "
                         "handwritten_parts.txt, each COPIES times")
    ap.add_argument("--gost-rendered", type=int, default=0,
                    help="GOST strings rendered by our own styles from known records (gostrender.py)")
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--model", default=MODEL_PATH)
    ap.add_argument("--out", default="/tmp/citeconv-refeval")
    ap.add_argument("--eval-only", action="store_true")
    ap.add_argument("--dev", action="store_true",
                    help="train without the DEV bucket and score DEV only (for comparing changes)")
    ap.add_argument("--stack", type=int, default=0, metavar="K",
                    help="also train a second CRF on first-pass labels cross-fitted over K folds")
    ap.add_argument("--drop-below", metavar="CROSSFIT.json:SHARE",
                    help="leave out training strings whose cross-fitted labels (a --stack run's "
                         "crossfit.json on the same strings) agree with theirs on fewer than SHARE of tokens")
    ap.add_argument("--lexicon", action="store_true",
                    help="add the n-gram lexicon feature (lexicon.py; off: DEV 0.898 with and without it)")
    ap.add_argument("--no-lexicon", action="store_true", help=argparse.SUPPRESS)  # the default now
    ap.add_argument("--no-word-lists", action="store_true",
                    help="write no word lists beside the model (wordlists.py: the known containers)")
    ap.add_argument("--train-only", action="store_true",
                    help="train and stop: score nothing (a model trained ahead of the DEV decision)")
    ap.add_argument("--shuffle", type=int, default=0, metavar="SEED",
                    help="fit the strings in an order shuffled with SEED (measures DEV's noise: the "
                         "order changes nothing a feature or a label says)")
    ap.add_argument("--limit", type=int, default=0, help="train on at most N refdata strings (quick runs)")
    a = ap.parse_args(argv)
    refs = load_all(a.refdata)
    train_set, held_out, gost = split(refs)
    print(f"refdata: {len(refs)} strings; distinct train {len(train_set)}, held-out {len(held_out)}, "
          f"Cyrillic GOST held-out {len(gost)}")
    dev: List[Labeled] = []
    if a.dev:
        train_set, dev = split_dev(train_set)
        if a.model == MODEL_PATH:
            a.model = os.path.join(a.out, "dev.crfsuite")  # a DEV model is never shipped
        print(f"DEV mode: fit on {len(train_set)}, compare on DEV {len(dev)}; held-out and GOST not scored")
    if not a.eval_only:
        base = train_set[: a.limit] if a.limit else train_set
        if a.drop_below:
            path, _, cut = a.drop_below.rpartition(":")
            agree = crossfit_agreement(path, base)
            kept = [r for r in base if agree.get(r.text, 1.0) >= float(cut)]
            print(f"dropped {len(base) - len(kept)} training strings whose cross-fitted labels agree "
                  f"with their own on fewer than {float(cut):.0%} of the tokens")
            base = kept
        synthetic = generate(train_set, a.synthetic)
        corpus = os.path.join(os.path.dirname(a.refdata.rstrip("/")), "corpus", "real")
        if a.rendered:
            synthetic += render_all(load_items(corpus), a.rendered)
        if a.parts:
            synthetic += render_parts(load_items(corpus), a.parts, russian_titles(train_set),
                                      russian_share=a.parts_russian_share)
        if a.gost_rendered:
            synthetic += render_gost(a.gost_rendered, "train")
        if a.handwritten:
            synthetic += handwritten.labeled() * a.handwritten
        t = time.time()
        lexicon = None
        os.makedirs(os.path.dirname(os.path.abspath(a.model)), exist_ok=True)
        if a.lexicon and not a.no_lexicon:
            lexicon = build_lexicon(base)
            lexicon.save(lexicon_path(a.model))
        elif os.path.exists(lexicon_path(a.model)):
            os.remove(lexicon_path(a.model))  # a model trained without one must not load a stale one
        fitting = list(base) + synthetic
        if a.shuffle:
            import random

            random.Random(a.shuffle).shuffle(fitting)
        if os.path.exists(words_path(a.model)):
            os.remove(words_path(a.model))
        if not a.no_word_lists:
            lists = wordlists.build(base)
            wordlists.save(lists, words_path(a.model))
            print(f"word lists: {len(lists['container'])} known containers")
        keys = frozenset(split_key(r.text) for r in base) if lexicon else frozenset()
        second = second_pass_path(a.model)
        if a.stack:
            job = functools.partial(_fit_and_tag, iterations=a.iterations, lexicon=lexicon, lexicon_keys=keys)
            first = crossfit_labels(fitting, a.stack, job, processes=2, also_fit=a.model)
            os.makedirs(a.out, exist_ok=True)
            with open(os.path.join(a.out, "crossfit.json"), "w", encoding="utf-8") as fh:
                json.dump([[r.text, lab] for r, lab in zip(fitting, first)], fh, ensure_ascii=False)
            train(fitting, second, a.iterations, lexicon, keys, first)
        else:
            if os.path.exists(second):
                os.remove(second)  # a stale second pass must not run on a new first pass
            train(fitting, a.model, a.iterations, lexicon, keys)
        print(f"trained on {len(base)} + {len(synthetic)} synthetic in {time.time() - t:.0f} s; "
              f"model {os.path.getsize(a.model) / 1e6:.1f} MB at {a.model}")
    if a.train_only:
        return 0
    from converter.references import crf as model

    model.MODEL_PATH = a.model  # evaluate the model just trained (or named), not the installed one
    model._tagger.cache_clear()
    model._lexicon.cache_clear()
    model._second_tagger.cache_clear()
    if a.dev:
        evaluate("dev", dev, a.out)
        # our own GOST-like DEV: rendered from records the training strings never used
        evaluate("gostdev", render_gost(600, "dev"), a.out)
        return 0
    evaluate("heldout", held_out, a.out)
    evaluate("gost", gost, a.out)
    # the blind audit's sample scored against its audited labels (tools/refmodel/audited.py),
    # and the same strings against refdata's raw labels, so the two figures compare like with like
    sample, gost_sample = audit_sample(refs)
    audited_held_out, audited_gost = audited_sets(refs)
    evaluate("heldout-sample-raw", sample, a.out)
    evaluate("heldout-sample-audited", audited_held_out, a.out)
    evaluate("gost-audited", audited_gost, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
