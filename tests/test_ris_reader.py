"""The RIS reader: golden fixtures, the real exports in ../shared/corpus/real, the broken files
in ../shared/corpus/bad, encodings, and rispy as an independent reader of the same files."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rispy

import converter
from conftest import SHARED, need_shared
from converter.errors import InputError, ParseError
from converter.mappings.ris import BY_TAG
from converter.readers.ris import parse_name
from converter.readers.sniffers import ris as sniff
from converter.vocabulary.languages import bcp47

FIXTURES = Path(__file__).parent / "fixtures" / "ris"
REAL = SHARED / "corpus" / "real"
BAD = SHARED / "corpus" / "bad"


def _diag_summary(diags):
    return sorted(((d.line or 0), d.field or "", d.severity) for d in diags)


@pytest.mark.parametrize("case", sorted(p.stem for p in FIXTURES.glob("*.ris")))
def test_fixture(case):
    """Each tests/fixtures/ris/<case>.ris reads into the hand-written records of <case>.json,
    with diagnostics at the expected lines."""
    expected = json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8"))
    result = converter.read_file(FIXTURES / f"{case}.ris", "ris")
    assert result.records == expected["records"]
    want = sorted((d["line"], d["field"] or "", d["severity"]) for d in expected["diagnostics"])
    assert _diag_summary(result.diagnostics) == want, [str(d) for d in result.diagnostics]


# Records and diagnostics per real export. The diagnostics are: Zotero's 'nan' after the last
# date slash (baseline_zotero), Zotero's 'undefined' likewise (pubmed_zotero), Ovid's NL tag after
# ER, its 'Link to the Ovid Full Text' lines between records, and its 'No Specified' pages.
REAL_COUNTS = {
    "asreview-_baseline.ris": (100, 0),
    "asreview-baseline_zotero.ris": (100, 7),
    "asreview-embase.ris": (6, 0),
    "asreview-ovid_psycinfo.ris": (6, 15),
    "asreview-proquest.ris": (6, 0),
    "asreview-pubmed_zotero.ris": (6, 3),
    "asreview-ris_many_authors.ris": (1, 0),
    "asreview-scopus.ris": (6, 0),
}


def real_files():
    return sorted(p.name for p in REAL.glob("*.ris")) if REAL.is_dir() else list(REAL_COUNTS)


@pytest.mark.parametrize("name", real_files())
def test_real_export_counts(name):
    need_shared()
    result = converter.read_file(REAL / name, "ris")
    assert (len(result.records), len(result.diagnostics)) == REAL_COUNTS[name], \
        [str(d) for d in result.diagnostics]
    assert all(d.line for d in result.diagnostics)


def _words(value) -> set:
    """Lower-case words of a JSON value; numbers without leading zeros ('07' and 7 match)."""
    words = re.findall(r"\w+", " ".join(_strings(value)).lower())
    return {str(int(w)) if w.isdigit() else w for w in words}


def _strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    else:
        yield str(value)


# Warned about (see REAL_COUNTS), or a DOI's URL prefix ('http://dx.doi.org/10.1/x' -> '10.1/x').
_DROPPED_ON_PURPOSE = {"nan", "undefined", "no", "specified", "http", "https", "dx", "doi", "org"}
# Zotero's notes are HTML (N1  - <p>...</p>): read as their text, without the tags.
_DROPPED_ON_PURPOSE |= {"p", "br", "div", "span", "strong", "em"}


@pytest.mark.parametrize("name", real_files())
def test_real_export_keeps_what_rispy_sees(name):
    """rispy, read independently, finds no word in a record that our record lacks."""
    need_shared()
    text = (REAL / name).read_text(encoding="utf-8-sig")
    theirs = rispy.loads(text, skip_unknown_tags=False, enforce_list_tags=False)
    ours = converter.read_file(REAL / name, "ris").records
    assert len(theirs) == len(ours)
    for their, our in zip(theirs, ours):
        # rispy's type code is not compared: ours is a CSL type (the writer maps it back).
        # A language name is read as its BCP 47 tag ('English' -> 'en'): compare it as a tag.
        if isinstance(their.get("language"), str) and bcp47(their["language"]):
            assert our.get("language") == bcp47(their["language"]), our["id"]
            their = {k: v for k, v in their.items() if k != "language"}
        missing = _words(their) - _words(our) - _DROPPED_ON_PURPOSE - _words(their["type_of_reference"])
        assert not missing, (our["id"], sorted(missing)[:20])


def test_legacy_and_modern_tags_agree():
    legacy = "TY  - JOUR\nA1  - Doe, Jane\nT1  - Title\nJF  - Journal\nY1  - 2001\nN2  - Abs\nER  - \n"
    modern = "TY  - JOUR\nAU  - Doe, Jane\nTI  - Title\nT2  - Journal\nPY  - 2001\nAB  - Abs\nER  - \n"
    assert converter.read(legacy, "ris").records == converter.read(modern, "ris").records


@pytest.mark.parametrize("value, name", [
    ("Doe, Jane", {"family": "Doe", "given": "Jane"}),
    ("de Bruin, Jonathan", {"non-dropping-particle": "de", "family": "Bruin", "given": "Jonathan"}),
    ("van de Schoot, Rens", {"non-dropping-particle": "van de", "family": "Schoot", "given": "Rens"}),
    ("hooks, bell", {"family": "hooks", "given": "bell"}),
    ("de la cruz, ana", {"family": "de la cruz", "given": "ana"}),
    ("King, Martin Luther, Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
    ("Liu R.", {"family": "Liu", "given": "R."}),
    ("Akimov Yu.G.", {"family": "Akimov", "given": "Yu.G."}),
    ("World Health Organization", {"literal": "World Health Organization"}),
    ("Doe,", {"family": "Doe"}),
])
def test_parse_name(value, name):
    assert parse_name(value) == name


# ---- broken input: ../shared/corpus/bad ----------------------------------------------------

def test_bad_invalid_utf8_keeps_every_record():
    need_shared()
    result = converter.read_file(BAD / "invalid_utf8.ris", "ris")
    assert len(result.records) == 10
    [diag] = result.diagnostics
    assert diag.line == 81 and "UTF-8" in diag.message and diag.source.endswith("invalid_utf8.ris")
    # The one bad byte is replaced in its own title; the names around it are intact.
    assert "\ufffd" in result.records[4]["title"]
    assert result.records[4]["author"][4] == {"family": "Козлов", "given": "Николай Андреевич"}


def test_bad_missing_er_keeps_both_neighbours():
    need_shared()
    result = converter.read_file(BAD / "missing_er.ris", "ris")
    assert [r["id"] for r in result.records][4:6] == ["smith1975_4", "anderson2004_5"]
    assert len(result.records) == 10
    [diag] = result.diagnostics
    assert (diag.line, diag.field, diag.severity) == (71, "ER", "warning")
    assert "line 94" in diag.message
    # The record without ER ends before the next TY: nothing of the next one leaks into it.
    assert result.records[4]["title"] == "Nonlinear control of CO₂ adsorption"


def test_bad_truncated_keeps_the_cut_record_with_a_warning():
    """A file without ER and final newline is read as Zotero reads it, the last record kept; the
    warning names the tag whose value may be cut short."""
    need_shared()
    result = converter.read_file(BAD / "truncated.ris", "ris")
    assert [r["id"] for r in result.records][:4] == [
        "jorgensen1963_0", "kovacevic2008_1", "ibanez1971_2", "walker1981_3"]
    assert result.records[4]["title"] == "Nonlinear con"
    [diag] = result.diagnostics
    assert (diag.line, diag.severity, diag.field) == (71, "warning", "TI") and "cut short" in diag.message


def test_bad_cli_reports_file_and_line(tmp_path):
    need_shared()
    from conftest import run_cli
    proc = run_cli("-f", "ris", "-t", "csljson", str(BAD / "truncated.ris"))
    assert proc.returncode == 0
    assert re.search(rb"truncated\.ris:71: warning: file ends inside this record", proc.stderr)
    assert len(json.loads(proc.stdout)) == 5


def test_strict_turns_warnings_into_an_error():
    need_shared()
    from converter.errors import StrictError
    with pytest.raises(StrictError) as err:
        converter.read_file(BAD / "missing_er.ris", "ris", strict=True)
    assert "missing_er.ris:71" in str(err.value)


def test_nothing_readable_is_a_parse_error():
    with pytest.raises(ParseError):
        converter.read("just some text\nwith no tags\n", "ris")
    with pytest.raises(ParseError):
        converter.read("TY  - JOUR\nER  - \n", "ris")


def test_tag_before_any_record_is_an_error_with_its_line():
    result = converter.read("AU  - Doe, Jane\nTY  - JOUR\nTI  - T\nER  - \n", "ris")
    assert [(d.line, d.field, d.severity) for d in result.diagnostics] == [(1, "AU", "error")]
    assert result.records[0]["title"] == "T"


def test_duplicate_ids_are_made_unique_with_a_warning():
    text = "TY  - JOUR\nID  - k\nTI  - A\nER  - \nTY  - JOUR\nID  - k\nTI  - B\nER  - \n"
    result = converter.read(text, "ris")
    assert [r["id"] for r in result.records] == ["k", "k-2"]
    assert [(d.line, d.field) for d in result.diagnostics] == [(5, "ID")]


# ---- encodings ----------------------------------------------------------------------------

CYRILLIC_RIS = ("TY  - JOUR\r\nAU  - Козлов, Николай Андреевич\r\nTI  - Парадипломатия регионов России\r\n"
                "T2  - Регионология\r\nPY  - 2020\r\nER  - \r\n")
LATIN_RIS = ("TY  - JOUR\r\nAU  - Calderón Antón, José de Jesús\r\nAU  - Müller, Jürgen\r\n"
             "TI  - Économie française\r\nPY  - 2020\r\nER  - \r\n")


@pytest.mark.parametrize("text, codec", [(CYRILLIC_RIS, "cp1251"), (LATIN_RIS, "cp1252")])
def test_legacy_code_page_is_detected(text, codec):
    result = converter.read(text.encode(codec), "ris", source="legacy.ris")
    assert result.records == converter.read(text, "ris").records
    assert any(codec in d.message and d.line for d in result.diagnostics)


@pytest.mark.parametrize("text, codec", [(CYRILLIC_RIS, "cp1251"), (LATIN_RIS, "cp1252")])
def test_legacy_code_page_can_be_named(text, codec):
    result = converter.read(text.encode(codec), "ris", encoding=codec)
    assert result.records == converter.read(text, "ris").records
    assert result.diagnostics == []


def test_utf8_with_and_without_bom_read_the_same():
    plain = converter.read(LATIN_RIS.encode("utf-8"), "ris")
    bom = converter.read(b"\xef\xbb\xbf" + LATIN_RIS.encode("utf-8"), "ris")
    assert plain.records == bom.records and not plain.diagnostics and not bom.diagnostics


def test_sniff():
    assert sniff("1.\nTY  - JOUR\nTI  - x\nER  -\n") == 90
    assert sniff("@article{x, title={y}}") == 0
    assert sniff('[{"type": "book", "id": "x"}]') == 0


# ---- the synthetic corpus: RIS written by ../shared/tools/gen_corpus.py from known CSL-JSON ------

def _full_name(name):
    """A name as RIS can say it: particles join the family name (RIS cannot tell dropping from
    non-dropping particles)."""
    if "literal" in name:
        return (name["literal"],)
    family = " ".join(name[k] for k in ("non-dropping-particle", "dropping-particle", "family")
                      if name.get(k))
    return (family, name.get("given"), name.get("suffix"))


def test_synthetic_corpus_reads_back_its_csl(tmp_path):
    need_shared()
    import subprocess
    import sys
    prefix = tmp_path / "syn"
    subprocess.run([sys.executable, str(SHARED / "tools" / "gen_corpus.py"), "1000", str(prefix)],
                   check=True, timeout=120)
    truth = json.loads(prefix.with_suffix(".json").read_text(encoding="utf-8"))
    result = converter.read_file(prefix.with_suffix(".ris"), "ris")
    assert len(result.records) == len(truth) == 1000 and result.diagnostics == []
    carried = ["id", "type", "title", "container-title", "container-title-short", "ISSN", "issued",
               "volume", "issue", "DOI", "URL", "publisher", "language"]  # what gen_corpus writes
    for want, got in zip(truth, result.records):
        assert {k: got.get(k) for k in carried} == {k: want.get(k) for k in carried}
        assert got["page"] == want["page"].replace("\u2013", "-")
        assert [_full_name(a) for a in got["author"]] == [_full_name(a) for a in want["author"]]


# ---- robustness: any text gives records + diagnostics or a ParseError, never a traceback --------

_TAGS = sorted(set(BY_TAG) | {"JO", "ER", "TY", "XX", "U1", "L2"})


def _ris_like_lines():
    from hypothesis import strategies as st
    value = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
    tag_line = st.tuples(st.sampled_from(_TAGS), value).map(lambda p: f"{p[0]}  - {p[1]}")
    return st.lists(st.one_of(tag_line, value, st.just(""), st.just("TY  - JOUR"), st.just("ER  - ")),
                    max_size=30).map("\n".join)


def _range_as_sp_and_ep(record):
    """A page range comes back from SP and EP joined by a hyphen ('0 -0', '12–15' -> '0-0', '12-15'):
    RIS keeps a range's two ends, not how it was printed (test_ris_writer.test_a_page_range_is_written_as_sp_and_ep)."""
    m = re.fullmatch(r"\s*([^\s,\-\u2013\u2014]+)\s*[-\u2013\u2014]+\s*([^\s,\-\u2013\u2014]+)\s*", record.get("page", ""))
    return dict(record, page=f"{m.group(1)}-{m.group(2)}") if m else record


