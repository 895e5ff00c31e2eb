"""BibTeX reading over the shared corpus: real exports read without a crash, round trips
lose only what the writer reported, and every malformed file gives a located diagnostic
while its good entries survive. Plus the hand-checked fixtures in tests/fixtures/bibtex/."""
from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest

import converter
from conftest import ROOT, SHARED, need_shared
from converter.vocabulary.richtext import plain

TITLE_FIELDS = {"title", "container-title", "collection-title", "event-title", "volume-title", "original-title",
                "title-short", "container-title-short", "part-title", "reviewed-title"}

REAL = sorted((SHARED / "corpus" / "real").glob("*.bib"))
BAD = sorted((SHARED / "corpus" / "bad").glob("*.bib"))
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "bibtex").glob("*.bib"))

# Records and diagnostics per real file, as measured; the record counts are cross-checked
# against bibtexparser's own entry count below, the diagnostics are looked at in the report.
EXPECTED_REAL = {
    "biblatex-examples.bib": {"records": 92, "errors": 0, "warnings": 2},
    "bibliotex-all.bib": {"records": 2822, "errors": 0, "warnings": 32},
}


@pytest.fixture(scope="module", params=[p.name for p in REAL] or ["none"])
def real_file(request):
    need_shared()
    path = SHARED / "corpus" / "real" / request.param
    return path, converter.read_file(path, "bibtex")


def test_real_corpus_reads_with_recorded_counts(real_file):
    path, result = real_file
    expected = EXPECTED_REAL[path.name]
    assert len(result.records) == expected["records"]
    assert len(result.errors) == expected["errors"]
    assert len(result.warnings) == expected["warnings"]
    # An independent count: bibtexparser's entries (duplicates included) minus the ones we
    # reported as skipped equals what we read.
    library = bibtexparser.parse_string(re.sub(r"(?m)^[ \t]*%.*$", "",
                                               path.read_text(encoding="utf-8")))
    # Entries with a repeated key or a repeated field are kept by us (with a warning).
    duplicates = sum(1 for b in library.failed_blocks
                     if isinstance(b, (bibtexparser.model.DuplicateBlockKeyBlock,
                                       bibtexparser.model.DuplicateFieldKeyBlock)))
    skipped_after_split = sum(1 for d in result.errors if "missing comma" in d.message
                              or "cannot read field" in d.message)
    assert len(result.records) == len(library.entries) + duplicates - skipped_after_split
    for diag in result.diagnostics:  # every complaint says where
        assert diag.source == str(path)
        if diag.severity == "error":
            assert diag.line is not None


def _reported(diagnostics, key):
    return " ".join(d.message for d in diagnostics if d.record == key)


def _comparable(name, value):
    """Titles compare as text: writing protects capitals with braces, which read back as
    nocase spans around words whose case was already meant (the rendering is the same)."""
    if name in TITLE_FIELDS and isinstance(value, str):
        return plain(value)
    return value


def _differences(before, after):
    names = set(before) | set(after)
    return sorted(n for n in names if n not in ("id", "citation-key")
                  and _comparable(n, before.get(n)) != _comparable(n, after.get(n)))


@pytest.mark.parametrize("to", ["bibtex", "biblatex"])
def test_round_trip_loses_only_what_was_reported(real_file, to):
    path, result = real_file
    out = converter.write(result.records, to)
    again = converter.read(str(out), "bibtex")
    assert len(again.records) == len(result.records)
    assert again.errors == []
    unexplained = []
    for before, after in zip(result.records, again.records):
        reported = _reported(out.diagnostics, after["citation-key"])
        for name in _differences(before, after):
            if name == "custom":
                lost = sorted(k for k in set((before.get("custom") or {}).get("bibtex", {}))
                              if (before["custom"]["bibtex"].get(k)
                                  != ((after.get("custom") or {}).get("bibtex") or {}).get(k)))
                if all(f"custom.bibtex.{k}" in reported for k in lost):
                    continue
            if name in reported:
                continue
            if "type '" in reported and name in ("issue", "number"):
                # The entry type changed (reported), so the same value now sits under the
                # other type's variable: it must still be there.
                if before.get(name) in (after.get("issue"), after.get("number")) or \
                        after.get(name) in (before.get("issue"), before.get("number")):
                    continue
            unexplained.append((before["citation-key"], name, before.get(name), after.get(name)))
    assert unexplained == []


# The broken entry of each bad file, the line to blame, and the records that must survive.
BAD_EXPECTED = {
    "duplicate_keys.bib": ("warning", 76, 10),
    "invalid_utf8.bib": ("warning", 64, 10),
    "missing_comma.bib": ("error", 64, 9),
    "unbalanced_braces.bib": ("error", 64, 9),
}


