"""Where a part ends and the host it was printed in begins: the fixed words of both traditions
that the model, reading five words at a time, overruns or leaves in the wrong segment.

  * a statement of editors after ' / ' or '; ' ('/ отв. ред. Е. А. Павлова', '/ под общ. ред.
    Н. В. Иванова', '/ ed. by J. Smith', '/ за ред. І. П. Коваленка', '; сост.'), or in English
    after a comma (', eds. Ezra Getzler and Mikhail Kapranov'): the names are editors;
  * a host opened by 'В кн.:', 'В сб.:', 'В:' inside a title starts the container (as 'In:');
  * a conference's place and dates in brackets after its name ('(Пермь, 14–15 апреля 2021 г.)')
    are not part of the container;
  * 'In' before a part's title and a word in lower case begins the title ('In silico ...');
  * a title right after a host's editors ('In H. Hermans (Eds.), Book') is the host's title;
  * a number's mark the model left at the end of a container ('Проблемы кибернетики. Вып.' before
    '12', 'Handbuch ... (S.' before '45–67') belongs to the number.

Each rule works on the (label, text) segments in string order and moves text between them.
"""
from __future__ import annotations

import re
from typing import AbstractSet, Any, Dict, List, Sequence, Tuple

from ..patterns import lazy
from ..vocabulary.casing import STOP_WORDS
from .features import sentence_end
from .gost import CITY, segment_offsets

Segment = Tuple[str, str]

_UP = "A-ZА-ЯЁІЇЄЎҐ"
_LOW = "a-zа-яёіїєўґ'’"
_INI = rf"(?:[{_UP}][{_LOW[:6]}]?\.\s?-?\s?){{1,3}}"
_FAM = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_PERSON = rf"(?:{_INI}\s?{_FAM}|{_FAM},?\s{_INI})"
# 'под ред.', 'под общ. ред.', 'отв. ред.', 'науч. ред.', 'гл. ред.', 'за ред.', 'за заг. ред.',
# 'ed. by', 'edited by', 'eds.' -- the words GOST and its English renderings put before editors
_EDITOR_WORDS = (r"(?:под\s+(?:общ(?:ей)?\.?\s*|науч(?:ной)?\.?\s*)?ред(?:\.|акцией)|(?:отв|науч|гл)\.\s*ред\."
                 r"|за\s+(?:заг\.\s*|наук\.\s*)?ред\.|ed\.\s+by|edited\s+by|eds?\."
                 # a compiler and the preparer of the text are editors too, never authors
                 r"|(?:сост|уклад|подгот\.\s*текста|коммент|вступ\.\s*ст|примеч)\.?"
                 r"(?:\s*(?:,|и|і)\s*(?:сост|уклад|подгот\.\s*текста|коммент|вступ\.\s*ст|примеч)\.?)*)")
# English after a comma: 'In Higher Category Theory, eds. Ezra Getzler and Mikhail Kapranov.'
_FULL = r"[A-Z][a-z]+(?:\s[A-Z]\.)?\s(?:(?:de|van|von|der)\s)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_ENGLISH_EDITORS = re.compile(rf",\s*(?P<words>eds?\.|ed\.\s+by|edited\s+by)\s+(?P<names>(?:{_PERSON}|{_FULL})"
                              rf"(?:(?:,\s*|,?\s+and\s+|\s*&\s*)(?:{_PERSON}|{_FULL}))*)(?=[.,;(]|\s*$)")
_EDITORS = re.compile(rf"[/;]\s*(?P<words>{_EDITOR_WORDS})\s*(?P<names>{_PERSON}(?:\s*(?:,|и|і|and|&)\s*{_PERSON})*"
                      r"(?:\s*(?:и\s+др\.|\[и\s+др\.\]|et\s+al\.))?)", re.I)
