"""Run the official CSL processor test suite (``test-suite/processor-tests/humans``) through
our rendering layer and report passes per category.

    python -m tools.csl_conformance [../shared/csl-test-suite/humans] [-v] [--raw]

``--raw`` runs citeproc-py alone (its own loader and JSON source), for comparison.
Fixtures are compared as citeproc-js's HTML output, ignoring surrounding whitespace.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import warnings
from collections import Counter
from typing import Any, Dict, List, Tuple

from tools.paths import SHARED

_SECTION_RE = re.compile(r">>=+ *([A-Z-]+) *=+>>\n(.*?)\n<<=+ *\1 *=+<<", re.S)


def parse_fixture(text: str) -> Dict[str, str]:
    return {m.group(1): m.group(2) for m in _SECTION_RE.finditer(text)}


def _cite_items(raw: List[Dict[str, Any]], keys: Dict[str, str], raw_mode: bool = False):
    from citeproc import CitationItem, Locator

    from converter.rendering.citations import Cite

    out = []
    for c in raw:
        key = keys.get(str(c.get("id")), str(c.get("id")).lower())
        extra: Dict[str, Any] = {}
        if c.get("locator") not in (None, ""):
            extra["locator"] = Locator(c.get("label", "page"), str(c["locator"]))
        for aff in ("prefix", "suffix"):
            if c.get(aff):
                extra[aff] = c[aff]
        out.append((CitationItem if raw_mode else Cite)(key, **extra))
    return out


def run_fixture(fx: Dict[str, str], raw: bool = False) -> str:
    """Our output for one fixture (HTML, as citeproc-js's test runner prints it)."""
    if raw:
        return _run_raw(fx)
    mode = fx["MODE"].strip()
    calls = json.loads(fx["CITATIONS"]) if "CITATIONS" in fx else None
    ids, texts = _document(fx, calls)
    if mode.startswith("bibliography") or calls is None:
        return "\n".join(texts)
    # citeproc-js's runner marks with ">>" the citations its last call changed
    new_id = calls[-1][0].get("citationID")
    before: Dict[str, str] = {}
    if len(calls) > 1:
        before = dict(zip(*_document(fx, calls[:-1])))
    lines = []
    for n, (cid, text) in enumerate(zip(ids, texts)):
        same = len(calls) > 1 and cid != new_id and before.get(cid) == text
        lines.append(f"{'..' if same else '>>'}[{n}] {text}")
    return "\n".join(lines)


def _document(fx: Dict[str, str], calls: Any):
    """(citation ids, texts) of the document, or ([], [bibliography]) in bibliography mode."""
    from citeproc import Citation, CitationStylesBibliography
    from citeproc.source import BibliographySource

    from converter.rendering.citations import disambiguate, render_document
    from converter.rendering.engine import _punctuation_in_quote
    from converter.rendering.engine import quotes_of as _quotes
    from converter.rendering.items import convert_items
    from converter.rendering.markup import HTML, flip_flop
    from converter.rendering.punctuation import tidy
    from converter.rendering.styles import load_style_text

    items = json.loads(fx["INPUT"])
    mode = fx["MODE"].strip()
    style = load_style_text(fx["CSL"])
    refs = convert_items(items, HTML, _quotes(style))
    source = BibliographySource()
    for ref in refs:
        source.add(ref)
    keys = {str(i.get("id")): r.key for i, r in zip(items, refs)}
    piq = _punctuation_in_quote(style)
    bib = CitationStylesBibliography(style, source, HTML)
    ids, clusters, notes = _calls(fx, items, calls)
    if mode.startswith("bibliography"):
        bib.register(Citation(_cite_items([{"id": i.get("id")} for i in items], keys)))
    citations = [Citation(_cite_items(c, keys)) for c in clusters]
    for c in citations:
        bib.register(c)
    if style.has_bibliography():
        bib.sort()
    disambiguate(style, bib, bib.keys)
    if mode.startswith("bibliography"):
        entries = [flip_flop(tidy(str(e), piq)) for e in bib.bibliography() if e is not None]
        body = "".join(f'  <div class="csl-entry">{e}</div>\n' for e in entries)
        return [], [f'<div class="csl-bib-body">\n{body}</div>']
    return ids, [flip_flop(tidy(str(t), piq)) for t in render_document(style, bib, citations, notes)]


def _calls(fx: Dict[str, str], items: List[Dict[str, Any]], calls: Any):
    """Citation ids, their cites and note numbers, in document order after ``calls``."""
    if calls is not None:
        known: Dict[str, Any] = {}
        order: List[Tuple[str, int]] = []
        for citation, pre, post in calls:
            cid = citation.get("citationID")
            known[cid] = citation
            note = int(citation.get("properties", {}).get("noteIndex", 0) or 0)
            order = [(p[0], int(p[1] or 0)) for p in pre] + [(cid, note)] \
                + [(p[0], int(p[1] or 0)) for p in post]
        order = [o for o in order if o[0] in known]
        return ([o[0] for o in order], [known[o[0]]["citationItems"] for o in order],
                [o[1] for o in order])
    if "CITATION-ITEMS" in fx:
        clusters = json.loads(fx["CITATION-ITEMS"])
    else:
        clusters = [[{"id": i.get("id")} for i in items]]
    return list(range(len(clusters))), clusters, list(range(1, len(clusters) + 1))


def _run_raw(fx: Dict[str, str]) -> str:
    import io

    from citeproc import Citation, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(fx["INPUT"])
    mode = fx["MODE"].strip()
    style = CitationStylesStyle(io.BytesIO(fx["CSL"].encode()), validate=False)
    keys = {str(i["id"]): str(i["id"]).lower() for i in items}
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)

    if "CITATION-ITEMS" in fx:
        clusters = [_cite_items(c, keys, raw_mode=True) for c in json.loads(fx["CITATION-ITEMS"])]
    elif "CITATIONS" in fx:
        clusters = [_cite_items(c[0]["citationItems"], keys, raw_mode=True) for c in json.loads(fx["CITATIONS"])]
    else:
        clusters = [_cite_items([{"id": i.get("id")} for i in items], keys, raw_mode=True)]
    citations = [Citation(c) for c in clusters]
    if mode.startswith("bibliography"):
        bib.register(Citation(_cite_items([{"id": i.get("id")} for i in items], keys, raw_mode=True)))
    for c in citations:
        bib.register(c)
    if style.has_bibliography():
        bib.sort()
    if mode.startswith("bibliography"):
        entries = [str(e) for e in bib.bibliography() if e is not None]
        body = "".join(f'  <div class="csl-entry">{e}</div>\n' for e in entries)
        return f'<div class="csl-bib-body">\n{body}</div>'
    lines = []
    for n, c in enumerate(citations):
        text = str(bib.cite(c, lambda item: None))
        lines.append(f">>[{n}] {text}" if "CITATIONS" in fx else text)
    return "\n".join(lines)


