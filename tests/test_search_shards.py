"""Search at scale: the index written by several bounded Pagefind processes (shards) and joined into one."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from podium.search import cbor, merge
from podium.search import index as search
from podium.search.shards import ShardedIndex, shard_count
from support.archive import ArchiveDir
from support.search_sites import generated_archive

# ---- The joining's building blocks ------------------------------------------------------------------------


def test_cbor_written_as_pagefind_writes_it_reads_back():
    value = ["apple", [[0, [-25, 23, 24, 255, 256, 65536], []], [4294967296, [], [-2, 0]]], []]
    data = cbor.encode(value)
    assert data[:1] == b"\x83"  # definite arrays, the shortest heads
    assert cbor.decode(data) == (value, len(data))


def test_a_bundle_file_written_in_part_is_found(tmp_path):
    whole = gzip.compress(cbor.SIGNATURE + b'{"url": "/speeches/one/", "content": "' + b"word " * 2000 + b'"}')
    (tmp_path / "fragment").mkdir()
    (tmp_path / "fragment" / "en_a.pf_fragment").write_bytes(whole)
    (tmp_path / "fragment" / "en_b.pf_fragment").write_bytes(whole[: len(whole) - 9])  # cut in its trailer
    (tmp_path / "fragment" / "en_c.pf_fragment").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "wasm.en.pagefind").write_bytes(whole + b"\0")  # more than the gzip stream
    (tmp_path / "pagefind.js").write_text("not compressed: not checked")
    assert [path.relative_to(tmp_path).as_posix() for path in cbor.cut_files(tmp_path)] == [
        "fragment/en_b.pf_fragment",
        "fragment/en_c.pf_fragment",
        "wasm.en.pagefind",
    ]


def test_neighbouring_chunks_are_named_by_their_shortest_distinct_ends():
    assert merge.prefixes("apple", "apricot") == ("app", "apr")
    assert merge.prefixes("cataraman", "yacht") == ("c", "y")
    assert merge.prefixes("cath", "cathartic") == ("cath", "catha")


def test_shard_count():
    assert [shard_count(n, 500) for n in (0, 1, 500, 501, 10_000)] == [1, 1, 1, 2, 20]


# ---- The shard planner, with a stand-in for Pagefind --------------------------------------------------------


class FakePagefind:
    """Records its pages; `finish` takes a while, like Pagefind writing its bundle."""

    alive = 0
    most_alive = 0
    lock = threading.Lock()

    def __init__(self, fail: bool = False) -> None:
        self.pages: list[str] = []
        self.fail = fail
        with FakePagefind.lock:
            FakePagefind.alive += 1
            FakePagefind.most_alive = max(FakePagefind.most_alive, FakePagefind.alive)

    def add(self, html: str, url: str) -> None:
        self.pages.append(url)

    def finish(self, bundle: Path) -> list[str]:
        time.sleep(0.05)
        try:
            if self.fail:
                raise search.SearchIndexError("Pagefind stopped: out of memory")
            bundle.mkdir(parents=True)
            (bundle / "pages.json").write_text(json.dumps(self.pages))
            return self.pages
        finally:
            self.close()

    def close(self) -> None:
        with FakePagefind.lock:
            if self.fail is not None:
                FakePagefind.alive -= 1
                self.fail = None  # closed once


@pytest.fixture
def fakes():
    FakePagefind.alive = FakePagefind.most_alive = 0
    made: list[FakePagefind] = []

    def start() -> FakePagefind:
        made.append(FakePagefind())
        return made[-1]

    return start, made


def test_a_new_process_every_shard_size_speeches_facet_pages_ride_along(fakes):
    start, made = fakes
    index = ShardedIndex(start, shard_size=3)
    for n in range(8):
        index.add("<html>", f"/speeches/{n}/", speech=True)
        if n % 2:
            index.add("<html>", f"/topics/{n}/", speech=False)
    index.close()
    assert [fake.pages for fake in made] == [
        ["/speeches/0/", "/speeches/1/", "/topics/1/", "/speeches/2/"],
        ["/speeches/3/", "/topics/3/", "/speeches/4/", "/speeches/5/"],
        ["/topics/5/", "/speeches/6/", "/speeches/7/", "/topics/7/"],
    ]


def test_never_more_than_two_pagefind_processes_whatever_the_number_of_shards(fakes):
    # The memory bound: one shard writing its bundle (Pagefind's peak) and the next one reading pages.
    start, made = fakes
    index = ShardedIndex(start, shard_size=1)
    for n in range(12):
        index.add("<html>", f"/speeches/{n}/")
    index.close()
    assert len(made) == 12
    assert FakePagefind.most_alive == 2
    assert FakePagefind.alive == 0


def test_one_shard_is_moved_into_place_without_joining(fakes, tmp_path):
    start, _ = fakes
    index = ShardedIndex(start, shard_size=10)
    index.add("<html>", "/speeches/a/")
    run = index.finish(tmp_path / "pagefind")
    assert (run.shards, run.merge_seconds) == (1, 0.0)
    assert json.loads((tmp_path / "pagefind/pages.json").read_text()) == ["/speeches/a/"]
    assert not index.work.exists()


def test_a_failing_shard_fails_the_run_and_stops_the_others(tmp_path):
    FakePagefind.alive = 0
    starts = iter([FakePagefind(), FakePagefind(fail=True), FakePagefind()])
    index = ShardedIndex(lambda: next(starts), shard_size=1)
    for n in range(3):
        index.add("<html>", f"/speeches/{n}/")
    with pytest.raises(search.SearchIndexError, match="out of memory"):
        index.finish(tmp_path / "pagefind")
    assert FakePagefind.alive == 0
    assert not index.work.exists()


# ---- Real Pagefind: shards joined give the index one run gives -----------------------------------------------

WORDS = ["amber", "basalt", "cobalt", "dolomite", "emerald", "feldspar", "garnet"]


def page(n: int) -> str:
    language = "ru" if n == 5 else "en"
    word = "малахит" if n == 5 else WORDS[n]
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head><body>'
        f'<h1 data-pagefind-meta="title">Speech {n}</h1>'
        f'<time data-pagefind-sort="date[datetime]" data-pagefind-meta="date[datetime]" '
        f'datetime="2020-01-{28 - n:02d}">{n}</time>'
        f'<span data-pagefind-filter="year">{2020 + n % 2}</span>'
        f'<div data-pagefind-body><section id="s-{n}"><p>Common words open statement {n}, then {word} '
        f"and the common close.</p></section></div></body></html>"
    )


def index_pages(bundle: Path, shard_size: int) -> search.IndexReport:
    index = search.ShardedStreamingIndex(shard_size)
    for n in range(len(WORDS)):
        index.add(page(n), f"/speeches/{n}/", speech=True)
    return index.finish(bundle)


def read_index(bundle: Path) -> dict:
    """Each language's index as URLs: word -> pages with their locations, filters, sort orders."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    result = {}
    for code, language in entry["languages"].items():
        meta, _ = cbor.decode(cbor.read_file(bundle / f"pagefind.{language['hash']}.pf_meta"))
        assert isinstance(meta, list)
        urls = [json.loads(cbor.read_file(bundle / "fragment" / f"{name}.pf_fragment"))["url"] for name, _ in meta[1]]
        words = {}
        for _, _, name in meta[2]:
            chunk, _ = cbor.decode(cbor.read_file(bundle / "index" / f"{name}.pf_index"))
            for word, pages, _ in chunk[0]:
                number, found = 0, []
                for step, locations, _ in pages:
                    number += step  # page numbers are written as steps from the previous one
                    found.append((urls[number], tuple(locations)))
                words[word] = sorted(found)
        filters = {}
        for _, name in meta[3]:
            (filter_name, values), _ = cbor.decode(cbor.read_file(bundle / "filter" / f"{name}.pf_filter"))
            filters[filter_name] = {value: sorted(urls[n] for n in pages) for value, pages in values}
        sorts = {name: [urls[n] for n in order] for name, order in meta[4]}
        result[code] = {"pages": language["page_count"], "words": words, "filters": filters, "sorts": sorts}
    return result


