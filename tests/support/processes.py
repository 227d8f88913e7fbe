"""The podium command and local servers, as the tests run them."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from support import slow
from support.archive import BIN

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def run_podium(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`podium ARGS` in `cwd`; `podium build` and `podium serve` belong to slow tests."""
    if args and args[0] in ("build", "serve"):
        slow.require(f"`podium {args[0]}`")
    return subprocess.run([str(BIN / "podium"), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page at `url`, or "" while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    """Poll `url` until its page contains `text`; the page."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds}s; last page: {page[:300]!r}")
