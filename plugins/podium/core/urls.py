"""The site's addresses, in one place: where every page and data file of a Podium site is published.

A page is named by its *path*, the address it has with MkDocs' default `use_directory_urls: true`:

    speeches/                               the speeches hub
    speeches/<id>/                          a speech; its data files beside it: speech.json.gz, akn.xml.gz
    speeches/<id>/compare/<lang>/           a translation side by side with its original
    speakers/  topics/  events/  dates/     a facet's hub; page 2 at speakers/page/2/
    speakers/<id>/  dates/<year>/           a term's page; older speeches at speakers/<id>/page/2/
    topics/<id>/statements/                 the statements tagged with a topic
    <facet>/<id>/feed.xml  feed.xml         Atom feeds;  data/...  the open data files

MkDocs is handed the page's source `speakers/tokayev.md` (`source`) and publishes it, as it publishes any
page, at `speakers/tokayev/` or, with `use_directory_urls: false`, at `speakers/tokayev.html`. `Urls`
gives the address a link must point to under either setting:

    >>> Urls().speech("aif-2025"), Urls(directory=False).speech("aif-2025")
    ('speeches/aif-2025/', 'speeches/aif-2025.html')
    >>> Urls(directory=False).hub("speakers", 2), Urls(directory=False).speeches()
    ('speakers/page/2.html', 'speeches/index.html')

Data files (feeds, speech.json.gz, data/) are files, not pages: their address is the same under both settings.
Addresses are relative to the site root; `render.pages.Links` prefixes the way back to it from a page.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass

from podium.core.dates import precision


def source(path: str) -> str:
    """The Markdown file MkDocs is handed for a page path.

    A top-level folder is its own index, anything deeper a file named like its last folder:

    >>> source(""), source("speakers/"), source("speakers/tokayev/"), source("speakers/tokayev/page/2/")
    ('index.md', 'speakers/index.md', 'speakers/tokayev.md', 'speakers/tokayev/page/2.md')
    """
    stem = path.strip("/")
    if not stem:
        return "index.md"
    return f"{stem}/index.md" if "/" not in stem else f"{stem}.md"


def paged(path: str, number: int) -> str:
    """Page `number` of a long list: `speakers/tokayev/` for page 1, `speakers/tokayev/page/2/` after it."""
    return path if number == 1 else f"{path}page/{number}/"


def relative(target: str, page: str) -> str:
    """The link from the page published at `page` to `target`, both addresses from the site root.

    What a browser resolves against the page's folder, so a link to a file beside a speech page works under
    both settings of `use_directory_urls`:

    >>> relative("speeches/x/speech.json", "speeches/x/"), relative("speeches/x/speech.json", "speeches/x.html")
    ('speech.json', 'x/speech.json')
    >>> relative("speeches/x/", "speeches/x/embed/"), relative("speeches/x.html", "speeches/x/embed/index.html")
    ('../', '../../x.html')
    """
    folder = page.rsplit("/", 1)[0] if "/" in page else "."
    link = posixpath.relpath(target or ".", folder)
    return link + "/" if target.endswith("/") or not target else link  # a folder's link keeps its slash


EMBED = "embed/"  # the one page that shows any statement: embed/?speech=<id>#<statement>


def speech_path(ident: str) -> str:
    return f"speeches/{ident}/"


def term_path(facet: str, ident: str | int) -> str:
    """A facet term's page path: `term_path("dates", 2025) == "dates/2025/"`."""
    return f"{facet}/{ident}/"


@dataclass(frozen=True)
class Urls:
    """The addresses of one site. `directory` is MkDocs' `use_directory_urls` (true unless mkdocs.yml says no)."""

    directory: bool = True

    def page(self, path: str) -> str:
        """Where MkDocs publishes the page `path`: the path itself, or its source with `.html` for `.md`.

        >>> Urls(directory=False).page(""), Urls(directory=False).page("topics/water/statements/")
        ('index.html', 'topics/water/statements.html')
        """
        if self.directory:
            return path
        return source(path).removesuffix(".md") + ".html"

    # ---- pages ----------------------------------------------------------------------------------------------

    def speeches(self) -> str:
        return self.page("speeches/")

    def speech(self, ident: str) -> str:
        return self.page(speech_path(ident))

    def compare(self, original: str, language: str) -> str:
        """The side-by-side page of a translation, beside its original's page."""
        return self.page(f"{speech_path(original)}compare/{language.lower()}/")

    def hub(self, facet: str, number: int = 1) -> str:
        return self.page(paged(f"{facet}/", number))

    def term(self, facet: str, ident: str | int, number: int = 1) -> str:
        return self.page(paged(term_path(facet, ident), number))

    def statements(self, facet: str, ident: str, number: int = 1) -> str:
        return self.page(paged(f"{term_path(facet, ident)}statements/", number))

    def speaker(self, ident: str) -> str:
        return self.term("speakers", ident)

    def topic(self, ident: str) -> str:
        return self.term("topics", ident)

    def event(self, ident: str) -> str:
        return self.term("events", ident)

    def year(self, year: int | str) -> str:
        return self.term("dates", year)

    def day(self, day: dt.date) -> str:
        """A day's page, under its year's: `dates/2025/05-29/`; a date without its day has none: its year's."""
        if precision(day) != "day":
            return self.year(day.year)
        return self.term("dates", f"{day.year}/{day.month:02d}-{day.day:02d}")

    def embed(self, ident: str) -> str:
        """A speech's statements on the one embed page (a file Podium writes itself as `embed/index.html`),
        which reads the speech from its speech.json.gz; the statement's id goes after `#`.

        >>> Urls().embed("aif-2025"), Urls(directory=False).embed("aif-2025")
        ('embed/?speech=aif-2025', 'embed/index.html?speech=aif-2025')
        """
        return f"{EMBED if self.directory else EMBED + 'index.html'}?speech={ident}"

    # ---- data files: the same under both settings -----------------------------------------------------------

    @staticmethod
    def speech_file(ident: str, name: str) -> str:
        """A data file beside the speech: `speeches/<id>/speech.json.gz`, `speeches/<id>/akn.xml.gz`."""
        return f"{speech_path(ident)}{name}"

    @staticmethod
    def feed(facet: str | None = None, ident: str | None = None) -> str:
        """The archive's Atom feed, or a speaker's, topic's or event's: `speakers/tokayev/feed.xml`."""
        return f"{term_path(facet, ident)}feed.xml" if facet and ident else "feed.xml"

    @staticmethod
    def data(name: str) -> str:
        """An open data file: `data/popolo.json`, `data/schemas/speech.schema.json`."""
        return f"data/{name}"


DIRECTORY_URLS = Urls()  # MkDocs' default, `use_directory_urls: true`: the default of every `urls` parameter
