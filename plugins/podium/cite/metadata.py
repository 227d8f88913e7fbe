"""What a page says about itself in its <head>: citation metadata and the feeds and data that follow it.

A speech page carries Highwire `citation_*` tags (read by Zotero and Google Scholar), Dublin Core, Open
Graph, a Twitter card and schema.org JSON-LD; every value is escaped, since it comes from a transcript.

    head = speech_metadata(speech, registry, "Podium Speech Archive", "https://podium.example.org/")
    -> '<meta name="citation_title" content="Statement at ...">...<script type="application/ld+json">{...}</script>'

Each page also links the feeds that follow it (`alternates`): the home page the archive's, a speech page
its speakers' and its event's (and its own JSON and Akoma Ntoso files), a speaker's, topic's or event's
page its own. Plain Python, no MkDocs.
"""

from __future__ import annotations

import html
from typing import Any

from podium.cite import akomantoso, citation, opendata
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.text import plain_text, script_json, shorten
from podium.core.urls import DIRECTORY_URLS, Urls, relative
from podium.render import i18n

Alternate = tuple[str, str, str]  # (MIME type, title, href)


def alternates(
    speech: Speech | None,
    registry: Registry,
    site_name: str,
    page: str,
    *,
    home: bool = False,
    feed: tuple[str, str] | None = None,
    urls: Urls = DIRECTORY_URLS,
) -> list[Alternate]:
    """The `<link rel="alternate">`s of the page published at `page` (its address from the site root,
    `urls.speech(id)` for a speech page): `speech` for a speech page, `home` for the home page, `feed`
    (path, title) for a page with its own feed (a speaker's, topic's or event's). Links are relative to
    the page.

    Not every feed on every page: Material fetches the sitemap.xml beside each `<link rel="alternate">`
    (for its language switcher), and the one beside feed.xml is the whole site's.

    >>> alternates(None, Registry(), "Archive", "", home=True)
    [('application/atom+xml', 'Archive: all speeches', 'feed.xml')]
    >>> alternates(None, Registry(), "Archive", "topics/water.html", feed=("topics/water/feed.xml", "Water"))
    [('application/atom+xml', 'Water', 'water/feed.xml')]
    """
    feeds = i18n.translate("{site}: all speeches", site=site_name)
    links = [("application/atom+xml", feeds, relative(urls.feed(), page))] if home else []
    if speech is not None:
        for ident in speech.meta.speaker_ids:
            speaker = registry.speakers.get(ident)
            links.append(
                (
                    "application/atom+xml",
                    i18n.translate("Speeches by {name}", name=speaker.name if speaker else ident),
                    relative(urls.feed("speakers", ident), page),
                )
            )
        if speech.meta.event:
            event = registry.events.get(speech.meta.event)
            links.append(
                (
                    "application/atom+xml",
                    i18n.translate("Speeches at {name}", name=event.name if event else speech.meta.event),
                    relative(urls.feed("events", speech.meta.event), page),
                )
            )
        links.append(
            (
                "application/json",
                i18n.translate("This speech as JSON (Popolo, gzip)"),
                relative(urls.speech_file(speech.id, opendata.FILE), page),
            )
        )
        links.append(
            (
                "application/akn+xml",
                i18n.translate("This speech as Akoma Ntoso XML (gzip)"),
                relative(urls.speech_file(speech.id, akomantoso.FILE), page),
            )
        )
    elif feed is not None:
        path, title = feed
        links.append(("application/atom+xml", title, relative(path, page)))
    return links


def link_tags(links: list[Alternate]) -> str:
    """`<link rel="alternate">` tags, escaped.

    >>> link_tags([("application/json", "A & B", "speech.json.gz")])
    '<link rel="alternate" type="application/json" title="A &amp; B" href="speech.json.gz">'
    """
    return "".join(
        f'<link rel="alternate" type="{kind}" title="{html.escape(title)}" href="{html.escape(href)}">'
        for kind, title, href in links
    )


