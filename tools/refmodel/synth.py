"""Synthetic labelled references for training: GOST (R 7.0.100-2018 and R 7.0.5-2008) in
Russian and in transliteration, and Vancouver with "(In Russ.)" notes, as Russian journals
print them. refdata has few such strings, so we render our own from a small vocabulary
written here and from parts of the *training* split (never the held-out one).
"""
from __future__ import annotations

import random
from typing import Dict, List, Sequence, Tuple

from .refdata import Labeled, labeled_from_chars

FAMILIES = ("Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов "
            "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
            "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв "
            "Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков "
            "Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов "
            "Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов "
            "Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев "
            "Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров "
            "Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов "
            "Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов "
            "Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов "
            "Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов "
            "Анисимов Еремеев Шубин Рустамов Ажекбаров Страхов Вардомский Шлапеко Золотарёв").split()
INITIALS = "А Б В Г Д Е Ж З И К Л М Н О П Р С Т Ю Я Ю Э Ф Х Ш Ал Ек Ан Ю".split()
TRANSLIT_INITIALS = "A B V G D E Zh Z I K L M N O P R S T U F Kh Ts Ch Sh Yu Ya".split()
TITLE_WORDS = ("развитие региональной экономики социальной политики в условиях трансформации "
               "современные тенденции международного сотрудничества приграничных регионов России "
               "анализ оценка эффективности управления муниципальных образований проблемы и перспективы "
               "инновационной деятельности предприятий моделирование процессов устойчивого развития "
               "территорий влияние цифровизации на рынок труда методологические основы исследования "
               "пространственной организации хозяйства государственная поддержка малого бизнеса "
               "формирование человеческого капитала Арктической зоны Российской Федерации опыт "
               "зарубежных стран история становления теория и практика правового регулирования "
               "земельных отношений экологические аспекты природопользования демографические "
               "изменения миграционные процессы стратегическое планирование агломераций").split()
JOURNALS = ("Вопросы экономики|Региональные исследования|Регионология|Экономика региона|Проблемы "
            "прогнозирования|Вестник Московского университета. Серия 6: Экономика|Известия Российской "
            "академии наук. Серия географическая|Журнал российского права|Социологические исследования|"
            "Пространственная экономика|Балтийский регион|Сравнительная политика|Мировая экономика и "
            "международные отношения|Вестник Томского государственного университета. История|"
            "Известия Уральского федерального университета. Серия 3: Общественные науки|Полис. "
            "Политические исследования|Государство и право|Вопросы философии|Экономическая политика|"
            "Вестник Санкт-Петербургского университета. Международные отношения|Общество. Среда. Развитие|"
            "Казачество|Постсоветские исследования|Учёные записки Российской академии "
            "предпринимательства|Право и управление. XXI век|Российский журнал менеджмента").split("|")
PUBLISHERS = ("Наука|Питер|Юрайт|Изд-во МГУ|Инфра-М|Статут|Проспект|Эксмо|Высшая школа|Логос|"
              "Изд-во СПбГУ|Аспект Пресс|Дело|Экономика|Юстицинформ|КноРус|Норма|Альпина Паблишер|"
              "Изд-во Урал. ун-та|Новое литературное обозрение|Весь мир|ИМЭМО РАН").split("|")
PLACES = ("М.|Москва|СПб.|Санкт-Петербург|Новосибирск|Екатеринбург|Казань|Л.|Ростов-на-Дону|"
          "Томск|Нижний Новгород|Саранск|Калининград|Владивосток").split("|")
GENRES = ("монография|учебное пособие|учебник|сборник научных трудов|материалы конференции|"
          "коллективная монография|справочник").split("|")
DEGREES = ("канд. экон. наук|д-ра экон. наук|канд. полит. наук|канд. юрид. наук|д-ра геогр. наук|"
           "канд. ист. наук|канд. социол. наук").split("|")


class _Builder:
    def __init__(self) -> None:
        self.parts: List[Tuple[str, str]] = []

    def add(self, text: str, label: str = "other") -> "_Builder":
        if text:
            self.parts.append((text, label))
        return self

    def build(self, origin: str) -> Labeled:
        text, spans, pos = "", [], 0
        for piece, label in self.parts:
            a = pos + (len(piece) - len(piece.lstrip()))
            text += piece
            pos += len(piece)
            b = pos - (len(piece) - len(piece.rstrip()))
            if label != "other" and b > a:
                spans.append((a, b, label))
        # collapse doubled spaces without moving labels: rebuild char by char
        return _collapse(text, spans, origin)


