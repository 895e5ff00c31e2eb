"""Labelled book, chapter and conference-paper strings (issue 16, item 4): where a part's title
ends and the host it was printed in begins, in the containers both traditions print.

English manners (APA, Chicago, MLA, IEEE, Springer/LNCS, Vancouver, Harvard, ACM) render the
books, chapters, conference papers, reports and theses of ../shared/corpus/real, with the host
after 'In:', 'In', 'in Proc.', 'In Proceedings of', or bare after a quoted title (MLA).
GOST manners (R 7.0.100-2018 with ' – ' areas, 7.1-2003 with full stops) render the same Latin
records as Russian lists cite foreign works ('Title // Book / ed. by ... – Cham : Springer,
2019. – P. 1–10.'), and Russian parts built from synth.py's vocabulary with the hosts Russian
lists use: '// Сборник : сб. науч. тр.', 'В кн.: ...', '// Материалы ... конференции (Город,
дата)', '// Труды ...'.

Labels follow refdata's AnyStyle convention (the part's title is 'title', the host 'container',
a series 'collection', 'сб. науч. тр.' after ' : ' is 'genre', 'In:' and event details are
'other') and are exact because each string is written field by field. No refdata string is
used, so nothing held out can leak in.
"""
from __future__ import annotations

import random
from typing import Any, Callable, Dict, List, Sequence

from .refdata import Labeled
from .rendered import _initials, _names, _pages, _plain, _stop, _year
from .synth import PLACES, PUBLISHERS, _Builder, _person, _spaced, _title

Item = Dict[str, Any]
Style = Callable[[Item, random.Random], _Builder]


def _eds_word(people: Sequence[Any], one: str, many: str) -> str:
    return one if len(people) == 1 else many


def _place_publisher(b: _Builder, item: Item, sep: str = ": ") -> _Builder:
    if item.get("publisher-place"):
        b.add(item["publisher-place"], "location").add(sep)
    return b.add(item["publisher"], "publisher")


def _host(item: Item) -> str:
    return str(item["container-title"]).rstrip(". ")


# --- English manners: chapters and conference papers ----------------------------------------

