"""Saved transcripts checked alone, against the registries the live site already loaded.

`features.load(root, only=[file])` (what `podium check FILE` runs) reads the registries again and walks the whole
archive for its names and links: seconds at 10,000 speeches, spent on what a save of an existing transcript
cannot change (a registry, a new or renamed file, a link: each rebuilds the whole site instead). This runs the
per-transcript steps of `podium.core.archive.load` (`read_transcripts`: the link check, the parser, the registry
checks) on the saved files only, then every feature's check (`features.CHECKS`) on an archive of just those
speeches, as a partial load does: a reference to a statement of another speech is checked by the next whole
build, in the background.

    archive = check_saved(root, [Path("speeches/2025/opening.md")], registry, known_ids, settings)
    archive.speeches        # [Speech('opening', ...)], or [] when the file has an error in its front matter
    archive.problems        # the problems in the saved files, as `podium check` reports them
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from podium import features
from podium.core.archive import Archive, read_transcripts
from podium.core.registry import Registry
from podium.core.settings import Settings


def check_saved(root: Path, files: Iterable[Path], registry: Registry, known: set[str], settings: Settings) -> Archive:
    """The saved `files` loaded and checked; `known` is the id of every transcript on disk."""
    archive = Archive(root=root, registry=registry)
    read_transcripts(archive, sorted(files), settings, known)
    archive.speeches.sort(key=lambda s: (s.meta.date, s.id), reverse=True)
    for check in features.CHECKS:
        check(archive, known)
    return archive
