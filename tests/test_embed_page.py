"""The one embed page: /embed/?speech=<id>#<statement> shows any statement, read from the speech's speech.json.gz.

No speech has an embed page of its own (a site host counts every copy); the page prints the transcript's text as
text, whatever it contains.
"""

from __future__ import annotations

import gzip
import json

import pytest

from podium import features
from podium.cite import exports
from support.archive import ArchiveDir

MKDOCS_YML = """\
site_name: Embed & archive
theme:
  name: material
nav:
  - Home: index.md
  - Speeches: speeches/index.md
plugins:
  - podium
  - podium-cite
"""
PAYLOAD = '<img src=x onerror="window.pwned=1">'
PANEL_TITLE = 'Panel </script><img src=x onerror="window.pwned=1"> & "friends"'
SPEECH = "opening"


# ---- The files written (no site build) ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = ArchiveDir(tmp_path_factory.mktemp("archive"))
    folder.speech("first", body="The first speech's words. {#one}\n")
    folder.speech("second", body="The second speech's words. {#two}\n")
    archive = features.load(folder.root)
    assert not archive.problems.errors
    site = tmp_path_factory.mktemp("exports")
    exports.Exports(archive, 'Archive <"&">', "", [], {}).write(site)
    return archive, site


def test_one_embed_page_is_written_and_no_speech_has_a_copy(written):
    archive, site = written
    assert (site / "embed" / "index.html").is_file()
    assert sorted(speech.id for speech in archive.speeches) == ["first", "second"]
    for speech in archive.speeches:
        assert (site / "speeches" / speech.id / "speech.json.gz").is_file()
        assert not (site / "speeches" / speech.id / "embed").exists(), speech.id
    assert [p.relative_to(site).as_posix() for p in site.rglob("index.html")] == ["embed/index.html"]


def test_the_embed_page_holds_no_transcript_and_escapes_the_site_name(written):
    archive, site = written
    html = (site / "embed" / "index.html").read_text(encoding="utf-8")
    assert "Archive &lt;&#34;&amp;&#34;&gt;" in html and 'Archive <"&">' not in html
    said = archive.speeches[0].statements[0].text
    assert said[:40] not in html
    # The statement reaches the page as data only: set with textContent, never parsed as HTML.
    assert "innerHTML" not in html and "insertAdjacentHTML" not in html and "document.write" not in html
    assert "default-src 'none'; connect-src 'self'" in html


# ---- In the browser, on a built site --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    archive = ArchiveDir(tmp_path_factory.mktemp("embed"))
    archive.write("mkdocs.yml", MKDOCS_YML)
    archive.speech(
        SPEECH,
        body=f"""\
        Our foreign policy is based on dialogue. {{#dialogue}}

        They wrote `{PAYLOAD}` on the wall. {{#payload}}

        | Year | Note |
        | ---- | ---- |
        | 2024 | `{PAYLOAD}` \\| est. |
        """,
    )
    archive.speech(
        "panel",
        front=f"""\
        title: '{PANEL_TITLE}'
        date: 2025-05-30
        speakers: [tokayev, kagame]
        kind: panel
        """,
        body="@tokayev: Welcome.\n\n[Applause]\n\n@kagame: Thank you, Mr President. {#thanks}\n",
    )
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive.root / "site"


@pytest.fixture
def page(browser, serve_dir, site):
    base = serve_dir(site)
    context = browser.new_context(viewport={"width": 700, "height": 400})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    page.base = base
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors


def shown(page, address: str) -> dict:
    """Open the embed page at `address` and read what it shows once it has read the speech."""
    page.goto(page.base + address)
    page.wait_for_selector(".podium-embed:not([hidden]), .podium-embed-missing:not([hidden])")
    return page.evaluate(
        """() => {
          const q = document.querySelector(".podium-embed"), a = q.querySelector("a");
          return {hidden: q.hidden, missing: !document.querySelector(".podium-embed-missing").hidden,
                  text: q.querySelector(".podium-embed__text").textContent,
                  speaker: q.querySelector(".podium-embed__speaker").textContent,
                  date: q.querySelector(".podium-embed__date").textContent,
                  title: a.textContent, href: a.href, target: a.target, cite: q.getAttribute("cite"),
                  footer: q.querySelector("footer").textContent.replace(/\\s+/g, " ").trim(),
                  lang: document.documentElement.lang, pageTitle: document.title,
                  elements: q.querySelectorAll("*").length, pwned: window.pwned === 1};
        }"""
    )


def open_cite_dialog(page, statement: str) -> None:
    """The statement's Cite dialog: from the "Cite…" item of its ¶ menu (or its Cite button, where a page has one)."""
    page.hover(f"#{statement}")
    if page.query_selector(f"#{statement} .podium-cite-button"):
        page.click(f"#{statement} .podium-cite-button")
    else:
        page.click(f"#{statement} > a:first-child")  # its ¶
        page.click("#podium-tools-menu [role=menuitem]:has-text('Cite')")
    page.wait_for_selector(f"#{statement} .podium-menu")


