"""Coverage-guided fuzzing of one reader with atheris (issue 18).

    python -m tools.fuzz READER [-max_total_time=3600] [other libFuzzer flags]

READER is a registered reader (bibtex, ris, csljson, crossref, jats, html, page, reference,
references). Each input goes through ``converter.read(data, READER)`` as bytes, so decoding
and the limits are fuzzed too; anything but a ConversionError is a crash.

READER ``bibtex-stream`` is differential: the record-by-record BibTeX reader
(readers/bibtex_stream.py), cut into pieces of 1-256 characters (the input's first byte says
how many) so that blocks, macros and parents fall in different pieces, must give the whole-file
reader's records, ids and lines, or fail as it fails. READER ``ris-stream`` likewise cuts a RIS
text where the forked reading does (readers/ris_stream.py, pieces of 1-256 characters read at a
time) and reads the pieces one after another: their records, lines and diagnostics must be the
whole text's (the cuts are sound). The seed corpus is
the reader's fixtures plus the regression fixtures; libFuzzer's working corpus goes to
/tmp/citeconv-fuzz/READER. A crashing input is copied to tests/fixtures/fuzz/READER/, where
tests/test_fuzz_regressions.py replays it in the normal test run.

atheris is a development tool (pip install atheris); it is not a dependency of the package.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGRESSIONS = ROOT / "tests" / "fixtures" / "fuzz"
WORK = Path("/tmp/citeconv-fuzz")
SEED_DIRS = {"bibtex": ["bibtex"], "bibtex-stream": ["bibtex"], "ris": ["ris"], "ris-stream": ["ris"], "csljson": ["csljson"], "crossref": ["crossref"],
             "jats": ["jats"], "html": ["html", "htmlmeta"], "page": ["page"],
             "reference": ["references"], "references": ["references"]}
SEED_BYTES = 20_000  # bigger seeds only slow libFuzzer down


def seeds(reader: str) -> list[Path]:
    found = []
    for name in SEED_DIRS.get(reader, [reader]):
        folder = ROOT / "tests" / "fixtures" / name
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.is_file() and p.stat().st_size <= SEED_BYTES]
    regressions = REGRESSIONS / reader
    if regressions.is_dir():
        found += [p for p in regressions.iterdir() if p.is_file()]
    return found


def check_bibtex_stream(data: bytes) -> None:
    """The differential target: raises AssertionError where the streamed reading differs from
    the whole-file reading, and lets any exception but ConversionError through."""
    import io

    from converter.errors import ConversionError
    from converter.model import Diagnostics
    from converter.readers import bibtex, bibtex_stream

    piece_chars = (data[0] if data else 0) + 1
    text = data[1:].decode("utf-8", errors="replace")
    try:
        result = bibtex.read(text, source="<fuzz>")
        whole: object = [(r, result.origins.get(r["id"])) for r in result.records]
    except ConversionError as exc:
        whole = ("error", str(exc))
    saved = bibtex_stream.PIECE_CHARS
    bibtex_stream.PIECE_CHARS = piece_chars
    try:
        lines = io.StringIO(text, newline="")
        streamed: object = [(item, ("<fuzz>", line))
                            for item, line in bibtex_stream.stream(lines, diags=Diagnostics("<fuzz>"))]
    except ConversionError as exc:
        streamed = ("error", str(exc))
    finally:
        bibtex_stream.PIECE_CHARS = saved
    assert streamed == whole, f"streamed {streamed!r}\nwhole    {whole!r}"


def check_ris_stream(data: bytes) -> None:
    """The differential target for RIS: the pieces the forked reading cuts, read in turn with the
    ids given before them, must give the whole text's items, lines and diagnostics."""
    import io

    from converter.model import Diagnostics
    from converter.readers import ris, ris_stream

    text = data[1:].decode("utf-8", errors="replace")
    whole_diags = Diagnostics("<fuzz>")
    whole = list(ris.iter_items(ris.iter_records(io.StringIO(text, newline=""), whole_diags), whole_diags))
    saved = ris_stream.PIECE_CHARS
    ris_stream.PIECE_CHARS = (data[0] if data else 0) + 1
    try:
        ids, streamed, told = ris.Ids(), [], []
        for piece, first_line, feeds in ris_stream.pieces(io.StringIO(text, newline="").read):
            ids, entries, after = ris_stream.read_piece(piece, first_line, feeds, ids, "<fuzz>", None)
            for item, line, before, _ in entries:
                told += [d.format() for d in before]
                streamed.append((item, line))
            told += [d.format() for d in after]
    finally:
        ris_stream.PIECE_CHARS = saved
    assert streamed == whole, f"streamed {streamed!r}\nwhole    {whole!r}"
    assert told == [d.format() for d in whole_diags], f"told {told!r}\nwhole {[d.format() for d in whole_diags]!r}"


def check(reader: str, data: bytes, source: str = "<fuzz>") -> None:
    """One input through one target; a ConversionError is an answer, anything else a crash."""
    from converter.errors import ConversionError

    if reader == "bibtex-stream":
        check_bibtex_stream(data)
        return
    if reader == "ris-stream":
        check_ris_stream(data)
        return
    import converter
    try:
        converter.read(data, reader, source=source)
    except ConversionError as err:
        assert err.source == source, f"error names {err.source!r}, not {source!r}"


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    reader = argv[1]
    try:
        import atheris  # type: ignore[import-untyped]  # a development tool, without stubs
    except ImportError:
        print("tools.fuzz needs atheris: pip install atheris", file=sys.stderr)
        return 2
    with atheris.instrument_imports():
        import converter
        from converter.errors import ConversionError
        # readers are imported on first use: load this one now, so that it is instrumented
        converter.registry.get(reader.removesuffix("-stream"), "reader").load("reader")
        from converter.readers import bibtex_stream, ris_stream  # noqa: F401  # instrumented for the -stream targets
        # some readers import their helpers (the reference parser) at the first parse: parse once
        # here, so that those modules are instrumented too
        for warm_up in (b"Smith J. A title. Journal. 2020;1(2):3-4.", b"{}"):
            try:
                converter.read(warm_up, reader.removesuffix("-stream"), source="<warm-up>")
            except ConversionError:
                pass

    def one_input(data: bytes) -> None:
        try:
            check(reader, data)
        except BaseException:
            keep = REGRESSIONS / reader
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"crash-{hashlib.sha1(data).hexdigest()[:12]}").write_bytes(data)
            raise

    corpus = WORK / reader
    corpus.mkdir(parents=True, exist_ok=True)
    for seed in seeds(reader):
        (corpus / f"seed-{hashlib.sha1(seed.read_bytes()).hexdigest()[:12]}").write_bytes(seed.read_bytes())
    artifacts = f"-artifact_prefix={WORK}/{reader}-"  # libFuzzer's own copy, outside the checkout
    atheris.Setup([argv[0], artifacts, *argv[2:], str(corpus)], one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
