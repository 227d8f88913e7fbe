"""`podium linkcheck`: every internal link and #anchor of a built site (see `podium.editors.linkcheck`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from podium.cli.options import format_option
from podium.core.annotations import report
from podium.core.problems import Problems
from podium.editors.linkcheck import check_site


@click.command("linkcheck")
@click.argument("site", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("site"))
@click.option(
    "--base-path",
    default="/",
    show_default=True,
    help="The path the site is served under, for links that start with `/` (e.g. /podium/).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="GLOB",
    help="Do not report links to these paths inside the site, e.g. --ignore 'speakers/*'.",
)
@format_option
def linkcheck_command(site: Path, base_path: str, ignore: tuple[str, ...], fmt: str) -> None:
    """Check every internal link and #anchor of a built site (external ones are not fetched).

    \b
    Example:
      podium build && podium linkcheck site/
    """
    problems = Problems()
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    followed = check_site(site, problems, base_path, ignore)
    output = report(problems, fmt, "podium linkcheck")
    if output:
        click.echo(output, err=True)
    if problems:
        sys.exit(1)
    click.echo(f"checked {followed} internal links in {site}: none broken")
