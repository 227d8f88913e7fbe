"""The whole site, built again in a child process while the preview stays up.

After the edit loop has rewritten a saved transcript's own page, the rest of the site is stale: its speaker's
and topic's pages, the search index, the backlinks in other pages. A `BackgroundBuild` brings them up to date
with one full build, the same build as the first one of `podium serve` (a `serve` build: a transcript with an
error leaves the build going and shows its problems on every page), into a fresh folder beside the served one.
It runs at low priority in its own process group, reads and fills the same build cache (`.cache/podium/`), and
never blocks the next save: the loop swaps its folder in when it is done (see podium.mkdocs.live.loop).

    background = BackgroundBuild(tool, root, "http://127.0.0.1:8000/", Path("/tmp/podium-serve-x"), poke)
    background.start(generation=3)       # returns at once; `poke()` runs when the child exits
    ...
    finished = background.take()         # Finished(status=0, site=Path('.../site-2'), generation=3, ...)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from podium.mkdocs.live.tool import Tool, use_logging

LOG = "background.log"


@dataclass(frozen=True)
class Finished:
    status: int
    """The child's exit status: 0 when `site` holds a whole site."""
    site: Path
    generation: int
    """The edit loop's count of fast updates when the child started: later ones are not in `site`."""
    seconds: float
    log: Path


class BackgroundBuild:
    """At most one child building the whole site at a time; the last one's result until the loop takes it."""

    def __init__(self, tool: Tool, root: Path, site_url: str, folder: Path, done: Callable[[], None]) -> None:
        self.tool, self.root, self.site_url, self.folder, self.done = tool, root, site_url, folder, done
        self.process: subprocess.Popen | None = None
        self.finished: Finished | None = None
        self.lock = threading.Lock()
        self.count = 0

    @property
    def running(self) -> bool:
        return self.process is not None

    def start(self, generation: int) -> None:
        """Build the whole site into a new folder; `done()` is called from another thread when the child exits."""
        self.cancel()
        self.count += 1
        site = self.folder / f"background-{self.count}"
        log = self.folder / LOG
        command = [
            sys.executable,
            "-m",
            "podium.mkdocs.live",
            "background",
            "--tool",
            self.tool.name,
            "--site-url",
            self.site_url,
            "--site-dir",
            str(site),
            "--parent",
            str(os.getpid()),
        ]
        with open(log, "wb") as output:
            process = subprocess.Popen(
                command, cwd=self.root, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )
        with self.lock:
            self.process, self.finished = process, None
        started = time.perf_counter()
        threading.Thread(target=self._wait, args=(process, site, generation, started, log), daemon=True).start()

    def _wait(self, process: subprocess.Popen, site: Path, generation: int, started: float, log: Path) -> None:
        status = process.wait()
        with self.lock:
            if self.process is not process:  # cancelled: nobody wants this one
                return
            self.process = None
            self.finished = Finished(status, site, generation, time.perf_counter() - started, log)
        self.done()

    def take(self) -> Finished | None:
        """The build that finished since the last call, if any (the loop swaps it in, or drops it)."""
        with self.lock:
            finished, self.finished = self.finished, None
        return finished

    def cancel(self) -> None:
        """Stop the running child and its workers (its whole process group); forget a finished one."""
        with self.lock:
            process, self.process, self.finished = self.process, None, None
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            except ProcessLookupError:
                pass


def build_site(tool: Tool, site_dir: Path, site_url: str, parent: int) -> int:
    """The child's side: one `serve` build of the archive in the working directory into `site_dir`; 0 if done.

    It yields the processor to the edit loop (nice 10), and ends with its workers if the serving process dies.
    """
    os.nice(10)
    _end_with(parent)
    use_logging(tool)
    config = tool.load_config(site_dir=str(site_dir), site_url=site_url)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        config.site_url = site_url
        tool.build.build(config, serve_url=site_url)
    except Exception:  # any failure is reported by the exit status; the log has the trace
        traceback.print_exc()
        return 1
    finally:
        config.plugins.on_shutdown()
    return 0


def _end_with(parent: int) -> None:
    """Stop this build (and the render workers it forks) once the serving process is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os.killpg(os.getpgid(0), signal.SIGKILL)

    threading.Thread(target=watch, daemon=True).start()
