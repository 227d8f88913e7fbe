"""Shared fixtures: small archives written into tmp_path, whole-site builds, and headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

SPEAKERS = """\
tokayev:
  name: Kassym-Jomart Tokayev
  sort_name: Tokayev, Kassym-Jomart
  country: Kazakhstan
  roles:
    - role: President
      organization: Republic of Kazakhstan
      from: 2019-03-20
kagame:
  name: Paul Kagame
  sort_name: Kagame, Paul
  country: Rwanda
  roles:
    - role: President
      organization: Republic of Rwanda
      from: 2000-04-22
"""
EVENTS = """\
aif:
  name: Astana International Forum
aif-2025:
  name: Astana International Forum 2025
  parent: aif
  from: 2025-05-29
  to: 2025-05-30
  sessions:
    - name: Plenary session
    - name: Panel on climate
"""
TOPICS = """\
multilateralism:
  label: Multilateralism
un-reform:
  label: United Nations reform
climate:
  label: Climate
"""
MKDOCS_YML = """\
site_name: Test archive
theme:
  name: material
nav:
  - Home: index.md
  - Speeches: speeches/index.md
plugins:
  - podium
"""


def speech_text(front: str, body: str = "First statement.\n\nSecond statement.\n") -> str:
    return "---\n" + textwrap.dedent(front).strip("\n") + "\n---\n\n" + textwrap.dedent(body)


MINIMAL_FRONT = """\
title: Opening address
date: 2025-05-29
speaker: tokayev
event: aif-2025
"""


class ArchiveDir:
    """A throwaway archive: registries, transcripts, docs and mkdocs.yml under one folder."""

    def __init__(self, root: Path):
        self.root = root
        (root / "speeches").mkdir(parents=True, exist_ok=True)
        (root / "docs").mkdir(exist_ok=True)
        self.write("speeches/speakers.yml", SPEAKERS)
        self.write("speeches/events.yml", EVENTS)
        self.write("speeches/topics.yml", TOPICS)
        self.write("docs/index.md", "# Home\n\n<!-- podium:home -->\n")
        self.write("mkdocs.yml", MKDOCS_YML)

    @classmethod
    def at(cls, root: Path) -> "ArchiveDir":
        """An archive folder as it already is (the reference archive copied, a generated one): nothing written."""
        archive = cls.__new__(cls)
        archive.root = root
        return archive

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def speech(self, name: str, front: str = MINIMAL_FRONT, body: str = "First statement.\n\nSecond statement.\n",
               folder: str = "speeches/2025") -> Path:
        return self.write(f"{folder}/{name}.md", speech_text(front, body))

    def build(self, tool: str = "mkdocs", *args: str) -> subprocess.CompletedProcess:
        """Run a whole build (`mkdocs build` or `properdocs build`) in this archive."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        return subprocess.run([str(BIN / tool), "build", "--site-dir", str(self.root / "site"), *args],
                              cwd=self.root, capture_output=True, text=True, env=env, timeout=600)

    def html(self, relative: str) -> str:
        return (self.root / "site" / relative).read_text(encoding="utf-8")


@pytest.fixture
def archive_dir(tmp_path: Path) -> ArchiveDir:
    return ArchiveDir(tmp_path)


def run_podium(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "podium"), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright. Under CI=true a missing Chromium fails the test."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _serving():
    """Serve folders over HTTP on 127.0.0.1 (free ports); yields a function folder -> base URL."""
    import functools
    import http.server
    import threading

    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve_dir():
    yield from _serving()


@pytest.fixture(scope="module")
def serve_dir_module():
    """The same, for a module's worth of tests against one built site."""
    yield from _serving()


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def copy_reference_archive(target: Path) -> Path:
    """The repository's own archive (mkdocs.yml, docs, speeches) copied to `target`."""
    for name in ("mkdocs.yml", "docs", "speeches"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory) -> Path:
    """The repository's own archive, built once per test process with MkDocs; the site folder."""
    root = copy_reference_archive(tmp_path_factory.mktemp("reference"))
    result = ArchiveDir.at(root).build()
    assert result.returncode == 0, result.stderr
    return root / "site"
