"""The build cache's key of a site follows mkdocs.yml as MkDocs resolves it: the files it inherits (`INHERIT`) and
the environment variables it reads (`!ENV`), not only its own bytes (podium.build.configfile)."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.build import cache as build_cache
from podium.build import configfile
from support.archive import ArchiveDir, archive_config


def key(root: Path) -> str:
    return build_cache.site_key(root / "mkdocs.yml", root / "speeches", [])


def test_an_inherited_file_is_part_of_the_key(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "base.yml").write_text("repo_url: https://example.org/a\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: ./config/base.yml  # shared\nsite_name: A\n", encoding="utf-8")
    first = key(tmp_path)
    assert key(tmp_path) == first
    (tmp_path / "config" / "base.yml").write_text("repo_url: https://example.org/b\n", encoding="utf-8")
    assert key(tmp_path) != first


def test_a_chain_of_inherited_files_and_a_loop_end(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text('INHERIT: "one.yml"\n', encoding="utf-8")
    (tmp_path / "one.yml").write_text("INHERIT: 'two.yml'\n", encoding="utf-8")
    (tmp_path / "two.yml").write_text("INHERIT: mkdocs.yml\nsite_name: Two\n", encoding="utf-8")
    found = configfile.parts(tmp_path / "mkdocs.yml")
    assert found == [
        b'INHERIT: "one.yml"\n',
        "one.yml",
        b"INHERIT: 'two.yml'\n",
        "two.yml",
        b"INHERIT: mkdocs.yml\nsite_name: Two\n",
    ]
    (tmp_path / "two.yml").unlink()
    assert configfile.parts(tmp_path / "mkdocs.yml")[-2:] == ["two.yml", configfile.MISSING]


def test_the_environment_an_env_tag_reads_is_part_of_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: A\nsite_url: !ENV [PODIUM_TEST_SITE_URL, PODIUM_TEST_FALLBACK, null]\n"
        "repo_url: !ENV PODIUM_TEST_REPO\n",
        encoding="utf-8",
    )
    for name in ("PODIUM_TEST_SITE_URL", "PODIUM_TEST_FALLBACK", "PODIUM_TEST_REPO", "PODIUM_TEST_OTHER"):
        monkeypatch.delenv(name, raising=False)
    unset = key(tmp_path)
    monkeypatch.setenv("PODIUM_TEST_OTHER", "x")
    assert key(tmp_path) == unset  # a variable no tag names changes nothing
    monkeypatch.setenv("PODIUM_TEST_FALLBACK", "https://example.org/")
    fallback = key(tmp_path)
    assert fallback != unset
    monkeypatch.setenv("PODIUM_TEST_REPO", "https://example.org/repo")
    assert key(tmp_path) not in (unset, fallback)
    assert configfile.parts(tmp_path / "mkdocs.yml")[1:] == [
        "PODIUM_TEST_FALLBACK=https://example.org/",
        "PODIUM_TEST_REPO=https://example.org/repo",
        "PODIUM_TEST_SITE_URL unset",
        "null unset",
    ]


@pytest.mark.slow
def test_a_cached_build_shows_the_repository_an_inherited_file_names_now(
    archive_dir: ArchiveDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The link to correct a transcript is in the speech's cached content: it follows `repo_url` from a file that
    mkdocs.yml inherits, and `edit_uri` from the environment."""
    archive_dir.speech("tokayev-2025")
    archive_dir.write("base.yml", "repo_url: https://git.example.org/first\n")
    archive_dir.write(
        "mkdocs.yml", "INHERIT: base.yml\n" + archive_config("podium", edit_uri="!ENV PODIUM_TEST_EDIT_URI")
    )
    text = (archive_dir.root / "mkdocs.yml").read_text(encoding="utf-8")
    archive_dir.write("mkdocs.yml", text.replace("'!ENV PODIUM_TEST_EDIT_URI'", "!ENV PODIUM_TEST_EDIT_URI"))
    monkeypatch.setenv("PODIUM_TEST_EDIT_URI", "edit/main/docs/")
    monkeypatch.delenv("PODIUM_CLEAN", raising=False)

    def correction_link() -> str:
        result = archive_dir.build("mkdocs")
        assert result.returncode == 0, result.stderr
        page = archive_dir.html("speeches/tokayev-2025/index.html")
        start = page.index('<p class="podium-edit"><a href="') + len('<p class="podium-edit"><a href="')
        return page[start : page.index('"', start)]

    assert correction_link() == "https://git.example.org/first/edit/main/speeches/2025/tokayev-2025.md"
    archive_dir.write("base.yml", "repo_url: https://git.example.org/second\n")
    assert correction_link() == "https://git.example.org/second/edit/main/speeches/2025/tokayev-2025.md"
    monkeypatch.setenv("PODIUM_TEST_EDIT_URI", "blob/trunk/docs/")
    assert correction_link() == "https://git.example.org/second/blob/trunk/speeches/2025/tokayev-2025.md"
