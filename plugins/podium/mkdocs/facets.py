"""The `podium-facets` MkDocs plugin: speakers, topics, events and dates pages, glue only.

After the `podium` plugin has loaded and checked the archive, `on_files` files every speech under its
terms once (`podium.facets.index.collect`) and adds a virtual page for each facet's hub, each term and each
further page of a long list (`podium.facets.pages`). The hubs are in the nav if mkdocs.yml lists them; the
term pages are NOT_IN_NAV. `on_page_markdown` gives each page its (escaped) title, and `on_page_content`
replaces the empty content with the core's HTML. Nothing is written by hand and nothing is kept between
builds, so `mkdocs serve` rebuilds the pages from the archive it just reloaded.

    plugins:
      - podium
      - podium-facets:
          facets: [speakers, topics, events, dates]
          page_size: 50
"""

from __future__ import annotations

import html
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

import podium
from podium.core.urls import source
from podium.facets import index as facets
from podium.facets import pages as facet_pages
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import links
from podium.mkdocs.plugin import podium_state

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium-facets.css", "podium-facets.js")


class FacetsConfig(Config):
    # `enabled: false`, MkDocs' own option for every plugin, turns podium-facets off: none of its hooks run.
    facets = c.ListOfItems(c.Choice(tuple(facets.FACETS)), default=list(facets.FACETS))
    """Which facets get pages, out of speakers, topics, events and dates. Example: `facets: [speakers, topics]`"""
    page_size = c.Type(int, default=50)
    """Speeches (or tagged statements) per page of a speaker, topic, event or year; older ones go on
    /<facet>/<id>/page/2/ and on. Example: `page_size: 50`"""
    index_page_size = c.Type(int, default=200)
    """Entries per page of a hub (/speakers/, /topics/, ...). Example: `index_page_size: 200`"""
    related_limit = c.Type(int, default=15)
    """How many topics a speaker's page lists (and speakers a topic's page, ...), most frequent first.
    Example: `related_limit: 15`"""
    preview = c.Type(int, default=5)
    """Tagged statements and panel turns shown on a term's first page, with a link to all.
    Example: `preview: 5`"""
    charts = c.Type(bool, default=True)
    """Bar charts of speeches per year (per month on a year's page). Example: `charts: false`"""


class FacetsPlugin(BasePlugin[FacetsConfig]):
    def __init__(self) -> None:
        self.site: facet_pages.FacetSite | None = None
        self.pages: dict[str, facet_pages.PageSpec] = {}
        self.seconds = 0.0

    def on_config(self, config):
        use_assets(config, ASSETS)
        return config

    def on_files(self, files: Files, config) -> Files:
        """Default priority 0: runs after `podium`'s on_files (50), which loaded and checked the archive."""
        archive = podium_state(config, "podium-facets").archive
        started = time.perf_counter()
        settings = facet_pages.FacetSettings(
            facets=list(self.config.facets),
            page_size=self.config.page_size,
            index_page_size=self.config.index_page_size,
            related_limit=self.config.related_limit,
            preview=self.config.preview,
            charts=self.config.charts,
        )
        self.site = facet_pages.FacetSite(archive, settings)
        self.pages = {}
        for spec in self.site.pages():
            # A hub the site writes itself (docs/speakers/index.md) is kept; its content is not replaced.
            if spec.uri in files.src_uris:
                continue
            inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, spec.uri, content="", inclusion=inclusion))
            self.pages[spec.uri] = spec
        add_asset_files(files, config, ASSETS)
        self.seconds = time.perf_counter() - started
        log.info(f"{len(self.pages)} facet pages ({', '.join(self.config.facets)}) collected in {self.seconds:.2f}s")
        return files

    def on_nav(self, nav, config, files):
        """Drop the hub of a facet with no terms from the navigation: an archive with no topics has no Topics
        tab leading to an empty page. The hub itself is still built and says so, for an old link."""
        if self.site is None:
            return nav
        empty = {source(f"{name}/") for name in self.config.facets if not self.site.hub_rows(name)}
        if not empty:
            return nav
        nav.items = _without(nav.items, empty)
        nav.pages = [page for page in nav.pages if page.file.src_uri not in empty]
        # Previous/next links in the footer skip the dropped hubs too.
        for before, after in zip([None, *nav.pages], [*nav.pages, None], strict=True):
            if before is not None:
                before.next_page = after
            if after is not None:
                after.previous_page = before
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return markdown
        # Material prints the title unescaped (in <title> and the header): a speaker's name is registry input.
        page.meta["title"] = html.escape(spec.title)
        return ""

    def on_page_content(self, html_text, page, config, files):
        spec = self.pages.get(page.file.src_uri)
        if spec is None or self.site is None:
            return html_text
        return self.site.render(spec, links(page, config))


def _without(items: list, uris: set[str]) -> list:
    """The navigation `items` without the pages built from `uris`, and without a section left empty by that."""
    kept = []
    for item in items:
        if item.is_page and item.file and item.file.src_uri in uris:
            continue
        if item.is_section:
            item.children = _without(item.children, uris)
            if not item.children:
                continue
        kept.append(item)
    return kept
