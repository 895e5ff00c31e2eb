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
from typing import Any, Dict, List, Tuple

DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CYR = "А-ЯЁа-яёІіЇїЄєЎўЈјЉљЊњЋћЂђ"
_UP = "A-ZА-ЯЁІЇЄЎЈЉЊЋЂ"
_NUMBER_MARK = r"(?:Т|Том|С|Стр|№|N|Вып|Вип|Кн|бр|Бр|год|Ч|Vol|No|P|pp)"

# (pattern, replacement) pairs; each inserts the space that GOST prints and the typist left out
_SPACING: List[Tuple["re.Pattern[str]", str]] = [
    # '.-' / '.–' between areas: 'кредит.-2009.-N 12' -> 'кредит. – 2009. – N 12'
    (re.compile(rf"(?:(?<=[^\W\d_]{{2}}\.)|(?<=\d[.,])|(?<=[^\W\d_]\)))[{DASH}](?=\s*(?:\d|[{_UP}]))"), " – "),
    # a year glued to the word before it: 'химии.2015.' 'Самара,2012.'
    (re.compile(r"(?:(?<=[^\W\d_]{2}\.)|(?<=[^\W\d_],))(?=(?:1[5-9]|20)\d\d\s*[.,;])"), " "),
    # a number mark glued to the number before it: '2015.Т.89,№3.С.395'
    (re.compile(rf"(?<=\d[.,])(?={_NUMBER_MARK}\.?\s*\d)"), " "),
    # place and publisher: 'М.:Наука' -> 'М.: Наука'
    (re.compile(rf"(\b[{_UP}][{_CYR}a-z]{{0,3}}\.:)(?=\S)"), r"\1 "),
]

# 'Лебедев, 2015а – ', 'Миронова, Соколов, 2019 – ', 'Иванов и др., 2010 - '
_KEY = re.compile(rf"^\s*(?P<key>[{_UP}][\w'’-]+(?:,\s*[{_UP}][\w'’-]+)*(?:\s+(?:и\s+др\.|et\s+al\.))?,?\s+"
                  rf"(?:1[5-9]|20)\d\d[a-zа-я]?)\s*[{DASH}]\s+(?=[{_UP}])")

# other title information naming the kind of document (after ' : ' or ': ')
GENRE_WORDS = (r"учеб(?:ное|\.)\s*(?:пособие|пос\.)|учебник|монография|навч\.\s*посіб\.?|навчальний посібник"
               r"|підручник|вучэб\.\s*дапам\.?|вучэбны дапаможнік|дис\.|диссертаци[яи]|автореф\.|дисертаці[яї]"
               r"|отч[её]т\s+о\s+(?:НИР|научно-исследовательской\s+работе)|сб\.\s*ст\.?|сб\.\s*науч\.\s*тр\."
               r"|сборник\s+(?:статей|научных\s+трудов|материалов|трудов)|материалы|матеріали"
               r"|(?:официальный|офіційний|афіцыйны)\s+сайт|сайт|справочник|словарь|энциклопедия|хрестоматия"
               r"|практикум|курс\s+лекций|методические\s+(?:указания|рекомендации)|науч\.-попул\.\s+изд\."
               r"|национальный\s+стандарт|межгосударственный\s+стандарт|федеральный\s+закон")
_OTHER_INFO = re.compile(rf"\s*:\s*(?:{GENRE_WORDS})(?![\w]).*$", re.I)

_DATE_DMY = r"(\d{1,2})\.(\d{1,2})\.((?:1[5-9]|20)\d\d)"
_LAW_KIND = (r"Федеральный\s+конституционный\s+закон|Федеральный\s+закон|Закон\s+(?:РФ|Российской\s+Федерации|"
             r"[А-Я][а-я]+ской\s+области|г\.\s*Москвы)|Постановление\s+(?:Правительства|Пленума|"
             r"Конституционного|Государственной)[^«\"“]{0,60}?|Указ\s+Президента\s+(?:РФ|Российской\s+Федерации)"
             r"|Распоряжение\s+Правительства\s+(?:РФ|Российской\s+Федерации)|Приказ\s+[^«\"“]{3,80}?"
             r"|Кодекс[^«\"“]{0,60}?")
