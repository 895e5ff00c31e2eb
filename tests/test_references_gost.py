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
    # initials and commas glued to the next word, a day glued to its year, '№' glued to a month
    ("Кузнецов А.А.Статья. Томск:Изд-во ТГУ,2005.", "Кузнецов А.А. Статья. Томск: Изд-во ТГУ, 2005."),
    ("Носова Е.Е.,Титов П.П. Статья", "Носова Е.Е., Титов П.П. Статья"),
    ("Заметка // Труд.2010.5 мая.№ 80.С.2.", "Заметка // Труд. 2010. 5 мая. № 80. С.2."),
    ("Статья // Труды. Вып.7.Л.,1975.С.3-9.", "Статья // Труды. Вып. 7. Л., 1975. С.3-9."),
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
    # an abbreviation glued to the next word ('автореф.дис.'), abstracts, a code of practice
    ("Туризм:автореф.дис....канд.экон.наук", ("Туризм", "автореф.дис....канд.экон.наук")),
    ("Химия почв : тез. докл. конф.", ("Химия почв", "тез. докл. конф")),
    ("Нагрузки и воздействия : свод правил", ("Нагрузки и воздействия", "свод правил")),
])
def test_other_title_information_naming_the_kind_of_document(title, expected):
    assert gost.split_other_info(title) == expected


