"""BibTeX and BibLaTeX out, from the same table the reader uses (converter/mappings/bibtex.py).

``bibtex``: classic BibTeX for bibtex and standard .bst files: ASCII with LaTeX escapes,
``year``/``month``, ``journal``, ``address``. ``biblatex``: UTF-8 for biber: ``date``,
``journaltitle``, ``location``, ``langid``, ``urldate``. Both write names as "Family, Given",
brace-protect capitals a .bst would lower-case, and give each entry a readable unique key.
What a dialect cannot carry is listed in one warning per record.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, Iterator, List, Set, Tuple

from ..forked import can_fork, default_jobs
from ..mappings import Carried
from ..mappings import bibtex as mapping
from ..model import CSLItem, Diagnostic, Diagnostics, Output
from ..options import Options
from ..patterns import lazy
from ..vocabulary.casing import sentence_case, stored_in_title_case
from ..vocabulary.citekeys import KeyAssigner, assign_keys, make_key, own_key
from ..vocabulary.dates import MONTH_ABBREVIATIONS, date_parts, to_edtf
from ..vocabulary.latex import escape_verbatim, is_balanced_raw, to_latex
from ..vocabulary.names import particles
from ..vocabulary.richtext import runs

# every character str.splitlines() breaks at, followed by any whitespace (line breaks too, so
# that each break of a run goes) and an '@' or '%'
_AT_LINE_START = lazy("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029](?=\\s*[@%])")
_FIELD_NAME = lazy(r"[A-Za-z][\w\-:.+]*")  # what the reader accepts as a field name


class _Entry:
    """One entry being written: its fields in order, and what could not be written."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.ascii_only = dialect == "bibtex"
        self.fields: List[Tuple[str, str, bool]] = []  # name, value, braced
        self.unmapped: Set[str] = set()

    def add(self, name: str, value: str, braced: bool = True) -> bool:
        """Add a field; False when the entry already has a different value under that name.
        Every value passes here: a line break before an '@' or '%' becomes a space (bibtexparser
        takes an '@' starting a line for a new entry, biber a '%' for a comment; BibTeX reads a
        line break as a space)."""
        if not value.isprintable():  # every line break _AT_LINE_START looks for is unprintable
            value = _AT_LINE_START.sub(" ", value)
        for other, old, _ in self.fields:
            if other == name:
                return old == value
        if value:
            self.fields.append((name, value, braced))
        return True

    def text(self, value: Any) -> str:
        encoded, unmapped = to_latex(str(value), ascii_only=self.ascii_only)
        if unmapped:
            self.unmapped |= unmapped
        return encoded


# CSL rich-text styles -> LaTeX commands (nocase is a plain brace group)
_LATEX_STYLE = {"i": "\\textit", "b": "\\textbf", "sup": "\\textsuperscript", "sub": "\\textsubscript",
                "sc": "\\textsc", "nocase": ""}


def title_to_latex(value: str, encode: Any, *, title_case: bool = False) -> str:
    """A title (CSL rich text allowed) for a .bib file: protected spans and font markup become
    braces and LaTeX commands, the rest goes through :func:`protect_capitals`."""
    parts = runs(value)
    if not any(r.styles for r in parts):
        return protect_capitals(value, encode, title_case=title_case)
    whole = "".join(r.text for r in parts)
    judged_whole = sentence_case(whole) if title_case else whole
    if len(judged_whole) != len(whole):
        judged_whole = whole
    out: List[str] = []
    pos = 0
    for run in parts:
        judged = judged_whole[pos:pos + len(run.text)]
        at_start = not whole[:pos].strip() or whole[:pos].rstrip().endswith(":")
        if "nocase" in run.styles:
            text = "{" + encode(run.text) + "}"
        else:
            text = protect_capitals(run.text, encode, judged=judged, at_start=at_start)
        for style in sorted(run.styles - {"nocase"}):
            text = _LATEX_STYLE[style] + "{" + text + "}"
        out.append(text)
        pos += len(run.text)
    return "".join(out)


