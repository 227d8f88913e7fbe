"""Rules on paragraphs: repeats, unbalanced quotes and brackets, double spaces, length, the placeholder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from podium.editors.lint import encoding
from podium.editors.lint.transcript import Finding, Fix, Paragraph, Transcript, words

PLACEHOLDER = "Paste the text of the speech here, one paragraph per statement."

# repeated-paragraph ---------------------------------------------------------------------------------------------

# Lines a speech repeats on purpose: greetings, thanks, and stage directions such as `(Applause.)`.
_SALUTATION = re.compile(
    r"^\W*(dear|ladies and gentlemen|my (fellow|dear|friends)|mr\.?|mrs\.?|madam|thank you|thanks|friends|"
    r"excellenc|your (majesty|excellenc|honou?r|highness)|distinguished|god bless|amen|chers?|mesdames|"
    r"liebe|sehr geehrte|дорогие|уважаем|друзья|sayın|değerli|aziz|құрметті|қадірлі)",
    re.IGNORECASE,
)
_NARRATIVE = re.compile(r"^\s*(\[[^\]]*\]|\([^)]*\)|\*[^*]+\*|_[^_]+_)\s*[.!]?\s*$")


# A salutation is a paragraph of its own (`Mr. Speaker, Mr. Vice President, Members of Congress, ...`); a
# longer one that opens so is a statement (`My fellow citizens of the world: ask not what America ...`).
_SALUTATION_WORDS = 20


def _salutation(text: str) -> bool:
    return bool(_SALUTATION.match(text)) and len(words(text)) <= _SALUTATION_WORDS


def _deliberate(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return paragraph.heading or paragraph.explicit_id or _salutation(text) or bool(_NARRATIVE.match(text))


def check_repeated_paragraph(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    minimum = int(options.get("min_words", 6))
    apart = int(options.get("min_words_apart", 15))
    seen: dict[tuple[str, ...], tuple[int, int]] = {}  # words -> (line, index among the statements)
    index = 0
    previous: tuple[str, ...] = ()
    for paragraph in transcript.paragraphs:
        if paragraph.heading or not paragraph.lines:
            continue
        index += 1
        found = tuple(word.casefold() for word in words(paragraph.text))
        if len(found) >= minimum and not _deliberate(paragraph) and found in seen:
            adjacent = found == previous
            if adjacent or len(found) >= apart:
                yield Finding(
                    "repeated-paragraph",
                    paragraph.line,
                    paragraph.lines[0].column,
                    f"this paragraph repeats the one at line {seen[found][0]} word for word",
                    "if the scrape doubled it, delete the copy; if the speaker did repeat it, give the copy an "
                    "explicit id such as {#repeated-pledge}",
                )
        seen.setdefault(found, (paragraph.line, index))
        if not _salutation(paragraph.text):
            previous = found  # "Dear friends," between a paragraph and its copy does not make them apart


# unbalanced-quotes and unbalanced-brackets ----------------------------------------------------------------------

_LIST_MARK = re.compile(r"^\s*(\w{1,3}|\d+)\)\s")


def check_unbalanced_brackets(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    pairs = {")": "(", "]": "[", "}": "{"}
    for paragraph in transcript.paragraphs:
        text = paragraph.text
        skip = mark.end() if (mark := _LIST_MARK.match(text)) else 0
        stack: list[tuple[str, int]] = []
        for offset, char in enumerate(text):
            if offset < skip:
                continue
            if char in "([{":
                stack.append((char, offset))
            elif char in pairs:
                if stack and stack[-1][0] == pairs[char]:
                    stack.pop()
                else:
                    line, column = paragraph.position(offset)
                    yield Finding(
                        "unbalanced-brackets",
                        line,
                        column,
                        f"`{char}` closes a bracket that was never opened in this paragraph",
                        f"add the missing `{pairs[char]}` or delete the `{char}`",
                    )
                    stack.clear()
                    break
        for char, offset in stack[:1]:
            line, column = paragraph.position(offset)
            closing = {v: k for k, v in pairs.items()}[char]
            yield Finding(
                "unbalanced-brackets",
                line,
                column,
                f"`{char}` is never closed in this paragraph",
                f"add the missing `{closing}` or delete the `{char}`",
            )


_OPENING = '“„«"'


def _quotes(text: str) -> tuple[list[tuple[str, int]], tuple[str, int] | None]:
    """The quotes left open in `text`, and the first closing quote that has no opening one."""
    # „ opens and “ closes in German and Russian; “ opens and ” closes in English: one stack serves both.
    stack: list[tuple[str, int]] = []
    stray: tuple[str, int] | None = None
    for offset, char in enumerate(text):
        if char in "«„":
            stack.append((char, offset))
        elif char == "“":
            if stack and stack[-1][0] == "„":
                stack.pop()
            else:
                stack.append((char, offset))
        elif char == "”":
            if stack and stack[-1][0] in "“„":
                stack.pop()
            elif stray is None:
                stray = (char, offset)
        elif char == "»":
            if stack and stack[-1][0] == "«":
                stack.pop()
            elif stray is None:
                stray = (char, offset)
    straight = [offset for offset, char in enumerate(text) if char == '"']
    if len(straight) % 2:
        stack.append(('"', straight[-1]))
    return stack, stray


def check_unbalanced_quotes(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    body = [p for p in transcript.paragraphs if not p.heading and p.lines]
    for number, paragraph in enumerate(body):
        text = paragraph.text
        if encoding.BROKEN.search(text) or any(encoding.sequences(text)):
            continue  # a quote mark garbled by mojibake: that rule reports it, and this one after the fix
        stack, stray = _quotes(text)
        if stray:
            line, column = paragraph.position(stray[1])
            yield Finding(
                "unbalanced-quotes",
                line,
                column,
                f"closing quote `{stray[0]}` without an opening one in this paragraph",
                "add the opening quote, or delete this one if it was copied from the article around the speech",
            )
        if stack and _continued_quotation(stack, text, body[number + 1 :]):
            continue
        for char, offset in stack[:1]:
            line, column = paragraph.position(offset)
            yield Finding(
                "unbalanced-quotes",
                line,
                column,
                f"quote `{char}` is never closed in this paragraph",
                "add the closing quote where the quotation ends, or delete this one",
            )


def _continued_quotation(stack: list[tuple[str, int]], text: str, rest: list[Paragraph]) -> bool:
    """A quotation of several paragraphs: each opens with the quote mark and only the last one closes it."""
    lead = len(text) - len(text.lstrip())
    if len(stack) != 1 or stack[0][1] != lead or not rest:
        return False
    following = rest[0].text.lstrip()
    return following[:1] == stack[0][0] and stack[0][0] in _OPENING


# double-space ---------------------------------------------------------------------------------------------------

_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def check_double_space(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    for piece in transcript.pieces():
        for match in _DOUBLE_SPACE.finditer(piece.text):
            column = piece.column + match.start()
            yield Finding(
                "double-space",
                piece.number,
                column,
                f"{len(match.group())} spaces between words",
                "use one space (`podium lint --fix` does it)",
                Fix(piece.number, column, len(match.group()), " "),
            )


# long-statement -------------------------------------------------------------------------------------------------


def check_long_statement(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    limit = int(options.get("max_words", 400))
    for paragraph in transcript.paragraphs:
        count = len(words(paragraph.text))
        if not paragraph.heading and count > limit:
            yield Finding(
                "long-statement",
                paragraph.line,
                paragraph.lines[0].column,
                f"statement of {count} words is too long to cite (the limit is {limit})",
                "split it with a blank line where the speaker moves on: each paragraph becomes a "
                "statement with its own link",
            )


# placeholder ----------------------------------------------------------------------------------------------------


def check_placeholder(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    for paragraph in transcript.paragraphs:
        if paragraph.text.strip() == PLACEHOLDER:
            yield Finding(
                "placeholder",
                paragraph.line,
                paragraph.lines[0].column,
                "the text that `podium new` left for the speech is still here",
                "replace it with the text of the speech",
            )
