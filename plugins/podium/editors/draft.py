"""Writing transcripts and registry entries: what `podium new` and the importers have in common.

A draft is front matter plus paragraphs. `Draft.text()` writes it the way an editor would, fields in the
model's order and one blank line between statements:

    >>> print(Draft({"title": "Remarks", "date": dt.date(2025, 5, 29), "speaker": "tokayev"},
    ...             ["Dear friends,", "Thank you."]).text(), end="")
    ---
    title: Remarks
    date: 2025-05-29
    speaker: tokayev
    ---
    <BLANKLINE>
    Dear friends,
    <BLANKLINE>
    Thank you.

`append_entry` adds a speaker, event or topic to the end of its registry file and leaves every other byte
of the file as it was: comments, order and quoting are the editors', not ours.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from podium.core.model import SpeechMeta


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode as is, no line wrapping (a title stays on one line), no `&id001` anchors:
    Podium's reader refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _ordered(meta: dict[str, Any]) -> dict[str, Any]:
    order = list(SpeechMeta.model_fields)
    return dict(
        sorted(
            ((k, v) for k, v in meta.items() if v not in (None, [], {}, "")),
            key=lambda item: order.index(item[0]) if item[0] in order else len(order),
        )
    )


# At the start of a paragraph these would make Markdown (or Podium) read the text as something else.
_MARKUP_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-*+](?=\s)|-{3,}|\*{3,}|_{3,})")
_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s)")
_TURN_LIKE = re.compile(r"^@(?=[A-Za-z0-9][\w-]*\s*:)")
_ATTRIBUTES_LIKE = re.compile(r"\{([^{}\n]*)\}\s*$")


def escape(paragraph: str) -> str:
    """Keep a paragraph of plain text plain: a leading `#`, `>`, `- `, `1. ` or `@id:` is escaped,
    `<` becomes `&lt;` (raw HTML is refused in transcripts) and a trailing `{...}` is not taken as ids.

    >>> escape("# 1 priority is peace")
    '\\\\# 1 priority is peace'
    """
    text = paragraph.replace("<", "&lt;")
    if _MARKUP_START.match(text):
        text = "\\" + text
    elif _NUMBERED.match(text):
        text = _NUMBERED.sub(r"\1\\\2", text, count=1)  # `1\. ` is text, `1. ` a list
    elif _TURN_LIKE.match(text):
        text = "&#64;" + text[1:]  # an `@name:` the source wrote is not a turn mark
    if (match := _ATTRIBUTES_LIKE.search(text)) and any("#" in t or "=" in t for t in match.group(1).split()):
        text = text.rstrip()[:-1] + "&#125;"  # `{#id}` in the source is text, not an id
    return text


@dataclass
class Draft:
    meta: dict[str, Any]
    paragraphs: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "---\n" + dump_yaml(_ordered(self.meta)) + "---\n\n" + "\n\n".join(self.paragraphs) + "\n"


def append_entry(file: Path, ident: str, entry: dict[str, Any]) -> None:
    """Add `ident: entry` at the end of a registry file, keeping everything already in it byte for byte."""
    existing = file.read_text(encoding="utf-8") if file.is_file() else ""
    if existing and not existing.endswith("\n"):
        existing += "\n"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(existing + dump_yaml({ident: entry}), encoding="utf-8")


def as_date(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
