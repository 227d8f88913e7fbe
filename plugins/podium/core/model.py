"""The archive's data model: what an editor may write in front matter and in the registries.

Shaped after the Popolo specification so that an export maps cleanly: a `Speaker` is a Popolo Person,
each of its `roles` a Membership, an `Event` a Popolo Event, and a transcript's statements Popolo Speeches.
The reader hands every scalar over as the string the editor typed (see `frontmatter`); the validators
below decide what it means, so YAML 1.1 never turns `no` into False or `3.10` into 3.1.

The same models generate the JSON Schema (`podium schema`) and the format reference in the editors' guide.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from podium.core import dates
from podium.core.media import classify, shorthand

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
# `\Z` or fullmatch, not `$` (which also matches before a final newline), and ASCII digits only: `\d` would take
# Arabic-Indic or full-width digits for a date's.
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*\Z")
_LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")  # its pattern is the JSON Schema's: fullmatch


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"`{value}` is not a date in the form YYYY-MM-DD")
    return dates.parse(value, partial=False)


def _known_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    return dates.parse(str(value))  # a year alone may come as a number from a corpus's table


def _strict_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise ValueError(f"`{value}` is not true or false")


def _identifier(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"`{value}` is not a valid id: use lowercase letters, digits and hyphens")
    return value


def _language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value):
        raise ValueError(f"`{value}` is not a BCP 47 language tag such as en, kk, ru or pt-BR")
    return value


_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def _safe_url(value: str) -> str:
    """Web addresses only: a `javascript:` or `data:` link in front matter would run in readers' browsers."""
    match = _SCHEME.match(value)
    if match and match.group(1).lower() not in ("http", "https", "mailto"):
        raise ValueError(f"`{match.group(1)}:` addresses are not allowed; use an http(s) address")
    if any(ord(char) < 32 for char in value):
        raise ValueError("an address must not contain control characters")
    return value


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
# A day, or only the month or the year where the record gives no day (core.dates).
KNOWN_DATE_PATTERN = f"^{dates.PATTERN}$"
KnownDate = Annotated[
    dt.date,
    BeforeValidator(_known_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": KNOWN_DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ]
        }
    ),
]
Bool = Annotated[bool, BeforeValidator(_strict_bool)]
Id = Annotated[str, AfterValidator(_identifier)]
Text = Annotated[str, AfterValidator(_non_empty)]
Language = Annotated[str, AfterValidator(_language)]
Url = Annotated[str, AfterValidator(_safe_url)]


class Strict(BaseModel):
    """Unknown keys are errors (with a suggestion); values are never coerced from other types."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Kind(str, Enum):
    speech = "speech"
    statement = "statement"
    address = "address"
    remarks = "remarks"
    lecture = "lecture"
    panel = "panel"
    debate = "debate"
    interview = "interview"
    press_conference = "press conference"
    other = "other"


class Delivery(str, Enum):
    as_delivered = "as delivered"
    as_prepared = "as prepared"
    translation = "translation"
    written = "written"  # sent or published in writing, never read aloud


class Source(Strict):
    """Where the text comes from. `note` records what the editor changed and why."""

    url: Url | None = Field(None, description="Address of the page or document the text was taken from.")
    publisher: str | None = Field(None, description="Who published it, e.g. a news site or a press office.")
    author: str | None = Field(None, description="The article's author, if the text came inside an article.")
    place: str | None = Field(None, description="The dateline's place, e.g. Astana.")
    date: KnownDate | None = Field(
        None, description="When the source was published: YYYY-MM-DD, or YYYY-MM or YYYY if no day is known."
    )
    retrieved: IsoDate | None = Field(None, description="When the editor took the text.")
    title: str | None = Field(None, description="The source's own headline.")
    note: str | None = Field(None, description="What the editor did to the text, e.g. corrected typos.")


def _recording(value: str) -> str:
    classify(value)  # refuses what cannot be a recording, with the reason
    return value


Recording = Annotated[str, AfterValidator(_recording)]


class Media(Strict):
    """The speech's recording; statements' `{t=12:34}` play it from there. `media: <address>` alone says the same.

    video: https://www.youtube.com/watch?v=dQw4w9WgXcQ
    audio: media/2025/plenary.mp3
    """

    video: Recording | None = Field(
        None, description="A video: a YouTube or Vimeo address, a video file's address, or its path in the repository."
    )
    audio: Recording | None = Field(
        None, description="An audio file's address, or its path in the repository, e.g. media/2025/plenary.mp3."
    )
    title: Text | None = Field(None, description="What the recording is, e.g. Floor audio, English interpretation.")


class Correction(Strict):
    """An editor's correction of an obvious artifact of the source, recorded so nothing is silently changed."""

    original: Text = Field(description="The text as the source has it, e.g. advócacy.")
    corrected: str = Field(description="The text as published, e.g. advocacy.")
    statement: str | None = Field(None, description="The id of the statement it is in.")
    note: str | None = Field(None, description="Why, e.g. a stray accent from the scrape.")