def _collapse(text: str, spans: List[Tuple[int, int, str]], origin: str) -> Labeled:
    labels = ["other"] * len(text)
    for a, b, lab in spans:
        for i in range(a, b):
            labels[i] = lab
    chars: List[Tuple[str, str]] = []
    for ch, lab in zip(text, labels):
        if ch == " " and (not chars or chars[-1][0] == " "):
            continue
        chars.append((ch, lab))
    while chars and chars[-1][0] == " ":
        chars.pop()
    return labeled_from_chars(chars, origin)


def _person(rng: random.Random, translit: bool = False) -> Tuple[str, str]:
    if translit:
        fam = rng.choice(_TRANSLIT_FAMILIES)
        ini = [rng.choice(TRANSLIT_INITIALS) for _ in range(rng.choice((1, 2, 2, 2)))]
    else:
        fam = rng.choice(FAMILIES)
        if rng.random() < 0.4:
            fam = fam.replace("ов", "ова", 1) if fam.endswith("ов") else fam
        ini = [rng.choice(INITIALS) for _ in range(rng.choice((1, 2, 2, 2)))]
    return fam, "".join(i + "." for i in ini)


def _translit(word: str) -> str:
    table = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
                      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
                      "yu", "ya"]))
    out = "".join(table.get(c.lower(), c) if c.lower() in table else c for c in word)
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


_TRANSLIT_FAMILIES = [_translit(f) for f in FAMILIES]


def _spaced(initials: str, rng: random.Random, spaced: bool) -> str:
    return initials.replace(".", ". ").strip() if spaced else initials


def _title(rng: random.Random, pool: Sequence[str]) -> str:
    if pool and rng.random() < 0.3:
        return rng.choice(pool)
    n = rng.randint(3, 10)
    words = [rng.choice(TITLE_WORDS) for _ in range(n)]
    t = " ".join(words)
    if rng.random() < 0.25:
        t += " : " + " ".join(rng.choice(TITLE_WORDS) for _ in range(rng.randint(2, 5)))
    return t[:1].upper() + t[1:]


def _dash(rng: random.Random) -> str:
    return rng.choice((" – ", " – ", " — ", " - "))


def _year(rng: random.Random) -> str:
    return str(rng.randint(1965, 2025))


def _pages(rng: random.Random) -> str:
    a = rng.randint(1, 900)
    return f"{a}{rng.choice(('–', '-', '–'))}{a + rng.randint(1, 40)}"


def gost_article(rng: random.Random, pool: Dict[str, List[str]]) -> Labeled:
    b = _Builder()
    people = [_person(rng) for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))]
    spaced = rng.random() < 0.6
    modern = rng.random() < 0.55  # R 7.0.100-2018 with '/' responsibility and ' – ' areas
    d = _dash(rng) if modern else ". "
    if len(people) < 4 or not modern:
        fam, ini = people[0]
        heading = f"{fam}, {_spaced(ini, rng, spaced)}" if modern and rng.random() < 0.8 else \
            f"{fam} {_spaced(ini, rng, spaced)}"
        if not modern:
            heading = ", ".join(f"{f} {_spaced(i, rng, spaced)}" for f, i in people[:3])
            if len(people) > 3:
                heading += rng.choice((" [и др.]", " и др.", ""))
        b.add(heading, "author").add(" ")
    b.add(_title(rng, pool.get("ru_title", [])), "title")
    if modern:
        if rng.random() < 0.5:
            b.add(" : ").add(rng.choice(("сборник статей", "монография", "статья")), "genre")
        b.add(" / ").add(", ".join(f"{_spaced(i, rng, spaced)} {f}" for f, i in people[:3])
                         + (" [и др.]" if len(people) > 3 else ""), "author")
    b.add(rng.choice((" // ", " //", "// ")))
    b.add(rng.choice(JOURNALS), "container")
    b.add(d.rstrip() + " " if modern else ". " if rng.random() < 0.8 else ", ")
    b.add(_year(rng), "date")
    vol = rng.random() < 0.6
    if vol:
        b.add("." + d if modern else ". ").add(f"Т. {rng.randint(1, 60)}", "volume")
        b.add(", ")
    else:
        b.add("." + d if modern else ". ")
    b.add(f"№ {rng.randint(1, 12)}" + (f" ({rng.randint(1, 300)})" if rng.random() < 0.15 else ""),
          "issue")
    b.add("." + d if modern else ". ")
    b.add(f"{rng.choice(('С.', 'С.', 'C.'))} {_pages(rng)}", "pages")
    if rng.random() < 0.4:
        b.add("." + d if modern else ". ").add(rng.choice(("DOI ", "DOI: ", "https://doi.org/")))
        b.add(f"10.{rng.randint(1000, 99999)}/{rng.randint(1000, 9999)}-{rng.randint(1, 99)}-{rng.randint(1, 9)}",
              "doi")
    b.add(".")
    return b.build("synthetic/gost-article")


