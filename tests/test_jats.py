"""JATS out (-t jats) and in (-f jats): DTD validity checked by xmllint and by libxml2
through lxml against the JATS 1.3 DTD in ../shared/jats, the seed's facts, round trips
against the hand-made gold, real JATS input, and hostile XML."""
from __future__ import annotations

import copy
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import pytest
from lxml import etree

import converter
from conftest import GOLD, ROOT, SEED, SHARED, load_json, need_shared, require_tool, run_cli
from converter.errors import ParseError
from converter.readers import sniffers
from converter.writers import jats as jats_writer

FIXTURES = ROOT / "tests" / "fixtures" / "jats"
SEED_FIXTURE = FIXTURES / "seed-record.csl.json"
CATALOG = SHARED / "jats" / "catalog.xml"


# ---------------------------------------------------------------- validators

def _dtd_path_for(public_id: str) -> Path:
    """The DTD file the shared catalog maps a DOCTYPE public id to."""
    catalog = etree.parse(str(CATALOG))
    for entry in catalog.iter("{urn:oasis:names:tc:entity:xmlns:xml:catalog}public"):
        if entry.get("publicId") == public_id:
            return CATALOG.parent / entry.get("uri")
    raise AssertionError(f"public id {public_id!r} is not in {CATALOG}")


@pytest.fixture(scope="session")
def dtd() -> etree.DTD:
    need_shared()
    return etree.DTD(str(_dtd_path_for(jats_writer.M.JATS_PUBLIC_ID)))


def lxml_errors(xml: str, dtd: etree.DTD) -> List[str]:
    """DTD validity errors from libxml2 (through lxml), after checking the DOCTYPE names that DTD."""
    doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(load_dtd=False, no_network=True,
                                                                resolve_entities=False))
    assert doc.getroottree().docinfo.public_id == jats_writer.M.JATS_PUBLIC_ID
    if dtd.validate(doc):
        return []
    return [str(e) for e in dtd.error_log.filter_from_errors()]


def xmllint_errors(path: Path) -> str:
    """xmllint --valid with the offline catalog: resolves the DOCTYPE exactly as a user would."""
    xmllint = require_tool("xmllint")
    env = dict(os.environ, XML_CATALOG_FILES=str(CATALOG))
    proc = subprocess.run([xmllint, "--noout", "--nonet", "--valid", str(path)], env=env,
                          capture_output=True, text=True, timeout=120)
    return proc.stderr if proc.returncode else ""


def _seed_records() -> List[Dict[str, Any]]:
    return load_json(SEED_FIXTURE)


@pytest.fixture(scope="module", params=["fixture", "page"])
def seed(request) -> List[Dict[str, Any]]:
    """The seed record: the hand-built fixture (following converter/model.py), and the page
    reader's record of the real seed page."""
    need_shared()
    if request.param == "fixture":
        return _seed_records()
    return converter.read_file(SEED).records


# ---------------------------------------------------------------- the validators can fail

def test_validator_rejects_invalid_jats(dtd, tmp_path):
    """A negative control: the same checks on a document missing the required title-group."""
    xml = jats_writer.write_article(_seed_records()[0])
    broken = re.sub(r"<title-group>.*?</title-group>", "", xml, flags=re.S)
    assert lxml_errors(broken, dtd)
    path = tmp_path / "broken.xml"
    path.write_text(broken, encoding="utf-8")
    assert "title-group" in xmllint_errors(path) or "does not follow the DTD" in xmllint_errors(path)


# ---------------------------------------------------------------- writing the seed

def test_seed_jats_is_valid(seed, dtd, tmp_path):
    out = converter.write(seed, "jats")
    assert lxml_errors(str(out), dtd) == []
    path = tmp_path / "seed.xml"
    path.write_text(str(out), encoding="utf-8")
    assert xmllint_errors(path) == ""


def test_seed_jats_carries_every_fact(seed):
    out = str(converter.write(seed, "jats"))
    facts = load_json(GOLD / "article.facts.json")["must_appear_in_csljson"]
    missing = [f for f in facts if f not in out]
    assert missing == []