@pytest.mark.slow
def test_shards_joined_hold_the_same_index_as_one_pagefind_run(tmp_path):
    one = index_pages(tmp_path / "one", shard_size=100)
    shards = index_pages(tmp_path / "shards", shard_size=2)
    assert (one.shards, shards.shards) == (1, 4)
    assert "4 shards joined in" in shards.summary()
    assert shards.languages == one.languages == {"en": 6, "ru": 1}
    joined, single = read_index(tmp_path / "shards"), read_index(tmp_path / "one")
    assert joined == single
    english = joined["en"]
    assert english["words"]["garnet"] == [("/speeches/6/", (-25, 6))]
    assert [url for url, _ in english["words"]["common"]] == [f"/speeches/{n}/" for n in (0, 1, 2, 3, 4, 6)]
    assert english["filters"]["year"]["2021"] == ["/speeches/1/", "/speeches/3/"]
    assert english["sorts"]["date"] == [f"/speeches/{n}/" for n in (6, 4, 3, 2, 1, 0)]  # oldest first
    stems = [word for word in joined["ru"]["words"] if word.startswith("малах")]  # Russian is stemmed
    assert stems and joined["ru"]["words"][stems[0]] == [("/speeches/5/", (-25, 6))]


# ---- A site indexed in shards, searched in a browser ------------------------------------------------------------


