"""Preview cards in headless Chromium: hover shows the card, keyboard focus shows it, no page load."""

from __future__ import annotations

import pytest

from support.archive import ArchiveDir
from support.xref_sites import KAGAME_2024, KAGAME_BODY, TOKAYEV_2025, TOKAYEV_BODY, XREF_YML

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    archive = ArchiveDir(tmp_path_factory.mktemp("xref"))
    archive.write("mkdocs.yml", XREF_YML)
    archive.speech("kagame-2024", KAGAME_2024, KAGAME_BODY, folder="speeches/2024")
    archive.speech("tokayev-2025", TOKAYEV_2025, TOKAYEV_BODY)
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive.root / "site"


@pytest.fixture
def page(browser, serve_dir, site):
    base = serve_dir(site)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.requests = []
    page.goto(base + "speeches/tokayev-2025/")
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    assert page.errors == []
    context.close()


CARD = "#podium-card"
LINK = '.podium-xref__see a[data-ref="kagame-2024#trade-with-neighbours"]'


def test_hover_shows_the_card_without_a_page_load(page):
    assert page.locator(CARD).count() == 0 or not page.locator(CARD).is_visible()
    page.hover(LINK)
    card = page.locator(CARD)
    card.wait_for(state="visible")
    assert card.inner_text().split("\n") == [
        "Paul Kagame, President, Republic of Rwanda",
        "10 May 2024 · Astana International Forum 2025",
        "Address on regional integration",
        "Africa and Central Asia share the same task: to trade more with our neighbours.",
    ]
    assert page.get_attribute(LINK, "aria-describedby") == "podium-card"
    assert page.url.endswith("/speeches/tokayev-2025/")
    assert [url for url in page.requests if "favicon" not in url] == []  # the card came from the page itself
    page.mouse.move(5, 5)
    card.wait_for(state="hidden")


def test_keyboard_focus_shows_the_card_and_escape_hides_it(page):
    # Tab through the page until the inline reference (the speaker's own words) has the focus.
    inline = 'a.podium-ref[data-ref="kagame-2024#trade-with-neighbours"]:not(.podium-xref a)'
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "my colleague from Rwanda said":
            break
    else:
        pytest.fail("Tab never reached the inline reference")
    card = page.locator(CARD)
    card.wait_for(state="visible")
    assert "Paul Kagame" in card.inner_text()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "podium-card"
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")
    assert page.locator(inline).count() == 1


def test_the_link_just_works(page):
    """On a phone (or with the card open) the link navigates like any other."""
    page.click(LINK)
    page.wait_for_url("**/speeches/kagame-2024/#trade-with-neighbours")
    summary = page.locator("#trade-with-neighbours .podium-xref__backlinks summary")
    assert summary.inner_text() == "Referenced in 2 statements"
