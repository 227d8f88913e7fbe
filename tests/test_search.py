"""Search (issue 6) without a browser: the core's records and languages, and what a build writes."""

from __future__ import annotations

import json
import re

import pytest

from podium import features
from podium.search import index as search
from support.archive import REPO, ArchiveDir
from support.search_sites import small_archive


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> ArchiveDir:
    archive = small_archive(tmp_path_factory.mktemp("search-small"))
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive


def test_script_of_finds_the_script_most_letters_are_in():
    assert search.script_of("Диалог сильнее разделения") == "Cyrillic"
    assert search.script_of("Біз халықаралық ынтымақтастықты қолдаймыз") == "Cyrillic"
    assert search.script_of("Dialogue is more powerful, 2025") == "Latin"
    assert search.script_of("2025 — 13.5%") is None


def test_languages_of_an_archive_with_their_scripts(tmp_path):
    archive = features.load(small_archive(tmp_path).root)
    found = {language.code: language for language in search.languages(archive.speeches)}
    assert set(found) == {"en", "ru", "kk"}
    assert (found["en"].script, found["en"].speeches, found["en"].name) == ("Latin", 3, "English")
    assert (found["ru"].script, found["ru"].name) == ("Cyrillic", "Russian")
    assert (found["kk"].script, found["kk"].name) == ("Cyrillic", "Kazakh")
    assert search.languages(archive.speeches)[0].code == "en"  # most speeches first


def test_turns_name_the_speaker_at_each_change_and_nothing_for_one_speaker(tmp_path):
    archive = features.load(small_archive(tmp_path).root)
    panel = next(s for s in archive.speeches if s.id == "aif-2024-climate-panel")
    turns = search.turns(panel, archive.registry)
    assert [name for _, name in turns] == ["Kassym-Jomart Tokayev", "Paul Kagame", "Kassym-Jomart Tokayev"]
    assert turns[1][0] == "africa-cooperation"
    opening = next(s for s in archive.speeches if s.id == "aif-2025-opening")
    assert search.turns(opening, archive.registry) == []


def test_page_extras_escape_names_and_add_statement_topics_once(tmp_path):
    archive = features.load(small_archive(tmp_path).root)
    opening = next(s for s in archive.speeches if s.id == "aif-2025-opening")
    extras = search.page_extras(opening, archive.registry)
    # un-reform is tagged on one statement only; multilateralism is the speech's own (already a filter)
    assert extras == '<span hidden data-pagefind-filter="topic">United Nations reform</span>'
    panel = next(s for s in archive.speeches if s.id == "aif-2024-climate-panel")
    extras = search.page_extras(panel, archive.registry)
    assert 'data-pagefind-meta="turns[data-turns]"' in extras
    assert "&quot;Paul Kagame&quot;" in extras and '"Paul' not in extras


def test_client_config_lists_languages_and_filters(tmp_path):
    archive = features.load(small_archive(tmp_path).root)
    config = search.client_config(archive.speeches)
    assert config["bundle"] == "pagefind/"
    assert config["filters"] == ["speaker", "event", "topic", "year", "language", "kind"]
    codes = [language["code"] for language in config["languages"]]
    assert codes[0] == "en" and sorted(codes) == ["en", "kk", "ru"]
    assert config["languages"][0] == {"code": "en", "name": "English", "script": "Latin", "speeches": 3}


@pytest.mark.slow
def test_build_indexes_only_transcripts_one_index_per_language(small):
    entry = json.loads((small.root / "site/pagefind/pagefind-entry.json").read_text())
    pages = {code: data["page_count"] for code, data in entry["languages"].items()}
    assert pages == {"en": 3, "ru": 1, "kk": 1}  # five transcripts; home, hubs and the search page are not indexed
    assert entry["languages"]["ru"]["wasm"] == "ru"  # Russian is stemmed as Russian


