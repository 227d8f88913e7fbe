"""The `podium-search` MkDocs plugin: Pagefind search within speeches, one search box in the header.

It adds the /search/ page and the search assets, tells the search box which languages the archive has
(`config.extra.podium_search`, read by `overrides/partials/header.html`), gives each panel or debate page
the turns of its speakers, and indexes the site with Pagefind: each page with `data-pagefind-body` goes to
a Pagefind process as soon as MkDocs has rendered it (`on_post_page`), so indexing runs on another core
during the build, and `on_post_build` writes the bundle (also on every rebuild under `mkdocs serve`). What
is indexed and why lives in `podium.search.index`; the attributes that say so are in `templates/speech.html`.
List it after `podium` in mkdocs.yml:

    plugins:
      - podium
      - podium-search
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

import podium
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import links
from podium.mkdocs.plugin import PodiumState, podium_state
from podium.render.pages import environment
from podium.search import index as search

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium-search.css", "podium-search.js")
PAGE = "search/index.md"
PAGE_MARK = "<!-- podium:search -->"
HELP = "search-help.md"  # the readers' guide to search, linked from the search page when the site has it


class SearchConfig(Config):
    """`enabled: false` (MkDocs' option for every plugin) turns podium-search off."""

    shard_size = c.Type(int, default=search.SHARD_SIZE)
    """Speeches per Pagefind process (default 500). Pagefind holds every word it has read until it writes
    its index, about 0.7 MB per 2,000-word transcript at its peak; a new process takes over every
    `shard_size` speeches and their indexes are joined into one, so indexing needs the same memory for
    100 or 100,000 speeches. Lower it on a machine with little memory, e.g. `shard_size: 300`; searching
    is the same whatever it is."""


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.dirty = False
        self.podium: PodiumState | None = None  # from on_files
        self.stream: search.ShardedStreamingIndex | None = None
        self.sent: set[str] = set()  # pages already given to Pagefind in on_page_content

    def on_startup(self, *, command, dirty) -> None:
        self.dirty = dirty  # a dirty build renders only changed pages: index the whole site at the end instead

    def on_config(self, config):
        """Take over from Material's own search (a second box, and a lunr index of every page on every load)."""
        if self.config.shard_size < 1:
            raise PluginError(f"podium-search: `shard_size` must be at least 1 (it is {self.config.shard_size})")
        for name in ("material/search", "search"):
            other = config.plugins.get(name)
            if other is not None and getattr(other.config, "enabled", False):
                other.config.enabled = False
                log.info(f"`{name}` is turned off: podium-search replaces it (remove it from mkdocs.yml)")
        use_assets(config, ASSETS)
        return config

    def on_files(self, files: Files, config) -> Files:
        """Runs after `podium`'s on_files (priority 50), which loaded the archive."""
        self.podium = podium_state(config, "podium-search")
        config.extra["podium_search"] = search.client_config(
            self.podium.archive.speeches, config.theme.get("language") or "en"
        )
        if PAGE not in files.src_uris:
            files.append(File.generated(config, PAGE, content=f"---\ntitle: Search\n---\n\n# Search\n\n{PAGE_MARK}\n"))
        add_asset_files(files, config, ASSETS)
        return files

    def on_page_content(self, html, page, config, files):
        if PAGE_MARK in html:
            help_page = files.get_file_from_path(HELP)
            help_url = help_page.url_relative_to(page.file) if help_page else None
            return html.replace(
                PAGE_MARK,
                environment()
                .get_template("search_page.html")
                .render(filters=search.FILTERS, help_url=help_url, speeches_href=links(page, config).speeches()),
            )
        speech = self.podium.speech(page)
        if speech is not None:
            html += search.page_extras(speech, self.podium.archive.registry)
            if self.stream is not None:
                # Pagefind needs the transcript, not Material's navigation around it: a third less to parse.
                self.stream.add(search.indexed_document(html, speech.meta.language), "/" + page.url, speech=True)
                self.sent.add(page.file.src_uri)
        return html

    def on_pre_build(self, config) -> None:
        self._stop()
        self.sent = set()
        if not self.dirty:
            try:
                self.stream = search.ShardedStreamingIndex(self.config.shard_size)
            except search.SearchIndexError as error:
                raise PluginError(f"podium-search: {error}") from None

    def on_post_page(self, output, page, config):
        """Runs after `podium`'s on_post_page, which gave the page its transcript's `<html lang>`."""
        if self.stream is not None and page.file.src_uri not in self.sent and "data-pagefind-body" in output:
            self.stream.add(output, "/" + page.url, speech=False)  # another page that opted in, e.g. a facet page
        return output

    def on_post_build(self, config) -> None:
        waited = time.perf_counter()
        try:
            report = None
            if self.stream is not None:
                stream, self.stream = self.stream, None
                try:
                    report = stream.finish(Path(config.site_dir) / search.BUNDLE)
                except search.SearchIndexError as error:
                    log.info(f"indexing during the build failed ({error}); indexing the written site instead")
            if report is None:
                report = search.index_site(config.site_dir, shard_size=self.config.shard_size)
        except search.SearchIndexError as error:
            raise PluginError(f"podium-search: {error}") from None
        log.info(f"Pagefind {report.summary()}; the build waited {time.perf_counter() - waited:.2f} s for it")

    def on_build_error(self, error) -> None:
        self._stop()

    def on_shutdown(self) -> None:
        self._stop()

    def _stop(self) -> None:
        if self.stream is not None:
            stream, self.stream = self.stream, None
            stream.close()
