"""Names as article pages print them in bylines: initials first or family first, full names
(Russian ones ordered by the patronymic), capitals, affiliation markers after each name
('Ivanova1,*', 'Latimer,1,2', 'TavaresI', 'Smith a,b'), degrees, and the title and byline
printed on one line."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Tuple

from ...vocabulary.casing import lower
from ...vocabulary.names import is_initials

PARTICLES = {"de", "da", "do", "del", "della", "der", "den", "di", "du", "dos", "das", "la", "le", "van", "von",
             "ten", "ter", "y", "bin", "ibn", "al", "el"}
class _NameWord:
    """A capitalised name word in any alphabet ('Grašič', 'Colón-Emeric', 'O’Neil', 'Иванова')."""

    @staticmethod
    def match(word: str) -> bool:
        parts = word.split("-")
        if not parts[0][:1].isupper():
            return False
        for part in parts:
            if len(part) > 3 and part[1] in "'’´`" and part[2].isupper():
                part = part[2:]  # 'O’Neil', 'D´Arc': the name after the elided particle
            rest = re.sub(r"['’¨´`ˆ˜]", "", part[1:])  # PDF text prints accents apart: 'F¨arber', 'Cato´lica'
            if not part[:1].isalpha() or not rest or not rest.isalpha() or not _lower_or_inner_capital(rest):
                return False
        return True


def _lower_or_inner_capital(rest: str) -> bool:
    """'ivanova', and the one inner capital of 'McDonald', 'LoGerfo', 'DeVito' ('cDonald')."""
    if rest.islower():
        return True
    caps = [i for i, c in enumerate(rest) if c.isupper()]
    return len(caps) == 1 and 0 < caps[0] < len(rest) - 1 and rest[caps[0] + 1:].islower() and rest[:caps[0]].islower()


NAME_WORD = _NameWord()
# degrees and titles printed with a name ('Susan L. Norris MD, MPH', 'Dr. Christianah ...')
_NAME_DEGREES = re.compile(r"(?<![^\s,])(?:MD|M\.D\.|PhD|Ph\.D\.?|MPH|M\.P\.H\.|MSc|M\.Sc\.?|M\.S\.|BSc|B\.A\.|MBBS|MS|MA|"
                           r"M\.A\.|RN|R\.N\.|DrPH|Dr\.P\.H\.|DO|D\.O\.|FRCP\w*|FACP|Sc\.D\.|Ed\.D\.|"
                           r"MBA|DPhil|MPhil|MEd|MSN|BSN|DNP|PharmD|Dr\.?|Prof\.?|Professor|Assoc\.|Asst\.|Assist\.|"
                           r"д-р|проф\.|доц\.|акад\.|"
                           r"(?:Yrd\.\s?)?Doç\.\s?Dr\.|Prof\.\s?Dr\.|Dr\.\s?Öğr\.\s?Üyesi|Öğr\.\s?Gör\.(?:\s?Dr\.)?|Arş\.\s?Gör\.)(?=\s|[,;]|$)")
# (Turkish academic titles: 'Yrd.Doç.Dr. Şerife Karagözoğlu', 'Prof. Dr.', 'Öğr. Gör.', 'Arş. Gör.')

PATRONYMIC = re.compile(r"(?:[ое]вич|[ое]вна|[іїо]вна|[иы]ч|ична|инична|оглы|кызы|[oe]vich|[oe]vna|ichna)$", re.I)
_LOWER_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,3}$")


def normal_case(text: str) -> str:
    """Names printed in capitals ('ЗИГАНШИН АЙДАР', 'и.г. ШИРОБОКОВ') in their ordinary case:
    'Зиганшин Айдар', 'И.Г. Широбоков'. Initials and mixed-case words are left alone."""
    # a line all in capitals ('KRISTINA BERGLUND,1 ... JAN BALLDIN'): short names are names too
    all_caps = not re.search(r"[a-zа-яё]", text) and len(re.findall(r"[A-ZА-ЯЁ]{4,}", text)) >= 3
    shortest = 2 if all_caps else 4
    turkish = bool(re.search(r"[İĞ]", text))  # 'KIRBAŞ, DEMİRBAĞ': dotless I is ı in these names, İ is i

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if _LOWER_INITIALS.match(w):
            return w.upper()
        letters = [c for c in w if c.isalpha()]
        if len(letters) >= shortest and w.isupper() and "." not in w:
            return "-".join(_capitalise(part, turkish) for part in w.split("-"))
        return w
    return re.sub(r"\S+", word, text)


def _capitalise(word: str, turkish: bool) -> str:
    return word[:1] + lower(word[1:], turkish) if turkish else word.capitalize()


# words of page furniture that the name patterns would otherwise take for names ('Open Access')
NOT_NAMES = {"llc", "inc", "ltd", "gmbh", "media", "press", "publishing", "publisher", "publishers", "company",
             "society", "association", "science", "sciences", "viewpoint", "invited", "commentary", "letter",
             "perspective", "editorial", "report", "case", "brief", "communication", "paper", "short", "issue",
             "current", "archive", "archives", "vol", "no", "open", "access", "see", "profile", "view", "download", "article", "research", "journal", "abstract",
             "full", "text", "pdf", "home", "about", "search", "volume", "issue", "original", "review", "editorial",
             "received", "accepted", "published", "citation", "cite", "share", "print", "menu", "login", "register",
             "content", "contents", "authors", "author", "keywords", "introduction", "references", "статья",
             "аннотация", "журнал", "содержание", "главная", "поиск", "авторы", "том", "выпуск",
             # a site's buttons and links ('SHOW MORE', 'Google Scholar', 'Hide affiliations')
             "show", "hide", "load", "expand", "collapse", "toggle", "modal", "google", "scholar", "pubmed",
             "crossref", "orcid", "mendeley", "affiliations", "metrics", "altmetric"}


def _caps_family_last(piece: str) -> str:
    """'AGADA Allwell1' -> 'Allwell AGADA1': in a name whose other words are in ordinary case,
    the one word in capitals is the family name, wherever it stands."""
    m = re.match(r"^(\s*)(.*?)(\s*[\d*†,]*)$", piece)
    if not m:
        return piece
    words = m.group(2).split()
    caps = [w for w in words if len(w) >= 2 and w.replace("-", "").isalpha() and w.isupper()]
    if len(caps) != 1 or len(words) < 2 or words[-1] == caps[0] or not all(
            w == caps[0] or w[:1].isupper() and not w.isupper() for w in words):
        return piece
    words.remove(caps[0])  # a family name, however short ('LI Qianxue' -> 'Qianxue Li')
    return f"{m.group(1)}{' '.join(words + ['-'.join(p.capitalize() for p in caps[0].split('-'))])}{m.group(3)}"


def full_name_parts(words: List[str]) -> Dict[str, str]:
    """Family and given names of a full name without initials: a patronymic tells Russian
    order ('Писаренко Данила Андреевич' family first, 'Екатерина Владимировна Филатова' family
    last); otherwise the family name is the last word."""
    if len(words) == 3 and PATRONYMIC.search(words[2]) and not PATRONYMIC.search(words[1]):
        return {"family": words[0], "given": " ".join(words[1:])}
    if len(words) == 1:
        return {"family": words[0]}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def _is_name_token(tok: str) -> bool:
    return is_initials(tok) or bool(re.fullmatch(r"[A-Z]", tok)) or tok.lower() in PARTICLES or bool(NAME_WORD.match(tok))


def parse_initials_first(text: str) -> Dict[str, str] | None:
    """'J. de J. Calderon Anton' -> given 'J. de J.', family 'Calderon Anton'; None if the text
    is not a name written initials first."""
    if re.search(r"(?<=\S)\*+\s+\S", text):
        return None  # 'Д.А. Напалков* Первый ...': a name's mark, then what follows the name
    toks = text.replace("©", " ").replace("*", " ").split()
    toks = [t.rstrip(",") for t in toks if not t.isdigit()]
    if len(toks) < 2 or not all(_is_name_token(t) for t in toks):
        return None
    last_initial = max((i for i, t in enumerate(toks) if is_initials(t)), default=-1)
    if last_initial < 0 or last_initial == len(toks) - 1:
        return None
    family = toks[last_initial + 1:]
    if not all(NAME_WORD.match(t) or t.lower() in PARTICLES for t in family):
        return None
    if sum(1 for t in toks[:last_initial] if NAME_WORD.match(t)) > 2:
        return None  # 'Метаязыковые Комментарии В Прозе И. А. Бунина' is a title ending in a name
    return {"family": " ".join(family), "given": " ".join(toks[: last_initial + 1])}


# short words that a title in capitals ends a line with, never Vancouver initials
_CAPS_FUNCTION_WORDS = {"of", "in", "on", "and", "the", "to", "for", "at", "by", "an", "or", "as", "via", "with", "from"}


def parse_family_first(text: str) -> Dict[str, str] | None:
    """'Тарасова А. С.' / 'Rustamova L.R.' -> family, given; None otherwise."""
    toks = text.split()
    k = len(toks)
    if toks and toks[-1].lower() in _CAPS_FUNCTION_WORDS:
        return None  # 'SIMULATION-BASED PERFORMANCE ANALYSIS OF': a title in capitals, not 'Hung CY'
    while k > 1 and (is_initials(toks[k - 1]) or (k == len(toks) and re.fullmatch(r"[A-Z]{1,3}", toks[k - 1]))):
        k -= 1  # 'Hung CY' (Vancouver's bare initials) too
    if k == len(toks) or not all(NAME_WORD.match(t) or t.lower() in PARTICLES for t in toks[:k]):
        return None
    if sum(t.lower() not in PARTICLES for t in toks[:k]) > 3 or any(t.lower() in NOT_NAMES for t in toks[:k]):
        return None  # 'Simulation-Based Performance Analysis OF': a title in capitals, not a name
    return {"family": " ".join(toks[:k]), "given": " ".join(toks[k:])}


# a download link printed after the names: 'Статья в формате PDF 89 KB', 'Download PDF (1.2 MB)'
FILE_LINK = re.compile(r"\s+(?:статья\s+в\s+формате\s+|download\s+|скачать\s+)?(?:PDF|DOCX?)\b(?:\s*[(,]?\s*\d+(?:[.,]\d+)?\s*[KkMm]i?B\)?)?\s*$", re.I)
SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
# An affiliation/correspondence marker after a name: "Ivanova 1,*", "Petrov2", "Cruz¹"
_MARKS = re.compile(r"(?:(?<=[^\W\d_])\s*|(?<=\.)\s*)((?:\d{1,2}[*†‡§#⊥¶∥]{0,3}|[*†‡§#⊥¶∥]{1,3})(?:\s*,\s*(?:\d{1,2}[*†‡§#⊥¶∥]{0,3}|[*†‡§#⊥¶∥]{1,3}))*)"
                    r"(?=\s*(?:,|\band\b|&|\bи\b|\.\s|$)|\s[ye]\s(?=[A-ZÀ-Þ]))")


def parse_full_name(text: str, longest: int = 5) -> Dict[str, str] | None:
    """'Maria de la Cruz' / 'Boris Petrov': given names first, no initials; the family name is
    the last word with the particles before it. ``longest``: name words at most, particles not
    counted (a byline of several people allows six: 'Maria Isabelle Barbosa da Silva Brito',
    Balinese 'Ni Luh Made Indah Murdyani Dewi')."""
    toks = text.split()
    suffix = toks[-1] if len(toks) >= 3 and toks[-1] in _SUFFIXES else ""
    if suffix:  # 'Carlos A Camargo Jr': the suffix is no family name
        toks = toks[:-1]
    if not 2 <= len(toks) <= longest + 2 or sum(t.lower() not in PARTICLES for t in toks) > longest or \
            not NAME_WORD.match(toks[0]) or not NAME_WORD.match(toks[-1]):
        return None
    if any(t.lower() in NOT_NAMES for t in toks):
        return None
    if not all(NAME_WORD.match(t) or t.lower() in PARTICLES or re.fullmatch(r"[A-Z]\.?", t) for t in toks):
        return None
    if len(toks) == 3 and PATRONYMIC.search(toks[2]):
        return full_name_parts(toks)
    person = _family_last(toks)
    return {**person, "suffix": suffix.rstrip(".")} if suffix else person


_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr."}


def _family_last(words: List[str]) -> Dict[str, str]:
    """Given names first: the family name is the last word with the particles before it."""
    k = len(words) - 1
    while k > 1 and words[k - 1].lower() in PARTICLES:
        k -= 1
    return {"family": " ".join(words[k:]), "given": " ".join(words[:k])}


def parse_byline_marked(text: str, *, after_title: bool = False) -> List[Tuple[Dict[str, str], List[str]]] | None:
    """A byline -> [(name, markers)], markers being the affiliation numbers and symbols
    printed after each name ('1', '*'). None if any piece is not a name. Names written in
    full without initials are accepted only where the line is clearly a byline (several
    people, or markers)."""
    parsed = _parse_byline_marked(text, after_title)
    return None if parsed is None else [(dict(name), list(marks)) for name, marks in parsed]


@lru_cache(maxsize=4096)  # the rules and the line model (line_features.py) ask about the same lines
def _parse_byline_marked(text: str, after_title: bool) -> Tuple[Tuple[Dict[str, str], Tuple[str, ...]], ...] | None:
    parsed = _parse_byline(text, after_title)
    return None if parsed is None else tuple((name, tuple(marks)) for name, marks in parsed)


# a section label ('Sec. Terrestrial Microbiology' on Frontiers) is no byline
_SECTION_LABEL = re.compile(r"^\s*(?:sec\.|section\s*:|раздел\s*:|рубрика\s*:?)\s", re.I)
# a name printed twice, the second time with its marks and glued to the next name
# (Frontiers: 'Sami Ullah,Sami Ullah1,2Muhammad Mohsin RazaMuhammad Mohsin Raza3Tanveer ...', 'Ina Specht*Ina Specht1*')
_DOUBLED_NAME = re.compile(r"([A-ZА-ЯЁ][^\W\d_]*(?:[\s'’-](?:[A-ZА-ЯЁ][^\W\d_]*\.?|[^\W\d_]+)){1,3})[,*†]{0,2}\s*(?=\1)")
_MARKS_GLUED_TO_NEXT = re.compile(r"(?<=[^\W\d_])(\d{1,2}(?:,\d{1,2})*\*?)(?=[A-ZА-ЯЁ])")


_SPACED_ROMAN = re.compile(r"^(?:[^\W\d_]+[\s'’-]){2,5}(?:I{1,3}|IV|VI{0,3})$")


def _spaced_roman_marks(text: str) -> str:
    """'Fabricio Hernán Ullauri Castillo I, José Luís Escandón Molina I': roman affiliation marks set
    apart by a space (SciELO's superscripts copied) glued to the names, when every name of two or more
    words has one, so that a Vancouver byline's lone initial 'I' ('Smith AB, Doe I') stays an initial."""
    pieces = [p.strip() for p in text.split(",")]
    if len(pieces) < 2 or not all(_SPACED_ROMAN.match(p) for p in pieces):
        return text
    return ", ".join(re.sub(r"\s+(\S+)$", r"\1", p) for p in pieces)


_PIECE_MARKS = re.compile(r"\s*((?:\d{1,2}|[*†‡§])(?:\s*,\s*(?:\d{1,2}|[*†‡§]))*)\s*$")
_CAPS_DEGREE = re.compile(r"^[A-Z][A-Za-z]{1,4}$")


def _family_comma_given(text: str) -> List[Tuple[Dict[str, str], List[str]]] | None:
    """'Oliveira, Joana PT, MSc1; Mesquita-Bastos, José MD, PhD2' (LWW, library records): people
    set apart by semicolons, each 'Family, Given' with degrees and marks after; None otherwise.
    (Initials-only givens are left to the general reading: 'Rosi, B.1; Grašič, L.2'.)"""
    pieces = [p.strip() for p in text.split(";")]
    if len(pieces) < 2 or not all(p.count(",") >= 1 for p in pieces):
        return None
    people: List[Tuple[Dict[str, str], List[str]]] = []
    for piece in pieces:
        marks = _PIECE_MARKS.search(piece)
        if marks:
            piece = piece[: marks.start()]
        family, *rest = [x.strip() for x in piece.split(",")]
        given_words = rest[0].split() if rest else []
        while given_words and (_CAPS_DEGREE.match(given_words[-1]) and given_words[-1].isupper()
                               or _NAME_DEGREES.fullmatch(given_words[-1])):
            given_words.pop()  # 'Joana PT': a degree after the given name
        if not (all(_NAME_DEGREES.fullmatch(x) or _CAPS_DEGREE.match(x) for x in rest[1:]) and 1 <= len(given_words) <= 3
                and 1 <= len(family.split()) <= 3 and all(NAME_WORD.match(w) for w in given_words)
                and not all(is_initials(w) for w in given_words)
                and all(NAME_WORD.match(w) or w.lower() in PARTICLES for w in family.split())):
            return None
        people.append(({"family": family, "given": " ".join(given_words)},
                       re.findall(r"\d{1,2}|[*†‡§]", marks.group(1)) if marks else []))
    return people


_CAPS_WORD = re.compile(r"^[A-ZÀ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÞА-ЯЁІЇЄҐ'’-]+$")
_UPPER_PARTICLES = {"DE", "DA", "DO", "DOS", "DAS", "DEL", "LA", "VAN", "VON", "DI", "E", "Y"}


def _caps_family_comma_given(text: str) -> List[Tuple[Dict[str, str], List[str]]] | None:
    """'SANTANA, Dayane Pereira de [1], COSTA, Célia Regina Bernardes [2]', 'SOUZA, T. S.; CUNHA, A. A. C.'
    (Brazilian ABNT, and Spanish, Chinese and Korean pages: 'KOU, Zhaoyang'): each person's family name in
    capitals, a comma, then the given names or initials in ordinary case, people set apart by commas or
    semicolons. The capitals tell where each person begins, so the commas cannot mislead; None otherwise."""
    text = re.sub(r"\s*\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]", lambda m: re.sub(r"[\s,]", "", m.group(1)), text)
    text = re.sub(r"(?<=[A-ZÀ-ÞА-ЯЁ]\.)\s+(?=[A-ZÀ-ÞА-ЯЁ]{2,}\s*,)", "; ", text)  # 'A. A. C. AMARAL, J. F.': a ';' lost
    pieces = [p.strip() for p in re.split(r"[;,]", text.strip(" ;,")) if p.strip()]
    if len(pieces) < 2 or len(pieces) % 2:
        return None
    people: List[Tuple[Dict[str, str], List[str]]] = []
    for family, given in zip(pieces[::2], pieces[1::2]):
        fam = family.split()
        if not 1 <= len(fam) <= 3 or not _CAPS_WORD.match(fam[0]) or not all(
                _CAPS_WORD.match(w) or w in _UPPER_PARTICLES for w in fam):
            return None
        marks = re.search(r"\s*((?:\d{1,2}|[*†‡§])+)$", given)
        if marks:
            given = given[: marks.start()]
        words = given.split()
        if not 1 <= len(words) <= 5 or words[0].lower() in PARTICLES or not all(
                (NAME_WORD.match(w) and not w.isupper()) or is_initials(w) or w.lower() in PARTICLES for w in words):
            return None
        people.append(({"family": "-".join(" ".join(_capitalise(x, False) if x not in _UPPER_PARTICLES else x.lower()
                                                         for x in part.split()) for part in family.split("-")),
                        "given": " ".join(words)},
                       re.findall(r"\d{1,2}|[*†‡§]", marks.group(1)) if marks else []))
    if len(people) < 2 and not any(m for _, m in people):
        return None
    return people


_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
_CJK_LINE = re.compile(rf"^(?:{_HAN}|[\s,，、;；*†‡§#\d])+$")
_COMPOUND_SURNAMES = {"欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "令狐", "慕容",
                      "尉迟", "公孙", "公孫", "夏侯", "长孙", "長孫", "宇文", "轩辕", "端木", "西门", "南宫", "独孤"}


_HAN_MARKS = re.compile(r"(?:\d{1,2}|[*†‡§#])+")
_HAN_ROLE = re.compile(rf"{_HAN}{{2,4}}")


def _han_person(name: str) -> Dict[str, str]:
    """'顾立平' -> 顾 / 立平; '欧阳修' -> 欧阳 / 修; '刘 闯' (printed apart) -> 刘 / 闯."""
    if " " in name:
        family, given = name.split(" ", 1)
        return {"family": family, "given": given}
    cut = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) >= 3 else 1
    return {"family": name[:cut], "given": name[cut:]}


