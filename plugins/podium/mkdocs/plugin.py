"""The `podium` MkDocs plugin: glue between MkDocs and the core.

At `on_files` it loads and checks the archive (our strict loader, not MkDocs' meta parser), logs every
problem through MkDocs' logger (a warning fails `mkdocs build --strict`) and aborts the build on any
error, `--strict` or not. It then adds one virtual page per transcript at /speeches/<id>/ (or
/speeches/<id>.html with `use_directory_urls: false`: see podium.core.urls) and the /speeches/ hub,
and shares what it loaded with the other Podium plugins through `podium_state(config)`.
From then on Podium's templates render inside the theme's Jinja environment, so a site replaces any of
them with `<custom_dir>/podium/<name>.html` (e.g. `overrides/podium/speech.html`). At `on_page_content`
it replaces each speech page's content with the core's rendering, so MkDocs never parses a transcript's
front matter, and gives the page a table of contents of the transcript's `##` sections. `on_post_page`
gives the page the transcript's language in `<html lang>`. Under `mkdocs serve` it watches the
transcripts, the registries and the plugin's own code, and reloads the core when that code changes; a
transcript saved with an error keeps its last good page while the error shows at the top of every page.

The speech pages' content is ready before MkDocs asks for it (podium.build): `on_files` reads each
transcript through the build cache in `.cache/podium/` (an unchanged file is not parsed again), and
`on_nav` takes each page's content from the cache or renders it on a pool of processes, one per core
(the `workers` setting), handing each content to the cache as it arrives (MkDocs' page reads it back). A page
whose whole HTML would be what the last build wrote is then copied from the cache and left out of MkDocs'
page loops (podium.mkdocs.reuse; `PodiumState.reused`). `podium build --clean` reads nothing from the cache.
Each phase logs one line with its count and time (load, render, pages), with a progress bar when stderr is a
terminal.

No page asks another host for anything by default: `on_config` turns Material's Google Fonts off (system
fonts) unless the site names a font in `theme.font`, and Podium's `partials/source.html` shows the repository
link without Material's call to the GitHub API unless `extra: {repository_stats: true}` asks for stars and forks.

Every Podium plugin takes MkDocs' own `enabled` option: `podium-cite: {enabled: false}` turns that plugin
off (none of its hooks run). The other Podium plugins need `podium` itself enabled.
"""

from __future__ import annotations

import html
import importlib
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

import podium
from podium import features
from podium.build import cache as build_cache
from podium.build import pool
from podium.build.progress import Phase
from podium.build.shelf import Shelf
from podium.core import archive as archives
from podium.core.problems import Problem, format_report
from podium.core.settings import Settings
from podium.core.speech import Speech
from podium.core.urls import Urls, source, speech_path
from podium.media import recordings
from podium.mkdocs import reuse
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import links, page_links, speech_toc
from podium.mkdocs.settings import Setting, SettingsConfig
from podium.render import i18n
from podium.render import pages as render
from podium.render.compact import compact
from podium.xref.references import Target

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium.css", "podium.js", "podium-media.css", "podium-media.js", "podium-wayfinding.css")
HOME_MARK = "<!-- podium:home -->"
INDEX_MARK = "<!-- podium:speech-index -->"
T = TypeVar("T")
# Set by `podium build --clean` and `--workers N` for the MkDocs process they run.
CLEAN = "PODIUM_CLEAN"
WORKERS = "PODIUM_WORKERS"


@dataclass(frozen=True)
class ReusedPage:
    """A page written by an earlier build and left as it is: `path` is its HTML file in site_dir, `key` a hash
    that changes whenever that HTML would (two builds with equal keys wrote the same bytes)."""

    path: Path
    key: str


