"""Pagefind in bounded processes: a new Pagefind process every `shard_size` speeches, their bundles joined.

Pagefind's memory grows with the words it has read until it writes its bundle (measured: about 0.6 MB per
2,000-word transcript, 5.4 GB at 10,000 speeches; the number of filters, anchors or languages barely
matters). So `ShardedIndex` sends pages to one `StreamingIndex` until it holds `shard_size` speeches, lets
it write its bundle to a work folder in the background while the next process takes the next pages, and
at the end joins the bundles into one (`podium.search.merge`): the search page loads one index, as before.

At most two Pagefind processes run at once, one writing and one reading, so the peak memory of indexing is
that of one shard's write plus a few pages, whatever the size of the archive. The facet pages (a heading
and a description each) travel with the speeches and do not count.

    index = ShardedIndex(StreamingIndex, shard_size=500)
    index.add(html, "/speeches/a/", speech=True)
    run = index.finish(Path("site/pagefind"))  # ShardRun(shards=1, ...)
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from podium.search.lead import LeadSizes
from podium.search.merge import merge_bundles

# Speeches per Pagefind process: about 350 MB at its peak for 2,000-word transcripts, which leaves the MkDocs
# process its 1 GB within a 1.5 GB budget for the whole build.
SHARD_SIZE = 500


@dataclass
class ShardRun:
    """What indexing in shards did: how many, each Pagefind process's report, the time spent joining."""

    shards: int
    reports: list
    merge_seconds: float


class Indexer(Protocol):
    """What a shard needs of a Pagefind process (`podium.search.index.StreamingIndex`)."""

    def add(self, html: str, url: str) -> None: ...

    def finish(self, bundle: Path) -> Any: ...

    def close(self) -> Any: ...


def shard_count(speeches: int, shard_size: int) -> int:
    """How many Pagefind processes index `speeches` speeches.

    >>> shard_count(10_000, 500), shard_count(500, 500), shard_count(501, 500), shard_count(0, 500)
    (20, 1, 2, 1)
    """
    return max(1, -(-speeches // shard_size))


class ShardedIndex:
    def __init__(
        self, start: Callable[[], Indexer], shard_size: int = SHARD_SIZE, lead: LeadSizes | None = None
    ) -> None:
        if shard_size < 1:
            raise ValueError("shard_size must be at least 1")
        self.start = start
        self.shard_size = shard_size
        self.lead = lead  # which words get a lead when the shards are joined (podium.search.lead)
        # The first process starts now, so a missing Pagefind binary is reported before the build renders.
        self.current: Indexer | None = start()
        self.work = Path(tempfile.mkdtemp(prefix="podium-pagefind-"))
        self.speeches = 0  # in the current shard
        self.bundles: list[Path] = []
        self.reports: list = []
        self.errors: list[BaseException] = []
        self.writer: threading.Thread | None = None  # the shard writing its bundle, if any
        self.started = time.perf_counter()

    def add(self, html: str, url: str, speech: bool = True) -> None:
        """Queue one page; a speech page counts towards the shard's size."""
        if self.current is None:
            self.current = self.start()
        self.current.add(html, url)
        if speech:
            self.speeches += 1
            if self.speeches >= self.shard_size:
                self._write_current()

    def finish(self, bundle: Path) -> ShardRun:
        """Write the last shard, wait for all, join them into `bundle` (replacing an old one).

        Raises what a shard raised (the first one), or `MergeError`.
        """
        merge_seconds = 0.0
        try:
            if self.current is not None or not self.bundles:
                if self.current is None:
                    self.current = self.start()
                self._write_current()
            self._wait()
            if self.errors:
                raise self.errors[0]
            if len(self.bundles) == 1:
                if bundle.exists():
                    shutil.rmtree(bundle)
                shutil.move(str(self.bundles[0]), bundle)
            else:
                merging = time.perf_counter()
                merge_bundles(self.bundles, bundle, lead=self.lead)
                merge_seconds = time.perf_counter() - merging
        finally:
            self.close()
        return ShardRun(len(self.bundles), self.reports, merge_seconds)

    def close(self) -> None:
        """Stop every Pagefind process (also after a failed build) and remove the work folder."""
        if self.current is not None:
            current, self.current = self.current, None
            current.close()
        self._wait()
        shutil.rmtree(self.work, ignore_errors=True)

    def _write_current(self) -> None:
        # One shard writes at a time: the previous one must be done before this one starts writing, so no
        # more than two processes are alive (this one writing, the next one reading pages).
        self._wait()
        index, self.current = self.current, None
        self.speeches = 0
        if index is None:
            return
        path = self.work / f"shard-{len(self.bundles)}"
        self.bundles.append(path)

        def write() -> None:
            try:
                self.reports.append(index.finish(path))
            except BaseException as error:  # noqa: BLE001 - raised again by finish()
                self.errors.append(error)

        self.writer = threading.Thread(target=write, name=f"pagefind-{path.name}", daemon=True)
        self.writer.start()

    def _wait(self) -> None:
        if self.writer is not None:
            self.writer.join()
            self.writer = None
