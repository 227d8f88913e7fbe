"""What changed on disk since the last look: a stat snapshot of the folders and files a site is built from.

The edit loop takes one after every build and compares the next one with it, to learn which files a save
touched (the file watcher only says that something did). A stat is enough: an editor's save changes the time,
the size or the inode (a save through a new file and a rename).

    before = Snapshot.take([Path("speeches"), Path("mkdocs.yml")])
    ...  # an editor saves speeches/2025/opening.md
    Snapshot.take([Path("speeches"), Path("mkdocs.yml")]).changes(before)
    # Changes(added=set(), removed=set(), modified={Path('speeches/2025/opening.md')})
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# An editor's own files beside the one it saves (Vim's swap and backup files and its write test, Emacs' backups
# and locks, JetBrains' safe write, gedit's and others' hidden temporary files): never part of a site, so they
# never cost a whole rebuild. A hidden `.md` file is not one of them: the loader reports it.
_EDITOR_SUFFIXES = (".swp", ".swx", ".swo", "~", ".tmp", "___jb_tmp___", "___jb_old___")
_EDITOR_NAMES = {"4913"}


def editors_file(name: str) -> bool:
    """True for an editor's scratch file, which no build reads.

    >>> [editors_file(name) for name in (".opening.md.swp", "opening.md~", ".goutputstream-3F2", "opening.md")]
    [True, True, True, False]
    """
    hidden = name.startswith(".") and not name.endswith(".md")
    return hidden or name.startswith(".#") or name.endswith(_EDITOR_SUFFIXES) or name in _EDITOR_NAMES


@dataclass(frozen=True)
class Changes:
    added: set[Path] = field(default_factory=set)
    removed: set[Path] = field(default_factory=set)
    modified: set[Path] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.modified)


@dataclass(frozen=True)
class Snapshot:
    stats: dict[str, tuple[int, int, int]]
    """(modification time in ns, size, inode) of every file, by path (strings: 10,000 of them are taken per save)."""

    @classmethod
    def take(cls, paths: Iterable[Path]) -> Snapshot:
        """Every file under `paths` (folders, recursively, without following folder links; or files)."""
        stats: dict[str, tuple[int, int, int]] = {}
        for path in paths:
            if path.is_dir():
                _scan(str(path), stats)
            elif not editors_file(path.name):
                _stat(str(path), stats)
        return cls(stats)

    def changes(self, before: Snapshot) -> Changes:
        old, new = before.stats, self.stats
        return Changes(
            added={Path(path) for path in new.keys() - old.keys()},
            removed={Path(path) for path in old.keys() - new.keys()},
            modified={Path(path) for path, stat in new.items() if old.get(path, stat) != stat},
        )

    def stems(self, folder: Path, suffix: str) -> set[str]:
        """The names without `suffix` of the files under `folder` that end with it: the ids of the transcripts."""
        under = str(folder).rstrip(os.sep) + os.sep
        return {
            os.path.basename(path)[: -len(suffix)]
            for path in self.stats
            if path.startswith(under) and path.endswith(suffix)
        }


def _scan(folder: str, stats: dict[str, tuple[int, int, int]]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                _scan(entry.path, stats)
        elif not editors_file(entry.name):
            _stat(entry.path, stats)


def _stat(path: str, stats: dict[str, tuple[int, int, int]]) -> None:
    try:
        stat = os.stat(path)
    except OSError:  # gone between the listing and now, or a dangling link: as if absent
        return
    stats[path] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
