"""The CLI is a thin layer on top: nothing below imports it, only the adapters import click, and its commands
live in one click group that shares one `--root` and one `--format`."""

from __future__ import annotations

import json

import click
import grimp
import pytest

from podium.cli.main import main
from support.archive import MINIMAL_FRONT
from support.processes import run_podium


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("podium", include_external_packages=True, cache_dir=None)  # never a stale cache


def _inside(module: str, *packages: str) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def test_nothing_outside_the_cli_imports_it(graph):
    cli = {module for module in graph.modules if _inside(module, "podium.cli")}
    importers = {importer for module in cli for importer in graph.find_modules_that_directly_import(module)}
    # `python -m podium` is the command's other entry point.
    assert {importer for importer in importers if not _inside(importer, "podium.cli")} == {"podium.__main__"}


def test_only_the_adapters_import_click(graph):
    importers = graph.find_modules_that_directly_import("click")
    assert importers, "the graph lost click: the test would pass for nothing"
    assert sorted(m for m in importers if not _inside(m, "podium.cli", "podium.mkdocs")) == []


def test_no_cycle_between_the_cli_and_the_editors(graph):
    assert graph.chain_exists("podium.cli", "podium.editors", as_packages=True)
    assert not graph.chain_exists("podium.editors", "podium.cli", as_packages=True)


def test_find_root_lives_in_the_core(graph):
    assert not graph.chain_exists("podium.core", "podium.cli", as_packages=True)
    assert "podium.core.root" in graph.find_modules_that_directly_import("podium.core.settings")


def _commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        found[prefix + name] = command
        if isinstance(command, click.Group):
            found.update(_commands(command, prefix + name + " "))
    return found


def test_one_group_holds_every_command():
    assert sorted(_commands(main)) == [
        "build",
        "check",
        "generate",
        "import",
        "import article",
        "import corpus",
        "import record",
        "init",
        "linkcheck",
        "lint",
        "new",
        "quote",
        "schema",
        "serve",
    ]


@pytest.mark.parametrize("option", ["root", "fmt"])
def test_every_command_shares_one_definition_of_the_option(option):
    definitions = {
        name: param for name, command in _commands(main).items() for param in command.params if param.name == option
    }
    assert len(definitions) >= 2
    first = next(iter(definitions.values()))
    for name, param in definitions.items():
        assert (param.opts, param.help, param.callback, param.to_info_dict()) == (
            first.opts,
            first.help,
            first.callback,
            first.to_info_dict(),
        ), name


def test_check_speaks_json_for_tools(archive_dir):
    archive_dir.speech("bad", MINIMAL_FRONT.replace("2025-05-29", "2025-02-30"))
    result = run_podium("check", "--format", "json", cwd=archive_dir.root)
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert document["errors"] == 1 and document["warnings"] == 0
    (problem,) = document["problems"]
    assert problem["path"] == "speeches/2025/bad.md" and problem["severity"] == "error"
    assert "2025-02-30" in problem["message"]
