"""What is certain in Russian (and other Cyrillic) GOST references beyond the numbers.

GOST 7.1-2003, R 7.0.5-2008 and R 7.0.100-2018 fix the order of a reference's areas and the
signs between them, so a few things can be read without a model:

* typing repairs: area separators typed without their spaces ('кредит.-2009.-N 12.-С.45-51',
  'химии.2015.Т.89,№3.С.395-401', 'М.:Наука,2016') are spaced the way the model has seen them;
* an author-year key printed in front of the reference ('Лебедев, 2015а – Лебедев Н.Н. ...') is
  a citation label, not part of the reference;
* the other title information after ' : ' that names the kind of document ('учебное пособие',
  'дис. ... канд. экон. наук', 'отчет о НИР', 'официальный сайт') is a genre, not the title;
* laws and standards name their date and number in fixed words ('Федеральный закон от
  06.10.2003 № 131-ФЗ', 'ГОСТ Р 7.0.100–2018').
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Sequence, Tuple

from ..patterns import CaseBlindWords
from ..vocabulary.name_lists import split_names
from .rules import GOST_MONTH, month_of

DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CYR = "А-ЯЁа-яёІіЇїЄєЎўЈјЉљЊњЋћЂђ"
_UP = "A-ZА-ЯЁІЇЄЎЈЉЊЋЂ"
_NUMBER_MARK = r"(?:Т|Том|С|Стр|№|N|Вып|Вип|Кн|бр|Бр|год|Ч|Vol|No|P|pp)"

# (pattern, replacement) pairs; each inserts the space that GOST prints and the typist left out
_SPACING: List[Tuple["re.Pattern[str]", str]] = [
    # '.-' / '.–' between areas: 'кредит.-2009.-N 12' -> 'кредит. – 2009. – N 12'
    # (not between two cities, 'СПб.-М.:', nor in a Latin name, 'Phys.-Chem.')
    (re.compile(rf"(?:(?<=[^\W\d_]{{2}}\.)|(?<=\d[.,])|(?<=[^\W\d_]\))|(?<=\]\.))[{DASH}]"
                rf"(?=\s*(?:\d|[А-ЯЁІЇЄЎЈЉЊЋЂ]|N[o.]?\s?\d|№))(?![{_UP}][а-яё]{{0,3}}\.\s*:)"), " – "),
    # a year glued to the word before it: 'химии.2015.' 'Самара,2012.'
    (re.compile(r"(?:(?<=[^\W\d_]{2}\.)|(?<=[^\W\d_],)|(?<=\.,))(?=(?:1[5-9]|20)\d\d\s*[.,;])"), " "),
    # a newspaper's day glued to its year: 'газета.2022.18 авг.' -> '2022. 18 авг.'
    (re.compile(rf"(?<=(?:1[5-9]|20)\d\d\.)(?=\d{{1,2}}\s+{GOST_MONTH})"), " "),
    # a number sign glued to the abbreviation before it: '18 авг.№ 183'
    (re.compile(r"(?<=[^\W\d_]\.)(?=№)"), " "),
    # a place glued to the number before it: 'Вып.14.М.,2017' -> 'Вып.14. М.,2017'
    (re.compile(rf"(?<=\d\.)(?=[{_UP}][а-яё]{{0,3}}\.\s*[,:])"), " "),
    # initials glued to the word after them: 'Богданов И.Я.Производительность', 'Л.В.Ершова'
    (re.compile(rf"(?<![^\W\d_])([{_UP}]\.\s?[{_UP}]\.)(?=[{_UP}][{_CYR}]{{2}})"), r"\1 "),
    # a comma glued to the name after it: 'Ткаченко,О. В.', 'Лебедева Н.М.,Татарко А.Н.'
    (re.compile(rf"(?:(?<=[^\W\d_]{{2}},)|(?<=[{_UP}]\.,))(?=[{_UP}])"), " "),
    # a serial's issue mark glued to its number: 'Вып.14.М.,2017' -> 'Вып. 14.'
    (re.compile(r"(?<![^\W\d_])((?:Вып|Вип|Кн)\.)(?=\d)"), r"\1 "),
    # a number mark glued to the number before it: '2015.Т.89,№3.С.395'
    (re.compile(rf"(?<=\d[.,])(?={_NUMBER_MARK}\.?\s*\d)"), " "),
    # place and publisher: 'М.:Наука' -> 'М.: Наука'
    (re.compile(rf"(\b[{_UP}][{_CYR}a-z]{{0,3}}\.:)(?=\S)"), r"\1 "),
    # and in full: 'Алматы:Институт экономики'
    (re.compile(rf"(?<![^\W\d_])([{_UP}][{_CYR}-]{{2,}}:)(?=[«\"{_UP}][{_CYR}])"), r"\1 "),
]

# 'Лебедев, 2015а – ', 'Миронова, Соколов, 2019 – ', 'Иванов и др., 2010 - '
_KEY = re.compile(rf"^\s*(?P<key>[{_UP}][\w'’-]+(?:,\s*[{_UP}][\w'’-]+)*(?:\s+(?:и\s+др\.|et\s+al\.))?,?\s+"
                  rf"(?:1[5-9]|20)\d\d[a-zа-я]?)\s*[{DASH}]\s+(?=[{_UP}])")

# other title information naming the kind of document (after ' : ' or ': ')
GENRE_WORDS = (r"учеб(?:ное|\.)\s*(?:пособие|пос\.)|учебник|монография|навч\.\s*посіб\.?|навчальний посібник"
               # Ukrainian (ДСТУ 8302) and Belarusian: 'монографія', 'зб. наук. пр.', 'довідник', 'манаграфія'
               r"|монографія|манаграфія|зб\.\s*наук\.\s*пр(?:аць|\.)|збірник\s+(?:наукових\s+праць|статей|матеріалів)"
               r"|довідник|словник|енциклопедія|курс\s+лекцій|методичні\s+(?:вказівки|рекомендації)"
               r"|підручник|вучэб\.\s*дапам\.?|вучэбны дапаможнік|дис\.?|диссертаци[яи]|автореф\.|дисертаці[яї]"
               r"|отч[её]т\s+о\s+(?:НИР|научно-исследовательской\s+работе)|сб\.\s*ст\.?|сб\.\s*науч\.\s*тр\."
               r"|сборник\s+(?:статей|научных\s+трудов|материалов|трудов)|материалы|матеріали"
               r"|(?:официальный|офіційний|афіцыйны)\s+сайт|сайт|справочник|словарь|энциклопедия|хрестоматия"
               r"|практикум|курс\s+лекций|методические\s+(?:указания|рекомендации)|науч\.-попул\.\s+изд\."
               r"|национальный\s+стандарт|межгосударственный\s+стандарт|федеральный\s+закон"
               # abstracts, preprints, codes of practice, collective monographs; Belarusian 'матэрыялы'
               r"|тез\.\s*докл\.|тезисы\s+доклад(?:ов|а)|тези\s+доповідей|препринт|свод\s+правил"
               r"|коллективная\s+монография|колективна\s+монографія|калектыўная\s+манаграфія|матэрыялы|зборнік"
               # GOST R 7.0.100's thesis ('... : специальность 08.00.13 «...» : диссертация на соискание ...') and an
               # act's adoption ('Конституция ... : принята всенародным голосованием ...', ': [принят Государственной думой')
               r"|специальность(?=\s+\d)|спеціальність(?=\s+\d)|\[?принят[аоы]?(?=\s)")
# (a word that ends in its abbreviation's full stop may have the next word glued on: 'автореф.дис')
_OTHER_INFO = re.compile(rf"\s*:\s*(?:{GENRE_WORDS})(?:(?<=\.)|(?![\w])).*$", re.I)
# the same in romanised reference lists (Russian journals' 'References'): 'Regional policy. Cand. Sci.
# (Econ.) Diss.', 'Extended abstract of Dr. Sci. (Econ.) Diss.', 'Cand. Sci. (Tech.) Diss. Abstr.'
_ROMANISED_THESIS = re.compile(r"\s*[.:]\s*(?:Extended\s+)?(?:abstract\s+of\s+)?(?:Cand|Dr|Doct)\.\s*Sci\.\s*"
                               r"(?:\([^()]{2,30}\)\s*)?(?:Diss|Thesis)\b.*$"
                               # and in the other languages of our users' lists: 'Polityka regionalna. Rozprawa
                               # doktorska', '. Thèse de doctorat', '. Tese (Doutorado ...)', '. Diss.', '. PhD thesis'
                               r"|\s*[.:]\s*(?:Rozprawa\s+doktorska|Praca\s+(?:doktorska|magisterska)|Thèse\s+de\s+doctorat"
                               r"|Tese\s*\(|Disserta(?:tion|ção)\b|Diss\.|Ph\.?\s?D\.?\s+(?:thesis|diss)|Master'?s\s+thesis)"
                               r".*$", re.I)
# a word each match of _ROMANISED_THESIS holds
_ROMANISED_THESIS_WORDS = CaseBlindWords("sci", "rozprawa", "praca", "thèse", "tese", "disserta", "diss", "ph", "master")

# an act's date: '06.10.2003', '27 июля 2006 г.', Ukrainian '5 вересня 2017 р.', Belarusian '26 студз. 1990 г.'
_DATE_DMY = (rf"(?:(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>(?:1[5-9]|20)\d\d)"
             rf"|(?P<dw>\d{{1,2}})\s+(?P<mw>{GOST_MONTH})\s*(?P<yw>(?:1[5-9]|20)\d\d)\s*(?:г\.|года|р\.|року)?)")
_COUNTRY = (r"(?:РФ|Российской\s+Федерации|Рос\.\s*Федерации|Украины|України|Республики\s+[А-Я][а-я]+|Респ\.\s*[А-Я][а-я]+"
            r"|Рэспублікі\s+Беларусь|Кыргызской\s+Республики)")
_LAW_KIND = (r"Федеральный\s+конституционный\s+закон|Федеральный\s+закон|Закон\s+(?:РФ|Российской\s+Федерации|"
             r"[А-Я][а-я]+ской\s+области|г\.\s*Москвы)|Постановление\s+(?:Правительства|Пленума|"
             r"Конституционного|Государственной)[^«\"“:]{0,60}?|Указ\s+Президента\s+(?:РФ|Российской\s+Федерации)"
             r"|Распоряжение\s+Правительства\s+(?:РФ|Российской\s+Федерации)|Приказ\s+[^«\"“:]{3,80}?"
             r"|(?:[а-яё]+(?:ый|ий|ой)\s+)?[Кк]одекс[^«\"“:]{0,60}?"
             # GOST R 7.0.5's abbreviations: 'федер. закон Рос. Федерации', 'постановление Правительства Рос. Федерации'
             r"|федер\.\s*(?:конст\.\s*)?закон(?:\s+Рос\.\s*Федерации)?"
             # the other republics' acts (ДСТУ 8302 lists, Kazakh and Belarusian lists)
             rf"|(?:Закон|Кодекс|Указ\s+Президента|Постановление\s+Правительства)\s+{_COUNTRY}"
             r"|Постанова\s+(?:Кабінету\s+Міністрів|Верховної\s+Ради)\s+України|Указ\s+Президента\s+України"
             r"|Розпорядження\s+Кабінету\s+Міністрів\s+України|Наказ\s+[^«\"“:]{3,80}?")
_LAW = re.compile(rf"(?P<kind>{_LAW_KIND}),?\s+(?:от|від|ад)\s+{_DATE_DMY}\s*,?\s*(?:№|N)\s*(?P<num>[\w\-–/]+)", re.I)
_LAW_DATE = re.compile(r"\s(?:от|від|ад)\s", re.I)  # what every act has; far quicker to look for than _LAW
_LAW_DATE_WORD = CaseBlindWords("от", "від", "ад")
_QUOTED = re.compile(r"[«\"“„](.+?)[»\"”“](?=\s*(?:[.,;:/]|//|$|\s[–—-]\s))")
_STANDARD = re.compile(r"^\s*(?P<num>(?:ГОСТ|GOST|ОСТ|СТО|СНиП|СП|ISO|IEC|ИСО|МЭК)(?:\s*(?:Р|R|ИСО|ISO|МЭК|IEC))*"
                       rf"\s*\d[\d.]*(?:\s*[{DASH}/:]\s*\d[\d.]*)*\*?)\.?\s+")


_LINK_MARK = re.compile(r"10\.\d{4,9}/|https?://|ftp://|www\.", re.I)


def _link_spans(s: str) -> List[Tuple[int, int]]:
    """(start, end) of each whitespace-delimited word holding a DOI or URL (found from its marker
    outwards: a pattern with a leading \\S* would take quadratic time on a long word)."""
    spans: List[Tuple[int, int]] = []
    for m in _LINK_MARK.finditer(s):
        if spans and m.start() < spans[-1][1]:
            continue
        start = max(s.rfind(" ", 0, m.start()) + 1, 0)
        end = s.find(" ", m.end())
        spans.append((start, len(s) if end < 0 else end))
    return spans


def repair_spacing(s: str) -> str:
    """Insert the spaces GOST prints around its area and number signs where they were left out
    (never inside a DOI or URL)."""
    if s.isascii() or not _CYRILLIC.search(s):
        return s
    out: List[str] = []
    pos = 0
    for start, end in _link_spans(s) + [(len(s), len(s))]:
        part = s[pos:start]
        for rx, rep in _SPACING:
            part = rx.sub(rep, part)
        out.extend((part, s[start:end]))
        pos = end
    return re.sub(r"\s{2,}", " ", "".join(out))


def split_key(s: str) -> Tuple[str | None, str]:
    """('Лебедев, 2015а', rest) for a reference printed after its author-year key, else (None, s).

    The key is taken only when the same family name begins the reference after it."""
    m = _KEY.match(s)
    if not m:
        return None, s
    first_family = re.match(r"[\w'’-]+", m.group("key"))
    rest = s[m.end():]
    if not first_family or not re.match(re.escape(first_family.group(0)) + r"(?![\w'’-])", rest):
        return None, s
    return m.group("key"), rest


# a translation stated as other title information: 'Структура научных революций : пер. с англ.',
# ': перевод с французского', Ukrainian ': пер. з нім.', ': переклад з англійської'
_TRANSLATED = re.compile(r"\s*:\s*(?:пер\.|перевод|переклад)\s*(?:с|з|со)\s+[а-яёіїє]+\.?(?:\s+яз\.)?(?=\s*(?:[:;/.,]|$))",
                         re.I)


def split_other_info(title: str) -> Tuple[str, str | None]:
    """('Экономика', 'учебное пособие') from 'Экономика : учебное пособие'; the title stays whole
    when what follows the colon is not a kind of document. A translation statement (' : пер. с
    англ.') is no part of the title either."""
    if "пер" in title.lower() and ":" in title:
        tm = _TRANSLATED.search(title)
        if tm and tm.start() >= 3:
            title = (title[:tm.start()] + title[tm.end():]).rstrip(" :;,./")
    m = (_OTHER_INFO.search(title) if ":" in title else None) or (
        _ROMANISED_THESIS.search(title) if _ROMANISED_THESIS_WORDS.in_text(title) else None)
    if not m or m.start() < 3:
        return title, None
    genre = title[m.start():].strip(" :;,./")
    return title[:m.start()].rstrip(" :;,."), genre


_SECTION = re.compile(r"(?<![\w])Ст\.\s*(\d+)(?![\w])")


def legislation(s: str) -> Dict[str, Any]:
    """Title, date, number and genre of a law or decree: 'Федеральный закон от 06.10.2003 № 131-ФЗ
    «Об общих принципах ...»' and 'О персональных данных : Федеральный закон от 27.07.2006 № 152-ФЗ'."""
    m = _LAW.search(s) if _LAW_DATE_WORD.in_text(s) and _LAW_DATE.search(s) else None
    head = s[:m.start()] if m else ""
    if not m or head.strip() and not re.search(r"\S\s*:\s*$", head):
        # the law must be what is cited: the reference starts with it, or its title does and
        # ' : Федеральный закон ...' follows; an article that mentions a decree is not one
        return {}
    out: Dict[str, Any] = {
        "genre": " ".join(m.group("kind").split()),
        "number": m.group("num").rstrip(".,"),
    }
    if m.group("y"):
        out["issued"] = {"date-parts": [[int(m.group("y")), int(m.group("m")), int(m.group("d"))]]}
    else:
        month = month_of(m.group("mw"))
        year = int(m.group("yw"))
        out["issued"] = {"date-parts": [[year, month, int(m.group("dw"))] if month else [year]]}
    section = _SECTION.search(s, m.end())
    if section:  # 'Ст. 3822': the article of the gazette's issue where the act is printed
        out["section"] = section.group(1)
    quoted = _QUOTED.search(s, m.end())
    head = head.rstrip(" :;,.")
    if quoted and quoted.start() - m.end() < 5:
        out["title"] = quoted.group(1).strip()
    elif len(head) > 3 and not re.search(r"//", head):
        out["title"] = head
    elif re.search(r"кодекс", m.group("kind"), re.I):
        out["title"] = " ".join(m.group("kind").split())  # 'Гражданский кодекс Российской Федерации (часть первая)'
    else:
        out["title"] = " ".join(m.group(0).split())  # a law cited by its designation alone
    return out


# GOST 7.1 'Пат. 2658941 Российская Федерация, МПК C02F 1/46. Title / Inventors ; заявитель ... – № 2017123456 ;
# заявл. 03.07.2017 ; опубл. 26.06.2018, Бюл. № 18.', GOST 7.0.100 'Патент № 2745123 C1 Российская Федерация, МПК
# A61B 5/00. Title : № 2020112345 : заявл. 25.03.2020 : опубл. 22.03.2021 / Inventors ; заявитель ...', ДСТУ 8302
# 'Пат. 123456 Україна, МПК ...', and the Soviet author's certificate 'А. с. 1234567 СССР'
_PATENT = re.compile(r"^\s*(?:Пат\.|Патент|Деклараційний\s+патент|А\.\s?с\.|Авт\.\s*свид\.|Авторское\s+свидетельство)"
                     r"\s*(?:на\s+(?:изобретение|полезную\s+модель|винахід|корисну\s+модель)\s*)?(?:№\s*)?"
                     r"(?P<num>\d+(?:\s\d{3})*)(?:\s*[A-ZА-Я]\d?)?(?![\w])")
_CLASSIFICATION = re.compile(r"\b(?:МПК|МКИ|МКВ|IPC|CPC|МПК\s*\(\d+\))\s*[^.]*?\d+/\d+[^.]*?\.\s+")
_PATENT_PUBLISHED = re.compile(rf"\b(?:опубл|опубл\.|опублік)\.?\s*(?:{_DATE_DMY}|(?P<y2>(?:1[5-9]|20)\d\d))")
_TITLE_END = re.compile(r"\s+/\s+|\s+:\s+|\.\s+[–—-]\s+|\s+;\s+")


def patent(s: str) -> Dict[str, Any]:
    """Number, title, inventors and date of publication of a patent (or an author's certificate)."""
    m = _PATENT.match(s)
    if not m:
        return {}
    out: Dict[str, Any] = {"number": re.sub(r"\s", "", m.group("num"))}
    cls = _CLASSIFICATION.search(s, m.end())
    if cls:
        start = cls.end()
    else:  # the country, then the title: 'А. с. 1234567 СССР. Title'
        stop = re.search(r"\.\s+(?=[«\"{_UP}])".replace("{_UP}", _UP), s[m.end():])
        start = m.end() + stop.end() if stop else -1
    if start > 0:
        title = _TITLE_END.split(s[start:], maxsplit=1)[0].strip(" .")
        if title:
            out["title"] = title
        slash = re.search(r"\s/\s*", s[start:])
        if slash:
            names = re.split(r"\s*;|(?<=\.)\s+[–—-]\s|\s:\s", s[start + slash.end():], maxsplit=1)[0]
            names = re.sub(r"\s*\([^()]*\)", "", names)  # 'Ваулин В. С. (СССР)': the inventor's country
            people = [p for p in split_names(names) if p.get("family")]
            if people and all(re.match(rf"[{_UP}]", p["family"]) for p in people):
                out["author"] = people
    pub = _PATENT_PUBLISHED.search(s, m.end())
    if pub and pub.group("y"):
        out["issued"] = {"date-parts": [[int(pub.group("y")), int(pub.group("m")), int(pub.group("d"))]]}
    elif pub and pub.group("yw"):
        month = month_of(pub.group("mw"))
        out["issued"] = {"date-parts": [[int(pub.group("yw")), month, int(pub.group("dw"))] if month
                                        else [int(pub.group("yw"))]]}
    elif pub and pub.group("y2"):
        out["issued"] = {"date-parts": [[int(pub.group("y2"))]]}
    return out


def standard(s: str) -> Dict[str, Any]:
    """Number and title of a standard cited by its designation: 'ГОСТ Р 7.0.100–2018. Библиографическая
    запись ... : национальный стандарт ...'."""
    m = _STANDARD.match(s)
    if not m:
        return {}
    rest = s[m.end():]
    # the title ends at the next area: ' / ', '//', '. – ', or an imprint / year without dashes
    title = re.split(rf"\s+/\s+|\s+//\s*|\.\s+[–—-]\s+|\s[–—]\s|\.\s+(?:{CITY})\.?\s*:|[.,]\s+(?:1[5-9]|20)\d\d\b",
                     rest, maxsplit=1)[0]
    title, genre = split_other_info(title)
    out: Dict[str, Any] = {"number": " ".join(m.group("num").split()).rstrip("."), "title": title.strip(" .")}
    if genre:
        out["genre"] = genre
    return out




# --- corrections of the model's segments where GOST's layout is certain -----------------------

_LOW = "а-яёіїєўјљњћђ"
_FAM = rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}]+)?"
_INI = rf"(?:[{_UP}][а-яё]?\.\s?){{1,3}}"
# the heading of a GOST reference: up to three authors, family first, with initials ('Дёмин И.М.',
# 'Казанин Г.С., Заяц И.В.', 'Юрьева М.Ю., Ясинский А.А. и др.')
_HEADING = re.compile(rf"^\s*(?:{_FAM},?\s+{_INI}(?:,\s*|\s+(?=[{_UP}]|и\s+др\.)|\s*$))+(?:и\s+др\.\s*)?")
_NAME_START = re.compile(rf"^\s*(?:{_FAM},?\s+{_INI}|{_INI}\s*{_FAM}|[&(]|и\s)")
_RESPONSIBILITY = re.compile(rf"\s/\s*(?:{_INI}\s*{_FAM}|под\s+(?:общ\.\s+)?ред\.|сост\.|пер\.|авт\.-сост\.)")
_SENTENCE_END = re.compile(rf"(?<=[^\W\d_]{{3}}[.?!])\s+(?=[«\"]?[{_UP}])")
_TRANSLATOR = re.compile(r"(?:;\s*|/\s*|\s)(?:пер\.|перевод)\s*(?:с\s*[а-яё]+\.?\s*(?:яз\.)?\s*)?")
# the rest of an edition statement the model cut off from its number: 'перераб. и доп.'
_EDITION_REST = re.compile(r"^[\s,.]*(?:перераб|испр|доп|стер|расш|випр)[а-я]*\.?(?:\s*и\s*(?:перераб|испр|доп|стер|расш"
                           r"|випр)[а-я]*\.?)?[\s.,–—-]*$", re.I)
