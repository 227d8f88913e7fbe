"""File names are ids: a transcript's name is its id and its address, so it is held to the id rule.

`speeches/2025/aif-2025-tokayev.md` is published at `/speeches/aif-2025-tokayev/`. A name that is not an id
would break that address (`#` and `?` end it, a space or a capital letter makes it fragile), could carry
markup into the page (a name with `">`), or replace one of the site's own pages (`index.md` is the speeches
hub). Each is an error at `path:1:1` with a name to use instead:

    speeches/2025/Tokayev Speech.md:1:1: error: file name `Tokayev Speech.md` is not an id
      hint: rename it to `tokayev-speech.md`: lowercase letters, digits and hyphens

Folders below `speeches/` follow the same rule (their names reach the "Correct this transcript" link). A name
starting with `.` or `_` is not skipped: every `*.md` below `speeches/` is a transcript, so a draft kept there
by mistake is reported, not silently left out. Two names that differ only in case or Unicode normalisation
would publish at the same address on some systems: both are reported.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from podium.core.model import _ID
from podium.core.problems import Problems
from podium.core.text import new_id

# Page names the site itself uses under /speeches/: the hub, and its pages when it is paginated.
HUB_NAMES = frozenset({"index", "page"})


def reserved(site_speeches: Path) -> frozenset[str]:
    """The hub's names and the site's own pages under `docs/speeches/` (a transcript must not replace one)."""
    own: set[str] = set()
    if site_speeches.is_dir():
        own = {entry.name.removesuffix(".md") for entry in site_speeches.iterdir()}
    return HUB_NAMES | own


def suggestion(name: str) -> str:
    """A valid id for a bad name: `suggestion("Tokayev Speech") == "tokayev-speech"`, `suggestion("Речь")
    == "rech"`."""
    return new_id(name) or "speech"


def check(
    files: list[Path],
    directory: Path,
    problems: Problems,
    display: dict[Path, str],
    report: set[str],
    reserved: frozenset[str] = HUB_NAMES,
) -> None:
    """Hold each transcript's name and folders to the id rule; report twins. Only files in `report` are
    reported (`podium check one.md` does not report the others), though all are compared."""
    first: dict[str, str] = {}
    for file in files:
        shown = display[file]
        try:
            folders = file.parent.relative_to(directory).parts
        except ValueError:
            folders = ()
        if shown in report:
            _check_name(file.name, folders, shown, problems, reserved)
        key = unicodedata.normalize("NFKC", file.name.removesuffix(".md")).casefold()
        if key in first:
            if shown in report:
                problems.add(
                    shown,
                    1,
                    1,
                    f"publishes at the same URL /speeches/{suggestion(key)}/ as {first[key]}",
                    "rename one of the two files; the file name is the speech's id and URL",
                )
            continue
        first[key] = shown


def _check_name(name: str, folders: tuple[str, ...], shown: str, problems: Problems, reserved: frozenset[str]) -> None:
    stem = name.removesuffix(".md")
    if stem.startswith((".", "_")):
        problems.add(
            shown,
            1,
            1,
            f"file name `{_visible(name)}` starts with `{stem[0]}`: every .md file under speeches/ is a transcript",
            f"rename it to `{suggestion(stem)}.md`, or keep drafts outside the speeches folder",
        )
    elif not _ID.match(stem):
        problems.add(
            shown,
            1,
            1,
            f"file name `{_visible(name)}` is not an id: it is the speech's address",
            f"rename it to `{suggestion(stem)}.md`: lowercase letters, digits and hyphens",
        )
    elif stem in reserved:
        problems.add(
            shown,
            1,
            1,
            f"file name `{name}` is taken by the site's own page /speeches/{stem}/",
            f"choose another name, e.g. `{stem}-speech.md`",
        )
    for folder in folders:
        if not _ID.match(folder):
            problems.add(
                shown,
                1,
                1,
                f"folder name `{_visible(folder)}` is not an id: use lowercase letters, digits and hyphens",
                f"rename the folder to `{suggestion(folder)}`",
            )


def _visible(name: str) -> str:
    """The name as it can be shown in a terminal: invisible and control characters escaped."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)
