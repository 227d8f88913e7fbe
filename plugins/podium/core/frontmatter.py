"""Read a transcript's front matter and YAML registries strictly, keeping where every value was written.

MkDocs' own meta parser swallows YAML errors and turns a front matter that is not a mapping into body text.
This reader does neither. It also refuses YAML 1.1's surprises: every scalar stays the string the editor
typed (`no` is the language code, not False; `3.10` is not 3.1; `012` is not 10; `12:30` is not 750), and
the model decides what a value means. Only a plain empty value, `~` or `null` is None.

    >>> doc = parse_yaml("title: A\\nlanguage: no\\n", "x.md", Problems(), first_line=2)
    >>> doc.data, doc.value_at[("language",)]
    ({'title': 'A', 'language': 'no'}, (3, 11))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from podium.core.problems import MAX_PER_FILE, Problems

Position = tuple[int, int]  # 1-based line and column in the file
Path = tuple[Any, ...]  # ("source", "url") or ("topics", 0): the shape of pydantic's error locations

_NULL_TAG = "tag:yaml.org,2002:null"
_MAX_NODES = 20_000  # a front matter or registry this large is a mistake, or an attack


@dataclass
class YamlDocument:
    data: Any = None
    value_at: dict[Path, Position] = field(default_factory=dict)  # where each value starts
    key_at: dict[Path, Position] = field(default_factory=dict)  # where each mapping key is written


@dataclass
class SourceFile:
    """A transcript split into front matter and body, with the line where each starts."""

    path: str
    text: str = ""
    front_matter: str | None = None
    front_matter_line: int = 2  # the line after the opening `---`
    body: str = ""
    body_line: int = 1


# Characters that have no place in a transcript or a registry: C0 and C1 controls but tab and newline (ESC, form
# feed, NEL...), Unicode's line and paragraph separators (YAML and Python count them as line breaks, editors do
# not, so every position after one is wrong) and the noncharacters (U+FFFE...).
_FORBIDDEN_BMP = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff"
_NONCHARACTERS_BEYOND = "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(1, 17))
_FORBIDDEN = re.compile(f"[{_FORBIDDEN_BMP}{_NONCHARACTERS_BEYOND}]")
# The same without the other planes' noncharacters, for text with no character beyond the first plane: `re` tests a
# class of the first plane in one step, the whole one range by range (8 times slower over a transcript).
_FORBIDDEN_IN_BMP = re.compile(f"[{_FORBIDDEN_BMP}]")
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_NAMES = {0x00: "NUL", 0x09: "tab", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL"}
_NAMES |= {0x2028: "line separator", 0x2029: "paragraph separator", 0xFFFE: "a noncharacter", 0xFFFF: "a noncharacter"}


def decode(raw: bytes, path: str, problems: Problems) -> str | None:
    """UTF-8 text (a BOM is allowed, CRLF becomes LF), or None with a problem that says where it broke.

    Control characters are refused at their line and column:

    >>> problems = Problems()
    >>> decode(b"title: a\\x1bb\\n", "x.md", problems), problems.items[0].format().splitlines()[0]
    (None, 'x.md:1:9: error: control character U+001B (ESC) is not allowed')
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(
            path,
            1,
            1,
            "file is UTF-16, not UTF-8",
            "save the file as UTF-8 (in most editors: Save with encoding > UTF-8)",
        )
        return None
    if (encoding := _utf16_without_bom(raw)) is not None:
        problems.add(
            path,
            1,
            1,
            f"file is {encoding} without a byte order mark, not UTF-8",
            "save the file as UTF-8 (in most editors: Save with encoding > UTF-8)",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(
            path,
            *byte_position(raw, exc.start),
            f"file is not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded",
            "save the file as UTF-8; it looks like Latin-1 or Windows-1252 text",
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return None if _control_characters(text, path, problems) else text


def byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (counted in bytes) of `raw[offset]`, where a decoder stopped.

    >>> byte_position(b"ab\\ncd\\xe9", 5)
    (2, 3)
    """
    before = raw[:offset]
    return before.count(b"\n") + 1, len(before) - (before.rfind(b"\n") + 1) + 1


def _utf16_without_bom(raw: bytes) -> str | None:
    """The encoding's name, `UTF-16-LE` or `UTF-16-BE`, when most other bytes of the start are zero."""
    head = raw[:512]
    if len(head) < 4 or head.count(0) * 3 < len(head):
        return None
    if head[1::2].count(0) * 4 >= len(head[1::2]) * 3:
        return "UTF-16-LE"
    if head[0::2].count(0) * 4 >= len(head[0::2]) * 3:
        return "UTF-16-BE"
    return None


def first_on_each_line(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, character) of the first match of `pattern` on each line of `text`, 1-based.

    >>> list(first_on_each_line(re.compile("[xy]"), "axy\\nb\\n  y"))
    [(1, 2, 'x'), (3, 3, 'y')]
    """
    reported_line = 0
    for match in pattern.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line == reported_line:
            continue
        reported_line = line
        yield line, match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1, match.group()


def _control_characters(text: str, path: str, problems: Problems) -> bool:
    """Report each forbidden character (the first of each line) at its line and column; True if any."""
    found = False
    forbidden = _FORBIDDEN if _BEYOND_BMP.search(text) else _FORBIDDEN_IN_BMP
    for line, column, char in first_on_each_line(forbidden, text):
        found = True
        code = ord(char)
        name = _NAMES.get(code) or ("a noncharacter" if code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF else "")
        problems.add(
            path,
            line,
            column,
            f"control character U+{code:04X}{f' ({name})' if name else ''} is not allowed",
            "delete the invisible character (it often comes from copying out of a PDF or a word processor)",
        )
        if len(problems) > 10 * MAX_PER_FILE:  # the report shows the first ones; counting a million is no help
            break
    return found


def split(text: str, path: str, problems: Problems) -> SourceFile:
    """Split `---` front matter from the body. A missing or unclosed front matter is a problem."""
    source = SourceFile(path=path, text=text)
    lines = text.split("\n")
    if not text.strip():
        problems.add(
            path, 1, 1, "file is empty", "a transcript starts with front matter between two `---` lines, then the text"
        )
        return source
    if lines[0].rstrip() != "---":
        problems.add(
            path,
            1,
            1,
            "missing front matter: the file must start with a line `---`",
            "put the fields (title, date, speaker, ...) between two `---` lines at the top",
        )
        source.body = text
        return source
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "...":
            # YAML's document end: MkDocs would end the front matter here and publish the rest as text.
            problems.add(
                path,
                index + 1,
                1,
                "`...` is not allowed in front matter: it ends the YAML early",
                "close the front matter with a line `---`; quote a value that is only dots",
            )
            return source
        if lines[index].rstrip() == "---":
            source.front_matter = "\n".join(lines[1:index]) + "\n"
            source.body = "\n".join(lines[index + 1 :])
            source.body_line = index + 2
            return source
    problems.add(
        path,
        1,
        1,
        "front matter is not closed: no line `---` after the opening one",
        "add a line `---` after the last field, before the text of the speech",
    )
    return source


DEFAULT_DEPTH = 16  # see Settings.max_yaml_depth


def parse_yaml(
    text: str, path: str, problems: Problems, first_line: int = 1, max_depth: int = DEFAULT_DEPTH, tags: bool = False
) -> YamlDocument | None:
    """Compose YAML into plain Python values with positions; None (and a problem) on a syntax error.

    Before anything is built, the events are read once (without recursion) to refuse nesting deeper than
    `max_depth` (PyYAML composes recursively: ten thousand `[` would crash it) and, unless `tags`, any
    explicit tag (`!!binary`, `!!python/...`): a value is the text the editor typed, never something a tag
    turns it into.
    """
    try:
        if not events_ok(text, path, problems, first_line, max_depth, tags):
            return None
        # libyaml composes ten times faster. The pure-Python loader, with its clearer messages, reads what
        # libyaml refuses, and whatever holds an alias (only it can say where the alias is used).
        if "*" not in text and _FastLoader is not None:
            try:
                node = yaml.compose(text, Loader=_FastLoader)
            except yaml.YAMLError:
                pass
            else:
                return _convert(node, path, problems, first_line)
        return _compose(text, path, problems, first_line)
    except RecursionError:  # the depth check makes this unreachable; a file is still never a traceback
        problems.add(path, first_line, 1, "YAML nested too deeply to read", "flatten the lists and mappings")
        return None


def events_ok(text: str, path: str, problems: Problems, first_line: int, max_depth: int, tags: bool) -> bool:
    """Read the YAML's events: False (with a problem) on a syntax error, nesting over `max_depth` or a tag.

    The events are checked as they come, so ten thousand `[` stop at the first one too deep, before the
    reader has looked at the rest (PyYAML's own reader slows down with every level it keeps open).
    """
    if _FastLoader is not None:
        try:
            return _check_events(yaml.parse(text, Loader=_FastLoader), path, problems, first_line, max_depth, tags)
        except yaml.YAMLError:
            pass  # libyaml's message is terse: the pure-Python reader says the same error in words, at its place
    try:
        return _check_events(yaml.parse(text, Loader=_Loader), path, problems, first_line, max_depth, tags)
    except yaml.YAMLError as exc:
        _yaml_error(exc, text, path, problems, first_line)
        return False


def _check_events(
    events: Iterable[yaml.Event], path: str, problems: Problems, first_line: int, max_depth: int, tags: bool
) -> bool:
    depth, ok = 0, True
    found: list[tuple[int, int, str, str]] = []
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                problems.add(
                    path,
                    event.start_mark.line + first_line,
                    event.start_mark.column + 1,
                    f"lists and mappings nested more than {max_depth} deep",
                    # Only mkdocs.yml is read with its tags, and its depth is fixed, not an option.
                    "flatten the data" + ("" if tags else "; a maintainer may raise `max_yaml_depth` in mkdocs.yml"),
                )
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if not tags and isinstance(event, yaml.NodeEvent) and getattr(event, "tag", None) not in (None, "!"):
            ok = False
            found.append(
                (
                    event.start_mark.line + first_line,
                    event.start_mark.column + 1,
                    f"YAML tags (`{_shown_tag(event.tag)}`) are not allowed here",
                    "write the value as plain text, without the `!` tag before it",
                )
            )
    for line, column, message, hint in found:  # reported once the whole text has read without a syntax error
        problems.add(path, line, column, message, hint)
    return ok


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _compose(text: str, path: str, problems: Problems, first_line: int) -> YamlDocument | None:
    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:  # control characters, found before any parsing
        _yaml_error(exc, text, path, problems, first_line)
        return None
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        _yaml_error(exc, text, path, problems, first_line)
        return None
    finally:
        loader.dispose()
    if loader.aliases:
        # Refused before anything is built from them: this is what defuses an alias bomb.
        for mark in loader.aliases:
            problems.add(
                path,
                mark.line + first_line,
                mark.column + 1,
                "YAML aliases (`*name`) are not allowed here",
                "write the value out in full",
            )
        return None
    return _convert(node, path, problems, first_line)


def _yaml_error(exc: yaml.YAMLError, text: str, path: str, problems: Problems, first_line: int) -> None:
    if isinstance(exc, yaml.reader.ReaderError):
        _reader_error(exc, text, path, problems, first_line)
        return
    if not isinstance(exc, yaml.MarkedYAMLError):
        problems.add(path, first_line, 1, f"YAML error: {exc}", "check the front matter's syntax")
        return
    mark = exc.problem_mark or exc.context_mark
    message = (exc.problem or exc.context or "invalid YAML").replace("'<stream end>'", "the end")
    hint = _yaml_hint(message)
    if exc.context and "quoted scalar" in exc.context and exc.context_mark:
        # The reader only notices at the end that a quote was never closed: the mistake is where it opened.
        mark = exc.context_mark
        message, hint = "this quoted value is never closed", "add the closing quote at the end of the value"
    elif exc.context and exc.context_mark and exc.problem:
        message += (
            f" ({exc.context} that starts at line {exc.context_mark.line + first_line},"
            f" column {exc.context_mark.column + 1})"
        )
    line = (mark.line + first_line) if mark else first_line
    column = (mark.column + 1) if mark else 1
    problems.add(path, line, column, f"YAML syntax error: {message}", hint)


def _convert(node: yaml.Node | None, path: str, problems: Problems, first_line: int) -> YamlDocument:
    document = YamlDocument()
    if node is not None:
        document.data = _Converter(path, problems, first_line, document).convert(node, ())
    return document


class _Loader(yaml.SafeLoader):
    """SafeLoader's composer, noting where each alias (`*name`) is used so it can be refused."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.aliases: list[yaml.Mark] = []

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.aliases.append(self.peek_event().start_mark)
        return super().compose_node(parent, index)


_FastLoader = getattr(yaml, "CSafeLoader", None)


def _reader_error(exc: yaml.reader.ReaderError, text: str, path: str, problems: Problems, first_line: int) -> None:
    before = text[: exc.position]
    line = before.count("\n") + first_line
    column = len(before) - (before.rfind("\n") + 1) + 1
    problems.add(
        path,
        line,
        column,
        f"control character U+{exc.character:04X} is not allowed in YAML",
        "delete the invisible character (it often comes from copying out of a PDF or a word processor)",
    )


def _yaml_hint(message: str) -> str:
    if "mapping values are not allowed" in message:
        return 'a value that contains `: ` must be quoted, e.g. title: "Speech: the future"'
    if "found character '\\t'" in message:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in message:
        return "each line of the front matter is `key: value`; check for a missing colon"
    return "check the quoting and indentation on this line and the one before"


class _Converter:
    def __init__(self, path: str, problems: Problems, first_line: int, document: YamlDocument):
        self.path = path
        self.problems = problems
        self.first_line = first_line
        self.document = document
        self.seen: set[int] = set()
        self.count = 0

    def position(self, node: yaml.Node) -> Position:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def convert(self, node: yaml.Node, at: Path) -> Any:
        # An alias returns the very node object it points to; refusing aliases defuses alias bombs.
        if id(node) in self.seen:
            line, column = self.position(node)
            self.problems.add(
                self.path, line, column, "YAML aliases (`*name`) are not allowed here", "write the value out in full"
            )
            return None
        self.seen.add(id(node))
        self.count += 1
        if self.count > _MAX_NODES:
            if self.count == _MAX_NODES + 1:
                line, column = self.position(node)
                self.problems.add(
                    self.path,
                    line,
                    column,
                    f"too many YAML values (more than {_MAX_NODES})",
                    "split the data, or check for a runaway list",
                )
            return None
        self.document.value_at[at] = self.position(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, at + (index,)) for index, item in enumerate(node.value)]
        if node.tag == _NULL_TAG and not node.style:  # plain: None from PyYAML, "" from libyaml
            return None
        return node.value

    def mapping(self, node: yaml.MappingNode, at: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, column = self.position(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.add(self.path, line, column, "a key must be a plain word", "write `key: value`")
                continue
            key = key_node.value
            if key == "<<":
                self.problems.add(
                    self.path,
                    line,
                    column,
                    "YAML merge keys (`<<`) are not allowed here",
                    "write the fields out in full",
                )
                continue
            if key in result:
                first = self.document.key_at[at + (key,)][0]
                self.problems.add(
                    self.path,
                    line,
                    column,
                    f"duplicate key `{key}` (first written at line {first})",
                    "keep one of the two; YAML would silently use the last one",
                )
                continue
            where = at + (key,)  # one tuple for both tables
            self.document.key_at[where] = (line, column)
            result[key] = self.convert(value_node, where)
        return result
