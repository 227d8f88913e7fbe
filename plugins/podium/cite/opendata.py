"""Open data: the archive as JSON, shaped after the Popolo specification, with JSON Schemas.

Three kinds of file, all written by the `podium-cite` MkDocs plugin:

    speeches/<id>/speech.json.gz  one speech: its facts and its statements (`speech_document`), gzipped
    data/statements.jsonl.gz      every statement of the archive, one JSON object a line (`statements_jsonl`)
    data/popolo.json              persons, organizations, memberships, events and topics (`registry_document`)
    data/schemas/*.schema.json    the JSON Schemas of the three (`SCHEMAS`)

A statement is a Popolo Speech: `creator_id`/`creator` (a Person), `role` (the speaker's role on the day),
`type` (`speech` or `narrative`), `position` (1, 2, ... in the transcript), `event_id`/`event` and `sources`.
A statement's `text` is its words; the stage directions inside it ("[Applause]") are kept apart in `narrative`,
each with the offset in `text` where it stood, and a crowd's or an anonymous turn (`@[Audience]:`) has its
label in `voice` and no creator.
A speaker is a Popolo Person, each role a Membership of an Organization, an event a Popolo Event (a
session is an Event whose `parent_id` is its edition).

`base_url` is the site's address ending in `/` (from `site_url`), or "" for addresses relative to the
site's root when the site does not say where it is published.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from podium.core import dates, media
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.text import Spoken, plain_text, slug, table_cells
from podium.core.urls import DIRECTORY_URLS, Urls

SCHEMA_BASE = Urls.data("schemas/")


def session_id(event: str, session: str) -> str:
    return f"{event}--{slug(session) or 'x'}"


def _person_ref(ident: str | None, registry: Registry) -> dict | None:
    if not ident:
        return None
    speaker = registry.speakers.get(ident)
    return {"id": ident, "name": speaker.name if speaker else ident}


def _event_ref(ident: str | None, registry: Registry) -> dict | None:
    if not ident:
        return None
    event = registry.events.get(ident)
    return {"id": ident, "name": event.name if event else ident}


def _sources(speech: Speech, permalink: str, archive: str) -> list[dict]:
    """Popolo Links: the archive's page first, then where the editor took the text from."""
    links = [{"url": permalink, "note": archive}]
    source = speech.meta.source
    if source and source.url:
        note = ", ".join(part for part in (source.publisher, source.title) if part)
        links.append({"url": source.url, "note": note or "source"})
    return links


FILE = "speech.json.gz"  # beside each speech's page: speeches/<id>/speech.json.gz

# In speech.json.gz the statements leave out what they share with their speech (a statement's `id` is
# `<speech id>#<statement_id>`, its `url` the speech's `url` + `#<statement_id>`); a JSONL line keeps it all.
_SHARED = (
    "id",
    "speech_id",
    "title",
    "date",
    "language",
    "event_id",
    "event",
    "session_id",
    "creator",
    "url",
    "sources",
)


def statement_records(
    speech: Speech,
    registry: Registry,
    base_url: str,
    archive: str,
    within_speech: bool = False,
    urls: Urls = DIRECTORY_URLS,
) -> Iterator[dict]:
    """The speech's statements as Popolo Speeches, in transcript order (without `_SHARED` if `within_speech`)."""
    meta = speech.meta
    page = base_url + urls.speech(speech.id)
    for position, statement in enumerate(speech.statements, start=1):
        speaker = registry.speakers.get(statement.speaker) if statement.speaker else None
        role = speaker.role_on(meta.date) if speaker else None
        permalink = f"{page}#{statement.id}"
        words = statement.spoken if statement.type == "speech" else Spoken(plain_text(statement.text))
        record = {
            "id": f"{speech.id}#{statement.id}",
            "speech_id": speech.id,
            "statement_id": statement.id,
            "type": statement.type,
            "position": position,
            "creator_id": statement.speaker,
            "creator": _person_ref(statement.speaker, registry),
            "role": role.label if role else None,
            "date": meta.date.isoformat(),
            "title": meta.title,
            "text": words.text,
            "language": meta.language,
            "event_id": meta.event,
            "event": _event_ref(meta.event, registry),
            "session_id": session_id(meta.event, meta.session) if meta.event and meta.session else None,
            "topics": list(statement.topics),
            "url": permalink,
            "sources": _sources(speech, permalink, archive),
        }
        if words.directions:
            record["narrative"] = [{"text": text, "at": at} for at, text in words.directions]
        if (cells := table_cells(statement.text)) is not None:  # `text` has its words; this, which cell holds each
            record["table"] = cells
        if statement.voice:
            record["voice"] = statement.voice
        if statement.start is not None:  # `{t=12:34}`: seconds into the recording
            record["start"] = media.number(statement.start)
        if within_speech:
            for key in _SHARED:
                del record[key]
        yield record