def test_laws_and_standards():
    law = gost.legislation("Федеральный закон от 12.01.1996 № 7-ФЗ «О некоммерческих организациях» // "
                           "Собрание законодательства РФ. 1996. № 3. Ст. 145.")
    assert law == {"genre": "Федеральный закон", "number": "7-ФЗ", "issued": {"date-parts": [[1996, 1, 12]]},
                   "title": "О некоммерческих организациях", "section": "145"}
    law = gost.legislation("О рекламе : Федеральный закон от 13.03.2006 № 38-ФЗ. – URL: http://x.ru/")
    assert law["title"] == "О рекламе" and law["issued"] == {"date-parts": [[2006, 3, 13]]}
    std = gost.standard("ГОСТ Р 7.0.5–2008. Библиографическая ссылка : национальный стандарт. – М., 2008. – 19 с.")
    assert std == {"number": "ГОСТ Р 7.0.5–2008", "title": "Библиографическая ссылка", "genre": "национальный стандарт"}
    assert gost.legislation("Иванов И.И. Закон и право. М., 2001.") == {}
    # acts of the other republics, and dated in words (GOST R 7.0.100's examples print them so)
    law = gost.legislation("Про вищу освіту : Закон України від 01.07.2014 № 1556-VII. Відомості Верховної Ради. 2014.")
    assert law["title"] == "Про вищу освіту" and law["number"] == "1556-VII"
    law = gost.legislation("О науке : Федеральный закон от 23 августа 1996 г. № 127-ФЗ. – Москва, 2020. – 40 с.")
    assert law["issued"] == {"date-parts": [[1996, 8, 23]]} and law["number"] == "127-ФЗ"
    law = gost.legislation("Кодекс Республики Казахстан от 7 июля 2020 года № 360-VI «О здоровье народа»")
    assert law["title"] == "О здоровье народа" and law["issued"] == {"date-parts": [[2020, 7, 7]]}
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
    # the day after a dash and cut short, in Russian and Ukrainian
    ("Орлова Н. Заметка / Н. Орлова // Труд. – 2011. – 9 дек. – С. 2.", {"issued": {"date-parts": [[2011, 12, 9]]}}),
    ("Гнатюк В. Нотатка // Голос України. – 2016. – 21 верес. – С. 3.", {"issued": {"date-parts": [[2016, 9, 21]]}}),
    # a report's organisation and head are neither authors nor a container
    ("Оценка рисков : отчет о НИР / Ин-т экономики РАН ; рук. Зотов В. В. – М., 2012. – 50 с.",
     {"author": [], "publisher": "Ин-т экономики РАН", "container-title": None}),
    # a standard cited by its designation has no container or issue
    ("СП 20.13330.2016. Нагрузки и воздействия : свод правил : утвержден приказом Минстроя России от 3 декабря "
     "2016 г. № 891/пр. – Москва : Стандартинформ, 2017. – 80 с.",
     {"title": "Нагрузки и воздействия", "issue": None, "container-title": None}),
    # Kazakh 'Б.' pages, before or after the numbers
    ("Әбенов Қ. Мақала // Хабаршы. – 2018. – № 2. – Б. 10–15.", {"page": "10–15"}),
    ("Әбенов Қ. Мақала // Хабаршы. 2018. №2(20). 10–15 б.", {"page": "10–15", "issue": "2"}),
    # a newspaper's day at the end is no page
    ("Гнатюк В. Нотатка // Голос України. – 2016. – 21 верес.", {"page": None, "issued": {"date-parts": [[2016, 9, 21]]}}),
    # a code of laws is named by its kind; GOST R 7.0.100's thesis and an act's adoption are no part of the title
    ("Трудовой кодекс Российской Федерации от 30.12.2001 № 197-ФЗ // Собрание законодательства РФ. – 2002. – № 1. "
     "– Ст. 3.", {"title": "Трудовой кодекс Российской Федерации", "issue": "1", "page": None}),
    ("Орлов, П. П. Рынок зерна : специальность 08.00.05 «Экономика» : диссертация на соискание ученой степени "
     "кандидата экономических наук / Орлов Павел Петрович. – Омск, 2015. – 170 с.", {"title": "Рынок зерна"}),
    ("Устав города : принят решением Думы 12 мая 2005 г. – Тверь : Тверь, 2005. – 30 с.", {"title": "Устав города"}),
    # the heading's Russian initials and the slash's Ukrainian ones name one person
    ("Гнатюк И. И. Історія : навч. посіб. / І. І. Гнатюк. – К. : Знання, 2012. – 456 с.", {"author": ["Гнатюк"]}),
    # GOST R 7.0.5's abbreviated act, a code named inside its title; a thesis counted in leaves
    ("О налогах : федер. закон Рос. Федерации от 5 марта 2001 г. № 20-ФЗ // Рос. газ. – 2001. – 8 марта.",
     {"title": "О налогах", "issued": {"date-parts": [[2001, 3, 5]]}, "volume": None, "type": "legislation"}),
    ("Исаев Г.П. Синтаксис говоров: дис. ... канд. филол. наук. – М., 1998. – 210 л.",
     {"page": None, "number-of-pages": "210"}),
    # a short title the model read as a name, with no initial to make it one
    ("Данные ЮНЕСКО. URL: https://uis.unesco.org (дата обращения: 01.02.2022).",
     {"title": "Данные ЮНЕСКО", "author": []}),
    # the illustrations of the physical description are no publisher
    ("Пат. 2111111 Российская Федерация, МПК A01B 1/00. Лопата / Ершов К. К. – опубл. 01.02.1999. – 3 с. : ил.",
     {"publisher": None, "issued": {"date-parts": [[1999, 2, 1]]}}),
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


def test_patents():
    pat = gost.patent("Пат. 2123456 Российская Федерация, МПК B01D 53/00. Способ очистки газа / Лаптев Н. Н., "
                      "Орехов Т. В. ; заявитель ООО «Газ». – № 98100001 ; заявл. 05.01.1998 ; опубл. 10.12.1998, "
                      "Бюл. № 34. – 4 с.")
    assert pat == {"number": "2123456", "title": "Способ очистки газа", "issued": {"date-parts": [[1998, 12, 10]]},
                   "author": [{"family": "Лаптев", "given": "Н. Н."}, {"family": "Орехов", "given": "Т. В."}]}
    item, _ = parse_reference("Патент № 2700001 C1 Российская Федерация, МПК G01N 21/00. Датчик влажности : "
                              "№ 2019100002 : заявл. 09.01.2019 : опубл. 20.06.2019 / Семенов А. А. – 6 с.")
    assert item["type"] == "patent" and item["title"] == "Датчик влажности" and "issue" not in item
    assert [p["family"] for p in item["author"]] == ["Семенов"]
    assert gost.patent("Патентное право : учебник / И. И. Иванов. – М., 2010.") == {}
