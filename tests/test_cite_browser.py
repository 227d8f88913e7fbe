"""The statement menu, selection links, the embed page and quote check, in headless Chromium."""

from __future__ import annotations

import datetime as dt
import random
import urllib.parse

import pytest

from podium import features
from podium.cite import citation
from podium.core.text import plain_text
from podium.quote import index as quote
from support.archive import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SPEECH = "speeches/aif-2025-tokayev-plenary/"


@pytest.fixture
def page(browser, serve_dir, reference_site):
    base = serve_dir(reference_site)
    context = browser.new_context(viewport={"width": 1300, "height": 950})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    page.base = base
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors


@pytest.fixture(scope="module")
def reference():
    return features.load(REPO)


def expected(reference, page, statement: str, style: str) -> str:
    speech = reference.speech("aif-2025-tokayev-plenary")
    ref = citation.reference(
        speech, speech.statement(statement), reference.registry, "Podium Speech Archive", page.base
    )
    today = dt.date.fromisoformat(
        page.evaluate(
            "(() => { const d = new Date(); return d.getFullYear() + '-' + "
            "String(d.getMonth() + 1).padStart(2, '0') + '-' + "
            "String(d.getDate()).padStart(2, '0'); })()"
        )
    )
    return citation.cite(ref, style, today)


def open_menu(page, statement: str):
    page.goto(page.base + SPEECH + "#" + statement)
    page.click(f"#{statement} > a:first-child")  # the statement's ¶ (its first child) opens its menu
    page.click(f"#{statement} [role=menuitem][data-action=cite]")
    page.wait_for_selector(f"#{statement} .podium-menu")


def test_the_menu_shows_and_copies_each_citation_style(page, reference, tmp_path):
    open_menu(page, "multilateralism-is-faltering")
    menu = "#multilateralism-is-faltering .podium-menu"
    assert page.inner_text(f"{menu} .podium-menu__citation") == expected(
        reference, page, "multilateralism-is-faltering", "chicago"
    )
    page.screenshot(path=str(tmp_path / "statement-menu.png"))
    for style in ("apa", "mla", "bibtex"):
        page.click(f"{menu} [data-style={style}]")
        page.click(f"{menu} [data-action=cite]")
        page.wait_for_selector(f"{menu} [data-action=cite][data-copied]")
        assert page.evaluate("navigator.clipboard.readText()") == expected(
            reference, page, "multilateralism-is-faltering", style
        )
        page.wait_for_selector(f"{menu} [data-action=cite]:not([data-copied])")
    page.keyboard.press("Escape")
    assert page.query_selector(menu) is None


def test_copy_link_and_embed_code(page):
    open_menu(page, "nuclear-legacy")
    menu = "#nuclear-legacy .podium-menu"
    page.click(f"{menu} [data-action=link]")
    page.wait_for_selector(f"{menu} [data-action=link][data-copied]")
    assert page.evaluate("navigator.clipboard.readText()") == page.base + SPEECH + "#nuclear-legacy"
    page.click(f"{menu} [data-action=embed]")
    page.wait_for_selector(f"{menu} [data-action=embed][data-copied]")
    snippet = page.evaluate("navigator.clipboard.readText()")
    assert snippet.startswith(f'<blockquote class="podium-embed" cite="{page.base}{SPEECH}#nuclear-legacy"')
    assert "Today, we continue our advocacy for non-proliferation of nuclear and biological weapons.</p>" in snippet
    assert "— Kassym-Jomart Tokayev, <a href=" in snippet and "29 May 2025</footer></blockquote>" in snippet
    page.click(f"{menu} [data-action=iframe]")
    page.wait_for_selector(f"{menu} [data-action=iframe][data-copied]")
    assert page.evaluate("navigator.clipboard.readText()").startswith(
        f'<iframe src="{page.base}embed/?speech=aif-2025-tokayev-plenary#nuclear-legacy"'
    )


