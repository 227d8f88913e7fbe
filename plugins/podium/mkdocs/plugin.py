"""The `podium` MkDocs plugin: glue between MkDocs and the core.

At `on_files` it loads and checks the archive (our strict loader, not MkDocs' meta parser) and aborts the
build on any error, `--strict` or not. It then adds one virtual page per transcript at /speeches/<id>/
and the /speeches/ hub. At `on_page_content` it replaces each of those pages' content with the core's
rendering, so MkDocs never parses a transcript's front matter. `on_post_page` gives the page the
transcript's language in `<html lang>`. Under `mkdocs serve` it watches the transcripts, the registries
and the plugin's own code, and reloads the core when that code changes.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from pathlib import Path

import click
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

import podium
from podium.core import archive as archives
from podium import features
from podium.render import i18n
from podium.render import pages as render
from podium.core.problems import format_report
from podium.core.settings import Settings
from podium.mkdocs.assets import add_asset_files, use_assets

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium.css", "podium.js")
HOME_MARK = "<!-- podium:home -->"
INDEX_MARK = "<!-- podium:speech-index -->"


class PodiumConfig(Config):
    speeches_dir = c.Type(str, default="speeches")
    """Folder of transcripts and registries, relative to mkdocs.yml. Example: `speeches_dir: speeches`"""
    allow_html = c.ListOfItems(c.Type(str), default=[])
    """Raw HTML tags a transcript may use; any other tag is an error. Example: `allow_html: [abbr, sup]`"""
    max_transcript_kb = c.Type(int, default=1024)
    """A larger transcript is an error, not a slow build. Example: `max_transcript_kb: 2048`"""
    max_nesting = c.Type(int, default=32)
    """Brackets nested deeper are an error (they make Markdown slow). Example: `max_nesting: 32`"""
    latest = c.Type(int, default=10)
    """How many speeches the home page lists under "Latest speeches". Example: `latest: 10`"""
    index_size = c.Type(int, default=50)
    """How many speeches the /speeches/ hub lists, newest first. Example: `index_size: 50`"""
    edit_uri = c.Optional(c.Type(str))
    """Where transcripts are edited, relative to `repo_url`, for the "Correct this transcript" link.
    Default: derived from `edit_uri` by dropping the docs folder. Example: `edit_uri: edit/main/`"""
    lint = c.Type(dict, default={})
    """`podium lint`'s rules for this archive (read by the CLI, not the build; see podium.editors.lint).
    Example: `lint: {disable: [long-statement], severity: {double-space: error}}`"""


class PodiumPlugin(BasePlugin[PodiumConfig]):
    def __init__(self) -> None:
        self.archive: archives.Archive | None = None
        self.serving = False
        self.code_stamp = _code_stamp()

    def on_startup(self, *, command, dirty) -> None:
        """Keep one plugin object across `mkdocs serve` rebuilds, so the code stamp survives."""
        self.serving = command == "serve"

    def on_config(self, config):
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
        return config

    @event_priority(50)  # early: other Podium plugins read `self.archive` in their own on_files
    def on_files(self, files: Files, config) -> Files:
        archive = features.load(self.root, settings=Settings.from_options(dict(self.config)))
        report = format_report(archive.problems)
        if report:
            click.echo(report, err=True)
        # A build with errors never publishes. Under `mkdocs serve` the site stays up instead, built from what
        # did load, with the problems shown at the top of every page until the next good save.
        self.banner = report if not archive.ok and self.serving else ""
        if not archive.ok and not self.serving:
            raise PluginError(f"podium: {len(archive.problems.errors)} error(s) in the transcripts or registries "
                              "(listed above); nothing was built")
        self.archive = archive
        self.pages: dict[str, object] = {}
        for speech in archive.speeches:
            file = File.generated(config, f"speeches/{speech.id}.md", content="", inclusion=InclusionLevel.NOT_IN_NAV)
            self.pages[file.src_uri] = speech
            files.append(file)
        if "speeches/index.md" not in files.src_uris:
            files.append(File.generated(config, "speeches/index.md", content=f"# Speeches\n\n{INDEX_MARK}\n"))
        add_asset_files(files, config, ASSETS)
        self.renderer = render.StatementRenderer()
        return files

    def on_page_markdown(self, markdown, page, config, files):
        speech = self.pages.get(page.file.src_uri)
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
        links = render.Links(base=_base(page))
        speech = self.pages.get(page.file.src_uri)
        if speech is not None:
            return render.render_speech(speech, self.archive.registry, links, page.edit_url, self.renderer)
        if HOME_MARK in html:
            html = html.replace(HOME_MARK, render.render_home_summary(
                self.archive.speeches, self.archive.registry, links, self.config.latest))
        if INDEX_MARK in html:
            shown = self.archive.speeches[: self.config.index_size]
            more = len(self.archive.speeches) - len(shown)
            note = "<p>" + i18n.translate("The {shown} newest of {total} speeches.", shown=len(shown),
                                          total=len(self.archive.speeches)) + "</p>" if more else ""  # numbers only
            html = html.replace(INDEX_MARK, note + render.render_speech_list(shown, self.archive.registry, links))
        return html

    def on_post_page(self, output, page, config):
        if self.banner:
            output = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + render.render_problems_banner(self.banner),
                            output, count=1)
        speech = self.pages.get(page.file.src_uri)
        if speech is not None and speech.meta.language != "en":
            output = re.sub(r'<html lang="[^"]*"', f'<html lang="{speech.meta.language}"', output, count=1)
        return output

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
        return config.repo_url.rstrip("/") + "/" + edit_uri.strip("/") + "/" + speech.path


def is_serving(config) -> bool:
    """Whether this build is a `mkdocs serve` (re)build, as the `podium` plugin learned in on_startup.

    For the other Podium plugins, which skip work the preview does not need."""
    plugin = config.plugins.get("podium")
    return bool(getattr(plugin, "serving", False))


def _base(page) -> str:
    """The relative way back to the site root from a page's directory URL, e.g. '../../'."""
    depth = page.url.count("/") if page.url else 0
    return "../" * depth


def _code_stamp() -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in PACKAGE.rglob("*.py")))


def _reload_core() -> None:
    """Reload every loaded core module (not the MkDocs adapters, whose objects MkDocs holds).

    Two passes: the second rebinds names that modules took from each other with `from x import y` in the
    first, so the order of reloading does not matter.
    """
    names = [name for name in sys.modules
             if name.startswith("podium.") and not name.startswith(("podium.mkdocs", "podium.__main__"))]
    for _ in range(2):
        for name in names:
            importlib.reload(sys.modules[name])