def protect_capitals(text: str, encode: Any, *, title_case: bool = False, judged: str | None = None,
                     at_start: bool = True) -> str:
    """Brace every word whose capital must survive a style's lower-casing; a word that is
    only capitalised at the start of the title or after a colon needs no braces (BibTeX's
    change.case$ keeps those). In a sentence-case title every other capital is meaningful.
    In a Title Case title (``title_case``) only the capitals our own sentence casing keeps
    (proper nouns, acronyms) are, so ordinary words stay unbraced and a sentence-case .bst
    can lower-case them, as APA and GOST do."""
    out: List[str] = []
    sentence_start = at_start
    tokens = re.split(r"(\s+)", text)
    if judged is not None:  # the caller judged a longer title this text is part of
        title_case = judged != text
        cased = re.split(r"(\s+)", judged)
    else:
        cased = re.split(r"(\s+)", sentence_case(text)) if title_case else tokens
    if len(cased) != len(tokens):  # sentence casing never changes spacing; be safe anyway
        cased = tokens
    for token, judged in zip(tokens, cased):
        if not token or token.isspace():
            out.append(token)
            continue
        if judged.islower() and not (title_case and "-" in token and not sentence_start):
            # no capital to protect (most words): what the tests below conclude, sooner
            out.append(encode(token))
            sentence_start = token.endswith(":")
            continue
        if title_case and "-" in token and judged.count("-") == token.count("-") and not sentence_start:
            # "Post-Soviet" -> "Post-{Soviet}": only the part sentence casing keeps is protected
            out.append("-".join(_protect_part(part, kept, encode)
                                for part, kept in zip(token.split("-"), judged.split("-"))))
            sentence_start = token.endswith(":")
            continue
        letters = [c for c in judged if c.isalpha()]
        has_capital = any(c.isupper() for c in letters)
        only_initial = bool(letters) and letters[0].isupper() and not any(
            c.isupper() for c in letters[1:])
        if has_capital and not (sentence_start and only_initial):
            # Punctuation stays outside the braces: change.case$ only sees a colon at
            # brace level 0, and keeps the capital after it only then.
            core = re.match(r"^(\W*)(.*?)(\W*)$", token, re.S)
            assert core is not None
            lead, word, trail = core.groups()
            out.append(encode(lead) + "{" + encode(word) + "}" + encode(trail))
        else:
            out.append(encode(token))
        sentence_start = token.endswith(":")
    return "".join(out)


def _protect_part(part: str, judged: str, encode: Any) -> str:
    if not any(c.isupper() for c in judged):
        return encode(part)
    core = re.match(r"^(\W*)(.*?)(\W*)$", part, re.S)
    assert core is not None
    lead, word, trail = core.groups()
    return encode(lead) + "{" + encode(word) + "}" + encode(trail)


def _brace_if_needed(part: str) -> str:
    """A name part containing ',' or a standalone 'and' must be one brace group."""
    if "," in part or ("and" in part.lower() and re.search(r"\band\b", part, re.I)):
        return "{" + part + "}"
    return part


def _extended_name(name: Dict[str, Any], encode: Any) -> str:
    """biblatex's key=value form, for what "von Last, Jr, First" cannot say unambiguously: in
    biblatex a "von" part drops unless useprefix is true (the default is false), while BibTeX
    styles keep it with the family name; and a name with a given name only."""
    parts = []
    for csl, key in (("family", "family"), ("given", "given"), ("suffix", "suffix")):
        if name.get(csl):
            parts.append(f"{key}={{{encode(name[csl])}}}")
    prefix = particles(name)
    if prefix:
        parts.append(f"prefix={{{encode(prefix)}}}")
        parts.append("useprefix=" + ("true" if name.get("non-dropping-particle") else "false"))
    return ", ".join(parts)


