"""Render cross-links to HTML: references as links, "Referenced by", "Related", and the preview cards.

Plain Python and Jinja (templates `xref_*.html`, autoescaped), like render.py. The MkDocs adapter
(plugins/podium/mkdocs/xref.py) decides where the fragments go; this module decides what they say.

Every link to a statement, speech or speaker carries `class="podium-ref" data-ref="<target key>"`; the
page embeds the cards of those keys once, as JSON, and podium-xref.js shows a card on hover or keyboard
focus without loading anything. Without the script the links are ordinary links.

    view = CrossLinks(archive, index, related)
    view.statement_block(speech, statement, links)   # "See also", "Referenced by N", "Related"
    view.cards_script(keys, links)                    # <script type="application/json" id="podium-cards">
"""

from __future__ import annotations

from dataclasses import dataclass, field

from podium.core.archive import Archive
from podium.core.speech import Speech
from podium.core.statements import Statement
from podium.core.text import long_date, plain_text, script_json, shorten
from podium.render.pages import Links, ReferenceLink, environment, speaker_view
from podium.xref.references import Index, Target, received_by_speaker
from podium.xref.related import Related

EXCERPT_CHARS = 280  # a card quotes this much of a statement
SHORT_WORDS = 14  # a list entry quotes this many words
SPEAKER_REFERENCES = 25  # a speaker page lists this many references received, the newest
RECENT_SPEECHES = 64  # the statements of this many speeches are kept by id (see `CrossLinks.statement`)

# A statement's Markdown as plain text, for cards and excerpts (printed as text, never as HTML).
plain = plain_text


def excerpt(text: str, chars: int = EXCERPT_CHARS) -> str:
    """At most `chars` characters of the statement's words, cut at a word, with an ellipsis when cut."""
    return shorten(plain_text(text), chars)


def first_words(text: str, words: int = SHORT_WORDS) -> str:
    parts = plain_text(text).split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:.–-") + "…"


