"""`mkdocs serve` rebuilds when a transcript or a registry changes (what `make serve` runs)."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest

from support.archive import BIN, ArchiveDir
from support.processes import free_port, wait_for


@pytest.mark.slow
def test_serve_rebuilds_after_a_transcript_or_registry_edit(archive_dir: ArchiveDir):
    speech = archive_dir.speech("opening", body="The first version.\n")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=archive_dir.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/speeches/opening/"
        wait_for(url, "The first version.")
        speech.write_text(speech.read_text().replace("The first version.", "The corrected version."))
        wait_for(url, "The corrected version.")
        speakers = archive_dir.root / "speeches" / "speakers.yml"
        speakers.write_text(speakers.read_text().replace("Kassym-Jomart Tokayev", "K.-J. Tokayev"))
        wait_for(url, "K.-J. Tokayev")
    finally:
        # Ctrl+C, as an editor stops it: MkDocs then removes its temporary site (SIGTERM left one in /tmp)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
