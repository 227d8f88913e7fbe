"""The edit loop: one full build kept in memory, then one page rewritten per saved transcript.

`podium serve` builds the whole site once, in this process, the way `mkdocs serve` does (the plugins see a
`serve` build), into a folder that MkDocs' own live-reload server serves. It keeps what that build made: the
config with its plugin objects and their state (the `podium` plugin's archive, speeches, renderer), the files,
the navigation and the theme's Jinja environment. When the file watcher reports a change, `LiveSite.update`
compares a stat snapshot of the sources with the last one:

- only transcripts that already have a page changed: each is loaded and checked alone with every feature's
  check, against the registries already loaded (podium.mkdocs.live.check), the live `Speech` takes its new
  fields in place, and MkDocs' own `_populate_page` and `_build_page` rewrite its page alone, with every
  plugin's page events (a few tenths of a second at 10,000 speeches). A file with an error keeps its last good page,
  which shows the problems at its top (`path:line:col: error: ...`), and the terminal says so.
- anything else (a new or deleted transcript, a registry, docs/, mkdocs.yml, Podium's own code): the whole site
  is built again, as `mkdocs serve` does on every change.

After a fast update the rest of the site is stale (the speaker's and topic's pages, the search index, other
pages' backlinks): a `BackgroundBuild` builds it all again in a child process, and when it is done its folder
is swapped in (the served folder is a symbolic link, repointed at once) and the pages of the saves it did not
see are written again on top. A save while it runs does not restart it: under steady editing a build that
restarts on every save would never finish; one more runs after it instead.

    site = LiveSite(Tool.named("mkdocs"), dev_addr="127.0.0.1:8000")
    site.serve()     # until Ctrl+C
"""

from __future__ import annotations

import ctypes
import gc
import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from podium.core.archive import display_path
from podium.core.problems import Problem, Problems, format_report
from podium.core.settings import CONFIG_FILE
from podium.mkdocs import configcheck
from podium.mkdocs.live.background import BackgroundBuild, Finished
from podium.mkdocs.live.check import check_saved
from podium.mkdocs.live.snapshot import Changes, Snapshot
from podium.mkdocs.live.tool import Tool
from podium.mkdocs.plugin import PACKAGE, PodiumPlugin, PodiumState
from podium.render import i18n
from podium.render import pages as render

log = logging.getLogger("mkdocs.plugins.podium.live")

# More saved transcripts at once than this (a search and replace over the archive) rebuild the whole site.
MOST_AT_ONCE = 50


class _Recorder:
    """Keeps what MkDocs' build made and forgets at its end: its files, navigation and Jinja environment, and
    the rendering globals Podium's plugins set for the build (the site's template environment, the language).

    Registered as one more plugin for each build; its hooks run last (lowest priority)."""

    def __init__(self) -> None:
        self.files: Any = None
        self.nav: Any = None
        self.env: Any = None
        self.templates: Any = None
        self.language = i18n.current()

    def on_nav(self, nav, config, files):
        self.nav, self.files = nav, files
        return nav

    def on_pre_template(self, template, template_name, config):
        """The theme's own templates (404.html, sitemap.xml) render after every plugin's on_env, through the
        environment the pages use. Not on_env itself: that is a page hook, which would turn page reuse off
        (podium.mkdocs.reuse)."""
        self.env, self.templates, self.language = template.environment, render.environment(), i18n.current()
        return template

    on_nav.mkdocs_priority = -100  # type: ignore[attr-defined]
    on_pre_template.mkdocs_priority = -100  # type: ignore[attr-defined]


