"""Plain statements skip Python-Markdown (podium.render.plain): the HTML is the very string Markdown makes, for
any text the fast path takes, and for every statement of whole archives rendered speech by speech."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium import features
from podium.core import settings as settings_file
from podium.core.problems import Problems
from podium.editors.generate import generate
from podium.render import pages, plain
from support.archive import REPO

# Words, digits, the punctuation of speeches, and every character or start the fast path must refuse.
ALPHABET = st.sampled_from(
    list("abcXYZ019 .,;:!?()'\"—–-“”«»ÄЖ№%$€/")
    + ["\u00a0", "\n", "\t", "#", ">", "+", "*", "_", "=", "`"]
    + ["\\", "[", "]", "<", ">", "&", "1. ", "2) ", "    ", "(Applause)", "[Laughter]", "&amp;", "x_y"]
)
TEXTS = st.lists(ALPHABET, min_size=1, max_size=30).map("".join)


def through_markdown(renderer: pages.StatementRenderer, text: str) -> str:
    """What the renderer made of `text` before the fast path: Python-Markdown, then the same finish."""
    renderer._prepare("", None)
    return renderer._finish(renderer.md.reset().convert(renderer.angles.hide(renderer.directions.mark(text))))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_a_plain_statement_is_what_markdown_makes_of_it(text: str) -> None:
    renderer = pages.StatementRenderer()
    fast = renderer(text)
    assert fast == through_markdown(renderer, text)


# Short texts, every one up to three pieces long: a start, a pair or a triple that means something to Markdown
# (`_a_`, `&lt`, `1. `, `# `) is in there, which random texts may miss.
PIECES = ["a", "lt", " ", "\u00a0", ".", "1", ")", "(", "!", "_", "*", "&", "#", "-", "+", "=", ">", "<", "`", "\\"]
PIECES += ["[", "]", "\n", "\t", ":", "~"]


def test_every_short_plain_text_is_what_markdown_makes_of_it() -> None:
    renderer = pages.StatementRenderer()
    texts = [""] + PIECES
    texts += [a + b for a in PIECES for b in PIECES]
    texts += [a + b + c for a in PIECES for b in PIECES for c in PIECES]
    taken = [text for text in texts if plain.paragraph(renderer.directions.mark(text)) is not None]
    assert len(taken) > 1000
    assert [text for text in taken if renderer(text) != through_markdown(renderer, text)] == []


@pytest.mark.parametrize(
    ("text", "is_plain"),
    [
        ("We met in Astana on 29 May 2025 — and agreed.", True),
        ("(Applause.) Thank you!", True),
        ("3.5 million people", True),
        ("2025. The year of work", False),  # an ordered list
        ("- not a dash", False),
        ("#hashtag", False),  # a heading, for Python-Markdown
        ("R&D", False),
        ("a < b", False),
        ("snake_case", False),
        ("ends with a space ", False),
        ("two\nlines", False),
        ("", False),
    ],
)
def test_what_the_fast_path_takes(text: str, is_plain: bool) -> None:
    assert (plain.paragraph(text) is not None) is is_plain


def statements_html(root: Path) -> tuple[list[list[str]], int]:
    archive = features.load(root, settings=settings_file.load(root, Problems()))
    renderer, made, count = pages.StatementRenderer(), [], 0
    for speech in archive.speeches:
        texts = [block.text for block in speech.blocks if getattr(block, "text", None)]
        count += sum(plain.paragraph(renderer.directions.mark(text)) is not None for text in texts)
        made.append(renderer.render_all(texts, speech.id, pages.Links()))
    return made, count


@pytest.mark.parametrize("archive", ["reference", "generated"])
def test_whole_archives_render_as_before(archive: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = REPO
    if archive == "generated":
        root = tmp_path / "archive"
        generate(root, 60, seed=3, plugins=["podium"])
    fast, taken = statements_html(root)
    assert taken > 0  # the fast path was used
    monkeypatch.setattr(plain, "paragraph", lambda text: None)
    slow, none = statements_html(root)
    assert none == 0  # every statement went through Markdown this time
    assert fast == slow
