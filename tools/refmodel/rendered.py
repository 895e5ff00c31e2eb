"""Labelled training strings rendered from structured records (CSL-JSON items) in the common
reference styles: Vancouver, APA, Chicago author-date, IEEE, physics ('Phys. Rev. B 79, 235321
(2009)'), Harvard and MLA-like, for articles, books, chapters and conference papers.

The labels are exact because we write the string ourselves, field by field. The records come
from ../shared/corpus/real (BibTeX, CSL-JSON, RIS exports), never from refdata, so the held-out
evaluation strings cannot leak into training.
"""
from __future__ import annotations

import random
import re
from typing import Any, Callable, Dict, List, Sequence

from .refdata import Labeled
from .synth import _Builder

Item = Dict[str, Any]


def _initials(given: str, dots: bool, space: bool) -> str:
    parts = [p for p in given.replace("-", " -").split() if p.strip("-")]
    out = []
    for p in parts:
        letter = p.lstrip("-")[:1]
        if not letter.isalpha():
            continue
        out.append(("-" if p.startswith("-") else "") + letter + ("." if dots else ""))
    sep = " " if space and dots else ""
    return sep.join(out).replace(" -", "-")


def _person(p: Dict[str, str], form: str) -> str:
    family = " ".join(x for x in (p.get("non-dropping-particle"), p.get("family")) if x) or p.get("literal", "")
    given = p.get("given", "")
    if not given:
        return family
    if form == "vancouver":          # Smith JA
        return f"{family} {_initials(given, False, False)}"
    if form == "inverted":           # Smith, J. A.
        return f"{family}, {_initials(given, True, True)}"
    if form == "inverted-full":      # Smith, John A.
        return f"{family}, {given}"
    if form == "initials-first":     # J. A. Smith
        return f"{_initials(given, True, True)} {family}"
    if form == "full":               # John A. Smith
        return f"{given} {family}"
    return f"{family} {_initials(given, True, False)}"  # Smith J.A.


def _names(people: Sequence[Dict[str, str]], form: str, rng: random.Random, final_and: str = "") -> str:
    people = list(people)
    etal = ""
    if len(people) > 6 and rng.random() < 0.7:
        people, etal = people[:rng.choice((1, 3, 6))], rng.choice((", et al.", " et al.", ", et al"))
    texts = [_person(p, form) for p in people]
    first_form = form
    if form == "inverted-full" and len(texts) > 1 and rng.random() < 0.5:
        # Chicago: only the first name inverted
        texts = texts[:1] + [_person(p, "full") for p in people[1:]]
        first_form = "mixed"
    sep = "; " if form in ("inverted",) and rng.random() < 0.2 else ", "
    if final_and and len(texts) > 1 and not etal:
        joiner = (sep if len(texts) > 2 or first_form == "inverted" else " ") + final_and + " "
        return sep.join(texts[:-1]) + joiner.replace("  ", " ") + texts[-1]
    return sep.join(texts) + etal


# Both return "" (not None) when the field is missing: render() skips items without a year,
# every page use is guarded by a truth test, and _Builder.add drops empty text, so the
# styles below can pass the value on as a plain str.
def _year(item: Item) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    y = parts[0][0] if parts and parts[0] else None
    return str(y) if y else ""


def _pages(item: Item) -> str:
    p = item.get("page")
    return str(p).replace("--", "–") if p else ""


def _stop(text: str) -> str:
    """The full stop after an area, unless the area already ends with one ('Smith, J. A.')."""
    return " " if text.endswith(".") else ". "


