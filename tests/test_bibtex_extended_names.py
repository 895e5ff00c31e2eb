"""biblatex's extended name format ('family=Gogh, given=Vincent, prefix=van') is read as biber
and pandoc read it: pandoc's CSL-JSON for the same file is the independent check."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import converter
from conftest import require_tool

BIB = Path(__file__).parent / "fixtures" / "bibtex" / "extended-names.bib"
NAME_FIELDS = ("author", "editor")


def _ours():
    return {item["id"]: item for item in converter.read_file(str(BIB)).records}


def test_extended_names_by_hand():
    items = _ours()
    assert items["beethoven"]["author"] == [
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        {"family": "Doe", "given": "John Paul", "suffix": "Jr."},
        {"family": "Smith", "given": "Jane"},
    ]
    assert items["gogh"]["author"][0] == {"family": "Gogh", "given": "Vincent", "dropping-particle": "van"}
    assert items["gogh"]["author"][2] == {"given": "Madonna"}
    assert items["gogh"]["editor"] == [{"family": "Müller", "given": "Hans"}]


def test_extended_names_as_pandoc_reads_them():
    pandoc = require_tool("pandoc")
    proc = subprocess.run([pandoc, "-f", "biblatex", "-t", "csljson", str(BIB)], capture_output=True,
                          text=True, check=True)
    theirs = {item["id"]: item for item in json.loads(proc.stdout)}
    ours = _ours()
    assert set(theirs) == set(ours)
    for key, item in theirs.items():
        for field in NAME_FIELDS:
            assert ours[key].get(field) == item.get(field), (key, field)


def test_biblatex_writer_keeps_dropping_particles_and_given_only_names(tmp_path):
    """What "von Last, First" cannot say is written in the extended format; biber validates it and
    pandoc reads the same names back (the 'van' of 'van Beethoven, Ludwig' is read as dropping by
    pandoc and as non-dropping by us, so only the record without that ambiguity is compared)."""
    items = list(_ours().values())
    out = tmp_path / "out.bib"
    out.write_text(converter.write(items, "biblatex"), encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    assert "family={Gogh}, given={Vincent}, prefix={van}" in text and "given={Madonna}" in text
    assert converter.read(text, "biblatex").records[1]["author"] == _ours()["gogh"]["author"]
    biber = require_tool("biber")
    proc = subprocess.run([biber, "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "biber.bib"),
                           str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0 and "ERROR" not in proc.stdout and "WARN" not in proc.stdout, proc.stdout
    pandoc = require_tool("pandoc")
    proc = subprocess.run([pandoc, "-f", "biblatex", "-t", "csljson", str(out)], capture_output=True, text=True,
                          check=True)
    theirs = {item["id"]: item for item in json.loads(proc.stdout)}
    assert theirs["gogh"]["author"] == _ours()["gogh"]["author"]


def test_bibtex_writer_keeps_a_given_only_name_whole():
    text = converter.write([_ours()["gogh"]], "bibtex")
    assert "{Madonna}" in text and ", Madonna" not in text
