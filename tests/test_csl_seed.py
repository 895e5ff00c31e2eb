"""The seed's exact APA and GOST strings (gold/seed/expected.json), from the gold CSL-JSON
and from the real page through the page reader."""
from __future__ import annotations

import copy

import pytest

import converter
from conftest import GOLD, SEED, load_json, need_shared, run_cli

FORMATS = [("apa", {}), ("gost", {}), ("gost@en", {"locale": "en"}), ("gost-2008", {})]
REFS = ["ref-1", "ref-3", "ref-7", "ref-12", "ref-15"]


@pytest.fixture(scope="module")
def expected():
    need_shared()
    return load_json(GOLD / "expected.json")


@pytest.fixture(scope="module")
def gold_record():
    """The gold article with its gold references; both come from a Title Case page."""
    need_shared()
    article = load_json(GOLD / "article.csl.json")
    refs = load_json(GOLD / "references.csl.json")
    for item in [article, *refs]:
        item.setdefault("custom", {})["title-case"] = True
    article["custom"]["references"] = refs
    return article


@pytest.mark.parametrize("fmt,opts", FORMATS, ids=[f for f, _ in FORMATS])
def test_gold_article(gold_record, expected, fmt, opts):
    out = converter.write([copy.deepcopy(gold_record)], fmt.split("@")[0], **opts)
    assert out.strip() == expected["article"][fmt]


@pytest.mark.parametrize("fmt,opts", FORMATS[:3], ids=[f for f, _ in FORMATS[:3]])
def test_gold_references(gold_record, expected, fmt, opts):
    lines = converter.write([gold_record], fmt.split("@")[0], references=True, **opts).splitlines()
    assert len(lines) == 16
    for ref in REFS:
        assert expected[ref][fmt] in lines, ref


def _real_record():
    need_shared()
    return converter.read_file(SEED).records[0]


@pytest.mark.parametrize("fmt,opts", FORMATS, ids=[f for f, _ in FORMATS])
def test_real_seed_article(expected, fmt, opts):
    record = _real_record()
    assert (record.get("custom") or {}).get("title-case"), "the page reader must mark Title Case titles"
    assert converter.write([record], fmt.split("@")[0], **opts).strip() == expected["article"][fmt]


@pytest.mark.parametrize("fmt,opts", FORMATS[:3], ids=[f for f, _ in FORMATS[:3]])
def test_real_seed_references(expected, fmt, opts):
    record = _real_record()
    assert (record.get("custom") or {}).get("title-case"), "the page reader must mark Title Case titles"
    lines = converter.write([record], fmt.split("@")[0], references=True, **opts).splitlines()
    for ref in REFS:
        assert expected[ref][fmt] in lines, ref


def test_cli_gost_reads_the_page():
    """The command a user types: volume words follow each item's language."""
    need_shared()
    proc = run_cli(str(SEED), "-t", "gost", "--references", "-q")
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")
    assert "– Т. 15, № 3. – С. 83–99." in text      # Russian-language item
    assert "– No. 66. – P. 3–26." in text            # English-language item (Paquin)
    assert text.count("\n") == 16
