"""Where the article sits in its journal, as pages print it: journal, year, volume, issue and
pages in the common printed patterns of English and Russian journals.

One tolerant scanner reads them all, rather than a pattern per site: the line is searched for
labelled numbers ('Vol. 12', 'Т. 12', 'Issue : 1', '№ 46', 'С. 127-155', 'Pages 123-145'),
compact forms ('12(3): 45-60', '2020;12(3):45-60') and a year or month-and-year; the text before
the first of them, when it reads as a name, is the journal. Examples it reads:

    Year : 2018 | Volume : 16 | Issue : 1 | Page : 10-14           (Medknow)
    Том 12, Номер 10 (Октябрь 2022)                                  (OJS issue header)
    Вестник Томского университета. 2022. № 46. С. 127-155.           (running head)
    Volume 12, Issue 3, March 2020, Pages 123-145                    (ScienceDirect)
    J Am Coll Surg. 2020 Mar; 230(3): 345–356.                       (PubMed Central)
    Journal of Regional Policy 2024, 12(3), 45-60                    (MDPI)
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from ...vocabulary.dates import month_number

_NUM = r"\d{1,5}[A-Za-z]?"
# (a range in words after a pages label: 'pages 14 à 16', 'pp. 14 a 26', 'pp. 3 to 9')
# an article number runs to seven digits (PLOS's 'e0332391'); never a number cut short
_RANGE = r"(?:[A-Za-z]\d{1,9}|\d{1,7})(?:\s*[-–—~]\s*[A-Za-z]?\d{1,7}|\s+(?:à|a|al|to|bis)\s+\d{1,7}(?![\d.,/-]))?(?!\d)"
_YEAR = r"(?:1[89]|20)\d\d"
# (label kind, pattern); each pattern's group 1 is the value
_LABELLED: List[Tuple[str, "re.Pattern[str]"]] = [
    ("year", re.compile(rf"\b(?:year|год|рік|yıl|tahun|año|ano|rok|jahr|anno|année)\s*[:.]?\s*({_YEAR})\b", re.I)),
    ("volume", re.compile(r"(?<![^\W\d_])vol(?:ume)?\.?\s*(?:19|20)\d\d\s*:\s*(\d{1,4})\b", re.I)),  # Dove: 'Volume 2016:9'
    ("volume", re.compile(rf"(?<![^\W\d_])(?:vol(?:ume|umen|um)?|т(?:ом)?|tom|tomo|tome|bd|band|jahrgang|jg|cilt|jilid|ročník|rocznik|svazek|godište)\b\.?\s*[:.-]?\s*\(?({_NUM})\b", re.I)),
    # ABNT (Brazil, Portugal): 'v. 12, n. 3, p. 45-60' (the 'v.' only with its full stop, before another label)
    ("volume", re.compile(r"(?<![^\W\d_])v\.\s*(\d{1,4})\b(?=\s*[,;]?\s*(?:n|no|nº|núm|num|ed)\.?\s*\d)", re.I)),
    # pages after the labels of other languages, only as a range ('S. 45-60', 's. 45-60', 'str. 45-60', 'Hal. 24-32'),
    # never inside letter-spaced words ('C A R D I O S O M AT I C S . 20 20')
    ("page", re.compile(r"(?<![^\W\d_])(?<![^\W\d_]\s)(?:s|ss|str|strony|hal(?:aman)?|seiten?|oldal)\.?\s*[:.-]?\s*"
                        r"(\d{1,6}\s*[-–—]\s*\d{1,6})(?![\d.,/-])", re.I)),
    # Hungarian prints the number first: '12. évfolyam, 3. szám'
    ("volume", re.compile(r"(?<![\d.])(\d{1,4})\.\s*évf(?:olyam)?\b", re.I)),
    ("issue", re.compile(r"(?<![\d.])(\d{1,4})\.\s*szám\b", re.I)),
    # ... and so does German: '89. Jahrgang', '89. Jg.'
    ("volume", re.compile(r"(?<![\d.])(\d{1,4})\.\s*(?:Jahrgang|Jg\.)")),
    # Turkish 'Yıl 8, Sayı 1': the journal's year of publication, counted as its volume
    ("volume", re.compile(r"(?<![^\W\d_])(?:Yıl|YIL)\s*[:.]?\s*(\d{1,3})\b(?=\s*[,;]?\s*(?:Sayı|SAYI|Say)\b)")),
    # ('Article number: 98' is the article's number, not its issue; 'Issue (8): 960-974' brackets it)
    ("issue", re.compile(r"(?<![^\W\d_])(?<!article\s)(?<!art\.\s)(?<!art\.)(?:issue|iss|no|nr|n|num(?:ber|éro|ero)?|número|núm|n[°º]|номер|вып(?:уск[еа]?)?|вип(?:уск)?|heft|ausgabe|fasc(?:icolo|ículo)?|zeszyt|sayı|nomor|číslo|cislo|broj|edição|edición|numer|številka)\.?(?<=\w|\.)(?:\s*[°º])?(?:\s*№)?"
                         # not the start of a range; GOST's '. – ' between areas is no range ('Вип. 28. – 2009.')
                         r"\s*[:.-]?\s*(?:\((?=\d{1,4}\)))?(\d{1,4}(?:\s*[-/–]\s*\d{1,4})?)(?!(?!\.\s+[-–—]\s)[\d.]*\s*[-–]\s*\d)", re.I)),
    ("issue", re.compile(r"№\s*(\d{1,4}(?:\s*[-/–]\s*\d{1,4})?)")),
    ("issue", re.compile(r"(?<![^\W\d_])H\.\s*(\d{1,4})\b(?![.,]?\d)")),  # German 'Bd. 12, H. 3' (Heft)
    ("issue", re.compile(r"(?<![^\W\d_])vol(?:ume|umen)?\.?\s*\d{1,4}\.?\s*\(\s*(?!(?:1[89]|20)\d\d\b)(\d{1,4})\s*\)", re.I)),  # 'Vol. 1 (2), pp. 23-28', 'Vol 18. (2) 2015'
    # Cairn and other French platforms: '2015/2 (Tome 21)', the year and its issue
    ("year", re.compile(rf"(?<![\d/.])({_YEAR})\s*/\s*\d{{1,2}}(?![\d/])")),
    ("issue", re.compile(rf"(?<![\d/.]){_YEAR}\s*/\s*(\d{{1,2}})(?![\d/])")),
    # Japanese and Chinese print the label after the number: '2021 年 2 巻 1 号', '第12卷 第3期'
    ("year", re.compile(rf"({_YEAR})\s*年")),
    ("volume", re.compile(r"(?:第\s*)?(\d{1,4})\s*[巻卷]")),
    ("issue", re.compile(r"(?:第\s*)?(\d{1,4})\s*[号號期]")),
    ("page", re.compile(r"(\d{1,6}\s*[-–—~]\s*\d{1,6})\s*[页頁]")),
    ("page", re.compile(rf"(?:n[°º]|no\.?|№|núm\.?)\s*\d{{1,4}}\s*:\s*({_RANGE})\b", re.I)),  # 'N° 1: 77-84'
    # an article number stands for the pages, and runs to more digits than pages do
    ("page", re.compile(r"(?<![^\W\d_])(?:article|art\.)\s*(?:id|number|no|nr|n[°º])\b\.?\s*[:.-]?\s*([A-Za-z]?\d{1,9})\b", re.I)),
    ("page", re.compile(r"(?<![^\W\d_])(?:article|artículo|artigo|articolo|статья)\s+([A-Za-z]\d{1,9}|\d{4,9})\b(?![.,]\d)", re.I)),
    # bepress: 'Vol. 12: Iss. 3, Article 4' (an article's number after the issue)
    ("page", re.compile(r"(?<=\d),\s*Article\s+(\d{1,3})\b(?![.,]\d)")),
    ("page", re.compile(rf"(?<![^\W\d_])(?:pages?(?:\s+no)?|páginas?|pp?|págs?|pag(?:ine|ina)?|sayfa(?:lar)?|hlm|стр(?:аницы)?|стор(?:інки)?|сс?|c|e)\b\.?\s*[:.-]?\s*({_RANGE})\b", re.I)),
]
# Chicago and Turabian: 'Journal 29, no. 1 (April 1, 2019): 28–39' (volume before 'no.', pages after the date)
_CHICAGO = re.compile(rf"(?<![\d.])(\d{{1,4}}),\s*(?:no|nr|№|вип|вып)\.?\s*\d{{1,4}}\s*\([^)]{{4,30}}\)\s*:\s*({_RANGE})\b", re.I)
# BMC, Springer, Frontiers: 'Trials 2010, 11:107', 'BMC Res Notes (2015) 8:714' (year, volume:article)
_YEAR_VOLUME_ARTICLE = re.compile(rf"(?:\(\s*{_YEAR}\s*\)|{_YEAR}\s*[,;])\s*(\d{{1,4}})\s*:\s*([A-Za-z]?\d{{1,7}}(?:\s*[-–—]\s*\d{{1,7}})?)\b")
# 'Procedia Social and Behavioral Sciences 2 (2010) 330–336': volume, year in brackets, pages
_VOLUME_YEAR_PAGES = re.compile(rf"(?<![\d/.])(\d{{1,4}})\s*\(\s*({_YEAR})\s*\)\s*[,:]?\s*({_RANGE})\b")
# Taylor & Francis: 'Journal of Tests, 12:3, 45-60' (volume:issue, then the pages)
_VOLUME_COLON_ISSUE = re.compile(rf"(?<=[^\W\d_]),\s*(\d{{1,4}}):(\d{{1,4}}),\s*({_RANGE})\b")
# 'Journal of Tests 12: 45–60 (2019)': volume, pages, the year in brackets
_VOLUME_PAGES_YEAR = re.compile(rf"(?<![\d.:])(\d{{1,4}})\s*:\s*(\d{{1,6}}\s*[-–—]\s*\d{{1,6}})\s*\(\s*{_YEAR}\s*\)")
# 'Zeitschrift für Tests 12 (2019), Heft 3': the volume after the name, the year in brackets
_NAME_VOLUME_YEAR = re.compile(rf"(?<=[^\W\d_])[\s,]+(\d{{1,4}})\s*\(\s*{_YEAR}\s*\)")
# MDPI's and Wiley's running heads: 'Sensors 2014, 14, 17212-17234', 'Journal of Applied Ecology 2010, 47, 1–4'
# (or an article number of four digits or more: 'Sensors 2019, 19, 4567')
_YEAR_VOLUME_PAGES = re.compile(rf"(?<![\d.]){_YEAR},\s*(\d{{1,4}}),\s*(\d{{1,6}}\s*[-–—]\s*\d{{1,6}}|[A-Za-z]?\d{{4,7}})(?![\d.,/-])")
# physics' and EDP's conference series: 'Phys. Rev. B 81, 125119 (2010)', 'E3S Web of Conferences 209, 02026
# (2020)' (volume, then the pages or an article number of four digits or more, then the year in brackets)
_VOLUME_ARTICLE_YEAR = re.compile(rf"(?<![\d.,])(\d{{1,4}}),\s*([A-Za-z]?\d{{4,7}}|\d{{1,6}}\s*[-–—]\s*\d{{1,6}})\s*\(\s*{_YEAR}\s*\)")
# APA without a volume: 'Информационно-управляющие системы, (4), 125-130', 'Cahiers ..., (59-60), 7–15'
_ISSUE_PAGES = re.compile(rf"(?<=[^\W\d_]),\s*\((\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?)\)\s*,\s*({_RANGE})\b")
# a journal's name and its issue of the year, alone on the line: 'Московский экономический журнал 3/2022'
_NAME_ISSUE_YEAR = re.compile(rf"^(?=.*[^\W\d_]{{3}})[^\d|\s]+(?:\s[^\d|\s]+)+?(?<!\son)(?<!\sat)(?<!\sby)(?<!\sсо)(?<!\sс)(?<!\sот)\s(\d{{1,2}})\s*/\s*({_YEAR})\s*$")
# the pages right after the volume or the issue, unlabelled: '2018 Vol. 23 No. 3 293-301', 'Sayı: 3, 1354 - 1360'
# (a year between them, 'No. 3, 2019, 45-60'; empty slots of a table printed as text, 'Yıl 2022, , 86 - 107')
_PAGES_AFTER = re.compile(rf"^\)?\s*(?:[,:;•·|]\s*)*(?:\(?{_YEAR}\)?\s*[,:;.•·|]\s*)?(\d{{1,6}}\s*[-–—]\s*\d{{1,6}}|e\d{{4,9}})(?![\d/-]|\.\d)")
# the seasons of quarterly issues ('Spring 2019', 'Bahar 2004', 'Осень 2020'): the year is the date
_SEASONS = {"spring", "summer", "autumn", "fall", "winter", "printemps", "été", "automne", "hiver", "primavera", "verano",
            "otoño", "invierno", "verão", "outono", "inverno", "estate", "autunno", "frühling", "frühjahr", "sommer",
            "herbst", "весна", "лето", "осень", "зима", "літо", "осінь", "bahar", "yaz", "sonbahar", "güz", "kış",
            "wiosna", "lato", "jesień", "zima", "jaro", "léto", "podzim"}
# a letter-spaced label of a PDF's running head: 'N o 158', 'V ol. 12'
_SPACED_LABEL = re.compile(r"(?<![^\W\d_])(?:N\s(?=o\.?\s*\d)|V\s(?=ol\.?\s*\d))")
# '12(3): 45-60', '230(3): 345–356', '12(5), 1315'
_COMPACT = re.compile(rf"(?<![\d/.+])(\d{{1,4}})\s*\(\s*(?!{_YEAR}\s*\))(\d{{1,4}}(?:\s*[-/–]\s*\d{{1,4}})?|[A-Za-z]+\s*\d{{0,4}})\s*\)"
                      rf"\s*(?:[:,]\s*(?!{_YEAR}\s*[,;.]\s*\d)({_RANGE}))?")
_MONTH_YEAR = re.compile(rf"(?:(\d{{1,2}}),?\s+)?([^\W\d_]{{3,10}})\.?,?\s+({_YEAR})\b")   # '5 March 2020', 'Октябрь 2022'
_YEAR_MONTH = re.compile(rf"\b({_YEAR})\s+([^\W\d_]{{3,10}})\b(?:\s+(\d{{1,2}})\b)?")  # '2020 Mar', '2020 Mar 5'
_MONTH_SLASH_YEAR = re.compile(rf"(?<![\d/.])(0?[1-9]|1[0-2])/({_YEAR})(?![\d/])")
_YEAR_DASH_MONTH = re.compile(rf"(?<![\d./-])({_YEAR})-(0[1-9]|1[0-2])(?![\d/-])")
_BARE_YEAR = re.compile(rf"(?<![\d./-]){_YEAR}(?![\d/-])")
_IDENTIFIER = re.compile(r"(?:issn\s*:?\s*\d{4}\s?-?\s?\d{3}[\dxX](?:\s*\([^)]{0,12}\))?|doi|https?://|www\.|issn|isbn|10\.\d{4,9}/"
                         # the second ISSN of 'ISSN: 0735-2166 (Print) 1467-9906 (Online)'
                         r"|(?<![\d-])\d{4}-\d{3}[\dxX]\s*\((?:print|online|electronic|e|p|печ\w*|онлайн|en\s+l[íi]nea|impres\w*)\))\S*", re.I)


# a journal's name in the languages of the set and their neighbours: a kind of periodical
# at its start or its end, or 'Journal of' anywhere
VENUE_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:international|american|european|british|asian|african|indian|chinese|russian)\s+)?"
    r"(?:journal|revista|revue|rivista|zeitschrift|annals|annales|anales|anais|annali|bulletin|boletín|boletim|"
    r"proceedings|transactions|archives?|archivio|archivos|cahiers|cuadernos|cadernos|quaderni|acta|studia|"
    r"вестник|вісник|известия|вопросы|проблемы|журнал|часопис|записки|труды|праці|бюллетень|jurnal|czasopismo|"
    r"przegl[aą]d|zeszyty|časopis|folia|analele|scientia)\b|"
    r"\b(?:journal|review|magazine|quarterly|letters|reports|dergisi|jurnal|research|studies|forum|today|"
    r"вестник|вісник|журнал|обозрение|огляд|известия|наука|науки|медицина)\s*(?:\([^)]{1,12}\))?$|"
    r"\bjournal\s+(?:of|for|on)\b|\bjurnal\s+\w|\bвестник\b|\bвісник\b", re.I)
_NAME_YEAR_PAGES = re.compile(rf"^\s*([^\W\d_][^\d()]{{3,120}}?)\s*\(\s*({_YEAR})\s*\)\s*[,:]?\s*(\d{{1,5}}\s*[-–—]\s*\d{{1,5}})\s*\.?\s*$")
_BRACKETED_PAGES = re.compile(r"\(\s*(\d{1,5}\s*[-–—]\s*\d{1,5})\s*\)")
_VOLUME_COMMA_ISSUE = re.compile(r"(?<![\d.,])(\d{1,4}),\s?(\d{1,3})(?=\s*\((?:19|20)\d\d\))")


_DIGIT = re.compile(r"\d")


def issue_facts(line: str) -> Dict[str, Any] | None:
    """Journal, issued, volume, issue and page read from one printed line, or None when the line
    does not place an article in a journal issue (it needs a volume or an issue, and one more
    fact; or a name shaped like a journal's with the year in brackets and the pages). Values are strings, ``issued`` is CSL date-parts, ``journal_end`` the offset where
    the journal's name stops."""
    if len(line) > 260 or not _DIGIT.search(line):  # (every fact is a number: a line without digits places nothing)
        return None
    work = _IDENTIFIER.sub(lambda m: " " * len(m.group(0)), line)  # never read numbers out of a DOI or ISSN
    work = _SPACED_LABEL.sub(lambda m: m.group(0).replace(" ", ""), work)
    work = work.ljust(len(line))  # (offsets into the line still hold: the label's space moves to the line's end)
    # SAGE's and Arnold's running head 'Progress in Physical Geography 26,2 (2002) pp. 290–301': volume,
    # issue, then the year, read as 'volume(issue)' (padded, so offsets into the line still hold)
    work = _VOLUME_COMMA_ISSUE.sub(lambda m: f"{m.group(1)}({m.group(2)})".ljust(m.end(2) - m.start(1)), work)
    found: Dict[str, Any] = {}
    first = len(work)
    taken: List[Tuple[int, int]] = []
    label_starts: List[int] = []  # where each number's label (or the number) starts

    def take(kind: str, value: str, start: int, end: int, label_start: int | None = None) -> None:
        nonlocal first
        if kind in found or any(a < end and start < b for a, b in taken):
            return
        label_starts.append(start if label_start is None else label_start)
        found[kind] = re.sub(r"\s*[-–—~]\s*|\s+(?:à|a|al|to|bis)\s+", "-", value.strip())
        if kind == "page":
            found[kind] = _expand_range(found[kind])
        taken.append((start, end))
        first = min(first, start if label_start is None else label_start)

    for kind, pattern in _LABELLED:
        for m in pattern.finditer(work):
            take(kind, m.group(1), m.start(1), m.end(1), m.start())
    for m in _CHICAGO.finditer(work):
        take("volume", m.group(1), m.start(1), m.end(1))
        take("page", m.group(2), m.start(2), m.end(2))
    for m in _VOLUME_COLON_ISSUE.finditer(work):  # 'Journal of Tests, 12:3, 45-60'
        take("volume", m.group(1), m.start(1), m.end(1))
        take("issue", m.group(2), m.start(2), m.end(2))
        take("page", m.group(3), m.start(3), m.end(3))
    for m in _VOLUME_PAGES_YEAR.finditer(work):  # 'Journal of Tests 12: 45–60 (2019)'
        take("volume", m.group(1), m.start(1), m.end(1))
        take("page", m.group(2), m.start(2), m.end(2))
    for m in _VOLUME_YEAR_PAGES.finditer(work):  # 'Procedia ... 2 (2010) 330–336'
        take("volume", m.group(1), m.start(1), m.end(1))
        take("page", m.group(3), m.start(3), m.end(3))
    for m in _YEAR_VOLUME_ARTICLE.finditer(work):
        take("volume", m.group(1), m.start(1), m.end(1))
        take("page", m.group(2), m.start(2), m.end(2))
    for m in _ISSUE_PAGES.finditer(work):
        take("issue", m.group(1), m.start(1), m.end(1))
        take("page", m.group(2), m.start(2), m.end(2))
    alone = _NAME_ISSUE_YEAR.match(work)
    if alone and not found:
        take("issue", alone.group(1), alone.start(1), alone.end(1))
        take("year", alone.group(2), alone.start(2), alone.end(2))
    for m in _YEAR_VOLUME_PAGES.finditer(work):
        take("volume", m.group(1), m.start(1), m.end(1))
        take("page", m.group(2), m.start(2), m.end(2))
    for m in _VOLUME_ARTICLE_YEAR.finditer(work):
        take("volume", m.group(1), m.start(1), m.end(1))
        take("page", m.group(2), m.start(2), m.end(2))
    for m in _COMPACT.finditer(work):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if _cumulative_issue(m, line):  # '№ 3(97)' of Slavic journals: the issue of the year, then its number since the first
            take("issue", m.group(1), m.start(1), m.end(2))
        else:
            take("volume", m.group(1), m.start(1), m.end(1))
            take("issue", m.group(2), m.start(2), m.end(2))
        if m.group(3) and not (re.fullmatch(_YEAR, m.group(3)) and len(_BARE_YEAR.findall(work)) == 1):
            # (a year after the issue where no other year is printed is the year: 'Journal, 12(3), 2019')
            take("page", m.group(3), m.start(3), m.end(3))
    for m in _NAME_VOLUME_YEAR.finditer(work):
        take("volume", m.group(1), m.start(1), m.end(1))
    if "volume" not in found and "issue" not in found and "year" in found and "page" not in found:
        # a labelled year and the pages with no volume or issue: 'Yıl 2022, , 86 - 107, 31.12.2022'
        end = max(b for a, b in taken)
        after = _PAGES_AFTER.match(work[end:])
        # (only where the table's empty cells show it, or on a short line of its own)
        if after and _ascending(after.group(1)) and (re.match(r"\s*,\s*,", work[end:]) or len(line.strip()) <= 40):
            take("page", after.group(1), end + after.start(1), end + after.end(1))
    if "volume" not in found and "issue" not in found and not ("year" in found and "page" in found):
        return _name_year_pages(line)
    if "page" not in found:
        end = max(b for a, b in taken)  # the last number read
        after = _PAGES_AFTER.match(work[end:])
        if after and _ascending(after.group(1)):
            take("page", after.group(1), end + after.start(1), end + after.end(1))
    if "page" not in found:  # the pages in brackets after the issue's date: 'No 1, February 2018 (24-32)'
        for m in _BRACKETED_PAGES.finditer(work):
            if m.start() > min(a for a, _ in taken) and _ascending(m.group(1)):
                take("page", m.group(1), m.start(1), m.end(1))
    issue_year = re.fullmatch(rf"(\d{{1,3}})\s*[/-]\s*({_YEAR})", found.get("issue", ""))
    if issue_year:  # '№17/2024', 'NUMBER-SAYI 1 / 2018', 'No 3 – 2009': the issue of that year, never a range
        found["issue"] = issue_year.group(1)
        found.setdefault("year", issue_year.group(2))
    date = _date(work, taken)
    if date:
        found["issued"] = {"date-parts": [date[0]]}
        first = min(first, date[1])
    elif "year" in found:
        found["issued"] = {"date-parts": [[int(found["year"])]]}
    found.pop("year", None)
    before = line[:first]
    # APA's 'Martínez Sánchez, A. (2025).': what precedes the year is the authors, not the journal
    apa = re.search(r"(?:,\s*(?:[^\W\d_]\.\s?){1,3}|\bet\s+al\.)\s*\(?\s*$", before)
    journal = None if apa else _journal(before)
    if apa and date and taken:
        # ... and after the year the title, then the journal before the numbers: 'Martínez Sánchez, A.
        # (2025). Percepción ... Primaria. Aula de Encuentro, volumen 27 (1)': the journal after the
        # title's last full stop, taken only where a full stop parts them
        year_end = re.match(rf"\(?\s*{_YEAR}\s*\)?[.,]?", work[date[1]:])
        segment_start = date[1] + (year_end.end() if year_end else 0)
        segment = line[segment_start:min((a for a in label_starts if a >= segment_start), default=segment_start)]
        name = _journal(segment) if segment.count(". ") >= 1 else None
        if name and len(name) < len(segment.strip(" .,;:")) - 10:
            journal = name
    elif date and taken and re.search(r"\(\s*$", before) and re.match(rf"\(?\s*{_YEAR}\s*\)", work[date[1]:]):
        # Taylor & Francis: 'Ivan Petrov & Anna Smirnova (2019) Title, Journal of Tests, 12:3, 45-60': full names and the
        # year in brackets, then the title and, after its last comma, the journal
        year_end = re.match(rf"\(?\s*{_YEAR}\s*\)[.,]?", work[date[1]:])
        segment_start = date[1] + (year_end.end() if year_end else 0)
        segment = line[segment_start:min((a for a in label_starts if a >= segment_start), default=segment_start)]
        last = segment.strip(" ,;:").rsplit(", ", 1)
        name = _journal(last[-1]) if len(last) == 2 and ". " not in segment else None
        if name and name[0].isupper() and len(name.split()) <= 12:
            journal = name
    after_year = re.match(rf"^\s*\(?{_YEAR}\)?\s*[,.]\s*([^\d,]{{3,150}}?)\s*,", line)
    if journal is None and not before.strip() and after_year:  # '2013, International Journal on Digital Libraries, № 3-4'
        journal = _journal(after_year.group(1))
    if journal is None and taken:
        # the journal after the numbers ('VOLUME-CİLT 5 NUMBER-SAYI 1 / 2018 THE JOURNAL OF ... SCIENCES 13'),
        # taken only when it reads as a journal's name, with the page number after it cut
        years = [m.end() for m in _BARE_YEAR.finditer(work)]
        tail = re.sub(r"\s+\d{1,5}\s*$", "", line[max([b for _, b in taken] + years):])
        tail = tail.strip(" \t.,;:|–—-/()")
        if VENUE_WORDS.search(tail) and len(tail.split()) >= 2 and not re.search(r"\d", tail):
            journal = _journal(tail)
    if journal:
        found["container-title"] = journal
    return found if len(found) >= 2 else None


def month_or_season(word: str) -> List[int]:
    """[0, month] for a month's name, [0] for a season's, [] for any other word (the 0 stands for the year)."""
    month = month_number(word)
    if month:
        return [0, month]
    return [0] if word.lower() in _SEASONS else []


def _cumulative_issue(m: "re.Match[str]", line: str) -> bool:
    """'3(97)' in a Cyrillic journal's line: the year's issue 3, its 97th since the first, with no
    volume (journals of Russia and Ukraine number both); a volume of 3 with 97 issues is rarer than
    this. Issues run to 12 a year, and the cumulative number is the larger."""
    if not m.group(2).isdigit() or not re.search(r"[а-яёіїєґ]", line, re.I):
        return False
    year_issue, cumulative = int(m.group(1)), int(m.group(2))
    return 1 <= year_issue <= 12 and cumulative >= 13 and cumulative > year_issue


def _name_year_pages(line: str) -> Dict[str, Any] | None:
    """'Hemşirelik Yüksekokulu Dergisi (2006) 64–71': a journal's name, the year in brackets and the
    pages, with no volume or issue; taken only when the name reads as a journal's."""
    m = _NAME_YEAR_PAGES.match(line)
    if not m:
        return _name_year(line)
    if not VENUE_WORDS.search(m.group(1).strip()) or not _ascending(m.group(3)):
        return None
    name = _journal(m.group(1))
    if not name:
        return None
    return {"page": _expand_range(re.sub(r"\s*[-–—]\s*", "-", m.group(3))), "issued": {"date-parts": [[int(m.group(2))]]},
            "container-title": name}


_NAME_YEAR = re.compile(rf"^\s*([^\W\d_][^\d()|]{{3,120}}?)[\s,.]+\(?({_YEAR})\)?\s*\.?\s*$")


def _name_year(line: str) -> Dict[str, Any] | None:
    """'Turkish Studies 2010': a journal's masthead with its year alone on the line; taken only when the
    name reads as a journal's (a kind of periodical at its start or end)."""
    m = _NAME_YEAR.match(line)
    if not m or not VENUE_WORDS.search(m.group(1).strip(" ,.")):
        return None
    name = _journal(m.group(1))
    return {"issued": {"date-parts": [[int(m.group(2))]]}, "container-title": name} if name else None


def _ascending(pages: str) -> bool:
    """'293-301': a first page before the last, and not two years ('2019-2020'); an article number 'e0123456'."""
    if re.fullmatch(r"e\d{4,9}", pages):
        return True
    first, last = (int(x) for x in re.split(r"\s*[-–—]\s*", pages))
    return first <= last and not (re.fullmatch(_YEAR, str(first)) and re.fullmatch(_YEAR, str(last)))


def _expand_range(pages: str) -> str:
    """'188-9' -> '188-189': a range printed with the last page's leading digits left out."""
    m = re.fullmatch(r"(\d+)-(\d+)", pages)
    if m and len(m.group(2)) < len(m.group(1)) and int(m.group(1)[-len(m.group(2)):]) < int(m.group(2)):
        return f"{m.group(1)}-{m.group(1)[:-len(m.group(2))]}{m.group(2)}"
    return pages


def _date(work: str, taken: List[Tuple[int, int]]) -> Tuple[List[int], int] | None:
    """The issue's date: month and year when printed together ('March 2020', '2020 Mar',
    '(Октябрь 2022)'), else a year standing alone; with the offset where it starts."""
    for pattern, y, mo, d in ((_MONTH_YEAR, 3, 2, 1), (_YEAR_MONTH, 1, 2, 3)):
        for m in pattern.finditer(work):
            month = month_number(m.group(mo))
            if not month and m.group(mo).lower() in _SEASONS:
                if not any(a < m.end() and m.start(mo) < b for a, b in taken):
                    return [int(m.group(y))], min(m.start(y), m.start(mo))
                continue
            if month and re.search(r"[-–/]\s*$", work[: m.start(mo)]):
                return [int(m.group(y))], m.start()  # a range of months ('Июль-сентябрь 2020'): the year
            if not month:
                continue
            start = m.start()
            if any(a < m.end() and start < b for a, b in taken):
                start = min(m.start(y), m.start(mo))  # the number before the month is the issue's ('no. 12, Dec. 2014')
                if any(a < m.end() and start < b for a, b in taken):
                    continue
            day = [int(m.group(d))] if start == m.start() and m.group(d) and 1 <= int(m.group(d)) <= 31 else []
            return [int(m.group(y)), month] + day, start
    for m in _YEAR_DASH_MONTH.finditer(work):  # ISO's year and month: 'Sustainable cities and society 2024-10'
        if not any(a < m.end() and m.start() < b for a, b in taken):
            return [int(m.group(1)), int(m.group(2))], m.start()
    for m in _MONTH_SLASH_YEAR.finditer(work):  # ResearchGate: 'Archives of Internal Medicine. 04/2005; 165(7)'
        if not any(a < m.end() and m.start() < b for a, b in taken):
            return [int(m.group(2)), int(m.group(1))], m.start()
    for m in _BARE_YEAR.finditer(work):
        if not any(a <= m.start() < b for a, b in taken):
            return [int(m.group(0))], m.start()
    return None


_LABEL_ONLY = re.compile(r"^(?:(?:year|date)\s+of\s+publication|publication\s+year|anno\s+di\s+pubblicazione|"
                         r"año\s+de\s+publicaci[óo]n|ano\s+de\s+publica[çc][ãa]o|год\s+(?:издания|публикации)|"
                         r"рік\s+(?:видання|публікації)|year|volume|vol|issue|год|том|номер|published(?:\s+in|\s+online)?|date|дата(?:\s+публикации)?|опубликовано|source|журнал|journal|in|"
                         r"архив(?:\s+номеров|\s+выпусков)?|архів(?:\s+номерів|\s+випусків)?|archives?|all\s+issues|past\s+issues)\s*[:.]?$", re.I)
# (a breadcrumb's 'Архив номеров / Номер 2, 2017' names the site's archive, not the journal)


# where a page says it found the record, not the journal ('Source: PubMed')
DATABASE = re.compile(r"^(?:pubmed|medline|pmc|europe\s+pmc|scopus|web\s+of\s+science|google\s+scholar|crossref|doaj|"
                      r"semantic\s+scholar|researchgate|elibrary(?:\.ru)?|cyberleninka|киберленинка|ринц)\.?$", re.I)


def journal_name(text: str) -> str | None:
    """The journal's name in a line that prints only it, or None for a menu, breadcrumb or sentence."""
    text = re.sub(r"^.*\blogo\s*link\s+to\s+", "", text, flags=re.I)  # PubMed Central: 'Nutrients logoLink to Nutrients'
    name = _journal(text)
    if not name or re.search(r"\b(?:open\s+access|research\s+article|article|journal\s+paper)\b|^(?:sec\.|section|раздел|рубрика)|"
                             r"^(?:autori|authors?|autor(?:es|en|zy)?|auteurs?|авторы?|автори|curatori|editors?)\b", name, re.I):
        return None
    return name


# words of journal names, never the authors of a running head
_TOPIC_WORDS = {"science", "sciences", "research", "society", "health", "medicine", "engineering", "technology",
                "education", "economics", "law", "policy", "history", "culture", "language", "literature", "art",
                "arts", "nature", "environment", "development", "management", "business", "physics", "chemistry",
                "biology", "psychology", "philosophy", "politics", "religion", "theory", "practice", "applications",
                # the adjectives journal names pair with 'and' ('Central and Eastern European ...')
                "central", "eastern", "western", "northern", "southern", "european", "american", "asian", "african",
                "international", "national", "applied", "clinical", "social", "economic", "political", "public",
                "general", "experimental", "theoretical", "environmental", "molecular", "cellular", "human",
                "modern", "contemporary", "comparative", "natural", "technical", "medical", "legal", "cultural"}


# a series or section after the journal's full stop belongs to its name ('Вестник ... университета. Серия 14. Психология')
_SERIES = re.compile(r"^(?:серия|серія|series|section|sección|série|reihe|part|сер\.)\b", re.I)
# a sentence's end inside the text: a lower-case word of four letters or more, its full stop, a capital
_SENTENCE_END = re.compile(r"(?<=[a-zа-яёіїєґß]{4})\.\s+(?=[A-ZА-ЯЁІЇЄҐ])")


def _citation_tail(text: str) -> str:
    """The journal at the end of a citation printed before the numbers: after GOST's '//', after
    GB/T 7714's '[J].', after a quoted title and its comma ('И. Ткаченко, «Проблемы ...», rfej'), or
    after the last sentence of text that reads as a sentence (it begins in lower case or holds a comma
    or a colon: '... функция почек. Рациональная Фармакотерапия в Кардиологии')."""
    text = re.split(r"//|\[J\]\s*[.,]?", text)[-1].strip()
    quoted = re.search(r"^.*[»”\"]\s*,\s*(?=\S)", text)
    if quoted and re.search(r"[«“\"]", text[:quoted.end() - 1].rstrip(" ,")[:-1]):
        text = text[quoted.end():]
    # ('Title: words, more | Journal. Series': a saved title's last part is read by _journal)
    ends = [] if " | " in text else [m for m in _SENTENCE_END.finditer(text) if not _SERIES.match(text[m.end():])]
    if ends:
        first = text[:ends[0].start()]
        authors = re.match(r"^[A-ZА-ЯЁІЇЄҐ][\w'’-]+,?\s+(?:[A-ZА-ЯЁІЇЄҐ]\.\s?){1,3}(?=\s*[,A-ZА-ЯЁІЇЄҐ])", text)
        if text[:1].islower() or re.search(r"[,:;]", first) or len(first.split()) >= 8 or authors:
            text = text[ends[-1].end():]
    return text


def _journal(text: str) -> str | None:
    """The journal's name printed before the numbers ('Вестник Томского университета. 2022.'),
    when what stands there reads as a name and not as a sentence or a label."""
    text = re.sub(r"^\(\d{1,2}\)\s*", "", text.strip())  # a PDF page number glued on: '(1)Revista ...'
    text = _citation_tail(text)
    text = re.sub(r"^(?:19|20)\d\d\s*[,.]\s*", "", text)  # '2013, International Journal on Digital Libraries, ...'
    # the label, its colon lost when a table was copied ('Published in日本公衆衛生雑誌')
    text = re.sub(r"^(?:логотип\s+журнала|journal\s+logo|logo)\s+", "", text.strip(), flags=re.I)  # a logo's alt text
    text = re.sub(r"^(?:published(?:\s+in(?:\s+the\s+journal)?|\s+online)?|erschienen\s+in|publicado\s+en|publié\s+dans|pubblicato\s+in|source|журнал|journal|in)(?:\s*[:.]\s*|(?=[^\x00-\u024f\s]))", "", text.strip(), flags=re.I)
    quoted = re.fullmatch(r"(?:журнал|journal|revista|revue|zeitschrift)\s+[\"«“]([^\"«»“”]{3,})[\"»”]", text.strip(" \t.,;:|"), re.I)
    if quoted:  # 'Журнал "Медицинский совет"': the name is what the quotes hold
        text = quoted.group(1)
    whole = re.fullmatch(r"[\"«“„]([^\"«»“”„]{3,})[\"»”]", text.strip(" \t,;:|"))
    if whole:  # the name in quotes before the number: '"ЭФФЕКТИВНАЯ ФАРМАКОТЕРАПИЯ. Педиатрия" №2'
        text = whole.group(1)
    if re.search(r"\s[»>]\s", text):  # a breadcrumb: the journal is its last step ('Journals » Journal of Pain Research »')
        text = [step for step in re.split(r"\s[»>]\s", text.strip(" »>")) if step.strip()][-1]
    # a running head names the authors first ('Zielinski and Halling BMC Res Notes', 'Kim et al. Trials')
    heads = re.match(r"^(?:\(\d\))?\s*([^\W\d_][\w'’-]+)(?:\s+(?:and|&)\s+([^\W\d_][\w'’-]+)|\s+et\s+al\.?),?\s+", text.strip())
    if heads and all(w[0].isupper() for w in heads.groups() if w) and not {w.lower() for w in heads.groups() if w} & _TOPIC_WORDS:
        # 'Science and Science of Science' is a name, and so is 'Live and bio-abiotic systems'
        text = text.strip()[heads.end():]
    text = re.split(r"\s(?:[ep]-?)?ISSN\b|\s(?:www\.|https?://)|\sdoi\s*:?\s*10\.", text, flags=re.I)[0]
    text = re.sub(r"\s*\((?:[A-Z]{2,10}|[А-ЯЁ, ]{3,20})\)\s*$", "", text.strip(" \t.,;:|"))  # '... (AJHSSR)', '(РИНЦ, ВАК)'
    text = re.split(r",\s*(?=(?:Springer|Elsevier|Wiley|Taylor\s*&\s*Francis|SAGE|Emerald|MDPI|Frontiers|De\s+Gruyter|"
                    r"Oxford\s+University\s+Press|Cambridge\s+University\s+Press|IEEE|ACM|Akad))", text)[0]
    text = re.sub(r"\s+@[\w.-]+$", "", text)  # a social handle after the name
    # the issue's kind after the name: 'Revista ..., Edição Especial', 'Journal of ... Special Issue'
    text = re.sub(r"[,.;:–—-]?\s*(?:(?:edição|edición|número|numero|fascicolo|volume)\s+especial|special\s+issue|"
                  r"numéro\s+spécial|sonderheft|спецвыпуск|специальный\s+выпуск|спецвипуск)\b.*$", "", text, flags=re.I)
    text = re.sub(r"\s+(?:Aims\s+and\s+scope|Submit\s+manuscript)\b.*$", "", text)  # SpringerLink's links after the name
    text = re.sub(r"\s*\(\s*impact\s+factor\b[^)]*\)", "", text, flags=re.I)  # ResearchGate: '... (Impact Factor: 13.25)'
    text = re.sub(rf"\s+\d{{1,2}}\s*/\s*{_YEAR}\s*$", "", text)  # the issue and year: 'Московский экономический журнал 3/2022'
    # the year and pages, or year and month, after the name: 'Dergisi (2006) 64–71', 'Sustainable cities and society 2024-10'
    text = re.sub(rf"\s*(?:\(\s*{_YEAR}\s*\)\s*\d{{1,5}}(?:\s*[-–—]\s*\d{{1,5}})?|\s{_YEAR}-(?:0[1-9]|1[0-2]))\s*$", "", text)
    # the issue's first month, cut from its range: 'Journal of ... Therapy: January/March 2016' (LWW)
    month = re.search(r"\s*[:,]\s*([^\W\d_]{3,10})\.?\s*/?\s*$", text)
    if month and month_number(month.group(1)):
        text = text[:month.start()]
    if " | " in text:  # a saved page's title line: 'Article title | Journal. 2021. № 72.'
        head, last = (part.strip(" |") for part in text.rsplit(" | ", 1))
        # (a table's label cell before it: '| Published in | 日本公衆衛生雑誌')
        labelled = re.fullmatch(r"(?:published\s+in|journal|source|журнал|источник)\s*:?", head, re.I)
        text = last if len(last.split()) >= 2 or (labelled and last) else text
    text = text.strip(" \t.,;:|–—-(/·•")
    if not text or _LABEL_ONLY.match(text) or not text[0].isalpha() or re.search(r"\s[/>»|]\s|\|", text):
        return None
    if re.search(r"^статья\b|\s(?:в|во|на|из|in|of|from)$|\b(?:HTML|PDF|XML|EPUB)\b", text, re.I):  # 'Статья в [выпуске]': a phrase cut short
        return None
    words = text.split()
    if len(words) > 16 or re.search(r"[a-zа-яё]{3,}\.\s+[A-ZА-Я][a-zа-яё]+(?:\s+[a-zа-яё]+){3,}", text):
        return None
    return text


# 'Pages 365-384 | Published online: ...': the article's pages on a line of their own
# 'Pages 5 - 12', 'Pages 5 - 12 | ...', 'Pages 5 - 12 Article suivant' (the rest is read on its own)
# (and the labels of other languages: 'P. 45-60', 'Págs.', 'Seiten', 'S.', 'Sayfalar', 'Hal.', 'Str.', 'Стор.', 'Page range',
# 'Pagination'; a single letter's label only before a range)
PAGES_LINE = re.compile(r"^\s*(?:pages?(?:\s+range)?|pp\.?|p\.|pagination|страницы|страниц|стр\.|с\.|сторінки|стор\.|págs?\.?|páginas|"
                        r"pagine|pag\.|seiten?|s\.|sayfa(?:lar)?|hal(?:aman)?\.?|str\.|strony|oldal(?:ak)?|sivut)\s*:?\s*"
                        r"(\d{1,6}(?:\s*[-–—]\s*|\s+(?:à|a|to)\s+)\d{1,6})\s*(?:\||$|(?=[^\W\d_]))", re.I)
# an article number alone on its line, which stands for the pages: 'Article number: 123456', 'Article ID 123456',
# 'Art. 123456', 'eLocator: e0123456'
ARTICLE_NUMBER_LINE = re.compile(r"^\s*(?:article\s*(?:id|number|no\.?|nr\.?|#)|art\.(?:\s*(?:no|nr)\.?)?|elocator|"
                                 r"número\s+de\s+art[íi]culo|numero\s+articolo|номер\s+статьи)\s*[:.]?\s*([A-Za-z]?\d{1,9})\s*\.?$", re.I)
PAGES = re.compile(r"^\s*(?:pp?\.\s*|С\.\s*)?(\d+)\s*[-–—]\s*(\d+)(?![\d.,/-])")  # what follows is read on its own
