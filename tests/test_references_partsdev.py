"""Books, chapters and conference papers (issue 16, item 4): where a part's title ends and its
host begins. tests/fixtures/references/parts-dev.json holds 56 hand-written references: 18 parts
and books in GOST manners (Russian, Ukrainian, one English work cited the Russian way: '//', 'В
кн.:', 'Материалы ... конференции (Город, дата)', 'Труды ...', 'сб. науч. тр.', '/ отв. ред.',
'/ под общ. ред.'), 20 in English manners (APA, Chicago, MLA, IEEE, LNCS, Vancouver, Harvard,
ACM, books with editions and editors), then 18 more GOST strings (books, multi-volume works,
theses, articles with typing slips), none taken from refdata or a generator.

This is a DEVELOPMENT set: references/hosts.py was written against its errors, so its figure is
optimistic; the held-out and GOST test figures are the honest ones.

Gold conventions: as gost-dev.json's (editors in the nominative, 'материалы ... конф.' and 'сб.
ст.' not part of the container, '256 с.' is number-of-pages); a conference's place and dates in
brackets are not part of the container; an English work's edition is not part of its title.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

from conftest import need_shared
from converter.references import parse_reference

FIXTURE = Path(__file__).parent / "fixtures" / "references" / "parts-dev.json"
SCORED = ["author", "title", "container-title", "issued", "volume", "issue", "page", "DOI", "URL",
          "publisher", "publisher-place"]
# the first 38: 0.930 with the rules and model before item 4's work, 0.966 after references/hosts.py
# (nine fields plus publisher and place); the 18 GOST strings added then: 0.965 -> 0.987 (with
# the page count); the floor leaves room for a retrained model's wobble
FLOOR = 0.94


def _cases() -> List[Dict[str, Any]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_the_set_is_well_formed() -> None:
    cases = _cases()
    assert len(cases) == 56 and len({c["text"] for c in cases}) == 56
    for case in cases:
        gold = case["gold"]
        assert gold["type"] in ("book", "chapter", "paper-conference", "article-journal", "thesis")
        assert gold["title"] and gold["issued"]
        for name in gold.get("author", []):
            assert name["family"] in case["text"]


def test_micro_f1_with_publisher_and_place() -> None:
    need_shared()
    from conftest import load_shared_tool

    cases = _cases()
    scorer = load_shared_tool("score_refs")
    res = scorer.evaluate([c["gold"] for c in cases], [parse_reference(c["text"])[0] for c in cases],
                          fields=SCORED)
    print(scorer.format_report(res, f"parts-dev: {len(cases)} books, chapters and conference papers"))
    assert res["micro"]["f1"] >= FLOOR


@pytest.mark.parametrize("text, field, expected", [
    # the host opened by 'В кн.:' as by 'In:'
    ("Лаптев В.В. Рукописная традиция. В кн.: Древнерусское искусство. СПб.: Дмитрий Буланин, 1997. С. 45–63.",
     "container-title", "Древнерусское искусство"),
    ("Лаптев В.В. Рукописная традиция. В кн.: Древнерусское искусство. СПб.: Дмитрий Буланин, 1997. С. 45–63.",
     "title", "Рукописная традиция"),
    # editors after '/ отв. ред.' are not authors
    ("Миронова Т. Л. Женское образование / Т. Л. Миронова // История образования : сборник статей / "
     "отв. ред. Е. А. Павлова. – Москва : Наука, 2012. – С. 201–215.", "editor", [{"family": "Павлова", "given": "Е. А."}]),
    ("Миронова Т. Л. Женское образование / Т. Л. Миронова // История образования : сборник статей / "
     "отв. ред. Е. А. Павлова. – Москва : Наука, 2012. – С. 201–215.", "author", [{"family": "Миронова", "given": "Т. Л."}]),
    ("Gorbunov V. Economic transition // Russia's regions / ed. by J. Smith. – London : Routledge, 2003. – P. 77–98.",
     "editor", [{"family": "Smith", "given": "J."}]),
    ("Dence, M. R. and Robertson, P. B., Recent studies of Canadian craters. in Shock Metamorphism of Natural "
     "Materials, eds. B. M. French and N. M. Short, Mono Book Corp., Baltimore, MD, 1968.",
     "editor", [{"family": "French", "given": "B. M."}, {"family": "Short", "given": "N. M."}]),
    # a multi-volume work: 'в 2 т.' is the number of volumes, compilers are not authors
    ("Ахматова А. А. Сочинения : в 2 т. / А. А. Ахматова ; сост., подгот. текста и коммент. М. М. Кралина. – "
     "Москва : Правда, 1990. – Т. 2. – 432 с.", "author", [{"family": "Ахматова", "given": "А. А."}]),
    ("Ахматова А. А. Сочинения : в 2 т. / А. А. Ахматова ; сост., подгот. текста и коммент. М. М. Кралина. – "
     "Москва : Правда, 1990. – Т. 2. – 432 с.", "number-of-volumes", "2"),
    # a host's town before the year, without a publisher, is the place
    ("Ефремова Л.А. Лексика говоров Прикамья // Пермский край: прошлое и настоящее. Пермь, 2003. Вып. 4. С. 77–89.",
     "publisher-place", "Пермь"),
    # a conference's place and dates are not its name
    ("Гришин Д.А. Налоговые льготы // Материалы IX Международной конференции «Экономика и право» "
     "(Пермь, 14–15 апреля 2021 г.). Пермь: ПГНИУ, 2021. С. 215–219.",
     "container-title", "Материалы IX Международной конференции «Экономика и право»"),
    # a title right after the host's editors is the host's title (refdata DEV strings)
    ("Angus, L., & McLeod, J. (2004). Self-multiplicity and narrative expression in psychotherapy. In H. J. M. "
     "Hermans & G. Dimaggio (Eds.), The dialogical self in psychotherapy. An Introduction (pp. 77-90). New York: "
     "Brunner-Routledge.", "container-title", "The dialogical self in psychotherapy. An Introduction"),
    ("J. B. Hainsworth, ‘Good and Bad Formulae’, in B.C. Fenik (ed), Homer: Tradition and Invention, Leiden 1978, "
     "pp. 41-50.", "container-title", "Homer: Tradition and Invention"),
    # 'In' and a word in lower case begin a title; 'editors' after the names is their role
    ("Görner, Rüdiger and Angus Nicholls, editors. In the Embrace of the Swan: Anglo-German mythologies in "
     "literature, the visual arts and cultural theory. Walter de Gruyter, 2010.", "title",
     "In the Embrace of the Swan: Anglo-German mythologies in literature, the visual arts and cultural theory"),
    ("Görner, Rüdiger and Angus Nicholls, editors. In the Embrace of the Swan: Anglo-German mythologies in "
     "literature, the visual arts and cultural theory. Walter de Gruyter, 2010.", "editor",
     [{"family": "Görner", "given": "Rüdiger"}, {"family": "Nicholls", "given": "Angus"}]),
    # a Ukrainian kind of document after ' : ' is the genre, not the title
    ("Мельник О. В. Фінансова децентралізація в Україні : монографія. – Київ : КНЕУ, 2019. – 244 с.",
     "genre", "монографія"),
])
def test_host_boundaries(text: str, field: str, expected: Any) -> None:
    item, _ = parse_reference(text)
    assert item.get(field) == expected, item
