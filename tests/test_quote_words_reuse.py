"""The quote check's browser index is joined from each speech's words, kept in the build cache per speech: after
an edit only the edited speech's words are found again, a build that reuses everything keeps them for the next,
and the published index is the one a clean build writes."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from podium import features
from podium.quote import index as quote
from support.archive import REPO, ArchiveDir, archive_config, three_speeches


def test_the_index_of_the_speeches_words_is_the_index_of_their_statements() -> None:
    archive = features.load(REPO)
    assert archive.ok
    whole = quote.QuoteIndex.from_archive(archive)
    joined = quote.QuoteIndex.of_words((speech.id, quote.statement_words(speech)) for speech in archive.speeches)
    assert len(whole.entries) > 20
    assert [(e.speech, e.statement, e.speaker) for e in joined.entries] == [
        (e.speech, e.statement, e.speaker) for e in whole.entries
    ]
    assert {word: list(found) for word, found in joined.postings.items()} == {
        word: list(found) for word, found in whole.postings.items()
    }
    assert quote.browser_files(joined, {}) == quote.browser_files(whole, {})
    with pytest.raises(ValueError, match="cannot search"):
        joined.search("Multilateralism is foundering")


def kept_words(root: Path) -> dict[str, int]:
    """The speeches' words kept in the build cache, by name, with their inodes."""
    return {path.name: path.stat().st_ino for path in (root / ".cache" / "podium" / "quote").glob("*/*")}


def published_index(site: Path) -> dict[str, bytes]:
    """The quote check's browser files as published, each unpacked."""
    folder = site / "data" / "quote"
    return {
        path.name: gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        for path in sorted(folder.iterdir())
    }


@pytest.mark.slow
def test_an_edit_finds_the_words_of_the_edited_speech_alone(archive_dir: ArchiveDir, tmp_path: Path) -> None:
    three_speeches(archive_dir)
    archive_dir.write("mkdocs.yml", archive_config("podium", "podium-cite"))
    root = archive_dir.root

    first, _ = archive_dir.build_into(tmp_path / "first")
    made = kept_words(root)
    assert len(made) == 3

    # Nothing changed: the data files come from the build cache whole and no index is made, but the speeches'
    # words stay for the next build (a build's prune removes what it did not use).
    archive_dir.build_into(tmp_path / "warm")
    assert kept_words(root) == made

    edited = root / "speeches" / "2025" / "kagame-remarks.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nUnity and reconciliation guide Rwanda.\n", "utf-8")
    second, _ = archive_dir.build_into(tmp_path / "second")
    now = kept_words(root)
    assert len(now) == 3
    assert len(set(now.items()) & set(made.items())) == 2  # the others' were read, not made again
    assert b"reconciliation" in b"".join(published_index(second).values())

    clean, _ = archive_dir.build_into(tmp_path / "clean", clean=True)
    assert published_index(clean) == published_index(second)
    assert published_index(second) != published_index(first)