# the number of volumes of a multi-volume work: 'Сочинения : в 2 т.', 'Собрание сочинений : в 10 кн.'
_VOLUMES = re.compile(r"(?<=\s)в\s+(\d{1,3})\s*(?:т|кн|ч)\.(?=[\s/.,;]|$)")
# 'В кн.:', 'В сб.:', 'В:' after a full stop or '//' (Ukrainian 'У кн.:', 'В зб.:')
HOST_OPENER = re.compile(r"(?:(?<=[.,;])|(?<=//))\s*(?P<open>[ВУ]\s+(?:кн|сб|зб)\.\s*:?|[ВУ]\s*:)\s+(?=\S)")
# '(Пермь, 14–15 апреля 2021 г.)', '(Москва, 20 мая 2020 г.)', '(Иваново, 2019)'
_EVENT = re.compile(r"\s*\((?:[^()]{2,40},\s*)?(?:\d{1,2}(?:\s*[–—-]\s*\d{1,2})?\s+[а-яёії]+\s+)?"
                    r"(?:1[89]|20)\d\d\s*(?:г\.?)?\s*\)[\s.,]*$")
_NUMBER_MARK = re.compile(r"[\s.,;(]*\(?\b(?:Вып|Вип|Т|Кн|Ч|Vol|vol|No|no|Nr|№|S|С|P|pp|p|Bd|H|제|第)\.?\s*$")
_NUMBER_LABELS = ("volume", "issue", "pages")


def _labels(s: str, segments: Sequence[Segment]) -> List[str | None] | None:
    """A label per character of ``s`` (None between segments), or None when a segment is not a
    piece of ``s`` (then no character can be placed for sure)."""
    out: List[str | None] = [None] * len(s)
    pos = 0
    for label, text in segments:
        i = s.find(text, pos)
        if i < 0:
            return None
        out[i:i + len(text)] = [label] * len(text)
        pos = i + len(text)
    return out


def _runs(s: str, labels: Sequence[str | None]) -> List[Segment]:
    """Segments from character labels (the text between segments goes with the one before)."""
    out: List[Segment] = []
    current: str | None = None
    start = 0
    for i, lab in enumerate(list(labels) + ["<end>"]):
        if lab is None or lab == current:
            continue
        text = s[start:i].strip()
        if current is not None and text:
            out.append((current, text))
        current, start = lab, i
    return out


def _relabel(s: str, segments: List[Segment], spans: Sequence[Tuple[int, int, str]]) -> List[Segment]:
    labels = _labels(s, segments)
    if labels is None:
        return segments
    for a, b, label in spans:
        labels[a:b] = [label] * (b - a)
    return _runs(s, labels)


def editors_stated(s: str, segments: List[Segment]) -> List[Segment]:
    """Names after editor words ('/ отв. ред. Е. А. Павлова') are editors, the words themselves
    nothing ('Book, eds. Ezra Getzler and Mikhail Kapranov.' in English), and 'в 2 т.' gives the
    number of volumes; whatever the model made of them."""
    spans: List[Tuple[int, int, str]] = []
    # (each pattern holds a '/' or ';', 'ed'; 'в' for the volumes)
    editors = _EDITORS.finditer(s) if "/" in s or ";" in s else ()
    for m in [*editors, *(_ENGLISH_EDITORS.finditer(s) if "ed" in s else ())]:
        spans += [(m.start(), m.start("names"), "other"), (m.start("names"), m.end("names"), "editor")]
    for m in _VOLUMES.finditer(s) if "в" in s else ():
        spans += [(m.start(), m.end(), "other"), (m.start(1), m.end(1), "volumes")]
    return _relabel(s, segments, spans) if spans else segments


def host_opened(segments: List[Segment]) -> List[Segment]:
    """'Title. В кн.: Book. СПб.: ...': a title that runs over 'В кн.:' ends there; the rest is the
    container when the model found none, and the opener is never part of a title."""
    out: List[Segment] = []
    has_container = any(label == "container" for label, _ in segments)
    for label, text in segments:
        m = HOST_OPENER.search(text) if label == "title" and ("В" in text or "У" in text) else None
        if m and re.search(r"\w{3}", text[:m.start()]) and re.search(r"\w{2}", text[m.end():]):
            out.append(("title", text[:m.start()]))
            out.append(("other", m.group("open")))
            out.append(("other" if has_container else "container", text[m.end():]))
            has_container = True
            continue
        out.append((label, text))
    return out


