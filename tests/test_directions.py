"""Stage directions inside a statement: shown and styled, but not quoted, cited, searched or counted."""

from __future__ import annotations

import json
import re

import pytest

from podium import features
from podium.cite import opendata
from podium.cite.metadata import speech_metadata
from podium.core.problems import Problems
from podium.core.statements import Statement, parse
from podium.core.text import directions, is_reaction, spoken
from podium.quote.index import QuoteIndex, coverage
from podium.render.pages import Links, StatementRenderer, render_home_summary, render_speech
from podium.search.index import EXCLUDE_SELECTORS
from support.archive import MINIMAL_FRONT, ArchiveDir

BODY = """\
I thank the Members of Congress—[applause]—and every citizen who voted.

[Laughter] But it is true, and we will act.

(Applause.)

[Applause]

We (the people) and the President [the President] said it plainly [sic].

Look at them. [The President points to the gallery]{.direction} They came.

Это так. (Аплодисменты.) Спасибо. (Смех в зале.)
"""


def found(text: str) -> list[str]:
    return [text[start:end] for start, end in directions(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Members of Congress—[applause]—and", ["[applause]"]),
        ("[Laughter] But it is", ["[Laughter]"]),
        ("Thank you. (Applause.)", ["(Applause.)"]),
        ("(APPLAUSE) (Laughter and applause.) [Prolonged applause] [Standing ovation.]", None),
        ("[inaudible] [crosstalk] [Interruption] [cheers] [booing]", None),
        ("(Аплодисменты.) (Смех в зале.) (Бурные аплодисменты.) [неразборчиво]", None),
        (r"Members of Congress\—\[applause\]\—and", [r"\[applause\]"]),  # as `podium import` escapes them
        ("_[Laughter]_ and **(Applause.)**", ["_[Laughter]_", "**(Applause.)**"]),
        ("Look. [He points]{.direction} There.", ["[He points]{.direction}"]),
    ],
)
def test_a_known_reaction_in_brackets_is_a_direction(text, expected):
    if expected is None:  # every bracket of the text is one
        assert len(found(text)) == text.count("[") + text.count("(") > 0
    else:
        assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thank [the President] and [sic] the Senate.",
        "We (the people) say so.",
        "As [[aif-2024#water|applause]] and [[applause]].",
        "[Applause](https://example.org/applause) is a link, [applause][1] a reference link.",
        "Code: `[applause]` and `(Laughter.)`.",
        "Rule (1) and (and cheers) and (applause 2).",
        r"An escaped \[applause] is no pair.",
    ],
)
def test_real_text_in_brackets_is_not_eaten(text):
    assert found(text) == []
    assert spoken(text).directions == ()


def test_the_vocabulary_needs_a_reaction_and_only_known_words():
    assert is_reaction("Laughter and applause.") and is_reaction("смех в зале") and is_reaction("APPLAUSE")
    assert not is_reaction("the") and not is_reaction("in the hall") and not is_reaction("applause for the team")


def test_spoken_words_leave_the_direction_out_and_keep_it_apart_with_its_place():
    words = spoken("Members of Congress—[applause]—and every citizen. [Laughter] Thank you.")
    assert words.text == "Members of Congress——and every citizen. Thank you."
    assert words.directions == ((20, "[applause]"), (40, "[Laughter]"))
    # Nothing is lost: each direction goes back where it stood.
    assert (
        words.text[:20] + "[applause]" + words.text[20:]
        == "Members of Congress—[applause]—and every citizen. Thank you."
    )
    assert spoken(r"\[Waves\]{.direction} Hello.").directions == ((0, "[Waves]"),)


def test_parse_keeps_the_text_whole_and_makes_a_paragraph_of_directions_narrative():
    problems = Problems()
    blocks = [b for b in parse(BODY, "x.md", problems, 1, "tokayev") if isinstance(b, Statement)]
    assert problems.sorted() == []
    assert [b.type for b in blocks] == ["speech", "speech", "narrative", "narrative", "speech", "speech", "speech"]
    first = blocks[0]
    assert first.text == "I thank the Members of Congress—[applause]—and every citizen who voted."  # as written
    assert first.spoken.text == "I thank the Members of Congress——and every citizen who voted."
    assert blocks[4].spoken.text == blocks[4].text  # editorial insertions are the text's
    assert blocks[5].spoken.text == "Look at them. They came."
    assert blocks[6].spoken.text == "Это так. Спасибо."
    assert blocks[2].id.startswith("n-") and blocks[2].speaker is None and not blocks[2].by_speaker


