"""An archive's settings: the options of the `podium` plugin in mkdocs.yml, one model for the CLI and the build.

`podium check` and `mkdocs build` must judge a transcript by the same rules, so both validate the very same
options with `Settings`: the CLI reads them from mkdocs.yml here (`load`), the MkDocs plugin's config is made
of the same fields and validates through the same model (`podium.mkdocs.plugin.PodiumConfig`).

    plugins:
      - podium:
          allow_html: [abbr, sup, sub]   # raw HTML tags a transcript may use (default: none)
          max_transcript_kb: 1024        # a larger transcript is an error, not a slow build

Types are strict, the way an editor means them: `max_transcript_kb: "2048"` is text, an error reported at its
line and column in mkdocs.yml, never silently a number (and never a crash later):

    mkdocs.yml:8:30: error: the podium plugin's option `max_transcript_kb` must be a whole number, not the text "2048"
      hint: write the number without quotes: `max_transcript_kb: 2048`

mkdocs.yml is read as MkDocs reads it (YAML 1.1, so `2048` is a number and `"2048"` is text; `!ENV` resolved);
other tags, such as Material's `!!python/name:` emoji options, are read as nothing, never run.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from podium.core.frontmatter import Path as Location
from podium.core.frontmatter import Position, decode, events_ok
from podium.core.problems import Problems, did_you_mean

PLUGIN = "podium"
CONFIG_FILE = "mkdocs.yml"
_CONFIG_DEPTH = 64  # mkdocs.yml nests deeper than front matter (nav, theme features); deeper still is a mistake


def _tag_names(tags: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(tag.lower() for tag in tags)


class Settings(BaseModel):
    """The `podium` plugin's options. Each docstring is the option's documentation and ends with an example."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", use_attribute_docstrings=True)

    speeches_dir: Annotated[str, Field(min_length=1)] = "speeches"
    """Folder of transcripts and registries, relative to mkdocs.yml. Example: `speeches_dir: speeches`"""
    # A YAML list arrives as a list; the model keeps a tuple (settings are frozen), so this one field is lax.
    allow_html: Annotated[tuple[str, ...], Field(strict=False), AfterValidator(_tag_names)] = ()
    """Raw HTML tags a transcript may use; any other tag is an error. Example: `allow_html: [abbr, sup]`"""
    max_transcript_kb: Annotated[int, Field(ge=1)] = 1024
    """A larger transcript is an error, not a slow build. Example: `max_transcript_kb: 2048`"""
    max_nesting: Annotated[int, Field(ge=1)] = 32
    """Brackets nested deeper are an error (they make Markdown slow). Example: `max_nesting: 32`"""
    max_yaml_depth: Annotated[int, Field(ge=1, le=100)] = 16
    """Lists and mappings nested deeper in front matter or a registry are an error (deep nesting crashes YAML
    readers). Example: `max_yaml_depth: 16`"""
    max_list_depth: Annotated[int, Field(ge=1, le=100)] = 16
    """Markdown lists and block quotes nested deeper in a transcript are an error (the renderer recurses on
    them). Example: `max_list_depth: 16`"""
    max_angle_brackets: Annotated[int, Field(ge=0)] = 1000
    """More `<` characters in one transcript are an error (Python-Markdown slows down quadratically on `<` that
    open no tag). Example: `max_angle_brackets: 1000`"""
    max_topics: Annotated[int, Field(ge=1)] = 50
    """More topics on one speech, or on one statement, are an error. Example: `max_topics: 50`"""
    max_references: Annotated[int, Field(ge=1)] = 100
    """More cross-references (`[[...]]` and `see=`) in one statement are an error. Example: `max_references: 100`"""
    max_inline_markup: Annotated[int, Field(ge=1)] = 2000
    """More Markdown inline markup characters (`*`, `_`, backticks, `~`, brackets, backslashes) in one statement
    are an error: Python-Markdown's inline pass costs their number times the paragraph's length (2,000 in 500 KB
    of words: a twentieth of a second; 8,000: a third). Example: `max_inline_markup: 2000`"""
    max_quotations: Annotated[int, Field(ge=1)] = 100
    """More press quotations (`coverage`) on one speech are an error: each is aligned against the speech's
    statements. Example: `max_quotations: 100`"""
    max_quotation_words: Annotated[int, Field(ge=1)] = 300
    """A press quotation (`coverage`) of more words is an error; quotations are measured word by word against
    the speech. Example: `max_quotation_words: 300`"""
    max_registry_kb: Annotated[int, Field(ge=1)] = 2048
    """A larger speakers.yml, events.yml or topics.yml is an error. Example: `max_registry_kb: 2048`"""
    latest: Annotated[int, Field(ge=0)] = 10
    """How many speeches the home page lists under "Latest speeches". Example: `latest: 10`"""
    index_size: Annotated[int, Field(ge=1)] = 50
    """How many speeches the /speeches/ hub lists, newest first. Example: `index_size: 50`"""
    edit_uri: str | None = None
    """Where transcripts are edited, relative to `repo_url`, for the "Correct this transcript" link.
    Default: derived from `edit_uri` by dropping the docs folder. Example: `edit_uri: edit/main/`"""
    lint: dict[str, Any] = Field(default_factory=dict)
    """`podium lint`'s rules for this archive (read by the CLI, not the build; see podium.editors.lint).
    Example: `lint: {disable: [long-statement], severity: {double-space: error}}`"""
    workers: Annotated[int, Field(ge=0)] = 0
    """Processes that render the speeches; 0 is one per core, 1 renders in the build's own process. The site is
    the same either way. `podium build --workers N` overrides it. Example: `workers: 2`"""

    @classmethod
    def from_options(cls, options: dict[str, Any] | None) -> Settings:
        """Settings from options given in code; a bad one raises pydantic's ValidationError.

        >>> Settings.from_options({"allow_html": ["ABBR"]}).allow_html
        ('abbr',)
        """
        return cls.model_validate(_own_options(options or {}))


