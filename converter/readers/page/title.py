"""Choosing the article's title among the page's unlabelled lines, by evidence.

A saved page starts with whatever the site prints first: menus, breadcrumbs, the journal's
name, an issue line, a section heading ("Original Article"), then the title, the byline and
the abstract. Every loose line before the abstract is a candidate; each is scored on what
a reader would use: it stands next to the byline or the abstract, it agrees with the page's
own citation line, it is of title length, and it is not a menu, breadcrumb, section heading
or the journal's name."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Dict, List, Sequence, Tuple

from ...vocabulary.casing import sentence_case_from_capitals
from ...vocabulary.languages import guess_language, is_cyrillic
from .bylines import parse_byline_marked
from .names import known_given
from .people import fold  # letters and digits only, case-folded, accents ignored

# Lines that are page furniture, not titles: site menus, section and article-type headings
_MENU_ITEMS = (
    r"(?:home|about(?:\s+(?:the\s+)?journal|\s+us)?|archives?|current(?:\s+issue)?|issues?|search|log\s*in|login|"
    r"register|submissions?|announcements|contacts?|editorial\s+(?:board|team|policy)|for\s+authors|"
    r"for\s+readers|open\s+access|full\s*text(?:\s+(?:pdf|html))?|pdf|html|xml|download(?:\s+\w+)?|share|print|"
    r"view|citation|cite|metrics|figures?|tables?|references?|article(?:\s+(?:info|metrics|tools))?|"
    r"(?:original|research|review|short|brief|case|editorial)\s+(?:article|paper|report|communication)s?|"
    r"research|review|articles?|editorial|original\s+research|main\s+menu|menu|skip\s+to\s+\w+(?:\s+\w+)?|"
    r"главная|о\s+журнале|архив(?:\s+номеров)?|текущий\s+выпуск|поиск|вход|регистрация|авторам|"
    r"редакция|редакционная\s+коллегия|контакты|статьи|научная\s+статья|оригинальная\s+статья|"
    r"обзорная\s+статья|обзор|статья|рубрика|аннотация|полный\s+текст|скачать(?:\s+\w+)?|"
    r"research\s+article|open\s+access\s+article|preview|advanced\s+search|contents?|table\s+of\s+contents|"
    r"расширенный\s+поиск|содержание|перейти\s+к|меню|навигация|подписка|оформить\s+подписку|"
    r"опубликовать\s+статью(?:\s*\|\s*оформить\s+подписку)?|journal\s+(?:paper|article)|publication\s+type|"
    r"general\s+information|details|number\s+of\s+citations|научная\s+статья\s+на\s+тему|"
    r"author\s+guidelines|submit\s+(?:a\s+)?manuscript|aims\s+and\s+scope|about\s+this\s+journal|articles\s+in\s+press)")
FURNITURE = re.compile(rf"^(?:{_MENU_ITEMS}|indexed\s+in\s+[\w\s]+)\s*[.:]?$", re.I)
# several menu items run together on one line ('Table of Contents Author Guidelines Submit a Manuscript')
MENU_RUN = re.compile(rf"^(?:{_MENU_ITEMS}\s*[|•·,/]?\s*){{2,}}$", re.I)
NAVIGATION = re.compile(r"^(?:back\s+to\s+(?:the\s+)?\w+|skip\s+\w+|download(?:\s+the\s+article|\s+pdf)?|full\s+text|home|"
                        r"pdf|html|xml|share|print|назад|скачать(?:\s+статью)?|полный\s+текст|вернуться|"
                        r"navigation\s*[–—-]\s*(?=\w)|plan\s+du\s+site|site\s*map)\b", re.I)  # 'Navigation – Plan du site' (OpenEdition)
BREADCRUMB = re.compile(r"\s[/>»|→]\s|^[/>»|]|\s[/>»|]$")
# chrome phrases that never occur in a title
CHROME = re.compile(r"^(?:логотип|logo)\b|opens\s+in\s+a\s+new\s+window|print\s+this\s+page|e-?mail\s+this\s+page|font\s+size|\blog\s*in\s+to\b|\blogin\b|\bpublications\b.*\bcitations\b|"
                    r"view\s+project|uploaded\s+by|\bformat\s+journal\s+article|main\s+authors|get\s+full\s+text|requested\s+enhancement|downloaded\s+file|"
                    r"cookies?\b|javascript|your\s+browser\s+does\s+not|sign\s+in|log\s+in|logo\s*link|rights\s*&\s*permissions|"
                    r"source\s+of\s+support|conflict\s+of\s+interest|email\s+protected|^address\s+for\s+correspondence|"
                    r"^correspond(?:ing|ence)\b|^автор\s+для\s+переписки|закрывая\s+это\s+сообщение|надоели\s+баннеры|"
                    r"content\s+may\s+be\s+subject\s+to\s+copyright|^you\s+are\s+on\s+page\s+\d", re.I)  # ResearchGate's stamp on a PDF
# the words of a field's label ('Article history:', 'Correspondence Address:', 'Рубрика:')
FIELD_WORD = re.compile(r"\b(?:histor\w*|address\w*|correspond\w*|contact\w*|e-?mail|phone|tel|fax|note\w*|info\w*|source|"
                        r"section|category|type|status|received|accepted|published|citation|cite|keywords?|doi|issn|isbn|"
                        r"edn|udc|author\w*|affiliation\w*|funding|rubric|subject\w*|topic|language|pages?|volume|issue|"
                        r"year|date|рубрика|раздел|розділ|тема|автор\w*|ключевые|дата|удк|язык|источник|статья|article)\b", re.I)
# a journal's or a site's name rather than an article's title
VENUE = re.compile(r"^(?:the\s+)?(?:international\s+|american\s+|european\s+|british\s+)?(?:journal|revista|revue|zeitschrift|"
                   r"annals|bulletin|proceedings|transactions|вестник|известия|журнал|сайт|centers?\s+for)\b|"
                   r"\b(?:journal|review|magazine|вестник)\s*(?:\([A-Z]+\))?$|\bвестник\b|\bjournal\s+of\b|"
                   r"научное\s+обозрение|\bвопросы\s+\w+", re.I)
ARTICLE_TYPE_PREFIX = re.compile(r"^(?:(?:research|original|review|short)\s+(?:article|paper|communication)|"
                                 r"open\s+access|perspective\s+article|научная\s+статья|оригинальная\s+статья)\s+", re.I)
DOWNLOAD_QUOTED = re.compile(r"^(?:download|скачать|завантажити|télécharger|descargar|baixar)\s+[\"“«„](.{10,}?)[\"”»“]\s*$", re.I)
# the same button on the PDF-hosting sites of one template ('Download & View Title as PDF for free.')
DOWNLOAD_VIEW = re.compile(r"^download\s*&\s*view\s+(.{10,}?)\s+as\s+pdf(?:\s+for\s+free)?\s*\.?\s*$", re.I)
SECTION_RUN_IN = re.compile(r"^(?:introduction|background|введение|вступ|вступление|einleitung|introducción|introdução)\s*[.:]\s+\S", re.I)
PRONOUN_START = re.compile(r"^(?:we|our|in\s+this|this\s+(?:paper|study|article)|here\s+we|в\s+статье|в\s+работе)\b", re.I)
DATE_IN_LINE = re.compile(r"\b\d{1,2}\s+[A-Za-zА-Яа-я]{3,9}\.?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+[A-Z][a-z]{2}\b|"
                          r"\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b")
HISTORY_START = re.compile(r"^(?:received|accepted|revised|published|submitted|поступила|принята|опубликована)\b", re.I)
SECTION_LINE = re.compile(r"^(?:sec\.|section\s*:|раздел\s*:|рубрика\s*:?)\s", re.I)
# words a wrapped title line can end on, its next line carrying on the phrase
CONNECTORS = {"a", "an", "the", "of", "in", "on", "for", "and", "or", "to", "with", "by", "from", "at", "as", "during",
              "between", "among", "into", "via", "versus", "vs", "и", "в", "на", "по", "для", "с", "о", "об", "от", "к",
              "из", "как", "при", "у", "та", "і", "й", "з", "із", "до", "ve", "ile", "için", "de", "la", "el", "e", "y", "do", "da", "dos", "das", "des", "du", "et", "und", "der"}
# the learned line model's say: its probability that a line is the title, above MODEL_EVEN,
# adds up to MODEL_WEIGHT points (set by cross-validation on the development pages, tools/pagemodel;
# session 13: 4.5 read two more titles of 365 both 5-fold by page and leaving each batch out, 2.0 and
# 6.0 none; not taken: within noise, and it moved a page's title so that its byline was lost)
MODEL_WEIGHT = 3.0
MODEL_EVEN = 0.3
SECTION_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+[A-ZА-Я]")


@dataclass
class Candidate:
    index: int        # order among the page's loose lines
    line: int         # 1-based line on the page
    text: str
    score: float = 0.0
    heading: bool = False  # printed as a first-level heading ('# Title')
    last_line: int = 0     # where a title wrapped over several lines ends
    part: bool = False     # a part of its line (title.parts), not the whole line
    trimmed: bool = False  # ... the line without a little around it: a site's name, a number, the authors' names


# a library classification code on its own line: 'ББК 81.2-9 : 74.480.26', 'JEL Classification: D83, O33'
CLASSIFICATION = re.compile(r"^(?:УДК|ББК|ГРНТИ|UDC|BBK|UDK|PACS|MSC(?:\s*20\d0)?|JEL(?:\s+classification(?:\s+codes?)?)?)"
                            r"\s*(?:codes?)?\s*[:.]?\s*[A-Z]?\d", re.I)


# a site's language switch ('En Ru', 'Рус | Eng | Cn'), a bare e-mail address, an author's degree
# line ('Candidate of Psychological Sciences, Associate Professor at ...')
LANGUAGE_SWITCH = re.compile(r"^(?:(?:en|eng|english|ru|rus|рус|русский|ua|uk|укр|de|fr|es|pt|cn|zh|kz|қаз|бел)"
                             r"\b\s*[|/·,]?\s*){2,6}$", re.I)
BARE_EMAIL = re.compile(r"^\S+@[\w-]+(?:\.[\w-]+)+$")
DEGREE_LINE = re.compile(r"^(?:candidate|doctor)\s+of\s+[\w\s]{3,40}\s+sciences?\b|^(?:кандидат|доктор)\s+\w+\s+наук\b", re.I)


def is_furniture(text: str) -> bool:
    text = text.strip()
    return bool(FURNITURE.match(text) or LANGUAGE_SWITCH.match(text) or BARE_EMAIL.match(text) or DEGREE_LINE.match(text) or (len(text) < 160 and MENU_RUN.match(text)) or (NAVIGATION.match(text) and len(text.split()) <= 8)
                or CLASSIFICATION.match(text))


def agrees(a: str, b: str) -> bool:
    """The two texts are the same title (one may be cut short or carry a subtitle)."""
    fa, fb = fold(re.sub(r"\s*(?:\.\.\.|…)\s*$", "", a)), fold(re.sub(r"\s*(?:\.\.\.|…)\s*$", "", b))
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    short, long_ = sorted((fa, fb), key=len)
    if len(short) >= 20 and long_.startswith(short):
        return True
    # the same title with a slip of the pen in one copy ('estrategias de compresión' / 'estrategia de comprensión')
    return len(short) >= 30 and len(long_) < 300 and SequenceMatcher(None, fa, fb).ratio() >= 0.93


# a PDF's running head: the first author's family name, 'et al.' (or a second name), then the title
RUNNING_HEAD = re.compile(r"^([^\W\d_][\w'’-]+)(?:\s+(?:and|&|и)\s+[^\W\d_][\w'’-]+|\s+et\s+al\.?|\s+и\s+др\.?),\s+\S")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _words(text: str) -> List[str]:
    """The words of a line; Chinese, Japanese and Korean text, printed without spaces, counts
    about one word per two characters."""
    words = text.split()
    cjk = len(_CJK.findall(text))
    return words + ["\u3000"] * (cjk // 2) if cjk else words


def _cjk_names(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 2 and all(len(t) <= 4 and _CJK.search(t) for t in tokens)


def _translated_titles(candidates: Sequence[Candidate], byline_at: Sequence[int]) -> set[int]:
    """Lines of a stack of titles over the byline ('Diseño y validación ...' / 'Design and
    Validation ...' / 'Projeto e validação ...' / names): each 4-40 words, at most two lines
    apart, in different languages."""
    by_end = {max(c.line, c.last_line): c for c in candidates}
    for b in byline_at:
        last = by_end.get(b - 1) or by_end.get(b - 2)
        if last is None:
            continue
        stack = [last]
        for c in sorted((c for c in candidates if c.line < last.line), key=lambda c: -c.line):
            if stack[-1].line - max(c.line, c.last_line) > 2 or not 4 <= len(c.text.split()) <= 40:
                break
            stack.append(c)
        languages = {guess_language(c.text) for c in stack}
        if len(stack) >= 2 and len(languages) == len(stack) and None not in languages:
            return {c.line for c in stack}
    return set()


# what each cue of a candidate adds to its score (the hand-set rules; ranker.py learns its own weights
# over these cues and a few more)
RULE_WEIGHTS: Dict[str, float] = {
    "cjk_names": -4,          # '水師 裕高橋 望田口 功一郎': short CJK names set apart by spaces, not a title
    "words_title": 2, "words_short": 0.5, "words_bad": -4,  # 4-40 words; 2-3; fewer than 2 or more than 60
    "furniture": -8, "chrome": -6, "venue": -3,
    "running_head": -5,       # 'Ibarra et al., Enseñanza recíproca ...': a PDF's running head
    "body_start": -4,         # 'We ...', 'Введение. Гастрит у кошек ...': the body's first sentence
    "date": -3, "history": -4,
    "heading": 6,             # marked up as the page's first-level heading
    "abstract_language": 1.5,  # a page printing the title in two languages: the article's is the abstract's
    "page_script": 1.5,       # a bilingual page prints both titles: the article's is in the page's main script
    "breadcrumb": -4, "section_number": -2,
    "footnote": -4,           # funding, the corresponding author
    "lower_start": -4,        # the rest of a sentence begun on the line before
    "colon_end": -3, "is_journal": -6, "link": -5,
    "cites": 8,               # agrees with the title the page's own citation line prints
    "echoes_saved": 5,        # echoes the page's own title, saved as its first line (often cut short: 'Title ...')
    "printed_twice": 1,       # printed twice (the page's heading and the document's)
    "numbers": -4,            # counters and numbers, not words
    "name_marker": -3,        # a name with its affiliation marker
    "field_label": -3,        # 'Article history: ...' ('Hydrology: the changing paradigm' is a title)
    "running_text": -4,       # sentences of running text
    # the byline right after (or right before) the title is the strongest layout cue; titles printed in two
    # or three languages one over the other share the cue (the language decides)
    "stacked": 3, "byline_next": 5, "byline_second": 3, "byline_above": 2, "byline_same": 4,
    "cut_short": -3,          # 'Title cut short...' where the page prints it whole too
    "near_abstract": 1, "doi_under": 1,
    "saved_alone": 2,         # the page's saved title, printed nowhere else: a title more often than not
    "first_line": -1,         # a saved page starts with the site's or journal's name more often than the title
    "fullness": 1,            # of two plausible lines, the fuller one (words, up to 15, tenths)
    "sentence_end": -2,       # a sentence of running text
    "model": MODEL_WEIGHT, "model_bias": -MODEL_WEIGHT * MODEL_EVEN,  # the line model's TITLE probability
    "capitals_cut": 1,        # of a line's capitals and the whole line, the capitals alone
    "trimmed": 1,             # of a line and the line without a site's name, a number or names around it, the latter
}


def score(candidates: Sequence[Candidate], **cues: object) -> None:
    """Set each candidate's score by the hand-set weights of its cues; the caller takes the highest."""
    for c, found in zip(candidates, cue_values(candidates, **cues)):  # type: ignore[arg-type]
        c.score = sum(RULE_WEIGHTS[k] * v for k, v in found.items() if k in RULE_WEIGHTS)


def cue_values(candidates: Sequence[Candidate], *, byline_at: Sequence[int], abstract_at: int | None,
               citation_title: str | None, journal: str | None, doi_at: Sequence[int] = (),
               page_title: str | None = None, cyrillic_page: bool | None = None,
               abstract_language: str | None = None, model_title: Dict[int, float] | None = None,
               cut: Sequence[Candidate] = ()) -> List[Dict[str, float]]:
    """Each candidate's cues by name (RULE_WEIGHTS), what a reader would use to tell the title.
    ``model_title`` is the learned line model's probability that a line is the title (line_model.py);
    ``cut`` are the candidates that are a line's leading capitals (capitals_first)."""
    first = clean(page_title)[0] if page_title else ""
    saved_parts: List[str] = []
    if page_title:  # the saved title's parts: 'Title - 2010 - Procedia', 'Title | Journal', 'J. G. A. Pocock - Title'
        saved_parts = [p for p in re.split(r"\s+(?:[-|–—]|::)\s+", page_title) if len(p.split()) >= 3] or [page_title]
        head = RUNNING_HEAD.match(saved_parts[0])  # or a running head's prefix ('Ibarra et al., Title')
        saved_parts[0] = saved_parts[0][head.end() - 1:] if head else saved_parts[0]
    # the saved title is the page's first line; the same words printed again lower down are an echo of it
    first_at = min((c.line for c in candidates if first and c.text == first), default=0)
    echoed = any(c.line != first_at and agrees(c.text, p) for c in candidates for p in saved_parts)
    printed = Counter(fold(c.text) for c in candidates)
    cjk_bylines = [c.line for c in candidates if _cjk_names(c.text)]
    byline_at = list(byline_at) + cjk_bylines
    stacked = _translated_titles([c for c in candidates if not c.part], byline_at)
    cut_ids = {id(c) for c in cut}
    out: List[Dict[str, float]] = []
    for c in candidates:
        words = _words(c.text)
        f: Dict[str, float] = {}
        if c.line in cjk_bylines:
            f["cjk_names"] = 1
        if 4 <= len(words) <= 40:
            f["words_title"] = 1
        elif 2 <= len(words) <= 3:
            f["words_short"] = 1
        elif len(words) < 2 or len(words) > 60:
            f["words_bad"] = 1
        if is_furniture(c.text):
            f["furniture"] = 1
        if CHROME.search(c.text):
            f["chrome"] = 1
        if VENUE.search(c.text):
            f["venue"] = 1
        if RUNNING_HEAD.match(c.text):
            f["running_head"] = 1
        if PRONOUN_START.match(c.text) or SECTION_RUN_IN.match(c.text):
            f["body_start"] = 1
        if DATE_IN_LINE.search(c.text):
            f["date"] = 1
        if HISTORY_START.match(c.text) or SECTION_LINE.match(c.text):
            f["history"] = 1
        if c.heading:
            f["heading"] = 1
        if abstract_language and len(words) >= 4 and guess_language(c.text) == abstract_language:
            f["abstract_language"] = 1
        if cyrillic_page is not None and is_cyrillic(c.text) == cyrillic_page:
            f["page_script"] = 1
        if BREADCRUMB.search(c.text) and len(words) < 25:
            f["breadcrumb"] = 1
        if SECTION_NUMBER.match(c.text):
            f["section_number"] = 1
        if c.text[:1] in "*†‡" or re.match(r"^(?:исследование\s+(?:выполнено|проведено)|the\s+(?:study|research)\s+was\s+"
                                           r"(?:funded|supported))", c.text, re.I):
            f["footnote"] = 1
        if c.text[:1].islower():
            f["lower_start"] = 1
        if c.text.rstrip().endswith(":"):
            f["colon_end"] = 1
        if journal and fold(c.text) == fold(journal):
            f["is_journal"] = 1
        if re.search(r"\S@\S|@[\w-]+\.[a-z]{2,}|https?://|www\.|\bdoi\b|\bissn\b|©", c.text, re.I):  # an e-mail, not 'Helium @ CL-SciSumm
            f["link"] = 1
        cites = bool(citation_title and agrees(c.text, citation_title))
        if cites:
            f["cites"] = 1
        is_page_title = bool(first) and c.text == first and c.line == first_at
        if not is_page_title and not (c.part and c.line == first_at) and any(agrees(c.text, p) for p in saved_parts):
            f["echoes_saved"] = 1
        if printed[fold(c.text)] >= 2 and len(words) >= 4 and not is_page_title:
            f["printed_twice"] = 1
        tokens = c.text.split()
        if sum(t.strip(",.;").replace(",", "").isdigit() for t in tokens) > 0.3 * len(tokens):
            f["numbers"] = 1
        if re.search(r"[^\W\d_]\d{1,2}(?:,\d{1,2})*\*?(?:,|$)", c.text):
            f["name_marker"] = 1
        label = re.match(r"^[A-ZА-Я][\w ]{2,24}:\s", c.text)
        if label and FIELD_WORD.search(label.group(0)) and not cites:
            f["field_label"] = 1
        if len(words) > 30 and len(re.findall(r"[a-zа-я]\.\s+[A-ZА-Я]", c.text)) >= 1:
            f["running_text"] = 1
        end = max(c.line, c.last_line)
        if c.line in stacked:
            f["stacked"] = 1
        elif any(b - end == 1 for b in byline_at):
            f["byline_next"] = 1
        elif any(b - end == 2 for b in byline_at):
            f["byline_second"] = 1
        elif any(0 < c.line - b <= 2 for b in byline_at):
            f["byline_above"] = 1
        elif c.line in byline_at:
            f["byline_same"] = 1  # PDF text: the title run together with its byline on one line
        if _cut_short(c.text) and any(len(o.text) > len(c.text) and agrees(o.text, c.text) for o in candidates):
            f["cut_short"] = 1
        if abstract_at is not None and 0 < abstract_at - c.line <= 12:
            f["near_abstract"] = 1
        if any(0 < d - c.line <= 3 for d in doi_at):
            f["doi_under"] = 1
        if is_page_title and not echoed and 4 <= len(words) <= 40:
            f["saved_alone"] = 1
        elif c.index == 0 and len(candidates) > 1:
            f["first_line"] = 1
        f["fullness"] = min(len(words), 15) / 10
        if c.text[-1:] == "." and len(words) > 25:
            f["sentence_end"] = 1
        if model_title:
            spanned = [model_title.get(n, 0.0) for n in range(c.line, end + 1)]
            f["model"] = max(spanned)  # a wrapped title: its surest line
            f["model_bias"] = 1
        if id(c) in cut_ids:
            f["capitals_cut"] = 1
        if c.trimmed:
            f["trimmed"] = 1
        out.append(f)
    return out


def _cut_short(text: str) -> bool:
    return text.rstrip().endswith(("...", "…"))


def clean(text: str) -> Tuple[str, bool]:
    """The candidate's text without markup and article-type prefixes; whether it was a heading."""
    heading = bool(re.match(r"^#\s+\S", text))
    text = re.sub(r"^#{1,6}\s+", "", text)
    text = ARTICLE_TYPE_PREFIX.sub("", ARTICLE_TYPE_PREFIX.sub("", text))
    text = DOWNLOAD_QUOTED.sub(r"\1", text)  # a document site's 'Download "Title"' button
    text = DOWNLOAD_VIEW.sub(r"\1", text)
    text = re.sub(r"(?<=[^\W\d_])[*†‡]+$", "", text.strip())  # a footnote mark after the title
    # what PDF text glues onto the title's line: an author's e-mail, the UDC code ('...педагогікиудк 37.018.43')
    text = re.sub(r"\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", "", text)
    text = re.sub(r"(?<=[^\W\d_])\s*(?:удк|udc)\s*\d[\d.:()/+-]*$", "", text, flags=re.I)
    return text.strip(), heading


def wrapped(candidates: List[Candidate]) -> List[Candidate]:
    """Titles wrapped over consecutive lines (PDF text) as extra candidates: each run of 2-4
    adjacent lines whose earlier lines do not end a sentence."""
    out: List[Candidate] = []

    def capitals(text: str) -> bool:  # in capitals but for a remark in brackets ('АНАСТОМОЗОВ (обзор)')
        bare = re.sub(r"\([^()]*\)", "", text)
        return bare.isupper() if re.search(r"[^\W\d_]{2}", bare) else text.isupper()

    for i, first in enumerate(candidates):
        parts = [first]
        for nxt in candidates[i + 1:i + 4]:
            prev = parts[-1].text.rstrip()
            continues = nxt.text[:1].islower() or (prev.isupper() and capitals(nxt.text)) or prev[-1:] in "-,:" \
                or prev.split()[-1].lower() in CONNECTORS
            if prev.endswith(":") and len(prev.split()) <= 3:
                continues = False  # 'Published:' is a label, not the first half of a title
            gap = nxt.line - max(parts[-1].line, parts[-1].last_line)
            # PDF text may put blank lines inside a title (a lower-case continuation, or words in capitals)
            near = gap == 1 or (gap <= 4 and nxt.text[:1].islower()) or (
                gap <= 3 and prev.isupper() and capitals(nxt.text) and not re.search(r"\d", prev + nxt.text)) or (
                gap <= 4 and prev.isupper() and nxt.text.isupper() and prev.split()[-1].lower() in CONNECTORS)
            # (capitals ending on 'У' / 'OF' go on however many blank lines PDF text puts between)
            if not continues or not near or parts[-1].text.rstrip()[-1:] in ".!?;" \
                    or is_cyrillic(parts[-1].text) != is_cyrillic(nxt.text) \
                    or parts[-1].text.isupper() != capitals(nxt.text) or is_furniture(parts[-1].text) \
                    or re.search(r"[^\W\d_]\d|,\s*\d|\d\s*,|\b(?:MD|PhD)\b", nxt.text):  # names with markers
                break
            if len(parts) >= 1 and len(nxt.text.split()) >= 4 and len(prev.split()) >= 4:
                before, after = guess_language(" ".join(p.text for p in parts)), guess_language(nxt.text)
                if before and after and before != after:  # a title over its translation ('... TERMINAL' / 'THE IMPORTANCE ...')
                    break
            parts.append(nxt)
            text = " ".join(p.text for p in parts).replace("- ", "-") if parts[-2].text.endswith("-") else \
                " ".join(p.text for p in parts)
            out.append(Candidate(first.index, first.line, text, last_line=nxt.line))
    return out


def capitals_first(candidates: List[Candidate]) -> List[Candidate]:
    """A line that starts with a title in capitals and runs on in ordinary case (PDF text: 'THE EFFECT
    OF ... DEPARTMENT I Gede Partha Sindu Jurusan ...'): the capitals alone as one more candidate,
    without a capital initial at their end that begins the name after them."""
    out: List[Candidate] = []
    for c in candidates:
        words = c.text.split()
        caps = 0
        for w in words:
            letters = [ch for ch in w if ch.isalpha()]
            if letters and not all(ch.isupper() for ch in letters):
                break
            caps += 1
        rest = [w for w in words[caps:caps + 4] if any(ch.isalpha() for ch in w)]
        if caps < 4 or len(rest) < 2 or sum(not w.isupper() for w in rest) < len(rest) - 1:
            continue  # (a word in small letters inside capitals, 'РОССИИ (IX-XIX вв.): ИСТОРИЧЕСКИЙ', is no end)
        if len(words[caps - 1].strip(".")) == 1 and words[caps][:1].isupper():
            caps -= 1  # 'DEPARTMENT I Gede': the initial is the name's
        prefix = " ".join(words[:caps]).rstrip(" ,;:")
        if sum(ch.isalpha() for ch in prefix) >= 20:
            out.append(Candidate(c.index, c.line, prefix, heading=c.heading, last_line=c.last_line))
    return out


# (titlecand, session 15) the parts of a line a title may be one of
# a saved title's or a running head's separators: 'Title - Site', 'Author — TITLE', 'Title | Journal', GOST's '//'
PART_SEPARATORS = re.compile(r"\s+(?:[|–—>»•·]|-|::)\s+|(?<!:)//\s*|\s*(?:[=_]{4,}|-{5,})\s*")  # (a heading's underline glued on)
# a title quoted inside a citation or a sentence: '«Title». Journal', 'И. Ю. Ткаченко, «Title», rfej'
QUOTED_TITLE = re.compile(r"[«“\"]([^«»“”\"]{20,300})[»”\"]")
# a list's or a page's number before the title: '51. Title', '1 TITLE' (PDF text)
LEADING_NUMBER = re.compile(r"^(?:\d{1,3}\.\s+|\d{1,3}\s+(?=[^\W\d_a-zа-яё]{2,}\s)|"
                            r"\d{1,3}\s+\d{1,2}\s+[^\W\d_]{3,10}\.?\s+(?:19|20)\d\d\s+)")  # ('1 August 2007 Title')
# the authors GOST and the running heads print before or after the title: 'Пряжников Н.С., Ожогова Е.Г. Title',
# 'TITLE В. ХИЖА, А. КОРА'
_INITIALS = r"(?:[A-ZА-ЯЁІЇЄ]\.\s?){1,3}"
_FAMILY = r"[A-ZА-ЯЁІЇЄ][\w'’-]+"
NAMES_BEFORE = re.compile(rf"^(?:(?:{_FAMILY},?\s+{_INITIALS}|{_INITIALS}\s*{_FAMILY})(?:,\s*|\s+и\s+|\s+))+"
                          r"(?:\([^)]{2,40}\)\.?\s+)?")
# a footnote's number after the title's last word ('... becerilerine etkisi 1')
FOOTNOTE_NUMBER = re.compile(r"(?<=[^\W\d_]{3})(?<!part|teil|tome|част)(?<!parte|часть)(?<!partie)\s?\d\*?$", re.I)
_NAME = rf"(?:{_INITIALS}\s*{_FAMILY}|{_FAMILY}\s+{_INITIALS})"
NAMES_AFTER = re.compile(rf"\s+{_NAME}(?:,\s*{_NAME})+,?\s*$")  # two names or more


def _before_byline(text: str) -> str | None:
    """PDF text: a title in sentence case run into its byline ('... in Iranian adolescents Ahmad
    Shahabeddin Parizi • Gholamreza ...'): the words before the first known given name that begins
    a byline (bylines.parse_byline_marked) after a word in small letters."""
    words = text.split()
    if len(words) < 8 or len(text) > 600:
        return None
    for i in range(4, len(words) - 1):
        w, nxt = words[i], words[i + 1]
        if not (words[i - 1][:1].islower() and w[:1].isupper() and w.isalpha() and nxt[:1].isupper()):
            continue
        if not known_given(w):
            continue
        people = parse_byline_marked(" ".join(words[i:])[:300])
        if people and w in (people[0][0].get("given", "") + " " + people[0][0].get("family", "")).split():
            return " ".join(words[:i])
    return None


def parts(candidates: List[Candidate]) -> List[Candidate]:
    """Parts of a line that may be the title where the whole line is not: each side of a separator,
    a quoted title, the line without the number before it, without the authors' names before or after
    it. Each part of four words or more is one more candidate on the same line."""
    out: List[Candidate] = []
    seen: set[Tuple[int, str]] = set()

    def add(c: Candidate, text: str, trimmed: bool) -> None:
        text = text.strip(" .,;:–—-|")
        if len(_words(text)) >= 4 and text != c.text.strip() and (c.line, text) not in seen:
            seen.add((c.line, text))
            out.append(Candidate(c.index, c.line, text, heading=c.heading, last_line=c.last_line, part=True,
                                 trimmed=trimmed))

    for c in candidates:
        text = c.text.strip()
        pieces = [p.strip() for p in PART_SEPARATORS.split(text) if p.strip()]
        pieces = pieces if len(pieces) > 1 or (pieces and pieces[0] != text) else []
        quoted = [m.group(1).strip() for m in QUOTED_TITLE.finditer(text)]
        glued = _before_byline(text)
        if glued:
            add(c, glued, True)
        for piece in pieces + quoted + [text]:
            stripped = FOOTNOTE_NUMBER.sub("", NAMES_AFTER.sub("", NAMES_BEFORE.sub("", LEADING_NUMBER.sub("", piece))))
            # a little left out around the part: a site's or a person's name (two or three capitalised words)
            rest = [w for p in pieces if p is not piece for w in p.split()]
            small = piece in pieces and 1 <= len(rest) <= 3 and not text.isupper() \
                and all(w[:1].isupper() and not w.endswith(".") for w in rest)
            if piece is not text:
                add(c, piece, small)
            if stripped != piece:
                add(c, stripped, small or piece is text)
    return out


def expand(candidates: List[Candidate]) -> Tuple[List[Candidate], List[Candidate]]:
    """The loose lines, the titles wrapped over several of them, the lines' parts and the lines' leading
    capitals: every candidate; and the last of these apart."""
    candidates = candidates + wrapped(candidates)
    cut = capitals_first(candidates)
    return candidates + parts(candidates) + cut, cut


def choose(candidates: List[Candidate], **cues: object) -> Candidate | None:
    """The rules' choice: the candidate with the highest score, if it is above 0."""
    if not candidates:
        return None
    candidates, cut = expand(candidates)
    score(candidates, cut=cut, **cues)
    best = max(candidates, key=lambda c: (c.score, -c.index))
    return best if best.score > 0 else None


def uncapitalise(title: str, page_lines: List[str]) -> str:
    """A title printed in capitals, in sentence case; a word the page writes with a capital
    inside a sentence elsewhere ('России' in the abstract) keeps its capital."""
    proper: Dict[str, str] = {}
    for line in page_lines:
        for m in re.finditer(r"[^\W\d_][,;:]?\s+([A-ZА-ЯЁ][a-zа-яё]+)", line):
            proper.setdefault(m.group(1).lower(), m.group(1))
    return sentence_case_from_capitals(title, proper)
