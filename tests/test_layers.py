"""The package's layers (docs/architecture.md): a module imports only from its own layer or
the layers below it, and every module belongs to a layer. Imports inside functions count too:
a late import is still a dependency. Rendering's inner structure is its own business; this
checks the layers only."""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

from conftest import ROOT

PACKAGE = ROOT / "converter"

# Lowest first; a module may import from its own layer and those before it. Keys are paths
# relative to converter/ (a folder covers everything in it; a bare name is one module).
LAYERS: List[Tuple[str, Tuple[str, ...]]] = [
    ("core", ("model", "errors", "options", "validate", "textio", "xmlsafe", "limits", "forked", "patterns")),
    ("vocabulary", ("vocabulary",)),
    ("mappings", ("mappings",)),
    ("engines", ("references", "rendering")),
    ("formats", ("readers", "writers")),
    ("plug-ins", ("plugins",)),
    ("faces", ("registry", "api", "cli", "batch", "batch_dask", "parallel", "stream", "__init__", "__main__", "web")),
]


def _parts(path: Path) -> Tuple[str, ...]:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = rel.parts
    return parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts


def layer_of(parts: Tuple[str, ...]) -> int:
    """The layer of a module given as its dotted parts below converter."""
    for rank, (_, members) in enumerate(LAYERS):
        if parts and parts[0] in members:
            return rank
    raise KeyError(".".join(parts))


def _imports(path: Path) -> Iterator[Tuple[Tuple[str, ...], int]]:
    """(imported module's parts below converter, line) for each converter import in a file."""
    own = _parts(path)
    if path.name == "__init__.py":
        package = () if path.parent == PACKAGE else own
    else:
        package = own[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1] if node.level > 1 else package
                target = tuple(base) + tuple((node.module or "").split(".")) if node.module else tuple(base)
            elif node.module and node.module.split(".")[0] == "converter":
                target = tuple(node.module.split(".")[1:])
            else:
                continue
            target = tuple(p for p in target if p)
            if not node.module or target == tuple(base if node.level else ()):
                # "from . import x": each name is a module of that package (or a name in it)
                for alias in node.names:
                    yield (target + (alias.name,)) or ("__init__",), node.lineno
            else:
                yield target or ("__init__",), node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "converter":
                    yield tuple(alias.name.split(".")[1:]) or ("__init__",), node.lineno


def _modules() -> List[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_belongs_to_a_layer():
    unplaced = []
    for path in _modules():
        try:
            layer_of(_parts(path))
        except KeyError:
            unplaced.append(str(path.relative_to(ROOT)))
    assert unplaced == [], "add these to LAYERS here and in docs/architecture.md"


def test_no_module_imports_from_a_layer_above_its_own():
    names = [name for name, _ in LAYERS]
    upward: Dict[str, List[str]] = {}
    for path in _modules():
        rank = layer_of(_parts(path))
        for target, line in _imports(path):
            try:
                other = layer_of(target)
            except KeyError:  # a name inside a package's __init__ ("from . import Carried")
                other = layer_of(target[:-1]) if len(target) > 1 else rank
            if other > rank:
                upward.setdefault(str(path.relative_to(ROOT)), []).append(
                    f"line {line}: {'.'.join(target)} ({names[other]} above {names[rank]})")
    assert upward == {}


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The checker itself: a vocabulary module importing a reader is caught."""
    fake = tmp_path / "converter"
    (fake / "vocabulary").mkdir(parents=True)
    bad = fake / "vocabulary" / "bad.py"
    bad.write_text("from ..readers import ris\nfrom .dates import parse_iso\nimport converter.api\n", encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    found = [(layer_of(t), line) for t, line in _imports(bad)]
    assert found == [(layer_of(("readers",)), 1), (layer_of(("vocabulary",)), 2), (layer_of(("api",)), 3)]
