"""Page reuse (podium.mkdocs.reuse): a page whose HTML would not change is written from the build cache, not built
by MkDocs again; the content of the speech pages built waits on disk, not in memory; the data files of an
unchanged archive are linked from the cache. The byte-for-byte comparisons with a clean build are in
tests/test_build_cache.py."""

from __future__ import annotations

import re
import types
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from podium import features
from podium.build import cache as build_cache
from podium.build import pool
from podium.cli.build import build as podium_build
from podium.editors.generate import generate, plugins_of
from podium.mkdocs import reuse
from podium.render.pages import Links, StatementRenderer
from support.archive import REPO


def test_contents_wait_on_disk_and_are_read_when_asked(tmp_path: Path) -> None:
    cache = build_cache.BuildCache(tmp_path, "v1", enabled=False)  # `--clean` reads back what it wrote itself
    kept = build_cache.KeptOnDisk(cache, "rendered")
    assert cache.put("rendered", "ab" * 32, pool.Rendered("<p>on disk</p>"))
    kept.keep("one", "ab" * 32)
    kept["two"] = pool.Rendered("<p>in memory</p>")
    assert kept["one"] == pool.Rendered("<p>on disk</p>")
    assert kept["two"] == pool.Rendered("<p>in memory</p>")
    assert sorted(kept) == ["one", "two"] and len(kept) == 2
    assert kept.held == {"two": pool.Rendered("<p>in memory</p>")}  # only what could not be written
    (tmp_path / "rendered" / "ab" / ("ab" * 32)).unlink()
    assert kept.get("one") is None  # gone since: the page is rendered again, never a stale one


def test_the_pool_hands_each_content_over_as_it_arrives(tmp_path: Path) -> None:
    generate(tmp_path, 24, seed=3, plugins=["podium"])
    archive = features.load(tmp_path)
    job = pool.Job(archive.registry, StatementRenderer(), lambda speech: Links("../../"), lambda speech: None)
    everything = pool.render_speeches(job, archive.speeches, 1)
    for workers in (1, 2):
        handed: dict[str, pool.Rendered] = {}

        def keep(ident: str, rendered: pool.Rendered, handed: dict[str, pool.Rendered] = handed) -> bool:
            handed[ident] = rendered
            return ident != archive.speeches[0].id  # the first one could not be kept: it comes back

        left = pool.render_speeches(job, archive.speeches, workers, keep=keep)
        assert handed == everything
        assert left == {archive.speeches[0].id: everything[archive.speeches[0].id]}


class Stamping(BasePlugin):
    def on_post_page(self, output, page, config):
        return output + "<!-- stamped -->"


class Declaring(Stamping):
    def speech_page_parts(self, speech, url, config) -> list[str]:
        return ["<!-- stamped -->"]


def test_a_plugin_that_may_change_any_page_turns_reuse_off() -> None:
    stamping, off = Stamping(), Stamping()
    off.config = type("Config", (), {"enabled": False})()  # turned off, as podium-search turns Material's off
    hooks = types.ModuleType("hooks")  # a `hooks:` file of mkdocs.yml, as MkDocs loads it
    hooks.on_page_markdown = lambda markdown, **kwargs: markdown  # type: ignore[attr-defined]
    quiet = types.ModuleType("quiet")
    quiet.on_startup = lambda **kwargs: None  # type: ignore[attr-defined]
    plugins: dict[str, object] = {"stamping": stamping, "declaring": Declaring(), "off": off, "plain": BasePlugin()}
    plugins |= {"hooks/hooks.py": hooks, "hooks/quiet.py": quiet}
    assert reuse.blocking_plugins(plugins) == ["stamping", "hooks/hooks.py"]


