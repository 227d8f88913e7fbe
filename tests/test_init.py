"""`podium init`: a new archive that check, build and serve accept at once; and every command refuses plainly
outside an archive."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from podium.cli import init as init_cli
from podium.cli.main import main
from support.archive import BIN
from support.processes import free_port, run_podium, wait_for

REFUSAL = [
    "podium: error: {folder} is not in a Podium archive (no mkdocs.yml with the `podium` plugin, no speeches/ folder, "
    "here or above)",
    "  hint: start one with `podium init DIR`, or run the command inside an archive (or pass --root DIR)",
]


def init(folder: Path, *options: str):
    return CliRunner().invoke(main, ["init", str(folder), *options])


def config_of(folder: Path) -> dict:
    return yaml.safe_load((folder / "mkdocs.yml").read_text().replace("!ENV", ""))


def test_init_writes_a_whole_archive_with_its_name_address_and_repository(tmp_path):
    folder = tmp_path / "forum"
    result = init(folder, "--name", "Forum: Speeches", "--repo", "https://github.com/forum/speeches")
    assert result.exit_code == 0, result.output
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert written == [
        ".github/workflows/deploy.yml",
        ".github/workflows/pr.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "README.md",
        "docs/about.md",
        "docs/data.md",
        "docs/index.md",
        "docs/search-help.md",
        "mkdocs.yml",
        "requirements.txt",
        "speeches/events.yml",
        "speeches/speakers.yml",
        "speeches/topics.yml",
    ]
    config = config_of(folder)
    assert config["site_name"] == "Forum: Speeches"
    assert config["site_url"] == ["SITE_URL", "https://forum.github.io/speeches/"]
    assert config["repo_url"] == "https://github.com/forum/speeches"
    assert config["edit_uri"] == "edit/main/docs/"
    assert [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]] == [
        "podium",
        "podium-facets",
        "podium-languages",
        "podium-search",
        "podium-cite",
        "podium-xref",
    ]
    assert "<!-- podium:home -->" in (folder / "docs/index.md").read_text()
    assert (folder / "README.md").read_text().startswith("# Forum: Speeches\n")
    assert "site/" in (folder / ".gitignore").read_text().splitlines()
    assert result.stdout.splitlines()[0] == f"wrote the archive `Forum: Speeches` to {folder}/ (14 files):"


def test_the_new_archive_passes_check_and_its_registries_are_empty_with_examples(tmp_path):
    folder = tmp_path / "my-archive"
    assert init(folder).exit_code == 0
    result = CliRunner().invoke(main, ["check", "--root", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "checked 0 transcripts and the registries: no errors\n"
    for name in ("speakers", "events", "topics"):
        text = (folder / "speeches" / f"{name}.yml").read_text()
        assert yaml.safe_load(text) is None  # only comments
        assert "# " in text and ":" in text


def test_without_a_terminal_the_defaults_are_used(tmp_path):
    folder = tmp_path / "state-addresses"
    assert init(folder).exit_code == 0
    config = config_of(folder)
    assert config["site_name"] == "State Addresses"
    assert config["site_url"] == ["SITE_URL", None]
    assert "repo_url" not in config and "edit_uri" not in config
    assert "# repo_url: https://github.com/OWNER/REPO" in (folder / "mkdocs.yml").read_text()


def test_on_a_terminal_it_asks_for_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(init_cli, "_interactive", lambda: True)
    folder = tmp_path / "x"
    result = CliRunner().invoke(main, ["init", str(folder)], input="Annual Addresses\nhttps://github.com/a/b\n\n")
    assert result.exit_code == 0, result.output
    config = config_of(folder)
    assert (config["site_name"], config["repo_url"]) == ("Annual Addresses", "https://github.com/a/b")
    assert config["site_url"] == ["SITE_URL", "https://a.github.io/b/"]  # the offered default, accepted


def test_init_never_overwrites_and_refuses_a_bad_address(tmp_path):
    folder = tmp_path / "taken"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("mine")
    result = init(folder)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"podium init: error: {folder} already holds docs/index.md",
        "  hint: podium init writes a new archive: give a new or empty folder, e.g. `podium init my-archive`",
    ]
    assert (folder / "docs" / "index.md").read_text() == "mine"
    bad = init(tmp_path / "new", "--repo", "github.com/a/b")
    assert bad.exit_code == 1
    assert "podium init: error: --repo `github.com/a/b` is not a web address" in bad.stderr


def test_init_in_another_language_sets_the_theme_s_language_and_translates_the_navigation(tmp_path):
    folder = tmp_path / "forum"
    result = init(folder, "--language", "fr", "--no-input")
    assert result.exit_code == 0, result.output
    config = config_of(folder)
    assert config["theme"]["language"] == "fr"
    assert config["nav"][:3] == [
        {"Accueil": "index.md"},
        {"Discours": "speeches/index.md"},
        {"Orateurs": "speakers/index.md"},
    ]
    assert config["nav"][-1] == {"À propos": ["about.md", {"Comment chercher": "search-help.md"}]}
    toggles = [scheme["toggle"]["name"] for scheme in config["theme"]["palette"]]
    assert toggles == ["Passer au thème sombre", "Passer au thème clair"]
    assert "the interface is in `fr` (theme.language in mkdocs.yml); so are the pages under docs/" in result.output
    home = (folder / "docs" / "index.md").read_text(encoding="utf-8")
    assert home.startswith("---\ntitle: Accueil\n---\n\n# Forum\n") and "<!-- podium:home -->" in home
    assert "[Tous les discours](speeches/index.md)" in home
    no_table = init(tmp_path / "pt", "--language", "pt-BR", "--no-input")
    assert config_of(tmp_path / "pt")["nav"][0] == {"Home": "index.md"}  # no table: English labels
    assert "Podium has no table for `pt-BR`: its own words stay English, dates follow the language" in no_table.output
    kazakh = init(tmp_path / "kk", "--language", "kk", "--no-input")  # a language, but not one of Material's
    assert kazakh.exit_code == 1 and not (tmp_path / "kk").exists()
    assert (
        kazakh.stderr.splitlines()[0]
        == "podium init: error: --language `kk`: Material, the archive's theme, has no interface in it"
    )
    assert kazakh.stderr.splitlines()[1].startswith("  hint: Material's languages are: af, ar, az, ")
    bad = init(tmp_path / "bad", "--language", "French", "--no-input")
    assert bad.exit_code == 1 and not (tmp_path / "bad").exists()
    assert bad.stderr.splitlines() == [
        "podium init: error: --language `French` is not a language code",
        "  hint: give a code such as en, fr, es, de, ru, zh or ar (ISO 639-1, as Material's theme.language takes)",
    ]


def test_every_translation_of_the_site_s_pages_keeps_their_links_and_markers():
    """The pages `podium init --language` writes link where the English ones do and keep the plugins' markers."""
    import re

    package = Path(init_cli.__file__).parents[1]
    english = package / "scaffold" / "docs"

    def shape(path: Path) -> tuple[list[str], list[str]]:
        text = path.read_text(encoding="utf-8")
        return re.findall(r"\]\(([^)]+)\)", text), re.findall(r"<!-- podium:[\w-]+ -->|\{\{site_name\}\}", text)

    languages = sorted(folder.name for folder in (package / "scaffold-languages").iterdir())
    assert languages == ["ar", "de", "es", "fr", "ru", "zh"]
    for language in languages:
        pages = package / "scaffold-languages" / language / "docs"
        assert sorted(p.name for p in pages.iterdir()) == sorted(p.name for p in english.iterdir()), language
        for page in english.iterdir():
            assert shape(pages / page.name) == shape(page), (language, page.name)


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["lint"],
        ["new", "--no-input"],
        ["import", "corpus", ".", "--metadata", "table.csv"],
        ["import", "article", "table.csv"],
        ["quote", "peace"],
        ["build"],
        ["serve"],
    ],
)
def test_every_command_refuses_outside_an_archive(args, tmp_path, monkeypatch):
    (tmp_path / "table.csv").write_text("file\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [REFUSAL[0].format(folder=tmp_path), REFUSAL[1]]


def test_a_mkdocs_site_without_podium_is_no_archive_either(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\nplugins:\n  - search\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "is not in a Podium archive" in result.stderr
    given = CliRunner().invoke(main, ["check", "--root", str(tmp_path)])
    assert given.exit_code == 1


def test_commands_find_the_archive_from_a_subfolder(tmp_path, monkeypatch):
    assert init(tmp_path / "a").exit_code == 0
    monkeypatch.chdir(tmp_path / "a" / "speeches")
    assert CliRunner().invoke(main, ["check"]).exit_code == 0


@pytest.mark.slow
def test_a_new_archive_builds_strict_and_serves(tmp_path):
    folder = tmp_path / "my-archive"
    assert init(folder).exit_code == 0
    built = run_podium("build", cwd=folder)
    assert built.returncode == 0, built.stderr
    # Nothing to puzzle a new editor: the search page Podium adds is not reported as a page left out of the nav.
    assert 'not included in the "nav"' not in built.stderr, built.stderr
    home = (folder / "site" / "index.html").read_text()
    assert "<!-- podium:home -->" not in home
    assert "No speeches yet. Editors add one with `podium new` or `podium import`." in home
    assert "All speeches →" not in home
    assert (folder / "site" / "speeches" / "index.html").is_file()
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "podium"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=folder,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", "My Archive")
    finally:
        server.terminate()
        server.wait(timeout=10)
