"""Authors on an article page: the byline, the "About the authors" paragraphs (full names,
degrees, affiliations, ORCID, Scopus ID, SPIN, e-mail), and the contribution statements.
The fullest spelling of a name wins; other spellings are kept as variants."""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import Any, Dict, List, Tuple

from ...vocabulary.credit import split_contributions
from ...vocabulary.languages import is_cyrillic
from .bylines import NAME_WORD, PATRONYMIC, full_name_parts, normal_case

_ORCID = re.compile(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b")
_SCOPUS = re.compile(r"Scopus\s*(?:Author\s*)?ID\s*:?\s*(\d{6,})", re.I)
_SPIN = re.compile(r"SPIN(?:[\s-]*(?:code|код))?\s*:?\s*(\d{4}-\d{4})", re.I)
_RESEARCHER_ID = re.compile(r"Researcher\s*ID\s*:?\s*([A-Z]{1,3}-\d{4}-\d{4})", re.I)
# "1 Department of ..." / "¹ Department ..." / "a Department ...": an affiliation with its marker
MARKED_AFFILIATION = re.compile(r"^\s*(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹]|[a-f](?=\s+[A-ZА-Я]))\s*[.)]?\s+(\S.*)$")
# several affiliations on one line, each after its numbers ('1Department ...; 2,3National ...')
_GLUED_MARKS = re.compile(r"(?:^|(?<=;\s))(\d{1,2}(?:\s*,\s*\d{1,2})*)\s*[.)]?\s*(?=[A-ZА-ЯЁ])")


def marked_affiliations(line: str) -> List[Tuple[List[str], str]]:
    """[(marks, affiliation)] for a line of numbered affiliations, or [] when it is not one."""
    starts = list(_GLUED_MARKS.finditer(line))
    if not starts or starts[0].start() != 0:
        return []
    out = []
    for m, nxt in zip(starts, starts[1:] + [None]):
        text = line[m.end(): nxt.start() if nxt else len(line)].strip(" ;")
        out.append((re.findall(r"\d{1,2}", m.group(1)), text))
    return out
CORRESPONDENCE = re.compile(r"^\s*([*†‡§#])\s*(?:Correspondence|Corresponding\s+author|Автор\s+для\s+переписки)\b\s*[:.]?\s*(.*)$",
                            re.I)
COPYRIGHT = re.compile(r"©\s*[^©\n]*?(?<![\d-])(?:19|20)\d\d(?![\d-])(?:\s+by\s+the\s+authors?)?")  # a year, not an ISSN's half
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DEGREE = re.compile(
    r"^(?:Cand\.?\s*Sci\.|Dr\.?\s*Sci\.|Ph\.?\s*D\.?|D\.?\s*Sc\.|M\.?\s*Sc\.|MA\b|MBA\b|Doctor of|Candidate of|"
    r"канд\.|кандидатк?а?\s+\w+\s+наук|д-р|докторк?а?\s+\w+\s+наук)(?!\s+(?:candidate|student))", re.I)
POSITION = re.compile(
    r"\b(?:researcher|research\s+(?:assistant|fellow|associate)|professor|lecturer|head|director|dean|chair|"
    r"fellow|assistant|associate|senior|junior|leading|chief|postgraduate|graduate|student|candidate|"
    r"post-?doc|engineer|analyst|expert|editor|rector|vice-rector|доцент|профессор|сотрудник|заведующ\w*|"
    r"директор|аспирант|студент|преподаватель|декан|научный|ведущий|старший|младший|"
    r"доцентка|професор|професорка|аспірант\w*|викладач\w*|науковий|завідувач\w*)\b", re.I)
_ID_PART = re.compile(r"^(?:ORCID|Scopus|SPIN|Researcher\s*ID|e-?mail|AuthorID|РИНЦ)\b", re.I)


def fold(text: str) -> str:
    """Letters and digits only, case-folded, accents ignored: for comparing names and titles
    ('Calderón Antón' == 'Calderon Anton')."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c)).casefold()


def split_top_level(text: str, sep: str = ",") -> List[str]:
    """Split on ``sep`` outside parentheses."""
    parts: List[str] = []
    buf: List[str] = []
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == sep and depth == 0:
            parts.append("".join(buf).strip())
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf).strip())
    return [p for p in parts if p]


AGGREGATOR_AUTHORS = re.compile(r"\b(?:автор(?:ы)?\s+научной\s+работы|authors?\s+of\s+scientific\s+(?:article|paper|work))"
                                r"\s*[—–-]\s*(.+?)\s*$", re.I)
_AUTHOR_LINE = re.compile(r"^([^\W\d_][^\W\d_'’-]+(?:\s+[^\W\d_][^\W\d_'’.-]*){1,3})\s*[,–—]\s+(.+)$")


def author_line(line: str) -> Dict[str, str] | None:
    """The person a line about one author starts with ('ЗИГАНШИН АЙДАР МИНДИЯРОВИЧ, канд. мед.
    наук, ...', 'Писаренко Данила Андреевич, аспирант'): a full name with a patronymic, then a
    degree, a position or an affiliation. None for other lines."""
    m = _AUTHOR_LINE.match(normal_case(line))
    if m:
        words, rest = m.group(1).split(), m.group(2)
    else:  # no comma after the name: 'Шара Світлана Олексіївна кандидатка педагогічних наук, ...'
        words, rest = normal_case(line).split()[:3], " ".join(line.split()[3:])
        if not (DEGREE.match(rest) or POSITION.match(rest)):
            return None
    if len(words) != 3 or not PATRONYMIC.search(words[2]) or not all(NAME_WORD.match(w) for w in words):
        return None
    if not (DEGREE.match(rest) or POSITION.search(rest) or re.search(
            r"университет|институт|академи|universit|institut|academy|e-?mail|orcid", rest, re.I)):
        return None
    return full_name_parts(words)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode())


def romanised_twin(person: Dict[str, str], known: List[Dict[str, str]]) -> int | None:
    """The known person whose Cyrillic name this Latin one romanises, or the other way round
    ('Tretyakov Oleg' for 'Третьяков Олег'): the family names alike once romanised (any common
    scheme: 'Tret'yakov', 'Tretiakov'), the given names' first letters the same."""
    import iuliia  # only pages naming authors in two scripts need it

    family, given = person.get("family", ""), person.get("given", "")
    for i, other in enumerate(known):
        o_family, o_given = other.get("family", ""), other.get("given", "")
        if not family or not o_family or is_cyrillic(family) == is_cyrillic(o_family):
            continue
        (cyr_f, cyr_g), (lat_f, lat_g) = ((o_family, o_given), (family, given)) if is_cyrillic(o_family) \
            else ((family, given), (o_family, o_given))
        romanised = iuliia.WIKIPEDIA.translate(cyr_f)
        alike = SequenceMatcher(None, _letters(romanised), _letters(lat_f)).ratio() >= 0.8
        initials = _letters(iuliia.WIKIPEDIA.translate(cyr_g))[:1] == _letters(lat_g)[:1]
        if alike and initials:
            return i
    return None


def _full_name_person(full: str, known: List[Dict[str, str]]) -> Tuple[int | None, Dict[str, str]]:
    """Match a full name ('Leili R. Rustamova') to a byline person by family name; the family
    name of the byline decides where given names end ('Jose de Jesus' + 'Calderon Anton')."""
    key = fold(full)
    words = full.split()
    for i, person in enumerate(known):
        fam = fold(person.get("family", ""))
        nfam = len(person.get("family", "").split())
        if fam and key.endswith(fam):
            return i, {"family": " ".join(words[-nfam:]), "given": " ".join(words[:-nfam])}
        if fam and key.startswith(fam) and len(words) > nfam:
            # family name first, as Russian pages print it: "Иванова Анна Сергеевна"
            return i, {"family": " ".join(words[:nfam]), "given": " ".join(words[nfam:])}
    return None, full_name_parts(full.split())


def parse_author_paragraph(text: str) -> Dict[str, Any]:
    """One "About the authors" paragraph -> its parts (name, degree, position, affiliation,
    address, orcid, scopus, spin, researcherid, email)."""
    info: Dict[str, Any] = {}
    for key, pat in (("orcid", _ORCID), ("scopus", _SCOPUS), ("spin", _SPIN), ("researcherid", _RESEARCHER_ID),
                     ("email", EMAIL)):
        m = pat.search(text)
        if m:
            info[key] = m.group(1) if pat.groups else m.group(0)
    parts = split_top_level(text)
    dash = re.match(r"^(.{3,80}?)\s+[–—-]\s+(.+)$", parts[0])
    if dash and not any(ch.isdigit() for ch in dash.group(1)):
        # "Иванова Анна Сергеевна – кандидат экономических наук, доцент ...": name, dash, the rest
        parts[:1] = [dash.group(1), dash.group(2)]
    words = parts[0].split()
    if len(words) > 3 and PATRONYMIC.search(words[2]) and (DEGREE.match(" ".join(words[3:])) or POSITION.match(words[3])):
        parts[:1] = [" ".join(words[:3]), " ".join(words[3:])]  # 'Шара Світлана Олексіївна кандидатка ... наук'
    info["literal"] = parts[0]
    affiliation: List[str] = []
    positions: List[str] = []
    degrees: List[str] = []
    for part in parts[1:]:
        if _ID_PART.match(part) or EMAIL.fullmatch(part) or _ORCID.search(part):
            continue
        if DEGREE.match(part):
            degrees.append(part)
        elif not affiliation and POSITION.search(part) and not re.search(
                r"\b(?:university|institute|academy|университет|институт|академия)\b", part, re.I):
            positions.append(part)
        else:
            affiliation.append(part)
    if affiliation:
        last = affiliation[-1]
        m = re.search(r"\s*\(([^()]*\d[^()]*)\)\s*$", last)
        if m:
            info["address"] = m.group(1)
            affiliation[-1] = last[: m.start()].strip()
        info["affiliation"] = ", ".join(affiliation)
    if degrees:
        info["degree"] = ", ".join(degrees)
    if positions:
        info["position"] = ", ".join(positions)
    return info


def parse_contribution(paragraph: str) -> Tuple[str, str] | None:
    """'L. R. Rustamova – conceptualization; methodology' -> (name, contributions)."""
    m = re.match(r"^(.{2,80}?)\s+[–—-]\s+(.+)$", paragraph) or re.match(r"^([^:]{2,80}):\s*(.+)$", paragraph)
    if not m:
        return None
    return m.group(1).strip(), m.group(2).strip()


_INITIALS_GROUP = re.compile(r"^[^\W\d_](?:[.\-\s]*[^\W\d_]){0,5}\.?$")


def _initials_key(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text)


def person_initials(person: Dict[str, str]) -> str:
    """'Anna S. Ivanova' -> 'ASI', 'Maria de la Cruz' -> 'MdlC' (as MDPI prints them)."""
    words = f"{person.get('given', '')} {person.get('family', '')}".replace("-", " ").split()
    return "".join(w[0] for w in words if w[0].isalpha())


def looks_like_role_list(paragraph: str) -> bool:
    """'Conceptualization, A.S.I. and B.B.P.; methodology, A.S.I.' rather than 'Name – roles'."""
    segments = [s for s in re.split(r"\s*;\s*", paragraph) if s.strip()]
    hits = sum(1 for s in segments if "," in s and _who_initials(s.rsplit(",", 1)[1]))
    return hits >= max(1, len(segments) // 2)


def _who_initials(text: str) -> List[str] | None:
    """'A.S.I. and B.B.P.' -> ['ASI', 'BBP']; None if it is not a list of initials."""
    text = re.split(r"(?<=\.)\s+(?=[A-ZА-Я][a-zа-я]+\s)", text.strip(), maxsplit=1)[0]
    pieces = [p.strip() for p in re.split(r",|\band\b|&|\bи\b", text) if p.strip()]
    if not pieces or not all(_INITIALS_GROUP.match(p) and "." in p or p.isupper() and len(p) <= 5 for p in pieces):
        return None
    return [_initials_key(p) for p in pieces]


def roles_by_initials(paragraph: str, names: List[Dict[str, str]]) -> Tuple[List[Tuple[str, str]], List[str]]:
    """A role-first contribution statement -> [(author name, 'role; role')] and the sentences
    after it ('All authors have read and agreed ...')."""
    keys = {person_initials(p).casefold(): f"{p.get('given', '')} {p['family']}".strip() for p in names}
    roles: Dict[str, List[str]] = {}
    rest: List[str] = []
    for segment in re.split(r"\s*;\s*", paragraph.strip()):
        if "," not in segment:
            continue
        role, who = segment.split(",", 1)
        tail = re.split(r"(?<=\.)\s+(?=[A-ZА-Я][a-zа-я]+\s)", who.strip(), maxsplit=1)
        if len(tail) == 2:
            rest.append(tail[1].strip())
        initials = _who_initials(who)
        if not initials:
            continue
        for key in initials:
            name = keys.get(key.casefold())
            if name:
                roles.setdefault(name, []).append(role.strip())
    return [(name, "; ".join(r)) for name, r in roles.items()], rest


def _same_person(a: Dict[str, str], b: Dict[str, str], letters: int) -> bool:
    """The same family name, and given names whose first ``letters`` initials agree ('А. Н.' and
    'Артем Николаевич')."""
    if fold(a.get("family", "")) != fold(b.get("family", "")):
        return False
    first = [w[0].casefold() for w in re.split(r"[\s.\-]+", a.get("given", "")) if w][:letters]
    second = [w[0].casefold() for w in re.split(r"[\s.\-]+", b.get("given", "")) if w][:letters]
    return first[:len(second)] == second[:len(first)]


def printed_twice(byline: List[Dict[str, str]]) -> int | None:
    """A byline read from two lines that name the same people in the same order (initials on one,
    full names on the other; a name line over each author's details further down): the number of
    people in the first run, or None. A run of several people need only agree on the family names
    and first initials (a patronymic's initial may be misprinted); one person read twice, on all the
    initials, so that two people of one family ('Ильин А. А.', 'Ильин А. П.') stay two."""
    n = len(byline) // 2
    if n and len(byline) == 2 * n and all(_same_person(byline[i], byline[n + i], 1 if n > 1 else 9) for i in range(n)):
        return n
    return None


def merge_people(byline: List[Dict[str, str]], about: List[Dict[str, Any]],
                 contributions: List[Tuple[str, str]]) -> Tuple[List[Dict[str, str]], List[Dict[str, Any]], List[str]]:
    """CSL names and the parallel ``custom.authors`` list; returns also what did not match."""
    twice = printed_twice(byline)
    names = [dict(p) for p in (byline[:twice] if twice else byline)]
    extra: List[Dict[str, Any]] = [{"variants": [f"{p.get('given', '')} {p['family']}".strip()]} for p in names]
    for i, person in enumerate(byline[len(names):]):  # the second printing: another spelling of the same people
        spelled = f"{person.get('given', '')} {person['family']}".strip()
        if spelled not in extra[i]["variants"]:
            extra[i]["variants"].append(spelled)
    problems: List[str] = []
    for info in about:
        idx, person = _full_name_person(info["literal"], names)
        if idx is None:
            same = romanised_twin(person, names)
            if same is not None:  # the English block about an author the Russian block named
                extra[same].setdefault("romanised", []).append(info)
                continue
        if idx is None:
            names.append(person)
            extra.append({"variants": []})
            idx = len(names) - 1
        # the fullest form wins: a given name with more letters than the byline's initials
        if len(fold(person.get("given", ""))) > len(fold(names[idx].get("given", ""))):
            names[idx] = person
        extra[idx].update(info)
    for who, what in contributions:
        target = None
        for i, person in enumerate(names):
            if fold(person["family"]) and fold(person["family"]) in fold(who):
                target = i
                break
        if target is None:
            problems.append(f"contribution of {who!r} matches no author")
            continue
        terms, unmatched = split_contributions(what)
        extra[target]["credit"] = terms
        extra[target]["contribution"] = what
        if who not in extra[target]["variants"]:
            extra[target]["variants"].append(who)
        for phrase in unmatched:
            problems.append(f"contribution {phrase!r} of {who} is not a CRediT role; kept as printed")
    for i, person in enumerate(names):
        literal = extra[i].get("literal") or f"{person.get('given', '')} {person['family']}".strip()
        # variants are the other spellings on the page, not the name itself
        extra[i]["variants"] = [v for v in extra[i]["variants"] if v != literal]
        if not extra[i]["variants"]:
            del extra[i]["variants"]
        extra[i] = {"literal": literal, **{k: v for k, v in extra[i].items() if k != "literal"}}
    return names, extra, problems
