"""Common words left out of Pagefind's lookup (podium-search.js, "Lookup"), in headless Chromium.

The phrase archive (support.phrase_corpus) is too small for any word to be common by the build's measure, so
each test site gets a list of common words written into its bundle (podium-common.json): then the search page
and the header box ask Pagefind for the rarer words only and check the rest in the text. Phrases must still find
their speech first, a quoted phrase that no speech holds must match nothing, and the index chunks of the left-out
words are not downloaded.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from podium.search import merge
from support.archive import ArchiveDir
from support.phrase_corpus import HOMES, PHRASES, contains_phrase, phrase_archive
from support.search_sites import MKDOCS_YML as SEARCH_YML
from support.search_sites import quick_titles, watched_tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COMMON = sorted("a all and are by for have in is it not of our the this to we what with you".split())


@pytest.fixture(scope="module")
def common_site(tmp_path_factory):
    archive = phrase_archive(tmp_path_factory.mktemp("common"), speeches=150, copies=12)
    built = archive.build()
    assert built.returncode == 0, built.stderr
    site = archive.root / "site"
    (site / "pagefind" / merge.COMMON_FILE).write_text(json.dumps({"en": COMMON}), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def page(browser, serve_dir_module, common_site):
    with watched_tab(browser, serve_dir_module(common_site)) as tab:
        yield tab


def search(page, query: str) -> str:
    page.goto(f"{page.base}search/?q={quote(query)}")
    page.wait_for_function(
        "() => { const r = document.querySelector('.podium-results');"
        " return r && r.getAttribute('aria-busy') === 'false'"
        " && document.querySelector('[data-podium-searchpage]').getAttribute('data-podium-counts') === 'ready'; }",
        timeout=30_000,
    )
    return page.inner_text(".podium-results__status")


def first_result(page) -> tuple[str, str]:
    titles = page.eval_on_selector_all(".podium-result__title", "ts => ts.map(t => t.textContent.trim())")
    hits = page.eval_on_selector_all(".podium-hit__text", "hs => hs.map(h => h.textContent)")
    return (titles[0] if titles else "", hits[0] if hits else "")


def test_phrases_with_common_words_left_out_of_the_lookup_still_find_their_speech_first(page):
    top1, misses = 0, []
    for query, home in PHRASES:
        search(page, query)
        title, hit = first_result(page)
        right = title == HOMES[home][0] and contains_phrase(hit, query)
        top1 += right
        if not right:
            misses.append(f"{query!r}: {title!r}")
    print(f"\nphrase ranking, common words left out: top-1 {top1}/{len(PHRASES)}")
    assert top1 == len(PHRASES), misses


def test_a_quoted_phrase_is_checked_whole_with_its_common_words(page):
    status = search(page, '"a new birth of freedom"')
    assert status.startswith("1 speech matches") or re.match(r"\d+ speeches match", status), status
    title, hit = first_result(page)
    assert title == HOMES["gettysburg-address-1863"][0]
    assert "new birth of freedom" in hit
    # Both rare words are in the Gettysburg address and in the distractors, never with `the` between them.
    status = search(page, '"birth the freedom"')
    assert status.startswith("No speech matches"), status
    assert page.query_selector(".podium-result") is None


# Pagefind's module as the search page imports it (`pagefind.js?lang=en`), with every query it is asked noted.
RECORDING_MODULE = """
import * as real from "./pagefind.js?recorded";
export const init = real.init, filters = real.filters, options = real.options, preload = real.preload;
export async function search(term, options) {
  (window.podiumAsked = window.podiumAsked || []).push(term);
  return real.search(term, options);
}
"""


def test_pagefind_is_asked_for_the_rarer_words_only(browser, serve_dir_module, common_site):
    context = browser.new_context()
    context.route(
        re.compile(r".*/pagefind/pagefind\.js\?lang=.*"),
        lambda route: route.fulfill(body=RECORDING_MODULE, content_type="text/javascript"),
    )
    tab = context.new_page()
    base = serve_dir_module(common_site)
    tab.goto(f"{base}search/?q={quote('with malice toward none')}")
    tab.wait_for_function("() => /match/.test(document.querySelector('.podium-results__status').textContent)")
    asked = tab.evaluate("() => window.podiumAsked")
    assert "malice toward none" in asked and not [term for term in asked if term and "with" in term], asked
    assert tab.inner_text(".podium-result__title") == HOMES["lincoln-second-inaugural-1865"][0]
    tab.goto(f"{base}search/?q={quote('with all the')}")  # common words only: looked up whole
    tab.wait_for_function("() => /match/.test(document.querySelector('.podium-results__status').textContent)")
    assert "with all the" in tab.evaluate("() => window.podiumAsked"), asked
    context.close()


def test_the_header_box_leaves_out_the_same_words_and_ranks_the_same(page):
    page.goto(page.base)
    for query, home in PHRASES[:8]:
        titles = quick_titles(page, query)
        assert titles[:1] == [HOMES[home][0]], query


DECOY = "title: Harbour notes, part {n}\ndate: 2020-01-{day:02d}\nspeaker: kagame\n"
DECOY_BODY = "The river the lamp. The river the lamp. The river the lamp.\n"
TRUE_BODY = (
    "We met at dawn and spoke of the harbour, of its ships and of the work of its people for many years.\n\n"
    "At the end of the quay stands the river of lamp, which the town lit for the first time last winter.\n"
)


@pytest.fixture(scope="module")
def decoy_site(tmp_path_factory):
    # 80 short speeches hold `river` and `lamp` two words apart, as the phrase has them, but not the phrase;
    # they outrank the one that has it, and are more than the page checks at once (its ranking and first page).
    archive = ArchiveDir(tmp_path_factory.mktemp("decoys"))
    archive.write("mkdocs.yml", SEARCH_YML)
    for n in range(1, 81):
        archive.speech(f"harbour-{n:02d}", DECOY.format(n=n, day=1 + n % 28), DECOY_BODY, folder="speeches/2020")
    archive.speech("quay-lamp", "title: The quay\ndate: 2021-05-05\nspeaker: kagame\n", TRUE_BODY)
    built = archive.build()
    assert built.returncode == 0, built.stderr
    site = archive.root / "site"
    (site / "pagefind" / merge.COMMON_FILE).write_text(json.dumps({"en": ["of", "the"]}), encoding="utf-8")
    return site


def test_a_phrase_whose_first_candidates_all_fail_the_check_is_checked_on_not_reported_as_no_match(
    browser, serve_dir_module, decoy_site
):
    with watched_tab(browser, serve_dir_module(decoy_site)) as tab:
        tab.add_init_script(
            "new MutationObserver(() => { const s = document.querySelector('.podium-results__status');"
            " if (s) (window.podiumSaid = window.podiumSaid || []).push(s.textContent); })"
            ".observe(document, { subtree: true, childList: true, characterData: true });"
        )
        status = search(tab, '"river of lamp"')
        assert status == '1 speech matches for "river of lamp".', status
        assert first_result(tab)[0] == "The quay"
        said = tab.evaluate("() => window.podiumSaid")
        assert not [text for text in said if text.startswith("0 speeches match")], said
        assert [text for text in said if text.startswith("Checking ") and "may match" in text], said
