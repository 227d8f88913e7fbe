"""`podium new`: start a transcript at the right path, with front matter the registries agree with.

Speaker, event and topic ids are checked against speakers.yml, events.yml and topics.yml; a near miss gets
a "did you mean", and a speaker or event that is not there yet can be added to its registry (appended at the
end of the file, the rest of it untouched). The file goes to speeches/<year>/<id>.md, where the id is the file
name and the page's URL: /speeches/<id>/. The command (`podium.cli.new`) asks for what is missing; this module
decides, and says no with a `Refused`:

    >>> default_id("aif-2025", dt.date(2025, 5, 29), ["tokayev"], "Plenary session")
    'aif-2025-tokayev-plenary'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from podium.core import archive as archives
from podium.core import registry as registries
from podium.core.model import _ID, SpeechMeta
from podium.core.problems import Problems, did_you_mean
from podium.core.registry import Registry
from podium.core.settings import Settings
from podium.core.text import new_id
from podium.core.validation import error_message
from podium.editors.draft import Draft, append_entry
from podium.editors.lint import PLACEHOLDER


class Refused(Exception):
    """A value a new transcript cannot have: what is wrong and, when there is one, a hint."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass
class Shelf:
    """Where new transcripts go: the archive's folder of speeches and its registries."""

    root: Path
    folder: Path
    registry: Registry

    @classmethod
    def of(cls, root: Path, settings: Settings) -> Shelf:
        folder = root / settings.speeches_dir
        return cls(root, folder, registries.load(folder, root, Problems()))

    def known(self, kind: str, ident: str) -> bool:
        return ident in getattr(self.registry, f"{kind}s")

    def registry_file(self, kind: str) -> tuple[Path, str]:
        """The registry of `kind` (speaker, event, topic) and its path as the editor knows it."""
        file = self.folder / registries.FILES[f"{kind}s"]
        return file, archives.display_path(file, self.root)

    def suggestion(self, kind: str, ident: str) -> tuple[str, list[str]]:
        """("did you mean `x`?", the close ids) for an unknown id; ("", []) when none is close."""
        entries = getattr(self.registry, f"{kind}s").entries
        text = did_you_mean(ident, entries)
        return text, [entry for entry in entries if f"`{entry}`" in text]

    def add(self, kind: str, ident: str, name: str, date: dt.date) -> str:
        """Append a speaker or an event to its registry (an event starts on `date`); its registry's path."""
        if not _ID.match(ident):
            raise Refused(f"`{ident}` is not a valid {kind} id", "use lowercase letters, digits and hyphens")
        entry: dict[str, Any] = {"name": name}
        if kind == "event":
            entry["from"] = date
        file, shown = self.registry_file(kind)
        append_entry(file, ident, entry)
        return shown

    def write(self, meta: dict[str, Any], ident: str, day: dt.date) -> Path:
        """Write the transcript at speeches/<year>/<id>.md with the placeholder below its front matter."""
        if not _ID.match(ident):
            raise Refused(f"`{ident}` is not a valid id", "use lowercase letters, digits and hyphens")
        if ident in {file.stem for file in archives.transcript_files(self.folder)}:
            raise Refused(f"a transcript with the id `{ident}` exists already", "choose another with --id")
        target = self.folder / str(day.year) / f"{ident}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(Draft(meta, [PLACEHOLDER]).text(), encoding="utf-8")
        return target


def parse_day(raw: str) -> dt.date:
    """The day of the speech, judged as front matter judges it."""
    try:
        return SpeechMeta.model_validate({"title": "x", "date": raw}).date
    except ValidationError as exc:
        raise Refused(error_message(exc.errors()[0]), "write the date as YYYY-MM-DD") from None


def front_matter(meta: dict[str, Any]) -> dict[str, Any]:
    """The front matter, checked by the model the loader uses; empty values are left out of the check."""
    try:
        SpeechMeta.model_validate(
            {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in meta.items() if v not in (None, [])}
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        raise Refused(f"--{'.'.join(str(p) for p in error['loc'])}: {error_message(error)}") from None
    return meta


def check_session(registry: Registry, event: str | None, session: str | None) -> None:
    """A session named for an event that lists its sessions must be one of them."""
    if not (event and session):
        return
    sessions = [s.name for s in registry.events[event].sessions]
    if sessions and session not in sessions:
        raise Refused(
            f"event `{event}` has no session `{session}`",
            did_you_mean(session, sessions) or f"its sessions are: {', '.join(sessions)}",
        )


def default_id(event: str | None, day: dt.date, speakers: list[str], session: str | None) -> str:
    """<event or date>-<first speaker>[-<first word of the session>]."""
    parts = [event or day.isoformat(), speakers[0]] + ([new_id(session).split("-")[0]] if session else [])
    return "-".join(parts)
