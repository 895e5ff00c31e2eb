"""Transcribe peers' own BibLaTeX/BibTeX test data into our conformance fixtures (issue 12).

    python -m tools.conformance_fixtures PEER MIRROR

PEER is ``pandoc``, ``citation-js`` or ``biber``; MIRROR is a git directory of the peer's
repository (the ``fetch`` tool's copy, e.g. /work/.mirror/jgm+pandoc/repo). Only data is
transcribed, never code: each case's input text and the field values the peer's test expects,
into ``tests/fixtures/conformance/PEER/CASE.json`` with the repository, path, commit and licence
(tests/fixtures/conformance/README.md). The tests read the fixtures, never the mirror: CI has
no network.

- pandoc (GPL-2.0-or-later): ``test/command/biblatex-*.md`` and ``bibtex-basic.md``; every one is
  ``pandoc -f biblatex -t markdown -s`` and its expected ``references`` (CSL YAML) are kept as
  strings, as the test file spells them (YAML read without type guessing).
- citation-js (MIT): ``packages/plugin-bibtex/test``: the ``@biblatex/text`` cases of input.json
  (input from ``input/NAME.bib``) and the mapping tests (``mapping/{biblatex,bibtex}-input.bib``
  entry i against ``{...}-csl.json`` item i), one case per entry.
- biber (Artistic-2.0): ``t/names.t``'s ``parsename`` cases: the name string and the name parts
  biber expects.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

from tools.paths import REPO

OUT = REPO / "tests" / "fixtures" / "conformance"
REPOSITORIES = {"pandoc": ("jgm/pandoc", "GPL-2.0-or-later"),
                "citation-js": ("citation-js/citation-js", "MIT"),
                "biber": ("plk/biber", "Artistic-2.0")}


def _git(mirror: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(mirror), *args], capture_output=True, text=True,
                          check=True).stdout


def _files(mirror: Path, folder: str) -> List[str]:
    return _git(mirror, "ls-tree", "-r", "--name-only", "HEAD", folder).split("\n")


def _credit(peer: str, path: str, commit: str) -> Dict[str, str]:
    repo, licence = REPOSITORIES[peer]
    return {"peer": peer, "repository": f"https://github.com/{repo}", "path": path, "commit": commit,
            "licence": licence, "note": "test data transcribed from the peer's own test; no code"}


_PANDOC_CASE = re.compile(r"```+\n% pandoc -f biblatex -t markdown -s\n(.*?)\n\^D\n---\n(.*?)\n---\n", re.S)


def pandoc(mirror: Path, commit: str) -> Iterator[Tuple[str, Dict[str, Any]]]:
    import yaml  # the tool's own dependency (PyYAML), not the package's

    for path in _files(mirror, "test/command"):
        name = path.rsplit("/", 1)[-1]
        if not (name.startswith("biblatex-") or name.startswith("bibtex-")) or not name.endswith(".md"):
            continue
        found = _PANDOC_CASE.search(_git(mirror, "show", f"HEAD:{path}"))
        if not found:
            print(f"skipped {path}: no biblatex -> markdown case", file=sys.stderr)
            continue
        meta = yaml.load(found.group(2), Loader=yaml.BaseLoader)  # every scalar stays a string
        yield name[:-3], {"credit": _credit("pandoc", path, commit), "input": found.group(1) + "\n",
                          "expected": meta.get("references", [])}


def _bib_entries(text: str) -> List[str]:
    starts = [m.start() for m in re.finditer(r"^@", text, re.M)]
    return [text[a:b].strip() + "\n" for a, b in zip(starts, starts[1:] + [len(text)])]


def citation_js(mirror: Path, commit: str) -> Iterator[Tuple[str, Dict[str, Any]]]:
    base = "packages/plugin-bibtex/test"
    cases = json.loads(_git(mirror, "show", f"HEAD:{base}/input.json"))["@biblatex/text"]
    for label, (given, expected) in cases.items():
        path = f"{base}/input/{label[5:]}.bib"
        text = given if given is not None else _git(mirror, "show", f"HEAD:{path}")
        credit = _credit("citation-js", f"{base}/input.json" + ("" if given else f", {path}"), commit)
        yield "text-" + re.sub(r"\W+", "-", label[5:]).strip("-"), {"credit": credit, "input": text,
                                                                    "expected": expected}
    for dialect in ("biblatex", "bibtex"):
        bib = f"{base}/mapping/{dialect}-input.bib"
        csl = json.loads(_git(mirror, "show", f"HEAD:{base}/mapping/{dialect}-csl.json"))
        entries = _bib_entries(_git(mirror, "show", f"HEAD:{bib}"))
        assert len(entries) == len(csl), (dialect, len(entries), len(csl))
        for entry, item in zip(entries, csl):
            credit = _credit("citation-js", f"{bib}, {base}/mapping/{dialect}-csl.json", commit)
            key = re.sub(r"\W+", "-", item["id"]).strip("-")
            yield f"mapping-{dialect}-{key}", {"credit": credit, "input": entry, "expected": [item]}


_PERL_NAME = re.compile(r"my \$(\w+) =\s*\{(.*?)\};", re.S)
_PERL_PART = re.compile(r"(given|family|prefix|suffix)\s*=>\s*\{string => (undef|'[^']*')")
_PARSENAME = re.compile(r"is_deeply\(tparsename(_x)?\(\$section,'([^']*)', 'author'\), \$(\w+), '([^']*)'\)")


def biber(mirror: Path, commit: str) -> Iterator[Tuple[str, Dict[str, Any]]]:
    path = "t/names.t"
    text = _git(mirror, "show", f"HEAD:{path}")
    parts = {m.group(1): {k: (None if v == "undef" else v[1:-1]) for k, v in _PERL_PART.findall(m.group(2))}
             for m in _PERL_NAME.finditer(text)}
    cases = [{"test": m.group(4), "extended": bool(m.group(1)), "input": m.group(2), "expected": parts[m.group(3)]}
             for m in _PARSENAME.finditer(text)]
    yield "names", {"credit": _credit("biber", path, commit), "cases": cases}


PEERS = {"pandoc": pandoc, "citation-js": citation_js, "biber": biber}


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("peer", choices=sorted(PEERS))
    parser.add_argument("mirror", type=Path)
    args = parser.parse_args(argv)
    commit = _git(args.mirror, "rev-parse", "HEAD").strip()
    folder = OUT / args.peer
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, case in PEERS[args.peer](args.mirror, commit):
        (folder / f"{name}.json").write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        count += 1
    print(f"{count} cases written to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
