"""The package's folders are its layers: each imports only the layers below it, no module
imports itself back through others (no cycle), the package's top level stays small, and an
import deferred into a function is one of the few whose reason is written here."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_workshop"
# Each layer, and the layers it may import (besides itself).
LAYERS = {
    "core": set(),
    "features": {"core"},
    "site": {"core", "features"},
    "hosts": {"core", "features", "site"},
    "importers": {"core", "features"},
    "commands": {"core", "features", "site", "importers"},
}
# Imports deferred into a function, with why: Pillow (tens of milliseconds) only when an
# image is made; the originals' scan of every plugin's options only when photos were replaced.
DEFERRED = {
    ("mkdocs_workshop.site.pageimages", "mkdocs_workshop.site.images"):
        "Pillow only with images",
    ("mkdocs_workshop.hosts.mkdocs", "mkdocs_workshop.hosts.originals"):
        "only when photos were replaced",
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports() -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """Module-level imports of the package's own modules, and the deferred ones."""
    modules = _modules()
    graph: dict[str, set[str]] = defaultdict(set)
    deferred: list[tuple[str, str]] = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        typing_only = {id(node) for top in tree.body if isinstance(top, ast.If)
                       and "TYPE_CHECKING" in ast.dump(top.test) for node in ast.walk(top)}
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or id(node) in typing_only:
                continue
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and node.module.startswith("mkdocs_workshop"):
                target = node.module
            else:
                continue
            targets = {target} | {f"{target}.{a.name}" for a in node.names
                                  if f"{target}.{a.name}" in modules}
            targets &= set(modules)
            if id(node) in top_level:
                graph[name] |= targets
            else:
                deferred += [(name, t) for t in sorted(targets)]
    return graph, deferred


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else None


def test_each_layer_imports_only_the_layers_below_it() -> None:
    graph, _deferred = _imports()
    wrong = []
    for module, targets in graph.items():
        layer = _layer(module)
        if layer is None:
            continue
        for target in targets:
            other = _layer(target)
            if other is not None and other != layer and other not in LAYERS[layer]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_no_import_cycle() -> None:
    graph, _deferred = _imports()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in list(graph):
        if module not in index:
            visit(module)
    assert cycles == []


def test_deferred_imports_are_the_known_ones() -> None:
    _graph, deferred = _imports()
    assert set(deferred) <= set(DEFERRED), sorted(set(deferred) - set(DEFERRED))


def test_the_top_level_is_small_and_core_knows_no_mkdocs() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
    for path in (PACKAGE / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import)
                    for a in n.names] + [n.module or "" for n in ast.walk(tree)
                                         if isinstance(n, ast.ImportFrom) and not n.level]
        mkdocs = [name for name in imported if name.split(".")[0] == "mkdocs"]
        # core/meta.py: MkDocs' own reading of front matter, which the plugin must predict.
        assert mkdocs == [] or path.name == "meta.py", (path, mkdocs)


def test_the_tests_mirror_the_layers() -> None:
    """A layer's tests are in the folder of its name (the browser's, a visitor's, in
    browser/; what spans every layer, at the top); no two test files share a name."""
    tests = PACKAGE.parent / "tests"
    folders = {p.name for p in tests.iterdir()
               if p.is_dir() and p.name not in ("data", "__pycache__", "test-artifacts")}
    assert folders <= set(LAYERS) | {"browser"}, folders - set(LAYERS)
    names = [p.name for p in tests.rglob("test_*.py")]
    assert sorted(names) == sorted(set(names))
