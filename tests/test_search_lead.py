"""A lone common word answered from its lead (podium/search/lead.py; podium-search.js, "Lead").

The test archive is small, so its index is joined again with a low bar for a lead (`LeadSizes`): a word on 40
pages or more gets its best 12 speeches and 2 facet pages. The search page must then show, for such a word, what
it shows without the lead (podium-lead.json not served): the same count, the same speeches in the same order on
every page of results and the same filter counts. Only then is the lead the pages Pagefind itself ranks first.
The generated facet pages all score the same for a word (one template), and Pagefind orders equal scores as its
sort leaves them: the facet pages shown must be as many, and all have the word.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from podium.search import cbor, lead
from podium.search.index import index_site
from support.search_sites import watched_tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZES = lead.LeadSizes(pages=40, speeches=12, facets=5)


@pytest.fixture(scope="module")
def lead_site(tmp_path_factory):
    from podium.editors.generate import generate
    from support.archive import ArchiveDir

    root = tmp_path_factory.mktemp("lead")
    generate(root, speeches=80, seed=11, plugins=["podium", "podium-facets", "podium-search"])
    built = ArchiveDir.at(root).build()
    assert built.returncode == 0, built.stderr
    site = root / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lead, "LEAD_BUCKET", 4)  # several hidden filters, as in a large archive
        index_site(site, shard_size=20, lead=SIZES)  # joined from several shards, with a low bar for a lead
    return site


def index_words(bundle: Path, code: str) -> tuple[list, dict[str, dict[str, set[int]]]]:
    """The page table and, chunk by chunk, each index word's pages (variants included), read whole from the
    joined bundle."""
    meta, _ = cbor.decode(cbor.read_file(next(bundle.glob(f"pagefind.{code}_*.pf_meta"))))
    assert isinstance(meta, list)
    chunks: dict[str, dict[str, set[int]]] = {}
    for _, _, chunk in meta[2]:
        pages = chunks[chunk] = {}
        decoded, _ = cbor.decode(cbor.read_file(bundle / "index" / f"{chunk}.pf_index"))
        assert isinstance(decoded, list)
        for entry in decoded[0]:
            found, number = set(), 0
            for page in entry[1]:
                number += page[0]
                found.add(number)
            for variant in entry[2] if len(entry) > 2 else []:
                number = 0
                for page in variant[1]:
                    number += page[0]
                    found.add(number)
            pages[entry[0]] = found
    return meta, chunks


def matched(chunks: dict[str, dict[str, set[int]]], word: str) -> set[int]:
    """The pages Pagefind matches for `word` typed alone: those of the index words it begins, in the chunk that
    holds it (the only one Pagefind loads for it)."""
    chunk = next(pages for pages in chunks.values() if word in pages)
    return set().union(*(found for other, found in chunk.items() if other.startswith(word)))


def test_each_lead_word_counts_the_pages_its_query_matches_and_holds_its_best_pages(lead_site):
    bundle = lead_site / "pagefind"
    listed = json.loads((bundle / lead.LEAD_FILE).read_text(encoding="utf-8"))
    assert listed["en"], "no word of the test archive got a lead: lower SIZES.pages"
    meta, chunks = index_words(bundle, "en")
    filters = {}
    for _name, chunk in meta[3]:
        decoded, _ = cbor.decode(cbor.read_file(bundle / "filter" / f"{chunk}.pf_filter"))
        filters[decoded[0]] = dict(decoded[1])
    facets = set(filters["page"]["facet"])
    assert facets, "the facet pages carry the `page: facet` filter"
    hidden = {name: values for name, values in filters.items() if name.startswith(lead.LEAD_FILTER)}
    assert sorted(word for values in hidden.values() for word in values) == sorted(listed["en"])
    assert len(hidden) == -(-len(listed["en"]) // 4) > 1  # four words a filter
    for word, (count, bucket) in listed["en"].items():
        found = matched(chunks, word)
        assert count == len(found), word  # what Pagefind reports for the word typed alone
        best = set(hidden[f"{lead.LEAD_FILTER}{bucket}"][word])
        assert best <= found
        assert len(best - facets) == min(SIZES.speeches, len(found - facets)), word
        assert len(best & facets) == min(SIZES.facets, len(found & facets)), word
    # every word on that many pages has one, and no other
    on_enough = {word for pages in chunks.values() for word, found in pages.items() if len(found) >= SIZES.pages}
    assert set(listed["en"]) == on_enough


def shown(tab, query: str, block_lead: bool = False, lead_file: str | None = None) -> dict:
    """Everything the search page shows for `query`, every page of results: status, speeches, facets, counts."""
    requested: list[str] = []

    def route(request_route):
        if block_lead:
            request_route.fulfill(status=404, body="")
        elif lead_file is not None:
            request_route.fulfill(status=200, content_type="application/json", body=lead_file)
        else:
            request_route.continue_()

    def note(request) -> None:
        requested.append(request.url)

    tab.route("**/podium-lead.json", route)
    tab.on("request", note)
    try:
        tab.goto(f"{tab.base}search/?q={quote(query)}")
        ready = (
            "() => document.querySelector('.podium-results').getAttribute('aria-busy') === 'false'"
            " && document.querySelector('[data-podium-searchpage]').getAttribute('data-podium-counts') === 'ready'"
        )
        tab.wait_for_function(ready, timeout=30_000)
        first_status = tab.inner_text(".podium-results__status")
        while tab.is_visible(".podium-results__more"):
            before = tab.locator(".podium-result").count()
            tab.click(".podium-results__more")
            tab.wait_for_function(f"() => document.querySelectorAll('.podium-result').length > {before}")
        return {
            "status": re.sub(r" \(showing \d+\)", "", first_status),
            "speeches": tab.eval_on_selector_all(".podium-result__title", "ts => ts.map(t => t.textContent.trim())"),
            "links": tab.eval_on_selector_all(".podium-result a[href]", "as => as.map(a => a.getAttribute('href'))"),
            "facets": tab.inner_text(".podium-results__facets") if tab.is_visible(".podium-results__facets") else "",
            "counts": tab.inner_text(".podium-facets") if tab.locator(".podium-facets").count() else "",
            "requested": requested,
        }
    finally:
        tab.remove_listener("request", note)
        tab.unroute("**/podium-lead.json")


@pytest.fixture(scope="module")
def tab(browser, serve_dir_module, lead_site):
    with watched_tab(browser, serve_dir_module(lead_site)) as opened:
        yield opened


def asked_with_lead(requested: list[str], chunk: str) -> bool:
    """Whether Pagefind loaded the lead's filter index before the first result's text: a search with the lead
    filter needs it; without, only the filters' counts load it, after the results."""
    first = next(n for n, url in enumerate(requested) if "/fragment/" in url)
    return any(url.endswith(chunk) for url in requested[:first])


