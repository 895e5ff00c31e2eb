"""The fast .bib splitter (converter/readers/bibtex_split.py) against bibtexparser's: wherever
the fast one takes a file, reading it must give the same records, diagnostics and lines as
reading it through bibtexparser; files it refuses go to bibtexparser whole."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

import converter
from conftest import ROOT, SHARED, need_shared
from converter.errors import ConversionError
from converter.readers import bibtex


def _read(text: str, *, fast: bool, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(bibtex, "split_blocks", lambda text, first_line=0: None)
        try:
            result = bibtex.read(text)
        except ConversionError as exc:
            return ("error", str(exc), exc.line)
        return result.records, [str(d) for d in result.diagnostics], result.origins


def _takes(text: str) -> bool:
    return bibtex.split_blocks(bibtex.COMMENT_LINE.sub("", text)) is not None


def _bib_files() -> list[Path]:
    files = sorted((ROOT / "tests").rglob("*.bib"))
    if SHARED.is_dir():
        files += sorted(SHARED.rglob("*.bib"))
    return files


@pytest.mark.parametrize("path", _bib_files(), ids=lambda p: p.name)
def test_same_reading_as_bibtexparser(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert _read(text, fast=True, monkeypatch=monkeypatch) == _read(text, fast=False, monkeypatch=monkeypatch)


def test_real_collection_with_repeated_keys_and_fields_takes_the_fast_path() -> None:
    need_shared()
    text = (SHARED / "corpus" / "real" / "bibliotex-all.bib").read_text(encoding="utf-8")
    blocks = bibtex.split_blocks(bibtex.COMMENT_LINE.sub("", text))
    assert blocks is not None
    assert {a.kind for a in blocks.again} == {"entry", "fields"}  # set aside as bibtexparser does
    assert len(blocks.entries) > 2800


@pytest.mark.parametrize("text", [
    "@article{a,\n  title = {Open\n",  # never closes
    "@article{a title = {x}}\n",  # no comma after the key
    "@article(a, title = {x})\n",  # parenthesised
    "@article{a,\n  title = {x \\\n y}\n}\n",  # bibtexparser does not count this line break
    "@article{a,\n  title = {x\n@book{b, title = {y}}\n",  # a block starts inside a value
])
def test_irregular_files_go_to_bibtexparser(text: str) -> None:
    assert not _takes(text)


_PIECES = list('{}",=@\n#%\\ ()') + ["@article{", "@string{", "@comment{", "@preamble{", '{"}', ",\n}",
                                      "\n@misc{x,\n", "title = {a},", "\\\n"]


def test_mutated_files_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of real and synthetic .bib files with random edits (braces, quotes, commas, block
    starts): the fast path either refuses them or reads them exactly as bibtexparser does."""
    need_shared()
    sources = [(SHARED / "corpus" / "real" / name).read_text(encoding="utf-8")
               for name in ("biblatex-examples.bib", "bibliotex-all.bib")]
    rng = random.Random(15)
    taken = 0
    for _ in range(300):
        source = rng.choice(sources)
        start = source.find("\n@", rng.randrange(len(source))) + 1
        end = source.find("\n@", start + rng.randrange(100, 2500))
        text = source[start:end if end > 0 else len(source)]
        for _ in range(rng.randrange(4)):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.5:
                text = text[:at] + rng.choice(_PIECES) + text[at:]
            else:
                text = text[:at] + text[at + rng.randrange(1, 4):]
        if not _takes(text):
            continue
        taken += 1
        assert _read(text, fast=True, monkeypatch=monkeypatch) == _read(text, fast=False, monkeypatch=monkeypatch), text
    assert taken > 100  # the check must exercise the fast path


def test_simple_value_short_cut_ends_values_where_the_scanner_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_SIMPLE_VALUE`` and ``_SIMPLE_FIELD`` (possessive, so that a long value costs no
    backtracking memory) are only short cuts: on random values the scanner reads every entry
    the same without them."""
    from converter.readers import bibtex_split

    rng = random.Random(18)
    alphabet = list('ab {}",\\@\nx') + ["{a}", '"b"', "}}"]
    taken = 0
    for _ in range(400):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        text = f"@article{{k,\n  title = {{{value}}},\n  note = {value}\n}}\n"
        if not _takes(text):
            continue
        with_short_cut = _read(text, fast=True, monkeypatch=monkeypatch)
        with monkeypatch.context() as patch:
            patch.setattr(bibtex_split, "_SIMPLE_VALUE", bibtex_split.re.compile(r"(?!)"))
            patch.setattr(bibtex_split, "_SIMPLE_FIELD", bibtex_split.re.compile(r"(?!)"))
            without = _read(text, fast=True, monkeypatch=monkeypatch)
        assert with_short_cut == without, text
        taken += 1
    assert taken > 50  # the check must exercise the fast path


@pytest.mark.parametrize("fast", [True, False])
def test_line_break_before_a_closing_brace_or_quote(fast: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """'\\\\' is TeX's line break, not an escaped brace: '{One\\\\}' closes its value for BibTeX and
    biber, and must for us too, on either splitter (found by the writer round-trip property test:
    an addendum of '\\\\' lost its entry)."""
    if not fast:
        monkeypatch.setattr(bibtex, "split_blocks", lambda text, first_line: None)
    text = ('@article{a, title = {One\\\\}, addendum = {\\\\}}\n'
            '@article{b, title = "Two\\\\", note = {x \\\\{y\\\\}}}\n'
            '@article{c, title = {Three}}\n')
    records = converter.read(text, "bibtex").records
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert [r["title"] for r in records] == ["One", "Two", "Three"]
    assert "y" in records[1]["note"]


def test_round_trip_of_a_backslash_pair_keeps_every_entry() -> None:
    items = [{"id": "b", "type": "article-journal"},
             {"id": "a", "type": "article-journal", "title": "", "custom": {"bibtex": {"addendum": "\\\\"}}}]
    out = str(converter.write(items, "bibtex"))
    assert len(converter.read(out, "bibtex").records) == 2