def format_name(name: Dict[str, Any], encode: Any, dialect: str = "bibtex", *,
                useprefix: bool | None = None, extended: bool = False) -> str:
    """A CSL name as BibTeX's "von Last, Jr, First"; a literal name as one brace group.

    For biblatex the classic form is the default too: Zotero, pandoc, citation-js and biber all
    read it, while Zotero takes the extended format's 'family=Gogh' for a family name. A
    particle's kind is then said once for the entry (``options = {useprefix=...}``, see
    :func:`entry_useprefix`); only a name the classic form cannot carry uses the extended
    format: a given name alone, or a particle whose kind differs from the entry's ``useprefix``
    (``extended`` forces it for every name with a particle, biblatex's per-name useprefix)."""
    if name.get("literal") or not (name.get("family") or name.get("given")):
        return "{" + encode(name.get("literal") or "") + "}"
    if dialect == "biblatex":
        kind = _particle_kind(name)
        if not name.get("family") or (kind is not None and (extended or kind != useprefix
                                                             or not _classic_particle(particles(name)))):
            return _extended_name(name, encode)
    if not name.get("family"):
        return "{" + encode(name["given"]) + "}"  # BibTeX has no given-only name: keep it whole
    family = encode(name.get("family") or "")
    prefix = particles(name)
    given = encode(name.get("given") or "")
    suffix = encode(name.get("suffix") or "")
    if any(word[:1].islower() for word in family.split()):
        # BibTeX would read a lower-case word of the family name as a particle ("von").
        family = "{" + family + "}"
    last = _brace_if_needed(family)
    if prefix:
        last = encode(prefix) + " " + last
    if not given and not suffix:
        # "Calderon Anton" alone would be read as given "Calderon", family "Anton".
        # A lone word that does not start with a letter ("\\&\\#xDA") is braced: BibTeX's name
        # grammar would otherwise look inside it.
        if " " not in family and not prefix and not family[:1].isalpha():
            return "{" + family + "},"
        return last if " " not in family else last + ","
    parts = [last]
    if suffix:
        parts.append(_brace_if_needed(suffix))
    parts.append(_brace_if_needed(given) if given else "")
    return ", ".join(parts)


def _classic_particle(prefix: str) -> bool:
    """Whether BibTeX's and biber's name grammar will find ``prefix`` as the "von" part: each
    word must start with a lower-case letter (biber reads "van 't Hoff" as family "'t Hoff")."""
    return all(word[:1].isalpha() and word[:1].islower() for word in prefix.split())


def _particle_kind(name: Dict[str, Any]) -> bool | None:
    """True for a particle that stays with the family name (biblatex's useprefix=true), False
    for one that drops, None for no particle. A name with both kinds counts as staying."""
    if name.get("non-dropping-particle"):
        return True
    if name.get("dropping-particle"):
        return False
    return None


def entry_useprefix(names: List[Dict[str, Any]]) -> bool | None:
    """The ``useprefix`` an entry's classic-form names need: the kind most of its particles
    have (ties: staying, CSL's usual reading of 'van'); None when no name has a particle."""
    kinds = [k for k in (_particle_kind(n) for n in names if isinstance(n, dict)) if k is not None]
    if not kinds:
        return None
    return kinds.count(True) >= kinds.count(False)


def _dropping_particles_lost(item: CSLItem, csl_type: str, options: Any) -> List[str]:
    """Name fields whose dropping particles classic BibTeX cannot mark (its "von" stays with the
    family name), unless the entry's kept biblatex options say useprefix=false."""
    if isinstance(options, str) and re.search(r"useprefix\s*=\s*false", options, re.I):
        return []
    return [f"{row.csl} (dropping particle: BibTeX keeps 'von' with the family name)"
            for row in mapping.fields_for(csl_type) if row.kind == "names" and row.bibtex
            and isinstance(item.get(row.csl), list)
            and any(isinstance(n, dict) and _particle_kind(n) is False for n in item[row.csl])]


def _with_useprefix(options: str, useprefix: bool) -> str:
    """An entry's biblatex ``options`` with its useprefix set (others kept in their order; a
    kept option that already says it, 'useprefix' alone included, is left as written)."""
    said = re.search(r"(?:^|,)\s*useprefix\s*(?:=\s*(true|false))?\s*(?:,|$)", options, re.I)
    if said and (said.group(1) or "true").lower() == ("true" if useprefix else "false"):
        return options
    kept = [o.strip() for o in options.split(",") if o.strip() and not re.match(r"\s*useprefix\b", o)]
    return ", ".join(kept + [f"useprefix={'true' if useprefix else 'false'}"])


