"""Hostile text of every kind, generated: `podium check` never crashes, and what it accepts builds in time.

Each file type (a transcript, each registry, mkdocs.yml) is fed text made of the pieces that broke readers
before: brackets, YAML indicators and tags, control characters, runs of `<` and backticks, deep lists, bad
encodings. `podium check` must answer 0 or 1 with at most a bounded report per file, never a traceback.
A transcript that passes the check must build within a time budget.

`make test` runs a few dozen examples of each; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs many more.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.cli.main import main
from podium.core.problems import MAX_PER_FILE
from support.archive import MINIMAL_FRONT, ArchiveDir, speech_text
from support.processes import run_podium

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
EXAMPLES = 5000 if FUZZ else 400
BUILDS = 100 if FUZZ else 8

PIECES = [
    "[", "]", "{", "}", "(", ")", "<", ">", "<a", "<?x?>", "<!--", "`", "``", "*", "_", "\\", "&", "#", "|", "!",
    "- ", "* ", "1. ", "> ", "    ", "\t", "\n", "\n\n", ":", ": ", " ", "---", "...", "'", '"', ",", "?",
    "!!binary ", "!x ", "&a ", "*a", "%YAML 1.1\n", "\x1b", "\x0c", "\x00", "\ufffe", "\x85", "\u2028", "\u202e",
    "é", "Ж", "٢", "２", "[[x]]", "[[opening#a|w]]", "{#id topics=climate}", "@tokayev:", "## H", "](", "![",
    "title: ", "date: 2025-05-29", "speaker: tokayev", "topics: [", "name: ", "label: ", "parent: ", "plugins:",
    "  - podium:", "      max_nesting: ", "\ud800",
]  # fmt: skip
piece = st.one_of(
    st.sampled_from(PIECES),
    st.text(max_size=8),
    st.builds(lambda p, n: p * n, st.sampled_from(PIECES), st.integers(1, 3000)),
)
hostile = st.lists(piece, max_size=40).map("".join)


def encoded(text: str, how: str) -> bytes:
    raw = text.encode("utf-8", "surrogatepass")
    return {"utf-8": raw, "utf-16-le": text.encode("utf-16-le", "surrogatepass"), "bom": b"\xef\xbb\xbf" + raw}[how]


def check(root: Path) -> tuple[int, str]:
    """`podium check` in-process; (exit status, everything printed). A raised exception fails the test."""
    result = CliRunner().invoke(main, ["check", "--root", str(root)], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def assert_bounded(output: str) -> None:
    assert "Traceback" not in output and "internal error" not in output, output
    per_file: dict[str, int] = {}
    for line in output.splitlines():
        if match := re.match(r"(.+?):\d+:\d+: (?:error|warning): ", line):
            per_file[match.group(1)] = per_file.get(match.group(1), 0) + 1
    assert all(count <= MAX_PER_FILE + 1 for count in per_file.values()), per_file


TARGETS = {
    "transcript": "speeches/2025/opening.md",
    "speakers": "speeches/speakers.yml",
    "events": "speeches/events.yml",
    "topics": "speeches/topics.yml",
    "mkdocs": "mkdocs.yml",
}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    target=st.sampled_from(sorted(TARGETS)),
    text=hostile,
    wrap=st.sampled_from(["none", "front", "body"]),
    how=st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16-le", "bom"]),
)
def test_check_never_crashes_on_hostile_files(target: str, text: str, wrap: str, how: str):
    with tempfile.TemporaryDirectory() as folder:
        archive = ArchiveDir(Path(folder))
        if target == "transcript" and wrap == "front":
            text = "---\n" + MINIMAL_FRONT + text + "\n---\n\nText.\n"
        elif target == "transcript" and wrap == "body":
            text = speech_text(MINIMAL_FRONT, text)
        elif target == "mkdocs" and wrap != "none":
            text = (archive.root / "mkdocs.yml").read_text(encoding="utf-8") + text
        archive.write(TARGETS[target], encoded(text, how))
        status, output = check(archive.root)
        assert status in (0, 1), output
        assert_bounded(output)


@pytest.mark.parametrize(
    "text",
    ["[" * 200_000, "- " * 200_000, "> " * 100_000, "<" * 100_000, "`" * 100_000, "\x00" * 1000, "---\n" * 1000],
)
def test_podium_check_as_a_process_answers_hostile_transcripts(archive_dir: ArchiveDir, text: str):
    archive_dir.write("speeches/2025/opening.md", speech_text(MINIMAL_FRONT, text))
    archive_dir.write("speeches/2025/second.md", "---\ntitle: " + text[:50_000] + "\n---\n\nText.\n")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1, result.stderr
    assert_bounded(result.stderr)


# -- what check accepts builds, in time -------------------------------------------------------------------------

# Pieces the check counts ([, (, <, list markers) repeat a little; the others as often as they like, so that most
# examples pass the check and reach the build with long runs of what Markdown finds hard.
BODY_PIECES = [
    "Text.", " ", "\n\n", "`", "``", "*", "**", "_", "]", ")", "\\", "&", "&amp;", "a<1", "[[opening]]", "x" * 50,
    "|", "---", "# ", "    ", "{#s topics=climate}",
]  # fmt: skip
COUNTED_PIECES = ["<", "[", "(", "![", "](", "- ", "1. ", "> ", "<?", "<!", "[x](y)"]
body_piece = st.one_of(
    st.sampled_from(BODY_PIECES + COUNTED_PIECES),
    st.builds(lambda p, n: p * n, st.sampled_from(BODY_PIECES), st.integers(1, 3000)),
    st.builds(lambda p, n: p * n, st.sampled_from(COUNTED_PIECES), st.integers(1, 40)),
)
body = st.lists(body_piece, min_size=1, max_size=30).map("".join)


@pytest.fixture(scope="module")
def reference_seconds(tmp_path_factory) -> float:
    """How long a tiny valid archive takes to build here: the budget is ten times that."""
    archive = ArchiveDir(tmp_path_factory.mktemp("tiny"))
    archive.speech("opening")
    started = time.perf_counter()
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - started


@pytest.mark.slow
@settings(max_examples=BUILDS, deadline=None, suppress_health_check=list(HealthCheck))
@given(bodies=st.lists(body, min_size=1, max_size=3))
def test_what_check_accepts_builds_within_the_time_budget(reference_seconds: float, bodies: list[str]):
    with tempfile.TemporaryDirectory() as folder:
        archive = ArchiveDir(Path(folder))
        archive.speech("opening")
        for number, text in enumerate(bodies):
            archive.speech(f"hostile-{number}", body=text + "\n\nLast statement.\n")
        status, output = check(archive.root)
        assert_bounded(output)
        if status != 0:
            return  # refused: nothing to build (the check's own promise is tested above)
        started = time.perf_counter()
        result = archive.build()
        elapsed = time.perf_counter() - started
        assert result.returncode == 0, result.stderr[-3000:]
        assert "Traceback" not in result.stderr
        assert elapsed < 10 * reference_seconds, f"{elapsed:.1f}s, budget {10 * reference_seconds:.1f}s"
