"""The `podium-facets` MkDocs plugin: speakers, topics, events and dates pages, glue only.

After the `podium` plugin has loaded and checked the archive, `on_files` files every speech under its
terms once (`podium.facets.index.collect`) and adds a virtual page for each facet's hub, each term and each
further page of a long list (`podium.facets.pages`). The hubs are in the nav if mkdocs.yml lists them; the
term pages are NOT_IN_NAV. `on_page_markdown` gives each page its (escaped) title, and `on_page_content`
replaces the empty content with the core's HTML. Nothing is written by hand and nothing is kept between
builds, so `mkdocs serve` rebuilds the pages from the archive it just reloaded.

It also helps readers find their way on pages it does not make: speakers' portraits are resized into
thumbnails (`podium.facets.photos`) and shown in speech pages' bylines (the `<!-- podium:photo ID -->` marks
of speech.html); a page outside the nav (a speech, a speaker) lights up its section's tab (`on_page_context`);
the page that says `<!-- podium:data-files -->` (the reference site's /data/) lists every data file and feed;
and `assets/podium/addresses.json` gives the 404 page the ids it suggests from.

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

from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

import podium
from podium.cite import exports
from podium.core.urls import source
from podium.facets import pages as facet_pages
from podium.facets import photos
from podium.facets.options import FacetsOptions
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import links, page_links
from podium.mkdocs.plugin import podium_state
from podium.mkdocs.settings import Setting, SettingsConfig

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium-facets.css", "podium-facets.js")
DATA_MARK = "<!-- podium:data-files -->"
ADDRESSES = "assets/podium/addresses.json"


class FacetsConfig(SettingsConfig):
    """podium-facets' options: the fields of `podium.facets.options.FacetsOptions`, documented and validated there.
    `enabled: false`, MkDocs' own option for every plugin, turns podium-facets off: none of its hooks run."""

    model = FacetsOptions
    plugin = "podium-facets"
    settings: FacetsOptions
    facets = Setting[tuple[str, ...]]()
    page_size = Setting[int]()
    index_page_size = Setting[int]()
    related_limit = Setting[int]()
    preview = Setting[int]()
    charts = Setting[bool]()


class FacetsPlugin(BasePlugin[FacetsConfig]):
    def __init__(self) -> None:
        self.site: facet_pages.FacetSite | None = None
        self.pages: dict[str, facet_pages.PageSpec] = {}
        self.seconds = 0.0
        self.portraits: dict[str, photos.Portrait] = {}
        self.tabs: dict[str, object] = {}  # a site folder (speeches, speakers...) -> the nav page of its tab
        self.lit: object | None = None  # the tab lit up for the page being rendered

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
            feeds="podium-cite" in config.plugins,  # it writes the feeds the Follow links point to
        )
        self.portraits = photos.thumbnails(archive)
        self.site = facet_pages.FacetSite(archive, settings, self.portraits)
        self.pages = {}
        for portrait in self.portraits.values():
            for path, data in portrait.files.items():
                if path not in files.src_uris:  # two speakers may share a picture
                    files.append(File.generated(config, path, content=data))
        files.append(File.generated(config, ADDRESSES, content=self.site.addresses(config.use_directory_urls)))
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
        self.tabs = {}  # found again for this nav, in on_page_context
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

    def on_page_context(self, context, page, config, nav):
        """Light up the tab of the section a page outside the nav belongs to: a speech's page is under
        Speeches, a speaker's under Speakers (Material marks the tab of an `active` nav page)."""
        if not self.tabs:
            for item in nav.pages:
                folder, _, rest = item.file.src_uri.partition("/")
                if rest:
                    self.tabs.setdefault(folder, item)
        folder, _, rest = page.file.src_uri.partition("/")
        hub = self.tabs.get(folder) if rest else None
        if hub is not None and all(item is not page for item in nav.pages):
            hub.active = True
            self.lit = hub
        return context

    def on_post_page(self, output, page, config):
        if self.lit is not None:
            self.lit.active = False
            self.lit = None
        return output

    def on_page_markdown(self, markdown, page, config, files):
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return markdown
        # Material prints the title unescaped (in <title> and the header): a speaker's name is registry input.
        page.meta["title"] = html.escape(spec.title)
        return ""

    def on_page_content(self, html_text, page, config, files):
        if self.site is None:
            return html_text
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            return self.site.render(spec, links(page, config))
        if DATA_MARK in html_text:
            # The files are podium-cite's: without it there is nothing to link to.
            files_list = self.site.settings.feeds and self.site.render_data_files(
                links(page, config), sorted(exports.schema_files())
            )
            html_text = html_text.replace(DATA_MARK, files_list or "")
        speech = podium_state(config, "podium-facets").speech(page)
        if speech is not None:
            page_links = links(page, config)
            for ident in speech.meta.speaker_ids:
                mark = f"<!-- podium:photo {ident} -->"
                html_text = html_text.replace(mark, self.site.byline_portrait(ident, page_links))
        return html_text

    def archive_page_parts(self) -> list[str]:
        """The portraits' digests: an image replaced in the repository changes the pages that show it, though
        no transcript or registry changed (podium.mkdocs.reuse)."""
        return [f"{ident}={portrait.digest}" for ident, portrait in sorted(self.portraits.items())]

    def speech_page_parts(self, speech, url: str, config) -> list[str]:
        """What this plugin adds to a speech page (its speakers' portraits), for the page's reuse key
        (podium.mkdocs.reuse); the lit tab follows the navigation, part of every page's key."""
        if self.site is None:
            return []
        here = page_links(url, config)
        return [self.site.byline_portrait(ident, here) for ident in speech.meta.speaker_ids]


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
