"""Language versions (issue 10) without a build: the checks' exact messages, grouping for facet pages, the
side-by-side rows, the switcher's markup and the interface strings."""

from __future__ import annotations

import datetime as dt

import pytest

from podium import features
from podium.core import versions
from podium.core.statements import automatic_id
from podium.languages import translations as languages
from podium.render import i18n
from podium.render import pages as render
from support.archive import ArchiveDir
from support.language_sites import KAZAKH, ORIGINAL, RUSSIAN, RUSSIAN_BODY, three_versions
from support.processes import run_podium


@pytest.fixture
def site(tmp_path) -> ArchiveDir:
    return three_versions(tmp_path)


def messages(archive) -> list[str]:
    return [problem.format() for problem in archive.problems.sorted()]


# ---- Checks ------------------------------------------------------------------------------------------------


def test_the_three_versions_load_with_one_warning_on_each_side_of_the_unaligned_statement(site):
    archive = features.load(site.root)
    kazakh_only = automatic_id("Біз халықтарымыз арасында қабырға емес, көпір саламыз.")
    assert messages(archive) == [
        f"speeches/2025/aif-2025-plenary-kk.md:18:1: warning: statement `{kazakh_only}` has no counterpart in "
        "the original `aif-2025-plenary`\n"
        "  hint: give it the same {#id} as its statement in the original, so readers can switch between the two "
        "at this statement",
        "speeches/2025/aif-2025-plenary.md:18:1: warning: statement `bridges` has no counterpart in the kk "
        "translation `aif-2025-plenary-kk`\n"
        "  hint: give it an explicit {#id} here and the same {#id} on its translation",
    ]
    assert archive.ok  # warnings never stop a build


def test_podium_check_prints_the_warnings_and_succeeds(site):
    result = run_podium("check", cwd=site.root)
    assert "0 errors, 2 warnings" in result.stdout + result.stderr
    assert result.returncode == 0


def test_a_missing_original_is_reported_once_with_a_suggestion(site):
    site.speech(
        "aif-2025-plenary-fr",
        RUSSIAN.replace("language: ru", "language: fr").replace(
            "translation_of: aif-2025-plenary", "translation_of: aif-2025-plenery"
        ),
        RUSSIAN_BODY,
    )
    found = [m for m in messages(features.load(site.root)) if "plenary-fr" in m]
    assert found == [
        "speeches/2025/aif-2025-plenary-fr.md:7:17: error: unknown transcript `aif-2025-plenery` in "
        "translation_of\n  hint: did you mean `aif-2025-plenary` or `aif-2025-plenary-ru` or "
        "`aif-2025-plenary-kk`?"
    ]


def test_two_versions_in_one_language_are_an_error_at_the_second_ones_language(site):
    site.speech("aif-2025-plenary-ru2", RUSSIAN, RUSSIAN_BODY)
    found = [m for m in messages(features.load(site.root)) if "error" in m]
    assert found == [
        "speeches/2025/aif-2025-plenary-ru2.md:6:11: error: `aif-2025-plenary-ru2` and `aif-2025-plenary-ru` are "
        "both the ru version of `aif-2025-plenary`\n"
        "  hint: one speech has one version per language: correct `language`, or keep one of the two "
        "(speeches/2025/aif-2025-plenary-ru.md)"
    ]


def test_a_translation_in_the_originals_language_is_the_same_error(site):
    site.speech("aif-2025-plenary-kk", KAZAKH.replace("language: kk", "language: en"), "Text. {#welcome}\n")
    found = [m.split("\n")[0] for m in messages(features.load(site.root)) if "error" in m]
    assert found == [
        "speeches/2025/aif-2025-plenary-kk.md:6:11: error: `aif-2025-plenary-kk` and "
        "`aif-2025-plenary` are both the en version of `aif-2025-plenary`"
    ]


def test_a_translation_of_a_translation_names_the_real_original(site):
    site.speech(
        "aif-2025-plenary-kk",
        KAZAKH.replace("translation_of: aif-2025-plenary", "translation_of: aif-2025-plenary-ru"),
        "Text.\n",
    )
    found = [m for m in messages(features.load(site.root)) if "error" in m]
    assert found == [
        "speeches/2025/aif-2025-plenary-kk.md:7:17: error: `aif-2025-plenary-ru` is itself a "
        "translation (of `aif-2025-plenary`)\n"
        "  hint: name the original: `translation_of: aif-2025-plenary`"
    ]