# 'в 5 т.', Ukrainian and Belarusian 'у 2 т.'
_VOLUMES_ALONE = re.compile(r"^[\s:]*[ву]\s+\d+\s*(?:т|кн|ч)?\.?[\s.,]*$")
_VOLUMES = re.compile(r":?\s*[ву]\s+(\d+)\s+(?:т|кн|ч)\.", re.I)
_DEPOSIT = re.compile(r"[.\s–—-]*\bДеп\.\s+в\s+.*$")
CITY = (r"(?:М|Л|СПб|Мн|К|Х|Н\.\s?Новгород|Москва|Ленинград|Санкт-Петербург|Минск|Мінск|Київ|Киев|Харків|Львів"
         r"|Одеса|София|Београд|Нови\s+Сад|Новосибирск|Екатеринбург|Казань|Томск|Самара|Ростов-на-Дону|Иркутск"
         r"|Владивосток|Нижний\s+Новгород|Пермь|Уфа|Воронеж|Саратов|Красноярск|Омск|Челябинск|Волгоград|Барнаул)")
_CITY_ALONE = re.compile(rf"{CITY}\.?")
_IMPRINT = re.compile(rf"^\s*(?P<place>{CITY})\.?\s*:\s*(?P<publisher>[«\"{_UP}][^:;]+?)[\s,.]*$")
# GOST's '//' before the host, not the one in 'https://'
HOST_SLASHES = re.compile(r"(?<![:/])//(?!/)")


