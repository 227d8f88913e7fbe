"""The `podium-xref` MkDocs plugin: cross-links between statements, glue only.

After the `podium` plugin has loaded and checked the archive (broken references already stopped the
build there, with `path:line:col`), `on_files` resolves the references into a backlinks index and
computes the related statements, once per build, and hands the statement renderer the resolver of inline
`[[target|words]]` (they become links on the Markdown tree, in text only, before sanitizing: never in an
attribute, a code span or a title). `on_page_content` then fills the marks the speech template leaves
(`<!-- podium:after-header -->`, `<!-- podium:after-statement ID -->`) and embeds the preview cards the
page needs as JSON. The work lives in the feature: references.py (find, resolve, index), related.py
(TF-IDF), crosslinks.py (HTML).

    plugins:
      - podium
      - podium-xref:
          related_threshold: 0.3
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

import podium
from podium.build.cache import digest
from podium.core.urls import Urls
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import links, page_links
from podium.mkdocs.plugin import PodiumState, podium_state
from podium.mkdocs.settings import Setting, SettingsConfig
from podium.render import pages as render
from podium.xref import crosslinks, references, related
from podium.xref.options import XrefOptions

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium-xref.css", "podium-xref.js")
AFTER_HEADER = "<!-- podium:after-header -->"
AFTER_STATEMENT = re.compile(r"<!-- podium:after-statement ([A-Za-z0-9-]+) -->")
# A speaker page asks for the references its speaker received with this mark.
SPEAKER_MARK = re.compile(r"<!-- podium:speaker-references ([A-Za-z0-9][A-Za-z0-9_-]*) -->")


class XrefConfig(SettingsConfig):
    """podium-xref's options: the fields of `podium.xref.options.XrefOptions`, documented and validated there.
    `enabled: false`, MkDocs' own option for every plugin, turns podium-xref off: none of its hooks run."""

    model = XrefOptions
    plugin = "podium-xref"
    settings: XrefOptions
    related = Setting[bool]()
    related_threshold = Setting[float]()
    related_limit = Setting[int]()
    related_min_words = Setting[int]()
    related_max_df = Setting[float]()


class XrefPlugin(BasePlugin[XrefConfig]):
    def __init__(self) -> None:
        self.podium: PodiumState | None = None  # from on_files
        self.view: crosslinks.CrossLinks | None = None
        self.timings: dict[str, float] = {}
        self.inline_keys: dict[str, set[str]] = {}
        """The card keys of the inline references rendered in each speech (by speech id)."""
        self.page_digests: dict[str, tuple[str, str]] | None = None
        """The (URL, digest of what this plugin adds) of each speech page, once asked for in this build."""

    def on_config(self, config):
        """Add our card script and style to every page (the links work without them)."""
        use_assets(config, ASSETS)
        return config

    def on_files(self, files: Files, config) -> Files:
        """Default priority 0: runs after `podium`'s on_files (50), which loaded and checked the archive."""
        self.podium = podium_state(config, "podium-xref")
        archive = self.podium.archive
        started = time.perf_counter()
        index = references.resolve(archive)
        self.timings["references"] = time.perf_counter() - started
        found = {}
        if self.config.related:
            started, cpu = time.perf_counter(), time.process_time()
            options = {
                "threshold": self.config.related_threshold,
                "limit": self.config.related_limit,
                "min_words": self.config.related_min_words,
                "max_df": self.config.related_max_df,
            }
            # The same archive and options as an earlier build: its related statements from the build cache.
            found = self.podium.whole_archive(
                "related statements",
                json.dumps(options, sort_keys=True),
                lambda: related.find_related(archive, **options),
            )
            self.timings["related"] = time.perf_counter() - started
            self.timings["related_cpu"] = time.process_time() - cpu
        statements = sum(len(s.statements) for s in archive.speeches)
        log.info(
            f"{len(index.references)} cross-references; related statements for {len(found)} of "
            f"{statements} statements in {self.timings.get('related', 0):.2f}s "
            f"({self.timings.get('related_cpu', 0):.2f}s CPU)"
        )
        self.view = view = crosslinks.CrossLinks(archive, index, found)
        self.inline_keys = {}
        self.page_digests = None

        def inline_reference(written: str, here: str, links: render.Links) -> render.ReferenceLink | None:
            made = view.inline_reference(written, here, links)
            if made is not None:
                self.inline_keys.setdefault(here, set()).add(made.key)
            return made

        # `podium` renders the speech pages (its on_page_content runs before ours): its renderer resolves them.
        self.podium.renderer.inline_references = inline_reference
        add_asset_files(files, config, ASSETS)
        return files

    @event_priority(-50)  # late: after `podium` (and facet plugins) wrote the content with our marks
    def on_page_content(self, html, page, config, files):
        view = self.view
        if view is None:
            return html
        here = links(page, config)
        keys: set[str] = set()
        speech = self.podium.speech(page)
        if speech is not None:
            html = self._speech(html, view, speech, here, keys)
        if "<!-- podium:speaker-references" in html:

            def speaker(match: re.Match) -> str:
                block, used = view.speaker_block(match.group(1), here)
                keys.update(used)
                return block

            html = SPEAKER_MARK.sub(speaker, html)
        if keys:
            html += view.cards_script(keys)
        return html

    def speech_page_parts(self, speech, url: str, config) -> list[str]:
        """What this plugin adds to a speech page (the backlinks, each statement's cross-links and related
        statements, the preview cards), for the page's reuse key (podium.mkdocs.reuse), as one digest.

        Made of the whole archive: an archive an earlier build had gets every page's digest from the build
        cache at once, rather than making every fragment again."""
        if self.view is None or self.podium is None:
            return []
        if self.page_digests is None:
            urls, speeches = Urls(directory=config.use_directory_urls), self.podium.archive.speeches
            options = json.dumps([dict(self.config), config.use_directory_urls], sort_keys=True, default=str)
            self.page_digests = self.podium.whole_archive(
                "xref page parts",
                options,
                lambda: {
                    s.id: (urls.speech(s.id), digest(*self._page_parts(s, urls.speech(s.id), config))) for s in speeches
                },
            )
        found = self.page_digests.get(speech.id)
        if found is not None and found[0] == url:
            return [found[1]]
        return [digest(*self._page_parts(speech, url, config))]

    def _page_parts(self, speech, url: str, config) -> list[str]:
        view = self.view
        assert view is not None
        here, keys = page_links(url, config), set(self.inline_keys.get(speech.id, ()))
        block, used = view.speech_block(speech, here)
        parts = [block]
        keys.update(used)
        for statement in speech.statements:
            block, used = view.statement_block(speech, statement, here)
            parts += [statement.id, block]
            keys.update(used)
        parts.append(view.cards_script(keys))
        return parts

    def _speech(self, html: str, view: crosslinks.CrossLinks, speech, links: render.Links, keys: set[str]) -> str:
        block, used = view.speech_block(speech, links)
        keys.update(used)
        html = html.replace(AFTER_HEADER, block, 1)

        def after_statement(match: re.Match) -> str:
            statement = view.statement(speech.id, match.group(1))
            if statement is None:
                return ""
            block, used = view.statement_block(speech, statement, links)
            keys.update(used)
            return block

        keys.update(self.inline_keys.get(speech.id, ()))
        return AFTER_STATEMENT.sub(after_statement, html)
