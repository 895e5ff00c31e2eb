"""GOST rules of the reference parser (converter/references/gost.py), on strings written here.

Each case is a layout GOST 7.1-2003 / R 7.0.5-2008 / R 7.0.100-2018 prescribes, or a way people
mistype it; the expected values are what the printed reference says.
"""
from __future__ import annotations

import pytest

from converter.references import gost, parse_reference


@pytest.mark.parametrize("text,expected", [
    ("Иванов И.И. Статья//Финансы.-2009.-N 12.-С.45-51.", "Иванов И.И. Статья//Финансы. – 2009. – N 12. – С.45-51."),
    ("Петров П.П. Статья // Журнал химии.2015.Т.89,№3.С.395-401.",
     "Петров П.П. Статья // Журнал химии. 2015. Т.89, №3. С.395-401."),
    ("Сидоров С.С. Книга. М.:Наука,2016.-288 с.", "Сидоров С.С. Книга. М.: Наука, 2016. – 288 с."),
    # initials with a hyphen, a Latin name inside a Cyrillic reference, two cities, DOIs and URLs are left alone
    ("Сартр Ж.-П. Статья // J. Phys.-Chem. B. 2001. Т. 12.", "Сартр Ж.-П. Статья // J. Phys.-Chem. B. 2001. Т. 12."),
    ("Иванов И.И. Книга. СПб.-М.: Наука, 2001.", "Иванов И.И. Книга. СПб.-М.: Наука, 2001."),
    ("Козлов К.К. Статья // Вестник. 2019. DOI: 10.1234/vest.2019.12345.",
     "Козлов К.К. Статья // Вестник. 2019. DOI: 10.1234/vest.2019.12345."),
])
def test_repair_spacing(text, expected):
    assert gost.repair_spacing(text) == expected


def test_author_year_key_is_split_off_only_when_the_name_repeats():
    assert gost.split_key("Лебедев, 2015а – Лебедев Н.Н. Политика") == ("Лебедев, 2015а", "Лебедев Н.Н. Политика")
    assert gost.split_key("Орлова, Белов, 2019 - Орлова Е.А., Белов Д.Г. Рост")[0] == "Орлова, Белов, 2019"
    assert gost.split_key("Москва, 2015 – Наука. Итоги")[0] is None


@pytest.mark.parametrize("title,expected", [
    ("Экономика : учебное пособие", ("Экономика", "учебное пособие")),
    ("Политика регионов: дис. … канд. экон. наук: 08.00.05", ("Политика регионов", "дис. … канд. экон. наук: 08.00.05")),
    ("Економіка : навч. посіб", ("Економіка", "навч. посіб")),
    ("Анализ рынка : отчет о НИР", ("Анализ рынка", "отчет о НИР")),
    ("Экономика: теория и практика", ("Экономика: теория и практика", None)),
])
def test_other_title_information_naming_the_kind_of_document(title, expected):
    assert gost.split_other_info(title) == expected


def test_laws_and_standards():
    law = gost.legislation("Федеральный закон от 12.01.1996 № 7-ФЗ «О некоммерческих организациях» // "
                           "Собрание законодательства РФ. 1996. № 3. Ст. 145.")
    assert law == {"genre": "Федеральный закон", "number": "7-ФЗ", "issued": {"date-parts": [[1996, 1, 12]]},
                   "title": "О некоммерческих организациях"}
    law = gost.legislation("О рекламе : Федеральный закон от 13.03.2006 № 38-ФЗ. – URL: http://x.ru/")
    assert law["title"] == "О рекламе" and law["issued"] == {"date-parts": [[2006, 3, 13]]}
    std = gost.standard("ГОСТ Р 7.0.5–2008. Библиографическая ссылка : национальный стандарт. – М., 2008. – 19 с.")
    assert std == {"number": "ГОСТ Р 7.0.5–2008", "title": "Библиографическая ссылка", "genre": "национальный стандарт"}
    assert gost.legislation("Иванов И.И. Закон и право. М., 2001.") == {}
    # a law cited by its designation alone keeps the designation as its title
    assert gost.legislation("Федеральный закон от 01.01.2000 № 1-ФЗ")["title"] == "Федеральный закон от 01.01.2000 № 1-ФЗ"


@pytest.mark.parametrize("text,fields", [
    # the heading ends at the initials; the title's one word is not a name
    ("Смирнова О.Л. Хетты // Советская историческая энциклопедия. Т. 15. М., 1974. С. 512–513.",
     {"author": ["Смирнова"], "title": "Хетты", "container-title": "Советская историческая энциклопедия"}),
    # a name inside the title stays there
    ("Орлов К.Н. Образ города в поэзии А. Блока // Филология. 2015. № 2. С. 10–15.",
     {"author": ["Орлов"], "title": "Образ города в поэзии А. Блока", "issue": "2", "page": "10–15"}),
    # no '//': the last sentence before the numbers is the journal
    ("Белова Т. Куда идет рынок жилья? Эксперт. 2012. № 15. С. 30–33.",
     {"title": "Куда идет рынок жилья?", "container-title": "Эксперт", "issue": "15"}),
    # title first, authors after the slash
    ("Экономика региона : учебник / В. В. Волков, Е. Е. Егорова. – Казань : Наука, 2014. – 312 с.",
     {"author": ["Волков", "Егорова"], "title": "Экономика региона", "genre": "учебник", "number-of-pages": "312"}),
    # a translator, an edition, a newspaper's day
    ("Смит Д. Теория игр / пер. с англ. А. А. Белова. – 3-е изд., испр. – М. : Мир, 2001. – 400 с.",
     {"author": ["Смит"], "translator": ["Белова"], "edition": "3-е изд., испр", "title": "Теория игр"}),
    ("Рост цен на жилье // Ведомости. 2019. 5 апреля. № 60.",
     {"issued": {"date-parts": [[2019, 4, 5]]}, "issue": "60", "volume": None}),
])
def test_parse_gost_layouts(text, fields):
    item, _ = parse_reference(text)
    got = {}
    for key in fields:
        value = item.get(key)
        if key in ("author", "translator"):
            value = [p.get("family") for p in value or []]
        got[key] = value
    assert got == fields
