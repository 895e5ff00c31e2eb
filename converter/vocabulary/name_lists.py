"""Author lists as reference strings print them: splitting a list into people and each person
into CSL name parts, in the orders reference styles use:

    "Tarasova A.S."         Vancouver / GOST (family first, initials after)
    "A. S. Tarasova"        initials first (physics, GOST after the slash)
    "Тарасова, А. С."       inverted with a comma (APA, GOST heading)
    "Pérez-Higueras JJ"     Vancouver without dots
    "de la Macorra JC", "G. 't Hooft", "van der Berg, J."   particles

Given names are kept as printed ("A.S.", "Yu.G."), per the project's conventions.
"""
from __future__ import annotations

import re
from typing import Dict, List

from ..patterns import lazy
from . import names as _names
from .languages import is_cyrillic
from .names import PARTICLES, is_initials
from .text import latinize_lookalikes

UP, LOW = _names.UP, _names.LOW


# Vancouver initials without dots: "JJ", "A", "JC" (only trusted after a family name)
_BARE_INITIALS = lazy(rf"^[{UP}]{{1,3}}$")
_GLUED_INITIALS = lazy(rf"^((?:[{UP}][{LOW}]?\.){{1,3}})(?=[{UP}][{LOW}])")
_INITIALS_GLUED_TO_FAMILY = lazy(rf"^(?:[{UP}][{LOW}]?\.)+[{UP}]")
_CAPITALISED_WORD = lazy(rf"^[{UP}][{LOW}'’]+(?:-[{UP}]?[{LOW}'’]+)*$")
_ROLE_IN_BRACKETS = lazy(r"\s*\((?:eds?|éds?|hrsg|hg|red|ред|comp|coords?|dir|orgs?)\.?\)\s*", re.I)
_SPACE_BEFORE_STOP = lazy(r"\s+(?=[.,;:](?:\s|$))")
_ROLE_AFTER = lazy(r",\s*(?:editors|eds?\.?|Eds\.?|[Hh]rsg\.?|[Hh]g\.|éds?\.)\s*[,.:]?\s*$")
_LIST_OPENER = lazy(r"^(?:in:?|by|edited by|eds?\.|ed\.|под ред\.)\s+", re.I)
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# each word on a word boundary: 'Yu.A.' ends like 'u. a.' (German 'und andere') but is initials;
# 'u. a.' in lower case only: 'Khan U. A.' is initials
# (Polish 'i in.', 'i inni': and others)
_ETAL = re.compile(r"(?:,?\s*(?:\bet\s*al\.?|\bи\s*др\.?|(?-i:\bi\s+in(?:\.|ni\b))|\bet\s+alii|(?-i:\bu\.\s*a\.)|\[и\s*др\.?\]?|\[et\s*al\.?\]?|\.\s*\.\s*\.|…))\s*\.?\s*$",
                   re.I)
# ('i': Polish and Catalan 'and', 'і' and 'та' Ukrainian; a slash parts German humanities lists: 'Risse, Thomas/Lehmkuhl, Ursula')
# ('y', 'e', 'i' in lower case only: 'Runkel I and Wood S' has an initial I; a slash neither in '//', '</i>',
# '90/Die Grünen' nor inside brackets: '(Cal/EPA)')
_LIST_SEPARATORS = re.compile(r"\s*(?:;(?:\s*(?:and|&)\s+)?|,?\s+(?:and|&|et|und|и|і|та|(?-i:y|e|i))\s+|,?\s*&\s*"
                              r"|(?<![/<\d])/(?![/\d])(?![^()]*\)))\s*", re.I)
# Spanish and Portuguese family names joined by 'y' / 'e' ('Ortega y Gasset, J.'): the word is
# not a list's 'and' when it stands between two bare words and initials follow after a comma
_JOINED_FAMILY = re.compile(rf"(?<![\w.])([{UP}][{LOW}'’-]+)\s+(y|e|i)\s+([{UP}][{LOW}'’-]+)"
                            rf"(?=,\s*[{UP}][{LOW}]{{0,2}}\.)")
