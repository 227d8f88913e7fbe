"""Each speech's data files are kept in the build cache and linked into the next site while their key holds:
an edited transcript makes its own speech.json.gz and akn.xml.gz again and no other's, data/statements.jsonl.gz
is joined from every speech's own gzip member, and an edited registry makes the files that show it again."""

from __future__ import annotations

import doctest
import gzip
import json
import re
import subprocess
import zlib
from pathlib import Path

import pytest

from podium import features
from podium.build import cache as build_cache
from podium.cite import akomantoso, exports, joined, opendata
from podium.core.urls import Urls
from support.archive import ArchiveDir, archive_config, three_speeches


class Recording(build_cache.BuildCache):
    """A build cache that remembers the name of each file kept in it."""

    def __init__(self, folder: Path, version: str, enabled: bool = True) -> None:
        super().__init__(folder, version, enabled)
        self.kept: list[str] = []

    def put_page(self, key: str, data: bytes) -> None:
        self.kept.append(key)
        super().put_page(key, data)


def exports_of(root: Path, kept: build_cache.BuildCache | None = None, keys: dict[str, str] | None = None):
    """The exports of the archive at `root`, with what `kept` holds of it found as the cite plugin finds it."""
    archive = features.load(root)
    assert archive.ok, archive.problems
    made = exports.Exports(archive, "Archive", "https://x.org/", [], {}, kept=kept, keys=keys or {})
    if kept is not None:
        made.found = kept.kept_pages(made.kept_names())
    return made


def speech_files(site: Path) -> dict[str, Path]:
    """Each speech's two data files by `<id>/<name>`."""
    names = (opendata.FILE, akomantoso.FILE)
    return {f"{p.parent.name}/{p.name}": p for p in sorted((site / "speeches").glob("*/*")) if p.name in names}


def test_pieces_compressed_apart_join_into_one_gzip_stream(tmp_path: Path) -> None:
    """Each piece refers back into the text before it (here across a 32 KB window and an empty piece); the
    joined file is one member that every gzip reader unpacks whole, and no larger than one pass would make."""
    texts = [
        b"".join(b'{"n": %d, "text": "words %d again"}\n' % (i, i % 7) for i in range(start, start + 1500))
        for start in (0, 1500, 3000)
    ]
    texts.insert(2, b"")
    out = tmp_path / "joined.jsonl.gz"
    with open(out, "wb") as raw:
        bulk = joined.JoinedGzip(raw)
        for number, text in enumerate(texts):
            bulk.add(joined.piece(text, texts[number - 1] if number else b""))
        bulk.close()
    whole = b"".join(texts)
    data = out.read_bytes()
    assert gzip.decompress(data) == whole
    unpack = zlib.decompressobj(16 + zlib.MAX_WBITS)  # one member: nothing left after it
    assert unpack.decompress(data) == whole and unpack.eof and unpack.unused_data == b""
    assert subprocess.run(["gzip", "-dc", str(out)], capture_output=True, check=True).stdout == whole
    assert len(data) < len(gzip.compress(whole, 6)) * 1.05  # block ends: 2 % on this tiny, repetitive text
    assert len(joined.piece(texts[1], texts[0])) < len(joined.piece(texts[1])) * 0.9  # the text before helps


def test_the_bulk_file_holds_every_statement_in_the_archives_order(archive_dir: ArchiveDir, tmp_path: Path) -> None:
    three_speeches(archive_dir)
    made = exports_of(archive_dir.root)
    assert made.write(tmp_path / "site") == 3
    bulk = tmp_path / "site" / "data" / "statements.jsonl.gz"
    expected = list(
        opendata.statements_jsonl(made.archive.speeches, made.archive.registry, "https://x.org/", "Archive")
    )
    with gzip.open(bulk, "rt", encoding="utf-8") as lines:
        assert lines.readlines() == expected
    zcat = subprocess.run(["gzip", "-dc", str(bulk)], capture_output=True, text=True, check=True)
    assert zcat.stdout.splitlines(keepends=True) == expected


