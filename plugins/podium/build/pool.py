"""Render every speech page's content on every core, before the site builder asks for the first page.

A speech page's content (`render.pages.render_speech`: statements through Markdown and the sanitizer, then the
template) is a pure function of the speech and the read-only archive: a worker forked after the archive is
loaded inherits it (nothing is pickled on the way in), renders a share of the speeches and sends back strings.
Output does not depend on the number of workers: each speech is rendered by the same code, and the results
are placed by speech id.

One side effect must survive the fork: the cross-reference feature's resolver of inline `[[target]]` links
remembers which preview cards a page needs. A worker records the targets its renderer resolved
(`Rendered.references`), and `replay` resolves them again in the building process.

    job = Job(archive.registry, renderer, links_of, edit_url_of)
    rendered = render_speeches(job, archive.speeches, workers=2)
    rendered["aif-2025"].html      # '<article class="podium-speech" ...'
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.render.pages import Links, StatementRenderer, render_speech

# Fork, not spawn: a worker starts with the loaded archive and the site's template environment.
FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
CHUNKS_PER_WORKER = 8  # chunks of up to 64 speeches a worker renders before a fresh one takes its place


def default_workers() -> int:
    """One worker per core this process may use (`os.cpu_count()` where affinity is unknown)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Rendered:
    """A speech page's content, and the inline reference targets (as written) its renderer resolved."""

    html: str
    references: tuple[str, ...] = ()


@dataclass
class Job:
    """What every speech is rendered with: read-only for the length of a build."""

    registry: Registry
    renderer: StatementRenderer
    links: Callable[[Speech], Links]
    """The links of the speech's page (relative to it)."""
    edit_url: Callable[[Speech], str | None]

    def render(self, speech: Speech) -> Rendered:
        """One speech's content, recording the inline references the renderer resolved."""
        renderer, resolve = self.renderer, self.renderer.inline_references
        resolved: list[str] = []
        if resolve is not None:

            def recording(written: str, here: str, links: Links):
                made = resolve(written, here, links)
                if made is not None:
                    resolved.append(written)
                return made

            renderer.inline_references = recording
        try:
            html = render_speech(speech, self.registry, self.links(speech), self.edit_url(speech), renderer)
        finally:
            renderer.inline_references = resolve
        return Rendered(html, tuple(dict.fromkeys(resolved)))

    def replay(self, speech: Speech, rendered: Rendered) -> None:
        """Resolve a speech's inline references again here, so the resolver remembers what a worker (or an
        earlier build, from the cache) resolved."""
        resolve = self.renderer.inline_references
        if resolve is None:
            return
        links = self.links(speech)
        for written in rendered.references:
            resolve(written, speech.id, links)


_job: Job | None = None  # the job of the running pool, inherited by its forked workers
_speeches: Sequence[Speech] = ()


def _render_in_worker(indices: range) -> list[tuple[int, Rendered]]:
    assert _job is not None
    return [(index, _job.render(_speeches[index])) for index in indices]


def render_speeches(
    job: Job,
    speeches: Sequence[Speech],
    workers: int,
    done: Callable[[int], None] | None = None,
    keep: Callable[[str, Rendered], bool] | None = None,
) -> dict[str, Rendered]:
    """Each speech's content by speech id, in the order of `speeches`, rendered by `workers` processes: this one
    and `workers - 1` forked (this one alone with 1, with few speeches, or where `fork` is unavailable).
    `done(n)`: n more are ready.

    `keep(speech_id, rendered)` is handed each content as it arrives; those it kept (True: e.g. written to the
    build cache) are left out of the result, so the contents are never all in memory at once."""
    results: dict[str, Rendered] = {}

    def arrived(speech: Speech, rendered: Rendered) -> None:
        if keep is None or not keep(speech.id, rendered):
            results[speech.id] = rendered
        if done:
            done(1)

    if workers <= 1 or FORK is None or len(speeches) < 4 * workers:
        for speech in speeches:
            arrived(speech, job.render(speech))  # the resolver ran here: nothing to replay
        return results
    global _job, _speeches
    _job, _speeches = job, speeches
    references: dict[str, tuple[str, ...]] = {}

    def from_worker(chunk: list[tuple[int, Rendered]]) -> None:
        for index, rendered in chunk:
            references[speeches[index].id] = rendered.references
            arrived(speeches[index], rendered)

    sys.stdout.flush()  # what this process has buffered must not be written again by a worker
    sys.stderr.flush()
    # The loaded archive moves to the collector's permanent generation: a worker's collections then never
    # write to its objects, and the pages the workers share with this process stay shared (copy on write).
    gc.freeze()
    try:
        # This process renders a share too, so `workers` processes render and one fewer holds its own copy of
        # what it reads of the archive. A worker is replaced by a fresh fork after a few hundred speeches: what
        # it copied of the archive as it read it and what rendering left allocated go back.
        forked = len(speeches) * (workers - 1) // workers
        with FORK.Pool(workers - 1, maxtasksperchild=CHUNKS_PER_WORKER) as pool:
            size = max(1, min(64, forked // (workers * 8)))
            chunks = (range(start, min(start + size, forked)) for start in range(0, forked, size))
            # One task a chunk (chunksize 1): this iterator, unlike a chunked one, can be asked without waiting.
            from_pool = pool.imap_unordered(_render_in_worker, chunks)
            for index in range(forked, len(speeches)):
                arrived(speeches[index], job.render(speeches[index]))  # the resolver ran here: no replay
                while True:  # what the workers finished meanwhile, without waiting
                    try:
                        from_worker(from_pool.next(timeout=0))
                    except (multiprocessing.TimeoutError, StopIteration):
                        break
            for chunk in from_pool:
                from_worker(chunk)
    finally:
        _job, _speeches = None, ()
        gc.unfreeze()
    for speech in speeches[:forked]:
        job.replay(speech, Rendered("", references[speech.id]))
    # The archive's order, whoever finished first.
    return {speech.id: results[speech.id] for speech in speeches if speech.id in results}
