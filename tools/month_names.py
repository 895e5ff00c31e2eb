"""Build converter/data/month_names.json: month names and their abbreviations in the languages
article pages and reference lists print dates in, from the Unicode CLDR through Babel.

    python -m tools.month_names            # write the table
    python -m tools.month_names --check    # exit 1 when the shipped table differs from CLDR's

Why a generated table: the hand-written stems in converter/vocabulary/dates.py cover the
languages the project met first (English, Russian, Ukrainian, Spanish, Portuguese, French,
German, Italian, Polish, Bulgarian, Kazakh); CLDR has every language's names in both the
nominative ('lipiec') and the genitive a date prints ('12 lipca 2020'), which no hand-made list
keeps up with. Babel is needed only here (and by the test that compares the table with it), not
at run time: the installed package reads the JSON.

A name that means different months in two languages (Croatian 'listopad' is October, Czech and
Polish 'listopad' November) is left out: a date printed with it cannot be read without knowing
the language, and the hand-written stems decide those cases as before."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Dict, Set

from tools.paths import REPO

TABLE = REPO / "converter" / "data" / "month_names.json"
# Languages of the page set and the reference data (Latin, Cyrillic and Greek script); CJK dates
# print numbers ('2020年3月') and need no names.
LOCALES = ("en", "ru", "uk", "be", "bg", "kk", "sr", "sr_Latn", "mk", "es", "pt", "fr", "de",
           "it", "ca", "gl", "eu", "ro", "pl", "cs", "sk", "sl", "hr", "bs", "hu", "tr", "az",
           "uz", "id", "ms", "nl", "sv", "da", "nb", "fi", "et", "lt", "lv", "el", "sq")


def _key(name: str) -> str:
    return name.strip().rstrip(".").lower()


def build() -> Dict[str, int]:
    from babel.dates import get_month_names

    meanings: Dict[str, Set[int]] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    key = _key(name)
                    # letters only (CLDR's '1.' style abbreviations out); an abbreviation of
                    # three letters is too often a word ('Dis' in 'Prev Chronic Dis 2010', Malay
                    # for December; 'des', 'sie', 'pro'): four letters at least
                    if key.isalpha() and len(key) >= (3 if width == "wide" else 4):
                        meanings.setdefault(key, set()).add(number)
    return {key: next(iter(numbers)) for key, numbers in sorted(meanings.items()) if len(numbers) == 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the shipped table with CLDR's")
    args = parser.parse_args(argv)
    table = build()
    text = json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    if args.check:
        shipped = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
        if shipped != text:
            print(f"{TABLE} differs from CLDR's names: run python -m tools.month_names", file=sys.stderr)
            return 1
        return 0
    TABLE.parent.mkdir(exist_ok=True)
    TABLE.write_text(text, encoding="utf-8")
    print(f"{TABLE}: {len(table)} names in {len(LOCALES)} languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
