"""Train the page reader's byline model (converter/readers/page/byline_model.py) on the development
pages, or cross-validate it by page.

    python -m tools.pagemodel.bylines              # train on every dev page -> .../model/bylines.crfsuite
    python -m tools.pagemodel.bylines --cv 5       # token labels cross-validated by page: P/R/F1
    python -m tools.pagemodel.bylines --cv-pages 5 # the page reader on each fold with byline and line
                                                   # models trained on the other folds, against the
                                                   # line model alone (both trained per fold)
    python -m tools.pagemodel.bylines --show NAME  # a page's token labels, to check the alignment

Token labels come from the page's gold authors: a token spelling a word of a gold family name is F,
of a given name (or its initials) G, on lines where a family name stands next to its given name
(or alone, for a person with one name); numbers and symbols glued after a name are M; a comma or
'and' between two names is S. Each line the rules read as names is learnt twice, with and without
the rules' reading among its features: the model is asked where the rules read no byline. Only
development pages are read; held-out pages never are."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

from converter.readers.page import byline_model
from converter.readers.page.byline_model import Token, page_sequences
from converter.readers.page.people import fold

from ..paths import SHARED
from .align import PAGES, dev_pages
from .crf import batch_of, folds, print_label_scores, scorer, train_crf, write_predictions

CV_DIR = f"/tmp/citeconv-bylinemodel/{os.getpid()}"
C1 = float(os.environ.get("BYLINES_C1", "0.1"))
C2 = float(os.environ.get("BYLINES_C2", "0.05"))
ITERATIONS = 150
_MARKISH = re.compile(r"^(?:\d{1,2}|[*†‡§#¶∥⊥]|[a-f]|I{1,3}|IV|VI{0,3})$")


def _parts(text: str) -> List[str]:
    return [fold(w) for w in re.split(r"[\s.]+", text) if fold(w)]


def token_labels(toks: Sequence[Token], line: str, gold: Dict[str, Any]) -> List[str]:
    """The gold authors aligned to one line's tokens (see the module's docstring)."""
    people = [p for p in gold.get("author") or [] if isinstance(p, dict)]
    family = {w for p in people for w in _parts(p.get("family", "")) if len(w) >= 2}
    given = {w for p in people for w in _parts(p.get("given", ""))}
    initials = {w[0] for p in people for w in _parts(p.get("given", ""))}
    labels = []
    for t in toks:
        f = fold(t.text)
        if not f or not t.text[:1].isalpha():
            labels.append("O")
        elif f in family and t.text[:1].isupper():
            labels.append("F")
        elif t.text[:1].isupper() and (f in given or (byline_model._INITIALS.match(t.text) and all(c in initials for c in f))):
            labels.append("G")
        elif t.text.lower() in {"de", "da", "do", "dos", "das", "del", "van", "von", "der", "la", "le", "di"} and (
                f in given or f in family):
            labels.append("P")  # a particle: settled below by its neighbours
        else:
            labels.append("O")
    # particles take the label of the name part they belong to (the next name word, else the one before)
    for i, lab in enumerate(labels):
        if lab == "P":
            nxt = next((labels[j] for j in range(i + 1, len(labels)) if labels[j] != "P"), "O")
            prev = next((labels[j] for j in range(i - 1, -1, -1) if labels[j] != "P"), "O")
            labels[i] = nxt if nxt in "GF" and f"{fold(toks[i].text)}" in (family if nxt == "F" else given) else \
                prev if prev in "GF" else "O"
    # a family name must stand next to a given name (or be a one-name person's): else it is a word of the text
    one_name = {fold(p.get("family", "")) for p in people if not p.get("given")}
    for i, lab in enumerate(labels):
        if lab == "F":
            near = [labels[j] for j in range(max(0, i - 3), min(len(labels), i + 4)) if j != i]
            if "G" not in near and fold(toks[i].text) not in one_name:
                labels[i] = "O"
    for i, lab in enumerate(labels):
        if lab == "G":
            near = [labels[j] for j in range(max(0, i - 4), min(len(labels), i + 5)) if j != i]
            if "F" not in near:
                labels[i] = "O"
    # where one person ends and the next begins: the run of name words changes the gold person it can be
    people_words = [set(_parts(p.get("family", ""))) | set(_parts(p.get("given", ""))) for p in people]
    current: set[int] = set()
    for i, lab in enumerate(labels):
        if lab not in ("G", "F"):
            current = set()
            continue
        f = fold(toks[i].text)
        whose = {k for k, words in enumerate(people_words) if f in words or (
            lab == "G" and byline_model._INITIALS.match(toks[i].text) and
            all(c in {w[0] for w in _parts(people[k].get("given", ""))} for c in f))}
        if not current or not (current & whose):
            labels[i] = "B" + lab
            current = whose
        else:
            current &= whose
    # marks glued after a name, and the commas between them ('Ivanova1,2*')
    for i, t in enumerate(toks):
        if labels[i] != "O" or not _MARKISH.match(t.text):
            continue
        prev = labels[i - 1][-1] if i else "O"
        glued = i and toks[i - 1].end == t.start
        if prev in "GFM" and (glued or prev == "M" or (t.text.isdigit() and prev in "GF")):
            labels[i] = "M"
        elif prev == "O" and i >= 2 and toks[i - 1].text == "," and labels[i - 2] == "M":
            labels[i - 1] = "M"
            labels[i] = "M"
    # separators between two people
    for i, t in enumerate(toks):
        if labels[i] != "O" or t.text.lower() not in byline_model._SEPARATOR_WORDS:
            continue
        prev = next((labels[j][-1] for j in range(i - 1, max(-1, i - 3), -1)), "O")
        nxt = labels[i + 1][-1] if i + 1 < len(labels) else "O"
        if prev in "GFM" and nxt in "GF":
            labels[i] = "S"
    return labels


def labelled_page(name: str) -> List[Tuple[List[Token], List[List[str]], List[str]]]:
    text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((PAGES / f"{name}.gold.json").read_text(encoding="utf-8"))
    return [(toks, feats, token_labels(toks, line, gold)) for _, line, toks, feats in page_sequences(text)]


_RULE_FEATURES = ("rule_", "-2:rule_", "-1:rule_", "1:rule_", "2:rule_", "line_rule_byline")


def _with_and_without_rules(lines: Sequence[Tuple[Any, Any, List[str]]]) -> List[Tuple[Any, List[str]]]:
    """A page's training lines, and once more without the rules' reading each line that has one: the
    model is asked where the rules read no byline, so it must also know names the rules do not read."""
    out = []
    for _, feats, labels in lines:
        out.append((feats, labels))
        bare = [[x for x in f if not x.startswith(_RULE_FEATURES)] for f in feats]
        if bare != feats:
            out.append((bare, labels))
    return out


def train(names: Sequence[str], out: str, data: Dict[str, Any] | None = None) -> None:
    train_crf((pair for name in names for pair in _with_and_without_rules(data[name] if data else labelled_page(name))),
              out, c1=C1, c2=C2, iterations=ITERATIONS)


def cross_validate(k: int) -> int:
    import pycrfsuite

    names = dev_pages()
    data = {name: labelled_page(name) for name in names}
    counts: Counter[Tuple[str, str]] = Counter()
    for i, test in enumerate(folds(names, k)):
        path = f"{CV_DIR}/cv{i}.crfsuite"
        train([n for n in names if n not in test], path, data)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        for n in test:
            for _, feats, gold in data[n]:
                for g, p in zip(gold, tagger.tag(feats)):
                    counts[(g, p)] += 1
    print_label_scores(counts, ("BG", "G", "BF", "F", "M", "S"))
    return 0


def cross_validate_alone(k: int) -> int:
    """The model alone, cross-validated by page: the byline it chooses on each page with no rule
    (its first sure line and the name lines under it), against the gold authors."""
    score_pages = scorer()
    names = [n for n in dev_pages() if "author" in json.loads((PAGES / f"{n}.gold.json").read_text(encoding="utf-8"))]
    data = {name: labelled_page(name) for name in dev_pages()}
    right: Counter[str] = Counter()
    for i, test in enumerate(folds(dev_pages(), k)):
        path = f"{CV_DIR}/alone{i}.crfsuite"
        train([n for n in dev_pages() if n not in test], path, data)
        for name in test:
            if name not in names:
                continue
            gold = json.loads((PAGES / f"{name}.gold.json").read_text(encoding="utf-8"))
            tagged = byline_model.tag_page((PAGES / f"{name}.txt").read_text(encoding="utf-8"), path)
            for threshold in (0.3, 0.5, 0.7, 0.8, 0.9):
                got, _ = byline_model.choose_byline(tagged, [], "", threshold=threshold)
                alts = [score_pages.value("author", a) for a in (gold.get("_alt") or {}).get("author", [])]
                right[f"{threshold}"] += score_pages.matches("author", score_pages.value("author", gold["author"]),
                                                             score_pages.value("author", got or None), alts)
    print(f"model alone, {len(names)} dev pages with authors:", dict(right))
    return 0


def _read_fold(names: List[str], lines_model: str, bylines: str | None, pred_dir: Path) -> None:
    from converter.readers.page import line_model

    line_model.MODEL_PATH = lines_model
    byline_model.MODEL_PATH = bylines or "/nonexistent"
    write_predictions(names, PAGES, pred_dir)


def batch_group_folds(names: List[str], k: int) -> List[List[str]]:
    """k folds of whole batches (a batch: one labelling session, 'oe-...'): the batches, largest
    first, each put in the fold with the fewest pages so far. A model tested on a fold saw no page
    of its batches, so a site or layout that recurs inside a batch is not learnt and recognised
    in the same fold (leave-batch-out, in k groups to keep the cost of k trainings)."""
    sizes = Counter(batch_of(n) for n in names)
    groups: List[List[str]] = [[] for _ in range(k)]
    for batch, _ in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        smallest = min(range(k), key=lambda i: len(groups[i]))
        groups[smallest] += [n for n in names if batch_of(n) == batch]
    return groups


def cross_validate_pages(k: int, variants: Sequence[str] = ("lines", "bylines"), check: Tuple[str, ...] = (),
                         by_batch: bool = False) -> int:
    """Variants: 'lines' (no byline model), 'bylines', or 'bylines:NAME=VALUE,...' (settings of
    byline_model for the run, e.g. 'bylines:THRESHOLD=0.7'). ``check``: name prefixes of batches
    scored apart (design on the others, check on these). ``by_batch``: folds of whole batches
    (batch_group_folds) instead of every k-th page."""
    import shutil
    import subprocess
    import tempfile

    from . import __main__ as lines_tool
    from .align import load

    names = dev_pages()
    line_data = {name: (lines, labels) for name, lines, labels in load(names)}
    data = {name: labelled_page(name) for name in names}
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp, "gold")
        gold.mkdir()
        for name in names:
            shutil.copy(PAGES / f"{name}.gold.json", gold)
        preds = {v: Path(tmp, v) for v in variants}
        for p in preds.values():
            p.mkdir()
        for i, test in enumerate(batch_group_folds(names, k) if by_batch else folds(names, k)):
            lines_path, bylines_path = f"{CV_DIR}/lines{i}.crfsuite", f"{CV_DIR}/bylines{i}.crfsuite"
            lines_tool.train([(n, *line_data[n]) for n in names if n not in test], lines_path)
            train([n for n in names if n not in test], bylines_path, data)
            for v in variants:
                settings = dict(kv.split("=") for kv in v.partition(":")[2].split(",") if kv)
                saved = {key: getattr(byline_model, key) for key in settings}
                for key, value in settings.items():
                    setattr(byline_model, key, type(saved[key])(value))
                _read_fold(test, lines_path, bylines_path if v.startswith("bylines") else None, preds[v])
                for key, value in saved.items():
                    setattr(byline_model, key, value)
        groups = {"all": names}
        if check:  # the batches held back as a check, scored apart from the others
            groups = {"design": [n for n in names if not n.startswith(check)],
                      "check": [n for n in names if n.startswith(check)]}
        for v in variants:
            for group, members in groups.items():
                gold_dir = Path(tmp, f"gold-{group}")
                if not gold_dir.exists():
                    gold_dir.mkdir()
                    for name in members:
                        shutil.copy(PAGES / f"{name}.gold.json", gold_dir)
                out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_pages.py"), str(gold_dir), str(preds[v]),
                                      "--json", str(Path(tmp, f"{v}.json"))], capture_output=True, text=True, check=True).stdout
                print(f"== {v} ({group}, {len(members)} pages)")
                print("\n".join(line for line in out.splitlines() if line.startswith(("author", "title", "MICRO"))))
        if os.environ.get("BYLINES_CV_DIFF"):  # the dev pages whose author the two variants read differently
            _print_author_diffs(names, preds)
    return 0


def _print_author_diffs(names: List[str], preds: Dict[str, Path]) -> None:
    score_pages = scorer()
    tally: Counter[str] = Counter()
    for name in names:
        gold = json.loads((PAGES / f"{name}.gold.json").read_text(encoding="utf-8"))
        if "author" not in gold:
            continue
        got = []
        for p in preds.values():
            f = p / f"{name}.json"
            got.append((json.loads(f.read_text(encoding="utf-8"))[0] if f.exists() else {}).get("author"))
        right = [score_pages.matches("author", score_pages.value("author", gold["author"]),
                                     score_pages.value("author", g),
                                     [score_pages.value("author", a) for a in (gold.get("_alt") or {}).get("author", [])])
                 for g in (got[0], got[-1])]
        tally[f"first {right[0]} last {right[1]}"] += 1
        if got[0] != got[-1]:
            print(f"-- {name} {right}\n   gold  {gold['author']}\n   first {got[0]}\n   last  {got[-1]}")
    print(dict(tally))


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", type=int, default=0)
    ap.add_argument("--cv-pages", type=int, default=0)
    ap.add_argument("--variants", default="lines,bylines", help="for --cv-pages: ';'-separated")
    ap.add_argument("--check", default="", help="for --cv-pages: comma-separated name prefixes scored apart (e.g. oj-,ok-)")
    ap.add_argument("--by-batch", action="store_true", help="for --cv-pages: folds of whole batches (leave-batch-out)")
    ap.add_argument("--cv-alone", type=int, default=0)
    ap.add_argument("--show")
    ap.add_argument("--out", default=byline_model.MODEL_PATH)
    args = ap.parse_args(argv)
    if args.show:
        for toks, _, labels in labelled_page(args.show):
            if set(labels) != {"O"}:
                print(" ".join(f"{t.text}/{lab}" if lab != "O" else t.text for t, lab in zip(toks, labels)))
        return 0
    if args.cv:
        return cross_validate(args.cv)
    if args.cv_alone:
        return cross_validate_alone(args.cv_alone)
    if args.cv_pages:
        return cross_validate_pages(args.cv_pages, args.variants.split(";") if ";" in args.variants else args.variants.split(","),
                                    tuple(p for p in args.check.split(",") if p), by_batch=args.by_batch)
    names = dev_pages()
    train(names, args.out)
    print(f"trained on {len(names)} development pages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