_CYR_CAPS = "АБВГДЕЖЗИКЛМНОПРСТУФХЭЯ"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "XII")


def _abbrev_journal(rng: random.Random) -> str:
    """Journals cited by their initials, as Russian archaeology and history lists do ('КСИА', 'ВДИ')."""
    return "".join(rng.choice(_CYR_CAPS) for _ in range(rng.randint(2, 5)))


def _ru_title_parts(rng: random.Random, pool: Dict[str, List[str]]) -> str:
    """A title that may carry its own full stops: 'Методы ... . Ч. 2. Обзор алгоритмов'."""
    t = _title(rng, pool.get("ru_title", []))
    r = rng.random()
    if r < 0.12:
        t += f". Ч. {rng.randint(1, 4)}"
    elif r < 0.2:
        t += ". " + _title(rng, [])
    return t


def gost_article_dotted(rng: random.Random, pool: Dict[str, List[str]]) -> Labeled:
    """GOST 7.1-2003 / 7.0.5-2008 article without the ' – ' area dashes:
    'Виноградов Б.В. Клад ... // КСИА. 1986. Вып. 186.', '... // Океанология. 2016. Т.56. №2. С. 333–335.',
    '... // Гироскопия и навигация, 2006.- N 4.- С. 11-20.', '... // Вестник. Уфа, 2000. Вып. 2.'"""
    b = _Builder()
    people = [_person(rng) for _ in range(rng.choice((1, 1, 2, 2, 3, 5)))]
    spaced = rng.random() < 0.3
    names = ", ".join(f"{f} {_spaced(i, rng, spaced)}" for f, i in people[:4])
    if len(people) > 4:
        names = f"{people[0][0]} {_spaced(people[0][1], rng, spaced)} и др."
    b.add(names, "author").add(" ")
    b.add(_ru_title_parts(rng, pool), "title")
    b.add(rng.choice((" // ", " //", " // ")))
    b.add(_abbrev_journal(rng) if rng.random() < 0.3 else rng.choice(JOURNALS), "container")
    sep = rng.choice((". ", ". ", ".- ", ". – ", ", "))
    b.add(sep if sep != ", " else ", ")
    if rng.random() < 0.15:
        b.add(rng.choice(PLACES).rstrip("."), "location").add(", ")
    b.add(_year(rng), "date")
    sep = rng.choice((". ", ". ", ".- ", ". – "))
    if rng.random() < 0.45:
        b.add(sep).add(rng.choice(("Т. ", "Т.", "Т. ")) + (rng.choice(_ROMAN) if rng.random() < 0.15
                                                          else str(rng.randint(1, 80))), "volume")
    if rng.random() < 0.8:
        b.add(sep if rng.random() < 0.7 else ", ")
        form = rng.choice(("№ {n}", "№{n}", "N {n}", "Вып. {n}", "№ {n}"))
        b.add(form.format(n=rng.randint(1, 12) if "Вып" not in form else rng.randint(1, 250)), "issue")
    if rng.random() < 0.8:
        b.add(sep).add(f"{rng.choice(('С.', 'С.', 'C.'))} {_pages(rng)}", "pages")
    b.add(".")
    return b.build("synthetic/gost-article-dotted")


