"""Algorithms a transcript drives run in time linear in it (or n log n), not quadratic.

Each timed test feeds input sized so that the old, quadratic code took 10 seconds or (much) more (plain_text's
emphasis regex: 43-134 s; quote.align: 12-24 s; the cross-links of one statement with 3,000 references: 31 s;
the renderer on stray `<`: 40 s; "did you mean" for 2,000 broken references: 10 s) and the new code well under
one; the 3-second budget is generous for linear code on a busy machine. Beside each, the outputs that must not
change: the same words, the same alignment, the same cross-links, the same HTML.
"""

from __future__ import annotations

import random
import time
from difflib import SequenceMatcher

import pytest

from podium import features
from podium.core import archive as archives
from podium.core import text
from podium.core.problems import Problems
from podium.quote import index as quote
from podium.render.pages import Links, StatementRenderer
from podium.xref import references
from podium.xref.crosslinks import CrossLinks, first_words
from support.xref_sites import TOKAYEV_2025

BUDGET = 3.0  # seconds


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


# -- plain_text: emphasis in one pass ---------------------------------------------------------------------------


@pytest.mark.parametrize("run", ["*a ", "**a ", "_a ", "~~a ", "`a ", "[a ", "<a "])
def test_plain_text_of_unmatched_delimiters_is_linear(run):
    markdown = run * 20_000
    words, seconds = timed(text.plain_text, markdown)
    assert seconds < BUDGET
    # Delimiters that never close are text; backticks pair into code spans, which keep their words.
    assert words == (" ".join(["a"] * 20_000) if run == "`a " else markdown.strip())


@pytest.mark.parametrize(
    ("markdown", "words"),
    [
        (
            "We **will** act, as [[x#y|I said]], `</script>` and [here](https://a.b).",
            "We will act, as I said, </script> and here.",
        ),
        ("***All*** of **this _and_ *that***, ~~struck~~ words.", "All of this and that, struck words."),
        (
            "A *single* word, an __underlined__ one, and ___both___ at once.",
            "A single word, an underlined one, and both at once.",
        ),
        ("Stars in maths: 2 * 3 * 4 = 24, and a lone * star.", "Stars in maths: 2 * 3 * 4 = 24, and a lone * star."),
        (
            "Nested **bold with *italic* inside** and *italic with **bold** inside*.",
            "Nested bold with italic inside and italic with bold inside.",
        ),
        (
            "Code `a * b` and ``double `tick` code`` stay as written.",
            "Code a * b and double `tick` code stay as written.",
        ),
        ("Across\nlines *is not\nemphasis* here.", "Across lines *is not emphasis* here."),
        ("Escaped \\*stars\\* and &amp; entities &lt;tag&gt;.", "Escaped stars and & entities <tag>."),
        (
            'An <span lang="kk">inline tag</span> and <https://example.org> autolink.',
            "An inline tag and https://example.org autolink.",
        ),
        ("~~deleted~~ and ~single~ tildes.", "deleted and ~single~ tildes."),
        ("**Bold**: the *first*, *second* and *third*.", "Bold: the first, second and third."),
        ("snake_case_name and _emphasis_", "snake_case_name and emphasis"),
    ],
)
def test_plain_text_reads_as_before(markdown, words):
    """What the regex version printed for ordinary statements (an underscore inside a word now stays)."""
    assert text.plain_text(markdown) == words


def test_plain_text_of_the_reference_archive_is_unchanged(tmp_path):
    from support.archive import copy_reference_archive

    archive = features.load(copy_reference_archive(tmp_path))
    said = {s.id: text.plain_text(s.text) for speech in archive.speeches for s in speech.statements}
    assert said["multilateralism-is-faltering"] == (
        "The post-war global order is fragmenting. Protectionism is rising. Multilateralism is faltering."
    )
    assert not any(mark in words for words in said.values() for mark in ("**", "[[", "]]", "~~"))


# -- quote.align: anchored alignment, window found in linear time ---------------------------------------------


