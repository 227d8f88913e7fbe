"""`podium lint`: find the artifacts that real transcripts carry, before a reviewer has to.

`podium check` says whether a transcript is valid; lint says whether it is clean. Text pasted from a
scraped article, a PDF or an old database brings stray accents (`advócacy`), mojibake (`â€™`), the site's
"Photo by" and "Read more" lines, doubled paragraphs, unclosed quotes and double spaces. Each rule has a
name, reports `path:line:col` and suggests a fix:

    speeches/2025/aif.md:79:155: warning: [foreign-character] stray `ó` in the English word `advócacy`
      hint: write `advocacy` and record the change under `corrections:` in the front matter; ...

Rules are configured per archive in mkdocs.yml, under the `podium` plugin's `lint:` option:

    plugins:
      - podium:
          lint:
            disable: [long-statement]          # rules to skip
            severity: {double-space: error}    # warning or error, per rule
            long-statement: {max_words: 200}   # a rule's own options (see RULES)
            foreign-character: {allow: [café]}
            boilerplate: {patterns: ["^Sponsored content"]}

Lint never writes a file unless asked: `--fix` applies only the fixes that cannot change what was said
(collapsing double spaces, re-decoding mojibake) and prints each one. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podium.core import archive as archives
from podium.core.frontmatter import parse_yaml, split
from podium.core.problems import Problem, Problems, Severity, did_you_mean
from podium.core.settings import Settings
from podium.core.statements import Line, paragraphs

PLACEHOLDER = "Paste the text of the speech here, one paragraph per statement."


# -- the text as lint sees it -------------------------------------------------------------------------------
# Lint reads the paragraphs the build turns into statements (core.statements), never its own split: the two
# agree on where a statement starts, and on which lines are code, which no rule looks at.


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


# -- rules ----------------------------------------------------------------------------------------------------


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
class Rule:
    name: str
    check: Callable[[Transcript, dict[str, Any]], Iterator[Finding]]
    severity: Severity
    summary: str
    bad: str  # an example that fires (for the editors' guide and the tests)
    good: str  # its near miss, which must not fire
    fixable: bool = False
    options: dict[str, Any] = field(default_factory=dict)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


# foreign-character ------------------------------------------------------------------------------------------

_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
# Letters each language writes, besides the base alphabet of its script. A letter outside this set, in a
# lowercase word of the same script, is almost always an artifact (a stray accent from a scrape or an OCR).
ALPHABETS: dict[str, tuple[str, str]] = {
    "en": ("latin", _LATIN),
    "fr": ("latin", _LATIN + "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ"),
    "tr": ("latin", _LATIN + "çğıöşüâîûÇĞİÖŞÜÂÎÛ"),
    "de": ("latin", _LATIN + "äöüßÄÖÜẞ"),
    "es": ("latin", _LATIN + "áéíóúüñÁÉÍÓÚÜÑ"),
    "pt": ("latin", _LATIN + "áâãàçéêíóôõúüÁÂÃÀÇÉÊÍÓÔÕÚÜ"),
    "it": ("latin", _LATIN + "àèéìíîòóùúÀÈÉÌÍÎÒÓÙÚ"),
    "ru": ("cyrillic", _RUSSIAN),
    "kk": ("cyrillic", _RUSSIAN + "әғқңөұүһіӘҒҚҢӨҰҮҺІ"),
}
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "tr": "Turkish",
    "de": "German",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "ru": "Russian",
    "kk": "Kazakh",
}
# Loanwords English writes with their accents; an archive adds its own with `foreign-character: {allow: [...]}`.
ENGLISH_LOANWORDS = {
    "café",
    "cafés",
    "naïve",
    "naïveté",
    "résumé",
    "fiancé",
    "fiancée",
    "déjà",
    "façade",
    "rôle",
    "détente",
    "entrée",
    "élite",
    "protégé",
    "cliché",
    "soirée",
    "à",
    "über",
    "señor",
}
_WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    return "other"


def strip_accents(word: str, keep: str = "") -> str:
    """`advócacy` -> `advocacy`: drop the combining marks of every letter not in `keep`."""
    out = []
    for char in word:
        if char in keep:
            out.append(char)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
    return "".join(out)


def check_foreign_character(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    primary = transcript.language.split("-")[0].lower()
    script, alphabet = ALPHABETS.get(primary, ("", ""))
    allowed = {w.casefold() for w in options.get("allow", [])}
    if primary == "en":
        allowed |= ENGLISH_LOANWORDS
    for paragraph in transcript.paragraphs:
        for piece in paragraph.lines:
            for match in _WORD.finditer(piece.text):
                word = match.group()
                if word.isascii() or word.casefold() in allowed:
                    continue
                scripts = {_script(char) for char in word} - {"other"}
                if scripts == {"latin", "cyrillic"}:
                    odd = sorted({c for c in word if _script(c) != _majority(word)})
                    first = min(word.index(c) for c in odd)
                    yield Finding(
                        "foreign-character",
                        piece.number,
                        piece.column + match.start() + first,
                        f"the word `{word}` mixes Latin and Cyrillic letters "
                        f"({', '.join(f'`{c}` U+{ord(c):04X}' for c in odd)})",
                        "retype the word in one script; look-alike letters often come from OCR or "
                        "a keyboard switched mid-word",
                    )
                    continue
                if not script or scripts != {script} or word != word.lower():
                    continue  # another script (a quoted name) or a capitalised name: Erdoğan, Zürich
                foreign = [char for char in word if char not in alphabet]
                if not foreign:
                    continue
                corrected = strip_accents(word, keep=alphabet)
                name = LANGUAGE_NAMES.get(primary, primary)
                letters = ", ".join(f"`{c}`" for c in dict.fromkeys(foreign))
                hint = (
                    f"write `{corrected}` and record the change under `corrections:` in the front matter; "
                    if corrected != word
                    else ""
                )
                yield Finding(
                    "foreign-character",
                    piece.number,
                    piece.column + match.start() + word.index(foreign[0]),
                    f"stray {letters} in the {name} word `{word}`",
                    hint + "if the spelling is right, add the word to `lint: foreign-character: allow` in mkdocs.yml",
                )


def _majority(word: str) -> str:
    latin = sum(_script(c) == "latin" for c in word)
    return "latin" if latin * 2 >= len(word) else "cyrillic"


# mojibake -------------------------------------------------------------------------------------------------------

_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u00a0-\u00bf" + _CP1252_HIGH + "]{1,3}")


def _redecode(text: str) -> str | None:
    """The text as it was before UTF-8 bytes were read as Windows-1252, or None if it was not that."""
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None


def check_mojibake(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    pieces = [*transcript.front, *(piece for p in transcript.paragraphs for piece in p.lines)]
    for piece in pieces:
        for match in _MOJIBAKE.finditer(piece.text):
            run = match.group()
            lead = ord(run[0])
            size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            if len(run) < size:
                continue
            run = run[:size]
            fixed = _redecode(run)
            if fixed is None:
                continue
            yield Finding(
                "mojibake",
                piece.number,
                piece.column + match.start(),
                f"mojibake `{run}`: UTF-8 text that was read as Windows-1252; it should read `{fixed}`",
                f"replace `{run}` with `{fixed}` (`podium lint --fix` does it)",
                Fix(piece.number, piece.column + match.start(), len(run), fixed),
            )
        for offset, char in enumerate(piece.text):
            if char == "\ufffd":
                yield Finding(
                    "mojibake",
                    piece.number,
                    piece.column + offset,
                    "replacement character `\ufffd`: a letter was lost when the text was decoded",
                    "look the word up in the source and retype the missing letter",
                )


# boilerplate ----------------------------------------------------------------------------------------------------

# A line that starts with one of these, and is short or has no sentence ending, is the website, not the speaker.
BOILERPLATE_STARTS = [
    r"photo(graph)?s?\s*(by\b|:|credits?\b)",
    r"(image|picture|video)\s*(by\b|:|credits?\b)",
    r"share (this|on)\b",
    r"(read|see) (more|also)\b",
    r"related( articles?| stories| news| posts)?\s*:",
    r"(click here|subscribe|sign up|follow us)\b",
    r"advertisement$",
    r"sponsored( content)?$",
    r"(you may also like|recommended for you|more from)\b",
    r"(tags?|categories)\s*:",
    r"(ilginizi çekebilir|bunlar da ilginizi çekebilir|ilgili haberler|paylaş\b|fotoğraf\s*:)",
    r"((à )?lire aussi|voir aussi|partager\b|crédit photo)",
    r"(читайте также|смотрите также|поделиться|фото\s*:)",
    r"(lesen sie auch|mehr zum thema|teilen\b|foto\s*:)",
    r"(leer más|lea también|compartir\b)",
    r"(leia também|compartilhe)",
    r"(тағы оқыңыз|бөлісу)",
]
# Teasers that a scrape glues onto the end of a real line ("... Forum.” İlginizi Çekebilir----").
BOILERPLATE_ANYWHERE = [
    r"İlginizi Çekebilir",
    r"Bunlar da ilginizi çekebilir",
    r"Читайте также",
    r"À lire aussi",
    r"Lesen Sie auch",
    r"Share this article",
    r"Read more:",
]
_SENTENCE_END = re.compile(r"[.!?…\"”»’]\s*$")


def boilerplate_match(text: str, extra: Sequence[str] = ()) -> re.Match | None:
    """Where the boilerplate starts in `text`, or None. Used by lint and by `podium import article`."""
    stripped = text.strip()
    starts = [*BOILERPLATE_STARTS, *extra]
    if re.match("(" + "|".join(starts) + ")", stripped, re.IGNORECASE) and (
        len(_words(stripped)) <= 8 or not _SENTENCE_END.search(stripped)
    ):
        return re.search(r"\S", text)
    return re.search("(" + "|".join(BOILERPLATE_ANYWHERE) + ")", text, re.IGNORECASE)


def check_boilerplate(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    extra = list(options.get("patterns", []))
    for paragraph in transcript.paragraphs:
        for piece in paragraph.lines:
            if match := boilerplate_match(piece.text, extra):
                shown = piece.text[match.start() :].strip()
                yield Finding(
                    "boilerplate",
                    piece.number,
                    piece.column + match.start(),
                    f"`{_shorten(shown)}` looks like the website's text, not the speaker's",
                    "delete it; if the speaker really said it, leave it and tell the reviewer, or "
                    "turn the rule off with `lint: {disable: [boilerplate]}` in mkdocs.yml",
                )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# repeated-paragraph ---------------------------------------------------------------------------------------------


def check_repeated_paragraph(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    minimum = int(options.get("min_words", 6))
    seen: dict[tuple[str, ...], int] = {}
    for paragraph in transcript.paragraphs:
        if paragraph.heading:
            continue
        words = tuple(word.casefold() for word in _words(paragraph.text))
        if len(words) < minimum:
            continue  # "Dear friends," may well come twice
        if words in seen and not paragraph.explicit_id:
            yield Finding(
                "repeated-paragraph",
                paragraph.line,
                paragraph.lines[0].column,
                f"this paragraph repeats the one at line {seen[words]} word for word",
                "delete the copy (scrapes often double a paragraph); if the speaker did repeat "
                "it, give the copy an explicit id such as {#repeated-pledge}",
            )
        seen.setdefault(words, paragraph.line)


# unbalanced-quotes and unbalanced-brackets --------------------------------------------------------------------

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


def check_unbalanced_quotes(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    for paragraph in transcript.paragraphs:
        text = paragraph.text
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
        if stray:
            line, column = paragraph.position(stray[1])
            yield Finding(
                "unbalanced-quotes",
                line,
                column,
                f"closing quote `{stray[0]}` without an opening one in this paragraph",
                "add the opening quote, or delete this one if it was copied from the article around the speech",
            )
        for char, offset in stack[:1]:
            line, column = paragraph.position(offset)
            yield Finding(
                "unbalanced-quotes",
                line,
                column,
                f"quote `{char}` is never closed in this paragraph",
                "add the closing quote where the quotation ends, or delete this one",
            )


# double-space -----------------------------------------------------------------------------------------------------

_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def check_double_space(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    for paragraph in transcript.paragraphs:
        for piece in paragraph.lines:
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


# long-statement ---------------------------------------------------------------------------------------------------


def check_long_statement(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    limit = int(options.get("max_words", 150))
    for paragraph in transcript.paragraphs:
        count = len(_words(paragraph.text))
        if not paragraph.heading and count > limit:
            yield Finding(
                "long-statement",
                paragraph.line,
                paragraph.lines[0].column,
                f"statement of {count} words is too long to cite (the limit is {limit})",
                "split it with a blank line where the speaker moves on: each paragraph becomes a "
                "statement with its own link",
            )


# placeholder ------------------------------------------------------------------------------------------------------


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


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in [
        Rule(
            "foreign-character",
            check_foreign_character,
            "warning",
            "A letter the transcript's language does not use, inside a lowercase word (a stray accent), or a "
            "word that mixes Latin and Cyrillic letters. Capitalised names (Erdoğan, Zürich) are left alone.",
            "Today, we continue our advócacy for non-proliferation.",
            "Le Président a été très clair : ça suffit. (language: fr)",
            options={"allow": "words spelled right that the rule would flag, e.g. [café, naïve]"},
        ),
        Rule(
            "mojibake",
            check_mojibake,
            "error",
            "UTF-8 text that was decoded as Windows-1252 somewhere on its way (`â€™`, `Ã©`), or the "
            "replacement character `\ufffd`.",
            "Kazakhstanâ€™s foreign policy",
            "Kazakhstan’s foreign policy",
            fixable=True,
        ),
        Rule(
            "boilerplate",
            check_boilerplate,
            "error",
            'A line of the website around the speech: photo credits, sharing buttons, "Read more" and '
            "related-article teasers, in English, Turkish, French, Russian, German, Spanish, Portuguese and "
            "Kazakh.",
            "Photo by Derya Soysal",
            "Share this vision with your neighbours, and the region will prosper.",
            options={"patterns": 'more regular expressions for lines to flag, e.g. ["^Sponsored by"]'},
        ),
        Rule(
            "repeated-paragraph",
            check_repeated_paragraph,
            "warning",
            "A paragraph of at least `min_words` words that repeats an earlier one word for word.",
            "We will not deviate from this strategic path.\n\nWe will not deviate from this strategic path.",
            "Dear friends,\n\nDear friends,",
            options={"min_words": "shortest paragraph that counts (default 6)"},
        ),
        Rule(
            "unbalanced-quotes",
            check_unbalanced_quotes,
            "warning",
            "A quotation mark that is not closed, or a closing one without an opening one, in a paragraph. "
            "Understands “English”, „German“, «French and Russian» quotes.",
            "We call it “The unity in diversity.",
            "We call it “The unity in diversity”.",
        ),
        Rule(
            "unbalanced-brackets",
            check_unbalanced_brackets,
            "warning",
            "A bracket `(`, `[` or `{` that is not closed in its paragraph, or a closing one without an opening.",
            "The Centre (in Almaty will open next year.",
            "1) The Centre (in Almaty) will open next year.",
        ),
        Rule(
            "double-space",
            check_double_space,
            "warning",
            "Two or more spaces between words.",
            "We meet at a  time of profound uncertainty.",
            "We meet at a time of profound uncertainty.",
            fixable=True,
        ),
        Rule(
            "long-statement",
            check_long_statement,
            "warning",
            "A statement with more than `max_words` words: too long to quote and link as one citation.",
            "A paragraph of 151 words.",
            "A paragraph of 150 words.",
            options={"max_words": "the longest statement allowed (default 150)"},
        ),
        Rule(
            "placeholder",
            check_placeholder,
            "error",
            "The placeholder text that `podium new` writes below the front matter.",
            PLACEHOLDER,
            "The text of the speech.",
        ),
    ]
}


# -- configuration ------------------------------------------------------------------------------------------------


@dataclass
class LintConfig:
    disabled: set[str] = field(default_factory=set)
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings, problems: Problems, where: str = "mkdocs.yml") -> LintConfig:
        """Read the `lint:` option; unknown rules and bad values are problems, never a crash."""
        raw = settings.lint
        config = cls()
        if not isinstance(raw, dict):
            problems.add(
                where,
                1,
                1,
                "the podium plugin's `lint` option must be a mapping",
                "e.g. lint: {disable: [long-statement]}",
            )
            return config

        def known(name: Any) -> bool:
            if name in RULES:
                return True
            problems.add(
                where,
                1,
                1,
                f"unknown lint rule `{name}` in the podium plugin's `lint` option",
                did_you_mean(str(name), RULES) or f"the rules are: {', '.join(RULES)}",
            )
            return False

        for key, value in raw.items():
            if key == "disable":
                config.disabled = {name for name in (value or []) if known(name)}
            elif key == "severity":
                for name, level in (value or {}).items():
                    if known(name):
                        if level not in ("warning", "error"):
                            problems.add(
                                where,
                                1,
                                1,
                                f"lint severity of `{name}` must be warning or error",
                                f"e.g. severity: {{{name}: error}}",
                            )
                        else:
                            config.severity[name] = level
            elif known(key):
                config.options[key] = value if isinstance(value, dict) else {}
        return config


def lint_text(text: str, path: str, config: LintConfig | None = None) -> list[tuple[Problem, Fix | None]]:
    """Every finding of every enabled rule in one transcript's text, as (problem, fix or None)."""
    config = config or LintConfig()
    transcript = read(text, path)
    found: list[tuple[Problem, Fix | None]] = []
    for name, rule in RULES.items():
        if name in config.disabled:
            continue
        severity = config.severity.get(name, rule.severity)
        for finding in rule.check(transcript, config.options.get(name, {})):
            problem = Problem(path, finding.line, finding.column, f"[{name}] {finding.message}", finding.hint, severity)
            found.append((problem, finding.fix))
    return found


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """Apply fixes right to left on each line, so earlier columns stay right; overlapping ones are skipped."""
    lines = text.split("\n")
    by_line: dict[int, list[Fix]] = {}
    for fix in fixes:
        by_line.setdefault(fix.line, []).append(fix)
    for number, items in by_line.items():
        line = lines[number - 1]
        limit = len(line) + 1
        for fix in sorted(items, key=lambda f: f.column, reverse=True):
            start = fix.column - 1
            if start + fix.length > limit:
                continue
            line = line[:start] + fix.replacement + line[start + fix.length :]
            limit = start
        lines[number - 1] = line
    return "\n".join(lines)


def in_context(line: str, fix: Fix) -> tuple[str, str]:
    """The text around a fix, from the space before it to the space after: `a  time` -> `a time`,
    `Kazakhstanâ€™s` -> `Kazakhstan’s`. The list of fixes then names every word a fix touched."""
    start, end = fix.column - 1, fix.column - 1 + fix.length
    left = len(line[:start].rstrip()) if line[:start].endswith(" ") else start
    while left > 0 and not line[left - 1].isspace():
        left -= 1
    right = end + (len(line[end:]) - len(line[end:].lstrip(" ")))
    while right < len(line) and not line[right].isspace():
        right += 1
    return line[left:right], line[left:start] + fix.replacement + line[end:right]


def targets(paths: tuple[Path, ...], root: Path, settings: Settings) -> list[Path]:
    if not paths:
        return archives.transcript_files(root / settings.speeches_dir)
    files: list[Path] = []
    for path in paths:
        files.extend(archives.transcript_files(path) if path.is_dir() else [path])
    return files
