"""`mkdocs serve` rebuilds when a transcript or a registry changes (what `make serve` runs)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import BIN, ArchiveDir


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds}s; last page: {page[:300]!r}")


@pytest.mark.slow
def test_serve_rebuilds_after_a_transcript_or_registry_edit(archive_dir: ArchiveDir):
    speech = archive_dir.speech("opening", body="The first version.\n")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                              cwd=archive_dir.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
    try:
        url = f"http://127.0.0.1:{port}/speeches/opening/"
        wait_for(url, "The first version.")
        speech.write_text(speech.read_text().replace("The first version.", "The corrected version."))
        wait_for(url, "The corrected version.")
        speakers = archive_dir.root / "speeches" / "speakers.yml"
        speakers.write_text(speakers.read_text().replace("Kassym-Jomart Tokayev", "K.-J. Tokayev"))
        wait_for(url, "K.-J. Tokayev")
    finally:
        server.terminate()
        server.wait(timeout=10)
