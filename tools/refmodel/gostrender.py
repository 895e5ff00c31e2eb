"""Labelled GOST training strings rendered by our own CSL styles (citeconv-gost-2018 and
citeconv-gost-2008, locales ru and en) from records whose fields we know.

Each record is rendered alone; every field value is then found again in the output (title,
container, publisher, place, year, 'Т. 5' / 'Vol. 5', '№ 3' / 'no. 3', 'С. 1–9' / 'P. 1–9',
'356 с.', DOI, URL, each person's family name with its initials) and labelled where it was
found. A string is kept only when the title, the first author and every printed field were
found and no word is left unlabelled except the style's own words ('Текст : электронный',
'[и др.]', 'ISBN ...', 'дата обращения'), so the labels are right by construction.

Records (never refdata strings): ../shared/tools/gen_corpus.py (Latin and Cyrillic journal
articles), ../shared/corpus/real/deep-review-refs.json, and Russian articles, books and
chapters built here from synth.py's vocabulary. ``part="dev"`` draws from disjoint records
(another seed, the other hash half of deep-review) so a GOST-like DEV set can be scored.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import re
from typing import Any, Dict, List, Sequence, Tuple

from tools.paths import SHARED as SHARED_DIR

from .refdata import Labeled, labeled_from_chars
from .synth import FAMILIES, JOURNALS, PLACES, PUBLISHERS, TITLE_WORDS

Item = Dict[str, Any]
SHARED = str(SHARED_DIR)

GIVEN = ("Александр Алексей Андрей Анна Борис Валентина Виктор Владимир Галина Дмитрий Евгений Елена "
         "Ирина Игорь Юрий Константин Людмила Мария Михаил Наталья Николай Ольга Павел Светлана Сергей "
         "Татьяна Эдуард Яна Фёдор Григорий Лариса Вера").split()
PATRONYMIC = ("Александрович Алексеевич Иванович Петрович Сергеевич Викторович Юрьевич Николаевич "
              "Михайлович Владимирович").split()
EDITIONS = ("2-е изд.", "3-е изд., перераб. и доп.", "2-е изд., испр.", "4-е изд., стер.")
STYLES = (("gost", "ru"), ("gost", "en"), ("gost-2008", "ru"), ("gost-2008", "en"))
# words the styles print themselves; anything else left unlabelled means a field was missed
STYLE_WORDS = {"Текст", "электронный", "Text", "electronic", "DOI", "URL", "ISBN", "дата", "обращения",
               "accessed", "и", "др", "et", "al", "Электронный", "ресурс", "непосредственный", "unmediated",
               "сайт", "site", "Electronic", "resource"}


# --- records ------------------------------------------------------------------------------

def _ru_person(rng: random.Random) -> Dict[str, str]:
    fam = rng.choice(FAMILIES)
    given = rng.choice(GIVEN)
    if given.endswith(("а", "я")) and fam.endswith(("ов", "ев", "ин", "ёв")):
        fam += "а"  # a woman's family name agrees with her given name
    if rng.random() < 0.6:
        pat = rng.choice(PATRONYMIC)
        if given.endswith(("а", "я")):
            pat = pat[:-2] + "на"
        given += " " + pat
    return {"family": fam, "given": given}


def _ru_title(rng: random.Random) -> str:
    words = [rng.choice(TITLE_WORDS) for _ in range(rng.randint(3, 9))]
    t = " ".join(words)
    if rng.random() < 0.25:
        t += ": " + " ".join(rng.choice(TITLE_WORDS) for _ in range(rng.randint(2, 5)))
    return t[:1].upper() + t[1:]


def _pages(rng: random.Random) -> str:
    a = rng.randint(1, 600)
    return f"{a}-{a + rng.randint(1, 40)}"


def ru_record(rng: random.Random, n: int) -> Item:
    """A Russian article, book or chapter with the fields GOST lists print."""
    kind = rng.choices(("article-journal", "book", "chapter"), (0.55, 0.25, 0.2))[0]
    authors = [_ru_person(rng) for _ in range(rng.choice((1, 1, 2, 2, 3, 4, 5)))]
    item: Item = {"id": f"ru{n}", "type": kind, "title": _ru_title(rng), "author": authors,
                  "issued": {"date-parts": [[rng.randint(1965, 2025)]]}, "language": "ru"}
    if kind == "article-journal":
        item["container-title"] = rng.choice(JOURNALS)
        if rng.random() < 0.6:
            item["volume"] = str(rng.randint(1, 60))
        if rng.random() < 0.9:
            item["issue"] = str(rng.randint(1, 12))
        item["page"] = _pages(rng)
        if rng.random() < 0.4:
            item["DOI"] = f"10.{rng.randint(1000, 99999)}/{rng.randint(1000, 9999)}-{rng.randint(1, 99)}"
    else:
        item["publisher"] = rng.choice(PUBLISHERS)
        item["publisher-place"] = rng.choice(PLACES).rstrip(".")
        if kind == "book":
            item["number-of-pages"] = str(rng.randint(48, 900))
            if rng.random() < 0.25:
                item["edition"] = rng.choice(EDITIONS)
        else:
            item["container-title"] = _ru_title(rng)
            item["page"] = _pages(rng)
    return item


def _gen_corpus_records(n: int, seed: int) -> List[Item]:
    tool = os.path.join(SHARED, "tools", "gen_corpus.py")
    if not os.path.exists(tool):
        return []
    spec = importlib.util.spec_from_file_location("gen_corpus", tool)
    # a ".py" path always gets a spec with a source loader (a missing file fails in exec_module)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    r = random.Random(seed)
    return [mod.record(i, r) for i in range(n)]


def _deep_review(part: str) -> List[Item]:
    path = os.path.join(SHARED, "corpus", "real", "deep-review-refs.json")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        items = json.load(fh)
    dev = [int(hashlib.sha1(str(it.get("id")).encode()).hexdigest(), 16) % 5 == 0 for it in items]
    return [it for it, d in zip(items, dev) if d == (part == "dev")]


def records(part: str = "train") -> List[Item]:
    """The structured records for one part; 'train' and 'dev' share no record."""
    seed = 41 if part == "train" else 97
    rng = random.Random(seed)
    out = [ru_record(rng, i) for i in range(1500)]
    corpus = _gen_corpus_records(2500, seed)
    # gen_corpus is ~10 % Russian: keep all of those and a share of the Latin ones
    out += [it for it in corpus if it.get("language") == "ru" or rng.random() < 0.3]
    out += [it for it in _deep_review(part) if it.get("type") in ("article-journal", "chapter", "book",
                                                                    "paper-conference")]
    return out


# --- finding the fields in the rendered string --------------------------------------------

_INITIALS = r"(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][a-zа-яё]?\.(?:\s?-?\s?)?)+"


class _Labels:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lab = ["other"] * len(text)

    def _initial_dot(self, i: int) -> bool:
        """The full stop of an initial ('А. С.') belongs to the name, as refdata labels it."""
        t = self.text
        return t[i] == "." and i >= 1 and t[i - 1].isupper() and (i < 2 or not t[i - 2].isalpha())

    def free(self, a: int, b: int) -> bool:
        return a < b and all(x == "other" for x in self.lab[a:b])

    def claim(self, a: int, b: int, label: str) -> bool:
        while b > a and self.text[b - 1] in " ,.;:" and not self._initial_dot(b - 1):
            b -= 1
        if not self.free(a, b):
            return False
        self.lab[a:b] = [label] * (b - a)
        return True

    def find(self, pattern: str, label: str, start: int = 0) -> int:
        """Label the first free match of the regex after start; its end, or -1."""
        for m in re.finditer(pattern, self.text[start:]):
            a, b = start + m.start(), start + m.end()
            if self.claim(a, b, label):
                return b
        return -1


def _family(p: Dict[str, str]) -> str:
    return " ".join(x for x in (p.get("non-dropping-particle"), p.get("family")) if x) or p.get("literal", "")


def _claim_people(lab: _Labels, people: Sequence[Dict[str, str]], label: str) -> int:
    """Each person's family name with the initials on either side; the count found."""
    found = 0
    text = lab.text
    for p in people:
        fam = _family(p)
        if not fam:
            continue
        pattern = re.escape(fam).replace("'", "['’]")
        for m in re.finditer(r"(?<!\w)" + pattern + r"(?!\w)", text):
            a, b = m.start(), m.end()
            if not lab.free(a, b):
                continue
            if p.get("given"):
                right = re.match(r",?\s" + _INITIALS, text[b:])
                left = re.search(_INITIALS + r"\s?$", text[:a])
                # initials before the name win: in 'Г. А. Маслов, Н. Н. Шлапеко' the ones after
                # it are the next person's
                if left:
                    a = left.start()
                elif right:
                    b += len(right.group(0).rstrip())
            if lab.claim(a, b, label):
                found += 1
    # separators between names and a closing '[и др.]' belong to the list of names
    i = 0
    while i < len(text):
        if lab.lab[i] == label:
            j = i
            while j < len(text) and lab.lab[j] == label:
                j += 1
            gap = re.match(r"\.?[\s,;]+(?:(?:и|and|&)\s+)?", text[j:])
            if gap and j + gap.end() < len(text) and lab.lab[j + gap.end()] == label and \
                    lab.free(j, j + gap.end()):
                lab.lab[j:j + gap.end()] = [label] * gap.end()
                continue
            etal = re.match(r"\s?(?:\[(?:и др\.|et al\.)\]|и др\.|et al\.)", text[j:])
            if etal and lab.free(j, j + etal.end()):
                lab.lab[j:j + etal.end()] = [label] * etal.end()
            i = j
        i += 1
    return found


