"""The build cache (podium.build.cache): a cached build writes the site a clean build writes, byte for byte; a
changed transcript, template or Podium is never served from it; `--clean` reads nothing from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podium import features
from podium.build import cache as build_cache
from podium.core import settings as settings_file
from podium.core.problems import Problems
from podium.editors.generate import generate, plugins_of
from support.archive import REPO, ArchiveDir

PACKAGE_TEMPLATE = REPO / "plugins" / "podium" / "templates" / "speech.html"


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, but Pagefind's index, whose file names are hashes that differ
    between two builds of the same pages (its files are counted instead)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).parts[0] != "pagefind"
    }


def assert_same_site(one: Path, other: Path) -> None:
    first, second = site_files(one), site_files(other)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert len(list((one / "pagefind").rglob("*"))) == len(list((other / "pagefind").rglob("*")))


def page_counts(log: str) -> tuple[int, int]:
    """The (reused, built) pages of a build, from its "pages: ... (N reused, M built)" line."""
    found = re.search(r"podium: pages: .*\((\d+) reused, (\d+) built\)", log)
    assert found is not None, log
    return int(found.group(1)), int(found.group(2))


def speech_pages(site: Path) -> dict[str, bytes]:
    return {path.parent.name: path.read_bytes() for path in (site / "speeches").glob("*/index.html")}


def generated_pages(site: Path) -> dict[str, bytes]:
    """The pages Podium makes from the archive (facets, hubs, side by side): every page but the speeches' and
    the two of the navigation (the home page, /speeches/)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("index.html")
        if path.parent.parent != site / "speeches" and path.parent not in (site, site / "speeches", site / "pagefind")
    }


def first_speech(root: Path) -> str:
    return sorted((root / "speeches").rglob("*.md"))[0].stem


def load(root: Path, cache: build_cache.BuildCache):
    settings = settings_file.load(root, Problems())
    return features.load(root, settings=settings, read=cache.reader(settings))


def test_a_transcript_from_the_cache_brings_its_problems_back(archive_dir: ArchiveDir) -> None:
    archive_dir.speech("tokayev-2025", "title: T\ndate: 2025-05-29\nspeaker: tokayev\nevent: aif-2025\n")
    archive_dir.speech("odd", "title: T\ndate: 2025-13-01\nspeaker: tokayev\n")  # an impossible date
    archive_dir.write("speeches/2025/lines.md", "---\ntitle: T\ndate: 2025-05-29\nspeaker: nobody\n---\n\nText.  x\n")
    plain = features.load(archive_dir.root)
    first_cache = build_cache.BuildCache.at(archive_dir.root, version="v1")
    first = load(archive_dir.root, first_cache)
    assert (first_cache.hits["parsed"], first_cache.misses["parsed"]) == (0, 3)
    again_cache = build_cache.BuildCache.at(archive_dir.root, version="v1")
    again = load(archive_dir.root, again_cache)
    assert (again_cache.hits["parsed"], again_cache.misses["parsed"]) == (3, 0)
    assert plain.problems.items  # the impossible date and the unknown speaker
    assert [p.format() for p in again.problems.items] == [p.format() for p in plain.problems.items]
    assert [p.format() for p in first.problems.items] == [p.format() for p in plain.problems.items]
    assert [s.id for s in again.speeches] == [s.id for s in plain.speeches]
    assert again.speeches[0].blocks == plain.speeches[0].blocks
    assert again.speeches[0].meta == plain.speeches[0].meta


def test_another_version_or_clean_reads_nothing(archive_dir: ArchiveDir) -> None:
    archive_dir.speech("tokayev-2025", "title: T\ndate: 2025-05-29\nspeaker: tokayev\n")
    load(archive_dir.root, build_cache.BuildCache.at(archive_dir.root, version="v1"))
    other = build_cache.BuildCache.at(archive_dir.root, version="v2")
    load(archive_dir.root, other)
    assert other.hits["parsed"] == 0
    clean = build_cache.BuildCache.at(archive_dir.root, version="v1", enabled=False)
    load(archive_dir.root, clean)
    assert (clean.hits["parsed"], clean.misses["parsed"]) == (0, 1)


def test_a_damaged_entry_is_made_again(tmp_path: Path) -> None:
    cache = build_cache.BuildCache(tmp_path, "v1")
    cache.put("rendered", "ab" * 32, "<p>x</p>")
    assert cache.get("rendered", "ab" * 32) == "<p>x</p>"
    (tmp_path / "rendered" / "ab" / ("ab" * 32)).write_bytes(b"\x80\x05garbage")
    assert cache.get("rendered", "ab" * 32) is None


