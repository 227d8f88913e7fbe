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

from podium.core import dates
from podium.core.dates import PartialDate
from podium.core.model import SpeechMeta


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode as is, no line wrapping (a title stays on one line), no `&id001` anchors:
    Podium's reader refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _partial_date(dumper: yaml.SafeDumper, value: PartialDate) -> yaml.Node:
    # `date: 1946` and `date: 1946-10`, as an editor writes them (Podium reads every scalar as text).
    tag = "tag:yaml.org,2002:int" if value.precision == "year" else "tag:yaml.org,2002:str"
    return dumper.represent_scalar(tag, value.isoformat())


_Dumper.add_representer(str, _str)
_Dumper.add_representer(PartialDate, _partial_date)


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


# Plain text must stay plain: every character the source has is shown, none is read as Markdown or as one of
# Podium's marks. Inline, Python-Markdown reads code spans, emphasis, links, entities, raw HTML and backslash
# escapes; at the start of a paragraph, headings, quotes, lists, rules and Podium's `@id:` turn mark.
_MARKUP_START = re.compile(r"^(#|>|[-+](?=\s|$)|-{3,})")
_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
_TURN_LIKE = re.compile(r"^@(?=[A-Za-z0-9][\w-]*\s*:)")
_ATTRIBUTES_LIKE = re.compile(r"\{([^{}\n]*)\}\s*$")
_ESCAPABLE = "\\`*_{}[]()>#+-.!|"  # Python-Markdown's backslash escapes, with the tables extension's `|`
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape_inline(text: str) -> str:
    """Backslash the characters Markdown would read inline; `<` and a literal `&name;` become entities.

    >>> escape_inline("snake_case, _em_ and AT&amp;T")
    'snake_case, \\\\_em\\\\_ and AT&amp;amp;T'
    """
    text = _ENTITY.sub("&amp;", text)
    out = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char in "`*[]":
            out.append("\\" + char)
        elif char == "_" and not (before.isalnum() and after.isalnum()):
            out.append("\\_")  # an underscore inside a word (snake_case) is never emphasis
        elif char == "\\" and after in _ESCAPABLE:
            out.append("\\\\")
        elif char == "<":
            out.append("&lt;")
        else:
            out.append(char)
    return "".join(out)


def escape(paragraph: str) -> str:
    """Keep a paragraph of plain text plain: what it shows is what the source says, character for character.

    `*`, `_`, backticks and brackets are backslashed, `<` and a literal `&amp;` become entities; a leading
    `#`, `>`, `- `, `+ `, `1. ` or `@id:` is escaped, and a trailing `{...}` is not taken as ids.

    >>> escape("# 1 priority is *peace* [ As delivered ]")
    '\\\\# 1 priority is \\\\*peace\\\\* \\\\[ As delivered \\\\]'
    """
    text = escape_inline(paragraph)
    if _MARKUP_START.match(text):
        text = "\\" + text
    elif _NUMBERED.match(text):
        text = _NUMBERED.sub(r"\1\\\2", text, count=1)  # `1\. ` is text, `1. ` a list
    elif _TURN_LIKE.match(text):
        text = "&#64;" + text[1:]  # an `@name:` the source wrote is not a turn mark
    if (match := _ATTRIBUTES_LIKE.search(text)) and any("#" in t or "=" in t for t in match.group(1).split()):
        text = text.rstrip()[:-1] + "&#125;"  # `{#id}` in the source is text, not an id
    return text


def narrative(inner: str) -> str:
    """A stage direction as Podium's narrative paragraph, its words as the source spaced them.

    >>> narrative(" As delivered *in* Astana ")
    '[ As delivered \\\\*in\\\\* Astana ]'
    """
    return f"[{escape_inline(inner)}]"


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
    return value if isinstance(value, dt.date) else dates.parse(value)
