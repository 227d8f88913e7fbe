"""podium import corpus: mapping, labels as turns, stage directions, new speakers, idempotence, no word lost."""

from __future__ import annotations

import csv
import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium import features
from podium.cli.main import main
from support.archive import ArchiveDir

MAPPING = """\
columns:
  file: filename
  date: delivered_on
  speaker_name: who
  source_url: url
labels:
  "The President.": "{speaker}"
  "Q:": journalist
speakers:
  journalist: {name: Journalists}
"""


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


def write_corpus(root: Path, texts: dict[str, str], rows: list[dict[str, str]], mapping: str = MAPPING) -> None:
    folder = root / "corpus"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    with (root / "metadata.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (root / "mapping.yml").write_text(mapping, encoding="utf-8")


def run_import(root: Path, *extra: str):
    return CliRunner().invoke(
        main,
        [
            "import",
            "corpus",
            str(root / "corpus"),
            "--metadata",
            str(root / "metadata.csv"),
            "--mapping",
            str(root / "mapping.yml"),
            "--root",
            str(root),
            *extra,
        ],
    )


PRESS = (
    "The President. Good morning.\nIt is good to see you all.\n\n(Applause)\n\n"
    "Q: What about the reforms?\n\nThe President. We continue them. [Laughter]\n\nAnd we will finish them.\n"
)


@pytest.fixture
def corpus(tmp_path):
    archive = ArchiveDir(tmp_path)
    write_corpus(
        tmp_path,
        {"press-1.txt": PRESS, "lecture.txt": "Line one of a lecture.\nLine two of it.\n"},
        [
            {
                "filename": "press-1.txt",
                "delivered_on": "2024-03-01",
                "title": "Press conference",
                "who": "Paul Kagame",
                "url": "https://example.org/1",
            },
            {
                "filename": "lecture.txt",
                "delivered_on": "2023-11-20",
                "title": "Lecture",
                "who": "Aliya Bekova",
                "url": "",
            },
        ],
    )
    return archive


def test_labels_become_turns_and_stage_directions_narrative(corpus):
    result = run_import(corpus.root)
    assert result.exit_code == 0, result.output
    assert (corpus.root / "speeches/2024/press-1.md").read_text() == (
        "---\ntitle: Press conference\ndate: 2024-03-01\nspeakers:\n- kagame\n- journalist\n"
        "source:\n  url: https://example.org/1\n---\n\n"
        "@kagame: Good morning. It is good to see you all.\n\n[Applause]\n\n"
        "@journalist: What about the reforms?\n\n@kagame: We continue them.\n\n[Laughter]\n\n"
        "And we will finish them.\n"
    )


def test_lines_without_blank_lines_are_paragraphs_and_new_speakers_are_added(corpus):
    run_import(corpus.root)
    assert (corpus.root / "speeches/2023/lecture.md").read_text() == (
        "---\ntitle: Lecture\ndate: 2023-11-20\nspeaker: aliya-bekova\n---\n\n"
        "Line one of a lecture.\n\nLine two of it.\n"
    )
    registry = (corpus.root / "speeches/speakers.yml").read_text()
    assert registry.endswith("journalist:\n  name: Journalists\naliya-bekova:\n  name: Aliya Bekova\n")


def test_known_speakers_are_found_by_name(corpus):
    run_import(corpus.root)
    assert "paul-kagame" not in (corpus.root / "speeches/speakers.yml").read_text()


def test_summary_and_verbose_labels(corpus):
    result = run_import(corpus.root, "--verbose")
    assert result.stdout.splitlines() == [
        "  label press-1.txt: paragraph 1: `The President.` -> @kagame:",
        "  label press-1.txt: paragraph 3: `Q:` -> @journalist:",
        "  label press-1.txt: paragraph 4: `The President.` -> @kagame:",
        "added to speakers.yml: journalist, aliya-bekova",
        "imported 2 transcripts: 2 written, 0 unchanged, 0 kept (edited since the last import); 2 speakers added; "
        "3 speaker labels made turns; 0 rows with errors",
    ]


def test_the_import_passes_check_and_lint(corpus):
    run_import(corpus.root)
    loaded = features.load(corpus.root)
    assert [p.format() for p in loaded.problems] == []
    assert len(loaded.speeches) == 2
    lint = CliRunner().invoke(main, ["lint", "--strict", "--root", str(corpus.root)])
    assert lint.exit_code == 0, lint.output


def test_rerun_is_idempotent(corpus):
    run_import(corpus.root)
    registry = (corpus.root / "speeches/speakers.yml").read_bytes()
    files = {p: p.read_bytes() for p in (corpus.root / "speeches").rglob("*.md")}
    again = run_import(corpus.root)
    assert again.exit_code == 0
    assert again.stdout.splitlines()[-1] == (
        "imported 2 transcripts: 0 written, 2 unchanged, 0 kept (edited since the last import); 0 speakers added; "
        "3 speaker labels made turns; 0 rows with errors"
    )
    assert (corpus.root / "speeches/speakers.yml").read_bytes() == registry
    assert {p: p.read_bytes() for p in (corpus.root / "speeches").rglob("*.md")} == files


def test_edited_transcripts_are_kept_unless_forced(corpus):
    run_import(corpus.root)
    lecture = corpus.root / "speeches/2023/lecture.md"
    lecture.write_text(lecture.read_text().replace("Line two", "Line 2"))
    again = run_import(corpus.root)
    assert "  kept 2023/lecture.md: it differs from the import (edited?); --force overwrites it" in again.stdout
    assert "Line 2" in lecture.read_text()
    forced = run_import(corpus.root, "--force")
    assert "Line two" in lecture.read_text()
    assert "1 written, 1 unchanged" in forced.stdout


def test_bad_rows_are_reported_with_their_line_and_skipped(tmp_path):
    ArchiveDir(tmp_path)
    write_corpus(
        tmp_path,
        {"a.txt": "Text.\n", "b.txt": "Text.\n"},
        [
            {"filename": "a.txt", "delivered_on": "2024-02-30", "title": "A", "who": "X Y", "url": ""},
            {"filename": "missing.txt", "delivered_on": "2024-02-01", "title": "B", "who": "X Y", "url": ""},
            {"filename": "b.txt", "delivered_on": "2024-02-01", "title": "", "who": "X Y", "url": ""},
            {"filename": "b.txt", "delivered_on": "2024-02-01", "title": "C", "who": "X Y", "url": ""},
        ],
    )
    result = run_import(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "metadata.csv:2:1: error: `date`: impossible date 2024-02-30: February 2024 has 29 days",
        "  hint: fix the table's column for `date`",
        "metadata.csv:3:1: error: text file `missing.txt` is not in corpus/",
        "  hint: check the file name in the table",
        "metadata.csv:4:1: error: no `title`: the column `title` is empty or absent",
        "  hint: fill it in, or map another column with --map title=COLUMN",
        "metadata.csv:5:1: error: id `b` is used by the row at line 4 too",
        "  hint: give each row its own id",
        "4 errors, 0 warnings",
    ]


def test_json_metadata_and_map_options(tmp_path):
    ArchiveDir(tmp_path)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.txt").write_text("We meet.\n\n[Applause]\n")
    (tmp_path / "meta.json").write_text(
        json.dumps(
            [{"text": "one.txt", "day": "2025-05-29", "title": "One", "speaker": "tokayev", "topics": ["climate"]}]
        )
    )
    result = CliRunner().invoke(
        main,
        [
            "import",
            "corpus",
            str(tmp_path / "texts"),
            "--metadata",
            str(tmp_path / "meta.json"),
            "--map",
            "file=text",
            "--map",
            "date=day",
            "--root",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "speeches/2025/one.md").read_text() == (
        "---\ntitle: One\ndate: 2025-05-29\nspeaker: tokayev\ntopics:\n- climate\n---\n\nWe meet.\n\n[Applause]\n"
    )


def test_unknown_map_field_is_an_error(tmp_path):
    ArchiveDir(tmp_path)
    (tmp_path / "texts").mkdir()
    (tmp_path / "m.csv").write_text("file,date,title\n")
    result = CliRunner().invoke(
        main,
        [
            "import",
            "corpus",
            str(tmp_path / "texts"),
            "--metadata",
            str(tmp_path / "m.csv"),
            "--map",
            "dat=day",
            "--root",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1
    assert "--map:1:1: error: `dat=day` is not FIELD=COLUMN with a known field" in result.stderr


# -- a generated corpus of a few hundred texts -------------------------------------------------------------------

VOCABULARY = (
    "peace dialogue reform économie security cooperation région climate Kazakhstan’s budget "
    "parliament “quoted” 2024 13.5% non-proliferation"
).split()
NAMES = ["Aliya Bekova", "Jean Dupont", "Ayşe Yılmaz", "Иван Петров", "Paul Kagame", "Kassym-Jomart Tokayev"]


def generated_corpus(root: Path, count: int, seed: int = 7) -> dict[str, str]:
    rng = random.Random(seed)
    texts, rows = {}, []
    for number in range(count):
        paragraphs = []
        for _ in range(rng.randint(2, 12)):
            sentence = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(3, 40))).capitalize() + "."
            roll = rng.random()
            if roll < 0.15:
                sentence = "Q: " + sentence
            elif roll < 0.3:
                sentence = "The President. " + sentence
            elif roll < 0.35:
                sentence = rng.choice(
                    [
                        "(Applause)",
                        "[Laughter]",
                        "# 1 " + sentence,
                        "- " + sentence,
                        "2. " + sentence,
                        "<i>" + sentence,
                        sentence + " [Applause]",
                    ]
                )
            paragraphs.append(sentence)
        name = f"text-{number:04d}.txt"
        texts[name] = ("\n\n" if rng.random() < 0.7 else "\n").join(paragraphs) + "\n"
        rows.append(
            {
                "filename": name,
                "delivered_on": f"{rng.randint(1995, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "title": f"Transcript {number}",
                "who": rng.choice(NAMES),
                "url": f"https://example.org/{number}",
            }
        )
    write_corpus(root, texts, rows)
    return texts


@pytest.mark.slow
def test_a_generated_corpus_imports_builds_and_loses_no_word(tmp_path):
    archive = ArchiveDir(tmp_path)
    texts = generated_corpus(tmp_path, 300)
    result = run_import(tmp_path, "--verbose")
    assert result.exit_code == 0, result.output[-2000:]
    assert result.stdout.splitlines()[-1].startswith("imported 300 transcripts: 300 written, 0 unchanged, 0 kept")
    written = {p.stem: p.read_text() for p in (tmp_path / "speeches").rglob("*.md")}
    assert len(written) == 300
    # Every word of every text is in its transcript, or is a speaker label the import listed (--verbose).
    labels = words(result.stdout)
    for name, text in texts.items():
        missing = words(text) - words(written[Path(name).stem])
        assert not missing or not (missing - labels), (name, missing)
        assert set(missing) <= {"Q", "The", "President"}, (name, missing)
    loaded = features.load(tmp_path)
    assert [p.format() for p in loaded.problems] == []
    assert run_import(tmp_path).stdout.splitlines()[-1].startswith("imported 300 transcripts: 0 written, 300 unchanged")
    build = archive.build("mkdocs", "--strict")
    assert build.returncode == 0, build.stderr[-3000:]
    assert len(list((tmp_path / "site" / "speeches").glob("text-*/index.html"))) == 300
    assert "Transcript 0" in archive.html("speeches/text-0000/index.html")


# -- a table like a real public corpus's: file id without extension, year, date, person id and name, party, ------
# -- spoken or written; imported with a mapping file and options only ---------------------------------------------

ADDRESSES = """\
columns:
  file: "{fileid}.txt"
  title: "Annual address, {year}"
  speaker: person_id
  speaker_name: person
  delivered: mode
  event: "annual-address-{year}"
set:
  source_publisher: The Parliament
values:
  delivered: {spoken: as delivered, written: written}
events:
  name: "Annual address {year}"
  parent: annual-address
  parent_name: Annual address
"""
ADDRESS_ROWS = [
    {"fileid": "1990-smith", "year": "1990", "date": "1990-01-25", "person_id": "smith-j", "person": "John Smith",
     "party": "Blue", "mode": "spoken"},
    {"fileid": "1990-smith-b", "year": "1990", "date": "1990-01-26", "person_id": "smith-j", "person": "John Smith",
     "party": "Blue", "mode": "written"},
    {"fileid": "1991-jones", "year": "1991", "date": "1991-02-01", "person_id": "jones-m", "person": "Mary Jones",
     "party": "Red", "mode": "spoken"},
]  # fmt: skip


def write_addresses(root: Path, rows=ADDRESS_ROWS, mapping: str = ADDRESSES) -> None:
    texts = {f"{row['fileid']}.txt": f"Text of {row['fileid']} by *{row['person']}*.\n" for row in rows}
    write_corpus(root, texts, rows, mapping)


def test_a_table_is_imported_with_templates_constants_values_events_and_speakers(tmp_path):
    ArchiveDir(tmp_path)
    write_addresses(tmp_path)
    result = run_import(tmp_path, "--set", "kind=address")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "speeches/1990/1990-smith-b.md").read_text() == (
        "---\ntitle: Annual address, 1990\ndate: 1990-01-26\nspeaker: smith-j\nevent: annual-address-1990\n"
        "kind: address\ndelivered: written\nsource:\n  publisher: The Parliament\n---\n\n"
        "Text of 1990-smith-b by \\*John Smith\\*.\n"
    )
    events = (tmp_path / "speeches/events.yml").read_text()
    assert events.endswith(
        "annual-address:\n  name: Annual address\n"
        "annual-address-1990:\n  name: Annual address 1990\n  parent: annual-address\n  from: 1990-01-25\n"
        "  to: 1990-01-26\n"
        "annual-address-1991:\n  name: Annual address 1991\n  parent: annual-address\n  from: 1991-02-01\n"
    )
    speakers = (tmp_path / "speeches/speakers.yml").read_text()
    assert speakers.endswith("smith-j:\n  name: John Smith\njones-m:\n  name: Mary Jones\n")
    assert result.stdout.splitlines()[-3:] == [
        "added to speakers.yml: smith-j, jones-m",
        "added to events.yml: annual-address, annual-address-1990, annual-address-1991",
        "imported 3 transcripts: 3 written, 0 unchanged, 0 kept (edited since the last import); 2 speakers added; "
        "3 events added; 0 speaker labels made turns; 0 rows with errors",
    ]
    loaded = features.load(tmp_path)
    assert [p.format() for p in loaded.problems] == []
    again = run_import(tmp_path, "--set", "kind=address")
    assert again.stdout.splitlines()[-1].startswith("imported 3 transcripts: 0 written, 3 unchanged")
    assert (tmp_path / "speeches/events.yml").read_text() == events


def test_one_id_for_two_people_is_an_error_naming_both_rows(tmp_path):
    ArchiveDir(tmp_path)
    rows = [dict(ADDRESS_ROWS[0]), dict(ADDRESS_ROWS[2], person_id="smith-j", person="Jane Smith")]
    write_addresses(tmp_path, rows)
    result = run_import(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "metadata.csv:3:1: error: speaker id `smith-j` is `Jane Smith` here but `John Smith` in the row at line 2",
        "  hint: one id is one person: give each person their own id (the name is not merged)",
    ]
    assert "Jane" not in (tmp_path / "speeches/speakers.yml").read_text()


def test_people_sharing_a_surname_stay_apart_when_ids_come_from_names(tmp_path):
    ArchiveDir(tmp_path)
    rows = [dict(ADDRESS_ROWS[0]), dict(ADDRESS_ROWS[2], person="Jane Smith")]
    write_addresses(tmp_path, rows, ADDRESSES.replace("  speaker: person_id\n", ""))
    assert run_import(tmp_path).exit_code == 0
    assert (
        (tmp_path / "speeches/speakers.yml")
        .read_text()
        .endswith("john-smith:\n  name: John Smith\njane-smith:\n  name: Jane Smith\n")
    )


def test_a_missing_column_is_reported_once_before_any_row(tmp_path):
    ArchiveDir(tmp_path)
    write_addresses(tmp_path, mapping=ADDRESSES.replace('"{fileid}.txt"', "filename"))
    result = run_import(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "metadata.csv:1:1: error: the table has no column `filename` (mapped by `columns: file`)",
        "  hint: the table's columns are: fileid, year, date, person_id, person, party, mode",
        "1 error, 0 warnings",
    ]
    assert not (tmp_path / "speeches/1990").exists()


def test_an_error_on_many_rows_is_reported_once_with_the_rows(tmp_path):
    ArchiveDir(tmp_path)
    write_addresses(tmp_path, [dict(row, mode="oral") for row in ADDRESS_ROWS])
    result = run_import(tmp_path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("metadata.csv:2:1: error: `delivered`: ")
    assert lines[0].endswith(" (on 3 rows: lines 2, 3, 4)")
    assert lines[1:] == ["  hint: fix the table's column for `delivered`", "1 error, 0 warnings"]
    assert result.stdout.splitlines()[-1].endswith("; 3 rows with errors")


def test_dry_run_shows_what_would_be_written_and_writes_nothing(tmp_path):
    ArchiveDir(tmp_path)
    write_addresses(tmp_path)
    before = {p: p.read_bytes() for p in (tmp_path / "speeches").rglob("*")}
    result = run_import(tmp_path, "--dry-run")
    assert result.exit_code == 0, result.output
    assert {p: p.read_bytes() for p in (tmp_path / "speeches").rglob("*")} == before
    assert result.stdout.splitlines() == [
        "  would write speeches/1990/1990-smith.md",
        "  would write speeches/1990/1990-smith-b.md",
        "  would write speeches/1991/1991-jones.md",
        "would add to speakers.yml: smith-j, jones-m",
        "would add to events.yml: annual-address, annual-address-1990, annual-address-1991",
        "dry run, nothing written: imported 3 transcripts: 3 would be written, 0 unchanged, 0 kept (edited since "
        "the last import); 2 speakers would be added; 3 events would be added; 0 speaker labels made turns; "
        "0 rows with errors",
    ]


def test_set_needs_a_known_field(tmp_path):
    ArchiveDir(tmp_path)
    write_addresses(tmp_path)
    result = run_import(tmp_path, "--set", "knd=address")
    assert result.exit_code == 1
    assert "--set:1:1: error: `knd=address` is not FIELD=VALUE with a known field" in result.stderr


def test_a_label_in_brackets_becomes_a_crowd_voice_not_a_registry_speaker(tmp_path):
    archive = ArchiveDir(tmp_path)
    mapping = MAPPING.replace(
        '  "Q:": journalist\n', '  "Q:": journalist\n  "Audience members.": "[Audience members]"\n'
    )
    text = "The President. We will win.\n\nAudience members. Hear, hear!\n\nThe President. Thank you.\n"
    row = {"filename": "rally.txt", "delivered_on": "2024-05-01", "title": "Rally", "who": "Paul Kagame", "url": ""}
    write_corpus(tmp_path, {"rally.txt": text}, [row], mapping)
    result = run_import(tmp_path, "--verbose")
    assert result.exit_code == 0, result.output
    assert (
        (tmp_path / "speeches/2024/rally.md")
        .read_text()
        .endswith(
            "\nspeaker: kagame\n---\n\n@kagame: We will win.\n\n"
            "@[Audience members]: Hear, hear!\n\n@kagame: Thank you.\n"
        )
    )
    assert "Audience" not in (tmp_path / "speeches/speakers.yml").read_text()
    assert "rally.txt: paragraph 2: `Audience members.` -> @[Audience members]:" in result.output
    loaded = features.load(archive.root)
    assert loaded.ok, loaded.problems


def test_names_in_other_scripts_become_ids_spelled_in_latin_letters(tmp_path):
    """A Russian or Chinese corpus: the new speakers' ids and the transcripts' file names are their names spelled in
    Latin letters (`kasym-zhomart-tokaev`), not `speaker`, `speaker-2`..., and not an error for an empty id."""
    ArchiveDir(tmp_path)
    write_corpus(
        tmp_path,
        {"Выступление на форуме.txt": "Добрый день.\n", "联合国讲话.txt": "各位朋友，欢迎。\n"},
        [
            {
                "filename": "Выступление на форуме.txt",
                "delivered_on": "2024-03-01",
                "title": "Выступление",
                "who": "Касым-Жомарт Токаев",
                "url": "",
            },
            {"filename": "联合国讲话.txt", "delivered_on": "2024-09-24", "title": "讲话", "who": "王毅", "url": ""},
        ],
    )
    result = run_import(tmp_path)
    assert result.exit_code == 0, result.output
    assert (
        (tmp_path / "speeches/2024/vystuplenie-na-forume.md")
        .read_text(encoding="utf-8")
        .startswith("---\ntitle: Выступление\ndate: 2024-03-01\nspeaker: kasym-zhomart-tokaev\n")
    )
    assert (tmp_path / "speeches/2024/lian-he-guo-jiang-hua.md").is_file()
    registry = (tmp_path / "speeches/speakers.yml").read_text(encoding="utf-8")
    assert registry.endswith("kasym-zhomart-tokaev:\n  name: Касым-Жомарт Токаев\nwang-yi:\n  name: 王毅\n")