def gost_book(rng: random.Random, pool: Dict[str, List[str]]) -> Labeled:
    b = _Builder()
    people = [_person(rng) for _ in range(rng.choice((1, 1, 2, 3)))]
    spaced = rng.random() < 0.6
    modern = rng.random() < 0.5
    d = _dash(rng) if modern else ". "
    fam, ini = people[0]
    if modern:
        b.add(f"{fam}, {_spaced(ini, rng, spaced)}", "author").add(" ")
    else:
        b.add(", ".join(f"{f} {_spaced(i, rng, spaced)}" for f, i in people), "author").add(" ")
    b.add(_title(rng, pool.get("ru_title", [])), "title")
    if rng.random() < 0.5:
        b.add(" : ").add(rng.choice(GENRES), "genre")
    if modern:
        b.add(" / ").add(", ".join(f"{_spaced(i, rng, spaced)} {f}" for f, i in people), "author")
        if rng.random() < 0.3:
            b.add(" ; под ред. ").add(f"{_spaced(_person(rng)[1], rng, spaced)} {rng.choice(FAMILIES)}а",
                                       "editor")
    if rng.random() < 0.2:
        b.add(". " if not modern else d).add(f"{rng.randint(2, 9)}-е изд.", "edition")
    b.add(d if modern else ". ")
    b.add(rng.choice(PLACES), "location")
    b.add(rng.choice((" : ", ": ", " : ")))
    b.add(rng.choice(PUBLISHERS), "publisher")
    b.add(", ").add(_year(rng), "date")
    b.add("." + (d if modern else " "))
    b.add(f"{rng.randint(48, 900)} с", "pages")
    b.add(".")
    if modern and rng.random() < 0.3:
        b.add(d.strip() + " ISBN 978-5-" + str(rng.randint(1000, 9999)) + "-" + str(rng.randint(1000, 9999)) + "-1.")
    return b.build("synthetic/gost-book")


def gost_chapter(rng: random.Random, pool: Dict[str, List[str]]) -> Labeled:
    b = _Builder()
    fam, ini = _person(rng)
    spaced = rng.random() < 0.6
    d = _dash(rng)
    b.add(f"{fam} {_spaced(ini, rng, spaced)}", "author").add(" ")
    b.add(_title(rng, pool.get("ru_title", [])), "title")
    b.add(" // ")
    b.add(_title(rng, pool.get("ru_title", [])), "container")
    if rng.random() < 0.6:
        b.add(" : ").add(rng.choice(("материалы Всероссийской научной конференции", "сборник статей",
                                      "коллективная монография")), "genre")
    if rng.random() < 0.6:
        ef, ei = _person(rng)
        b.add(" / под ред. ").add(f"{_spaced(ei, rng, spaced)} {ef}а", "editor")
    b.add(d).add(rng.choice(PLACES), "location").add(" : ").add(rng.choice(PUBLISHERS), "publisher")
    b.add(", ").add(_year(rng), "date").add("." + d).add(f"С. {_pages(rng)}", "pages").add(".")
    return b.build("synthetic/gost-chapter")


def gost_web(rng: random.Random, pool: Dict[str, List[str]]) -> Labeled:
    b = _Builder()
    if rng.random() < 0.5:
        fam, ini = _person(rng)
        b.add(f"{fam} {ini}", "author").add(" ")
    b.add(_title(rng, pool.get("ru_title", [])), "title")
    b.add(rng.choice((" [Электронный ресурс]", " : [сайт]", " : электронный ресурс", "")))
    b.add(rng.choice((". – URL: ", ". URL: ", ". – Режим доступа: ", " // ")))
    host = rng.choice(("economy.gov.ru", "rosstat.gov.ru", "www.kremlin.ru", "cyberleninka.ru", "www.vedomosti.ru"))
    b.add(f"https://{host}/{rng.choice(('news', 'article', 'documents', 'upload'))}/{rng.randint(100, 99999)}", "url")
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    b.add(f" (дата обращения: {day:02d}.{month:02d}.{rng.randint(2015, 2025)}).")
    return b.build("synthetic/gost-web")


