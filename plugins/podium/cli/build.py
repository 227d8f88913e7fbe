"""`podium build`: build the site into a fresh folder and swap it in only when the build succeeds.

A failed build (a broken transcript in a pull request, a crash) must never destroy the last good site:
`site/` is replaced only after `mkdocs build` (or `properdocs build`) exits 0.

The build keeps what it computed per transcript in `.cache/podium/` (see podium.build.cache); `--clean` builds
without reading it. `--workers N` sets how many processes render the speeches. Both reach the `podium` plugin
in the builder's process through the environment (PODIUM_CLEAN, PODIUM_WORKERS).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import click

from podium.cli.options import root_option, tool_option, workers_option
from podium.cli.siteconfig import check_site_config
from podium.core.problems import Problems, format_report


def builder(tool: str) -> str:
    """The `mkdocs` (or `properdocs`) beside this Python, so a venv's podium runs its own builder."""
    executable = Path(sys.executable).with_name(tool)
    return str(executable) if executable.exists() else tool


def build(
    root: Path, site_dir: Path, tool: str = "mkdocs", strict: bool = True, clean: bool = False, workers: int = 0
) -> int:
    """Build into `<site>.new`, then swap; return the builder's exit status (the old site stays on failure).

    `clean` ignores the build cache (and writes it afresh); `workers` > 0 overrides the `workers` setting.
    """
    fresh = site_dir.with_name(site_dir.name + ".new")
    stale = site_dir.with_name(site_dir.name + ".old")
    for leftover in (fresh, stale):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [builder(tool), "build", "--site-dir", str(fresh)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if clean:
        env["PODIUM_CLEAN"] = "1"
    if workers:
        env["PODIUM_WORKERS"] = str(workers)
    status = subprocess.run(command, cwd=root, env=env, check=False).returncode
    if status != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        return status
    if site_dir.exists():
        site_dir.rename(stale)
    fresh.rename(site_dir)
    shutil.rmtree(stale, ignore_errors=True)
    return 0


@click.command("build")
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Where the finished site goes.",
)
@tool_option
@click.option("--strict/--no-strict", default=True, show_default=True, help="Abort on MkDocs warnings too.")
@click.option("--clean", is_flag=True, help="Ignore the build cache in .cache/podium/ (and write it afresh).")
@workers_option
@root_option
def build_command(site_dir: Path, tool: str, strict: bool, clean: bool, workers: int, root: Path) -> None:
    """Build the site; replace SITE_DIR only if the build succeeds.

    \b
    Example:
      podium build                      # writes site/, keeps the old one if anything fails
      podium build --tool properdocs --site-dir public
      podium build --clean --workers 1  # nothing from the cache, everything in one process
    """
    site_dir = site_dir if site_dir.is_absolute() else Path.cwd() / site_dir
    # mkdocs.yml's mistakes in Podium's plugins, at their line, before MkDocs words them without one.
    problems = Problems()
    check_site_config(root, problems, strict, tool)  # a nav naming no page, MkDocs' warnings: errors if strict
    if problems.errors:
        click.echo(format_report(problems), err=True)
        click.echo(f"podium: the build failed; {site_dir.name}/ still holds the last good site", err=True)
        sys.exit(1)
    status = build(root, site_dir, tool, strict, clean, workers)
    if status != 0:
        click.echo(f"podium: the build failed; {site_dir.name}/ still holds the last good site", err=True)
        sys.exit(1)
    click.echo(f"podium: built {site_dir.name}/")
