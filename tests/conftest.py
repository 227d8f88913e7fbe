"""Fixtures: small archives written into tmp_path, the reference site built once, local servers, headless Chromium.

The helpers behind them live in tests/support/ (tests import `support`, never this file). Building a site, serving
one or driving a browser is slow: such a test must be marked `slow` (support/slow.py checks it).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import time
from pathlib import Path

import pytest

from support import slow
from support.archive import REPO, ArchiveDir, copy_reference_archive
from support.processes import CHROMIUM, CHROMIUM_ARGS

pytest_plugins = ["pytester"]  # test_habits.py runs a small suite with this conftest

# Fixtures that make a test slow however little it does itself.
SLOW_FIXTURES = {"reference_site": "the reference site build", "browser": "headless Chromium"}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tell support.slow which test runs (before its fixtures, which may build), and check its slow fixtures."""
    slow.current = item
    for name, what in SLOW_FIXTURES.items():
        if name in getattr(item, "fixturenames", ()):
            slow.require(what)


def pytest_runtest_teardown(item: pytest.Item) -> None:
    slow.current = item  # a module fixture that ends here belongs to this test's turn


@pytest.fixture
def archive_dir(tmp_path: Path) -> ArchiveDir:
    return ArchiveDir(tmp_path)


@pytest.fixture(scope="module")
def reference_archive():
    """The repository's own archive loaded with every feature's check (no build): once per test module."""
    from podium import features

    archive = features.load(REPO)
    assert archive.ok, archive.problems
    return archive


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own archive built once per run with `mkdocs build --strict`; the site folder. Read only.

    Under pytest-xdist every worker is a session of its own; the first worker to ask builds into the run's shared
    temporary folder and the others wait for it, so the archive is built once per run, not once per worker.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root, done = shared / "reference-archive", shared / "reference-archive.done"
    try:
        root.mkdir()  # atomic: exactly one process of the run gets to build
    except FileExistsError:
        deadline = time.monotonic() + 600
        while not done.exists():
            assert time.monotonic() < deadline, "another worker's build of the reference archive did not finish"
            time.sleep(0.2)
    else:
        failure = "the build stopped before it finished"  # written for the waiting workers whatever happens
        try:
            copy_reference_archive(root)
            result = ArchiveDir.at(root).build("mkdocs", "--strict")  # a broken link in docs/ fails the suite too
            failure = "" if result.returncode == 0 else result.stderr or f"exit status {result.returncode}"
        finally:
            done.write_text(failure, encoding="utf-8")
    failure = done.read_text(encoding="utf-8")
    assert not failure, f"the reference archive does not build:\n{failure}"
    return root / "site"


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium through Playwright, one per test module. Under CI=true a missing Chromium fails.

    Not one per session: a running sync Playwright holds an asyncio loop in the worker, so a second Playwright or a
    later test's asyncio.run() would fail while it lives."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _serving():
    """Serve folders over HTTP on 127.0.0.1 (free ports); yields a function folder -> base URL."""
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
