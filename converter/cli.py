"""The ``citeconv`` command. Exit codes are stable and documented in the README:

0 success (warnings may have been printed) · 1 internal error (a bug: please report it) ·
2 usage (bad option, unknown format) · 3 unreadable input (missing, empty, binary, encoding) ·
4 parse error (nothing convertible) · 5 warnings under --strict · 6 output cannot be written ·
7 output written, but some input records were skipped (their errors were printed)
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Any, Dict, Iterator, List, NoReturn, Sequence, TextIO, Tuple

from . import __version__, registry
from .api import _read, _read_path, _write
from .errors import ConversionError, OutputError, StrictError, UsageError
from .model import Diagnostic, Result
from .options import Option, Options
from .parallel import Progress, default_jobs, ordered_map
from .stream import convert_file, streamable

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 7
PROGRESS_THRESHOLD = 1000  # records; rendering this many through CSL takes seconds
# bytes of input below which the command runs without the cyclic garbage collector (main)
SMALL_INPUT = 1_000_000


class _Parser(argparse.ArgumentParser):
    # add_argument makes a formatter only to check an argument's nargs; the terminal's width
    # (asked through shutil, whose import and 20-odd look-ups cost every run milliseconds) is
    # wanted only when help or usage is printed, after the parser is built
    building = True

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self.building:
            return argparse.HelpFormatter(self.prog, width=80)
        return super()._get_formatter()

    def error(self, message: str) -> NoReturn:  # argparse's own exit code is 2 too; keep one message style
        self.print_usage(sys.stderr)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="citeconv",
        description="Convert citations: article pages, BibTeX/BibLaTeX, RIS, CSL-JSON, JATS, Crossref "
                    "JSON, HTML meta tags and free-text references in; CSL-JSON, BibTeX, BibLaTeX, RIS, "
                    "JATS, APA, GOST and any CSL style out (see --list-formats).",
        epilog="`citeconv serve` starts a local web page and HTTP API (`citeconv serve -h`). "
               "Exit codes: 0 ok, 1 internal error, 2 usage, 3 unreadable input, 4 parse error, "
               "5 warnings under --strict, 6 output not writable, 7 output written but some records "
               "were skipped.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="input files; '-' or none reads stdin")
    p.add_argument("-f", "--from", dest="from_", default="auto", metavar="FROM",
                   help="input format (default: auto-detect)")
    p.add_argument("-t", "--to", metavar="TO",
                   help="output format (default: from the -o file's extension, else csljson)")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    for option in registry.options():  # every option a format declares, and the general ones
        _add_option(p, option)
    p.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    p.add_argument("--list-formats", action="store_true", help="list input and output formats")
    p.add_argument("--version", action="version", version=f"citeconv {__version__}")
    p.building = False
    return p


def _add_option(p: argparse.ArgumentParser, option: Option) -> None:
    where = _used_by(option)
    if option.switches:
        group = p.add_mutually_exclusive_group() if len(option.switches) > 1 else p
        for switch in option.switches:
            group.add_argument(switch.flag, action="store_const", const=switch.value, dest=option.name,
                               default=None, help=switch.help + where)
    elif option.type is bool:
        p.add_argument(option.flag, action="store_true", dest=option.name, default=None, help=option.help + where)
    else:
        p.add_argument(option.flag, dest=option.name, type=option.type, default=None,
                       choices=option.choices or None, metavar=option.metavar, help=option.help + where)


def _used_by(option: Option) -> str:
    """' (-t apa, gost)': the formats an option is for, as the help text says it."""
    users = [fmt for fmt in registry.formats() if option in fmt.options]
    if not users:
        return ""
    flag = "-t" if all(f.writer for f in users) else "-f" if all(f.reader for f in users) else "-f/-t"
    return f" ({flag} {', '.join(f.name for f in users)})"


def list_formats(out: TextIO) -> None:
    width = max([12] + [len(fmt.name) for fmt in registry.formats()])
    out.write(f"{'name':<{width}} {'in':<3} {'out':<3} description\n")
    for fmt in registry.formats():
        flags = [f for o in fmt.options for f in ([s.flag for s in o.switches] or [o.flag])]
        out.write(f"{fmt.name:<{width}} {'yes' if fmt.reader else '':<3} {'yes' if fmt.writer else '':<3} "
                  f"{fmt.description}{'  aliases: ' + ', '.join(fmt.aliases) if fmt.aliases else ''}"
                  f"{'  options: ' + ' '.join(flags) if flags else ''}\n")


def _emit(diags: Sequence[Diagnostic], quiet: bool) -> None:
    if quiet:
        return
    for d in diags:
        print(d.format(), file=sys.stderr)


def _given(options: Options) -> Iterator[Tuple[str, Any]]:
    """The option values that were set, as plain keywords a worker process can rebuild."""
    defaults = Options()
    for name, value in options.items():
        if value != getattr(defaults, name):
            yield name, value


def _read_input(path: str, from_: str, values: Dict[str, Any]) -> Result:
    """One input file (or, with -f reference, the reference string given in its place)."""
    options = Options.build(values)
    if from_ == "reference" and not os.path.isfile(path):
        return _read(path, from_, "<argument>", options)
    return _read_path(path, from_, options)


def _run_stream(path: str, from_: str, encoding: str, args: argparse.Namespace, options: Options) -> int:
    def emit(d: Diagnostic) -> None:
        _emit([d], args.quiet)

    if not args.output:
        return EXIT_PARTIAL if convert_file(path, from_, encoding, args.to, options, sys.stdout, emit) else EXIT_OK
    try:
        fh = open(args.output, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", source=args.output) from None
    with fh:
        errors = convert_file(path, from_, encoding, args.to, options, fh, emit)
    return EXIT_PARTIAL if errors else EXIT_OK


SHOWN_REASONS = 5


def _reasons(diags: Sequence[Diagnostic]) -> None:
    """When nothing could be read, the first reasons why, with their lines."""
    for d in diags[:SHOWN_REASONS]:
        print("  " + d.format(), file=sys.stderr)
    if len(diags) > SHOWN_REASONS:
        print(f"  ... and {len(diags) - SHOWN_REASONS} more", file=sys.stderr)


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["serve"], ["batch"]):
        _collect_garbage()  # a server or a batch runs long
    if argv[:1] == ["serve"]:  # the web page and HTTP API (converter/web); a file named serve: ./serve
        from .web.serve import main as serve

        return serve(argv[1:])
    if argv[:1] == ["batch"]:  # many partitions into a folder (converter/batch.py)
        return run_batch(argv[1:])
    args = build_parser().parse_args(argv)
    if args.list_formats:
        list_formats(sys.stdout)
        return EXIT_OK
    options = Options.build({option.name: getattr(args, option.name) for option in registry.options()
                             if getattr(args, option.name) is not None})
    if args.to is None:
        args.to = registry.writer_for_path(args.output) if args.output else "csljson"
    registry.get(args.to, "writer")  # fail on a bad -t before reading anything
    if args.from_ != "auto":
        registry.get(args.from_, "reader")
    inputs: List[str] = args.inputs or ["-"]
    if not _small(inputs):
        _collect_garbage()
    if len(inputs) == 1 and inputs[0] != "-" and os.path.isfile(inputs[0]):
        plan = streamable(inputs[0], args.from_, args.to, options)
        if plan is not None:  # a big input, formats that go record by record: bounded memory
            return _run_stream(inputs[0], *plan, args, options)
    combined = Result()
    files = [path for path in inputs if path != "-"]
    jobs = options.jobs if options.jobs is not None else default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be 1 or more", field="jobs")
    values = dict(_given(options))
    with Progress(len(inputs), "reading", quiet=args.quiet) as progress:
        # several files are read at once; stdin (at most one '-') is read here, in its place
        read_files = ordered_map(_read_input, files, args.from_, values, jobs=jobs if len(files) > 1 else 1)
        for path in inputs:
            if path == "-":
                result = _read(sys.stdin.buffer.read(), args.from_, "<stdin>", options)
                progress.step()
            else:
                result = next(read_files)
                progress.step()
            _emit(result.diagnostics, args.quiet)
            combined.extend(result)
    interactive = sys.stderr.isatty() and not args.quiet  # a word for a person watching a long write
    if interactive and len(combined.records) >= PROGRESS_THRESHOLD:
        print(f"citeconv: writing {len(combined.records)} records as {args.to}...", file=sys.stderr)
    out = _write(combined.records, args.to, options, combined.origins)
    _emit(out.diagnostics, args.quiet)
    text = str(out)
    if text and not text.endswith("\n"):
        text += "\n"
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror}", source=args.output) from None
    else:
        sys.stdout.write(text)
    # a script must be able to tell a complete conversion from one that skipped records
    return EXIT_PARTIAL if combined.errors else EXIT_OK


def build_batch_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="citeconv batch",
        description="Convert many inputs into OUTDIR, one output per input partition: files, directories "
                    "(every file under them) and JSON Lines partitions (.jsonl/.jsonl.gz, one record a line, "
                    "as in the Crossref public data file; .json/.json.gz with an items array). Records that "
                    "fail go to NAME.EXT.errors.jsonl with their partition and line; a partition is marked "
                    "NAME.EXT.done when complete and skipped on a re-run.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files and directories")
    p.add_argument("-f", "--from", dest="from_", default="auto", metavar="FROM",
                   help="input format (default: detected per partition)")
    p.add_argument("-t", "--to", metavar="TO", required=True, help="output format")
    p.add_argument("-o", "--output", metavar="OUTDIR", required=True, help="the folder for the output partitions")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine's processes (--jobs); dask: a Dask bag (pip install 'citeconv[dask]')")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: a cluster's scheduler (tcp://host:8786), or threads/processes "
                        "(default: processes on this machine)")
    for option in registry.options():
        if option.name != "strict":  # a batch never stops at a warning; they are written beside the output
            _add_option(p, option)
    p.add_argument("-q", "--quiet", action="store_true", help="do not print the summary")
    p.building = False
    return p


def run_batch(argv: Sequence[str]) -> int:
    from .batch import run as run_partitions

    args = build_batch_parser().parse_args(argv)
    values = {option.name: getattr(args, option.name) for option in registry.options()
              if getattr(args, option.name, None) is not None}
    jobs = values.pop("jobs", None)  # --engine local: partitions converted at once
    jobs = jobs if jobs is not None else default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be 1 or more", field="jobs")
    reports = run_partitions(args.inputs, args.output, args.to, args.from_, values,
                             engine=args.engine, jobs=jobs, scheduler=args.scheduler, quiet=args.quiet)
    failed = sum(r.failed for r in reports)
    if not args.quiet:
        done = [r for r in reports if not r.skipped]
        print(f"citeconv batch: {len(done)} partition(s) converted, {len(reports) - len(done)} skipped (done before); "
              f"{sum(r.records for r in done)} records written, {failed} failed, "
              f"{sum(r.warnings for r in done)} warnings", file=sys.stderr)
        for r in reports:
            if r.failed:
                print(f"{r.partition}: {r.failed} record(s) failed: see {r.output}.errors.jsonl", file=sys.stderr)
    return EXIT_PARTIAL if failed else EXIT_OK


_collector_off = False  # main turned the cyclic garbage collector off


def _collect_garbage() -> None:
    """Turn the cyclic garbage collector back on if main turned it off."""
    global _collector_off
    if _collector_off:
        gc.enable()
        _collector_off = False


def _small(inputs: Sequence[str]) -> bool:
    """Input files (no stdin) of less than SMALL_INPUT bytes together."""
    try:
        return "-" not in inputs and sum(os.path.getsize(path) for path in inputs) < SMALL_INPUT
    except OSError:  # reported when the file is read
        return False


def main(argv: Sequence[str] | None = None) -> int:
    global _collector_off
    if argv is None:  # this process is the command, not a caller that passes its arguments
        # What start-up imported lives as long as the process: the cyclic garbage collector
        # need not scan it again at every full collection (3% of a one-record APA run)
        gc.freeze()
        # A small conversion runs without the collector (run turns it back on for a bigger
        # input, stdin, a server or a batch): its collections during the imports and the
        # style's compilation cost a one-record run 7% of its CPU time, and the process ends
        # soon; peak memory of the seed page and of a 0.9 MB .bib to APA was the same without
        _collector_off = gc.isenabled()
        gc.disable()
    try:
        code = run(argv)
    except ConversionError as exc:
        print(f"citeconv: error: {exc}", file=sys.stderr)
        if not isinstance(exc, StrictError):  # a strict error lists them in its message already
            _reasons(exc.diagnostics)
        code = exc.exit_code
    except KeyboardInterrupt:
        print("citeconv: interrupted", file=sys.stderr)
        code = 130
    except BrokenPipeError:
        # the reader of our output went away (e.g. `| head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_OK
    except Exception as exc:  # a bug: say so in one line, no traceback unless asked
        if os.environ.get("CITECONV_DEBUG"):
            raise
        print(f"citeconv: internal error: {type(exc).__name__}: {exc} "
              "(please report it; set CITECONV_DEBUG=1 for a traceback)", file=sys.stderr)
        code = EXIT_INTERNAL
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
