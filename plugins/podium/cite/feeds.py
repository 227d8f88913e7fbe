"""Atom 1.0 feeds: the whole archive, and one for each speaker, topic and event.

    feed.xml                     the 20 newest speeches of the archive
    speakers/<id>/feed.xml       the 20 newest speeches of one speaker
    topics/<id>/feed.xml         ... that carry the topic or one below it (on the speech or a statement)
    events/<id>/feed.xml         ... given at the event or at one of its editions (`parent`)

A feed sits next to the page it follows, so a reader that finds the page finds the feed. Every value is
escaped by ElementTree, and characters that XML 1.0 cannot hold are removed. An entry's `updated` is the
speech's date (transcripts carry no time), so a rebuild never changes a feed that has no new speech.

Entry ids: the speech's address when the site has a `site_url`, otherwise a `tag:` URI made from the site's
name and the speech's id (an Atom id must be an absolute IRI, and must not change when the site moves).
Links are absolute with `site_url`, otherwise relative to the feed's own address, which Atom allows.

A feed is small, as a few hundred of them are fetched again and again: the newest 20 entries (a feed reader
keeps the older ones it has seen; the site's pages list them all) and no indentation.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field

from podium.core.dates import first_day
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.text import one_line, plain_text, shorten, xml_safe
from podium.core.urls import DIRECTORY_URLS, Urls, term_path

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 20  # entries a feed holds: the usual number (`feed_size` in podium-cite's settings)


@dataclass
class Feed:
    """One feed: where it is written, what it follows, and its speeches (newest first, at most `LIMIT`)."""

    path: str  # e.g. speakers/tokayev/feed.xml
    page: str  # the path of the page it follows, e.g. speakers/tokayev/ (see podium.core.urls)
    title: str
    speeches: list[Speech] = field(default_factory=list)


def collect(speeches: list[Speech], registry: Registry, site_name: str, limit: int = LIMIT) -> list[Feed]:
    """Every feed of the archive. `speeches` are newest first, as `archive.load` returns them."""
    feeds = [Feed(Urls.feed(), "", site_name, speeches[:limit])]
    by: dict[tuple[str, str], list[Speech]] = defaultdict(list)
    for speech in speeches:
        keys = {("speakers", ident) for ident in speech.meta.speaker_ids}
        topics = {*speech.meta.topics, *(ident for s in speech.statements for ident in s.topics)}
        for topic in topics:  # a topic's speeches are also its parent topic's
            keys |= {("topics", ident) for ident in _lineage(topic, registry.topics)}
        # an edition's speeches are also its series' speeches
        keys |= {("events", ident) for ident in _lineage(speech.meta.event, registry.events)}
        for key in keys:
            if len(by[key]) < limit:
                by[key].append(speech)
    for (kind, ident), chosen in sorted(by.items()):
        feeds.append(
            Feed(
                Urls.feed(kind, ident), term_path(kind, ident), f"{_name(kind, ident, registry)} — {site_name}", chosen
            )
        )
    return feeds


def _lineage(ident: str | None, table) -> list[str]:
    """`ident` and its ancestors through `parent` (a loop is reported by the registry; here it just stops)."""
    lineage: list[str] = []
    while ident and ident not in lineage:
        lineage.append(ident)
        entry = table.get(ident)
        ident = entry.parent if entry else None
    return lineage


def _name(kind: str, ident: str, registry: Registry) -> str:
    table = getattr(registry, kind)
    entry = table.get(ident)
    if entry is None:
        return ident
    return getattr(entry, "name", None) or getattr(entry, "label", None) or ident


def _tag(site_name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "podium"


def render(feed: Feed, registry: Registry, site_name: str, base_url: str = "", urls: Urls = DIRECTORY_URLS) -> str:
    """The feed as an Atom document. Without `base_url`, links are relative to the feed's own address."""
    up = "../" * feed.path.count("/")
    root_href = base_url or up or "./"

    def href(path: str) -> str:
        return f"{root_href}{path}"

    def text(parent, name: str, value: str, **attrs) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
        element.text = xml_safe(value)
        return element

    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    text(root, "title", feed.title)
    text(root, "id", f"{base_url}{feed.path}" if base_url else f"tag:{_tag(site_name)},2025:{feed.path}")
    newest = first_day(feed.speeches[0].meta.date).isoformat() if feed.speeches else "2025-01-01"
    text(root, "updated", f"{newest}T00:00:00Z")
    own = f"{base_url}{feed.path}" if base_url else feed.path.rsplit("/", 1)[-1]
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": own})
    ET.SubElement(
        root, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": href(urls.page(feed.page))}
    )
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    text(author, "name", site_name)
    text(root, "generator", "Podium")
    for speech in feed.speeches:
        meta = speech.meta
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        text(entry, "title", meta.title)
        # The id stays the speech's path whatever the URL setting: an Atom id must never change.
        text(
            entry,
            "id",
            f"{base_url}{speech.url}" if base_url else f"tag:{_tag(site_name)},2025:{speech.url.rstrip('/')}",
        )
        text(entry, "updated", f"{first_day(meta.date).isoformat()}T00:00:00Z")  # Atom needs a whole day
        text(entry, "published", f"{first_day(meta.date).isoformat()}T00:00:00Z")
        ET.SubElement(
            entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": href(urls.speech(speech.id))}
        )
        for ident in meta.speaker_ids:
            speaker = registry.speakers.get(ident)
            person = ET.SubElement(entry, f"{{{ATOM}}}author")
            text(person, "name", speaker.name if speaker else ident)
            text(person, "uri", href(urls.speaker(ident)))
        for ident in meta.topics:
            topic = registry.topics.get(ident)
            ET.SubElement(
                entry, f"{{{ATOM}}}category", {"term": ident, "label": xml_safe(topic.label if topic else ident)}
            )
        first = next((s for s in speech.statements if s.type == "speech"), None)
        summary = meta.summary or (shorten(plain_text(first.text)) if first else meta.title)
        text(entry, "summary", one_line(summary), type="text")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
