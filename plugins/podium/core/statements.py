"""Split a transcript's body into statements, speaker turns, narrative and section headings.

The body is Markdown; each paragraph is one statement. Three marks read well in raw Markdown:

    @kagame: Thank you, Mr President.        <- a speaker turn starts (a registry id, then a colon)

    And this paragraph is Kagame's too.      <- the turn goes on until the next `@id:`

    [Applause]                               <- a bracketed paragraph is narrative, not a statement

    Multilateralism is faltering. {#faltering topics=multilateralism}
                                             <- an explicit id and statement-level topics

Every statement gets a stable id for its URL fragment. An explicit `{#id}` wins. Otherwise the id is a
short hash of the paragraph's own first words, so inserting, removing or editing *other* paragraphs never
changes it (a position-based id would). A paragraph repeated word for word ("Dear friends,") gets `-2`,
`-3` in order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from podium.core.problems import Problems

_TURN = re.compile(r"^@([A-Za-z0-9][A-Za-z0-9_-]*)\s*:[ \t]*")
_ATTRIBUTES = re.compile(r"[ \t]*\{([^{}\n]*)\}[ \t]*$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_NARRATIVE = re.compile(r"^\[[^\[\]]+\]$")
_FENCE = re.compile(r"^(```|~~~)")
_WORD = re.compile(r"\w+")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# `[[target|words]]`, an inline cross-reference (references.py): hashed as its words alone, so linking a
# statement's own words to another statement never changes the statement's permalink.
# The one pattern for it: group 1 is the target, group 2 the words (references, plaintext and related use it).
INLINE_REFERENCE = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]*))?\]\]")
HASH_WORDS = 12  # the id depends on this many leading words: fixing a later typo keeps the permalink


@dataclass
class Statement:
    """One paragraph of a transcript: a statement by a speaker (Popolo `speech`) or `narrative`."""

    id: str
    type: str  # "speech" or "narrative"; a heading is a `Section`
    text: str  # Markdown source, without the turn mark and the attribute block
    line: int
    column: int = 1
    speaker: str | None = None
    speaker_line: int = 0  # where the turn mark naming the speaker was written
    speaker_column: int = 1
    turn_start: bool = False  # the first statement of a speaker's turn
    explicit_id: bool = False
    topics: list[str] = field(default_factory=list)
    topic_positions: list[tuple[int, int]] = field(default_factory=list)
    # `see=target,target`: an editor's cross-references, attached without touching the speaker's words
    # (issue 5; read by references.py). Each is (target as written, line, column).
    see: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
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
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())[:HASH_WORDS]
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=3).hexdigest()
    return f"s-{digest}"


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:60] or "section"


def _blocks(body: str, first_line: int):
    """Yield (line, lines) for each blank-line-separated block; a fenced block stays whole."""
    current: list[str] = []
    start = first_line
    fence = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        if fence:
            current.append(line)
            if line.strip().startswith(fence):
                fence = None
            continue
        if not line.strip():
            if current:
                yield start, current
                current = []
            continue
        if not current:
            start = number
        if match := _FENCE.match(line.strip()):
            fence = match.group(1)
        current.append(line)
    if current:
        yield start, current


def parse(body: str, path: str, problems: Problems, first_line: int = 1,
          default_speaker: str | None = None) -> list[Block]:
    """Statements and sections of a body, in order, with stable ids; problems for bad marks."""
    blocks: list[Block] = []
    speaker = default_speaker
    speaker_at = (0, 1)
    turn_pending = False
    for line, lines in _blocks(body, first_line):
        first = lines[0]
        if heading := _HEADING.match(first) if len(lines) == 1 else None:
            blocks.append(Section(id="", title=heading.group(2), level=len(heading.group(1)), line=line))
            continue
        if turn := _TURN.match(first):
            speaker = turn.group(1)
            speaker_at = (line, 2)
            turn_pending = True
            lines = [first[turn.end():], *lines[1:]]
            if not "".join(lines).strip():
                continue  # `@id:` alone on its line: the turn's text follows
        statement = Statement(id="", type="speech", text="", line=line)
        last = lines[-1]
        if attrs := _ATTRIBUTES.search(last):
            if _looks_like_attributes(attrs.group(1)):
                column = attrs.start(1)  # 0-based index of the text after `{` is the 1-based column of `{`
                _apply_attributes(statement, attrs.group(1), path, line + len(lines) - 1, column, problems)
                lines = [*lines[:-1], last[: attrs.start()]]
        text = "\n".join(lines).strip()
        if _NARRATIVE.match(text):
            statement.type = "narrative"
        else:
            statement.speaker = speaker
            statement.speaker_line, statement.speaker_column = speaker_at
            statement.turn_start = turn_pending
            turn_pending = False
        statement.text = text
        blocks.append(statement)
    _assign_ids(blocks, path, problems)
    return blocks


def _looks_like_attributes(inner: str) -> bool:
    tokens = inner.split()
    return bool(tokens) and all(token.startswith("#") or "=" in token for token in tokens)


def _apply_attributes(statement: Statement, inner: str, path: str, line: int, column: int,
                      problems: Problems) -> None:
    offset = column + 1
    for token in re.finditer(r"\S+", inner):
        value, at = token.group(), offset + token.start()
        if value.startswith("#"):
            ident = value[1:]
            if not _ID.match(ident):
                problems.add(path, line, at, f"statement id `{ident}` is not valid",
                             "use lowercase letters, digits and hyphens, e.g. {#pledge-2025}")
            statement.id = ident
            statement.explicit_id = True
        elif value.startswith("topics="):
            position = at + len("topics=")
            for name in value[len("topics="):].split(","):
                if name:
                    statement.topics.append(name)
                    statement.topic_positions.append((line, position))
                position += len(name) + 1
        elif value.startswith("see="):
            position = at + len("see=")
            for target in value[len("see="):].split(","):
                if target:
                    statement.see.append((target, line, position))
                position += len(target) + 1
        else:
            key = value.split("=", 1)[0]
            problems.add(path, line, at, f"unknown statement attribute `{key}`",
                         "a statement may carry {#id} and topics=a,b, e.g. {#pledge topics=nuclear-security}")


def _assign_ids(blocks: list[Block], path: str, problems: Problems) -> None:
    taken: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, Statement) and block.explicit_id:
            if block.id in taken:
                problems.add(path, block.line, block.column,
                             f"duplicate statement id `{block.id}` (first used at line {taken[block.id]})",
                             "every statement id in a speech must be unique; rename one")
            taken.setdefault(block.id, block.line)
    for block in blocks:
        if isinstance(block, Statement) and not block.explicit_id:
            base = automatic_id(block.text) if block.type == "speech" else "n" + automatic_id(block.text)[1:]
            block.id = _unique(base, taken)
            taken[block.id] = block.line
        elif isinstance(block, Section):
            block.id = _unique("h-" + slug(block.title), taken)
            taken[block.id] = block.line


def _unique(base: str, taken: dict[str, int]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