def defaults() -> dict[str, Any]:
    """Every option with its default value, as the MkDocs plugin's config starts out."""
    return {name: info.get_default(call_default_factory=True) for name, info in Settings.model_fields.items()}


def example(name: str, model: type[BaseModel] | None = None) -> str:
    """The example at the end of an option's docstring: `example("latest") == "latest: 10"`."""
    fields = (model or Settings).model_fields
    found = re.search(r"Example: `([^`]+)`", (fields[name].description or "") if name in fields else "")
    return found.group(1) if found else f"{name}: ..."


def _own_options(options: dict[str, Any], model: type[BaseModel] | None = None) -> dict[str, Any]:
    # `enabled` is MkDocs' own switch for a plugin that has no `enabled` option: not ours to judge.
    if "enabled" in (model or Settings).model_fields:
        return dict(options)
    return {key: value for key, value in options.items() if key != "enabled"}


# -- the plugin's entry in mkdocs.yml, with where each option was written -----------------------------------------


@dataclass
class PluginEntry:
    """The options of one plugin as written in mkdocs.yml, and the line and column of each key and value."""

    path: str = CONFIG_FILE
    options: dict[str, Any] = field(default_factory=dict)
    position: Position = (1, 1)  # the plugin's name, for problems with no better place
    key_at: dict[Location, Position] = field(default_factory=dict)
    value_at: dict[Location, Position] = field(default_factory=dict)


class _Loader(yaml.SafeLoader):
    """Safe loading as MkDocs reads its config: `!ENV` resolved, other unknown tags (`!!python/name:`) None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, read as YAML would read it."""
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    default = loader.construct_object(nodes[-1]) if len(nodes) > 1 else None
    for name in (loader.construct_scalar(n) for n in (nodes[:-1] if len(nodes) > 1 else nodes)):
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class ConfigFile:
    """mkdocs.yml parsed once: its data as MkDocs reads it and its YAML nodes, for the places of what it says.
    The readers below take one, or a path to parse (each call then parses the file again)."""

    data: Any = None
    loader: _Loader | None = None
    node: yaml.Node | None = None

    @classmethod
    def read(cls, config_file: Path, problems: Problems, display: str = CONFIG_FILE) -> ConfigFile:
        return cls(*_read(config_file, problems, display))

    def section(self, key: str) -> yaml.Node | None:
        """The node of a top-level key (`plugins`, `nav`), or None."""
        if self.loader is None or not isinstance(self.node, yaml.MappingNode):
            return None
        return next((value for name, value in self.node.value if name.value == key), None)


def _parsed(source: Path | ConfigFile, problems: Problems, display: str) -> ConfigFile:
    return source if isinstance(source, ConfigFile) else ConfigFile.read(source, problems, display)