# the editors of a host: opened by 'In' and closed by their role ('In H. J. M. Hermans & G. Dimaggio (Eds.),',
# 'In: Simone Seitz u.a. (Hrsg.):', 'in B.C. Fenik (ed),')
_HOST_OPENS = re.compile(r"^\s*(?:[Ii]n|dans|[Ii]m)\s*:?(?:\s|$)")
_HOST_ROLE = re.compile(r"(?:\((?:[Ee]ds?|Hrsg|Hg|[Éé]ds?|dir)\.?\)|,\s*eds?\.)\s*[,.:]?\s*$")


def book_after_editors(segments: List[Segment]) -> List[Segment]:
    """'Chapter. In H. Hermans & G. Dimaggio (Eds.), The dialogical self (pp. 77-90).': a second
    title right after the host's editors is the host's title; the model, having no container,
    called it a title (and the chapter's own title won)."""
    labels = [label for label, _ in segments]
    if "container" in labels or "title" not in labels:
        return segments
    first = labels.index("title")
    for k in range(first + 1, len(segments) - 1):
        label, text = segments[k]
        if label != "editor":
            continue
        # both the opener and the role: 'in Corin H. et Toussignant P., Regards anthropologiques' without a
        # role was a book of its own in refdata's labels
        opened = (_HOST_OPENS.match(text) or _HOST_OPENS.match(segments[k - 1][1])) and _HOST_ROLE.search(text)
        if opened and segments[k + 1][0] == "title":
            return segments[:k + 1] + [("container", segments[k + 1][1])] + segments[k + 2:]
        break
    return segments


_IN_AT_END = re.compile(r"(?:^|\s)In$")


def title_opening_in(segments: List[Segment]) -> List[Segment]:
    """'Rokas A: In silico characterization ...', 'Nicholls, editors. In the Embrace of the Swan':
    an 'In' before the first title, followed by a word in lower case, begins that title; a host
    is never opened before the part's own title, and opens with a capital ('In Proceedings',
    'In: Smith J. (Ed.)')."""
    idx = next((i for i, (label, _) in enumerate(segments) if label == "title"), None)
    if not idx:
        return segments
    label, text = segments[idx - 1]
    title = segments[idx][1]
    if not _IN_AT_END.search(text.rstrip()) or not re.match(r"[a-z]", title.lstrip()):
        return segments
    rest = text.rstrip()[:-2].rstrip()
    return (segments[:idx - 1] + ([(label, rest)] if re.search(r"\w", rest) else [])
            + [("title", "In " + title.lstrip())] + segments[idx + 1:])


# words a title never ends on: prepositions, articles and conjunctions of the languages refdata cites
_DANGLING = STOP_WORDS | frozenset("de des du la le les et à au aux und der die das den dem im zur zum von vom für "
                                   "del di e y el los las en".split())


def title_not_dangling(segments: List[Segment]) -> List[Segment]:
    """'The Statistical Sources of' + 'Frankish History, The American Historical Review': a title the
    model ended on a preposition, an article or a conjunction runs on into the container's first
    words, up to the container's first punctuation."""
    for k in range(len(segments) - 1):
        label, text = segments[k]
        if label != "title" or segments[k + 1][0] != "container":
            continue
        words = text.split()
        if not words or words[-1] not in _DANGLING:  # (in lower case, no punctuation after it)
            return segments
        host = segments[k + 1][1]
        m = re.search(r"[.,;:](?=\s)", host)
        if m and re.search(r"\w{3}", host[m.end():]) and not re.search(r"\d", host[:m.start()]):
            return (segments[:k] + [("title", text + " " + host[:m.start()]), ("container", host[m.end():].strip())]
                    + segments[k + 2:])
        return segments
    return segments


