"""parse_reference: one reference string -> one CSL item.

Order of work: normalise the text (spaces, homoglyphs), let the high-precision rules take
what is certain (DOI, URL, access date, language note, the numbers), then decide the
author / title / container boundaries (learned model when it is installed, rules
otherwise), then turn each segment into CSL values.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from ..model import CSLItem, Diagnostic
from ..patterns import CaseBlindWords, lazy
from ..vocabulary.languages import reference_language
from ..vocabulary.text import nfc, normalize_space, repair_homoglyphs, undo_line_hyphens
from . import gost, hosts
from .assemble import clean_text, fields_from_segments
from .cjk import MARKS as CJK_MARKS
from .heuristic import segment_head
from .publication import publication_area
from .rules import GOST_MONTH, MONTH_WORDS, Found, find_certain
from .split import list_number


def _normalise(text: str, diags: List[Diagnostic]) -> str:
    s = normalize_space(undo_line_hyphens(nfc(text)))
    s, changes = repair_homoglyphs(s)
    for change in changes:
        diags.append(Diagnostic(f"repaired look-alike letters: {change}", field="source"))
    # the spellings the model knows: 'и соавт.' is the medical 'и др.' (et al.)
    s = re.sub(r"\bи\s+соавт\.?", "и др.", s) if "соавт" in s else s
    return gost.repair_spacing(s)


def _head_end(s: str, found: Found) -> int:
    starts = [a for a, _, label in found.spans if label in ("numbers", "doi", "url", "note", "accessed")]
    return min(starts) if starts else len(s)


_THESIS = re.compile(r"\b(?:дис(?:с)?\.|диссертаци|автореф|thesis|dissertation|diss\.|Ph\.?\s?D\b|D\.Phil"
                     r"|thèse|tese|tesis|tesi\s+di|praca\s+(?:doktorska|magisterska)|rozprawa\s+doktorska|дисертаці)",
                     re.I)
# a word each match of _THESIS (_REPORT, ...) holds: a quick test that rules most strings out
_THESIS_WORDS = CaseBlindWords("дис", "автореф", "thesis", "diss", "ph", "thèse", "tese", "tesi", "praca", "rozprawa")
_REPORT = re.compile(r"\b(?:report|technical\s+(?:note|memorandum)|working\s+papers?|отч[её]т|доклад|препринт|"
                     r"discussion\s+papers?|white\s+paper)\b", re.I)
_REPORT_WORDS = CaseBlindWords("report", "technical", "working", "отчет", "отчёт", "доклад", "препринт", "discussion", "white")
# Russian acts are typed by gost.legislation (only when the act is what is cited); these are the
# English and EU ones
_LAW = re.compile(r"\bAct\s+(?:of\s+)?\d{4}|\bRegulation\s+\(E[UC]\)|\bDirective\s+\d", re.I)
_LAW_WORDS = CaseBlindWords("act", "regulation", "directive")
_STANDARD = re.compile(r"\b(?:ГОСТ|GOST|ISO|IEC|ANSI|DIN|СНиП|СП\s+\d)\s*(?:Р\s*)?\d[\d/.\-–:]*", re.I)
_STANDARD_WORDS = CaseBlindWords("гост", "gost", "iso", "iec", "ansi", "din", "снип", "сп")
_CONFERENCE = re.compile(r"\b(?:proceedings|proc\.|conference|symposium|workshop|congress|конференци|конф\b|"
                         r"симпозиум|форум|семинар)", re.I)


def _guess_type(item: Dict[str, Any], text: str) -> str:
    """The CSL type from what was found, with words that name a kind of document first."""
    container = item.get("container-title", "")
    if gost.patent(text):
        return "patent"
    if _STANDARD_WORDS.in_text(text[:80]) and _STANDARD.search(text[:80]):
        return "standard"
    if _LAW_WORDS.in_text(text[:120]) and _LAW.search(text[:120]) or gost.legislation(text):
        return "legislation"
    if _THESIS_WORDS.in_text(text) and _THESIS.search(text):
        return "thesis"
    report = item.get("genre", "") + " " + text[:200]
    if _REPORT_WORDS.in_text(report) and _REPORT.search(report) and not container:
        return "report"
    if "Деп." in text and re.search(r"\bДеп\.\s+в\s", text):
        return "manuscript"  # deposited at VINITI and the like: never published
    slashes = gost.HOST_SLASHES.search(text)
    host = text[slashes.end():] if slashes else ""  # GOST: what follows '//' describes the host
    if container and _CONFERENCE.search(" ".join((container, item.get("genre", ""), host))):
        return "paper-conference"
    if re.search(r"энциклопеди|encyclop", container, re.I):
        return "entry-encyclopedia"
    if re.search(r"словар|dictionar", container, re.I):
        return "entry-dictionary"
    if (re.search(r"\bсайт\b|web\s*site", container + " " + item.get("genre", ""), re.I)
            or item.get("URL") and re.search(r"Электронный ресурс|Текст\s*:\s*электронный", text)
            and not any(k in item for k in ("volume", "issue", "page", "publisher", "number-of-pages"))
            and not re.search(r"\bISBN\b", text)):
        # 'Текст : электронный' marks any electronic resource: an e-book keeps its publisher and pages
        return "webpage"
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    if container and len(parts[0]) == 3 and "volume" not in item and re.search("[А-Яа-яЁё]", text):
        return "article-newspaper"  # GOST dates a newspaper issue by its day
    if container and any(k in item for k in ("volume", "issue")):
        return "article-journal"
    if container and (item.get("publisher") or item.get("editor") or item.get("publisher-place")):
        return "chapter"
    if container:
        return "article-journal"
    if item.get("publisher") or item.get("number-of-pages") or item.get("publisher-place"):
        return "book"
    if item.get("URL"):
        return "webpage"
    return "article-journal" if item.get("volume") or item.get("page") else "document"


def _ordered(item: Dict[str, Any]) -> CSLItem:
    order = ["type", "citation-number", "author", "editor", "title", "container-title",
             "collection-title", "publisher", "publisher-place", "issued", "volume", "issue",
             "page", "number-of-pages", "DOI", "URL", "accessed", "language", "note", "source"]
    out = {k: item[k] for k in order if k in item}
    out.update({k: v for k, v in item.items() if k not in out})
    return out


_DAY_MONTH = lazy(rf"\d{{1,2}}\s+(?:(?:{MONTH_WORDS})[а-яa-z]*\.?|{GOST_MONTH})", re.I)


def parse_reference(text: str, *, number: str | None = None) -> Tuple[CSLItem, List[Diagnostic]]:
    """One reference string -> (CSL item, diagnostics).

    The item always has ``type`` and ``source`` (the string exactly as given); a string
    that cannot be structured keeps its text as the title and a warning says so.
    """
    diags: List[Diagnostic] = []
    item: Dict[str, Any] = {}
    if number is not None:
        item["citation-number"] = str(number)
    s = _normalise(text, diags)
    printed, end = list_number(s)
    if printed is not None and not (len(printed) == 4 and 1500 <= int(printed) <= 2099):
        # '60. Title ...', '[3] Author ...': the list's number is not part of the reference
        item.setdefault("citation-number", printed)
        s = s[end:]
    key, s = gost.split_key(s)
    if key:
        item["citation-label"] = key  # 'Лебедев, 2015а – Лебедев Н.Н. ...': the key is not the reference
    found = find_certain(s)
    repairs: List[str] = []
    segments = _segments(s, found)
    learned = fields_from_segments(segments, repairs)
    for change in dict.fromkeys(repairs):  # a GOST name printed twice is one repair
        diags.append(Diagnostic(f"repaired look-alike letters: {change} (Cyrillic initials of a "
                                "Latin-script name)", field="author"))
    if any(label == "numbers" for _, _, label in found.spans):
        # a recognised number cluster ('2018;(66):3–26') says everything about the numbers,
        # including that there is no volume; GOST areas read one by one leave room for
        # a number the model found (',- N 4.-'), if it is a number
        for key in ("volume", "issue", "page", "number-of-pages"):
            if found.whole_cluster or not any(c.isdigit() for c in str(learned.get(key, ""))):
                learned.pop(key, None)
        if "issued" in found.fields:
            learned.pop("issued", None)
        if learned.get("volume") and learned.get("volume") == found.fields.get("issue"):
            learned.pop("volume")  # 'Вип. 2 (215)': the model's volume is the issue the rules read
    for key in ("volume", "issue", "page"):
        if _DAY_MONTH.fullmatch(str(learned.get(key, ""))):
            learned.pop(key)  # '15 июня', '3 March', '18 верес.': a newspaper's day, not a volume or a page
        elif ("volume" in found.fields or "issue" in found.fields) and not CJK_MARKS.isdisjoint(str(learned.get(key, ""))):
            learned.pop(key)  # '第2期': the rules read the number its mark gives (an issue), not the model's page
    if ("container-title" in learned and "title" not in learned and not gost.HOST_SLASHES.search(s)
            and (not any(k in learned or k in found.fields for k in ("volume", "issue", "page"))
                 or "number-of-pages" in learned or "number-of-pages" in found.fields)):
        # a book has its own title before any container: a lone 'container' without journal
        # numbers, or with a page count ('Сочинения : в 2 т. ... Т. 2. 432 с.'), is the title
        # ('Abbrev. J. 10, 265' keeps its container)
        learned["title"] = learned.pop("container-title")
    item.update(learned)
    item.update(found.fields)  # the rules are certain; they win over the model
    day = ((item.get("issued") or {}).get("date-parts") or [[]])[0][2:]
    for key in ("volume", "issue"):
        if day and key not in found.fields and str(item.get(key, "")) == str(day[0]):
            item.pop(key)  # '2023. – 14 февр.': the model took the newspaper's day for a number
    _document_kinds(item, s)
    publication_area(s, item)
    hosts.tidy_host(item)
    if "note" in found.fields and isinstance(item.get("title"), str):
        # 'Atlas(in Russian)': the statement's first word stuck to the title's last
        item["title"] = re.sub(r"\s*[(\[][^()\[\]]{0,4}$", "", item["title"]) or item["title"]
    if not any(item.get(k) for k in ("title", "container-title", "issued", "DOI", "URL")):
        if item.get("author") and _names_only(s, segments):
            # a list of names and nothing else (a reference cut off after its authors): the
            # names are what the string says; inventing a title from them would be wrong
            for guess in ("publisher", "publisher-place"):
                item.pop(guess, None)
            diags.append(Diagnostic("this reference has author names only (no title, date, container or "
                                    "identifier); its text is kept in 'source'", field="title"))
        else:
            for guess in ("author", "editor", "publisher", "publisher-place"):
                item.pop(guess, None)  # a name alone is a guess, not a structure
            item["title"] = clean_text(s) or s
            diags.append(Diagnostic("could not structure this reference (no title, date, container or identifier "
                                    "found); its text is kept as the title", field="title"))
    item["type"] = _guess_type(item, s)
    if "language" not in item:  # what the string states (rules.find_identifiers) always wins
        # the cited work's own words: its title first, and what it was published in and by
        words = " ".join(str(item.get(k, "")) for k in ("title", "container-title", "collection-title", "publisher"))
        names = [str(n.get(k, "")) for role in ("author", "editor") for n in item.get(role) or []
                 for k in ("family", "given", "literal")]
        language = reference_language(str(item.get("title", "")), s, words, names)
        if language:
            item["language"] = language
    item["source"] = text
    return _ordered(item), diags


_APA_THESIS = re.compile(r"\((?P<kind>(?:[Uu]npublished\s+)?(?:[Dd]octoral\s+dissertation|[Mm]aster'?s\s+thesis"
                         r"|[Dd]octoral\s+thesis|Ph\.?\s?D\.?\s+(?:thesis|dissertation)))"
                         r"(?:,\s*(?P<university>[^()]{3,120}?))?\)")
_LEGAL_DATABASE = re.compile(r"\b(?:СПС|КонсультантПлюс|Консультант\s*Плюс|Гарант)\b", re.I)


def _document_kinds(item: Dict[str, Any], s: str) -> None:
    """What GOST's fixed words say for certain: a standard's designation, a law's date and number,
    and the kind of document named after the title ('Экономика : учебное пособие')."""
    invention = gost.patent(s)
    if invention:
        # a patent is no part of a journal: the numbers are its own and its applications'
        for key in ("author", "editor", "container-title", "volume", "issue", "page"):
            item.pop(key, None)
        item.update(invention)
    designated = None if invention else gost.standard(s)
    fixed = designated or (None if invention else gost.legislation(s))
    if designated and not gost.HOST_SLASHES.search(s):
        # a standard cited by its designation is published on its own: the numbers of an order
        # that approved it ('приказом ... от 24 декабря 2020 г. № 859/пр') and its issuing body
        # are not a journal's
        for key in ("container-title", "volume", "issue"):
            item.pop(key, None)
    if fixed:
        for key in ("author", "editor"):
            item.pop(key, None)  # 'ГОСТ Р', 'Федеральный закон' are not people
        law_number = re.match(r"\d+", str(fixed.get("number", "")))
        for key in ("volume", "issue"):
            if law_number and str(item.get(key, "")) in (law_number.group(0), fixed["number"]):
                item.pop(key)  # '№ 152-ФЗ' is the law's number, not an issue
        if fixed.get("section") and item.get("page") == fixed["section"]:
            item.pop("page")  # 'Ст. 3822' is the article of the gazette, not a page
        if _LEGAL_DATABASE.search(item.get("container-title", "")):
            item["archive"] = item.pop("container-title")  # a legal database is where it was found
        item.update(fixed)
    apa = _APA_THESIS.search(s)
    if apa and isinstance(item.get("title"), str) and "(" in item["title"]:
        # the model cut the brackets in two: the title keeps what stands before them
        cut = item["title"].rfind("(")
        if ")" not in item["title"][cut:]:
            item["title"] = item["title"][:cut].rstrip(" .,")
    if apa:
        item["genre"] = " ".join(apa.group("kind").split())
        if apa.group("university"):
            item["publisher"] = apa.group("university").strip()
    for key in ("title", "container-title"):
        if key in item:
            value, genre = gost.split_other_info(item[key])
            if value:
                item[key] = value
            if genre:
                item.setdefault("genre", genre)


def _names_only(s: str, segments: List[Tuple[str, str]]) -> bool:
    """Whether the segmenter read (nearly) the whole string as author names."""
    letters = sum(c.isalpha() for c in s)
    named = sum(c.isalpha() for label, text in segments if label == "author" for c in text)
    return letters > 0 and named >= 0.9 * letters


def _segments(s: str, found: Found) -> List[Tuple[str, str]]:
    """(label, text) segments from the learned model, or from the rule fallback."""
    from . import crf as model  # imported late: loading the model is the slow part

    vancouver = any(label == "numbers" and s[a:b].count(";") for a, b, label in found.spans)
    journal_numbers = any(k in found.fields for k in ("volume", "issue", "page"))
    if vancouver:
        by_rules = _rule_segments(s, found)
        if {"author", "title", "container"} <= {label for label, _ in by_rules}:
            # 'Family I.I., Family I.I. Title. Container. 2023;15(3):83-99': the Vancouver layout
            # is certain here, and the rules split it exactly
            return gost.correct_segments(s, by_rules, journal_numbers)
    tagged = model.segment(s, found)
    if tagged is None:
        return _rule_segments(s, found)
    tagged = hosts.title_stop_glued(s, hosts.quoted_title_closed(s, hosts.name_before_quoted_title(hosts.host_opened(hosts.editors_stated(s, hosts.cjk_pieces(s, tagged))))))
    segments = hosts.book_after_editors(_editors_by_role(_names_before_title(_given_names_cut_off(
        _editors_apart(_edition_apart(_host_after_slashes(_title_ends(hosts.title_tail_to_host(hosts.title_not_dangling(hosts.title_opening_in(hosts.journal_word_after_names(tagged))))))))))))
    segments = hosts.city_before_state(hosts.glued_volume(hosts.title_bracket_unclosed(
        hosts.title_word_after_initials(segments))))
    segments = hosts.known_container(segments, model.known_containers())
    return gost.correct_segments(s, hosts.marks_to_numbers(segments), journal_numbers)


def _rule_segments(s: str, found: Found) -> List[Tuple[str, str]]:
    """(label, text) segments of the part before the numbers and identifiers, by the rules."""
    head = s[: _head_end(s, found)]
    spans = sorted(segment_head(head).items(), key=lambda kv: kv[1])
    return [("container" if label == "container-title" else label, head[a:b]) for label, (a, b) in spans]


def _host_after_slashes(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """GOST's '//' always separates a part from the host it is printed in: a title that runs
    over it ends there (the rest is the container when the model found none), and a
    container that starts before it ('Текст : электронный // Вопросы экономики') starts after."""
    out: List[Tuple[str, str]] = []
    has_container = any(label == "container" for label, _ in segments)
    for label, text in segments:
        marks = list(gost.HOST_SLASHES.finditer(text)) if "//" in text else []  # not the '//' of 'http://'
        if marks and label == "container" and re.search(r"\w", text[marks[-1].end():]):
            out.append(("other", text[:marks[-1].end()]))
            out.append((label, text[marks[-1].end():]))
            continue
        if marks and label in ("title", "author", "editor"):
            head, tail = text[:marks[0].start()], text[marks[0].start():]
            if re.search(r"\w{2}", head) and re.search(r"\w{2}", tail):
                out.append((label, head))
                out.append(("other" if has_container else "container", tail))
                has_container = True
                continue
        out.append((label, text))
    return out


# 'Bill Puka, ed. Moral Development', 'E. M. Hetherington (Ed.), Handbook of ...': the editors printed
# before the book's title, inside what the model called the container
_EDITORS_FIRST = re.compile(r"^\s*(?:[Ii]n:?\s+)?(?P<ed>[A-Z][\w.'’-]*(?:[\s-]+[A-Z][\w.'’-]*){0,4}"
                            r"(?:(?:,?\s+(?:&|and)|,)\s+[A-Z][\w.'’-]*(?:[\s-]+[A-Z][\w.'’-]*){0,4})*)"
                            r"\s*(?:,\s*eds?\.|\((?:[Ee]ds?|Hrsg|[Éé]d)\.?\))\s*[,.]?\s+(?P<rest>[A-Z\"“«].+)$")


_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)?|[A-Z]\.?)"
# one person given-name first: 'Frank Wood', 'Yee Whye Teh', 'Adi L Tarca', 'Sorin Drăghici'
_PERSON_GIVEN_FIRST = re.compile(rf"({_NAME_WORD})(?:\s+{_NAME_WORD}){{0,2}}\s+(?:(?:de|da|van|von|der|del|la|le)\s+)?"
                                 rf"[A-Z][\w'’-]+")
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")


def _names_before_title(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """'Frank Wood, Jan Gasthaus, | Cédric Archambeau, and Yee Whye Teh. The sequence memoizer.': a
    title that starts with people given-name first, each with a known first name, ending at a
    full stop, starts with the rest of the author list."""
    from .givennames import given_names  # late: `python -m tools.refmodel.givennames` builds it

    idx = next((i for i, (label, _) in enumerate(segments) if label == "title"), None)
    if idx is None or any(label not in ("author", "number", "other") for label, _ in segments[:idx]):
        return segments
    text = segments[idx][1]
    pos, people, known = 0, 0, 0
    while True:
        m = _PERSON_GIVEN_FIRST.match(text, pos)
        if not m:
            break
        people += 1
        known += m.group(1).rstrip(".") in given_names()
        pos = m.end()
        glue = _LIST_GLUE.match(text, pos)
        if glue and glue.end() > pos:
            pos = glue.end()
            continue
        break
    end = re.match(r"\s*\.\s+(?=\S)", text[pos:]) if known else None
    # the list goes on from an author segment ending in ',' / 'and' / '&', or the model found no
    # author at all and the title starts with two people or more
    previous = [t for label, t in segments[:idx] if label == "author"]
    continues = bool(previous) and re.search(r"(?:,|\band|&)\s*$", previous[-1]) is not None
    if not end or not (continues or not previous and people >= 2):
        return segments
    return segments[:idx] + [("author", text[:pos]), ("title", text[pos:])] + segments[idx + 1:]


# an inverted author cut after its comma: 'Cappello, | Stefania and Alfons Prandi. Carpi ...',
# 'SANTOS, | José Luiz dos. Fundamentos ...', 'Fridman, | Adam (2016)', 'de Linares, | C. (2008)'
_BARE_FAMILY_LAST = re.compile(r"(?:^|[,;&]\s*|\band\s+)(?:(?:de|da|do|dos|das|van|von|der|del|la|le)\s+)*"
                               r"[A-ZÀ-Þ][\w'’-]+,\s*$")
_GIVEN_WORD = r"(?:[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?|[A-Z]\.(?:-?[A-Z]\.)*)"
_GIVEN_CUT = re.compile(rf"\s*(?P<given>{_GIVEN_WORD}(?:\s+(?:{_GIVEN_WORD}|de|da|do|dos|das|van|von|der))*?)"
                        rf"(?P<more>\s*,?\s+(?:and|&|et|und)\s+{_PERSON_GIVEN_FIRST.pattern})?"
                        r"(?=\s*(?:\.\s|\.?$|\(|,\s))")


def _given_names_cut_off(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """Give back to an author segment that ends with a family name and its comma the given names
    the model put at the start of the next segment, when they are initials or known first names."""
    from .givennames import given_names

    for i, (label, text) in enumerate(segments[:-1]):
        if label == "author" and _BARE_FAMILY_LAST.search(text):
            break
    else:
        return segments
    nxt_label, nxt = segments[i + 1]
    m = _GIVEN_CUT.match(nxt)
    if nxt_label in ("author", "date", "number") or not m:
        return segments
    first = m.group("given").split()[0]
    if not (re.fullmatch(r"[A-Z]\.(?:-?[A-Z]\.)*", first) or first in given_names()):
        return segments
    rest = re.sub(r"^\s*[.,]?\s*", "", nxt[m.end():])
    author = ("author", text + " " + nxt[:m.end()].strip() + ("." if nxt[m.end():].lstrip().startswith(".") else ""))
    return segments[:i] + [author] + ([(nxt_label, rest)] if rest else []) + segments[i + 2:]


# the role printed after a work's editors: 'DAHAN Amy (éd.),', 'Hans Eberwein und Sabine Knauer (Hrsg.):',
# 'Farmer, P., and J. Simmons, eds.', 'Stumm, Gerhard, Hrsg.'
_ROLE_AFTER = re.compile(r"(?:\((?i:eds?|éds?|hrsg|hg|dir|coords?|orgs?)\.?\)|,\s*(?:eds?|Eds|[Hh]rsg|[Hh]g|éds?)\.)"
                         r"\s*[,.:]?\s*$")  # ('Smith, Ed.' is Edward: lower case, or in brackets)
_ROLE_OPENS = re.compile(r"^\s*(?:\((?i:eds?|éds?|hrsg|hg)\.?\)|(?:eds?|Eds|[Hh]rsg|[Hh]g|éds?)\.)\s*[,.:]?\s+(?=\S)")


# the role alone, the model having cut the list before it: 'Farmer, P., M. Connors, | and J. Simmons, | eds.'
_ROLE_ALONE = re.compile(r"^\s*,?\s*(?:\((?i:eds?|éds?|hrsg|hg)\.?\)|(?:eds?|Eds|[Hh]rsg|[Hh]g|éds?)\.)\s*[,.:]?\s*$")
_MORE_NAMES = re.compile(r"^\s*(?:(?:and|&|et|und)\s+)?[A-ZÀ-Þ][^\d()\[\]]{0,60}$")


_IN_ALONE = lazy(r"\s*(?:[Ii]n|dans|[Ii]m)\s*:?\s*")
_IN_OPENS = lazy(r"\s*(?:[Ii]n:|dans)\s")


def _editors_by_role(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """The names before a title that say they edited it are its editors, not its authors; a role
    word the model put at the start of the title ('Hrsg. Psychotherapie') is no part of it."""
    out = list(segments)
    first = next((i for i, (label, _) in enumerate(out) if label == "author"), None)
    if first is not None:
        j = first + 1
        while j < len(out) and _MORE_NAMES.match(out[j][1]) and (
                out[j][0] != "title" or re.match(r"\s*(?:and|&)\s", out[j][1])):
            j += 1
        if j < len(out) and _ROLE_ALONE.match(out[j][1]):
            out[first:j + 1] = [("editor", " ".join(text.strip() for _, text in out[first:j + 1]))]
    seen_title = False
    for i, (label, text) in enumerate(out):
        if label == "title":
            seen_title = True
        if seen_title:
            # 'Title, in Corin H. et Toussignant P., Book': people after the title and 'in' edited the host
            opened = i > 0 and _IN_ALONE.fullmatch(out[i - 1][1])
            if label == "author" and (opened or _IN_OPENS.match(text)):
                out[i] = ("editor", text)
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if label != "author":
            continue
        if _ROLE_AFTER.search(text):
            out[i] = ("editor", text)
        elif nxt is not None and nxt[0] == "title" and _ROLE_OPENS.match(nxt[1]):
            role = _ROLE_OPENS.match(nxt[1])
            assert role is not None
            out[i] = ("editor", text + " " + nxt[1][:role.end()].strip())
            out[i + 1] = ("title", nxt[1][role.end():])
    return out


def _editors_apart(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    out: List[Tuple[str, str]] = []
    for label, text in segments:
        m = _EDITORS_FIRST.match(text) if label == "container" else None
        if m:
            out.extend([("editor", m.group("ed")), ("container", m.group("rest"))])
        else:
            out.append((label, text))
    return out


# GOST's edition statement: '2-е изд., перераб. и доп.', 'Изд. 3-е, стер.', Ukrainian '2-ге вид., перероб. і доп.'
_EDITION_WORDS = CaseBlindWords("изд", "вид")
_EDITION = re.compile(r"(?:\b\d+-?[еяйи]\s+изд\.|\bИзд\.\s*\d+-?[еяй]|\b\d+-?(?:ге|го|тє|е)\s+вид\.)"
                      r"(?:\s*,?\s*(?:перераб|перероб|испр|випр|доп|стер|розш|расш|перер)[а-яіїє]*\.?"
                      r"(?:\s*[иі]\s*(?:перераб|перероб|испр|випр|доп|стер|розш|расш)[а-яіїє]*\.?)?)?", re.I)


def _edition_apart(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """An edition statement is never a name, a title or a container: cut it out of whatever
    segment the model put it in."""
    out: List[Tuple[str, str]] = []
    for label, text in segments:
        m = _EDITION.search(text) if label != "edition" and _EDITION_WORDS.in_text(text) else None
        out.extend(gost.cut_out(label, text, m, "edition", m.group(0)) if m else [(label, text)])
    return out


_QUOTES = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'"}
# where a title gives way to the container it was printed in: '. In: ', ', in ', '. Proceedings'
_CONTAINER_START = re.compile(r"[.,;]\s+(?:[Ii]n\s*:\s+|[Ii]n\s+(?=[A-Z]))"
                              r"|[.,]\s+(?=(?:Proceedings|Proc\.|Actes|Trudy|Труды|Материалы|Сборник)\b)")


def _closing_quote(text: str) -> int:
    """Offset of the quote that closes a title opening with a quote, or -1."""
    t = text.lstrip()
    lead = len(text) - len(t)
    close = _QUOTES.get(t[:1])
    if close is None:
        return -1
    for j in range(1, len(t)):
        if t[j] == close and (j + 1 == len(t) or not t[j + 1].isalnum()):
            # a closing quote ends the title only beside punctuation ('“Title,” in', '"Title".')
            if t[j - 1] in ".,;:?!" or re.match(r"\s*[.,;:]", t[j + 1:]):
                return lead + j
            return -1
    return -1


def _title_ends(segments: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """Boundaries the model overruns: a quoted title ends at its closing quote, and an
    'In: ...' or 'Proceedings ...' inside a title starts the container. What follows the
    cut is the container when the model found none (else it stays unlabelled)."""
    out = list(segments)
    idx = next((i for i, (label, _) in enumerate(out) if label == "title"), None)
    if idx is None:
        return out
    text = out[idx][1]
    cut = -1
    j = _closing_quote(text)
    if j >= 0 and re.search(r"\w{2}", text[j + 1:]):
        cut = j + 1
    else:
        m = _CONTAINER_START.search(text)
        if m and re.search(r"\w{3}", text[:m.start()]):
            cut = m.start()
    if cut < 0:
        return out
    rest = text[cut:]
    rest_label = "other" if any(label == "container" for label, _ in out) else "container"
    out[idx:idx + 1] = [("title", text[:cut]), (rest_label, rest)]
    return out


__all__ = ["parse_reference"]
