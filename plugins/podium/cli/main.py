"""The `podium` command: one click group, every subcommand registered here. Each is a thin shell over the core,
defined in its own module of this package; `check` is the gatekeeper.

    podium init      podium check      podium lint       podium new        podium import article|corpus
    podium build     podium serve      podium linkcheck  podium quote      podium schema     podium generate
"""

from __future__ import annotations

import sys

import click

from podium.cli.build import build_command
from podium.cli.check import check
from podium.cli.generate import generate
from podium.cli.imports import import_group
from podium.cli.init import init_command
from podium.cli.linkcheck import linkcheck_command
from podium.cli.lint import lint_command
from podium.cli.new import new_command
from podium.cli.quote import quote_command
from podium.cli.schema import schema_command
from podium.cli.serve import serve_command

COMMANDS = (
    init_command,
    check,
    build_command,
    serve_command,
    lint_command,
    new_command,
    import_group,
    quote_command,
    schema_command,
    linkcheck_command,
    generate,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="podium")
def main() -> None:
    """Podium: build and check an archive of speeches."""


for _command in COMMANDS:
    main.add_command(_command)


def run() -> None:  # pragma: no cover - the console entry point's guard
    """Never show a traceback to an editor: an unexpected failure is a bug to report, said plainly."""
    try:
        main()
    except Exception as exc:  # noqa: BLE001
        click.echo(f"podium: internal error: {exc!r}\n  hint: please report this as a bug", err=True)
        sys.exit(2)