@pytest.mark.parametrize("name", [p.name for p in BAD] or ["none"])
def test_bad_file_gives_located_diagnostic_and_keeps_good_records(name):
    need_shared()
    path = SHARED / "corpus" / "bad" / name
    result = converter.read_file(path, "bibtex")
    severity, line, survivors = BAD_EXPECTED[name]
    located = [d for d in result.diagnostics if d.severity == severity and d.line == line]
    assert located, [str(d) for d in result.diagnostics]
    assert all(d.source == str(path) for d in result.diagnostics)
    assert len(result.records) == survivors
    keys = [r["citation-key"] for r in result.records]
    # Every entry the file holds apart from the broken one, in file order.
    all_keys = re.findall(r"^@\w+\{([^,]+),", path.read_text(encoding="utf-8", errors="replace"), re.M)
    if severity == "error":
        broken = re.findall(r"\(([^)]+)\)$", str(located[0])) or ["smith1975_4"]
        all_keys.remove(broken[0]) if broken[0] in all_keys else all_keys.remove("smith1975_4")
    assert [k.split("-2")[0] for k in keys] == all_keys
    if name == "duplicate_keys.bib":  # the second entry with the key is kept, not dropped
        assert "smith1975_4-2" in keys
        assert result.records[keys.index("smith1975_4-2")]["author"][0]["family"] == "Anderson"


@pytest.mark.parametrize("bib", FIXTURES, ids=lambda p: p.stem)
def test_fixture_reads_as_expected(bib: Path):
    expected = json.loads(bib.with_suffix(".json").read_text(encoding="utf-8"))
    result = converter.read(bib.read_text(encoding="utf-8"), "bibtex")
    assert result.records == expected
    assert result.errors == []


def test_cli_converts_bibtex_to_biblatex(tmp_path):
    from conftest import run_cli

    src = ROOT / "tests" / "fixtures" / "bibtex" / "escapes.bib"
    proc = run_cli("-f", "bibtex", "-t", "biblatex", str(src))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "@article{calderon2020," in out
    assert "Calderón Antón, José de Jesús" in out
    assert "and others" not in out
    assert b"and others" in proc.stderr or b"incomplete" in proc.stderr


@pytest.mark.parametrize("text, line, reason", [
    ("@article{broken,\n  author = {Doe, J.},\n  title = {Unbalanced {brace},\n  year = {2001}\n}\n", 3,
     "unbalanced braces in field 'title'"),
    ("@article{broken,\n  author = {Doe, J.}\n  title = {T},\n  year = {2001}\n}\n", 2,
     "missing comma after field 'author'"),
])
def test_a_lone_broken_entry_is_reported_with_its_line_and_reason(tmp_path, text, line, reason):
    from conftest import run_cli

    path = tmp_path / "lone.bib"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(converter.ParseError) as err:
        converter.read_file(str(path), "bibtex")
    assert err.value.line == line and reason in str(err.value)
    proc = run_cli("-f", "bibtex", "-t", "csljson", str(path))
    assert proc.returncode == 4
    assert f"lone.bib:{line}: no BibTeX entry could be read: entry 'broken' skipped: {reason}" in proc.stderr.decode()


def test_lines_after_a_backslash_at_a_line_end_are_counted(tmp_path):
    """bibtexparser does not count a line break after a backslash; entries after one in a
    broken file must still be reported at their own lines (found by the bibtex-stream fuzz)."""
    text = ("@article{a,\n  title = {Ends in a control space \\\n  and goes on},\n  year = 2020\n}\n\n"
            "@article{broken,\n  author = {Doe, J.}\n  title = {X}\n}\n\n"
            "@article{b,\n  title = {After},\n  year = 2021\n}\n")
    result = converter.read(text, "bibtex", source="mixed.bib")
    assert [r["id"] for r in result.records] == ["a", "b"]
    assert result.origins["b"] == ("mixed.bib", 12)
    assert result.records[0]["title"] == "Ends in a control space and goes on"
    assert [d.line for d in result.errors] == [8]


@pytest.mark.parametrize("broken", ["", "@article{bad,\n  author = {Doe, J.}\n  title = {X}\n}\n"])
def test_entries_sharing_a_line_keep_their_order(broken):
    """A repeated key and a new key on one line come in the order they are written, whichever
    splitter reads the file (a broken entry sends it to bibtexparser)."""
    text = broken + "@book{a, title = {One}}\n@book{a, title = {Two}} @book{c, title = {Three}}\n"
    result = converter.read(text, "bibtex")
    assert [r["id"] for r in result.records] == ["a", "a-2", "c"]