def test_seed_jats_structure(seed):
    root = etree.fromstring(str(converter.write(seed, "jats")).encode())
    meta = root.find("front/article-meta")
    assert meta.findtext("article-id[@pub-id-type='doi']") == "10.15507/2413-1407.129.033.202504.578-593"
    assert meta.findtext("article-id[@custom-type='edn']") == "LJUZFA"
    orcids = [e.text for e in meta.iter("contrib-id") if e.get("contrib-id-type") == "orcid"]
    assert orcids == ["https://orcid.org/0000-0001-9803-9904", "https://orcid.org/0009-0008-2877-3036"]
    credit = [r for r in meta.iter("role") if r.get("vocab") == "credit"]
    assert credit and all(r.get("vocab-term") == r.text and r.get("vocab-term-identifier").startswith(
        "https://credit.niso.org/contributor-roles/") for r in credit)
    assert [s.findtext("title") for s in meta.findall("abstract/sec")] == [
        "Introduction", "Materials and Methods", "Results", "Discussion and Conclusion"]
    assert meta.find("history/date[@date-type='accepted']").get("iso-8601-date") == "2025-09-11"
    refs = root.findall("back/ref-list/ref")
    assert len(refs) == 16
    for ref in refs:  # both forms of every reference
        assert ref.find("citation-alternatives/element-citation") is not None
        assert ref.findtext("citation-alternatives/mixed-citation")
    access = refs[2].find(".//date-in-citation")
    assert access.get("content-type") == "access-date" and access.get("iso-8601-date") == "2025-05-10"


def test_cli_writes_jats(tmp_path, dtd):
    need_shared()
    proc = run_cli(str(SEED_FIXTURE), "-f", "csljson", "-t", "jats", "-o", str(tmp_path / "out.xml"))
    assert proc.returncode == 0, proc.stderr
    assert b"ISSN unknown" in proc.stderr  # the empty <issn> the DTD forces is reported
    assert lxml_errors((tmp_path / "out.xml").read_text(encoding="utf-8"), dtd) == []


# ---------------------------------------------------------------- other inputs

def _corpus(name: str) -> List[Dict[str, Any]]:
    need_shared()
    if name == "deep-review-refs.json":
        return load_json(SHARED / "corpus" / "real" / "deep-review-refs.json")
    if name == "biblatex-examples.bib":
        return converter.read_file(SHARED / "corpus" / "real" / "biblatex-examples.bib", "biblatex").records
    if name.endswith(".ris"):
        return converter.read_file(SHARED / "corpus" / "real" / name, "ris").records
    if name == "biblatex-examples.items.json":  # the same entries as CSL-JSON, converted by others
        return load_json(SHARED / "oracle" / "apa" / "biblatex-examples.items.json")
    raise KeyError(name)


CORPORA = ["deep-review-refs.json", "biblatex-examples.bib", "biblatex-examples.items.json",
           "asreview-baseline_zotero.ris", "asreview-_baseline.ris"]


@pytest.mark.parametrize("name", CORPORA)
def test_every_record_as_an_article_is_valid(name, dtd):
    records = _corpus(name)
    invalid = {}
    for record in records:
        errors = lxml_errors(jats_writer.write_article(record), dtd)
        if errors:
            invalid[record.get("id")] = errors[:2]
    assert len(records) > 10 and invalid == {}


@pytest.mark.parametrize("name", CORPORA)
def test_records_as_a_reference_list_are_valid(name, dtd, tmp_path):
    records = _corpus(name)
    out = converter.write(records, "jats", references="all")
    assert "a JATS document holds one article" in " ".join(d.message for d in out.diagnostics)
    root = etree.fromstring(str(out).encode())
    assert len(root.findall("back/ref-list/ref")) == len(records)
    path = tmp_path / "refs.xml"
    path.write_text(str(out), encoding="utf-8")
    assert xmllint_errors(path) == ""
    assert lxml_errors(str(out), dtd) == []