def _write_date(entry: _Entry, row: mapping.FieldMap, value: Any, lost: List[str]) -> bool:
    """Write one CSL date; False when the dialect cannot carry it."""
    parts = date_parts(value)
    literal = value.get("literal") if isinstance(value, dict) else None
    if entry.dialect == "bibtex":
        if row.csl == "issued":
            if parts is None:
                if literal:
                    entry.add("year", entry.text(literal))
                    return True
                return False
            first = parts[0]
            entry.add("year", str(first[0]))
            if len(first) > 1 and 1 <= first[1] <= 12:
                entry.add("month", MONTH_ABBREVIATIONS[first[1] - 1], braced=False)
                if len(first) > 2:
                    entry.add("day", str(first[2]))  # .bst styles ignore it; biber and Zotero read it
            if len(parts) > 1:
                lost.append(f"{row.csl} (BibTeX keeps no date range)")
            return True
        if row.bibtex and parts is not None:
            entry.add(row.bibtex, to_edtf(parts))
            return True
        return False
    name = row.biblatex
    if name is None or parts is None:
        return False
    entry.add(name, to_edtf(parts, circa=bool(value.get("circa"))))
    return True


def _pages(value: str) -> str:
    return re.sub(r"\s*[-‐–—]+\s*", "--", value)


def _entry_type(item: CSLItem, dialect: str, diags: Diagnostics, key: str) -> str:
    csl_type = str(item.get("type") or "document")
    bib_type = mapping.bib_type_for(csl_type, dialect)
    if bib_type is None:
        diags.warn(f"no {dialect} entry type for CSL type {csl_type!r}; written as @misc",
                   field="type", record=key)
        return "misc"
    if csl_type == "thesis" and dialect == "bibtex" and "master" in str(item.get("genre", "")).lower():
        return "mastersthesis"
    return bib_type


_BABEL: Dict[str, Tuple[str | None, str | None]] = {}


def _babel_name(value: str) -> Tuple[str | None, str | None]:
    """A language's babel name and the code that name reads back as, worked out once per
    distinct value (a library has a handful; the table look-ups walk every alias)."""
    known = _BABEL.get(value)
    if known is None:
        babel = mapping.language_name(value)
        known = (babel, None if babel is None else mapping.language_code(babel))
        if len(_BABEL) < 1024:
            _BABEL[value] = known
    return known


def _custom_lost(item: CSLItem, carried: Carried) -> List[str]:
    """What the table has no place for under custom; for per-author details, which ones."""
    custom: Dict[str, Any] = item["custom"] if isinstance(item.get("custom"), dict) else {}
    lost = []
    for name in carried.lost_custom(item):
        name = name[len("custom."):]
        value = custom[name]
        if name == "authors" and isinstance(value, list):
            details = sorted({k for person in value if isinstance(person, dict) for k in person
                              if k not in ("literal", "variants")})
            if details:
                lost.append(f"custom.authors ({', '.join(details)})")
            continue
        lost.append(f"custom.{name}")
    return lost