def test_the_page_shows_the_direction_in_a_styled_span_that_search_leaves_out():
    html = StatementRenderer()("Members—[applause]—and **you**. [Waves]{.direction} `[applause]`")
    assert html == (
        '<p>Members—<span class="podium-direction">[applause]</span>—and <strong>you</strong>. '
        '<span class="podium-direction">[Waves]</span> <code>[applause]</code></p>'
    )
    assert ".podium-direction" in EXCLUDE_SELECTORS
    # A direction in a link's title is not made a span inside the tag.
    titled = StatementRenderer()('[here](https://a.b "(Applause)")')
    assert titled == '<p><a href="https://a.b" title="(Applause)" rel="noopener nofollow">here</a></p>'


@pytest.fixture
def archive(archive_dir: ArchiveDir):
    archive_dir.speech("directions", MINIMAL_FRONT, BODY)
    loaded = features.load(archive_dir.root)
    assert loaded.problems.sorted() == []
    return loaded


def test_the_speech_page_renders_each_direction_and_the_narrative_lines(archive):
    html = render_speech(archive.speeches[0], archive.registry, Links())
    assert 'Congress—<span class="podium-direction">[applause]</span>—and every citizen' in html
    assert '<span class="podium-direction">[Laughter]</span> But it is true' in html
    assert html.count('class="podium-narrative"') == 2
    assert re.search(r'<div class="podium-narrative" id="n-[0-9a-f]{6}"><p>\(Applause\.\)</p></div>', html)
    assert '<span class="podium-direction">(Смех в зале.)</span>' in html
    assert "[the President]" in html and "[sic]" in html


def test_quote_check_never_matches_or_cites_a_direction(archive):
    index = QuoteIndex.from_archive(archive)
    assert len(index.entries) == 5  # the two narrative lines are no statements
    texts = [entry.text for entry in index.entries]
    assert not any("applause" in text.casefold() or "Laughter" in text for text in texts)
    best = index.search("the Members of Congress and every citizen who voted")[0]
    assert best.verdict == "verbatim" and "[applause]" not in best.text
    assert not [m for m in index.search("applause laughter") if m.found]


def test_press_coverage_is_measured_against_the_words_alone(archive_dir: ArchiveDir):
    front = MINIMAL_FRONT + "coverage:\n  - outlet: Daily\n    quote: But it is true, and we will act\n"
    archive_dir.speech("covered", front, "[Laughter] But it is true, and we will act.\n")
    loaded = features.load(archive_dir.root)
    [item] = coverage(loaded.speeches[0])
    assert item["verdict"] == "verbatim" and item["differences"] == "But it is true and we will act"


def test_the_data_files_keep_the_direction_as_narrative(archive):
    speech = archive.speeches[0]
    records = [json.loads(line) for line in opendata.statements_jsonl([speech], archive.registry, "", "A")]
    first = records[0]
    assert first["text"] == "I thank the Members of Congress——and every citizen who voted."
    assert first["narrative"] == [{"text": "[applause]", "at": 32}]
    assert first["text"][:32] + "[applause]" + first["text"][32:] == speech.statements[0].text
    assert "narrative" not in records[4]  # no direction: no field
    assert [(r["type"], r["text"]) for r in records[2:4]] == [("narrative", "(Applause.)"), ("narrative", "[Applause]")]
    document = json.loads(json.dumps(opendata.speech_document(speech, archive.registry, "", "A")))
    assert document["statements"][1]["narrative"] == [{"text": "[Laughter]", "at": 0}]
    jsonschema = pytest.importorskip("jsonschema")
    schema = opendata.SCHEMAS["statement.schema.json"]
    for record in records:
        jsonschema.Draft202012Validator(schema).validate(record)


