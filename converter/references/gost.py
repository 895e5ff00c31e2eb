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

from ..patterns import CaseBlindWords

DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CYR = "А-ЯЁа-яёІіЇїЄєЎўЈјЉљЊњЋћЂђ"
_UP = "A-ZА-ЯЁІЇЄЎЈЉЊЋЂ"
_NUMBER_MARK = r"(?:Т|Том|С|Стр|№|N|Вып|Вип|Кн|бр|Бр|год|Ч|Vol|No|P|pp)"

# (pattern, replacement) pairs; each inserts the space that GOST prints and the typist left out
_SPACING: List[Tuple["re.Pattern[str]", str]] = [
    # '.-' / '.–' between areas: 'кредит.-2009.-N 12' -> 'кредит. – 2009. – N 12'
    # (not between two cities, 'СПб.-М.:', nor in a Latin name, 'Phys.-Chem.')
    (re.compile(rf"(?:(?<=[^\W\d_]{{2}}\.)|(?<=\d[.,])|(?<=[^\W\d_]\)))[{DASH}]"
                rf"(?=\s*(?:\d|[А-ЯЁІЇЄЎЈЉЊЋЂ]|N[o.]?\s?\d))(?![{_UP}][а-яё]{{0,3}}\.\s*:)"), " – "),
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
               # Ukrainian (ДСТУ 8302) and Belarusian: 'монографія', 'зб. наук. пр.', 'довідник', 'манаграфія'
               r"|монографія|манаграфія|зб\.\s*наук\.\s*пр(?:аць|\.)|збірник\s+(?:наукових\s+праць|статей|матеріалів)"
               r"|довідник|словник|енциклопедія|курс\s+лекцій|методичні\s+(?:вказівки|рекомендації)"
               r"|підручник|вучэб\.\s*дапам\.?|вучэбны дапаможнік|дис\.?|диссертаци[яи]|автореф\.|дисертаці[яї]"
               r"|отч[её]т\s+о\s+(?:НИР|научно-исследовательской\s+работе)|сб\.\s*ст\.?|сб\.\s*науч\.\s*тр\."
               r"|сборник\s+(?:статей|научных\s+трудов|материалов|трудов)|материалы|матеріали"
               r"|(?:официальный|офіційний|афіцыйны)\s+сайт|сайт|справочник|словарь|энциклопедия|хрестоматия"
               r"|практикум|курс\s+лекций|методические\s+(?:указания|рекомендации)|науч\.-попул\.\s+изд\."
               r"|национальный\s+стандарт|межгосударственный\s+стандарт|федеральный\s+закон")
_OTHER_INFO = re.compile(rf"\s*:\s*(?:{GENRE_WORDS})(?![\w]).*$", re.I)
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

_DATE_DMY = r"(\d{1,2})\.(\d{1,2})\.((?:1[5-9]|20)\d\d)"
_LAW_KIND = (r"Федеральный\s+конституционный\s+закон|Федеральный\s+закон|Закон\s+(?:РФ|Российской\s+Федерации|"
             r"[А-Я][а-я]+ской\s+области|г\.\s*Москвы)|Постановление\s+(?:Правительства|Пленума|"
             r"Конституционного|Государственной)[^«\"“]{0,60}?|Указ\s+Президента\s+(?:РФ|Российской\s+Федерации)"
             r"|Распоряжение\s+Правительства\s+(?:РФ|Российской\s+Федерации)|Приказ\s+[^«\"“]{3,80}?"
             r"|Кодекс[^«\"“]{0,60}?")
