"""Statements: paragraphs, turns, narrative, explicit ids, and automatic ids that survive edits elsewhere."""

from __future__ import annotations

from podium import features
from podium.core.problems import Problems
from podium.core.statements import Section, Statement, automatic_id, parse
from support.archive import ArchiveDir

BODY = """\
We meet at a time of profound global uncertainty.

Dear friends,

The post-war global order is fragmenting. Protectionism is rising.

Dear friends,

Let us seek dialogue, but also direction.
"""


def ids(body: str) -> dict[str, str]:
    problems = Problems()
    blocks = parse(body, "x.md", problems, 1, "tokayev")
    assert problems.sorted() == []
    return {b.text: b.id for b in blocks if isinstance(b, Statement)}


def test_each_paragraph_is_a_statement_with_an_id():
    problems = Problems()
    blocks = parse(BODY, "x.md", problems, 10, "tokayev")
    assert [(b.line, b.type, b.speaker) for b in blocks] == [
        (10, "speech", "tokayev"),
        (12, "speech", "tokayev"),
        (14, "speech", "tokayev"),
        (16, "speech", "tokayev"),
        (18, "speech", "tokayev"),
    ]
    assert all(b.id.startswith("s-") and len(b.id) in (8, 10) for b in blocks)
    assert blocks[1].id + "-2" == blocks[3].id  # the repeated "Dear friends," gets -2


def test_automatic_ids_survive_inserting_removing_and_editing_other_paragraphs():
    before = ids(BODY)
    paragraphs = BODY.strip().split("\n\n")
    inserted = "\n\n".join([paragraphs[0], "A new paragraph inserted here.", *paragraphs[1:]])
    removed = "\n\n".join(paragraphs[1:])
    edited = "\n\n".join([paragraphs[0] + " An added sentence.", *paragraphs[1:]])
    for variant in (inserted, removed, edited):
        after = ids(variant)
        for text, ident in after.items():
            if text in before:
                assert before[text] == ident, (text, variant)
    assert ids(inserted)["A new paragraph inserted here."] not in before.values()


def test_fixing_punctuation_case_or_a_late_typo_keeps_the_id():
    long = " ".join(f"word{n}" for n in range(20))
    assert automatic_id("The post-war global order") == automatic_id("the post war global order.")
    assert automatic_id(long + " typo") == automatic_id(long + " typos")


def test_explicit_id_and_statement_topics():
    problems = Problems()
    blocks = parse(
        "Multilateralism is faltering. {#faltering topics=multilateralism,un-reform}\n", "x.md", problems, 7, "tokayev"
    )
    statement = blocks[0]
    assert (statement.id, statement.explicit_id, statement.text) == ("faltering", True, "Multilateralism is faltering.")
    assert statement.topics == ["multilateralism", "un-reform"]
    assert statement.topic_positions == [(7, 50), (7, 66)]
    assert problems.sorted() == []


def test_braces_in_the_text_are_left_alone():
    blocks = parse("He said {sic} and left.\n", "x.md", Problems(), 1, "a")
    assert blocks[0].text == "He said {sic} and left." and not blocks[0].explicit_id


def test_bad_attributes_are_reported():
    problems = Problems()
    parse("Text. {#Bad_Id colour=red}\n", "x.md", problems, 3, "a")
    assert [p.format() for p in problems.sorted()] == [
        "x.md:3:8: error: statement id `Bad_Id` is not valid\n"
        "  hint: use lowercase letters, digits and hyphens, e.g. {#pledge-2025}",
        "x.md:3:16: error: unknown statement attribute `colour`\n"
        "  hint: a statement may carry {#id} and topics=a,b, e.g. {#pledge topics=nuclear-security}",
    ]