def apa_part(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    b.add(_names(item["author"], "inverted", rng, final_and="&"), "author").add(" ")
    b.add(f"({_year(item)})", "date").add(". ")
    b.add(item["title"].rstrip("."), "title").add(". ")
    b.add("In ")
    if item.get("editor"):
        eds = _names(item["editor"], "initials-first", rng, final_and="&")
        b.add(eds, "editor").add(" (" + _eds_word(item["editor"], "Ed.", "Eds.") + "), ")
    b.add(_host(item), "container")
    if _pages(item):
        b.add(" (").add(f"pp. {_pages(item)}", "pages").add(")")
    b.add(". ")
    if item.get("publisher"):
        if rng.random() < 0.4:  # APA 6 still prints the place
            _place_publisher(b, item)
        else:
            b.add(item["publisher"], "publisher")
        b.add(".")
    return b


def chicago_part(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    names = _names(item["author"], "inverted-full", rng, final_and="and")
    b.add(names, "author").add(_stop(names))
    author_date = rng.random() < 0.5
    if author_date:
        b.add(_year(item), "date").add(". ")
    b.add("“").add(item["title"].rstrip("."), "title").add(".” In ")
    b.add(_host(item), "container")
    if item.get("editor"):
        b.add(", edited by ").add(_names(item["editor"], "full", rng, final_and="and"), "editor")
    if _pages(item):
        b.add(", ").add(_pages(item), "pages")
    b.add(". ")
    if item.get("publisher"):
        _place_publisher(b, item)
    if not author_date:
        b.add(", " if item.get("publisher") else "").add(_year(item), "date")
    return b.add(".")


def mla_part(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    names = _names(item["author"], "inverted-full", rng, final_and="and")
    b.add(names, "author").add(_stop(names))
    b.add("“").add(item["title"].rstrip("."), "title").add(".” ")
    b.add(_host(item), "container")
    if item.get("editor"):
        b.add(", edited by ").add(_names(item["editor"], "full", rng, final_and="and"), "editor")
    if item.get("publisher"):
        b.add(", ").add(item["publisher"], "publisher")
    b.add(", ").add(_year(item), "date")
    if _pages(item):
        b.add(", ").add(f"pp. {_pages(item)}", "pages")
    return b.add(".")


def ieee_part(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    b.add(_names(item["author"], "initials-first", rng, final_and="and"), "author").add(", ")
    b.add("“").add(item["title"].rstrip("."), "title").add(",” in ")
    host = _host(item)
    if host.startswith("Proceedings of the ") and rng.random() < 0.5:
        host = "Proc. " + host[len("Proceedings of the "):]
    b.add(host, "container")
    if item.get("editor"):
        b.add(", ").add(_names(item["editor"], "initials-first", rng, final_and="and"), "editor")
        b.add(", " + _eds_word(item["editor"], "Ed", "Eds") + ".")
    b.add(" " if item.get("editor") else ", ")
    if item.get("publisher"):
        _place_publisher(b, item).add(", ")
    b.add(_year(item), "date")
    if _pages(item):
        b.add(", ").add(f"pp. {_pages(item)}", "pages")
    return b.add(".")


def springer_part(item: Item, rng: random.Random) -> _Builder:
    """LNCS: 'Family, I.: Title. In: Editor, I. (ed.) Book. LNCS, vol. 12, pp. 1–10. Springer, Cham (2019)'."""
    b = _Builder()
    b.add(_names(item["author"], "inverted", rng), "author").add(": ")
    b.add(item["title"].rstrip("."), "title").add(". In: ")
    if item.get("editor"):
        b.add(_names(item["editor"], "inverted", rng), "editor")
        b.add(" (" + _eds_word(item["editor"], "ed.", "eds.") + ") ")
    b.add(_host(item), "container")
    if item.get("collection-title"):
        b.add(". ").add(str(item["collection-title"]), "collection")
        if item.get("volume"):
            b.add(", ").add(f"vol. {item['volume']}", "volume")
    if _pages(item):
        b.add(", ").add(f"pp. {_pages(item)}", "pages")
    b.add(". ")
    if item.get("publisher"):
        _publisher_then_place(b, item).add(" ")
    return b.add("(").add(_year(item), "date").add(")")


def _publisher_then_place(b: _Builder, item: Item) -> _Builder:
    """'Springer, Cham' (publisher first, the English manners' order)."""
    b.add(item["publisher"], "publisher")
    if item.get("publisher-place"):
        b.add(", ").add(item["publisher-place"], "location")
    return b


def vancouver_part(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    names = _names(item["author"], "vancouver", rng)
    b.add(names, "author").add(_stop(names))
    b.add(item["title"].rstrip("."), "title").add(". In: ")
    if item.get("editor"):
        b.add(_names(item["editor"], "vancouver", rng), "editor")
        b.add(", " + _eds_word(item["editor"], "editor", "editors") + ". ")
    b.add(_host(item), "container").add(". ")
    if item.get("publisher"):
        _place_publisher(b, item).add("; ")
    b.add(_year(item), "date").add(".")
    if _pages(item):
        b.add(" ").add(f"p. {_pages(item)}", "pages").add(".")
    return b


def harvard_part(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    b.add(_names(item["author"], "inverted", rng, final_and="and"), "author").add(" ")
    b.add(f"({_year(item)})", "date").add(" ")
    b.add("‘").add(item["title"].rstrip("."), "title").add("’, in ")
    if item.get("editor"):
        b.add(_names(item["editor"], "inverted", rng, final_and="and"), "editor")
        b.add(" (" + _eds_word(item["editor"], "ed.", "eds.") + ") ")
    b.add(_host(item), "container").add(". ")
    if item.get("publisher"):
        _place_publisher(b, item)
    if _pages(item):
        b.add(", ").add(f"pp. {_pages(item)}", "pages")
    return b.add(".")


def acm_part(item: Item, rng: random.Random) -> _Builder:
    """ACM: 'Given Family and Given Family. 2019. Title. In Host (Series). Publisher, Place, 1–10.'"""
    b = _Builder()
    names = _names(item["author"], "full", rng, final_and="and")
    b.add(names, "author").add(_stop(names))
    b.add(_year(item), "date").add(". ")
    b.add(item["title"].rstrip("."), "title").add(". In ")
    b.add(_host(item), "container")
    if item.get("editor"):
        b.add(", ").add(_names(item["editor"], "full", rng, final_and="and"), "editor")
        b.add(" (" + _eds_word(item["editor"], "Ed.", "Eds.") + ")")
    b.add(". ")
    if item.get("publisher"):
        _publisher_then_place(b, item).add(", ")
    if _pages(item):
        b.add(_pages(item), "pages")
    return b.add(".")


PART_STYLES: List[Style] = [apa_part, chicago_part, mla_part, ieee_part, springer_part, vancouver_part,
                            harvard_part, acm_part]


# --- English manners: books, reports, theses --------------------------------------------------

def _edition(item: Item) -> str:
    ed = str(item.get("edition") or "")
    if ed.isdigit():
        n = int(ed)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} ed."
    return ""


def _people(item: Item, form: str, rng: random.Random, final_and: str) -> tuple[str, str]:
    """The book's heading: its authors, or its editors with '(Ed.)' when it has no author."""
    if item.get("author"):
        return _names(item["author"], form, rng, final_and=final_and), "author"
    return _names(item["editor"], form, rng, final_and=final_and), "editor"


def english_book(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    style = rng.choice(("apa", "chicago", "mla", "ieee", "springer", "harvard", "vancouver"))
    form = {"apa": "inverted", "chicago": "inverted-full", "mla": "inverted-full", "ieee": "initials-first",
            "springer": "inverted", "harvard": "inverted", "vancouver": "vancouver"}[style]
    names, label = _people(item, form, rng, "" if style in ("vancouver", "springer") else
                           "&" if style == "apa" else "and")
    b.add(names, label)
    if label == "editor":
        b.add(" (" + _eds_word(item["editor"], "Ed.", "Eds.") + ")" if style != "vancouver" else ", editor")
    edition = _edition(item)
    title = item["title"].rstrip(".")
    if style == "apa":
        b.add(" ").add(f"({_year(item)})", "date").add(". ").add(title, "title")
        if edition:
            b.add(" (").add(edition, "edition").add(")")
        b.add(". ").add(item["publisher"], "publisher")
    elif style in ("chicago", "mla"):
        b.add(_stop(names))
        if style == "chicago" and rng.random() < 0.5:
            b.add(_year(item), "date").add(". ").add(title, "title").add(". ")
            _place_publisher(b, item)
        else:
            b.add(title, "title").add(". ")
            if edition:
                b.add(edition, "edition").add(" ")
            if style == "chicago":
                _place_publisher(b, item).add(", ")
            else:
                b.add(item["publisher"], "publisher").add(", ")
            b.add(_year(item), "date")
    elif style == "ieee":
        b.add(", ").add(title, "title")
        if edition:
            b.add(", ").add(edition, "edition")
        b.add(". ")
        _place_publisher(b, item).add(", ").add(_year(item), "date")
    elif style == "springer":
        b.add(": ").add(title, "title").add(". ")
        if edition:
            b.add(edition, "edition").add(" ")
        b.add(item["publisher"], "publisher")
        if item.get("publisher-place"):
            b.add(", ").add(item["publisher-place"], "location")
        b.add(" (").add(_year(item), "date").add(")")
    elif style == "harvard":
        b.add(" ").add(f"({_year(item)})", "date").add(" ").add(title, "title").add(". ")
        if edition:
            b.add(edition, "edition").add(" ")
        _place_publisher(b, item)
    else:
        b.add(_stop(names) if label == "author" else ". ").add(title, "title").add(". ")
        if edition:
            b.add(edition, "edition").add(" ")
        _place_publisher(b, item).add("; ").add(_year(item), "date")
    if item.get("collection-title") and rng.random() < 0.5:
        b.add(" (").add(str(item["collection-title"]), "collection").add(")")
    return b.add(".")


def report_or_thesis(item: Item, rng: random.Random) -> _Builder:
    """'Family, I. (2001). Title (Technical Report No. 12). Publisher.', 'Family I. Title [PhD thesis].
    Place: University; 2001.'"""
    b = _Builder()
    thesis = item.get("type") == "thesis"
    genre = str(item.get("genre") or ("PhD thesis" if thesis else "Technical Report"))
    if rng.random() < 0.5:
        b.add(_names(item["author"], "inverted", rng, final_and="&"), "author").add(" ")
        b.add(f"({_year(item)})", "date").add(". ").add(item["title"].rstrip("."), "title").add(" (")
        b.add(genre, "genre")
        if item.get("number") and not thesis:
            b.add(f" No. {item['number']}")
        b.add("). ").add(item["publisher"], "publisher").add(".")
    else:
        names = _names(item["author"], "vancouver", rng)
        b.add(names, "author").add(_stop(names)).add(item["title"].rstrip("."), "title").add(" [")
        b.add(genre, "genre").add("]. ")
        _place_publisher(b, item).add("; ").add(_year(item), "date").add(".")
    return b


# --- GOST manners for the same Latin-script records ---------------------------------------------

def _gost_names(people: Sequence[Dict[str, str]], rng: random.Random, spaced: bool) -> str:
    texts = []
    for p in people[:3]:
        fam = " ".join(x for x in (p.get("non-dropping-particle"), p.get("family")) if x) or p.get("literal", "")
        ini = _initials(p.get("given", ""), True, spaced)
        texts.append(f"{fam} {ini}".strip())
    return ", ".join(texts) + (" [et al.]" if len(people) > 3 and rng.random() < 0.5 else "")


def gost_latin_part(item: Item, rng: random.Random) -> _Builder:
    """'Smith J. Title // Book / ed. by A. Brown. – Cham : Springer, 2019. – P. 1–10.' and the
    7.1-2003 / 'In:' variants Russian lists print for foreign chapters and papers."""
    b = _Builder()
    spaced = rng.random() < 0.5
    modern = rng.random() < 0.5
    d = rng.choice((" – ", " – ", " - ")) if modern else ". "
    b.add(_gost_names(item["author"], rng, spaced), "author").add(" ")
    b.add(item["title"].rstrip("."), "title")
    b.add(rng.choice((" // ", " // ", "// ", ". In: ", ". In ")))
    b.add(_host(item), "container")
    if item.get("editor") and rng.random() < 0.7:
        eds = _gost_names(item["editor"], rng, spaced)
        b.add(rng.choice((" / ed. by ", " / eds. ", " / ed. "))).add(eds, "editor")
        if eds.endswith(".") and d == ". ":
            d = " "  # 'Brown A.' ends the area already
    b.add(d)
    if item.get("publisher"):
        if item.get("publisher-place"):
            b.add(item["publisher-place"], "location").add(rng.choice((" : ", ": ")))
        b.add(item["publisher"], "publisher").add(", ")
    b.add(_year(item), "date")
    if _pages(item):
        b.add("." + d if modern else ". ").add(f"{rng.choice(('P.', 'P.', 'pp.'))} {_pages(item)}", "pages")
    return b.add(".")


def gost_latin_book(item: Item, rng: random.Random) -> _Builder:
    b = _Builder()
    spaced = rng.random() < 0.5
    modern = rng.random() < 0.5
    d = rng.choice((" – ", " - ")) if modern else ". "
    if item.get("author"):
        b.add(_gost_names(item["author"], rng, spaced), "author").add(" ")
    b.add(item["title"].rstrip("."), "title")
    if item.get("editor") and rng.random() < 0.7:
        eds = _gost_names(item["editor"], rng, spaced)
        b.add(rng.choice((" / ed. by ", " / eds. "))).add(eds, "editor")
        if eds.endswith(".") and d == ". ":
            d = " "
    b.add(d)
    if item.get("publisher-place"):
        b.add(item["publisher-place"], "location").add(rng.choice((" : ", ": ")))
    b.add(item["publisher"], "publisher").add(", ").add(_year(item), "date")
    if rng.random() < 0.6:
        b.add("." + d if modern else ". ").add(f"{rng.randint(90, 900)} p", "pages")
    return b.add(".")


# --- Russian parts: GOST hosts ------------------------------------------------------------------

_CONF_KIND = ("Всероссийской научно-практической конференции", "Международной научной конференции",
              "международной научно-практической конференции", "XII Всерос. науч.-техн. конф.",
              "Всероссийской конференции молодых учёных", "межвузовской научной конференции",
              "IV Международного научного форума", "научной сессии")
_TOWNS = ("Москва", "Санкт-Петербург", "Казань", "Томск", "Иваново", "Екатеринбург", "Новосибирск",
          "Пермь", "Саратов", "Минск")
_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "сентября", "октября", "ноября", "декабря")
_INSTITUTES = ("Института экономики РАН", "Лимнологического института СО РАН", "Института истории",
               "Кольского научного центра РАН", "МГУ", "Института географии РАН",
               "Санкт-Петербургского государственного университета", "Уральского отделения РАН")
_COLLECTION_GENRES = ("сб. науч. тр.", "сборник научных трудов", "сб. ст.", "сборник статей",
                      "коллективная монография", "межвуз. сб. науч. тр.", "монография")


def _ru_people(rng: random.Random, n: int, spaced: bool) -> List[tuple[str, str]]:
    return [(fam, _spaced(ini, rng, spaced)) for fam, ini in (_person(rng) for _ in range(n))]


def _ru_names(people: Sequence[tuple[str, str]], initials_first: bool = False) -> str:
    return ", ".join(f"{ini} {fam}" if initials_first else f"{fam} {ini}" for fam, ini in people)


def _event(rng: random.Random) -> str:
    day = rng.randint(1, 26)
    return f"({rng.choice(_TOWNS)}, {day}–{day + rng.randint(1, 2)} {rng.choice(_MONTHS)} {rng.randint(1995, 2025)} г.)"


def russian_part(rng: random.Random, titles: Sequence[str]) -> _Builder:
    """A Russian chapter or conference paper in one of the hosts GOST lists print."""
    b = _Builder()
    spaced = rng.random() < 0.5
    modern = rng.random() < 0.5
    d = rng.choice((" – ", " – ", " — ", " - ")) if modern else ". "
    b.add(_ru_names(_ru_people(rng, rng.choice((1, 1, 2, 3)), spaced)), "author").add(" ")
    b.add(_title(rng, list(titles)), "title")
    kind = rng.choice(("collection", "conference", "conference", "proceedings", "v_knige"))
    place, publisher = rng.choice(PLACES), rng.choice(PUBLISHERS)
    year = str(rng.randint(1970, 2025))
    if kind == "v_knige":
        b.add(rng.choice((". В кн.: ", " // В кн.: ", ". В кн. ", ". В: ")))
    else:
        b.add(rng.choice((" // ", " // ", " //", "// ")))
    if kind == "conference":
        if rng.random() < 0.5:
            b.add(_title(rng, []), "container").add(" : ")
            b.add(f"материалы {rng.choice(_CONF_KIND)}", "genre")
        else:
            b.add(f"Материалы {rng.choice(_CONF_KIND)} «{_title(rng, [])}»", "container")
        if rng.random() < 0.6:
            b.add(" ").add(_event(rng))
    elif kind == "proceedings":
        b.add(f"{rng.choice(('Труды', 'Труды', 'Записки', 'Учёные записки'))} {rng.choice(_INSTITUTES)}",
              "container")
    else:
        b.add(_title(rng, list(titles)), "container")
        if rng.random() < 0.6:
            b.add(rng.choice((" : ", ": "))).add(rng.choice(_COLLECTION_GENRES), "genre")
    if rng.random() < 0.5:
        b.add(rng.choice((" / под ред. ", " / отв. ред. ", " / под общ. ред. ")))
        b.add(_ru_names(_ru_people(rng, rng.choice((1, 1, 2)), spaced), initials_first=True), "editor")
    b.add(d).add(place, "location").add(rng.choice((" : ", ": ", ":"))).add(publisher, "publisher")
    b.add(", ").add(year, "date")
    if kind == "proceedings" and rng.random() < 0.6:
        mark = rng.choice(("Т.", "Вып."))  # 'Вып.' is the issue, as synth.py and the gold read it
        b.add("." + d if modern else ". ").add(f"{mark} {rng.randint(1, 80)}", "volume" if mark == "Т." else "issue")
    b.add("." + d if modern else ". ").add(f"{rng.choice(('С.', 'С.', 'C.'))} {rng.randint(3, 400)}"
                                          f"{rng.choice(('–', '-'))}{rng.randint(401, 420)}", "pages")
    return b.add(".")


def russian_book(rng: random.Random, titles: Sequence[str]) -> _Builder:
    """A Russian book or collection: authors first, or a collection under its title with its editors."""
    b = _Builder()
    spaced = rng.random() < 0.5
    modern = rng.random() < 0.5
    d = rng.choice((" – ", " – ", " - ")) if modern else ". "
    collection = rng.random() < 0.35
    people = _ru_people(rng, rng.choice((1, 1, 2, 3)), spaced)
    if not collection:
        b.add(_ru_names(people), "author").add(" ")
    b.add(_title(rng, list(titles)), "title")
    if collection or rng.random() < 0.4:
        b.add(rng.choice((" : ", ": "))).add(rng.choice(_COLLECTION_GENRES if collection else
                                                        ("монография", "учебное пособие", "учебник")), "genre")
    if collection:
        b.add(rng.choice((" / под ред. ", " / отв. ред. ", " / редкол.: ")))
        b.add(_ru_names(_ru_people(rng, rng.choice((1, 2)), spaced), initials_first=True), "editor")
    elif modern:
        b.add(" / ").add(_ru_names(people, initials_first=True), "author")
    b.add(d).add(rng.choice(PLACES), "location").add(rng.choice((" : ", ": "))).add(rng.choice(PUBLISHERS), "publisher")
    b.add(", ").add(str(rng.randint(1970, 2025)), "date")
    b.add("." + d if modern else ". ").add(f"{rng.randint(48, 900)} с", "pages").add(".")
    return b


# --- the mix ---------------------------------------------------------------------------------

def _usable(item: Item) -> bool:
    if not item.get("title") or not _year(item):
        return False
    kind = item.get("type")
    if kind in ("chapter", "paper-conference"):
        return bool(item.get("author") and item.get("container-title"))
    if kind == "book":
        return bool((item.get("author") or item.get("editor")) and item.get("publisher"))
    if kind in ("report", "thesis"):
        return bool(item.get("author") and item.get("publisher"))
    return False


def _render_latin(item: Item, rng: random.Random) -> Labeled:
    kind = item["type"]
    if kind in ("chapter", "paper-conference"):
        maker = gost_latin_part if rng.random() < 0.25 else rng.choice(PART_STYLES)
    elif kind == "book":
        maker = gost_latin_book if rng.random() < 0.25 else english_book
    else:
        maker = report_or_thesis
    return maker(item, rng).build(f"partrender/{maker.__name__}")


def render_parts(items: Sequence[Item], n: int, titles: Sequence[str] = (), seed: int = 61,
                 russian_share: float = 0.4) -> List[Labeled]:
    """n labelled strings: about ``russian_share`` Russian books and parts, the rest the books,
    chapters, conference papers, reports and theses of ``items``, each rendered in several manners.
    ``titles`` are Russian titles of training strings (never held out) mixed with synth's words."""
    rng = random.Random(seed)
    pool = [it for it in (_plain(i) for i in items) if _usable(it)]
    out: List[Labeled] = []
    n_russian = int(n * russian_share) if pool else n
    for _ in range(n_russian):
        maker = russian_part if rng.random() < 0.65 else russian_book
        out.append(maker(rng, titles).build(f"partrender/{maker.__name__}"))
    while pool and len(out) < n:
        rng.shuffle(pool)
        for item in pool:
            if item["type"] == "report" and rng.random() < 0.7:
                continue  # most are arXiv preprints the corpus files as reports: a few suffice
            out.append(_render_latin(item, rng))
            if len(out) >= n:
                break
    return out


__all__ = ["render_parts"]
