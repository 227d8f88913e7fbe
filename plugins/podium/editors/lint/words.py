"""Rules on words cut or glued by a lost space: `theUnited States`, `supply,precarious`, `govern- ment`.

Shapes find the candidates, the language's word list decides: both halves of a glued pair must be words and
the pair as written must not be one (`iPhone`, `McDonald`, `YouTube` stay), and a hyphenated pair is a cut
word only when the two halves make a common word (`pre- and post-war` is a suspended hyphen).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from podium.editors.lint import dictionary
from podium.editors.lint.transcript import Finding, Paragraph, Transcript, code_spans, inside

# A lowercase run then a capitalised word, inside one token: `theUnited`.
_CAMEL = re.compile(r"(?<![\w@#/.])([^\W\d_]{2,})(?<=[^\W\d_A-ZÀ-ÞА-Я])([A-ZÀ-ÞА-ЯЁ][^\W\d_A-ZÀ-ÞА-Я]{2,})(?![\w/@])")
# Two words with punctuation and no space between them: `supply,precarious`, `end.The`.
_PUNCTUATION = re.compile(r"(?<![\w@#/.:])([^\W\d_]{2,})([,;:!?]|\.(?=[A-ZÀ-ÞА-ЯЁ]))([^\W\d_]{2,}|I\b)(?![\w/@]|\.\w)")
_ENTITY = re.compile(r"&#?\w+;\w*")
_URLISH = re.compile(r"\S*(?:https?:|www\.|\.(?:com|org|net|gov|edu|kz|ru|uk|fr|de|tr)\b|@)\S*")


def check_glued_words(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    language = transcript.primary_language
    minimum = float(options.get("min_frequency", dictionary.COMMON))
    allowed = {word.casefold() for word in options.get("allow", [])}
    for piece in transcript.pieces():
        skip = code_spans(piece.text) + [match.span() for match in _URLISH.finditer(piece.text)]
        skip += [match.span() for match in _ENTITY.finditer(piece.text)]  # `&quot;now`: the entity rule's
        for pattern in (_CAMEL, _PUNCTUATION):
            for match in pattern.finditer(piece.text):
                left, right = match.group(1), match.group(match.lastindex or 2)
                whole = piece.text[match.start() : match.end()]
                if inside(match.start(), skip) or whole.casefold() in allowed:
                    continue
                if pattern is _CAMEL and not left[0].islower():
                    continue  # `McDonald`, `PowerPoint`: a capital first is a name's own spelling
                if not _both_words(left, right, whole, language, minimum, capitalised=pattern is _CAMEL):
                    continue
                gap = match.end(1)
                mark = piece.text[gap : match.start(match.lastindex or 2)]
                shown = f"{left}{mark} {right}"
                yield Finding(
                    "glued-words",
                    piece.number,
                    piece.column + match.start(),
                    f"`{whole}` looks like two words glued by a lost space",
                    f"write `{shown}`; if `{whole}` is right (a brand, a name), add it to "
                    "`lint: glued-words: allow` in mkdocs.yml",
                )


def _both_words(left: str, right: str, whole: str, language: str, minimum: float, capitalised: bool) -> bool:
    if not dictionary.supported(language):
        # No word list: only the clearest shape, a common short function word glued to a capitalised one.
        return capitalised and len(left) >= 2 and left.islower() and len(right) >= 4
    if capitalised and dictionary.known(whole, language):
        return False  # a word written that way: `iPhone`, `eBay` (too short anyway), `YouTube`
    # Both halves real spellings and one of them common: real prose glues its rarer words too (`crossroad,as`,
    # `supercomputer,which`, `modernizedKazakhstan`), and the right half of `theUnited` is a name as often as
    # a word (`theKremlin`, `ofAstana`).
    if not (dictionary.known(left, language) and dictionary.known(right, language)):
        return False
    return dictionary.known(left, language, minimum) or dictionary.known(right, language, minimum)


# hyphenation ----------------------------------------------------------------------------------------------------

# A word, a hyphen and a space (a line break that became one), then a lowercase word: `govern- ment`.
_CUT = re.compile(r"(?<![\w-])([^\W\d_]{1,})-\s+([^\W\d_A-ZÀ-ÞА-ЯЁ][^\W\d_]*)")
_CONJUNCTIONS = {"and", "or", "nor", "to", "und", "oder", "bis", "et", "ou", "и", "или", "ve", "veya", "y", "e", "o"}


def check_hyphenation(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    # Any real spelling will do for the joined word: the shape (a hyphen, a space, a lowercase half that is no
    # conjunction) is rare in clean prose, and a speech's cut words are often rare ones (`animosi- ties`).
    language = transcript.primary_language
    minimum = float(options.get("min_frequency", dictionary.KNOWN))
    for paragraph in transcript.paragraphs:
        yield from _cuts(paragraph, language, minimum)


def _cuts(paragraph: Paragraph, language: str, minimum: float) -> Iterator[Finding]:
    text = paragraph.text
    skip = code_spans(text)
    for match in _CUT.finditer(text):
        first, rest = match.group(1), match.group(2)
        if inside(match.start(), skip) or rest.casefold() in _CONJUNCTIONS:
            continue  # `pre- and post-war`: a suspended hyphen
        joined = first + rest
        if not dictionary.known(joined, language, minimum):
            continue
        line, column = paragraph.position(match.start())
        yield Finding(
            "hyphenation",
            line,
            column,
            f"`{match.group()}` is the word `{joined}` cut at a line end of the source",
            f"join it: `{joined}`",
        )
