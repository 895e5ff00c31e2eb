"""biblatex's extended name format ('family=Gogh, given=Vincent, prefix=van') is read as biber
and pandoc read it (pandoc's CSL-JSON for the same file is the independent check), and the biblatex
writer's names are read back by biber exactly (its biblatexml output is the check)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import converter
from conftest import pandoc_biblatex, require_tool

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
    theirs = pandoc_biblatex(BIB)
    ours = _ours()
    assert set(theirs) == set(ours)
    for key, item in theirs.items():
        for field in NAME_FIELDS:
            assert ours[key].get(field) == item.get(field), (key, field)


def _biber_names(xml_path: Path) -> dict:
    """The names biber read, from its biblatexml output, as CSL names: a prefix is a
    non-dropping particle when useprefix is true, the name's own or else the entry's
    (biblatex's default is false: it drops)."""
    from lxml import etree

    ns = {"b": "http://biblatex-biber.sourceforge.net/biblatexml"}
    out = {}
    for entry in etree.parse(str(xml_path)).getroot().iterfind("b:entry", ns):
        options = entry.findtext("b:options", "", ns)
        entry_useprefix = "true" if "useprefix=true" in options else "false"
        for names in entry.iterfind("b:names", ns):
            people = []
            for name in names.iterfind("b:name", ns):
                person = {}
                for part in name.iterfind("b:namepart", ns):
                    text = " ".join(t.strip() for t in part.itertext() if t.strip())
                    kind = part.get("type")
                    if kind == "prefix":
                        kind = "non-dropping-particle" if name.get("useprefix", entry_useprefix) == "true" else "dropping-particle"
                    person[kind] = text
                people.append(person)
            out[(entry.get("id"), names.get("type"))] = people
    return out


MIXED = {"id": "mixed", "citation-key": "mixed", "type": "book", "title": "Particles of both kinds in one entry", "issued": {"date-parts": [[2003]]},
         "author": [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
                    {"family": "Fuente", "given": "Ana", "dropping-particle": "de la"},
                    {"family": "Hoff", "given": "Jacobus Henricus", "non-dropping-particle": "van 't"},
                    {"family": "Doe", "given": "John", "suffix": "Jr."}]}


@pytest.mark.parametrize("extended", [False, True], ids=["classic", "extended"])
def test_biblatex_writer_names_as_biber_reads_them(tmp_path, extended):
    """By default names are written in the classic "von Last, Jr, First" form (Zotero takes
    'family=Gogh' for a family name), the particles' kind said once per entry with
    ``options = {useprefix=...}``; a name the classic form cannot carry (a given name alone, a
    particle of the other kind) uses the extended format. With ``extended_names`` every name
    with a particle does. biber validates the file and reads back exactly our names (its
    biblatexml output is the independent check), and so do we."""
    items = list(_ours().values()) + [MIXED]
    out = tmp_path / "out.bib"
    out.write_text(converter.write(items, "biblatex", extended_names=extended), encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    if extended:
        assert "prefix={van}, useprefix=true" in text and "prefix={van}, useprefix=false" in text
        assert "options = " not in text
    else:
        assert "author = {van Beethoven, Ludwig and Doe, Jr., John Paul and Smith, Jane}" in text
        assert "van Gogh, Vincent and family={Fuente}, given={Ana}, prefix={de la}, useprefix=false" \
               " and family={Hoff}, given={Jacobus Henricus}, prefix={van 't}, useprefix=true and Doe, Jr., John}" in text
        assert text.count("options = {useprefix=true}") == 2 and text.count("options = {useprefix=false}") == 1
        assert "given={Madonna}" in text
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


def test_biblatex_writer_names_as_pandoc_reads_them(tmp_path):
    """pandoc reads our default (classic) output back to the same names. Expected difference:
    pandoc's smart typography turns the apostrophe of "van 't" into U+2019; it is undone here."""
    items = list(_ours().values()) + [MIXED]
    out = tmp_path / "out.bib"
    out.write_text(converter.write(items, "biblatex"), encoding="utf-8")
    pandoc = require_tool("pandoc")
    proc = subprocess.run([pandoc, "-f", "biblatex", "-t", "csljson", str(out)], capture_output=True,
                          text=True, check=True)
    theirs = {item["id"]: json.loads(json.dumps(item).replace("\\u2019", "'"))
              for item in json.loads(proc.stdout)}
    for item in items:
        for field in NAME_FIELDS:
            assert theirs[item["id"]].get(field) == item.get(field), (item["id"], field)


def test_bibtex_writer_keeps_a_given_only_name_whole():
    text = converter.write([_ours()["gogh"]], "bibtex")
    assert "{Madonna}" in text and ", Madonna" not in text


CLASSIC_PARTICLES = """\
@book{plain, author = {van Gogh, Vincent and de la Fuente, Ana}, title = {T}, date = {2001}}
@book{stays, author = {van Gogh, Vincent}, title = {T}, date = {2001}, options = {useprefix=true}}
@book{drops, author = {van Gogh, Vincent}, title = {T}, date = {2001}, options = {useprefix=false}}
@book{bare, author = {van Gogh, Vincent}, title = {T}, date = {2001}, options = {useprefix}}
"""
# Where we read classic names differently from pandoc, and why.
CLASSIC_EXPECTED_DIFFERENCES = {
    # No useprefix option: pandoc takes biblatex's default (false: the particle drops); we
    # read the file as classic BibTeX too, whose styles print "von" with the family name
    # ("van Gogh, V."), so the particle stays. Our own biblatex output always says useprefix.
    "plain": "von part without useprefix: pandoc dropping-particle, ours non-dropping-particle",
}


def test_classic_particles_as_pandoc_reads_them(tmp_path):
    ours = {r["id"]: r for r in converter.read(CLASSIC_PARTICLES, "biblatex").records}
    assert ours["drops"]["author"] == [{"family": "Gogh", "given": "Vincent", "dropping-particle": "van"}]
    assert ours["stays"]["author"] == ours["bare"]["author"] == [
        {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}]
    pandoc = require_tool("pandoc")
    path = tmp_path / "classic.bib"
    path.write_text(CLASSIC_PARTICLES, encoding="utf-8")
    proc = subprocess.run([pandoc, "-f", "biblatex", "-t", "csljson", str(path)], capture_output=True,
                          text=True, check=True)
    differing = {item["id"] for item in json.loads(proc.stdout)
                 if item["author"] != ours[item["id"]]["author"]}
    assert differing == set(CLASSIC_EXPECTED_DIFFERENCES)