def test_an_empty_archive_still_writes_a_gzip_file(archive_dir: ArchiveDir, tmp_path: Path) -> None:
    exports_of(archive_dir.root).write(tmp_path / "site")
    with gzip.open(tmp_path / "site" / "data" / "statements.jsonl.gz", "rb") as bulk:
        assert bulk.read() == b""


def test_a_speech_whose_key_holds_is_linked_from_the_cache(archive_dir: ArchiveDir, tmp_path: Path) -> None:
    three_speeches(archive_dir)
    cache = Recording(tmp_path / "cache", "v1")
    keys = {ident: f"{ident}-v1" for ident in ("tokayev-opening", "tokayev-closing", "kagame-remarks")}
    assert exports_of(archive_dir.root, cache, keys).write(tmp_path / "first") == 3
    assert len(cache.kept) == 9  # two files and a piece of the statements' file a speech
    cache.kept.clear()
    assert exports_of(archive_dir.root, cache, keys).write(tmp_path / "second") == 0
    assert cache.kept == []
    first, second = speech_files(tmp_path / "first"), speech_files(tmp_path / "second")
    assert len(first) == 6 and sorted(first) == sorted(second)
    assert all(first[name].stat().st_ino == second[name].stat().st_ino for name in first)  # one file: the entry
    bulk = Path("data") / "statements.jsonl.gz"
    assert (tmp_path / "second" / bulk).read_bytes() == (tmp_path / "first" / bulk).read_bytes()

    # Another key for one speech (its transcript edited): its two files alone are made again, and the pieces of
    # the statements' file of that speech and of the one after it (newest first: tokayev-opening).
    keys["kagame-remarks"] = "kagame-remarks-v2"
    assert exports_of(archive_dir.root, cache, keys).write(tmp_path / "third") == 1
    assert cache.kept == [
        "kagame-remarks-v2-speech.json.gz",
        "kagame-remarks-v2-akn.xml.gz",
        "kagame-remarks-v2-lines-after-tokayev-closing-v1",
        "tokayev-opening-v1-lines-after-kagame-remarks-v2",
    ]
    third = speech_files(tmp_path / "third")
    assert [name for name in first if first[name].stat().st_ino != third[name].stat().st_ino] == [
        "kagame-remarks/akn.xml.gz",
        "kagame-remarks/speech.json.gz",
    ]
    assert (tmp_path / "third" / bulk).read_bytes() == (tmp_path / "first" / bulk).read_bytes()  # same input


def test_a_missing_entry_or_clean_makes_the_files_again(archive_dir: ArchiveDir, tmp_path: Path) -> None:
    three_speeches(archive_dir)
    cache = build_cache.BuildCache(tmp_path / "cache", "v1")
    keys = {ident: f"{ident}-v1" for ident in ("tokayev-opening", "tokayev-closing", "kagame-remarks")}
    exports_of(archive_dir.root, cache, keys).write(tmp_path / "first")
    next((tmp_path / "cache" / "pages").rglob(f"tokayev-closing-v1-{akomantoso.FILE}")).unlink()
    assert exports_of(archive_dir.root, cache, keys).write(tmp_path / "second") == 1
    first, second = speech_files(tmp_path / "first"), speech_files(tmp_path / "second")
    assert {name: path.read_bytes() for name, path in first.items()} == {
        name: path.read_bytes() for name, path in second.items()
    }
    assert (
        second["tokayev-closing/speech.json.gz"].stat().st_ino != first["tokayev-closing/speech.json.gz"].stat().st_ino
    )

    clean = Recording(tmp_path / "cache", "v1", enabled=False)  # `--clean`: nothing read, all kept again
    assert exports_of(archive_dir.root, clean, keys).write(tmp_path / "clean") == 3
    assert len(clean.kept) == 9
    again = speech_files(tmp_path / "clean")
    assert all(again[name].read_bytes() == first[name].read_bytes() for name in first)
    assert all(again[name].stat().st_ino != second[name].stat().st_ino for name in first)
    assert exports_of(archive_dir.root, cache, keys).write(tmp_path / "after-clean") == 0


