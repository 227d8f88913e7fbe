"""MkDocs' own settings in mkdocs.yml (the theme, site_url, validation, a Markdown extension's options, another
package's plugin, a key MkDocs does not know) are judged by MkDocs itself and reported at their line and column,
with a hint, all together: by `podium check`, and by `podium build` before MkDocs starts. Before, `podium check`
said "no errors" and the build stopped on MkDocs' words without a place (or a traceback's `KeyError: 'permalnk'`)."""

from __future__ import annotations

import json
import subprocess

import pytest

from podium.core.problems import Problem
from podium.mkdocs import configcheck
from support.archive import BIN, ArchiveDir
from support.processes import run_podium

MKDOCS_YML = """\
site_name: Test archive
site_url: example.org/speeches
theme:
  name: materal
nav:
  - Home: index.md
plugins:
  - podium
  - search:
      lang: 3
markdown_extensions:
  - attr_list:
      foo: 1
validation:
  nav:
    omitted_files: infos
sitename: Test
"""

EXPECTED = [
    "mkdocs.yml:2:11: error: MkDocs refuses `site_url`: The URL isn't valid, it should include the http:// (scheme)",
    "  hint: see `site_url` in MkDocs' configuration reference, https://www.mkdocs.org/user-guide/configuration/",
    "mkdocs.yml:4:9: error: no theme is named `materal`",
    "  hint: did you mean `material`? the installed themes are: mkdocs, readthedocs, material",
    "mkdocs.yml:10:13: error: the search plugin's option `lang`: Expected a list of language codes.",
    "  hint: see the search plugin's documentation for its options",
    "mkdocs.yml:13:7: error: the Markdown extension `attr_list` has no option `foo`",
    "  hint: `attr_list` takes no options: write `- attr_list` alone",
    "mkdocs.yml:16:20: error: MkDocs refuses `validation.nav.omitted_files`: Expected one of ['warn', 'info', "
    "'ignore'], got 'infos'",
    "  hint: did you mean `info`? see `validation` in MkDocs' configuration reference, "
    "https://www.mkdocs.org/user-guide/configuration/",
    "mkdocs.yml:17:1: error: `sitename` is not a setting of MkDocs",
    "  hint: did you mean `site_name` or `remote_name` or `theme`? settings of your own go under `extra:`",
    "6 errors, 0 warnings",
]


def test_check_reports_mkdocs_own_settings_at_their_place(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", MKDOCS_YML)
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == EXPECTED
    assert "Traceback" not in result.stderr + result.stdout


def test_a_missing_site_name_and_an_option_misspelt(archive_dir: ArchiveDir):
    archive_dir.write(
        "mkdocs.yml",
        "site_nam: Test archive\nplugins:\n  - podium\nmarkdown_extensions:\n  - toc:\n      permalnk: true\n",
    )
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:6] == [
        "mkdocs.yml:1:1: error: `site_nam` is not a setting of MkDocs",
        "  hint: did you mean `site_name` or `site_author` or `remote_name`? settings of your own go under `extra:`",
        "mkdocs.yml:1:1: error: mkdocs.yml gives no `site_name`, which MkDocs needs",
        "  hint: is `site_nam` (line 1) meant to be `site_name`? Otherwise add `site_name: Speeches of the Forum`",
        "mkdocs.yml:6:7: error: the Markdown extension `toc` has no option `permalnk`",
        "  hint: did you mean `permalink` or `permalink_title` or `permalink_class`? its options are: anchorlink, "
        "anchorlink_class, baselevel, marker, permalink, permalink_class, permalink_leading, permalink_title, "
        "separator, slugify, title, title_class, toc_class, toc_depth",
    ]


