"""Every warning says where: the input file and, where the reader knows it, the line. Readers
that hand strings to the reference parser pass its warnings on at the string's line; writers
know records, not files, so the pipeline places their warnings at the record's input and line."""
from __future__ import annotations

import json

import converter
from conftest import run_cli

# Cyrillic look-alike initials in a Latin-script name: the reference parser repairs and warns
LOOKALIKE = "Ajekbarov К.А. Economic zones of Kazakhstan. Journal of Asian Studies. 2020;1(2):3-4."

HTML = f"""<!DOCTYPE html>
<html><head>
<meta name="citation_title" content="Regional Studies Today">
<meta name="citation_author" content="Tarasova, Anna">
<meta name="citation_publication_date" content="2023/05/01">
<meta name="citation_reference" content="{LOOKALIKE}">
</head><body></body></html>
"""

BIB = """@article{first,
  author = {Doe, Jane},
  title = {A Title},
  journal = {Journal},
  year = 2020,
  edition = {2}
}

@book{second,
  title = {A Book},
  year = 2001,
  udc = {327}
}
"""


def test_html_reader_passes_on_the_reference_parsers_warnings_at_the_meta_tags_line(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    result = converter.read_file(path)
    [warning] = [d for d in result.diagnostics if "look-alike" in d.message]
    assert (warning.source, warning.line, warning.field) == (str(path), 6, "author")
    assert warning.record == result.records[0]["custom"]["references"][0]["id"]


def test_crossref_reader_places_reference_warnings_at_the_strings_line(tmp_path):
    work = {"DOI": "10.1/x", "type": "journal-article", "title": ["T"],
            "reference": [{"key": "r1", "unstructured": LOOKALIKE}]}
    path = tmp_path / "work.json"
    path.write_text(json.dumps({"message-type": "work", "message": work}, ensure_ascii=False, indent=1),
                    encoding="utf-8")
    result = converter.read_file(path)
    [warning] = [d for d in result.diagnostics if "look-alike" in d.message]
    text = path.read_text(encoding="utf-8")
    assert warning.source == str(path)
    assert text.splitlines()[warning.line - 1].strip().startswith('"unstructured": "Ajekbarov')


def test_writer_warnings_name_the_input_file_and_the_records_line(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    out = converter.convert(path.read_bytes(), to="ris", source=str(path))
    lost = {d.record: d for d in out.diagnostics if "RIS has no tag" in d.message}
    assert (lost["first"].source, lost["first"].line) == (str(path), 1)
    assert (lost["second"].source, lost["second"].line) == (str(path), 9)
    # the same through a Result, and on the command line
    placed = converter.write(converter.read_file(path), "ris").diagnostics
    assert [(d.source, d.line) for d in placed] == [(str(path), 1), (str(path), 9)]
    proc = run_cli(str(path), "-t", "ris")
    assert f"{path}:9: warning: RIS has no tag for these; not written" in proc.stderr.decode()
    assert "<input>" not in proc.stderr.decode()


def test_records_from_several_inputs_are_placed_in_their_own(tmp_path):
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text(BIB.split("\n\n")[0] + "\n", encoding="utf-8")
    second.write_text(BIB.split("\n\n")[1], encoding="utf-8")
    proc = run_cli(str(first), str(second), "-t", "ris")
    err = proc.stderr.decode()
    assert f"{first}:1: warning: RIS has no tag" in err and f"{second}:1: warning: RIS has no tag" in err


def test_records_given_as_data_have_no_file_to_name():
    out = converter.write([{"id": "x", "type": "book", "title": "T", "edition": "2"}], "jats")
    assert out.diagnostics and all(d.source is None for d in out.diagnostics)


def test_csljson_warnings_name_the_items_line(tmp_path):
    path = tmp_path / "items.json"
    path.write_text('[\n {"id": "a", "type": "book", "title": "T"},\n {"id": "b",\n  "title": "U"},\n 3\n]\n',
                    encoding="utf-8")
    result = converter.read_file(path)
    assert [(d.line, d.severity, d.record) for d in result.diagnostics] == [(3, "warning", "b"), (5, "error", None)]
    # the validation warning about the same item, on writing, is placed there too
    [repair] = [d for d in converter.write(result, "ris").diagnostics if "type is missing" in d.message]
    assert (repair.source, repair.line) == (str(path), 3)


def test_html_title_fallback_names_the_title_elements_line(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html>\n<html><head>\n<meta name=\"citation_author\" content=\"Doe, J.\">\n"
                    "<title>A Page</title>\n</head><body><p>x</p></body></html>\n", encoding="utf-8")
    [warning] = [d for d in converter.read_file(path, "html").diagnostics if "<title>" in d.message]
    assert warning.line == 4