@pytest.mark.parametrize("damage", ["cut short", "a byte changed"])
def test_a_damaged_piece_is_made_again_not_published(archive_dir: ArchiveDir, tmp_path: Path, damage: str) -> None:
    """A piece of data/statements.jsonl.gz is copied into the published file as it is: one damaged in the cache
    is found by its CRC, made again and kept again, and the published file is whole."""
    three_speeches(archive_dir)
    keys = {ident: f"{ident}-v1" for ident in ("tokayev-opening", "tokayev-closing", "kagame-remarks")}
    exports_of(archive_dir.root, build_cache.BuildCache(tmp_path / "cache", "v1"), keys).write(tmp_path / "first")
    kept = next((tmp_path / "cache" / "pages").rglob("tokayev-closing-v1-lines-after-*"))
    data = kept.read_bytes()
    kept.write_bytes(data[:-3] if damage == "cut short" else data[:-2] + bytes([data[-2] ^ 0x10]) + data[-1:])
    cache = Recording(tmp_path / "cache", "v1")
    assert exports_of(archive_dir.root, cache, keys).write(tmp_path / "second") == 0  # the speeches' files hold
    assert cache.kept == [kept.name]
    assert kept.read_bytes() == data
    bulk = Path("data") / "statements.jsonl.gz"
    assert (tmp_path / "second" / bulk).read_bytes() == (tmp_path / "first" / bulk).read_bytes()
    made = exports_of(archive_dir.root)
    expected = opendata.statements_jsonl(made.archive.speeches, made.archive.registry, "https://x.org/", "Archive")
    with gzip.open(tmp_path / "second" / bulk, "rt", encoding="utf-8") as lines:
        assert lines.readlines() == list(expected)


def test_prune_keeps_the_files_of_the_speeches_a_build_keyed(archive_dir: ArchiveDir, tmp_path: Path) -> None:
    """The build keys every speech before it prunes (the exporting child writes after): the entries of the
    edited speech's old key, and the piece that followed it, go; the others stay, though nothing read them."""
    three_speeches(archive_dir)
    keys = {ident: f"{ident}-v1" for ident in ("tokayev-opening", "tokayev-closing", "kagame-remarks")}
    exports_of(archive_dir.root, build_cache.BuildCache(tmp_path / "cache", "v1"), keys).write(tmp_path / "first")
    before = kept_files(tmp_path / "cache")
    keys["kagame-remarks"] = "kagame-remarks-v2"
    cache = build_cache.BuildCache(tmp_path / "cache", "v1")
    edited = exports_of(archive_dir.root, cache, keys)
    assert len(edited.found) == 5 and edited.found < before
    assert cache.prune() == 4
    assert kept_files(tmp_path / "cache") == edited.found
    edited.write(tmp_path / "second")
    assert kept_files(tmp_path / "cache") == set(edited.kept_names()) and len(edited.found) + 4 == 9


def kept_files(folder: Path) -> set[str]:
    return {path.name for path in (folder / "pages").glob("*/*")}


def build(root: Path, into: Path, monkeypatch: pytest.MonkeyPatch, clean: bool = False) -> tuple[Path, str]:
    return ArchiveDir.at(root).build_into(into, clean)


def made_and_reused(log: str) -> tuple[int, int]:
    """From the "exports: data files of N speeches (M made, K from the build cache)" line."""
    found = re.search(r"exports: data files of \d+ speeches \((\d+) made, (\d+) from the build", log)
    assert found is not None, log
    return int(found.group(1)), int(found.group(2))


def speech_entries(root: Path) -> list[str]:
    """The speeches' files kept in the build cache: two files and a piece of the statements' file a speech."""
    kept = (root / ".cache" / "podium" / "pages").glob("*/*")
    return sorted(p.name for p in kept if re.search(r"-(speech\.json\.gz|akn\.xml\.gz|lines-after-.*)$", p.name))