def test_the_page_description_starts_with_words_not_a_direction(archive_dir: ArchiveDir):
    archive_dir.speech("opening", MINIMAL_FRONT, "[Applause]\n\n[Laughter] Thank you all.\n")
    loaded = features.load(archive_dir.root)
    head = speech_metadata(loaded.speeches[0], loaded.registry, "Archive", "https://x.org/")
    assert '<meta property="og:description" content="Thank you all.">' in head


def test_the_home_page_counts_statements_as_the_quote_page_does(archive):
    html = render_home_summary(archive.speeches, archive.registry, Links(), 5)
    assert "<strong>5</strong>" in html
    assert len(QuoteIndex.from_archive(archive).entries) == 5


def test_pagefind_indexes_the_words_and_not_the_direction(tmp_path):
    import gzip

    from podium.search.index import StreamingIndex

    index = StreamingIndex()
    statement = StatementRenderer()("Members of Congress—[applause]—and citizens. (Laughter.)")
    index.add(
        f'<html lang="en"><body><div data-pagefind-body><section id="s-1">{statement}</section></div></body></html>',
        "/x/",
    )
    index.finish(tmp_path / "pagefind")
    [fragment] = (tmp_path / "pagefind" / "fragment").iterdir()
    record = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
    assert record["content"] == "Members of Congress——and citizens." and record["word_count"] == 4


def test_an_explicit_direction_at_the_end_is_text_and_the_attributes_after_it_still_apply():
    problems = Problems()
    [statement] = parse("We act. [Waves]{.direction} {#acting topics=climate}\n", "x.md", problems, 1, "tokayev")
    assert problems.sorted() == []
    assert isinstance(statement, Statement)
    assert (statement.id, statement.topics, statement.text) == ("acting", ["climate"], "We act. [Waves]{.direction}")
    assert statement.spoken.text == "We act." and statement.spoken.directions == ((7, "[Waves]"),)


@pytest.mark.parametrize(
    "markdown, count",
    [
        ("(applause) " * 50_000, 50_000),  # half a megabyte of directions
        ("`a` (Laughter.) " * 15_000, 15_000),  # each between two code spans
        ("[x](https://a.b) [applause] " * 15_000, 15_000),
        ("[" * 200_000 + "(" * 200_000, 0),  # brackets that never close
        ("(applause " * 50_000, 0),
    ],
)
def test_finding_directions_is_linear(markdown, count):
    import time

    tokens = StatementRenderer().directions
    started = time.perf_counter()
    words = spoken(markdown)
    marked = tokens.mark(markdown)
    assert time.perf_counter() - started < 3.0  # the budget of tests/test_linear_time.py, for linear code
    assert len(words.directions) == count
    # Directions alone are a narrative line, shown without spans; words around them get one span each.
    assert marked.count(tokens.opening) == (0 if markdown.startswith("(applause) ") else count)


@pytest.mark.slow
def test_a_built_site_shows_directions_and_counts_and_exports_without_them(archive_dir: ArchiveDir):
    import gzip

    archive_dir.write(
        "mkdocs.yml",
        "site_name: Test\ntheme:\n  name: material\nnav:\n  - Home: index.md\n  - Speeches: speeches/index.md\n"
        "plugins:\n  - podium\n  - podium-cite\n",
    )
    archive_dir.speech("directions", MINIMAL_FRONT, BODY)
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    page = archive_dir.html("speeches/directions/index.html")
    assert 'Congress—<span class="podium-direction">[applause]</span>—and every citizen' in page
    home = archive_dir.html("index.html")
    meta = json.loads(archive_dir.html("data/quote/meta.json"))
    assert meta["statements"] == 5 and "<li><strong>5</strong> statements</li>" in home
    speech = json.loads(gzip.decompress((archive_dir.root / "site/speeches/directions/speech.json.gz").read_bytes()))
    assert speech["statements"][0]["narrative"] == [{"text": "[applause]", "at": 32}]
    with gzip.open(archive_dir.root / "site" / "data" / "statements.jsonl.gz", "rt", encoding="utf-8") as lines:
        first = json.loads(next(lines))
    assert first["text"] == "I thank the Members of Congress——and every citizen who voted."
