"""Facets: who spoke, about what, where and when. One mechanism for speakers, topics, events and dates.

Plain Python, no MkDocs. As Hugo does with taxonomies, a facet is a way to file a speech under *terms*:
the `speakers` facet files it under each of its speakers, `topics` under its topics (and under the topics of
its statements), `events` under its event, `dates` under its year. Every facet gets a list page and one
page per term, through the same code and templates; a facet only says how to read its terms:

    index = collect(archive, ["speakers", "topics", "events", "dates"])
    term = index["topics"].terms["multilateralism"]
    term.count, [s.id for s in term.speeches]      # 1, ['aif-2025-tokayev-plenary']
    [(s.id, st.id) for s, st in term.statements]   # the statements tagged topics=multilateralism

A term with a `parent` (a subtopic, a forum edition inside its series) also files its speeches under every
ancestor: a speech on multilateralism is a speech on global governance, a speech at the Astana
International Forum 2025 is a speech at the Astana International Forum. Every count on every page is
`len(term.speeches)` or a count over the same lists, so counts agree everywhere.

A speech published in several languages counts once (its original, see `podium.core.versions.distinct`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from podium.core import versions
from podium.core.archive import Archive
from podium.core.dates import precision
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.statements import Statement
from podium.core.text import fold, slug
from podium.core.urls import paged as page_url  # noqa: F401  (page_url: the facets' name for it)
from podium.core.urls import term_path
from podium.render.i18n import long_date, month_heading, translate


@dataclass
class Term:
    """One value of a facet, e.g. the speaker `tokayev` or the year `2025`, with what is filed under it.

    `speeches` are newest first and include the speeches of descendant terms; `direct` counts only those
    filed under the term itself. `statements` are the statements tagged with it (topics only).
    """

    facet: str
    id: str
    label: str
    sort_key: str
    entry: Any = None  # the registry entry (Speaker, Topic, Event) or None
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    statements: list[tuple[Speech, Statement]] = field(default_factory=list)
    direct: int = 0

    @property
    def count(self) -> int:
        return len(self.speeches)

    @property
    def url(self) -> str:
        """The term page's path, e.g. `speakers/tokayev/` (`Links.page` turns it into an address)."""
        return term_path(self.facet, self.id)

    def per_year(self) -> dict[int, int]:
        """Speeches per year, every year from the first to the last (empty years as 0), oldest first."""
        counts = Counter(speech.year for speech in self.speeches)
        if not counts:
            return {}
        return {year: counts.get(year, 0) for year in range(min(counts), max(counts) + 1)}


class Facet:
    """How one facet reads its terms. Subclasses fill in the few methods below; the rest is shared.

    `name` is the facet's URL folder (/topics/), `title` its hub's title, `group_by` how a term page groups
    its speeches ("year", "month" or "session").
    """

    name = ""
    title = ""
    group_by = "year"
    hierarchical = False

    def terms(self, registry: Registry) -> dict[str, Term]:
        """Every term the registries declare, before any speech is filed."""
        return {}

    def of_speech(self, speech: Speech) -> list[str]:
        """The term ids a speech is filed under directly (before ancestors are added)."""
        raise NotImplementedError

    def of_statement(self, statement: Statement) -> list[str]:
        """The term ids a single statement is tagged with (only topics have statement-level terms)."""
        return []

    def new_term(self, ident: str) -> Term:
        """A term a speech names that `terms` did not declare: a year, or (only under `mkdocs serve` with
        errors shown) an id missing from the registry."""
        return Term(self.name, ident, ident, ident.casefold())


class SpeakersFacet(Facet):
    name, title = "speakers", "Speakers"

    def terms(self, registry: Registry) -> dict[str, Term]:
        return {
            ident: Term(self.name, ident, speaker.name, fold(speaker.sorting_name), speaker)
            for ident, speaker in registry.speakers.entries.items()
        }

    def of_speech(self, speech: Speech) -> list[str]:
        return list(speech.meta.speaker_ids)


class TopicsFacet(Facet):
    name, title, hierarchical = "topics", "Topics", True

    def terms(self, registry: Registry) -> dict[str, Term]:
        return {
            ident: Term(self.name, ident, topic.label, fold(topic.label), topic, topic.parent)
            for ident, topic in registry.topics.entries.items()
        }

    def of_speech(self, speech: Speech) -> list[str]:
        # A speech is on a topic if its front matter says so or if one of its statements is tagged with it.
        found = list(speech.meta.topics)
        for statement in speech.statements:
            found.extend(t for t in statement.topics if t not in found)
        return found

    def of_statement(self, statement: Statement) -> list[str]:
        return list(statement.topics)


class EventsFacet(Facet):
    name, title, hierarchical, group_by = "events", "Events", True, "session"

    def terms(self, registry: Registry) -> dict[str, Term]:
        # Series and editions in date order: an edition's start date sorts it within its series.
        return {
            ident: Term(
                self.name,
                ident,
                event.name,
                f"{event.start.isoformat() if event.start else '9999'} {fold(event.name)}",
                event,
                event.parent,
            )
            for ident, event in registry.events.entries.items()
        }

    def of_speech(self, speech: Speech) -> list[str]:
        return [speech.meta.event] if speech.meta.event else []


