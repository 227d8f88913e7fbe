"""A search hit shows its statement's text as written, in headless Chromium: no character the transcript does
not have. Pagefind ends each block's text with a full stop when it ends in a letter, digit, quote mark or
bracket ("Thank you" became "Thank you."), so the build feeds it each block's end with white space
(`podium.search.index.fed_html`). A dash between two words stays without a space.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.archive import ArchiveDir
from support.search_sites import MKDOCS_YML, quick_titles, searched, watched_tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SPEECH = "title: Closing remarks\ndate: 2025-05-30\nspeaker: tokayev\n"
BODY = """\
Thank you for the invitation {#invitation}

The minister answered "yes" {#answered}

We will build the Zhetysu canal (with our neighbours) {#canal}

Together we will reach the goal of 2030 {#goal}

The harvest was good. The granary is full {#harvest}

The debate over fear itself—nameless, unreasoning—is over. {#fear}

Приветствую участников форума в Туркестане {#greeting}
"""
RUSSIAN = "title: Приветствие\ndate: 2025-05-31\nspeaker: tokayev\nlanguage: ru\n"


@pytest.fixture(scope="module")
def tab(browser, serve_dir_module, tmp_path_factory):
    archive = ArchiveDir(tmp_path_factory.mktemp("excerpts"))
    archive.write("mkdocs.yml", MKDOCS_YML)
    archive.speech("aif-2025-closing", SPEECH, BODY)
    archive.speech("aif-2025-greeting", RUSSIAN, "Приветствую участников форума в Туркестане {#greeting}\n")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    with watched_tab(browser, serve_dir_module(archive.root / "site")) as opened:
        yield opened


@pytest.mark.parametrize(
    ("query", "statement", "text"),
    [
        ("invitation", "invitation", "Thank you for the invitation"),
        ("minister", "answered", 'The minister answered "yes"'),
        ("canal", "canal", "We will build the Zhetysu canal (with our neighbours)"),
        ("goal", "goal", "Together we will reach the goal of 2030"),
        ("granary", "harvest", "The harvest was good. The granary is full"),
        ("nameless", "fear", "The debate over fear itself—nameless, unreasoning—is over."),
        ("Туркестане", "greeting", "Приветствую участников форума в Туркестане"),
    ],
)
def test_a_hit_shows_its_statement_as_written(tab, query, statement, text):
    status, hits = searched(tab, query)
    shown = {urlsplit(hit["href"]).fragment: hit["text"] for hit in hits}
    assert shown.get(statement) == text, status


def test_the_header_box_shows_the_statement_as_written(tab):
    tab.goto(tab.base)
    assert quick_titles(tab, "invitation") == ["Closing remarks"]
    assert tab.inner_text(".podium-quick__text") == "Thank you for the invitation"