def test_references_option_writes_the_seed_reference_list(dtd):
    out = converter.write(_seed_records(), "jats", references=True)
    root = etree.fromstring(str(out).encode())
    assert len(root.findall("back/ref-list/ref")) == 16
    assert root.findtext("front/article-meta/title-group/article-title") in (None, "")
    assert lxml_errors(str(out), dtd) == []


def test_unmappable_fields_are_reported_not_dropped_silently():
    items = [{"id": "x", "type": "book", "title": "T", "abstract": "An abstract.", "title-short": "T"},
             {"id": "y", "type": "book", "title": "U"}]
    out = converter.write(items, "jats")
    message = " ".join(d.message for d in out.diagnostics)
    assert "abstract (1)" in message and "title-short (1)" in message


def test_escaping_and_control_characters(dtd):
    item = {"id": "e", "type": "article-journal", "title": "A & B <i>not markup</i> \x0b",
            "container-title": "J & J", "ISSN": "1234-5678", "issued": {"date-parts": [[2020]]}}
    out = jats_writer.write_article(item)
    assert lxml_errors(out, dtd) == []
    record = converter.read(out, "jats").records[0]
    assert record["title"] == "A & B <i>not markup</i>"
    assert record["container-title"] == "J & J"


# ---------------------------------------------------------------- round trips

CORE = ["type", "title", "author", "container-title", "issued", "volume", "issue", "page", "DOI",
        "language", "keyword", "submitted"]
REF_FIELDS = ["type", "citation-number", "author", "title", "container-title", "issued", "volume",
              "issue", "page", "DOI", "URL", "accessed", "language", "note"]


def _dashes(value: Any) -> Any:
    """Page ranges compare equal whatever dash they use (CSL renders its own)."""
    return re.sub(r"[\u2010-\u2015]", "-", value) if isinstance(value, str) else value


def test_round_trip_keeps_gold_core_fields_and_all_references(seed):
    out = converter.write(seed, "jats")
    back = converter.read(str(out), "jats", source="seed.xml")
    record = back.records[0]
    gold = load_json(GOLD / "article.csl.json")
    assert {k: _dashes(record.get(k)) for k in CORE if k in gold} == {k: _dashes(gold[k]) for k in CORE if k in gold}
    refs = record["custom"]["references"]
    gold_refs = load_json(GOLD / "references.csl.json")
    assert len(refs) == 16
    for got, want in zip(refs, gold_refs):
        assert {k: _dashes(got.get(k)) for k in REF_FIELDS} == {k: _dashes(want.get(k)) for k in REF_FIELDS}, want["id"]
        assert got["source"]  # the original string came back too


def test_round_trip_keeps_all_custom_metadata(seed):
    """Everything under custom comes back, the reference list apart (compared with the gold above)."""
    record = seed[0]
    out = converter.write([record], "jats")
    assert not [d for d in out.diagnostics if "left out" in d.message]
    back = converter.read(str(out), "jats").records[0]
    want = copy.deepcopy({k: v for k, v in record["custom"].items() if k != "references"})
    got = {k: v for k, v in back["custom"].items() if k != "references"}
    # The page reader keeps the received date in both places; JATS has one <date date-type="received">.
    if "submitted" in want.get("dates", {}):
        assert back["submitted"] == {"date-parts": [[int(p) for p in want["dates"].pop("submitted").split("-")]]}
    assert got == want
    # the abstract is rebuilt from its sections; only the paragraph separator may differ
    assert back["abstract"].split() == record["abstract"].split()


def test_csljson_out_of_the_round_trip_validates_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    need_shared()
    back = converter.read(jats_writer.write_article(_seed_records()[0]), "jats")
    schema = load_json(SHARED / "csl-schema" / "csl-data.json")
    items = json.loads(str(converter.write(back, "csljson")))
    jsonschema.validate(items, schema)


# ---------------------------------------------------------------- reading JATS

READ_CASES = sorted(p.stem for p in (FIXTURES / "read").glob("*.xml"))