def test_a_plugin_that_is_not_installed(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", "site_name: Test\nplugins:\n  - podium\n  - serch\n")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    first, hint = result.stderr.splitlines()[:2]
    assert first == "mkdocs.yml:4:5: error: no plugin `serch` is installed"
    assert hint.startswith("  hint: did you mean `search`? install the package that provides it (`pip install ...`)")


def test_a_language_the_theme_has_no_interface_in_is_an_error_not_a_traceback(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", "site_name: Test\ntheme:\n  name: material\n  language: kk\nplugins:\n  - podium\n")
    result = run_podium("check", cwd=archive_dir.root)  # `podium build` reports it so too, before MkDocs' traceback
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first, hint = result.stderr.splitlines()[:2]
    assert first == "mkdocs.yml:4:13: error: the theme has no interface in `kk` (theme.language)"
    assert hint.startswith("  hint: its languages are: af, ar, az, ")
    assert hint.endswith("; or add partials/languages/kk.html to the site's custom_dir")
    archive_dir.write(
        "overrides/partials/languages/kk.html", '{% macro t(key) %}{{ {"language": "kk"}[key] }}{% endmacro %}'
    )
    archive_dir.write(
        "mkdocs.yml",
        "site_name: Test\ntheme:\n  name: material\n  language: kk\n  custom_dir: overrides\nplugins:\n  - podium\n",
    )
    assert configcheck.check(archive_dir.root).items == []  # the site gives the theme its Kazakh


def test_an_unknown_setting_is_a_warning_outside_a_strict_build(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", "site_name: Test\nplugins:\n  - podium\nsitename: x\n")
    strict = configcheck.check(archive_dir.root, strict=True).items
    relaxed = configcheck.check(archive_dir.root, strict=False).items
    assert [(p.line, p.column, p.severity, p.message) for p in strict] == [
        (4, 1, "error", "`sitename` is not a setting of MkDocs")
    ]
    assert [p.severity for p in relaxed] == ["warning"]


def test_properdocs_judges_alike(archive_dir: ArchiveDir):
    # In a process of its own, as the command line runs it: ProperDocs' modules then answer for `mkdocs.*`.
    archive_dir.write("mkdocs.yml", MKDOCS_YML)
    command = [str(BIN / "python"), "-m", "podium.mkdocs.configcheck", str(archive_dir.root), "--tool", "properdocs"]
    result = subprocess.run([*command, "--strict"], capture_output=True, text=True, check=True)
    made = sorted(Problem(**json.loads(line)) for line in result.stdout.splitlines())
    expected = [line.replace("MkDocs", "ProperDocs") for line in EXPECTED[:-1] if not line.startswith("  ")]
    assert [problem.format().splitlines()[0] for problem in made] == expected


def test_the_reference_archive_and_a_new_archive_pass(tmp_path):
    from support.archive import REPO

    assert configcheck.check(REPO).items == []
    result = run_podium("init", str(tmp_path / "new"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert configcheck.check(tmp_path / "new").items == []


@pytest.mark.slow
def test_build_stops_before_mkdocs_at_the_line(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", MKDOCS_YML)
    result = run_podium("build", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        *EXPECTED,
        "podium: the build failed; site/ still holds the last good site",
    ]


def test_a_check_runs_nothing_mkdocs_yml_names(archive_dir: ArchiveDir, tmp_path):
    # Material's emoji options name functions (looked up, as the build does); a tag that would call code is not run.
    marker = tmp_path / "ran"
    archive_dir.write(
        "mkdocs.yml",
        "site_name: Test\nplugins:\n  - podium\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        f'extra:\n  x: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    archive_dir.write("mkdocs.yml", (archive_dir.root / "mkdocs.yml").read_text().replace("twemoji\n", "twemojii\n"))
    result = run_podium("check", cwd=archive_dir.root)
    assert result.stderr.splitlines()[0] == (
        "mkdocs.yml:6:20: error: cannot find 'material.extensions.emoji.twemojii': module "
        "'material.extensions.emoji' has no attribute 'twemojii'"
    )


def test_build_and_serve_place_a_yaml_mistake_too(archive_dir: ArchiveDir):
    # What `podium build` and `podium serve` check before MkDocs starts (MkDocs printed PyYAML's message).
    from podium.cli.siteconfig import check_site_config
    from podium.core.problems import Problems

    archive_dir.write("mkdocs.yml", "site_name: [Test\nplugins:\n  - podium\n")
    for strict in (True, False):
        problems = Problems()
        check_site_config(archive_dir.root, problems, strict=strict)
        assert [(p.line, p.column, p.message.split(":")[0]) for p in problems.errors] == [(2, 8, "YAML syntax error")]
