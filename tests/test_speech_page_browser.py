"""The speech page in headless Chromium: each statement's ¶ (always shown, one tab stop, a menu with Copy link,
Cite and Embed), the targeted statement, and the permalink without JavaScript."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SPEECH = "speeches/aif-2025-tokayev-plenary/"


@pytest.fixture
def page(browser, serve_dir, reference_site):
    base = serve_dir(reference_site)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    page.base = base
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def permalink(statement: str) -> str:
    """The statement's ¶: its first child (speech.html)."""
    return f"#{statement} > a:first-child"


def focused(page) -> str:
    """The focused element, as `tag.class#statement` (its first class; the statement it belongs to), a statement's
    ¶ as `¶#statement`."""
    return page.evaluate(
        "() => { const e = document.activeElement, s = e.closest('.podium-statement');"
        " const name = s && e === s.firstElementChild ? '¶' : e.tagName.toLowerCase() + '.' + e.classList[0];"
        " return name + (s ? '#' + s.id : ''); }"
    )


def test_one_tab_stop_per_statement(page):
    page.goto(page.base + SPEECH)
    statements = page.eval_on_selector_all(".podium-statements .podium-statement", "ss => ss.map(s => s.id)")
    page.focus(permalink(statements[0]))
    stops = [focused(page)]
    while len(stops) < 3 * len(statements):  # the old page had three stops a statement: ¶, Copy link, Cite
        page.keyboard.press("Tab")
        stop = focused(page)
        if "#" not in stop:
            break  # out of the statements
        stops.append(stop)
    permalinks = [stop for stop in stops if stop.startswith("¶#")]
    assert [stop.split("#")[1] for stop in permalinks] == statements
    # The only other stops inside statements are links in their text and chips (topics), never a tool.
    assert not [stop for stop in stops if "podium-tools" in stop or "button" in stop]


def test_the_menu_by_keyboard(page):
    page.goto(page.base + SPEECH)
    page.focus(permalink("nuclear-legacy"))
    page.keyboard.press("Enter")
    menu = "#nuclear-legacy .podium-tools__menu[role=menu]"
    page.wait_for_selector(menu)
    assert page.get_attribute(permalink("nuclear-legacy"), "aria-expanded") == "true"
    items = page.eval_on_selector_all(f"{menu} [role=menuitem]", "items => items.map(i => i.dataset.action)")
    assert items == ["copy", "cite", "embed"]
    assert focused(page) == "button.podium-tools__item#nuclear-legacy"
    assert page.evaluate("document.activeElement.dataset.action") == "copy"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.action") == "cite"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # round to the last
    assert page.evaluate("document.activeElement.dataset.action") == "embed"
    page.keyboard.press("Escape")
    assert page.query_selector(menu) is None
    assert focused(page) == "¶#nuclear-legacy"
    assert page.get_attribute(permalink("nuclear-legacy"), "aria-expanded") == "false"
    # Tab leaves the menu for the next stop after the ¶, as if it had never opened.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.query_selector(menu) is None
    assert focused(page) not in ("button.podium-tools__item#nuclear-legacy", "¶#nuclear-legacy")
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "¶#nuclear-legacy"
    # Cite opens the citation dialog; Escape there brings the focus back to the ¶.
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector("#nuclear-legacy .podium-menu[role=dialog]")
    assert page.query_selector(menu) is None
    assert page.evaluate("document.activeElement.getAttribute('role')") == "tab"
    page.keyboard.press("Escape")
    assert page.query_selector("#nuclear-legacy .podium-menu") is None
    assert focused(page) == "¶#nuclear-legacy"


def test_copy_link_from_the_menu(page):
    page.goto(page.base + SPEECH)
    page.click(permalink("supercomputer"))
    assert page.url == page.base + SPEECH  # the click opened the menu, it did not follow the link
    page.click("#supercomputer [role=menuitem][data-action=copy]")
    page.wait_for_selector("#supercomputer [data-action=copy][data-copied]")
    assert page.evaluate("navigator.clipboard.readText()") == page.base + SPEECH + "#supercomputer"
    page.wait_for_selector("#supercomputer .podium-tools__menu", state="detached")
    # A click elsewhere closes a menu; "Embed…" opens the dialog at its embed code.
    page.click(permalink("nuclear-legacy"))
    page.click("h1")
    assert page.query_selector(".podium-tools__menu") is None
    page.click(permalink("nuclear-legacy"))
    page.click("#nuclear-legacy [data-action=embed]")
    assert page.evaluate("document.activeElement.dataset.action") == "embed"


def test_the_permalink_works_without_javascript(browser, serve_dir, reference_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    base = serve_dir(reference_site)
    page.goto(base + SPEECH)
    number = page.eval_on_selector(permalink("nuclear-legacy"), "a => getComputedStyle(a, '::after').content")
    page.click(permalink("nuclear-legacy"))
    url = page.url
    context.close()
    assert url == base + SPEECH + "#nuclear-legacy"
    assert number == "counter(podium-statement)"  # its number beside the ¶, from CSS alone


def test_the_targeted_statement_is_highlighted(page):
    page.goto(page.base + SPEECH + "#security-council-expansion")
    page.wait_for_timeout(300)
    target = page.eval_on_selector(":target", "e => e.id")
    assert target == "security-council-expansion"
    highlighted = page.eval_on_selector("#security-council-expansion", "e => getComputedStyle(e).boxShadow")
    plain = page.eval_on_selector("#nuclear-legacy", "e => getComputedStyle(e).boxShadow")
    assert highlighted != "none" and plain == "none"
    # The statement is scrolled into view, below the sticky header.
    top = page.eval_on_selector("#security-council-expansion", "e => e.getBoundingClientRect().top")
    assert 40 < top < 200