class DatesFacet(Facet):
    name, title, group_by = "dates", "Dates", "month"

    def of_speech(self, speech: Speech) -> list[str]:
        return [str(speech.year)]

    def new_term(self, ident: str) -> Term:
        # Years are not in a registry: each year a speech was given in becomes a term, newest first.
        return Term(self.name, ident, ident, f"{9999 - int(ident):04d}")


FACETS: dict[str, type[Facet]] = {
    "speakers": SpeakersFacet,
    "topics": TopicsFacet,
    "events": EventsFacet,
    "dates": DatesFacet,
}


@dataclass
class FacetIndex:
    """A facet's terms, filled: `terms` by id, `roots` (terms without a parent) in display order."""

    facet: Facet
    terms: dict[str, Term]
    # Every speech's terms, ancestors included, filled once by `collect`: term pages count them many times.
    filed: dict[str, list[str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.facet.name

    def ordered(self, idents: Iterable[str] | None = None) -> list[Term]:
        chosen = self.terms.values() if idents is None else (self.terms[i] for i in idents)
        return sorted(chosen, key=lambda term: (term.sort_key, term.id))

    @property
    def roots(self) -> list[Term]:
        return self.ordered(i for i, t in self.terms.items() if t.parent is None or t.parent not in self.terms)

    def ancestors(self, ident: str) -> list[str]:
        """The term's parent, grandparent, ... (a loop is an error reported by the registry; stop there)."""
        found: list[str] = []
        current = self.terms[ident].parent if ident in self.terms else None
        while current and current in self.terms and current not in found and current != ident:
            found.append(current)
            current = self.terms[current].parent
        return found

    def tree(self) -> list[tuple[int, Term]]:
        """Every term with its depth, parents before their children: for the hub's nested list."""
        rows: list[tuple[int, Term]] = []

        def walk(term: Term, depth: int) -> None:
            rows.append((depth, term))
            for child in self.ordered(term.children):
                walk(child, depth + 1)

        for root in self.roots:
            walk(root, 0)
        return rows

    @cached_property
    def position(self) -> dict[str, int]:
        """Each term's place in the facet's own order (for ties between equal counts)."""
        return {term.id: n for n, term in enumerate(self.ordered())}

    def terms_of(self, speech: Speech) -> list[str]:
        """Every term a speech is filed under, ancestors included, each once."""
        if speech.id in self.filed:
            return self.filed[speech.id]
        found: list[str] = []
        for ident in self.facet.of_speech(speech):
            for term in (ident, *self.ancestors(ident)):
                if term not in found:
                    found.append(term)
        return found


def collect(archive: Archive, names: Iterable[str]) -> dict[str, FacetIndex]:
    """File every speech of the archive under its terms, for each facet in `names`, in one pass.

    >>> sorted(collect(archive, ["dates"])["dates"].terms)
    ['2025']
    """
    groups = versions.versions(archive)
    speeches = versions.distinct(archive.speeches, groups)  # newest first, each speech once
    indexes: dict[str, FacetIndex] = {}
    for name in names:
        if name not in FACETS:
            raise ValueError(f"unknown facet `{name}`: the facets are {', '.join(FACETS)}")
        facet = FACETS[name]()
        index = FacetIndex(facet, facet.terms(archive.registry))
        for speech in speeches:
            for ident in facet.of_speech(speech):
                if ident not in index.terms:
                    index.terms[ident] = facet.new_term(ident)
        for ident, term in index.terms.items():
            if term.parent in index.terms and term.parent != ident:
                index.terms[term.parent].children.append(ident)
        for speech in speeches:
            direct = set(facet.of_speech(speech))
            index.filed[speech.id] = index.terms_of(speech)
            for ident in index.filed[speech.id]:
                term = index.terms[ident]
                term.speeches.append(speech)
                term.direct += ident in direct
            for statement in speech.statements:
                for ident in facet.of_statement(statement):
                    if ident in index.terms:
                        index.terms[ident].statements.append((speech, statement))
        indexes[name] = index
    return indexes


def day_id(day: dt.date) -> str:
    """A day's term id, under its year's: `2025/05-29` (its page is /dates/2025/05-29/)."""
    return f"{day.year}/{day.month:02d}-{day.day:02d}"


def is_day(term: Term) -> bool:
    return term.facet == "dates" and "/" in term.id


def days(dates: FacetIndex) -> dict[str, Term]:
    """Every day a speech was given on, as a term of the dates facet whose parent is its year, newest first.

    One pass over the years' speeches (each speech is filed under one year, newest first), so 10,000 speeches
    make their few thousand days in linear time:

    >>> [(t.id, t.parent, t.count) for t in days(collect(archive, ["dates"])["dates"]).values()]
    [('2025/05-29', '2025', 1)]
    """
    found: dict[str, Term] = {}
    for year in dates.ordered():
        for speech in year.speeches:
            date = speech.meta.date
            if precision(date) != "day":
                continue  # known to its year or month only: listed on the year's page, on no day's
            ident = day_id(date)
            term = found.get(ident)
            if term is None:
                # Not among the year's `children`: those are the facet's own terms (a day is not on the hub).
                term = found[ident] = Term("dates", ident, long_date(date), ident, date, year.id)
            term.speeches.append(speech)
            term.direct += 1
    return found


# ---- What a term page shows beside its speeches ----------------------------------------------------------


def co_counts(term: Term, other: FacetIndex, limit: int | None = None) -> list[tuple[Term, int]]:
    """The terms of another facet among `term`'s speeches, with how many: a speaker's topics, a topic's
    speakers. The count for (speaker, topic) is the same on both pages, since both count the same speeches.
    Most frequent first, then in the other facet's order; at most `limit`.
    """
    counts: Counter[str] = Counter()
    for speech in term.speeches:
        counts.update(other.terms_of(speech))
    order = other.position
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], 0)))
    if limit is not None:
        ranked = ranked[:limit]
    return [(other.terms[ident], count) for ident, count in ranked]