def first_phrase(html: str) -> str:
    paragraph = re.search(r'¶</a>(?:<a class="podium-play".*?</a>)?<p>([^<]{40,})</p>', html)
    assert paragraph, "no statement of plain text"
    return " ".join(re.findall(r"\w+", paragraph.group(1))[2:6])


def results(page, base: str, query: str) -> tuple[str, list[str]]:
    page.goto(f"{base}search/?q={quote(query)}")
    page.wait_for_function(
        "() => { const r = document.querySelector('.podium-results');"
        " const s = document.querySelector('.podium-results__status');"
        " return r && r.getAttribute('aria-busy') === 'false' && /match/.test(s.textContent); }",
        timeout=30_000,
    )
    links = page.eval_on_selector_all("[data-podium-hit]", "a => a.map(e => e.getAttribute('href').split('?')[0])")
    return page.inner_text(".podium-results__status"), links


@pytest.mark.slow
@pytest.mark.browser
def test_a_site_indexed_in_shards_finds_a_phrase_of_each_shard_as_one_index_does(tmp_path, browser, serve_dir):
    archive: ArchiveDir = generated_archive(tmp_path / "archive", speeches=12, seed=3)
    mkdocs_yml = archive.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    assert "  - podium-search\n" in text or "- podium-search\n" in text
    mkdocs_yml.write_text(re.sub(r"- podium-search\n", "- podium-search:\n    shard_size: 4\n", text, count=1))
    built = archive.build()
    assert built.returncode == 0, built.stderr
    # At most four pages a shard, about two (podium.search.cached.shards_of): three shards or more.
    shards = re.search(r"Pagefind indexed \d+ page\(s\) .* (\d+) shards joined in", built.stderr)
    assert shards and int(shards.group(1)) >= 3, built.stderr
    sharded = archive.root / "site"
    single = tmp_path / "single"
    shutil.copytree(sharded, single)
    assert search.index_site(single, shard_size=1000).shards == 1

    pages = sorted(sharded.glob("speeches/*/index.html"))
    english = [path for path in pages if '<html lang="en"' in path.read_text(encoding="utf-8")]
    picked = english[:: max(1, len(english) // 4)]  # speeches rendered early and late: in different shards
    context = browser.new_context()
    page = context.new_page()
    try:
        base_sharded, base_single = serve_dir(sharded), serve_dir(single)
        for path in picked:
            query = f'"{first_phrase(path.read_text(encoding="utf-8"))}"'
            found = results(page, base_sharded, query)
            assert f"/speeches/{path.parent.name}/" in found[1], (query, found)
            assert found == results(page, base_single, query)
        frequent = "the"
        assert results(page, base_sharded, frequent) == results(page, base_single, frequent)
    finally:
        context.close()