def test_delivered_and_official_translation_must_agree_with_translation_of(site):
    site.speech("aif-2025-plenary-kk", KAZAKH.replace("delivered: translation", "delivered: as delivered"), "Text.\n")
    site.speech(
        "kigali-2023-remarks",
        ORIGINAL.replace("language: en", "official_translation: true"),
        "Text.\n",
        folder="speeches/2023",
    )
    found = [m for m in messages(features.load(site.root)) if "error" in m]
    assert found == [
        "speeches/2023/kigali-2023-remarks.md:6:1: error: `official_translation` is set on a transcript that is "
        "not a translation\n  hint: add `translation_of: <the original's id>`, or remove `official_translation`",
        "speeches/2025/aif-2025-plenary-kk.md:8:12: error: a translation cannot be delivered `as delivered`\n"
        "  hint: write `delivered: translation` (or leave it out) on a transcript with `translation_of`",
    ]


def test_official_translation_is_true_or_false(site):
    site.speech(
        "aif-2025-plenary-ru", RUSSIAN.replace("official_translation: true", "official_translation: yes"), RUSSIAN_BODY
    )
    found = [m.split("\n")[0] for m in messages(features.load(site.root)) if "error" in m]
    assert found == [
        "speeches/2025/aif-2025-plenary-ru.md:9:23: error: `official_translation`: `yes` is not true or false"
    ]


def test_a_translation_without_any_shared_id_is_not_aligned_and_not_warned_about(site):
    site.speech("aif-2025-plenary-kk", KAZAKH, "Құрметті достар.\n\nДиалог бөлінуден күшті.\n")
    assert messages(features.load(site.root)) == []


# ---- Grouping: what facet pages count --------------------------------------------------------------------


def test_versions_group_a_speech_original_first_and_distinct_counts_it_once(site):
    archive = features.load(site.root)
    groups = versions.versions(archive)
    ids = [s.id for s in groups["aif-2025-plenary-ru"]]
    assert ids == ["aif-2025-plenary", "aif-2025-plenary-kk", "aif-2025-plenary-ru"]
    assert groups["aif-2025-plenary"] is groups["aif-2025-plenary-kk"]
    assert [s.id for s in groups["kigali-2023-remarks"]] == ["kigali-2023-remarks"]
    assert versions.original_of(archive, archive.speech("aif-2025-plenary-kk")).id == "aif-2025-plenary"
    kept = versions.distinct(archive.speeches, groups)
    assert sorted(s.id for s in kept) == ["aif-2025-plenary", "kigali-2023-remarks"]
    assert versions.languages_of(archive.speech("aif-2025-plenary-ru"), groups) == ["en", "kk", "ru"]
    # A facet that lists only the Russian version still lists it once, as itself.
    only_russian = versions.distinct([archive.speech("aif-2025-plenary-ru")], groups)
    assert [s.id for s in only_russian] == ["aif-2025-plenary-ru"]


# ---- Side by side --------------------------------------------------------------------------------------------


def test_compare_pairs_aligned_ids_and_keeps_the_rest_in_order(site):
    archive = features.load(site.root)
    rows = languages.compare(archive.speech("aif-2025-plenary"), archive.speech("aif-2025-plenary-kk"))
    shown = [
        (r.original.id if r.original else None, r.translation.id if r.translation else None, r.aligned) for r in rows
    ]
    kazakh_only = automatic_id("Біз халықтарымыз арасында қабырға емес, көпір саламыз.")
    applause = archive.speech("aif-2025-plenary").statements[2].id
    assert shown == [
        ("welcome", "welcome", True),
        ("dialogue", "dialogue", True),
        (applause, None, False),
        ("open", "open", True),
        ("bridges", kazakh_only, False),
    ]


def test_compare_keeps_every_statement_once_when_ids_cross(tmp_path):
    archive = ArchiveDir(tmp_path)
    archive.speech("a", ORIGINAL, "One. {#one}\n\nTwo. {#two}\n\nThree. {#three}\n")
    archive.speech("a-ru", RUSSIAN.replace("aif-2025-plenary", "a"), "Два. {#two}\n\nОдин. {#one}\n\nТри. {#three}\n")
    loaded = features.load(tmp_path)
    rows = languages.compare(loaded.speech("a"), loaded.speech("a-ru"))
    left = [r.original.id for r in rows if r.original]
    right = [r.translation.id for r in rows if r.translation]
    assert left == ["one", "two", "three"] and sorted(right) == ["one", "three", "two"]
    assert [r.original.id for r in rows if r.aligned] == ["one", "three"]


# ---- The switcher and the <head> alternates ------------------------------------------------------------------


