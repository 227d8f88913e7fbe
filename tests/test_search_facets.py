"""Search finds the first page of each speaker, topic and event (issue 6), apart from the statements.

One small archive (tests/search_sites.py) plus a speech that names Paul Kagame, built with `podium-facets`
once per module. The index, the templates and the search page in headless Chromium.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from support.archive import archive_config
from support.search_sites import small_archive

pytestmark = pytest.mark.slow  # every test here builds a site

MKDOCS_YML = archive_config(
    "podium",
    {"podium-facets": {"facets": ["speakers", "topics", "events", "dates"]}},
    "podium-search",
    name="Search facets test archive",
)

THANKS = """\
title: Thanks to the guests
date: 2022-09-01
speaker: tokayev
kind: remarks
"""
THANKS_BODY = "We thank President Kagame for his visit to Astana. {#thanks}\n"

TRANSCRIPTS = {"en": 4, "ru": 1, "kk": 1}  # the small archive's five transcripts and THANKS


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    archive = small_archive(tmp_path_factory.mktemp("search-facets"))
    archive.write("mkdocs.yml", MKDOCS_YML)
    archive.speech("tokayev-2022-thanks", THANKS, THANKS_BODY, folder="speeches/2022")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive.root / "site"


def term_pages(site) -> list[str]:
    """The first pages of every speaker, topic and event in the built site (not hubs, not page/2/)."""
    return sorted(
        str(path.parent.relative_to(site))
        for facet in ("speakers", "topics", "events")
        for path in (site / facet).glob("*/index.html")
        if path.parent.name != "page"
    )


def test_the_index_has_each_speaker_topic_and_event_page_once(site):
    pages = term_pages(site)
    assert {"speakers/kagame", "speakers/tokayev", "topics/multilateralism", "events/aif-2025"} <= set(pages)
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    counts = {code: data["page_count"] for code, data in entry["languages"].items()}
    # the facet pages are in the site's language; the transcripts count as before
    assert counts == TRANSCRIPTS | {"en": TRANSCRIPTS["en"] + len(pages)}


def test_only_the_heading_and_description_of_a_first_page_are_indexed(site):
    html = (site / "speakers/kagame/index.html").read_text()
    assert html.count("data-pagefind-body") == 1
    body = re.search(
        r'<div class="podium-facet__findable" data-pagefind-body data-pagefind-meta="facet:speakers">'
        r'(.*?)<p class="podium-facet__count">',
        html,
        re.S,
    )
    assert body, "the findable part ends before the speech count"
    assert '<h1 id="title">Paul Kagame</h1>' in body.group(1)  # Pagefind's title: the first h1
    # A facet page must not add to the speeches' filter counts: its one filter is the hidden one that tells it apart
    assert html.count("data-pagefind-filter") == 1
    assert '<span hidden data-pagefind-filter="page">facet</span>' in body.group(1)
    event = (site / "events/aif-2025/index.html").read_text()
    assert 'data-pagefind-meta="facet:events"' in event
    assert '<ol class="podium-sessions" data-pagefind-ignore="all">' in event
    for page in ("speakers/index.html", "dates/2025/index.html", "index.html", "search/index.html"):
        assert "data-pagefind-body" not in (site / page).read_text(), page
    speech = (site / "speeches/tokayev-2022-thanks/index.html").read_text()
    assert 'data-pagefind-filter="page"' not in speech  # the search asks for pages without `page: facet`


# ---- In the browser ------------------------------------------------------------------------------------


@pytest.fixture
def open_page(browser, serve_dir, site):
    contexts = []

    def opener(path: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(serve_dir(site) + path)
        return page

    yield opener
    for context in contexts:
        context.close()


def search(open_page, query: str, extra: str = ""):
    page = open_page(f"search/?q={quote(query)}{extra}")
    page.wait_for_function(
        "() => document.querySelector('.podium-results').getAttribute('aria-busy') === 'false'"
        " && document.querySelector('[data-podium-searchpage]').getAttribute('data-podium-counts') === 'ready'"
        " && /match/.test(document.querySelector('.podium-results__status').textContent)",
        timeout=30_000,
    )
    return page


def counts(page, name: str) -> dict[str, int]:
    rows = page.eval_on_selector_all(
        f'[data-facet="{name}"] label',
        "labels => labels.map(l => [l.querySelector('.podium-facet__value').textContent,"
        " l.querySelector('.podium-facet__count').textContent])",
    )
    return {value: int(count) for value, count in rows}


def group(page) -> list[tuple[str, str, str]]:
    return [
        tuple(row)
        for row in page.eval_on_selector_all(
            ".podium-results__facets:not([hidden]) .podium-facet-hit a",
            "links => links.map(a => [a.querySelector('.podium-facet-hit__kind').textContent,"
            " a.querySelector('.podium-facet-hit__title').textContent, a.getAttribute('href')])",
        )
    ]


@pytest.mark.browser
def test_a_speakers_name_finds_their_page_above_the_statements(open_page):
    page = search(open_page, "Kagame")
    assert ("Speaker", "Paul Kagame", "/speakers/kagame/") in group(page)
    assert page.text_content(".podium-results__facets-title").strip() == "Speakers, topics and events"
    # the statements are still there, and the count is of speeches only (the panel matches by its speaker
    # list, without a matching statement, as it did before facet pages were indexed)
    assert page.inner_text(".podium-results__status") == "2 speeches match for Kagame."
    hits = page.eval_on_selector_all(
        ".podium-results__list [data-podium-hit]", "a => a.map(e => e.getAttribute('href'))"
    )
    assert len(hits) == 1 and hits[0].startswith("/speeches/tokayev-2022-thanks/?") and hits[0].endswith("#thanks")
    assert counts(page, "speaker") == {"Kassym-Jomart Tokayev": 2, "Paul Kagame": 1}
    assert counts(page, "kind") == {"Remarks": 1, "Panel": 1}
    page.click(".podium-facet-hit a[href='/speakers/kagame/']")
    page.wait_for_url("**/speakers/kagame/")
    assert page.errors == []


@pytest.mark.browser
def test_topic_and_event_pages_are_found_by_their_label_and_name(open_page):
    assert ("Topic", "Multilateralism", "/topics/multilateralism/") in group(search(open_page, "multilateralism"))
    found = group(search(open_page, "Astana International Forum"))
    assert ("Event", "Astana International Forum 2025", "/events/aif-2025/") in found


@pytest.mark.browser
def test_filter_counts_count_speeches_only_and_a_filter_hides_the_group(open_page):
    page = search(open_page, "cooperation")
    assert page.inner_text(".podium-results__status") == "3 speeches match for cooperation."
    assert counts(page, "speaker") == {"Kassym-Jomart Tokayev": 2, "Paul Kagame": 2}  # as without facet pages
    page = search(open_page, "Kagame", "&speaker=" + quote("Kassym-Jomart Tokayev"))
    assert page.inner_text(".podium-results__status") == "2 speeches match for Kagame."
    assert page.is_hidden(".podium-results__facets")
    assert page.errors == []


@pytest.mark.browser
def test_the_header_box_shows_the_group_first(open_page):
    page = open_page("")
    page.fill("#podium-searchbox-q", "Kagame")
    page.wait_for_selector("#podium-searchbox-results .podium-quick--facet")
    text = page.text_content("#podium-searchbox-results")
    assert text.index("Speakers, topics and events") < text.index("Paul Kagame") < text.index("Thanks to the guests")
    assert page.get_attribute(".podium-quick--facet", "href") == "/speakers/kagame/"
    page.press("#podium-searchbox-q", "ArrowDown")
    assert page.get_attribute("#podium-quick-facet-0", "aria-selected") == "true"
    assert page.errors == []
