"""`podium new`: the questions, the options and the messages around `podium.editors.new`.

Every value comes from an option or, when it is missing and a person is at the keyboard, from a prompt.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import NoReturn

import click

from podium.cli.options import root_option, settings_of
from podium.core import archive as archives
from podium.core.model import Kind
from podium.editors.new import (
    Refused,
    Shelf,
    check_session,
    default_id,
    front_matter,
    parse_day,
)


class _Session:
    """What `new` needs while it asks: where the transcript goes, and whether it may prompt."""

    def __init__(self, root: Path, prompt: bool, add_missing: bool):
        self.shelf = Shelf.of(root, settings_of(root))
        self.prompt = prompt
        self.add_missing = add_missing

    def fail(self, message: str, hint: str = "") -> NoReturn:
        click.echo(f"podium new: error: {message}" + (f"\n  hint: {hint}" if hint else ""), err=True)
        sys.exit(1)

    def ask(self, value: str | None, label: str, default: str | None = None) -> str:
        if value:
            return value
        if not self.prompt:
            self.fail(
                f"missing --{label.split()[0].lower()}", "give it as an option, or run without --no-input to be asked"
            )
        return click.prompt(label, default=default)

    def resolve(self, kind: str, ident: str, date: dt.date) -> str:
        """A registry id, checked; offers the closest id, or to add the entry, when it is unknown."""
        if self.shelf.known(kind, ident):
            return ident
        _, shown = self.shelf.registry_file(kind)
        suggestion, close = self.shelf.suggestion(kind, ident)
        if self.prompt:
            if close and click.confirm(f"unknown {kind} `{ident}`; use `{close[0]}` instead?", default=True):
                return close[0]
            if kind in ("speaker", "event") and click.confirm(f"add {kind} `{ident}` to {shown}?", default=False):
                return self.add(kind, ident, click.prompt(f"{kind}'s name", default=_name(ident)), date)
        elif self.add_missing and kind in ("speaker", "event"):
            return self.add(kind, ident, _name(ident), date)
        hint = f"{suggestion} " if suggestion else ""
        extra = (
            f"or add it to {shown} (run without --no-input, or pass --add-missing)"
            if kind in ("speaker", "event")
            else f"or add it to {shown}"
        )
        self.fail(f"unknown {kind} `{ident}`", hint + extra)

    def add(self, kind: str, ident: str, name: str, date: dt.date) -> str:
        shown = self.shelf.add(kind, ident, name, date)
        click.echo(f"added {kind} `{ident}` ({name}) to {shown}")
        return ident


def _name(ident: str) -> str:
    return ident.replace("-", " ").title()


@click.command("new")
@click.option("--title", default=None, help="The speech's title as published.")
@click.option("--date", default=None, help="The day it was given, YYYY-MM-DD (YYYY-MM or YYYY if no day is known).")
@click.option("--speaker", "speakers", multiple=True, help="A speaker's id from speakers.yml; repeat for several.")
@click.option("--event", default=None, help="The event's id from events.yml.")
@click.option("--session", default=None, help="The session within the event, e.g. `Plenary session`.")
@click.option("--location", default=None, help="Where it was given, e.g. `Astana, Kazakhstan`.")
@click.option("--language", default="en", show_default=True, help="BCP 47 tag of the text's language.")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), default=None, help="What sort of speech.")
@click.option("--topic", "topics", multiple=True, help="A topic id from topics.yml; repeat for several.")
@click.option("--source-url", default=None, help="Where the text comes from.")
@click.option(
    "--id", "ident", default=None, help="The file name and URL id (default: <event or date>-<speaker>[-<session>])."
)
@click.option("--no-input", is_flag=True, help="Never prompt: fail on anything missing or unknown.")
@click.option(
    "--add-missing",
    is_flag=True,
    help="With --no-input: add unknown speakers and events to their registries, named after their ids.",
)
@root_option
def new_command(
    title,
    date,
    speakers,
    event,
    session,
    location,
    language,
    kind,
    topics,
    source_url,
    ident,
    no_input,
    add_missing,
    root,
) -> None:
    """Start a new transcript at speeches/<year>/<id>.md, asking for what is missing.

    \b
    Example:
      podium new                                   # asks for title, date and speaker
      podium new --title "Opening address" --date 2025-05-29 --speaker tokayev \\
                 --event aif-2025 --session "Plenary session" --topic multilateralism
    """
    state = _Session(root, prompt=not no_input, add_missing=add_missing)
    try:
        title = state.ask(title, "Title")
        asked = "Date (YYYY-MM-DD; YYYY-MM or YYYY if no day is known)"
        day = parse_day(state.ask(date, asked, default=dt.date.today().isoformat()))
        speakers = list(speakers) or [state.ask(None, "Speaker id (from speakers.yml)")]
        speakers = [state.resolve("speaker", s, day) for s in speakers]
        if event:
            event = state.resolve("event", event, day)
        topics = [state.resolve("topic", t, day) for t in topics]
        meta = {
            "title": title,
            "date": day,
            "event": event,
            "session": session,
            "location": location,
            "language": language,
            "kind": kind,
            "topics": topics,
            "source": {"url": source_url} if source_url else None,
        }
        meta.update({"speaker": speakers[0]} if len(speakers) == 1 else {"speakers": speakers})
        front_matter(meta)
        check_session(state.shelf.registry, event, session)
        target = state.shelf.write(meta, ident or default_id(event, day, speakers, session), day)
    except Refused as refusal:
        state.fail(refusal.message, refusal.hint)
    shown = archives.display_path(target, state.shelf.root)
    click.echo(
        f"wrote {shown}: paste the speech below the front matter, one paragraph per statement, "
        f"then run `podium lint {shown}` and `podium check {shown}`"
    )