def test_the_embed_code_keeps_a_no_break_space_and_folds_line_breaks(page):
    page.goto(page.base + SPEECH + "#nuclear-legacy")
    # The statement's text as a French transcript would have it: a no-break space before `!`, a line break.
    page.evaluate(
        r"""() => {
          const walker = document.createTreeWalker(document.getElementById("nuclear-legacy"), NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.data.includes("Today, we continue")) {
              node.data = node.data.replace("Today, we", "Today\u00a0!\n  we");
            }
          }
        }"""
    )
    page.click("#nuclear-legacy > a:first-child")
    page.click("#nuclear-legacy [role=menuitem][data-action=cite]")
    page.click("#nuclear-legacy .podium-menu [data-action=embed]")
    page.wait_for_selector("#nuclear-legacy .podium-menu [data-action=embed][data-copied]")
    snippet = page.evaluate("navigator.clipboard.readText()")
    assert " Today&nbsp;! we continue our advocacy for non-proliferation" in snippet


def test_selecting_words_offers_a_text_fragment_link(page):
    page.goto(page.base + SPEECH)
    page.evaluate("""() => {
        const p = document.querySelector('#multilateralism-is-faltering > p');
        const text = p.firstChild, at = text.textContent.indexOf('Protectionism is rising');
        const range = document.createRange();
        range.setStart(text, at); range.setEnd(text, at + 'Protectionism is rising'.length);
        getSelection().removeAllRanges(); getSelection().addRange(range);
        p.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""")
    page.wait_for_selector(".podium-share-selection:not([hidden])")
    page.click(".podium-share-selection")
    url = page.evaluate("navigator.clipboard.readText()")
    assert url == page.base + SPEECH + "#multilateralism-is-faltering:~:text=Protectionism%20is%20rising"
    # Opened afresh, the link scrolls the words into view (Chromium supports text fragments natively).
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_timeout(500)
    top = page.eval_on_selector("#multilateralism-is-faltering", "e => e.getBoundingClientRect().top")
    assert 0 < top < 950


def test_the_browser_aligns_quotations_as_python_does(page, reference):
    page.goto(page.base + "quote/")
    statements = [plain_text(s.text) for s in reference.speeches[0].statements if s.type == "speech"]
    rng = random.Random(3)
    cases = [
        (
            "The post-war global order is fragmenting. Protectionism is rising. Multilateralism is faltering.",
            "Multilateralism is foundering",
        )
    ]
    for _ in range(15):
        text = rng.choice(statements)
        words = text.split()
        start = rng.randrange(0, max(1, len(words) - 8))
        quoted = words[start : start + 8]
        if len(quoted) > 4:
            quoted[1] = "zorblat"
            del quoted[3]
            quoted.insert(2, "... truly")
        cases.append((text, " ".join(quoted)))
    for text, quoted in cases:
        fidelity, pieces, _ = quote.align(text, quoted)
        result = page.evaluate("([t, q]) => window.podiumQuoteAlign(t, q)", [text, quoted])
        assert result["fidelity"] == pytest.approx(fidelity)
        assert result["pieces"] == [[p.op, list(p.said), list(p.quoted)] for p in pieces]


def test_the_browser_compares_chinese_and_japanese_character_by_character_as_python_does(page):
    page.goto(page.base + "quote/")
    cases = [
        ("我们坚持多边主义，支持联合国发挥核心作用。", "坚持多边主义"),
        ("我们坚持多边主义，支持联合国发挥核心作用。", "我们坚持保护主义"),
        ("気候変動は人類共通の課題です。", "人類共通の課題"),
        ("The UN (联合国) met in 2024; Kazakhstan's delegation spoke.", "联合国 met in 2024, Kazakhstan's"),
        # Combining marks stay in their word (podium.core.marks), in both: a changed vowel sign is a changed word.
        ("भारत शांति का समर्थन करता है।", "भरत शांति का समर्थन करता है"),
        ("เราไม่ยอมรับความรุนแรง ไม่ว่าในรูปแบบใด", "เราไม้ยอมรับความรุนแรง"),
    ]
    for text, quoted in cases:
        fidelity, pieces, _ = quote.align(text, quoted)
        result = page.evaluate("([t, q]) => window.podiumQuoteAlign(t, q)", [text, quoted])
        assert result["fidelity"] == pytest.approx(fidelity)
        assert result["pieces"] == [[p.op, list(p.said), list(p.quoted)] for p in pieces]


