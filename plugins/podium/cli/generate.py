"""`podium generate`: write a synthetic archive for scale tests and benchmarks (see `podium.editors.generate`)."""

from __future__ import annotations

import time
from pathlib import Path

import click

from podium.editors.generate import generate as write_archive
from podium.editors.generate import plugins_of


@click.command("generate")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--speeches",
    "count",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="How many transcripts to write.",
)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help="The same seed always writes the same archive, byte for byte.",
)
@click.option(
    "--speakers",
    type=click.IntRange(min=2),
    default=None,
    help="How many speakers (default: three per ten speeches, 6 to 600).",
)
@click.option(
    "--plugins",
    default=None,
    help="Comma-separated MkDocs plugins for the generated mkdocs.yml, e.g. `podium,search`. "
    "Default: the plugins of ./mkdocs.yml if there is one, else `podium`.",
)
def generate(directory: Path, count: int, seed: int, speakers: int | None, plugins: str | None) -> None:
    """Write a realistic generated archive of N speeches into DIRECTORY.

    It holds mkdocs.yml, docs/index.md, the three registries and speeches/<year>/<id>.md, and passes
    `podium check`. Existing files with the same names are overwritten; nothing else is removed.

    \b
    Example:
      podium generate /tmp/archive --speeches 1000 --seed 1
      cd /tmp/archive && mkdocs build
    """
    if plugins is not None:
        chosen = [name.strip() for name in plugins.split(",") if name.strip()]
    elif Path("mkdocs.yml").is_file():
        chosen = plugins_of(Path("mkdocs.yml")) or ["podium"]
    else:
        chosen = ["podium"]
    started = time.perf_counter()
    summary = write_archive(directory, count, seed, plugins=chosen, speakers=speakers)
    click.echo(
        f"wrote {summary.speeches} speeches ({summary.words:,} words, {summary.distinct_words:,} distinct; "
        f"{summary.multi_speaker} with several speakers, {summary.non_latin} in Cyrillic script, "
        f"{summary.references} cross-references), "
        f"{summary.speakers} speakers, {summary.events} events, {summary.topics} topics "
        f"to {directory} in {time.perf_counter() - started:.1f} s"
    )
