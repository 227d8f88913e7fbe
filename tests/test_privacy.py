"""No request leaves the site: the reference archive in headless Chromium asks nothing of Google Fonts, the
GitHub API or any other host, no request fails (no stray `sitemap.xml` 404), and the console stays clean."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from support.static_host import static_host

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOT_FOUND = "no/such/page/"  # the 404 page, at depth
PAGES = (
    "",
    "speeches/aif-2025-tokayev-plenary/",
    "speakers/tokayev/",
    "topics/multilateralism/",
    "search/?q=multilateralism",
    "quote/",
    NOT_FOUND,
)


@dataclass
class Visit:
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def site(reference_site):
    with static_host(reference_site) as base:  # the site's own 404.html for an unknown address
        yield base


def visit(browser, url: str) -> Visit:
    """Open `url` and record every request, failed response and console error until the network is idle."""
    seen = Visit()
    page = browser.new_page()
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("requestfailed", lambda request: seen.failures.append(f"{request.url} ({request.failure})"))
    page.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    # The 404 page answers 404 itself, as it should; what it loads must not.
    page.on(
        "response",
        lambda response: (
            seen.failures.append(f"{response.url} ({response.status})")
            if response.status >= 400 and response.url != url
            else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # Material's deferred fetches (repository facts, sitemaps) start after load
    page.close()
    return seen


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_site(browser, site, path):
    seen = visit(browser, site + path)
    assert [url for url in seen.requests if urlsplit(url).hostname not in ("127.0.0.1", None)] == []
    assert not any("fonts.g" in url or "api.github.com" in url for url in seen.requests)
    # Chromium logs each failed load as a console error: those are the next test's business.
    assert [error for error in seen.errors if not error.startswith("Failed to load resource")] == []


@pytest.mark.parametrize("path", PAGES)
def test_no_request_fails(browser, site, path):
    """Material fetches a sitemap.xml beside every <link rel="alternate">: podium.js keeps Podium's feeds out
    of its sight, so a speaker's page does not ask for /speakers/tokayev/sitemap.xml."""
    assert visit(browser, site + path).failures == []


def test_feed_links_stay_in_the_page(browser, site, reference_site):
    """Hidden from Material while it looks, the alternates (feeds, data files) are back once the page has loaded."""
    html = (reference_site / "speeches/aif-2025-tokayev-plenary/index.html").read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(site + "speeches/aif-2025-tokayev-plenary/", wait_until="load")
    shown = page.eval_on_selector_all("head link[rel=alternate]", "ls => ls.map(l => l.getAttribute('href'))")
    page.close()
    assert len(shown) >= 2 and shown == re.findall(r'<link rel="alternate"[^>]* href="([^"]+)"', html)


def test_the_404_page_offers_search_and_the_hubs_at_any_depth(browser, site):
    page = browser.new_page()
    response = page.goto(site + "a/b/c/no-such-speech/")
    assert response is not None and response.status == 404
    assert page.inner_text("h1") == "Page not found"
    hubs = page.eval_on_selector_all(".podium-notfound__hubs a", "links => links.map(a => [a.textContent, a.href])")
    assert ["Speeches", site + "speeches/"] in hubs and ["Topics", site + "topics/"] in hubs
    page.fill("#podium-notfound-q", "multilateralism")
    page.press("#podium-notfound-q", "Enter")
    page.wait_for_url(site + "search/?q=multilateralism")
    page.close()