def test_the_switcher_links_every_version_marks_the_original_and_lists_the_shared_statements(site):
    archive = features.load(site.root)
    groups = versions.versions(archive)
    russian = archive.speech("aif-2025-plenary-ru")
    html = languages.render_switcher(russian, groups[russian.id], render.Links(base="../../"))
    assert (
        '<a href="../../speeches/aif-2025-plenary/" hreflang="en" lang="en" dir="ltr" '
        'data-podium-version="aif-2025-plenary" data-aligned="welcome dialogue open bridges">English</a>'
    ) in html
    assert 'data-podium-version="aif-2025-plenary-kk" data-aligned="welcome dialogue open">Қазақша</a>' in html
    assert '<span lang="ru" dir="ltr" aria-current="page">Русский</span>' in html
    assert 'podium-languages__status--original">original<' in html
    assert 'podium-languages__status--official-translation">official translation<' in html
    assert 'podium-languages__status--unofficial-translation">unofficial translation<' in html
    assert '<a href="../../speeches/aif-2025-plenary/compare/ru/">English</a>' in html
    assert "#" not in html.split("compare/ru/")[0]  # without JavaScript a switch opens the version's top
    alone = archive.speech("kigali-2023-remarks")
    assert languages.render_switcher(alone, groups[alone.id], render.Links()) == ""


def test_alternates_name_every_version_and_the_original_as_default(site):
    archive = features.load(site.root)
    group = versions.versions(archive)["aif-2025-plenary"]
    assert languages.alternates(group) == [
        ("en", "aif-2025-plenary"),
        ("kk", "aif-2025-plenary-kk"),
        ("ru", "aif-2025-plenary-ru"),
        ("x-default", "aif-2025-plenary"),
    ]


# ---- Interface strings -------------------------------------------------------------------------------------


@pytest.fixture
def russian_interface():
    i18n.use("ru")
    yield
    i18n.use("en")


def test_translate_and_plurals():
    assert i18n.translate("Date", language="ru") == "Дата"
    assert i18n.translate("Date") == "Date"
    assert i18n.translate("A string nobody translated", language="ru") == "A string nobody translated"
    assert [i18n.translate("speeches", n=n, language="ru") for n in (1, 2, 5, 11, 21, 22)] == [
        "1 речь",
        "2 речи",
        "5 речей",
        "11 речей",
        "21 речь",
        "22 речи",
    ]
    assert [i18n.translate("speeches", n=n) for n in (1, 2)] == ["1 speech", "2 speeches"]
    assert i18n.translate("Corrections to the source ({n})", n=2, language="ru") == "Исправления источника (2)"
    assert i18n.plural("statements", 3, "ru") == "высказывания"
    assert i18n.base("pt-BR") == "pt"


def test_speech_page_strings_follow_the_interface_language(site, russian_interface):
    archive = features.load(site.root)
    russian = archive.speech("aif-2025-plenary-ru")
    html = render.render_speech(russian, archive.registry, render.Links(), edit_url="https://example.org/edit")
    assert "<dt>Дата</dt>" in html and "<dt>Событие</dt>" in html and "<dt>Язык</dt>" in html
    assert "29 мая 2025 г." in html
    # The language filter keeps the English name the search page knows; readers see the Russian one.
    assert 'data-pagefind-filter="language:Russian">русский</dd>' in html
    assert ">Речь, перевод</dd>" in html
    assert ">Исправить эту стенограмму</a>" in html
    # podium.js makes the copy buttons from these labels.
    assert 'data-copy-label="Копировать ссылку" data-copied-label="Скопировано"' in html
    assert 'data-cite-label="Цитировать…" data-embed-label="Встроить…"' in html
    summary = render.render_home_summary(archive.speeches, archive.registry, render.Links(), 5)
    assert "<strong>2</strong> речи" in summary and ">Последние речи</h2>" in summary


def test_english_output_is_unchanged(site):
    archive = features.load(site.root)
    html = render.render_speech(archive.speech("aif-2025-plenary"), archive.registry, render.Links())
    assert '<dt>Language</dt><dd class="podium-language" data-pagefind-filter="language">English</dd>' in html
    assert ">29 May 2025</time>" in html and ">Speech, as delivered</dd>" in html
    summary = render.render_home_summary(archive.speeches, archive.registry, render.Links(), 5)
    assert "<strong>2</strong> speeches" in summary and "<strong>1</strong> event</li>" in summary


def test_endonyms():
    assert [languages.endonym(code) for code in ("en", "ru", "kk", "pt-BR", "xx")] == [
        "English",
        "Русский",
        "Қазақша",
        "Português",
        "xx",
    ]
    assert languages.direction("ar") == "rtl" and languages.direction("kk") == "ltr"
    assert dt.date(2025, 5, 29)  # keeps the import honest for the date checks above
