"""The whole archive: registries and transcripts, loaded and checked together.

`load(root)` reads `speeches/` under `root` and returns the `Archive` with every `Problem` found. It never
raises on bad input: `podium check` prints the problems, the MkDocs build aborts on them.

    archive = load(Path("."))
    for problem in archive.problems.sorted():
        print(problem.format())
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from podium.core import registry as registries
from podium.core import speech as speeches
from podium.core.problems import Problems
from podium.core.registry import Registry
from podium.core.settings import Settings
from podium.core.settings import load as load_settings
from podium.core.speech import Speech

SPEECHES_DIR = "speeches"


@dataclass
class Archive:
    root: Path
    registry: Registry = field(default_factory=Registry)
    speeches: list[Speech] = field(default_factory=list)  # newest first
    problems: Problems = field(default_factory=Problems)

    def speech(self, ident: str) -> Speech | None:
        return self.by_id.get(ident)

    @cached_property
    def by_id(self) -> dict[str, Speech]:
        """Speeches by id; computed once, after `load` has filled the archive."""
        return {speech.id: speech for speech in self.speeches}

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def transcript_files(directory: Path) -> list[Path]:
    """Every `*.md` below `directory`, except hidden files and those starting with `_`, in a stable order."""
    if not directory.is_dir():
        return []
    return sorted(
        p
        for p in directory.rglob("*.md")
        if not any(part.startswith((".", "_")) for part in p.relative_to(directory).parts)
    )


def display_path(file: Path, root: Path) -> str:
    """The path as an editor knows it, relative to the archive; links are not followed (the link is the file)."""
    try:
        return Path(os.path.abspath(file)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return file.as_posix()


# A check a feature adds to loading (cross-references, press quotations, translations): it receives the loaded
# archive and the ids of every transcript on disk, and adds to `archive.problems`. The core imports no feature;
# `podium.features` hands their checks in.
ArchiveCheck = Callable[["Archive", set[str]], None]


def load(
    root: Path, only: list[Path] | None = None, settings: Settings | None = None, checks: Iterable[ArchiveCheck] = ()
) -> Archive:
    """Load and check the archive under `root`; with `only`, check just those transcripts.

    `settings` default to the `podium` plugin's options in `root/mkdocs.yml`, as the build sees them;
    `checks` run after every transcript is loaded, in order (`podium.features.load` passes all of them).
    """
    root = Path(root)
    archive = Archive(root=root)
    problems = archive.problems
    settings = settings if settings is not None else load_settings(root, problems)  # a bad option is a problem too
    directory = root / settings.speeches_dir
    archive.registry = registries.load(directory, root, problems)
    every = transcript_files(directory)
    files = [Path(p) for p in only] if only is not None else every
    known = {file.stem for file in every} | {file.stem for file in files}
    _check_urls(
        every if only is None else sorted(set(every) | set(files)),
        root,
        problems,
        report={display_path(f, root) for f in files},
    )
    inside = root.resolve()
    for file in files:
        display = display_path(file, root)
        if file.is_symlink() and not file.resolve().is_relative_to(inside):
            problems.add(
                display,
                1,
                1,
                "transcript is a symbolic link to a file outside the archive",
                "copy the transcript into speeches/ instead of linking to it",
            )
            continue
        transcript = speeches.read(file, display, problems, settings)
        if transcript is None:
            continue
        speeches.check(transcript, archive.registry, problems, known)
        if (speech := transcript.published()) is not None:
            archive.speeches.append(speech)
    archive.speeches.sort(key=lambda s: (s.meta.date, s.id), reverse=True)
    for check in checks:
        check(archive, known)
    return archive


def _check_urls(files: list[Path], root: Path, problems: Problems, report: set[str]) -> None:
    """Two transcripts must not publish at the same URL, even on a case-insensitive file system."""
    first: dict[str, str] = {}
    for file in files:
        display = display_path(file, root)
        key = file.stem.lower()
        if key in first:
            if display in report:
                problems.add(
                    display,
                    1,
                    1,
                    f"publishes at the same URL /speeches/{key}/ as {first[key]}",
                    "rename one of the two files; the file name is the speech's id and URL",
                )
            continue
        first[key] = display
