"""A statement's markup on a speech page, written hundreds of times a page: the section with its id, the ¶ permalink
as its first child (no wrapper, no class: podium.css and podium.js find it as `.podium-statement > a:first-child`),
then the statement's own HTML as rendered, then its tools (topic chips, cross-links). Nothing else."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from podium.search.index import EXCLUDE_SELECTORS, StreamingIndex, indexed_document
from support.archive import ArchiveDir, archive_config

ADDRESS = """\
First words here. {#first}

On reform, a second statement. {#reform topics=un-reform see=panel#thanks}

Intro line
> quoted words {#quoted}

[Applause]
"""
PANEL = "@tokayev: Добро пожаловать. {#welcome}\n\n@kagame: Thank you. {#thanks}\n"
FRONT = "title: {title}\ndate: 2025-05-29\n{speakers}\nevent: aif-2025\n"


def statements(html: str) -> list[str]:
    return re.findall(r'<section class="podium-statement".*?</section>', html, re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> ArchiveDir:
    archive = ArchiveDir(tmp_path_factory.mktemp("markup"))
    # The site's language names the ¶: "Высказывание 1" (podium-languages sets it for Podium's templates).
    plugins = ("podium", "podium-languages", "podium-cite", "podium-xref")
    archive.write("mkdocs.yml", archive_config(*plugins, theme={"language": "ru"}))
    archive.speech("address", FRONT.format(title="Address", speakers="speaker: tokayev"), ADDRESS)
    archive.speech("panel", FRONT.format(title="Panel", speakers="speakers: [tokayev, kagame]"), PANEL)
    result = archive.build("mkdocs", "--strict")
    assert result.returncode == 0, result.stderr
    return archive


@pytest.mark.slow
def test_a_statement_is_its_section_its_permalink_and_its_words(site):
    address = statements(site.html("speeches/address/index.html"))
    assert address[0] == (
        '<section class="podium-statement" id="first"><a href="#first" aria-label="Высказывание 1">¶</a>'
        "<p>First words here.</p></section>"
    )
    # A statement of several blocks: its HTML as the renderer made it, byte for byte, right after the ¶.
    assert address[2] == (
        '<section class="podium-statement" id="quoted"><a href="#quoted" aria-label="Высказывание 3">¶</a>'
        "<p>Intro line</p>\n<blockquote>\n<p>quoted words</p>\n</blockquote></section>"
    )
    assert len(address) == 3  # the narrative is no statement
    assert '<div class="podium-narrative" id="n-481ed2"><p>[Applause]</p></div>' in site.html(
        "speeches/address/index.html"
    )


@pytest.mark.slow
def test_topic_chips_and_cross_links_follow_the_words(site):
    reform = statements(site.html("speeches/address/index.html"))[1]
    assert reform.startswith(
        '<section class="podium-statement" id="reform"><a href="#reform" aria-label="Высказывание 2">¶</a>'
        '<p>On reform, a second statement.</p><ul class="podium-chips podium-chips--small" aria-label="'
    )
    assert '<a class="podium-chip" href="../../topics/un-reform/">' in reform
    assert reform.index("</ul>") < reform.index('<div class="podium-xref" data-pagefind-ignore="all">')
    assert 'href="../../speeches/panel/#thanks"' in reform


@pytest.mark.slow
def test_a_panel_names_each_statements_speaker_on_its_section(site):
    panel = statements(site.html("speeches/panel/index.html"))
    assert panel[0] == (
        '<section class="podium-statement" id="welcome" data-speaker="tokayev">'
        '<a href="#welcome" aria-label="Высказывание 1">¶</a><p>Добро пожаловать.</p></section>'
    )
    assert panel[1].startswith(
        '<section class="podium-statement" id="thanks" data-speaker="kagame">'
        '<a href="#thanks" aria-label="Высказывание 2">¶</a><p>Thank you.</p><div class="podium-xref"'
    )


def test_pagefind_leaves_the_permalink_out_of_the_words_and_keeps_the_statement_anchor(tmp_path):
    content = (
        '<div class="podium-statements" data-pagefind-body>'
        '<section class="podium-statement" id="s-1"><a href="#s-1" aria-label="Statement 1">pilcrow</a>'
        "<p>Hello world.</p></section></div>"
    )
    index = StreamingIndex(EXCLUDE_SELECTORS)
    index.add(indexed_document(content, "en"), "/speeches/a/")
    index.finish(tmp_path / "pagefind")
    (fragment,) = (tmp_path / "pagefind").rglob("*.pf_fragment")
    record = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
    assert record["content"] == "Hello world."
    assert [(anchor["element"], anchor["id"]) for anchor in record["anchors"]] == [("section", "s-1")]
