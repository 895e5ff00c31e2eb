"""RIS out, in the tag set Zotero and EndNote read (see ``converter.mappings.ris``).

UTF-8 text, CRLF line ends as the RIS specification and Zotero use, one blank line between
records. Names as "Family, Given"; one AU and one KW per line; PY as YYYY, DA and Y2 as
YYYY/MM/DD/. Tags kept by the RIS reader under ``custom["ris"]`` are written back. Whatever
RIS has no tag for is reported, one warning per record, never dropped in silence.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, List, Tuple

from ..mappings import ris as table
from ..model import CSLItem, Diagnostics, Output
from ..options import Options
from ..patterns import lazy
from ..vocabulary.dates import SEASONS, first_date
from ..vocabulary.identifiers import strip_doi_prefix
from ..vocabulary.names import join_inverted, split_inverted
from ..vocabulary.richtext import has_markup, plain, runs

EOL = "\r\n"
_RANGE = lazy(r"\s*([^\s,\-\u2013\u2014]+)\s*[-\u2013\u2014]+\s*([^\s,\-\u2013\u2014]+)\s*")


format_name = join_inverted  # RIS names: 'Family, Given[, Suffix]'

_TAG = lazy(r"[A-Z][A-Z0-9]")
# The line ends of RIS readers (ours, Zotero's): CR alone is one, and would start a new line
# (a forged tag line) in the middle of a value.
_LINE_ENDS = lazy("\r\n|[\r\n]")


def tag_lines(tag: str, value: str) -> List[str]:
    """The lines of one tagged value: the only way a value reaches a RIS file. Its own line
    breaks become continuation lines, and a continuation line that looks like a tag line (an
    ``ER  - `` or ``TY  - `` inside an abstract) is indented so it stays text."""
    first, *rest = _LINE_ENDS.split(value)
    return [f"{tag}  - {first}".rstrip(), *(" " + ln if table.TAG_LINE.match(ln) else ln for ln in rest)]


def format_date(parts: List[int], season: Any = None) -> str:
    """[2025, 8, 20] -> '2025/08/20/'; a season goes after the last slash."""
    y = f"{parts[0]:04d}"
    m = f"{parts[1]:02d}" if len(parts) > 1 else ""
    d = f"{parts[2]:02d}" if len(parts) > 2 else ""
    if isinstance(season, int) or (isinstance(season, str) and season.isdigit()):
        season = SEASONS[(int(season) - 1) % 4]
    return f"{y}/{m}/{d}/{season or ''}"


class _RecordWriter:
    def __init__(self, item: CSLItem, diags: Diagnostics, label: str) -> None:
        self.item = item
        self.diags = diags
        self.label = label
        self.kept: Dict[str, List[str]] = dict((item.get("custom") or {}).get("ris") or {})

    def warn(self, message: str, field: str | None = None) -> None:
        self.diags.warn(message, field=field, record=self.label)

    def ris_type(self) -> str:
        csl_type = str(self.item.get("type") or "")
        kept_types = self.kept.pop("TY", None)
        original = kept_types[0] if kept_types else None
        if original and table.RIS_TO_CSL.get(original, table.DEFAULT_CSL_TYPE) == (
                csl_type or table.DEFAULT_CSL_TYPE):
            return original
        if csl_type in table.CSL_TO_RIS:
            return table.CSL_TO_RIS[csl_type]
        nearest = table.NEAREST_RIS.get(csl_type, table.GENERIC_RIS_TYPE)
        self.warn(f"CSL type {csl_type or '(none)'!r} has no RIS type; written as {nearest}", "type")
        return nearest

    def dates(self, spec: table.Field) -> Iterator[Tuple[str, str]]:
        date = self.item.get(spec.csl)
        if not isinstance(date, dict) or not date:
            return
        parts = first_date(date)
        if parts is None:
            text = str(date.get("literal") or date.get("raw") or "")
            if text and spec.kind == "date":  # DA / Y2 carry it as written; PY is only YYYY
                self.warn(f"{spec.csl} {text!r} is not a YYYY/MM/DD date; written as is",
                          spec.csl)
                yield spec.tag, text
            return
        if spec.tag == "PY":
            yield "PY", f"{parts[0]:04d}"
            return
        if len(date.get("date-parts") or []) > 1:
            self.warn(f"{spec.csl} is a date range; RIS keeps only its start", spec.csl)
        if date.get("circa"):
            self.warn(f"{spec.csl} is approximate (circa); RIS cannot say so", spec.csl)
        season = date.get("season")
        if spec.tag == "DA" and len(parts) == 1 and not season:
            return  # PY already says it all
        yield spec.tag, format_date(parts, season)

    def pages(self, spec: table.Field) -> Iterator[Tuple[str, str]]:
        page = str(self.item.get("page") or "").strip()
        if not page:
            return
        m = _RANGE.fullmatch(page)
        if spec.tag == "SP":
            yield "SP", m.group(1) if m else page
        elif m:
            yield "EP", m.group(2)

    def values(self, spec: table.Field) -> Iterator[Tuple[str, str]]:
        """The (tag, value) lines one table row produces for this item."""
        item, kind = self.item, spec.kind
        if kind == "type":
            yield "TY", self.ris_type()
        elif kind == "names":
            for name in item.get(spec.csl) or []:
                text = format_name(name)
                if name.get("literal") and "," in text:
                    self.warn(f"name {text!r} has a comma; RIS readers will split it there",
                              spec.csl)
                elif text and not name.get("literal") and split_inverted(text) != {
                        k: v for k, v in name.items() if v not in (None, "")}:
                    # e.g. a dropping particle: RIS has one place for it, after the given name
                    self.warn(f"name {text!r} reads back as {split_inverted(text)}", spec.csl)
                if text:
                    yield spec.tag, text
        elif kind in ("year", "date"):
            yield from self.dates(spec)
        elif kind in ("page-start", "page-end"):
            yield from self.pages(spec)
        elif kind == "keywords":
            keywords = item.get("keyword")
            if isinstance(keywords, str):
                keywords = table.split_keywords(keywords)  # the reader's convention (join_keywords)
            for keyword in keywords or []:
                if str(keyword).strip():
                    yield "KW", str(keyword).strip()
        elif kind == "serial":
            for var in ("ISSN", "ISBN"):
                if item.get(var):
                    yield "SN", str(item[var])
        elif kind == "number":  # a report's or patent's SN: the number, and an ISBN beside it
            for var in ("number", "ISBN"):
                if item.get(var):
                    yield "SN", str(item[var])
        elif kind == "doi":
            if item.get("DOI"):
                yield "DO", strip_doi_prefix(str(item["DOI"]))
        else:
            value = item.get(spec.csl)
            if value not in (None, ""):
                text = str(value)
                if has_markup(text):  # RIS has no markup; nocase only guarded case changes
                    if any(r.styles - {"nocase"} for r in runs(text)):
                        self.warn("italics/bold/super-/subscript have no RIS form; written as plain text",
                                  spec.csl)
                    text = plain(text)
                yield spec.tag, text

    def lines(self, position: int) -> List[str]:
        pairs: List[Tuple[str, str]] = []
        csl_type = str(self.item.get("type") or "")
        specs = table.fields_for(csl_type)
        if csl_type == "paper-conference" and not self.item.get("event-title"):
            # no conference name: the proceedings go in T2, where every reader looks for them
            specs = tuple(table.Field("T2", s.csl) if s.tag == "C3" else s for s in specs)
        for spec in specs:
            tag_pairs = list(self.values(spec))
            if spec.tag in self.kept and spec.read_also:
                # the reader took this value from a synonym (N2) and kept a later line of the
                # main tag (AB) as it was: written under the synonym, in front, both come back
                # apart instead of joined into one value
                synonym = next((t for t in spec.read_also if t not in self.kept), None)
                if synonym is not None:
                    tag_pairs = [(synonym if tag == spec.tag else tag, value) for tag, value in tag_pairs]
            pairs.extend(tag_pairs)
        for tag, values in self.kept.items():
            if not _TAG.fullmatch(str(tag)):
                self.warn(f"custom.ris tag {str(tag)[:20]!r} is not a RIS tag (two letters or a letter"
                          " and a digit); not written", "custom.ris")
                continue
            pairs.extend((tag, str(v)) for v in ([values] if isinstance(values, str) else values))
        self.report_uncarried(position)
        out: List[str] = []
        for tag, value in pairs:
            out.extend(tag_lines(tag, value))
        out.append("ER  - ")
        return out

    def report_uncarried(self, position: int) -> None:
        carried = table.carried_for(str(self.item.get("type") or ""))
        lost = sorted(carried.lost_variables(self.item))
        if "citation-number" in lost and str(self.item["citation-number"]) == str(position):
            lost.remove("citation-number")  # the record's place in the file says it already
        lost += sorted(carried.lost_custom(self.item))
        if lost:
            self.warn("RIS has no tag for these; not written", ", ".join(lost))


def write(items: List[CSLItem], *, options: Options | None = None) -> Output:
    diags = Diagnostics()  # the pipeline places each warning where its record was read
    return Output("".join(write_stream(lambda: iter(items), options=options, diags=diags)), list(diags))


def write_stream(records: Callable[[], Iterator[CSLItem]], *, options: Options | None = None,
                 diags: Diagnostics) -> Iterator[str]:
    """The output piece by piece, one record at a time (records separated by a blank line)."""
    for n, item in enumerate(records(), 1):
        label = str(item.get("id") or f"item {n}")
        yield (EOL if n > 1 else "") + EOL.join(_RecordWriter(item, diags, label).lines(n)) + EOL


__all__ = ["format_date", "format_name", "tag_lines", "write", "write_stream"]