def reference_align(text_: str, quotation: str):
    """The alignment as it was: difflib on all the words, every run of blocks tried (quadratic)."""
    said = [quote.normalize(w) for w in quote.WORD.findall(text_)]
    quoted = [quote.normalize(w) for w in quote.WORD.findall(quotation)]
    blocks = [b for b in SequenceMatcher(None, said, quoted, autojunk=False).get_matching_blocks() if b.size]
    if not blocks or not quoted:
        return None
    best, window = -1.0, (0, 0)
    for i in range(len(blocks)):
        common = 0
        for j in range(i, len(blocks)):
            common += blocks[j].size
            first = max(0, blocks[i].a - blocks[i].b)
            last = min(len(said), blocks[j].a + len(quoted) - blocks[j].b)
            score = 2 * common / ((last - first) + len(quoted))
            if score > best:
                best, window = score, (first, last)
    start, end = window
    opcodes = SequenceMatcher(None, said[start:end], quoted, autojunk=False).get_opcodes()
    return window, [(op, a2 - a1, b2 - b1) for op, a1, a2, b1, b2 in opcodes]


def test_align_finds_the_same_window_and_differences_as_before():
    rng = random.Random(16)
    for _ in range(2000):
        vocabulary = rng.randrange(2, 15)
        said = " ".join(f"w{rng.randrange(vocabulary)}" for _ in range(rng.randrange(1, 70)))
        quoted = " ".join(f"w{rng.randrange(vocabulary)}" for _ in range(rng.randrange(1, 30)))
        aligned = quote.align(said, quoted)
        expected = reference_align(said, quoted)
        if expected is None:
            assert aligned is None
            continue
        assert aligned is not None
        _, pieces, window = aligned
        assert window == expected[0], (said, quoted)
        assert [p.op for p in pieces] == [
            {"equal": "same", "replace": "changed", "insert": "added", "delete": "dropped"}[op]
            for op, _, _ in expected[1]
        ]


def alternating(words: int) -> tuple[str, str]:
    said = [f"w{i}" for i in range(words)]
    return " ".join(said), " ".join(w if i % 2 else f"x{i}" for i, w in enumerate(said))


def test_a_long_quotation_against_a_long_statement_aligns_in_linear_time():
    """12,000 quoted words, every other one changed, against a 12,000-word statement (old code: 24 s)."""
    said, quoted = alternating(12_000)
    aligned, seconds = timed(quote.align, said, quoted)
    assert seconds < BUDGET
    assert aligned is not None
    fidelity, pieces, window = aligned
    assert window == (0, 12_000)
    assert fidelity == pytest.approx(0.5)
    assert sum(len(p.said) for p in pieces if p.op == "same") == 6_000


def test_a_long_quotation_with_no_word_to_anchor_on_still_aligns_in_linear_time():
    """Few distinct words, none unique: difflib aligns piece by piece along the diagonal (old code: 12 s)."""
    rng = random.Random(4)
    words = [f"w{rng.randrange(50)}" for _ in range(12_000)]
    quoted = [w if i % 2 else f"x{i}" for i, w in enumerate(words)]
    aligned, seconds = timed(quote.align, " ".join(words), " ".join(quoted))
    assert seconds < BUDGET
    assert aligned is not None
    _, pieces, (start, end) = aligned
    assert 0 <= start < end <= 12_000
    assert sum(len(p.quoted) for p in pieces) == 12_000  # every quoted word accounted for


def test_a_verbatim_long_quotation_inside_a_longer_statement():
    said = " ".join(f"w{i}" for i in range(20_000))
    quoted = " ".join(f"w{i}" for i in range(5_000, 13_000))
    (fidelity, pieces, window), seconds = timed(quote.align, said, quoted)
    assert seconds < BUDGET
    assert (fidelity, [p.op for p in pieces], window) == (1.0, ["same"], (5_000, 13_000))


# -- cross-links: a statement's words read once, statements found by id -----------------------------------------


@pytest.fixture
def many_references(archive_dir):
    """One statement with 3,000 inline references, one to each of 3,000 other statements of its speech."""
    count = 3_000
    words = " ".join(f"[[#s{i}|point {i}]] and" for i in range(count))
    body = f"We said {words} so. {{#big}}\n\n" + "".join(f"Statement number {i}. {{#s{i}}}\n\n" for i in range(count))
    archive_dir.speech("many", TOKAYEV_2025, body)
    return archive_dir


