"""Bulk import: plain-text transcripts and a table that describes them, one row per text.

The texts are files in a folder (`file`), or the table holds them, one column with each row's whole text
(`text`), as research corpora are often shared. The table is CSV, TSV, JSON or JSON Lines (`table.py`).

Each front-matter field comes from a column of the table, a template over columns, or a constant. A column
named like the field needs no mapping. As a YAML or JSON file (`--mapping corpus.yml`):

    columns:                    # field: column, or a template over columns
      file: "{fileid}.txt"      # the text's file name, relative to the corpus folder (or `text: COLUMN`)
      date: date                # YYYY-MM-DD, YYYY-MM or YYYY, or as date_form says (required)
      title: "Annual address, {year}"
      speaker: person_id        # an id column and a name column: a missing speaker is added
      speaker_name: person_name
      delivered: mode           # translated below
      event: "address-{year}"   # an edition per year, created from `events:`
    set:                        # constants (also `--set FIELD=VALUE`)
      kind: address
      source_publisher: The Office of the President
    values:                     # what a column's values mean, field by field
      delivered: {spoken: as delivered, written: written}
    date_form: DD/MM/YYYY       # how the table writes its dates (also --date-form; core.dates.form_reader)
    events:                     # how to create the events the rows name that events.yml lacks
      name: "Annual address {year}"    # a template over the row's columns
      parent: annual-address           # the series, added if missing
      parent_name: Annual address
    labels:                     # a paragraph that starts with a label becomes a turn of that speaker
      "The President.": "{speaker}"    # {speaker} is the row's speaker
      "Q:": journalist
      "Audience members.": "[Audience members]"  # in brackets: a crowd's voice, `@[...]:`, no registry entry
    speakers:                   # entries added to speakers.yml if missing (for label speakers)
      journalist: {name: Journalists}
    topic_separator: ";"        # between the ids of `topics` and `speakers`

An event created from the rows spans their dates (`from` the first, `to` the last). Speakers are never merged
by a shared surname: one id given two different names, in two rows or in a row and speakers.yml, is an error
naming both. A mistake of the mapping (a column the table lacks) is reported once, before any row; an error
that repeats on many rows is reported once, with the number of rows and their lines.

Paragraphs are separated by blank lines (or, in a file without any, by line breaks); a paragraph that is
only `[Applause]` or `(Laughter)` becomes narrative, and a stage direction at the end of a paragraph is
split off into its own. Everything else is plain text: what Markdown would read as markup is escaped, so the
page shows the source's characters. Re-running the import writes nothing that is already there: an identical
transcript is "unchanged", one edited since the last import is kept unless `--force`, and a speaker or an
event is added once. With `dry_run` nothing is written at all. Texts and the table are read whole in the
encoding given (UTF-8 by default, `podium.editors.source`) or reported where they break, never with a letter
replaced. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from podium.core import dates
from podium.core import registry as registries
from podium.core.frontmatter import parse_yaml
from podium.core.model import _ID, Media, Source, SpeechMeta
from podium.core.problems import Problems
from podium.core.registry import Registry
from podium.core.text import new_id, one_line
from podium.core.validation import error_message
from podium.editors import source, webpage, wordfile
from podium.editors import table as tables
from podium.editors.draft import Draft, append_entry, escape, narrative
from podium.editors.table import Row, kind

FIELDS = {
    "file": "the text's file name, relative to the corpus folder, e.g. `{fileid}.txt` (this or `text`)",
    "text": "the column that holds the whole text, for a table with the texts in it (this or `file`)",
    "id": "the transcript's id and file name (default: the text file's name, or the title, as an id)",
    "title": "the speech's title (required)",
    "date": "the day it was given, YYYY-MM-DD (required)",
    "speaker": "the speaker's id; with speaker_name, a missing speaker is added under it",
    "speaker_name": "the speaker's name, found in speakers.yml by name or alias, or added to it",
    "speakers": "more speakers' ids, separated by `topic_separator`",
    "event": "the event's id in events.yml (or created with the mapping's `events:`)",
    "session": "the session within the event",
    "location": "where it was given",
    "language": "BCP 47 language tag (default en)",
    "kind": "speech, statement, address, remarks, ...",
    "delivered": "as delivered, as prepared, translation, or written",
    "translation_of": "the id of the transcript this one translates",
    "official_translation": "true or false, with translation_of",
    "summary": "one or two sentences",
    "topics": "topic ids from topics.yml, separated by `topic_separator` (default `;`)",
    **{f"source_{name}": f"source: {info.description or name}" for name, info in Source.model_fields.items()},
    **{f"media_{name}": f"media: {info.description or name}" for name, info in Media.model_fields.items()},
}
REQUIRED = {"title": "holds the title", "date": "holds the date"}
TEXT = ("file", "text")  # where the text comes from: one of them
_KEYS = ("columns", "set", "values", "date_form", "events", "labels", "speakers", "topic_separator")
DATE_FIELDS = ("date", "source_date", "source_retrieved")
_EVENT_KEYS = ("name", "parent", "parent_name", "location")
_MAPPING_HINT = "write it as the editors' guide shows (Bulk import of a corpus): `columns:`, `set:`, `values:`..."
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_STAGE = re.compile(r"^[\[(]([^\[\]()]+)[\])]$")
_TRAILING_STAGE = re.compile(r"^(.*\S)\s+\[([^\[\]]+)\]$")


def placeholders(template: str) -> list[str]:
    """The columns a template names: `placeholders("{fileid}.txt") == ["fileid"]`."""
    return _PLACEHOLDER.findall(template)


def fill(template: str, row: Row, separator: str = "; ") -> str:
    """The template with each `{column}` replaced by the row's value (a list's items joined by `separator`).

    >>> fill("Annual address, {year}", {"year": "1994"})
    'Annual address, 1994'
    >>> fill("{topics}", {"topics": ["trade", "climate"]}, ";")
    'trade;climate'
    """

    def value(match: re.Match[str]) -> str:
        cell = row.get(match.group(1)) or ""
        return separator.join(cell).strip() if isinstance(cell, list) else cell.strip()

    return _PLACEHOLDER.sub(value, template)


@dataclass
class Mapping:
    """Where each field's value comes from: `set` (a constant or template), else `columns` (a column or a
    template, a `{` says which), else the column named like the field."""

    columns: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    events: dict[str, str] | None = None
    labels: dict[str, str] = field(default_factory=dict)
    speakers: dict[str, dict[str, Any]] = field(default_factory=dict)
    topic_separator: str = ";"
    date_form: str | None = None
    """How the table writes its dates (`DD/MM/YYYY`, core.dates.form_reader); None: as Podium does."""
    origin: dict[str, str] = field(default_factory=dict)  # field -> where it was mapped, for errors
    _read_date: Callable[[str], str | None] | None = field(default=None, repr=False)
    _date_form_at: tuple[str, int, int] = field(default=("--date-form", 1, 1), repr=False)
    _month_language: str | None = field(default=None, repr=False)  # theme.language: its month names are read too

    @classmethod
    def load(
        cls,
        file: Path | None,
        overrides: Iterable[str],
        problems: Problems,
        constants: Iterable[str] = (),
        date_form: str | None = None,
        language: str | None = None,
    ) -> Mapping:
        mapping = cls()
        if file is not None:
            mapping._load(file, problems)
        if date_form is not None:  # the option wins over the file, as --map and --set do
            mapping.date_form, mapping._date_form_at = date_form, ("--date-form", 1, 1)
        if mapping.date_form is not None:
            try:
                mapping._read_date = dates.form_reader(mapping.date_form, language)
                mapping._month_language = language
            except ValueError as error:
                hint = "e.g. DD/MM/YYYY, M/D/YYYY, D MMMM YYYY or YYYY (YYYY, MM or M, DD or D, MMMM or MMM)"
                problems.add(*mapping._date_form_at, str(error), hint)
        for option, items, target in (("--map", overrides, mapping.columns), ("--set", constants, mapping.constants)):
            for item in items:
                name, _, value = item.partition("=")
                if name not in FIELDS or not value:
                    what = "COLUMN" if option == "--map" else "VALUE"
                    problems.add(
                        option,
                        1,
                        1,
                        f"`{item}` is not FIELD={what} with a known field",
                        "the fields are: " + ", ".join(FIELDS),
                    )
                    continue
                target[name] = value
                mapping.origin[name] = f"{option} {name}={value}"
        return mapping

    def _load(self, file: Path, problems: Problems) -> None:
        """Read the mapping file; a syntax error or a wrong shape is a problem at its line, never a traceback."""
        where = str(file)
        text = source.read(file, where, problems)
        if text is None:
            return
        positions: dict[tuple[Any, ...], tuple[int, int]] = {}
        if file.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                problems.add(where, exc.lineno, exc.colno, f"the mapping is not valid JSON: {exc.msg}", _MAPPING_HINT)
                return
        else:
            document = parse_yaml(text, where, problems)
            if document is None:
                return
            data, positions = document.data, {**document.value_at, **document.key_at}
        self._read(data or {}, where, problems, positions)

    def _read(
        self, data: Any, where: str, problems: Problems, positions: dict[tuple[Any, ...], tuple[int, int]]
    ) -> None:
        def bad(message: str, hint: str, at: tuple[Any, ...] = ()) -> None:
            # The nearest position known: a key's own, else its section's (a JSON mapping has none: line 1).
            while at and at not in positions:
                at = at[:-1]
            problems.add(where, *positions.get(at, (1, 1)), message, hint)

        def section(key: str, example: str) -> dict[Any, Any]:
            value = data.get(key)
            if value is None:
                return {}
            if not isinstance(value, dict):
                bad(f"the mapping's `{key}:` must be a mapping, not {kind(value)}", f"e.g. {example}", (key,))
                return {}
            return value

        def scalar(value: Any, at: tuple[Any, ...], example: str) -> str | None:
            if isinstance(value, (dict, list)) or value is None:
                shown = ": ".join(str(part) for part in at)
                bad(f"`{shown}` must be one value, not {kind(value)}", f"e.g. {example}", at)
                return None
            return str(value)

        if not isinstance(data, dict):
            bad(f"the mapping must be a mapping of {', '.join(_KEYS)}, not {kind(data)}", _MAPPING_HINT)
            return
        for key in data:
            if key not in _KEYS:
                bad(f"unknown mapping key `{key}`", "the keys are " + ", ".join(_KEYS), (key,))
        for name, target in (("columns", self.columns), ("set", self.constants)):
            example = "columns: {date: delivered_on}" if name == "columns" else "set: {kind: address}"
            for field_name, value in section(name, example).items():
                if field_name not in FIELDS:
                    bad(
                        f"unknown field `{field_name}` in the mapping's {name}",
                        "the fields are: " + ", ".join(FIELDS),
                        (name, field_name),
                    )
                    continue
                if (text := scalar(value, (name, field_name), example)) is not None:
                    target[field_name] = text
                    self.origin[field_name] = f"{name}: {field_name}"
        for name, table in section("values", "values: {delivered: {spoken: as delivered}}").items():
            if name not in FIELDS or not isinstance(table, dict):
                bad(
                    f"`values: {name}` must name a field and map values, e.g. `{{spoken: as delivered}}`",
                    "",
                    ("values", name),
                )
                continue
            self.values[name] = {str(k): str(v) for k, v in table.items()}
        if (events := data.get("events")) is not None:
            if not isinstance(events, dict) or "name" not in events or set(events) - set(_EVENT_KEYS):
                bad(
                    "the mapping's `events:` needs a `name` template, and may give parent, parent_name, location",
                    'e.g. events: {name: "Annual address {year}", parent: annual-address}',
                    ("events",),
                )
            else:
                self.events = {str(k): str(v) for k, v in events.items()}
        for label, who in section("labels", 'labels: {"Q:": journalist}').items():
            if (text := scalar(who, ("labels", label), 'labels: {"Q:": journalist}')) is not None:
                self.labels[str(label)] = text
        for ident, entry in section("speakers", "speakers: {journalist: {name: Journalists}}").items():
            if entry is not None and not isinstance(entry, dict):
                bad(
                    f"`speakers: {ident}` must be a speaker's entry, not {kind(entry)}",
                    "e.g. speakers: {journalist: {name: Journalists}}",
                    ("speakers", ident),
                )
                continue
            self.speakers[str(ident)] = entry or {}
        separator = scalar(data.get("topic_separator", ";"), ("topic_separator",), 'topic_separator: ";"')
        self.topic_separator = separator or ";"
        if "date_form" in data and (form := scalar(data["date_form"], ("date_form",), "date_form: DD/MM/YYYY")):
            self.date_form = form
            self._date_form_at = (where, *positions.get(("date_form",), (1, 1)))

    def source(self, name: str, header: set[str]) -> str | None:
        """The template (a column is `{column}`) a field's value comes from, or None if nothing maps it."""
        if name in self.constants:
            return self.constants[name]
        if name in self.columns:
            given = self.columns[name]
            return given if placeholders(given) else "{" + given + "}"
        return "{" + name + "}" if name in header else None

    def _text_fields(self, header: set[str]) -> tuple[list[str], bool]:
        """Which of `file` and `text` give the text: those the mapping names, else the table's columns named
        so; and whether the mapping named them."""
        given = [name for name in TEXT if name in self.columns or name in self.constants]
        return given or [name for name in TEXT if name in header], bool(given)

    def text_from(self, header: set[str]) -> str | None:
        """`file` or `text`: the field the text comes from. One the mapping names wins over a column named
        like the other; None if neither or both do (`check` says which)."""
        found, _ = self._text_fields(header)
        return found[0] if len(found) == 1 else None

    def check(self, header: list[str], where: str, problems: Problems, of_files: bool = False) -> None:
        """The mapping against the table's columns, once, before any row: a mistake here is on every row.
        `of_files`: the table is made of file names (`--files`), its columns the pattern's parts."""
        known = set(header)
        shown = ", ".join(header) or "none"
        columns = f"the pattern's parts are: {shown}" if of_files else f"the table's columns are: {shown}"
        if self.text_from(known) is None:
            found, given = self._text_fields(known)
            if found:
                problems.add(
                    where,
                    1,
                    1,
                    "both `file` and `text` "
                    + ("are mapped" if given else "are columns of the table")
                    + ": the text must come from one of them",
                    "map only one: --map 'file={id}.txt' for text files, or --map text=COLUMN for texts in the table",
                )
            else:
                problems.add(
                    where,
                    1,
                    1,
                    "no column gives the text: the table has no `file` or `text` column and the mapping names neither",
                    "map one: --map 'file={id}.txt' for a folder of text files, or --map text=COLUMN for a table "
                    f"that holds the texts; the table's columns are: {shown}",
                )
        templates = [(name, self.source(name, known) or "", self.origin.get(name, name)) for name in FIELDS]
        templates += [(f"events: {key}", value, f"events: {key}") for key, value in (self.events or {}).items()]
        for _field, template, origin in templates:
            for column in placeholders(template):
                if column not in known:
                    missing = (
                        f"the file names have no part `{{{column}}}`"
                        if of_files
                        else f"the table has no column `{column}`"
                    )
                    problems.add(where, 1, 1, f"{missing} (mapped by `{origin}`)", columns)
        for name, what in REQUIRED.items():
            if self.source(name, known) is None:
                example = f"--map {name}=COLUMN, or --set {name}=VALUE"
                missing = (
                    f"nothing {what}: the file names have no `{{{name}}}` part and the mapping names none"
                    if of_files
                    else f"no column {what}: the table has no `{name}` column and the mapping names none"
                )
                problems.add(where, 1, 1, missing, f"map one: {example}; {columns}")

    def value(self, name: str, row: Row, header: set[str]) -> str:
        """The row's value of a field, translated by `values:`; a JSON list's items joined as the field needs
        (a text's paragraphs by a blank line, topics and speakers by the separator)."""
        template = self.source(name, header)
        separator = "\n\n" if name == "text" else self.topic_separator if name in ("topics", "speakers") else "; "
        raw = fill(template, row, separator).strip() if template else ""
        table = self.values.get(name)
        if table and raw:
            raw = table.get(raw, next((v for k, v in table.items() if k.casefold() == raw.casefold()), raw))
        if name in DATE_FIELDS and raw and self._read_date is not None:
            return self._read_date(raw) or raw  # one not in the form stays as it is, and is reported
        return raw


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs (inner line breaks become spaces), or one per line without any."""
    # U+2029 is a paragraph separator by definition (a word processor's export may use it for every break).
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n").strip("\n")
    if re.search(r"\n[^\S\n]*\n", text):
        blocks = re.split(r"\n[^\S\n]*\n", text)
        return [one_line(block) for block in blocks if block.strip()]
    return [one_line(line) for line in text.split("\n") if line.strip()]


@dataclass
class Converted:
    paragraphs: list[str]
    speakers: list[str]  # in order of appearance
    labels: list[tuple[int, str, str]] = field(default_factory=list)  # (paragraph number, label, speaker)


def voice(target: str) -> str | None:
    """The crowd's or anonymous voice a label's target names in brackets, else None (a registry speaker).

    >>> voice("[Audience members]"), voice("journalist")
    ('Audience members', None)
    """
    inner = target[1:-1].strip() if target.startswith("[") and target.endswith("]") else ""
    return inner or None


def convert(text: str, speaker: str, labels: dict[str, str]) -> Converted:
    """Plain text -> transcript paragraphs with `@id:` and `@[voice]:` turns and `[...]` narrative."""
    ordered = sorted(labels.items(), key=lambda item: -len(item[0]))
    result = Converted([], [speaker])
    current: str | None = None
    pieces = paragraphs(text)
    uses_labels = any(p.startswith(label) for p in pieces for label, _ in ordered)
    for number, paragraph in enumerate(pieces, start=1):
        stage = _STAGE.match(paragraph)
        if stage:
            result.paragraphs.append(narrative(stage.group(1)))
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
            crowd = voice(who)
            if crowd is None and who not in result.speakers:
                result.speakers.append(who)
            current = who
            mark = f"@[{crowd}]" if crowd else f"@{who}"
            line = f"{mark}: {escape(paragraph)}" if paragraph else f"{mark}:"
        else:
            line = escape(paragraph)
        if paragraph or who is not None:
            result.paragraphs.append(line)
        if trailing:
            result.paragraphs.append(narrative(trailing))
    if not uses_labels:
        result.speakers = [speaker]
    return result


@dataclass
class Summary:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    speakers_added: list[str] = field(default_factory=list)
    events_added: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # "file:paragraph: `Label` -> @id:"
    failed: int = 0  # rows skipped for their errors
    dry_run: bool = False
    unit: str = "row"  # what a failure is counted in: a table's row, or a file (`--files`)

    def line(self, problems: Problems | None = None) -> str:
        would = "would be " if self.dry_run else ""
        events = f"{len(self.events_added)} events {would}added; " if self.events_added else ""
        return (
            ("dry run, nothing written: " if self.dry_run else "")
            + f"imported {len(self.written) + len(self.unchanged) + len(self.kept)} transcripts: "
            f"{len(self.written)} {would}written, {len(self.unchanged)} unchanged, {len(self.kept)} kept "
            f"(edited since the last import); {len(self.speakers_added)} speakers {would}added; {events}"
            f"{len(self.labels)} speaker labels made turns; {self.failed} {self.unit}{'s' if self.failed != 1 else ''} "
            f"with errors"
        )


class SpeakerIndex:
    """Find a speaker by id, name or alias; add a missing one to speakers.yml, once.

    An id stands for one person: the name each row gives it must be the one it already has.
    """

    def __init__(self, registry: Registry, file: Path, dry_run: bool = False):
        self.file = file
        self.dry_run = dry_run
        self.added: list[tuple[str, dict[str, Any]]] = []  # written by `write`, in order
        self.ids = set(registry.speakers.entries)
        self.by_name: dict[str, str] = {}
        # id -> (its names and aliases folded, its name, where it got it)
        self.names: dict[str, tuple[set[str], str, str]] = {}
        for ident, speaker in registry.speakers.entries.items():
            folded = {n.casefold() for n in (speaker.name, *speaker.aliases)}
            self.names[ident] = (folded, speaker.name, "speakers.yml")
            for name in (speaker.name, *speaker.aliases):
                self.by_name.setdefault(name.casefold(), ident)

    def find_or_add(self, name: str, summary: Summary, where: str) -> str:
        if (found := self.by_name.get(name.casefold())) is not None:
            return found
        base = new_id(name, 60) or "speaker"
        ident, number = base, 2
        while ident in self.ids:
            ident, number = f"{base}-{number}", number + 1
        self.add(ident, {"name": name}, summary, where)
        return ident

    def claim(self, ident: str, name: str, summary: Summary, where: str) -> str | None:
        """Speaker `ident` named `name` (added if new); the conflict, if the id already names someone else."""
        if ident in self.names:
            names, known, first = self.names[ident]
            if name and names and name.casefold() not in names:
                return f"speaker id `{ident}` is `{name}` here but `{known}` in {first}"
            return None
        self.add(ident, {"name": name}, summary, where)
        return None

    def add(self, ident: str, entry: dict[str, Any], summary: Summary, where: str = "the mapping") -> None:
        self.added.append((ident, entry))
        self.ids.add(ident)
        name = str(entry.get("name") or "")
        if name:
            self.by_name.setdefault(name.casefold(), ident)
        self.names[ident] = ({name.casefold()} if name else set(), name, where)
        summary.speakers_added.append(ident)

    def mark(self) -> int:
        """How many speakers have been added so far, for `undo`."""
        return len(self.added)

    def undo(self, mark: int, summary: Summary) -> None:
        """Forget the speakers added since `mark` (their row was left out)."""
        for ident, _entry in self.added[mark:]:
            self.ids.discard(ident)
            self.names.pop(ident, None)
            self.by_name = {name: known for name, known in self.by_name.items() if known != ident}
            summary.speakers_added.remove(ident)
        del self.added[mark:]

    def write(self) -> None:
        """Append the added speakers to speakers.yml (nothing in a dry run)."""
        if not self.dry_run:
            for ident, entry in self.added:
                append_entry(self.file, ident, entry)


@dataclass
class NewEvent:
    """An event the rows name and events.yml lacks, created from the mapping's `events:`."""

    name: str
    first: str  # where its name was first given: "the row at line N"
    dates: list[dt.date] = field(default_factory=list)
    location: str = ""

    def entry(self, parent: str | None) -> dict[str, Any]:
        start, end = min(self.dates), max(self.dates)
        entry: dict[str, Any] = {"name": self.name}
        if parent:
            entry["parent"] = parent
        entry["from"] = start
        if end != start:
            entry["to"] = end
        if self.location:
            entry["location"] = self.location
        return entry


