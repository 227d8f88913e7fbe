"""The speech page in headless Chromium: permalinks on hover and focus, the targeted statement, copy link."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def page(browser, serve_dir, reference_site):
    base = serve_dir(reference_site)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    page.base = base
    yield page
    context.close()


def opacity(page, selector: str) -> float:
    return float(page.eval_on_selector(selector, "e => getComputedStyle(e).opacity"))


def test_the_permalink_shows_on_hover_and_on_keyboard_focus(page):
    page.goto(page.base + "speeches/aif-2025-tokayev-plenary/")
    tools = "#multilateralism-is-faltering .podium-tools"
    page.wait_for_timeout(200)
    assert opacity(page, tools) == 0
    page.hover("#multilateralism-is-faltering")
    page.wait_for_timeout(300)
    assert opacity(page, tools) == 1
    page.mouse.move(0, 0)
    page.focus("#nuclear-legacy .podium-permalink")
    page.wait_for_timeout(300)
    assert opacity(page, "#nuclear-legacy .podium-tools") == 1


def test_the_targeted_statement_is_highlighted(page):
    page.goto(page.base + "speeches/aif-2025-tokayev-plenary/#security-council-expansion")
    page.wait_for_timeout(300)
    target = page.eval_on_selector(":target", "e => e.id")
    assert target == "security-council-expansion"
    highlighted = page.eval_on_selector("#security-council-expansion", "e => getComputedStyle(e).boxShadow")
    plain = page.eval_on_selector("#nuclear-legacy", "e => getComputedStyle(e).boxShadow")
    assert highlighted != "none" and plain == "none"
    # The statement is scrolled into view, below the sticky header.
    top = page.eval_on_selector("#security-council-expansion", "e => e.getBoundingClientRect().top")
    assert 40 < top < 200


def test_copy_link_puts_the_statement_url_on_the_clipboard(page):
    page.goto(page.base + "speeches/aif-2025-tokayev-plenary/")
    page.hover("#supercomputer")
    page.click("#supercomputer .podium-copy")
    page.wait_for_selector("#supercomputer .podium-copy[data-copied]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.base + "speeches/aif-2025-tokayev-plenary/#supercomputer"