def run_suite(folder: str, raw: bool = False, verbose: bool = False) -> Tuple[Counter, Counter]:
    passed: Counter = Counter()
    total: Counter = Counter()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        category = name.split("_")[0]
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            fx = parse_fixture(fh.read())
        if "MODE" not in fx or "RESULT" not in fx:
            continue
        total[category] += 1
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                got = run_fixture(fx, raw=raw)
        except Exception as exc:  # a fixture the processor cannot handle counts as a failure
            got = f"<error {type(exc).__name__}: {exc}>"
        ok = got.strip() == fx["RESULT"].strip()
        passed[category] += ok
        if verbose and not ok:
            print(f"FAIL {name}\n  want: {fx['RESULT'].strip()[:300]!r}\n  got:  {got.strip()[:300]!r}")
    return passed, total


def main(argv: List[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.csl_conformance",
                                description=__doc__.splitlines()[0])
    p.add_argument("folder", nargs="?", default=str(SHARED / "csl-test-suite" / "humans"))
    p.add_argument("--raw", action="store_true", help="citeproc-py alone, for comparison")
    p.add_argument("-v", "--verbose", action="store_true", help="show each failure")
    args = p.parse_args(argv)
    passed, total = run_suite(args.folder, raw=args.raw, verbose=args.verbose)
    for cat in sorted(total):
        print(f"{cat:<14} {passed[cat]:>4} / {total[cat]:<4}")
    print(f"{'total':<14} {sum(passed.values()):>4} / {sum(total.values())}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