_LAW = re.compile(rf"(?P<kind>{_LAW_KIND})\s+от\s+{_DATE_DMY}\s*(?:г\.)?\s*(?:№|N)\s*(?P<num>[\w\-–/]+)", re.I)
_LAW_DATE = re.compile(r"\sот\s", re.I)  # what every act has; far quicker to look for than _LAW
_LAW_DATE_WORD = CaseBlindWords("от")
_QUOTED = re.compile(r"[«\"“„](.+?)[»\"”“](?=\s*(?:[.,;:/]|//|$|\s[–—-]\s))")
_STANDARD = re.compile(r"^\s*(?P<num>(?:ГОСТ|GOST|ОСТ|СТО|СНиП|СП|ISO|IEC|ИСО|МЭК)(?:\s*(?:Р|R|ИСО|ISO|МЭК|IEC))*"
                       rf"\s*\d[\d.]*(?:\s*[{DASH}/:]\s*\d[\d.]*)*)\.?\s+")


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


def split_other_info(title: str) -> Tuple[str, str | None]:
    """('Экономика', 'учебное пособие') from 'Экономика : учебное пособие'; the title stays whole
    when what follows the colon is not a kind of document."""
    m = (_OTHER_INFO.search(title) if ":" in title else None) or (
        _ROMANISED_THESIS.search(title) if _ROMANISED_THESIS_WORDS.in_text(title) else None)
    if not m or m.start() < 3:
        return title, None
    genre = title[m.start():].strip(" :;,./")
    return title[:m.start()].rstrip(" :;,."), genre


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
        "issued": {"date-parts": [[int(m.group(4)), int(m.group(3)), int(m.group(2))]]},
    }
    quoted = _QUOTED.search(s, m.end())
    head = head.rstrip(" :;,.")
    if quoted and quoted.start() - m.end() < 5:
        out["title"] = quoted.group(1).strip()
    elif len(head) > 3 and not re.search(r"//", head):
        out["title"] = head
    else:
        out["title"] = " ".join(m.group(0).split())  # a law cited by its designation alone
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
_VOLUMES_ALONE = re.compile(r"^[\s:]*в\s+\d+\s*(?:т|кн|ч)?\.?[\s.,]*$")
_VOLUMES = re.compile(r":?\s*в\s+(\d+)\s+(?:т|кн|ч)\.", re.I)
_DEPOSIT = re.compile(r"[.\s–—-]*\bДеп\.\s+в\s+.*$")
CITY = (r"(?:М|Л|СПб|Мн|К|Х|Н\.\s?Новгород|Москва|Ленинград|Санкт-Петербург|Минск|Мінск|Київ|Киев|Харків|Львів"
         r"|Одеса|София|Београд|Нови\s+Сад|Новосибирск|Екатеринбург|Казань|Томск|Самара|Ростов-на-Дону|Иркутск"
         r"|Владивосток|Нижний\s+Новгород|Пермь|Уфа|Воронеж|Саратов|Красноярск|Омск|Челябинск|Волгоград|Барнаул)")
_IMPRINT = re.compile(rf"^\s*(?P<place>{CITY})\.?\s*:\s*(?P<publisher>[«\"{_UP}][^:;]+?)[\s,.]*$")
# GOST's '//' before the host, not the one in 'https://'
HOST_SLASHES = re.compile(r"(?<![:/])//(?!/)")


_CYRILLIC = re.compile(f"[{_CYR}]")


def is_cyrillic_reference(s: str) -> bool:
    return not s.isascii() and len(_CYRILLIC.findall(s)) >= 8


def _offsets(s: str, segments: List[Tuple[str, str]]) -> List[int]:
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
    starts = _offsets(s, segments)
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


def correct_segments(s: str, segments: List[Tuple[str, str]], journal_numbers: bool) -> List[Tuple[str, str]]:
    """The model's (label, text) segments of a Cyrillic reference, corrected where GOST is certain."""
    if not is_cyrillic_reference(s):
        return segments
    segments = _heading_apart(segments)
    segments = _names_inside_title(segments)
    segments = _title_before_slash(s, segments)
    segments = _journal_after_title(s, segments, journal_numbers)
    return _certain_apart(segments)


__all__ = ["CITY", "GENRE_WORDS", "HOST_SLASHES", "correct_segments", "cut_out", "is_cyrillic_reference", "legislation", "repair_spacing", "split_key",
           "split_other_info", "standard"]