def test_one_statement_with_3000_references_renders_its_cross_links_in_linear_time(many_references):
    archive = features.load(many_references.root)
    speech = archive.speech("many")
    assert speech is not None and len(speech.statements) == 3_001
    started = time.perf_counter()
    index = references.resolve(archive)
    view = CrossLinks(archive, index)
    links, keys, blocks = Links("../../"), set(), {}
    for statement in speech.statements:
        blocks[statement.id], used = view.statement_block(speech, statement, links)
        keys |= used
    cards = view.cards_script(keys)
    assert time.perf_counter() - started < BUDGET
    assert len(index.references) == 3_000
    # Each target lists the big statement under "Referenced by", quoting its first words.
    quote_ = first_words(speech.statements[0].text)
    assert quote_ == "We said point 0 and point 1 and point 2 and point 3 and…"
    assert f'<q class="podium-xref__quote">{quote_}</q>' in blocks["s2999"]
    assert "<summary>Referenced in 1 statement</summary>" in blocks["s0"]
    assert '"many#big"' in cards


# -- the renderer: a `<` that opens no tag is not read to the end of the text -------------------------------------


def test_stray_angle_brackets_render_in_linear_time():
    """1,000 `<a ` (under `max_angle_brackets`) before 400 KB of words: Python-Markdown's HTML reader read from
    each to the end of the text (old renderer: 40 s)."""
    markdown = "<a " * 1_000 + "word " * 80_000
    html, seconds = timed(StatementRenderer(), markdown)
    assert seconds < BUDGET
    assert html.startswith("<p>&lt;a &lt;a ") and html.count("&lt;a ") == 1_000 and "<a" not in html


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("if a<b then c>d", "<p>if ad</p>"),  # as Python-Markdown always printed it: `<b then c>` is a tag
        ("x <b and <i", "<p>x &lt;b and &lt;i</p>"),
        ("1 < 2 and <3", "<p>1 &lt; 2 and &lt;3</p>"),
        ('<abbr title="Astana Forum">AIF</abbr> <br/>', '<p><abbr title="Astana Forum">AIF</abbr> <br></p>'),
        (
            "see <https://x.org/a?b=c&d=e> or <me@x.org>",
            '<p>see <a href="https://x.org/a?b=c&amp;d=e" rel="noopener nofollow">https://x.org/a?b=c&amp;d=e</a> or '
            '<a href="mailto:me@x.org" rel="noopener nofollow">me@x.org</a></p>',
        ),
        ("`<script>` and `a<b`", "<p><code>&lt;script&gt;</code> and <code>a&lt;b</code></p>"),
        ("    code <a\n\npara <!-- a note --> end", "<pre><code>code &lt;a\n</code></pre>\n<p>para  end</p>"),
        ("[a](https://x.org/?q=a<b)", '<p><a href="https://x.org/?q=a&lt;b" rel="noopener nofollow">a</a></p>'),
    ],
)
def test_angle_brackets_render_as_before(markdown, html):
    assert StatementRenderer()(markdown) == html


# -- checking: "did you mean" within a budget ----------------------------------------------------------------------


def test_thousands_of_broken_references_are_checked_in_linear_time(archive_dir):
    """2,000 broken references into a speech of 2,000 statements: each suggestion compared every id (old: 10 s)."""
    body = "".join(f"Statement {i} [[#s{i}x|refers]] nowhere. {{#s{i}}}\n\n" for i in range(2_000))
    archive_dir.speech("broken", TOKAYEV_2025, body)
    archive = archives.load(archive_dir.root)  # the core loader alone: the references are resolved here
    problems = Problems()
    index, seconds = timed(references.resolve, archive, problems)
    assert seconds < BUDGET
    assert not index.references
    first = problems.items[0]
    assert (first.line, first.message) == (8, "unknown statement `s0x` in speech `broken`")
    assert first.hint.startswith("did you mean `s0`")
    assert problems.items[-1].message == "… and 1980 more problems in this file"
