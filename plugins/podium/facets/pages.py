"""The pages of the facets: which exist, at what address, and their HTML. Plain Python and Jinja, no MkDocs.

For each facet (speakers, topics, events, dates) there is a hub and a page per term, and long lists go on
numbered pages, so no page grows with the archive:

    /speakers/                      hub: every speaker A–Z (page 2 at /speakers/page/2/ past `index_page_size`)
    /speakers/tokayev/              the term's page: about, chart, related terms, its newest speeches
    /speakers/tokayev/page/2/       older speeches, `page_size` a page
    /topics/multilateralism/statements/      the statements tagged with a topic, `page_size` a page
    /dates/2025/05-29/              a day's speeches, linked from its year's page and from each speech's date

    site = FacetSite(archive, FacetSettings(facets=["speakers", "topics"]))
    for page in site.pages():               # PageSpec(uri="speakers/tokayev.md", url="speakers/tokayev/", ...)
        html = site.render(page, Links(base="../../"))

The templates are `templates/facet_*.html`: one hub template and one term template for every facet, with a
small `facet_about_<facet>.html` for what only that facet shows (a speaker's roles, an event's sessions).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from podium.core import versions
from podium.core.archive import Archive
from podium.core.dates import precision
from podium.core.speech import Speech
from podium.core.statements import Statement
from podium.core.text import plain_text, shorten
from podium.core.urls import Urls, paged, relative, source
from podium.facets import charts
from podium.facets.index import (
    FacetIndex,
    Page,
    Term,
    chunk,
    co_counts,
    collect,
    current_role,
    days,
    is_day,
    letter,
    paginate,
    turns,
)
from podium.facets.photos import SIZES, Portrait
from podium.languages import translations as languages
from podium.render.i18n import month_name, translate
from podium.render.pages import Links, environment, speaker_view

# What each facet's term page shows beside its own speeches: the terms of these facets among them, with counts.
RELATED = {
    "speakers": ("topics", "events"),
    "topics": ("speakers", "events"),
    "events": ("speakers", "topics"),
    "dates": ("speakers", "topics"),
}
# Each facet's hub title, and its word for one term in a sentence.
TITLES = {"speakers": "Speakers", "topics": "Topics", "events": "Events", "dates": "Dates"}


@dataclass
class FacetSettings:
    """How many of what on a page. The MkDocs plugin fills these from mkdocs.yml."""

    facets: list[str] = field(default_factory=lambda: ["speakers", "topics", "events", "dates"])
    page_size: int = 50  # speeches (or statements) on a term's page
    index_page_size: int = 200  # terms on a hub page
    related_limit: int = 15  # terms of another facet shown on a term's page (most frequent first)
    preview: int = 5  # tagged statements and multi-speaker turns shown on a term's first page
    charts: bool = True
    feeds: bool = False  # speakers', topics' and events' pages link their Atom feed (podium-cite writes them)


@dataclass(frozen=True)
class PageSpec:
    """One page to generate: its source for MkDocs, its path (see `podium.core.urls`), its title, what to render."""

    uri: str
    url: str  # the page's path, e.g. speakers/tokayev/page/2/; `Links.page(url)` is its address
    title: str
    kind: str  # "hub", "term" or "statements"
    facet: str
    term: str | None = None
    number: int = 1
    in_nav: bool = False


class FacetSite:
    def __init__(self, archive: Archive, settings: FacetSettings, portraits: dict[str, Portrait] | None = None):
        self.archive = archive
        self.settings = settings
        self.portraits = portraits or {}  # speakers' thumbnails (podium.facets.photos), by speaker id
        self.versions = versions.versions(archive)  # a row names its speech's languages
        self.indexes: dict[str, FacetIndex] = collect(archive, settings.facets)
        # Related facets are computed even when not published (a speaker page lists topics by count); they are
        # linked only if published.
        wanted = {name for f in settings.facets for name in RELATED[f]} - set(settings.facets)
        self.indexes.update({name: index for name, index in collect(archive, sorted(wanted)).items()})
        self._pagination: dict[tuple[str, str], tuple[list[Page], dict[str, int]]] = {}
        self._rows: dict[tuple[str, str, Urls], Markup] = {}
        self._macros = environment().get_template("facet_macros.html").module
        # A page per day a speech was given on, under its year (not on the hub: a year's page lists its days).
        self.days: dict[str, Term] = days(self.indexes["dates"]) if "dates" in settings.facets else {}
        self.days_of_year: dict[str, list[Term]] = {}
        for day in self.days.values():
            self.days_of_year.setdefault(day.parent or "", []).append(day)
        self._day_order = {ident: n for n, ident in enumerate(self.days)}  # newest first, across years
        self._day_list = list(self.days.values())

    # ---- which pages ----------------------------------------------------------------------------------------

    def pages(self) -> list[PageSpec]:
        specs: list[PageSpec] = []
        for name in self.settings.facets:
            index = self.indexes[name]
            title = TITLES[name]
            for number in range(1, len(self.hub_chunks(name)) + 1):
                url = paged(f"{name}/", number)
                specs.append(
                    PageSpec(
                        source(url),
                        url,
                        title if number == 1 else f"{title}, page {number}",
                        "hub",
                        name,
                        number=number,
                        in_nav=number == 1,
                    )
                )
            for term in index.terms.values():
                specs.extend(self._term_pages(term))
                for day in self.days_of_year.get(term.id, []) if name == "dates" else []:
                    specs.extend(self._term_pages(day))
                if term.statements:
                    parts = chunk(term.statements, self.settings.page_size)
                    for number in range(1, len(parts) + 1):
                        url = paged(f"{term.url}statements/", number)
                        specs.append(
                            PageSpec(
                                source(url),
                                url,
                                _numbered(f"{term.label}: statements", number, len(parts)),
                                "statements",
                                name,
                                term.id,
                                number,
                            )
                        )
        return specs

    def _term_pages(self, term: Term) -> list[PageSpec]:
        """A term's page and the further pages of its speeches."""
        pages, _ = self.pagination(term)
        specs = []
        for page in pages:
            url = paged(term.url, page.number)
            title = _numbered(term.label, page.number, len(pages))
            specs.append(PageSpec(source(url), url, title, "term", term.facet, term.id, page.number))
        return specs

    def term(self, facet: str, ident: str) -> Term:
        """A term by its facet and id: a speaker, a topic, an event, a year, or a day (`2025/05-29`)."""
        if facet == "dates" and ident in self.days:
            return self.days[ident]
        return self.indexes[facet].terms[ident]

    def pagination(self, term: Term) -> tuple[list[Page], dict[str, int]]:
        key = (term.facet, term.id)
        if key not in self._pagination:
            group_by = self.indexes[term.facet].facet.group_by
            if group_by == "session" and term.children:
                group_by = "year"  # a series lists its editions' speeches by year; an edition by session
            if is_day(term):
                group_by = "day"
            self._pagination[key] = paginate(term, self.settings.page_size, group_by)
        return self._pagination[key]

    def hub_rows(self, name: str) -> list[tuple[int, Term]]:
        index = self.indexes[name]
        if name == "speakers":
            # Everyone who spoke; a registry entry without a speech yet has its page but no line here.
            return [(0, term) for term in index.ordered() if term.count]
        return index.tree()

    def hub_chunks(self, name: str) -> list[list[tuple[int, Term]]]:
        return chunk(self.hub_rows(name), self.settings.index_page_size)

    @cached_property
    def published(self) -> set[str]:
        return set(self.settings.facets)

    # ---- rendering ------------------------------------------------------------------------------------------

    def render(self, spec: PageSpec, links: Links) -> str:
        if spec.kind == "hub":
            return self.render_hub(spec.facet, spec.number, links)
        assert spec.term is not None  # every page but a hub is a term's (see `pages`)
        term = self.term(spec.facet, spec.term)
        if spec.kind == "statements":
            return self.render_statements(term, spec.number, links)
        return self.render_term(term, spec.number, links)

    def href(self, term: Term, links: Links, number: int = 1, anchor: str = "") -> str | None:
        """The address of a term's page (or None if its facet is not published)."""
        if term.facet not in self.published:
            return None
        return links.page(paged(term.url, number)) + (f"#{anchor}" if anchor else "")

    def render_hub(self, name: str, number: int, links: Links) -> str:
        chunks = self.hub_chunks(name)
        rows = chunks[number - 1]
        context: dict = {
            "facet": name,
            "title": TITLES[name],
            "number": number,
            "total_pages": len(chunks),
            "links": links,
            "terms": len(self.hub_rows(name)),
            "site": self,
            "pager": self._pager(f"{name}/", number, len(chunks), links),
        }
        views = []
        for depth, term in rows:
            view = {
                "term": term,
                "depth": depth,
                "href": self.href(term, links),
                "count": term.count,
                "statements": len(term.statements),
            }
            if name == "speakers":
                role = current_role(term)
                view.update(
                    role=role.role if role else None,
                    organization=role.organization if role else None,
                    country=getattr(term.entry, "country", None),
                    letter=letter(term),
                    portrait=self._portrait(term.id, links, 96),
                )
            elif name == "events" and term.entry is not None:
                view.update(event=term.entry)
            elif name == "dates":
                pages, starts = self.pagination(term)
                months: dict[int, int] = {}
                for speech in term.speeches:
                    if precision(speech.meta.date) != "year":  # a speech known to its year is in no month
                        months[speech.meta.date.month] = months.get(speech.meta.date.month, 0) + 1
                view.update(
                    months=[
                        (m, month_name(m), months[m], self.href(term, links, starts[f"m{m:02d}"], f"m{m:02d}"))
                        for m in sorted(months, reverse=True)
                    ]
                )
            views.append(view)
        context["rows"] = views
        if name == "speakers":
            # The jump bar covers every page: a letter links to the page it starts on.
            letter_starts: dict[str, int] = {}
            for page_number, part in enumerate(chunks, start=1):
                for _, term in part:
                    letter_starts.setdefault(letter(term), page_number)
            context["letters"] = [
                (char, links.page(paged(f"{name}/", page)) + f"#letter-{char}") for char, page in letter_starts.items()
            ]
            context["roles"] = sorted({v["role"] for v in views if v.get("role")})
            context["organizations"] = sorted({v["organization"] for v in views if v.get("organization")})
        if name == "dates" and self.settings.charts:
            years = sorted((term for _, term in self.hub_rows(name)), key=lambda t: t.id)
            bars = []
            if years:
                counts = {int(t.id): t for t in years}
                for year in range(int(years[0].id), int(years[-1].id) + 1):
                    year_term = counts.get(year)
                    bars.append(
                        charts.Bar(
                            str(year),
                            year_term.count if year_term else 0,
                            self.href(year_term, links) if year_term else None,
                        )
                    )
            context["chart"] = charts.render(
                charts.BarChart(
                    translate("Speeches per year"),
                    translate("The number of speeches in the archive in each year."),
                    bars,
                    ident="chart-years",
                )
            )
        return environment().get_template("facet_hub.html").render(**context)

    def render_term(self, term: Term, number: int, links: Links) -> str:
        pages, starts = self.pagination(term)
        page = pages[number - 1]
        index = self.indexes[term.facet]
        context: dict = {
            "facet": term.facet,
            "facet_title": TITLES[term.facet],
            "term": term,
            "number": number,
            "total_pages": len(pages),
            "links": links,
            "site": self,
            "hub": links.page(f"{term.facet}/"),
            "groups": [
                {"key": g.key, "label": g.label, "rows": [self._row_html(s, links, term) for s in g.speeches]}
                for g in page.groups
            ],
            "jumps": [(label, _at(term, starts[key], key, links, number)) for key, label in _group_labels(pages)],
            "pager": self._pager(term.url, number, len(pages), links),
            "parents": [(t, self.href(t, links)) for t in (index.terms[i] for i in reversed(index.ancestors(term.id)))],
            "day": is_day(term),
            "feed": self.feed(term, links),
            "portrait": self._portrait(term.id, links, 240) if term.facet == "speakers" else None,
        }
        if is_day(term) and term.parent in index.terms:
            context["parents"] = [(index.terms[term.parent], self.href(index.terms[term.parent], links))]
            # The days before and after it with a speech, whatever their year: a reader goes through a forum.
            at = self._day_order[term.id]
            newer = self._day_list[at - 1] if at > 0 else None
            older = self._day_list[at + 1] if at + 1 < len(self._day_list) else None
            context["older"] = (older, self.href(older, links)) if older else None
            context["newer"] = (newer, self.href(newer, links)) if newer else None
        # Home › Speakers › Global governance › Multilateralism (› page 2): where the page sits in the site.
        trail = [(translate("Home"), links.page("")), (translate(TITLES[term.facet]), context["hub"])]
        trail += [(t.label, href) for t, href in context["parents"]]
        trail.append((term.label, self.href(term, links)))
        if number > 1:
            trail.append((translate("page {n} of {total}", n=number, total=len(pages)), None))
        context["trail"] = trail
        if number == 1:
            context.update(self._first_page(term, links, starts))
        return environment().get_template("facet_term.html").render(**context)

    def _first_page(self, term: Term, links: Links, starts: dict[str, int]) -> dict:
        """What only a term's first page shows: about, chart, related terms, statements and turns."""
        index = self.indexes[term.facet]
        context: dict = {
            "children": [(t, self.href(t, links)) for t in index.ordered(term.children)],
            "related": [],
        }
        for other in RELATED[term.facet]:
            if other not in self.indexes:
                continue
            every = co_counts(term, self.indexes[other])
            context["related"].append(
                {
                    "facet": other,
                    "title": TITLES[other],
                    "rows": [(t, n, self.href(t, links)) for t, n in every[: self.settings.related_limit]],
                    "more": max(0, len(every) - self.settings.related_limit),
                }
            )
        if term.facet == "dates" and not is_day(term):
            context["months"] = self._days_by_month(term, links)
            context["no_month"] = sum(1 for s in term.speeches if precision(s.meta.date) == "year")
        # A year's page charts its months; an edition of an event happens within days, so it has no chart.
        if (
            self.settings.charts
            and term.speeches
            and not (term.facet == "events" and not term.children)
            and not is_day(term)
        ):
            context["chart"] = self._chart(term, links, starts)
        if term.statements:
            context["statements"] = [
                self._statement(s, st, links) for s, st in term.statements[: self.settings.preview]
            ]
            context["statements_href"] = links.page(f"{term.url}statements/")
        if term.facet == "speakers":
            found = turns(term)
            context["turns"] = [
                {
                    "row": self._row(t.speech, links),
                    "count": t.statements,
                    "starts": [(st.id, links.speech(t.speech.id, st.id)) for st in t.starts[:5]],
                }
                for t in found[: self.settings.preview]
            ]
            context["turns_total"] = len(found)
            # Roles over time, the latest first; a role without a start date goes last.
            context["roles"] = sorted(
                getattr(term.entry, "roles", []) or [], key=lambda r: r.start or dt.date.min, reverse=True
            )
        if term.facet == "events" and term.entry is not None:
            context["sessions"] = [
                {
                    "session": session,
                    "href": _at(term, starts[f"session-{n}"], f"session-{n}", links)
                    if f"session-{n}" in starts
                    else None,
                    "count": sum(
                        1 for s in term.speeches if s.meta.session == session.name and s.meta.event == term.id
                    ),
                }
                for n, session in enumerate(term.entry.sessions, start=1)
            ]
        return context

    def _days_by_month(self, year: Term, links: Links) -> list[dict]:
        """A year's days with speeches, month by month (newest first), each linked to its day's page."""
        months: list[dict] = []
        for day in self.days_of_year.get(year.id, []):
            date = day.entry
            if not months or months[-1]["month"] != date.month:
                months.append({"month": date.month, "label": month_name(date.month), "days": []})
            months[-1]["days"].append({"date": date, "count": day.count, "href": self.href(day, links)})
        return months

    def feed(self, term: Term, links: Links) -> str | None:
        """The Atom feed of a speaker's, topic's or event's speeches, if podium-cite writes it (it does for every
        term with a speech; see podium.cite.feeds)."""
        if not self.settings.feeds or term.facet == "dates" or not term.count:
            return None
        return links.base + Urls.feed(term.facet, term.id)

    def byline_portrait(self, speaker: str, links: Links) -> str:
        """The small portrait a speech page's byline shows before a speaker's name, or "" for none (never a
        broken image). Its text alternative is empty: the name beside it says who it is."""
        portrait = self._portrait(speaker, links, SIZES[0])
        return self._macros.avatar(portrait["src"], 40) if portrait else ""  # type: ignore[attr-defined]

    def _portrait(self, speaker: str, links: Links, size: int) -> dict | None:
        portrait = self.portraits.get(speaker)
        if portrait is None:
            return None
        return {"src": links.base + portrait.src(size), "portrait": portrait}

    def _chart(self, term: Term, links: Links, starts: dict[str, int]) -> Markup:
        if term.facet == "dates":
            counts = {m: 0 for m in range(1, 13)}
            for speech in term.speeches:
                if precision(speech.meta.date) != "year":
                    counts[speech.meta.date.month] += 1
            if not any(counts.values()):
                return Markup("")  # every speech of the year is known to its year only: no month to chart
            bars = [
                charts.Bar(
                    month_name(m, short=True),
                    n,
                    _at(term, starts[f"m{m:02d}"], f"m{m:02d}", links) if n else None,
                )
                for m, n in counts.items()
            ]
            return charts.render(
                charts.BarChart(
                    translate("Speeches per month in {label}", label=term.label),
                    translate("The number of speeches in each month of {label}.", label=term.label),
                    bars,
                    ident="chart-months",
                    category="Month",
                )
            )
        by_year = term.per_year()
        bars = []
        for year, count in by_year.items():
            href = None
            if count and f"y{year}" in starts:
                href = _at(term, starts[f"y{year}"], f"y{year}", links)
            elif count and "dates" in self.published:
                href = links.year(year)  # an edition's page groups by session, not by year
            bars.append(charts.Bar(str(year), count, href))
        what = {
            "speakers": "Speeches by {label} in each year.",
            "topics": "Speeches on {label} in each year.",
            "events": "Speeches at {label} in each year.",
        }[term.facet]
        return charts.render(
            charts.BarChart(
                translate("Speeches per year"), translate(what, label=term.label), bars, ident="chart-years"
            )
        )

    def render_statements(self, term: Term, number: int, links: Links) -> str:
        parts = chunk(term.statements, self.settings.page_size)
        return (
            environment()
            .get_template("facet_statements.html")
            .render(
                term=term,
                facet=term.facet,
                number=number,
                total_pages=len(parts),
                links=links,
                term_href=self.href(term, links),
                statements=[self._statement(s, st, links) for s, st in parts[number - 1]],
                pager=self._pager(f"{term.url}statements/", number, len(parts), links),
            )
        )

    def render_data_files(self, links: Links, schemas: list[str]) -> str:
        """The /data/ page's list of downloads: the data files, one speech's files as an example, the JSON
        Schemas (`schemas`, their addresses) and every feed, grouped by facet (the feeds podium-cite writes)."""
        feeds = []
        for name in ("speakers", "topics", "events"):
            index = self.indexes.get(name)
            rows = [(t.label, feed) for t in index.ordered() if (feed := self.feed(t, links))] if index else []
            feeds.append({"title": TITLES[name], "rows": rows})
        latest = self.archive.speeches[0] if self.archive.speeches else None
        example = None
        if latest is not None:
            example = {
                "title": latest.meta.title,
                "json": links.base + Urls.speech_file(latest.id, "speech.json.gz"),
                "akn": links.base + Urls.speech_file(latest.id, "akn.xml.gz"),
            }
        named = [(path.rsplit("/", 1)[-1].removesuffix(".schema.json"), links.base + path) for path in schemas]
        return (
            environment()
            .get_template("data_files.html")
            .render(links=links, feeds=feeds, example=example, schemas=named)
        )

    def addresses(self, directory: bool) -> str:
        """The 404 page's suggestions: every speech's and published term's id with its title, compact JSON
        (about 100 bytes a speech). The page's script builds each address from `directory`
        (`use_directory_urls`) and finds the ids closest to the missing one.

        >>> json.loads(site.addresses(True))["kinds"]["speakers"]
        [['tokayev', 'Kassym-Jomart Tokayev']]
        """
        kinds: dict[str, list[tuple[str, str]]] = {
            "speeches": [(s.id, shorten(s.meta.title, 90)) for s in self.archive.speeches]
        }
        for name in ("speakers", "topics", "events"):
            if name in self.published:
                kinds[name] = [(t.id, t.label) for t in self.indexes[name].ordered()]
        names = {name: translate(TITLES[name] if name in TITLES else "Speeches") for name in kinds}
        return json.dumps(
            {"directory": directory, "names": names, "kinds": kinds}, ensure_ascii=False, separators=(",", ":")
        )

    # ---- pieces ---------------------------------------------------------------------------------------------

    def _row_html(self, speech: Speech, links: Links, term: Term | None = None) -> Markup:
        """A speech's row, rendered once per depth of page: the same speech is listed on its speakers', topics',
        event's and year's pages, and the row is most of a term page's work. A row that leaves out what its
        page says (`_redundant`) is on that one page only, so it is not kept."""
        # A macro of the template: Jinja sets it on the module at run time, so mypy cannot see it.
        speech_row = self._macros.speech_row  # type: ignore[attr-defined]
        leave_out = self._redundant(speech, term)
        if leave_out is not None:
            return Markup(speech_row(self._row(speech, links, leave_out)))
        key = (speech.id, links.base, links.urls)
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = Markup(speech_row(self._row(speech, links)))
        return row

    @staticmethod
    def _redundant(speech: Speech, term: Term | None) -> str | None:
        """What a row on `term`'s page need not say, as the page says it already: "speaker" on a speaker's
        page (their name: left out when they spoke alone, unlinked beside others), "event" on the event's own
        page, "date" on a day's page; None elsewhere (a topic's page, a year's page, a series' page)."""
        if term is None:
            return None
        if term.facet == "speakers" and term.id in speech.meta.speaker_ids:
            return f"speaker:{term.id}"
        if term.facet == "events" and speech.meta.event == term.id:
            return "event"
        if is_day(term):
            return "date"
        return None

    def _row(self, speech: Speech, links: Links, leave_out: str | None = None) -> dict:
        """A speech in a list: title, speakers (linked), date (linked to its day), event (linked), session; less
        what `leave_out` names (see `_redundant`)."""
        registry = self.archive.registry
        index = self.indexes.get("speakers", None)
        itself = leave_out.removeprefix("speaker:") if leave_out and leave_out.startswith("speaker:") else None
        speakers = []
        for ident in speech.meta.speaker_ids:
            if ident == itself and len(speech.meta.speaker_ids) == 1:
                continue
            view = speaker_view(ident, speech.meta.date, registry)
            term = index.terms.get(ident) if index is not None and ident != itself else None
            view["href"] = self.href(term, links) if term else None
            speakers.append(view)
        event = registry.events.get(speech.meta.event)
        events = self.indexes.get("events")
        with_event = leave_out != "event"
        return {
            "speech": speech,
            "href": links.speech(speech.id),
            "date": leave_out != "date",
            "day_href": links.day(speech.meta.date) if self.days else None,
            "speakers": speakers,
            "event": (event.name if event else speech.meta.event) if with_event else None,
            "event_href": self.href(events.terms[speech.meta.event], links)
            if with_event and events and speech.meta.event in events.terms
            else None,
            "session": speech.meta.session,
            "languages": languages.version_links(speech, self.versions, links),
        }

    def _statement(self, speech: Speech, statement: Statement, links: Links) -> dict:
        speaker = (
            speaker_view(statement.speaker, speech.meta.date, self.archive.registry) if statement.speaker else None
        )
        return {
            "speech": speech,
            "statement": statement,
            "href": links.speech(speech.id, statement.id),
            "speech_href": links.speech(speech.id),
            "text": shorten(plain_text(statement.text), 320),
            "speaker": speaker,
        }

    def _pager(self, url: str, number: int, total: int, links: Links) -> dict | None:
        """Previous, next, and a window of page numbers around the current one (never every page)."""
        if total <= 1:
            return None
        shown = sorted({1, total, *range(max(1, number - 2), min(total, number + 2) + 1)})
        items: list[tuple[int, str] | None] = []  # None: a gap
        last = 0
        for n in shown:
            if n - last > 1:
                items.append(None)  # a gap: "…"
            items.append((n, _sibling(url, n, number, links)))
            last = n
        return {
            "number": number,
            "total": total,
            "items": items,
            "previous": _sibling(url, number - 1, number, links) if number > 1 else None,
            "next": _sibling(url, number + 1, number, links) if number < total else None,
        }


