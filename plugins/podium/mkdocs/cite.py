"""The `podium-cite` MkDocs plugin: cite, share, embed, feeds, open data and quote check.

Glue only. The work is in `podium.cite`: `metadata` (the <head> tags), `pages` ("Quoted in", the Cite
menu, the /quote/ page), `exports` (the data files), over `citation`, `feeds`, `opendata`, `akomantoso`,
and `podium.quote.index`. Each hook says when it runs and why then:

- `on_files` (after `podium` loaded the archive): measures each speech's press coverage against its
  statements, adds the /quote/ page, the open data's JSON Schemas (so that pages link to them like to any
  file of the site) and this plugin's assets.
- `on_nav` (after `podium` rendered the speeches on its pool of workers): starts writing the data files in a
  forked child process, so they are written on the other core while MkDocs renders the pages (not beside the
  pool: each of those processes holds a copy of the loaded archive). The data files of an archive an earlier
  build wrote them for are linked from the build cache instead; otherwise each speech whose files' key holds
  has them linked from the cache and only the others are made. The quote-check index is joined from each
  speech's words (kept per speech in the build cache) only when something needs it. Not under `mkdocs
  serve`, unless `exports_when_serving: true`.
- `on_page_content` (late, after `podium` rendered the speech): appends "Quoted in" and the Cite menu's data
  to each speech page; fills the /quote/ page.
- `on_post_page`: citation metadata in each speech page's <head>, and the feeds' <link rel=alternate>.
- `on_post_build`: waits for the data files and turns a failure into a PluginError; where `fork` is
  unavailable (not Linux), writes them itself.

List it after `podium` in mkdocs.yml:

    plugins:
      - podium
      - podium-cite
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from podium.build import cache as build_cache
from podium.cite import exports, feeds, metadata
from podium.cite import pages as cite_pages
from podium.cite.options import CiteOptions
from podium.core.problems import Problems, format_report
from podium.core.urls import Urls
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import base
from podium.mkdocs.plugin import PodiumState, podium_state
from podium.mkdocs.settings import Setting, SettingsConfig
from podium.quote import index as quote
from podium.render import i18n

log = get_plugin_logger(__name__)

ASSETS = ("podium-cite.css", "podium-cite.js")
QUOTE_PAGE = "quote.md"
QUOTE_MARK = "<!-- podium:quote-check -->"


class CiteConfig(SettingsConfig):
    """podium-cite's options: the fields of `podium.cite.options.CiteOptions`, documented and validated there.
    `enabled: false`, MkDocs' own option for every plugin, turns podium-cite off: none of its hooks run."""

    model = CiteOptions
    plugin = "podium-cite"
    settings: CiteOptions
    feed_size = Setting[int]()
    akn_country = Setting[str]()
    quote_page = Setting[bool]()
    exports_when_serving = Setting[bool]()