@dataclass
class Turns:
    """A speaker's turns in one multi-speaker speech: where each turn starts."""

    speech: Speech
    starts: list[Statement]
    statements: int


def turns(term: Term) -> list[Turns]:
    """A speaker's turns in the panels, debates and interviews among their speeches, newest first."""
    found = []
    for speech in term.speeches:
        if len(speech.meta.speaker_ids) < 2:
            continue
        own = [s for s in speech.statements if s.type == "speech" and s.speaker == term.id]
        if own:
            found.append(Turns(speech, [s for s in own if s.turn_start] or own[:1], len(own)))
    return found


def role_on(term: Term, day: dt.date) -> str | None:
    role = term.entry.role_on(day) if term.entry is not None and hasattr(term.entry, "role_on") else None
    return role.label if role else None


def current_role(term: Term):
    """A speaker's role for the hub: the one held on their latest speech's day, else their latest listed."""
    speaker = term.entry
    if speaker is None or not getattr(speaker, "roles", None):
        return None
    if term.speeches and (role := speaker.role_on(term.speeches[0].meta.date)):
        return role
    return max(speaker.roles, key=lambda r: r.start or dt.date.min)


# ---- Pagination -------------------------------------------------------------------------------------------


@dataclass
class Group:
    """A run of speeches under one heading on one page (a year, a month, a session)."""

    key: str
    label: str
    speeches: list[Speech]


@dataclass
class Page:
    """One page of a term's speeches: `number` from 1; `groups` in order."""

    number: int
    total: int
    groups: list[Group]


def group_key(speech: Speech, group_by: str, event=None) -> tuple[str, str, tuple]:
    """(anchor, heading, sort key) of the group a speech is listed under on a term page."""
    date = speech.meta.date
    if group_by == "month":
        if precision(date) == "year":  # after the year's months, as its last group
            return f"y{date.year}-month", translate("{year}, month not known", year=date.year), (-date.year, 1)
        return f"m{date.month:02d}", month_heading(date.year, date.month), (-date.year, -date.month)
    if group_by == "day":
        return "day", long_date(date), (0,)
    if group_by == "session":
        sessions = [s.name for s in (event.sessions if event is not None else [])]
        name = speech.meta.session
        if name is not None and name in sessions:
            index = sessions.index(name)
            return f"session-{index + 1}", name, (0, index)
        if name:
            return f"session-{slug(name, 60) or 'section'}", name, (1, name)
        return "other", translate("Other speeches"), (2, "")
    return f"y{date.year}", str(date.year), (-date.year,)


def paginate(term: Term, page_size: int, group_by: str) -> tuple[list[Page], dict[str, int]]:
    """Split a term's speeches into pages of `page_size`, grouped; and the page each group starts on.

    Speeches are newest first within a group; groups in their own order (years and months newest first,
    sessions in programme order). The second value maps a group's anchor to the page it starts on, for the
    jump links and the chart's bars.
    """
    event = term.entry if group_by == "session" else None
    keyed = [(group_key(s, group_by, event), s) for s in term.speeches]
    if group_by == "session":
        # Programme order first, then newest first inside a session: a stable sort keeps the date order.
        keyed.sort(key=lambda item: item[0][2])
    page_size = max(1, page_size)
    chunks = [keyed[i : i + page_size] for i in range(0, len(keyed), page_size)] or [[]]
    pages: list[Page] = []
    starts: dict[str, int] = {}
    for number, chunk in enumerate(chunks, start=1):
        groups: list[Group] = []
        for (anchor, label, _), speech in chunk:
            if not groups or groups[-1].key != anchor:
                groups.append(Group(anchor, label, []))
                starts.setdefault(anchor, number)
            groups[-1].speeches.append(speech)
        pages.append(Page(number, len(chunks), groups))
    return pages, starts


def chunk(items: list, size: int) -> list[list]:
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def letter(term: Term) -> str:
    """The A–Z jump bar's letter for a term: the first letter of its sort key, `#` for anything else."""
    first = term.sort_key[:1].upper()
    return first if first.isalpha() else "#"