def _flexible(value: str) -> str:
    """A title as a regex: GOST prints 'Title : subtitle' where the record has 'Title: subtitle'."""
    return re.escape(value).replace(r":\ ", r"\s?:\s")


def label_rendered(text: str, item: Item, origin: str) -> Labeled | None:
    """Labels for one rendered string, or None when a field could not be placed for sure."""
    lab = _Labels(text)
    if item.get("DOI") and lab.find(re.escape(item["DOI"]), "doi") < 0:
        return None
    if item.get("URL") and item["URL"] in text and lab.find(re.escape(item["URL"]), "url") < 0:
        return None
    title_end = lab.find(_flexible(item["title"]), "title")
    if title_end < 0:
        return None
    pos = title_end
    if item.get("container-title"):
        end = lab.find(_flexible(item["container-title"]), "container", title_end)
        if end < 0:
            return None
        pos = end
    for key, label in (("publisher-place", "location"), ("publisher", "publisher")):
        if item.get(key) and item[key] in text[title_end:]:
            if lab.find(re.escape(item[key]), label, title_end) < 0:
                return None
    year = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][0] or "")
    if year and lab.find(rf"(?<![\d.]){year}(?![\d.]\d)", "date", title_end) < 0:
        return None
    if item.get("edition") and item["edition"] in text:
        lab.find(re.escape(item["edition"]), "edition", title_end)
    number = r"\s?{}(?!\w)"
    if item.get("volume"):
        lab.find(r"(?:Т|Vol|vol|V)\." + number.format(re.escape(str(item["volume"]))), "volume", pos)
    if item.get("issue"):
        lab.find(r"(?:№|no\.|No\.|Вып\.|Iss\.)" + number.format(re.escape(str(item["issue"]))), "issue", pos)
    if item.get("page"):
        page = "[-–]".join(re.escape(x) for x in re.split("[-–]", str(item["page"])))
        lab.find(r"(?:С|C|P|p|pp|S)\." + number.format(page), "pages", pos)
    if item.get("number-of-pages"):
        lab.find(rf"(?<!\w){item['number-of-pages']}\s?(?:с|p|S|pp)(?=\.)", "pages", title_end)
    if _claim_people(lab, (item.get("author") or [])[:1], "author") < 1:
        return None
    _claim_people(lab, item.get("author") or [], "author")
    _claim_people(lab, item.get("editor") or [], "editor")
    # every word outside the labels must be the style's own: else a field was missed
    for m in re.finditer(r"[^\W\d_]+", text):
        if lab.lab[m.start()] == "other" and m.group(0) not in STYLE_WORDS:
            if not re.search(r"ISBN[\d\s-]*$|обращения|accessed", text[:m.start()][-30:]):
                return None
    spans: List[Tuple[int, int, str]] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and lab.lab[j] == lab.lab[i]:
            j += 1
        if lab.lab[i] != "other":
            spans.append((i, j, lab.lab[i]))
        i = j
    return Labeled(text, spans, origin)