def _subset(expected: Any, got: Any, path: str = "") -> List[str]:
    """Where ``got`` differs from ``expected`` (keys of dicts in ``expected`` only; lists whole)."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return [d for k, v in expected.items()
                for d in ([f"{path}/{k}: missing"] if k not in got else _subset(v, got[k], f"{path}/{k}"))]
    if isinstance(expected, list) and isinstance(got, list) and len(expected) == len(got):
        return [d for i, (e, g) in enumerate(zip(expected, got)) for d in _subset(e, g, f"{path}[{i}]")]
    return [] if expected == got else [f"{path}: expected {expected!r}, got {got!r}"]


@pytest.mark.parametrize("case", READ_CASES)
def test_read_fixture(case):
    expected = load_json(FIXTURES / "read" / f"{case}.expected.json")
    warnings = expected.pop("warnings")
    result = converter.read_file(FIXTURES / "read" / f"{case}.xml")
    assert result.format == "jats"  # auto-detected
    assert _subset(expected, result.records[0]) == []
    messages = " | ".join(d.message for d in result.diagnostics)
    for fragment in warnings:
        assert fragment in messages
    if not warnings:
        assert result.diagnostics == []


def test_page_07_truncated_jats_export():
    need_shared()
    result = converter.read_file(SHARED / "records" / "page-07.txt")
    assert result.format == "jats"
    record = result.records[0]
    assert record["DOI"] == "10.21603/2500-3372-2026-11-1-121-130"
    assert record["custom"]["edn"] == "WKFAUL"
    assert record["title"] == "Demographic Drivers of Population Settlement Pasterns in Russia"
    assert record["container-title"].startswith("Bulletin of Kemerovo State University")
    assert record["custom"]["container-title-other"][0].startswith("Вестник Кемеровского")
    assert record["ISSN"] == "2500-3372, 2542-1190"
    # The export is cut at 2,000 characters, before the authors: said so, not hidden.
    assert "author" not in record
    truncated = [d for d in result.errors if "truncated" in d.message]
    assert truncated and truncated[0].line == 35
    assert any("no authors found" in d.message for d in result.warnings)


def test_sniffing():
    need_shared()
    assert converter.detect((SHARED / "records" / "page-07.txt").read_text(encoding="utf-8")) == "jats"
    assert sniffers.jats("Title\n\nSome page text about an article.") == 0
    assert sniffers.jats(jats_writer.write_article(_seed_records()[0])) == 100


def test_not_jats_is_a_parse_error():
    with pytest.raises(ParseError, match="not a JATS article"):
        converter.read("<html><body>x</body></html>", "jats")
    with pytest.raises(ParseError, match="not well-formed"):
        converter.read("this is not XML at all", "jats")
    cut = converter.read("<article><front", "jats")  # recovered: an article with nothing in it
    assert [d.severity for d in cut.diagnostics][:2] == ["error", "error"]


# ---------------------------------------------------------------- hostile XML

def test_external_entity_is_refused_without_being_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xxe = (f'<?xml version="1.0"?>\n<!DOCTYPE article [\n<!ENTITY xxe SYSTEM "{secret.as_uri()}">\n]>\n'
           '<article><front><article-meta><title-group><article-title>&xxe;</article-title>'
           '</title-group></article-meta></front></article>')
    with pytest.raises(ParseError) as err:
        converter.read(xxe, "jats", source="xxe.xml")
    assert "entity" in str(err.value) and err.value.line == 3
    assert "TOP-SECRET" not in str(err.value)


def test_external_entity_behind_a_comment_is_refused(tmp_path):
    """The pre-scan stops at the first element-like text; the post-parse check still refuses."""
    xxe = ('<!-- <b> --><!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           '<article><front><article-meta><title-group><article-title>&xxe;</article-title>'
           '</title-group></article-meta></front></article>')
    with pytest.raises(ParseError, match="entity"):
        converter.read(xxe, "jats")


def test_parameter_entity_to_the_network_is_refused():
    doc = '<!DOCTYPE article [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]><article/>'
    with pytest.raises(ParseError, match="entity"):
        converter.read(doc, "jats")


BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
                  + "".join(f' <!ENTITY lol{i} "{("&lol" + ("" if i == 1 else str(i - 1)) + ";") * 10}">\n'
                            for i in range(1, 10))
                  + ']>\n<article><front><article-meta><title-group><article-title>&lol9;</article-title>'
                    '</title-group></article-meta></front></article>')


def test_billion_laughs_is_refused():
    with pytest.raises(ParseError, match="entity"):
        converter.read(BILLION_LAUGHS, "jats")


def test_billion_laughs_behind_a_comment_stops_at_libxml2s_limit():
    with pytest.raises(ParseError, match="entity"):
        converter.read("<!-- <x> -->" + BILLION_LAUGHS.split("\n", 1)[1], "jats")


def test_external_dtd_is_not_fetched():
    """A DOCTYPE naming a DTD by URL reads fine offline: the DTD is never loaded."""
    doc = ('<!DOCTYPE article SYSTEM "http://127.0.0.1:9/never.dtd"><article><front><article-meta>'
           '<title-group><article-title>Offline&nbsp;only</article-title></title-group>'
           '</article-meta></front></article>')
    record = converter.read(doc, "jats").records[0]
    assert record["title"] == "Offline\u00a0only"


def test_hostile_file_through_the_cli(tmp_path):
    path = tmp_path / "lol.xml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    proc = run_cli(str(path), "-t", "csljson")
    assert proc.returncode == 4
    assert b"entity" in proc.stderr and b"Traceback" not in proc.stderr


def test_funding_acknowledgements_and_corresponding_author_both_ways(dtd):
    page = Path(__file__).parent / "fixtures" / "page"
    for name, expect in (("russian-dash-authors.txt", ("funding", "acknowledgements")),
                         ("numbered-affiliations.txt", ("funding",))):
        record = converter.read_file(page / name).records[0]
        out = str(converter.write([record], "jats"))
        assert lxml_errors(out, dtd) == []
        back = converter.read(out, "jats").records[0]
        for key in expect:
            assert back["custom"][key] == record["custom"][key]
    assert "<funding-statement>" in out and 'corresp="yes"' in out
    assert back["custom"]["authors"][0]["corresponding"] is True


def test_an_authors_english_block_on_a_russian_page_is_written_beside_the_russian(dtd):
    """The page reader keeps the English block about an author of a Russian page as
    custom.authors[].romanised: JATS carries it as an English name, degree, role and
    affiliation next to the Russian ones, and the DTD accepts it."""
    page = (Path(__file__).parent / "fixtures" / "page" / "author-in-both-scripts.txt").read_text(encoding="utf-8")
    xml = str(converter.write(converter.read(page, "page").records, "jats"))
    assert lxml_errors(xml, dtd) == []
    contrib = etree.fromstring(xml.encode()).find(".//contrib")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    english = contrib.find("name-alternatives/string-name[@specific-use='romanised']")
    assert english.text == "Tretiakov Oleg Vladimirovich" and english.get(lang) == "en"
    assert [d.text for d in contrib.findall("degrees")] == ["кандидат экономических наук", "Candidate of Economic Sciences"]
    assert [r.text for r in contrib.findall("role")] == ["доцент кафедры экономики", "Head of the Department of Economics"]
    affs = etree.fromstring(xml.encode()).findall(".//aff-alternatives/aff")
    assert [a.findtext("institution") for a in affs] == [
        "Пермский национальный исследовательский политехнический университет",
        "Perm National Research Polytechnic University"]
    back = converter.read(xml, "jats").records[0]["custom"]["authors"][0]
    assert back["affiliation"] == "Пермский национальный исследовательский политехнический университет"
    assert back["romanised"] == [{"literal": "Tretiakov Oleg Vladimirovich", "degree": "Candidate of Economic Sciences",
                                  "position": "Head of the Department of Economics",
                                  "affiliation": "Perm National Research Polytechnic University"}]
    assert back["degree"] == "кандидат экономических наук" and back["position"] == "доцент кафедры экономики"
