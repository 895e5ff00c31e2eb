"""A person's name in CSL's parts: particles, initials, the inverted "Family, Given[, Suffix]"
form exports use (RIS, Zotero), and a name as one line of text. Author lists as reference
strings print them are read by name_lists.py."""
from __future__ import annotations

import re
from typing import Any, Dict

from ..patterns import lazy

# with the letters of Kazakh, Ukrainian, Serbian and Macedonian names beyond Russian's ('Әбенов Ә.Ә.',
# 'Ґудзь Ґ.П.', 'Јовановић Ј.')
UP = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄЎҐҒҚҢҮҰҺӘӨЂЃЅЈЉЊЋЌЏ"
LOW = "a-zß-öø-ÿā-ſа-яёіїєўґғқңүұһәөђѓѕјљњћќџ"
# One printed initial: "A.", "Yu.", "Zh.", "J.-P.", "A.S." (several glued together)
_INITIALS = lazy(rf"^(?:[{UP}][{LOW}]{{0,2}}\.(?:-?[{UP}][{LOW}]{{0,2}}\.)*|[{UP}]\.?-[{UP}]\.?)$")
# Lower-case words that join a family name ('van der Berg', 'de la Macorra')
PARTICLES = {"van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "la",
             "le", "lo", "ten", "ter", "'t", "’t", "zu", "af", "al", "el", "bin", "ibn", "st.", "y", "d'"}


def is_initials(token: str) -> bool:
    """'A.', 'Yu.', 'J.-P.', 'A.S.', 'Ә.Ә.': one printed token of initials."""
    return bool(_INITIALS.match(token))


# ---- the inverted form of exports: "Family, Given[, Suffix]" --------------------------------

# "R.", "D.G.", "Yu.", "J.-P."
_DOTTED_INITIALS = lazy(r"(?:[^\W\d_]{1,2}\.\s?-?)+")


def split_inverted(value: str) -> Dict[str, str]:
    """'Family, Given[, Suffix]' -> CSL name ('van de Schoot' -> particle 'van de' + 'Schoot');
    'Liu R.' (Embase) -> family + initials; anything else with no comma (a collaboration, an
    organisation) -> literal."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 1:
        m = re.fullmatch(r"(\S.*?)\s+(" + _DOTTED_INITIALS.pattern + r")", value.strip())
        if m and m.group(2)[0].isupper():
            return {"family": m.group(1), "given": m.group(2).strip()}
        return {"literal": value.strip()}
    name: Dict[str, str] = {}
    words = parts[0].split()
    lead = 0  # lower-case words before a capitalised one are a particle: "van de Schoot"
    while lead < len(words) - 1 and words[lead].isalpha() and words[lead].islower():
        lead += 1
    if lead and words[lead][:1].isupper():
        name["non-dropping-particle"] = " ".join(words[:lead])
        name["family"] = " ".join(words[lead:])
    elif parts[0]:
        name["family"] = parts[0]
    if parts[1]:
        name["given"] = parts[1]
    suffix = ", ".join(p for p in parts[2:] if p)
    if suffix:
        name["suffix"] = suffix
    return name or {"literal": value.strip()}


def join_inverted(name: Dict[str, Any]) -> str:
    """CSL name -> 'Family, Given[, Suffix]', particles kept with the part they belong to."""
    if name.get("literal"):
        return str(name["literal"])
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    text = family
    if given or name.get("suffix"):
        text += f", {given}"
    else:
        text += ","  # a family name alone: without the comma it would read back as a literal name
    if name.get("suffix"):
        text += f", {name['suffix']}"
    return text


# ---- parts and display --------------------------------------------------------------------

def particles(name: Dict[str, Any]) -> str:
    """The name's particles, dropping before non-dropping ('von der'); '' when it has none."""
    return " ".join(str(p) for p in (name.get("dropping-particle"), name.get("non-dropping-particle")) if p)


def display_name(name: Dict[str, Any]) -> str:
    """A name as one line of text in reading order: 'Leili R. Rustamova', or the literal name."""
    return name.get("literal") or " ".join(str(p) for p in (name.get("given"), name.get("family")) if p)


__all__ = ["LOW", "PARTICLES", "UP", "display_name", "is_initials", "join_inverted", "particles", "split_inverted"]