def _sibling(url: str, number: int, here: int, links: Links) -> str:
    """The link from page `here` of the list at `url` to its page `number`: relative to this page rather than
    through the site's root, as a list's pages sit side by side (a pager and a jump bar on every page).

    >>> _sibling("topics/water/", 3, 2, Links("../../../../")), _sibling("topics/water/", 1, 2, Links("../../../../"))
    ('../3/', '../../')
    >>> _sibling("topics/water/", 2, 1, Links("../", Urls(directory=False)))
    'water/page/2.html'
    """
    return relative(links.urls.page(paged(url, number)), links.urls.page(paged(url, here)))


def _at(term: Term, number: int, anchor: str, links: Links, here: int = 1) -> str:
    """The address of a group (a year, a month, a session) on `term`'s page `number`, seen from its page `here`:
    only `#anchor` on the same page (a speaker's page names its years in a jump bar and in a chart).

    >>> _at(term, 1, "y2025", links), _at(term, 2, "y2020", links)
    ('#y2025', 'page/2/#y2020')
    """
    return f"#{anchor}" if number == here else _sibling(term.url, number, here, links) + f"#{anchor}"


def _group_labels(pages: list[Page]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for page in pages:
        for group in page.groups:
            seen.setdefault(group.key, group.label)
    return list(seen.items())


def _numbered(title: str, number: int, total: int) -> str:
    return title if number == 1 else f"{title}, page {number} of {total}"
