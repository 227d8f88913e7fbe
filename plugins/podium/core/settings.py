"""An archive's settings, read from the `podium` plugin's entry in mkdocs.yml.

`podium check` and the build must judge a transcript by the same rules, so the CLI reads the very options
the MkDocs plugin receives:

    plugins:
      - podium:
          allow_html: [abbr, sup, sub]   # raw HTML tags a transcript may use (default: none)
          max_transcript_kb: 1024        # a larger transcript is an error, not a slow build
          max_nesting: 32                # brackets nested deeper make Markdown slow: an error

mkdocs.yml may carry `!!python/name:` tags (Material's emoji options); they are read as nothing, never run.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Settings:
    speeches_dir: str = "speeches"
    allow_html: tuple[str, ...] = ()
    max_transcript_kb: int = 1024
    max_nesting: int = 32
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_options(cls, options: dict[str, Any] | None) -> "Settings":
        options = dict(options or {})
        known = {f.name for f in fields(cls)} - {"extra"}
        values = {k: v for k, v in options.items() if k in known}
        if "allow_html" in values:
            values["allow_html"] = tuple(str(tag).lower() for tag in values["allow_html"] or ())
        return cls(**values, extra={k: v for k, v in options.items() if k not in known})


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that turns unknown tags (`!!python/name:...`, `!ENV`) into None instead of failing."""


def _unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _unknown)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown)


def plugin_options(config_file: Path, name: str = "podium") -> dict[str, Any]:
    """The options of plugin `name` in an mkdocs.yml, or {} when absent or unreadable."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):
        return plugins.get(name) or {}
    for entry in plugins or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return {}


def load(root: Path) -> Settings:
    return Settings.from_options(plugin_options(root / "mkdocs.yml"))