class LiveSite:
    """The served site, its last full build, and the pages rewritten since."""

    def __init__(self, tool: Tool, dev_addr: str | None = None) -> None:
        self.tool = tool
        self.root = Path.cwd()
        self.dev_addr = dev_addr
        self.folder = Path(tempfile.mkdtemp(prefix="podium-serve-"))
        self.served = self.folder / "site"
        """What the server serves: a symbolic link to the folder of the last whole build."""
        try:
            self._start(tool)
        except BaseException:  # Ctrl+C or `kill` while MkDocs loads: nothing left behind
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def _start(self, tool: Tool) -> None:
        first = self.folder / "site-0"
        first.mkdir()
        self._point_at(first)
        self.recorder = _Recorder()
        self.config = self._load_config()
        self.config.plugins.on_startup(command="serve", dirty=False)
        host, port = self.config.dev_addr
        self.mount_path = urlsplit(self.config.site_url or "/").path
        self.serve_url = tool.livereload._serve_url(host, port, self.mount_path)
        self.config.site_url = self.serve_url
        self.server = tool.livereload.LiveReloadServer(
            builder=self.update, host=host, port=port, root=str(self.served), mount_path=self.mount_path
        )
        self.server.error_handler = self._error_page
        self.background = BackgroundBuild(tool, self.root, self.serve_url, self.folder, self._poke)
        self.pending = False
        """A save came while the background build ran: one more runs after it."""
        self.snapshot = Snapshot({})
        self.problems: dict[str, list[Problem]] = {}
        """Every problem of the archive as last seen, by the path it is in."""
        self.generation = 0
        """Fast updates so far; a background build knows the generation it started at."""
        self.updated: dict[str, int] = {}
        """The generation of each page's last fast update, by `src_uri`."""

    # -- the loop ------------------------------------------------------------------------------------------------

    def serve(self) -> None:
        """Build everything, then serve and follow the sources until Ctrl+C."""
        config = self.config
        try:
            self.full_build(config)
            for path in self.sources():
                self.server.watch(str(path))
            self.server = config.plugins.on_serve(self.server, config=config, builder=self.update)
            try:
                self.server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                self.server.shutdown()
        finally:
            self.background.cancel()
            self.config.plugins.on_shutdown()
            shutil.rmtree(self.folder, ignore_errors=True)

    def update(self) -> None:
        """The server's builder, run after a change (or a finished background build): the least that brings the
        served site up to date. The server reloads the browsers when it returns."""
        finished = self.background.take()
        now = Snapshot.take(self.sources())
        changes = now.changes(self.snapshot)
        why = self._needs_full(changes)
        if why and (broken := self._config_problems()):
            # MkDocs would stop on it, and the preview would hang until it is fixed: the last good site stays
            # served, and the next save builds it again.
            log.error(broken)
            log.error(f"{CONFIG_FILE} has errors: the last good site is served until they are fixed")
            return
        if why:
            log.info(f"{why}: building the whole site")
            self.background.cancel()
            self.full_build()
            self._tidy()
            return
        self.snapshot = now
        if finished is not None:
            self._take(finished)
        if changes.modified:
            try:
                self._fast(changes.modified)
            except Exception as error:  # a bug here must not stop the preview: the slow way is always right
                log.warning(f"the quick update failed ({type(error).__name__}: {error}); building the whole site")
                self.background.cancel()
                self.full_build()
                self._tidy()
                return
            self._bring_up_to_date()
        elif finished is not None and self.pending:
            self._bring_up_to_date()

    def full_build(self, config: Any = None) -> None:
        """A whole `serve` build into the served folder, as `mkdocs serve` does on every change."""
        self.snapshot = Snapshot.take(self.sources())  # before: a save during the build is seen after it
        config = config if config is not None else self._load_config()
        config.site_url = self.serve_url
        self.tool.build.build(config, serve_url=self.serve_url)
        self.config = config
        self.pending, self.updated = False, {}
        state = self._state()
        self.problems = {}
        for problem in state.archive.problems if state is not None else ():
            self.problems.setdefault(problem.path, []).append(problem)
        self._forget_content()

    # -- one transcript's page -----------------------------------------------------------------------------------

    def _fast(self, paths: set[Path]) -> None:
        started = time.perf_counter()
        podium, state = self._podium(), self._state()
        assert podium is not None and state is not None  # _needs_full said so
        uris = {speech.path: uri for uri, speech in state.speeches.items()}
        shown = {display_path(path, self.root): path for path in paths}
        known = self.snapshot.stems(self.root / podium.config.speeches_dir, ".md")
        loaded = check_saved(self.root, paths, state.archive.registry, known, podium.config.settings)
        fresh = {speech.path: speech for speech in loaded.speeches}
        for path in shown:
            self.problems[path] = [problem for problem in loaded.problems if problem.path == path]
        every = [problem for found in self.problems.values() for problem in found]
        podium.banner = format_report(every) if any(problem.is_error for problem in every) else ""
        self.generation += 1
        for path in sorted(shown):
            uri, errors = uris[path], [problem for problem in self.problems[path] if problem.is_error]
            if errors or path not in fresh:
                log.error(format_report(self.problems[path]))
                log.info(f"{path} has errors: its last good page stays, with the problems at its top")
            else:
                for problem in self.problems[path]:
                    log.warning(problem.format())
                self._replace(state, uri, fresh[path])
            self._write_page(uri)
            self.updated[uri] = self.generation
        log.info(f"updated {', '.join(sorted(shown))} in {time.perf_counter() - started:.1f} s")

    def _replace(self, state: PodiumState, uri: str, speech) -> None:
        """The saved text in the live state. The old `Speech` object takes the new one's fields in place: every
        plugin that kept it (a translation's group of versions, a facet's rows, the cross-link index) then
        shows the saved text where it shows the speech, and what it compares by identity (the version being
        read, in the language switcher) still holds. Their other state (counts, backlinks) waits for the
        background build."""
        old = state.speeches[uri]
        dated = old.meta.date != speech.meta.date
        vars(old).clear()
        vars(old).update(vars(speech))
        if dated:
            state.archive.speeches.sort(key=lambda s: (s.meta.date, s.id), reverse=True)
        state.rendered.pop(speech.id, None)  # the plugin renders what it does not find here

    def _write_page(self, uri: str) -> None:
        """One page through MkDocs' own steps and every plugin's page events, with the last build's navigation and
        environment, written into the served folder."""
        recorder, config = self.recorder, self.config
        file = recorder.files.get_file_from_path(uri)
        if file.page is None:  # a page the last build reused (podium.mkdocs.reuse): MkDocs made no Page for it
            self.tool.pages.Page(None, file, config)
        language = i18n.current()
        render.use_environment(recorder.templates)
        i18n.use(recorder.language)
        try:
            self.tool.build._populate_page(file.page, config, recorder.files)
            pages = recorder.files.documentation_pages(inclusion=self.tool.files.InclusionLevel.is_in_serve)
            self.tool.build._build_page(file.page, config, pages, recorder.nav, recorder.env)
        finally:
            render.use_environment(None)
            i18n.use(language)
            file.page.content = None  # the page is written: its HTML need not stay in memory

    # -- the background build ------------------------------------------------------------------------------------

    def _bring_up_to_date(self) -> None:
        if self.background.running:
            self.pending = True
            return
        self.pending = False
        self.background.start(self.generation)

    def _take(self, finished: Finished) -> None:
        """Serve a finished background build, with the pages of the saves it did not see written on top."""
        if finished.status != 0:
            log.warning(f"the background build failed (see {finished.log}); the rest of the site stays as it was")
            self._tidy()
            return
        self._point_at(finished.site)
        self._tidy()
        kept = {path for path, found in self.problems.items() if any(problem.is_error for problem in found)}
        state = self._state()
        again = {uri for uri, generation in self.updated.items() if generation > finished.generation}
        if state is not None:
            again |= {uri for uri, speech in state.speeches.items() if speech.path in kept}
        for uri in sorted(again):
            self._write_page(uri)
        self.updated = {uri: gen for uri, gen in self.updated.items() if gen > finished.generation}
        log.info(f"the rest of the site is up to date (built in the background in {finished.seconds:.0f} s)")

    def _poke(self) -> None:
        """Wake the server's build loop as a file change does (MkDocs 1.6.1's frozen internals: no public call)."""
        with self.server._rebuild_cond:
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()

    def _tidy(self) -> None:
        """Delete every build folder but the served one (a swapped-out or cancelled build), without waiting."""
        served = self.served.resolve()
        old = [path for path in self.folder.glob("*-*") if path.is_dir() and path.resolve() != served]
        threading.Thread(target=_remove, args=(old,), daemon=True).start()

    def _point_at(self, folder: Path) -> None:
        """Serve `folder` from now on: the link is replaced at once, so no request sees half of either."""
        link = self.folder / "site.next"
        link.unlink(missing_ok=True)
        link.symlink_to(folder)
        link.replace(self.served)

    # -- what the build is made of -------------------------------------------------------------------------------

    def sources(self) -> list[Path]:
        """What a site is built from: mkdocs.yml, docs/, the transcripts and registries, the site's theme
        overrides, what mkdocs.yml asks to watch, and Podium's own code."""
        config, podium = self.config, self._podium()
        paths = [Path(config.config_file_path), Path(config.docs_dir), PACKAGE]
        if podium is not None:
            paths.append(self.root / podium.config.speeches_dir)
        if config.theme.custom_dir:
            paths.append(Path(config.theme.custom_dir))
        paths.extend(Path(path) for path in config.watch)
        return list(dict.fromkeys(path.absolute() for path in paths))

    def _needs_full(self, changes: Changes) -> str:
        """Why this change needs the whole site built again; "" when its transcripts' pages are enough."""
        if changes.added:
            return f"{self._shown(min(changes.added))} was added"
        if changes.removed:
            return f"{self._shown(min(changes.removed))} was deleted"
        if len(changes.modified) > MOST_AT_ONCE:
            return f"more than {MOST_AT_ONCE} files changed"
        podium, state = self._podium(), self._state()
        if podium is None or state is None or self.recorder.env is None:
            return "a file changed"
        speeches = self.root / podium.config.speeches_dir
        paths = {speech.path for speech in state.speeches.values()}
        for path in changes.modified:
            if path.suffix != ".md" or not path.is_relative_to(speeches):
                return f"{self._shown(path)} changed"
            if display_path(path, self.root) not in paths:
                return f"{self._shown(path)} has no page yet"
        return ""

    def _shown(self, path: Path) -> str:
        """A path as the editor knows it: relative to the archive when inside it (Podium's code is not)."""
        return display_path(path, self.root) if path.is_relative_to(self.root) else str(path)

    def _config_problems(self) -> str:
        """mkdocs.yml's errors, each at its line, as `podium serve` reports them before it starts; "" if none."""
        problems = configcheck.site_problems(self.root, self.tool.name, strict=False)
        return format_report(Problems(problems.errors)) if problems.errors else ""

    def _load_config(self) -> Any:
        options = {"site_dir": str(self.served)}
        if self.dev_addr:
            options["dev_addr"] = self.dev_addr
        config = self.tool.load_config(**options)
        config.plugins["podium-live"] = self.recorder
        return config

    def _podium(self) -> PodiumPlugin | None:
        plugin = self.config.plugins.get("podium")
        return plugin if isinstance(plugin, PodiumPlugin) else None

    def _state(self) -> PodiumState | None:
        podium = self._podium()
        return podium.state if podium is not None else None

    def _forget_content(self) -> None:
        """What the build no longer needs in memory: each page's HTML outside the navigation (written already),
        and the speech pages' rendered content (the plugin renders a page again when it is not there)."""
        state = self._state()
        if state is not None:
            state.rendered.clear()
        pages = {id(page) for page in self.recorder.nav.pages} if self.recorder.nav is not None else set()
        for file in self.recorder.files.documentation_pages() if self.recorder.files is not None else ():
            if file.page is not None and id(file.page) not in pages:
                file.page.content = None
        gc.collect()
        _give_back_memory()

    def _error_page(self, code: int) -> bytes | None:
        """The site's own 404 page for a missing address, as `mkdocs serve` answers."""
        page = self.served / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _remove(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _give_back_memory() -> None:
    """Return the build's freed memory to the system (glibc keeps it in the process otherwise): the serving
    process then holds about one archive's state, not the build's peak."""
    try:
        ctypes.CDLL(None).malloc_trim(0)  # the process's own symbols: glibc's, where it is the C library
    except (OSError, AttributeError, TypeError):  # not glibc: the memory stays reusable by this process
        pass
