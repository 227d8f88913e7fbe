"""No request leaves the site: the reference archive in headless Chromium asks nothing of Google Fonts, the
GitHub API or any other host, no request fails (no stray `sitemap.xml` 404), and the console stays clean."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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
# Material fetches a sitemap.xml beside every <link rel="alternate"> (for its language selector), so a page
# that links its own Atom feed (speaker, topic, event; a speech links its speakers' and event's) asks for
# /speakers/tokayev/sitemap.xml, which does not exist. The fix belongs to podium-cite's <link> tags.
SITEMAP_404 = pytest.mark.xfail(strict=True, reason="Material fetches sitemap.xml beside each feed <link>")


@dataclass
class Visit:
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class _GitHubPagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's 404.html for an unknown address, as GitHub Pages and `mkdocs serve` do."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site(reference_site):
    handler = functools.partial(_GitHubPagesHandler, directory=str(reference_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


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


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, marks=SITEMAP_404) if path.startswith(("speeches/", "speakers/", "topics/")) else path
        for path in PAGES
    ],
)
def test_no_request_fails(browser, site, path):
    assert visit(browser, site + path).failures == []


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