def test_turns_narrative_and_sections():
    body = (
        "## Opening\n\n@tokayev: Welcome to Astana.\n\nA second paragraph.\n\n[Applause]\n\n"
        "@kagame:\nThank you.\n\n@tokayev:\n\nThe floor is yours.\n"
    )
    blocks = parse(body, "x.md", Problems(), 1)
    assert isinstance(blocks[0], Section) and blocks[0].id == "h-opening"
    rows = [(b.type, b.speaker, b.turn_start, b.text) for b in blocks[1:]]
    assert rows == [
        ("speech", "tokayev", True, "Welcome to Astana."),
        ("speech", "tokayev", False, "A second paragraph."),
        ("narrative", None, False, "[Applause]"),
        ("speech", "kagame", True, "Thank you."),
        ("speech", "tokayev", True, "The floor is yours."),
    ]
    assert blocks[3].id.startswith("n-")


def test_turn_speakers_are_checked(archive_dir: ArchiveDir):
    front = "title: Panel\ndate: 2025-05-29\nspeakers: [tokayev, kagame]\nevent: aif-2025\n"
    archive_dir.speech("panel", front, "Before anyone.\n\n@kagame: Hello.\n\n@tokayv: Hi.\n\n@tokayev: Welcome.\n")
    archive = features.load(archive_dir.root)
    assert [p.format() for p in archive.problems.sorted()] == [
        "speeches/2025/panel.md:8:1: error: statement before the first speaker turn in a speech with several "
        "speakers\n  hint: start the paragraph with `@speaker-id: `, or write stage directions in [brackets]",
        "speeches/2025/panel.md:12:2: error: unknown speaker `tokayv`\n"
        "  hint: did you mean `tokayev`? Or add it to speeches/speakers.yml.",
    ]


def test_a_turn_speaker_must_be_declared(archive_dir: ArchiveDir):
    front = "title: Remarks\ndate: 2025-05-29\nspeaker: tokayev\n"
    archive_dir.speech("remarks", front, "Welcome.\n\n@kagame: Thank you.\n")
    archive = features.load(archive_dir.root)
    assert [p.format() for p in archive.problems.sorted()] == [
        "speeches/2025/remarks.md:9:2: error: `kagame` speaks here but is not in the front matter's speakers\n"
        "  hint: add `kagame` to `speakers`"
    ]


def test_unknown_statement_topic_is_a_path_line_error(archive_dir: ArchiveDir):
    archive_dir.speech("a", body="One.\n\nTwo. {#two topics=climate,multilateralsm}\n")
    archive = features.load(archive_dir.root)
    assert [p.format() for p in archive.problems.sorted()] == [
        "speeches/2025/a.md:10:27: error: unknown topic `multilateralsm`\n"
        "  hint: did you mean `multilateralism`? Or add it to speeches/topics.yml."
    ]


def test_corrections_must_match_the_text(archive_dir: ArchiveDir):
    front = (
        "title: T\ndate: 2025-05-29\nspeaker: tokayev\ncorrections:\n"
        "  - {original: advócacy, corrected: advocacy, statement: legacy}\n"
        "  - {original: ígnorance, corrected: ignorance, statement: nowhere}\n"
    )
    archive_dir.speech("a", front, "Our advocacy goes on. {#legacy}\n\nNo ignorance.\n")
    archive = features.load(archive_dir.root)
    assert [p.format() for p in archive.problems.sorted()] == [
        "speeches/2025/a.md:7:5: error: correction names statement `nowhere`, which is not in this speech\n"
        "  hint: use the id shown by the statement's ¶ permalink"
    ]


def test_a_speech_renders_in_one_pass_exactly_as_statement_by_statement():
    from podium.render.pages import StatementRenderer

    renderer = StatementRenderer()
    texts = [
        "Plain *emphasis* and [a link](https://example.org).",
        "- a list\n- of two",
        "[Applause]",
        "> a quotation",
        "```\nan unclosed fence",
        "After the fence.",
    ]
    assert renderer.render_all(texts[:3] + texts[5:]) == [renderer(t) for t in texts[:3] + texts[5:]]
    # An unclosed fence swallows what follows: the renderer notices and converts one by one.
    assert renderer.render_all(texts) == [renderer(t) for t in texts]
