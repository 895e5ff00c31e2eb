"""Batch conversion: many inputs in, one output partition per input partition, for libraries
and bibliometric dumps too big to hold at once.

A partition is one input file: a JSON Lines file (``.jsonl``, ``.ndjson``, optionally
``.gz``; each line one record, as in the Crossref public data file), a JSON file holding an
``items`` array (``.json``/``.json.gz``: a Crossref API page, ``{"items": [...]}``, a CSL-JSON
array), or any other file the ordinary reader takes (BibTeX, RIS, JATS...). A directory
stands for every file under it. Each partition is converted on its own:

    OUTDIR/NAME.EXT               the records written in the output format
    OUTDIR/NAME.EXT.errors.jsonl  each record that failed: partition, line (or item), error, raw text
    OUTDIR/NAME.EXT.warnings.txt  the warnings, file:line as the command line prints them
    OUTDIR/NAME.EXT.done          written last, when the partition is complete

A record that cannot be read or written goes to the error file and the rest carry on: no
record is lost and no partition stops the run. A partition whose ``.done`` marker exists is
skipped, so a run that was interrupted picks up where it stopped.

The engines run the same function, ``convert_partition``, over the partitions: in this
process, in a pool of processes (``jobs``), or as a Dask bag (``engine="dask"``; local
threads or processes, or a cluster's scheduler address).
"""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from typing import IO, Any, Dict, Iterator, List, Mapping, Sequence, Tuple

from . import registry
from .api import _read, _write
from .errors import ConversionError, InputError, UsageError
from .model import CSLItem, Diagnostic, Output
from .options import Options
from .parallel import Progress, ordered_map

LINE_SUFFIXES = (".jsonl", ".ndjson")  # one record a line
ARRAY_SUFFIXES = (".json",)            # a JSON array, or an object with an items array


@dataclass(frozen=True)
class Partition:
    """One input file and the name its output takes under OUTDIR (without the extension)."""

    path: str
    name: str


@dataclass(frozen=True)
class Unit:
    """What a reader is given at once: one JSON Lines line, one item of an array, or a whole
    file; ``line`` (or ``item``) says where it is in its partition."""

    text: str | bytes  # bytes: a whole file, decoded as the ordinary command decodes it
    line: int | None = None
    item: int | None = None


def _stem(filename: str) -> str:
    """'0.jsonl.gz' -> '0', 'lib.bib' -> 'lib'."""
    if filename.endswith(".gz"):
        filename = filename[:-3]
    stem, _ = os.path.splitext(filename)
    return stem or filename


def partitions(inputs: Sequence[str]) -> List[Partition]:
    """The partitions of the inputs: files as given, directories as every file under them
    (hidden files skipped, sorted). Two partitions whose outputs would share a name are a
    UsageError, before anything is written."""
    found: List[Partition] = []
    for given in inputs:
        if os.path.isdir(given):
            for folder, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for filename in sorted(files):
                    if filename.startswith("."):
                        continue
                    path = os.path.join(folder, filename)
                    rel = os.path.relpath(path, given)
                    found.append(Partition(path, os.path.join(os.path.dirname(rel), _stem(filename))))
        elif os.path.isfile(given):
            found.append(Partition(given, _stem(os.path.basename(given))))
        else:
            raise InputError("no such file or directory", source=given)
    seen: Dict[str, str] = {}
    for part in found:
        if part.name in seen:
            raise UsageError(f"{part.path} and {seen[part.name]} would both be written as {part.name}.*; "
                             "convert them in separate runs or rename one")
        seen[part.name] = part.path
    return found


def output_extension(to: str) -> str:
    """The file extension a format's output partitions take: its first declared one, else txt."""
    fmt = registry.get(to, "writer")
    return (fmt.preferred_for or fmt.extensions or ("txt",))[0]


