"""Pagefind shards kept in the build cache (podium.search.cached): stable shards, no Pagefind on a warm build, the
same index as a clean build, and the common words of the joined index (podium.search.merge)."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from pathlib import Path

import pytest

from podium.search import cached, cbor, merge
from podium.search import index as search
from support.search_sites import generated_archive

CACHE_LINE = re.compile(r"search: (\d+) shards from the cache, (\d+) indexed by Pagefind; (.*)")


def pages(count: int, start: int = 0) -> list[cached.Page]:
    return [cached.Page(f"/speeches/{n:05d}/", Path(f"{n}.html"), str(n)) for n in range(start, start + count)]


def test_shards_are_cut_where_the_urls_say_so_a_new_page_changes_one_shard():
    before = cached.shards_of(pages(2000), 100)
    assert sum(map(len, before)) == 2000
    assert max(map(len, before)) <= 100
    assert 20 <= len(before) <= 80  # about 50 pages a shard
    for extra in (cached.Page("/speeches/00500a/", Path(), "x"), cached.Page("/speeches/99999/", Path(), "x")):
        after = cached.shards_of([*pages(2000), extra], 100)
        changed = [shard for shard in after if shard not in before]
        # Its own shard, split in two if the new URL cuts; a shard cut because it was full moves its cut by one.
        assert 1 <= len(changed) <= 3
        assert sum(len(shard) for shard in changed) <= 2 * 100 + 1
        assert len(changed) < len(after) / 10


def test_a_shard_key_changes_with_a_page_the_engine_or_the_order_and_nothing_else():
    engine = cached.engine_key()
    shard = pages(3)
    assert cached.shard_key(engine, shard) == cached.shard_key(engine, pages(3))
    edited = [*shard[:2], cached.Page(shard[2].url, shard[2].path, "changed")]
    assert cached.shard_key(engine, edited) != cached.shard_key(engine, shard)
    assert cached.shard_key(cached.engine_key((".other",)), shard) != cached.shard_key(engine, shard)


def test_a_kept_page_is_read_once_then_known_by_its_key(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<div data-pagefind-body>words</div>", encoding="utf-8")
    other = tmp_path / "b.html"
    other.write_text("<p>not indexed</p>", encoding="utf-8")
    store = cached.SearchCache(tmp_path / "cache")
    digest = store.page_digest("key-a", page)
    assert digest == cached.digest_of(page.read_bytes())
    assert store.page_digest("key-b", other) is None
    store.save([], "")
    page.unlink()  # known now: the next build does not read the file
    again = cached.SearchCache(tmp_path / "cache")
    assert again.page_digest("key-a", page) == digest
    assert cached.SearchCache(tmp_path / "cache", enabled=False).known == {}  # --clean reads nothing


# ---- Real Pagefind ---------------------------------------------------------------------------------------------


def _page(n: int) -> str:
    rare = ["amber", "basalt", "cobalt", "dolomite", "emerald", "feldspar"][n]
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
        f'<h1 data-pagefind-meta="title">Speech {n}</h1><span data-pagefind-filter="year">{2020 + n % 2}</span>'
        f'<div data-pagefind-body><section id="s-{n}"><p>{" ".join(["a"] * 5)} {rare} the end of it.</p></section>'
        f"</div></body></html>"
    )


@pytest.mark.slow
def test_the_joined_index_gives_common_words_a_chunk_of_their_own_and_lists_them(tmp_path, monkeypatch):
    monkeypatch.setattr(merge, "COMMON_LOCATIONS", 20)  # `a`: 5 times in 6 pages (36), the others 12
    site = tmp_path / "site"
    listed = []
    for n in range(6):
        path = site / f"speeches/{n}/index.html"
        path.parent.mkdir(parents=True)
        path.write_text(_page(n), encoding="utf-8")
        listed.append(cached.Page(f"/speeches/{n}/", path, cached.digest_of(path.read_bytes())))
    store = cached.SearchCache(tmp_path / "cache")
    report = cached.index_pages(listed, site / "pagefind", store, shard_size=2)
    assert (report.indexed, report.from_cache) == (report.shards, 0)
    assert json.loads((site / "pagefind" / merge.COMMON_FILE).read_text()) == {"en": ["a"]}
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    meta, _ = cbor.decode(cbor.read_file(site / "pagefind" / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"))
    assert isinstance(meta, list)
    alone = [(first, last) for first, last, _ in meta[2] if first <= "a" <= last]
    assert alone == [("a", "a")]  # a lookup of `amber` does not load the postings of `a`
    # The same pages again: every shard and the joined index from the cache, the same files.
    shutil.copytree(site / "pagefind", tmp_path / "first")
    again = cached.index_pages(listed, site / "pagefind", cached.SearchCache(tmp_path / "cache"), shard_size=2)
    assert (again.indexed, again.joined_from_cache) == (0, True)
    assert not _differences(tmp_path / "first", site / "pagefind")


def _differences(left: Path, right: Path) -> list[str]:
    """Files that are not the same bytes (or not in both) under two folders."""
    compare = filecmp.dircmp(left, right)
    found = [*compare.left_only, *compare.right_only, *compare.diff_files, *compare.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compare.common_files, shallow=False)
    found += mismatch + errors
    for name in compare.common_dirs:
        found += [f"{name}/{item}" for item in _differences(left / name, right / name)]
    return found


@pytest.mark.slow
def test_a_warm_build_runs_no_pagefind_and_an_edit_reindexes_one_shard_as_a_clean_build_would(tmp_path, monkeypatch):
    archive = generated_archive(tmp_path / "archive", speeches=12, seed=3)
    mkdocs_yml = archive.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(re.sub(r"- podium-search\n", "- podium-search:\n    shard_size: 4\n", text, count=1))
    site = archive.root / "site"

    def build() -> tuple[int, int, str]:
        built = archive.build()
        assert built.returncode == 0, built.stderr
        found = CACHE_LINE.search(built.stderr)
        assert found, built.stderr
        return int(found.group(1)), int(found.group(2)), found.group(3)

    cached_shards, indexed, _ = build()
    assert cached_shards == 0 and indexed >= 3  # twelve speeches and their facet pages, at most four a shard
    shutil.copytree(site / search.BUNDLE, tmp_path / "cold")
    assert build() == (indexed, 0, "the joined index from the cache")
    assert not _differences(tmp_path / "cold", site / search.BUNDLE)

    transcript = sorted((archive.root / "speeches").rglob("*.md"))[3]
    transcript.write_text(
        transcript.read_text(encoding="utf-8") + "\nA new sentence about zanzibarian quokkas.\n", encoding="utf-8"
    )
    assert build() == (indexed - 1, 1, "joined again")
    shutil.copytree(site / search.BUNDLE, tmp_path / "warm")
    monkeypatch.setenv("PODIUM_CLEAN", "1")
    assert build() == (0, indexed, "joined again")
    assert not _differences(tmp_path / "warm", site / search.BUNDLE)  # byte for byte
    words = (site / search.BUNDLE / "fragment").glob("*.pf_fragment")
    assert any("quokkas" in cbor.read_file(path).decode("utf-8") for path in words)
