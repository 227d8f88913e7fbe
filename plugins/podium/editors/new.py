"""`podium new`: start a transcript at the right path, with front matter the registries agree with.

Every value comes from an option or, when it is missing and a person is at the keyboard, from a prompt.
Speaker, event and topic ids are checked against speakers.yml, events.yml and topics.yml; a near miss gets
a "did you mean", and a speaker or event that is not there yet can be added to its registry on the spot
(appended at the end of the file, the rest of it untouched). The file goes to speeches/<year>/<id>.md,
where the id is the file name and the page's URL: /speeches/<id>/.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from pydantic import ValidationError

from podium.core import archive as archives
from podium.core import registry as registries
from podium.editors.draft import Draft, append_entry, slug
from podium.editors.lint import PLACEHOLDER
from podium.core.model import _ID, Kind, SpeechMeta
from podium.core.problems import Problems, did_you_mean
from podium.core.settings import load as load_settings


class _Session:
    """What `new` needs while it asks: the archive, the registries, and whether it may prompt."""

    def __init__(self, root: Path, prompt: bool, add_missing: bool):
        self.root = root
        self.settings = load_settings(root)
        self.folder = root / self.settings.speeches_dir
        problems = Problems()
        self.registry = registries.load(self.folder, root, problems)
        self.prompt = prompt
        self.add_missing = add_missing

    def fail(self, message: str, hint: str = "") -> None:
        click.echo(f"podium new: error: {message}" + (f"\n  hint: {hint}" if hint else ""), err=True)
        sys.exit(1)

    def ask(self, value: str | None, label: str, default: str | None = None) -> str:
        if value:
            return value
        if not self.prompt:
            self.fail(f"missing --{label.split()[0].lower()}",
                      "give it as an option, or run without --no-input to be asked")
        return click.prompt(label, default=default)

    def resolve(self, kind: str, ident: str, date: dt.date) -> str:
        """A registry id, checked; offers the closest id, or to add the entry, when it is unknown."""
        table = getattr(self.registry, f"{kind}s")
        if ident in table:
            return ident
        file = self.folder / registries.FILES[f"{kind}s"]
        shown = archives.display_path(file, self.root)
        suggestion = did_you_mean(ident, table.entries)
        if self.prompt:
            close = [m for m in table.entries if f"`{m}`" in suggestion]
            if close and click.confirm(f"unknown {kind} `{ident}`; use `{close[0]}` instead?", default=True):
                return close[0]
            if kind in ("speaker", "event") and click.confirm(f"add {kind} `{ident}` to {shown}?", default=False):
                name = click.prompt(f"{kind}'s name", default=ident.replace("-", " ").title())
                return self.add(kind, ident, name, date, file, shown)
        elif self.add_missing and kind in ("speaker", "event"):
            return self.add(kind, ident, ident.replace("-", " ").title(), date, file, shown)
        hint = f"{suggestion} " if suggestion else ""
        extra = (f"or add it to {shown} (run without --no-input, or pass --add-missing)"
                 if kind in ("speaker", "event") else f"or add it to {shown}")
        self.fail(f"unknown {kind} `{ident}`", hint + extra)
        return ident

    def add(self, kind: str, ident: str, name: str, date: dt.date, file: Path, shown: str) -> str:
        if not _ID.match(ident):
            self.fail(f"`{ident}` is not a valid {kind} id", "use lowercase letters, digits and hyphens")
        entry: dict = {"name": name}
        if kind == "event":
            entry["from"] = date
        append_entry(file, ident, entry)
        click.echo(f"added {kind} `{ident}` ({name}) to {shown}")
        return ident


@click.command("new")
@click.option("--title", default=None, help="The speech's title as published.")
@click.option("--date", default=None, help="The day it was given, YYYY-MM-DD.")
@click.option("--speaker", "speakers", multiple=True, help="A speaker's id from speakers.yml; repeat for several.")
@click.option("--event", default=None, help="The event's id from events.yml.")
@click.option("--session", default=None, help="The session within the event, e.g. `Plenary session`.")
@click.option("--location", default=None, help="Where it was given, e.g. `Astana, Kazakhstan`.")
@click.option("--language", default="en", show_default=True, help="BCP 47 tag of the text's language.")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), default=None, help="What sort of speech.")
@click.option("--topic", "topics", multiple=True, help="A topic id from topics.yml; repeat for several.")
@click.option("--source-url", default=None, help="Where the text comes from.")
@click.option("--id", "ident", default=None,
              help="The file name and URL id (default: <event or date>-<speaker>[-<session>]).")
@click.option("--no-input", is_flag=True, help="Never prompt: fail on anything missing or unknown.")
@click.option("--add-missing", is_flag=True, help="With --no-input: add unknown speakers and events to their "
                                                  "registries, named after their ids.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The archive's folder (default: the nearest one up from here with mkdocs.yml).")
def new_command(title, date, speakers, event, session, location, language, kind, topics, source_url, ident,
                no_input, add_missing, root) -> None:
    """Start a new transcript at speeches/<year>/<id>.md, asking for what is missing.

    \b
    Example:
      podium new                                   # asks for title, date and speaker
      podium new --title "Opening address" --date 2025-05-29 --speaker tokayev \\
                 --event aif-2025 --session "Plenary session" --topic multilateralism
    """
    from podium.cli.main import find_root

    state = _Session(root or find_root(Path.cwd()), prompt=not no_input, add_missing=add_missing)
    title = state.ask(title, "Title")
    raw_date = state.ask(date, "Date (YYYY-MM-DD)", default=dt.date.today().isoformat())
    try:
        day = SpeechMeta.model_validate({"title": "x", "date": raw_date}).date
    except ValidationError as exc:
        state.fail(exc.errors()[0]["msg"].removeprefix("Value error, "), "write the date as YYYY-MM-DD")
    speakers = list(speakers) or [state.ask(None, "Speaker id (from speakers.yml)")]
    speakers = [state.resolve("speaker", s, day) for s in speakers]
    if event:
        event = state.resolve("event", event, day)
    topics = [state.resolve("topic", t, day) for t in topics]
    meta = {"title": title, "date": day, "event": event, "session": session, "location": location,
            "language": language, "kind": kind, "topics": topics,
            "source": {"url": source_url} if source_url else None}
    meta.update({"speaker": speakers[0]} if len(speakers) == 1 else {"speakers": speakers})
    try:
        SpeechMeta.model_validate({k: (v.isoformat() if isinstance(v, dt.date) else v)
                                   for k, v in meta.items() if v not in (None, [])})
    except ValidationError as exc:
        error = exc.errors()[0]
        state.fail(f"--{'.'.join(str(p) for p in error['loc'])}: {error['msg'].removeprefix('Value error, ')}")
    if event and session and (sessions := [s.name for s in state.registry.events[event].sessions]):
        if session not in sessions:
            state.fail(f"event `{event}` has no session `{session}`",
                       did_you_mean(session, sessions) or f"its sessions are: {', '.join(sessions)}")
    parts = [event or day.isoformat(), speakers[0]] + ([slug(session).split("-")[0]] if session else [])
    ident = ident or "-".join(parts)
    if not _ID.match(ident):
        state.fail(f"`{ident}` is not a valid id", "use lowercase letters, digits and hyphens")
    taken = {file.stem for file in archives.transcript_files(state.folder)}
    if ident in taken:
        state.fail(f"a transcript with the id `{ident}` exists already", "choose another with --id")
    target = state.folder / str(day.year) / f"{ident}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(Draft(meta, [PLACEHOLDER]).text(), encoding="utf-8")
    shown = archives.display_path(target, state.root)
    click.echo(f"wrote {shown}: paste the speech below the front matter, one paragraph per statement, "
               f"then run `podium lint {shown}` and `podium check {shown}`")