def title_tail_to_host(segments: List[Segment]) -> List[Segment]:
    """'... families, and AA. The Person-Centered' + 'Journal, 9(1)': where the model put the boundary
    between a title and its container inside a sentence, with no punctuation at it, the few
    capitalised words after the title's last full stop begin the container."""
    for k in range(len(segments) - 1):
        label, text = segments[k]
        if label != "title" or segments[k + 1][0] != "container":
            continue
        if not text[-1:].isalnum():
            return segments
        m = _LAST_SENTENCE.search(text)
        if m and re.search(r"\w{3}", text[:m.start()]) and segments[k + 1][1][:1].isalnum():
            return (segments[:k] + [("title", text[:m.start() + 1]), ("container", m.group(1) + " " + segments[k + 1][1])]
                    + segments[k + 2:])
        return segments
    return segments


# the title's last sentence, one to three capitalised words ('AA. The Person-Centered', 'Air. West'),
# after a word of two or more letters (not an initial)
_LAST_SENTENCE = re.compile(r"(?<=[^\W\d_]{2})\.\s+((?:[A-Z][\w'’-]*\s?){1,3})$")


# the first word of an abbreviated journal name the model reads as a name ('C. Giunti, Mod.' + 'Phys.
# Lett. A'); single letters are left alone, they are as often initials ('Smith, J.')
_JOURNAL_OPENER = re.compile(r"(?:^|[,;&]\s*|\sand\s)((?:Mod|Int|Astrophys|Phys|Nucl|Rom|Chin|Eur|Ann|Proc|Trans|Bull|Can"
                             r"|Comput|Appl|Math|Sov|Jpn|Jap|Class|Gen|Rep|Commun|Ukr|Russ|Izv|Rev|Lett|Acta"
                             r"|Biochim|Biophys|Chem|Mol|Zh|Nuovo)\s?\.|C\.\s?R\.)\s*$")


def journal_word_after_names(segments: List[Segment]) -> List[Segment]:
    """'P. Muggli and M. J. Hogan, C.R.' + 'Phys.': the abbreviated word right before a container,
    after the names' comma, is the container's first word, not a name."""
    for k in range(len(segments) - 1):
        label, text = segments[k]
        if label == "author" and segments[k + 1][0] == "container":
            m = _JOURNAL_OPENER.search(text)
            if m and re.search(r"\w{2}", text[:m.start()]):
                return (segments[:k] + [("author", text[:m.start()].rstrip(" ,;&")),
                                        ("container", m.group(1) + " " + segments[k + 1][1])] + segments[k + 2:])
    return segments


def marks_to_numbers(segments: List[Segment]) -> List[Segment]:
    """'Проблемы кибернетики. Вып.' + '12.': the number's mark at the end of a container is not
    part of it."""
    out = list(segments)
    for k in range(len(out) - 1):
        label, text = out[k]
        if label == "container" and out[k + 1][0] in _NUMBER_LABELS:
            m = _NUMBER_MARK.search(text)
            if m and re.search(r"\w{3}", text[:m.start()]):
                text = text[:m.start()]
            elif m and not re.search(r"\w", text[:m.start()]):
                out[k] = ("other", text)  # 'Київ : Альтернативи, 1997. Вип.' + '3.': the mark alone is no host
                continue
            # 'Наукові записки. 2010. Вип.' + '5.': the year's area between the host and its numbers
            year = _YEAR_AREA.search(text)
            out[k] = (label, text[:year.start()] if year and re.search(r"\w{3}", text[:year.start()]) else text)
    return out


_YEAR_AREA = re.compile(r"[.,]\s*(?:[–—-]\s*)?(?:1[5-9]|20)\d\d\s*[.,]?\s*$")


