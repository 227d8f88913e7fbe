"""The search page's close spellings, in headless Chromium: a statement is a hit for a query word it holds
in another form only when Pagefind's stemmer matched that form too ("cities" for "city", "policies" for
"policy"); a word that merely looks alike ("police" for "policy") is neither a hit nor highlighted."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from support.archive import ArchiveDir
from support.search_sites import KIGALI, MKDOCS_YML, searched, watched_tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

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
    archive.speech("kigali-2023-towns", KIGALI, BODY, folder="speeches/2023")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    with watched_tab(browser, serve_dir_module(archive.root / "site")) as opened:
        yield opened


def hits(tab, query: str) -> dict[str, list[str]]:
    """The statements the search page shows as hits for `query`: their anchor -> their marked words."""
    shown = {}
    for hit in searched(tab, query)[1]:
        link = urlsplit(hit["href"])
        assert parse_qs(link.query)["highlight"]  # every hit lands with something to highlight
        shown[link.fragment] = [mark.lower().strip(".,") for mark in hit["marks"]]
    return shown


def test_a_word_that_only_looks_like_the_query_word_is_not_a_hit(tab):
    assert hits(tab, "policy") == {"policy": ["policy"], "city": ["policies"]}


def test_an_inflected_form_the_stemmer_matches_is_a_hit(tab):
    assert hits(tab, "city") == {"cities": ["cities"], "city": ["city"]}
