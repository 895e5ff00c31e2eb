"""The labels article pages put before their parts, in English and Russian, and the split of
a page into labelled blocks. A label may end with ':' or '.', and its value may stand on the
same line or on the lines after it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Pattern, Tuple

from .issue import issue_facts

# kind -> label phrases (regular expressions, matched case-insensitively at a line start)
LABELS: Dict[str, Tuple[str, ...]] = {
    "abstract": (r"abstract(?:\s+and\s+keywords)?", r"summary", r"annotation", r"аннотация", r"резюме", r"реферат", r"анотація", r"аңдатпа",
                 r"resumo", r"resumen", r"résumé", r"zusammenfassung", r"abstrakt", r"streszczenie", r"riassunto",
                 # Turkish, Indonesian, South Slavic, Czech/Slovak, Romanian, Dutch, Swedish, Finnish, Hungarian,
                 # Chinese, Japanese, Korean
                 r"özet", r"öz", r"abstrak", r"sažetak", r"povzetek", r"apstrakt", r"souhrn", r"rezumat",
                 r"samenvatting", r"sammanfattning", r"tiivistelmä", r"összefoglal[óá]s?", r"absztrakt",
                 r"摘\s*要", r"内容提要", r"抄\s*録", r"要\s*旨", r"초\s*록", r"요\s*약"),
    "keywords": (r"(?:author\s+)?key[\s-]*words?(?:\s+and\s+phrases)?", r"ключевые\s+слова(?:\s+и\s+фразы)?", r"ключові\s+слова",
                 r"түйін(?:ді)?\s+сөздер", r"тірек\s+сөздер", r"ключови\s+думи", r"кључне\s+речи", r"ключавыя\s+словы",
                 r"palavras[\s-]chave", r"palabras\s+claves?", r"mots[\s-]cl(?:[ée]s|efs)", r"schlüsselwörter", r"schlagwörter",
                 r"stichwörter", r"słowa\s+kluczowe", r"parole[\s-]chiave", r"descritores", r"t[ée]rminos\s+clave", r"subject\s+terms",
                 r"key\s*phrases?", r"descriptores", r"descriptors",
                 r"index\s+terms", r"mesh\s+terms", r"kata(?:-kata)?\s+kunci", r"anahtar\s+(?:kelimeler|sözcükler)",
                 r"klíčová\s+slova", r"schlagworte", r"关键字", r"關鍵字", r"主题词", r"kľúčové\s+slová", r"kulcsszavak", r"ključne\s+(?:riječi|reči|besede)",
                 r"cuvinte[\s-]cheie", r"açar\s+sözlər", r"kalit\s+so[ʻ'’`]?zlar", r"nyckelord", r"trefwoorden", r"キーワード",
                 r"关键词", r"關鍵詞", r"주제어", r"핵심어", r"키워드"),
    "citation": (r"for\s+citation", r"for\s+citing", r"(?:to\s+)?cite\s+this\s+(?:article|paper)(?:\s+as)?",
                 r"how\s+to\s+cite(?:\s+this\s+(?:article|paper))?", r"(?:recommended|suggested)\s+citation(?:\s+for\s+this\s+(?:article|paper))?",
                 r"please\s+cite\s+(?:this\s+(?:article|paper)\s+)?as", r"cite\s+as", r"citation",
                 r"published\s+in\s+final\s+edited\s+form\s+as", r"для\s+цитирования", r"ссылка\s+для\s+цитирования",
                 r"образец\s+цитирования", r"цитировать", r"как\s+цитировать(?:\s+статью)?", r"ссылка\s+на\s+статью",
                 r"библиографическое\s+описание(?:\s+статьи)?(?:\s+для\s+цитирования)?", r"для\s+цитування", r"цитувати",
                 r"як\s+цитувати(?:\s+статтю)?", r"c[óo]mo\s+citar(?:\s+(?:este|o)\s+art[íi](?:culo|go))?", r"citar\s+(?:este|o)\s+art[íi](?:culo|go)",
                 r"pour\s+citer(?:\s+cet\s+article)?", r"come\s+citare(?:\s+questo\s+articolo)?", r"zitierhinweis",
                 r"zitiervorschlag", r"zitieren\s+als", r"jak\s+cytować(?:\s+ten\s+artykuł)?", r"atıf\s+için", r"bu\s+makaleye\s+atıf",
                 r"cara\s+(?:mengutip|sitasi)(?:\s+artikel\s+ini)?", r"jak\s+citovat", r"citace"),
    "title": (r"title(?:\s+of\s+(?:the\s+)?article)?", r"article\s+title", r"название(?:\s+статьи)?", r"заглавие(?:\s+статьи)?"),
    "byline": (r"authors?", r"author\(s\)", r"creators?", r"авторы", r"автор", r"автор\(ы\)", r"автори", r"autor(?:es)?", r"著者",
               r"verfasst\s+von", r"autori(?:/curatori)?", r"auteurs?"),
    "publisher": (r"publisher", r"издатель", r"издательство", r"видавець", r"editora", r"editorial", r"verlag"),
    "journal": (r"journal", r"journal\s+(?:title|name)", r"source(?:\s+title)?", r"published\s+in", r"журнал", r"источник", r"название\s+журнала",
                r"видання", r"назва\s+журналу", r"erschienen\s+in", r"publicado\s+en", r"publié\s+dans", r"pubblicato\s+in",
                r"revista", r"revue", r"rivista", r"titolo\s+rivista", r"zeitschrift", r"czasopismo", r"časopis", r"dergi",
                r"jurnal", r"periódico", r"nama\s+jurnal", r"naziv\s+časopisa"),
    # numbers printed each after its own label ('Том:18', 'Номер:3', 'Год издания:2013')
    "volume": (r"volume", r"vol", r"том", r"volumen", r"tome", r"tomo", r"band", r"jahrgang", r"cilt", r"jilid", r"ročník",
               r"rocznik"),
    "issue": (r"issue", r"number", r"номер", r"выпуск(?:\s+журнала)?", r"випуск", r"número", r"numéro", r"numero", r"nomor",
              r"sayı", r"heft", r"zeszyt", r"číslo", r"broj", r"fascicolo"),
    "year": (r"year(?:\s+of\s+publication)?", r"publication\s+year", r"год(?:\s+(?:издания|публикации))?", r"рік(?:\s+видання)?",
             r"año", r"ano", r"anno(?:\s+di\s+pubblicazione)?", r"année", r"tahun", r"yıl", r"rok", r"jahr"),
    "first-page": (r"first\s+page", r"start\s+page", r"первая\s+страница", r"начальная\s+страница"),
    "last-page": (r"last\s+page", r"end\s+page", r"последняя\s+страница", r"конечная\s+страница"),
    "place": (r"place\s+of\s+publication", r"место\s+издания", r"местоположение\s+издательства"),
    "references": (r"references", r"bibliography", r"list\s+of\s+references", r"literature", r"sources",
                   r"список\s+(?:использованной\s+)?литературы", r"список\s+источников", r"литература",
                   r"библиографический\s+список", r"список\s+літератури", r"література"),
    "authors": (r"about\s+(?:the\s+)?authors?", r"information\s+about\s+(?:the\s+)?authors?", r"author\s+information",
                r"об\s+авторах", r"об\s+авторе", r"сведения\s+об\s+авторах?", r"информация\s+об\s+авторах?"),
    "contributions": (r"contribution\s+of\s+(?:the\s+)?authors?", r"authors?['’]?\s+contributions?",
                      r"author\s+contributions?", r"contribution\s+of\s+the\s+authors", r"credit\s+authorship\s+contribution\s+statement",
                      r"(?:заявленный\s+)?вклад\s+авторов?", r"вклад\s+соавторов"),
    "conflict": (r"conflicts?\s+of\s+interests?", r"competing\s+interests?", r"declaration\s+of\s+competing\s+interests?",
                 r"конфликт\s+интересов"),
    "data": (r"availability\s+of\s+data\s+and\s+materials?", r"data\s+availability(?:\s+statement)?",
             r"доступность\s+данных(?:\s+и\s+материалов)?"),
    "funding": (r"funding", r"financing", r"financial\s+support", r"финансирование", r"источник\s+финансирования",
                r"источники\s+финансирования"),
    "acknowledgements": (r"acknowledge?ments?", r"благодарности", r"благодарность"),
    "doi": (r"doi",),
    "url": (r"(?:stable\s+|article\s+)?url", r"permalink", r"permanent\s+link", r"постоянная\s+ссылка", r"ссылка\s+на\s+статью\s*\(url\)"),
    "edn": (r"edn",),
    "udc": (r"удк\s*/\s*udc", r"udc\s*/\s*удк", r"udc", r"удк"),
    "pages": (r"pages", r"страницы", r"номера\s+страниц", r"páginas", r"pagine", r"seiten", r"halaman", r"strony", r"sayfa",
              r"сторінки", r"stránky"),
}

# Labels whose value may follow after a plain space
VALUE_AFTER_SPACE = {"doi", "edn", "udc", "url"}

# Blocks whose content runs over several paragraphs until the next label
MULTI_PARAGRAPH = {"abstract", "references", "authors", "contributions"}
# Labels whose value is one line: on the label's own line, or else the next line with text;
# the lines after it are the page's next part ('DOI: 10.1/x' then the title, unseparated)
ONE_LINE = {"doi", "edn", "udc", "pages", "title", "byline", "journal", "url", "publisher"} | {
    "volume", "issue", "year", "first-page", "last-page", "place"}
# labels that are common words: they count only with their colon ('Volume: 12', not 'Volume 12 of ...')
NEEDS_COLON = ("title", "byline", "journal", "publisher", "volume", "issue", "year", "first-page", "last-page", "place")
NUMBER_KINDS = ("volume", "issue", "year", "first-page", "last-page")
# a list's bullet before a label ('- Автор:Широкова В.А.', '• Journal: ...')
BULLET = re.compile(r"^\s*[-•·▪*]\s+")


def _compile() -> List[Tuple[str, Pattern[str]]]:
    out = []
    for kind, phrases in LABELS.items():
        alt = "|".join(phrases)
        # the label, then ':' / '.' / ' –' or the end of the line; never a label inside a word.
        # Identifier labels may be followed by their value after a plain space ("UDC 327.3").
        space = r"|\s+(?=\S)" if kind in VALUE_AFTER_SPACE or kind == "keywords" else ""
        if kind == "abstract":  # 'ABSTRACT Linking neural ...': a heading in capitals needs no colon
            space = r"|(?-i:(?<=ABSTRACT)|(?<=АННОТАЦИЯ)|(?<=SUMMARY)|(?<=RESUMO)|(?<=RESUMEN)|(?<=RÉSUMÉ)|(?<=ÖZET)|(?<=ABSTRAK)|(?<=SAŽETAK)" \
                    r"|(?<=STRESZCZENIE)|(?<=ZUSAMMENFASSUNG)|(?<=АНОТАЦІЯ)|(?<=РЕФЕРАТ)|(?<=РЕЗЮМЕ))\s+(?=[A-ZА-ЯЁÀ-ÖØ-ÞİŞĞÇÜ])" \
                    r"|\s+(?=[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af])"  # 'Abstract 目的 本研究は': CJK text has no capitals
        # (IEEE glues a dash to its labels: 'Abstract—This paper', 'Index Terms—OFDM'); an abstract's or keywords'
        # label may name its language ('Аннотация (русский):', 'Keywords (English):'); Chinese pages put the
        # label in lenticular brackets ('【摘要】 抑郁症是…') and use the full-width colon ('摘要：')
        language = r"(?:\s*\([^()\d]{2,30}\))?" if kind in ("abstract", "keywords") else ""
        out.append((kind, re.compile(rf"^\s*(?:【\s*(?:{alt})\s*】|(?:{alt}){language}\s*(?::|：|\.(?!\w)|\s[–—-]\s|—|${space}))\s*",
                                     re.I)))
    return out


_PATTERNS = _compile()


_CJK_START = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def _bare_keywords_label(label: str, rest: str) -> bool:
    """A keywords label without its colon ('Key Words Nursing Practice, Skillful, ...', 'キーワード 看護技術,技,美'):
    printed as a heading (capitalised or in CJK) and followed by a list, two separators at least and no sentence."""
    heading = label.strip()[:1].isupper() or bool(_CJK_START.match(label.strip()))
    return heading and (rest[:1].isupper() or bool(_CJK_START.match(rest))) and len(re.findall(r"[,;，、；]", rest)) >= 2 and not _running_text(rest)


def match_label(line: str) -> Tuple[str, str] | None:
    """(kind, rest of the line after the label) when the line starts with a label."""
    line = BULLET.sub("", line)
    for kind, pat in _PATTERNS:
        m = pat.match(line)
        if m:
            rest = line[m.end():].strip()
            # a bare word like "Sources" or "Literature" counts only alone on its line
            if kind in ("references", "abstract", "funding", "acknowledgements") and rest \
                    and not line[: m.end()].rstrip().endswith((":", ".", "：", "】")) and not (kind == "abstract" and (
                        line[: m.end()].strip().isupper() or _CJK_START.match(rest)) and not _CJK_START.match(line.strip())):
                continue  # (a CJK label needs its colon or brackets: '要旨 本報告の…' may be a record's first line)
            # field labels need their colon ('Title:', 'Authors:', 'Journal:', 'Citation:'): alone
            # these words are headings or running text
            label = line[: m.end()]
            alone = not rest and kind in ("title", "byline", "journal", "publisher")  # 'Authors' on its own line, the names below
            if ":" not in label and not alone and (kind in NEEDS_COLON or (
                    kind == "citation" and re.match(r"^\s*(?:citation|cite\s+as|цитировать|цитувати)\b", label, re.I))):
                continue
            if kind == "keywords" and rest and not re.search(r"[:：.—–-]\s*$", label) and not label.strip().startswith("【") \
                    and not _bare_keywords_label(label, rest):
                continue
            if kind in NUMBER_KINDS and ("|" in rest or len(rest) > 60 or re.search(r"\s[^\W\d_]{2,}\s*:\s*\S", rest)):
                first = re.split(r"\s+\|\s+", rest)[0]
                if issue_facts(line) or not re.fullmatch(r"\d{1,4}", first):
                    continue  # 'Year : 2018 | Volume : 16 | Issue : 1', 'Yıl:2018   Sayı: 15': an issue line, read whole
                return kind, first  # 'Рік видання: 2009 | Кількість сторінок: 500': the year, then a field of no use here
            if kind in ("doi", "edn") and rest and not re.match(r"(?:https?://|10\.|[A-Za-z]{6}\b)", rest):
                continue
            if kind == "url" and not re.match(r"https?://\S+$", rest):
                continue
            return kind, rest
    return None


@dataclass
class Block:
    kind: str           # a label kind, or "head" (before the first label) / "text" (unlabelled)
    first_line: int     # 1-based line of the label (or of the first line of text)
    lines: List[Tuple[int, str]] = field(default_factory=list)  # (1-based line, text)

    @property
    def text(self) -> str:
        return "\n".join(t for _, t in self.lines).strip()

    def paragraphs(self, starts: Pattern[str] | None = None) -> List[Tuple[int, str]]:
        """(first line, text) of each paragraph: blank lines separate them, and so does a line
        matching ``starts`` (e.g. the next section of a structured abstract)."""
        out: List[Tuple[int, str]] = []
        start = 0
        buf: List[str] = []
        for n, t in self.lines + [(0, "")]:
            if buf and starts is not None and starts.match(t.strip()):
                out.append((start, " ".join(buf)))
                buf = []
            if t.strip():
                if not buf:
                    start = n
                buf.append(t.strip())
            elif buf:
                out.append((start, " ".join(buf)))
                buf = []
        return out


# section headings as pages list them in a navigation menu ('Navigate This Article')
SECTION_HEADING = re.compile(
    r"^\s*(?:abstract|introduction|background|methods?|materials\s+and\s+methods|results?|discussion|conclusions?|"
    r"results\s+and\s+discussion|limitations|tables?|figures?|figures\s*(?:&|and)\s*tables|supplementary\s+materials?|"
    r"references|acknowledge?ments?|author\s+information|article\s+information|metrics|cited\s+by|related\s+articles|"
    r"full\s+text|введение|методы|материалы\s+и\s+методы|результаты|обсуждение|заключение|выводы|"
    r"список\s+литературы|литература|аннотация)\s*$", re.I)


def menu_lines(lines: List[str]) -> set[int]:
    """Lines (1-based) of a navigation menu: three or more section headings in a row, each
    alone on its line. Their label words ('Abstract', 'References') open no block."""
    menu: set[int] = set()
    run: List[int] = []
    for n, line in enumerate(lines + [""], 1):
        if line.strip() and SECTION_HEADING.match(line):
            run.append(n)
            continue
        if len(run) >= 3:
            menu.update(run)
        run = []
    return menu


# a metadata dump on one line: 'authors: Jamshidi, B.; ... title: Analysis ... date: 2021-04-23 journal: nan DOI: 10.1101/...'
_INLINE_KEY = re.compile(r"(?:^|(?<=\s))([A-Za-z_]{2,12}):\s")
_INLINE_KINDS = {"authors": "byline", "author": "byline", "title": "title", "journal": "journal", "doi": "doi",
                 "abstract": "abstract", "keywords": "keywords", "volume": "volume", "issue": "issue", "year": "year",
                 "pages": "pages", "date": "date"}


def inline_fields(line: str) -> List[Tuple[str, str]]:
    """[(kind, value)] of a line holding three or more 'key: value' fields of the record, else [].
    Unknown keys ('sha: 0aede...') stay text; empty values ('nan', 'none') are dropped."""
    keys = list(_INLINE_KEY.finditer(line))
    if sum(m.group(1).lower() in _INLINE_KINDS for m in keys) < 3:
        return []
    if "|" in line and issue_facts(line):  # 'Year: 2017 | Volume: 16 | Issue: 9 | Page No.: 328-335': an issue line, read whole
        return []
    out: List[Tuple[str, str]] = []
    if line[: keys[0].start()].strip():
        out.append(("text", line[: keys[0].start()].strip()))
    for m, nxt in zip(keys, keys[1:] + [None]):
        value = line[m.end(): nxt.start() if nxt else len(line)].strip()
        kind = _INLINE_KINDS.get(m.group(1).lower())
        if kind is None:
            out.append(("text", f"{m.group(1)}: {value}"))
        elif kind == "date":
            out.append(("text", f"Published: {value}"))  # the record's date, read as a publication date
        elif value.lower() not in ("nan", "none", "null", "n/a", "-", ""):
            out.append((kind, value))
    return out


# a keywords label run into the line after a sentence (PDF text: '... is presented. Keywords: OFDM,
# software radio. 1. INTRODUCTION ...'): with its colon or dash in any language, or, capitalised as a
# heading, before the first keyword without one ('... presented. Keywords OFDM, ...')
RUN_IN_KEYWORDS = re.compile(
    r"(?<=[.!?)»\"”])\s+(?:(?i:%s)\s*(?::|\s[–—-]\s|—)|(?:Keywords|Key\s+words|KEYWORDS|KEY\s+WORDS|Index\s+Terms)\s+"
    r"(?=[^\W\d_]))\s*" % "|".join(LABELS["keywords"]))
# where such a list ends: the sentence after it ('... функция почек. Рациональная Фармакотерапия ...'),
# a JEL line, or the body's first numbered section
RUN_IN_KEYWORDS_END = re.compile(r"\.\s+(?=\S)|[,;]?\s+JEL\b|\s+1\.?\s+(?:Introduction|INTRODUCTION|Введение|ВВЕДЕНИЕ)\b")


def run_in_keywords(line: str) -> Tuple[str, str, str] | None:
    """(text before, the keyword list, text after) of a line with a keywords label inside it."""
    m = RUN_IN_KEYWORDS.search(line) if len(line) < 20_000 else None
    if not m or not line[: m.start()].strip():
        return None
    end = RUN_IN_KEYWORDS_END.search(line, m.end())
    stop = end.start() + (1 if line[end.start()] == "." else 0) if end else len(line)
    return line[: m.start()].rstrip(), line[m.end(): stop].strip(), line[stop:].strip(" ,;")


# JSTOR's cover page run together on one line (PDF text): 'TITLE Author(s): NAMES Source: JOURNAL, Vol. 23,
# No. 2 (Jun., 1963), pp. 67-73 Published by: ... Stable URL: ... Accessed: ...', the spaces before
# the labels often lost ('MirrorAuthor(s): David S. BrownSource: ...')
_JSTOR_LABELS = (("byline", "Author(s):"), ("journal", "Source:"), ("publisher", "Published by:"),
                 ("url", "Stable URL:"), ("accessed", "Accessed:"))


def jstor_cover(line: str) -> List[Tuple[str, str]]:
    """[(kind, value)] of JSTOR's cover run together on one line, else []: the labels found in their
    order (Author(s) and Source at least), each value up to the next label."""
    if "Author(s):" not in line or "Source:" not in line or len(line) > 2000:
        return []
    found: List[Tuple[str, int, int]] = []  # kind, where its label starts, where its value starts
    at = 0
    for kind, label in _JSTOR_LABELS:
        i = line.find(label, at)
        if i >= 0:
            found.append((kind, i, i + len(label)))
            at = i + len(label)
    if [k for k, _, _ in found[:2]] != ["byline", "journal"]:
        return []
    out = [("title", line[: found[0][1]].strip())] if line[: found[0][1]].strip() else []
    for (kind, _, start), nxt in zip(found, found[1:] + [("", len(line), 0)]):
        value = line[start: nxt[1]].strip(" .")
        if not value:
            continue
        # the reader's visit, never a date of the article
        out.append(("text", f"Accessed: {value}") if kind == "accessed" else (kind, value))
    return out


# a label glued to the end of the text before it, its value on the next lines (an HTML page's cells run
# together: 'https://doi.org/10.23887/jisd.v6i1.43470Keywords:' / 'active learning, textbookAbstract' / 'The ...')
_GLUED_LABEL = re.compile(r"(?<=[a-z0-9а-яё.)])(Keywords|Key\s?words|Abstract|Ключевые\s+слова|Аннотация|Ключові\s+слова|Анотація|"
                          r"Resumen|Resumo|Palavras-chave|Palabras\s+clave|Kata\s+kunci|Mots-clés|Résumé|Schlüsselwörter|Zusammenfassung|"
                          r"Słowa\s+kluczowe|Streszczenie|Parole\s+chiave|Riassunto|Klíčová\s+slova|Abstrakt|Anahtar\s+[Kk]elimeler|Özet)\s*:?\s*$")


def unglue_labels(lines: List[str]) -> List[str]:
    """Each label glued to the end of a line moved to the start of the next line with text, with a
    colon, so it reads as a label there; the number of lines stays."""
    out = list(lines)
    for i, line in enumerate(out):
        m = _GLUED_LABEL.search(line) if len(line) < 2000 else None
        if not m or not line[:m.start()].strip():
            continue
        j = next((k for k in range(i + 1, min(i + 4, len(out))) if out[k].strip()), None)
        if j is None or match_label(out[j]):
            continue
        out[i] = line[:m.start()]
        out[j] = f"{m.group(1)}: {out[j].strip()}"
    return out


def split_blocks(lines: List[str]) -> List[Block]:
    """The page as blocks: one per label, with the text up to the next label. A one-line
    label (Keywords, DOI, Conflict of interest...) owns only its own paragraph."""
    lines = unglue_labels(lines)
    blocks: List[Block] = [Block("head", 1)]
    menu = menu_lines(lines)
    keywords_seen = False  # a run-in label counts only before any keywords block: later ones are body text
    for n, line in enumerate(lines, 1):
        dump = (jstor_cover(line) or inline_fields(line)) if len(line) < 20_000 and ": " in line else []
        if dump:
            blocks.extend(Block(kind, n, [(n, value)]) for kind, value in dump)
            continue
        keywords_seen = keywords_seen or blocks[-1].kind == "keywords"
        run_in = run_in_keywords(line) if n not in menu and not keywords_seen else None
        if run_in and run_in[1]:
            before, keywords, after = run_in
            _place(blocks, n, before, menu)
            blocks.append(Block("keywords", n, [(n, keywords)]))
            if after:
                blocks.append(Block("text", n, [(n, after)]))
            continue
        _place(blocks, n, line, menu)
    return [b for b in blocks if b.kind != "text" or b.text]


# the first section of a structured abstract printed without its label ('Introduction: tuberculosis (TB) is ...')
SECTION_START = re.compile(r"^\s*(?:Background|Objectives?|Purpose|Aims?|Introduction|Context|Цель|Введение|Актуальность|"
                           r"Introducción|Objetivos?|Introdução)\s*:\s+\S.{40,}")


def _place(blocks: List[Block], n: int, line: str, menu: set[int]) -> None:
    """Line n of the page: the start of a labelled block, or a line of the current one."""
    hit = match_label(line) if n not in menu else None
    if hit:
        kind, rest = hit
        blocks.append(Block(kind, n, [(n, rest)] if rest else []))
        return
    current = blocks[-1]
    if current.kind in ONE_LINE and line.strip() and any(t.strip() for _, t in current.lines):
        blocks.append(Block("text", n, [(n, line)]))
        return
    if current.kind == "citation" and SECTION_START.match(line) and any(t.strip() for _, t in current.lines):
        blocks.append(Block("text", n, [(n, line)]))  # a structured abstract's first section is no part of a citation
        return
    if current.kind not in MULTI_PARAGRAPH and current.kind not in ("head", "text"):
        has_value = any(t.strip() for _, t in current.lines)
        if not line.strip() and has_value:
            blocks.append(Block("text", n + 1))
            return
        if line.strip() and has_value and not current.lines[-1][1].strip():
            blocks.append(Block("text", n, [(n, line)]))
            return
    current.lines.append((n, line))


_SEPARATED = re.compile(r"[,;，、；·•|]")


def keyword_list_end(texts: List[str]) -> int:
    """How many of a keywords block's lines are the list: a list set apart by separators ends at
    the first line with none that reads as the next part of the page, a heading ('Introduction',
    '1. Вступ') or a sentence of running text, unless the line before it broke off inside a term
    ('..., social' / 'networks')."""
    if not texts or not _SEPARATED.search(texts[0]):
        return len(texts)
    for i in range(1, len(texts)):
        text = texts[i].strip()
        if _SEPARATED.search(text) and not _running_text(text):
            continue
        words = text.split()
        broken_term = not re.search(r"[,;，、；.]\s*$", texts[i - 1]) and len(words) <= 3 and (
            text[:1].islower() or text.endswith("."))  # ('... Información y la' / 'Comunicación.')
        if broken_term:
            continue
        if (text[:1].isupper() or text[:1].isdigit()) and len(words) <= 8 or len(words) >= 10:
            return i
    return len(texts)


def _running_text(text: str) -> bool:
    """A sentence, commas and all ('Moral dilemmas, situations in which two or more ethically justifiable
    courses of action exist, arise daily ...'): a piece between separators longer than any term, or a
    full stop between two sentences."""
    pieces = _SEPARATED.split(text)
    return any(len(p.split()) > 8 for p in pieces) or bool(re.search(r"[^\W\d_]{3}\.\s+[A-ZА-ЯЁ][^\W\d_]*\s+[^\W\d_]", text))


# the headings a keyword list runs into on a PDF page's one line: the body's first section, or the abstract
# in the page's other language
_HEADING_AFTER_KEYWORDS = re.compile(
    r"\b(?:Introduction|INTRODUCTION|Введение|ВВЕДЕНИЕ|Вступ|ВСТУП|Wstęp|WSTĘP|Einleitung|Pendahuluan|PENDAHULUAN|Giriş|GİRİŞ|"
    r"Introducción|Introdução|Introduzione|Úvod|Uvod|Abstract|ABSTRACT|Аннотация|Анотація|Summary|Resumo|Resumen|Abstrak|"
    r"Özet|Streszczenie)\b")


def cut_running_tail(value: str) -> Tuple[str, str]:
    """(the keywords, the text after them) of a list set apart by separators whose last term runs on into
    the page's next part without a stop ('..., gospodarstwa indywidualne Wstęp Substancja organiczna ...',
    '..., пищевая аллергия у детей Первый год жизни ребенка ...'): the last piece, longer than a term, is cut
    before a heading word, else before the first capitalised word after a word in small letters."""
    pieces = re.split(r"(?<=[,;，、；])", value)
    if len(pieces) < 3:
        return value, ""
    last = pieces[-1]
    words = last.split()
    if len(words) <= 6:
        return value, ""
    m = _HEADING_AFTER_KEYWORDS.search(last)
    if m and last[: m.start()].strip():
        at = m.start()
    else:
        at = -1
        for k, (prev, word) in enumerate(zip(words, words[1:])):  # (not after 'de la', 'of the': 'Tecnologías de la Información')
            if prev[:1].islower() and len(prev) > 3 and word[:1].isupper() and len(words) - k >= 5:
                at = last.index(f"{prev} {word}") + len(prev) + 1
                break
        if at < 0:
            return value, ""
    head = "".join(pieces[:-1]) + last[:at]
    return head.rstrip(), last[at:].strip()


def _short_terms(parts: List[str]) -> bool:
    parts = [p.strip() for p in parts]
    return len(parts) >= 3 and all(p and len(p.split()) <= 6 for p in parts)


def keyword_separators(value: str) -> str:
    """A keyword list set apart by what is not a comma or a semicolon, written with semicolons: bars
    ('a | b | c'), hyphens or dashes with spaces ('a - b - c'), or full stops between capitalised terms
    ('Metaphor. Transposition. Synaesthesia.'); a list that already has commas or semicolons is left."""
    if re.search(r"[,;，、；]", value):
        return value
    for separator in (r"\s+\|\s+", r"\s+[-–—]\s+"):
        parts = re.split(separator, value.strip())
        if _short_terms(parts):
            return "; ".join(p.strip() for p in parts)
    parts = re.split(r"(?<=[^\W\d_]{3})\.\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ])", value.strip().rstrip("."))
    if _short_terms(parts):
        return "; ".join(p.strip() for p in parts)
    return value


# a keywords label at the start of a line, with or without its colon ('Keywords metaphor; ...')
KEYWORDS_LABEL_START = re.compile(r"^\s*(?:(?i:%s))\s*[:.—–-]?\s+(?=\S)" % "|".join(LABELS["keywords"]))
