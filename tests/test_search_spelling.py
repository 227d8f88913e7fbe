"""The search page's close spellings, in headless Chromium: a statement is a hit for a query word it holds
in another form only when Pagefind's stemmer matched that form too ("cities" for "city", "policies" for
"policy"); a word that merely looks alike ("police" for "policy") is neither a hit nor highlighted."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from support.archive import ArchiveDir
from support.search_sites import MKDOCS_YML, watched_tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FRONT = """\
title: Remarks on towns
date: 2023-03-02
speaker: kagame
kind: remarks
"""
BODY = """\
Our policy on housing is new. {#policy}

The police patrol the streets at night. {#police}

Cities grow quickly on the coast. {#cities}

Every city needs policies for water. {#city}

A citadel stands on the hill. {#citadel}
"""


@pytest.fixture(scope="module")
def tab(browser, serve_dir_module, tmp_path_factory):
    archive = ArchiveDir(tmp_path_factory.mktemp("spelling"))
    archive.write("mkdocs.yml", MKDOCS_YML)
    archive.speech("kigali-2023-towns", FRONT, BODY, folder="speeches/2023")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    with watched_tab(browser, serve_dir_module(archive.root / "site")) as opened:
        yield opened


def hits(tab, query: str) -> dict[str, list[str]]:
    """The statements the search page shows as hits for `query`: their anchor -> their marked words."""
    tab.goto(f"{tab.base}search/?q={quote(query)}")
    tab.wait_for_function(
        "() => { const r = document.querySelector('.podium-results');"
        " return r && r.getAttribute('aria-busy') === 'false'"
        " && document.querySelector('[data-podium-searchpage]').getAttribute('data-podium-counts') === 'ready'; }"
    )
    found = tab.eval_on_selector_all(
        "[data-podium-hit]",
        """links => links.map(a => [a.getAttribute('href'),
            [...a.querySelectorAll('mark')].map(m => m.textContent)])""",
    )
    shown = {}
    for href, marks in found:
        parts = urlsplit(href)
        assert parse_qs(parts.query)["highlight"]  # every hit lands with something to highlight
        shown[parts.fragment] = [mark.lower().strip(".,") for mark in marks]
    return shown


def test_a_word_that_only_looks_like_the_query_word_is_not_a_hit(tab):
    assert hits(tab, "policy") == {"policy": ["policy"], "city": ["policies"]}


def test_an_inflected_form_the_stemmer_matches_is_a_hit(tab):
    assert hits(tab, "city") == {"cities": ["cities"], "city": ["city"]}
