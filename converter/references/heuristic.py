"""A rule-only segmenter for author / title / container, used when the learned model is
unavailable and as a check on it. It knows the common "Authors. Title. Container." order
of Vancouver and GOST references and nothing more.
"""
from __future__ import annotations

import re
from typing import Dict, List, Tuple

from ..vocabulary.names import is_initials

UP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
# abbreviations after which ". " does not end a sentence
_ABBREV = {"vol", "no", "st", "dr", "mr", "mrs", "prof", "jr", "sr", "ed", "eds", "pp", "p", "inc",
           "co", "ltd", "univ", "dept", "int", "proc", "j", "rev", "acad", "sci", "vs", "etc", "al",
           "т", "с", "им", "г", "гг", "др", "ун-та", "изд", "вып"}


def _family_first_authors(s: str) -> int:
    """End offset of a leading 'Family I.I., Family I.I.' run, or 0."""
    pos, end = 0, 0
    rx = re.compile(rf"\s*((?:[{UP}][^\s,.;]*\s+){{1,3}}?)((?:[{UP}][a-zа-яё]?\.\s?-?){{1,3}})(,|\s|$)")
    while True:
        m = rx.match(s, pos)
        if not m or not m.group(1).strip():
            break
        if not all(is_initials(t) for t in m.group(2).split()) and not m.group(2).strip().endswith("."):
            break
        end = m.end(2)
        pos = m.end()
        if m.group(3) != ",":
            break
        rest = s[pos:]
        et_al = re.match(r"\s*(?:et al\.?|и др\.?)", rest)
        if et_al:
            end = pos + et_al.end()
            break
    return end


def _initials_first_authors(s: str) -> int:
    """End offset of a leading 'I. I. Family, I. Family' run, or 0."""
    rx = re.compile(rf"\s*((?:[{UP}][a-zа-яё]?\.\s?-?){{1,3}})\s*([{UP}][^\s,.;]+(?:[\s-][{UP}][^\s,.;]+)?)(,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|\.|\s)")
    pos, end = 0, 0
    while True:
        m = rx.match(s, pos)
        if not m:
            break
        end = m.end(2)
        pos = m.end()
        if not m.group(3).startswith(",") and "and" not in m.group(3) and "&" not in m.group(3):
            break
    return end


def sentence_breaks(s: str) -> List[int]:
    """Offsets just after each '. ' / '? ' / '! ' that ends a sentence (not an initial or
    an abbreviation)."""
    out = []
    for m in re.finditer(r"[.?!](?=\s+\S)", s):
        # the word before the mark, found by looking back to the last space (linear overall)
        word = s[max(s.rfind(" ", 0, m.start()), s.rfind("\n", 0, m.start()), s.rfind("\t", 0, m.start())) + 1:m.start()]
        if m.group(0) == "." and (word.lower().strip("(") in _ABBREV or is_initials(word + ".")
                                  or (len(word) == 1 and word.isalpha())):
            continue
        out.append(m.end())
    return out


def segment_head(head: str) -> Dict[str, Tuple[int, int]]:
    """Spans of author, title and container-title in the text before the numbers."""
    spans: Dict[str, Tuple[int, int]] = {}
    a_end = _family_first_authors(head) or _initials_first_authors(head)
    if a_end:
        spans["author"] = (0, a_end)
    rest_start = a_end
    while rest_start < len(head) and head[rest_start] in " .,:;":
        rest_start += 1
    rest = head[rest_start:]
    breaks = [b for b in sentence_breaks(rest) if rest[:b].strip(" .")]
    if breaks:
        b = breaks[0]
        spans["title"] = (rest_start, rest_start + b)
        spans["container-title"] = (rest_start + b, len(head))
    elif rest.strip(" .,;"):
        spans["title"] = (rest_start, len(head))
    return spans


__all__ = ["segment_head", "sentence_breaks"]
