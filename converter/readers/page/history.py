"""The article's history printed on its page: submitted (received), revised, accepted and
published dates, each with its role; day-first numeric dates."""
from __future__ import annotations

import re
from typing import Dict, List, Tuple

from ...vocabulary.dates import month_number
from ...vocabulary.dates import parse_day_first as parse_day_first_date

_DATE = (r"(\d{4}[./]\d{1,2}[./]\d{1,2}(?!\d)|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{2}-\d{2}(?!\d)|\d{1,2}\s+[A-Za-zА-Яа-яё]+\s+\d{4}|"
         # '12 de marzo de 2019' (Spanish, Portuguese), '12. März 2019' (German), '12. 3. 2019' (Czech)
         r"\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?\s+(?:de\s+)?\d{4}|\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|"
         r"[A-Za-zА-Яа-яё]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[A-Za-zА-Яа-яё]{3,9}\.?\s+\d{4}|"  # ... 'Oct 18, 2019', 'Oct 2019'
         # PubMed's '2020 Mar 12', '12th March 2020', '12-Mar-2020', ISO's '2020-03', and a year alone
         r"\d{4}\s+[A-Za-z]{3,9}\.?(?:\s+\d{1,2}(?!\d))?|\d{1,2}(?:st|nd|rd|th)\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|"
         # (an ISO date cut short after its month by the page's end: '2022-11-')
         r"\d{1,2}-[A-Za-z]{3,9}-\d{4}|\d{4}-\d{2}(?![\d-])|\d{4}-\d{2}-(?!\d)|(?:1[89]|20)\d\d(?![\d./-]))")
# history label -> key; CSL has `submitted`, the rest go to custom.dates
# (and the same labels in Ukrainian, Spanish, Portuguese, French, Italian, German, Polish, Turkish, Indonesian)
HISTORY: Tuple[Tuple[str, str], ...] = (
    ("submitted", r"submitted|received|поступила(?:\s+в\s+редакцию)?|дата\s+поступления|дата\s+направления(?:\s+статьи)?\s+в\s+редакцию|статья\s+поступила(?:\s+в\s+редакцию)?|"
                  r"надійшла(?:\s+до\s+редакції)?|дата\s+надходження|recibido|recebido|data\s+de\s+submiss[ãa]o|reçu|ricevuto|"
                  r"eingegangen|eingereicht|otrzymano|geliş\s+tarihi|diterima\s+tanggal|diajukan"),
    ("revised", r"revised|доработана(?:\s+после\s+рецензирования)?|одобрена\s+после\s+рецензирования|после\s+доработки|received\s+in\s+revised\s+form|"
                r"revisado|revisto|révisé|direvisi"),
    ("accepted", r"accepted(?:\s+for\s+publication)?|принята(?:\s+(?:к|в)\s+(?:публикации|печать))?|прийнят[оа](?:\s+до\s+друку)?|"
                 r"aceptado|aprobado|aceito|aprovado|accepté|accettato|angenommen|zaakceptowano|kabul\s+tarihi|disetujui"),
    ("published", r"(?:first\s+)?published(?:\s+online)?(?:\s+by\s+[^:\d]{3,60}?)?|available\s+online|publication\s+date|"
                  r"date\s+of\s+publication|date\s+de\s+publication|mis\s+en\s+ligne(?:\s+le)?|publicado\s+em|"
                  r"data\s+di\s+pubblicazione|data\s+publikacji|yay[ıi]nlanma\s+tarihi|tanggal\s+terbit|publikov[áa]no|"
                  r"erschienen(?:\s+am)?|online\s+veröffentlicht|发布日期|出版日期|公開日|発行日|발행일?|게재일|"
                  r"опубликован[оа]?|дата\s+публикации|дата\s+выхода|опубліковано|дата\s+публікації|"
                  r"publicado|data\s+de\s+publica[çc][ãa]o|fecha\s+de\s+publicaci[óo]n|publié(?:\s+le)?|pubblicato|"
                  r"veröffentlicht|opublikowano|yayın\s+tarihi|diterbitkan|dipublikasikan|"
                  # (the label's words the other way round, the date, and more languages: Portuguese,
                  # Romanian, Croatian and Serbian, Dutch, Swedish, Finnish, Hungarian)
                  r"published\s+date|pub(?:lication)?\s+date|issue\s+date|date\s+of\s+issue|publication(?=\s*:)|"
                  r"publica[çc][ãa]o(?=\s*:)|data\s+public[ăa]rii|objavljeno|gepubliceerd|publicerad|julkaistu|megjelent|megjelenés"),
)
# the label may run into its date when a table was copied ('Published26 Dec 2017')
_HISTORY_RE = [(key, re.compile(rf"\b(?:{words})(?![^\W\d_])\s*(?:on\s*)?:?\s*{_DATE}", re.I)) for key, words in HISTORY]