def speech_metadata(
    speech: Speech,
    registry: Registry,
    site_name: str,
    base_url: str,
    site_description: str | None = None,
    urls: Urls = DIRECTORY_URLS,
) -> str:
    """The speech page's <head> additions: Highwire, Dublin Core, Open Graph, Twitter card and JSON-LD."""
    meta = speech.meta
    event = registry.events.get(meta.event)
    page_url = f"{base_url}{urls.speech(speech.id)}" if base_url else None
    first = next((s for s in speech.statements if s.by_speaker), None)  # its words, not "[Applause]"
    description = meta.summary or shorten(first.spoken.text if first else plain_text(meta.title), 200)
    speakers = [(ident, registry.speakers.get(ident)) for ident in meta.speaker_ids]
    tags: list[tuple[str, str, str]] = [("name", "citation_title", meta.title)]
    for ident, speaker in speakers:
        author = citation.inverted(speaker.name, speaker.sort_name) if speaker else ident
        tags.append(("name", "citation_author", author))
    # Highwire's 2025/05/29, or the year (1946) or the month (1946/10) a record gives without its day.
    highwire = meta.date.isoformat().replace("-", "/")
    tags += [
        ("name", "citation_date", highwire),
        ("name", "citation_publication_date", highwire),
        ("name", "citation_publisher", site_name),
        ("name", "citation_language", meta.language),
    ]
    if event:
        tags.append(("name", "citation_conference_title", event.name))
    for ident in meta.topics:
        topic = registry.topics.get(ident)
        tags.append(("name", "citation_keywords", topic.label if topic else ident))
    if page_url:
        tags.append(("name", "citation_public_url", page_url))
    tags += [
        ("name", "DC.title", meta.title),
        ("name", "DC.date", meta.date.isoformat()),
        ("name", "DC.publisher", site_name),
        ("name", "DC.language", meta.language),
        ("name", "DC.type", "Text"),
    ]
    for ident, speaker in speakers:
        tags.append(("name", "DC.creator", speaker.name if speaker else ident))
    tags += [
        ("property", "og:type", "article"),
        ("property", "og:title", meta.title),
        ("property", "og:description", description),
        ("property", "og:site_name", site_name),
        ("property", "article:published_time", meta.date.isoformat()),
    ]
    if page_url:
        tags.append(("property", "og:url", page_url))
    # The card's title and description are the Open Graph ones (X reads og:title and og:description when
    # twitter:title and twitter:description are absent): not written twice on every speech page.
    tags.append(("name", "twitter:card", "summary"))
    out = "".join(f'<meta {kind}="{name}" content="{html.escape(value, quote=True)}">' for kind, name, value in tags)
    document = json_ld(speech, registry, site_name, base_url, description, urls)
    return out + f'<script type="application/ld+json">{script_json(document)}</script>'


def json_ld(
    speech: Speech, registry: Registry, site_name: str, base_url: str, description: str, urls: Urls = DIRECTORY_URLS
) -> dict:
    """schema.org: the transcript as a CreativeWork by a Person, recorded at an Event."""
    meta = speech.meta
    authors = []
    for ident in meta.speaker_ids:
        speaker = registry.speakers.get(ident)
        person: dict[str, Any] = {
            "@type": "Person",
            "name": speaker.name if speaker else ident,
            "url": f"{base_url}{urls.speaker(ident)}" if base_url else None,
        }
        role = speaker.role_on(meta.date) if speaker else None
        if role:
            person["jobTitle"] = role.role
            if role.organization:
                person["affiliation"] = {"@type": "Organization", "name": role.organization}
        if speaker and speaker.links:
            person["sameAs"] = list(speaker.links.values())
        authors.append({k: v for k, v in person.items() if v is not None})
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "genre": meta.kind.value,
        "name": meta.title,
        "headline": meta.title[:110],
        "description": description,
        "dateCreated": meta.date.isoformat(),
        "inLanguage": meta.language,
        "author": authors,
        "publisher": {"@type": "Organization", "name": site_name},
        "isAccessibleForFree": True,
    }
    if base_url:
        document["url"] = f"{base_url}{urls.speech(speech.id)}"
    event = registry.events.get(meta.event)
    if event or meta.event:
        recorded: dict[str, Any] = {"@type": "Event", "name": event.name if event else meta.event}
        if event and event.start:
            recorded["startDate"] = event.start.isoformat()
        if event and event.end:
            recorded["endDate"] = event.end.isoformat()
        place = meta.location or (event.location if event else None)
        if place:
            recorded["location"] = {"@type": "Place", "name": place}
        document["recordedAt"] = recorded
    topics = [topic.label if (topic := registry.topics.get(t)) else t for t in meta.topics]
    if topics:
        document["keywords"] = topics
    return document