@dataclass
class CrossLinks:
    """What the archive's cross-links look like on pages: built once per build, used for every page."""

    archive: Archive
    index: Index
    related: dict[tuple[str, str], list[Related]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.speeches = {speech.id: speech for speech in self.archive.speeches}
        # Statements by id for the few speeches looked up last (pages are placed one speech at a time, cards
        # name a handful): a table of every statement of the archive would grow with it, by 100 bytes each.
        self._by_id: dict[str, dict[str, Statement]] = {}
        # A statement's words are read once per build, not once per link to it: one statement with 3,000
        # references is quoted under 3,000 others, and plain_text is linear in the statement's length.
        self._quotes: dict[tuple[str, str], str] = {}
        self._excerpts: dict[tuple[str, str], str] = {}

    def statement(self, speech: str, statement: str) -> Statement | None:
        """A statement by its speech and id, in constant time (`Speech.statement` reads the list)."""
        found = self._by_id.get(speech)
        if found is None:
            owner = self.speeches.get(speech)
            found = {st.id: st for st in owner.statements} if owner is not None else {}
            if len(self._by_id) >= RECENT_SPEECHES:
                del self._by_id[next(iter(self._by_id))]  # the one looked up first
            self._by_id[speech] = found
        return found.get(statement)

    def quote(self, speech: str, statement: Statement) -> str:
        """The statement's first words, for a list entry (computed once per statement)."""
        key = (speech, statement.id)
        if key not in self._quotes:
            self._quotes[key] = first_words(statement.text)
        return self._quotes[key]

    def statement_excerpt(self, speech: str, statement: Statement) -> str:
        """The statement's words as a card quotes them (computed once per statement)."""
        key = (speech, statement.id)
        if key not in self._excerpts:
            self._excerpts[key] = excerpt(statement.text)
        return self._excerpts[key]

    # -- targets ----------------------------------------------------------------------------------------

    def href(self, target: Target, links: Links, here: str | None = None) -> str:
        """A relative link; a statement of the page's own speech is just `#id` (no page load)."""
        if target.speaker:
            return links.speaker(target.speaker)
        if target.statement and target.speech == here:
            return f"#{target.statement}"
        assert target.speech is not None  # not a speaker: `Target.parse` fills in the speech
        return links.speech(target.speech, target.statement or "")

    def label(self, target: Target) -> str:
        """A short name for a link without words of its own: `Speaker, 29 May 2025` or a title."""
        registry = self.archive.registry
        if target.speaker:
            speaker = registry.speakers.get(target.speaker)
            return speaker.name if speaker else target.speaker
        assert target.speech is not None  # not a speaker: `Target.parse` fills in the speech
        speech = self.speeches[target.speech]
        if target.statement:
            statement = self.statement(speech.id, target.statement)
            # Only resolved targets are labelled: the index's references, existing statements, or a checked card.
            assert statement is not None
            who = speaker_view(statement.speaker, speech.meta.date, registry)["name"] if statement.speaker else None
            return f"{who}, {long_date(speech.meta.date)}" if who else long_date(speech.meta.date)
        return speech.meta.title

    def card(self, key: str) -> dict | None:
        """The preview card of a target key: speaker, date, event, and the quoted statement."""
        target = Target.parse(key, here="")
        if target is None:
            return None
        registry = self.archive.registry
        if target.speaker:
            speaker = registry.speakers.get(target.speaker)
            if speaker is None:
                return None
            role = next(iter(speaker.roles), None) if getattr(speaker, "roles", None) else None
            return {
                "kind": "speaker",
                "speaker": speaker.name,
                "role": _role_label(role),
                "title": getattr(speaker, "country", None) or "",
                "text": excerpt(getattr(speaker, "bio", None) or ""),
            }
        speech = self.speeches.get(target.speech) if target.speech is not None else None
        if speech is None:
            return None
        meta = speech.meta
        event = registry.events.get(meta.event)
        card = {
            "kind": "speech",
            "title": meta.title,
            "date": long_date(meta.date),
            "event": event.name if event else (meta.event or ""),
            "speaker": "; ".join(speaker_view(i, meta.date, registry)["name"] for i in meta.speaker_ids),
            "role": "",
            "text": excerpt(meta.summary or ""),
        }
        if target.statement:
            statement = self.statement(speech.id, target.statement)
            if statement is None:
                return None
            if statement.speaker:
                view = speaker_view(statement.speaker, meta.date, registry)
                card["speaker"], card["role"] = view["name"], view["role"] or ""
            card.update(kind="statement", text=self.statement_excerpt(speech.id, statement))
        return card

    # -- fragments --------------------------------------------------------------------------------------

    def statement_block(self, speech: Speech, statement: Statement, links: Links) -> tuple[str, set[str]]:
        """The cross-links under one statement, and the card keys it uses. Empty when there are none."""
        keys: set[str] = set()
        see = []
        for reference in self.index.from_statement.get((speech.id, statement.id), []):
            if reference.form != "see":
                continue
            keys.add(reference.target.key)
            see.append(self._entry(reference.target, links, speech.id, with_quote=True))
        backlinks = []
        for reference in self.index.received(speech.id, statement.id):
            source = Target(speech=reference.source.id, statement=reference.statement.id)
            keys.add(source.key)
            backlinks.append(self._entry(source, links, speech.id, with_quote=True))
        related = []
        for item in self.related.get((speech.id, statement.id), []):
            target = Target(speech=item.speech, statement=item.statement)
            keys.add(target.key)
            related.append(self._entry(target, links, speech.id, with_quote=True) | {"score": item.score})
        if not (see or backlinks or related):
            return "", keys
        html = (
            environment()
            .get_template("xref_statement.html")
            .render(statement=statement, see=see, backlinks=backlinks, related=related)
        )
        return html, keys

    def speech_block(self, speech: Speech, links: Links) -> tuple[str, set[str]]:
        """ "Referenced from N other speeches" for a speech page's header."""
        keys: set[str] = set()
        rows = []
        for source_id, references in self.index.referring_speeches(speech.id).items():
            target = Target(speech=source_id)
            keys.add(target.key)
            entry = self._entry(target, links, speech.id, with_quote=False)
            entry["count"] = len(references)
            meta = self.speeches[source_id].meta
            names = [speaker_view(i, meta.date, self.archive.registry)["name"] for i in meta.speaker_ids]
            entry["byline"] = f"{'; '.join(names)}, {long_date(meta.date)}"
            rows.append(entry)
        rows.sort(key=lambda row: row["sort"], reverse=True)
        if not rows:
            return "", keys
        html = environment().get_template("xref_speech.html").render(rows=rows)
        return html, keys

    def speaker_block(self, speaker: str, links: Links, limit: int = SPEAKER_REFERENCES) -> tuple[str, set[str]]:
        """The references a speaker's statements (or the speaker) received, newest first, at most `limit`.

        The rest are counted, not listed: the page must not grow with the archive, and each referenced
        statement lists all of its references under "Referenced by".
        """
        keys: set[str] = set()
        rows = []
        received = received_by_speaker(self.index, speaker)
        for reference in received[:limit]:
            source = Target(speech=reference.source.id, statement=reference.statement.id)
            keys.update({source.key, reference.target.key})
            entry = self._entry(source, links, None, with_quote=True)
            entry["target"] = self._entry(reference.target, links, None, with_quote=True)
            rows.append(entry)
        html = environment().get_template("xref_speaker.html").render(rows=rows, total=len(received))
        return html, keys

    def inline_reference(self, written: str, here: str, links: Links) -> ReferenceLink | None:
        """An inline `[[target|words]]` written in speech `here`, resolved for the renderer; None if broken.

        The renderer calls it for references in a statement's text only (see render.pages.StatementRenderer).
        """
        target = Target.parse(written, here=here)
        if target is None or self.card(target.key) is None:
            return None
        return ReferenceLink(self.href(target, links, here), target.key, self.label(target))

    def cards_script(self, keys: set[str]) -> str:
        """The cards of `keys` as JSON in a script element that browsers never run."""
        cards = {key: card for key in sorted(keys) if (card := self.card(key)) is not None}
        if not cards:
            return ""
        return f'<script type="application/json" id="podium-cards">{script_json(cards, compact=True)}</script>'

    def _entry(self, target: Target, links: Links, here: str | None, with_quote: bool) -> dict:
        speech = self.speeches.get(target.speech) if target.speech else None
        entry = {
            "key": target.key,
            "href": self.href(target, links, here),
            "label": self.label(target),
            "quote": "",
            "title": "",
            "sort": (speech.meta.date, speech.id) if speech else None,
        }
        if speech is not None:
            entry["title"] = speech.meta.title
            if target.statement and with_quote:
                statement = self.statement(speech.id, target.statement)
                assert statement is not None  # an entry is made only for a resolved target, as in `label`
                entry["quote"] = self.quote(speech.id, statement)
        return entry


def _role_label(role) -> str:
    if role is None:
        return ""
    label = getattr(role, "label", None)
    return label if isinstance(label, str) else ""
