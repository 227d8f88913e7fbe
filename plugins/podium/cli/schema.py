"""`podium schema`: write the JSON Schemas and refresh the format reference (see `podium.editors.schema`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from podium.editors.schema import schema_files, update_reference


@click.command("schema")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schema"),
    show_default=True,
    help="Folder for the JSON Schema files.",
)
@click.option(
    "--docs",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("docs/editors/format.md"),
    show_default=True,
    help="The format reference whose generated tables to refresh (if it exists).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a file is missing or out of date.")
def schema_command(out: Path, docs: Path, check: bool) -> None:
    """Write the JSON Schema of the front matter and registries, and refresh the format reference.

    \b
    Example:
      podium schema            # writes schema/*.schema.json, updates docs/editors/format.md
      podium schema --check    # in CI: fails when the model changed and the files were not regenerated
    """
    wanted = {out / name: text for name, text in schema_files().items()}
    if docs.is_file():
        wanted[docs] = update_reference(docs.read_text(encoding="utf-8"))
    stale = [path for path, text in wanted.items() if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if check:
        for path in stale:
            click.echo(
                f"{path}: out of date with plugins/podium/core/model.py\n  hint: run `podium schema` and "
                "commit the result",
                err=True,
            )
        sys.exit(1 if stale else 0)
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
        click.echo(f"wrote {path}")
    if not stale:
        click.echo("schema and format reference are up to date")
