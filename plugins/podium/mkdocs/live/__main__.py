"""`python -m podium.mkdocs.live serve ...`: what `podium serve` runs (the command line is an adapter apart from
the MkDocs one); `... background ...`: the full build a serving process runs in a child (see `background`)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from podium.mkdocs.live.background import build_site
from podium.mkdocs.live.tool import TOOLS, Tool, use_logging


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m podium.mkdocs.live")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="build the archive in the working directory and serve it")
    serve.add_argument("--dev-addr", default=None)
    serve.add_argument("--tool", choices=TOOLS, default="mkdocs")
    background = commands.add_parser("background", help="one full build for a serving process")
    background.add_argument("--tool", choices=TOOLS, default="mkdocs")
    background.add_argument("--site-url", required=True)
    background.add_argument("--site-dir", type=Path, required=True)
    background.add_argument("--parent", type=int, required=True)
    args = parser.parse_args(argv)
    tool = Tool.named(args.tool)
    if args.command == "background":
        return build_site(tool, args.site_dir, args.site_url, args.parent)
    from podium.mkdocs.live.loop import LiveSite  # the serving side only: the child needs none of it

    use_logging(tool)
    # `kill` (and a test's terminate()) ends the preview as Ctrl+C does: the background build and folders go too.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        LiveSite(tool, args.dev_addr).serve()
    except KeyboardInterrupt:  # before the server was up (it says "Shutting down..." itself after)
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