def tidy_host(item: Dict[str, Any]) -> None:
    """A container's conference place and dates are not its name; a place the model ran into the
    container ('Systems 30. Red Hook' of 'Red Hook, NY: Curran') is the place's."""
    host = item.get("container-title")
    if not isinstance(host, str):
        return
    cut = _EVENT.sub("", host)
    town = re.search(rf"\.\s+({CITY})\.?$", cut)
    if town and not item.get("publisher-place"):
        # '// Пермский край: прошлое и настоящее. Пермь, 2003. Вып. 4.': a host without a publisher
        item["publisher-place"] = town.group(1)
    place = str(item.get("publisher-place", ""))
    m = re.search(r"\.\s+([^.]{2,40})$", cut)
    if m and place and place.startswith(m.group(1).rstrip(", .")):
        cut = cut[:m.start() + 1]
    cut = _TRAILING_MARK.sub("", cut).strip(" ,;:")
    if cut and re.search(r"\w{3}", cut):
        item["container-title"] = cut


# the mark of a number the model left at a container's end after a comma ('Mind as Motion, chapter',
# 'Klett - Themendienst, Heft', 'Zeitschrift für Heilpädagogik, Jg'); its number is read elsewhere
_TRAILING_MARK = re.compile(r",\s*(?:chapter|chap|ch|Heft|H|Jg|Bd|Band|vol|Vol|no|No|nr|Nr|pp|p|S|Suppl|issue|Issue)\.?\s*$")


__all__ = ["HOST_OPENER", "book_after_editors", "journal_word_after_names", "editors_stated", "host_opened", "marks_to_numbers", "tidy_host",
           "title_not_dangling", "title_opening_in", "title_tail_to_host"]


# the quote that closes each opening quote of a title ('„' closes with '“' in German, '”' elsewhere)
_CLOSES = {"“": "”", "«": "»", '"': '"', "„": "“”"}


def quoted_title_closed(s: str, segments: List[Segment]) -> List[Segment]:
    """'"On the claims for discovery of elements 110, 111, 112 ." Pure Appl. Chem.': a title that
    opens with a quote runs to the quote that closes it; the model, reading five words at a time,
    ends it early at a comma or a number inside the quotes."""
    idx = next((i for i, (label, _) in enumerate(segments) if label == "title"), None)
    if idx is None:
        return segments
    title = segments[idx][1]
    opener = title.lstrip()[:1]
    closes = _CLOSES.get(opener)
    if closes is None or any(c in title.lstrip()[1:] for c in closes):
        return segments  # not quoted, or the quote closes inside the title
    start = segment_offsets(s, segments)[idx]
    end = start + len(title)
    close = min((j for j in (s.find(c, end) for c in closes) if j >= 0), default=-1)
    if close < 0 or close - end > 300 or "//" in s[end:close]:
        return segments
    if not re.search(r"\w", s[close + 1:]):
        return segments  # nothing after the quotes: no container to keep apart
    return _relabel(s, segments, [(start, close + 1, "title")])


# a bracket the model's title opens and never closes: 'Solid State Physics (Cengage Learning',
# 'Droit constitutionnel (29e édition', 'Türkiye'de Ordu [L'armée en Turquie'
_UNCLOSED = re.compile(r"\s*[(\[][^()\[\]]*$")


def title_bracket_unclosed(segments: List[Segment]) -> List[Segment]:
    """A title that ends inside a bracket it opened ends before that bracket: what the brackets
    hold (an edition, a series, a publisher, a translated title) is not the title."""
    out = list(segments)
    for label in ("title", "container"):
        i = next((k for k, (lab, _) in enumerate(out) if lab == label), None)
        if i is None:
            continue
        text = out[i][1]
        m = _UNCLOSED.search(text)
        closed_next = i + 1 < len(out) and out[i + 1][1].lstrip()[:1] in ")]"  # 'Research (Planets' + ') ,121'
        if m and not closed_next and re.search(r"\w", text[m.start():]) and re.search(r"\w{3}", text[:m.start()]):
            out[i:i + 1] = [(label, text[:m.start()]), ("other", text[m.start():])]
    return out