def parse_han_byline(text: str) -> List[Tuple[Dict[str, str], List[str]]] | None:
    """A byline of Chinese names ('帅学倩1, 梅 广2, 李 莉2, 吴 珩3 综述, 赵旭东4 审校', '刘 闯 顾立平 万益嘉'):
    names of two or three characters, the family name first (one character, or a known compound
    surname), a two-character name often printed with a space between its parts; a word after a
    name's mark is the person's role ('审校') and is dropped. Two marked people or three are needed.
    Japanese names are not read so (their family names run to two or three characters): the caller
    asks only on pages without kana."""
    if not _CJK_LINE.match(text) or len(text) > 120:
        return None
    people: List[Tuple[Dict[str, str], List[str]]] = []
    for piece in (p.strip() for p in re.split(r"[,，、;；]", text)):
        if not piece:
            continue
        m = _HAN_MARKS.search(piece)
        if m and piece[m.end():].strip() and not _HAN_ROLE.fullmatch(piece[m.end():].strip()):
            return None  # after a name's marks only the person's role may follow ('审校')
        marks = re.findall(r"\d{1,2}|[*†‡§#]", m.group(0)) if m else []
        names = (piece[: m.start()] if m else piece).split()
        # a one-character word and the word after it (one or two characters) are one name printed apart
        i = 0
        while i < len(names):
            word = names[i]
            if len(word) == 1 and i + 1 < len(names) and len(names[i + 1]) <= 2:
                word, i = f"{word} {names[i + 1]}", i + 1
            if not 2 <= len(word.replace(" ", "")) <= (4 if " " in word or word[:2] in _COMPOUND_SURNAMES else 3):
                return None
            people.append((_han_person(word), []))
            i += 1
        if people and marks:
            people[-1] = (people[-1][0], marks)
    if len(people) < (2 if any(m for _, m in people) else 3):
        return None  # (two words of a title or two keywords are no byline)
    return people


