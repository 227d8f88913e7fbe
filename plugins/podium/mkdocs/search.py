"""The `podium-search` MkDocs plugin: Pagefind search within speeches, one search box in the header.

It adds the /search/ page and the search assets, tells the search box which languages the archive has
(`config.extra.podium_search`, read by `overrides/partials/header.html`), gives each panel or debate page
the turns of its speakers, and once the site is written runs Pagefind over it (`on_post_build`, so also on
every rebuild under `mkdocs serve`). What is indexed and why lives in `podium.search`; the attributes that
say so are in `templates/speech.html`. List it after `podium` in mkdocs.yml:

    plugins:
      - podium
      - podium-search
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

import podium
from podium import search

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium-search.css", "podium-search.js")
PAGE = "search/index.md"
PAGE_MARK = "<!-- podium:search -->"


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    """Index the site with Pagefind after each build. Example: `enabled: false` for quick drafts."""


class SearchPlugin(BasePlugin[SearchConfig]):
    def on_config(self, config):
        """Take over from Material's own search (a second box, and a lunr index of every page on every load)."""
        for name in ("material/search", "search"):
            other = config.plugins.get(name)
            if other is not None and getattr(other.config, "enabled", False):
                other.config.enabled = False
                log.info(f"`{name}` is turned off: podium-search replaces it (remove it from mkdocs.yml)")
        for asset in ASSETS:
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            if f"assets/podium/{asset}" not in target:
                target.append(f"assets/podium/{asset}")
        return config

    def on_files(self, files: Files, config) -> Files:
        """Runs after `podium`'s on_files (priority 50), which loaded the archive."""
        podium_plugin = config.plugins.get("podium")
        if podium_plugin is None or podium_plugin.archive is None:
            raise PluginError("podium-search needs the `podium` plugin listed before it in mkdocs.yml")
        self.podium = podium_plugin
        config.extra["podium_search"] = search.client_config(
            podium_plugin.archive.speeches, config.theme.get("language") or "en")
        if PAGE not in files.src_uris:
            files.append(File.generated(config, PAGE, content=f"---\ntitle: Search\n---\n\n# Search\n\n{PAGE_MARK}\n"))
        for asset in ASSETS:
            files.append(File.generated(config, f"assets/podium/{asset}", abs_src_path=str(PACKAGE / "assets" / asset)))
        return files

    def on_page_content(self, html, page, config, files):
        if PAGE_MARK in html:
            from podium.render import environment

            return html.replace(PAGE_MARK, environment().get_template("search_page.html").render(
                filters=search.FILTERS))
        speech = self.podium.pages.get(page.file.src_uri)
        if speech is not None:
            html += search.page_extras(speech, self.podium.archive.registry)
        return html

    def on_post_build(self, config) -> None:
        if not self.config.enabled:
            return
        try:
            report = search.index_site(config.site_dir)
        except search.SearchIndexError as error:
            raise PluginError(f"podium-search: {error}") from None
        log.info(f"Pagefind {report.summary()}")
