"""The loader on every class of bad input: each test asserts the exact path, line, column and message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podium import features
from podium.core.problems import Problem
from support.archive import MINIMAL_FRONT, ArchiveDir, speech_text

OK_FRONT = MINIMAL_FRONT


def problems_of(root: Path) -> list[str]:
    archive = features.load(root)
    return [f"{p.path}:{p.line}:{p.column}: {p.severity}: {p.message}" for p in archive.problems.sorted()]


def only(root: Path) -> Problem:
    archive = features.load(root)
    assert len(archive.problems) == 1, archive.problems.sorted()
    return archive.problems.items[0]


def test_the_reference_archive_has_no_problems():
    from support.archive import REPO

    archive = features.load(REPO)
    assert archive.problems.sorted() == []
    assert [s.id for s in archive.speeches] == ["aif-2025-tokayev-plenary"]


def test_a_good_transcript_loads(archive_dir: ArchiveDir):
    archive_dir.speech("opening")
    archive = features.load(archive_dir.root)
    assert archive.problems.sorted() == []
    speech = archive.speeches[0]
    assert speech.meta.title == "Opening address"
    assert speech.meta.date == dt.date(2025, 5, 29)
    assert speech.meta.language == "en"
    assert [s.text for s in speech.statements] == ["First statement.", "Second statement."]


def test_not_utf8_latin1(archive_dir: ArchiveDir):
    archive_dir.write("speeches/a.md", speech_text(OK_FRONT, "Café au lait.\n").encode("latin-1"))
    problem = only(archive_dir.root)
    assert problem.format() == (
        "speeches/a.md:8:4: error: file is not UTF-8: byte 0xe9 cannot be decoded\n"
        "  hint: save the file as UTF-8; it looks like Latin-1 or Windows-1252 text"
    )


def test_not_utf8_utf16(archive_dir: ArchiveDir):
    archive_dir.write("speeches/a.md", speech_text(OK_FRONT).encode("utf-16"))
    assert problems_of(archive_dir.root) == ["speeches/a.md:1:1: error: file is UTF-16, not UTF-8"]


def test_bom_and_crlf_are_fine(archive_dir: ArchiveDir):
    text = speech_text(OK_FRONT, "One.\n\nTwo.\n").replace("\n", "\r\n")
    archive_dir.write("speeches/a.md", b"\xef\xbb\xbf" + text.encode())
    archive = features.load(archive_dir.root)
    assert archive.problems.sorted() == []
    assert [s.line for s in archive.speeches[0].statements] == [8, 10]


def test_yaml_syntax_error(archive_dir: ArchiveDir):
    archive_dir.speech("a", "title: Speech: the future\ndate: 2025-05-29\nspeaker: tokayev\n")
    problem = only(archive_dir.root)
    assert problem.format() == (
        "speeches/2025/a.md:2:14: error: YAML syntax error: mapping values are not allowed here\n"
        '  hint: a value that contains `: ` must be quoted, e.g. title: "Speech: the future"'
    )


@pytest.mark.parametrize("front, found", [("- a\n- b\n", "a list"), ("just some words\n", "a single value")])
def test_front_matter_not_a_mapping(archive_dir: ArchiveDir, front: str, found: str):
    archive_dir.write("speeches/a.md", f"---\n{front}---\n\nText.\n")
    assert problems_of(archive_dir.root) == [
        f"speeches/a.md:2:1: error: front matter must be a mapping of `key: value` lines, found {found}"
    ]


def test_front_matter_not_closed(archive_dir: ArchiveDir):
    archive_dir.write("speeches/a.md", "---\ntitle: T\ndate: 2025-05-29\nspeaker: tokayev\n\nText.\n")
    assert problems_of(archive_dir.root) == [
        "speeches/a.md:1:1: error: front matter is not closed: no line `---` after the opening one"
    ]


def test_missing_front_matter(archive_dir: ArchiveDir):
    archive_dir.write("speeches/a.md", "Just a body.\n")
    assert problems_of(archive_dir.root) == [
        "speeches/a.md:1:1: error: missing front matter: the file must start with a line `---`"
    ]


def test_empty_file_and_empty_front_matter(archive_dir: ArchiveDir):
    archive_dir.write("speeches/a.md", "")
    archive_dir.write("speeches/b.md", "---\n---\n\nText.\n")
    assert problems_of(archive_dir.root) == [
        "speeches/a.md:1:1: error: file is empty",
        "speeches/b.md:1:1: error: front matter is empty",
    ]


def test_front_matter_only(archive_dir: ArchiveDir):
    archive_dir.write("speeches/a.md", "---\n" + OK_FRONT + "---\n")
    assert problems_of(archive_dir.root) == [
        "speeches/a.md:6:1: error: the transcript has no text after its front matter"
    ]


def test_duplicate_keys_cite_both_lines(archive_dir: ArchiveDir):
    archive_dir.speech("a", OK_FRONT + "title: Another title\n")
    problem = only(archive_dir.root)
    assert problem.format() == (
        "speeches/2025/a.md:6:1: error: duplicate key `title` (first written at line 2)\n"
        "  hint: keep one of the two; YAML would silently use the last one"
    )


def test_yaml_11_surprises_stay_strings(archive_dir: ArchiveDir):
    archive_dir.speech(
        "a",
        "title: no\ndate: 2025-05-29\nspeaker: tokayev\nlanguage: no\nsession: 3.10\nlocation: '12:30'\nsummary: 012\n",
    )
    archive_dir.speech("b", "title: on\ndate: 2025-05-29\nspeaker: tokayev\nlocation: 12:30\n")
    archive = features.load(archive_dir.root)
    assert archive.problems.sorted() == []
    meta = {s.id: s.meta for s in archive.speeches}
    assert (meta["a"].title, meta["a"].language, meta["a"].session, meta["a"].location, meta["a"].summary) == (
        "no",
        "no",
        "3.10",
        "12:30",
        "012",
    )
    assert (meta["b"].title, meta["b"].location) == ("on", "12:30")


def test_a_boolean_field_takes_only_true_or_false():
    from podium.core.model import _strict_bool

    assert _strict_bool("true") is True and _strict_bool("false") is False
    for surprise in ("no", "on", "yes", "off", "1"):
        with pytest.raises(ValueError):
            _strict_bool(surprise)


def test_unknown_keys_with_did_you_mean(archive_dir: ArchiveDir):
    archive_dir.speech("a", OK_FRONT + "sumary: A summary\nsource:\n  urll: https://example.org\n")
    archive = features.load(archive_dir.root)
    lines = [p.format() for p in archive.problems.sorted()]
    assert lines[0].startswith(
        "speeches/2025/a.md:6:1: error: unknown field `sumary`\n"
        "  hint: did you mean `summary`? known fields: title, date,"
    )
    assert lines[1].startswith(
        "speeches/2025/a.md:8:3: error: unknown field `source.urll`\n"
        "  hint: did you mean `url`? known fields: url, publisher,"
    )
    assert len(lines) == 2


def test_missing_required_fields_are_all_reported(archive_dir: ArchiveDir):
    archive_dir.write("speeches/a.md", "---\nlocation: Astana\n---\n\nText.\n")
    assert problems_of(archive_dir.root) == [
        "speeches/a.md:1:1: error: missing required field `date`",
        "speeches/a.md:1:1: error: missing required field `speaker` (or `speakers` for several)",
        "speeches/a.md:1:1: error: missing required field `title`",
    ]


def test_speaker_and_speakers_together(archive_dir: ArchiveDir):
    archive_dir.speech("a", OK_FRONT + "speakers: [tokayev, kagame]\n")
    assert problems_of(archive_dir.root) == [
        "speeches/2025/a.md:6:1: error: write either `speaker` or `speakers`, not both"
    ]


@pytest.mark.parametrize(
    "date, message",
    [
        ("2025-02-30", "`date`: impossible date 2025-02-30: February 2025 has 28 days"),
        ("2024-02-30", "`date`: impossible date 2024-02-30: February 2024 has 29 days"),
        ("2025-13-01", "`date`: impossible date 2025-13-01: there is no month 13"),
        ("29 May 2025", "`date`: `29 May 2025` is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY"),
    ],
)
def test_impossible_and_malformed_dates(archive_dir: ArchiveDir, date: str, message: str):
    archive_dir.speech("a", f"title: T\ndate: {date}\nspeaker: tokayev\n")
    problem = only(archive_dir.root)
    assert (problem.path, problem.line, problem.column, problem.message) == ("speeches/2025/a.md", 3, 7, message)
    assert problem.hint == "write the date as YYYY-MM-DD, e.g. 2025-05-29"


def test_unknown_ids_with_suggestions(archive_dir: ArchiveDir):
    archive_dir.speech(
        "a", "title: T\ndate: 2025-05-29\nspeaker: tokaev\nevent: aif-2026\ntopics: [climate, multilateralsm]\n"
    )
    archive = features.load(archive_dir.root)
    assert [p.format() for p in archive.problems.sorted()] == [
        "speeches/2025/a.md:4:10: error: unknown speaker `tokaev`\n"
        "  hint: did you mean `tokayev`? Or add it to speeches/speakers.yml.",
        "speeches/2025/a.md:5:8: error: unknown event `aif-2026`\n"
        "  hint: did you mean `aif-2025`? Or add it to speeches/events.yml.",
        "speeches/2025/a.md:6:19: error: unknown topic `multilateralsm`\n"
        "  hint: did you mean `multilateralism`? Or add it to speeches/topics.yml.",
    ]


def test_unknown_session_of_an_event(archive_dir: ArchiveDir):
    archive_dir.speech("a", OK_FRONT + "session: Plenary sesion\n")
    problem = only(archive_dir.root)
    assert problem.format() == (
        "speeches/2025/a.md:6:10: error: event `aif-2025` has no session `Plenary sesion`\n"
        "  hint: did you mean `Plenary session`?"
    )


def test_duplicate_statement_ids(archive_dir: ArchiveDir):
    archive_dir.speech("a", body="One. {#pledge}\n\nTwo.\n\nThree. {#pledge}\n")
    problem = only(archive_dir.root)
    assert problem.format() == (
        "speeches/2025/a.md:12:1: error: duplicate statement id `pledge` (first used at line 8)\n"
        "  hint: every statement id in a speech must be unique; rename one"
    )


def test_two_transcripts_at_the_same_url(archive_dir: ArchiveDir):
    archive_dir.speech("opening", folder="speeches/2024")
    archive_dir.speech("Opening", folder="speeches/2025")
    assert problems_of(archive_dir.root) == [
        "speeches/2025/Opening.md:1:1: error: file name `Opening.md` is not an id: it is the speech's address",
        "speeches/2025/Opening.md:1:1: error: publishes at the same URL /speeches/opening/ as speeches/2024/opening.md",
    ]


def test_yaml_aliases_are_refused(archive_dir: ArchiveDir):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    archive_dir.write("speeches/topics.yml", bomb + "climate:\n  label: Climate\n")
    archive = features.load(archive_dir.root)
    assert [(p.path, p.line, p.column, p.message) for p in archive.problems.sorted()] == [
        ("speeches/topics.yml", 2, column, "YAML aliases (`*name`) are not allowed here")
        for column in (8, 12, 16, 20, 24, 28, 32, 36)
    ]


def test_all_problems_are_reported_together_and_sorted(archive_dir: ArchiveDir):
    archive_dir.speech("b", "title: T\ndate: 2025-02-30\nspeaker: tokayev\n")
    archive_dir.speech("a", "title: T\ndate: 2025-05-29\nspeaker: nobody\n")
    assert problems_of(archive_dir.root) == [
        "speeches/2025/a.md:4:10: error: unknown speaker `nobody`",
        "speeches/2025/b.md:3:7: error: `date`: impossible date 2025-02-30: February 2025 has 28 days",
    ]


# Registries get the same treatment.


def test_registry_errors(archive_dir: ArchiveDir):
    archive_dir.write(
        "speeches/speakers.yml",
        "tokayev:\n  name: K. Tokayev\n  nmae: typo\n  roles:\n    - role: President\n"
        "      from: 2019-02-30\ntokayev:\n  name: Again\nBad Id:\n  name: X\nkagame:\n  bio: no name\n",
    )
    archive_dir.write("speeches/topics.yml", "climate:\n  label: Climate\n  parent: enviroment\n")
    archive_dir.speech("a", "title: T\ndate: 2025-05-29\nspeaker: kagame\n")
    assert problems_of(archive_dir.root) == [
        "speeches/2025/a.md:4:10: error: unknown speaker `kagame`",
        "speeches/speakers.yml:3:3: error: speaker `tokayev`: unknown field `nmae`",
        "speeches/speakers.yml:6:13: error: speaker `tokayev`: `roles[0].from`: impossible date 2019-02-30: "
        "February 2019 has 28 days",
        "speeches/speakers.yml:7:1: error: duplicate key `tokayev` (first written at line 1)",
        "speeches/speakers.yml:9:1: error: `Bad Id` is not a valid speaker id",
        "speeches/speakers.yml:11:1: error: speaker `kagame`: missing required field `name`",
        "speeches/topics.yml:1:1: error: unknown parent topic `enviroment`",
    ]


def test_registry_yaml_error_and_not_a_mapping(archive_dir: ArchiveDir):
    archive_dir.write("speeches/events.yml", "aif:\n  name: [unclosed\n")
    archive_dir.write("speeches/topics.yml", "- climate\n- trade\n")
    lines = problems_of(archive_dir.root)
    assert lines[0].startswith("speeches/events.yml:3:1: error: YAML syntax error:")
    assert "speeches/topics.yml:1:1: error: topics.yml must be a mapping from id to entry" in lines


def test_parent_loops_are_reported(archive_dir: ArchiveDir):
    archive_dir.write("speeches/topics.yml", "a:\n  label: A\n  parent: b\nb:\n  label: B\n  parent: a\n")
    lines = problems_of(archive_dir.root)
    assert "speeches/topics.yml:1:1: error: `a` is its own ancestor through `parent`" in lines


@pytest.mark.parametrize("extra", ["", "t: '*'\n"])  # a `*` sends the text to the pure-Python reader
def test_both_yaml_readers_agree_on_null_and_strings(extra):
    from podium.core.frontmatter import parse_yaml
    from podium.core.problems import Problems

    document = parse_yaml("a:\nb: ~\nc: ''\nd: null\ne: no\nf: 3.10\n" + extra, "x.yml", Problems())
    assert {k: v for k, v in document.data.items() if k != "t"} == {
        "a": None,
        "b": None,
        "c": "",
        "d": None,
        "e": "no",
        "f": "3.10",
    }
    assert document.value_at[("f",)] == (6, 4)