# a volume typed without its space after the journal's name: 'Science356', 'Astrophys.52', 'MNRAS,464',
# 'Phys. Lett.B751' (the series letter stays with the journal)
_GLUED_VOLUME = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=[^\W\d_]\.)|(?<=[^\W\d_],)|(?<=\.[A-Z]))(\d{2,5})[\s.,;:]*$")


def glued_volume(segments: List[Segment]) -> List[Segment]:
    """The digits glued to a container's last word are its volume, when nothing else is."""
    if any(label == "volume" for label, _ in segments):
        return segments
    for i, (label, text) in enumerate(segments):
        if label != "container":
            continue
        m = _GLUED_VOLUME.search(text)
        if m and re.search(r"\w{2}", text[:m.start()]):
            return segments[:i] + [("container", text[:m.start()].rstrip(",")), ("volume", m.group(1))] + segments[i + 1:]
        break
    return segments


# a US state's or Canadian province's code after the city: 'Carol Stream, IL:', 'Princeton, NJ :'
_STATE_CODE = re.compile(r"^\s*[A-Z]{2}\s*[:,]?\s*$")
_CITY_AT_END = re.compile(r"(?<=[\w)][.,])\s+((?:[A-Z][a-z]+\.?\s?){1,3}),\s*$")


def city_before_state(segments: List[Segment]) -> List[Segment]:
    """'Heaven. Carol Stream,' + 'IL:': the words before a state's code, after the title's last
    full stop or comma, are the city, not part of the title or host."""
    for k in range(len(segments) - 1):
        label, text = segments[k]
        if label in ("title", "container") and segments[k + 1][0] == "location" and _STATE_CODE.match(segments[k + 1][1]):
            m = _CITY_AT_END.search(text)
            if m and re.search(r"\w{3}", text[:m.start()]):
                return (segments[:k] + [(label, text[:m.start()]), ("location", m.group(1) + ", " + segments[k + 1][1].strip())]
                        + segments[k + 2:])
    return segments


