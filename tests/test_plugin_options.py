"""The options of Podium's feature plugins in mkdocs.yml are judged like the podium plugin's own: each bad one an
error at its line and column with a hint, all of them together, by `podium check` and by the build alike."""

from __future__ import annotations

import doctest

import pytest

from podium.core import settings
from support.archive import ArchiveDir
from support.processes import run_podium

MKDOCS_YML = """\
site_name: Test archive
theme:
  name: material
plugins:
  - podium
  - podium-facets:
      facets: [speakers, topic]
      page_size: "50"
      page_sise: 50
  - podium-xref:
      related_threshold: 2
  - podium-search:
      shard_size: 0
  - podium-cit
  - podium-languages:
      compare: yes please
"""

EXPECTED = [
    'mkdocs.yml:7:26: error: the podium-facets plugin\'s option `facets[1]` cannot be the text "topic"',
    "  hint: did you mean `topics`? it is one of speakers, topics, events, dates; e.g. `facets: [speakers, topics]`",
    'mkdocs.yml:8:18: error: the podium-facets plugin\'s option `page_size` must be a whole number, not the text "50"',
    "  hint: write the number without quotes: `page_size: 50`",
    "mkdocs.yml:9:7: error: unknown option `page_sise` of the podium-facets plugin",
    "  hint: did you mean `page_size` or `index_page_size`? the options are: facets, page_size, index_page_size, "
    "related_limit, preview, charts",
    "mkdocs.yml:11:26: error: the podium-xref plugin's option `related_threshold` must be at most 1.0",
    "  hint: e.g. `related_threshold: 0.2`",
    "mkdocs.yml:13:19: error: the podium-search plugin's option `shard_size` must be at least 1",
    "  hint: e.g. `shard_size: 300`",
    "mkdocs.yml:14:5: error: no plugin is named `podium-cit`",
    "  hint: did you mean `podium-cite` or `podium-facets` or `podium`? Podium's plugins are: podium, podium-facets, "
    "podium-xref, podium-search, podium-cite, podium-languages",
    "mkdocs.yml:16:16: error: the podium-languages plugin's option `compare` must be true or false, not the text "
    '"yes please"',
    "  hint: e.g. `compare: false`",
    "7 errors, 0 warnings",
]


def test_check_reports_every_bad_plugin_option_at_its_place(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", MKDOCS_YML)
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == EXPECTED


def test_good_options_pass_and_a_whole_number_is_a_number(archive_dir: ArchiveDir):
    good = MKDOCS_YML.replace("topic]", "topics]").replace('"50"', "50").replace("      page_sise: 50\n", "")
    good = good.replace("related_threshold: 2", "related_threshold: 1").replace("shard_size: 0", "shard_size: 300")
    good = good.replace("podium-cit\n", "podium-cite\n").replace("yes please", "false")
    archive_dir.write("mkdocs.yml", good)
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr


def test_the_feature_plugins_need_the_podium_plugin_first(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", "site_name: T\nplugins:\n  - podium-facets\n  - podium\n  - search\n")
    after = run_podium("check", cwd=archive_dir.root)
    assert after.returncode == 1
    assert after.stderr.splitlines()[:2] == [
        "mkdocs.yml:3:5: error: podium-facets needs the podium plugin, which is listed after it",
        "  hint: list `- podium` first under `plugins:`, then the plugins that build on it",
    ]
    archive_dir.write("mkdocs.yml", "site_name: T\nplugins:\n  search: {}\n  podium-cite: {}\n")
    missing = run_podium("check", cwd=archive_dir.root)
    assert missing.returncode == 1
    assert missing.stderr.startswith(
        "mkdocs.yml:4:3: error: podium-cite needs the podium plugin, which is not listed\n"
    )


def test_a_nav_entry_naming_no_page_is_an_error_at_its_line(archive_dir: ArchiveDir):
    archive_dir.write("docs/about.md", "# About\n")
    archive_dir.write(
        "mkdocs.yml",
        "site_name: T\nnav:\n  - Home: index.md\n  - Speeches: speeches/index.md\n  - Quote check: quote.md\n"
        "  - About:\n      - about.md\n      - Team: abuot.md\n  - Source: https://example.org/\n"
        "plugins:\n  - podium\n",
    )
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "mkdocs.yml:8:15: error: the nav names `abuot.md`, which is not in docs/",
        "  hint: did you mean `about.md`? the nav names files in docs/ (or an address)",
        "1 error, 0 warnings",
    ]


def test_a_markdown_extension_that_cannot_be_found_is_an_error_at_its_line(archive_dir: ArchiveDir):
    archive_dir.write(
        "mkdocs.yml",
        "site_name: T\nplugins:\n  - podium\nmarkdown_extensions:\n  - admonitions\n  - pymdownx.detail\n"
        "  - pymdownx.details\n  - markdown.extensions.footnotes\n  - toc:\n      permalink: true\n"
        "  - nosuchpackage.thing\n",
    )
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [
        "mkdocs.yml:5:5: error: no Markdown extension is named `admonitions`",
        "mkdocs.yml:6:5: error: no Markdown extension is named `pymdownx.detail`",
        "mkdocs.yml:11:5: error: no Markdown extension is named `nosuchpackage.thing`",
    ]
    hints = [line for line in result.stderr.splitlines() if line.startswith("  hint: ")]
    assert hints[0].startswith("  hint: did you mean `admonition`? Markdown's own are: abbr, admonition, ")
    assert hints[1].startswith("  hint: did you mean `pymdownx.details`")


@pytest.mark.slow
def test_podium_build_stops_at_the_line_before_mkdocs_runs(archive_dir: ArchiveDir):
    archive_dir.write(
        "mkdocs.yml",
        "site_name: T\nnav:\n  - Home: index.md\n  - About: abuot.md\nplugins:\n  - podium\n  - podium-cit\n",
    )
    result = run_podium("build", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "mkdocs.yml:4:12: error: the nav names `abuot.md`, which is not in docs/"
    assert "mkdocs.yml:7:5: error: no plugin is named `podium-cit`" in result.stderr
    assert result.stderr.endswith("podium: the build failed; site/ still holds the last good site\n")
    assert "INFO" not in result.stderr  # MkDocs never started
    loose = run_podium("build", "--no-strict", cwd=archive_dir.root)  # the nav is a warning there, not an error
    assert "abuot.md" not in loose.stderr and "podium-cit" in loose.stderr


def test_the_settings_modules_examples_hold():
    assert doctest.testmod(settings).failed == 0


@pytest.mark.slow
def test_the_build_refuses_a_bad_option_with_the_same_message(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", MKDOCS_YML.replace("  - podium-cit\n", ""))
    result = archive_dir.build()
    assert result.returncode == 1
    assert (
        "Plugin 'podium-facets' option 'page_size': mkdocs.yml:8:18: error: the podium-facets plugin's option "
        '`page_size` must be a whole number, not the text "50"\n  hint: write the number without quotes: '
        "`page_size: 50`" in result.stderr
    )
    assert "Traceback" not in result.stderr