_IBERIAN_AND = re.compile(r"^((?:\S+\s+)+?\S+)\s+[ye]\s+([A-ZÁÉÍÓÚÂÊÔÃÕÇ][^\W\d_]+(?:\s+\S+)+)$")


def _split_iberian_and(piece: str) -> List[str]:
    """'Enriqueta Force y Lola Andreu', 'Ana Silva e João Souza': two people joined by Spanish 'y' or
    Portuguese 'e' when a full name of two words or more stands on each side; 'José Ortega y Gasset'
    and 'Maria da Silva e Sousa' (one word after it) stay one name."""
    m = _IBERIAN_AND.match(piece)
    if not m or not m.group(1)[:1].isupper():
        return [piece]
    return [m.group(1), m.group(2)]


_MARK_THEN_COMMA = re.compile(r"(?<=[a-zà-ÿа-яё])\d{1,2}(?:,\d{1,2})*\*?\s*,\s")
_MARK_THEN_NAME = re.compile(r"(?<=[a-zà-ÿа-яё])(\d{1,2}(?:,\d{1,2})*\*?)\s+(?=[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё])")


PLACE_ABBREVIATION = re.compile(r"^\s*(?:г|м|с|пос|смт|пгт|ул)\.\s*[А-ЯЁІЇЄҐ]")  # 'г. Курган' (a town), never initials