def speech_document(
    speech: Speech,
    registry: Registry,
    base_url: str,
    archive: str,
    coverage: list[dict] | None = None,
    urls: Urls = DIRECTORY_URLS,
    records: list[dict] | None = None,
) -> dict:
    """One speech with its statements (speeches/<id>/speech.json.gz). `records`: the speech's
    `statement_records` as the archive's file has them, if made already (the shared fields are left out)."""
    meta = speech.meta
    page = base_url + urls.speech(speech.id)
    source = meta.source
    return {
        "$schema": f"{base_url}{SCHEMA_BASE}speech.schema.json",
        "id": speech.id,
        "title": meta.title,
        "date": meta.date.isoformat(),
        "type": meta.kind.value,
        "delivered": meta.delivered.value if meta.delivered else None,
        "language": meta.language,
        "translation_of": meta.translation_of,
        "summary": meta.summary,
        "location": meta.location,
        "creator_ids": meta.speaker_ids,
        "creators": [_person_ref(ident, registry) for ident in meta.speaker_ids],
        "event_id": meta.event,
        "event": _event_ref(meta.event, registry),
        "session": meta.session,
        "topics": list(meta.topics),
        "url": page,
        "sources": _sources(speech, page, archive),
        "source": {
            key: (value.isoformat() if hasattr(value, "isoformat") else value)
            for key, value in source.model_dump().items()
            if value is not None
        }
        if source
        else None,
        "coverage": coverage or [],
        "media": media.export(meta.media, base_url),
        "statements": [{key: value for key, value in record.items() if key not in _SHARED} for record in records]
        if records is not None
        else list(statement_records(speech, registry, base_url, archive, within_speech=True, urls=urls)),
    }


def statements_jsonl(
    speeches: list[Speech], registry: Registry, base_url: str, archive: str, urls: Urls = DIRECTORY_URLS
) -> Iterator[str]:
    """The lines of data/statements.jsonl.gz, one at a time (every statement of the archive; never held whole)."""
    for speech in speeches:
        yield from map(_line, statement_records(speech, registry, base_url, archive, urls=urls))


def statement_lines(records: Iterable[dict]) -> str:
    """Records as lines of data/statements.jsonl.gz."""
    return "".join(map(_line, records))


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def registry_document(registry: Registry, base_url: str = "", urls: Urls = DIRECTORY_URLS) -> dict:
    """data/popolo.json: the registries as Popolo persons, organizations, memberships and events."""
    persons: list[dict] = []
    organizations: dict[str, dict] = {}
    memberships: list[dict] = []
    for ident, speaker in sorted(registry.speakers.entries.items()):
        persons.append(
            {
                "id": ident,
                "name": speaker.name,
                "sort_name": speaker.sort_name,
                "other_names": [{"name": alias} for alias in speaker.aliases],
                "national_identity": speaker.country,
                "biography": speaker.bio,
                # `image` in speakers.yml is a file in the repository, never published as such (only thumbnails,
                # named by their content, are): no address to give here yet.
                "image": None,
                "links": [{"url": url, "note": note} for note, url in speaker.links.items()],
                "url": base_url + urls.speaker(ident),
            }
        )
        for number, role in enumerate(speaker.roles, start=1):
            organization = (slug(role.organization) or "x") if role.organization else None
            if organization:
                organizations.setdefault(organization, {"id": organization, "name": role.organization})
            memberships.append(
                {
                    "id": f"{ident}-{number}",
                    "person_id": ident,
                    "organization_id": organization,
                    "role": role.role,
                    "label": role.label,
                    "start_date": role.start.isoformat() if role.start else None,
                    "end_date": role.end.isoformat() if role.end else None,
                }
            )
    events = []
    for ident, event in sorted(registry.events.entries.items()):
        events.append(
            {
                "id": ident,
                "name": event.name,
                "classification": "event",
                "parent_id": event.parent,
                "start_date": event.start.isoformat() if event.start else None,
                "end_date": event.end.isoformat() if event.end else None,
                "location": event.location,
                "description": event.description,
                "url": base_url + urls.event(ident),
                "sources": [{"url": event.url, "note": "official site"}] if event.url else [],
            }
        )
        for session in event.sessions:
            events.append(
                {
                    "id": session_id(ident, session.name),
                    "name": session.name,
                    "classification": "session",
                    "parent_id": ident,
                    "start_date": session.date.isoformat() if session.date else None,
                    "end_date": session.date.isoformat() if session.date else None,
                    "location": event.location,
                    "description": session.description,
                    "url": None,
                    "sources": [],
                }
            )
    topics = [
        {
            "id": ident,
            "label": topic.label,
            "parent_id": topic.parent,
            "description": topic.description,
            "aliases": list(topic.aliases),
            "url": base_url + urls.topic(ident),
        }
        for ident, topic in sorted(registry.topics.entries.items())
    ]
    return {
        "$schema": f"{base_url}{SCHEMA_BASE}popolo.schema.json",
        "persons": persons,
        "organizations": sorted(organizations.values(), key=lambda o: o["id"]),
        "memberships": memberships,
        "events": events,
        "topics": topics,
    }


