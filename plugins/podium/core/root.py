"""Where an archive starts: the folder that holds mkdocs.yml or speeches/, found from wherever an editor stands.

podium check                     # run from speeches/2025/: the archive is two folders up

A folder is an archive when its mkdocs.yml lists the `podium` plugin, or when it holds a `speeches/` folder
(an archive without a site is still checked). Anywhere else the commands refuse with `NOT_AN_ARCHIVE`, never
"checked 0 transcripts".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from podium.core.archive import SPEECHES_DIR
from podium.core.problems import Problems
from podium.core.settings import CONFIG_FILE, PLUGIN, read_config

NOT_AN_ARCHIVE = (
    "{folder} is not in a Podium archive (no mkdocs.yml with the `podium` plugin, no speeches/ folder, here or above)",
    "start one with `podium init DIR`, or run the command inside an archive (or pass --root DIR)",
)
"""The message and hint of every command run outside an archive; `{folder}` is where it looked from."""


def uses_podium(config_file: Path) -> bool:
    """True when this mkdocs.yml lists the `podium` plugin (`- podium` or `- podium: {...}`)."""
    if not config_file.is_file():
        return False
    plugins: Any = read_config(config_file, Problems()).get("plugins") or []
    names = (
        plugins
        if isinstance(plugins, dict)
        else [p for item in plugins for p in (item if isinstance(item, dict) else [item])]
    )
    return PLUGIN in names


def is_archive(folder: Path) -> bool:
    """A folder whose mkdocs.yml uses Podium, or that holds speeches/."""
    return uses_podium(folder / CONFIG_FILE) or (folder / SPEECHES_DIR).is_dir()


def find_archive(start: Path) -> Path | None:
    """The nearest archive from `start` up, or None when `start` is in no archive.

    >>> find_archive(Path("/nowhere/at/all")) is None
    True
    """
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if is_archive(folder)), None)


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
