"""Bulk import: a folder of plain-text transcripts and a CSV or JSON table that describes them.

The mapping says which column holds which field; a column named like the field needs no mapping. As a
YAML or JSON file (`--mapping corpus.yml`):

    columns:                 # field: column in the table
      file: filename         # the text's file name, relative to the corpus folder (required)
      date: delivered_on     # YYYY-MM-DD (required)
      title: title           # (required)
      speaker_name: speaker  # a name: found in speakers.yml by name or alias, or added to it
      source_url: url
    labels:                  # a paragraph that starts with a label becomes a turn of that speaker
      "The President.": "{speaker}"   # {speaker} is the row's speaker
      "Q:": journalist
    speakers:                # entries added to speakers.yml if missing (for label speakers)
      journalist: {name: Journalists}
    topic_separator: ";"

Paragraphs are separated by blank lines (or, in a file without any, by line breaks); a paragraph that is
only `[Applause]` or `(Laughter)` becomes narrative, and a stage direction at the end of a paragraph is
split off into its own. Re-running the import writes nothing that is already there: an identical
transcript is "unchanged", one edited since the last import is kept unless `--force`, and a speaker is
added once. Nothing here imports MkDocs.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from podium.core import registry as registries
from podium.core.model import _ID, SpeechMeta
from podium.core.problems import Problems
from podium.core.registry import Registry
from podium.core.text import slug
from podium.core.validation import error_message
from podium.editors.draft import Draft, append_entry, escape

FIELDS = {
    "file": "the text's file name, relative to the corpus folder (required)",
    "id": "the transcript's id and file name (default: the text file's name as an id)",
    "title": "the speech's title (required)",
    "date": "the day it was given, YYYY-MM-DD (required)",
    "speaker": "the speaker's id in speakers.yml",
    "speaker_name": "the speaker's name, found in speakers.yml by name or alias, or added to it",
    "event": "the event's id in events.yml",
    "session": "the session within the event",
    "location": "where it was given",
    "language": "BCP 47 language tag (default en)",
    "kind": "speech, statement, address, remarks, ...",
    "summary": "one or two sentences",
    "topics": "topic ids from topics.yml, separated by `topic_separator` (default `;`)",
    "source_url": "address of the original",
    "source_publisher": "who published the original",
    "source_title": "the original's own title",
}
_STAGE = re.compile(r"^[\[(]([^\[\]()]+)[\])]$")
_TRAILING_STAGE = re.compile(r"^(.*\S)\s+\[([^\[\]]+)\]$")


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=lambda: {name: name for name in FIELDS})
    labels: dict[str, str] = field(default_factory=dict)
    speakers: dict[str, dict[str, Any]] = field(default_factory=dict)
    topic_separator: str = ";"

    @classmethod
    def load(cls, file: Path | None, overrides: Iterable[str], problems: Problems) -> Mapping:
        mapping = cls()
        if file is not None:
            text = file.read_text(encoding="utf-8")
            data = json.loads(text) if file.suffix == ".json" else yaml.safe_load(text)
            data = data or {}
            for key in data:
                if key not in ("columns", "labels", "speakers", "topic_separator"):
                    problems.add(
                        str(file),
                        1,
                        1,
                        f"unknown mapping key `{key}`",
                        "the keys are columns, labels, speakers and topic_separator",
                    )
            for name, column in (data.get("columns") or {}).items():
                if name not in FIELDS:
                    problems.add(
                        str(file),
                        1,
                        1,
                        f"unknown field `{name}` in the mapping's columns",
                        "the fields are: " + ", ".join(FIELDS),
                    )
                mapping.columns[name] = str(column)
            mapping.labels = {str(k): str(v) for k, v in (data.get("labels") or {}).items()}
            mapping.speakers = dict(data.get("speakers") or {})
            mapping.topic_separator = str(data.get("topic_separator", ";"))
        for item in overrides:
            name, _, column = item.partition("=")
            if name not in FIELDS or not column:
                problems.add(
                    "--map",
                    1,
                    1,
                    f"`{item}` is not FIELD=COLUMN with a known field",
                    "the fields are: " + ", ".join(FIELDS),
                )
                continue
            mapping.columns[name] = column
        return mapping


def read_table(file: Path) -> list[tuple[int, dict[str, str]]]:
    """(line or entry number, row) for each row of a CSV file or a JSON list of objects."""
    if file.suffix.lower() == ".json":
        data = json.loads(file.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), [])
        return [
            (
                index + 1,
                {
                    str(k): "" if v is None else (";".join(map(str, v)) if isinstance(v, list) else str(v))
                    for k, v in row.items()
                },
            )
            for index, row in enumerate(data)
            if isinstance(row, dict)
        ]
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}) for row in reader]


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs (inner line breaks become spaces), or one per line without any."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if re.search(r"\n[ \t]*\n", text):
        blocks = re.split(r"\n[ \t]*\n", text)
        return [" ".join(block.split()) for block in blocks if block.strip()]
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


@dataclass
class Converted:
    paragraphs: list[str]
    speakers: list[str]  # in order of appearance
    labels: list[tuple[int, str, str]] = field(default_factory=list)  # (paragraph number, label, speaker)


def convert(text: str, speaker: str, labels: dict[str, str]) -> Converted:
    """Plain text -> transcript paragraphs with `@id:` turns and `[...]` narrative."""
    ordered = sorted(labels.items(), key=lambda item: -len(item[0]))
    result = Converted([], [speaker])
    current: str | None = None
    pieces = paragraphs(text)
    uses_labels = any(p.startswith(label) for p in pieces for label, _ in ordered)
    for number, paragraph in enumerate(pieces, start=1):
        stage = _STAGE.match(paragraph)
        if stage:
            result.paragraphs.append(f"[{stage.group(1).strip()}]")
            continue
        trailing = None
        if match := _TRAILING_STAGE.match(paragraph):
            paragraph, trailing = match.group(1), match.group(2)
        who = None
        for label, target in ordered:
            if (
                paragraph == label
                or paragraph.startswith(label + " ")
                or (label.endswith((":", ".")) and paragraph.startswith(label))
            ):
                who = target.replace("{speaker}", speaker)
                result.labels.append((number, label, who))
                paragraph = paragraph[len(label) :].strip()
                break
        if uses_labels and who is None and current is None:
            who = speaker
        if who is not None and who != current:
            if who not in result.speakers:
                result.speakers.append(who)
            current = who
            line = f"@{who}: {escape(paragraph)}" if paragraph else f"@{who}:"
        else:
            line = escape(paragraph)
        if paragraph or who is not None:
            result.paragraphs.append(line)
        if trailing:
            result.paragraphs.append(f"[{trailing.strip()}]")
    if not uses_labels:
        result.speakers = [speaker]
    return result


@dataclass
class Summary:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    speakers_added: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # "file:paragraph: `Label` -> @id:"

    def line(self, problems: Problems) -> str:
        errors = len(problems.errors)
        return (
            f"imported {len(self.written) + len(self.unchanged) + len(self.kept)} transcripts: "
            f"{len(self.written)} written, {len(self.unchanged)} unchanged, {len(self.kept)} kept "
            f"(edited since the last import); {len(self.speakers_added)} speakers added; "
            f"{len(self.labels)} speaker labels made turns; {errors} row{'s' if errors != 1 else ''} "
            f"with errors"
        )


class SpeakerIndex:
    """Find a speaker by id, name or alias; add a missing one to speakers.yml, once."""

    def __init__(self, registry: Registry, file: Path):
        self.file = file
        self.ids = set(registry.speakers.entries)
        self.by_name: dict[str, str] = {}
        for ident, speaker in registry.speakers.entries.items():
            for name in (speaker.name, *speaker.aliases):
                self.by_name.setdefault(name.casefold(), ident)

    def find_or_add(self, name: str, summary: Summary) -> str:
        if (found := self.by_name.get(name.casefold())) is not None:
            return found
        base = slug(name, 60).strip("-") or "speaker"
        ident, number = base, 2
        while ident in self.ids:
            ident, number = f"{base}-{number}", number + 1
        self.add(ident, {"name": name}, summary)
        return ident

    def add(self, ident: str, entry: dict[str, Any], summary: Summary) -> None:
        append_entry(self.file, ident, entry)
        self.ids.add(ident)
        if entry.get("name"):
            self.by_name.setdefault(str(entry["name"]).casefold(), ident)
        summary.speakers_added.append(ident)


def import_corpus(
    folder: Path,
    table: Path,
    mapping: Mapping,
    speeches: Path,
    registry: Registry,
    problems: Problems,
    force: bool = False,
    progress=None,
) -> Summary:
    """Write one transcript per row under `speeches/<year>/<id>.md`; report bad rows as problems."""
    summary = Summary()
    speakers = SpeakerIndex(registry, speeches / registries.FILES["speakers"])
    for ident, entry in mapping.speakers.items():
        if ident not in speakers.ids:
            speakers.add(ident, dict(entry or {}), summary)
    rows = read_table(table)
    column = mapping.columns
    where = table.name
    seen_ids: dict[str, int] = {}
    for line, row in progress(rows) if progress else rows:

        def get(name: str, row: dict[str, str] = row) -> str:
            return (row.get(column.get(name, name)) or "").strip()

        def fail(message: str, hint: str = "", line: int = line) -> None:
            problems.add(where, line, 1, message, hint)

        name = get("file")
        if not name:
            fail(
                f"no file name in column `{column['file']}`",
                "map the column that names the text file: --map file=COLUMN",
            )
            continue
        source_file = folder / name
        if not source_file.is_file():
            fail(f"text file `{name}` is not in {folder.name}/", "check the file name in the table")
            continue
        ident = get("id") or slug(Path(name).stem, 60).strip("-")
        if not _ID.match(ident):
            fail(f"`{ident}` is not a valid transcript id", "use lowercase letters, digits and hyphens")
            continue
        if ident in seen_ids:
            fail(f"id `{ident}` is used by the row at line {seen_ids[ident]} too", "give each row its own id")
            continue
        seen_ids[ident] = line
        speaker = get("speaker")
        if speaker and speaker not in speakers.ids:
            fail(
                f"unknown speaker `{speaker}` in column `{column['speaker']}`",
                "map the name column with speaker_name instead, so that missing speakers are added",
            )
            continue
        if not speaker:
            if not get("speaker_name"):
                fail(
                    "no speaker: the row has neither a speaker id nor a speaker name",
                    "map a column with --map speaker=COLUMN or --map speaker_name=COLUMN",
                )
                continue
            speaker = speakers.find_or_add(get("speaker_name"), summary)
        for named in set(mapping.labels.values()) - {"{speaker}"}:
            if named not in speakers.ids:
                speakers.add(named, {"name": named.replace("-", " ").title()}, summary)
        converted = convert(source_file.read_text(encoding="utf-8-sig"), speaker, mapping.labels)
        for number, label, who in converted.labels:
            summary.labels.append(f"{name}: paragraph {number}: `{label}` -> @{who}:")
        topics = [t.strip() for t in get("topics").split(mapping.topic_separator) if t.strip()]
        meta: dict[str, Any] = {
            "title": get("title"),
            "date": get("date"),
            "event": get("event") or None,
            "session": get("session") or None,
            "location": get("location") or None,
            "language": get("language") or None,
            "kind": get("kind") or None,
            "summary": get("summary") or None,
            "topics": topics,
            "source": {
                k: v
                for k, v in (
                    ("url", get("source_url")),
                    ("publisher", get("source_publisher")),
                    ("title", get("source_title")),
                )
                if v
            }
            or None,
        }
        if len(converted.speakers) == 1:
            meta["speaker"] = converted.speakers[0]
        else:
            meta["speakers"] = converted.speakers
        try:
            checked = SpeechMeta.model_validate({k: v for k, v in meta.items() if v not in (None, [], "")})
        except ValidationError as exc:
            for error in exc.errors():
                field_name = ".".join(str(p) for p in error["loc"])
                if error["type"] == "missing":
                    fail(
                        f"no `{field_name}`: the column `{column.get(field_name, field_name)}` is empty or absent",
                        f"fill it in, or map another column with --map {field_name}=COLUMN",
                    )
                    continue
                fail(f"`{field_name}`: {error_message(error)}", f"fix the table's column for `{field_name}`")
            continue
        if checked.event and checked.event not in registry.events:
            fail(f"unknown event `{checked.event}`", "add it to events.yml first, or leave the column empty")
            continue
        unknown = [t for t in topics if t not in registry.topics]
        if unknown:
            fail(f"unknown topic `{unknown[0]}`", "add it to topics.yml first, or leave it out")
            continue
        meta["date"] = checked.date
        text = Draft(meta, converted.paragraphs).text()
        target = speeches / str(checked.date.year) / f"{ident}.md"
        shown = f"{target.parent.name}/{target.name}"
        if target.is_file():
            if target.read_text(encoding="utf-8") == text:
                summary.unchanged.append(shown)
                continue
            if not force:
                summary.kept.append(shown)
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        summary.written.append(shown)
    return summary