_INITIALS_FAMILY_RUN = re.compile(r"^(?:(?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?\s*){2,}$")


def _parse_byline(text: str, after_title: bool) -> List[Tuple[Dict[str, str], List[str]]] | None:
    if _SECTION_LABEL.match(text) or PLACE_ABBREVIATION.match(text):
        return None
    inverted = (_family_comma_given(text) if ";" in text else None) or _caps_family_comma_given(text)
    if inverted:
        return inverted
    if len(_MARK_THEN_COMMA.findall(text)) >= 2:  # '..., Sulastri2, Asro’ Laelani Indrayanti1 Arief Rahman Hakim1,*'
        text = _MARK_THEN_NAME.sub(r"\1, ", text)  # a comma lost after a mark, where the others have theirs
    undoubled = _DOUBLED_NAME.sub("", text)
    if undoubled != text:
        text = _MARKS_GLUED_TO_NEXT.sub(r"\1, ", undoubled)
    # a place or a country in brackets after a name or a degree: 'С.Г. Темиров (Краснодар)', 'PhD (USA)'
    text = re.sub(r"\s*\((?:[A-ZА-ЯЁ][^\W\d_]+(?:-[^\W\d_]+)*(?:\s[A-ZА-ЯЁ][^\W\d_]+)?|[A-Z]{2,3})\)(?=\s*(?:[,;]|$))", "", text)
    plain = text.translate(SUPERSCRIPT_DIGITS).replace("©", " ")
    text = _NAME_DEGREES.sub(" ", plain)
    if text != plain:  # among degrees, the rarer ones in capitals are degrees too ('PhD, MPH, EMMB')
        text = re.sub(r"(?<=,)\s*[A-Z][A-Za-z]{1,4}\s*(?=,|$)", " ", text)
    text = FILE_LINK.sub("", text)  # 'А.В.Никулин Е.М.Олейникова Статья в формате PDF 89 KB': the link after the names
    text = re.sub(r"^\s*©?\s*(?:19|20)\d\d\s*(?:г\.|р\.)?\s+(?=\S)", "", text)  # '© 2021 г.  А. П. Гераськина*, ...'
    text = re.sub(r"\(\s*\)", "", text)  # an icon's empty brackets ('LI Chunyue1,*()')
    # what a page prints next to a name: an ORCID, an e-mail (or its '[email protected]' mask), PLOS's 'aff001'
    text = re.sub(r"\s*(?:https?://orcid\.org/)?\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b|\s*\[?email\s+protected\]?|"
                  r"\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\s+https?://\S+?(?=,?(?:\s|$))", "", text)  # (and an icon's link)
    text = re.sub(r"\s+aff0*(\d{1,2})\b", r"\1", text)
    text = re.sub(r"^\s*(?:by|от|авторы?:?|author\s+links\s+open\s+overlay\s+panel)\s+", "", text, flags=re.I)
    by_word = re.match(r"^\s*(?:[Pp]ar|[Vv]on|[Pp]or|[Dd]oor|[Pp]rzez|[Aa]v)\s+(?=[A-ZÀ-ÞА-ЯЁ])", text)
    if by_word:  # 'by' in French, German, Spanish, Dutch, Polish, Swedish: 'Von MARIA MARTINSOHN und HEIKO HANSEN, Braunschweig'
        text = re.sub(r",\s*[A-ZÀ-Þ][^\W\d_]{2,20}\s*$", "", text[by_word.end():])  # (the town after the names)
    text = re.sub(r"\s*(?:orcid(?:\s+icon)?|e-?mail(?:\s+icon)?|corresponding\s+author)\b", " ", text, flags=re.I)
    text = re.sub(r"\s+[·•|]\s+", ", ", text)  # names set apart by middle dots or bars
    # roman-numeral and letter affiliation marks ('TavaresI;', 'Smith a,b'): as numbers
    text = _spaced_roman_marks(text)
    text = re.sub(r"(?<=[a-zà-ÿа-яё])(I{1,3}|IV|VI{0,3})(?=\s*(?:[,;]|$|\s(?:and|&)\s))", lambda m: str(
        {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}[m.group(1)]), text)
    text = re.sub(r"(?<=[a-zà-ÿа-яё])\s([a-f](?:\s?,\s?[a-f])*)(?=\s*(?:[,;]\s|$|\s(?:and|&)\s))",
                  lambda m: ",".join(str(ord(c) - 96) for c in re.findall(r"[a-f]", m.group(1))), text)
    text = re.sub(r"(\d)\s*,\s*([*#†‡§])", r"\1\2", text)  # 'Smith a, *, Doe b', 'SeidaviI, #': the symbol joins the name's marks
    text = normal_case(",".join(_caps_family_last(p) for p in text.split(","))).strip(" ,")
    # 'А.В.Никулин Е.М.Олейникова': glued initials, people apart by spaces only
    text = re.sub(r"(?<=[a-zа-яё])\s+(?=(?:[A-ZА-ЯЁ]\.){1,3}[A-ZА-ЯЁ][a-zа-яё])", ", ", text)
    if _INITIALS_FAMILY_RUN.match(text):  # 'Т. С. Злотникова В. С. Жукова': each person initials and a family name
        text = re.sub(r"(?<=[a-zа-яё])\s+(?=(?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZА-ЯЁ][a-zа-яё])", ", ", text)
    text = re.sub(r"((?:[A-ZА-ЯЁ]\.){1,3})(?=[A-ZА-ЯЁ][a-zа-яё])", r"\1 ", text)
    text = re.sub(r"\s*\((\d{1,2}(?:\s*,\s*\d{1,2})*)\)", r"\1", text)  # 'Антонова (1)' marks as 'Антонова1'
    text = re.sub(r"(?<=[^\W\d_]),((?:\d{1,2}|[*†‡§⊥¶∥])(?:,(?:\d{1,2}|[*†‡§⊥¶∥]))*)(?:\s+(?=[A-Z])|\s*$|(?=,\s)|(?=\s(?:and|&)\s))", r"\1, ", text)  # 'Latimer,1,2 Jacob', 'Júnior,2, João'
    # marks set apart by spaces and no commas between the people ('Feldman1, 2 Sim Tiwari 2 Charissa'):
    # each run of marks closes a name
    if "," not in re.sub(r"\d\s*,\s*\d", "", text):  # after a family name or the initials ('Чудинский Р.М. 1 Быканов')
        text = re.sub(r"(?:(?<=[^\W\d_])|(?<=[^\W\d_]\.))\s?(\d{1,2}(?:\s*,\s*\d{1,2})*)\s+(?=[A-ZА-ЯЁ][^\W\d_])",
                      lambda m: re.sub(r"\s", "", m.group(1)) + ", ", text)
    text = re.sub(r"\s{3,}", ", ", text).strip(" ,")
    text = re.sub(r"(?:,?\s+(?:and|&|и))+$", "", text)  # a byline wrapped after its 'and': the last name is on the next line
    text = re.sub(r"(?<=\d)(?:\s+\d{1,2})+$", "", text)
    text = re.sub(r"(?<=[\d*†‡§⊥¶∥])\s+[*†‡§⊥¶∥]$", "", text)  # ... 'Yang† †': the next line's mark  # affiliations' numbers begun at the line's end ('Park 1 1 2')
    if ";" in text:  # 'Rosi, B.1; Grašič, L.2; ... & Lerher, T.5': family, initials per piece
        text = ", ".join(p.replace(",", " ").strip() for p in re.split(r";|&", text) if p.strip())
    if not re.search(r"(?:^|\s)(?:[^\W\d_]{1,2}\.\s?)+$", text):  # a full stop, not an initial's
        text = text.rstrip(" .")
    marks: List[List[str]] = []

    def hold(m: re.Match[str]) -> str:
        marks.append(re.findall(r"\d{1,2}|[*†‡§#⊥¶∥]+", m.group(1)))
        return f" \u2063{len(marks) - 1}\u2063"

    text = _MARKS.sub(hold, text)
    # 'and' in the languages whose word for it is never part of a name (French 'et', not 'et al.';
    # not Spanish 'y' or Portuguese 'e': 'Ortega y Gasset', 'Silva e Sousa')
    # (Spanish 'y', Portuguese 'e' right after a name's marks part two people: 'Martínez-Priego1 y Glafiro Torres')
    pieces = [p.strip() for p in re.split(r",|\band\b|\bи\b|\bі\b|\bта\b|\bund\b|\bet\b(?!\s+al\b)|&|(?<=\u2063)\.(?=\s)|"
                                          r"(?<=\u2063)\s+[ye]\s+(?=[A-ZÀ-Þ])", text)
              if p.strip()]
    pieces = [part for piece in pieces for part in _split_iberian_and(piece)]
    if not pieces:
        return None
    # right under the title one full name will do, and so will a Russian name with its patronymic
    words = pieces[0].split()
    with_patronymic = len(pieces) == 1 and len(words) == 3 and any(PATRONYMIC.search(w) for w in words[1:])
    clearly_byline = len(pieces) > 1 or bool(marks) or after_title or with_patronymic
    people: List[Tuple[Dict[str, str], List[str]]] = []
    for piece in pieces:
        held = re.search(r"\u2063(\d+)\u2063", piece)
        piece = re.sub(r"\s*\u2063\d+\u2063", "", piece).strip()
        person = parse_initials_first(piece) or parse_family_first(piece) or (
            parse_full_name(piece) if clearly_byline else None)
        if person is None and people and held and len(marks) == len(pieces) and _one_name(piece):
            # 'Een Unaenah1, Elsa Ardelia2, Ristiana3': one name only, marked like the others (never the first
            # name, so that a title's last word before a byline stays the title's)
            person = {"family": piece}
        if person is None:
            return None
        people.append((person, marks[int(held.group(1))] if held else []))
    return people