def _write_entry(item: CSLItem, key: str, dialect: str, diags: Diagnostics, *,
                 extended_names: bool = False) -> str:
    entry = _Entry(dialect)
    bib_type = _entry_type(item, dialect, diags, key)
    csl_type = str(item.get("type") or "document")
    done: Set[str] = set()
    lost: List[str] = []
    title_case = stored_in_title_case(item)
    raw_custom = item.get("custom")
    custom: Dict[str, Any] = raw_custom if isinstance(raw_custom, dict) else {}
    raw_kept = custom.get("bibtex")
    kept_fields: Dict[str, Any] = raw_kept if isinstance(raw_kept, dict) else {}
    useprefix: bool | None = None
    if dialect == "biblatex" and not extended_names:
        useprefix = entry_useprefix([n for row in mapping.fields_for(csl_type) if row.kind == "names"
                                     and row.biblatex and isinstance(item.get(row.csl), list)
                                     for n in item[row.csl]])
    for row in mapping.fields_for(csl_type):
        if row.csl not in item or row.csl in done or item[row.csl] in (None, "", [], {}):
            continue
        value = item[row.csl]
        name = row.bibtex if dialect == "bibtex" else row.biblatex
        if row.kind == "date":
            if _write_date(entry, row, value, lost):
                done.add(row.csl)
            continue
        if name is None:
            continue
        if row.kind == "names":
            if not isinstance(value, list):
                continue
            entry.add(name, " and ".join(format_name(n, entry.text, dialect, useprefix=useprefix,
                                                     extended=extended_names)
                                         for n in value if isinstance(n, dict)))
        elif row.kind == "title":
            entry.add(name, title_to_latex(str(value), entry.text, title_case=title_case))
        elif row.kind == "pages":
            entry.add(name, _pages(entry.text(value)))
        elif row.kind == "verbatim":
            entry.add(name, escape_verbatim(str(value)))
        elif row.kind == "typekey" and dialect == "biblatex" and mapping.key_for(row.csl, str(value), csl_type):
            entry.add(name, str(mapping.key_for(row.csl, str(value), csl_type)))
        elif row.kind == "places" and dialect == "biblatex" and name in mapping.LIST_FIELDS:
            places = [place.strip() for place in str(value).split(";") if place.strip()]
            if not entry.add(name, " and ".join(mapping.key_for(row.csl, place) or _brace_if_needed(entry.text(place))
                                                for place in places)):
                continue  # the field is taken (a patent's jurisdiction and its place): reported lost
        elif row.kind == "language":
            babel, code = _babel_name(str(value))
            if babel is None:
                continue
            entry.add(name, babel)
            if code != str(value).strip():
                lost.append(f"language {value!r} (written as {babel!r}, which reads back as {code!r})")
        elif not entry.add(name, entry.text(value)):
            continue  # another variable already wrote this field: reported lost
        done.add(row.csl)
    if dialect == "bibtex" and bib_type == "misc" and csl_type in mapping.WEB_TYPES and item.get("URL"):
        entry.add("howpublished", "\\url{" + escape_verbatim(str(item["URL"])) + "}")
    if bib_type == "thesis" and "genre" not in done:
        entry.add("type", "phdthesis")
    if dialect == "bibtex":
        lost += _dropping_particles_lost(item, csl_type, kept_fields.get("options"))
    if useprefix is not None:
        kept_options = kept_fields.get("options")
        entry.add("options", _with_useprefix(kept_options if isinstance(kept_options, str) else "", useprefix))
    for name, value in kept_fields.items():
        if useprefix is not None and str(name).lower() == "options":
            continue  # merged into the options written above
        if not isinstance(value, str):
            continue
        if not _FIELD_NAME.fullmatch(str(name)):
            diags.warn(f"custom.bibtex field name {str(name)[:30]!r} is not a BibTeX field name; not written",
                       field="custom.bibtex", record=key)
            continue
        if not is_balanced_raw(value):
            # Kept fields are raw LaTeX as the .bib had them; one that could close its field
            # early (and open an @preamble after it) is written as text instead.
            diags.warn(f"custom.bibtex.{name} has unbalanced braces or a trailing backslash; "
                       "written escaped, as text", field=f"custom.bibtex.{name}", record=key)
            value = entry.text(value)
        if not entry.add(str(name).lower(), value):
            lost.append(f"custom.bibtex.{name} (the entry already has a {name} field)")
    if mapping.csl_type_for(bib_type) not in (csl_type, None):
        lost.append(f"type {csl_type!r} (written as @{bib_type})")
    carried = mapping.CARRIES[dialect]
    lost = carried.lost_variables(item, written=done | mapping.ENTRY_VARIABLES) + lost
    lost += _custom_lost(item, carried)
    if lost:
        diags.warn(f"{dialect} has no field for: {', '.join(lost)}; not written", record=key)
    if entry.unmapped:
        chars = "".join(sorted(entry.unmapped))
        diags.warn(f"no LaTeX escape for {chars!r}; kept as UTF-8 (needs a UTF-8 aware LaTeX)",
                   record=key)
    body = ",\n".join(f"  {name} = {{{value}}}" if braced else f"  {name} = {value}"
                      for name, value, braced in entry.fields)
    return f"@{bib_type}{{{key},\n{body}\n}}\n" if body else f"@{bib_type}{{{key},\n}}\n"


def _write(items: List[CSLItem], dialect: str, *, extended_names: bool = False) -> Output:
    diags = Diagnostics()
    keys = assign_keys(items)
    entries = [_write_entry(item, key, dialect, diags, extended_names=extended_names)
               for item, key in zip(items, keys)]
    return Output("\n".join(entries), list(diags))


