"""podium new: the path convention, ids checked against the registries, prompts, adding a missing entry."""

from __future__ import annotations

from click.testing import CliRunner

from podium import features
from podium.cli.main import main
from podium.editors.lint import PLACEHOLDER
from support.archive import ArchiveDir


def new(archive: ArchiveDir, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["new", "--root", str(archive.root), *args], input=input)


def test_options_write_the_transcript_at_the_conventional_path(archive_dir):
    result = new(
        archive_dir,
        "--no-input",
        "--title",
        "Opening address",
        "--date",
        "2025-05-29",
        "--speaker",
        "tokayev",
        "--event",
        "aif-2025",
        "--session",
        "Plenary session",
        "--topic",
        "multilateralism",
        "--kind",
        "address",
    )
    assert result.exit_code == 0, result.output
    path = archive_dir.root / "speeches/2025/aif-2025-tokayev-plenary.md"
    assert path.read_text() == (
        "---\ntitle: Opening address\ndate: 2025-05-29\nspeaker: tokayev\nevent: aif-2025\n"
        "session: Plenary session\nlanguage: en\nkind: address\ntopics:\n- multilateralism\n---\n\n"
        f"{PLACEHOLDER}\n"
    )
    assert result.stdout == (
        "wrote speeches/2025/aif-2025-tokayev-plenary.md: paste the speech below the front matter, one paragraph "
        "per statement, then run `podium lint speeches/2025/aif-2025-tokayev-plenary.md` and "
        "`podium check speeches/2025/aif-2025-tokayev-plenary.md`\n"
    )
    loaded = features.load(archive_dir.root)
    assert [p.format() for p in loaded.problems] == []  # valid; only lint's placeholder rule objects


def test_several_speakers_and_an_explicit_id(archive_dir):
    result = new(
        archive_dir,
        "--no-input",
        "--title",
        "Panel",
        "--date",
        "2024-01-02",
        "--speaker",
        "tokayev",
        "--speaker",
        "kagame",
        "--id",
        "davos-panel",
    )
    assert result.exit_code == 0, result.output
    text = (archive_dir.root / "speeches/2024/davos-panel.md").read_text()
    assert "speakers:\n- tokayev\n- kagame\n" in text


def test_unknown_speaker_gets_did_you_mean(archive_dir):
    result = new(archive_dir, "--no-input", "--title", "T", "--date", "2025-05-29", "--speaker", "tokayv")
    assert result.exit_code == 1
    assert result.stderr == (
        "podium new: error: unknown speaker `tokayv`\n"
        "  hint: did you mean `tokayev`? or add it to speeches/speakers.yml (run without --no-input, "
        "or pass --add-missing)\n"
    )
    assert not (archive_dir.root / "speeches/2025").exists()


def test_unknown_topic_and_session(archive_dir):
    topic = new(
        archive_dir, "--no-input", "--title", "T", "--date", "2025-05-29", "--speaker", "tokayev", "--topic", "climat"
    )
    assert topic.stderr == (
        "podium new: error: unknown topic `climat`\n  hint: did you mean `climate`? or add it to speeches/topics.yml\n"
    )
    session = new(
        archive_dir,
        "--no-input",
        "--title",
        "T",
        "--date",
        "2025-05-29",
        "--speaker",
        "tokayev",
        "--event",
        "aif-2025",
        "--session",
        "Plenary",
    )
    assert session.stderr == (
        "podium new: error: event `aif-2025` has no session `Plenary`\n  hint: did you mean `Plenary session`?\n"
    )


def test_impossible_date(archive_dir):
    result = new(archive_dir, "--no-input", "--title", "T", "--date", "2025-02-30", "--speaker", "tokayev")
    assert result.stderr == (
        "podium new: error: impossible date 2025-02-30: February 2025 has 28 days\n"
        "  hint: write the date as YYYY-MM-DD\n"
    )


def test_missing_values_without_prompts(archive_dir):
    result = new(archive_dir, "--no-input", "--date", "2025-05-29", "--speaker", "tokayev")
    assert result.stderr == (
        "podium new: error: missing --title\n  hint: give it as an option, or run without --no-input to be asked\n"
    )


def test_prompts_ask_for_what_is_missing(archive_dir):
    result = new(archive_dir, input="Closing remarks\n2025-05-30\ntokayev\n")
    assert result.exit_code == 0, result.output
    assert (
        (archive_dir.root / "speeches/2025/2025-05-30-tokayev.md")
        .read_text()
        .startswith("---\ntitle: Closing remarks\ndate: 2025-05-30\nspeaker: tokayev\n")
    )


def test_prompt_offers_the_close_id(archive_dir):
    result = new(archive_dir, "--title", "T", "--date", "2025-05-29", "--speaker", "kagme", input="y\n")
    assert result.exit_code == 0, result.output
    assert "unknown speaker `kagme`; use `kagame` instead? [Y/n]" in result.stdout
    assert "speaker: kagame\n" in (archive_dir.root / "speeches/2025/2025-05-29-kagame.md").read_text()


def test_prompt_adds_a_missing_speaker_without_disturbing_the_registry(archive_dir):
    registry = archive_dir.root / "speeches/speakers.yml"
    before = registry.read_text()
    result = new(archive_dir, "--title", "T", "--date", "2025-05-29", "--speaker", "berset", input="y\nAlain Berset\n")
    assert result.exit_code == 0, result.output
    assert "added speaker `berset` (Alain Berset) to speeches/speakers.yml" in result.stdout
    assert registry.read_text() == before + "berset:\n  name: Alain Berset\n"
    assert [p.format() for p in features.load(archive_dir.root).problems] == []


def test_add_missing_event_without_prompts_keeps_comments(archive_dir):
    events = archive_dir.write("speeches/events.yml", "# Events, hand-written.\naif:\n  name: AIF  # the series\n")
    result = new(
        archive_dir,
        "--no-input",
        "--add-missing",
        "--title",
        "T",
        "--date",
        "2026-03-01",
        "--speaker",
        "tokayev",
        "--event",
        "aif-2026",
    )
    assert result.exit_code == 0, result.output
    assert events.read_text() == (
        "# Events, hand-written.\naif:\n  name: AIF  # the series\naif-2026:\n  name: Aif 2026\n  from: 2026-03-01\n"
    )
    assert (archive_dir.root / "speeches/2026/aif-2026-tokayev.md").is_file()


def test_an_existing_id_is_refused(archive_dir):
    archive_dir.speech("aif-2025-tokayev", folder="speeches/2024")
    result = new(
        archive_dir, "--no-input", "--title", "T", "--date", "2025-05-29", "--speaker", "tokayev", "--event", "aif-2025"
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "podium new: error: a transcript with the id `aif-2025-tokayev` exists already\n"
        "  hint: choose another with --id\n"
    )


def test_help_shows_an_example():
    result = CliRunner().invoke(main, ["new", "--help"])
    assert 'podium new --title "Opening address" --date 2025-05-29 --speaker tokayev' in result.stdout
