"""`podium serve`'s edit loop: a saved transcript's page alone is written again and served within seconds; a save
with an error keeps the last good page with the error at its top; the rest of the site follows from a background
build; anything else (a new transcript) rebuilds the whole site."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from podium.mkdocs.live.snapshot import Snapshot, editors_file
from support.archive import BIN, ArchiveDir, archive_config
from support.language_sites import three_versions
from support.processes import free_port, wait_for

MKDOCS_YML = archive_config("podium", {"podium-facets": {"facets": ["speakers"]}}, nav=("Speeches", "Speakers"))
FRONT = """\
title: {title}
date: 2025-05-29
speaker: tokayev
event: aif-2025
"""
BROKEN_FRONT = """\
title: Opening address
date: 2025-13-45
speaker: tokayev
"""


class Served:
    """A `podium serve` process on a free port, its log in a file."""

    def __init__(self, root: Path, log: Path, *options: str) -> None:
        self.port = free_port()
        self.log = log
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                [str(BIN / "podium"), "serve", "--dev-addr", f"127.0.0.1:{self.port}", *options],
                cwd=root,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for_log(self, pattern: str, seconds: float = 60) -> re.Match:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if found := re.search(pattern, self.text()):
                return found
            assert self.process.poll() is None, self.text()[-3000:]
            time.sleep(0.2)
        raise AssertionError(f"{pattern!r} not in the log within {seconds}s:\n{self.text()[-3000:]}")

    def stop(self) -> int:
        self.process.terminate()
        return self.process.wait(timeout=30)


@pytest.fixture
def served(archive_dir: ArchiveDir, tmp_path: Path) -> Iterator[Served]:
    archive_dir.write("mkdocs.yml", MKDOCS_YML)
    archive_dir.speech("opening", FRONT.format(title="Opening address"), body="@tokayev: The first version.\n")
    archive_dir.speech("closing", FRONT.format(title="Closing words"), body="@tokayev: The closing words.\n")
    server = Served(archive_dir.root, tmp_path / "serve.log")
    try:
        wait_for(server.url("speeches/opening/"), "The first version.", seconds=120)
        server.wait_for_log(r"Serving on")
        yield server
    finally:
        server.stop()


def _save(path: Path, text: str) -> float:
    path.write_text(text, encoding="utf-8")
    return time.monotonic()


@pytest.mark.slow
def test_a_saved_transcript_is_served_again_alone_then_the_rest_follows(archive_dir: ArchiveDir, served: Served):
    transcript = archive_dir.root / "speeches" / "2025" / "opening.md"
    page = served.url("speeches/opening/")

    saved = _save(transcript, transcript.read_text().replace("The first version.", "The corrected version."))
    wait_for(page, "The corrected version.", seconds=20)
    took = time.monotonic() - saved
    assert re.search(r"updated speeches/2025/opening\.md in \d+\.\d s", served.wait_for_log(r"updated .*")[0])
    assert "building the whole site" not in served.text()
    assert took < 10, f"the page took {took:.1f} s"  # about a second alone; the machine may be shared

    # A retitled speech: its own page at once, its speaker's page from the background build.
    _save(transcript, transcript.read_text().replace("title: Opening address", "title: Opening statement"))
    wait_for(page, "Opening statement", seconds=20)
    wait_for(served.url("speakers/tokayev/"), "Opening statement", seconds=180)
    served.wait_for_log(r"the rest of the site is up to date \(built in the background in \d+ s\)", seconds=30)

    # A save with an error: the last good text stays, the problem shows at the top of that page, and in the log.
    _save(transcript, "---\n" + BROKEN_FRONT + "---\n\n@tokayev: The broken version.\n")
    broken = wait_for(page, "speeches/2025/opening.md:3:7: error:", seconds=20)
    assert "The corrected version." in broken and "The broken version." not in broken
    assert "The archive has errors" in broken
    served.wait_for_log(r"speeches/2025/opening\.md has errors: its last good page stays")
    assert "speeches/2025/opening.md:3:7: error:" in served.text()

    # Fixed: the error goes, the new text shows.
    _save(transcript, "---\n" + FRONT.format(title="Opening statement") + "---\n\n@tokayev: The fixed version.\n")
    fixed = wait_for(page, "The fixed version.", seconds=20)
    assert "The archive has errors" not in fixed and "error:" not in fixed
    assert "building the whole site" not in served.text()

    # A new transcript has no page yet: the whole site is built again, and it is served.
    archive_dir.speech("new-one", FRONT.format(title="A new speech"), body="@tokayev: Brand new words.\n")
    wait_for(served.url("speeches/new-one/"), "Brand new words.", seconds=120)
    served.wait_for_log(r"speeches/2025/new-one\.md was added: building the whole site")
    # After it, a save takes the quick way again (also for a page that build took from the cache, unbuilt).
    before = served.text().count("updated speeches/2025/opening.md in")
    _save(transcript, transcript.read_text().replace("The fixed version.", "The final version."))
    wait_for(page, "The final version.", seconds=20)
    assert served.text().count("updated speeches/2025/opening.md in") == before + 1

    assert served.stop() in (0, -signal.SIGTERM)
    assert not [line for line in served.text().splitlines() if "Traceback" in line], served.text()[-3000:]


@pytest.mark.slow
def test_a_saved_original_keeps_its_place_among_its_translations(tmp_path: Path):
    """The plugins' state keeps the speech object of the last build (the versions of a speech, in the language
    switcher): the saved text takes its place, so the page says it is the version being read, as a build does."""
    archive = three_versions(tmp_path / "archive")
    server = Served(archive.root, tmp_path / "serve.log")
    try:
        page = server.url("speeches/aif-2025-plenary/")
        built = wait_for(page, "Dear friends, welcome to Astana.", seconds=120)
        server.wait_for_log(r"Serving on")
        current = re.search(
            r'<li class="podium-languages__version podium-languages__version--current">.*?</li>', built, re.S
        )
        assert current is not None and 'aria-current="page">English<' in current[0]
        transcript = archive.root / "speeches" / "2025" / "aif-2025-plenary.md"
        _save(transcript, transcript.read_text().replace("Dear friends, welcome", "Dear friends, a warm welcome"))
        saved = wait_for(page, "Dear friends, a warm welcome to Astana.", seconds=20)
        server.wait_for_log(r"updated speeches/2025/aif-2025-plenary\.md in")
        assert current[0] in saved
        assert saved.count("podium-languages__version--current") == built.count("podium-languages__version--current")
    finally:
        server.stop()


@pytest.mark.slow
def test_properdocs_serves_the_same_loop(archive_dir: ArchiveDir, tmp_path: Path):
    archive_dir.speech("opening", FRONT.format(title="Opening address"), body="@tokayev: The first version.\n")
    server = Served(archive_dir.root, tmp_path / "serve.log", "--tool", "properdocs")
    try:
        page = server.url("speeches/opening/")
        wait_for(page, "The first version.", seconds=120)
        server.wait_for_log(r"Serving on")
        transcript = archive_dir.root / "speeches" / "2025" / "opening.md"
        _save(transcript, transcript.read_text().replace("The first version.", "The corrected version."))
        wait_for(page, "The corrected version.", seconds=20)
        server.wait_for_log(r"updated speeches/2025/opening\.md in")
    finally:
        server.stop()


@pytest.mark.slow
def test_a_stopped_server_leaves_no_folder_behind(archive_dir: ArchiveDir, tmp_path: Path) -> None:
    """`kill` during the first build: the served folder (made before it) goes with the process."""
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [str(BIN / "python"), "-m", "podium.mkdocs.live", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=archive_dir.root,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob("podium-serve-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob("podium-serve-*")), log.read_text()
    process.terminate()
    process.wait(timeout=30)
    assert not list(tmp_path.glob("podium-serve-*")), log.read_text()


def test_a_snapshot_names_the_saved_added_and_deleted_files(tmp_path: Path) -> None:
    (tmp_path / "speeches" / "2025").mkdir(parents=True)
    saved = tmp_path / "speeches" / "2025" / "opening.md"
    saved.write_text("one")
    gone = tmp_path / "speeches" / "closing.md"
    gone.write_text("two")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n")
    before = Snapshot.take([tmp_path / "speeches", config])
    assert Snapshot.take([tmp_path / "speeches", config]).changes(before).__bool__() is False

    saved.write_text("one, longer")
    gone.unlink()
    added = tmp_path / "speeches" / "new.md"
    added.write_text("three")
    (tmp_path / "speeches" / ".opening.md.swp").write_text("vim")
    (tmp_path / "speeches" / "opening.md~").write_text("backup")
    changes = Snapshot.take([tmp_path / "speeches", config]).changes(before)
    assert (changes.added, changes.removed, changes.modified) == ({added}, {gone}, {saved})


def test_an_editors_scratch_file_is_not_a_source() -> None:
    assert editors_file(".opening.md.swp") and editors_file("opening.md~") and editors_file("4913")
    assert editors_file(".#opening.md") and editors_file("opening.md___jb_tmp___") and editors_file(".goutputstream-X")
    assert not editors_file("opening.md") and not editors_file("speakers.yml") and not editors_file(".notes.md")


@pytest.mark.slow
def test_a_broken_mkdocs_yml_keeps_the_last_good_site_served(archive_dir: ArchiveDir, served: Served):
    config = archive_dir.root / "mkdocs.yml"
    good = config.read_text()
    assert "name: material" in good
    _save(config, good.replace("name: material", "name: materal"))
    served.wait_for_log(r"mkdocs\.yml has errors: the last good site is served until they are fixed")
    line = next(n for n, text in enumerate(good.splitlines(), 1) if "name: material" in text)
    assert f"mkdocs.yml:{line}:" in served.text() and "no theme is named `materal`" in served.text()
    assert "The first version." in wait_for(served.url("speeches/opening/"), "The first version.", seconds=10)
    _save(config, good + "\n")  # the file as it was, saved again
    served.wait_for_log(r"mkdocs\.yml changed: building the whole site")
    assert "Aborted with a configuration error" not in served.text()