def _one_name(word: str) -> bool:
    """A person known by one name (Indonesian and Javanese names often are): a capitalised name word."""
    return " " not in word and len(word) >= 3 and bool(NAME_WORD.match(word)) and word.lower() not in NOT_NAMES


# a run of affiliation marks set apart from its name by spaces: 'Memmott 1 *,', 'Cadotte 2 ,'
# (each mark read once and the run held: a run such as '1 1 1 ... x' must not be tried every way)
_LOOSE_MARKS = re.compile(r"(?<=[^\W\d_])\s+((?:\d{1,2}(?!\d)|[*†‡§])(?:(?:\s*,\s*|\s+)(?:\d{1,2}(?!\d)|[*†‡§]))*+)"
                          r"\s*(?=[,;]|$|\s(?:and|&|и)\s)")


def parse_loose_byline(text: str) -> List[Tuple[Dict[str, str], List[str]]] | None:
    """A line the line model takes for a byline (line_model.py) -> [(name, markers)]: read like
    any byline once a list bullet, an HTML break and marks set apart by spaces are cleaned off, and
    failing that as full names of up to eight words (Portuguese and Spanish names run long)."""
    text = re.sub(r"<br\s*/?>", " ", text).translate(SUPERSCRIPT_DIGITS)
    text = re.sub(r"^\s*[•·▪◦]\s*", "", text)
    text = _LOOSE_MARKS.sub(lambda m: re.sub(r"[\s,]", "", m.group(1)), text)
    text = re.sub(r"\s+(?=[,;])", "", text).strip()
    parsed = parse_byline_marked(text, after_title=True)
    if parsed:
        return parsed
    people: List[Tuple[Dict[str, str], List[str]]] = []
    for piece in re.split(r"[,;]|\band\b|&|\bи\b", text):
        marks = re.findall(r"\d{1,2}|[*†‡§]", piece)
        words = re.sub(r"[\d*†‡§]+", " ", piece).split()
        if not words:
            continue
        if not 2 <= len(words) <= 8 or not NAME_WORD.match(words[0]) or not NAME_WORD.match(words[-1]) or not all(
                NAME_WORD.match(w) or w.lower() in PARTICLES or w == "do" or is_initials(w) for w in words):  # 'Maria do Carmo
            return None
        if any(w.lower() in NOT_NAMES for w in words):
            return None
        people.append((_family_last(words), marks))
    return people or None


