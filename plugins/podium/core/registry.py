"""The registries beside the transcripts: speakers.yml, events.yml and topics.yml.

Each is a mapping from id to entry, so YAML's own structure makes ids unique (a duplicate is an error):

    tokayev:
      name: Kassym-Jomart Tokayev
      sort_name: Tokayev, Kassym-Jomart
      roles:
        - role: President
          organization: Republic of Kazakhstan
          from: 2019-03-20
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from podium.core.frontmatter import Position, decode, parse_yaml
from podium.core.model import _ID, Event, Speaker, Topic
from podium.core.problems import Problems, did_you_mean
from podium.core.safety import bidi_overrides, link_problem
from podium.core.settings import Settings
from podium.core.validation import validate

E = TypeVar("E", bound=BaseModel)

FILES = {"speakers": "speakers.yml", "events": "events.yml", "topics": "topics.yml"}


@dataclass
class Table(Generic[E]):
    """One registry: entries by id, and where each id was written (for errors and editors' tools)."""

    name: str
    path: str = ""
    entries: dict[str, E] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    value_at: dict[tuple, Position] = field(default_factory=dict)  # where a field was written: (id, key) -> place

    def __contains__(self, ident: object) -> bool:
        return ident in self.entries

    def __getitem__(self, ident: str) -> E:
        return self.entries[ident]

    def get(self, ident: str | None) -> E | None:
        return self.entries.get(ident) if ident else None

    def check(self, ident: str, path: str, line: int, column: int, problems: Problems, what: str) -> bool:
        """Report an unknown id with suggestions; True if the id is known."""
        if ident in self.entries:
            return True
        hint = did_you_mean(ident, self.entries)
        where = f"add it to {self.path}" if self.path else f"add a {FILES[self.name]} registry"
        problems.add(
            path,
            line,
            column,
            f"unknown {what} `{ident}`",
            f"{hint} Or {where}." if hint else f"{where[0].upper()}{where[1:]}.",
        )
        return False


@dataclass
class Registry:
    speakers: Table[Speaker] = field(default_factory=lambda: Table("speakers"))
    events: Table[Event] = field(default_factory=lambda: Table("events"))
    topics: Table[Topic] = field(default_factory=lambda: Table("topics"))


_BUG = "simplify the file's structure; and please report this as a bug in Podium, with the file"
_MODELS: dict[str, type[BaseModel]] = {"speakers": Speaker, "events": Event, "topics": Topic}
_SINGULAR = {"speakers": "speaker", "events": "event", "topics": "topic"}


def load_table(name: str, file: Path, display: str, problems: Problems, settings: Settings | None = None) -> Table:
    settings = settings if settings is not None else Settings()
    table: Table = Table(name, path=display)
    size = file.stat().st_size
    if size > settings.max_registry_kb * 1024:  # checked before reading: a 10 MB registry is a mistake or an attack
        problems.add(
            display,
            1,
            1,
            f"{FILES[name]} is {size // 1024} KB, over the limit of {settings.max_registry_kb} KB",
            "split the entries out, or a maintainer may raise `max_registry_kb` in mkdocs.yml",
        )
        return table
    text = decode(file.read_bytes(), display, problems)
    if text is None:
        return table
    bidi_overrides(text, display, problems)
    document = parse_yaml(text, display, problems, max_depth=settings.max_yaml_depth)
    if document is None or document.data is None:
        return table
    table.value_at = document.value_at
    if not isinstance(document.data, dict):
        problems.add(
            display,
            1,
            1,
            f"{FILES[name]} must be a mapping from id to entry",
            f"write `some-id:` at the start of a line, then the {_SINGULAR[name]}'s fields indented",
        )
        return table
    for ident, data in document.data.items():
        line, column = document.key_at[(ident,)]
        if not _ID.match(ident):
            problems.add(
                display,
                line,
                column,
                f"`{ident}` is not a valid {_SINGULAR[name]} id",
                "use lowercase letters, digits and hyphens, e.g. tokayev or aif-2025",
            )
            continue
        entry = validate(
            _MODELS[name],
            data if data is not None else {},
            document,
            display,
            problems,
            at=(ident,),
            origin=(line, column),
            label=f"{_SINGULAR[name]} `{ident}`:",
        )
        if entry is not None:
            table.entries[ident] = entry
            table.positions[ident] = (line, column)
    return table


def load(directory: Path, root: Path, problems: Problems, settings: Settings | None = None) -> Registry:
    """Load the three registries from `directory`; a missing file is an empty registry.

    A registry that is a link out of the archive, a dangling link or a folder is an error, and read as empty.
    """
    registry = Registry()
    for name, filename in FILES.items():
        file = directory / filename
        if not os.path.lexists(file):
            continue
        display = _display(file, root)
        if why := link_problem(file, root):
            problems.add(display, 1, 1, *why)
        elif file.is_dir():
            problems.add(display, 1, 1, f"{filename} is a folder", f"a registry is one YAML file: {filename}")
        else:
            try:
                setattr(registry, name, load_table(name, file, display, problems, settings))
            except Exception as exc:  # noqa: BLE001 - a broken registry is a problem at its place, never a traceback
                problems.add(display, 1, 1, f"could not read {filename} ({type(exc).__name__}: {exc})", _BUG)
    _check_parents(registry, problems)
    _check_images(registry.speakers, directory, root, problems)
    return registry


def _display(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


MAX_IMAGE_KB = 8 * 1024  # a portrait is resized to thumbnails; a larger file is a mistake (a raw scan, a video)
_IMAGE = "name a JPEG, PNG or WebP file, relative to speakers.yml's folder, e.g. `image: photos/tokayev.jpg`"


def image_file(image: str, directory: Path) -> Path:
    """A speaker's `image`, written relative to speakers.yml: `photos/tokayev.jpg` is `speeches/photos/tokayev.jpg`."""
    return directory / image


def _check_images(table: Table, directory: Path, root: Path, problems: Problems) -> None:
    """A portrait is a file inside the archive (its thumbnails are published, never the file itself).
    Whether it is an image is the photos feature's check: the core reads no image."""
    for ident, speaker in table.entries.items():
        if not speaker.image:
            continue
        line, column = table.value_at.get((ident, "image"), table.positions[ident])
        file = image_file(speaker.image, directory)
        if "://" in speaker.image or speaker.image.startswith(("/", "\\")):
            problems.add(
                table.path,
                line,
                column,
                f"speaker `{ident}`: image `{speaker.image}` must be a file in the archive, not an address",
                f"save the portrait beside {FILES['speakers']}, e.g. `image: photos/{ident}.jpg`, and name its author "
                "and licence in `image_credit` and `image_licence`",
            )
        elif not os.path.lexists(file):
            problems.add(
                table.path,
                line,
                column,
                f"speaker `{ident}`: image `{speaker.image}` does not exist",
                f"the path is relative to {FILES['speakers']}'s folder; check the spelling, or add the file",
            )
        elif why := link_problem(file, root, "portrait"):
            problems.add(table.path, line, column, f"speaker `{ident}`: image `{speaker.image}`: {why[0]}", why[1])
        elif not file.is_file():
            problems.add(table.path, line, column, f"speaker `{ident}`: image `{speaker.image}` is a folder", _IMAGE)
        elif file.stat().st_size > MAX_IMAGE_KB * 1024:
            problems.add(
                table.path,
                line,
                column,
                f"speaker `{ident}`: image `{speaker.image}` is {file.stat().st_size // 1024} KB, "
                f"over the limit of {MAX_IMAGE_KB} KB",
                "save a smaller copy (a portrait of 1000 px is plenty: thumbnails are made from it)",
            )


def _check_parents(registry: Registry, problems: Problems) -> None:
    """An event's or a topic's parent must exist, and parents must not loop."""
    for table in (registry.events, registry.topics):
        for ident, entry in table.entries.items():
            if entry.parent is None:
                continue
            line, column = table.positions[ident]
            if not table.check(entry.parent, table.path, line, column, problems, f"parent {_SINGULAR[table.name]}"):
                continue
            seen: set[str] = {ident}
            current: str | None = entry.parent
            while current is not None and current in table.entries:
                if current in seen:
                    problems.add(
                        table.path,
                        line,
                        column,
                        f"`{ident}` is its own ancestor through `parent`",
                        "parents must form a tree; remove one `parent` of the loop",
                    )
                    break
                seen.add(current)
                current = table.entries[current].parent
