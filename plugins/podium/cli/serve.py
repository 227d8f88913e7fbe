"""`podium serve`: the archive's site on a local address, rebuilt on every save (MkDocs' own server).

An archive's editors preview with this, in a clone of their archive or in this repository (`make serve`).
Every rebuild reads unchanged transcripts and speech pages from the build cache (`.cache/podium/`), and a
transcript saved with an error keeps its last good page while the error shows on every page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from podium.cli.build import builder
from podium.cli.options import root_option, tool_option, workers_option


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
    """Build the site and serve it, rebuilding when a transcript, a registry or a page changes.

    Problems show at the top of every page until they are fixed. Stop it with Ctrl+C.

    \b
    Example:
      podium serve                          # http://127.0.0.1:8000
      podium serve --dev-addr 127.0.0.1:8001
    """
    command = [builder(tool), "serve", "--dev-addr", dev_addr, "--livereload"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if workers:
        env["PODIUM_WORKERS"] = str(workers)
    try:
        status = subprocess.run(command, cwd=root, env=env, check=False).returncode
    except KeyboardInterrupt:  # Ctrl+C reaches the server too; it stops on its own
        status = 0
    sys.exit(status)