def test_an_entry_is_whole_or_absent(tmp_path: Path) -> None:
    """An entry is written aside and renamed: a write that fails halfway leaves neither the entry nor the file
    it was written into; after `clear` the folders are made again."""
    cache = build_cache.BuildCache(tmp_path / "cache", "v1")

    def fails(stream) -> None:
        stream.write(b"half")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        cache._write("rendered", "ab" * 32, fails)
    assert [p.name for p in (tmp_path / "cache" / "rendered" / "ab").iterdir()] == []
    assert cache.put("rendered", "ab" * 32, "whole") and cache.get("rendered", "ab" * 32) == "whole"
    cache.clear()
    assert cache.put("rendered", "ab" * 32, "again") and cache.get("rendered", "ab" * 32) == "again"
    assert [p.name for p in (tmp_path / "cache" / "rendered" / "ab").iterdir()] == ["ab" * 32]


def test_a_full_build_removes_what_it_did_not_use(tmp_path: Path) -> None:
    old = build_cache.BuildCache(tmp_path, "v1")
    old.put("parsed", "aa" * 32, 1)
    old.put("parsed", "bb" * 32, 2)
    new = build_cache.BuildCache(tmp_path, "v1")
    assert new.get("parsed", "aa" * 32) == 1
    assert new.prune() == 1
    assert new.get("parsed", "bb" * 32) is None and new.get("parsed", "aa" * 32) == 1


def test_podiums_version_follows_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "speech.html"
    template.write_text("<article>{{ meta.title }}</article>", encoding="utf-8")
    monkeypatch.setattr(build_cache, "PACKAGE", tmp_path)
    before = build_cache.podium_version()
    assert build_cache.podium_version() == before
    template.write_text("<article class=x>{{ meta.title }}</article>", encoding="utf-8")
    assert build_cache.podium_version() != before


def build(root: Path, into: Path, monkeypatch: pytest.MonkeyPatch, clean: bool = False) -> tuple[Path, str]:
    return ArchiveDir.at(root).build_into(into, clean)


@pytest.mark.slow
def test_a_cached_build_writes_what_a_clean_build_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "archive"
    generate(root, 12, seed=5, plugins=plugins_of(REPO / "mkdocs.yml"))
    config = root / "mkdocs.yml"  # with an address, so that the sitemap lists every page
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://example.org/archive/\n", "utf-8")
    monkeypatch.setenv("PODIUM_WORKERS", "2")
    clean, log = build(root, tmp_path / "clean", monkeypatch, clean=True)
    assert "load: 12 transcripts in " in log and "(the cache not read (--clean))" in log
    assert (root / ".cache" / "podium" / "rendered").is_dir()  # --clean still writes it

    cached, log = build(root, tmp_path / "cached", monkeypatch, clean=False)
    assert "(12 from the cache)" in log and "(12 from the cache, 0 rendered" in log
    # Every page but the two of the navigation (home, speeches) is written from the cache, the sitemap too.
    assert page_counts(log) == (154, 2)
    assert f"speeches/{first_speech(root)}/" in (cached / "sitemap.xml").read_text(encoding="utf-8")
    assert_same_site(clean, cached)

    # One transcript edited: it alone is read and rendered again (and the speeches that link to it).
    edited = sorted((root / "speeches").rglob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence added for the cache test.\n", "utf-8")
    after_edit, log = build(root, tmp_path / "after-edit", monkeypatch, clean=False)
    assert "(11 from the cache)" in log
    assert "A sentence added for the cache test." in (after_edit / "speeches" / edited.stem / "index.html").read_text()
    clean_after_edit, _ = build(root, tmp_path / "clean-after-edit", monkeypatch, clean=True)
    assert_same_site(clean_after_edit, after_edit)
    # Built again: the two pages of the navigation, the speech pages that changed (the edited speech's, those
    # showing it in backlinks or related statements), the speeches that link to it inline (their content's key
    # names it), and the pages made from the archive (facets) whose content changed. Every other page is reused.
    before, after = speech_pages(cached), speech_pages(after_edit)
    changed = {name for name in before if before[name] != after[name]}
    linking = {p.stem for p in (root / "speeches").rglob("*.md") if f"[[{edited.stem}" in p.read_text(encoding="utf-8")}
    assert edited.stem in changed and linking
    generated, generated_after = generated_pages(cached), generated_pages(after_edit)
    changed_generated = {page for page in generated if generated[page] != generated_after[page]}
    assert 0 < len(changed_generated) < len(generated) - 10  # the edited speech's facets, not every facet page
    built = 2 + len(changed | linking) + len(changed_generated)
    assert page_counts(log) == (156 - built, built)

    # A template of the site's own (overrides/podium/speech.html): no speech page comes from the cache.
    config.write_text(config.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1))
    (root / "overrides" / "podium").mkdir(parents=True)
    warm, log = build(root, tmp_path / "warm", monkeypatch, clean=False)
    assert "(0 from the cache, 12 rendered" in log  # mkdocs.yml changed
    override = root / "overrides" / "podium" / "speech.html"
    override.write_text(
        PACKAGE_TEMPLATE.read_text(encoding="utf-8").replace("<article", "<article data-test-override", 1), "utf-8"
    )
    overridden, log = build(root, tmp_path / "overridden", monkeypatch, clean=False)
    assert "(0 from the cache, 12 rendered" in log
    page = (overridden / "speeches" / edited.stem / "index.html").read_text(encoding="utf-8")
    assert "data-test-override" in page