_JOIN = "\u2060"  # a word joiner stands for the space until the list is split


# abbreviations that look like initials ('Eds.', 'Inc.'): never a given name
_NOT_A_NAME = re.compile(r"\b(?:Eds?|Inc|Ltd|Co|Corp)\b\.?")
_SUFFIX_AFTER_FAMILY = re.compile(rf"^([{UP}][^\s,]+)\s+(Jr\.?|Sr\.?|II|III|IV)$")
_CORPORATE = re.compile(r"\b(?:Organi[sz]ation|Association|Institute|Institut|Society|Agency|Committee|Council|"
                        r"Foundation|Department|Ministry|Commission|Bureau|Consortium|Collaboration|Group|"
                        r"Министерство|Институт|Комитет|Агентство|Служба)\b")
# a family name in capitals ('DUPONT', "D'ALEMBERT", 'LE'), and a given name as names are written ('Jean-Pierre')
_CAPITALS_WORD = re.compile(rf"^[{UP}][{UP}'’-]*[{UP}]$")
_MIXED_CASE_WORD = re.compile(rf"^[{UP}][{LOW}'’]+(?:-[{UP}][{LOW}'’]+)*$")
_PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)$")


def _looks_given_only(piece: str) -> bool:
    """'J.', 'J. P.', 'A.S.', 'Yu.G.': a piece of a comma-split list that is only initials."""
    toks = piece.split()
    return (bool(toks) and all(is_initials(t) or t.lower() in _SUFFIXES for t in toks)
            and not _NOT_A_NAME.search(piece))


def _particle_split(words: List[str]) -> tuple[str, str]:
    """Family words -> (particle, family) is not needed by CSL scoring; keep the particle
    inside the family ('de la Macorra') as styles print it."""
    return "", " ".join(words)


def split_person(text: str, repairs: List[str] | None = None) -> Dict[str, str]:
    """One printed name -> {"family", "given"} (given omitted when absent), or {"literal"}.

    Look-alike letters repaired in the name are described in ``repairs`` (when given) so
    the caller can warn.
    """
    text = text.strip().strip(",;").strip()
    if not text:
        return {}
    if _CORPORATE.search(text):
        return {"literal": text.rstrip(".")}  # 'World Health Organization' is not Organization, W. H.
    # inverted: "Family, Given"
    if "," in text:
        fam, _, giv = text.partition(",")
        fam, giv = fam.strip(), giv.strip().strip(",").strip()
        if giv.lower() in _SUFFIXES:
            return _ordered(fam, repairs)
        return _name(fam, giv, repairs)
    return _ordered(text, repairs)


