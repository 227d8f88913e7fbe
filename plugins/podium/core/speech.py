"""One transcript: its front matter (`SpeechMeta`), its statements, and the checks that need the registries."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from podium.core import safety
from podium.core.frontmatter import YamlDocument, decode, parse_yaml, split
from podium.core.model import SpeechMeta
from podium.core.problems import Problems, did_you_mean
from podium.core.registry import Registry
from podium.core.settings import Settings
from podium.core.statements import Block, Section, Statement, parse
from podium.core.text import INLINE_REFERENCE
from podium.core.urls import speech_path
from podium.core.validation import validate


@dataclass
class Transcript:
    """A transcript as read: `id` is the file name without `.md`. `meta` is None when the front matter did not
    validate; its other problems are still checked, and the archive leaves it out (see `Speech`)."""

    id: str
    path: str  # as shown in messages, relative to the archive
    meta: SpeechMeta | None
    blocks: list[Block]
    body_line: int = 1
    document: YamlDocument = field(default_factory=YamlDocument, repr=False)

    @property
    def statements(self) -> list[Statement]:
        return [block for block in self.blocks if isinstance(block, Statement)]

    @property
    def by_speakers(self) -> list[Statement]:
        """The statements its registry speakers made: what the archive counts, quotes and cites (not narrative,
        not a crowd's or an anonymous voice)."""
        return [block for block in self.blocks if isinstance(block, Statement) and block.by_speaker]

    @property
    def sections(self) -> list[Section]:
        return [block for block in self.blocks if isinstance(block, Section)]

    def statement(self, ident: str) -> Statement | None:
        return next((s for s in self.statements if s.id == ident), None)

    def published(self) -> Speech | None:
        """The `Speech` the archive publishes, or None when the front matter is invalid."""
        if self.meta is None:
            return None
        return Speech(self.id, self.path, self.meta, self.blocks, self.body_line, self.document)


@dataclass
class Speech(Transcript):
    """A transcript as published, its front matter valid: the page is /speeches/<id>/."""

    meta: SpeechMeta

    @property
    def url(self) -> str:
        """The speech's path, `speeches/<id>/`: the folder of its data files, and its page's address with
        directory URLs. A link to the page goes through `podium.core.urls.Urls.speech`."""
        return speech_path(self.id)

    @property
    def year(self) -> int:
        return self.meta.date.year


def read(file: Path, display: str, problems: Problems, settings: Settings | None = None) -> Transcript | None:
    """Parse one transcript without the registries; None if it is too broken to go on.

    A transcript whose front matter fails validation still comes back (with `meta` None), so that the
    registry checks can report its other problems in the same run.
    """
    settings = settings if settings is not None else Settings()
    if not safety.check_size(file.stat().st_size, display, problems, settings):  # before reading it all
        return None
    raw = file.read_bytes()
    text = decode(raw, display, problems)
    if text is None:
        return None
    source = split(text, display, problems)
    if source.front_matter is None:
        return None
    document = parse_yaml(
        source.front_matter, display, problems, first_line=source.front_matter_line, max_depth=settings.max_yaml_depth
    )
    if document is None:
        return None
    if document.data is None:
        problems.add(
            display, 1, 1, "front matter is empty", "add at least title, date and speaker between the two `---` lines"
        )
        return None
    if not isinstance(document.data, dict):
        line, column = document.value_at.get((), (2, 1))
        found = "a list" if isinstance(document.data, list) else "a single value"
        problems.add(
            display,
            line,
            column,
            f"front matter must be a mapping of `key: value` lines, found {found}",
            "write one field per line, e.g. `title: Opening address`",
        )
        return None
    meta = validate(SpeechMeta, document.data, document, display, problems)
    _check_speaker_fields(document, display, problems)
    declared = _raw_ids(document, "speaker") + _raw_ids(document, "speakers")
    default_speaker = declared[0] if len(declared) == 1 else None
    safety.check_body(source.body, source.body_line, display, problems, settings)
    blocks = parse(source.body, display, problems, source.body_line, default_speaker)
    _check_counts(document, blocks, display, problems, settings)
    if not blocks:
        problems.add(
            display,
            source.body_line - 1,
            1,
            "the transcript has no text after its front matter",
            "paste the speech below the closing `---`, one paragraph per statement",
        )
    return Transcript(
        id=file.stem, path=display, meta=meta, blocks=blocks, body_line=source.body_line, document=document
    )


_INLINE_MARKUP = "*_`~[]\\"  # what Python-Markdown's inline patterns split a paragraph at


def _check_counts(
    document: YamlDocument, blocks: list[Block], path: str, problems: Problems, settings: Settings
) -> None:
    """The counts the build's work grows with: topics (each a facet row and a search record), references
    of one statement (each a backlink), inline markup of one statement (Markdown's inline pass), press quotations
    and their words (each aligned word by word with the speech)."""
    topics = document.data.get("topics")
    if isinstance(topics, list) and len(topics) > settings.max_topics:
        problems.add(
            path,
            *document.value_at.get(("topics", settings.max_topics), document.key_at[("topics",)]),
            f"more than {settings.max_topics} topics on one speech",
            "keep the topics that matter most, or a maintainer may raise `max_topics` in mkdocs.yml",
        )
    coverage = document.data.get("coverage")
    if isinstance(coverage, list) and len(coverage) > settings.max_quotations:
        problems.add(
            path,
            *document.value_at.get(("coverage", settings.max_quotations), document.key_at[("coverage",)]),
            f"more than {settings.max_quotations} press quotations on one speech",
            "keep the quotations that matter most, or a maintainer may raise `max_quotations` in mkdocs.yml",
        )
    for index, entry in enumerate(coverage if isinstance(coverage, list) else []):
        quote = entry.get("quote") if isinstance(entry, dict) else None
        if isinstance(quote, str) and len(quote.split()) > settings.max_quotation_words:
            problems.add(
                path,
                *document.value_at.get(("coverage", index, "quote"), (1, 1)),
                f"press quotation of more than {settings.max_quotation_words} words",
                "quote the passage the outlet printed, or a maintainer may raise `max_quotation_words` in mkdocs.yml",
            )
    for block in blocks:
        if not isinstance(block, Statement):
            continue
        if len(block.topics) > settings.max_topics:
            problems.add(
                path,
                *(block.topic_positions[settings.max_topics :] or [(block.line, block.column)])[0],
                f"more than {settings.max_topics} topics on one statement",
                "keep the topics that matter most, or a maintainer may raise `max_topics` in mkdocs.yml",
            )
        markup = sum(block.text.count(mark) for mark in _INLINE_MARKUP)
        if markup > settings.max_inline_markup:
            problems.add(
                path,
                block.line,
                block.column,
                f"{markup} Markdown markup characters (* _ ` ~ [ ] \\) in one statement, over the limit of "
                f"{settings.max_inline_markup}",
                "escaped or not, so many marks are a scraping accident: remove them, split the statement, or a "
                "maintainer may raise `max_inline_markup` in mkdocs.yml",
            )
        references = len(block.see) + sum(1 for _ in INLINE_REFERENCE.finditer(block.text))
        if references > settings.max_references:
            problems.add(
                path,
                block.line,
                block.column,
                f"more than {settings.max_references} cross-references in one statement",
                "split the statement, or a maintainer may raise `max_references` in mkdocs.yml",
            )


def _check_speaker_fields(document: YamlDocument, path: str, problems: Problems) -> None:
    """`speaker` or `speakers`: exactly one. Checked apart from the model so it is reported with other errors."""
    data = document.data
    if data.get("speaker") and data.get("speakers"):
        problems.add(
            path,
            *document.key_at[("speakers",)],
            "write either `speaker` or `speakers`, not both",
            "one speaker: `speaker: tokayev`; several: `speakers: [tokayev, kagame]`",
        )
    elif not data.get("speaker") and not data.get("speakers"):
        problems.add(
            path,
            1,
            1,
            "missing required field `speaker` (or `speakers` for several)",
            "add a line `speaker: <id from speakers.yml>`",
        )


def _raw_ids(document: YamlDocument, key: str) -> list[str]:
    """The ids written under `key`, as text, whether or not the rest of the front matter validated."""
    value = document.data.get(key)
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def check(speech: Transcript, registry: Registry, problems: Problems, known_speeches: set[str]) -> None:
    """The checks that need the registries and the other transcripts' ids.

    They read the ids as written, so an unknown speaker is reported even beside an impossible date.
    """
    document, path = speech.document, speech.path
    data = document.data

    def at(*loc) -> tuple[int, int]:
        return document.value_at.get(tuple(loc), (1, 1))

    for key in ("speaker", "speakers"):
        many = isinstance(data.get(key), list)
        for index, ident in enumerate(_raw_ids(document, key)):
            registry.speakers.check(ident, path, *(at(key, index) if many else at(key)), problems, "speaker")
    event_id = next(iter(_raw_ids(document, "event")), None)
    event = None
    if event_id and registry.events.check(event_id, path, *at("event"), problems, "event"):
        event = registry.events[event_id]
    if isinstance(data.get("topics"), list):
        for index, ident in enumerate(data["topics"]):
            if isinstance(ident, str):
                registry.topics.check(ident, path, *at("topics", index), problems, "topic")
    original = next(iter(_raw_ids(document, "translation_of")), None)
    if original and original not in known_speeches:
        problems.add(
            path,
            *at("translation_of"),
            f"unknown transcript `{original}` in translation_of",
            did_you_mean(original, known_speeches) or "name the original's file name without .md",
        )
    session = next(iter(_raw_ids(document, "session")), None)
    if event and event.sessions and session:
        names = [s.name for s in event.sessions]
        if session not in names:
            problems.add(
                path,
                *at("session"),
                f"event `{event_id}` has no session `{session}`",
                did_you_mean(session, names) or f"its sessions are: {', '.join(names)}",
            )
    _check_statements(speech, registry, problems)
    _check_corrections(speech, problems)


def _check_statements(speech: Transcript, registry: Registry, problems: Problems) -> None:
    declared = set(_raw_ids(speech.document, "speaker") + _raw_ids(speech.document, "speakers"))
    reported: set[tuple[str, int]] = set()
    for statement in speech.statements:
        for name, (line, column) in zip(statement.topics, statement.topic_positions, strict=True):
            registry.topics.check(name, speech.path, line, column, problems, "topic")
        if statement.type != "speech" or statement.voice is not None:
            continue  # narrative, or a crowd or anonymous voice (`@[Audience]:`): no registry entry to check
        if statement.speaker is None:
            if len(declared) < 2 or _raw_ids(speech.document, "speaker"):
                continue  # no speaker or two ways to name them: already reported on the front matter
            problems.add(
                speech.path,
                statement.line,
                1,
                "statement before the first speaker turn in a speech with several speakers",
                "start the paragraph with `@speaker-id: `, or write stage directions in [brackets]",
            )
            continue
        key = (statement.speaker, statement.speaker_line)
        if not statement.turn_start or key in reported:
            continue
        reported.add(key)
        if not registry.speakers.check(
            statement.speaker, speech.path, statement.speaker_line, statement.speaker_column, problems, "speaker"
        ):
            continue
        if statement.speaker not in declared:
            problems.add(
                speech.path,
                statement.speaker_line,
                statement.speaker_column,
                f"`{statement.speaker}` speaks here but is not in the front matter's speakers",
                f"add `{statement.speaker}` to `speakers`",
            )


def _check_corrections(speech: Transcript, problems: Problems) -> None:
    if speech.meta is None:
        return
    for index, correction in enumerate(speech.meta.corrections):
        line, column = speech.document.value_at.get(("corrections", index), (1, 1))
        if correction.statement:
            statement = speech.statement(correction.statement)
            if statement is None:
                problems.add(
                    speech.path,
                    line,
                    column,
                    f"correction names statement `{correction.statement}`, which is not in this speech",
                    "use the id shown by the statement's ¶ permalink",
                )
                continue
            if correction.corrected and correction.corrected not in statement.text:
                problems.add(
                    speech.path,
                    line,
                    column,
                    f"corrected text `{correction.corrected}` is not in statement `{statement.id}`",
                    "a correction records a change made in the text; keep the two in step",
                )