# --- variation a printed list shows and our styles do not ---------------------------------

_VARIANTS: List[Tuple[str, Sequence[str]]] = [
    (" – ", (" - ", " — ", " -- ")),          # area dash typed as hyphen or em dash
    (r"(?<=[А-ЯЁA-Z]\.) (?=[А-ЯЁA-Z]\.)", ("",)),  # 'А.С.' without the space
    (" // ", ("// ", " //")),
    ("№ ", ("№", "N ")),
]


def vary(ref: Labeled, rng: random.Random) -> Labeled:
    """The same string with one house habit changed, labels carried along."""
    pattern, choices = rng.choice(_VARIANTS)
    labels = ["other"] * len(ref.text)
    for a, b, lab in ref.spans:
        labels[a:b] = [lab] * (b - a)
    chars: List[Tuple[str, str]] = []
    pos = 0
    for m in re.finditer(pattern, ref.text):
        chars.extend(zip(ref.text[pos:m.start()], labels[pos:m.start()]))
        inner = labels[m.start():m.end()]
        label = inner[0] if inner and len(set(inner)) == 1 else (labels[m.start() - 1] if m.start() else "other")
        if labels[m.start():m.end()] and labels[m.start()] == "other":
            label = "other"
        chars.extend((c, label) for c in rng.choice(choices))
        pos = m.end()
    chars.extend(zip(ref.text[pos:], labels[pos:]))
    return labeled_from_chars(chars, ref.origin + "+vary")


def render_gost(n: int, part: str = "train", seed: int = 53) -> List[Labeled]:
    """Up to n labelled GOST strings, each record in one style/locale chosen at random."""
    from converter.api import write

    rng = random.Random(seed if part == "train" else seed + 1)
    pool = records(part)
    rng.shuffle(pool)
    out: List[Labeled] = []
    for item in pool:
        style, locale = rng.choice(STYLES)
        try:
            text = " ".join(str(write([item], style, locale=locale)).split())
        except Exception:  # a record our writer cannot render only means one string fewer
            continue
        ref = label_rendered(text, item, f"gostrender/{style}-{locale}")
        if ref is None:
            continue
        out.append(vary(ref, rng) if rng.random() < 0.4 else ref)
        if len(out) >= n:
            break
    return out


__all__ = ["label_rendered", "records", "render_gost", "vary"]