class CitePlugin(BasePlugin[CiteConfig]):
    def __init__(self) -> None:
        self.podium: PodiumState | None = None  # from on_files
        self.strings: str | None = None  # podium-cite.js's words in the interface language; None in English
        self.exports: exports.Exports | None = None
        """What the data files are made of; None under `mkdocs serve` (not written)."""
        self.background: exports.Background | None = None
        """The child process writing the data files, until on_post_build has its outcome."""
        self.index: quote.QuoteIndex | None = None
        """The quote check's index, once `quote_index` has made it in this build."""
        self.quoted: int | None = None
        """How many statements the index holds, kept when the index itself is let go (`_start_exports`)."""
        self.exports_key: str | None = None
        """The build cache's key of this build's data files (the archive, this plugin's options, the site)."""
        self.staging: Path | None = None
        """Where the child writes the data files, to keep them in the build cache; None: into site_dir."""
        self.from_cache = False
        self.page_feeds: dict[str, tuple[str, str]] = {}
        """The (path, title) of each speaker's, topic's or event's feed, by the address of the page it follows."""

    def on_config(self, config):
        use_assets(config, ASSETS)
        # podium-cite.js's words in the interface language (set by `podium`'s on_config), loaded just before it.
        self.strings = cite_pages.client_script(i18n.current())  # written in on_files
        scripts = [str(script) for script in config.extra_javascript]
        if self.strings is not None and cite_pages.STRINGS_SCRIPT not in scripts:
            config.extra_javascript.insert(scripts.index("assets/podium/podium-cite.js"), cite_pages.STRINGS_SCRIPT)
        site_url = config.site_url or ""
        self.base_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.site_name = config.site_name
        self.urls = Urls(directory=config.use_directory_urls)
        return config

    def on_files(self, files: Files, config) -> Files:
        """Runs after `podium`'s on_files (priority 50), which loaded the archive."""
        self.podium = state = podium_state(config, "podium-cite")
        if self.strings is not None:
            files.append(File.generated(config, cite_pages.STRINGS_SCRIPT, content=self.strings))
        archive = state.archive
        problems = Problems()
        self.coverage = {speech.id: quote.coverage(speech, problems) for speech in archive.speeches}
        if problems.errors:
            report = format_report(problems)
            if not state.serving:
                raise PluginError(f"podium-cite: press coverage names unknown statements\n{report}")
            log.warning(report)
        self.index = None  # made when first needed (`quote_index`): a build that reuses everything never is
        self.quoted = None
        if self.config.quote_page and QUOTE_PAGE not in files.src_uris:
            files.append(
                File.generated(
                    config,
                    QUOTE_PAGE,
                    content=("---\ntitle: Check a quotation\n---\n\n# Check a quotation\n\n" + QUOTE_MARK + "\n"),
                )
            )
        for path, text in exports.schema_files().items():
            if path not in files.src_uris:
                files.append(File.generated(config, path, content=text))
        add_asset_files(files, config, ASSETS)
        feed_list = feeds.collect(archive.speeches, archive.registry, self.site_name, self.config.feed_size)
        self.page_feeds = {self.urls.page(feed.page): (feed.path, feed.title) for feed in feed_list if feed.page}
        self._stop_exports()
        self.exports = None
        if not state.serving or self.config.exports_when_serving:
            self.exports = exports.Exports(
                archive,
                self.site_name,
                self.base_url,
                feed_list,
                self.coverage,
                None,  # the quote index, set when the files are written (`_start_exports`)
                self.config.akn_country,
                self.urls,
            )
        return files

    @event_priority(-110)  # after `podium`'s on_nav (-100) rendered every speech on its workers
    def on_nav(self, nav, config, files):
        """Start the data files once the speeches are rendered: site_dir was cleaned before on_files."""
        if self.exports is not None and self.podium is not None:
            self._start_exports(self.podium, Path(config.site_dir), config.use_directory_urls)
        return nav

    def quote_index(self) -> quote.QuoteIndex | None:
        """The quote check's index for its browser files (None without the /quote/ page), made once per build
        that needs it, from each speech's words (`_statement_words`)."""
        if self.index is None and self.config.quote_page and self.podium is not None:
            speeches = self.podium.archive.speeches
            self.index = quote.QuoteIndex.of_words((speech.id, self._statement_words(speech)) for speech in speeches)
        return self.index

    def _quoted(self) -> int:
        """How many statements the quote check's index holds (0 without one)."""
        if self.quoted is None:
            index = self.quote_index()
            self.quoted = len(index.entries) if index is not None else 0
        return self.quoted

    def _statement_words(self, speech) -> list[quote.StatementWords]:
        """A speech's part of the quote check's index, kept in the build cache under its transcript, the site
        (mkdocs.yml, which holds the parser's settings) and Podium's version: after an edit only the edited
        speech's words are found again. The index itself is joined from these in every build that needs it
        (5 to 6.5 s at 10,000 speeches, where making it whole and keeping it took 18 s after any edit)."""
        cache, key = self.podium.cache if self.podium is not None else None, self._quote_key(speech)
        if cache is None or key is None:
            return quote.statement_words(speech)
        found = cache.get("quote", key)
        if isinstance(found, list):
            return found
        made = quote.statement_words(speech)
        cache.put("quote", key, made)
        return made

    def _quote_key(self, speech) -> str | None:
        """The build cache's key of a speech's words in the quote check's index; None without a cache (or for a
        speech not read through it)."""
        state = self.podium
        cache = state.cache if state is not None else None
        transcript = cache.transcripts.get(speech.id) if cache is not None else None
        if state is None or cache is None or transcript is None:
            return None
        return build_cache.digest("quote words", cache.version, state.site or "", speech.id, transcript)

    def _start_exports(self, state: PodiumState, site: Path, directory_urls: bool) -> None:
        """The data files of an archive an earlier build wrote them for are linked from the build cache; others
        are written by a forked child into the cache (then linked) or, without a cache, into site_dir. The child
        links each speech's own files from the cache when their key holds, and makes the others.

        on_nav runs after MkDocs cleaned site_dir (mkdocs/commands/build.py), so nothing deletes these files;
        site_dir is used as given (`podium build` builds into site.new/)."""
        assert self.exports is not None
        self.exports_key = self.staging = None
        self.from_cache = False
        cache = state.cache
        if cache is not None and state.site is not None:
            self._key_speeches(state, cache)
        if cache is not None and state.fingerprint is not None:
            self.exports_key = build_cache.digest(
                "exports",
                state.fingerprint,
                json.dumps(dict(self.config), sort_keys=True, default=str),
                self.site_name,
                self.base_url,
                str(directory_urls),
            )
            kept = cache.kept_folder("exports", self.exports_key)
            if kept is not None:
                build_cache.link_tree(kept, site)
                self.from_cache = True
                if self.config.quote_page:  # not read now (nothing changed), but the next edit's build will
                    cache.mark_used("quote", filter(None, map(self._quote_key, state.archive.speeches)))
                return
            self.staging = cache.new_folder("exports", self.exports_key)
        self.exports.quote_index = index = self.quote_index()
        self.background = exports.start(self.exports, self.staging or site)
        if self.background is not None and index is not None:
            # The forked child writes the index's files from its own copy; this process needs only its size for
            # the /quote/ page. Let go, its memory (about 15 KB a speech) is used again by the page loop.
            self.quoted = len(index.entries)
            self.exports.quote_index = self.index = None

    def _key_speeches(self, state: PodiumState, cache: build_cache.BuildCache) -> None:
        """Each speech's key for its kept files (`exports.Exports.keys`): its transcript, the site (mkdocs.yml,
        the registries, the site's templates), Podium's version and what else its files are made of. A speech
        not read through the cache (one kept from an earlier save under `mkdocs serve`) has none: made anew.

        Its entries are marked as used here, in this process, whether the child reads them or the whole
        folder is linked: the build cache's prune runs here, and keeps only what this build used."""
        assert self.exports is not None
        keys = {}
        for speech in state.archive.speeches:
            transcript = cache.transcripts.get(speech.id)
            if transcript is not None:
                keys[speech.id] = build_cache.digest(
                    cache.version, state.site or "", speech.id, transcript, *self.exports.speech_parts(speech)
                )
        self.exports.keys, self.exports.kept = keys, cache
        self.exports.found = cache.kept_pages(self.exports.kept_names())

    @event_priority(-50)  # late: after `podium` replaced the speech page's content
    def on_page_content(self, content, page, config, files):
        speech = self.podium.speech(page)
        if speech is not None:
            extra = cite_pages.speech_extras(
                speech, self.podium.archive.registry, self.site_name, self.coverage.get(speech.id, []), self.urls
            )
            at = content.rfind("</article>")
            return content[:at] + extra + content[at:] if at != -1 else content + extra
        if QUOTE_MARK in content:
            return content.replace(
                QUOTE_MARK,
                cite_pages.quote_page(base(page), self._quoted()),
            )
        return content

    def speech_page_parts(self, speech, url: str, config) -> list[str]:
        """What this plugin adds to a speech page, for the page's reuse key (podium.mkdocs.reuse): "Quoted in",
        the Cite menu and the metadata are made of the transcript (its press coverage too), the registries and
        the configuration, all in the key already."""
        return []

    def on_post_page(self, output, page, config):
        head = self._head(page, config)
        at = output.find("</head>")
        return output[:at] + head + output[at:] if at != -1 else output

    def generated_page_parts(self, page, config) -> list[str]:
        """What this plugin adds to a page made from the archive beyond its content (its `<head>` links, such
        as its feed's), for the page's reuse key (podium.mkdocs.reuse)."""
        return [self._head(page, config)]

    def _head(self, page, config) -> str:
        """The links and metadata on_post_page puts in a page's `<head>`."""
        assert self.podium is not None  # set in on_files
        speech, registry = self.podium.speech(page), self.podium.archive.registry
        feed = None if page.is_homepage else self.page_feeds.get(page.url)
        head = metadata.link_tags(
            metadata.alternates(
                speech, registry, self.site_name, page.url, home=page.is_homepage, feed=feed, urls=self.urls
            )
        )
        if speech is not None:
            head += metadata.speech_metadata(
                speech, registry, self.site_name, self.base_url, config.site_description, self.urls
            )
        return head

    def on_post_build(self, config):
        background, self.background = self.background, None
        if self.exports is None:
            return
        count = len(self.podium.archive.speeches)
        if self.from_cache:
            log.info(f"exports: data files of {count} speeches, from the build cache")
            return
        site = Path(config.site_dir)
        target = self.staging or site
        if background is None:
            made = self.exports.write(target)
            log.info(f"exports: data files of {count} speeches ({made} made, {count - made} from the build cache)")
        else:
            waited = time.perf_counter()
            failure = background.wait()
            seconds = time.perf_counter() - waited
            log.info(
                f"exports: data files of {count} speeches ({background.made} made, {count - background.made} from "
                f"the build cache); the build waited {seconds:.2f} s for them"
            )
            if failure is not None:
                raise PluginError(f"podium-cite: writing the data files failed: {failure}")
        if self.staging is not None and self.exports_key is not None and self.podium.cache is not None:
            kept = self.podium.cache.keep_folder("exports", self.exports_key, self.staging)
            build_cache.link_tree(kept, site)

    def on_build_error(self, error):
        self._stop_exports()

    def on_shutdown(self):
        self._stop_exports()

    def _stop_exports(self) -> None:
        """End an exporting child that no on_post_build will wait for (the build failed): no zombie."""
        background, self.background = self.background, None
        if background is not None:
            background.stop()
