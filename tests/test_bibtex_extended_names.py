"""biblatex's extended name format ('family=Gogh, given=Vincent, prefix=van') is read as biber
and pandoc read it (pandoc's CSL-JSON for the same file is the independent check), and the biblatex
writer's names are read back by biber exactly (its biblatexml output is the check)."""
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


def _biber_names(xml_path: Path) -> dict:
    """The names biber read, from its biblatexml output, as CSL names: a prefix is a
    non-dropping particle when useprefix is true (biblatex's default is false: it drops)."""
    from lxml import etree

    ns = {"b": "http://biblatex-biber.sourceforge.net/biblatexml"}
    out = {}
    for entry in etree.parse(str(xml_path)).getroot().iterfind("b:entry", ns):
        for names in entry.iterfind("b:names", ns):
            people = []
            for name in names.iterfind("b:name", ns):
                person = {}
                for part in name.iterfind("b:namepart", ns):
                    text = " ".join(t.strip() for t in part.itertext() if t.strip())
                    kind = part.get("type")
                    if kind == "prefix":
                        kind = "non-dropping-particle" if name.get("useprefix") == "true" else "dropping-particle"
                    person[kind] = text
                people.append(person)
            out[(entry.get("id"), names.get("type"))] = people
    return out


def test_biblatex_writer_names_as_biber_reads_them(tmp_path):
    """Particles are written in the extended format with an explicit useprefix, a given name alone
    as 'given=...'; biber validates the file and reads back exactly our names (its biblatexml
    output is the independent check), and so do we."""
    items = list(_ours().values())
    out = tmp_path / "out.bib"
    out.write_text(converter.write(items, "biblatex"), encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    assert "prefix={van}, useprefix=true" in text and "prefix={van}, useprefix=false" in text
    assert [r["author"] for r in converter.read(text, "biblatex").records] == [i["author"] for i in items]
    biber = require_tool("biber")
    proc = subprocess.run([biber, "--tool", "--validate-datamodel", "--output-format=biblatexml",
                           "--output-file", str(tmp_path / "biber.bltxml"), str(out)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0 and "ERROR" not in proc.stdout and "WARN" not in proc.stdout, proc.stdout
    theirs = _biber_names(tmp_path / "biber.bltxml")
    for item in items:
        for field in NAME_FIELDS:
            if item.get(field):
                assert theirs[(item["id"], field)] == item[field], (item["id"], field)


def test_bibtex_writer_keeps_a_given_only_name_whole():
    text = converter.write([_ours()["gogh"]], "bibtex")
    assert "{Madonna}" in text and ", Madonna" not in text