def test_kept_pages_and_folders_are_linked_and_pruned(tmp_path: Path) -> None:
    cache = build_cache.BuildCache(tmp_path / "cache", "v1")
    cache.put_page("cd" * 32, b"<html>kept</html>")
    site = tmp_path / "site"
    assert cache.has_page("cd" * 32) and cache.place_page("cd" * 32, site / "a" / "index.html")
    assert (site / "a" / "index.html").read_bytes() == b"<html>kept</html>"
    cache.put_page("cd" * 32, b"<html>kept again</html>")  # an entry is replaced, never written in place
    assert (site / "a" / "index.html").read_bytes() == b"<html>kept</html>"
    written = cache.new_folder("exports", "k1")
    assert written is not None
    (written / "data").mkdir()
    (written / "data" / "x.json").write_text("{}", encoding="utf-8")
    kept = cache.keep_folder("exports", "k1", written)
    assert build_cache.link_tree(kept, site) == 1 and (site / "data" / "x.json").read_text(encoding="utf-8") == "{}"
    assert not build_cache.BuildCache(tmp_path / "cache", "v1", enabled=False).has_page("cd" * 32)  # --clean
    later = build_cache.BuildCache(tmp_path / "cache", "v1")
    assert later.kept_folder("exports", "k1") == kept
    assert later.prune() == 1  # the page it did not use; the folder it used stays
    assert not (tmp_path / "cache" / "pages" / "cd" / ("cd" * 32)).exists() and kept.is_dir()
    assert build_cache.BuildCache(tmp_path / "cache", "v1").prune() == 1 and not kept.exists()


def page_counts(text: str) -> tuple[int, int]:
    found = re.search(r"podium: pages: .*\((\d+) reused, (\d+) built\)", text)
    assert found is not None, text
    return int(found.group(1)), int(found.group(2))


@pytest.mark.slow
def test_podium_build_reuses_pages_across_its_swap(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """`podium build` builds into site.new/ and swaps: the pages kept from the build before still reach the
    new site, and the data files come from the cache."""
    root = tmp_path / "archive"
    generate(root, 8, seed=7, plugins=plugins_of(REPO / "mkdocs.yml"))
    site = tmp_path / "site"
    assert podium_build(root, site, strict=False) == 0
    first = capfd.readouterr().err
    assert page_counts(first)[0] == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    assert podium_build(root, site, strict=False) == 0
    second = capfd.readouterr().err
    reused, built = page_counts(second)
    assert reused > 0 and reused + built == sum(page_counts(first))
    assert "exports: data files of 8 speeches, from the build cache" in second
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    assert sorted(after) == sorted(before)
    assert [path for path in after if after[path] != before[path]] == []


def shared(root: Path) -> str:
    config = load_config(str(root / "mkdocs.yml"))
    files = get_files(config)
    return reuse.shared_key(config, get_navigation(files, config), files, "v1")


def test_what_every_page_shares_has_one_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text('{% extends "base.html" %}', encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nsite_url: !ENV [SITE_URL, null]\ntheme: {name: mkdocs, custom_dir: overrides}\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("SITE_URL", raising=False)
    first = shared(tmp_path)
    assert shared(tmp_path) == first  # two builds of one site: one key
    monkeypatch.setenv("SITE_URL", "https://example.org/")
    with_address = shared(tmp_path)
    assert with_address != first  # mkdocs.yml's bytes did not change, its value did
    (tmp_path / "overrides" / "main.html").write_text('{% extends "base.html" %}<!-- x -->', encoding="utf-8")
    themed = shared(tmp_path)
    assert themed != with_address  # the site's own theme folder
    (tmp_path / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    assert shared(tmp_path) != themed  # a new page, which the navigation lists


def test_a_page_kept_under_two_keys_is_one_file_kept_while_either_is_used(tmp_path: Path) -> None:
    """A generated page is kept under the archive's fingerprint and under its content (podium.mkdocs.reuse): a
    build that finds it by one key keeps the other, so the next edit still finds it by its content."""
    cache = build_cache.BuildCache(tmp_path / "cache", "v1")
    by_archive, by_content, other = "aa" * 32, "bb" * 32, "cc" * 32
    cache.put_page(by_archive, b"<html>facet</html>")
    cache.link_page(by_archive, by_content)
    cache.put_page(other, b"<html>other</html>")
    pages = tmp_path / "cache" / "pages"
    assert (pages / "bb" / by_content).read_bytes() == b"<html>facet</html>"
    assert (pages / "aa" / by_archive).stat().st_ino == (pages / "bb" / by_content).stat().st_ino
    later = build_cache.BuildCache(tmp_path / "cache", "v1")
    assert later.has_page(by_archive)  # found by the fingerprint alone
    assert later.prune() == 1  # `other`; the page's second name stays with it
    assert (pages / "bb" / by_content).is_file() and not (pages / "cc" / other).exists()
    assert build_cache.BuildCache(tmp_path / "cache", "v1").prune() == 2  # neither used: both names go
