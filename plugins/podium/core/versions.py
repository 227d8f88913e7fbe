"""Which transcripts are versions of one speech: an original and the translations that name it.

A translation names its original with `translation_of`; the original and its translations are one *speech*
in several *versions*. Counting and listing speak of speeches, not files, so a speech published in three
languages counts once:

    groups = group(archive.speeches)        # every speech id -> its versions, original first
    distinct(archive.speeches, groups)      # each speech once
"""

from __future__ import annotations

from podium.core.archive import Archive
from podium.core.speech import Speech


def _root(speech: Speech, by_id: dict[str, Speech]) -> Speech:
    """The original at the end of a `translation_of` chain (a chain is an error, reported by `check`)."""
    seen = {speech.id}
    while speech.meta.translation_of and (parent := by_id.get(speech.meta.translation_of)) is not None:
        if parent.id in seen:
            break  # a loop: each transcript of it stays where the loop closes
        seen.add(parent.id)
        speech = parent
    return speech


def _order(speech: Speech) -> tuple:
    return (speech.meta.translation_of is not None, speech.meta.language, speech.id)


def versions(archive: Archive) -> dict[str, list[Speech]]:
    """`group(archive.speeches)`: every speech id of the archive -> the versions of its speech."""
    return group(archive.speeches)


def group(speeches: list[Speech]) -> dict[str, list[Speech]]:
    """Every speech id -> the versions of its speech: the original first, then translations by language.

    A speech without translations is its own single version. When the original is not in the archive
    (`podium check FILE` loads one transcript, or the original has errors), the translations that name it
    are still grouped together, by language.
    """
    by_id = {speech.id: speech for speech in speeches}
    groups: dict[str, list[Speech]] = {}
    for speech in speeches:
        root = _root(speech, by_id)
        # A translation whose original is missing is grouped under the missing id, with its siblings.
        key = root.id if root.meta.translation_of is None else root.meta.translation_of
        groups.setdefault(key, []).append(speech)
    result: dict[str, list[Speech]] = {}
    for group in groups.values():
        group.sort(key=_order)
        for speech in group:
            result[speech.id] = group
    return result


def original_of(archive: Archive, speech: Speech) -> Speech:
    """The original of `speech`: itself if it is one; its first version if the original is not loaded.

    Computes the groups each time: a caller with many speeches keeps `versions(archive)` instead.
    """
    return versions(archive)[speech.id][0]


def distinct(speeches: list[Speech], groups: dict[str, list[Speech]]) -> list[Speech]:
    """`speeches` with each speech once: its original when listed, else its first listed version.

    For facet pages and counts: a speech published in English, Russian and Kazakh counts once.
    """
    seen: set[int] = set()
    kept: list[Speech] = []
    listed = {speech.id for speech in speeches}
    for speech in speeches:
        group = groups.get(speech.id, [speech])
        if id(group) in seen:
            continue
        seen.add(id(group))
        kept.append(next((v for v in group if v.id in listed), speech))
    return kept


def languages_of(speech: Speech, groups: dict[str, list[Speech]]) -> list[str]:
    """The language tags of a speech's versions, the original's first: e.g. ['en', 'kk', 'ru']."""
    return [version.meta.language for version in groups.get(speech.id, [speech])]
