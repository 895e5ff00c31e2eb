"""Build the page reader's lexicon of person names (converter/readers/page/model/names.txt) from the
name lists of Faker (MIT licence; its person providers keep given and family names for some 80
locales: Indonesian, Turkish, Ukrainian, Portuguese, Chinese romanised, ...). The reader asks it how
plausible a byline's words are as names; it is read only as data, Faker is not needed to run.

    pip install faker && python -m tools.pagemodel.names

Why Faker: among the packages at hand it is the well-kept one (MIT, released monthly) whose lists
cover the languages of the pages; `references/model/given-names.txt` (3,162 given names seen in the
reference corpus) misses most Indonesian, Turkish and African names, and the gender-guesser data is
GPL and older. One line a name: 'NAME<TAB>g' (given), 'f' (family) or 'gf' (both)."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from importlib import metadata
from typing import Dict, List

from converter.readers.page.names import PATH


def _strings(value: object) -> List[str]:
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        return [x for x in value if isinstance(x, str)]
    return []


def collect() -> Dict[str, str]:
    """Name -> 'g', 'f' or 'gf', from every locale's person provider."""
    person = importlib.import_module("faker.providers.person")  # (by name: Faker is needed only here)
    kinds: Dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"faker.providers.person.{module.name}"), "Provider", None)
        if provider is None:
            continue
        for attr in dir(provider):
            kind = "g" if attr.startswith("first_names") else "f" if attr.startswith("last_names") else ""
            if not kind:
                continue
            for name in _strings(getattr(provider, attr, None)):
                name = name.strip()
                # one word a name ('Nguyễn', 'Silva'); compound entries ('de la Cruz') are left out
                if len(name) >= 2 and " " not in name and name[:1].isalpha():
                    kinds.setdefault(name, set()).add(kind)
    return {name: "".join(sorted(k, reverse=True)) for name, k in kinds.items()}


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=PATH)
    args = ap.parse_args(argv)
    names = collect()
    version = metadata.version("faker")
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(f"# Person names from Faker {version}'s person providers (MIT licence), built by "
                 "python -m tools.pagemodel.names; NAME<TAB>g|f|gf (given, family, both); licence text in "
                 "names.NOTICE\n")  # (Faker's MIT notice, kept beside the file by hand)
        for name in sorted(names):
            fh.write(f"{name}\t{names[name]}\n")
    print(f"{len(names)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