@dataclass
class _Row:
    """One row of the table on its way to a transcript."""

    line: int
    ident: str
    text: str
    target: Path


def _grouped(failures: list[tuple[int, str, str]], table: tables.Table, where: str, problems: Problems) -> None:
    """Each error once: one that repeats on several rows names how many and which lines (or files)."""
    lines: dict[tuple[str, str], list[int]] = {}
    for line, message, hint in failures:
        lines.setdefault((message, hint), []).append(line)
    for (message, hint), found in lines.items():
        if len(found) > 1:
            if table.files:
                shown = ", ".join(Path(table.files[line]).name for line in found[:5])
                message = f"{message} (on {len(found)} files: {shown}{', ...' if len(found) > 5 else ''})"
            else:
                shown = ", ".join(map(str, found[:5])) + (", ..." if len(found) > 5 else "")
                message = f"{message} (on {len(found)} rows: lines {shown})"
        problems.add(*table.place(found[0], where), 1, message, hint)


def import_corpus(
    folder: Path | None,
    table: Path | str,
    mapping: Mapping,
    speeches: Path,
    registry: Registry,
    problems: Problems,
    force: bool = False,
    progress: Callable[[list[tuple[int, Row]]], Iterator[tuple[int, Row]]] | None = None,
    dry_run: bool = False,
    encoding: str = source.DEFAULT,
) -> Summary:
    """Write one transcript per row under `speeches/<year>/<id>.md`; report bad rows as problems.

    The texts are files in `folder` (the table's own folder if None), or the values of a column (`text`).
    `table` is the table's file, or a pattern of file names in `folder` to make the table of
    (`tables.from_files`)."""
    summary = Summary(dry_run=dry_run)
    if isinstance(table, str):
        assert folder is not None  # the CLI asks for the folder with --files
        where, summary.unit = "--files", "file"
        read = tables.from_files(folder, table, problems)
    else:
        where = table.name
        read = tables.read(table, problems, encoding)
        folder = folder or table.parent
    if read is None:
        return summary
    header, rows, left_out = read.columns, read.rows, read.left_out
    mapping.check(header, where, problems, of_files=bool(read.files))
    if problems.errors:
        return summary
    known = set(header)
    in_table = mapping.text_from(known) == "text"
    speakers = SpeakerIndex(registry, speeches / registries.FILES["speakers"], dry_run)
    for ident, entry in mapping.speakers.items():
        if ident not in speakers.ids:
            speakers.add(ident, dict(entry or {}), summary)
    for named in set(mapping.labels.values()) - {"{speaker}"}:
        if voice(named) is None and named not in speakers.ids:
            speakers.add(named, {"name": named.replace("-", " ").title()}, summary)
    events: dict[str, NewEvent] = {}
    failures: list[tuple[int, str, str]] = list(left_out)
    ready: list[_Row] = []
    seen_ids: dict[str, int] = {}
    separator = mapping.topic_separator
    for line, row in progress(rows) if progress else rows:
        # A speaker a row adds is written only if the row is imported: a row left out for its text, its date
        # or its topic leaves no speaker behind in speakers.yml.
        mark, failed = speakers.mark(), len(failures)
        try:

            def get(name: str, row: Row = row) -> str:
                return mapping.value(name, row, known)

            def fail(message: str, hint: str = "", line: int = line) -> None:
                failures.append((line, message, hint))

            name = "" if in_table else get("file")
            if not in_table and not name:
                fail(
                    "no file name in this row",
                    f"fill in the column that `file` is mapped to ({mapping.source('file', known)})",
                )
                continue
            source_file = folder / name
            if not in_table and not source_file.is_file():
                fail(f"text file `{name}` is not in {folder.name}/", "check the file name in the table")
                continue
            # An id the table gives is made one as a speaker's is (`ARG-1970` -> `arg-1970`); a clash is found below.
            given = get("id") or (get("title") if in_table else Path(name).stem)
            ident = given if _ID.match(given) else new_id(given, 60)
            if not ident:
                fail(
                    f"no transcript id can be made of `{given}`",
                    "map `id` to a column or a template: --map 'id={year}'",
                )
                continue
            if not _ID.match(ident):
                fail(f"`{ident}` is not a valid transcript id", "use lowercase letters, digits and hyphens")
                continue
            if ident in seen_ids:
                hint = (
                    "map `id` to a template that tells the rows apart, e.g. --map 'id={country}-{year}'"
                    if in_table and not mapping.source("id", known)
                    else "give each row its own id"
                )
                fail(f"id `{ident}` is used by {read.row(seen_ids[ident])} too", hint)
                continue
            seen_ids[ident] = line
            speaker, speaker_name = get("speaker"), get("speaker_name")
            if speaker:
                speaker = speaker if _ID.match(speaker) else new_id(speaker, 60)
                if not speaker:
                    fail(f"`{get('speaker')}` cannot be a speaker id", "use lowercase letters, digits and hyphens")
                    continue
                if speaker not in speakers.ids and not speaker_name:
                    fail(
                        f"unknown speaker `{speaker}`",
                        "map the name column too (speaker_name), so that missing speakers are added",
                    )
                    continue
                if conflict := speakers.claim(speaker, speaker_name, summary, read.row(line)):
                    fail(conflict, "one id is one person: give each person their own id (the name is not merged)")
                    continue
            elif speaker_name:
                speaker = speakers.find_or_add(speaker_name, summary, read.row(line))
            else:
                fail(
                    "no speaker: the row has neither a speaker id nor a speaker name",
                    "map a column with --map speaker=COLUMN or --map speaker_name=COLUMN",
                )
                continue
            others = [s.strip() for s in get("speakers").split(separator) if s.strip()]
            if unknown_speakers := [s for s in others if s not in speakers.ids]:
                fail(f"unknown speaker `{unknown_speakers[0]}` in `speakers`", "add it to speakers.yml first")
                continue
            if in_table:
                # The table was read whole (its encoding and control characters checked): the text is its cell.
                text = get("text")
                if not text:
                    column = mapping.columns.get("text", "text")
                    fail(f"the text is empty (column `{column}`)", "fill it in, or take the row out of the table")
                    continue
            else:
                # A text that cannot be read whole is reported at its own line and column, not imported in part.
                if wordfile.is_word(source_file):  # a Word document: its paragraphs, each a paragraph here
                    found = wordfile.paragraphs(source_file, str(source_file), problems)
                    read_text = None if found is None else "\n\n".join(found)
                else:
                    read_text = source.read(source_file, str(source_file), problems, encoding)
                    if read_text is not None and (
                        source_file.suffix.lower() in (".html", ".htm", ".xhtml") or webpage.is_page(read_text)
                    ):
                        # A page's text as a browser shows it, each block a paragraph (its title is not shown).
                        read_text = "\n\n".join(webpage.read(read_text).shown)
                if read_text is None:
                    fail(
                        f"text file `{name}` cannot be imported (see its error)", "fix the text file, then import again"
                    )
                    continue
                text = read_text
                if not text.strip():
                    hint = (
                        "fill it in, or move it out of the folder"
                        if read.files
                        else "fill it in, or take its row out of the table"
                    )
                    fail(f"text file `{name}` is empty", hint)
                    continue
            converted = convert(text, speaker, mapping.labels)
            topics = [t.strip() for t in get("topics").split(separator) if t.strip()]
            meta: dict[str, Any] = {
                name: get(name) or None
                for name in FIELDS
                if name not in ("file", "text", "id", "speaker", "speaker_name", "speakers", "topics")
                and not name.startswith(("source_", "media_"))
            }
            meta["topics"] = topics
            for group in ("source", "media"):
                values = {name.removeprefix(group + "_"): get(name) for name in FIELDS if name.startswith(group + "_")}
                meta[group] = {k: v for k, v in values.items() if v} or None
            ids = list(dict.fromkeys([*converted.speakers, *others]))
            if len(ids) == 1:
                meta["speaker"] = ids[0]
            else:
                meta["speakers"] = ids
            try:
                checked = SpeechMeta.model_validate({k: v for k, v in meta.items() if v not in (None, [], "")})
            except ValidationError as exc:
                for error in exc.errors():
                    field_name = ".".join(str(p) for p in error["loc"])
                    flat = field_name.replace(".", "_")
                    if error["type"] == "missing":
                        fail(
                            f"no `{field_name}`: the column `{mapping.columns.get(flat, flat)}` is empty or absent",
                            f"fill it in, or map another column with --map {flat}=COLUMN",
                        )
                        continue
                    message, hint = error_message(error), f"fix the table's column for `{flat}`"
                    if flat in DATE_FIELDS and mapping.date_form:
                        given = str(error.get("input", ""))
                        if not dates.WRITTEN.fullmatch(given):  # not read: not written as the form says
                            message = f"`{given}` is not a date written {mapping.date_form}"
                        hint = f"the table's dates are read as {mapping.date_form} (date_form): fix it or the form"
                        if "MMM" in mapping.date_form:
                            hint += f" (month names in English{_also(mapping._month_language)})"
                    fail(f"`{field_name}`: {message}", hint)
                continue
            unknown = [t for t in topics if t not in registry.topics]
            if unknown:
                fail(f"unknown topic `{unknown[0]}`", "add it to topics.yml first, or leave it out")
                continue
            if checked.event and checked.event not in registry.events:
                if mapping.events is None:
                    fail(
                        f"unknown event `{checked.event}`",
                        "add it to events.yml first, or give the mapping an `events:` section to create it",
                    )
                    continue
                event_name = fill(mapping.events["name"], row).strip()
                new = events.setdefault(checked.event, NewEvent(event_name, read.row(line)))
                if new.name != event_name:
                    fail(
                        f"event `{checked.event}` is `{event_name}` here but `{new.name}` in {new.first}",
                        "the events: name template must give one name per event id",
                    )
                    continue
                new.dates.append(checked.date)
                new.location = new.location or fill(mapping.events.get("location", ""), row).strip()
            for number, label, who in converted.labels:
                summary.labels.append(f"{name or f'line {line}'}: paragraph {number}: `{label}` -> @{who}:")
            meta["date"] = checked.date
            text = Draft(meta, converted.paragraphs).text()
            ready.append(_Row(line, ident, text, speeches / str(checked.date.year) / f"{ident}.md"))
        finally:
            if len(failures) > failed:
                speakers.undo(mark, summary)
    speakers.write()
    summary.failed = len({line for line, _, _ in failures})
    _grouped(failures, read, where, problems)
    _add_events(events, mapping, registry, speeches, summary, dry_run)
    for item in ready:
        target = item.target
        shown = f"{target.parent.name}/{target.name}"
        if target.is_file():
            if target.read_text(encoding="utf-8") == item.text:
                summary.unchanged.append(shown)
                continue
            if not force:
                summary.kept.append(shown)
                continue
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(item.text, encoding="utf-8")
        summary.written.append(shown)
    return summary


def _add_events(
    events: dict[str, NewEvent], mapping: Mapping, registry: Registry, speeches: Path, summary: Summary, dry_run: bool
) -> None:
    """Append the new events (their series first) to events.yml, each spanning its rows' dates."""
    if not events or mapping.events is None:
        return
    file = speeches / registries.FILES["events"]
    parent = mapping.events.get("parent") or None
    entries: list[tuple[str, dict[str, Any]]] = []
    if parent and parent not in registry.events and parent not in events:
        entries.append((parent, {"name": mapping.events.get("parent_name") or parent.replace("-", " ").title()}))
    entries += [(ident, new.entry(parent)) for ident, new in sorted(events.items())]
    for ident, entry in entries:
        if not dry_run:
            append_entry(file, ident, entry)
        summary.events_added.append(ident)


def _also(language: str | None) -> str:
    """` or in fr`, where the archive's interface language adds its month names to English's."""
    return f" or in `{language}`" if language and language.split("-")[0].lower() != "en" else ""
