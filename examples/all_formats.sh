#!/usr/bin/env bash
# Convert the example article page to every output format, into the folder given (default: out/).
#   bash examples/all_formats.sh [OUT]
# Uses `citeconv` from PATH, or `python -m converter` when it is not installed as a command.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
page="$here/regionology-2025-33-4-578.txt"
out="${1:-out}"
mkdir -p "$out"
if command -v citeconv >/dev/null; then run=(citeconv); else run=(python3 -m converter); fi

"${run[@]}" "$page" -q -t csljson -o "$out/article.json"            # the whole page as one record
"${run[@]}" "$page" -q -t csljson --references -o "$out/references.json"
"${run[@]}" "$page" -q -t biblatex --all -o "$out/all.bib"           # for biber
"${run[@]}" "$page" -q -t bibtex --all -o "$out/all-bibtex.bib"      # for bibtex + .bst
"${run[@]}" "$page" -q -t ris --all -o "$out/all.ris"                # for Zotero / EndNote
"${run[@]}" "$page" -q -t jats -o "$out/article.xml"                 # JATS 1.3 with its ref-list
"${run[@]}" "$page" -q -t apa --references -o "$out/references-apa.txt"
"${run[@]}" "$page" -q -t gost --references -o "$out/references-gost.txt"
"${run[@]}" "$page" -q -t gost --locale en --references -o "$out/references-gost-en.txt"
"${run[@]}" "$page" -q -t apa --html -o "$out/article-apa.html"
echo "written to $out/:"
ls "$out"
