"""Whatever reader ran, the hub's CSL-JSON validates against the official schema."""
from __future__ import annotations

import json

import jsonschema
import pytest

import converter
from conftest import SHARED, load_json, need_shared

INPUTS = ["corpus/real/asreview-scopus.ris", "corpus/real/asreview-ovid_psycinfo.ris",
          "corpus/real/asreview-pubmed_zotero.ris", "corpus/real/biblatex-examples.bib",
          "corpus/real/bibliotex-all.bib", "records/page-02.txt", "records/page-04.txt",
          "records/page-07.txt", "records/page-09.txt", "seed/regionology-2025-33-4-578.txt"]


@pytest.fixture(scope="module")
def validator():
    need_shared()
    return jsonschema.Draft7Validator(load_json(SHARED / "csl-schema" / "csl-data.json"))


@pytest.mark.parametrize("name", INPUTS)
def test_reader_output_is_valid_csl_json(name, validator):
    result = converter.read_file(SHARED / name)
    out = json.loads(converter.write(result.records, "csljson", references="all"))
    assert out
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(out)]
    assert errors == []
