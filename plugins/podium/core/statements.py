"""Split a transcript's body into statements, speaker turns, narrative and section headings.

The body is Markdown; each paragraph is one statement. Three marks read well in raw Markdown:

    @kagame: Thank you, Mr President.        <- a speaker turn starts (a registry id, then a colon)

    And this paragraph is Kagame's too.      <- the turn goes on until the next `@id:`

    [Applause]                               <- a bracketed paragraph is narrative, not a statement

    @[Audience members]: Hear, hear!         <- a crowd or anonymous voice: a label, not a registry speaker

    @kagame: We agree—[applause]—and we act. <- a stage direction inside a statement is shown, not quoted

    Multilateralism is faltering. {#faltering topics=multilateralism}
                                             <- an explicit id and statement-level topics

    {t=12:34} We must act now.               <- where it starts in the recording (or `{t=12:34}` at the end)

Every statement gets a stable id for its URL fragment. An explicit `{#id}` wins. Otherwise the id is a
short hash of the paragraph's own first words, so inserting, removing or editing *other* paragraphs never
changes it (a position-based id would). A paragraph repeated word for word ("Dear friends,") gets `-2`,
`-3` in order.

A code fence (``` or ~~~, closed the CommonMark way) stays one statement, blank lines and `@id:` lines
inside it included. `paragraphs` yields the blocks with the position of every piece: `parse` builds on it,
and so do `podium lint` and the raw-HTML check, so all three agree on what is a statement and what is code.

A stage direction inside a paragraph ("[Laughter]", "(Applause.)", or an editor's `[...]{.direction}`; the rule
is `podium.core.text.directions`) stays in the statement's `text`, so the page shows it, but `Statement.spoken`
leaves it out of the words that are quoted, cited and searched. A paragraph of nothing but directions is
narrative. A crowd or anonymous voice (`@[Audience]:`, `@[Голос из зала]:`) is a turn with a `voice` label and
no `speaker`: its statements are shown under the label, and are not a registry speaker's.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from podium.core import media
from podium.core.problems import Problems
from podium.core.text import INLINE_REFERENCE, WORD, Spoken, only_directions, slug, spoken

_TURN = re.compile(r"^@([A-Za-z0-9][A-Za-z0-9_-]*)\s*:[ \t]*")
_VOICE = re.compile(r"^@\[([^\[\]\n]*\S[^\[\]\n]*)\]\s*:[ \t]*")  # `@[Audience members]:`
_ATTRIBUTES = re.compile(r"[ \t]*\{([^{}\n]*)\}[ \t]*$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_NARRATIVE = re.compile(r"^\[[^\[\]]+\]$")
_STRAY_TIME = re.compile(r"\{t=[0-9:.]*\}")
_LEADING_TIME = re.compile(r"^\{t=([^{}\s]*)\}[ \t]*")  # `{t=12:34} Thank you.`: a start time before the words
# A code fence opens with three or more backticks or tildes (at any indent: a list item indents its code);
# a backtick fence's info string holds no backtick, so "```x = 1``` is code." is inline code, no fence.
_FENCE = re.compile(r"^[ \t]*(`{3,}(?=[^`]*$)|~{3,})")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")  # \Z, not $: an id never ends in a newline
HASH_WORDS = 12  # the id depends on this many leading words: fixing a later typo keeps the permalink


@dataclass(slots=True)  # one per paragraph of the archive: no per-object dict
class Statement:
    """One paragraph of a transcript: a statement by a speaker (Popolo `speech`) or `narrative`."""

    id: str
    type: str  # "speech" or "narrative"; a heading is a `Section`
    text: str  # Markdown source, without the turn mark and the attribute block
    line: int
    column: int = 1
    speaker: str | None = None  # a registry id; None for narrative and for a crowd or anonymous `voice`
    speaker_line: int = 0  # where the turn mark naming the speaker (or the voice) was written
    speaker_column: int = 1
    turn_start: bool = False  # the first statement of a speaker's turn
    explicit_id: bool = False
    # Most statements carry no topics and no `see=`: they share the empty tuple, not three empty lists each
    # (a list when there are some, made by `_apply_attributes`).
    topics: Sequence[str] = ()
    topic_positions: Sequence[tuple[int, int]] = ()
    # `see=target,target`: an editor's cross-references, attached without touching the speaker's words
    # (read by xref/references.py). Each is (target as written, line, column).
    see: Sequence[tuple[str, int, int]] = ()
    # `{t=12:34}`: where the statement starts in the speech's recording, in seconds, and where that was written.
    start: float | None = None
    start_at: tuple[int, int] = (0, 1)
    voice: str | None = None  # `@[Audience members]:`: the label of a crowd or anonymous voice, as written

    @property
    def by_speaker(self) -> bool:
        """Said by a registry speaker: what the archive counts as a statement, quotes and cites (narrative
        and crowd voices are shown, but are not)."""
        return self.type == "speech" and self.voice is None

    @property
    def spoken(self) -> Spoken:
        """The statement's words as plain text, without its stage directions, and the directions apart:

        >>> Statement("s-1", "speech", "We agree—[applause]—and we act.", 1).spoken.text
        'We agree——and we act.'
        """
        return spoken(self.text)


@dataclass(slots=True)
class Section:
    id: str
    title: str
    level: int
    line: int


Block = Statement | Section


def automatic_id(text: str) -> str:
    """`s-` and six hex digits from the paragraph's first words, ignoring case and punctuation.

    >>> automatic_id("Dear friends,") == automatic_id("dear  friends")
    True
    """
    text = INLINE_REFERENCE.sub(lambda m: m.group(2) or "", text)
    words = WORD.findall(unicodedata.normalize("NFKC", text).casefold())[:HASH_WORDS]
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=3).hexdigest()
    return f"s-{digest}"


@dataclass(frozen=True, slots=True)
class Line:
    """A piece of one line of a body: `text` starts at 1-based `column` of line `number` of the file.

    `fenced` marks a line of a code fence, its ``` or ~~~ lines included: code, not the speaker's words.
    """

    number: int
    column: int
    text: str
    fenced: bool = False


@dataclass(slots=True)
class Paragraph:
    """One blank-line-separated block of a body as written, every piece with its position.

    `parse` makes a `Statement` or a `Section` of each, and `podium lint` reads the same paragraphs, so the
    two agree on where a statement starts and ends and on what is code. The marks are cut off `lines` and
    kept apart: the `@id:` turn mark as `speaker`, the `{#id topics=...}` block as `attributes` (its inside).

    >>> paragraph = next(paragraphs("@kagame: Thank you. {#thanks}", first_line=8))
    >>> paragraph.speaker, paragraph.speaker_at, paragraph.text
    ('kagame', (8, 2), 'Thank you.')
    >>> paragraph.attributes
    Line(number=8, column=22, text='#thanks', fenced=False)
    """

    line: int
    lines: list[Line]
    level: int = 0  # 1 to 6 for a `## heading` (its title is the one line)
    speaker: str | None = None
    speaker_at: tuple[int, int] = (0, 1)
    attributes: Line | None = None
    voice: str | None = None  # the label of a `@[label]:` turn mark (then `speaker` is None)
    time: Line | None = None  # a leading `{t=12:34}`: its inside's value, `12:34`

    @property
    def text(self) -> str:
        """The Markdown source, fences included: what the statement renders."""
        return "\n".join(line.text for line in self.lines).strip()

    @property
    def prose(self) -> list[Line]:
        """The lines outside code fences: the words a reader sees as the speaker's."""
        return [line for line in self.lines if not line.fenced]

    @property
    def explicit_id(self) -> bool:
        return self.attributes is not None and any(t.startswith("#") for t in self.attributes.text.split())

    @property
    def turn_mark_only(self) -> bool:
        """`@id:` (or `@[label]:`) alone: it names who speaks in the paragraphs that follow and is no statement."""
        return (self.speaker is not None or self.voice is not None) and not self.text and self.attributes is None


def paragraphs(body: str, first_line: int = 1) -> Iterator[Paragraph]:
    """The blocks of a body in order, a code fence kept whole even across blank lines.

    >>> [(p.line, p.text) for p in paragraphs("Intro.\\n\\n```\\ncode\\n\\nmore\\n```\\n\\n[Applause]")]
    [(1, 'Intro.'), (3, '```\\ncode\\n\\nmore\\n```'), (9, '[Applause]')]
    """
    for lines in _blocks(body, first_line):
        yield _paragraph(lines)


def _blocks(body: str, first_line: int) -> Iterator[list[Line]]:
    """Each blank-line-separated run of lines; inside a code fence a blank line separates nothing."""
    current: list[Line] = []
    fence = ""
    for number, text in enumerate(body.split("\n"), start=first_line):
        if fence:
            current.append(Line(number, 1, text, fenced=True))
            if _closes(text, fence):
                fence = ""
            continue
        if not text.strip():
            if current:
                yield current
                current = []
            continue
        if match := _FENCE.match(text):
            fence = match.group(1)
        current.append(Line(number, 1, text, fenced=bool(fence)))
    if current:
        yield current


def _closes(text: str, fence: str) -> bool:
    """CommonMark's closing fence: the opening's character, at least as many, nothing but spaces after."""
    marks = text.strip()
    return len(marks) >= len(fence) and marks == fence[0] * len(marks)


def _paragraph(lines: list[Line]) -> Paragraph:
    paragraph = Paragraph(line=lines[0].number, lines=lines)
    first = lines[0]
    if len(lines) == 1 and (heading := _HEADING.match(first.text)):
        paragraph.level = len(heading.group(1))
        paragraph.lines = [Line(first.number, first.column + heading.start(2), heading.group(2))]
        return paragraph
    first, lines = _leading_time(paragraph, first, lines)  # `{t=1:02} @kagame: ...`
    if turn := _TURN.match(first.text) or _VOICE.match(first.text):
        if turn.re is _VOICE:
            paragraph.voice = turn.group(1).strip()
        else:
            paragraph.speaker = turn.group(1)
        paragraph.speaker_at = (first.number, first.column + 1)
        lines = [Line(first.number, first.column + turn.end(), first.text[turn.end() :]), *lines[1:]]
    if paragraph.time is None:  # `@kagame: {t=1:02} ...`
        _, lines = _leading_time(paragraph, lines[0], lines)
    last = lines[-1]
    if not last.fenced and (attrs := _ATTRIBUTES.search(last.text)) and _looks_like_attributes(attrs.group(1)):
        paragraph.attributes = Line(last.number, last.column + attrs.start(1), attrs.group(1))
        lines = [*lines[:-1], Line(last.number, last.column, last.text[: attrs.start()])]
    paragraph.lines = lines
    return paragraph


def _leading_time(paragraph: Paragraph, first: Line, lines: list[Line]) -> tuple[Line, list[Line]]:
    """Cut a `{t=...}` off the start of the first line into `paragraph.time`."""
    if first.fenced or not (lead := _LEADING_TIME.match(first.text)):
        return first, lines
    paragraph.time = Line(first.number, first.column + lead.start(1), lead.group(1))
    first = Line(first.number, first.column + lead.end(), first.text[lead.end() :])
    return first, [first, *lines[1:]]


def parse(
    body: str, path: str, problems: Problems, first_line: int = 1, default_speaker: str | None = None
) -> list[Block]:
    """Statements and sections of a body, in order, with stable ids; problems for bad marks."""
    blocks: list[Block] = []
    speaker, voice = default_speaker, None
    speaker_at = (0, 1)
    turn_pending = False
    for paragraph in paragraphs(body, first_line):
        if paragraph.level:
            blocks.append(Section(id="", title=paragraph.lines[0].text, level=paragraph.level, line=paragraph.line))
            continue
        text = paragraph.text
        if paragraph.speaker or paragraph.voice:
            speaker, voice, speaker_at = paragraph.speaker, paragraph.voice, paragraph.speaker_at
            turn_pending = True
            if paragraph.turn_mark_only:
                continue  # the turn's text follows
        statement = Statement(id="", type="speech", text=text, line=paragraph.line)
        if paragraph.time:
            _apply_time(statement, paragraph.time.text, paragraph.time.number, paragraph.time.column, path, problems)
        if paragraph.attributes:
            _apply_attributes(statement, paragraph.attributes, path, problems)
        _check_stray_times(paragraph, path, problems)
        if _NARRATIVE.match(text) or only_directions(text):
            statement.type = "narrative"
        else:
            statement.speaker, statement.voice = speaker, voice
            statement.speaker_line, statement.speaker_column = speaker_at
            statement.turn_start = turn_pending
            turn_pending = False
        blocks.append(statement)
    _assign_ids(blocks, path, problems)
    _check_times(blocks, path, problems)
    return blocks


def _looks_like_attributes(inner: str) -> bool:
    tokens = inner.split()
    return bool(tokens) and all(token.startswith("#") or "=" in token for token in tokens)


def _apply_attributes(statement: Statement, attributes: Line, path: str, problems: Problems) -> None:
    line, offset = attributes.number, attributes.column
    topics, positions, see = list(statement.topics), list(statement.topic_positions), list(statement.see)
    for token in re.finditer(r"\S+", attributes.text):
        value, at = token.group(), offset + token.start()
        if value.startswith("#"):
            ident = value[1:]
            if not _ID.match(ident):
                problems.add(
                    path,
                    line,
                    at,
                    f"statement id `{ident}` is not valid",
                    "use lowercase letters, digits and hyphens, e.g. {#pledge-2025}",
                )
            statement.id = ident
            statement.explicit_id = True
        elif value.startswith("topics="):
            position = at + len("topics=")
            for name in value[len("topics=") :].split(","):
                if name:
                    topics.append(name)
                    positions.append((line, position))
                position += len(name) + 1
        elif value.startswith("t="):
            _apply_time(statement, value[2:], line, at + 2, path, problems)
        elif value.startswith("see="):
            position = at + len("see=")
            for target in value[len("see=") :].split(","):
                if target:
                    see.append((target, line, position))
                position += len(target) + 1
        else:
            key = value.split("=", 1)[0]
            problems.add(
                path,
                line,
                at,
                f"unknown statement attribute `{key}`",
                "a statement may carry {#id} and topics=a,b, e.g. {#pledge topics=nuclear-security}",
            )
    if topics:
        statement.topics, statement.topic_positions = topics, positions
    if see:
        statement.see = see


def _apply_time(statement: Statement, value: str, line: int, column: int, path: str, problems: Problems) -> None:
    """`t=12:34`: the statement's start in the recording."""
    if statement.start is not None:
        problems.add(
            path,
            line,
            column,
            f"a second start time for this statement (the first is at line {statement.start_at[0]})",
            "give each statement one {t=...}, at its start or at its end",
        )
        return
    try:
        statement.start = media.parse_time(value)
    except ValueError as exc:
        problems.add(
            path,
            line,
            column,
            str(exc),
            "write minutes:seconds or hours:minutes:seconds, e.g. {t=12:34} or {t=1:02:03}",
        )
        return
    statement.start_at = (line, column)


def _check_stray_times(paragraph: Paragraph, path: str, problems: Problems) -> None:
    """A `{t=...}` inside the words would be printed as text: a time goes at the paragraph's start or end."""
    for line in paragraph.prose:
        if "{t=" in line.text and (stray := _STRAY_TIME.search(line.text)):
            problems.add(
                path,
                line.number,
                line.column + stray.start(),
                "a start time inside a statement's words would be shown as text",
                "put {t=...} at the start or the end of the paragraph, or split the paragraph there",
            )


def _check_times(blocks: list[Block], path: str, problems: Problems) -> None:
    """Start times follow the recording: a time earlier than the one before is a typo, and would make the page
    highlight the wrong statement while the recording plays."""
    previous: Statement | None = None
    for block in blocks:
        if not isinstance(block, Statement) or block.start is None:
            continue
        if previous is not None and previous.start is not None and block.start < previous.start:
            problems.add(
                path,
                *block.start_at,
                f"start time {media.format_time(block.start)} is earlier than the one before it "
                f"({media.format_time(previous.start)}, line {previous.start_at[0]})",
                "times follow the recording and never go back: correct this time or the earlier one",
            )
        previous = block


def _assign_ids(blocks: list[Block], path: str, problems: Problems) -> None:
    taken: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, Statement) and block.explicit_id:
            if block.id in taken:
                problems.add(
                    path,
                    block.line,
                    block.column,
                    f"duplicate statement id `{block.id}` (first used at line {taken[block.id]})",
                    "every statement id in a speech must be unique; rename one",
                )
            taken.setdefault(block.id, block.line)
    for block in blocks:
        if isinstance(block, Statement) and not block.explicit_id:
            base = automatic_id(block.text) if block.type == "speech" else "n" + automatic_id(block.text)[1:]
            block.id = _unique(base, taken)
            taken[block.id] = block.line
        elif isinstance(block, Section):
            block.id = _unique("h-" + (slug(block.title, 60) or "section"), taken)
            taken[block.id] = block.line


def _unique(base: str, taken: dict[str, int]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