def test_the_quote_check_page_finds_the_paraphrase(page, tmp_path):
    page.goto(page.base + "quote/?q=Multilateralism%20is%20foundering")
    page.wait_for_selector(".podium-quote__result")
    first = page.query_selector(".podium-quote__result")
    assert first.query_selector(".podium-fidelity").inner_text() == "67% fidelity"
    assert first.query_selector("del").inner_text() == "faltering"
    assert first.query_selector("ins").inner_text() == "foundering"
    assert first.query_selector("a").get_attribute("href").endswith(SPEECH + "#multilateralism-is-faltering")
    assert first.query_selector(".podium-quote__cite").inner_text().startswith("Tokayev, Kassym-Jomart. “Statement")
    page.screenshot(path=str(tmp_path / "quote-check.png"))


def test_quoted_in_is_on_the_reference_speech(page):
    page.goto(page.base + SPEECH)
    items = page.query_selector_all(".podium-coverage__item")
    assert [i.query_selector(".podium-fidelity").inner_text() for i in items[:2]] == ["67% fidelity", "93% fidelity"]
    # The third names no statement and is not in the speech: not found, no fidelity, no link to a statement.
    assert items[2].query_selector(".podium-fidelity") is None
    assert items[2].query_selector(".podium-coverage__source") is None
    assert items[2].query_selector(".podium-coverage__verdict").inner_text() == "Not found"


# Quotations the page and `podium quote` must judge alike: found ones, and sentences in no transcript.
AGREEMENT = [
    "Multilateralism is foundering",
    "Kazakhstan's foreign policy is based on the belief that dialogue is more powerful than division",
    "we continue our advocacy ... of nuclear and biological weapons",
    "Kazakhstan is building the most powerful supercomputer",
    "the road will be mastered by the walking one",
    "We aim to become the IT and innovation hub of Central Asia",
    "We will build a wall on Mars",
    "The only thing we have to fear is fear itself",
    "Our country will double its exports of grain by next year",
]


def test_the_page_gives_the_verdicts_of_podium_quote(page, reference):
    """Same engine, same thresholds (from data/quote/meta.json): the page shows what `podium quote` finds."""
    index = quote.QuoteIndex.from_archive(reference)
    for quotation in AGREEMENT:
        page.goto(page.base + "quote/?q=" + urllib.parse.quote(quotation))
        page.wait_for_selector(".podium-quote__result, .podium-quote__verdict--none")
        shown = page.eval_on_selector_all(
            ".podium-quote__result",
            "rs => rs.map(r => [r.querySelector('a').getAttribute('href').split('#')[1], "
            "r.querySelector('.podium-quote__verdict').textContent])",
        )
        labels = {"verbatim": "Found verbatim", "differences": "Found with differences"}
        expected = [
            [m.statement, labels[m.verdict] + (", inside a quotation in the statement" if m.in_quotation else "")]
            for m in index.search(quotation, 3)
            if m.found
        ]
        assert shown == expected, quotation
        if not expected:
            none = page.inner_text(".podium-quote__verdict--none")
            assert none == "Not found: no statement in the archive is close to this quotation."
            assert page.query_selector(".podium-quote__cite") is None


def test_the_browser_verdict_is_the_python_verdict(page, reference):
    page.goto(page.base + "quote/")
    meta = page.evaluate("fetch('../data/quote/meta.json').then(r => r.json())")
    assert (meta["found"], meta["content"]) == (quote.FOUND, quote.CONTENT)
    statements = [plain_text(s.text) for s in reference.speeches[0].statements if s.type == "speech"]
    rng = random.Random(5)
    verdicts = set()
    for _ in range(40):
        text = rng.choice(statements)
        words = text.split()
        start = rng.randrange(0, max(1, len(words) - 9))
        quoted = words[start : start + rng.randint(3, 9)]
        for _ in range(rng.randint(0, 4)):  # from verbatim to unrecognisable
            quoted[rng.randrange(len(quoted))] = rng.choice(["zorblat", "the", "of", "Mars", "wall"])
        aligned = quote.align(text, " ".join(quoted))
        if aligned is None:  # no word in common: the script's align gives null too (the test above)
            continue
        fidelity, pieces, window = aligned
        rows = [[p.op, list(p.said), list(p.quoted)] for p in pieces]
        shown = page.evaluate("([f, p, m]) => window.podiumQuoteVerdict(f, p, m)", [fidelity, rows, meta])
        inside = page.evaluate("([t, w]) => window.podiumQuoteInside(t, w)", [text, list(window)])
        assert (shown, inside) == (quote.verdict(fidelity, pieces), quote.inside_quotation(text, window))
        verdicts.add(shown)
    assert verdicts == {"verbatim", "differences", "not found"}
