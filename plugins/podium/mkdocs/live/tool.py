"""The site builder's own pieces, from MkDocs or from ProperDocs (its fork, the same modules under `properdocs.*`).

MkDocs 1.6.1 is MkDocs' last release, so the helpers the edit loop calls (`_populate_page`, `_build_page`) and
the live-reload server are frozen; ProperDocs keeps their names and signatures.

    tool = Tool.named("mkdocs")
    config = tool.load_config(config_file="mkdocs.yml", site_dir="/tmp/site")
    tool.build.build(config)
"""

from __future__ import annotations

import importlib
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

TOOLS = ("mkdocs", "properdocs")


@dataclass(frozen=True)
class Tool:
    name: str
    build: ModuleType
    """`<tool>.commands.build`: `build(config, serve_url=...)`, `_populate_page`, `_build_page`."""
    livereload: ModuleType
    """`<tool>.livereload`: `LiveReloadServer`, `_serve_url`."""
    files: ModuleType
    """`<tool>.structure.files`: `InclusionLevel`."""
    pages: ModuleType
    """`<tool>.structure.pages`: `Page`."""
    config: ModuleType

    @classmethod
    def named(cls, name: str) -> Tool:
        if name not in TOOLS:
            raise ValueError(f"unknown site builder {name!r}: one of {', '.join(TOOLS)}")
        if name == "properdocs":
            # As `properdocs` itself does first: every `mkdocs.*` import (Podium's plugins') gets ProperDocs' module,
            # so the plugins subclass its BasePlugin. Before anything imports MkDocs.
            importlib.import_module("properdocs.replacement")
        return cls(
            name,
            importlib.import_module(f"{name}.commands.build"),
            importlib.import_module(f"{name}.livereload"),
            importlib.import_module(f"{name}.structure.files"),
            importlib.import_module(f"{name}.structure.pages"),
            importlib.import_module(f"{name}.config"),
        )

    def load_config(self, **options: Any) -> Any:
        """The site's config from the working directory; ProperDocs reads `mkdocs.yml` when it has no file of its
        own (named, so it does not ask to rename it)."""
        if self.name == "properdocs" and not Path("properdocs.yml").exists() and Path("mkdocs.yml").exists():
            options.setdefault("config_file", "mkdocs.yml")
        return self.config.load_config(**options)


class _Formatter(logging.Formatter):
    """MkDocs' own line shape: `INFO    -  message`, continuation lines indented under the message."""

    def format(self, record: logging.LogRecord) -> str:
        prefix = f"{record.levelname:<8}-  "
        return prefix + super().format(record).replace("\n", "\n" + " " * len(prefix))


def use_logging(tool: Tool, verbose: bool = False) -> None:
    """Log as `mkdocs serve` does: INFO and up to stderr, for the builder and for the plugins (whose loggers are
    `mkdocs.plugins.*` under either builder)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    for name in dict.fromkeys(("mkdocs", tool.name)):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if verbose else logging.INFO)
        logger.propagate = False
