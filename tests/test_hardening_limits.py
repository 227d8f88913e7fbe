"""Limits the build relies on are checks: each a `path:line:col` error and an option of the podium plugin."""

from __future__ import annotations

import time

import pytest

from podium import features
from podium.core.settings import Settings
from podium.render.pages import StatementRenderer
from support.archive import MINIMAL_FRONT, ArchiveDir
from support.processes import run_podium


def first_lines(archive_dir: ArchiveDir, **options) -> list[str]:
    settings = Settings.from_options(options) if options else None
    archive = features.load(archive_dir.root, settings=settings)
    return [problem.format().split("\n")[0] for problem in archive.problems.sorted()]


def with_options(archive_dir: ArchiveDir, options: str) -> None:
    config = (archive_dir.root / "mkdocs.yml").read_text(encoding="utf-8")
    archive_dir.write("mkdocs.yml", config.replace("  - podium\n", "  - podium:\n" + options))


def test_many_angle_brackets_are_an_error_at_the_first_one_over(archive_dir: ArchiveDir):
    archive_dir.speech("opening", body="First statement.\n\n" + "a<1 " * 100_000 + "\n")
    assert first_lines(archive_dir, max_inline_markup=10**6) == [
        "speeches/2025/opening.md:10:4002: error: more than 1000 `<` characters in one transcript"
    ]


def test_the_angle_bracket_limit_is_a_setting(archive_dir: ArchiveDir):
    archive_dir.speech("opening", body="First statement.\n\n" + "a<1 " * 20 + "\n")
    with_options(archive_dir, "      max_angle_brackets: 10\n")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert "speeches/2025/opening.md:10:42: error: more than 10 `<` characters in one transcript" in result.stderr


def test_what_the_angle_bracket_limit_lets_through_renders_quickly():
    """The default limit keeps Python-Markdown's quadratic `<` handling far from the build's time budget."""
    started = time.perf_counter()
    StatementRenderer()("a<1 " * Settings().max_angle_brackets)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("".join("    " * depth + "- item\n" for depth in range(300)), 26),
        ("- " * 300 + "item\n", 10),
        ("> " * 300 + "quote\n", 10),
        ("> - " * 150 + "mixed\n", 10),
    ],
)
def test_lists_nested_300_deep_are_a_check_error_not_a_renderer_crash(archive_dir: ArchiveDir, body: str, line: int):
    archive_dir.speech("opening", body="First statement.\n\n" + body)
    lines = first_lines(archive_dir, max_inline_markup=10**6)  # the deepest list is also a long statement
    assert lines == [f"speeches/2025/opening.md:{line}:1: error: lists or quotes nested more than 16 deep"]


def test_sixteen_levels_of_list_pass_and_render():
    body = "".join("    " * depth + "- item\n" for depth in range(16))
    assert StatementRenderer()(body).count("<ul>") == 16


def test_topics_are_capped(archive_dir: ArchiveDir):
    topics = ", ".join(["climate"] * 5000)
    archive_dir.speech("opening", front=MINIMAL_FRONT + f"topics: [{topics}]\n")
    assert first_lines(archive_dir) == ["speeches/2025/opening.md:6:460: error: more than 50 topics on one speech"]


def test_statement_topics_are_capped(archive_dir: ArchiveDir):
    topics = ",".join(["climate"] * 3)
    archive_dir.speech("opening", body=f"First statement. {{#first topics={topics}}}\n")
    assert first_lines(archive_dir, max_topics=2)[0] == (
        "speeches/2025/opening.md:8:49: error: more than 2 topics on one statement"
    )


def test_references_per_statement_are_capped(archive_dir: ArchiveDir):
    archive_dir.speech("target", body="Pledge. {#pledge}\n")
    archive_dir.speech("opening", body="As I said " + " ".join(["[[target#pledge]]"] * 101) + ".\n")
    assert first_lines(archive_dir) == [
        "speeches/2025/opening.md:8:1: error: more than 100 cross-references in one statement"
    ]


def test_press_quotations_are_capped_in_words(archive_dir: ArchiveDir):
    quote = " ".join(["word"] * 301)
    archive_dir.speech("opening", front=MINIMAL_FRONT + f"coverage:\n  - outlet: Daily\n    quote: {quote}\n")
    assert first_lines(archive_dir) == ["speeches/2025/opening.md:8:12: error: press quotation of more than 300 words"]


def test_inline_markup_of_one_statement_is_capped(archive_dir: ArchiveDir):
    archive_dir.speech("opening", body="First statement.\n\n" + "word *a* " * 1002 + "\n\n" + "*b* " * 500 + "\n")
    assert first_lines(archive_dir) == [
        "speeches/2025/opening.md:10:1: error: 2004 Markdown markup characters (* _ ` ~ [ ] \\) in one statement, "
        "over the limit of 2000"
    ]
    assert first_lines(archive_dir, max_inline_markup=3000) == []


def test_press_quotations_are_capped_in_number(archive_dir: ArchiveDir):
    entries = "".join(f"  - outlet: Daily\n    quote: word {n}\n" for n in range(101))
    archive_dir.speech("opening", front=MINIMAL_FRONT + "coverage:\n" + entries)
    assert first_lines(archive_dir) == [
        "speeches/2025/opening.md:207:5: error: more than 100 press quotations on one speech"
    ]


def test_yaml_depth_is_a_setting(archive_dir: ArchiveDir):
    archive_dir.speech("opening", front=MINIMAL_FRONT + "summary: [[[x]]]\n")
    assert [line for line in first_lines(archive_dir, max_yaml_depth=3) if "opening" in line] == [
        "speeches/2025/opening.md:6:12: error: lists and mappings nested more than 3 deep"
    ]


@pytest.mark.parametrize(
    "option",
    ["max_yaml_depth", "max_list_depth", "max_angle_brackets", "max_topics", "max_references",
     "max_inline_markup", "max_quotations", "max_quotation_words", "max_registry_kb"],
)  # fmt: skip
def test_every_limit_is_an_option_checked_like_the_others(archive_dir: ArchiveDir, option: str):
    with_options(archive_dir, f'      {option}: "many"\n')
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert f'error: the podium plugin\'s option `{option}` must be a whole number, not the text "many"' in (
        result.stderr
    )
