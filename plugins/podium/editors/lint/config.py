"""An archive's lint settings: the `lint:` option of the `podium` plugin in mkdocs.yml, checked rule by rule.

    plugins:
      - podium:
          lint:
            disable: [framing]                 # rules to skip
            enable: [long-statement]           # rules that are off by default
            severity: {double-space: error}    # warning or error, per rule
            long-statement: {max_words: 300}   # a rule's own options (see RULES); setting one turns the rule on
            foreign-character: {allow: [café]}

A bad value is a problem at its own line of mkdocs.yml (`mkdocs.yml:12:23: error: ...`), never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from podium.core.problems import Problems, Severity, did_you_mean
from podium.core.settings import PLUGIN, Settings
from podium.editors.lint.rules import RULES

Position = tuple[int, int]
Where = tuple[str | int | None, ...]  # a path under `lint:`; a last `None` means the key itself, not its value


def positions(config_file: Path) -> dict[Where, Position]:
    """Line and column of every key and value under the podium plugin's `lint:` in mkdocs.yml.

    `()` is the `lint` key itself; `("disable", 0)` the first rule listed under `disable`; `("severity",
    "double-space")` that key's value and `("severity", "double-space", None)` the key. Empty when the file or
    the option is absent or broken (the settings reader reports a broken file).
    """
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeError, yaml.YAMLError):
        return {}
    plugins = _get(node, "plugins")
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else [plugins]
    for entry in entries:
        options = _get(entry, PLUGIN)
        for key, value in options.value if isinstance(options, yaml.MappingNode) else []:
            if key.value == "lint":
                found: dict[Where, Position] = {(): _at(key)}
                _walk(value, (), found)
                return found
    return {}


def _get(node: Any, name: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        return next((value for key, value in node.value if key.value == name), None)
    return None


def _at(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, at: Where, found: dict[Where, Position]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found[at + (str(key.value), None)] = _at(key)
            found[at + (str(key.value),)] = _at(key) if not isinstance(value, yaml.ScalarNode) else _at(value)
            _walk(value, at + (str(key.value),), found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found[at + (index,)] = _at(item)
            _walk(item, at + (index,), found)


@dataclass
class LintConfig:
    disabled: set[str] = field(default_factory=set)
    enabled: set[str] = field(default_factory=set)  # rules that are off by default, turned on
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def active(self, name: str) -> bool:
        return name not in self.disabled and (RULES[name].enabled or name in self.enabled)

    def options_of(self, name: str) -> dict[str, Any]:
        defaults = {key: option.default for key, option in RULES[name].options.items()}
        return defaults | self.options.get(name, {})

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        problems: Problems,
        where: str = "mkdocs.yml",
        at: dict[Where, Position] | None = None,
    ) -> LintConfig:
        """Read the `lint:` option; unknown rules and bad values are problems at their line, never a crash."""
        return _Reader(where, at or {}, problems).read(settings.lint)


class _Reader:
    def __init__(self, where: str, at: dict[Where, Position], problems: Problems) -> None:
        self.where, self.at, self.problems = where, at, problems

    def add(self, location: Where, message: str, hint: str) -> None:
        while location not in self.at and location:
            location = location[:-1]
        line, column = self.at.get(location, (1, 1))
        self.problems.add(self.where, line, column, message, hint)

    def rule(self, name: Any, location: Where) -> bool:
        if name in RULES:
            return True
        self.add(
            location,
            f"unknown lint rule `{name}` in the podium plugin's `lint` option",
            did_you_mean(str(name), RULES) or f"the rules are: {', '.join(RULES)}",
        )
        return False

    def names(self, key: str, value: Any) -> set[str]:
        if value is None:
            return set()
        if not isinstance(value, list):
            self.add((key,), f"`lint: {key}` must be a list of rule names", f"e.g. `{key}: [double-space]`")
            return set()
        return {name for index, name in enumerate(value) if self.rule(name, (key, index))}

    def read(self, raw: Any) -> LintConfig:
        config = LintConfig()
        if not isinstance(raw, dict):
            self.add((), "the podium plugin's `lint` option must be a mapping", "e.g. lint: {disable: [framing]}")
            return config
        for key, value in raw.items():
            if key == "disable":
                config.disabled = self.names(key, value)
            elif key == "enable":
                config.enabled = self.names(key, value)
            elif key == "severity":
                self.severity(value or {}, config)
            elif self.rule(key, (key, None)):
                config.options[key] = self.options(key, value)
                if config.options[key]:
                    config.enabled.add(key)  # setting a rule's threshold means using it
        return config

    def severity(self, value: Any, config: LintConfig) -> None:
        if not isinstance(value, dict):
            self.add(("severity",), "`lint: severity` must map rule names to warning or error", "e.g. {framing: error}")
            return
        for name, level in value.items():
            if not self.rule(name, ("severity", name, None)):
                continue
            if level not in ("warning", "error"):
                self.add(
                    ("severity", name),
                    f"lint severity of `{name}` must be warning or error, not `{level}`",
                    f"e.g. severity: {{{name}: error}}",
                )
            else:
                config.severity[name] = level

    def options(self, name: str, value: Any) -> dict[str, Any]:
        rule = RULES[name]
        if value is None:
            return {}
        if not isinstance(value, dict):
            example = next(iter(rule.options), "option")
            self.add(
                (name,), f"the options of lint rule `{name}` must be a mapping", f"e.g. {name}: {{{example}: ...}}"
            )
            return {}
        good: dict[str, Any] = {}
        for key, given in value.items():
            option = rule.options.get(key)
            if option is None:
                known = ", ".join(f"`{k}`" for k in rule.options) or "none"
                self.add(
                    (name, key, None),
                    f"lint rule `{name}` has no option `{key}`",
                    (did_you_mean(str(key), rule.options) or "") + f" its options: {known}",
                )
            elif problem := _type_problem(option.default, given):
                self.add((name, key), f"lint option `{name}: {key}` must be {problem}", option.doc)
            else:
                good[key] = given
        return good


def _type_problem(default: Any, given: Any) -> str | None:
    if isinstance(default, bool):
        return None if isinstance(given, bool) else "true or false"
    if isinstance(default, (int, float)):
        ok = isinstance(given, (int, float)) and not isinstance(given, bool) and given >= 0
        if isinstance(default, int) and not isinstance(default, bool):
            ok = ok and isinstance(given, int)
        return None if ok else ("a whole number" if isinstance(default, int) else "a number") + " of at least 0"
    if isinstance(default, list):
        return None if isinstance(given, list) and all(isinstance(i, str) for i in given) else "a list of texts"
    return None
