"""What the commands share: the `--root` and `--format` options, the archive's settings, and how a command fails.

@click.command("check")
@root_option
@format_option
def check(root: Path, fmt: str) -> None: ...
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import click

from podium.core import settings as settings_file
from podium.core.annotations import FORMATS
from podium.core.problems import Problem, Problems, format_report
from podium.core.root import NOT_AN_ARCHIVE, find_archive, is_archive
from podium.core.settings import Settings


def archive_root(given: Path | None = None) -> Path:
    """The archive a command works on: `given` (--root), or the nearest one up from the working directory.

    Outside an archive the command stops here, with the fix, and exit status 1.
    """
    root = (given if is_archive(given) else None) if given is not None else find_archive(Path.cwd())
    if root is None:
        message, hint = NOT_AN_ARCHIVE
        folder = given if given is not None else Path.cwd()
        click.echo(f"podium: error: {message.format(folder=folder)}\n  hint: {hint}", err=True)
        sys.exit(1)
    return root


def _root(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    return archive_root(value)


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    callback=_root,
    help="The archive's folder (default: the nearest one up from here with mkdocs.yml).",
)
"""`--root`: the command receives the archive's folder, found from the working directory when not given."""

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="text; github for annotations on a pull request's lines (auto: github under GitHub Actions); json for tools.",
)
"""`--format`: how problems are printed (see podium.core.annotations)."""

tool_option = click.option(
    "--tool",
    type=click.Choice(["mkdocs", "properdocs"]),
    default="mkdocs",
    show_default=True,
    help="The site builder to run: MkDocs, or ProperDocs, its maintained fork.",
)
"""`--tool`: which builder `podium build` and `podium serve` run."""

workers_option = click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    help="Processes that render the speeches (default: the `workers` setting; 0 there is one per core).",
)
"""`--workers`: how many processes render the speeches in `podium build` and `podium serve`."""


def fail(problems: Iterable[Problem], status: int = 1) -> NoReturn:
    """Print the problems, sorted, to stderr and exit (1: the input is wrong)."""
    click.echo(format_report(problems), err=True)
    sys.exit(status)


def settings_of(root: Path) -> Settings:
    """The archive's settings from its mkdocs.yml; a bad option ends the command with its problem, never later."""
    problems = Problems()
    settings = settings_file.load(root, problems)
    if problems.errors:
        fail(problems)
    return settings
