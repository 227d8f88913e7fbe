"""Search (issue 6) in headless Chromium: the reference archive, a small archive in three languages, and a
generated one. The reference site is the run's shared one (conftest.reference_site), the other two are built once per
module; every test opens its own page on a local server."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from podium import features
from support.archive import ArchiveDir
from support.search_sites import generated_archive, small_archive

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _built(archive: ArchiveDir):
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive.root / "site"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    return _built(small_archive(tmp_path_factory.mktemp("search-small")))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    archive = generated_archive(tmp_path_factory.mktemp("search-generated"))
    return archive.root, _built(archive)


@pytest.fixture
def open_site(browser, serve_dir):
    contexts = []

    def opener(site, path: str = "", **context_options):
        context = browser.new_context(**({"viewport": {"width": 1280, "height": 900}} | context_options))
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.base = serve_dir(site)
        if path is not None:
            page.goto(page.base + path)
        return page

    yield opener
    for context in contexts:
        context.close()


def wait_for_results(page, timeout: float = 30_000) -> str:
    """The status line once the current search has answered, e.g. '3 speeches match for cooperation.'"""
    page.wait_for_function(
        "() => { const r = document.querySelector('.podium-results');"
        " const s = document.querySelector('.podium-results__status');"
        " return r && r.getAttribute('aria-busy') === 'false' && /match/.test(s.textContent); }",
        timeout=timeout,
    )
    return page.inner_text(".podium-results__status")


def search_page(open_site, site, query: str, **params):
    extra = "".join(f"&{key}={quote(value)}" for key, value in params.items())
    page = open_site(site, f"search/?q={quote(query)}{extra}")
    wait_for_results(page)
    return page


def hit_links(page) -> list[str]:
    return page.eval_on_selector_all("[data-podium-hit]", "links => links.map(a => a.getAttribute('href'))")


def result_titles(page) -> list[str]:
    return page.eval_on_selector_all(".podium-result__title", "h => h.map(e => e.textContent.trim())")


def facet(page, name: str) -> dict[str, int]:
    rows = page.eval_on_selector_all(
        f'[data-facet="{name}"] label',
        "labels => labels.map(l => [l.querySelector('.podium-facet__value').textContent,"
        " l.querySelector('.podium-facet__count').textContent])",
    )
    return {value: int(count) for value, count in rows}


# ---- The reference archive ----------------------------------------------------------------------------


def test_a_phrase_finds_the_right_statement(open_site, reference_site):
    page = search_page(open_site, reference_site, '"dialogue is more powerful"')
    assert page.inner_text(".podium-results__status") == '1 speech matches for "dialogue is more powerful".'
    links = hit_links(page)
    assert len(links) == 1
    assert links[0].startswith("/speeches/aif-2025-tokayev-plenary/?")
    assert links[0].endswith("#dialogue-over-division")
    marked = page.eval_on_selector_all(".podium-hit mark", "m => m.map(e => e.textContent)")
    assert marked == ["dialogue", "is", "more", "powerful"]
    assert page.errors == []


def test_clicking_a_result_lands_on_the_statement_with_the_terms_highlighted(open_site, reference_site):
    page = search_page(open_site, reference_site, '"dialogue is more powerful"')
    page.click("[data-podium-hit]")
    page.wait_for_selector("#dialogue-over-division mark.podium-mark")
    assert urlsplit(page.url).fragment == "dialogue-over-division"
    marked = page.eval_on_selector_all("mark.podium-mark", "m => m.map(e => e.textContent)")
    assert marked == ["dialogue is more powerful"]
    assert "podium-search-target" in page.get_attribute("#dialogue-over-division", "class")
    box = page.eval_on_selector("#dialogue-over-division", "e => e.getBoundingClientRect().toJSON()")
    assert 0 <= box["top"] < 900  # in view
    assert page.errors == []


def test_words_that_appear_in_several_statements_give_one_result_per_statement(open_site, reference_site):
    page = search_page(open_site, reference_site, "nuclear")
    links = hit_links(page)
    assert len(links) == len(set(links)) >= 3  # several statements of the one speech, each its own link
    assert all(re.search(r"#[a-z0-9-]+$", link) for link in links)
    assert page.inner_text(".podium-results__status").startswith("1 speech matches")
    # the first three are shown, the others behind "more matching statements"
    assert page.eval_on_selector_all(".podium-hit:not([hidden])", "h => h.length") == 3
    page.click("[data-podium-more]")
    assert page.eval_on_selector_all(".podium-hit:not([hidden])", "h => h.length") == len(links)


# ---- Filters, sorting, the URL --------------------------------------------------------------------------


def test_a_speaker_filter_narrows_the_results_and_its_count_matches(open_site, small_site):
    page = search_page(open_site, small_site, "cooperation")
    assert page.inner_text(".podium-results__status") == "3 speeches match for cooperation."
    speakers = facet(page, "speaker")
    assert speakers == {"Kassym-Jomart Tokayev": 2, "Paul Kagame": 2}
    page.check('[data-facet="speaker"] input[value="Paul Kagame"]')
    assert wait_for_results(page) == "2 speeches match for cooperation."
    assert len(page.query_selector_all(".podium-result")) == speakers["Paul Kagame"]
    assert sorted(result_titles(page)) == ["Panel on climate and cooperation", "Remarks on development"]
    assert parse_qs(urlsplit(page.url).query) == {"q": ["cooperation"], "speaker": ["Paul Kagame"]}
    years = facet(page, "year")
    page.check('[data-facet="year"] input[value="2023"]')
    assert wait_for_results(page) == f"{years['2023']} speech matches for cooperation."
    assert result_titles(page) == ["Remarks on development"]


def test_in_a_panel_the_speaker_filter_keeps_that_speakers_statements(open_site, small_site):
    page = search_page(open_site, small_site, "cooperation")
    panel = page.locator(".podium-result", has_text="Panel on climate")
    assert panel.locator(".podium-hit__speaker").all_inner_texts() == [
        "Kassym-Jomart Tokayev:",
        "Paul Kagame:",
        "Kassym-Jomart Tokayev:",
    ]
    page.check('[data-facet="speaker"] input[value="Paul Kagame"]')
    wait_for_results(page)
    panel = page.locator(".podium-result", has_text="Panel on climate")
    assert panel.locator(".podium-hit__speaker").all_inner_texts() == ["Paul Kagame:"]
    assert panel.locator("[data-podium-hit]").get_attribute("href").endswith("#africa-cooperation")


def test_sort_by_date_newest_and_oldest(open_site, small_site):
    page = search_page(open_site, small_site, "cooperation", sort="newest")
    assert result_titles(page) == ["Opening address", "Panel on climate and cooperation", "Remarks on development"]
    page.select_option("select[name=sort]", "oldest")
    wait_for_results(page)
    page.wait_for_function("() => document.querySelector('.podium-result__title').textContent.includes('Remarks')")
    assert result_titles(page) == ["Remarks on development", "Panel on climate and cooperation", "Opening address"]


def test_the_url_round_trips_the_state_and_the_back_button_restores_it(open_site, small_site):
    page = search_page(open_site, small_site, "cooperation", speaker="Paul Kagame", sort="oldest")
    assert page.input_value("#podium-searchpage-q") == "cooperation"
    assert page.input_value("select[name=sort]") == "oldest"
    assert page.is_checked('[data-facet="speaker"] input[value="Paul Kagame"]')
    assert result_titles(page) == ["Remarks on development", "Panel on climate and cooperation"]
    shared = page.url

    page.fill("#podium-searchpage-q", "climate")
    page.press("#podium-searchpage-q", "Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'climate'")
    assert wait_for_results(page) == "1 speech matches for climate."
    page.uncheck('[data-facet="speaker"] input[value="Paul Kagame"]')
    page.wait_for_function("() => !new URLSearchParams(location.search).has('speaker')")
    wait_for_results(page)

    page.go_back()
    page.wait_for_function("() => new URLSearchParams(location.search).get('speaker') === 'Paul Kagame'")
    wait_for_results(page)
    assert page.input_value("#podium-searchpage-q") == "climate"
    assert page.is_checked('[data-facet="speaker"] input[value="Paul Kagame"]')
    page.go_back()
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'cooperation'")
    assert wait_for_results(page) == "2 speeches match for cooperation."
    assert page.input_value("select[name=sort]") == "oldest"

    other = open_site(small_site, None)
    other.goto(shared)  # a shared link opens the same search
    wait_for_results(other)
    assert result_titles(other) == ["Remarks on development", "Panel on climate and cooperation"]


# ---- Languages -------------------------------------------------------------------------------------------


def test_cyrillic_queries_find_cyrillic_transcripts(open_site, small_site):
    page = search_page(open_site, small_site, "сотрудничества")  # an inflected form: Russian stemming finds it
    assert result_titles(page) == ["Выступление на пленарном заседании"]
    assert hit_links(page)[0].endswith("#dialog")
    assert page.inner_text(".podium-result__meta").endswith("Russian")
    page.click("[data-podium-hit]")
    page.wait_for_selector("#dialog mark.podium-mark")
    assert page.inner_text("#dialog mark.podium-mark") == "сотрудничество"
    assert page.get_attribute("html", "lang") == "ru"

    page = search_page(open_site, small_site, "ынтымақтастықты")
    assert result_titles(page) == ["Форумдағы сөз"]
    assert hit_links(page)[0].endswith("#yntymaq")
    assert facet(page, "language") == {"Kazakh": 1}


def test_a_latin_query_from_a_russian_page_still_finds_english_speeches(open_site, small_site):
    page = open_site(small_site, "speeches/aif-2025-tokayev-ru/")
    page.fill("#podium-searchbox-q", "dialogue")
    page.wait_for_selector("#podium-searchbox-results [role=option]")
    assert "Opening address" in page.inner_text("#podium-searchbox-results")


# ---- Keyboard, header box, phone -------------------------------------------------------------------------


def test_slash_and_s_focus_the_search_and_arrows_move_through_results(open_site, small_site):
    page = open_site(small_site, "speeches/aif-2025-opening/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "podium-searchbox-q"
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "podium-searchbox-q"
    assert page.input_value("#podium-searchbox-q") == ""  # the key focuses, it does not type

    page = search_page(open_site, small_site, "cooperation")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "podium-searchpage-q"
    page.keyboard.press("ArrowDown")
    links = hit_links(page)
    assert page.evaluate("document.activeElement.getAttribute('href')") == links[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(links[0].split("?")[0])))
    page.wait_for_selector("mark.podium-mark", timeout=10_000)  # highlighting runs after the page loads


def test_the_header_box_shows_quick_results_and_enter_opens_one(open_site, small_site):
    page = open_site(small_site, "")
    page.fill("#podium-searchbox-q", "division")
    page.wait_for_selector("#podium-searchbox-results [role=option]")
    assert page.get_attribute("#podium-searchbox-q", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#podium-quick-0", "aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_selector("#dialogue mark.podium-mark")
    assert urlsplit(page.url).path == "/speeches/aif-2025-opening/"
    assert urlsplit(page.url).fragment == "dialogue"

    page = open_site(small_site, "")
    page.fill("#podium-searchbox-q", "division")
    page.press("#podium-searchbox-q", "Enter")  # no choice made: the full search page
    page.wait_for_url(re.compile(r"/search/\?q=division"))
    assert wait_for_results(page) == "1 speech matches for division."
    assert page.errors == []


def test_usable_on_a_phone(open_site, small_site):
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    page = open_site(small_site, "speeches/aif-2025-opening/", **phone)
    assert not page.is_visible("#podium-searchbox-q")
    page.click(".podium-searchbox__button")
    page.wait_for_url(re.compile(r"/search/"))
    page.fill("#podium-searchpage-q", "cooperation")
    page.press("#podium-searchpage-q", "Enter")
    assert wait_for_results(page) == "3 speeches match for cooperation."
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not page.is_visible('[data-facet="speaker"]')  # the filters are folded under the search box
    page.click(".podium-filters__summary")
    page.check('[data-facet="speaker"] input[value="Paul Kagame"]')
    assert wait_for_results(page) == "2 speeches match for cooperation."


# ---- A generated archive ---------------------------------------------------------------------------------


def test_generated_archive_phrase_and_cyrillic_word(open_site, generated):
    root, site = generated
    archive = features.load(root)
    assert archive.ok
    # A phrase of four plain words from an English statement, the rarest (longest) such window.
    best = None
    for speech in archive.speeches:
        if speech.meta.language != "en":
            continue
        for statement in speech.statements:
            tokens = statement.text.split()
            for i in range(len(tokens) - 3):
                window = tokens[i : i + 4]
                if all(re.fullmatch(r"[a-z]+", word) for word in window):
                    if best is None or sum(map(len, window)) > sum(map(len, best[2])):
                        best = (speech, statement, window)
    speech, statement, window = best
    page = search_page(open_site, site, '"' + " ".join(window) + '"')
    assert any(
        link.startswith(f"/speeches/{speech.id}/?") and link.endswith(f"#{statement.id}") for link in hit_links(page)
    ), (window, hit_links(page))

    cyrillic = next(s for s in archive.speeches if s.meta.language in ("kk", "ru"))
    word = max((w for st in cyrillic.statements for w in re.findall(r"\w+", st.text)), key=len)
    page = search_page(open_site, site, word)
    assert cyrillic.meta.title in result_titles(page)
    assert page.errors == []


# ---- mkdocs serve ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_serve_indexes_and_reindexes_after_an_edit(browser, tmp_path):
    import os
    import signal
    import subprocess
    import time

    from support.archive import BIN
    from support.processes import free_port, wait_for

    archive = small_archive(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=archive.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        entry = wait_for(base + "pagefind/pagefind-entry.json", '"page_count"', 180)
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(60_000)  # the machine may be busy: serve rebuilds and indexes meanwhile
        page.goto(base + "search/?q=zebras")
        assert wait_for_results(page, 60_000) == "No speech matches for zebras."
        remarks = archive.root / "speeches/2023/kigali-2023-remarks.md"
        remarks.write_text(remarks.read_text().replace("its young people.", "its young people and its zebras."))
        deadline = time.monotonic() + 180
        while wait_for(base + "pagefind/pagefind-entry.json", '"page_count"', 180) == entry:
            assert time.monotonic() < deadline, "the index was not rebuilt"
            time.sleep(0.3)
        status = ""
        while status != "1 speech matches for zebras." and time.monotonic() < deadline:
            try:
                page.goto(base + "search/?q=zebras")  # a new page: a new Pagefind, reading the new index
                status = wait_for_results(page)
            except Exception:  # the rebuild may still be writing the site, or live reload interrupts
                time.sleep(0.5)
        assert status == "1 speech matches for zebras."
        context.close()
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site
        server.wait(timeout=10)
