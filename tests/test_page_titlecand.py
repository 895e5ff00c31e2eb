"""Session 15 (`titlecand`): more candidates for the page's title and journal, each weighed by the
existing rules. Strings written here, not taken from the page set."""
from __future__ import annotations

import converter
from converter.readers.page import journal, title
from converter.readers.page.title import Candidate


def _parts(text: str) -> dict[str, bool]:
    return {c.text: c.trimmed for c in title.parts([Candidate(0, 1, text)])}


def test_a_saved_titles_site_is_cut_off() -> None:
    got = _parts("Grazing and nesting of waders on coastal meadows - Northfield University")
    assert got.get("Grazing and nesting of waders on coastal meadows") is True


def test_an_authors_name_before_a_dash_is_cut_off() -> None:
    got = _parts("Ірина Коваль — ЛЕКСИКА ЧАСУ В ПОЕЗІЇ ШІСТДЕСЯТНИКІВ ТА ЇЇ ПЕРЕКЛАДИ")
    assert got.get("ЛЕКСИКА ЧАСУ В ПОЕЗІЇ ШІСТДЕСЯТНИКІВ ТА ЇЇ ПЕРЕКЛАДИ") is True


def test_a_dash_inside_a_title_is_no_site() -> None:
    # the rest is in small letters: part of the title, so the part gets no bonus
    got = _parts("Soil carbon under two tillage systems - a comparison over ten seasons")
    assert got.get("Soil carbon under two tillage systems") is False


def test_gost_authors_and_the_journal_after_the_slashes() -> None:
    got = _parts("Смирнова А.В., Орлов Д.Е. Сезонная динамика почвенной влаги в лесостепи// Вестник аграрной науки. – 2019. – № 3")
    assert "Сезонная динамика почвенной влаги в лесостепи" in got


def test_a_quoted_title_and_a_lists_number() -> None:
    assert "Проблемы учёта водных ресурсов региона" in _parts("А. Б. Сидоров, «Проблемы учёта водных ресурсов региона», Вестник, вып. 2")
    assert _parts("12. Діяльність земств у губернських містах у 1880-х роках").get(
        "Діяльність земств у губернських містах у 1880-х роках") is True


def test_a_footnote_number_but_not_a_parts_number() -> None:
    assert _parts("Hemşirelik öğrencilerinin etik karar verme becerileri 1").get(
        "Hemşirelik öğrencilerinin etik karar verme becerileri") is True
    assert "Ответственность граждан за своё здоровье. Часть" not in _parts("Ответственность граждан за своё здоровье. Часть 2")


def test_a_heading_underline_glued_on() -> None:
    assert "Which drills reduce knee injuries in amateur football" in _parts(
        "Which drills reduce knee injuries in amateur football =======================")


def test_a_title_run_into_its_byline() -> None:
    got = _parts("Validity of a short sleep questionnaire among rural adolescents Ahmad Reza Karimi • Sara Tehrani")
    assert got.get("Validity of a short sleep questionnaire among rural adolescents") is True


def test_capitals_wrapped_over_blank_lines_and_a_remark_in_brackets() -> None:
    lines = [Candidate(0, 5, "МЕТОДЫ ПРОФИЛАКТИКИ ОСЛОЖНЕНИЙ"), Candidate(1, 8, "ПОСЛЕ ОПЕРАЦИЙ НА ЖЕЛУДКЕ (обзор)")]
    assert "МЕТОДЫ ПРОФИЛАКТИКИ ОСЛОЖНЕНИЙ ПОСЛЕ ОПЕРАЦИЙ НА ЖЕЛУДКЕ (обзор)" in [c.text for c in title.wrapped(lines)]


def test_a_wrapped_title_stops_at_its_translation() -> None:
    lines = [Candidate(0, 5, "A IMPORTÂNCIA DO CUIDADO DE ENFERMAGEM NO"),
             Candidate(1, 6, "ATENDIMENTO DOMICILIAR AO PACIENTE IDOSO"),
             Candidate(2, 7, "THE IMPORTANCE OF NURSING CARE IN THE HOME CARE OF ELDERLY PATIENTS")]
    texts = [c.text for c in title.wrapped(lines)]
    assert "A IMPORTÂNCIA DO CUIDADO DE ENFERMAGEM NO ATENDIMENTO DOMICILIAR AO PACIENTE IDOSO" in texts
    assert not any(t.startswith("A IMPORTÂNCIA") and "THE IMPORTANCE" in t for t in texts)


def test_journal_names_the_layout_gives() -> None:
    assert journal._before_numbers("48 Enfermería Clínica. 2018, Volumen 12, Número 4") == "Enfermería Clínica"
    assert journal._before_numbers("agrartechnik 71 (2016), no. 3, pp. 10-15") == "agrartechnik"
    assert journal._before_numbers("Received 12 March 2019") is None
    assert journal._masthead("JOURNAL OF COASTAL GEOLOGY J Coast Geol") == "JOURNAL OF COASTAL GEOLOGY"
    assert journal._masthead("APPLIED SOIL MECHANICS Applied Soil Mech.") == "APPLIED SOIL MECHANICS"


PAGE = """Seasonal nitrate leaching under irrigated maize

Laura Bianchi, Marco Rossi

48 Acqua e Suolo. 2018, Volumen 12, Número 4

Abstract: Nitrate leaching under irrigated maize was measured over three seasons in lysimeters with two
irrigation schedules; the drip schedule lost about a third less nitrate than furrow irrigation did.
"""


def test_a_running_heads_journal_fills_an_empty_field() -> None:
    record = converter.read(PAGE, "page").records[0]
    assert record["title"] == "Seasonal nitrate leaching under irrigated maize"
    assert record.get("container-title") == "Acqua e Suolo"


GOST_PAGE = """Налоговые льготы малого бизнеса в регионах

Иванова Анна Петровна

Аннотация. В статье рассмотрены налоговые льготы малого бизнеса в регионах России за 2015-2020 годы и их
влияние на число зарегистрированных предприятий и на поступления в региональные бюджеты.

Рекомендуемая ссылка
Иванова Анна Петровна. Налоговые льготы малого бизнеса в регионах // Экономика и управление регионом. ISSN 1234-5678. — №7 (31). Режим доступа: https://example.org/article/1/
"""


def test_the_container_after_gost_slashes_not_a_web_address() -> None:
    record = converter.read(GOST_PAGE, "page").records[0]
    assert record.get("container-title") == "Экономика и управление регионом"


SAVED_PAGE = """Сезонная динамика фитопланктона пригородных прудов > Мир под микроскопом

Сезонная динамика фитопланктона пригородных прудов

Петрова Анна Сергеевна

Аннотация. Фитопланктон трёх пригородных прудов изучали с мая по сентябрь; летом преобладали
синезелёные водоросли, а осенью диатомовые, и их смена шла вслед за температурой воды.
"""


def test_the_saved_titles_part_after_the_title_is_a_journal_candidate() -> None:
    record = converter.read(SAVED_PAGE, "page").records[0]
    assert record["title"] == "Сезонная динамика фитопланктона пригородных прудов"
    assert record.get("container-title") == "Мир под микроскопом"
