"""The `podium` command. Each subcommand is a thin shell over the core; `check` is the gatekeeper."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from podium.core import archive as archives

from podium import features


def find_root(start: Path) -> Path:
    """The archive root: the nearest folder, from `start` up, that holds mkdocs.yml or speeches/."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / archives.SPEECHES_DIR).is_dir():
            return folder
    return start


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="podium")
def main() -> None:
    """Podium: build and check an archive of speeches."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The archive's folder (default: the nearest one up from here with mkdocs.yml).")
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "github"]), default="auto", show_default=True,
              help="text, or github for annotations on a pull request's lines (auto: github under GitHub Actions).")
def check(paths: tuple[Path, ...], root: Path | None, fmt: str = "auto") -> None:
    """Validate every transcript and registry of the archive, or just PATHS.

    Prints one `path:line:col: error: message` line per problem, with a hint, and exits 1 if any.

    \b
    Example:
      podium check
      podium check speeches/2025/aif-2025-tokayev-plenary.md
    """
    root = root or find_root(Path.cwd())
    only = [p.resolve() for p in paths] if paths else None
    archive = features.load(root, only=only)
    from podium.core.annotations import report as annotated  # --format github (issue 7)

    report = annotated(archive.problems, fmt, "podium check")
    if report:
        click.echo(report, err=True)
    if not archive.ok:
        sys.exit(1)
    count = len(archive.speeches)
    click.echo(f"checked {count} transcript{'s' if count != 1 else ''} and the registries: no errors")


def run() -> None:  # pragma: no cover - the console entry point's guard
    """Never show a traceback to an editor: an unexpected failure is a bug to report, said plainly."""
    try:
        main()
    except Exception as exc:  # noqa: BLE001
        click.echo(f"podium: internal error: {exc!r}\n  hint: please report this as a bug", err=True)
        sys.exit(2)

from podium.cli.generate import generate as _generate  # noqa: E402  (podium generate: issue 3)
main.add_command(_generate)


# Subcommands that live in their own modules.
from podium.cli.build import build_command  # noqa: E402

main.add_command(build_command)
from podium.editors.lint import lint_command  # noqa: E402  (podium lint: issue 7)
main.add_command(lint_command)
from podium.cli.imports import import_group  # noqa: E402  (podium import article|corpus: issue 7)
main.add_command(import_group)
from podium.editors.new import new_command  # noqa: E402  (podium new: issue 7)
main.add_command(new_command)
from podium.cli.quote import quote_command  # noqa: E402  (podium quote: issue 9)
main.add_command(quote_command)
from podium.editors.schema import schema_command  # noqa: E402  (podium schema: issue 7)
main.add_command(schema_command)
from podium.editors.linkcheck import linkcheck_command  # noqa: E402  (podium linkcheck: issue 7)
main.add_command(linkcheck_command)