_BY_ALONE = re.compile(r"^\s*(?:by|авторы?|автори|автор\([ыи]\)|authors?|author\(s\))\s*:?\s*$", re.I)
_SEPARATOR_LINE = re.compile(r"^\s*(?:[\d,*†‡§¶\s]+|,?\s*(?:and|&|и)\s*)$", re.I)
_NAME_LINE = re.compile(r"^\s*[^\W\d_][^\W\d_'’.-]*\.?(?:[\s'’-]+[^\W\d_][^\W\d_'’.-]*\.?){1,4}\s*$")


def join_stacked_bylines(lines: List[str]) -> List[str]:
    """A byline printed one name a line, with its commas, marks and 'and' on lines of their own
    under a lone 'by' (MDPI: 'by / Ann Lee / *, / Bo Park / and / Carl Moss'), put on the first
    name's line as one byline; the other lines (the 'by' too) are left blank, so line numbers stay."""
    out = list(lines)
    for i, line in enumerate(lines[:-2]):
        if not _BY_ALONE.match(line):
            continue
        parts: List[str] = []
        names = separators = 0
        j = i + 1
        while j < len(lines) and j - i < 60:
            text = lines[j].strip()
            if _SEPARATOR_LINE.match(text) and text:
                separators += 1
                word = text.strip(" ,").lower() in ("and", "&", "и")
                parts.append(f" {text.strip()} " if word else text.strip() + " ")
            elif _NAME_LINE.match(text) and not text[:1].islower():
                names += 1
                parts.append(text)
            else:
                break
            j += 1
        if names >= 2 and separators >= 1:
            out[i] = ""  # the lone 'by' would otherwise end a title wrapped onto it
            out[i + 1] = re.sub(r"\s+", " ", "".join(parts)).strip(" ,")
            for k in range(i + 2, j):
                out[k] = ""
    return out


