"""Formats are declared once (converter/plugins/): the command line, --list-formats, the README's
table, the API's options and the writers' "cannot carry" warnings all follow the declarations.
A new output format is one new module in the plug-in folder and nothing else."""
from __future__ import annotations

import importlib
import re
import sys

import pytest

import converter
from conftest import ROOT
from converter import cli, plugins, registry
from converter.validate import STRING

TOY = '''"""A toy output format: one line per record, "id: title"."""
from converter.plugins import Format
from converter.mappings import Carried
from converter.model import Diagnostics, Output
from converter.options import Option

CARRIES = {"toy": Carried(frozenset({"id", "type", "title"}))}


def write(items, *, options):
    diags = Diagnostics()
    lines = []
    for item in items:
        line = f"{item.get('id')}: {item.get('title', '')}"
        lines.append(line.upper() if options.shout else line)
        lost = CARRIES["toy"].lost_variables(item) + CARRIES["toy"].lost_custom(item)
        if lost:
            diags.warn(f"toy has no place for: {', '.join(lost)}", record=str(item.get("id")))
    return Output("\\n".join(lines) + "\\n", list(diags))


FORMATS = (Format("toy", "one line per record: id and title", ("toy",), writer=write, mapping=__name__,
                  options=(Option("shout", "upper-case the output", type=bool, default=False),)),)
'''

RECORD = {"id": "k1", "type": "book", "title": "A book", "author": [{"family": "Doe", "given": "Jane"}],
          "custom": {"udc": "327"}}


@pytest.fixture
def toy(tmp_path, monkeypatch):
    """converter/formats as if toy.py had been dropped into it (the source tree is not touched)."""
    (tmp_path / "toy.py").write_text(TOY, encoding="utf-8")
    monkeypatch.setattr(plugins, "__path__", [*plugins.__path__, str(tmp_path)])
    registry.discover()
    yield
    monkeypatch.undo()
    sys.modules.pop("converter.plugins.toy", None)
    registry.discover()


def test_a_toy_output_format_needs_one_module_and_no_other_edit(toy, tmp_path, capsys):
    out = converter.write([RECORD], "toy", shout=True)
    assert str(out) == "K1: A BOOK\n"
    # its own mapping table decides what it reports as not carried
    [warning] = out.diagnostics
    assert "author" in warning.message and "custom.udc" in warning.message
    assert str(converter.write([RECORD], "toy")) == "k1: A book\n"  # the option's declared default

    # the command line: -t, the option, --list-formats, --help, the -o extension
    src = tmp_path / "in.json"
    src.write_text('[{"id": "k1", "type": "book", "title": "A book"}]', encoding="utf-8")
    assert cli.main([str(src), "-t", "toy", "--shout", "-q"]) == 0
    assert capsys.readouterr().out == "K1: A BOOK\n"
    assert cli.main([str(src), "-o", str(tmp_path / "out.toy"), "-q"]) == 0
    assert (tmp_path / "out.toy").read_text(encoding="utf-8") == "k1: A book\n"
    assert cli.main(["--list-formats"]) == 0
    listing = capsys.readouterr().out
    assert re.search(r"^toy\s+yes one line per record: id and title\s+options: --shout$", listing, re.M)
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "--shout" in capsys.readouterr().out
    # the README table and the API's list of formats
    assert "| `toy` |  | yes | .toy | `--shout` | one line per record: id and title |" in registry.markdown_table()
    assert "toy" in {f.name for f in converter.formats()}


def test_an_option_a_format_does_not_declare_is_refused():
    with pytest.raises(converter.UsageError, match="unknown option"):
        converter.write([RECORD], "csljson", shout=True)
    with pytest.raises(converter.UsageError, match="markup must be one of"):
        converter.write([RECORD], "apa", markup="pdf")


def test_readme_format_table_is_the_generated_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- formats table: generated -->\n(.*?)<!-- end of formats table -->", readme, re.S)
    assert block, "the README lost its generated format table"
    assert block.group(1) == registry.markdown_table()


def test_cli_options_are_the_declared_ones():
    parser = cli.build_parser()
    flags = {flag for action in parser._actions for flag in action.option_strings}
    for option in registry.options():
        spellings = [s.flag for s in option.switches] or [option.flag]
        assert set(spellings) <= flags, option.name


@pytest.mark.parametrize("fmt", [f for f in registry.formats() if f.writer and f.mapping], ids=lambda f: f.name)
def test_writers_report_what_their_mapping_table_cannot_carry(fmt):
    carried = importlib.import_module(fmt.mapping).CARRIES[fmt.name]
    variable = next(v for v in sorted(STRING) if v not in carried.variables and v not in ("language",))
    item = dict(RECORD, **{variable: "some value"})
    out = converter.write([item], fmt.name)
    said = " ".join(f"{d.message} {d.field or ''}" for d in out.diagnostics)
    assert variable in said, said
