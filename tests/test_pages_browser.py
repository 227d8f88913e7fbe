"""Every page type of the reference archive in headless Chromium, at a desktop and a phone width, light and dark.

Each visit asserts what a reader (and a reader's privacy) needs on every page: no console error, no failed
request (no stray 404 such as Material's sitemap.xml fetches), no request to any host but the site's, axe-core
with no serious or critical violation, and a "Skip to content" link as the first tab stop that lands somewhere.
On a speech page, each statement's ¶ (its link and menu) shows without hover, inside the window, and on a phone
as a 44 px touch target.

One browser for the module, one context per width and colour scheme, one tab reused for every page. A new page
type goes in PAGES (its name, its address in the reference site).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.static_host import static_host

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOT_FOUND = "no/such/page/"
SPEECH = "speeches/aif-2025-tokayev-plenary/"
# Every page type a reader can reach. Extend here when a feature adds one.
PAGES = {
    "home": "",
    "speeches": "speeches/",
    "speech": SPEECH,
    "speaker": "speakers/tokayev/",
    "speakers": "speakers/",
    "topic": "topics/multilateralism/",
    "topic-statements": "topics/multilateralism/statements/",
    "topics": "topics/",
    "event": "events/aif-2025/",
    "events": "events/",
    "dates": "dates/",
    "year": "dates/2025/",
    "day": "dates/2025/05-29/",
    "search": "search/?q=multilateralism",
    "quote": "quote/?q=Multilateralism%20is%20foundering",
    "data": "data/",
    "embed": "embed/?speech=aif-2025-tokayev-plenary#nuclear-legacy",
    "404": NOT_FOUND,
}
# Pages without Material's frame: no header, so no skip link to look for.
FRAMELESS = {"embed"}
VIEWS = {  # name: (width, colour scheme); the height is a laptop's or a phone's
    "desktop-light": (1366, "light"),
    "desktop-dark": (1366, "dark"),
    "phone-light": (390, "light"),
    "phone-dark": (390, "dark"),
}
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def site(reference_site):
    with static_host(reference_site) as base:
        yield base


class Tab:
    """One page of a browser context, reused for every visit, recording what each visit did."""

    def __init__(self, context, base: str) -> None:
        self.page = context.new_page()
        self.base = base
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.errors: list[str] = []
        self.pending: set = set()
        self.page.on("request", self._request)
        self.page.on("requestfinished", lambda request: self.pending.discard(request))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        self.address = ""

    def _request(self, request) -> None:
        self.requests.append(request.url)
        self.pending.add(request)

    def _failed(self, request) -> None:
        self.pending.discard(request)
        self.failures.append(f"{request.url} ({request.failure})")

    def settle(self) -> None:
        """Wait until every request the page made has ended (quicker than Playwright's 500 ms of networkidle)."""
        for _ in range(100):
            if not self.pending:
                return
            self.page.wait_for_timeout(20)
        raise AssertionError(f"requests still open: {[request.url for request in self.pending]}")

    def _response(self, response) -> None:
        # The 404 page answers 404 itself, as it should; nothing it loads may.
        if response.status >= 400 and not (response.url == self.address and self.address.endswith(NOT_FOUND)):
            self.failures.append(f"{response.url} ({response.status})")

    def _console(self, message) -> None:
        if message.type != "error":
            return
        if message.location.get("url") == self.address and self.address.endswith(NOT_FOUND):
            return  # Chromium logs the 404 page's own status as a console error
        self.errors.append(message.text)

    def visit(self, path: str):
        self.page.goto("about:blank")  # the last page's late requests end here, before the lists are cleared
        self.requests.clear(), self.failures.clear(), self.errors.clear(), self.pending.clear()
        self.address = (self.base + path).split("#")[0]
        self.page.goto(self.base + path, wait_until="load")
        self.page.mouse.move(0, 0)  # no hover anywhere
        return self.page


@pytest.fixture(scope="module")
def tabs(browser, site):
    contexts, made = [], {}
    for name, (width, scheme) in VIEWS.items():
        context = browser.new_context(
            viewport={"width": width, "height": 900 if width > 500 else 844}, color_scheme=scheme
        )
        contexts.append(context)
        made[name] = Tab(context, site)
    yield made
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def axe():
    return Axe()


def violations(axe, page) -> list[str]:
    """axe-core's serious and critical violations, one line per rule with up to three of its elements."""
    found = axe.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in found
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("name", PAGES)
def test_page_type(tabs, axe, name, view):
    tab = tabs[view]
    page = tab.visit(PAGES[name])
    problems = violations(axe, page)  # also the time Material's late fetches (sitemaps, repository) need
    tab.settle()
    outside = [url for url in tab.requests if urlsplit(url).hostname not in ("127.0.0.1", None)]
    assert (outside, tab.failures, tab.errors, problems) == ([], [], [], [])
    if name not in FRAMELESS:
        page.keyboard.press("Tab")
        skip = page.evaluate(
            "() => { const a = document.activeElement; return a.matches('a.md-skip') && "
            "!!document.getElementById(decodeURIComponent(a.hash.slice(1))) && a.getBoundingClientRect().width > 0 }"
        )
        assert skip, "the first tab stop is a visible skip link to an element of the page"


@pytest.mark.parametrize("view", VIEWS)
def test_statement_tools_show_without_hover(tabs, view):
    page = tabs[view].visit(SPEECH)
    width, _ = VIEWS[view]
    boxes = page.eval_on_selector_all(
        ".podium-statement > a:first-child",  # the ¶
        """links => links.map(a => {
            const r = a.getBoundingClientRect();
            let shown = true;
            for (let e = a; e; e = e.parentElement) {
                const style = getComputedStyle(e);
                if (style.opacity !== "1" || style.visibility !== "visible" || style.display === "none") shown = false;
            }
            return {shown, left: r.left, right: r.right, width: r.width, height: r.height};
        })""",
    )
    assert len(boxes) > 50
    assert all(box["shown"] for box in boxes)
    assert all(0 <= box["left"] and box["right"] <= width for box in boxes)
    if width < 500:
        assert min(min(box["width"], box["height"]) for box in boxes) >= 44