def gost_thesis(rng: random.Random, pool: Dict[str, List[str]]) -> Labeled:
    b = _Builder()
    fam, ini = _person(rng)
    b.add(f"{fam} {ini}", "author").add(" ").add(_title(rng, pool.get("ru_title", [])), "title")
    b.add(" : ").add(f"{rng.choice(('дис.', 'автореф. дис.'))} ... {rng.choice(DEGREES)}", "genre")
    if rng.random() < 0.5:
        b.add(f" : {rng.randint(5, 24):02d}.00.{rng.randint(1, 20):02d}")
    d = _dash(rng)
    b.add(d).add(rng.choice(PLACES), "location").add(", ").add(_year(rng), "date")
    b.add("." + d).add(f"{rng.randint(20, 400)} с", "pages").add(".")
    return b.build("synthetic/gost-thesis")


def translit_article(rng: random.Random, pool: Dict[str, List[str]]) -> Labeled:
    """The transliterated 'References' of Russian journals: Vancouver with (In Russ.), or the
    GOST-based 'Journal, 2019, vol. 27, no. 4, pp. 711–733' form."""
    b = _Builder()
    people = [_person(rng, translit=True) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
    b.add(", ".join(f"{f} {i}" for f, i in people), "author").add(" ")
    b.add(rng.choice(pool["title"]), "title").add(". ")
    b.add(rng.choice(pool["container"]), "container")
    y, v, i, p = _year(rng), str(rng.randint(1, 60)), str(rng.randint(1, 12)), _pages(rng)
    if rng.random() < 0.5:
        b.add(". ").add(f"{y};", "date")
        if rng.random() < 0.7:
            b.add(f"{v}", "volume")
        b.add(f"({i}):", "issue").add(p, "pages").add(".")
    else:
        b.add(", ").add(y, "date").add(", ").add(f"vol. {v}", "volume").add(", ")
        b.add(f"no. {i}", "issue").add(", ").add(f"pp. {p}", "pages").add(".")
    if rng.random() < 0.7:
        b.add(rng.choice((" (In Russ.)", " (In Russ., abstract in Eng.)")))
    if rng.random() < 0.5:
        b.add(" https://doi.org/").add(f"10.{rng.randint(1000, 99999)}/{rng.randint(1000, 9999)}-{y}-{i}-{v}", "doi")
    elif rng.random() < 0.5:
        b.add(" Available at: ").add(f"https://{rng.choice(('clck.ru', 'www.elibrary.ru', 'journals.example.org'))}/{rng.randint(1000, 99999)}", "url")
        b.add(f" (accessed {rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2015, 2025)}).")
    return b.build("synthetic/translit")


def russian_titles(train: Sequence[Labeled]) -> List[str]:
    """The Cyrillic titles of training strings (never held out), as field values."""
    from converter.references.assemble import clean_text

    out = []
    for ref in train:
        for label, text in ref.segments():
            t = clean_text(text) if label == "title" else ""
            if 3 < len(t) < 160 and any("\u0400" <= c <= "\u04ff" for c in t):
                out.append(t)
    return out


def generate(train: Sequence[Labeled], n: int, seed: int = 13) -> List[Labeled]:
    """n synthetic references; English titles and journals come from the training split only."""
    rng = random.Random(seed)
    pool: Dict[str, List[str]] = {"title": [], "container": [], "ru_title": []}
    from converter.references.assemble import clean_text

    for ref in train:
        for label, text in ref.segments():
            if label in ("title", "container"):
                t = clean_text(text)
                if 3 < len(t) < 160 and ". " not in t[:-1] or label == "container":
                    if t and not any("\u0400" <= c <= "\u04ff" for c in t):
                        pool[label].append(t)
                    elif t and label == "title":
                        pool["ru_title"].append(t)
    makers = [(gost_article, 0.26), (gost_article_dotted, 0.14), (gost_book, 0.16), (gost_chapter, 0.1),
              (gost_web, 0.05), (gost_thesis, 0.05), (translit_article, 0.24)]
    out: List[Labeled] = []
    for _ in range(n):
        r, acc = rng.random(), 0.0
        for maker, share in makers:
            acc += share
            if r <= acc:
                break
        out.append(maker(rng, pool))
    return out


__all__ = ["generate", "russian_titles"]