_CYRILLIC = re.compile(f"[{_CYR}]")


def is_cyrillic_reference(s: str) -> bool:
    return not s.isascii() and len(_CYRILLIC.findall(s)) >= 8


def segment_offsets(s: str, segments: Sequence[Tuple[str, str]]) -> List[int]:
    """Where each labelled segment starts in the string it was cut from (the previous end when
    a segment's text is not found verbatim)."""
    out, pos = [], 0
    for _, text in segments:
        i = s.find(text, pos)
        out.append(i if i >= 0 else pos)
        pos = (i if i >= 0 else pos) + len(text)
    return out


def _heading_apart(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """The heading ends after the last author's initials: words the model added to it begin the title
    ('Дёмин И.М. Шумеры //', 'Панченко І. В. Цифрова трансформація')."""
    idx = next((i for i, (label, _) in enumerate(segments) if label not in ("number", "other")), None)
    if idx is None or segments[idx][0] != "author":
        return segments
    text = segments[idx][1]
    m = _HEADING.match(text)
    if not m or not text[m.end():].strip(" .,;:"):
        return segments
    rest = text[m.end():]
    if _NAME_START.match(rest) or not re.match(rf"\s*[«\"„]?[{_UP}0-9]", rest):
        return segments  # another name ('& Петков, Г.'), not the title's first words
    out = segments[:idx] + [("author", text[:m.end()])]
    after = segments[idx + 1:]
    if after and after[0][0] == "title":
        out.append(("title", rest + " " + after[0][1]))
        out.extend(after[1:])
    else:
        out.append(("title", rest))
        out.extend(after)
    return out


def _names_inside_title(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """'Диалектная лексика в прозе В. Белова //': a name right after the title, with no '/' before
    it, is part of the title (authors after the title follow a slash)."""
    out: List[Tuple[str, str]] = []
    for label, text in segments:
        if (label == "author" and out and out[-1][0] == "title" and "/" not in text[:3]
                and not out[-1][1].rstrip().endswith("/")):
            out[-1] = ("title", out[-1][1] + " " + text)
        elif label == "title" and out and out[-1][0] == "author" and _ET_AL_START.match(text):
            # 'Агафонов Б.В. | и др. Эффективность ...': 'и др.' closes the author list
            m = _ET_AL_START.match(text)
            assert m is not None
            out[-1] = ("author", out[-1][1] + " " + m.group(0))
            out.append(("title", text[m.end():]))
        else:
            out.append((label, text))
    return out


_ET_AL_START = re.compile(r"^\s*(?:и\s+др\.|\[и\s+др\.\]|et\s+al\.)\s*")


def _title_before_slash(s: str, segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """A book without a heading ('История Сибири : учебник / А. Н. Зуев [и др.]'): everything before
    the statement of responsibility is the title, whatever the model thought were names."""
    m = _RESPONSIBILITY.search(s)
    if not m or _HEADING.match(re.sub(r"^\s*\[?\d+[.)\]]?\s*", "", s)) or HOST_SLASHES.search(s[:m.start()]):
        return segments
    starts = segment_offsets(s, segments)
    out = []
    for (label, text), start in zip(segments, starts):
        if start + len(text) <= m.start() and label == "author":
            label = "title"
        out.append((label, text))
    merged: List[Tuple[str, str]] = []
    for label, text in out:
        if merged and merged[-1][0] == label == "title":
            merged[-1] = ("title", merged[-1][1] + " " + text)
        else:
            merged.append((label, text))
    return merged


def _journal_after_title(s: str, segments: List[Tuple[str, str]], journal_numbers: bool) -> List[Tuple[str, str]]:
    """'Кому нужна новая столица? Профиль. 2006. № 47.': with journal numbers, no '//' and no
    container, the title's last sentence is the journal (GOST's short form without '//')."""
    if not journal_numbers or HOST_SLASHES.search(s) or any(label == "container" for label, _ in segments):
        return segments
    idx = next((i for i, (label, _) in enumerate(segments) if label == "title"), None)
    if idx is None:
        return segments
    if (idx + 2 < len(segments) and segments[idx + 2][0] == "title"
            and re.fullmatch(rf"\s*[{DASH}]\s*", segments[idx + 1][1])):
        # 'Сланцевая революция отменяется? – Эксперт. – 2015. – № 14': a second title after GOST's
        # area dash is the journal
        return segments[:idx + 2] + [("container", segments[idx + 2][1])] + segments[idx + 3:]
    text = segments[idx][1]
    cuts = [m.start() for m in _SENTENCE_END.finditer(text.rstrip(" .,"))]
    if not cuts:
        return segments
    cut = cuts[-1]
    return segments[:idx] + [("title", text[:cut]), ("container", text[cut:])] + segments[idx + 1:]


def _certain_apart(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """Parts whose words say what they are: a translator ('пер. с англ. Е. С. Ждановой'), the number
    of volumes ('в 5 т.'), a deposited manuscript ('Деп. в ВИНИТИ ...'), an imprint the model took
    for a container ('Мн.: Беларуская навука')."""
    out: List[Tuple[str, str]] = []
    for label, text in segments:
        if label in ("issue", "volume") and any(_DEPOSIT.search(t) for _, t in out):
            out.append(("note", text))  # 'Деп. в ВИНИТИ 12.05.89, № 3125-В89': the deposit's number
            continue
        if label == "author" and any(lab == "title" for lab, _ in out) and _CITY_ALONE.fullmatch(text.strip(" ,;")):
            out.append(("location", text))  # '... Вып. 14. М., 2017': a place after the title, not a person
            continue
        if label == "author":
            m = _TRANSLATOR.search(" " + text)
            if m:
                head = text[:max(m.start() - 1, 0)]
                if head.strip(" /;,."):
                    out.append(("author", head))
                out.append(("translator", text[m.end() - 1:]))
                continue
        if _EDITION_REST.match(text):
            if out and out[-1][0] == "edition":
                out[-1] = ("edition", out[-1][1] + " " + text)  # '3-е изд.,' | 'испр.'
            else:
                out.append(("edition", text))
            continue
        if label in ("container", "title") and _VOLUMES_ALONE.match(text):
            out.append(("volumes", re.sub(r"\D", "", text)))
            continue
        if label in ("container", "title", "author"):
            im = _IMPRINT.match(text)
            if im and label != "title":
                out.extend([("location", im.group("place")), ("publisher", im.group("publisher"))])
                continue
            dm = _DEPOSIT.search(text)
            if dm:
                out.extend(cut_out(label, text, dm, "note", dm.group(0)))
                continue
            vm = _VOLUMES.search(text)
            if vm:
                out.extend(cut_out(label, text, vm, "volumes", vm.group(1)))
                continue
        out.append((label, text))
    return out


def cut_out(label: str, text: str, m: "re.Match[str]", new_label: str, value: str) -> List[Tuple[str, str]]:
    """The segment with the match taken out as its own (new_label, value) segment; what is left
    on either side keeps the old label unless it is only punctuation."""
    pieces = [(label, text[:m.start()]), (new_label, value), (label, text[m.end():])]
    return [(lab, part) for lab, part in pieces if lab == new_label or part.strip(" .,:;–—-")]


# an organisation named in the statement of responsibility: 'Томский гос. ун-т', 'Ин-т водных проблем РАН',
# 'Нац. исслед. ун-т «Высшая школа экономики»', 'М-во образования и науки'
_BODY = re.compile(r"(?:ун-т|ин-т|[Уу]ниверситет|[Ии]нститут|[Аа]кадеми[яи]|\bРАН\b|\bНАН\b|[Мм]инистерств|\bМ-во\b"
                   r"|[Аа]гентств|[Сс]лужб[аы]|[Кк]омитет|\bНИИ\b|[Нн]ац\.\s*исслед\.|[Уу]чреждени|[Цц]ентр\b"
                   r"|[Уу]ніверситет|[Іі]нститут)")
# the head and the executors of a report ('рук. Борисов Г.Е.', 'науч. рук.', 'отв. исполн.', Ukrainian 'кер.')
_REPORT_HEAD = re.compile(r"(?:^|[;,]\s*|\s)(?:(?:науч\.\s*)?рук\.|(?:отв\.\s*)?исполн\.|(?:наук\.\s*)?кер\.)\s*:?\s*")


_PLACE_AFTER_NAME = re.compile(rf"(?<=[{_UP}]\.)\s+{CITY}\.?\s*,?\s*$")


def _bodies_apart(s: str, segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """The statement of responsibility of a report or a book names organisations and a report's head
    beside its authors: '/ Томский гос. ун-т ; рук. Борисов Г.Е.' has no author, the university is the
    publisher; '/ С. Н. Павлов ; Нац. исслед. ун-т «Высшая школа экономики»' has no container."""
    out: List[Tuple[str, str]] = []
    no_host = not HOST_SLASHES.search(s)
    for i, (label, text) in enumerate(segments):
        seen_slash = any(lab == "other" and "/" in t for lab, t in segments[:i])
        if label == "author" and seen_slash:
            m = _REPORT_HEAD.search(text)
            body, head = (text[:m.start()], text[m.end():]) if m else (text, "")
            body = body.strip(" ;,")
            if body and _BODY.search(body) and not _HEADING.match(body) and not re.search(_INI + _FAM, body):
                out.append(("publisher" if not any(lab == "publisher" for lab, _ in segments) else "other", body))
                if head:
                    out.append(("contributor", head))
                continue
            head = _PLACE_AFTER_NAME.sub("", head)  # 'рук. Иванов П. П. М., 2015': the place is not an initial
            if m and head:
                if body:
                    out.append((label, body))
                out.append(("contributor", head))
                continue
        if (label == "container" and no_host and seen_slash and i > 0 and segments[i - 1][1].strip() == ";"
                and _BODY.search(text)):
            out.append(("other", text))  # '/ Author ; Нац. исслед. ун-т ...': a body, not a host
            continue
        out.append((label, text))
    return out


_YEAR_IN_NAME = re.compile(rf"\s*[{DASH}]\s*(?:1[5-9]|20)\d\d(?=\s+:\s)")


def _year_in_host_name(s: str, segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """'// Инженерные системы – 2020 : материалы конф.': a year followed by other title information
    (' : ', not an area's full stop) belongs to the host's name."""
    starts = segment_offsets(s, segments)
    for i, ((label, text), start) in enumerate(zip(segments, starts)):
        if label != "container":
            continue
        m = _YEAR_IN_NAME.match(s, start + len(text))
        if not m:
            return segments
        j, out = i + 1, segments[:i] + [("container", s[start:m.end()])]
        while j < len(segments) and starts[j] + len(segments[j][1]) <= m.end():
            j += 1  # the segments the name now covers
        return out + segments[j:]
    return segments


def _title_not_names(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """'Статистика ВОЗ. URL: ...': with no title found, a lone 'author' without a single initial is the
    title (GOST names persons by family name and initials)."""
    if any(label == "title" for label, _ in segments):
        return segments
    authors = [i for i, (label, _) in enumerate(segments) if label == "author"]
    if len(authors) != 1 or re.search(rf"(?<![^\W\d_])[{_UP}]\.", segments[authors[0]][1]):
        return segments
    i = authors[0]
    return segments[:i] + [("title", segments[i][1])] + segments[i + 1:]


def correct_segments(s: str, segments: List[Tuple[str, str]], journal_numbers: bool) -> List[Tuple[str, str]]:
    """The model's (label, text) segments of a Cyrillic reference, corrected where GOST is certain."""
    if not is_cyrillic_reference(s):
        return segments
    segments = _title_not_names(_heading_apart(segments))
    segments = _names_inside_title(segments)
    segments = _title_before_slash(s, segments)
    segments = _journal_after_title(s, segments, journal_numbers)
    return _certain_apart(_bodies_apart(s, _year_in_host_name(s, segments)))


__all__ = ["CITY", "GENRE_WORDS", "HOST_SLASHES", "correct_segments", "cut_out", "is_cyrillic_reference", "legislation", "patent", "repair_spacing", "split_key",
           "split_other_info", "standard"]
