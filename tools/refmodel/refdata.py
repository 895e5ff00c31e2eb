"""Labelled reference strings from ../shared/refdata (training and evaluation only).

Two sources, both turned into ``Labeled(text, spans)`` with character spans per label:

* AnyStyle XML (BSD-2-Clause): ``<sequence><author>..</author><title>..</title>..``;
  the string is the segments joined by single spaces, as AnyStyle itself does.
* GROBID TEI (annotations CC BY 4.0): ``<bibl>`` with mixed content; text outside any
  tag is labelled ``other``.

The label set is the one the sequence model predicts (see ``LABELS``).

Splits (``split``, ``split_dev``), all by a SHA-1 hash of the normalised string:
  * Cyrillic GOST-like strings: held out (the GOST evaluation set), never trained on;
  * bucket 0 of 10: held out (the refdata evaluation set), never trained on;
  * bucket 1 of 10: DEV, a part of the training side used to compare features, rules and
    CRF weights (with a model trained without it). Decisions are made on DEV only; the
    held-out and GOST figures are measured once a change is decided, for the report.
  * the rest: training. The shipped model is trained on training + DEV.
"""
from __future__ import annotations

import glob
import hashlib
import os
import re
from dataclasses import dataclass
from typing import Iterator, List, Tuple
from xml.etree import ElementTree as ET

LABELS = ("author", "editor", "title", "container", "collection", "date", "volume", "issue",
          "pages", "publisher", "location", "doi", "url", "note", "number", "edition", "genre",
          "other")

_ANYSTYLE = {
    "author": "author", "editor": "editor", "title": "title", "journal": "container",
    "container-title": "container", "collection-title": "collection", "date": "date",
    "volume": "volume", "pages": "pages", "publisher": "publisher", "location": "location",
    "doi": "doi", "url": "url", "note": "note", "citation-number": "number", "edition": "edition",
    "genre": "genre",
}


@dataclass
class Labeled:
    text: str
    spans: List[Tuple[int, int, str]]  # (start, end, label), in order, non-overlapping
    origin: str = ""

    def segments(self) -> List[Tuple[str, str]]:
        return [(label, self.text[a:b]) for a, b, label in self.spans]


def labeled_from_chars(chars: List[Tuple[str, str]], origin: str) -> Labeled:
    """A labelled string from (character, label) pairs: each run of one label becomes a span,
    without its outer spaces; "other" runs are not spans."""
    text = "".join(c for c, _ in chars)
    spans: List[Tuple[int, int, str]] = []
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and chars[j][1] == chars[i][1]:
            j += 1
        a, b = i, j
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        if chars[i][1] != "other" and a < b:
            spans.append((a, b, chars[i][1]))
        i = j
    return Labeled(text, spans, origin)


def load_anystyle(path: str) -> Iterator[Labeled]:
    root = ET.parse(path).getroot()
    name = os.path.basename(path)
    for n, seq in enumerate(root):
        parts: List[str] = []
        spans: List[Tuple[int, int, str]] = []
        pos = 0
        for el in seq:
            seg = " ".join((el.text or "").split())
            if not seg:
                continue
            if parts:
                pos += 1
            label = _ANYSTYLE.get(el.tag, "other")
            spans.append((pos, pos + len(seg), label))
            parts.append(seg)
            pos += len(seg)
        if parts:
            yield Labeled(" ".join(parts), spans, f"anystyle/{name}#{n}")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _grobid_label(el: ET.Element, has_article_title: bool) -> str:
    tag = _local(el.tag)
    kind = (el.get("unit") or el.get("type") or el.get("level") or "").lower()
    if tag == "title":
        level = (el.get("level") or el.get("type") or "").lower()
        if level == "a":
            return "title"
        if level == "j":
            return "container"
        if level == "m":
            return "container" if has_article_title else "title"
        if level == "s":
            return "collection"
        return "title"
    if tag == "biblScope":
        if kind in ("vol", "volume"):
            return "volume"
        if kind == "issue":
            return "issue"
        if kind in ("pp", "page", "pages"):
            return "pages"
        return "other"
    if tag == "idno":
        return "doi" if kind == "doi" else "other"
    if tag == "ptr":
        return "url"
    if tag in ("pubPlace", "pubplace"):
        return "location"
    if tag in ("author", "editor", "date", "publisher", "note"):
        return "date" if tag == "date" else tag
    if tag == "orgName":
        return "author" if kind == "collaboration" else "publisher"
    if tag == "page":
        return "pages"
    return "other"


def _flatten(el: ET.Element, label: str, has_a: bool, out: List[Tuple[str, str]]) -> None:
    if el.text:
        out.append((el.text, label))
    for child in el:
        tag = _local(child.tag)
        if tag == "lb":
            out.append((" ", label))
        else:
            child_label = _grobid_label(child, has_a) if label == "other" else label
            if tag == "ptr" and child.get("target") and not (child.text or "").strip():
                out.append((child.get("target") or "", child_label))
            else:
                _flatten(child, child_label, has_a, out)
        if child.tail:
            out.append((child.tail, label))


