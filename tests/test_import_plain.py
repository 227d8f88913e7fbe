"""Plain text stays plain: what a reader sees of an imported `.txt` is the source, character for character.

Import (corpus or article) escapes everything Markdown or Podium would read as markup: emphasis, code, links,
raw HTML, entities, headings, lists, quotes, turn marks, statement ids. The property test renders random text
the way a speech page does (front matter, statements, `StatementRenderer`) and compares the characters.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.core.frontmatter import split
from podium.core.problems import Problems
from podium.core.registry import Registry
from podium.core.statements import Statement, parse
from podium.editors.article import draft as article_draft
from podium.editors.article import parse as parse_article
from podium.editors.corpus import convert
from podium.editors.draft import Draft
from podium.render.pages import StatementRenderer

# The only change import makes on purpose: a paragraph wholly in brackets or parentheses is a stage direction,
# written `[...]` (its inside kept as it was, spaces included).
_STAGE = re.compile(r"[\[(]([^\[\]()]+)[\])]")


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def visible(text: str) -> str:
    """The characters, whitespace aside."""
    return "".join(text.split())


def rendered(paragraphs: list[str]) -> tuple[str, list[str]]:
    """(what the speech page shows of the transcript's statements, the problems of loading it)."""
    source = Draft({"title": "T", "date": dt.date(2025, 1, 2), "speaker": "x"}, paragraphs).text()
    problems = Problems()
    body = split(source, "t.md", problems).body
    blocks = parse(body, "t.md", problems, default_speaker="x")
    statements = [block.text for block in blocks if isinstance(block, Statement)]
    html = StatementRenderer().render_all(statements)
    return "".join(text_of(part) for part in html), [p.format() for p in problems]


def expected(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    blocks = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    shown = []
    for block in blocks:
        one = " ".join(block.split())
        stage = _STAGE.fullmatch(one)
        shown.append(f"[{stage.group(1)}]" if stage else one)
    return visible("".join(shown))


MARKUP = list("*_`[]()<>&#!\\{}@:.-+=|~^") + ["&amp;", "&#64;", "1. ", "- ", "> ", "# ", "{#id}", "[[a|b]]", "```"]
_PLAIN = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"))
PIECES = st.one_of(
    st.sampled_from(MARKUP), st.text(_PLAIN, min_size=1, max_size=6), st.sampled_from([" ", "\n", "\n\n"])
)
TEXTS = st.lists(PIECES, min_size=1, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_corpus_import_then_render_shows_the_source(text):
    shown, problems = rendered(convert(text, "x", {}).paragraphs)
    assert problems == []
    assert visible(shown) == expected(text)


def test_asterisks_stay_and_bracket_spaces_are_kept():
    source = "He said *word* and _this_ and `that`.\n\n[ As delivered at the forum ]\n\n1. Not a list <b>bold</b>\n"
    converted = convert(source, "x", {}).paragraphs
    assert converted == [
        "He said \\*word\\* and \\_this\\_ and \\`that\\`.",
        "[ As delivered at the forum ]",
        "1\\. Not a list &lt;b>bold&lt;/b>",
    ]
    shown, _ = rendered(converted)
    assert shown == "He said *word* and _this_ and `that`.[ As delivered at the forum ]1. Not a list <b>bold</b>"


def test_article_paragraphs_are_escaped_too():
    article = parse_article(
        "ASTANA, May 29, 2025 – The text follows.\n\nWe choose *peace* over [war] & <fear>.\n",
        Registry(),
        2025,
    )
    paragraphs = article_draft(article, "en").paragraphs
    assert "We choose \\*peace\\* over \\[war\\] & &lt;fear>." in paragraphs
    shown, _ = rendered(paragraphs)
    assert "We choose *peace* over [war] & <fear>." in shown