# a name closed by its affiliation number and a comma: 'Faria1, ', 'Júnior,2, '
_MARKED_NAME = re.compile(r"[^\W\d_]\s?,?\d{1,2}\*?\s*,\s")


def join_wrapped_bylines(lines: List[str]) -> List[str]:
    """A byline of numbered names wrapped in the middle of a name ('... Amanda Soares de' /
    'Carvalho Barbosa3, ... Raquel Sena Pontes' / 'Grapiuna5, ... Mendes7.'): the lines, blank
    lines between them skipped, joined on the first one's line while the text so far ends in a
    name without its number and the next line goes on with numbered names; the joined lines are
    left blank, so line numbers stay."""
    out = list(lines)
    i = 0
    while i < len(out):
        text = out[i].strip()
        if len(_MARKED_NAME.findall(text + " ")) < 2 or not re.search(r"[^\W\d_]$", text) or len(text) > 400:
            i += 1
            continue
        joined, used = text, []
        j = i + 1
        while j < len(out) and j - i <= 12 and re.search(r"[^\W\d_]$", joined):
            if not out[j].strip():
                j += 1
                continue
            nxt = out[j].strip()
            if not re.match(r"^[^\W\d_][^\W\d_'’´.-]*(?:\s[^\W\d_][^\W\d_'’´.-]*){0,3}\s?\d{1,2}\*?(?:,|\.?$)", nxt):
                break
            joined = f"{joined} {nxt}"
            used.append(j)
            j += 1
        if used and parse_byline_marked(joined.rstrip(".")):
            out[i] = out[i][:len(out[i]) - len(out[i].lstrip())] + joined
            for k in used:
                out[k] = ""
            i = used[-1] + 1
        else:
            i += 1
    return out


_BULLET_NAME = re.compile(r"^\s*[•·▪◦]\s+(\S.*?)\s*(,?)\s*$")


def _bullet_person(text: str) -> Dict[str, str] | None:
    return parse_full_name(text) or parse_initials_first(text)


def join_bulleted_names(lines: List[str]) -> List[str]:
    """Authors as a bulleted list, each name ending in a comma but the last, with its
    affiliation and e-mail lines under it (PLOS: '• Hailing Yu,' / 'Affiliation College of ...'
    / '• Qiang Gao ,'): the names put on the first name's line as one byline; the other name
    lines are left blank, so line numbers stay. The commas tell it from a menu of two-word items."""
    out = list(lines)
    i = 0
    while i < len(out):
        m = _BULLET_NAME.match(out[i])
        # under an authors label alone on its line the list needs no commas ('Автор(и)' / '• Р.В. Славік' / '• І.Ю. Фекета')
        labelled = m is not None and bool(_BY_ALONE.match(next((t for t in reversed(out[:i]) if t.strip()), "")))
        if not (m and (m.group(2) or labelled) and _bullet_person(m.group(1))):
            i += 1
            continue
        labelled = labelled and not m.group(2)  # no commas: the label alone vouches, for bullets in a row
        names, at = [m.group(1)], [i]
        j = i + 1
        while j < len(out) and j - at[-1] <= 10:
            nxt = _BULLET_NAME.match(out[j])
            if nxt:
                if not _bullet_person(nxt.group(1)):
                    break
                names.append(nxt.group(1))
                at.append(j)
                if not (nxt.group(2) or labelled):
                    break  # the last name has no comma after it
            elif labelled and out[j].strip():
                break  # the labelled list ends at its first line that is no bullet
            j += 1
        if len(names) >= 2:
            out[i] = ", ".join(names)
            for k in at[1:]:
                out[k] = ""
        i = at[-1] + 1
    return out


def join_split_bylines(lines: List[str]) -> List[str]:
    """A byline printed over several lines, in any of the ways above, put on one line."""
    return join_bulleted_names(join_wrapped_bylines(join_stacked_bylines(lines)))


_CJK_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3040-\u30ff]{1,5}")


def parse_inverted_pairs(text: str) -> List[Dict[str, str]] | None:
    """'Tayefi Nasrabadi, Mahla, Larimian, Taimaz, Timmis, Andrew': a library record's authors,
    family and given names each set apart by the same commas as the people. Read only under an
    authors label, where nothing else can stand; None unless every piece pairs up as names."""
    pieces = [p.strip() for p in re.split(r",|;", re.sub(r"\s+(?:and|&)\s+", ", ", text)) if p.strip()]
    if len(pieces) < 4 or len(pieces) % 2:
        return None
    people = []
    for family, given in zip(pieces[::2], pieces[1::2]):
        if not (1 <= len(family.split()) <= 3 and 1 <= len(given.split()) <= 3):
            return None
        if _CJK_NAME.fullmatch(family) and _CJK_NAME.fullmatch(given):
            pass  # '荒木田, 美香子, 高瀬, 寛子': Chinese and Japanese names have no capitals
        elif not all(NAME_WORD.match(w) or w.lower() in PARTICLES for w in family.split()) or \
                not all(NAME_WORD.match(w) or is_initials(w) for w in given.split()):
            return None
        people.append({"family": family, "given": given})
    return people


def parse_byline(text: str) -> List[Dict[str, str]] | None:
    """A comma- or 'and'-separated list of names; None if any piece is not a name."""
    marked = parse_byline_marked(text)
    return [person for person, _ in marked] if marked else None


def split_title_byline(line: str) -> Tuple[str, List[Dict[str, str]], List[List[str]]] | None:
    """'Association between age ... Swedish study Andrzej Zielinski1* and Anders Halling2' ->
    (title, names, markers): a title and a marked byline printed on one line (PDF text). The
    byline must carry affiliation markers, so a title ending in a name is not cut."""
    words = line.split()
    if not 6 <= len(words) <= 80 or not re.search(r"[^\W\d_][\d*†]|,\d", line):  # a title and a byline fit in 80 words
        return None
    for i in range(2, len(words) - 1):
        if not words[i][:1].isupper():
            continue
        marked = parse_byline_marked(" ".join(words[i:]))
        if marked and any(m for _, m in marked) and len(words[:i]) >= 2:
            # the title's last word may pass for a first given name ('... in Ghana Isaac Amoako1'):
            # move the cut right while the same number of people still parse
            caps_title = all(w.isupper() for w in words[:i] if re.search(r"[^\W\d_]{2}", w))
            while i + 1 < len(words) and not (caps_title and not words[i].isupper()):
                # (a title in capitals ends where the words in ordinary case begin: '... INFANTIL Jussara Gabriel dos Santos1')
                shorter = parse_byline_marked(" ".join(words[i + 1:]))
                if not shorter or len(shorter) != len(marked):
                    break
                i, marked = i + 1, shorter
            return " ".join(words[:i]), [p for p, _ in marked], [m for _, m in marked]
    return None