def statements(site: Path) -> list[dict]:
    with gzip.open(site / "data" / "statements.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


@pytest.mark.slow
def test_after_one_edit_only_that_speechs_files_are_written(
    archive_dir: ArchiveDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_speeches(archive_dir)
    archive_dir.write("mkdocs.yml", archive_config("podium", "podium-cite", site_url="https://x.org/"))
    root = archive_dir.root
    first, log = build(root, tmp_path / "first", monkeypatch)
    assert made_and_reused(log) == (3, 0)
    kept = speech_entries(root)
    assert len(kept) == 9

    edited = root / "speeches" / "2025" / "kagame-remarks.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence added for the exports test.\n", "utf-8")
    second, log = build(root, tmp_path / "second", monkeypatch)
    assert made_and_reused(log) == (1, 2)
    before, after = speech_files(first), speech_files(second)
    assert [name for name in before if before[name].stat().st_ino != after[name].stat().st_ino] == [
        "kagame-remarks/akn.xml.gz",
        "kagame-remarks/speech.json.gz",
    ]
    texts = [record["text"] for record in statements(second)]
    assert len(texts) == len(statements(first)) + 1 and "A sentence added for the exports test." in texts
    assert {record["speech_id"] for record in statements(second)} == {
        "tokayev-opening",
        "tokayev-closing",
        "kagame-remarks",
    }
    # The old entries of the edited speech (and the piece of the speech after it) were pruned, the others kept.
    now = speech_entries(root)
    assert len(now) == 9 and len(set(kept) - set(now)) == 4

    clean, log = build(root, tmp_path / "clean", monkeypatch, clean=True)
    assert made_and_reused(log) == (3, 0)
    for name in [*speech_files(clean), "../data/statements.jsonl.gz"]:
        path = Path("speeches") / name
        assert (clean / path).read_bytes() == (second / path).read_bytes(), name


@pytest.mark.slow
def test_an_edited_speaker_name_writes_the_files_that_show_it_again(
    archive_dir: ArchiveDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_speeches(archive_dir)
    archive_dir.write("mkdocs.yml", archive_config("podium", "podium-cite"))
    root = archive_dir.root
    first, log = build(root, tmp_path / "first", monkeypatch)
    registry = root / "speeches" / "speakers.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("Paul Kagame", "Paul K. Kagame"), "utf-8")
    second, log = build(root, tmp_path / "second", monkeypatch)
    made, _ = made_and_reused(log)
    files = speech_files(second)
    document = json.loads(gzip.decompress(files["kagame-remarks/speech.json.gz"].read_bytes()))
    assert document["creators"] == [{"id": "kagame", "name": "Paul K. Kagame"}]
    assert 'showAs="Paul K. Kagame"' in gzip.decompress(files["kagame-remarks/akn.xml.gz"].read_bytes()).decode()
    assert {r["creator"]["name"] for r in statements(second) if r["speech_id"] == "kagame-remarks"} == {
        "Paul K. Kagame"
    }
    # The registries are in every speech's key: each speech's files are made again.
    assert made == 3
    before = speech_files(first)
    assert all(before[name].stat().st_ino != files[name].stat().st_ino for name in before)


def test_a_speechs_key_names_the_site_settings_its_files_show(archive_dir: ArchiveDir) -> None:
    three_speeches(archive_dir)
    made = exports_of(archive_dir.root)
    speech = made.archive.speeches[0]
    parts = made.speech_parts(speech)
    for change in (
        {"site_name": "Other"},
        {"base_url": ""},
        {"urls": Urls(directory=False)},
        {"akn_country": "kz"},
        {"coverage": {speech.id: [{"outlet": "Daily"}]}},
    ):
        other = exports.Exports(**{**made.__dict__, **change})
        assert other.speech_parts(speech) != parts, change


def test_the_examples_in_the_docstrings_hold() -> None:
    for module in (joined, exports):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
