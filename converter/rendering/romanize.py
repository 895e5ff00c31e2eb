"""Russian Cyrillic romanised for the English "References" lists Russian journals print
beside their GOST lists (``-t references-en``), through the iuliia package's schemes.

The schemes offered, by the names users know them (iuliia's schema in brackets):

- ``bgn-pcgn`` (default): BGN/PCGN 1947 (``bgn_pcgn``): "Yuliya", "Shcherbakova", "Ural’skogo";
- ``lc``: ALA-LC, the Library of Congress table, with its diacritics and ligature ties
  (``ala_lc``): "I͡ulii͡a", "Uralʹskogo";
- ``bsi``: British Standard 2979:1958 (``bs_2979``): "Obshchestvennȳe", "Uralʹskogo";
- ``gost-7.79-b``: GOST 7.79-2000 system B, the ASCII one (``gost_779_alt``): "Shherbakova",
  "Ural`skogo", "Xabarovsk".

iuliia leaves "ё" as the Cyrillic letter in the schemes whose table writes "ë"
(BGN/PCGN, ALA-LC, BS 2979); it is written as the Latin "ë" here, so no Cyrillic letter is left
in a romanised string. Letters that are not Russian (Ukrainian "і", "ї", "є", "ґ", ...) are not in
the schemes: ``romanize`` reports them, and they are left as they are.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

import iuliia

from ..patterns import lazy

SCHEMES: Dict[str, iuliia.Schema] = {
    "bgn-pcgn": iuliia.BGN_PCGN,
    "lc": iuliia.ALA_LC,
    "bsi": iuliia.BS_2979,
    "gost-7.79-b": iuliia.GOST_779_ALT,
}
DEFAULT_SCHEME = "bgn-pcgn"
_CYRILLIC_RE = lazy(r"[\u0400-\u04FF]")
_YO = str.maketrans({"ё": "ë", "Ё": "Ë"})


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC_RE.search(text))


def romanize(text: str, scheme: str = DEFAULT_SCHEME) -> Tuple[str, List[str]]:
    """``text`` in Latin letters, and the Cyrillic letters no scheme covers (left as they are)."""
    if not has_cyrillic(text):
        return text, []
    out = SCHEMES[scheme].translate(text).translate(_YO)
    return out, sorted(set(_CYRILLIC_RE.findall(out)))