def split_byline_title(line: str) -> Tuple[List[Dict[str, str]], str] | None:
    """'L. R. Rustamova, J. de J. Calderon Anton. Specifics of ...' -> (names, title)."""
    for m in re.finditer(r"\.\s+", line):
        head, tail = line[: m.start()], line[m.end():]
        if len(tail.split()) < 2:
            break
        names = parse_byline(head + ".") if head else None
        if names and not parse_byline(tail.split(".")[0]):
            return names, tail.strip()
    return None


_CYRILLIC_WORD = re.compile(r"^[^\w]*[А-ЯЁа-яёІіЇїЄєҐґ]")
_LATIN_WORD = re.compile(r"^[^\w]*[A-Za-z]")
_FILE_WORDS = {"PDF", "DOCX", "HTML", "XML", "DOI", "URL", "EDN", "UDC", "ISSN", "ISBN", "ORCID"}


def two_columns(line: str) -> Tuple[str, str] | None:
    """'БИБЛИОМЕТРИЧЕСКИЕ ПОКАЗАТЕЛИ BIBLIOMETRIC RATES' -> the Russian and the English column of
    a bilingual PDF printed side by side: two or more Cyrillic words, then two or more Latin
    words, the script changing once."""
    words = line.split()
    scripts = ["c" if _CYRILLIC_WORD.match(w) else "l" if _LATIN_WORD.match(w) else "" for w in words]
    switch = [i for i in range(1, len(words)) if scripts[i] == "l" and scripts[i - 1] == "c"]
    if len(switch) != 1 or "c" in scripts[switch[0]:]:
        return None
    cut = switch[0]
    latin_words = [w for w in words[cut:] if len(re.sub(r"[^A-Za-z]", "", w)) >= 3 and w.strip(".,;:()") not in _FILE_WORDS]
    if sum(sc == "c" for sc in scripts[:cut]) < 2 or len(latin_words) < 2:
        return None  # 'Статья в формате PDF 89 KB' is no English column
    return " ".join(words[:cut]), " ".join(words[cut:])


# affiliation marks printed as letters: a letter alone on its line ('a' / 'Department of ...') or
# glued to the institution after it ('a,bEducation Leadership ...')
_LETTER_MARK_LINE = re.compile(r"^\s*([a-h])\s*$|(?:^|,\s*|\s)([a-h](?:,[a-h])*)(?=[A-ZÀ-Þ][a-zà-ÿ])", re.M)


def unglue_letter_marks(people: List[Dict[str, str]], marks: List[List[str]],
                        text: str) -> Tuple[List[Dict[str, str]], List[List[str]]]:
    """Affiliation letters glued to family names ('Aamir Ishaq Shaha, ... Rouf Ahmad Bhatb, J.P.
    Singhc', 'Sunday Olawale Olanirana, Chinaza Uleanyab'): where the page prints the same letters
    as marks before its institutions and at least two of the byline's names end in two different
    ones of them, the last letter of each name that ends in one is a mark."""
    if len(people) < 2:
        return people, marks
    printed = {c for m in _LETTER_MARK_LINE.finditer(text) for c in re.findall(r"[a-h]", m.group(1) or m.group(2))}
    ends = [p.get("family", "")[-1:] for p in people]
    glued = [e in printed and len(p.get("family", "")) >= 4 and p["family"][-2:-1].isalpha() and p["family"][-2:-1].islower()
             for e, p in zip(ends, people)]
    if sum(glued) < 2 or len({e for e, g in zip(ends, glued) if g}) < 2:
        return people, marks
    out_people: List[Dict[str, str]] = []
    out_marks: List[List[str]] = []
    for person, own, end, cut in zip(people, marks + [[]] * (len(people) - len(marks)), ends, glued):
        if cut:
            person = {**person, "family": person["family"][:-1]}
            own = own + [end]
        out_people.append(person)
        out_marks.append(own)
    return out_people, out_marks


_JA_NAME = r"[\u3400-\u4dbf\u4e00-\u9fff\u3005\u3040-\u30ff]"
_JA_RUN = re.compile(rf"^({_JA_NAME}{{1,3}})((?:\s+{_JA_NAME}{{2,5}})+)\s+({_JA_NAME}{{1,3}})\s*(?:([A-Z][a-z]+(?:\s+[A-Z][a-z]+){{1,2}}))?$")


def parse_japanese_run(text: str) -> List[Tuple[Dict[str, str], List[str]]] | None:
    """Japanese names printed family-space-given with nothing between the people, so each word but
    the first and last is one person's given name run into the next one's family name ('水師 裕高橋
    望田口 功一郎': 水師 裕, 高橋 望, 田口 功一郎; '松浦 佳代高野 歩森 真喜子David Timmons'). Where the
    names lexicon knows the word's last two or three characters as a family name they are that;
    otherwise a family name is two characters (one, if the word has only two). Three people or more
    are needed; the caller asks only on Japanese pages."""
    m = _JA_RUN.match(text.strip())
    if not m:
        return None
    from .names import known_family  # (the lexicon loads only where a Japanese byline is read)

    words = m.group(2).split()
    family = m.group(1)
    people: List[Tuple[Dict[str, str], List[str]]] = []
    for word in words:
        cut = next((k for k in (3, 2) if len(word) - k >= 1 and known_family(word[-k:])), 0) or (1 if len(word) == 2 else 2)
        people.append(({"family": family, "given": word[:-cut]}, []))
        family = word[-cut:]
    people.append(({"family": family, "given": m.group(3)}, []))
    if m.group(4):
        latin = m.group(4).split()
        people.append(({"family": latin[-1], "given": " ".join(latin[:-1])}, []))
    return people if len(people) >= 3 else None
