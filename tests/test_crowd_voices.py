"""Crowd and anonymous voices (`@[Audience members]:`): a turn with a label, never a registry speaker."""

from __future__ import annotations

import json

import pytest

from podium import features
from podium.cite import opendata
from podium.core.problems import Problems
from podium.core.statements import Statement, paragraphs, parse
from podium.quote.index import QuoteIndex
from podium.render.pages import Links, render_home_summary, render_speech
from podium.search.index import turns
from support.archive import ArchiveDir

PANEL = """\
title: Panel on climate
date: 2025-05-29
speakers: [tokayev, kagame]
event: aif-2025
kind: panel
"""
BODY = """\
@tokayev: Shall we build it together?

@[Audience members.]: Yes! Yes, we shall!

@[Голос из зала]:

Да, конечно!

@kagame: Then let us begin.

@[Unidentified speaker]: (inaudible)
"""


def test_a_bracketed_turn_mark_is_a_voice_with_its_label_and_no_speaker():
    problems = Problems()
    blocks = [b for b in parse(BODY, "x.md", problems, 1) if isinstance(b, Statement)]
    assert problems.sorted() == []
    assert [(b.speaker, b.voice, b.type, b.turn_start) for b in blocks] == [
        ("tokayev", None, "speech", True),
        (None, "Audience members.", "speech", True),
        (None, "Голос из зала", "speech", True),  # `@[label]:` alone names the voice of what follows
        ("kagame", None, "speech", True),
        (None, None, "narrative", False),  # only a direction: narrative, whoever's turn it is
    ]
    assert [b.by_speaker for b in blocks] == [True, False, False, True, False]
    assert blocks[1].text == "Yes! Yes, we shall!"
    paragraph = next(p for p in paragraphs(BODY) if p.voice == "Audience members.")
    assert paragraph.speaker is None and paragraph.speaker_at == (3, 2)


def test_a_single_speaker_speech_takes_the_speaker_back_only_at_the_next_turn_mark():
    body = "Welcome.\n\n@[Audience]: Hear, hear!\n\nStill the audience.\n\n@tokayev: Thank you.\n"
    blocks = [b for b in parse(body, "x.md", Problems(), 1, "tokayev") if isinstance(b, Statement)]
    assert [(b.speaker, b.voice) for b in blocks] == [
        ("tokayev", None),
        (None, "Audience"),
        (None, "Audience"),
        ("tokayev", None),
    ]


def test_an_empty_label_is_not_a_voice():
    blocks = parse("@[ ]: Hello.\n", "x.md", Problems(), 1, "tokayev")
    assert [(b.speaker, b.voice, b.text) for b in blocks if isinstance(b, Statement)] == [
        ("tokayev", None, "@[ ]: Hello.")
    ]


@pytest.fixture
def archive(archive_dir: ArchiveDir):
    archive_dir.speech("panel", PANEL, BODY)
    loaded = features.load(archive_dir.root)
    return loaded


def test_the_check_asks_no_registry_entry_for_a_voice(archive):
    assert archive.problems.sorted() == []


def test_the_check_still_reports_an_unknown_speaker_id(archive_dir: ArchiveDir):
    archive_dir.speech("panel", PANEL, BODY.replace("@kagame:", "@kagme:"))
    report = [str(p) for p in features.load(archive_dir.root).problems.sorted()]
    assert len(report) == 1 and "unknown speaker `kagme`" in report[0]


def test_the_page_shows_the_label_not_a_speaker_link_and_not_in_the_byline(archive):
    html = render_speech(archive.speeches[0], archive.registry, Links())
    assert '<p class="podium-turn podium-turn--voice">Audience members.</p>' in html
    assert '<p class="podium-turn podium-turn--voice">Голос из зала</p>' in html
    assert 'data-voice="Audience members."' in html
    byline = html.split('<p class="podium-byline">', 1)[1].split("</p>", 1)[0]
    assert "Audience" not in byline and byline.count('class="podium-speaker"') == 2
    assert "speakers/audience" not in html.casefold()


def test_a_voice_in_a_single_speaker_speech_is_labelled_and_so_is_the_speaker_coming_back(archive_dir: ArchiveDir):
    archive_dir.speech("address", body="Welcome.\n\n@[Audience]: Hear, hear!\n\n@tokayev: Thank you.\n")
    loaded = features.load(archive_dir.root)
    assert loaded.problems.sorted() == []
    html = render_speech(loaded.speeches[0], loaded.registry, Links())
    assert '<p class="podium-turn podium-turn--voice">Audience</p>' in html
    assert html.count('<p class="podium-turn">') == 1  # Tokayev again after the audience, not before "Welcome."


def test_voices_are_not_counted_as_speakers_or_statements(archive):
    html = render_home_summary(archive.speeches, archive.registry, Links(), 5)
    counts = [" ".join(item.split("</li>")[0].split()) for item in html.split("<li>")[1:5]]
    assert counts == [
        "<strong>1</strong> speech",
        "<strong>2</strong> statements",
        "<strong>2</strong> speakers",
        "<strong>1</strong> event",
    ]
    index = QuoteIndex.from_archive(archive)
    assert [entry.speaker for entry in index.entries] == ["tokayev", "kagame"]
    assert not [m for m in index.search("Yes, we shall") if m.found]  # the crowd's words are not quoted as anyone's


def test_the_data_files_keep_the_crowd_words_with_their_label(archive):
    records = [json.loads(line) for line in opendata.statements_jsonl(archive.speeches, archive.registry, "", "A")]
    crowd = records[1]
    assert (crowd["creator_id"], crowd["creator"], crowd["voice"], crowd["text"]) == (
        None,
        None,
        "Audience members.",
        "Yes! Yes, we shall!",
    )
    assert "voice" not in records[0]


def test_search_turns_give_the_crowd_its_own_turn(archive):
    assert [name for _, name in turns(archive.speeches[0], archive.registry)] == [
        "Kassym-Jomart Tokayev",
        "Audience members.",
        "Голос из зала",
        "Paul Kagame",
    ]