@dataclass
class PodiumState:
    """What the `podium` plugin shares with the other Podium plugins, once it has loaded the archive.

    Read it with `podium_state(config, "podium-xyz")` in `on_files` or later.
    """

    archive: archives.Archive
    serving: bool
    """A `mkdocs serve` (re)build: the other plugins may skip work the preview does not need."""
    renderer: render.StatementRenderer = field(default_factory=render.StatementRenderer)
    speeches: dict[str, Speech] = field(default_factory=dict)
    """The speech of each speech page, by the page's `src_uri` (`speeches/<id>.md`)."""
    rendered: build_cache.KeptOnDisk = field(default_factory=lambda: build_cache.KeptOnDisk(None, "rendered"))
    """Each speech page's content (a `pool.Rendered`), by speech id, ready before MkDocs asks for the first page
    (see on_nav). A mapping: most are kept in the build cache and read again when MkDocs asks for the page."""
    reused: dict[str, ReusedPage] = field(default_factory=dict)
    """Pages whose HTML from the last build is still right, by `src_uri`: they skip MkDocs' page events (no
    on_page_* / on_post_page hook sees them), and their file is already in site_dir. Filled before on_env."""
    cache: build_cache.BuildCache | None = None
    fingerprint: str | None = None
    """The archive as this build loaded it (every transcript's key, mkdocs.yml, the registries, Podium's
    version); None when one transcript was not read through the cache (a speech kept from an earlier save)."""
    site: str | None = None
    """What every speech depends on besides its transcript (`build_cache.site_key`: mkdocs.yml, the registries,
    the site's own templates); with `cache.transcripts` and `cache.version` it keys what one speech makes."""

    def speech(self, page) -> Speech | None:
        """The speech a page shows, or None for every other page."""
        return self.speeches.get(page.file.src_uri)

    def whole_archive(self, name: str, options: str, compute: Callable[[], T]) -> T:
        """What `compute()` makes of the whole archive, taken from the build cache when the archive and
        `options` are those of an earlier build: `name` says what it is (e.g. "related statements").

            found = state.whole_archive("related", json.dumps(options), lambda: related.find_related(...))
        """
        if self.cache is None or self.fingerprint is None:
            return compute()
        key = build_cache.digest("archive", name, self.fingerprint, options)
        found = self.cache.get("archive", key)
        if found is not None:
            return found  # type: ignore[return-value]  # stored by this very call, under a key naming its kind
        made = compute()
        self.cache.put("archive", key, made)
        return made


def podium_state(config, plugin: str) -> PodiumState:
    """The archive and speech pages of this build, for another Podium plugin named `plugin`.

    Raises a PluginError that says what to write in mkdocs.yml when `podium` is missing, disabled, or
    listed after `plugin` (its on_files has not run yet).
    """
    core = config.plugins.get("podium")
    state = core.state if isinstance(core, PodiumPlugin) else None
    if state is None:
        raise PluginError(f"{plugin} needs the `podium` plugin listed before it in mkdocs.yml, and enabled")
    return state


class PodiumConfig(SettingsConfig):
    """The `podium` plugin's options: the fields of `podium.core.settings.Settings`, documented there and
    validated by that model, as `podium check` validates them (see podium.mkdocs.settings)."""

    settings: Settings
    speeches_dir = Setting[str]()
    allow_html = Setting[tuple[str, ...]]()
    max_transcript_kb = Setting[int]()
    max_nesting = Setting[int]()
    max_yaml_depth = Setting[int]()
    max_list_depth = Setting[int]()
    max_angle_brackets = Setting[int]()
    max_topics = Setting[int]()
    max_references = Setting[int]()
    max_inline_markup = Setting[int]()
    max_quotations = Setting[int]()
    max_quotation_words = Setting[int]()
    max_registry_kb = Setting[int]()
    latest = Setting[int]()
    index_size = Setting[int]()
    edit_uri = Setting[str | None]()
    lint = Setting[dict]()
    workers = Setting[int]()


# Material's own default (its mkdocs_theme.yml), which it loads from Google Fonts on every page view.
MATERIAL_FONT = {"text": "Roboto", "code": "Roboto Mono"}


def _no_google_fonts(theme) -> None:
    """No request leaves the site by default: Material's default font becomes the system fonts.

    A site that names a font in `theme.font` (or sets `font: false` itself) keeps its choice; Material's
    default, left as it is, would ask fonts.googleapis.com for Roboto on every page a reader opens.
    """
    if theme.name == "material" and theme.get("font") == MATERIAL_FONT:
        theme["font"] = False


