"""The seed page against the hand-made gold and the official CSL-JSON schema (issue 2)."""
from __future__ import annotations

import importlib.util
import json

import jsonschema
import pytest

import converter
from conftest import GOLD, SEED, SHARED, load_json, need_shared, run_cli


@pytest.fixture(scope="module")
def seed_json() -> str:
    need_shared()
    proc = run_cli(str(SEED), "-t", "csljson")
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def refs_json() -> str:
    need_shared()
    proc = run_cli(str(SEED), "--references", "-t", "csljson")
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode("utf-8")


def _schema():
    return load_json(SHARED / "csl-schema" / "csl-data.json")


def test_article_validates_against_csl_schema(seed_json):
    jsonschema.validate(json.loads(seed_json), _schema())


def test_references_validate_against_csl_schema(refs_json):
    jsonschema.validate(json.loads(refs_json), _schema())


def test_core_fields_equal_gold(seed_json):
    item = json.loads(seed_json)[0]
    gold = load_json(GOLD / "article.csl.json")
    for key, value in gold.items():
        ours = item.get(key)
        if key == "page":  # a hyphen or an en dash
            ours, value = ours.replace("\u2013", "-"), value.replace("\u2013", "-")
        assert ours == value, key


def test_every_fact_survives(seed_json):
    facts = load_json(GOLD / "article.facts.json")["must_appear_in_csljson"]
    missing = [f for f in facts if f not in seed_json]
    assert missing == []


def _score_refs():
    spec = importlib.util.spec_from_file_location("score_refs", SHARED / "tools" / "score_refs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_references_score_against_gold(refs_json):
    score = _score_refs()
    gold = load_json(GOLD / "references.csl.json")
    result = score.evaluate(gold, json.loads(refs_json))
    assert result["micro"]["f1"] >= 0.98, score.format_report(result)
    assert result["exact"] >= 15, score.format_report(result)


def test_each_reference_keeps_its_original_string(refs_json):
    refs = json.loads(refs_json)
    page = " ".join(SEED.read_text(encoding="utf-8").split())  # NBSP and line breaks become spaces
    assert len(refs) == 16
    for ref in refs:
        assert ref["source"] in page
        assert ref["source"].startswith(ref["author"][0]["family"][:3])


def test_round_trip_is_byte_identical(seed_json, tmp_path):
    first = tmp_path / "seed.json"
    first.write_text(seed_json, encoding="utf-8")
    proc = run_cli(str(first), "-f", "csljson", "-t", "csljson")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode("utf-8") == seed_json


def test_all_gives_article_then_references():
    need_shared()
    out = converter.write(converter.read_file(SEED).records, "csljson", references="all")
    items = json.loads(out)
    assert len(items) == 17
    assert items[0]["title"].startswith("Specifics of Russian Paradiplomacy")
    assert [i["citation-number"] for i in items[1:]] == [str(n) for n in range(1, 17)]


def test_example_copy_is_the_seed():
    need_shared()
    from conftest import EXAMPLE_SEED

    assert EXAMPLE_SEED.read_bytes() == SEED.read_bytes()