def _write_stream(records: Callable[[], Iterator[CSLItem]], dialect: str, diags: Diagnostics,
                  jobs: int = 1, *, extended_names: bool = False) -> Iterator[str]:
    """Entries one at a time. Keys the records carry win over made-up ones wherever they are,
    so this reads the records twice: first only their keys (all it holds), then to write. With
    ``jobs`` above 1 the entries are written over that many forked processes (same bytes, same
    warnings in the same order)."""
    keys = KeyAssigner(own_key(item) for item in records())
    if jobs > 1 and can_fork():
        written = _write_over_workers(records(), keys, dialect, diags, jobs, extended_names)
    else:
        written = (_write_entry(item, keys.key(item), dialect, diags, extended_names=extended_names)
                   for item in records())
    for n, entry in enumerate(written):
        yield ("\n" if n else "") + entry


# what a worker writes in place of the key, which depends on the records before (KeyAssigner)
_NO_KEY = "\x00"
BATCH = 200  # records sent to a worker at a time


def _write_batch(items: List[CSLItem], dialect: str,
                 extended_names: bool) -> List[Tuple[str, str, List[Diagnostic]]]:
    """Each record's made-up key (make_key: the record alone), entry (with _NO_KEY for its key)
    and warnings, in a forked worker."""
    out = []
    for item in items:
        found = Diagnostics()
        entry = _write_entry(item, _NO_KEY, dialect, found, extended_names=extended_names)
        out.append((make_key(item), entry, list(found)))
    return out


def _write_over_workers(records: Iterator[CSLItem], keys: KeyAssigner, dialect: str, diags: Diagnostics,
                        jobs: int, extended_names: bool) -> Iterator[str]:
    """The entries of ``records`` written in batches over ``jobs`` forked workers, taken back in
    order; each entry's key given here, in order, and put in its place."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    waiting: deque = deque()

    def batches() -> Iterator[List[CSLItem]]:
        batch: List[CSLItem] = []
        for item in records:
            batch.append(item)
            if len(batch) == BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    def take() -> Iterator[str]:
        batch, future = waiting.popleft()
        for item, (made, entry, found) in zip(batch, future.result()):
            key = keys.key(item, made)
            for d in found:
                diags.append(d if d.record != _NO_KEY else d._replace(record=key))
            at = entry.index("{") + 1  # '@type{' then the key
            yield entry[:at] + key + entry[at + len(_NO_KEY):]

    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        for batch in batches():
            waiting.append((batch, pool.submit(_write_batch, batch, dialect, extended_names)))
            if len(waiting) > jobs:  # every worker busy, and no more batches than that in memory
                yield from take()
        while waiting:
            yield from take()


def _jobs(options: Options | None) -> int:
    jobs = options.jobs if options is not None else None
    return default_jobs() if jobs is None else jobs


def write_bibtex_stream(records: Callable[[], Iterator[CSLItem]], *, options: Options | None = None,
                        diags: Diagnostics) -> Iterator[str]:
    return _write_stream(records, "bibtex", diags, _jobs(options))


def write_biblatex_stream(records: Callable[[], Iterator[CSLItem]], *, options: Options | None = None,
                          diags: Diagnostics) -> Iterator[str]:
    return _write_stream(records, "biblatex", diags, _jobs(options),
                         extended_names=bool(options and options.extended_names))


# their pieces are one per record, written after the writer has read records ahead (converter/stream.py)
write_bibtex_stream.reads_ahead = True  # type: ignore[attr-defined]
write_biblatex_stream.reads_ahead = True  # type: ignore[attr-defined]


def write_bibtex(items: List[CSLItem], *, options: Options | None = None) -> Output:
    """Classic BibTeX: ASCII with LaTeX escapes, for bibtex and .bst styles."""
    return _write(items, "bibtex")


def write_biblatex(items: List[CSLItem], *, options: Options | None = None) -> Output:
    """BibLaTeX for biber: UTF-8, ISO dates, BibLaTeX field names; names in the classic form
    unless ``extended_names`` (biblatex's 'family=..., prefix=..., useprefix=...' for every
    name with a particle)."""
    return _write(items, "biblatex", extended_names=bool(options and options.extended_names))