def read_config(config_file: Path, problems: Problems, display: str = CONFIG_FILE) -> dict[str, Any]:
    """The whole mkdocs.yml as MkDocs reads it; {} when it is absent, a problem when it is broken or not a mapping."""
    config = _read(config_file, problems, display)[0]
    if config is not None and not isinstance(config, dict):
        problems.add(display, 1, 1, f"{display} must be a mapping of `key: value` lines", "e.g. `site_name: Speeches`")
    return config if isinstance(config, dict) else {}


def theme_language(root: Path) -> str | None:
    """The archive's interface language, mkdocs.yml's `theme.language` (None when not given or not readable): an
    import reads month names in it besides English."""
    data = read_config(root / CONFIG_FILE, Problems())
    theme = data.get("theme") if isinstance(data, dict) else None
    language = theme.get("language") if isinstance(theme, dict) else None
    return language if isinstance(language, str) else None


def read_entry(
    config_file: Path | ConfigFile, problems: Problems, display: str = CONFIG_FILE, name: str = PLUGIN
) -> PluginEntry:
    """Plugin `name`'s entry in mkdocs.yml; an empty one (every default) when mkdocs.yml or the entry is absent."""
    entry = PluginEntry(path=display)
    config = _parsed(config_file, problems, display)
    loader, plugins = config.loader, config.section("plugins")
    if loader is None:
        return entry
    found = None
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.ScalarNode) and item.value == name:
                entry.position = node_position(item)
                return entry
            if isinstance(item, yaml.MappingNode):
                found = next(((key, value) for key, value in item.value if key.value == name), None) or found
    elif isinstance(plugins, yaml.MappingNode):
        found = next(((key, value) for key, value in plugins.value if key.value == name), None)
    if found is None:
        return entry
    key, options = found
    entry.position = node_position(key)
    value = loader.construct_object(options, deep=True)
    if value is None:
        return entry
    if not isinstance(value, dict) or not isinstance(options, yaml.MappingNode):
        problems.add(
            display,
            *node_position(options),
            f"the {name} plugin's options must be a mapping of `key: value`",
            f"indent them under `- {name}:`, one per line, e.g. `{example('max_transcript_kb')}`",
        )
        return entry
    entry.options = value
    for key_node, value_node in options.value:
        _note(entry, (key_node.value,), key_node, value_node)
    return entry


def plugin_names(
    config_file: Path | ConfigFile, display: str = CONFIG_FILE, key: str = "plugins"
) -> list[tuple[str, Position]]:
    """The plugins mkdocs.yml lists (or the Markdown extensions, `key="markdown_extensions"`), each with the
    place of its name (a broken file lists none: `read_entry` reports it)."""
    plugins = _parsed(config_file, Problems(), display).section(key)
    names: list[yaml.Node] = []
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            names += [item] if isinstance(item, yaml.ScalarNode) else []
            names += [key for key, _ in item.value] if isinstance(item, yaml.MappingNode) else []
    elif isinstance(plugins, yaml.MappingNode):
        names = [key for key, _ in plugins.value]
    return [(str(name.value), node_position(name)) for name in names if isinstance(name, yaml.ScalarNode)]


def nav_files(config_file: Path | ConfigFile, display: str = CONFIG_FILE) -> list[tuple[str, Position]]:
    r"""The files mkdocs.yml's `nav` names (not its addresses), each with its place.

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "mkdocs.yml"
    >>> _ = file.write_text("nav:\n  - index.md\n  - About:\n      - Team: about/team.md\n  - https://x.org/\n")
    >>> nav_files(file)
    [('index.md', (2, 5)), ('about/team.md', (4, 15))]
    """
    found: list[tuple[str, Position]] = []

    def walk(item: yaml.Node) -> None:
        if isinstance(item, yaml.SequenceNode):
            for child in item.value:
                walk(child)
        elif isinstance(item, yaml.MappingNode):
            for _, child in item.value:
                walk(child)
        elif isinstance(item, yaml.ScalarNode) and item.tag.endswith(":str") and item.value:
            if "://" not in item.value and not item.value.startswith(("/", "#", "mailto:")):
                found.append((item.value, node_position(item)))

    if (nav := _parsed(config_file, Problems(), display).section("nav")) is not None:
        walk(nav)
    return found


def _read(config_file: Path, problems: Problems, display: str) -> tuple[Any, _Loader | None, yaml.Node | None]:
    try:
        raw = config_file.read_bytes()
    except OSError:  # no mkdocs.yml: an archive without a site, checked with every default
        return None, None, None
    text = decode(raw, display, problems)
    if text is None or not events_ok(text, display, problems, 1, _CONFIG_DEPTH, tags=True):
        return None, None, None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), loader, node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.add(
            display,
            line,
            column,
            f"YAML syntax error: {exc.problem or exc.context or 'invalid YAML'}",
            "check the quoting and indentation on this line and the one before",
        )
    except yaml.YAMLError as exc:
        problems.add(display, 1, 1, f"YAML error: {exc}", "check the syntax of mkdocs.yml")
    return None, None, None


