"""The `podium-search` MkDocs plugin: Pagefind search within speeches, one search box in the header.

It adds the /search/ page and the search assets, tells the search box which languages the archive has
(`config.extra.podium_search`, read by `overrides/partials/header.html`), gives each panel or debate page
the turns of its speakers, and indexes the site with Pagefind: `on_post_page` notes each page with
`data-pagefind-body` (its URL, its file and the digest of its HTML), the `podium` plugin lists the pages it
kept from the last build (`PodiumState.reused`), and `on_post_build` writes the bundle from Pagefind shards
kept in the build cache, indexing only the shards whose pages changed (`podium.search.cached`; also on every
rebuild under `mkdocs serve`). What is indexed and why lives in `podium.search.index`; the attributes that
say so are in `templates/speech.html`.
List it after `podium` in mkdocs.yml:

    plugins:
      - podium
      - podium-search
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

import podium
from podium.build.cache import FOLDER
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import links
from podium.mkdocs.plugin import CLEAN, PodiumState, podium_state
from podium.mkdocs.settings import Setting, SettingsConfig
from podium.render import i18n
from podium.render.pages import environment
from podium.search import cached
from podium.search import index as search
from podium.search.options import SearchOptions

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium-search.css", "podium-search.js")
PAGE = "search/index.md"
PAGE_MARK = "<!-- podium:search -->"
HELP = "search-help.md"  # the readers' guide to search, linked from the search page when the site has it


class SearchConfig(SettingsConfig):
    """podium-search's options: the fields of `podium.search.options.SearchOptions`, documented and validated there.
    `enabled: false` (MkDocs' option for every plugin) turns podium-search off."""

    model = SearchOptions
    plugin = "podium-search"
    settings: SearchOptions
    shard_size = Setting[int]()


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.dirty = False
        self.podium: PodiumState | None = None  # from on_files
        self.pages: dict[str, cached.Page] = {}  # this build's rendered pages that opt in, by URL
        self.files: Files | None = None  # this build's files: the URL of a page kept from the last build

    def on_startup(self, *, command, dirty) -> None:
        self.dirty = dirty  # a dirty build renders only changed pages: index the whole site at the end instead

    def on_config(self, config):
        """Take over from Material's own search (a second box, and a lunr index of every page on every load)."""
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
        self.files = files
        config.extra["podium_search"] = search.client_config(
            self.podium.archive.speeches, config.theme.get("language") or "en"
        )
        # One file for the whole site, which every page's search box loads (partials/podium-search.html).
        script = search.client_script(config.extra["podium_search"])
        files.append(File.generated(config, search.CLIENT_SCRIPT, content=script))
        if PAGE not in files.src_uris:
            # Not in the nav (the header's box leads to it): MkDocs then does not list it as a page left out.
            # Titled in the interface language; a site names it otherwise with its own docs/search/index.md.
            title = i18n.translate("Search the speeches")
            page = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n# {title}\n\n{PAGE_MARK}\n"
            files.append(File.generated(config, PAGE, content=page, inclusion=InclusionLevel.NOT_IN_NAV))
        add_asset_files(files, config, ASSETS)
        return files

    def speech_page_parts(self, speech, url: str, config) -> list[str]:
        """Nothing for a reused page's key (podium.mkdocs.reuse): what this plugin adds to a speech page (its
        filters, a panel's turns) is made from the transcript and the registries, both in the rendered key."""
        return []

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
        return html

    def on_pre_build(self, config) -> None:
        self.pages = {}

    @event_priority(-100)  # last: the output as MkDocs writes it, the bytes a kept page's file has next time
    def on_post_page(self, output, page, config):
        if "data-pagefind-body" in output:
            url = "/" + page.url
            path = Path(config.site_dir) / page.file.dest_uri
            self.pages[url] = cached.Page(url, path, cached.digest_of(output))
        return output

    def on_post_build(self, config) -> None:
        waited = time.perf_counter()
        folder = Path(config.config_file_path).parent / FOLDER / "search"
        store = cached.SearchCache(folder, enabled=not os.environ.get(CLEAN))
        try:
            report = cached.index_pages(
                self._indexed(config, store), Path(config.site_dir) / search.BUNDLE, store, self.config.shard_size
            )
        except (search.SearchIndexError, OSError) as error:
            raise PluginError(f"podium-search: {error}") from None
        log.info(f"Pagefind {report.summary()}; the build waited {time.perf_counter() - waited:.2f} s for it")
        log.info(report.cache_summary())

    def _indexed(self, config, store: cached.SearchCache) -> list[cached.Page]:
        """Every page to index: those rendered now, those kept from the last build (their digests from the cache,
        their files read once), or under `--dirty` every page of the written site."""
        site = Path(config.site_dir)
        if self.dirty:
            return [
                cached.Page(search.page_url(site, path), path, cached.digest_of(data))
                for path in sorted(site.rglob("*.html"))
                if search.BUNDLE not in path.relative_to(site).parts[:1]
                and b"data-pagefind-body" in (data := path.read_bytes())
            ]
        pages = dict(self.pages)
        reused = self.podium.reused if self.podium is not None else {}
        for src_uri, kept in reused.items():
            digest = store.page_digest(kept.key, kept.path)
            file = self.files.get_file_from_path(src_uri) if self.files is not None else None
            if digest is not None:
                url = "/" + file.url if file is not None else search.page_url(site.resolve(), kept.path.resolve())
                pages.setdefault(url, cached.Page(url, kept.path, digest))
        return list(pages.values())

    def on_build_error(self, error) -> None:
        self.pages = {}