def test_any_input_reads_cleanly_and_round_trips():
    from hypothesis import given, settings

    @settings(max_examples=300, deadline=None)
    @given(_ris_like_lines())
    def check(text):
        try:
            result = converter.read(text, "ris")
        except ParseError as exc:
            assert exc.source == "<input>"
            return
        except InputError:
            assert not text.strip()
            return
        assert all(d.line for d in result.diagnostics)
        again = converter.read(str(converter.write(result.records, "ris")), "ris")
        assert again.records == [_range_as_sp_and_ep(record) for record in result.records]

    check()


def test_cli_named_encoding(tmp_path):
    from conftest import run_cli
    path = tmp_path / "legacy.ris"
    path.write_bytes(CYRILLIC_RIS.encode("cp1251"))
    proc = run_cli("-f", "ris", "--encoding", "cp1251", str(path))
    assert proc.returncode == 0 and proc.stderr == b""
    assert json.loads(proc.stdout)[0]["author"] == [{"family": "Козлов", "given": "Николай Андреевич"}]


def test_old_zotero_doi_in_m3():
    text = "TY  - JOUR\nTI  - T\nM3  - 10.1000/xyz123\nER  - \nTY  - JOUR\nTI  - U\nM3  - Article\nER  - \n"
    first, second = converter.read(text, "ris").records
    assert first["DOI"] == "10.1000/xyz123" and "genre" not in first
    assert second["genre"] == "Article" and "DOI" not in second


