"""biblatex's localisation keys and EDTF's open-ended dates, read into CSL and written back
(issue 12). The keys become what biblatex prints with english.lbx ('newseries' -> 'new series',
'inpress' -> 'in press', 'countryde' -> 'Germany'; a journal's series number as an ordinal, as
biblatex's \\mkbibordseries prints it) and are written back as the keys, so a BibLaTeX round
trip gives the file's own field. An open or unknown end of a date range is an end of zeros
(citeproc-js 2.4 renders [[1999, 10, 14], [0, 0, 0]] as 'October 14, 1999–'; our APA as
'(1998–)', below) and is written back as EDTF's open end '/..'."""
from __future__ import annotations

import json

import jsonschema
import pytest

import converter
from conftest import SHARED, load_json, need_shared


def _read(entry: str) -> dict:
    [item] = converter.read(entry, "bibtex").records
    return item


def _field(bib: str, name: str) -> str | None:
    for line in bib.splitlines():
        key, _, value = line.strip().partition(" = ")
        if key == name:
            return value.rstrip(",").strip("{}")
    return None


KEYS = [
    # (entry, CSL variable, what biblatex prints, the .bib field written back)
    ("@article{a, title={T}, journaltitle={J}, series={newseries}}", "collection-title", "new series", "series"),
    ("@article{a, title={T}, journaltitle={J}, series={oldseries}}", "collection-title", "old series", "series"),
    ("@article{a, title={T}, journaltitle={J}, series={3}}", "collection-title", "3rd series", "series"),
    ("@article{a, title={T}, journaltitle={J}, series={12}}", "collection-title", "12th series", "series"),
    ("@article{a, title={T}, journaltitle={J}, pubstate={inpress}}", "status", "in press", "pubstate"),
    ("@patent{a, title={T}, location={countryde and countryfr}}", "jurisdiction", "Germany; France", "location"),
]


@pytest.mark.parametrize("entry, csl, printed, field", KEYS, ids=[k[2] for k in KEYS])
def test_localisation_keys_read_as_printed_and_written_back(entry, csl, printed, field):
    item = _read(entry)
    assert item[csl] == printed
    written = _field(converter.write([item], "biblatex"), field)
    original = entry.split(f"{field}={{", 1)[1].split("}", 1)[0]
    assert written == original
    assert _read(converter.write([item], "biblatex"))[csl] == printed


def test_a_book_series_number_is_not_an_ordinal():
    assert _read("@book{a, title={T}, series={3}}")["collection-title"] == "3"
    assert _field(converter.write([{"id": "a", "type": "book", "title": "T", "collection-title": "3rd series"}],
                                  "biblatex"), "series") == "3rd series"


def test_bibtex_writes_the_printed_words():
    item = _read("@article{a, title={T}, journal={J}, series={newseries}}")
    assert _field(converter.write([item], "bibtex"), "series") == "new series"


DATES = [
    # (biblatex date, CSL date, written back)
    ("1998/..", {"date-parts": [[1998], [0]]}, "1998/.."),
    ("1999-10-14/", {"date-parts": [[1999, 10, 14], [0, 0, 0]]}, "1999-10-14/.."),
    ("../2001", {"date-parts": [[0], [2001]]}, "../2001"),
    ("1723~", {"date-parts": [[1723]], "circa": True}, "1723~"),
]


@pytest.mark.parametrize("text, date, back", DATES, ids=[d[0] for d in DATES])
def test_open_and_approximate_dates(text, date, back):
    item = _read("@book{a, title={T}, date={%s}}" % text)
    assert item["issued"] == date
    assert _field(converter.write([item], "biblatex"), "date") == back
    assert _read(converter.write([item], "biblatex"))["issued"] == date


def test_uncertain_date_stays_literal_with_a_warning():
    result = converter.read("@book{a, title={T}, date={1723?}}", "bibtex")
    assert result.records[0]["issued"] == {"literal": "1723?"}
    assert any(d.field == "date" and "1723?" in d.message for d in result.diagnostics)


def test_open_dates_are_valid_csl_json_and_render_as_open_ranges():
    need_shared()
    validator = jsonschema.Draft7Validator(load_json(SHARED / "csl-schema" / "csl-data.json"))
    items = [_read("@book{a%d, title={T}, date={%s}}" % (n, text)) for n, (text, _, _) in enumerate(DATES)]
    assert list(validator.iter_errors(json.loads(converter.write(items, "csljson")))) == []
    apa = converter.write(items[:1], "apa")
    assert "(1998–)" in apa
