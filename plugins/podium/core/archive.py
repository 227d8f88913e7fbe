"""The whole archive: registries and transcripts, loaded and checked together.

`load(root)` reads `speeches/` under `root` and returns the `Archive` with every `Problem` found. It never
raises on bad input: `podium check` prints the problems, the MkDocs build aborts on them.

    archive = load(Path("."))
    for problem in archive.problems.sorted():
        print(problem.format())
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from podium.core import names, safety
from podium.core import registry as registries
from podium.core import speech as speeches
from podium.core.problems import Problems
from podium.core.registry import Registry
from podium.core.settings import CONFIG_FILE, Settings, read_config
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
    """Every `*.md` file below `directory` that can be read, in a stable order.

    Nothing is skipped for its name: `_draft.md` and `.notes.md` are transcripts too, and the loader refuses
    their names (an editor must hear why a file is not published). Folders are not followed through symbolic
    links, and what is not a readable file (a folder named `x.md`, a dangling link) is left to `check_tree`.
    """
    if not directory.is_dir():
        return []
    found: list[Path] = []
    for folder, _, entries in os.walk(directory):
        found.extend(Path(folder) / name for name in entries if name.endswith(".md"))
    return sorted(file for file in found if file.is_file())


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
    root: Path,
    only: list[Path] | None = None,
    settings: Settings | None = None,
    checks: Iterable[ArchiveCheck] = (),
    read: Callable[[Path, str, Problems, Settings], speeches.Transcript | None] | None = None,
) -> Archive:
    """Load and check the archive under `root`; with `only`, check just those transcripts.

    `settings` default to the `podium` plugin's options in `root/mkdocs.yml`, as the build sees them;
    `checks` run after every transcript is loaded, in order (`podium.features.load` passes all of them).
    `read` replaces `speech.read` (the build's cache answers for transcripts it has read before).
    """
    root = Path(root)
    archive = Archive(root=root)
    problems = archive.problems
    settings = settings if settings is not None else load_settings(root, problems)  # a bad option is a problem too
    directory = root / settings.speeches_dir
    docs = root / _docs_dir(root)
    check_tree(directory, root, problems, transcripts=True)
    check_tree(docs, root, problems)
    archive.registry = registries.load(directory, root, problems, settings)
    every = transcript_files(directory)
    files = [Path(p) for p in only] if only is not None else every
    known = {file.stem for file in every} | {file.stem for file in files}
    names.check(
        every if only is None else sorted(set(every) | set(files)),
        directory,
        problems,
        display={file: display_path(file, root) for file in set(every) | set(files)},
        report={display_path(f, root) for f in files},
        reserved=names.reserved(docs / settings.speeches_dir),
    )
    read_transcripts(archive, files, settings, known, read)
    archive.speeches.sort(key=lambda s: (s.meta.date, s.id), reverse=True)
    for check in checks:
        check(archive, known)
    return archive


def read_transcripts(
    archive: Archive,
    files: Iterable[Path],
    settings: Settings,
    known: set[str],
    read: Callable[[Path, str, Problems, Settings], speeches.Transcript | None] | None = None,
) -> None:
    """Read and check each transcript file against `archive.registry`, adding what is published to
    `archive.speeches` and every problem to `archive.problems`; `known` is the id of every transcript on disk.
    The whole load runs it once; `podium serve` runs it on the files just saved."""
    root, problems = archive.root, archive.problems
    for file in files:
        display = display_path(file, root)
        # A file named on the command line from outside the archive is checked as it is (an editor's draft);
        # anything under the archive must stay inside it, through whatever links.
        inside = Path(os.path.abspath(file)).is_relative_to(os.path.abspath(root))
        if (inside or file.is_symlink()) and (why := safety.link_problem(file, root, "transcript")):
            problems.add(display, 1, 1, *why)
            continue
        try:
            transcript = (read or speeches.read)(file, display, problems, settings)
            if transcript is None:
                continue
            speeches.check(transcript, archive.registry, problems, known)
        except Exception as exc:  # noqa: BLE001 - one broken file must not hide the rest of the report
            # Every limit is checked before the parsers run; if one is still missing, the file is a problem
            # at its place, never a traceback that hides every other problem of the run.
            problems.add(display, 1, 1, f"could not read this transcript ({type(exc).__name__}: {exc})", _BUG)
            continue
        if (speech := transcript.published()) is not None:
            archive.speeches.append(speech)


_BUG = "simplify the file's structure; and please report this as a bug in Podium, with the file"


def check_tree(directory: Path, root: Path, problems: Problems, transcripts: bool = False) -> None:
    """Every symbolic link under `directory` must lead to a file inside the archive; a link loop, a dangling
    link or a folder named like a transcript (`x.md/`) is an error. With `transcripts` (the speeches folder),
    a link to a folder is an error too: transcripts are found without following folder links."""
    if not directory.is_dir() and not directory.is_symlink():
        return
    if why := safety.link_problem(directory, root):
        problems.add(display_path(directory, root), 1, 1, *why)
        return
    for folder, dirs, files in os.walk(directory):
        for name in dirs + files:
            entry = Path(folder) / name
            if entry.is_symlink():
                what = "transcript" if transcripts and name.endswith(".md") else "file"
                why = safety.link_problem(entry, root, what if name in files else "folder")
                if why is None and entry.is_dir():
                    why = _folder_link(entry, transcripts)
            elif name.endswith(".md") and name in dirs:
                why = ("is a folder, but its name ends like a transcript's", "rename the folder, e.g. drop `.md`")
            elif name in files and not _regular(entry):  # a pipe would hang the reader, a device worse
                why = ("is not a regular file (a pipe or a device)", "replace it with an ordinary file")
            else:
                continue
            if why:
                problems.add(display_path(entry, root), 1, 1, *why)


def _regular(entry: Path) -> bool:
    try:
        return stat.S_ISREG(entry.lstat().st_mode)
    except OSError:
        return False


def _folder_link(entry: Path, transcripts: bool) -> tuple[str, str] | None:
    if entry.parent.resolve().is_relative_to(entry.resolve()):
        return "symbolic link loop: the link leads to a folder that contains it", "delete the link"
    if transcripts:
        return "symbolic link to a folder: transcripts are not read through folder links", "move the folder here"
    return None


def _docs_dir(root: Path) -> str:
    """mkdocs.yml's `docs_dir` (default `docs`); its problems are reported where the settings are read."""
    docs = read_config(root / CONFIG_FILE, Problems()).get("docs_dir", "docs")
    return docs if isinstance(docs, str) and docs else "docs"