@pytest.mark.slow
@pytest.mark.browser
def test_the_embed_page_shows_the_statement_its_speaker_and_the_link_back(page):
    view = shown(page, f"embed/?speech={SPEECH}#dialogue")
    assert view["text"] == "Our foreign policy is based on dialogue."
    assert view["speaker"] == "Kassym-Jomart Tokayev, President, Republic of Kazakhstan"
    assert view["title"] == "Opening address" and view["date"] == "29 May 2025"
    assert view["href"] == view["cite"] == f"{page.base}speeches/{SPEECH}/#dialogue"
    assert view["target"] == "_top"
    assert view["footer"] == (
        "— Kassym-Jomart Tokayev, President, Republic of Kazakhstan, Opening address, 29 May 2025 · Embed & archive"
    )
    assert view["pageTitle"] == "Opening address — Embed & archive" and view["lang"] == "en"
    page.click(".podium-embed a")
    page.wait_for_url(f"{page.base}speeches/{SPEECH}/#dialogue")
    assert page.locator("#dialogue").is_visible()


@pytest.mark.slow
@pytest.mark.browser
def test_html_in_a_transcript_is_shown_as_text(page):
    view = shown(page, f"embed/?speech={SPEECH}#payload")
    assert view["text"] == f"They wrote {PAYLOAD} on the wall."
    assert view["elements"] == 6  # p, footer, its three spans and the link: no <img> made from the text
    assert page.query_selector(".podium-embed img") is None
    assert not view["pwned"]


@pytest.mark.slow
@pytest.mark.browser
def test_a_table_read_into_the_record_is_shown_as_a_table_of_text(page, site):
    document = json.loads(gzip.decompress((site / "speeches" / SPEECH / "speech.json.gz").read_bytes()))
    (figures,) = [s for s in document["statements"] if "table" in s]
    assert figures["table"] == [["Year", "Note"], ["2024", f"{PAYLOAD} | est."]]  # the cell keeps its `|`
    view = shown(page, f"embed/?speech={SPEECH}#{figures['statement_id']}")
    cells = page.eval_on_selector_all(
        ".podium-embed__table th, .podium-embed__table td", "cells => cells.map(c => [c.tagName, c.textContent])"
    )
    assert cells == [["TH", "Year"], ["TH", "Note"], ["TD", "2024"], ["TD", f"{PAYLOAD} | est."]]
    assert page.is_hidden(".podium-embed__text") and page.query_selector(".podium-embed img") is None
    assert not view["pwned"]
    shown(page, f"embed/?speech={SPEECH}#dialogue")  # the next statement shown in the same page: no table left
    assert page.query_selector(".podium-embed__table") is None and page.is_visible(".podium-embed__text")


@pytest.mark.slow
@pytest.mark.browser
def test_each_speaker_of_a_panel_and_the_first_statement_without_a_fragment(page):
    view = shown(page, "embed/?speech=panel#thanks")
    assert (view["text"], view["speaker"]) == ("Thank you, Mr President.", "Paul Kagame, President, Republic of Rwanda")
    view = shown(page, "embed/?speech=panel")
    assert (view["text"], view["speaker"]) == ("Welcome.", "Kassym-Jomart Tokayev, President, Republic of Kazakhstan")
    # A title with markup is text too, in the link and in the page's title.
    assert view["title"] == PANEL_TITLE and view["pageTitle"] == f"{PANEL_TITLE} — Embed & archive"
    assert view["elements"] == 6 and not view["pwned"]
    # Following another statement's link in the same frame shows it without reloading.
    page.evaluate("location.hash = '#thanks'")
    page.wait_for_function("document.querySelector('.podium-embed__text').textContent === 'Thank you, Mr President.'")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize(
    "address",
    [
        f"embed/?speech={SPEECH}#no-such-statement",
        "embed/?speech=no-such-speech#dialogue",
        "embed/?speech=../data/popolo#dialogue",  # never a path out of speeches/
        "embed/#dialogue",
    ],
)
def test_a_statement_not_in_the_archive_says_so(page, address):
    view = shown(page, address)
    assert view["missing"] and view["hidden"] and view["text"] == ""


@pytest.mark.slow
@pytest.mark.browser
def test_the_cite_menus_iframe_code_shows_the_statement(page):
    page.goto(f"{page.base}speeches/{SPEECH}/#dialogue")
    open_cite_dialog(page, "dialogue")
    page.click("#dialogue .podium-menu [data-action=iframe]")
    page.wait_for_selector("#dialogue .podium-menu [data-action=iframe][data-copied]")
    code = page.evaluate("navigator.clipboard.readText()")
    src = f"{page.base}embed/?speech={SPEECH}#dialogue"
    assert code.startswith(f'<iframe src="{src}" title="Opening address"')
    host = page.base + "host.html"
    page.route(host, lambda route: route.fulfill(content_type="text/html", body=f"<!doctype html><p>Host</p>{code}"))
    page.goto(host)
    frame = page.frame_locator("iframe")
    frame.locator(".podium-embed:not([hidden])").wait_for()  # filled in once speech.json.gz has arrived
    assert frame.locator(".podium-embed__text").inner_text() == "Our foreign policy is based on dialogue."


@pytest.mark.slow
def test_the_built_site_has_one_embed_page_and_the_speech_data_it_reads(site):
    assert (site / "embed" / "index.html").is_file()
    assert sorted(p.parent.name for p in site.glob("speeches/*/embed")) == []
    document = json.loads(gzip.decompress((site / "speeches" / SPEECH / "speech.json.gz").read_bytes()))
    by_id = {s["statement_id"]: s for s in document["statements"]}
    assert by_id["payload"]["text"] == f"They wrote {PAYLOAD} on the wall."
    assert document["url"] == f"speeches/{SPEECH}/" and "url" not in by_id["dialogue"]  # the page adds #dialogue