# a publication label, a short name and the date ending the line ('Published 日本公衆衛生学会 15.10.2022',
# 'Publicado por Editorial X 3 marzo 2020'): the name between is the publisher's
_PUBLISHED_BY = re.compile(rf"^\s*(?:{HISTORY[3][1]})\s+[^\d:|]{{2,60}}?\s+{_DATE}\s*\.?$", re.I)

_LABEL_ALONE = re.compile(rf"^(?:{'|'.join(words for _, words in HISTORY)})\s*:?\s*$", re.I)


def join_label_lines(lines: List[Tuple[int, str]]) -> List[Tuple[int, str]]:
    """A history label alone on its line with its date on the next ('Дата публикации:' / '12-10-2017',
    a web page's table copied cell by cell): the two read as one line, at the label's line."""
    out: List[Tuple[int, str]] = []
    skip = False
    for (n, line), nxt in zip(lines, lines[1:] + [(0, "")]):
        if skip:
            skip = False
            continue
        if _LABEL_ALONE.match(line) and nxt[1] and parse_date(nxt[1]):
            out.append((n, f"{line.rstrip(' :')}: {nxt[1].strip()}"))
            skip = True
        else:
            out.append((n, line))
    return out


def parse_date(text: str) -> List[int] | None:
    """'20.08.2025' (day first), '2025-08-20', '20 August 2025', '20 августа 2025' -> [y, m, d]."""
    text = text.strip()
    # '12 de marzo de 2019' -> '12 marzo 2019'; '12. März 2019' -> '12 März 2019'; '12. 3. 2019' -> '12.3.2019'
    text = re.sub(r"^(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]{3,12}\.?)\s+(?:de\s+)?(\d{4})$", r"\1 \2 \3", text)
    text = re.sub(r"^(\d{1,2})\.\s(\d{1,2})\.\s?(\d{4})$", r"\1.\2.\3", text)
    text = re.sub(r"^(\d{1,2})(?:st|nd|rd|th)\s+", r"\1 ", text)  # '12th March 2020'
    text = re.sub(r"^(\d{1,2})-([^\W\d_]{3,9})-(\d{4})$", r"\1 \2 \3", text)  # '12-Mar-2020'
    dmy = parse_day_first_date(text)
    if dmy:
        return dmy
    unknown = re.match(r"^(\d{4})-(\d{2})-00$", text)  # ERIC's 'PUB DATE 1999-04-00': the day (and month) not known
    if unknown:
        month = int(unknown.group(2))
        return [int(unknown.group(1))] + ([month] if 1 <= month <= 12 else [])
    m = re.match(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$", text)  # '2025-08-20', '2016.09.28'
    if m and not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31):
        m = None
    if m:
        return [int(m.group(1)), int(m.group(2)), int(m.group(3))]
    m = re.match(r"^(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})$", text)
    if m and month_number(m.group(2)):
        return [int(m.group(3)), month_number(m.group(2)) or 0, int(m.group(1))]
    m = re.match(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$", text)  # 'March 5, 2020'
    if m and month_number(m.group(1)):
        return [int(m.group(3)), month_number(m.group(1)) or 0, int(m.group(2))]
    m = re.match(r"^([^\W\d_]{3,9})\.?\s+(\d{4})$", text)  # 'Jul 2011': a month
    if m and month_number(m.group(1)):
        return [int(m.group(2)), month_number(m.group(1)) or 0]
    m = re.match(r"^(\d{4})\s+([^\W\d_]{3,9})\.?(?:\s+(\d{1,2}))?$", text)  # PubMed's '2020 Mar 12', '2020 Mar'
    if m and month_number(m.group(2)):
        day = [int(m.group(3))] if m.group(3) and 1 <= int(m.group(3)) <= 31 else []
        return [int(m.group(1)), month_number(m.group(2)) or 0] + day
    m = re.match(r"^(\d{4})-(\d{2})-?$", text)  # ISO's year and month (or a date cut short after it: '2022-11-')
    if m and 1 <= int(m.group(2)) <= 12:
        return [int(m.group(1)), int(m.group(2))]
    if re.fullmatch(r"(?:1[89]|20)\d\d", text):  # 'Publication date: 2020'
        return [int(text)]
    return None


def history_dates(line: str) -> Dict[str, List[int]]:
    """Every history date on a line: {'submitted': [2025, 8, 20], 'revised': [...], ...}."""
    found: Dict[str, List[int]] = {}
    if not re.search(r"\d", line):  # (every date has its digits)
        return found
    taken: List[Tuple[int, int]] = []
    for key, pat in _HISTORY_RE:
        for m in pat.finditer(line):
            if any(a <= m.start() < b for a, b in taken):
                continue
            parts = parse_date(m.group(1))
            if parts and key not in found:
                found[key] = parts
                taken.append((m.start(), m.end()))
    by = _PUBLISHED_BY.match(line) if "published" not in found and len(line) < 120 else None
    published = parse_date(by.group(1)) if by else None
    if published:
        found["published"] = published
    return found


def iso(parts: List[int]) -> str:
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts))