def facet_titles(site: Path, word: str) -> set[str]:
    """The titles of the facet pages that have `word` (or an index word it begins)."""
    bundle = site / "pagefind"
    meta, chunks = index_words(bundle, "en")
    titles = set()
    for page in matched(chunks, word):
        fragment = json.loads(cbor.read_file(bundle / "fragment" / f"{meta[1][page][0]}.pf_fragment"))
        if fragment["meta"].get("facet"):
            titles.add(fragment["meta"]["title"])
    return titles


def lead_chunk(site: Path, word: str) -> str:
    """The file of the hidden filter that holds `word`'s lead."""
    listed = json.loads((site / "pagefind" / lead.LEAD_FILE).read_text(encoding="utf-8"))["en"]
    meta, _ = cbor.decode(cbor.read_file(next((site / "pagefind").glob("pagefind.en_*.pf_meta"))))
    assert isinstance(meta, list)
    return next(f"{chunk}.pf_filter" for name, chunk in meta[3] if name == f"{lead.LEAD_FILTER}{listed[word][1]}")


def test_a_lone_common_word_shows_what_every_page_would_show(tab, lead_site):
    listed = json.loads((lead_site / "pagefind" / lead.LEAD_FILE).read_text(encoding="utf-8"))["en"]
    # the commonest word, and the commonest that other index words begin (its lead scores them too)
    words = sorted(listed, key=lambda word: -listed[word][0])
    extended = [word for word in words if any(other != word and other.startswith(word) for other in listed)]
    for word in dict.fromkeys(words[:1] + extended[:1]):
        chunk = lead_chunk(lead_site, word)
        with_lead = shown(tab, word)
        without = shown(tab, word, block_lead=True)
        assert asked_with_lead(with_lead["requested"], chunk), "the lead was not asked for"
        assert not asked_with_lead(without["requested"], chunk)
        assert with_lead["speeches"], word
        assert len(with_lead["speeches"]) > SIZES.speeches, "show more past the lead is not tested"
        for part in ("status", "speeches", "links", "counts"):
            assert with_lead[part] == without[part], (word, part)
        facets = with_lead["facets"].splitlines()[1:]
        assert len(facets) == len(without["facets"].splitlines()[1:]) > 0
        assert {line.split(" ", 1)[1] for line in facets} <= facet_titles(lead_site, word), word


def test_a_lead_made_for_another_word_is_not_used(tab, lead_site):
    listed = json.loads((lead_site / "pagefind" / lead.LEAD_FILE).read_text(encoding="utf-8"))["en"]
    word = max(listed, key=lambda w: listed[w][0])
    count, bucket = listed[word]
    wrong = json.dumps({"en": {word: [count + 1, bucket]}})  # Pagefind will report another number of pages
    chunk = lead_chunk(lead_site, word)
    checked = shown(tab, word, lead_file=wrong)
    assert asked_with_lead(checked["requested"], chunk)  # asked with the lead, then again whole
    without = shown(tab, word, block_lead=True)
    for part in ("status", "speeches", "links", "counts"):
        assert checked[part] == without[part], part
