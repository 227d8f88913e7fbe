"""The speeches render on a process pool (podium.build.pool), and the site does not depend on how many processes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from podium import features
from podium.build import pool
from podium.editors.generate import generate, plugins_of
from podium.render.pages import Links, ReferenceLink, StatementRenderer
from support.archive import REPO, ArchiveDir


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, but Pagefind's index: its file names are hashes that differ
    between two builds of the same pages (counted instead, by folder)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).parts[0] != "pagefind"
    }


def pagefind_counts(site: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            folder = path.parent.relative_to(site).as_posix()
            counts[folder] = counts.get(folder, 0) + 1
    return counts


def assert_same_site(one: Path, other: Path) -> None:
    first, second = site_files(one), site_files(other)
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert different == []
    assert pagefind_counts(one) == pagefind_counts(other)


def test_the_pool_renders_what_one_process_renders(tmp_path: Path) -> None:
    generate(tmp_path, 24, seed=3, plugins=["podium"])
    archive = features.load(tmp_path)
    resolved: list[tuple[str, str]] = []

    def resolver(written: str, here: str, links: Links) -> ReferenceLink | None:
        resolved.append((here, written))  # in this process only: a worker's calls come back through `replay`
        return ReferenceLink(links.speech(written.lstrip("#")), f"{here}#{written}", written)

    def render(workers: int) -> dict[str, pool.Rendered]:
        renderer = StatementRenderer()
        renderer.inline_references = resolver
        job = pool.Job(archive.registry, renderer, lambda speech: Links("../../"), lambda speech: None)
        return pool.render_speeches(job, archive.speeches, workers)

    alone = render(1)
    in_this_process = sorted(set(resolved))
    resolved.clear()
    shared = render(2)
    assert list(shared) == [speech.id for speech in archive.speeches]  # the archive's order
    assert shared == alone
    assert sorted(set(resolved)) == in_this_process  # the resolver heard of every reference the workers made
    assert any(rendered.references for rendered in alone.values())  # the generated archive has `[[...]]` links
    assert all(html.html.startswith("<") for html in alone.values())


def test_the_building_process_renders_a_share_beside_one_forked_worker(tmp_path: Path) -> None:
    """Two workers are this process and one fork: one fewer process holding its own copy of the archive."""
    generate(tmp_path, 40, seed=3, plugins=["podium"])
    archive = features.load(tmp_path)
    # Each page's edit link names the process that rendered it.
    job = pool.Job(
        archive.registry, StatementRenderer(), lambda speech: Links("../../"), lambda _: f"/by/{os.getpid()}"
    )
    rendered = pool.render_speeches(job, archive.speeches, workers=2)
    by = [re.search(r"/by/(\d+)", page.html).group(1) for page in rendered.values()]
    here = by.count(str(os.getpid()))
    assert here == len(by) // 2 and len(set(by)) > 1, by  # half here, half in forks (refreshed every 8 chunks)


@pytest.mark.slow
def test_one_and_two_workers_write_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "archive"
    generate(root, 24, seed=3, plugins=plugins_of(REPO / "mkdocs.yml"))
    monkeypatch.setenv("PODIUM_CLEAN", "1")  # nothing from the cache: both builds render every speech
    monkeypatch.delenv("CI", raising=False)
    sites = {}
    for workers in (1, 2):
        monkeypatch.setenv("PODIUM_WORKERS", str(workers))
        result = ArchiveDir.at(root).build("mkdocs")
        assert result.returncode == 0, result.stderr
        assert "render: 24 speeches in " in result.stderr
        assert f"0 from the cache, 24 rendered by {workers} worker(s)" in result.stderr
        assert "(0 reused, " in result.stderr  # no page kept from the first build either
        sites[workers] = shutil.move(root / "site", tmp_path / f"site-{workers}")
    assert_same_site(sites[1], sites[2])


def test_podium_build_hands_clean_and_workers_to_the_builder(archive_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from podium.cli import build as cli_build
    from podium.cli.main import main

    seen: dict = {}

    run = subprocess.run

    def builder(command, cwd=None, env=None, check=False, **options):
        if "podium.mkdocs.configcheck" in command:  # mkdocs.yml's check, before the build: run it
            return run(command, cwd=cwd, env=env, check=check, **options)
        seen.update(command=command, env=env)
        return subprocess.CompletedProcess(command, 2)  # the build failed: nothing to swap

    monkeypatch.setattr(cli_build.subprocess, "run", builder)
    monkeypatch.delenv("PODIUM_CLEAN", raising=False)
    monkeypatch.delenv("PODIUM_WORKERS", raising=False)
    result = CliRunner().invoke(main, ["build", "--clean", "--workers", "3", "--root", str(archive_dir.root)])
    assert result.exit_code == 1
    assert (seen["env"]["PODIUM_CLEAN"], seen["env"]["PODIUM_WORKERS"]) == ("1", "3")
    CliRunner().invoke(main, ["build", "--root", str(archive_dir.root)])
    assert "PODIUM_CLEAN" not in seen["env"] and "PODIUM_WORKERS" not in seen["env"]
