"""The recordings an archive keeps in its repository: checked when the archive loads, published with the site.

A transcript's `media:` may name a file in the repository (`media: {audio: media/2025/plenary.mp3}`). The
model has already refused paths that leave the archive on paper (`..`, an absolute path, a file no browser
plays); here the file itself must exist and stay inside the archive through any symbolic link, as every
file Podium reads or publishes must (`core.safety.link_problem`). The site publishes it at the same path, so
two transcripts (an original and its translation) that share a recording share one copy.

    for path, file in published(archive).items():   # in the MkDocs plugin's on_files
        files.append(File.generated(config, path, abs_src_path=str(file)))
"""

from __future__ import annotations

from pathlib import Path

from podium.core import media, safety
from podium.core.archive import Archive
from podium.core.problems import did_you_mean
from podium.core.speech import Speech


def check(archive: Archive, known: set[str]) -> None:
    """Every local recording exists inside the archive; statement times have a recording to play."""
    for speech in archive.speeches:
        for key, recording in media.recordings(speech.meta.media):
            if recording.local:
                _check_file(archive, speech, key, recording)
        _check_times_have_recording(archive, speech)


def published(archive: Archive) -> dict[str, Path]:
    """The local recordings to copy into the site: their path in the site (the same as in the repository) and
    the file, for the recordings `check` accepts."""
    files: dict[str, Path] = {}
    for speech in archive.speeches:
        for _, recording in media.recordings(speech.meta.media):
            file = archive.root / recording.source
            if recording.local and _problem(file, archive.root) is None:
                files[recording.source] = file
    return dict(sorted(files.items()))


def _problem(file: Path, root: Path) -> tuple[str, str] | None:
    if not file.exists() and not file.is_symlink():
        return "", ""
    if why := safety.link_problem(file, root, "recording"):
        return why
    if not file.is_file():
        return "is a folder, not a recording", "name the audio or video file inside it"
    return None


def _check_file(archive: Archive, speech: Speech, key: str, recording: media.Recording) -> None:
    file = archive.root / recording.source
    why = _problem(file, archive.root)
    if why is None:
        return
    data = speech.document.data
    at = ("media", key) if isinstance(data.get("media"), dict) else ("media",)
    line, column = speech.document.value_at.get(at, (1, 1))
    message, hint = why
    if not message:
        folder = file.parent
        nearby = sorted(entry.name for entry in folder.iterdir()) if folder.is_dir() else []
        suggestion = did_you_mean(file.name, nearby)
        message = f"recording `{recording.source}` is not in the repository"
        hint = (
            suggestion
            or "put the file at that path (from the archive's folder, where mkdocs.yml is), or correct the path"
        )
    else:
        message = f"recording `{recording.source}`: {message}"
    archive.problems.add(speech.path, line, column, message, hint)


def _check_times_have_recording(archive: Archive, speech: Speech) -> None:
    timed = next((statement for statement in speech.statements if statement.start is not None), None)
    if timed is None or media.player(speech.meta.media, "") is not None:
        return
    named = "names no recording" if speech.meta.media is None else "names no recording a page can play from a time"
    archive.problems.add(
        speech.path,
        *timed.start_at,
        f"statements have start times, but `media` {named}",
        "add `media:` with a YouTube or Vimeo address, or an audio or video file (see the transcript format)",
        "warning",
    )