def _bibl_to_labeled(bibl: ET.Element, origin: str) -> Labeled | None:
    has_a = any(_local(t.tag) == "title" and (t.get("level") or "") == "a" for t in bibl.iter())
    pieces: List[Tuple[str, str]] = []
    _flatten(bibl, "other", has_a, pieces)
    chars: List[Tuple[str, str]] = []
    for text, label in pieces:
        for ch in text:
            if ch.isspace():
                if chars and chars[-1][0] != " ":
                    chars.append((" ", label))
            else:
                chars.append((ch, label))
    while chars and chars[-1][0] == " ":
        chars.pop()
    if not chars:
        return None
    text = "".join(c for c, _ in chars)
    spans: List[Tuple[int, int, str]] = []
    start = 0
    for i in range(1, len(chars) + 1):
        if i == len(chars) or chars[i][1] != chars[start][1]:
            # a space on a label boundary belongs to neither side
            a, b = start, i
            while a < b and text[a] == " ":
                a += 1
            while b > a and text[b - 1] == " ":
                b -= 1
            if a < b:
                spans.append((a, b, chars[start][1]))
            start = i
    return Labeled(text, spans, origin)


def load_grobid(path: str) -> Iterator[Labeled]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return
    name = os.path.basename(path)
    for n, bibl in enumerate(el for el in root.iter() if _local(el.tag) == "bibl"):
        lab = _bibl_to_labeled(bibl, f"grobid/{name}#{n}")
        if lab is not None:
            yield lab


def load_all(root: str) -> List[Labeled]:
    """Every labelled string in refdata (AnyStyle first, then GROBID), in a stable order."""
    out: List[Labeled] = []
    for path in sorted(glob.glob(os.path.join(root, "anystyle", "*.xml"))):
        out.extend(load_anystyle(path))
    for path in sorted(glob.glob(os.path.join(root, "grobid", "**", "*.xml"), recursive=True)):
        out.extend(load_grobid(path))
    return out


# --- the documented train / held-out split -------------------------------------------------

def split_key(text: str) -> str:
    """Identity of a reference string for splitting: case and spacing do not make a new string."""
    return " ".join(text.lower().split())


def _bucket(text: str) -> int:
    return int(hashlib.sha1(split_key(text).encode("utf-8")).hexdigest(), 16) % 10


def is_held_out(text: str) -> bool:
    """One string in ten, chosen by a hash of the string itself: the same string (e.g. in both
    AnyStyle and GROBID) always falls on the same side."""
    return _bucket(text) == 0


def is_dev(text: str) -> bool:
    """The DEV bucket: another one string in ten by the same hash, taken from the *training*
    side only. Features, rules and CRF weights are compared on DEV (a model trained without
    it, ``train --dev``); the held-out and GOST sets are scored once, for the report."""
    return _bucket(text) == 1


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_GOST_MARKS = re.compile(r"//|\s[–—-]\s|\b(?:М|СПб|Л|К|Киев|Минск|Москва|София|С)\.?\s*:|\b\d+\s*с\.|\b(?:Т|С|Вып)\.\s*\d")


def is_cyrillic_gost(text: str) -> bool:
    """A Cyrillic reference in a GOST-like layout (areas separated by ' – ', '//' before the
    container, 'М.:' places, 'С.'/'с.' pages). All of these are held out from training."""
    return len(_CYRILLIC.findall(text)) >= 5 and bool(_GOST_MARKS.search(text))


def split(refs: List[Labeled]) -> Tuple[List[Labeled], List[Labeled], List[Labeled]]:
    """(train, held-out, Cyrillic GOST held-out); duplicates are kept once, held-out wins."""
    train: List[Labeled] = []
    test: List[Labeled] = []
    gost: List[Labeled] = []
    seen = set()
    for ref in refs:
        key = split_key(ref.text)
        if key in seen:
            continue
        seen.add(key)
        if is_cyrillic_gost(ref.text):
            gost.append(ref)
        elif is_held_out(ref.text):
            test.append(ref)
        else:
            train.append(ref)
    return train, test, gost


def split_dev(train: List[Labeled]) -> Tuple[List[Labeled], List[Labeled]]:
    """(fit, dev) from the training strings of ``split``: DEV is the hash bucket of ``is_dev``."""
    fit = [r for r in train if not is_dev(r.text)]
    dev = [r for r in train if is_dev(r.text)]
    return fit, dev


__all__ = ["LABELS", "Labeled", "is_cyrillic_gost", "is_dev", "is_held_out", "split_dev", "load_all", "load_anystyle",
           "load_grobid", "split", "split_key"]
