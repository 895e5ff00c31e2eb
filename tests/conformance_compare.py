"""Field-by-field comparison of our BibLaTeX/BibTeX reading with peers' own test expectations
(tests/fixtures/conformance/PEER/*.json, transcribed by tools/conformance_fixtures.py).

Both sides are brought to one form before comparing, and only for conventions that carry the
same fact (what a normalisation may not do is hide a wrong value):
- text: markup (our CSL HTML, pandoc's Markdown) and backslash escapes taken out, quotes and
  spaces unified; the titles case-folded, because pandoc writes English titles in sentence case
  (its CSL convention) where we keep the .bib's case and mark it custom.title-case;
- dates as EDTF strings (pandoc's YAML form: 2013-07-29, 1998/2001, 1998/, 1850~);
- variable names case-folded (pandoc's YAML says doi/url, CSL-JSON DOI/URL); numbers as strings;
- our custom and citation-key, which the peers do not write, left out.

``python tests/conformance_compare.py PEER`` prints every difference (for writing the lists).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

FIXTURES = Path(__file__).parent / "fixtures" / "conformance"
TITLES = {"title", "container-title", "collection-title", "volume-title", "title-short", "event-title",
          "container-title-short", "original-title", "part-title", "reviewed-title", "event"}
DATES = {"issued", "accessed", "original-date", "event-date", "submitted", "available-date"}
SKIP = {"citation-key", "custom", "id"}

_TAG = re.compile(r"</?[a-z][^>]*>")
_MD_SPAN = re.compile(r"\[([^\]]*)\]\{[^}]*\}")  # [text]{.smallcaps} / {.nocase}
_MD_MARK = re.compile(r"(?<![\\\w])_+|_+(?!\w)|(?<!\\)[*^]+")  # emphasis; '_' inside a word is text
_MD_SUBSCRIPT = re.compile(r"(?<!\\)~([^~\s]+)~")
_ESCAPE = re.compile(r"\\(.)")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " ",
                         "\u2013": "-", "\u2014": "-"})


def text(value: Any, *, markdown: bool, caseless: bool) -> str:
    out = str(value)
    if markdown:
        out = _MD_SPAN.sub(r"\1", out)
        out = _MD_SUBSCRIPT.sub(r"\1", out)
        out = _MD_MARK.sub("", out)
        out = out.replace("---", "\u2014").replace("--", "\u2013")  # pandoc's smart dashes
        out = _ESCAPE.sub(r"\1", out)
    out = _TAG.sub("", out).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    out = " ".join(out.translate(_QUOTES).split())
    return out.casefold() if caseless else out


def edtf(date: Dict[str, Any]) -> str:
    """A CSL-JSON date as the EDTF string pandoc's YAML uses; an end of zeros is an open end."""
    if "date-parts" not in date:
        return str(date.get("literal") or date.get("raw") or "")

    def one(parts: List[Any]) -> str:
        if not parts or all(p in (0, "0") for p in parts) and len(date["date-parts"]) > 1 or parts[0] in ("", None):
            return ""
        year = int(parts[0])
        head = f"-{-year:04d}" if year < 0 else f"{year:04d}"
        return "-".join([head] + [f"{int(p):02d}" for p in parts[1:]])

    ranges = date["date-parts"]
    out = one(ranges[0])
    if len(ranges) > 1:
        out += "/" + one(ranges[1])
    if date.get("circa"):
        out += "~"
    return out


def _value(field: str, value: Any, *, markdown: bool) -> Any:
    caseless = field in TITLES
    if isinstance(value, dict):
        if field in DATES:
            if markdown:  # pandoc's YAML writes a date as a string already
                return text(value.get("literal") or value.get("raw") or "", markdown=True, caseless=False)
            return edtf(value)
        if set(value) == {"literal"}:  # a name CSL calls literal, the peers a family name alone
            value = {"family": value["literal"]}
        return {k: _value(k, v, markdown=markdown) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(field, v, markdown=markdown) for v in value]
    return text(value, markdown=markdown, caseless=caseless)


def normal(item: Dict[str, Any], *, markdown: bool) -> Dict[str, Any]:
    out = {}
    for field, value in item.items():
        key = field.casefold()
        if key in SKIP or value in ("", None, []):
            continue
        out[key] = _value(key, value, markdown=markdown)
    return out


def cases(peer: str) -> Iterator[Tuple[str, Dict[str, Any]]]:
    for path in sorted((FIXTURES / peer).glob("*.json")):
        yield path.stem, json.loads(path.read_text(encoding="utf-8"))


def differences(peer: str, case: Dict[str, Any]) -> Dict[str, Tuple[Any, Any]]:
    """'entry field' -> (theirs, ours) for every field where our reading differs from the peer's."""
    import converter

    markdown = peer == "pandoc"
    result = converter.read(case["input"], "bibtex", source=f"{peer} case")
    ours = {str(item.get("id")): normal(item, markdown=False) for item in result.records}
    found: Dict[str, Tuple[Any, Any]] = {}
    theirs_ids = set()
    for item in case["expected"]:
        key = str(item.get("id"))
        theirs_ids.add(key)
        theirs = normal(item, markdown=markdown)
        mine = ours.get(key)
        if mine is None:
            found[f"{key} *"] = ("entry", None)
            continue
        for field in sorted(set(theirs) | set(mine)):
            if theirs.get(field) != mine.get(field):
                found[f"{key} {field}"] = (theirs.get(field), mine.get(field))
    for key in sorted(set(ours) - theirs_ids):
        found[f"{key} *"] = (None, "entry")
    return found


def main(peer: str) -> None:
    passing = 0
    total = 0
    for name, case in cases(peer):
        total += 1
        diff = differences(peer, case)
        passing += not diff
        for where, (theirs, ours) in diff.items():
            print(f"{name} | {where} | theirs={json.dumps(theirs, ensure_ascii=False)} | "
                  f"ours={json.dumps(ours, ensure_ascii=False)}")
    print(f"{peer}: {passing}/{total} cases without a difference")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main(sys.argv[1])
