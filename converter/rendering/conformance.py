"""Run the official CSL processor test suite (``test-suite/processor-tests/humans``) through
our rendering layer and report passes per category.

    python -m converter.rendering.conformance ../shared/csl-test-suite/humans [-v] [--raw]

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

_SECTION_RE = re.compile(r">>=+ *([A-Z-]+) *=+>>\n(.*?)\n<<=+ *\1 *=+<<", re.S)


def parse_fixture(text: str) -> Dict[str, str]:
    return {m.group(1): m.group(2) for m in _SECTION_RE.finditer(text)}


def _cite_items(raw: List[Dict[str, Any]], keys: Dict[str, str]):  # type: ignore[no-untyped-def]
    from citeproc import CitationItem, Locator

    out = []
    for c in raw:
        key = keys.get(str(c.get("id")), str(c.get("id")).lower())
        extra: Dict[str, Any] = {}
        if c.get("locator") not in (None, ""):
            extra["locator"] = Locator(c.get("label", "page"), str(c["locator"]))
        for aff in ("prefix", "suffix"):
            if c.get(aff):
                extra[aff] = c[aff]
        out.append(CitationItem(key, **extra))
    return out


def run_fixture(fx: Dict[str, str], raw: bool = False) -> str:
    """Our output for one fixture (HTML, as citeproc-js's test runner prints it)."""
    from citeproc import Citation, CitationStylesBibliography
    from citeproc.source import BibliographySource

    from .engine import _punctuation_in_quote, _quotes
    from .items import convert_items
    from .markup import HTML
    from .punctuation import tidy
    from .styles import load_style_text
    from .yearsuffix import assign_year_suffixes

    items = json.loads(fx["INPUT"])
    mode = fx["MODE"].strip()
    if raw:
        import io

        from citeproc import CitationStylesStyle, formatter
        from citeproc.source.json import CiteProcJSON

        style = CitationStylesStyle(io.BytesIO(fx["CSL"].encode()), validate=False)
        source = CiteProcJSON(items)
        keys = {str(i["id"]): str(i["id"]).lower() for i in items}
        fmt: Any = formatter.html
        piq = False
    else:
        style = load_style_text(fx["CSL"])
        fmt = HTML
        refs = convert_items(items, fmt, _quotes(style))
        source = BibliographySource()
        for ref in refs:
            source.add(ref)
        keys = {str(i.get("id")): r.key for i, r in zip(items, refs)}
        piq = _punctuation_in_quote(style)
    bib = CitationStylesBibliography(style, source, fmt)
    if "CITATION-ITEMS" in fx:
        clusters = [_cite_items(c, keys) for c in json.loads(fx["CITATION-ITEMS"])]
    elif "CITATIONS" in fx:
        clusters = [_cite_items(c[0]["citationItems"], keys) for c in json.loads(fx["CITATIONS"])]
    else:
        clusters = [_cite_items([{"id": i.get("id")} for i in items], keys)]
    citations = [Citation(c) for c in clusters]
    if mode.startswith("bibliography"):
        registered = Citation(_cite_items([{"id": i.get("id")} for i in items], keys))
        bib.register(registered)
    for c in citations:
        bib.register(c)
    if style.has_bibliography():
        bib.sort()
    if not raw:
        assign_year_suffixes(style, bib, [source[k] for k in bib.keys])
    if mode.startswith("bibliography"):
        entries = [tidy(str(e), piq) for e in bib.bibliography() if e is not None]
        body = "".join(f'  <div class="csl-entry">{e}</div>\n' for e in entries)
        return f'<div class="csl-bib-body">\n{body}</div>'
    lines = []
    for n, c in enumerate(citations):
        text = tidy(str(bib.cite(c, lambda item: None)), piq)
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
    p = argparse.ArgumentParser(prog="python -m converter.rendering.conformance",
                                description=__doc__.splitlines()[0])
    p.add_argument("folder", nargs="?", default=os.path.join(
        os.path.dirname(__file__), "..", "..", "..", "shared", "csl-test-suite", "humans"))
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
