"""Joining shards again after an edit: a cached shard's words are read once and kept, and the word-index chunks
the last join wrote are linked when their data is the same (podium.search.merge)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from podium.search import index as search
from podium.search import merge

WORDS = ["amber", "basalt", "cobalt", "dolomite", "emerald", "feldspar"]


def page(n: int, facet: bool = False) -> str:
    # A facet page carries a metadata field the speeches lack: the joined field list then renumbers the
    # speeches' metadata locations, the harder case for words kept as read.
    extra = '<span data-pagefind-meta="facet">speakers</span>' if facet else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
        f'<h1 data-pagefind-meta="title">Speech {WORDS[n]} {n}</h1>{extra}'
        f'<span data-pagefind-filter="year">{2020 + n % 2}</span>'
        f'<div data-pagefind-body><section id="s-{n}"><p>Common words open statement {n}, then {WORDS[n]} '
        f"and the common close.</p></section></div></body></html>"
    )


def shard(folder: Path, numbers: range, facet: bool = False) -> Path:
    index = search.StreamingIndex()
    for n in numbers:
        index.add(page(n, facet and n == numbers[0]), f"/speeches/{n}/")
    index.finish(folder)
    return folder


@pytest.fixture
def shards(tmp_path: Path) -> list[Path]:
    return [shard(tmp_path / "s0", range(0, 3)), shard(tmp_path / "s1", range(3, 6), facet=True)]


def files(bundle: Path) -> dict[str, bytes]:
    return {str(path.relative_to(bundle)): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_a_shards_words_are_kept_once_read_and_the_next_join_reads_no_shard(shards, tmp_path, monkeypatch):
    merge.merge_bundles(shards, tmp_path / "plain")
    assert not any((folder / merge.KEPT_WORDS).exists() for folder in shards)  # only when asked
    merge.merge_bundles(shards, tmp_path / "first", keep_words=True)
    kept = [sorted((folder / merge.KEPT_WORDS).iterdir()) for folder in shards]
    assert [len(found) for found in kept] == [1, 1]
    # The speeches' shard lacks the field `facet`, first in the joined list: its words are kept renumbered.
    assert "-same-" not in kept[0][0].name and "-same-" in kept[1][0].name

    def unread(*args, **kwargs):
        raise AssertionError("a kept shard was read again")

    monkeypatch.setattr(merge, "words", unread)
    merge.merge_bundles(shards, tmp_path / "second", keep_words=True)
    assert files(tmp_path / "second") == files(tmp_path / "first") == files(tmp_path / "plain")


@pytest.mark.slow
def test_damaged_kept_words_are_read_again_from_the_shard(shards, tmp_path):
    merge.merge_bundles(shards, tmp_path / "first", keep_words=True)
    damaged = next((shards[1] / merge.KEPT_WORDS).iterdir())
    damaged.write_bytes(b"not a pickle")
    merge.merge_bundles(shards, tmp_path / "second", keep_words=True)
    assert files(tmp_path / "second") == files(tmp_path / "first")
    assert damaged.read_bytes() != b"not a pickle"  # kept anew


@pytest.mark.slow
def test_the_last_joins_chunks_are_linked_when_their_data_is_the_same_and_only_then(shards, tmp_path):
    merge.merge_bundles(shards, tmp_path / "last")
    merge.merge_bundles(shards, tmp_path / "again", previous=tmp_path / "last")
    assert files(tmp_path / "again") == files(tmp_path / "last")
    chunks = sorted((tmp_path / "again" / "index").iterdir())
    assert chunks and all(c.stat().st_ino == (tmp_path / "last" / "index" / c.name).stat().st_ino for c in chunks)

    # A file of the same name holding other data (a damaged cache, or a short hash shared by two chunks)
    # is never linked: the chunk is compressed anew from its data.
    name = chunks[0].name
    (tmp_path / "last" / "index" / name).unlink()
    (tmp_path / "last" / "index" / name).write_bytes(gzip.compress(merge.SIGNATURE + b"\x81\x80", mtime=0))
    merge.merge_bundles(shards, tmp_path / "fresh")
    merge.merge_bundles(shards, tmp_path / "third", previous=tmp_path / "last")
    assert files(tmp_path / "third") == files(tmp_path / "fresh")
    assert (tmp_path / "third" / "index" / name).stat().st_ino != (tmp_path / "last" / "index" / name).stat().st_ino


@pytest.mark.slow
def test_a_shard_that_cannot_be_read_fails_the_join_and_a_cache_that_cannot_be_written_keeps_nothing(shards, tmp_path):
    merge.merge_bundles(shards, tmp_path / "plain")
    (shards[1] / merge.KEPT_WORDS).mkdir()
    (shards[0] / merge.KEPT_WORDS).write_text("a file where the folder would be", encoding="utf-8")
    merge.merge_bundles(shards, tmp_path / "unkept", keep_words=True)
    assert files(tmp_path / "unkept") == files(tmp_path / "plain")
    assert (shards[0] / merge.KEPT_WORDS).is_file()  # nothing kept, nothing left aside

    for kept in (shards[1] / merge.KEPT_WORDS).iterdir():
        kept.unlink()  # read from the shard again, next
    chunk = next((shards[1] / "index").iterdir())
    chunk.unlink()  # words the join would otherwise leave out without a word
    with pytest.raises(FileNotFoundError):
        merge.merge_bundles(shards, tmp_path / "broken", keep_words=True)
    assert not list((shards[1] / merge.KEPT_WORDS).glob("*"))  # the join failed: nothing kept, nothing left aside


@pytest.mark.slow
def test_a_file_the_binary_left_cut_short_in_one_shard_is_taken_whole_from_another(shards, tmp_path):
    # Seen in a shard kept in the build cache: pagefind.js cut at 45,056 bytes, as the binary exited writing it.
    whole = {name: (shards[1] / name).read_bytes() for name in ("pagefind.js", "pagefind-worker.js")}
    for name, data in whole.items():
        (shards[0] / name).write_bytes(data[: len(data) // 2])
    merge.merge_bundles(shards, tmp_path / "joined")
    for name, data in whole.items():
        assert (tmp_path / "joined" / name).read_bytes() == data, name
