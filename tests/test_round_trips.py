"""Round trips CSL-JSON -> {BibTeX, BibLaTeX, RIS, JATS} -> CSL-JSON on the shared corpora and
the oracle items: every field comes back, or a warning of the write or of the read names it.
Nothing is lost in silence. The fields each format carries are in the README's table
(test_readme_table_is_the_measured_one checks it against these round trips)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import converter
from conftest import SHARED, need_shared
from converter.vocabulary.identifiers import strip_doi_prefix
from converter.vocabulary.languages import bcp47
from converter.vocabulary.richtext import plain

FORMATS = ("bibtex", "biblatex", "ris", "jats")
# Not data: the record's key, and what only says how the record was stored.
IGNORED = {"id", "citation-key", "custom"}


def corpora() -> Dict[str, List[dict]]:
    need_shared()
    real = SHARED / "corpus" / "real"
    found: Dict[str, List[dict]] = {}
    for path in sorted(real.iterdir()):
        if path.suffix == ".ris":
            found[path.name] = converter.read_file(str(path), "ris").records
        elif path.suffix == ".bib":
            found[path.name] = converter.read_file(str(path), "biblatex").records
        elif path.suffix == ".json":
            found[path.name] = json.loads(path.read_text(encoding="utf-8"))
    for path in sorted((SHARED / "oracle").glob("*/*.items.json")):
        found["oracle/" + path.name] = json.loads(path.read_text(encoding="utf-8"))
    return found


def _normal(field: str, value: Any) -> Any:
    """What must come back, said one way: text without rich-text markup (.bib protects
    capitals with braces that read back as nocase spans) in NFKC ('<sup>2</sup>' and '²'),
    a number as its text, date parts as numbers, a DOI without its resolver, page ranges with
    a hyphen, a language as its shortest tag ('slv' is 'sl'), keywords without empty ones."""
    if field == "DOI" and isinstance(value, str):
        return strip_doi_prefix(value).lower()
    if field == "language" and isinstance(value, str):
        return bcp47(value) or value
    if field in ("ISSN", "ISBN") and isinstance(value, str):
        return [v for v in re.split(r"[,;\s]+", value) if v]
    if field == "page" and isinstance(value, str) and re.fullmatch(r"(\w+)\s*[-\u2013]\s*\1", value.strip()):
        return value.split("-")[0].split("\u2013")[0].strip()  # '636959-636959' is page 636959
    if field == "keyword" and isinstance(value, str):
        return [k.strip() for k in re.split(r"[;,]", value) if k.strip()]
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", " ".join(plain(value).split()))
        return re.sub(r"\s*[\u2013\u2014-]\s*", "-", text) if field == "page" else text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):  # names
        return [_normal("", v) if not isinstance(v, dict) else {k: _normal(k, x) for k, x in v.items()
                                                                 if x not in (None, "")}
                for v in value]
    if isinstance(value, dict) and isinstance(value.get("date-parts"), list):
        try:
            return {**value, "date-parts": [[int(p) for p in part] for part in value["date-parts"]]}
        except (TypeError, ValueError):
            return value
    return value


def _round_trip(records: List[dict], fmt: str) -> List[Tuple[dict, dict | None, str]]:
    """(record, record read back or None, every warning said about it)."""
    out: List[Tuple[dict, dict | None, str]] = []
    if fmt == "jats":  # one article per document
        for record in records:
            written = converter.write([record], "jats")
            said = [d.message + f" [{d.field}]" for d in written.diagnostics]
            try:
                back = converter.read(str(written), "jats")
            except converter.ConversionError as exc:
                out.append((record, None, " ".join(said) + str(exc)))
                continue
            said += [d.message + f" [{d.field}]" for d in back.diagnostics]
            out.append((record, back.records[0], " | ".join(said)))
        return out
    written = converter.write(records, fmt)
    back = converter.read(str(written), "ris" if fmt == "ris" else "bibtex")
    by_record: Dict[Any, List[str]] = defaultdict(list)
    for d in list(written.diagnostics) + list(back.diagnostics):
        by_record[d.record].append(d.message + f" [{d.field}]")
    assert len(back.records) == len(records)
    for record, again in zip(records, back.records):
        key = again.get("citation-key") if fmt != "ris" else again.get("id")
        out.append((record, again, " | ".join(by_record[key] + by_record[None])))
    return out


def measure(records: List[dict], fmt: str, stats: Dict[str, List[int]]) -> List[Tuple[str, str, Any, Any]]:
    """(record id, field, before, after) for each field that changed and no warning names;
    ``stats[field]`` counts [records holding it, records it came back unchanged in]."""
    losses = []
    for record, again, said in _round_trip(records, fmt):
        for field, value in record.items():
            if field in IGNORED or value in (None, "", [], {}):
                continue
            counts = stats.setdefault(field, [0, 0])
            counts[0] += 1
            if again is not None and _normal(field, again.get(field)) == _normal(field, value):
                counts[1] += 1
                continue
            if field in said:
                continue
            if "type '" in said and field in ("issue", "number") and again is not None and \
                    _normal(field, value) in (_normal(field, again.get("issue")), _normal(field, again.get("number"))):
                continue  # the type change is reported; the value is there, under the other type's name
            losses.append((str(record.get("id")), field, value, again.get(field) if again else None))
    return losses


@pytest.fixture(scope="module")
def measured():
    """For each format: its unexplained losses by corpus, and the per-field counts."""
    found = corpora()
    result = {}
    for fmt in FORMATS:
        stats: Dict[str, List[int]] = {}
        losses = {name: measure(records, fmt, stats) for name, records in found.items()}
        result[fmt] = ({n: v for n, v in losses.items() if v}, stats)
    return result


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_silent_losses(measured, fmt):
    losses, _ = measured[fmt]
    assert {name: found[:5] + [f"... {len(found)} in all"] for name, found in losses.items()} == {}


def carried_table(measured) -> str:
    """The README's table: for each field the corpora hold, per format, 'carried' (it came
    back in every record), 'warned' (it came back in some, a warning names it in the others),
    'not carried' (it never came back; always named in a warning)."""
    fields = sorted({f for _, stats in measured.values() for f in stats})
    lines = ["| field | " + " | ".join(FORMATS) + " |", "|---|" + "---|" * len(FORMATS)]
    for field in fields:
        cells = []
        for fmt in FORMATS:
            present, same = measured[fmt][1].get(field, [0, 0])
            cells.append("carried" if same == present else "not carried" if same == 0 else
                         f"warned ({present - same} of {present})")
        lines.append(f"| `{field}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def test_readme_table_is_the_measured_one(measured):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- round-trip table: begin -->\n", "<!-- round-trip table: end -->"
    assert begin in readme and end in readme
    table = readme.split(begin, 1)[1].split(end, 1)[0]
    assert table == carried_table(measured), "regenerate the table with carried_table() (this module)"
