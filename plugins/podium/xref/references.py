"""Cross-references between statements: find them, resolve them, and index who references whom.

An editor links a statement to another statement, to a whole speech or to a speaker. Two forms, one
target syntax:

    ... Multilateralism is faltering. {#faltering see=aif-2024-kagame-opening#pledge,@kagame}
        ^ `see=` in the attribute block: attached to the statement, the speaker's words stay untouched

    As I said [[aif-2024-tokayev-plenary#water|last year]], water is our first concern.
        ^ inline, around the speaker's own words: they read the same, and now they are a link

A target is `speech#statement`, `#statement` (in the same speech), `speech` (the whole speech) or
`@speaker`. Inline, `[[target]]` without words prints the target's name: use it only where the words
are the editor's, never inside what a speaker said.

    index = resolve(archive)             # every reference, resolved, plus the backlinks
    index.to_statement["aif-2025-tokayev-plenary", "multilateralism-is-faltering"]
    -> [Reference(source=..., target=Target(speech='aif-2025-tokayev-plenary', statement=...))]

`check(archive)` reports each broken reference where it was written, with suggestions:

    speeches/2025/a.md:12:31: error: unknown statement `faltring` in speech `aif-2025-tokayev-plenary`
      hint: did you mean `faltering`?

Plain Python: `podium check` and the MkDocs plugin (plugins/podium/mkdocs/xref.py) share it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from podium.core.archive import Archive
from podium.core.problems import Problems, did_you_mean
from podium.core.speech import Speech
from podium.core.statements import INLINE_REFERENCE, Statement
from podium.core.text import inline_references

# `[[target]]` or `[[target|words]]`; a target never holds brackets, a bar or a line break.
INLINE = INLINE_REFERENCE
_TARGET = re.compile(
    r"^(?:@(?P<speaker>[A-Za-z0-9][A-Za-z0-9_-]*)"
    r"|(?P<speech>[A-Za-z0-9][A-Za-z0-9._-]*)?(?:#(?P<statement>[A-Za-z0-9][A-Za-z0-9-]*))?)$"
)


@dataclass(frozen=True, order=True)
class Target:
    """What a reference points at: a statement, a whole speech, or a speaker.

    >>> Target.parse("aif-2025-tokayev-plenary#nuclear-legacy", here="x").key
    'aif-2025-tokayev-plenary#nuclear-legacy'
    >>> Target.parse("#nuclear-legacy", here="aif-2025-tokayev-plenary").speech
    'aif-2025-tokayev-plenary'
    >>> Target.parse("@tokayev", here="x").kind
    'speaker'
    """

    speech: str | None = None
    statement: str | None = None
    speaker: str | None = None

    @classmethod
    def parse(cls, text: str, here: str) -> Target | None:
        """The target written as `text` in speech `here`; None if it is not a target at all."""
        match = _TARGET.match(text.strip())
        if not match or not any(match.groupdict().values()):
            return None
        if match["speaker"]:
            return cls(speaker=match["speaker"])
        return cls(speech=match["speech"] or here, statement=match["statement"])

    @property
    def kind(self) -> str:
        return "speaker" if self.speaker else "statement" if self.statement else "speech"

    @property
    def key(self) -> str:
        """The canonical spelling, also the key of the target's preview card."""
        if self.speaker:
            return f"@{self.speaker}"
        assert self.speech is not None  # not a speaker: `parse` fills in the speech it was written in
        return f"{self.speech}#{self.statement}" if self.statement else self.speech


@dataclass(eq=False)
class Reference:
    """One reference as written: in statement `statement` of speech `source`, at `line`:`column`."""

    source: Speech
    statement: Statement
    target: Target
    written: str  # the target as the editor wrote it, e.g. `#nuclear-legacy`
    line: int
    column: int
    form: str = "see"  # "see" (attribute block) or "inline" ([[...]] in the text)
    words: str | None = None  # an inline reference's own words, `[[target|words]]`

    @property
    def origin(self) -> tuple[str, str]:
        return self.source.id, self.statement.id


