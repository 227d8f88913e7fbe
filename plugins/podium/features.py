"""The features of this Podium, as the loader sees them: each adds a check to loading an archive.

The core loader (`podium.core.archive.load`) imports no feature; it runs the checks it is handed. Every
adapter (the CLI, the MkDocs plugins, the editors' tools) loads through `load` here, so `podium check` and
the build judge an archive by the same rules:

    archive = features.load(Path("."))
    archive.ok        # False if a reference is broken, a quotation names a missing statement, ...

A new feature that must refuse bad input adds its check to `CHECKS`.
"""

from __future__ import annotations

from pathlib import Path

from podium.core.archive import Archive, ArchiveCheck
from podium.core.archive import load as load_core
from podium.core.settings import Settings
from podium.facets import photos
from podium.languages import translations
from podium.media import recordings
from podium.quote import index as quote
from podium.xref import references


def _references(archive: Archive, known: set[str]) -> None:
    """Cross-links between statements: a broken one is a problem where it was written. The loader keeps no
    index; the build resolves the references again for its backlinks."""
    references.check(archive, known)


def _quotations(archive: Archive, known: set[str]) -> None:
    """Press quotations in front matter must name statements of their own speech."""
    for speech in archive.speeches:
        quote.check_coverage(speech, archive.problems)


def _translations(archive: Archive, known: set[str]) -> None:
    """Originals and translations: languages, and statement ids lined up across versions."""
    translations.check(archive)


def _recordings(archive: Archive, known: set[str]) -> None:
    """Recordings in the repository exist inside the archive; statement times have a recording to play."""
    recordings.check(archive, known)


CHECKS: tuple[ArchiveCheck, ...] = (
    _references,
    _quotations,
    _translations,
    _recordings,
    photos.check,  # a speaker's portrait must be an image the build can resize
)


def load(root: Path, only: list[Path] | None = None, settings: Settings | None = None, read=None) -> Archive:
    """Load the archive under `root` and run every feature's check (see `podium.core.archive.load`)."""
    return load_core(root, only=only, settings=settings, checks=CHECKS, read=read)