def _ordered(text: str, repairs: List[str] | None = None) -> Dict[str, str]:
    # "A.S.Tarasova" / "Tarasova A.S" glued: put a space after the last dot of the initials
    text = _GLUED_INITIALS.sub(r"\1 ", text)
    words = text.split()
    if len(words) > 2 and words[-1].rstrip(".,") in ("Jr", "Sr", "jr", "sr"):  # 'JR' would be initials
        # 'Harris ED Jr.': the suffix goes apart, the rest is read as any name
        person = _ordered(" ".join(words[:-1]), repairs)
        if "family" in person:
            person["suffix"] = words[-1].rstrip(",")
        return person
    if len(words) == 1:
        # "Tarasova" or "A.S.Tarasova" handled above; a lone word is a family name
        return _name(words[0], "", repairs)
    n = len(words)
    caps = 0
    while caps < n - 1 and _CAPITALS_WORD.match(words[caps]):
        caps += 1
    if caps and any(len(w) >= 4 for w in words[:caps]) and all(
            is_initials(w) or _MIXED_CASE_WORD.match(w) for w in words[caps:]):
        # 'DUPONT Jean', 'LE GOFF Jacques', 'BEACH Edward L.': French and Brazilian lists print the
        # family name first and in capitals
        return _name(" ".join(words[:caps]), " ".join(words[caps:]), repairs)
    # family first, initials after: "Tarasova A.S.", "de la Macorra JC", "Smith J. P."
    k = n
    while k > 1 and (is_initials(words[k - 1]) or words[k - 1].rstrip(".").lower() in ("jr", "sr")):
        k -= 1
    if k < n and k >= 1 and not is_initials(words[0]):
        return _name(" ".join(words[:k]), " ".join(words[k:]), repairs)
    last = words[-1][:-1] if words[-1].endswith(".") and len(words[-1]) > 2 else words[-1]
    if (n >= 2 and _BARE_INITIALS.match(last) and not words[0].isupper()
            and not _BARE_INITIALS.match(words[0])):
        # 'Mitchell RD.': Vancouver initials without dots, the list's full stop after them
        return _name(" ".join(words[:-1]), last, repairs)
    # initials first: "A. S. Tarasova", "J. P. COLLMAN", "G. 't Hooft"
    k = 0
    while k < n - 1 and is_initials(words[k]):
        k += 1
    if k > 0:
        return _name(" ".join(words[k:]), " ".join(words[:k]), repairs)
    if all(w.islower() and w in PARTICLES for w in words[:-1]):
        return _name(" ".join(words), "", repairs)  # 'de Linares' (its initials printed apart); not 'Le Song'
    if n == 3 and _PATRONYMIC.search(words[2].rstrip(".,;")) and not _PATRONYMIC.search(words[1]):
        # 'Щербакова Елена Викторовна': a Russian full name is printed family first
        return _name(words[0], " ".join(words[1:]), repairs)
    # full names, given first: "John Smith", "Nicholson B. Adams", "Ludwig van Beethoven"
    j = n - 1
    while j > 1 and words[j - 1].lower() in PARTICLES:
        j -= 1
    return _name(" ".join(words[j:]), " ".join(words[:j]), repairs)


def _name(family: str, given: str, repairs: List[str] | None = None) -> Dict[str, str]:
    family = family.strip(" ,;")
    if family.endswith(".") and len(family) > 3 and not is_initials(family.split()[-1]):
        family = family[:-1]  # the full stop that ends a GOST responsibility area
    given = given.strip(" ,;")
    if given.endswith(".") and len(given.split()[-1]) > 3 and not is_initials(given.split()[-1]):
        given = given[:-1]  # 'Jackson, Michael.': the list's full stop, not an abbreviation's
    if family and not is_cyrillic(family) and given and is_cyrillic(given):
        # Cyrillic initials of a Latin-script name are look-alikes typed by mistake ('К.А.')
        latin = latinize_lookalikes(given)
        if latin and latin != given:
            if repairs is not None:
                repairs.append(f"{family} {given} -> {family} {latin}")
            given = latin
    out: Dict[str, str] = {"family": family}
    if given:
        out["given"] = given
    return out


def strip_et_al(text: str) -> tuple[str, bool]:
    """Remove a trailing 'et al.' / 'и др.'; say whether there was one."""
    new = _ETAL.sub("", text)
    return new, new != text


