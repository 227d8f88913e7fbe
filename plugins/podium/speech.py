"""One transcript: its front matter (`SpeechMeta`), its statements, and the checks that need the registries."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import YamlDocument, decode, parse_yaml, split
from .model import SpeechMeta
from .problems import Problems, did_you_mean
from .registry import Registry
from .statements import Block, Section, Statement, parse
from .validation import validate


@dataclass
class Speech:
    """A transcript as published: `id` is the file name without `.md`, and the page is /speeches/<id>/."""

    id: str
    path: str  # as shown in messages, relative to the archive
    meta: SpeechMeta
    blocks: list[Block]
    body_line: int = 1
    document: YamlDocument = field(default_factory=YamlDocument, repr=False)

    @property
    def url(self) -> str:
        return f"speeches/{self.id}/"

    @property
    def statements(self) -> list[Statement]:
        return [block for block in self.blocks if isinstance(block, Statement)]

    @property
    def sections(self) -> list[Section]:
        return [block for block in self.blocks if isinstance(block, Section)]

    def statement(self, ident: str) -> Statement | None:
        return next((s for s in self.statements if s.id == ident), None)

    @property
    def year(self) -> int:
        return self.meta.date.year


def read(file: Path, display: str, problems: Problems) -> Speech | None:
    """Parse one transcript without the registries; None if it is too broken to go on."""
    text = decode(file.read_bytes(), display, problems)
    if text is None:
        return None
    source = split(text, display, problems)
    if source.front_matter is None:
        return None
    document = parse_yaml(source.front_matter, display, problems, first_line=source.front_matter_line)
    if document is None:
        return None
    if document.data is None:
        problems.add(display, 1, 1, "front matter is empty",
                     "add at least title, date and speaker between the two `---` lines")
        return None
    if not isinstance(document.data, dict):
        line, column = document.value_at.get((), (2, 1))
        found = "a list" if isinstance(document.data, list) else "a single value"
        problems.add(display, line, column, f"front matter must be a mapping of `key: value` lines, found {found}",
                     "write one field per line, e.g. `title: Opening address`")
        return None
    meta = validate(SpeechMeta, document.data, document, display, problems)
    default_speaker = None
    if meta is not None and len(meta.speaker_ids) == 1:
        default_speaker = meta.speaker_ids[0]
    blocks = parse(source.body, display, problems, source.body_line, default_speaker)
    if not blocks:
        problems.add(display, source.body_line if source.body_line <= text.count("\n") + 1 else 1, 1,
                     "the transcript has no text after its front matter",
                     "paste the speech below the closing `---`, one paragraph per statement")
    if meta is None:
        return None
    return Speech(id=file.stem, path=display, meta=meta, blocks=blocks, body_line=source.body_line,
                  document=document)


def check(speech: Speech, registry: Registry, problems: Problems, known_speeches: set[str]) -> None:
    """The checks that need the registries and the other transcripts' ids."""
    meta, document, path = speech.meta, speech.document, speech.path

    def at(*loc) -> tuple[int, int]:
        return document.value_at.get(tuple(loc), (1, 1))

    if meta.speaker:
        registry.speakers.check(meta.speaker, path, *at("speaker"), problems, "speaker")
    for index, ident in enumerate(meta.speakers or []):
        registry.speakers.check(ident, path, *at("speakers", index), problems, "speaker")
    event = None
    if meta.event and registry.events.check(meta.event, path, *at("event"), problems, "event"):
        event = registry.events[meta.event]
    for index, ident in enumerate(meta.topics):
        registry.topics.check(ident, path, *at("topics", index), problems, "topic")
    if meta.translation_of and meta.translation_of not in known_speeches:
        problems.add(path, *at("translation_of"), f"unknown transcript `{meta.translation_of}` in translation_of",
                     did_you_mean(meta.translation_of, known_speeches) or
                     "name the original's file name without .md")
    if event and event.sessions and meta.session:
        names = [session.name for session in event.sessions]
        if meta.session not in names:
                problems.add(path, *at("session"), f"event `{meta.event}` has no session `{meta.session}`",
                         did_you_mean(meta.session, names) or f"its sessions are: {', '.join(names)}")
    _check_statements(speech, registry, problems)
    _check_corrections(speech, problems)


def _check_statements(speech: Speech, registry: Registry, problems: Problems) -> None:
    declared = set(speech.meta.speaker_ids)
    reported: set[tuple[str, int]] = set()
    for statement in speech.statements:
        for name, (line, column) in zip(statement.topics, statement.topic_positions):
            registry.topics.check(name, speech.path, line, column, problems, "topic")
        if statement.type != "speech":
            continue
        if statement.speaker is None:
            problems.add(speech.path, statement.line, 1,
                         "statement before the first speaker turn in a speech with several speakers",
                         "start the paragraph with `@speaker-id: `, or write stage directions in [brackets]")
            continue
        key = (statement.speaker, statement.speaker_line)
        if not statement.turn_start or key in reported:
            continue
        reported.add(key)
        if not registry.speakers.check(statement.speaker, speech.path, statement.speaker_line,
                                       statement.speaker_column, problems, "speaker"):
            continue
        if statement.speaker not in declared:
            problems.add(speech.path, statement.speaker_line, statement.speaker_column,
                         f"`{statement.speaker}` speaks here but is not in the front matter's speakers",
                         f"add `{statement.speaker}` to `speakers`")


def _check_corrections(speech: Speech, problems: Problems) -> None:
    for index, correction in enumerate(speech.meta.corrections):
        line, column = speech.document.value_at.get(("corrections", index), (1, 1))
        if correction.statement:
            statement = speech.statement(correction.statement)
            if statement is None:
                problems.add(speech.path, line, column,
                             f"correction names statement `{correction.statement}`, which is not in this speech",
                             "use the id shown by the statement's ¶ permalink")
                continue
            if correction.corrected and correction.corrected not in statement.text:
                problems.add(speech.path, line, column,
                             f"corrected text `{correction.corrected}` is not in statement `{statement.id}`",
                             "a correction records a change made in the text; keep the two in step")