@pytest.mark.parametrize("value,expected", [("English", "en"), ("eng", "en"), ("rus", "ru"), ("en-GB", "en-GB"),
                                            ("en_US", "en-US"), ("eng-gb", "en-GB"), ("zh-hant-tw", "zh-Hant-TW"),
                                            ("Klingon", "Klingon")])
def test_language_is_read_as_a_bcp47_tag(value, expected):
    result = converter.read(f"TY  - JOUR\nTI  - Title\nLA  - {value}\nER  - \n", "ris")
    assert result.records[0]["language"] == expected
    assert bool(result.warnings) == (expected == "Klingon")  # an unknown language is kept and reported


def test_keyword_of_separators_only_survives_a_round_trip():
    """Found by the property test above: 'KW  - ,' was written as no KW line at all."""
    text = "TY  - JOUR\nKW  - ,\nER  - \n"
    first = converter.read(text, "ris").records
    assert converter.read(str(converter.write(first, "ris")), "ris").records == first


@pytest.mark.parametrize("terms", [["0", ";"], ["a; b", "c"], ["a, b", "c"], ["x", "y"]])
def test_keywords_come_back_as_the_same_kw_lines(terms):
    # found by the property test above: KW '0' and KW ';' joined to '0, ;' came back as one term
    text = "TY  - JOUR\n" + "".join(f"KW  - {t}\n" for t in terms) + "ER  - \n"
    item = converter.read(text, "ris").records[0]
    again = converter.read(str(converter.write([item], "ris")), "ris").records[0]
    assert again == item
    written = [line[6:] for line in str(converter.write([item], "ris")).splitlines() if line.startswith("KW")]
    assert written == terms