def split_names(text: str, repairs: List[str] | None = None) -> List[Dict[str, str]]:
    """An author list as printed -> CSL names. 'et al.' and 'и др.' are dropped.

    Cyrillic initials of a Latin-script name are repaired and listed in ``repairs``."""
    text = text.strip().rstrip(",;:")
    # the role after the names: '(Eds.)', '(Hrsg.)', '(Hg.)', '(dir.)', '(coord.)', '(org.)', '(Orgs.)', '(red.)'
    text = _ROLE_IN_BRACKETS.sub(" ", text).strip()
    text = _SPACE_BEFORE_STOP.sub("", text)  # 'Hermann (Hg.).': no space left before the stop
    # the role after a comma: 'Stumm, Gerhard, Hrsg.', 'Farmer, P., and J. Simmons, eds.', 'Angus Nicholls,
    # editors.' ('Smith, Ed.' is Edward)
    text = _ROLE_AFTER.sub("", text)
    text = _LIST_OPENER.sub("", text)  # 'In A. Smith (Eds.)'
    text, _ = strip_et_al(text)
    text = text.strip().rstrip(".,") + ("." if text.strip().endswith(".") else "")
    if not text:
        return []
    text = _JOINED_FAMILY.sub(lambda m: _JOIN.join(m.groups()), text)
    groups = [g for g in _LIST_SEPARATORS.split(text) if g and g.strip(" ,.")]
    pieces: List[str] = []
    for g in groups:
        pieces.extend(p.strip().replace(_JOIN, " ") for p in g.split(",") if p.strip())
    people: List[Dict[str, str]] = []
    i = 0
    inverted = False
    while i < len(pieces):
        piece = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        # "Smith, J." / "Adams, Nicholson B." / "Foster, Catherine P., and Bradley J. Parker":
        # a bare family followed by its given names (the first author, or a list written so)
        if nxt is not None and _bare_family(piece) and (
                _looks_given_only(nxt) or ((i == 0 or inverted) and _given_like(nxt))
                or _BARE_INITIALS.match(nxt.rstrip(".")) and (i == 0 or inverted)):
            # 'Watson, WH, Burke, TJ': Vancouver initials after an inverted family name
            people.append(_name(piece, nxt, repairs))
            inverted = True
            i += 2
            continue
        if nxt is not None and _SUFFIX_AFTER_FAMILY.match(piece) and _looks_given_only(nxt):
            # 'Blyth Jr., C.': the suffix is printed with the family name
            m = _SUFFIX_AFTER_FAMILY.match(piece)
            assert m is not None
            person = _name(m.group(1), nxt, repairs)
            person["suffix"] = m.group(2)
            people.append(person)
            inverted = True
            i += 2
            continue
        if nxt is not None and _compound_family(piece) and _looks_given_only(nxt):
            # 'Martínez Sánchez, A.': with dotted initials after the comma, the words before it
            # are one family name, not given names and a family
            people.append(_name(piece, nxt, repairs))
            inverted = True
            i += 2
            continue
        inverted = False
        if piece.lower().rstrip(".") in ("jr", "sr") and people:
            people[-1]["given"] = (people[-1].get("given", "") + ", " + piece).strip(", ")
            i += 1
            continue
        person = split_person(piece, repairs)
        if person:
            people.append(person)
        i += 1
    return people


def _bare_family(piece: str) -> bool:
    """'Smith', 'Pérez-Higueras', 'van der Berg': a family name alone, no initials."""
    words = piece.split()
    if not words or any(is_initials(w) for w in words):
        return False
    if _INITIALS_GLUED_TO_FAMILY.match(words[0]):
        return False  # 'Л.В.Ершова': initials glued to the family name
    return len(words) == 1 or all(w.lower() in PARTICLES for w in words[:-1])


def _compound_family(piece: str) -> bool:
    """'Martínez Sánchez', 'Ortega y Gasset', 'García de la Fuente': two or three capitalised
    words (particles between them) that are a family name when initials follow after a comma."""
    words = piece.split()
    capitals = [w for w in words if w.lower() not in PARTICLES and w not in ("e", "i")]
    return (2 <= len(capitals) <= 3 and len(words) <= 5 and not _bare_family(piece)
            and all(_CAPITALISED_WORD.match(w) for w in capitals)
            and words[0] in capitals and not _NOT_A_NAME.search(piece)
            and not any(w.rstrip(".").lower() in ("jr", "sr") for w in words))


def _given_like(piece: str) -> bool:
    """'Nicholson B.', 'Catherine', 'Jean-Louis': capitalised given names and initials only."""
    words = piece.split()
    while len(words) > 1 and words[-1] in PARTICLES:
        words.pop()  # 'SANTOS, José Luiz dos' (Brazilian ABNT): the particle is printed after the given names
    return 1 <= len(words) <= 3 and all(re.match(rf"^[{UP}]", w) for w in words) \
        and not any(len(w) > 1 and w.isupper() and not is_initials(w) for w in words)


__all__ = ["split_names", "split_person", "strip_et_al"]
