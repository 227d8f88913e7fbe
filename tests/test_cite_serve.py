"""podium-cite under `mkdocs serve`: the data exports are skipped unless `exports_when_serving: true`."""

from __future__ import annotations

import pytest
from mkdocs.commands import build
from mkdocs.config import load_config

from support.archive import ArchiveDir, archive_config

pytestmark = pytest.mark.slow  # every test here builds a site


def _build(archive: ArchiveDir, command: str, options: dict | None = None) -> None:
    """What `mkdocs serve` does for one rebuild (on_startup, then build), in this process: fast."""
    archive.write("mkdocs.yml", archive_config("podium", {"podium-cite": options} if options else "podium-cite"))
    config = load_config(str(archive.root / "mkdocs.yml"))
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build.build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.mark.parametrize(
    ("command", "options", "exported"),
    [
        ("serve", None, False),
        ("serve", {"exports_when_serving": True}, True),
        ("build", None, True),
    ],
)
def test_exports_follow_serving_and_the_option(archive_dir: ArchiveDir, command, options, exported):
    archive_dir.speech("opening", body="@tokayev: Our foreign policy is based on dialogue. {#dialogue}\n")
    _build(archive_dir, command, options)
    site = archive_dir.root / "site"
    page = (site / "speeches/opening/index.html").read_text(encoding="utf-8")
    # The page's own metadata and the Cite menu's data are there either way.
    assert '<meta name="citation_title" content="Opening address">' in page
    assert 'href="speech.json.gz"' in page
    assert '"templates"' in page
    for path in (
        "speeches/opening/speech.json.gz",
        "speeches/opening/akn.xml.gz",
        "embed/index.html",
        "feed.xml",
        "data/statements.jsonl.gz",
        "data/popolo.json",
    ):
        assert (site / path).exists() is exported, path


def test_a_failing_export_stops_the_build_with_its_message_and_leaves_no_child(
    archive_dir: ArchiveDir, monkeypatch, caplog
):
    import multiprocessing

    from mkdocs.exceptions import Abort

    from podium.cite import opendata

    def broken(*args, **kwargs):
        raise ValueError("no JSON today")

    monkeypatch.setattr(opendata, "speech_document", broken)  # the forked child inherits the patch
    archive_dir.speech("opening")
    with pytest.raises(Abort):  # how MkDocs ends a build on a PluginError, after logging its message
        _build(archive_dir, "build")
    assert "podium-cite: writing the data files failed: ValueError: no JSON today" in caplog.text
    assert multiprocessing.active_children() == []


def test_without_fork_the_exports_are_written_in_process(archive_dir: ArchiveDir, monkeypatch):
    from podium.cite import exports

    monkeypatch.setattr(exports, "FORK", None)
    archive_dir.speech("opening")
    _build(archive_dir, "build")
    assert (archive_dir.root / "site/speeches/opening/speech.json.gz").exists()
    assert (archive_dir.root / "site/data/popolo.json").exists()
