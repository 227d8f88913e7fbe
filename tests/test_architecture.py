"""The architecture contract: layers in one direction, MkDocs and click only in the adapters, no import cycles.

The contract itself is `[tool.importlinter]` in pyproject.toml; these tests run `lint-imports` over it, show that it
does fail when a core module imports a feature, and check with grimp what import-linter does not: no import cycle
between any two podium modules, and every top-level package has its place in a layer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "plugins" / "podium"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONFIG = REPO / "pyproject.toml"


def lint_imports(pythonpath: Path) -> subprocess.CompletedProcess:
    """`lint-imports` over the contract in pyproject.toml, for the podium package found first on `pythonpath`."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [str(LINT_IMPORTS), str(CONFIG), "--no-cache", "--no-logo"],
        cwd=pythonpath,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_package_keeps_its_architecture_contract():
    result = lint_imports(PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


def test_the_contract_fails_when_a_core_module_imports_a_feature(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "podium", ignore=shutil.ignore_patterns("__pycache__"))
    model = tmp_path / "podium" / "core" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nimport podium.facets  # noqa: E402\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    # The copy, not the installed package, was checked, and the report names the layer broken and the line.
    assert "Adapters on editors on features on rendering on the core BROKEN" in result.stdout, result.stdout
    assert "podium.core is not allowed to import podium.facets" in result.stdout, result.stdout
    assert "podium.core.model -> podium.facets" in result.stdout, result.stdout


def test_the_contract_fails_when_a_feature_imports_mkdocs(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "podium", ignore=shutil.ignore_patterns("__pycache__"))
    index = tmp_path / "podium" / "search" / "index.py"
    index.write_text(index.read_text(encoding="utf-8") + "\nimport mkdocs  # noqa: E402\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "Only the MkDocs adapters import MkDocs BROKEN" in result.stdout, result.stdout
    assert "podium.search.index -> mkdocs" in result.stdout, result.stdout


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, without recursion: the strongly connected components of a directed graph.

    >>> sorted(map(sorted, strongly_connected({"a": {"b"}, "b": {"a"}, "c": {"a"}})))
    [['a', 'b'], ['c']]
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph.get(successor, ())))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(component)
    return components


def test_strongly_connected_finds_a_three_module_circle_and_nothing_else():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert sorted(map(sorted, strongly_connected(graph))) == [["a", "b", "c"], ["d"], ["e"]]


def test_no_import_cycles_between_podium_modules():
    # grimp sees every import, also those inside functions and under `if TYPE_CHECKING:`, which hid the old circles.
    graph = grimp.build_graph("podium", cache_dir=None)
    imports = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    cycles = [sorted(c) for c in strongly_connected(imports) if len(c) > 1]
    assert cycles == [], "modules that import each other, directly or around a circle:\n" + "\n".join(
        ", ".join(cycle) for cycle in cycles
    )


def test_every_top_level_package_has_a_place_in_the_layers():
    """A new package outside the layers, or a folder without __init__.py (invisible to grimp), escapes the contract."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c["layers"] for c in config["contracts"] if c["type"] == "layers")
    layered = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    packages = {f"podium.{p.name}" for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    modules = {f"podium.{p.stem}" for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    folders = {f"podium.{p.name}" for p in PACKAGE.iterdir() if p.is_dir() and any(p.glob("*.py"))}
    assert folders <= packages, f"folders of Python modules without __init__.py: {sorted(folders - packages)}"
    assert packages | modules == layered, (sorted((packages | modules) - layered), sorted(layered - packages - modules))
