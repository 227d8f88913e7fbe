"""Language versions (issue 10) in whole builds and in headless Chromium: one speech in English (the
original), Russian (official) and Kazakh (unofficial, one statement unaligned), built once per module."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from support.language_sites import three_versions

pytestmark = pytest.mark.slow  # every test here builds a site

VERSIONS = {"aif-2025-plenary": "en", "aif-2025-plenary-ru": "ru", "aif-2025-plenary-kk": "kk"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    archive = three_versions(tmp_path_factory.mktemp("languages"), search=True, site_url=False)
    result = archive.build()
    assert result.returncode == 0, result.stderr
    assert "0 errors, 2 warnings" in result.stderr
    return archive


@pytest.fixture(scope="module")
def built_in_russian(tmp_path_factory):
    archive = three_versions(tmp_path_factory.mktemp("languages-ru"), language="ru")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive


def head(html: str) -> str:
    return html.split("</head>")[0]


# ---- Static HTML -------------------------------------------------------------------------------------------

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)" data-podium-alternate>')


def test_each_version_has_its_own_html_lang_and_hreflang_alternates_for_all(built):
    for ident, language in VERSIONS.items():
        html = built.html(f"speeches/{ident}/index.html")
        assert f'<html lang="{language}"' in html
        assert ALTERNATE.findall(head(html)) == [
            ("en", "../../speeches/aif-2025-plenary/"),
            ("kk", "../../speeches/aif-2025-plenary-kk/"),
            ("ru", "../../speeches/aif-2025-plenary-ru/"),
            ("x-default", "../../speeches/aif-2025-plenary/"),
        ], ident
    single = built.html("speeches/kigali-2023-remarks/index.html")
    assert "hreflang" not in head(single) and "podium-languages__list" not in single


def test_with_site_url_the_alternates_are_absolute(built_in_russian):
    html = built_in_russian.html("speeches/aif-2025-plenary-kk/index.html")
    assert ALTERNATE.findall(head(html)) == [
        ("en", "https://archive.example.org/speeches/aif-2025-plenary/"),
        ("kk", "https://archive.example.org/speeches/aif-2025-plenary-kk/"),
        ("ru", "https://archive.example.org/speeches/aif-2025-plenary-ru/"),
        ("x-default", "https://archive.example.org/speeches/aif-2025-plenary/"),
    ]


def test_the_switcher_sits_in_the_header_and_opens_the_top_without_javascript(built):
    html = built.html("speeches/aif-2025-plenary-kk/index.html")
    header = html.split('<header class="podium-speech__header">')[1].split("</header>")[0]
    assert '<nav class="podium-languages" aria-label="Language versions">' in header
    assert (
        '<a href="../../speeches/aif-2025-plenary/" hreflang="en" lang="en" dir="ltr" '
        'data-podium-version="aif-2025-plenary" data-aligned="welcome dialogue open">English</a>'
    ) in header
    assert (
        '<a href="../../speeches/aif-2025-plenary-ru/" hreflang="ru" lang="ru" dir="ltr" '
        'data-podium-version="aif-2025-plenary-ru" data-aligned="welcome dialogue open">Русский</a>'
    ) in header
    assert '<span lang="kk" dir="ltr" aria-current="page">Қазақша</span>' in header
    assert "unofficial translation" in header
    assert "<!-- podium:languages -->" not in html
    assert "assets/podium/podium-languages.js" in html


def test_side_by_side_pages_for_each_translation_and_none_are_indexed(built):
    html = built.html("speeches/aif-2025-plenary/compare/ru/index.html")
    assert '<html lang="en"' in html
    assert "<title>Address at the plenary session and Русский side by side" in html
    rows = re.findall(r'<div class="podium-compare__row podium-compare__row--aligned" id="([^"]+)"', html)
    assert rows == ["welcome", "dialogue", "open", "bridges"]
    assert '<div class="podium-compare__cell" lang="ru" dir="ltr">' in html
    assert 'href="../../../../speeches/aif-2025-plenary-ru/#dialogue"' in html
    assert "data-pagefind-body" not in html
    kazakh = built.html("speeches/aif-2025-plenary/compare/kk/index.html")
    assert kazakh.count("podium-compare__row--aligned") == 3
    assert "Not in this version" in kazakh  # [Applause] has no Kazakh counterpart
    assert not (built.root / "site/speeches/kigali-2023-remarks/compare").exists()
    original = built.html("speeches/aif-2025-plenary/index.html")
    assert (
        'Side by side:\n<a href="../../speeches/aif-2025-plenary/compare/kk/">Қазақша</a> · '
        '<a href="../../speeches/aif-2025-plenary/compare/ru/">Русский</a>'
    ) in original


def test_facet_pages_count_the_speech_once_and_name_its_languages(built):
    html = built.html("speakers/tokayev/index.html")
    assert html.count('<li><a href="../../speeches/') == 1
    assert '<li><a href="../../speeches/aif-2025-plenary/">' in html
    assert (
        '<span class="podium-speech-list__languages"><a href="../../speeches/aif-2025-plenary/" hreflang="en" '
        'lang="en">English</a>, <a href="../../speeches/aif-2025-plenary-kk/" hreflang="kk" lang="kk">Қазақша</a>, '
        '<a href="../../speeches/aif-2025-plenary-ru/" hreflang="ru" lang="ru">Русский</a></span>'
    ) in html
    year = built.html("dates/2025/index.html")
    assert year.count('<li><a href="../../speeches/') == 1


def test_search_has_one_index_per_language(built):
    entry = json.loads((built.root / "site/pagefind/pagefind-entry.json").read_text())
    site = built.root / "site"
    # the first pages of speakers, topics and events are indexed too, in the site's language (issue 6)
    facet_pages = [
        path
        for facet in ("speakers", "topics", "events")
        for path in (site / facet).glob("*/index.html")
        if path.parent.name != "page"
    ]
    assert facet_pages
    assert {code: data["page_count"] for code, data in entry["languages"].items()} == {
        "en": 2 + len(facet_pages),
        "ru": 1,
        "kk": 1,
    }


def test_the_interface_follows_theme_language_ru(built_in_russian):
    html = built_in_russian.html("speeches/aif-2025-plenary/index.html")
    assert '<html lang="en"' in html  # the transcript's language, not the interface's
    assert '<nav class="podium-languages" aria-label="Языковые версии">' in html
    assert '<span class="podium-languages__status podium-languages__status--original">оригинал</span>' in html
    assert "официальный перевод" in html and "неофициальный перевод" in html
    assert "<dt>Дата</dt>" in html and "29 мая 2025 г." in html
    assert "Параллельно:" in html
    home = built_in_russian.html("index.html")
    assert "<strong>2</strong> речи" in home and "Последние речи" in home
    compare = built_in_russian.html("speeches/aif-2025-plenary/compare/kk/index.html")
    assert "Нет в этой версии" in compare and "English и Қазақша параллельно" in compare


# ---- In the browser ----------------------------------------------------------------------------------------


@pytest.fixture
def open_page(browser, serve_dir, built):
    base = serve_dir(built.root / "site")
    contexts = []

    def opener(path: str, **options):
        context = browser.new_context(**({"viewport": {"width": 1200, "height": 700}} | options))
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(base + path)
        return page

    yield opener
    for context in contexts:
        context.close()


def in_view(page, ident: str) -> bool:
    return page.evaluate(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }",
        ident,
    )


@pytest.mark.browser
def test_switching_keeps_the_statement_in_the_address(open_page):
    page = open_page("speeches/aif-2025-plenary-ru/#dialogue")
    page.click("a[data-podium-version=aif-2025-plenary-kk]")
    page.wait_for_url("**/speeches/aif-2025-plenary-kk/#dialogue")
    assert in_view(page, "dialogue")
    assert page.get_attribute("html", "lang") == "kk"
    assert page.errors == []


@pytest.mark.browser
def test_materials_alternate_language_handler_does_not_take_the_click(open_page):
    # From the original to a translation whose URL does not start with the original's: Material would send
    # the click to the translation's "home" (its own URL, without the fragment).
    page = open_page("speeches/aif-2025-plenary/#bridges")
    page.wait_for_load_state("networkidle")  # Material has read the alternates and fetched its sitemaps
    page.click("a[data-podium-version=aif-2025-plenary-ru]")
    page.wait_for_url("**/speeches/aif-2025-plenary-ru/#bridges")
    page.wait_for_load_state("networkidle")
    page.click(".podium-languages__compare a")  # a link into another version that is not the switcher
    page.wait_for_url("**/speeches/aif-2025-plenary/compare/ru/")


@pytest.mark.browser
def test_switching_after_scrolling_keeps_the_statement_at_the_top_of_the_window(open_page):
    page = open_page("speeches/aif-2025-plenary/", viewport={"width": 1200, "height": 500})
    # A short page: room to scroll below it, as in a long speech.
    page.evaluate(
        "document.querySelector('.podium-speech')"
        ".insertAdjacentHTML('afterend', '<div style=\"height: 2000px\"></div>')"
    )
    # `open` just below Material's header, the next statement on the line where a reader reads.
    page.evaluate(
        "window.scrollBy({top: document.getElementById('open').getBoundingClientRect().top - 60, behavior: 'instant'})"
    )
    page.evaluate("document.querySelector('a[data-podium-version=aif-2025-plenary-ru]').click()")
    page.wait_for_url("**/speeches/aif-2025-plenary-ru/#open")


@pytest.mark.browser
def test_an_unaligned_statement_switches_to_the_nearest_aligned_one_before_it(open_page, built):
    from podium.core.statements import automatic_id

    unaligned = automatic_id("Біз халықтарымыз арасында қабырға емес, көпір саламыз.")
    page = open_page(f"speeches/aif-2025-plenary-kk/#{unaligned}")
    page.click("a[data-podium-version=aif-2025-plenary]")
    page.wait_for_url("**/speeches/aif-2025-plenary/#open")


@pytest.mark.browser
def test_without_javascript_a_switch_opens_the_other_versions_top(open_page):
    page = open_page("speeches/aif-2025-plenary-ru/#dialogue", java_script_enabled=False)
    page.click("a[data-podium-version=aif-2025-plenary]")
    page.wait_for_url("**/speeches/aif-2025-plenary/")
    assert page.url.endswith("/speeches/aif-2025-plenary/")


@pytest.mark.browser
def test_a_russian_query_finds_the_russian_version_and_links_to_its_statement(open_page):
    page = open_page(f"search/?q={quote('сотрудничества')}")  # inflected: the Russian stemmer finds сотрудничество
    page.wait_for_function(
        "() => { const r = document.querySelector('.podium-results');"
        " const s = document.querySelector('.podium-results__status');"
        " return r && r.getAttribute('aria-busy') === 'false' && /match/.test(s.textContent); }",
        timeout=20_000,
    )
    titles = page.eval_on_selector_all(".podium-result__title", "h => h.map(e => e.textContent.trim())")
    assert titles == ["Выступление на пленарном заседании"]
    links = page.eval_on_selector_all("[data-podium-hit]", "links => links.map(a => a.getAttribute('href'))")
    assert links[0].split("?")[0].endswith("speeches/aif-2025-plenary-ru/#dialogue") or re.search(
        r"speeches/aif-2025-plenary-ru/.*#dialogue$", links[0]
    ), links
    page.click("[data-podium-hit]")
    page.wait_for_url(re.compile(r".*/speeches/aif-2025-plenary-ru/.*#dialogue$"))
    assert page.get_attribute("html", "lang") == "ru"
    assert in_view(page, "dialogue")