class PodiumPlugin(BasePlugin[PodiumConfig]):
    def __init__(self) -> None:
        self.state: PodiumState | None = None
        """This build's archive and speech pages, from on_files on; None before (see `podium_state`)."""
        self.serving = False
        self.banner = ""
        """Under `mkdocs serve`, the problems report shown at the top of every page while there are errors."""
        self.code_stamp = _code_stamp()
        self.cache = build_cache.BuildCache(Path(".cache"), "", enabled=False)  # the archive's own from on_files on
        self.pages: Phase | None = None
        """The "pages" phase: from the speeches' content being ready to every page written."""
        self.last_good: dict[str, Speech] = {}
        """Under `mkdocs serve`, each speech as it last loaded, by id (see `_keep_last_good`)."""
        self.page_keys: dict[str, str] = {}
        """The key of each speech page MkDocs builds in this build, by src_uri: its HTML is kept under it."""
        self.files: Files | None = None
        self.in_nav: set[str] = set()
        self.hidden: dict[str, InclusionLevel] = {}
        """The inclusion each reused page had before it was hidden from MkDocs' page loops, by src_uri."""
        self.shelf = Shelf()
        """The contents of Podium's pages from on_page_content until their page is written (see `_shelve`)."""
        self.shared = ""
        """This build's `reuse.shared_key`, once on_nav has made it."""
        self.by_content: set[str] = set()
        """The generated pages (facets, hubs) to key by their content once it is made (see `_shelve`)."""
        self.content_keys: dict[str, str] = {}
        """The content key of each generated page MkDocs builds: its HTML is kept under it too."""
        self.placed: dict[str, str] = {}
        """The generated pages written from the cache by their content key, by src_uri: hidden in on_env."""
        self.archive_parts: list[str] = []
        """What the plugins' `archive_page_parts()` name, once per build."""
        self.around: list = []
        """The plugins that add something around a generated page's content (`generated_page_parts`)."""

    def on_startup(self, *, command, dirty) -> None:
        """Keep one plugin object across `mkdocs serve` rebuilds, so the code stamp survives."""
        self.serving = command == "serve"

    def on_config(self, config):
        self.state = None  # a new build: nobody reads the last one's archive
        if self.serving and (stamp := _code_stamp()) != self.code_stamp:
            self.code_stamp = stamp
            _reload_core()
            log.info("reloaded Podium's code")
        self.root = Path(config.config_file_path).parent
        # Podium's interface strings and dates follow Material's `theme.language`, as Material's own do.
        i18n.use(config.theme.get("language"))
        use_assets(config, ASSETS)
        # Podium's theme overrides (overrides/partials/...): after the site's own custom_dir, before Material's.
        overrides = str(PACKAGE / "overrides")
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        _no_google_fonts(config.theme)
        return config

    def on_env(self, env, config, files):
        """Material's own pages that Podium overrides (404.html) print Podium's interface strings with `t`.
        Every page's content is made by now: the generated pages already written from the cache by their
        content (`_shelve`) leave MkDocs' page loops here, after every page's links were checked."""
        i18n.install(env)
        if self.placed and self.state is not None:
            for src_uri, key in self.placed.items():
                file = files.get_file_from_path(src_uri)
                if file is None:
                    continue
                self.hidden[src_uri] = file.inclusion
                file.inclusion = InclusionLevel.EXCLUDED
                self.state.reused[src_uri] = ReusedPage(Path(config.site_dir) / file.dest_uri, key)
                if (fingerprinted := self.page_keys.pop(src_uri, None)) is not None:
                    self.cache.link_page(key, fingerprinted)  # the next build with no edit finds it before any work
            if self.pages is not None:
                self.pages.total -= len(self.placed)
                self.pages.note = f"{len(self.state.reused)} reused, {self.pages.total} built"
        return env

    @event_priority(50)  # early: the other Podium plugins read `podium_state(config)` in their own on_files
    def on_files(self, files: Files, config) -> Files:
        self.cache = build_cache.BuildCache.at(self.root, enabled=not os.environ.get(CLEAN))
        with Phase(log, "load", unit="transcripts") as phase:
            read = self.cache.reader(self.config.settings)
            archive = features.load(self.root, settings=self.config.settings, read=read)
            hits, misses = self.cache.hits["parsed"], self.cache.misses["parsed"]
            phase.count = hits + misses
            phase.note = f"{hits} from the cache" if self.cache.enabled else "the cache not read (--clean)"
        _log_problems(archive.problems)
        # A build with errors never publishes. Under `mkdocs serve` the site stays up instead, built from what
        # did load, with the problems shown at the top of every page until the next good save.
        self.banner = format_report(archive.problems) if not archive.ok and self.serving else ""
        if not archive.ok and not self.serving:
            raise PluginError(
                f"podium: {len(archive.problems.errors)} error(s) in the transcripts or registries "
                "(listed above); nothing was built"
            )
        if self.serving:
            self._keep_last_good(archive)
        # Templates render through the theme's environment from here on: the other plugins (facets) load
        # theirs in on_files, before MkDocs' on_env, so the environment is made here from the same theme.
        render.use_environment(render.theme_environment(config.theme.get_env(), config.theme.dirs))
        self.state = state = PodiumState(archive, self.serving)
        state.rendered = build_cache.KeptOnDisk(self.cache, "rendered")
        state.cache = self.cache
        transcripts = self.cache.transcripts
        state.site = site = build_cache.site_key(
            Path(config.config_file_path), self.root / self.config.speeches_dir, config.theme.dirs
        )
        if all(speech.id in transcripts for speech in archive.speeches):
            state.fingerprint = build_cache.digest(
                "archive", self.cache.version, site, *(f"{name}={key}" for name, key in sorted(transcripts.items()))
            )
        for speech in archive.speeches:
            file = File.generated(
                config, source(speech_path(speech.id)), content="", inclusion=InclusionLevel.NOT_IN_NAV
            )
            state.speeches[file.src_uri] = speech
            files.append(file)
        if source("speeches/") not in files.src_uris:
            files.append(File.generated(config, source("speeches/"), content=f"# Speeches\n\n{INDEX_MARK}\n"))
        add_asset_files(files, config, ASSETS)
        for path, recording in recordings.published(archive).items():  # a recording kept in the repository
            if path not in files.src_uris:
                files.append(File.generated(config, path, abs_src_path=str(recording)))
        return files

    @event_priority(-100)  # last: the navigation as every plugin left it is part of each reused page's key
    def on_nav(self, nav, config, files):
        """Every speech page's content, ready before MkDocs reads the first page: from the cache, or rendered on
        every core (podium.build.pool). Now, not in on_files: the other Podium plugins' on_files have run, so
        the cross-reference feature's resolver of inline links is in place. Then each speech page whose last HTML
        is still right is written from the cache and left out of MkDocs' page loops (see podium.mkdocs.reuse)."""
        state = self.state
        if state is None:
            return nav
        speeches = state.archive.speeches
        site = build_cache.site_key(
            Path(config.config_file_path), self.root / self.config.speeches_dir, config.theme.dirs
        )
        job = pool.Job(
            state.archive.registry,
            state.renderer,
            lambda speech: page_links(Urls(directory=config.use_directory_urls).speech(speech.id), config),
            lambda speech: self._edit_url(speech, config),
        )
        workers = int(os.environ.get(WORKERS) or self.config.workers) or pool.default_workers()
        with Phase(log, "render", total=len(speeches), unit="speeches") as phase:
            keys, todo = {}, []
            for speech in speeches:
                key = self.cache.rendered_key(speech, site, _target_speech)
                keys[speech.id] = key
                found = self.cache.get("rendered", key) if key else None
                if isinstance(found, pool.Rendered):
                    job.replay(speech, found)
                    state.rendered.keep(speech.id, key)  # on disk, read again when MkDocs asks for the page
                    phase.advance()
                else:
                    todo.append(speech)

            def keep(ident: str, rendered: pool.Rendered) -> bool:
                """Each new content goes to the build cache as it arrives, and is read again when MkDocs asks."""
                key = keys[ident]
                if key and self.cache.put("rendered", key, rendered):
                    state.rendered.keep(ident, key)
                    return True
                return False

            held = pool.render_speeches(job, todo, workers, phase.advance, keep)
            state.rendered.update(held)  # those the cache could not keep: held in memory
            phase.note = f"{len(speeches) - len(todo)} from the cache, {len(todo)} rendered by {workers} worker(s)"
        self._reuse_pages(nav, config, files, keys)
        built = len(files.documentation_pages())
        self.pages = Phase(log, "pages", total=built, unit="pages")
        self.pages.note = f"{len(state.reused)} reused, {built} built"
        return nav

    def _reuse_pages(self, nav, config, files: Files, rendered_keys: dict[str, str | None]) -> None:
        """Write each speech page whose key has a kept HTML to site_dir, and hide it from MkDocs' page loops;
        note the key of every other speech page, whose HTML on_post_page keeps for the next build."""
        state = self.state
        assert state is not None
        self.page_keys, self.hidden, self.files = {}, {}, files
        self.shared = ""
        self._forget_content_keys()
        if self.banner:  # the problems at the top of every page: nothing reused, nothing kept
            return
        blocking = reuse.blocking_plugins(config.plugins)
        if blocking:
            log.info(f"every page is built: {', '.join(blocking)} may change any page (see podium.mkdocs.reuse)")
            return
        try:
            self.shared = shared = reuse.shared_key(config, nav, files, self.cache.version)
        except (TypeError, ValueError, RecursionError) as error:  # a configuration value with no stable form
            log.info(f"every page is built: the configuration has no stable key ({error})")
            return
        self.in_nav = {page.file.src_uri for page in nav.pages}
        contributors = [plugin for plugin in config.plugins.values() if hasattr(plugin, "speech_page_parts")]
        for src_uri, speech in state.speeches.items():
            rendered = rendered_keys.get(speech.id)
            file = files.get_file_from_path(src_uri)
            if rendered and file is not None:
                parts = [part for plugin in contributors for part in plugin.speech_page_parts(speech, file.url, config)]
                self._reuse_page(file, reuse.page_key(shared, src_uri, rendered, parts), config)
        # The pages Podium's plugins make from the whole archive (facets, translations side by side, the hubs):
        # each is made of the archive, the configuration and its own generated source, nothing else.
        # What else those pages show that the archive's fingerprint does not hold (the speakers' portraits).
        extra = [part for plugin in config.plugins.values() for part in getattr(plugin, "archive_page_parts", list)()]
        self.archive_parts = extra
        self.around = [plugin for plugin in config.plugins.values() if hasattr(plugin, "generated_page_parts")]
        for file in files.documentation_pages():
            if not reuse.archive_page(file) or file.src_uri in state.speeches:
                continue
            if state.fingerprint is not None:  # the archive unchanged: the page as the last build wrote it
                key = reuse.page_key(shared, file.src_uri, state.fingerprint, [file.content_string, *extra])
                self._reuse_page(file, key, config)
            if file.src_uri not in state.reused and self._reusable(file):
                self.by_content.add(file.src_uri)  # else keyed by its content once it is made (`_shelve`)

    def _reuse_page(self, file: File, key: str, config) -> None:
        """Write the page kept under `key` to site_dir and hide it from MkDocs' page loops; or, when none is kept,
        note its key for on_post_page."""
        assert self.state is not None
        destination = Path(config.site_dir) / file.dest_uri
        if not self._reusable(file):
            return
        if self.cache.has_page(key) and self.cache.place_page(key, destination):
            self.hidden[file.src_uri] = file.inclusion
            file.inclusion = InclusionLevel.EXCLUDED  # out of MkDocs' page loops (never a warning)
            if file.page is None:
                Page(None, file, config)  # for the sitemap, which still lists it (on_template_context)
            self.state.reused[file.src_uri] = ReusedPage(destination, key)
        else:
            self.page_keys[file.src_uri] = key

    def _reusable(self, file: File) -> bool:
        """Whether a page may be written from the cache: not a page of the navigation (its title shows on every
        page once MkDocs has read it), and one this build includes."""
        return file.src_uri not in self.in_nav and file.inclusion.is_included()

    def _forget_content_keys(self) -> None:
        """A new build, or none: a page written later (one speech page under `podium serve`) is never keyed by
        its content or placed."""
        self.by_content, self.content_keys, self.placed = set(), {}, {}

    def speech_page_parts(self, speech: Speech, url: str, config) -> list[str]:
        """What this plugin adds to a speech page beyond its content: the language and the page's table of
        contents come from the transcript, already in the rendered key; the banner turns reuse off."""
        return []

    def on_template_context(self, context, template_name, config):
        """The sitemap lists every page, the reused ones too, in MkDocs' order (as a build of every page does)."""
        if template_name == "sitemap.xml" and self.hidden and self.files is not None:
            hidden = self.hidden
            context["pages"] = [
                file
                for file in self.files
                if file.is_documentation_page() and hidden.get(file.src_uri, file.inclusion).is_included()
            ]
        return context

    def on_page_markdown(self, markdown, page, config, files):
        speech = self.state.speech(page)
        if speech is None:
            return markdown
        # Material prints page.meta title and description unescaped (in <title>, the header, a meta tag):
        # it gets them escaped, since a transcript's front matter is untrusted.
        page.meta["title"] = html.escape(speech.meta.title)
        if speech.meta.summary:
            page.meta["description"] = html.escape(speech.meta.summary)
        page.edit_url = self._edit_url(speech, config)
        return ""

    def _place_content(self, html, page, config, files):
        state, here = self.state, links(page, config)
        speech = state.speech(page)
        if speech is not None:
            if speech.sections:  # MkDocs made the TOC from the empty Markdown; Material's sidebar reads this one
                page.toc = speech_toc(speech)
            ready = state.rendered.get(speech.id)
            if isinstance(ready, pool.Rendered):
                return ready.html
            return render.render_speech(speech, state.archive.registry, here, page.edit_url, state.renderer)
        speeches = state.archive.speeches
        if HOME_MARK in html:
            html = html.replace(
                HOME_MARK, render.render_home_summary(speeches, state.archive.registry, here, self.config.latest)
            )
        if INDEX_MARK in html:
            shown = speeches[: self.config.index_size]
            more = len(speeches) - len(shown)
            note = (
                "<p>"
                + i18n.translate("The {shown} newest of {total} speeches.", shown=len(shown), total=len(speeches))
                + "</p>"
                if more
                else ""
            )  # numbers only
            html = html.replace(INDEX_MARK, note + render.render_speech_list(shown, state.archive.registry, here))
        return html

    @event_priority(-1000)  # last: the content as every plugin left it
    def _shelve(self, html, page, config, files):
        """MkDocs makes every page's content before it writes the first page: the contents of Podium's pages
        (every speech's, the facets') wait on disk meanwhile, not in memory (podium.build.shelf)."""
        if self.state is not None and (self.state.speech(page) is not None or reuse.archive_page(page.file)):
            src_uri = page.file.src_uri
            if src_uri in self.by_content:
                parts = [part for plugin in self.around for part in plugin.generated_page_parts(page, config)]
                key = reuse.content_key(self.shared, page, html, [*parts, *self.archive_parts])
                destination = Path(config.site_dir) / page.file.dest_uri
                if self.cache.has_page(key) and self.cache.place_page(key, destination):
                    self.placed[src_uri] = key  # out of MkDocs' page loops in on_env
                    return ""
                self.content_keys[src_uri] = key
            self.shelf.put(src_uri, html)
            return ""
        return html

    on_page_content = CombinedEvent(_place_content, _shelve)

    @event_priority(100)  # first: every plugin's on_page_context and the template see the content
    def on_page_context(self, context, page, config, nav):
        content = self.shelf.take(page.file.src_uri)
        if content is not None:
            page.content = content
        return context

    def _on_post_page(self, output, page, config):
        if self.pages is not None:
            self.pages.advance()
        if self.banner:
            output = re.sub(
                r"(<body[^>]*>)", lambda m: m.group(1) + render.render_problems_banner(self.banner), output, count=1
            )
        speech = self.state.speech(page)
        if speech is not None:  # the transcript's language, also in an archive whose interface is in another
            output = render.with_language(output, speech.meta.language)
        return output

    @event_priority(-90)  # after every plugin's own changes, before the page is kept (-100) and written
    def _compact_page(self, output, page, config):
        return compact(output)  # the blank lines and indentation between tags, once per page

    @event_priority(-100)  # last: the page as every plugin left it, as MkDocs writes it
    def _keep_page(self, output, page, config):
        key = self.page_keys.get(page.file.src_uri)
        if key is not None:
            self.cache.put_page(key, output.encode("utf-8", errors="xmlcharrefreplace"))
        if (by_content := self.content_keys.get(page.file.src_uri)) is not None:
            if key is not None:
                self.cache.link_page(key, by_content)
            else:
                self.cache.put_page(by_content, output.encode("utf-8", errors="xmlcharrefreplace"))
        if self.state is not None and (self.state.speech(page) is not None or reuse.archive_page(page.file)):
            # MkDocs keeps every page's content to the end of the build (about 45 KB a speech); nothing reads a
            # speech's or facet's page after it is written (anchor checks use its anchor ids): the memory goes back.
            page.content = None
        return output

    on_post_page = CombinedEvent(_on_post_page, _compact_page, _keep_page)

    @event_priority(100)  # first: the pages are written; the other plugins' on_post_build wait for exports, search
    def on_post_build(self, config) -> None:
        self.shelf.close()
        self._forget_content_keys()
        render.use_environment(None)  # a later render outside this site (a test, the CLI) gets the package's
        if self.pages is not None:
            with self.pages:
                pass  # its log line: every page written
            self.pages = None
        if self.files is not None:  # the reused pages are the site's again, for whoever looks at `files` next
            for file in self.files:
                if file.src_uri in self.hidden:
                    file.inclusion = self.hidden[file.src_uri]
            self.files = None
        if not self.serving:
            self.cache.prune()  # the entries of transcripts and pages that are gone

    def on_shutdown(self) -> None:
        """After every plugin's on_post_build (podium-cite writes the data files there where it cannot fork): a
        later build in this process, of another site, starts in English."""
        i18n.use(None)

    def on_build_error(self, error) -> None:
        self.shelf.close()
        self._forget_content_keys()
        render.use_environment(None)
        self.pages = None

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.speeches_dir))
        server.watch(str(PACKAGE))
        return server

    def _keep_last_good(self, archive: archives.Archive) -> None:
        """Under `mkdocs serve`, a transcript saved with an error keeps its last good page until it is fixed,
        while the error shows at the top of every page: the speech as it last loaded stays in the archive."""
        errors = {problem.path for problem in archive.problems.errors}
        loaded = {speech.id for speech in archive.speeches}
        kept = [
            speech
            for speech in self.last_good.values()
            if speech.id not in loaded and speech.path in errors and (self.root / speech.path).is_file()
        ]
        if kept:
            archive.speeches = sorted([*archive.speeches, *kept], key=lambda s: (s.meta.date, s.id), reverse=True)
            archive.__dict__.pop("by_id", None)  # a cached property, computed before from the speeches that loaded
            for speech in kept:
                self.cache.transcripts.pop(speech.id, None)  # its page is not the file's: never cached under its key
            log.info(f"kept the last good page of {', '.join(speech.path for speech in kept)} until it is fixed")
        self.last_good = {speech.id: speech for speech in archive.speeches}

    def _edit_url(self, speech, config) -> str | None:
        if not config.repo_url:
            return None
        edit_uri = self.config.edit_uri
        if edit_uri is None:
            if not config.edit_uri:
                return None
            edit_uri = config.edit_uri.rstrip("/")
            docs = Path(config.docs_dir).name
            edit_uri = edit_uri[: -len(docs)] if edit_uri.endswith(docs) else edit_uri + "/"
        # Material prints page.edit_url raw into href="...": the file's path is percent-encoded, so no name can
        # close the attribute (the check refuses such names anyway; this holds even if one slips through).
        return config.repo_url.rstrip("/") + "/" + edit_uri.strip("/") + "/" + quote(speech.path, safe="/")