# JSON Schemas (draft 2020-12). Written out beside the data and documented on the Data page.
_STRING_OR_NULL = {"type": ["string", "null"]}
# A speech's or a quotation's date: the day, or only the month (1946-10) or the year (1946) the record gives.
_KNOWN_DATE = {
    "type": "string",
    "pattern": f"^{dates.PATTERN}$",
    "description": "YYYY-MM-DD, or YYYY-MM or YYYY when the record gives no day.",
}
_KNOWN_DATE_OR_NULL = dict(_KNOWN_DATE, type=["string", "null"])
_ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}
_REF = {
    "type": ["object", "null"],
    "required": ["id", "name"],
    "additionalProperties": False,
    "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
}
_LINK = {
    "type": "object",
    "required": ["url"],
    "additionalProperties": False,
    "properties": {"url": {"type": "string", "minLength": 1}, "note": _STRING_OR_NULL},
}


def _object(properties: dict, required: list[str] | None = None, **extra) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": required or list(properties),
        "properties": properties,
        **extra,
    }


def _document(ident: str, title: str, description: str, properties: dict, required: list[str] | None = None) -> dict:
    """A JSON Schema (draft 2020-12) of one of the data files: an object with exactly `properties`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": ident,
        "title": title,
        "description": description,
        **_object(properties, required),
    }


_STATEMENT = {
    "id": {
        "type": "string",
        "description": "<speech id>#<statement id>, unique in the archive (left out in speech.json.gz).",
    },
    "speech_id": _ID,
    "statement_id": {"type": "string", "minLength": 1, "description": "The permalink's #fragment."},
    "type": {"enum": ["speech", "narrative"]},
    "position": {"type": "integer", "minimum": 1, "description": "1 for the transcript's first statement."},
    "start": {
        "type": "number",
        "minimum": 0,
        "description": "Only when the transcript gives one: seconds into the recording where it starts.",
    },
    "creator_id": _STRING_OR_NULL,
    "creator": _REF,
    "role": {
        **_STRING_OR_NULL,
        "description": "The speaker's role on the day, e.g. President, Republic of Kazakhstan.",
    },
    "date": _KNOWN_DATE,
    "title": {"type": "string", "description": "The speech's title."},
    "text": {"type": "string", "description": "Plain text: the words, without the stage directions."},
    "narrative": {
        "type": "array",
        "description": "The stage directions inside the statement, e.g. [Applause], as written; `at` is "
        "the offset in `text` where each stood.",
        "items": _object({"text": {"type": "string"}, "at": {"type": "integer", "minimum": 0}}),
    },
    "voice": {"type": "string", "description": "A crowd's or an anonymous turn's label, e.g. Audience."},
    "table": {
        "type": "array",
        "description": "Only for a table read into the record: its rows, the header row first, each a list of its "
        "cells' plain text (a `|` inside a cell is part of the cell).",
        "items": {"type": "array", "items": {"type": "string"}},
    },
    "language": {"type": "string"},
    "event_id": _STRING_OR_NULL,
    "event": _REF,
    "session_id": _STRING_OR_NULL,
    "topics": {"type": "array", "items": _ID},
    "url": {
        "type": "string",
        "minLength": 1,
        "description": "The statement's address (left out in speech.json.gz: the speech's url + #statement_id).",
    },
    "sources": {"type": "array", "items": _LINK, "minItems": 1},
}
_STATEMENT_REQUIRED = ["statement_id", "type", "position", "creator_id", "role", "text", "topics"]

STATEMENT_SCHEMA = _document(
    "statement.schema.json",
    "Statement (a Popolo Speech)",
    "One statement of a transcript: a paragraph said by a speaker, or narrative.",
    _STATEMENT,
    required=["id", *_STATEMENT_REQUIRED, "url"],
)

SPEECH_SCHEMA = _document(
    "speech.schema.json",
    "Speech",
    "One transcript with its statements (speeches/<id>/speech.json.gz, gzipped).",
    {
        "$schema": {"type": "string"},
        "id": _ID,
        "title": {"type": "string"},
        "date": _KNOWN_DATE,
        "type": {"type": "string", "description": "speech, statement, address, remarks, lecture, panel..."},
        "delivered": _STRING_OR_NULL,
        "language": {"type": "string"},
        "translation_of": _STRING_OR_NULL,
        "summary": _STRING_OR_NULL,
        "location": _STRING_OR_NULL,
        "creator_ids": {"type": "array", "items": _ID, "minItems": 1},
        "creators": {"type": "array", "items": _REF},
        "event_id": _STRING_OR_NULL,
        "event": _REF,
        "session": _STRING_OR_NULL,
        "topics": {"type": "array", "items": _ID},
        "url": {"type": "string"},
        "sources": {"type": "array", "items": _LINK, "minItems": 1},
        "source": {"type": ["object", "null"], "description": "Where the editor took the text from."},
        "media": {
            "type": ["object", "null"],
            "description": "The recording: video and audio addresses, title; statements' `start` is in it.",
            "additionalProperties": False,
            "properties": {"video": _STRING_OR_NULL, "audio": _STRING_OR_NULL, "title": _STRING_OR_NULL},
        },
        "coverage": {
            "type": "array",
            "items": _object(
                {
                    "outlet": {"type": "string"},
                    "date": _KNOWN_DATE_OR_NULL,
                    "url": _STRING_OR_NULL,
                    "author": _STRING_OR_NULL,
                    "quote": {"type": "string"},
                    "statement_id": _STRING_OR_NULL,
                    "fidelity": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                    "differences": {"type": "string", "description": "[-said-]{+quoted+} marks"},
                    "summary": {"type": "string", "description": "e.g. 1 word changed, or verbatim"},
                    "verdict": {"enum": ["verbatim", "differences", "not found"]},
                    "in_quotation": {"type": "boolean", "description": "The words are inside quotation marks"},
                    "pieces": {
                        "type": "array",
                        "description": "The alignment: [op, words said, words quoted]",
                        "items": {
                            "type": "array",
                            "prefixItems": [
                                {"enum": ["same", "changed", "added", "dropped", "elided"]},
                                {"type": "array", "items": {"type": "string"}},
                                {"type": "array", "items": {"type": "string"}},
                            ],
                            "items": False,
                        },
                    },
                }
            ),
        },
        "statements": {
            "type": "array",
            "description": "Its statements (statement.schema.json) without what they share with the speech",
            "items": _object({k: v for k, v in _STATEMENT.items() if k not in _SHARED}, _STATEMENT_REQUIRED),
        },
    },
)

POPOLO_SCHEMA = _document(
    "popolo.schema.json",
    "Registries as Popolo",
    "Speakers (Person), their roles (Membership, Organization), events (Event) and topics.",
    {
        "$schema": {"type": "string"},
        "persons": {
            "type": "array",
            "items": _object(
                {
                    "id": _ID,
                    "name": {"type": "string"},
                    "sort_name": _STRING_OR_NULL,
                    "other_names": {"type": "array", "items": _object({"name": {"type": "string"}})},
                    "national_identity": _STRING_OR_NULL,
                    "biography": _STRING_OR_NULL,
                    "image": _STRING_OR_NULL,
                    "links": {"type": "array", "items": _LINK},
                    "url": {"type": "string"},
                }
            ),
        },
        "organizations": {"type": "array", "items": _object({"id": _ID, "name": {"type": "string"}})},
        "memberships": {
            "type": "array",
            "items": _object(
                {
                    "id": {"type": "string"},
                    "person_id": _ID,
                    "organization_id": _STRING_OR_NULL,
                    "role": {"type": "string"},
                    "label": {"type": "string"},
                    "start_date": _KNOWN_DATE_OR_NULL,
                    "end_date": _KNOWN_DATE_OR_NULL,
                }
            ),
        },
        "events": {
            "type": "array",
            "items": _object(
                {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "classification": {"enum": ["event", "session"]},
                    "parent_id": _STRING_OR_NULL,
                    "start_date": _KNOWN_DATE_OR_NULL,
                    "end_date": _KNOWN_DATE_OR_NULL,
                    "location": _STRING_OR_NULL,
                    "description": _STRING_OR_NULL,
                    "url": _STRING_OR_NULL,
                    "sources": {"type": "array", "items": _LINK},
                }
            ),
        },
        "topics": {
            "type": "array",
            "items": _object(
                {
                    "id": _ID,
                    "label": {"type": "string"},
                    "parent_id": _STRING_OR_NULL,
                    "description": _STRING_OR_NULL,
                    "aliases": {"type": "array", "items": {"type": "string"}},
                    "url": {"type": "string"},
                }
            ),
        },
    },
)

SCHEMAS = {
    "statement.schema.json": STATEMENT_SCHEMA,
    "speech.schema.json": SPEECH_SCHEMA,
    "popolo.schema.json": POPOLO_SCHEMA,
}