# (compiled when first used: a class this wide costs the re module several milliseconds to build)
_CJK = lazy(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
# a person's name in a CJK reference: two to five Han, Kana or Hangul characters, no space
_CJK_NAME = lazy(r"(?P<names>[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]{2,5}"
                       r"(?:[、·][\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]{2,5})*)"
                       r"(?:\s+(?P<year>(?:1[89]|20)\d\d[a-z]?))?")
_CJK_YEAR = re.compile(r"\(?(?:1[89]|20)\d\d[a-z]?\)?")
# where the pieces of a CJK reference part: a comma or full stop before a space, or the wide ones
_CJK_CUT = re.compile(r"[,.]\s+|[，。]\s*|\s*&\s*")
_QUOTE_OPENERS = {"'": "'", "‘": "’", "“": "”", '"': '"', "「": "」", "『": "』", "《": "》"}


def cjk_pieces(s: str, segments: List[Segment]) -> List[Segment]:
    """'陳遵嬀, 二十八宿的演變, 中國天文學史, 권2, 1985.', '宇治鄕毅. 1985. Title. Journal, 30: 1-22.':
    a Korean, Chinese or Japanese reference lists its names, year, title and host as pieces
    apart, each name a few characters with no space. The names are the authors, the first other
    piece the title and, when the model found no host after it, the next piece the host."""
    if s.isascii() or max(s) < "\u3040" or len(_CJK.findall(s)) < 5:  # (max: no Han, Kana or Hangul at all)
        return segments
    pieces: List[Tuple[int, int]] = []
    pos = 0
    while pos < len(s) and len(pieces) < 12:
        while pos < len(s) and s[pos].isspace():
            pos += 1
        close = _QUOTE_OPENERS.get(s[pos:pos + 1])
        # the quote that closes it has no letter after it ("'청구와 '책임제한'법리의 재검토',")
        end = next((m.start() for m in re.finditer(re.escape(close), s[pos + 1:])
                    if not s[pos + 2 + m.start():pos + 3 + m.start()].isalnum()), -2) + pos + 1 if close else -1
        if end > 0:  # a quoted piece runs to its closing quote, commas and all
            cut = _CJK_CUT.search(s, end + 1)
            if cut is None or re.search(r"\w", s[end + 1:cut.start()]):
                cut = None
            pieces.append((pos, end + 1))
            pos = cut.end() if cut else end + 1
            continue
        cut = _CJK_CUT.search(s, pos)
        stop = cut.start() if cut else len(s)
        if stop > pos:
            pieces.append((pos, stop))
        if not cut:
            break
        pos = cut.end()
    names, year = 0, None
    while names < len(pieces) and year is None:
        m = _CJK_NAME.fullmatch(s[pieces[names][0]:pieces[names][1]])
        if not m:
            break
        if m.group("year"):  # '박상찬, 차현진 2017.': the year typed after the last name
            year = (pieces[names][0] + m.start("year"), pieces[names][0] + m.end("year"))
            pieces[names] = (pieces[names][0], pieces[names][0] + m.end("names"))
        names += 1
    k = names
    if year is None and k < len(pieces) and _CJK_YEAR.fullmatch(s[pieces[k][0]:pieces[k][1]]):
        year = pieces[k]
        k += 1
    if not names or k >= len(pieces) or not _CJK.search(s[pieces[k][0]:pieces[k][1]]):
        return segments
    spans: List[Tuple[int, int, str]] = [(pieces[0][0], pieces[names - 1][1], "author")]
    if year:
        spans.append((year[0], year[1], "date"))
    title = pieces[k]
    spans.append((title[0], title[1], "title"))
    labels = _labels(s, segments)
    if labels is None:
        return segments
    host_after = any(lab == "container" for lab in labels[title[1]:])
    if k + 1 < len(pieces) and not host_after:
        a, b = pieces[k + 1]
        host = re.match(r"[^\d(]*[^\d\s(]", s[a:b])  # the numbers after a host's name are not part of it
        if host and _CJK.search(host.group(0)) and not re.search(r"[제第]\s*$", host.group(0)):
            spans.append((a, a + host.end(), "container"))
    return _relabel(s, segments, spans)


# an inverted name ending the authors, then one capitalised word that is no initial: 'Ohkita, M.
# Cluster' (+ 'Analysis using ...'), 'Moore, A. X-means:'
_WORD_AFTER_INITIALS = re.compile(r"(?:^|[,;&]\s*|\band\s+)[A-ZÀ-Þ][\w'’-]+,\s*(?:[A-Z]\.\s?-?){1,3}"
                                  r"(?P<word>\s*[A-ZÀ-Þ][\w'’-]*[a-zß-ÿ][\w'’-]*:?)\s*$")


def title_word_after_initials(segments: List[Segment]) -> List[Segment]:
    """'Pelleg, D., Moore, A. X-means:' + 'Extending K-means ...': a word after the last author's
    initials, right before the title, is the title's first word."""
    for k in range(len(segments) - 1):
        label, text = segments[k]
        if label == "author" and segments[k + 1][0] == "title":
            m = _WORD_AFTER_INITIALS.search(text)
            if m:
                word = m.group("word").strip()
                return (segments[:k] + [("author", text[:m.start("word")])]
                        + [("title", word + " " + segments[k + 1][1])] + segments[k + 2:])
            return segments
    return segments


# a full stop typed against the next sentence's first word, as PDF extraction leaves it: '... lasers .Review
# of scientific instruments69', '... representa-tions.J .Math Phys .38'
_STOP_GLUED_AFTER = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][A-Za-z]{0,4}$)")
_STOP_GLUED_BEFORE = re.compile(r"(?<=[a-z]{2}) \.(?=[A-Z][a-z]+\s+[a-z]+\s)")


