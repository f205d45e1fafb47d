"""The repository's shape: one-way layers, no import cycles, short modules.

documents ← search ← pages ← portal: a layer imports only the layers below it.
Imports are read from the source (every ``import`` statement, also those inside
functions), so a cycle cannot hide in a function body.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ("documents", "search", "pages", "portal")
FORBIDDEN = {"documents": {"pages", "search", "portal"}, "search": {"pages", "portal"}}
MAX_LINES = 450
SKIPPED_DIRS = {".venv", "migrations", "node_modules", "var", "__pycache__"}


def python_files(*tops: str) -> list[Path]:
    found = []
    for top in tops or (".",):
        for path in (ROOT / top).rglob("*.py"):
            parts = set(path.relative_to(ROOT).parts)
            if not parts & SKIPPED_DIRS and not any(p.startswith(".") for p in parts):
                found.append(path)
    return sorted(found)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """Absolute names of the modules ``path`` imports (relative ones resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    nodes = tree.body if top_level_only else ast.walk(tree)
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph(apps, *, top_level_only: bool) -> dict[str, set[str]]:
    """Module → modules of ``apps`` it imports; importing ``a.b.c`` also runs
    the packages ``a`` and ``a.b`` (unless the importer is inside them)."""
    modules = {module_name(p): p for p in python_files(*apps) if "tests" not in p.parts}

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, path in modules.items():
        edges = set()
        for target in imports(path, top_level_only=top_level_only):
            target = known(target)
            while target and target != name:
                if not name.startswith(target + "."):
                    edges.add(target)
                target = known(target.rpartition(".")[0])
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_layer_imports_only_layers_below(app):
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in python_files(app)
        if "migrations" not in path.parts
        for name in sorted(imports(path))
        if name.split(".")[0] in FORBIDDEN[app]
    ]
    assert wrong == []


def test_no_import_cycle_in_documents_or_search():
    assert cycles(import_graph(("documents", "search"), top_level_only=False)) == []


def test_no_module_level_import_cycle_in_the_apps():
    assert cycles(import_graph(APPS, top_level_only=True)) == []


def test_the_graph_sees_a_cycle():
    """The checker itself: two modules importing each other form one group."""
    graph = {"a.x": {"a.y"}, "a.y": {"a.x"}, "a.z": {"a.x"}}
    assert cycles(graph) == [["a.x", "a.y"]]


def test_no_python_module_over_450_lines():
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in python_files()
    }
    too_long = {name for name, n in lengths.items() if n > MAX_LINES}
    assert sorted(too_long) == []