@dataclass
class Index:
    """Every resolved reference and the backlinks, both ways.

    `to_statement[(speech, statement)]`: the references a statement received.
    `to_speech[speech]`: every reference into a speech (to the speech itself or any of its statements).
    `to_speaker[speaker]`: references to `@speaker` and to any statement the speaker made.
    `from_statement[(speech, statement)]`: the references a statement makes, in order.
    """

    references: list[Reference] = field(default_factory=list)
    to_statement: dict[tuple[str, str], list[Reference]] = field(default_factory=lambda: defaultdict(list))
    to_speech: dict[str, list[Reference]] = field(default_factory=lambda: defaultdict(list))
    to_speaker: dict[str, list[Reference]] = field(default_factory=lambda: defaultdict(list))
    from_statement: dict[tuple[str, str], list[Reference]] = field(default_factory=lambda: defaultdict(list))

    def received(self, speech: str, statement: str) -> list[Reference]:
        return self.to_statement.get((speech, statement), [])

    def referring_speeches(self, speech: str) -> dict[str, list[Reference]]:
        """The OTHER speeches that reference `speech`, each with its references into it, in order."""
        grouped: dict[str, list[Reference]] = {}
        for reference in self.to_speech.get(speech, []):
            if reference.source.id != speech:
                grouped.setdefault(reference.source.id, []).append(reference)
        return grouped


def source_lines(speech: Speech, root: Path) -> list[str]:
    """The transcript's lines as written (for the column of an inline reference)."""
    path = Path(speech.path)
    path = path if path.is_absolute() else Path(root) / path
    try:
        return path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def find(speech: Speech, lines: list[str]) -> list[Reference]:
    """Every reference written in a speech, in reading order, targets not yet resolved.

    `see=` targets carry their position from the statement parser. Inline `[[...]]` ones are found in the
    statement's lines of the file, from its first line to the blank line that ends the paragraph, where
    they are text (not in a code span, a raw tag, or a link's address or words: `core.text.inline_references`).
    """
    found: list[Reference] = []
    for statement in speech.statements:
        spans = []
        if "[[" in statement.text:
            last = statement.line
            while last <= len(lines) and lines[last - 1].strip():
                last += 1
            paragraph = lines[statement.line - 1 : last - 1]
            starts = [0]  # the offset of each line in the paragraph
            for written_line in paragraph:
                starts.append(starts[-1] + len(written_line) + 1)
            for match in inline_references("\n".join(paragraph)):
                row = bisect.bisect_right(starts, match.start(1)) - 1
                column = match.start(1) - starts[row] + 1
                spans.append((statement.line + row, column, match.group(1), match.group(2)))
        for written, line, column in statement.see:
            found.append(_reference(speech, statement, written, line, column, "see", None))
        for line, column, written, words in spans:
            found.append(_reference(speech, statement, written, line, column, "inline", words))
    return found


def _reference(
    speech: Speech, statement: Statement, written: str, line: int, column: int, form: str, words: str | None
) -> Reference:
    target = Target.parse(written, here=speech.id) or Target(speech=written.strip(), statement=None)
    return Reference(
        speech, statement, target, written, line, column, form, words.strip() if words and words.strip() else None
    )


def resolve(archive: Archive, problems: Problems | None = None, known_speeches: set[str] | None = None) -> Index:
    """Resolve every reference of the archive; report broken ones to `problems`; index the backlinks.

    `known_speeches`: transcripts that exist but were not loaded (`podium check one-file.md`, or a
    transcript whose front matter failed): a reference into one of them is not checked further.
    """
    problems = problems if problems is not None else Problems()
    suggest = _Suggestions()
    speeches = {speech.id: speech for speech in archive.speeches}
    statements = {sid: {s.id: s for s in speech.statements} for sid, speech in speeches.items()}
    index = Index()
    for speech in archive.speeches:
        lines = source_lines(speech, archive.root) if any("[[" in s.text for s in speech.statements) else []
        for reference in find(speech, lines):
            if _check(reference, archive, speeches, statements, problems, known_speeches or set(), suggest):
                _record(index, reference, speeches, statements)
    return index


