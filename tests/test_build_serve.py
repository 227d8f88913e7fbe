"""Under `mkdocs serve`, a save is served from the build cache, and a save with an error keeps the last good page
while the error shows on every page."""

from __future__ import annotations

import pytest
from mkdocs.commands import build
from mkdocs.config import load_config

from support.archive import ArchiveDir

pytestmark = pytest.mark.slow  # every test here builds a site

BROKEN_FRONT = """\
title: Opening address
date: 2025-13-45
speaker: tokayev
"""


def test_a_broken_save_keeps_the_last_good_page(archive_dir: ArchiveDir) -> None:
    archive_dir.speech("opening", body="@tokayev: The first version of the text.\n")
    archive_dir.speech("closing", body="@tokayev: The closing words.\n")
    config = load_config(str(archive_dir.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve`: one plugin object, many builds
    try:
        build.build(config)
        assert "The first version of the text." in archive_dir.html("speeches/opening/index.html")

        archive_dir.speech("opening", BROKEN_FRONT, body="@tokayev: The second version, saved broken.\n")
        build.build(config)
        page = archive_dir.html("speeches/opening/index.html")
        assert "The first version of the text." in page and "The second version" not in page
        assert "The archive has errors" in page and "speeches/2025/opening.md:3:7: error:" in page
        assert "speeches/2025/opening.md:3:7: error:" in archive_dir.html("speeches/closing/index.html")

        archive_dir.speech("opening", body="@tokayev: The third version, fixed.\n")
        build.build(config)
        page = archive_dir.html("speeches/opening/index.html")
        assert "The third version, fixed." in page and "The archive has errors" not in page
    finally:
        config.plugins.on_shutdown()
