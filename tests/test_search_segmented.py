"""Transcripts in scripts other than the Latin and Cyrillic ones, in headless Chromium: search in those written
without spaces between words (Chinese, Japanese), and Arabic read right to left.

Pagefind's extended indexer cuts their text into words; the search page cuts a query the same way (the browser's
word segmenter) and reads the page's words as Pagefind counts them, so a word inside a sentence is found, lands on
its statement, is marked in the excerpt and highlighted on the speech page, and the excerpt is the text as written
(no space put between two words). Arabic, written with spaces, is searched as before; its title and statements
read right to left on the speech page, and so do its hits on the search page. The quote check page judges a
Chinese misquote as `podium quote` does.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from support.archive import ArchiveDir, archive_config
from support.search_sites import searched, watched_tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MKDOCS_YML = archive_config("podium", "podium-search", "podium-cite", name="Search test archive")

CHINESE = (
    "title: 在联合国大会的讲话\ndate: 2024-09-24\nspeaker: tokayev\nlanguage: zh\n"
    "coverage:\n- outlet: 新华社\n  quote: 我们坚持保护主义\n"
)
CHINESE_BODY = """\
各位朋友，欢迎来到阿斯塔纳。 {#welcome}

我们坚持多边主义，支持联合国发挥核心作用。 {#multilateralism}

气候变化是全人类面临的共同挑战。 {#climate}
"""
JAPANESE = "title: 国連総会での演説\ndate: 2024-09-25\nspeaker: kagame\nlanguage: ja\n"
JAPANESE_BODY = """\
皆様、アスタナへようこそ。 {#welcome}

気候変動は人類共通の課題です。 {#climate}

私たちは多国間主義を支持します。 {#multilateralism}
"""
ARABIC = "title: كلمة أمام الجمعية العامة\ndate: 2024-09-26\nspeaker: kagame\nlanguage: ar\n"
ARABIC_BODY = """\
أيها الأصدقاء الأعزاء، مرحبا بكم في أستانا. {#welcome}

إن التعاون الإقليمي هو الطريق إلى الازدهار. {#cooperation}
"""
HINDI = "title: संयुक्त राष्ट्र महासभा में वक्तव्य\ndate: 2024-09-27\nspeaker: tokayev\nlanguage: hi\n"
HINDI_BODY = """\
भारत शांति और सहयोग का समर्थन करता है। {#india}

भरत मुनि ने नाट्यशास्त्र लिखा। {#bharata}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    archive = ArchiveDir(tmp_path_factory.mktemp("segmented"))
    archive.write("mkdocs.yml", MKDOCS_YML)
    archive.speech("un-2024-zh", CHINESE, CHINESE_BODY, folder="speeches/2024")
    archive.speech("un-2024-ja", JAPANESE, JAPANESE_BODY, folder="speeches/2024")
    archive.speech("un-2024-ar", ARABIC, ARABIC_BODY, folder="speeches/2024")
    archive.speech("un-2024-hi", HINDI, HINDI_BODY, folder="speeches/2024")
    archive.speech("aif-2025-en", "title: Opening address\ndate: 2025-05-29\nspeaker: tokayev\n", "Welcome.\n")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive.root / "site"


@pytest.fixture(scope="module")
def tab(browser, serve_dir_module, site):
    with watched_tab(browser, serve_dir_module(site)) as opened:
        yield opened


@pytest.mark.parametrize(
    ("query", "speech", "statement", "text", "marks"),
    [
        ("多边主义", "un-2024-zh", "multilateralism", "我们坚持多边主义，支持联合国发挥核心作用。", ["多边", "主义"]),
        ("挑战", "un-2024-zh", "climate", "气候变化是全人类面临的共同挑战。", ["挑战"]),
        ("人類", "un-2024-ja", "climate", "気候変動は人類共通の課題です。", ["人類"]),
        ("التعاون", "un-2024-ar", "cooperation", "إن التعاون الإقليمي هو الطريق إلى الازدهار.", ["التعاون"]),
    ],
)
def test_a_word_inside_a_sentence_is_found_on_its_statement(tab, query, speech, statement, text, marks):
    status, hits = searched(tab, query)
    assert status == f"1 speech matches for {query}.", status
    assert len(hits) == 1, hits
    link = urlsplit(hits[0]["href"])
    assert (link.path, link.fragment) == (f"/speeches/{speech}/", statement)
    assert hits[0]["text"] == text  # as written: no space put between words
    assert hits[0]["marks"] == marks
    assert "".join(parse_qs(link.query)["highlight"]) == query


def test_a_hindi_word_is_not_another_without_its_vowel_sign(tab):
    """The page folds accents (é, ё) but keeps the vowel signs of Hindi: "भारत" (India) is not "भरत" (Bharata),
    which folding every mark made it."""
    status, hits = searched(tab, "भारत")
    assert [urlsplit(hit["href"]).fragment for hit in hits] == ["india"], status
    assert hits[0]["text"] == "भारत शांति और सहयोग का समर्थन करता है।"
    assert hits[0]["marks"] == ["भारत"]


def test_the_speech_page_highlights_the_word_found(tab):
    _, hits = searched(tab, "多边主义")
    tab.goto(tab.base.rstrip("/") + hits[0]["href"])
    tab.wait_for_selector("mark.podium-mark")
    marked = tab.eval_on_selector_all("mark.podium-mark", "marks => marks.map(m => m.textContent)")
    assert "".join(marked) == "多边主义"
    assert tab.eval_on_selector("mark.podium-mark", "m => m.closest('section').id") == "multilateralism"


def test_an_arabic_transcript_reads_right_to_left(tab, site):
    arabic = (site / "speeches" / "un-2024-ar" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="title" data-pagefind-meta="title" dir="rtl">' in arabic
    assert '<div class="podium-statements" dir="rtl" data-pagefind-body' in arabic
    english = (site / "speeches" / "aif-2025-en" / "index.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' not in english
    tab.goto(f"{tab.base}speeches/un-2024-ar/")
    assert tab.eval_on_selector("#cooperation p", "p => getComputedStyle(p).direction") == "rtl"
    assert tab.eval_on_selector(".podium-facts", "dl => getComputedStyle(dl).direction") == "ltr"  # the interface's
    searched(tab, "التعاون")
    assert tab.eval_on_selector(".podium-hit__text", "h => getComputedStyle(h).direction") == "rtl"
    assert tab.eval_on_selector(".podium-results__status", "s => getComputedStyle(s).direction") == "ltr"


def test_quoted_in_shows_chinese_as_written(site):
    """The speech page's "Quoted in" joined the words of its differences with spaces: "我 们 坚 持"."""
    html = (site / "speeches" / "un-2024-zh" / "index.html").read_text(encoding="utf-8")
    assert (
        '<q class="podium-coverage__quote" dir="auto">我们坚持保护主义</q>' in html
        and '<div class="podium-diff" dir="auto" aria-label="The quotation against the statement"> 我们坚持'
        ' <del title="said">多边</del> <ins title="quoted">保护</ins> 主义<a'
        in html
    )


def test_the_quote_page_judges_a_chinese_misquote_as_podium_quote_does(tab):
    tab.goto(f"{tab.base}quote/?q={quote('我们坚持保护主义')}")
    tab.wait_for_selector(".podium-quote__result, .podium-quote__verdict--none")
    assert tab.inner_text(".podium-quote__result .podium-quote__verdict") == "Found with differences"
    assert tab.inner_text(".podium-quote__result .podium-fidelity") == "75% fidelity"
    assert tab.inner_text(".podium-quote__result del") == "多边"
    assert tab.inner_text(".podium-quote__result ins") == "保护"