def node_position(node: yaml.Node) -> Position:
    """A YAML node's line and column, from 1."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _note(entry: PluginEntry, at: Location, key: yaml.Node, value: yaml.Node) -> None:
    entry.key_at[at] = node_position(key)
    entry.value_at[at] = node_position(value)
    if isinstance(value, yaml.SequenceNode):
        for index, item in enumerate(value.value):
            entry.value_at[at + (index,)] = node_position(item)


# -- validation: once, with problems at the line of each bad option -----------------------------------------------


def validate(entry: PluginEntry, problems: Problems) -> Settings:
    """The entry's options as Settings. Each bad option is a problem at its place, and falls back to its default,
    so the rest of the archive is still checked by the options that are right."""
    return validate_options(entry, problems, Settings, PLUGIN)


M = TypeVar("M", bound=BaseModel)


def validate_options(entry: PluginEntry, problems: Problems, model: type[M], plugin: str) -> M:
    """`validate` for any plugin whose options a model describes (the features' plugins: `podium-facets`...)."""
    options = _own_options(entry.options, model)
    try:
        return model.model_validate(options)
    except ValidationError as exc:
        bad = set()
        for error in exc.errors():
            _report(error, entry, problems, model, plugin)
            bad.add(error["loc"][0] if error["loc"] else None)
        return model.model_validate({key: value for key, value in options.items() if key not in bad})


def load(root: Path, problems: Problems) -> Settings:
    """The settings of the archive at `root`, from its mkdocs.yml, with any bad option added to `problems`."""
    return validate(read_entry(root / CONFIG_FILE, problems), problems)


_EXPECTED = {
    "int_type": "a whole number",
    "float_type": "a number",
    "string_type": "a text",
    "tuple_type": "a list (e.g. `[abbr, sup]`)",
    "dict_type": "a mapping of `key: value` lines",
    "bool_type": "true or false",
}


def _report(error: ErrorDetails, entry: PluginEntry, problems: Problems, model: type[BaseModel], plugin: str) -> None:
    loc = tuple(error["loc"])
    name = str(loc[0]) if loc else ""
    dotted = name + "".join(f"[{part}]" for part in loc[1:])
    subject = f"the {plugin} plugin's option `{dotted}`"
    kind, value = error["type"], error.get("input")
    if kind == "extra_forbidden":
        known = list(model.model_fields)
        suggestion = did_you_mean(name, known)
        hint = (f"{suggestion} " if suggestion else "") + f"the options are: {', '.join(known)}"
        line, column = entry.key_at.get(loc, entry.position)
        problems.add(entry.path, line, column, f"unknown option `{name}` of the {plugin} plugin", hint)
        return
    line, column = entry.value_at.get(loc) or entry.value_at.get(loc[:1]) or entry.position
    shown_example = f"e.g. `{example(name, model)}`" if name in model.model_fields else ""
    if kind in _EXPECTED:
        message = f"{subject} must be {_EXPECTED[kind]}, not {_shown(value)}"
        if kind in ("int_type", "float_type") and isinstance(value, str) and _NUMBER.match(value.strip()):
            hint = f"write the number without quotes: `{name}: {value.strip()}`"
        else:
            hint = shown_example
    elif kind in ("greater_than_equal", "too_short"):
        least = error.get("ctx", {}).get("ge")
        message = f"{subject} must be at least {least}" if least is not None else f"{subject} must not be empty"
        hint = shown_example
    elif kind == "less_than_equal":
        message, hint = f"{subject} must be at most {error.get('ctx', {}).get('le')}", shown_example
    elif kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        suggestion = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        message = f"{subject} cannot be {_shown(value)}"
        hint = (f"{suggestion} " if suggestion else "") + f"it is one of {', '.join(allowed)}; {shown_example}"
    else:
        message, hint = f"{subject}: {error['msg']}", shown_example
    problems.add(entry.path, line, column, message, hint)


_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def _shown(value: Any) -> str:
    """How a wrong value reads to the editor who wrote it: `the text "2048"`, `true`, `a list`."""
    if isinstance(value, str):
        return f'the text "{value}"'
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"`{value}`"