def _target_speech(written: str, here: str) -> str | None:
    """The speech an inline reference `[[written]]` in speech `here` points at, None for a speaker or nothing."""
    target = Target.parse(written, here=here)
    return target.speech if target is not None else None


def _log_problems(problems: Iterable[Problem]) -> None:
    """Every problem through MkDocs' logger, sorted: the errors in one block, as `podium check` prints them
    (any error aborts the build), then one warning each, so that `mkdocs build --strict` counts and fails on
    them; `mkdocs build -q` silences the warnings as it silences MkDocs' own."""
    ordered = sorted(set(problems))
    errors = [problem.format() for problem in ordered if problem.is_error]
    if errors:
        log.error("\n".join(errors))
    for problem in ordered:
        if not problem.is_error:
            log.warning(problem.format())
    if ordered:
        log.info(format_report(ordered).rsplit("\n", 1)[-1])  # the report's count line: "0 errors, 2 warnings"


def _code_stamp() -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in PACKAGE.rglob("*.py")))


def _reload_core() -> None:
    """Reload every loaded core module (not the MkDocs adapters, whose objects MkDocs holds).

    Two passes: the second rebinds names that modules took from each other with `from x import y` in the
    first, so the order of reloading does not matter.
    """
    names = [
        name
        for name in sys.modules
        if name.startswith("podium.") and not name.startswith(("podium.mkdocs", "podium.__main__"))
    ]
    for _ in range(2):
        for name in names:
            importlib.reload(sys.modules[name])
