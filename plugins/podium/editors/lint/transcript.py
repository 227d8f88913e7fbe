"""The text as lint sees it, and what a rule hands back.

Lint reads the paragraphs the build turns into statements (`core.statements`), never its own split: the two
agree on where a statement starts, and on which lines are code, which no rule looks at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from podium.core.frontmatter import parse_yaml, split
from podium.core.problems import Problems, Severity
from podium.core.statements import Line, paragraphs


@dataclass
class Paragraph:
    """The words of one statement, heading or narrative as lint sees them: its lines outside code fences,
    without the turn mark and the `{#id topics=...}` block. A paragraph of code alone has no lines."""

    line: int  # where the paragraph starts, as for the statement the build makes of it
    lines: list[Line]
    heading: bool = False
    explicit_id: bool = False

    @property
    def text(self) -> str:
        return " ".join(piece.text for piece in self.lines)

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column of character `offset` of `text`."""
        for piece in self.lines:
            if offset <= len(piece.text):
                return piece.number, piece.column + offset
            offset -= len(piece.text) + 1
        last = self.lines[-1]
        return last.number, last.column + len(last.text)


@dataclass
class Transcript:
    path: str
    language: str
    lines: list[str]  # the whole file, line 1 first
    front: list[Line] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def primary_language(self) -> str:
        """`en` for `en-GB`: the language whose alphabet and word list the rules use."""
        return self.language.split("-")[0].lower()

    def pieces(self) -> Iterator[Line]:
        """Every line of prose of the body, in order."""
        for paragraph in self.paragraphs:
            yield from paragraph.lines


def read(text: str, path: str) -> Transcript:
    """Front-matter lines and body paragraphs of a transcript, keeping every position."""
    problems = Problems()
    source = split(text, path, problems)
    lines = text.split("\n")
    transcript = Transcript(path=path, language="en", lines=lines)
    if source.front_matter is not None:
        document = parse_yaml(source.front_matter, path, Problems(), first_line=source.front_matter_line)
        data = document.data if document is not None else None
        if isinstance(data, dict) and isinstance(data.get("language"), str):
            transcript.language = data["language"]
        for number in range(source.front_matter_line, source.body_line - 1):
            transcript.front.append(Line(number, 1, lines[number - 1]))
    transcript.paragraphs = [
        Paragraph(paragraph.line, paragraph.prose, heading=bool(paragraph.level), explicit_id=paragraph.explicit_id)
        for paragraph in paragraphs(source.body, source.body_line)
        if not paragraph.turn_mark_only
    ]
    return transcript


@dataclass(frozen=True)
class Fix:
    """Replace `length` characters at `line`:`column` by `replacement`; only safe rules make one."""

    line: int
    column: int
    length: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int
    column: int
    message: str
    hint: str
    fix: Fix | None = None


@dataclass(frozen=True)
class Option:
    """One option of a rule in mkdocs.yml: its default, and what it is, for the guide and for validation."""

    default: Any
    doc: str

    def __str__(self) -> str:
        return self.doc


@dataclass(frozen=True)
class Rule:
    name: str
    check: Callable[[Transcript, dict[str, Any]], Iterator[Finding]]
    severity: Severity
    summary: str
    bad: str  # an example that fires (for the editors' guide and the tests)
    good: str  # its near miss, which must not fire
    fixable: bool = False
    options: dict[str, Option] = field(default_factory=dict)
    enabled: bool = True  # off by default: an archive turns it on with `lint: {enable: [name]}`


WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where inline code (`like this`) is in a line: words no rule reads."""
    return [match.span() for match in _INLINE_CODE.finditer(text)]


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
