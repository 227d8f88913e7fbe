"""Inline cross-references are resolved on the Markdown tree, in text only, before sanitizing.

`[[target|words]]` used to be found with a regular expression over the finished, sanitized page: written in a
link's address, an allowed tag's attribute, a code span or a front-matter title, it became a link nested inside
an attribute, broke the attribute, dropped `rel` and corrupted the page's JSON (the Cite menu stopped working).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from podium import features
from podium.render.pages import Links, ReferenceLink, StatementRenderer
from podium.xref import references
from support.archive import archive_config
from support.processes import run_podium
from support.xref_sites import KAGAME_2024, KAGAME_BODY

TARGET = "kagame-2024#trade-with-neighbours"
REF = f"[[{TARGET}|as was said]]"
HOSTILE_FRONT = f"""\
title: 'Opening {REF} "quoted" </script>'
date: 2025-05-29
speaker: tokayev
event: aif-2025
summary: 'Summary {REF}'
coverage:
  - outlet: Daily
    quote: 'Neighbours {REF} must trade'
    statement: in-text
"""
# Each hostile placement in a statement of its own, and one reference in plain text that must become a link.
HOSTILE_BODY = f"""\
Neighbours must trade, {REF}. {{#in-text}}

Read [the report](https://example.org/report?q={REF}) today. {{#in-address}}

We signed the <abbr title="{REF}">AIF</abbr> charter. {{#in-attribute}}

Write it as `{REF}` in a transcript. {{#in-code}}

See [the text, {REF}](https://example.org/text) online. {{#in-link-text}}

Open <a href="https://example.org/raw">the raw {REF} link</a> now. {{#in-raw-link}}

Not a target: `[[nowhere#at-all|words]]` in code. {{#broken-in-code}}
"""
XREF_CITE_YML = archive_config({"podium": {"allow_html": ["abbr", "a"]}}, "podium-xref", "podium-cite")


class PageAnchors(HTMLParser):
    """Every <a> of a page with its attributes and the depth of links it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.deepest, self.anchors, self.attributes = 0, 0, [], []

    def handle_starttag(self, tag, attrs):
        self.attributes.append((tag, dict(attrs)))
        if tag == "a":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)
            self.anchors.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag == "a":
            self.depth = max(0, self.depth - 1)


def parse(html: str) -> PageAnchors:
    parser = PageAnchors()
    parser.feed(html)
    return parser


def statement(html: str, ident: str) -> str:
    return re.search(rf'<section class="podium-statement" id="{ident}".*?</section>', html, re.S).group(0)


@pytest.fixture
def hostile(archive_dir):
    archive_dir.write("mkdocs.yml", XREF_CITE_YML)
    archive_dir.speech("kagame-2024", KAGAME_2024, KAGAME_BODY, folder="speeches/2024")
    archive_dir.speech("tokayev-2025", HOSTILE_FRONT, HOSTILE_BODY)
    return archive_dir


# -- the renderer, without a build ----------------------------------------------------------------------------


def renderer() -> StatementRenderer:
    made = StatementRenderer()
    made.inline_references = lambda written, here, links: (
        ReferenceLink(links.speech(*written.split("#")), written, "Kagame") if written == TARGET else None
    )
    return made


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            f"Neighbours, {REF}.",
            '<p>Neighbours, <a class="podium-ref" href="../../speeches/kagame-2024/#trade-with-neighbours" '
            f'data-ref="{TARGET}">as was said</a>.</p>',
        ),
        (
            f"Read [this](https://example.org/?q={REF}).",
            f'<p>Read <a href="https://example.org/?q={REF}" rel="noopener nofollow">this</a>.</p>',
        ),
        (f'The <abbr title="{REF}">AIF</abbr>.', f'<p>The <abbr title="{REF}">AIF</abbr>.</p>'),
        (f"Write `{REF}`.", f"<p>Write <code>{REF}</code>.</p>"),
        (
            f"[See {REF}](https://example.org)",
            f'<p><a href="https://example.org" rel="noopener nofollow">See {REF}</a></p>',
        ),
        (
            f'<a href="https://example.org">raw {REF}</a> and {REF}',
            f'<p><a href="https://example.org" rel="noopener nofollow">raw {REF}</a> and <a class="podium-ref" '
            f'href="../../speeches/kagame-2024/#trade-with-neighbours" data-ref="{TARGET}">as was said</a></p>',
        ),
        (f"Words with a tag: [[{TARGET}|<em>a</em>]].", f"<p>Words with a tag: [[{TARGET}|<em>a</em>]].</p>"),
        ("Unknown: [[nowhere#x|words]].", "<p>Unknown: [[nowhere#x|words]].</p>"),
        (
            f"No words: [[{TARGET}]] &amp; [[{TARGET}|a &amp; b]]",
            '<p>No words: <a class="podium-ref" href="../../speeches/kagame-2024/#trade-with-neighbours" '
            f'data-ref="{TARGET}">Kagame</a> &amp; <a class="podium-ref" '
            f'href="../../speeches/kagame-2024/#trade-with-neighbours" data-ref="{TARGET}">a &amp; b</a></p>',
        ),
    ],
)
def test_a_reference_is_a_link_only_in_text(markdown, expected):
    html = renderer()(markdown, "tokayev-2025", Links("../../"))
    assert html == expected
    assert parse(html).deepest <= 1


def test_references_are_left_alone_without_a_resolver_or_a_speech():
    assert StatementRenderer()(f"As {REF}.") == f"<p>As {REF}.</p>"
    assert renderer()(f"As {REF}.") == f"<p>As {REF}.</p>"  # no page to link from (a comparison page)


def test_a_transcript_cannot_forge_the_renderers_link_tokens():
    """The tokens carry a secret drawn per renderer: text shaped like another renderer's stays text."""
    made, other = renderer(), renderer()
    token = other.references.token
    assert token != made.references.token
    forged = f"Forged {token}0o words {token}0c and {token}0l"
    html = made(f"{forged}, {REF}.", "tokayev-2025", Links("../../"))
    assert html.count("<a ") == 1  # only the real reference
    assert f"<p>{forged}, " in html


def test_render_all_resolves_per_statement_and_keeps_the_split():
    texts = [f"One {REF}.", f"Two `{REF}`.", f"Three [[{TARGET}]]."]
    html = renderer().render_all(texts, "tokayev-2025", Links("../../"))
    assert len(html) == 3
    assert [part.count('class="podium-ref"') for part in html] == [1, 0, 1]


# -- checking: a reference is a reference in text only ---------------------------------------------------------


def test_references_in_code_attributes_and_addresses_are_not_checked_nor_counted(hostile):
    archive = features.load(hostile.root)
    assert archive.ok, [str(p) for p in archive.problems]
    index = references.resolve(archive)
    inline = [(r.statement.id, r.line, r.column) for r in index.references if r.form == "inline"]
    # Only the reference in text: code, attributes, addresses and a link's words (a link cannot hold a link)
    # are not references, and `[[nowhere#at-all|words]]` in code is not a broken one.
    assert inline == [("in-text", 13, 26)]
    result = run_podium("check", cwd=hostile.root)
    assert result.returncode == 0, result.stdout + result.stderr


# -- the built page ---------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_hostile_placements_build_a_page_without_nested_links_and_with_valid_json(hostile):
    result = hostile.build()
    assert result.returncode == 0, result.stderr
    page = hostile.html("speeches/tokayev-2025/index.html")
    parsed = parse(page)
    assert parsed.deepest == 1  # no link inside a link, anywhere on the page
    # The one reference in text is a link, with its card.
    text = statement(page, "in-text")
    assert (
        '<a class="podium-ref" href="../../speeches/kagame-2024/#trade-with-neighbours" '
        f'data-ref="{TARGET}">as was said</a>' in text
    )
    # A link's address, an attribute and a code span keep the reference as written, intact.
    assert f'href="https://example.org/report?q={REF}"' in statement(page, "in-address")
    assert f'<abbr title="{REF}">AIF</abbr>' in statement(page, "in-attribute")
    assert f"<code>{REF}</code>" in statement(page, "in-code")
    assert f"the text, {REF}</a>" in statement(page, "in-link-text")
    assert f"the raw {REF} link</a>" in statement(page, "in-raw-link")
    # Every external link still has its rel, and no attribute anywhere holds markup.
    for attrs in parsed.anchors:
        if attrs.get("href", "").startswith("https://example.org"):
            assert "noopener" in attrs.get("rel", ""), attrs
    for tag, attrs in parsed.attributes:
        for name, value in attrs.items():
            assert "podium-ref" not in (value or "") or name == "class", (tag, name, value)
    # The title is printed as text, not linked.
    assert "Opening [[kagame-2024#trade-with-neighbours|as was said]]" in page
    # Every JSON block of the page parses, and the Cite menu's data holds the title as written.
    blocks = re.findall(r'<script type="application/(?:ld\+)?json"[^>]*>(.*?)</script>', page, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        json.loads(block)
    cite = re.search(r'<script type="application/json" id="podium-cite-data">(.*?)</script>', page, re.S).group(1)
    assert REF in json.dumps(json.loads(cite), ensure_ascii=False)
    cards = json.loads(re.search(r'<script type="application/json" id="podium-cards">(.*?)</script>', page).group(1))
    assert TARGET in cards