@pytest.mark.slow
def test_speech_page_marks_the_statements_as_the_indexed_body(small):
    html = small.html("speeches/aif-2025-opening/index.html")
    assert html.count("data-pagefind-body") == 1
    assert re.search(r'<div class="podium-statements" data-pagefind-body[ >]', html)
    for attribute in (
        'data-pagefind-filter="speaker"',
        'data-pagefind-filter="event"',
        'data-pagefind-filter="topic"',
        'data-pagefind-filter="language"',
        'data-pagefind-filter="kind:Speech"',
        'data-pagefind-filter="year:2025"',
        'data-pagefind-sort="date[datetime]"',
        'data-pagefind-meta="date[datetime]"',
        'data-pagefind-meta="title"',
    ):
        assert attribute in html, attribute
    assert "data-pagefind-body" not in small.html("index.html")
    assert "data-pagefind-body" not in small.html("search/index.html")


@pytest.mark.slow
def test_language_reaches_html_lang(small):
    assert '<html lang="ru"' in small.html("speeches/aif-2025-tokayev-ru/index.html")
    assert '<html lang="kk"' in small.html("speeches/aif-2025-tokayev-kk/index.html")
    assert '<html lang="en"' in small.html("speeches/aif-2025-opening/index.html")


@pytest.mark.slow
def test_every_page_has_our_search_box_and_not_materials(small):
    for page in ("index.html", "speeches/index.html", "speeches/aif-2025-opening/index.html", "search/index.html"):
        html = small.html(page)
        assert "data-podium-searchbox" in html, page
        assert 'data-md-component="search"' not in html, page
        assert 'assets/podium/podium-search-config.js"></script>' in html, page
    assert "data-podium-searchpage" in small.html("search/index.html")
    # The configuration and the interface strings, once for the whole site.
    script = (small.root / "site/assets/podium/podium-search-config.js").read_text(encoding="utf-8")
    config = json.loads(script.removeprefix("window.podiumSearch = ").removesuffix(";"))
    assert config["filters"] == list(search.FILTERS) and "{n} speeches match" in config["strings"]


@pytest.mark.slow
def test_materials_search_plugin_is_turned_off(tmp_path):
    archive = small_archive(tmp_path)
    archive.write(
        "mkdocs.yml", archive.root.joinpath("mkdocs.yml").read_text().replace("plugins:\n", "plugins:\n  - search\n")
    )
    result = archive.build()
    assert result.returncode == 0, result.stderr
    assert "`material/search` is turned off: podium-search replaces it" in result.stderr
    assert 'data-md-component="search"' not in archive.html("index.html")
    assert not (tmp_path / "site/search/search_index.json").exists()


@pytest.mark.slow
def test_search_without_podium_is_an_error(tmp_path):
    archive = small_archive(tmp_path)
    archive.write("mkdocs.yml", archive.root.joinpath("mkdocs.yml").read_text().replace("  - podium\n", "", 1))
    result = archive.build()
    assert result.returncode != 0
    assert "podium-search needs the `podium` plugin listed before it in mkdocs.yml" in result.stderr


@pytest.mark.slow
def test_index_site_reports_pages_and_replaces_an_old_bundle(small):
    stale = small.root / "site/pagefind/stale.txt"
    stale.write_text("old")
    report = search.index_site(small.root / "site")
    assert report.pages == 5 and report.languages == {"en": 3, "ru": 1, "kk": 1}
    assert not stale.exists()
    assert report.summary().startswith("indexed 5 page(s) (en 3, kk 1, ru 1) in ")


def test_index_site_without_a_site_is_a_message(tmp_path):
    with pytest.raises(search.SearchIndexError, match="no built site to index"):
        search.index_site(tmp_path / "missing")


def test_reference_archive_lists_the_plugin_after_podium():
    text = (REPO / "mkdocs.yml").read_text()
    assert text.index("  - podium\n") < text.index("  - podium-search\n")


@pytest.mark.slow
def test_index_site_works_inside_a_running_event_loop(small):
    import asyncio
    import threading

    async def inside():  # as under a server or a test's browser: asyncio.run() would refuse here
        return search.index_site(small.root / "site")

    found = []  # in a thread of its own: this test's thread may run a loop already (Playwright's)
    worker = threading.Thread(target=lambda: found.append(asyncio.run(inside()).pages))
    worker.start()
    worker.join()
    assert found == [5]