def _open_binary(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # a GzipFile reads bytes like any IO[bytes]
    return open(path, "rb")


def _array_items(data: Any) -> List[Any] | None:
    if isinstance(data, dict) and isinstance(data.get("message"), dict):
        data = data["message"]
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return data["items"]
    if isinstance(data, list):
        return data
    return None


def units(path: str) -> Iterator[Unit]:
    """The partition's records as readers take them, one at a time for JSON Lines (a 1 GB
    partition is never held whole). Unreadable bytes raise InputError with the line."""
    plain = path[:-3] if path.endswith(".gz") else path
    try:
        if plain.endswith(LINE_SUFFIXES):
            with _open_binary(path) as fh:
                for n, raw in enumerate(fh, 1):
                    if raw.strip():
                        try:
                            yield Unit(raw.decode("utf-8"), line=n)
                        except UnicodeDecodeError:  # this line only: decoded (and reported) as a file is
                            yield Unit(raw, line=n)
            return
        with _open_binary(path) as whole:
            data = whole.read()
    except (OSError, EOFError) as exc:
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", source=path) from None
    if plain.endswith(ARRAY_SUFFIXES):
        try:
            items = _array_items(json.loads(data))
        except json.JSONDecodeError:
            items = None  # the reader says where the JSON breaks, and keeps what it can
        if items is not None:
            for n, item in enumerate(items, 1):
                yield Unit(json.dumps(item, ensure_ascii=False), item=n)
            return
    yield Unit(data, line=None)


@dataclass
class Report:
    """What one partition's conversion did."""

    partition: str
    output: str
    records: int = 0
    failed: int = 0
    warnings: int = 0
    skipped: bool = False


class _Job:
    """One partition being converted: the records read so far, what failed, the warnings."""

    def __init__(self, part: Partition, from_: str, options: Options) -> None:
        self.part = part
        self.from_ = from_
        self.options = options
        self.records: List[CSLItem] = []
        self.origins: Dict[str, Tuple[str | None, int | None]] = {}
        self.failures: List[Dict[str, Any]] = []
        self.warnings: List[Diagnostic] = []

    def fail(self, unit: Unit | None, message: str, raw: Any) -> None:
        entry: Dict[str, Any] = {"partition": self.part.path}
        if unit is not None and unit.item is not None:
            entry["item"] = unit.item
        else:
            entry["line"] = unit.line if unit is not None else None
        entry["error"] = message
        entry["record"] = raw
        self.failures.append(entry)

    def read(self, unit: Unit) -> None:
        if self.from_ == "auto" and isinstance(unit.text, str):  # decided once per partition, by its first record
            self.from_ = registry.detect(unit.text, self.part.path)
        try:
            result = _read(unit.text, self.from_, self.part.path, self.options, filename=self.part.path)
        except ConversionError as exc:
            raw = unit.text if isinstance(unit.text, str) else None  # a whole file stays where it is
            # a record of its own (a JSONL line, an array item) has its place in the entry already
            where = Unit("", exc.line, unit.item) if unit.line is None and unit.item is None else unit
            message = exc.message + (f" [{exc.field}]" if exc.field else "")
            self.fail(where, message if where is unit else str(exc), raw)
            return
        for d in result.diagnostics:
            if unit.line is not None:  # a line of JSONL: its line in the file
                d = Diagnostic(d.message, d.severity, d.source, unit.line, d.field, d.record)
            if d.severity == "error":  # what the reader skipped inside a file: its place and message
                raw = unit.text if isinstance(unit.text, str) else None
                self.fail(Unit("", d.line, unit.item), d.message, raw)
            else:
                self.warnings.append(d)
        for record in result.records:
            self.records.append(record)
        for key, (source, line) in result.origins.items():
            self.origins.setdefault(key, (source, line if line is not None else unit.line))
        if unit.item is not None:
            for record in result.records:
                self.origins.setdefault(str(record.get("id", "")), (self.part.path, None))

    def write(self, to: str) -> str:
        """The partition's output; a record the writer fails on goes to the error file and the
        partition is written without it."""
        out: Output | None
        try:
            out = _write(self.records, to, self.options, self.origins)
        except Exception:  # find the record(s) at fault, one by one; the rest are written together
            good = []
            for record in self.records:
                try:
                    _write([record], to, self.options, self.origins)
                    good.append(record)
                except Exception as exc:  # noqa: BLE001 - any failure of one record is that record's
                    key = str(record.get("id", ""))
                    _, line = self.origins.get(key, (None, None))
                    self.fail(Unit("", line), f"cannot write as {to}: {exc}", record)
            self.records = good
            out = _write(good, to, self.options, self.origins) if good else None
        if out is None:
            return ""
        self.warnings.extend(out.diagnostics)
        text = str(out)
        return text + "\n" if text and not text.endswith("\n") else text


def _write_atomically(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.replace(tmp, path)


def convert_partition(part: Partition, outdir: str, to: str, from_: str = "auto",
                      options: Mapping[str, Any] | None = None) -> Report:
    """Convert one partition into OUTDIR (see the module docstring); skip it if its marker
    says it is done. ``options`` are plain keyword values, so the call pickles for any engine."""
    output = os.path.join(outdir, f"{part.name}.{output_extension(to)}")
    marker = output + ".done"
    if os.path.exists(marker):  # done before: its counts, so a re-run still says what failed
        with open(marker, encoding="utf-8") as fh:
            done = json.load(fh)
        return Report(part.path, output, done.get("records", 0), done.get("failed", 0), done.get("warnings", 0),
                      skipped=True)
    opts = Options.build({k: v for k, v in (options or {}).items() if k != "strict"})
    job = _Job(part, from_, opts)
    try:
        for unit in units(part.path):
            job.read(unit)
    except ConversionError as exc:  # the partition itself cannot be read: say so, keep the rest going
        job.fail(Unit("", getattr(exc, "line", None)), str(exc), None)
    text = job.write(to) if job.records else ""
    _write_atomically(output, text)
    errors = output + ".errors.jsonl"
    if job.failures:
        _write_atomically(errors, "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in job.failures))
    elif os.path.exists(errors):
        os.remove(errors)
    warnings = output + ".warnings.txt"
    if job.warnings:
        _write_atomically(warnings, "".join(d.format() + "\n" for d in job.warnings))
    elif os.path.exists(warnings):
        os.remove(warnings)
    report = Report(part.path, output, len(job.records), len(job.failures), len(job.warnings))
    _write_atomically(marker, json.dumps({"partition": part.path, "records": report.records,
                                          "failed": report.failed, "warnings": report.warnings}) + "\n")
    return report


def run(inputs: Sequence[str], outdir: str, to: str, from_: str = "auto",
        options: Mapping[str, Any] | None = None, *, engine: str = "local", jobs: int = 1,
        scheduler: str | None = None, quiet: bool = True) -> List[Report]:
    """Convert every partition of the inputs into OUTDIR with the chosen engine; the reports
    come back in partition order."""
    registry.get(to, "writer")
    if from_ != "auto":
        registry.get(from_, "reader")
    Options.build(dict(options or {}))  # a bad option fails here, not in every worker
    parts = partitions(inputs)
    os.makedirs(outdir, exist_ok=True)
    args = (outdir, to, from_, dict(options or {}))
    if engine == "dask":
        from .batch_dask import run_bag

        return run_bag(parts, args, scheduler)
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r}; choose local or dask")
    with Progress(len(parts), "partitions", quiet=quiet) as progress:
        return list(ordered_map(convert_partition, parts, *args, jobs=jobs, progress=progress))


__all__ = ["Partition", "Report", "Unit", "convert_partition", "output_extension", "partitions", "run", "units"]
