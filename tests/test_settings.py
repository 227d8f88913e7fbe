"""One settings model: `podium check` and the build read the `podium` plugin's options alike, strictly, and report
a bad one at its line in mkdocs.yml, never with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from podium.core import settings
from podium.core.problems import Problems
from podium.core.settings import Settings
from podium.mkdocs.plugin import PodiumConfig
from support.processes import run_podium

QUOTED = '  - podium:\n      max_transcript_kb: "2048"\n'
QUOTED_PROBLEM = (
    "mkdocs.yml:9:26: error: the podium plugin's option `max_transcript_kb` must be a whole number, "
    'not the text "2048"\n'
    "  hint: write the number without quotes: `max_transcript_kb: 2048`"
)


def with_options(archive_dir, options: str) -> Path:
    """mkdocs.yml with `options` as the podium plugin's entry (line 8 on)."""
    config = archive_dir.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - podium\n" in text
    config.write_text(text.replace("  - podium\n", options, 1), encoding="utf-8")
    return config


def plugin_config(config_file: Path) -> PodiumConfig:
    """The plugin's config as MkDocs makes it: the file read by MkDocs' loader, then validated."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader())
    options = next(entry["podium"] for entry in data["plugins"] if isinstance(entry, dict) and "podium" in entry)
    options.pop("enabled", None)  # MkDocs' own switch, taken before the plugin sees its options
    config = PodiumConfig(config_file_path=str(config_file))
    config.load_dict(options)
    return config


def test_a_quoted_number_fails_podium_check_at_its_line(archive_dir):
    archive_dir.speech("good")  # with a transcript to measure, the old reader died: `internal error: TypeError`
    with_options(archive_dir, QUOTED)
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr == QUOTED_PROBLEM + "\n1 error, 0 warnings\n"
    assert result.stdout == ""


def test_the_plugin_refuses_the_same_option_with_the_same_message(archive_dir):
    config = plugin_config(with_options(archive_dir, QUOTED))
    failed, _ = config.validate()
    assert [(key, str(error)) for key, error in failed] == [("max_transcript_kb", QUOTED_PROBLEM)]


@pytest.mark.slow
def test_a_quoted_number_stops_the_build_with_the_message(archive_dir):
    archive_dir.speech("good")
    with_options(archive_dir, QUOTED)
    result = archive_dir.build()
    assert result.returncode != 0
    assert (
        result.stderr == f"ERROR   -  Config value 'plugins': Plugin 'podium' option 'max_transcript_kb': "
        f"{QUOTED_PROBLEM}\n"
    )
    assert "Aborted with a configuration error!" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (archive_dir.root / "site" / "index.html").exists()


@pytest.mark.slow
def test_a_valid_setting_is_honoured_alike_by_check_and_build(archive_dir):
    """max_transcript_kb: 1 makes a 2 KB transcript an error for both, with the same problem."""
    archive_dir.speech("long", body="A statement of some length, repeated. " * 60 + "\n")
    with_options(archive_dir, "  - podium:\n      max_transcript_kb: 1\n")
    problem = "speeches/2025/long.md:1:1: error: transcript is 2 KB, over the limit of 1 KB"
    check = run_podium("check", cwd=archive_dir.root)
    assert check.returncode == 1
    assert check.stderr.splitlines()[0] == problem
    build = archive_dir.build()
    assert build.returncode != 0
    assert problem in build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr


def test_every_option_is_a_field_of_the_model_and_back():
    assert [name for name, _ in PodiumConfig._schema] == list(Settings.model_fields)
    config = PodiumConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert config.settings == Settings()
    assert dict(config) == Settings().model_dump()


def test_check_and_plugin_read_one_mkdocs_yml_to_equal_settings(archive_dir):
    config_file = with_options(
        archive_dir,
        (
            "  - podium:\n      allow_html: [ABBR, sup]\n      max_transcript_kb: 2048\n      latest: 0\n"
            "      edit_uri: edit/main/\n      lint: {disable: [long-statement]}\n      enabled: true\n"
        ),
    )
    problems = Problems()
    read = settings.load(archive_dir.root, problems)
    assert problems.items == []
    config = plugin_config(config_file)
    assert config.validate() == ([], [])
    assert config.settings == read
    assert read == Settings(
        allow_html=("abbr", "sup"),
        max_transcript_kb=2048,
        latest=0,
        edit_uri="edit/main/",
        lint={"disable": ["long-statement"]},
    )
    assert config.allow_html == ("abbr", "sup")


def test_every_bad_option_is_reported_and_the_rest_still_apply(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n"
        "  - podium:\n"
        "      allow_html: abbr\n"
        "      max_nesting: 0\n"
        "      latest: yes\n"
        "      max_transcript: 3\n"
        "      index_size: 7\n",
        encoding="utf-8",
    )
    problems = Problems()
    read = settings.load(tmp_path, problems)
    assert [p.format() for p in problems.sorted()] == [
        (
            "mkdocs.yml:8:19: error: the podium plugin's option `allow_html` must be a list (e.g. `[abbr, sup]`), "
            'not the text "abbr"\n  hint: e.g. `allow_html: [abbr, sup]`'
        ),
        (
            "mkdocs.yml:9:20: error: the podium plugin's option `max_nesting` must be at least 1\n"
            "  hint: e.g. `max_nesting: 32`"
        ),
        (
            "mkdocs.yml:10:15: error: the podium plugin's option `latest` must be a whole number, not true\n"
            "  hint: e.g. `latest: 10`"
        ),
        (
            "mkdocs.yml:11:7: error: unknown option `max_transcript` of the podium plugin\n"
            "  hint: did you mean `max_transcript_kb`? the options are: speeches_dir, allow_html, max_transcript_kb, "
            "max_nesting, max_yaml_depth, max_list_depth, max_angle_brackets, max_topics, max_references, "
            "max_inline_markup, max_quotations, max_quotation_words, max_registry_kb, latest, index_size, "
            "edit_uri, lint, workers"
        ),
    ]
    assert read == Settings(index_size=7)  # the bad ones fall back to their defaults; the good one applies


def test_no_mkdocs_yml_means_every_default(tmp_path):
    problems = Problems()
    assert settings.load(tmp_path, problems) == Settings()
    assert problems.items == []


def test_a_broken_mkdocs_yml_is_a_problem_not_a_crash(archive_dir):
    archive_dir.write("mkdocs.yml", "site_name: x\nplugins:\n  - podium: {max_nesting: [\n")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.startswith("mkdocs.yml:4:1: error: YAML syntax error: ")
    assert "internal error" not in result.stderr


def test_settings_in_code_are_validated_too():
    assert Settings.from_options({"allow_html": ["ABBR"], "enabled": False}).allow_html == ("abbr",)
    with pytest.raises(ValueError, match="max_transcript_kb"):
        Settings.from_options({"max_transcript_kb": "2048"})
