"""What readers read around the transcripts: counts in words that agree with their number, no markup syntax shown
as text, no promise the archive cannot keep, no keyboard hints on touch screens, no empty hub in the navigation,
Russian interface strings on a Russian site's facet, search and 404 pages, and nothing fetched from other hosts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.archive import ArchiveDir
from support.language_sites import three_versions

pytestmark = pytest.mark.slow

CSS = Path(__file__).parent.parent / "plugins/podium/assets/podium-search.css"


def text(html: str) -> str:
    """The words of a page's article, tags dropped, spaces collapsed, none before punctuation."""
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    article = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", article, flags=re.S)
    return re.sub(r" ([,.;:])", r"\1", re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))


# ---- The reference archive ------------------------------------------------------------------------------------


def test_a_backlink_count_names_what_it_counts(reference_site):
    html = (reference_site / "speeches/aif-2025-tokayev-plenary/index.html").read_text()
    assert "Referenced by" not in html
    assert re.search(r"<summary>Referenced in 1 statement</summary>", html)


def test_a_topics_statement_page_shows_no_markup_syntax(reference_site):
    html = (reference_site / "topics/multilateralism/statements/index.html").read_text()
    assert "topics=multilateralism" not in text(html)
    assert "on this topic, from every speech that touches it." in text(html)


def test_an_event_page_counts_its_speeches_in_a_sentence(reference_site):
    html = (reference_site / "events/aif-2025/index.html").read_text()
    assert '<p class="podium-facet__count"><span data-count="1">1 speech</span> in this archive.</p>' in html
    css = (Path(__file__).parent.parent / "plugins/podium/assets/podium-facets.css").read_text()
    assert re.search(r"\.podium-facet__count \[data-count\][^{]*\{[^}]*font-weight", css) is None


def test_search_help_promises_only_the_languages_the_archive_has(reference_site):
    words = text((reference_site / "search-help/index.html").read_text())
    assert "Russian and Kazakh transcripts" not in words
    assert "Search covers the transcripts in every language the archive has" in words


def test_keyboard_hints_are_marked_and_hidden_on_touch_screens(reference_site):
    html = (reference_site / "search/index.html").read_text()
    assert '<span class="podium-keys">Press <kbd>/</kbd> to come back here' in html
    assert re.search(
        r"@media \(hover: none\), \(pointer: coarse\) \{\s*\.podium-keys \{ display: none; \}", CSS.read_text()
    )


def test_pages_load_no_google_fonts_and_no_repository_stats(reference_site):
    for page in ("index.html", "speeches/aif-2025-tokayev-plenary/index.html", "404.html"):
        html = (reference_site / page).read_text()
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        assert 'class="md-source">' in html and 'data-md-component="source"' not in html


def test_the_404_page_links_search_and_hubs_from_the_site_root(reference_site):
    html = (reference_site / "404.html").read_text()
    assert '<form class="podium-notfound__search" role="search" action="/search/" method="get">' in html
    for href, label in (("/speeches/", "Speeches"), ("/speakers/", "Speakers"), ("/topics/", "Topics")):
        assert f'<li><a href="{href}">{label}</a></li>' in html


# ---- Site choices ---------------------------------------------------------------------------------------------


def test_a_site_that_names_a_font_or_asks_for_repository_stats_gets_them(tmp_path):
    archive = ArchiveDir(tmp_path)
    archive.write(
        "mkdocs.yml",
        "site_name: T\nrepo_url: https://github.com/o/r\ntheme:\n  name: material\n  font:\n    text: Inter\n"
        "extra:\n  repository_stats: true\nplugins:\n  - podium\n",
    )
    archive.speech("s")
    assert archive.build().returncode == 0
    html = archive.html("index.html")
    assert "fonts.googleapis.com/css?family=Inter" in html
    assert 'data-md-component="source"' in html


def test_an_archive_without_topics_has_no_topics_tab_and_the_hub_says_why(tmp_path):
    archive = ArchiveDir(tmp_path)
    archive.write("speeches/topics.yml", "{}\n")
    archive.write(
        "mkdocs.yml",
        "site_name: T\ntheme:\n  name: material\n  features: [navigation.tabs]\nnav:\n  - Home: index.md\n"
        "  - Speakers: speakers/index.md\n  - Topics: topics/index.md\nplugins:\n  - podium\n  - podium-facets\n",
    )
    archive.speech("s")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    home = archive.html("index.html")
    assert 'href="speakers/"' in home and 'href="topics/"' not in home
    assert "This archive has no topics yet: editors add them in topics.yml" in text(archive.html("topics/index.html"))


# ---- A Russian site -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def russian(tmp_path_factory) -> ArchiveDir:
    archive = three_versions(tmp_path_factory.mktemp("wording-ru"), language="ru", search=True)
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("speakers/index.html", "2 спикера, по алфавиту; число — сколько речей произнёс каждый."),
        ("speakers/tokayev/index.html", "1 речь в архиве."),
        ("dates/index.html", "Речи по годам"),
        ("dates/2025/index.html", "Май 2025"),
        ("search/index.html", "Поиск по стенограммам"),
        ("search/index.html", "Сначала новые"),
        ("404.html", "Страница не найдена"),
    ],
)
def test_a_russian_site_speaks_russian_on_facet_search_and_404_pages(russian, page, words):
    assert words in text(russian.html(page))


def test_a_russian_sites_facet_and_search_pages_keep_no_english_interface_words(russian):
    english = ("Speeches per", "The figures as a table", "Search the transcripts", "Most relevant", "Page not found")
    for page in ("speakers/tokayev/index.html", "dates/index.html", "search/index.html", "404.html"):
        words = text(russian.html(page))
        assert [word for word in english if word in words] == [], page


def test_a_russian_sites_header_search_box_speaks_russian(russian):
    html = russian.html("speakers/index.html")
    assert 'placeholder="Поиск по речам"' in html and 'aria-label="Быстрые результаты"' in html
