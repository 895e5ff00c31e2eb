"""``-t references-en``: the English "References" list of Russian journals.

The seed page prints its own such list; its 16 references, read from the page and written
with the style, must give back >= 14 of the strings as printed. The printed strings are
compared after the repairs DECISIONS.md makes to every record (listed here by hand: non-breaking
spaces, Cyrillic look-alike letters inside Latin words, a tracking parameter in a URL). Cyrillic items must come
out romanised in each scheme; the expected strings follow the schemes' published tables
(BGN/PCGN 1947, ALA-LC, BS 2979:1958, GOST 7.79-2000 system B), letter by letter.
"""
from __future__ import annotations

import re

import pytest

import converter
from conftest import SEED, need_shared, run_cli

# the page's typing irregularities that DECISIONS.md repairs in the record
PAGE_REPAIRS = [("\xa0", " "), ("Eсonomy", "Economy"), ("Тomsk", "Tomsk"), ("аccessed", "accessed"),
                ("Ajekbarov К.А.", "Ajekbarov K.A."), ("?ysclid=mgcyq4g4k3972958001", "")]
# the two the style does not reproduce, and why
KNOWN_DIFFERENCES = {
    5: "the page prints '(In Russ.).' with a period before 'Available at', unlike its references 3, 8, "
       "11, 14 and 15; the style follows the majority",
    12: "the page prints an access date after a DOI; house choice (DECISIONS.md): a DOI needs none",
}


def printed_references() -> list:
    text = SEED.read_text(encoding="utf-8")
    block = text.split("REFERENCES", 1)[1].split("About the authors", 1)[0]
    refs = [re.sub(r"^\d+\.\s+", "", line.strip()) for line in block.splitlines() if re.match(r"^\d+\.\s", line.strip())]
    for old, new in PAGE_REPAIRS:
        refs = [r.replace(old, new) for r in refs]
    return refs


def test_seed_references_reproduce_the_page() -> None:
    need_shared()
    printed = printed_references()
    assert len(printed) == 16
    ours = str(converter.write(converter.read_file(str(SEED)).records, "references-en", references=True)).splitlines()
    assert len(ours) == 16
    same = [n for n, (a, b) in enumerate(zip(ours, printed), 1) if a == b]
    differ = sorted(set(range(1, 17)) - set(same))
    for n in differ:
        print(f"{n}: ours    {ours[n - 1]}\n   printed {printed[n - 1]}")
    assert len(same) >= 14
    assert set(differ) <= set(KNOWN_DIFFERENCES)


RUSSIAN = {
    "id": "ru1", "type": "article-journal", "language": "ru",
    "author": [{"family": "Тарасова", "given": "Анна Сергеевна"}, {"family": "Щукин", "given": "Юрий"}],
    "title": "Современные тенденции парадипломатии", "container-title": "Балтийский регион",
    "issued": {"date-parts": [[2023]]}, "volume": "15", "issue": "3", "page": "83-99",
    "DOI": "10.5922/2079-8555-2023-3-5",
    "custom": {"title-translations": {"en": "Modern trends in paradiplomacy"}},
}
TAIL = ". 2023;15(3):83–99. (In Russ.) https://doi.org/10.5922/2079-8555-2023-3-5"
SCHEMES = {
    # щ shch, ю yu, ы y, е after a vowel ye, ц ts, й y
    "bgn-pcgn": "Tarasova A.S., Shchukin Yu. Sovremennyye tendentsii paradiplomatii [Modern trends in paradiplomacy]. Baltiyskiy region",
    # ю i͡u, ц t͡s, й ĭ
    "lc": "Tarasova A.S., Shchukin I͡u. Sovremennye tendent͡sii paradiplomatii [Modern trends in paradiplomacy]. Baltiĭskiĭ region",
    # ы ȳ, й ĭ, final -ий y
    "bsi": "Tarasova A.S., Shchukin Yu. Sovremennȳe tendentsii paradiplomatii [Modern trends in paradiplomacy]. Baltiĭsky region",
    # щ shh, ы y`, ц c before и, й j
    "gost-7.79-b": "Tarasova A.S., Shhukin Yu. Sovremenny`e tendencii paradiplomatii [Modern trends in paradiplomacy]. Baltijskij region",
}


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_cyrillic_item_romanised_in_each_scheme(scheme: str) -> None:
    out = str(converter.write([RUSSIAN], "references-en", transliteration=scheme)).strip()
    assert out == SCHEMES[scheme] + TAIL
    assert not re.search("[\u0400-\u04ff]", out)


def test_default_scheme_is_bgn_pcgn_and_places_are_english() -> None:
    book = {"id": "b", "type": "book", "language": "ru", "author": [{"family": "Гранберг", "given": "Александр Григорьевич"}],
            "title": "Основы региональной экономики", "publisher-place": "Москва", "publisher": "Наука",
            "issued": {"date-parts": [[2000]]}, "number-of-pages": "495"}
    out = str(converter.write([book], "references-en")).strip()
    assert out == "Granberg A.G. Osnovy regional’noy ekonomiki. Moscow: Nauka; 2000. 495 p. (In Russ.)"


def test_english_item_passes_through() -> None:
    item = {"id": "e", "type": "article-journal", "author": [{"family": "Paquin", "given": "S."}],
            "title": "Identity Paradiplomacy in Québec", "container-title": "Quebec Studies",
            "issued": {"date-parts": [[2018]]}, "issue": "66", "page": "3–26", "DOI": "10.3828/qs.2018.14",
            "note": "Retrieved from the publisher"}
    out = str(converter.write([item], "references-en")).strip()
    assert out == "Paquin S. Identity Paradiplomacy in Québec. Quebec Studies. 2018;(66):3–26. https://doi.org/10.3828/qs.2018.14"


def test_letters_outside_the_scheme_are_reported() -> None:
    item = dict(RUSSIAN, title="Київ і Харків")
    out = converter.write([item], "references-en")
    assert any("not in the bgn-pcgn scheme" in str(d) for d in out.diagnostics)


def test_cli_scheme_option() -> None:
    bad = run_cli("-f", "csljson", "-t", "references-en", "--transliteration", "klingon", "-",
                  input=b'[{"id": "x", "type": "book", "title": "\xd0\x9a"}]')
    assert bad.returncode == 2 and b"unknown transliteration" in bad.stderr
    ok = run_cli("-f", "csljson", "-t", "references-en", "--transliteration", "lc", "-",
                 input='[{"id": "x", "type": "book", "title": "Юность", "language": "ru"}]'.encode())
    assert ok.returncode == 0 and ok.stdout.decode().strip() == "I͡unostʹ. (In Russ.)"
