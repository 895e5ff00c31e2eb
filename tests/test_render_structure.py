"""The rendering layer's shape (issue 14): no import cycle between its modules, no module
over 450 lines, and no render state set on citeproc-py objects behind their back."""
from __future__ import annotations

import ast
from pathlib import Path

RENDERING = Path(__file__).resolve().parent.parent / "converter" / "rendering"


def _modules():
    out = {}
    for path in sorted(RENDERING.rglob("*.py")):
        parts = path.relative_to(RENDERING.parent.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path, known: dict) -> set:
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            candidates = [target] + [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            candidates = [a.name for a in node.names]
        else:
            continue
        found.update(c for c in candidates if c in known and c != name)
    return found


def test_no_import_cycle_in_rendering():
    known = _modules()
    graph = {name: _imports(name, path, known) for name, path in known.items()}
    # a package imports its modules; a cycle through __init__ is not one of ours
    packages = {n for n, p in known.items() if p.name == "__init__.py"}
    for name in graph:
        graph[name] -= packages

    def visit(node, stack):
        if node in stack:
            raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(node):] + [node]))
        for nxt in sorted(graph[node]):
            visit(nxt, stack + [node])

    for name in sorted(graph):
        visit(name, [])


def test_no_rendering_module_over_450_lines():
    long = {p.name: n for p in RENDERING.rglob("*.py") if (n := len(p.read_text("utf-8").splitlines())) > 450}
    assert not long


def test_no_state_set_behind_citeproc_pys_back():
    for path in RENDERING.rglob("*.py"):
        assert "__setattr__" not in path.read_text("utf-8"), path