def vancouver(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    names = _names(item["author"], "vancouver", rng)
    b.add(names, "author").add(_stop(names))
    b.add(item["title"].rstrip("."), "title").add(". ")
    b.add(item["container-title"], "container").add(_stop(item["container-title"]))
    b.add(_year(item) + ";", "date")
    if item.get("volume"):
        b.add(str(item["volume"]), "volume")
    if item.get("issue"):
        b.add(f"({item['issue']})", "issue")
    if _pages(item):
        b.add(":").add(_pages(item), "pages")
    b.add(".")
    if item.get("DOI") and rng.random() < 0.5:
        b.add(rng.choice((" doi:", " https://doi.org/", " DOI: "))).add(item["DOI"], "doi")
    return b


def apa(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    b.add(_names(item["author"], "inverted", rng, final_and="&"), "author").add(" ")
    b.add(f"({_year(item)})", "date").add(". ")
    b.add(item["title"].rstrip("."), "title").add(". ")
    b.add(item["container-title"], "container")
    if item.get("volume"):
        b.add(", ").add(str(item["volume"]), "volume")
        if item.get("issue"):
            b.add(f"({item['issue']})", "issue")
    if _pages(item):
        b.add(", ").add(_pages(item), "pages")
    b.add(".")
    if item.get("DOI") and rng.random() < 0.6:
        b.add(" https://doi.org/").add(item["DOI"], "doi")
    return b


def chicago(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    names = _names(item["author"], "inverted-full", rng, final_and="and")
    b.add(names, "author").add(_stop(names))
    b.add(_year(item), "date").add(". ")
    b.add("“").add(item["title"].rstrip("."), "title").add(".” ")
    b.add(item["container-title"], "container")
    if item.get("volume"):
        b.add(" ").add(str(item["volume"]), "volume")
    if item.get("issue"):
        b.add(" (").add(str(item["issue"]), "issue").add(")")
    if _pages(item):
        b.add(": ").add(_pages(item), "pages")
    b.add(".")
    return b


def ieee(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    b.add(_names(item["author"], "initials-first", rng, final_and="and"), "author").add(", ")
    b.add("“").add(item["title"].rstrip("."), "title").add(",” ")
    b.add(item["container-title"], "container")
    if item.get("volume"):
        b.add(", ").add(f"vol. {item['volume']}", "volume")
    if item.get("issue"):
        b.add(", ").add(f"no. {item['issue']}", "issue")
    if _pages(item):
        b.add(", ").add(f"pp. {_pages(item)}", "pages")
    b.add(", ").add(_year(item), "date").add(".")
    return b


def physics(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    b.add(_names(item["author"], "initials-first", rng, final_and="and"), "author").add(", ")
    if rng.random() < 0.5:
        b.add(item["title"].rstrip("."), "title").add(", ")
    b.add(item["container-title"], "container").add(" ")
    if item.get("volume"):
        b.add(str(item["volume"]), "volume").add(", ")
    if _pages(item):
        b.add(_pages(item).split("–")[0].split("-")[0], "pages").add(" ")
    b.add("(").add(_year(item), "date").add(").")
    return b


def harvard(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    b.add(_names(item["author"], "inverted", rng, final_and="and"), "author").add(" ")
    b.add(_year(item), "date").add(rng.choice((", ", ". ", " ")))
    b.add(item["title"].rstrip("."), "title").add(". ")
    b.add(item["container-title"], "container").add(", ")
    if item.get("volume"):
        b.add(str(item["volume"]), "volume")
        if item.get("issue"):
            b.add(f"({item['issue']})", "issue")
        b.add(", ")
    if _pages(item):
        b.add(rng.choice(("pp. ", "p. ", ""))).add(_pages(item), "pages")
    b.add(".")
    return b


def book(item: Item, rng: random.Random) -> _Builder:
    """Books in APA, Chicago and Vancouver manners: Title. Place: Publisher; Year."""
    b = _Builder()
    style = rng.choice(("apa", "chicago", "vancouver", "mla"))
    form = {"apa": "inverted", "chicago": "inverted-full", "vancouver": "vancouver", "mla": "inverted-full"}[style]
    names = _names(item["author"], form, rng, final_and="" if style == "vancouver" else "and")
    b.add(names, "author").add(_stop(names))
    if style == "apa":
        b.add(f"({_year(item)})", "date").add(". ")
    elif style == "chicago":
        b.add(_year(item), "date").add(". ")
    b.add(item["title"].rstrip("."), "title").add(". ")
    if item.get("edition"):
        b.add(f"{item['edition']} ed.", "edition").add(" ")
    if item.get("publisher-place"):
        b.add(item["publisher-place"], "location").add(": ")
    b.add(item["publisher"], "publisher")
    if style in ("vancouver", "mla"):
        b.add("; " if style == "vancouver" else ", ").add(_year(item), "date")
    b.add(".")
    return b


def chapter(item: Item, rng: random.Random) -> _Builder:
    """Chapters and conference papers: 'Title. In: Editors (eds) Book. Place: Publisher; Year. p. 1–10.'"""
    b = _Builder()
    style = rng.choice(("apa", "vancouver", "springer"))
    form = {"apa": "inverted", "vancouver": "vancouver", "springer": "vancouver"}[style]
    names = _names(item["author"], form, rng, final_and="&" if style == "apa" else "")
    b.add(names, "author")
    if style != "vancouver":
        b.add(" ").add(f"({_year(item)})", "date").add(" ")
    else:
        b.add(_stop(names))
    b.add(item["title"].rstrip("."), "title").add(". ")
    b.add(rng.choice(("In: ", "In ")))
    if item.get("editor"):
        eds = _names(item["editor"], "initials-first" if style == "apa" else "vancouver", rng,
                     final_and="&" if style == "apa" else "")
        b.add(eds, "editor").add(rng.choice((" (Eds.), ", " (eds) ", ", editors. ")))
    b.add(item["container-title"].rstrip("."), "container")
    if style == "apa" and _pages(item):
        b.add(" (").add(f"pp. {_pages(item)}", "pages").add(")")
    b.add(". ")
    if item.get("publisher-place"):
        b.add(item["publisher-place"], "location").add(": ")
    if item.get("publisher"):
        b.add(item["publisher"], "publisher")
    if style == "vancouver":
        b.add("; ").add(_year(item), "date")
        if _pages(item):
            b.add(". ").add(f"p. {_pages(item)}", "pages")
    elif style == "springer" and _pages(item):
        b.add(", ").add(f"pp {_pages(item)}", "pages")
    b.add(".")
    return b


ARTICLE_STYLES: List[Callable[[Item, random.Random], _Builder]] = [vancouver, apa, chicago, ieee, physics, harvard]


_TAG = re.compile(r"<[^>]+>")


def _plain(item: Item) -> Item:
    """Rich-text markup ('<span class="nocase">', '<i>') is not printed in a reference list."""
    out = dict(item)
    for key in ("title", "container-title", "publisher", "publisher-place"):
        if isinstance(out.get(key), str):
            out[key] = " ".join(_TAG.sub("", out[key]).split())
    return out


def render(item: Item, rng: random.Random) -> Labeled | None:
    """One labelled string for a CSL item, in a style chosen at random; None if the item lacks
    what every style needs (authors, a title, a year)."""
    item = _plain(item)
    if not item.get("author") or not item.get("title") or not _year(item):
        return None
    kind = item.get("type")
    if kind == "article-journal" and item.get("container-title"):
        if not (item.get("volume") or _pages(item)):
            return None
        maker = rng.choice(ARTICLE_STYLES)
        if maker is physics and not item.get("volume"):
            maker = vancouver
    elif kind == "book" and item.get("publisher"):
        maker = book
    elif kind in ("chapter", "paper-conference") and item.get("container-title"):
        maker = chapter
    else:
        return None
    return maker(item, rng).build(f"rendered/{maker.__name__}")


def render_all(items: Sequence[Item], n: int, seed: int = 29) -> List[Labeled]:
    """Up to n labelled strings from the items (each item at most twice, in different styles)."""
    rng = random.Random(seed)
    out: List[Labeled] = []
    pool = list(items)
    for _ in range(2):
        rng.shuffle(pool)
        for item in pool:
            lab = render(item, rng)
            if lab is not None:
                out.append(lab)
            if len(out) >= n:
                return out
    return out




def load_items(corpus_dir: str) -> List[Item]:
    """CSL items from the real exports in ../shared/corpus/real (read with our own readers)."""
    import glob
    import json
    import os

    from converter.api import read_file

    items: List[Item] = []
    for path in sorted(glob.glob(os.path.join(corpus_dir, "*"))):
        try:
            if path.endswith(".json"):
                with open(path, encoding="utf-8") as fh:
                    items.extend(json.load(fh))
            elif path.endswith((".bib", ".ris")):
                items.extend(read_file(path).records)
        except Exception:  # a corpus file we cannot read only means fewer training strings
            continue
    return items


__all__ = ["load_items", "render", "render_all"]
