"""`podium check`: the gatekeeper. Every problem of the archive (or of some transcripts), sorted, exit 1 if any."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from podium import features
from podium.cli.options import format_option, root_option
from podium.cli.siteconfig import check_site_config
from podium.core.annotations import report


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@root_option
@format_option
def check(paths: tuple[Path, ...], root: Path, fmt: str = "auto") -> None:
    """Validate every transcript and registry of the archive, or just PATHS.

    Prints one `path:line:col: error: message` line per problem, with a hint, and exits 1 if any.
    mkdocs.yml is checked too, as a strict build reads it: Podium's plugins and their options, and MkDocs'
    own settings (the theme, site_url, an extension's options), each mistake at its line.

    \b
    Example:
      podium check
      podium check speeches/2025/aif-2025-tokayev-plenary.md
    """
    only = [p.resolve() for p in paths] if paths else None
    archive = features.load(root, only=only)
    check_site_config(root, archive.problems)
    output = report(archive.problems, fmt, "podium check")
    if fmt == "json":  # for tools: the document alone, on stdout, even when there is no problem
        click.echo(output)
        sys.exit(0 if archive.ok else 1)
    if output:
        click.echo(output, err=True)
    if not archive.ok:
        sys.exit(1)
    count = len(archive.speeches)
    click.echo(f"checked {count} transcript{'s' if count != 1 else ''} and the registries: no errors")
