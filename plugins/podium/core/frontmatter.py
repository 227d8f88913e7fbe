"""Read a transcript's front matter and YAML registries strictly, keeping where every value was written.

MkDocs' own meta parser swallows YAML errors and turns a front matter that is not a mapping into body text.
This reader does neither. It also refuses YAML 1.1's surprises: every scalar stays the string the editor
typed (`no` is the language code, not False; `3.10` is not 3.1; `012` is not 10; `12:30` is not 750), and
the model decides what a value means. Only a plain empty value, `~` or `null` is None.

    >>> doc = parse_yaml("title: A\\nlanguage: no\\n", "x.md", first_line=2)
    >>> doc.data, doc.value_at[("language",)]
    ({'title': 'A', 'language': 'no'}, (3, 11))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from podium.core.problems import Problems

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


def decode(raw: bytes, path: str, problems: Problems) -> str | None:
    """UTF-8 text (a BOM is allowed, CRLF becomes LF), or None with a problem that says where it broke."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(
            path,
            1,
            1,
            "file is UTF-16, not UTF-8",
            "save the file as UTF-8 (in most editors: Save with encoding > UTF-8)",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.add(
            path,
            line,
            column,
            f"file is not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded",
            "save the file as UTF-8; it looks like Latin-1 or Windows-1252 text",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
        if lines[index].rstrip() in ("---", "..."):
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


def parse_yaml(text: str, path: str, problems: Problems, first_line: int = 1) -> YamlDocument | None:
    """Compose YAML into plain Python values with positions; None (and a problem) on a syntax error."""
    # libyaml composes ten times faster. The pure-Python loader, with its clearer messages, reads what
    # libyaml refuses, and whatever holds an alias (only it can say where the alias is used).
    if "*" not in text and _FastLoader is not None:
        try:
            node = yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
        else:
            return _convert(node, path, problems, first_line)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # control characters, found before any parsing
        _reader_error(exc, text, path, problems, first_line)
        return None
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        _reader_error(exc, text, path, problems, first_line)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        column = (mark.column + 1) if mark else 1
        message = (exc.problem or exc.context or "invalid YAML").replace("'<stream end>'", "the end")
        if exc.context and exc.context_mark and exc.problem:
            message += (
                f" ({exc.context} that starts at line {exc.context_mark.line + first_line},"
                f" column {exc.context_mark.column + 1})"
            )
        problems.add(path, line, column, f"YAML syntax error: {message}", _yaml_hint(message))
        return None
    except yaml.YAMLError as exc:
        problems.add(path, first_line, 1, f"YAML error: {exc}", "check the front matter's syntax")
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
            self.document.key_at[at + (key,)] = (line, column)
            result[key] = self.convert(value_node, at + (key,))
        return result
