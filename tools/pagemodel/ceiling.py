"""How often the right title and journal are among the candidates the page reader weighs (the
ceiling of any choice among them), on the development pages, and why they are not where they are not.

    python -m tools.pagemodel.ceiling                 # per field: pages, right, in the pool, misses by kind
    python -m tools.pagemodel.ceiling --list          # ... and each miss's page and kind

The reader runs as shipped (the shipped line model and title ranker), with `assemble._choose_title` and
`journal.choose_journal` watched: the title's pool is `title.expand` of the loose head lines plus the
title the page's citation prints (or the labelled title where a label gave it); the journal's pool is
every container-title finding and the names the head's layout gives (journal.layout_candidates), plus
what the line model's fallback would take where these gave none. "Right" is the scorer's own comparison (../shared/tools/score_pages.py). A miss is classed by
where the gold text stands on the page (folded: letters and digits only):

- not-printed: nowhere on the page, not even across lines (OCR'd, translated, abbreviated, ...);
- one-line: a page line is the gold text, but that line was no candidate;
- in-line: inside a longer line (a saved title's ' | Site', a heading glued to its byline, a masthead
  run together with numbers), with the line's kind (first line, bar/dash parts, other);
- across-lines: only over two or more consecutive lines (a title split, a line between).
Only development pages are read."""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from typing import Any, Dict, List, Tuple

from .align import PAGES, dev_pages
from .crf import scorer

FIELDS = ("title", "container-title")


def _fold(text: str) -> str:
    from converter.readers.page.people import fold

    return fold(text)


def _where(gold: str, lines: List[str]) -> str:
    """Where the gold text stands on the page (see the module's docstring)."""
    target = _fold(gold)
    if not target:
        return "not-printed"
    folded = [_fold(t) for t in lines]
    if any(f == target for f in folded):
        return "one-line"
    for n, (t, f) in enumerate(zip(lines, folded)):
        if target in f:
            if n == next((i for i, x in enumerate(lines) if x.strip()), -1):
                return "in-line:saved-title"
            if re.search(r"\s[|–—-]\s", t):
                return "in-line:bar-or-dash"
            return "in-line:other"
    nonblank = [f for f in folded if f]
    for i in range(len(nonblank)):
        run = nonblank[i]
        for j in range(i + 1, min(i + 6, len(nonblank))):
            run += nonblank[j]
            if target in run and target not in run[len(nonblank[i]):]:
                return f"across-lines:{j - i + 1}"
    return "not-printed"


def collect(names: List[str]) -> Dict[str, Dict[str, Any]]:
    """Each page's gold, the reader's output and the pools the title and the journal were chosen from."""
    import converter
    from converter.readers.page import assemble, journal, title

    seen: Dict[str, Any] = {}
    choose_title, choose_journal, modelled = assemble._choose_title, journal.choose_journal, assemble._modelled_journal

    def spy_choose(r):
        if r.candidates and not r.evidence.has("title", "label") and not r.evidence.has("title", "head"):
            pool, _ = title.expand(list(r.candidates))  # what the rules and the ranker choose from
            seen["title"] = [c.text.strip().rstrip(".") for c in pool]
        return choose_title(r)

    def spy_journal(r, labels, layout=False):
        if layout:  # the names the head's layout gives, asked last
            seen.setdefault("container-title", []).extend(name for _, name in journal.layout_candidates(r))
            return choose_journal(r, labels, layout=True)
        seen["container-title"] = [str(f.value).strip() for f in r.evidence.found.get("container-title", [])] + [
            name for _, name in journal.layout_candidates(r)]
        seen["title-evidence"] = [str(f.value) for f in r.evidence.found.get("title", [])]
        seen["reader"] = r
        return choose_journal(r, labels)

    def spy_modelled(r):
        had = r.item.get("container-title")
        modelled(r)
        if had is None and r.item.get("container-title"):
            seen.setdefault("container-title", []).append(r.item["container-title"])

    assemble._choose_title, journal.choose_journal, assemble._modelled_journal = spy_choose, spy_journal, spy_modelled
    out: Dict[str, Dict[str, Any]] = {}
    try:
        for name in names:
            seen.clear()
            text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
            gold = json.loads((PAGES / f"{name}.gold.json").read_text(encoding="utf-8"))
            try:
                records = converter.read(text, "page", source=name).records
            except converter.ConversionError:
                records = []
            r = seen.get("reader")
            title_pool = list(seen.get("title", [])) + list(seen.get("title-evidence", []))
            if r is not None and r.citation_parse.get("title"):
                title_pool.append(str(r.citation_parse["title"]))
            out[name] = {"gold": gold, "pred": records[0] if records else {}, "lines": text.splitlines(),
                         "pool": {"title": title_pool, "container-title": list(seen.get("container-title", []))}}
    finally:
        assemble._choose_title, journal.choose_journal, assemble._modelled_journal = choose_title, choose_journal, modelled
    return out


def measure(pages: Dict[str, Dict[str, Any]]) -> Dict[str, Dict[str, Any]]:
    sc = scorer()
    result: Dict[str, Dict[str, Any]] = {}
    for field in FIELDS:
        stats: Counter[str] = Counter()
        misses: List[Tuple[str, str]] = []
        for name, page in sorted(pages.items()):
            gold = page["gold"]
            if gold.get(field) in (None, "", []):
                continue
            gv = sc.value(field, gold[field])
            alts = [sc.value(field, a) for a in (gold.get("_alt") or {}).get(field, []) or []]
            stats["pages"] += 1
            right = sc.matches(field, gv, sc.pred_value(field, page["pred"]), alts)
            stats["right"] += right
            in_pool = any(sc.matches(field, gv, sc.value(field, c), alts) for c in page["pool"][field])
            stats["in-pool"] += in_pool or right
            if not (in_pool or right):
                kind = _where(str(gold[field]), page["lines"])
                misses.append((name, kind))
            elif not right:
                stats["wrong-choice"] += 1
                misses.append((name, "chosen-wrong"))
        result[field] = {"stats": stats, "misses": misses}
    return result


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="each miss's page and kind")
    ap.add_argument("--prefix", default="", help="only the dev pages whose name starts with this")
    a = ap.parse_args(argv)
    names = [n for n in dev_pages() if n.startswith(a.prefix)]
    result = measure(collect(names))
    for field, res in result.items():
        s = res["stats"]
        kinds = Counter(k for _, k in res["misses"] if k != "chosen-wrong")
        print(f"{field}: {s['pages']} dev pages; right {s['right']}; in the pool {s['in-pool']} "
              f"({100 * s['in-pool'] / max(s['pages'], 1):.1f}%); right in the pool but not chosen {s['wrong-choice']}; "
              f"no right candidate {s['pages'] - s['in-pool']}")
        for kind, count in kinds.most_common():
            print(f"   {count:4} {kind}")
        if a.list:
            for name, kind in sorted(res["misses"], key=lambda m: m[1] == "chosen-wrong"):
                print(f"      {kind:24} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
