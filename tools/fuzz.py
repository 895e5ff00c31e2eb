"""Coverage-guided fuzzing of one reader with atheris (issue 18).

    python -m tools.fuzz READER [-max_total_time=3600] [other libFuzzer flags]

READER is a registered reader (bibtex, ris, csljson, crossref, jats, html, page, reference,
references). Each input goes through ``converter.read(data, READER)`` as bytes, so decoding
and the limits are fuzzed too; anything but a ConversionError is a crash. The seed corpus is
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
SEED_DIRS = {"bibtex": ["bibtex"], "ris": ["ris"], "csljson": ["csljson"], "crossref": ["crossref"],
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
        converter.registry.get(reader, "reader").load("reader")
        # some readers import their helpers (the reference parser) at the first parse: parse once
        # here, so that those modules are instrumented too
        for warm_up in (b"Smith J. A title. Journal. 2020;1(2):3-4.", b"{}"):
            try:
                converter.read(warm_up, reader, source="<warm-up>")
            except ConversionError:
                pass

    def one_input(data: bytes) -> None:
        try:
            converter.read(data, reader, source="<fuzz>")
        except ConversionError:
            pass
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