def title_stop_glued(s: str, segments: List[Segment]) -> List[Segment]:
    """The model reads a title on over a full stop glued to the next word; the host begins there."""
    idx = next((i for i, (label, _) in enumerate(segments) if label == "title"), None)
    if idx is None or "." not in segments[idx][1]:
        return segments
    text = segments[idx][1].rstrip()
    has_host = any(label == "container" for label, _ in segments)
    nxt = segments[idx + 1][0] if idx + 1 < len(segments) else None
    m = _STOP_GLUED_AFTER.search(text) if nxt == "container" else None
    if m is None and not has_host:
        m = _STOP_GLUED_BEFORE.search(text)
    if m is None or not re.search(r"\w{3}", text[:m.start()]):
        return segments
    start = segment_offsets(s, segments)[idx]
    return _relabel(s, segments, [(start + m.end(), start + len(text), "container"),
                                  (start + m.start(), start + m.end(), "other")])


# the last author's family name run into a quoted title: 'Maldacena,"The large N limit ...',
# 'Sot-nikov," Structureof ...', 'Fries. «An assessment ...'
_NAME_BEFORE_QUOTE = re.compile(r"^\s*(?P<name>[A-ZÀ-Þ][\w'’-]+[,.])\s*(?=[\"“«]\s*\w)")
# the last author's initials typed against the title's first word: 'Ropers,' + 'C.Real -time spectral ...'
_INITIALS_GLUED = re.compile(r"^\s*(?P<name>(?:[A-Z]\.\s?-?){1,3})(?=[A-Z][a-z]{2})")


def name_before_quoted_title(segments: List[Segment]) -> List[Segment]:
    """A capitalised word and its comma or full stop before the quote that opens the title, right
    after the authors, is the last author's; so are initials glued to the title's first word after
    an author's comma."""
    for k in range(1, len(segments)):
        label, text = segments[k]
        if label != "title":
            continue
        m = _NAME_BEFORE_QUOTE.match(text)
        if m is None and segments[k - 1][1].rstrip().endswith(","):
            m = _INITIALS_GLUED.match(text)
        if m and segments[k - 1][0] == "author":
            return (segments[:k - 1] + [("author", segments[k - 1][1] + " " + m.group("name"))]
                    + [("title", text[m.end():])] + segments[k + 1:])
        return segments
    return segments


# an abbreviated word of a journal's name ('Int.', 'Biochem.', 'Phys.'): no sentence ends there
_ABBREVIATED = re.compile(r"[A-Z][a-z]{0,7}\.")


def container_key(text: str) -> str:
    """A container's name as the known containers list it: its letters and digits in lower case
    ('J. Appl. Phys.' and 'J Appl Phys' -> 'jappliphys')."""
    return "".join([c for c in text.lower() if c.isalnum()])


def known_container(segments: List[Segment], known: AbstractSet[str]) -> List[Segment]:
    """'Plant growth. Trends in' + 'Plant Science, 12': where the model's container is no container
    the training strings knew, and the words after one of the title's sentence ends, with it, are
    one, the container starts there; where its first sentences are the title's tail ('... of' +
    'mice. J. Neurosci.'), they go back to the title when what is left is a known container."""
    if not known:
        return segments
    for k in range(len(segments) - 1):
        label, text = segments[k]
        if label != "title" or segments[k + 1][0] != "container":
            continue
        host = segments[k + 1][1]
        if container_key(host) in known:
            return segments
        words = text.split()
        for i in range(1, len(words)):
            if sentence_end(words[i - 1]) and container_key(" ".join(words[i:]) + host) in known:
                return (segments[:k] + [("title", " ".join(words[:i])), ("container", " ".join(words[i:]) + " " + host)]
                        + segments[k + 2:])
        words = host.split()
        for i in range(1, len(words)):
            if (sentence_end(words[i - 1]) and not _ABBREVIATED.fullmatch(words[i - 1])
                    and container_key(" ".join(words[i:])) in known):
                return (segments[:k] + [("title", text + " " + " ".join(words[:i])), ("container", " ".join(words[i:]))]
                        + segments[k + 2:])
        return segments
    return segments
