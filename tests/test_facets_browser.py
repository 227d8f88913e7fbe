"""Facet pages in headless Chromium, in Material's light and dark schemes: the charts take the palette's
colours, nothing overflows, and the speakers filter works with JavaScript and stays out of the way without."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.archive import ArchiveDir

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MKDOCS_YML = """\
site_name: Facets in a browser
theme:
  name: material
  features: [navigation.tabs]
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
nav:
  - Home: index.md
  - Speakers: speakers/index.md
  - Topics: topics/index.md
  - Events: events/index.md
  - Dates: dates/index.md
plugins:
  - podium
  - podium-facets
"""
PAGES = ("speakers/", "speakers/kagame/", "topics/", "topics/climate/", "events/aif-2025/", "dates/", "dates/2024/")
# Screenshots go here when set (to look at them), else into the test's tmp_path.
SHOTS = os.environ.get("PODIUM_SCREENSHOTS")


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve_dir_module) -> str:
    archive = ArchiveDir(tmp_path_factory.mktemp("facets-browser"))
    archive.write("mkdocs.yml", MKDOCS_YML)
    for year in (2022, 2023, 2024, 2025):
        for n, speaker in enumerate(("kagame", "tokayev", "kagame")):
            archive.speech(
                f"s-{year}-{n}",
                f"title: Remarks {n} of {year}\ndate: {year}-0{n + 3}-1{n}\n"
                f"speaker: {speaker}\nevent: aif-2025\nsession: Plenary session\n"
                "topics: [climate, multilateralism]\n",
                "We must act on water. {#water topics=climate}\n\nThank you.\n",
                folder=f"speeches/{year}",
            )
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return serve_dir_module(archive.root / "site")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pages_fit_and_the_charts_follow_the_palette(browser, site, scheme, tmp_path):
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    background = None
    for path in PAGES:
        page.goto(site + path)
        page.wait_for_timeout(300)  # Material's tabs fade in
        page.screenshot(path=str(folder / f"facets-{path.strip('/').replace('/', '-')}-{scheme}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        if page.locator(".podium-chart").count():
            bar = page.locator(".podium-chart__svg rect").first
            fill = bar.evaluate("e => getComputedStyle(e).fill")
            link = page.evaluate("getComputedStyle(document.querySelector('.md-content a')).color")
            label = page.locator(".podium-chart__label").first.evaluate("e => getComputedStyle(e).fill")
            assert fill == link, (path, fill, link)  # the palette's link colour, in either scheme
            assert label not in (background, "rgb(0, 0, 0)" if scheme == "dark" else "rgb(255, 255, 255)")
            box = page.locator(".podium-chart__svg").first.bounding_box()
            assert box["width"] > 300 and box["height"] > 60, (path, box)  # not collapsed by Material's figure
    expected = "rgb(255, 255, 255)" if scheme == "light" else None
    if expected:
        assert background == expected
    else:
        assert background != "rgb(255, 255, 255)"
    page.close()


def test_the_chart_bars_link_to_the_years_of_the_list(browser, site):
    page = browser.new_page()
    page.goto(site + "speakers/kagame/")
    assert page.locator(".podium-chart__svg title").first.text_content() == "Speeches per year"
    page.locator(".podium-chart__svg a").last.click()
    page.wait_for_url("**/speakers/kagame/#y2025")
    assert page.locator("#y2025").is_visible()
    page.close()


def test_the_speakers_filter_hides_other_organisations(browser, site):
    page = browser.new_page()
    page.goto(site + "speakers/")
    form = page.locator(".podium-filter")
    form.wait_for(state="visible")
    assert page.locator(".podium-facet-row:visible").count() == 2
    page.select_option("select[name=organization]", "Republic of Rwanda")
    assert page.locator(".podium-facet-row:visible").count() == 1
    assert page.locator("#letter-T").is_hidden() and page.locator("#letter-K").is_visible()
    assert page.locator(".podium-filter__status").text_content() == "1 shown on this page"
    page.select_option("select[name=organization]", "")
    assert page.locator(".podium-facet-row:visible").count() == 2
    page.close()


def test_without_javascript_the_whole_list_shows_and_no_filter(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "speakers/")
    assert page.locator(".podium-filter").is_hidden()
    assert page.locator(".podium-facet-row:visible").count() == 2
    page.goto(site + "speakers/kagame/")
    assert page.locator(".podium-chart__svg rect").count() == 4  # the chart is static SVG
    context.close()


def test_on_a_phone_nothing_overflows_and_the_count_header_stays_on_one_line(browser, site):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    for path in PAGES:
        page.goto(site + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    page.goto(site + "speakers/")
    header = page.locator(".podium-facet-table thead th").last.bounding_box()
    assert header["height"] < 40  # "Speeches" unbroken
    assert page.locator(".podium-facet-table thead th").nth(2).is_hidden()  # no country column on a phone
    page.close()
