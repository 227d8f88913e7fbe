"""Language versions of one speech: the original and its translations, checked and lined up.

Plain Python, no MkDocs. A transcript says which language it is in, and a translation names the
transcript it translates:

    # speeches/2025/aif-2025-plenary-ru.md
    language: ru
    translation_of: aif-2025-plenary      # the original's id (its file name without .md)
    delivered: translation
    official_translation: true            # published by the speaker's office or the organiser

The original and its translations are one *speech* in several *versions*. Facet pages count it once; the
speech page links every version; `compare()` lines two versions up statement by statement.

Statements line up by id. The editor aligns a translation by giving a statement the same explicit `{#id}`
in both versions (an automatic id is a hash of the words, so it differs across languages). Once a
translation shares at least one id with its original, every statement left without a counterpart is
reported as a warning, at its own line; a translation that shares none is simply not aligned (the
switcher then opens the other version at its top).

    groups = versions.versions(archive)       # (podium.core.versions) every speech id -> its versions
    versions.original_of(archive, archive.speech("aif-2025-plenary-ru")).id   # 'aif-2025-plenary'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from podium.core.archive import Archive
from podium.core.model import Delivery
from podium.core.problems import Problems
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.statements import Statement
from podium.core.text import direction, endonym
from podium.core.urls import DIRECTORY_URLS, Urls

if TYPE_CHECKING:  # the renderer is imported by the functions that render, when they run
    from podium.render.pages import Links, StatementRenderer

# ---- Alignment ---------------------------------------------------------------------------------------------


def _explicit(speech: Speech) -> dict[str, Statement]:
    return {s.id: s for s in speech.statements if s.explicit_id}


def aligned_ids(one: Speech, other: Speech) -> list[str]:
    """Ids given explicitly in both versions, in `one`'s order: the statements a reader can switch at."""
    theirs = _explicit(other)
    return [s.id for s in one.statements if s.explicit_id and s.id in theirs]


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view: a statement of each version (either may be missing)."""

    original: Statement | None
    translation: Statement | None
    aligned: bool  # paired by the editor's ids; otherwise paired by position between two aligned rows


def compare(original: Speech, translation: Speech) -> list[Row]:
    """The two versions' statements side by side: aligned ones by id, the others in order between them.

    Ids that cross (a before b in one version, b before a in the other) keep the original's order; the
    crossing ones are then treated as unaligned, so no statement is shown twice or lost.
    """
    shared = set(aligned_ids(original, translation))
    anchors: list[str] = []
    position = {s.id: index for index, s in enumerate(translation.statements)}
    last = -1
    for ident in (s.id for s in original.statements if s.id in shared):
        if position[ident] > last:
            anchors.append(ident)
            last = position[ident]
    rows: list[Row] = []
    left, right = iter(original.statements), iter(translation.statements)
    for anchor in [*anchors, None]:
        gap_left = [s for s in _until(left, anchor)]
        gap_right = [s for s in _until(right, anchor)]
        rows.extend(_pair_in_order(gap_left, gap_right))
        if anchor is not None:
            rows.append(Row(original.statement(anchor), translation.statement(anchor), True))
    return rows


def _pair_in_order(left: list[Statement], right: list[Statement]) -> list[Row]:
    """Unaligned statements between two aligned rows, paired in order; `[Applause]` pairs only with narrative."""
    rows: list[Row] = []
    i = j = 0
    while i < len(left) or j < len(right):
        a = left[i] if i < len(left) else None
        b = right[j] if j < len(right) else None
        if a is not None and b is not None and a.type != b.type:
            if a.type == "narrative":
                b = None
            else:
                a = None
        rows.append(Row(a, b, False))
        i += a is not None
        j += b is not None
    return rows


def _until(statements, anchor: str | None):
    """Take statements from the iterator up to (and consuming) the one with id `anchor`."""
    for statement in statements:
        if statement.id == anchor:
            return
        yield statement


# ---- Checks ------------------------------------------------------------------------------------------------


def check(archive: Archive, problems: Problems | None = None) -> None:
    """Check every original and translation; add problems to `problems` (default: the archive's).

    That the original exists is checked where the other ids of the front matter are (speech.check), so
    a missing original is reported once; here it is only skipped.
    """
    problems = problems if problems is not None else archive.problems
    by_id = {speech.id: speech for speech in archive.speeches}
    for speech in archive.speeches:
        _check_declaration(speech, by_id, problems)
    for group in _families(archive.speeches, by_id).values():
        _check_languages(group, problems)
        original = group[0]
        if original.meta.translation_of is None:
            for translation in group[1:]:
                if translation.meta.translation_of == original.id:
                    _check_alignment(original, translation, problems)


def _at(speech: Speech, key: str) -> tuple[int, int]:
    return speech.document.value_at.get((key,), speech.document.key_at.get((key,), (1, 1)))


def _check_declaration(speech: Speech, by_id: dict[str, Speech], problems: Problems) -> None:
    meta = speech.meta
    if meta.translation_of is None:
        if meta.official_translation is not None and meta.delivered != Delivery.translation:
            problems.add(
                speech.path,
                *speech.document.key_at.get(("official_translation",), (1, 1)),
                "`official_translation` is set on a transcript that is not a translation",
                "add `translation_of: <the original's id>`, or remove `official_translation`",
            )
        return
    if meta.delivered is not None and meta.delivered != Delivery.translation:
        problems.add(
            speech.path,
            *_at(speech, "delivered"),
            f"a translation cannot be delivered `{meta.delivered.value}`",
            "write `delivered: translation` (or leave it out) on a transcript with `translation_of`",
        )
    if meta.translation_of == speech.id:
        problems.add(
            speech.path,
            *_at(speech, "translation_of"),
            "a transcript cannot be a translation of itself",
            "name the original's id, or remove `translation_of` if this is the original",
        )
        return
    original = by_id.get(meta.translation_of)
    if original is None:
        return  # unknown id: reported by speech.check with a suggestion
    if original.meta.translation_of is not None:
        problems.add(
            speech.path,
            *_at(speech, "translation_of"),
            f"`{original.id}` is itself a translation (of `{original.meta.translation_of}`)",
            f"name the original: `translation_of: {original.meta.translation_of}`",
        )


def _families(speeches: list[Speech], by_id: dict[str, Speech]) -> dict[str, list[Speech]]:
    """Original id -> [original, its direct translations...]; oldest declarations first, for stable reports."""
    families: dict[str, list[Speech]] = {}
    for speech in speeches:
        if speech.meta.translation_of is None:
            families.setdefault(speech.id, []).insert(0, speech)
        elif speech.meta.translation_of in by_id and speech.meta.translation_of != speech.id:
            families.setdefault(speech.meta.translation_of, []).append(speech)
    for ident, family in families.items():
        family[1:] = sorted(family[1:], key=lambda s: s.path)
        if family[0].id != ident:  # the original is itself a translation: reported; check the rest together
            family.insert(0, by_id[ident])
    return families


def _check_languages(family: list[Speech], problems: Problems) -> None:
    first: dict[str, Speech] = {}
    for speech in family:
        language = speech.meta.language.lower()
        if language not in first:
            first[language] = speech
            continue
        other = first[language]
        problems.add(
            speech.path,
            *_at(speech, "language"),
            f"`{speech.id}` and `{other.id}` are both the {language} version of `{family[0].id}`",
            f"one speech has one version per language: correct `language`, or keep one of the two ({other.path})",
        )


def _check_alignment(original: Speech, translation: Speech, problems: Problems) -> None:
    """Warnings for statements without a counterpart, once the editor has aligned the two at all."""
    shared = set(aligned_ids(original, translation))
    if not shared:
        return
    language = translation.meta.language
    for statement in translation.statements:
        if statement.type == "speech" and statement.id not in shared:
            problems.add(
                translation.path,
                statement.line,
                statement.column,
                f"statement `{statement.id}` has no counterpart in the original `{original.id}`",
                "give it the same {#id} as its statement in the original, so readers can switch "
                "between the two at this statement",
                severity="warning",
            )
    for statement in original.statements:
        if statement.type == "speech" and statement.id not in shared:
            problems.add(
                original.path,
                statement.line,
                statement.column,
                f"statement `{statement.id}` has no counterpart in the {language} translation `{translation.id}`",
                "give it an explicit {#id} here and the same {#id} on its translation",
                severity="warning",
            )


# ---- Views -------------------------------------------------------------------------------------------------
# What the speech page and the side-by-side page show; the markup is in templates/language_switcher.html and
# templates/compare.html. The MkDocs side (podium.mkdocs.languages) only places it.


def status(speech: Speech) -> str:
    """'original', 'official translation', 'unofficial translation' or 'translation' (status not given)."""
    if speech.meta.translation_of is None:
        return "original"
    official = speech.meta.official_translation
    return "translation" if official is None else "official translation" if official else "unofficial translation"


def compare_url(original: Speech, translation: Speech, urls: Urls = DIRECTORY_URLS) -> str:
    """The side-by-side page, beside the original's: speeches/<original>/compare/<language>/."""
    return urls.compare(original.id, translation.meta.language)


def _version_view(speech: Speech, links: Links, current: Speech | None = None) -> dict:
    return {
        "id": speech.id,
        "language": speech.meta.language,
        "name": endonym(speech.meta.language),
        "dir": direction(speech.meta.language),
        "href": links.speech(speech.id),
        "status": status(speech),
        "current": speech is current,
        "aligned": aligned_ids(current, speech) if current is not None and speech is not current else [],
    }


def render_switcher(speech: Speech, group: list[Speech], links: Links) -> str:
    """The language switcher of one version's page; '' for a speech in one language only."""
    if len(group) < 2:
        return ""
    from podium.render.pages import environment

    original = group[0]
    if speech.meta.translation_of is None:
        compare = [
            {"href": links.base + compare_url(speech, other, links.urls), "label": endonym(other.meta.language)}
            for other in group[1:]
            if other.meta.translation_of == speech.id
        ]
    elif speech.meta.translation_of == original.id and original.meta.translation_of is None:
        compare = [
            {"href": links.base + compare_url(original, speech, links.urls), "label": endonym(original.meta.language)}
        ]
    else:
        compare = []
    return (
        environment()
        .get_template("language_switcher.html")
        .render(versions=[_version_view(version, links, speech) for version in group], compare=compare)
    )


def render_compare(
    original: Speech, translation: Speech, registry: Registry, links: Links, renderer: StatementRenderer | None = None
) -> str:
    """The side-by-side page of an original and one of its translations."""
    from markupsafe import Markup

    from podium.render.pages import StatementRenderer, environment, speaker_view

    renderer = renderer or StatementRenderer()
    html = {}
    for speech in (original, translation):
        rendered = renderer.render_all([s.text for s in speech.statements])
        multi = len(speech.meta.speaker_ids) > 1
        for statement, text in zip(speech.statements, rendered, strict=True):
            speaker = statement.voice if statement.turn_start else None  # a crowd's voice: its label
            if multi and statement.turn_start and statement.speaker:
                speaker = speaker_view(statement.speaker, speech.meta.date, registry)["name"]
            html[(speech.id, statement.id)] = {
                "id": statement.id,
                "html": Markup(text),
                "speaker": speaker,
                "narrative": statement.type == "narrative",
            }

    def cell(speech: Speech, statement: Statement | None):
        return html[(speech.id, statement.id)] if statement is not None else None

    rows = [
        {
            "aligned": row.aligned,
            "id": row.original.id if row.aligned and row.original else "",
            "left": cell(original, row.original),
            "right": cell(translation, row.translation),
        }
        for row in compare(original, translation)
    ]
    return (
        environment()
        .get_template("compare.html")
        .render(
            original=original,
            translation=translation,
            rows=rows,
            left=_version_view(original, links),
            right=_version_view(translation, links),
        )
    )


def alternates(group: list[Speech]) -> list[tuple[str, str]]:
    """(hreflang, speech id) for every version, then `x-default` for the original: the <head> links."""
    if len(group) < 2:
        return []
    return [(version.meta.language, version.id) for version in group] + [("x-default", group[0].id)]


def version_links(speech: Speech, groups: dict[str, list[Speech]], links: Links) -> list[dict]:
    """The versions of a listed speech, for a list row ("English, Русский, Қазақша"); [] if only one.

    A facet page lists a speech once (`distinct`) and names its languages with this.
    """
    group = groups.get(speech.id, [speech])
    if len(group) < 2:
        return []
    return [
        {
            "id": v.id,
            "language": v.meta.language,
            "name": endonym(v.meta.language),
            "href": links.speech(v.id),
            "original": v.meta.translation_of is None,
        }
        for v in group
    ]
