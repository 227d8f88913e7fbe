"""Where an archive starts: the folder that holds mkdocs.yml or speeches/, found from wherever an editor stands.

podium check                     # run from speeches/2025/: the archive is two folders up
"""

from __future__ import annotations

from pathlib import Path

from podium.core.archive import SPEECHES_DIR
from podium.core.settings import CONFIG_FILE


def find_root(start: Path) -> Path:
    """The archive root: the nearest folder, from `start` up, that holds mkdocs.yml or speeches/ (else `start`).

    >>> find_root(Path("/nowhere/at/all"))
    PosixPath('/nowhere/at/all')
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file() or (folder / SPEECHES_DIR).is_dir():
            return folder
    return start
