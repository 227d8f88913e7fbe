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
transcripts, the registries and the plugin's own code, and reloads the core when that code changes.

No page asks another host for anything by default: `on_config` turns Material's Google Fonts off (system
fonts) unless the site names a font in `theme.font`, and Podium's `partials/source.html` shows the repository
link without Material's call to the GitHub API unless `extra: {repository_stats: true}` asks for stars and forks.

Every Podium plugin takes MkDocs' own `enabled` option: `podium-cite: {enabled: false}` turns that plugin
off (none of its hooks run). The other Podium plugins need `podium` itself enabled.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

import podium
from podium import features
from podium.core import archive as archives
from podium.core.problems import Problem, format_report
from podium.core.speech import Speech
from podium.core.urls import source, speech_path
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import links, speech_toc
from podium.mkdocs.settings import Setting, SettingsConfig
from podium.render import i18n
from podium.render import pages as render

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium.css", "podium.js")
HOME_MARK = "<!-- podium:home -->"
INDEX_MARK = "<!-- podium:speech-index -->"


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

    def speech(self, page) -> Speech | None:
        """The speech a page shows, or None for every other page."""
        return self.speeches.get(page.file.src_uri)


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
        use_assets(config, ASSETS)
        # Podium's theme overrides (overrides/partials/...): after the site's own custom_dir, before Material's.
        overrides = str(PACKAGE / "overrides")
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        _no_google_fonts(config.theme)
        return config

    def on_env(self, env, config, files):
        """Material's own pages that Podium overrides (404.html) print Podium's interface strings with `t`."""
        i18n.install(env)
        return env

    @event_priority(50)  # early: the other Podium plugins read `podium_state(config)` in their own on_files
    def on_files(self, files: Files, config) -> Files:
        archive = features.load(self.root, settings=self.config.settings)
        _log_problems(archive.problems)
        # A build with errors never publishes. Under `mkdocs serve` the site stays up instead, built from what
        # did load, with the problems shown at the top of every page until the next good save.
        self.banner = format_report(archive.problems) if not archive.ok and self.serving else ""
        if not archive.ok and not self.serving:
            raise PluginError(
                f"podium: {len(archive.problems.errors)} error(s) in the transcripts or registries "
                "(listed above); nothing was built"
            )
        # Templates render through the theme's environment from here on: the other plugins (facets) load
        # theirs in on_files, before MkDocs' on_env, so the environment is made here from the same theme.
        render.use_environment(render.theme_environment(config.theme.get_env(), config.theme.dirs))
        self.state = state = PodiumState(archive, self.serving)
        for speech in archive.speeches:
            file = File.generated(
                config, source(speech_path(speech.id)), content="", inclusion=InclusionLevel.NOT_IN_NAV
            )
            state.speeches[file.src_uri] = speech
            files.append(file)
        if source("speeches/") not in files.src_uris:
            files.append(File.generated(config, source("speeches/"), content=f"# Speeches\n\n{INDEX_MARK}\n"))
        add_asset_files(files, config, ASSETS)
        return files

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

    def on_page_content(self, html, page, config, files):
        state, here = self.state, links(page, config)
        speech = state.speech(page)
        if speech is not None:
            if speech.sections:  # MkDocs made the TOC from the empty Markdown; Material's sidebar reads this one
                page.toc = speech_toc(speech)
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

    def on_post_page(self, output, page, config):
        if self.banner:
            output = re.sub(
                r"(<body[^>]*>)", lambda m: m.group(1) + render.render_problems_banner(self.banner), output, count=1
            )
        speech = self.state.speech(page)
        if speech is not None and speech.meta.language != "en":
            output = render.with_language(output, speech.meta.language)
        return output

    def on_post_build(self, config) -> None:
        render.use_environment(None)  # a later render outside this site (a test, the CLI) gets the package's

    def on_build_error(self, error) -> None:
        render.use_environment(None)

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.speeches_dir))
        server.watch(str(PACKAGE))
        return server

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