class Coverage(Strict):
    """A press quotation of the speech: `podium quote` measures it against what was said.

    - outlet: Bruxelles Korner
      date: 2025-05-29
      quote: Multilateralism is foundering
      statement: multilateralism-is-faltering
    """

    outlet: Text = Field(description="The newspaper, site or agency that printed the quotation.")
    quote: Text = Field(description="The words as printed, without the quotation marks.")
    date: KnownDate | None = Field(None, description="When it was published (YYYY-MM-DD, YYYY-MM or YYYY).")
    url: Url | None = Field(None, description="Address of the article.")
    author: str | None = Field(None, description="The article's author.")
    statement: str | None = Field(None, description="The id of the statement quoted; found by quote check if left out.")


class SpeechMeta(Strict):
    """The front matter of one transcript in `speeches/`.

    title: Statement at the plenary session of the Astana International Forum
    date: 2025-05-29
    speaker: tokayev
    event: aif-2025
    """

    title: Text = Field(description="The speech's title as published.")
    date: KnownDate = Field(
        description="The day it was given, YYYY-MM-DD; YYYY-MM or YYYY when the record gives no day."
    )
    speaker: Id | None = Field(None, description="The speaker's id in speakers.yml (one speaker).")
    speakers: list[Id] | None = Field(None, description="The speakers' ids, in order of appearance.")
    event: Id | None = Field(None, description="The event's id in events.yml.")
    session: Text | None = Field(None, description="The session within the event, e.g. Plenary session.")
    location: Text | None = Field(None, description="Where it was given, e.g. Astana, Kazakhstan.")
    language: Language = Field(
        "en",
        description="BCP 47 tag of the text's language, with its script when it is not the usual one (kk-Arab: "
        "Kazakh in Arabic letters, read right to left); default en.",
    )
    kind: Kind = Field(Kind.speech, description="What sort of speech: " + ", ".join(k.value for k in Kind))
    delivered: Delivery | None = Field(
        None, description="as delivered, as prepared, translation, or written (a text never read aloud)."
    )
    translation_of: Id | None = Field(None, description="The id of the transcript this one translates.")
    official_translation: Bool | None = Field(
        None, description="With translation_of: true if the organiser or speaker's office published this translation."
    )
    summary: Text | None = Field(None, description="One or two sentences for lists and search results.")
    topics: list[Id] = Field(default_factory=list, description="Topic ids from topics.yml.")
    source: Source | None = None
    media: Annotated[Media | None, BeforeValidator(shorthand, json_schema_input_type=Media | str | None)] = Field(
        None, description="The recording: an address or a repository path, or video, audio and title."
    )
    corrections: list[Correction] = Field(default_factory=list)
    coverage: list[Coverage] = Field(
        default_factory=list, description="Press quotations of this speech; the page shows how faithful each is."
    )

    @property
    def speaker_ids(self) -> list[str]:
        return [self.speaker] if self.speaker else list(self.speakers or [])


class Role(Strict):
    """A Popolo Membership: a role held in an organisation over a span of dates."""

    role: Text = Field(description="e.g. President")
    organization: str | None = Field(None, description="e.g. Republic of Kazakhstan")
    start: KnownDate | None = Field(None, alias="from", description="First day in the role (or its month, its year).")
    end: KnownDate | None = Field(
        None, alias="to", description="Last day in the role (or its month, its year); empty if current."
    )

    def held_on(self, day: dt.date) -> bool:
        """Held on `day`, or on some day of a year or month the record gives without a day."""
        return (self.start is None or self.start <= dates.last_day(day)) and (
            self.end is None or day <= dates.last_day(self.end)
        )

    @property
    def label(self) -> str:
        return f"{self.role}, {self.organization}" if self.organization else self.role


class Speaker(Strict):
    """A Popolo Person, in speakers.yml under their id."""

    name: Text
    sort_name: str | None = Field(None, description="Name for A–Z lists, e.g. Tokayev, Kassym-Jomart.")
    aliases: list[str] = Field(default_factory=list, description="Other spellings of the name.")
    country: str | None = None
    bio: str | None = Field(None, description="A short biography, one paragraph.")
    image: Url | None = Field(None, description="A portrait: a file in the archive, relative to speakers.yml.")
    image_credit: str | None = Field(None, description="Who made the portrait, shown under it.")
    image_licence: str | None = Field(None, description="The portrait's licence, e.g. CC BY 4.0.")
    roles: list[Role] = Field(default_factory=list)
    links: dict[str, Url] = Field(default_factory=dict, description="e.g. wikidata: https://www.wikidata.org/wiki/Q...")

    def role_on(self, day: dt.date) -> Role | None:
        held = [role for role in self.roles if role.held_on(day)]
        return held[-1] if held else None

    @property
    def sorting_name(self) -> str:
        return self.sort_name or self.name


class Session(Strict):
    name: Text
    date: KnownDate | None = None
    description: str | None = None


class Event(Strict):
    """A Popolo Event, in events.yml: a forum edition, with `parent` naming its series."""

    name: Text
    parent: Id | None = Field(None, description="The id of the series or larger event it belongs to.")
    start: KnownDate | None = Field(None, alias="from")
    end: KnownDate | None = Field(None, alias="to")
    location: str | None = None
    url: Url | None = None
    description: str | None = None
    sessions: list[Session] = Field(default_factory=list, description="In programme order.")


class Topic(Strict):
    """An entry of the controlled vocabulary, in topics.yml."""

    label: Text
    description: str | None = None
    aliases: list[str] = Field(default_factory=list)
    parent: Id | None = None