def check(archive: Archive, known_speeches: set[str] | None = None) -> Index:
    """Resolve and add every broken reference to `archive.problems` (used by `archive.load`)."""
    return resolve(archive, archive.problems, known_speeches)


def _check(
    reference: Reference,
    archive: Archive,
    speeches: dict[str, Speech],
    statements: dict[str, dict[str, Statement]],
    problems: Problems,
    known: set[str],
    suggest: _Suggestions,
) -> bool:
    """True if the reference resolves; otherwise a problem at the place it was written."""
    path, line, column = reference.source.path, reference.line, reference.column
    target, written = reference.target, reference.written
    if Target.parse(written, here=reference.source.id) is None:
        problems.add(
            path,
            line,
            column,
            f"`{written}` is not a reference",
            "write speech#statement, #statement (same speech), speech, or @speaker, "
            "e.g. see=aif-2025-tokayev-plenary#nuclear-legacy",
        )
        return False
    if target.speaker:
        return archive.registry.speakers.check(target.speaker, path, line, column, problems, "speaker")
    assert target.speech is not None  # not a speaker: `parse` fills in the speech it was written in
    if target.speech not in speeches:
        if target.speech in known:
            return False  # exists but not loaded: checked when it is
        problems.add(
            path,
            line,
            column,
            f"unknown speech `{target.speech}`",
            suggest(target.speech, speeches)
            or "name the transcript by its file name without .md, e.g. aif-2025-tokayev-plenary",
        )
        return False
    if target.statement is None:
        return True
    if target.statement not in statements[target.speech]:
        ids = list(statements[target.speech])
        problems.add(
            path,
            line,
            column,
            f"unknown statement `{target.statement}` in speech `{target.speech}`",
            suggest(target.statement, ids)
            or "copy the id from the statement's ¶ permalink, or give the statement an id with {#id}",
        )
        return False
    if (target.speech, target.statement) == reference.origin:
        problems.add(
            path,
            line,
            column,
            f"statement `{target.statement}` references itself",
            "a reference points at another statement, speech or speaker",
        )
        return False
    return True


# Names compared for "did you mean" in one check. Each suggestion compares the wrong name with every name it
# could have meant: without a bound, a transcript with thousands of broken references into a speech with
# thousands of statements would make `podium check` quadratic. Past it, problems keep the plain hint.
SUGGESTION_BUDGET = 50_000


class _Suggestions:
    """`did_you_mean` within SUGGESTION_BUDGET comparisons, so checking stays linear in the references."""

    def __init__(self, budget: int = SUGGESTION_BUDGET) -> None:
        self.left = budget

    def __call__(self, word: str, candidates: Iterable[str]) -> str:
        names = list(candidates)
        if len(names) > self.left:
            return ""
        self.left -= len(names)
        return did_you_mean(word, names)


def _record(
    index: Index, reference: Reference, speeches: dict[str, Speech], statements: dict[str, dict[str, Statement]]
) -> None:
    target = reference.target
    index.references.append(reference)
    index.from_statement[reference.origin].append(reference)
    if target.speaker:
        index.to_speaker[target.speaker].append(reference)
        return
    assert target.speech is not None  # as in `_check`, which let this reference through
    index.to_speech[target.speech].append(reference)
    if target.statement:
        index.to_statement[target.speech, target.statement].append(reference)
        speaker = statements[target.speech][target.statement].speaker
        if speaker:
            index.to_speaker[speaker].append(reference)


def received_by_speaker(index: Index, speaker: str) -> list[Reference]:
    """The references a speaker received (to `@speaker` or to their statements), newest source first.

    For speaker pages: `received_by_speaker(index, "tokayev")`.
    """
    return sorted(
        index.to_speaker.get(speaker, []), key=lambda r: (r.source.meta.date, r.source.id), reverse=True
    )  # stable: in reading order