_LAW = re.compile(rf"(?P<kind>{_LAW_KIND})\s+от\s+{_DATE_DMY}\s*(?:г\.)?\s*(?:№|N)\s*(?P<num>[\w\-–/]+)", re.I)
_QUOTED = re.compile(r"[«\"“„](.+?)[»\"”“](?=\s*(?:[.,;:/]|//|$|\s[–—-]\s))")
_STANDARD = re.compile(r"^\s*(?P<num>(?:ГОСТ|GOST|ОСТ|СТО|СНиП|СП|ISO|IEC|ИСО|МЭК)(?:\s*(?:Р|R|ИСО|ISO|МЭК|IEC))*"
                       rf"\s*[\d.]+(?:\s*[{DASH}/]\s*[\d.]+)*)\.?\s+")


_LINK = re.compile(r"\S*(?:10\.\d{4,9}/|https?://|ftp://|www\.)\S*", re.I)


def repair_spacing(s: str) -> str:
    """Insert the spaces GOST prints around its area and number signs where they were left out
    (never inside a DOI or URL)."""
    if not re.search(f"[{_CYR}]", s):
        return s
    out: List[str] = []
    pos = 0
    for m in list(_LINK.finditer(s)) + [None]:
        end = m.start() if m else len(s)
        part = s[pos:end]
        for rx, rep in _SPACING:
            part = rx.sub(rep, part)
        out.append(part)
        if m:
            out.append(m.group(0))
            pos = m.end()
    return re.sub(r"\s{2,}", " ", "".join(out))


def split_key(s: str) -> Tuple[str | None, str]:
    """('Лебедев, 2015а', rest) for a reference printed after its author-year key, else (None, s).

    The key is taken only when the same family name begins the reference after it."""
    m = _KEY.match(s)
    if not m:
        return None, s
    first_family = re.match(r"[\w'’-]+", m.group("key"))
    rest = s[m.end():]
    if not first_family or not rest.startswith(first_family.group(0)):
        return None, s
    return m.group("key"), rest


def split_other_info(title: str) -> Tuple[str, str | None]:
    """('Экономика', 'учебное пособие') from 'Экономика : учебное пособие'; the title stays whole
    when what follows the colon is not a kind of document."""
    m = _OTHER_INFO.search(title)
    if not m or m.start() < 3:
        return title, None
    genre = title[m.start():].strip(" :;,./")
    return title[:m.start()].rstrip(" :;,."), genre


def legislation(s: str) -> Dict[str, Any]:
    """Title, date, number and genre of a law or decree: 'Федеральный закон от 06.10.2003 № 131-ФЗ
    «Об общих принципах ...»' and 'О персональных данных : Федеральный закон от 27.07.2006 № 152-ФЗ'."""
    m = _LAW.search(s)
    if not m:
        return {}
    out: Dict[str, Any] = {
        "genre": " ".join(m.group("kind").split()),
        "number": m.group("num").rstrip(".,"),
        "issued": {"date-parts": [[int(m.group(4)), int(m.group(3)), int(m.group(2))]]},
    }
    quoted = _QUOTED.search(s, m.end())
    head = s[:m.start()].rstrip(" :;,.")
    if quoted and quoted.start() - m.end() < 5:
        out["title"] = quoted.group(1).strip()
    elif len(head) > 3 and not re.search(r"//", head):
        out["title"] = head
    return out


def standard(s: str) -> Dict[str, Any]:
    """Number and title of a standard cited by its designation: 'ГОСТ Р 7.0.100–2018. Библиографическая
    запись ... : национальный стандарт ...'."""
    m = _STANDARD.match(s)
    if not m:
        return {}
    rest = s[m.end():]
    title = re.split(r"\s+/\s+|\s+//\s*|\.\s+[–—-]\s+|\s[–—]\s", rest, maxsplit=1)[0]
    title, genre = split_other_info(title)
    out: Dict[str, Any] = {"number": " ".join(m.group("num").split()).rstrip("."), "title": title.strip(" .")}
    if genre:
        out["genre"] = genre
    return out


__all__ = ["GENRE_WORDS", "legislation", "repair_spacing", "split_key", "split_other_info", "standard"]
