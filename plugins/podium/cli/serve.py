"""`podium serve`: the archive's site on a local address, following every save (MkDocs' own live-reload server).

An archive's editors preview with this, in a clone of their archive or in this repository (`make serve`).
It runs Podium's edit loop (podium.mkdocs.live): one full build, then a saved transcript's own page is written
again alone and served in about a second, whatever the archive's size, while the rest of the site (facet pages,
search, backlinks) follows from a full build in the background. A transcript saved with an error keeps its last
good page, with the error at its top. Anything but an existing transcript (a new file, a registry, docs/,
mkdocs.yml) rebuilds the whole site, reading unchanged transcripts and pages from the build cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from podium.cli.options import root_option, tool_option, workers_option
from podium.cli.siteconfig import check_site_config
from podium.core.problems import Problems, format_report


@click.command("serve")
@click.option(
    "--dev-addr",
    "-a",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="IP:PORT",
    help="Where to serve; 127.0.0.1 keeps the preview on this machine.",
)
@tool_option
@workers_option
@root_option
def serve_command(dev_addr: str, tool: str, workers: int, root: Path) -> None:
    """Build the site and serve it, following every save of a transcript, a registry or a page.

    A saved transcript's page is served again in about a second; the rest of the site follows in the
    background. Problems show at the top of the page until they are fixed. Stop it with Ctrl+C.

    \b
    Example:
      podium serve                          # http://127.0.0.1:8000
      podium serve --dev-addr 127.0.0.1:8001
    """
    problems = Problems()
    # At their line in mkdocs.yml, before MkDocs words them without one (the nav and MkDocs' warnings are only
    # warnings here, as in `mkdocs serve`).
    check_site_config(root, problems, strict=False, tool=tool)
    if problems.errors:
        click.echo(format_report(problems), err=True)
        sys.exit(1)
    command = [sys.executable, "-m", "podium.mkdocs.live", "serve", "--dev-addr", dev_addr, "--tool", tool]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if workers:
        env["PODIUM_WORKERS"] = str(workers)
    os.chdir(root)
    if os.name == "posix":  # this process becomes the server: Ctrl+C and `kill` reach it, nothing is left behind
        os.execve(sys.executable, command, env)
    try:
        status = subprocess.run(command, env=env, check=False).returncode
    except KeyboardInterrupt:  # Ctrl+C reaches the server too; it stops on its own
        status = 0
    sys.exit(status)
