"""A reference-manager script built on citeconv's Python API.

Reads an article page (or any supported file), reports what the converter warned about, and
writes the article and its reference list as CSL-JSON, with the article also as APA and GOST
text when those writers are installed.

    python examples/reference_manager.py examples/regionology-2025-33-4-578.txt out/
"""
from __future__ import annotations

import sys
from pathlib import Path

import converter


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    try:
        result = converter.read_file(source)
    except converter.ConversionError as err:  # missing, empty, unreadable, unparseable input
        print(f"cannot read: {err}", file=sys.stderr)
        return err.exit_code
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)

    article = result.records[0]
    refs = (article.get("custom") or {}).get("references", [])
    print(f"{article['title']} ({result.format}): {len(refs)} references")

    target.mkdir(parents=True, exist_ok=True)
    (target / "article.json").write_text(converter.write(result.records, "csljson"), encoding="utf-8")
    (target / "references.json").write_text(
        converter.write(result.records, "csljson", references=True), encoding="utf-8")
    available = {f.name for f in converter.formats() if f.writer}
    for name in ("apa", "gost", "bibtex", "ris"):
        if name in available:
            out = converter.write(result.records, name)
            (target / f"article.{name}.txt").write_text(out, encoding="utf-8")
            for diagnostic in out.diagnostics:
                print(f"{name}: {diagnostic}", file=sys.stderr)
    print(f"written to {target}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
