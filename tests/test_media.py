"""A speech's recording (`media:`) and its statements' start times (`{t=12:34}`): reading, checking, rendering."""

from __future__ import annotations

import doctest
import os
import wave
from pathlib import Path

import pytest

from podium import features
from podium.core import media
from podium.core.problems import Problems
from podium.core.statements import paragraphs, parse
from podium.render.pages import Links, render_speech
from support.archive import ArchiveDir

FRONT = """\
title: Opening address
date: 2025-05-29
speaker: tokayev
event: aif-2025
"""


def silent_wav(path: Path, seconds: int = 6, rate: int = 8000) -> Path:
    """A short silent WAV made with the standard library: a local recording for tests."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(b"\x80" * rate * seconds)
    return path


def reported(root: Path) -> list[str]:
    """Every problem of the archive as `path:line:col: severity: message` and its hint."""
    return [
        f"{p.path}:{p.line}:{p.column}: {p.severity}: {p.message} | {p.hint}"
        for p in features.load(root).problems.sorted()
    ]


def test_the_modules_examples_hold():
    assert doctest.testmod(media).failed == 0


# -- times ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("0", 0), ("45", 45), ("12:34", 754), ("0:05", 5), ("75:00", 4500), ("1:02:03", 3723), ("12:34.5", 754.5)],
)
def test_a_time_is_read_in_seconds(written, seconds):
    assert media.parse_time(written) == seconds


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("12:75", "`12:75` is not a time: seconds go up to 59"),
        ("1:75:00", "`1:75:00` is not a time: minutes go up to 59 after the hours"),
        ("12:3", "`12:3` is not a time"),
        ("1:2:3:4", "`1:2:3:4` is not a time"),
        ("12m34s", "`12m34s` is not a time"),
        ("١٢:٣٤", "`١٢:٣٤` is not a time"),  # Arabic-Indic digits: `\d` would have taken them
        ("", "`` is not a time"),
    ],
)
def test_a_wrong_time_says_why(written, message):
    with pytest.raises(ValueError) as error:
        media.parse_time(written)
    assert str(error.value) == message


def test_times_are_shown_as_minutes_or_hours():
    assert [media.format_time(s) for s in (0, 5.9, 754, 3599, 3600, 3723)] == [
        "0:00",
        "0:05",
        "12:34",
        "59:59",
        "1:00:00",
        "1:02:03",
    ]


# -- what an address is --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL1",
        "https://youtu.be/dQw4w9WgXcQ?t=10",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/live/dQw4w9WgXcQ",
        "https://m.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ],
)
def test_youtube_addresses_name_their_video(address):
    recording = media.classify(address)
    assert (recording.provider, recording.ident, recording.kind) == ("youtube", "dQw4w9WgXcQ", "video")
    assert recording.at(754, address) == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s"
    assert recording.embed.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?")


def test_vimeo_addresses_keep_an_unlisted_videos_hash():
    public = media.classify("https://vimeo.com/76979871")
    unlisted = media.classify("https://vimeo.com/76979871/8272103f6e")
    assert public.at(62.5, "") == "https://vimeo.com/76979871#t=62s"
    assert unlisted.at(62, "") == "https://vimeo.com/76979871/8272103f6e#t=62s"
    assert unlisted.embed == "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=8272103f6e"
    assert media.classify("https://player.vimeo.com/video/76979871").ident == "76979871"


def test_files_and_pages():
    remote = media.classify("https://example.org/audio/plenary.MP3")
    local = media.classify("media/2025/plenary session.ogv")
    page = media.classify("https://webtv.un.org/en/asset/k1x/k1xyz")
    assert (remote.provider, remote.kind, remote.local, remote.mime) == ("file", "audio", False, "audio/mpeg")
    assert (local.provider, local.kind, local.local) == ("file", "video", True)
    assert media.href(local, "../../") == "../../media/2025/plenary%20session.ogv"
    assert local.at(5.25, "../../media/x.ogv") == "../../media/x.ogv#t=5.25"
    assert (page.provider, page.playable) == ("page", False)


def test_the_page_plays_a_file_before_youtube():
    class Media:
        video = "https://youtu.be/dQw4w9WgXcQ"
        audio = "media/a.mp3"
        title = "Floor audio"

    player = media.player(Media(), "../")
    assert (player.provider, player.kind, player.href, player.title) == (
        "file",
        "audio",
        "../media/a.mp3",
        "Floor audio",
    )
    Media.audio = None
    assert media.player(Media(), "../").provider == "youtube"
    Media.video = "https://example.org/watch/session-4"
    assert media.player(Media(), "../") is None  # a page: linked, never played from a time


# -- front matter ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message", "hint"),
    [
        (
            "https://www.youtube.com/watch?list=PL1",
            "`media`: `https://www.youtube.com/watch?list=PL1` is a YouTube address but names no video",
            "link the video itself, e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://vimeo.com/channels/staffpicks",
            "`media`: `https://vimeo.com/channels/staffpicks` is a Vimeo address but names no video",
            "link the video itself, e.g. https://vimeo.com/76979871",
        ),
        (
            "javascript:alert(1)",
            "`media`: `javascript:` addresses cannot be a recording",
            "use an http(s) address, or a file's path in the repository such as media/2025/plenary.mp3",
        ),
        (
            "../../secret.mp3",
            "`media`: `../../secret.mp3` leaves the repository",
            "copy the file into the archive; write its path from there, without `..`",
        ),
        (
            "/home/editor/plenary.mp3",
            "`media`: `/home/editor/plenary.mp3` is not a path in the repository",
            "write the path from the archive's folder (where mkdocs.yml is)",
        ),
        (
            "notes/plenary.docx",
            "`media`: `notes/plenary.docx` is not an audio or video file a browser plays",
            f"convert it to one of {media.EXTENSIONS}, or link its page: `video: https://...`",
        ),
        (
            "https://webtv.un.org/en/asset/k1x",
            "`media`: cannot tell whether `https://webtv.un.org/en/asset/k1x` is a video or an audio recording",
            "write `video: <address>` or `audio: <address>` on a line under `media:`",
        ),
    ],
)
def test_a_bad_media_value_is_an_error_at_its_place(archive_dir: ArchiveDir, value, message, hint):
    archive_dir.speech("opening", FRONT + f'media: "{value}"\n')
    assert reported(archive_dir.root) == [f"speeches/2025/opening.md:6:8: error: {message} | {hint}"]


def test_a_script_address_elsewhere_gets_no_recording_hint(archive_dir: ArchiveDir):
    archive_dir.speech("opening", FRONT + 'source:\n  url: "javascript:alert(1)"\n')
    assert reported(archive_dir.root) == [
        "speeches/2025/opening.md:7:8: error: `source.url`: `javascript:` addresses are not allowed; use an http(s) "
        "address | "
    ]


def test_a_bad_address_under_video_or_audio_is_reported_there(archive_dir: ArchiveDir):
    archive_dir.speech("opening", FRONT + "media:\n  title: Floor audio\n  audio: media/plenary.txt\n")
    assert reported(archive_dir.root) == [
        "speeches/2025/opening.md:8:10: error: `media.audio`: `media/plenary.txt` is not an audio or video file a "
        f"browser plays | convert it to one of {media.EXTENSIONS}, or link its page: `video: https://...`"
    ]


def test_an_unknown_media_field_is_suggested(archive_dir: ArchiveDir):
    archive_dir.speech("opening", FRONT + "media:\n  vidoe: https://youtu.be/dQw4w9WgXcQ\n")
    assert reported(archive_dir.root) == [
        "speeches/2025/opening.md:7:3: error: unknown field `media.vidoe` | did you mean `video`? "
        "known fields: video, audio, title"
    ]


def test_the_shorthand_is_a_video_or_an_audio(archive_dir: ArchiveDir):
    silent_wav(archive_dir.root / "media/opening.wav")
    archive_dir.speech("opening", FRONT + "media: media/opening.wav\n")
    archive_dir.speech("panel", FRONT.replace("Opening", "Panel") + "media: https://youtu.be/dQw4w9WgXcQ\n")
    archive = features.load(archive_dir.root)
    assert archive.problems.sorted() == []
    metas = {speech.id: speech.meta.media for speech in archive.speeches}
    assert (metas["opening"].audio, metas["opening"].video) == ("media/opening.wav", None)
    assert (metas["panel"].video, metas["panel"].audio) == ("https://youtu.be/dQw4w9WgXcQ", None)


def test_a_local_recording_must_exist(archive_dir: ArchiveDir):
    silent_wav(archive_dir.root / "media/2025/opening.wav")
    archive_dir.speech("opening", FRONT + "media:\n  audio: media/2025/openng.wav\n")
    assert reported(archive_dir.root) == [
        "speeches/2025/opening.md:7:10: error: recording `media/2025/openng.wav` is not in the repository "
        "| did you mean `opening.wav`?"
    ]


def test_a_local_recording_must_stay_inside_the_archive(archive_dir: ArchiveDir, tmp_path_factory):
    outside = silent_wav(tmp_path_factory.mktemp("elsewhere") / "private.wav")
    (archive_dir.root / "media").mkdir()
    os.symlink(outside, archive_dir.root / "media/opening.wav")
    archive_dir.speech("opening", FRONT + "media: media/opening.wav\n")
    assert reported(archive_dir.root) == [
        "speeches/2025/opening.md:6:8: error: recording `media/opening.wav`: symbolic link to a recording outside "
        "the archive | copy the recording into the archive instead of linking"
    ]


# -- start times in the body ------------------------------------------------------------------------------------


def test_a_time_at_the_start_or_the_end_of_a_paragraph_is_never_text():
    body = (
        "{t=0:00} Distinguished guests, welcome.\n\n"
        "@kagame: {t=0:05} Thank you.\n\n"
        "{t=0:09} @tokayev: Thank you too.\n\n"
        "We must act now. {#act-now t=1:02:03 topics=climate}\n\n"
        "[Applause] {t=1:02:10}\n\n"
        "No time here.\n"
    )
    problems = Problems()
    blocks = parse(body, "x.md", problems)
    assert problems.sorted() == []
    assert [(b.text, b.speaker, b.start, b.start_at) for b in blocks] == [
        ("Distinguished guests, welcome.", None, 0, (1, 4)),
        ("Thank you.", "kagame", 5, (3, 13)),
        ("Thank you too.", "tokayev", 9, (5, 4)),
        ("We must act now.", "tokayev", 3723, (7, 30)),
        ("[Applause]", None, 3730, (9, 15)),
        ("No time here.", "tokayev", None, (0, 1)),
    ]
    assert blocks[3].id == "act-now" and blocks[3].topics == ["climate"]
    assert blocks[4].type == "narrative"
    # What `podium lint` reads: the words without the time.
    assert [p.text for p in paragraphs(body)][:3] == ["Distinguished guests, welcome.", "Thank you.", "Thank you too."]


def problems_of(body: str) -> list[str]:
    problems = Problems()
    parse(body, "x.md", problems)
    return [f"{p.line}:{p.column}: {p.message} | {p.hint}" for p in problems.sorted()]


def test_times_never_go_back():
    assert problems_of("First. {t=0:10}\n\nSecond. {t=0:30}\n\nThird. {t=0:20}\n\nSame. {t=0:20}\n") == [
        "5:11: start time 0:20 is earlier than the one before it (0:30, line 3) "
        "| times follow the recording and never go back: correct this time or the earlier one"
    ]


def test_a_wrong_time_is_an_error_at_its_place():
    assert problems_of("{t=12:75} First.\n\nSecond. {#second t=ten}\n") == [
        "1:4: `12:75` is not a time: seconds go up to 59 "
        "| write minutes:seconds or hours:minutes:seconds, e.g. {t=12:34} or {t=1:02:03}",
        "3:20: `ten` is not a time | write minutes:seconds or hours:minutes:seconds, e.g. {t=12:34} or {t=1:02:03}",
    ]


def test_one_time_per_statement_and_none_inside_the_words():
    assert problems_of("{t=0:01} Twice. {t=0:02}\n\nWe met {t=0:05} at noon.\n") == [
        "1:20: a second start time for this statement (the first is at line 1) "
        "| give each statement one {t=...}, at its start or at its end",
        "3:8: a start time inside a statement's words would be shown as text "
        "| put {t=...} at the start or the end of the paragraph, or split the paragraph there",
    ]


def test_times_without_a_recording_are_a_warning(archive_dir: ArchiveDir):
    archive_dir.speech("opening", FRONT, "First.\n\nSecond. {t=0:30}\n")
    archive_dir.speech("panel", FRONT + "media: {video: 'https://webtv.un.org/asset/k1x'}\n", "{t=0:05} First.\n")
    assert reported(archive_dir.root) == [
        "speeches/2025/opening.md:10:12: warning: statements have start times, but `media` names no recording "
        "| add `media:` with a YouTube or Vimeo address, or an audio or video file (see the transcript format)",
        "speeches/2025/panel.md:9:4: warning: statements have start times, but `media` names no recording a page can "
        "play from a time | add `media:` with a YouTube or Vimeo address, or an audio or video file (see the "
        "transcript format)",
    ]


# -- the speech page ------------------------------------------------------------------------------------------------


def speech_page(archive_dir: ArchiveDir, front: str, body: str) -> str:
    archive_dir.speech("opening", front, body)
    archive = features.load(archive_dir.root)
    assert [p for p in archive.problems.sorted() if p.is_error] == []
    return render_speech(archive.speeches[0], archive.registry, Links("../../"))


def test_a_local_recording_plays_in_the_page(archive_dir: ArchiveDir):
    silent_wav(archive_dir.root / "media/opening.wav")
    html = speech_page(
        archive_dir,
        FRONT + "media: {audio: media/opening.wav, title: Floor audio}\n",
        "{t=0:00} First.\n\nSecond. {#second t=0:03}\n\nNo time.\n",
    )
    assert (
        '<audio class="podium-player__media podium-player__media--audio" controls preload="none" '
        'src="../../media/opening.wav">' in html
    )
    assert '<section class="podium-statement" id="second" data-start="3">' in html  # the list names its one speaker
    assert (
        '<a class="podium-play" href="../../media/opening.wav#t=3" data-start="3" data-pagefind-ignore '
        'title="Play from here" '
        'aria-label="Play from 0:03"><span aria-hidden="true">▶&#xFE0E;</span> 0:03</a>' in html
    )
    assert html.count('class="podium-play"') == 2  # the statement without a time has none
    assert '<span class="podium-media__title">Floor audio</span>: <a href="../../media/opening.wav"' in html


def test_youtube_is_a_link_until_the_reader_asks(archive_dir: ArchiveDir):
    html = speech_page(
        archive_dir, FRONT + "media: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n", "First. {t=1:02:03}\n"
    )
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=3723s"' in html
    assert 'aria-label="Play from 1:02:03"' in html
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?' in html
    # Nothing the browser fetches by itself: no iframe, no src, no script of YouTube's.
    assert "<iframe" not in html and 'src="https://' not in html and "<script" not in html


def test_a_speech_without_a_playable_recording_has_no_play_links(archive_dir: ArchiveDir):
    html = speech_page(archive_dir, FRONT + "media: {video: 'https://webtv.un.org/asset/k1x'}\n", "First.\n")
    assert "podium-play" not in html and "data-podium-player" not in html
    assert '<a href="https://webtv.un.org/asset/k1x" rel="nofollow noopener">Video</a>' in html


# -- the data files ------------------------------------------------------------------------------------------------


def test_the_data_files_carry_the_times_and_the_recording(archive_dir: ArchiveDir):
    import json

    import jsonschema
    from referencing import Registry, Resource

    from podium.cite import opendata

    silent_wav(archive_dir.root / "media/opening.wav")
    archive_dir.speech(
        "opening",
        FRONT + "media: {audio: media/opening.wav, video: 'https://youtu.be/dQw4w9WgXcQ'}\n",
        "{t=0:00} First.\n\nSecond. {#second t=12:34.5}\n\nNo time.\n",
    )
    archive = features.load(archive_dir.root)
    speech = archive.speeches[0]
    document = json.loads(json.dumps(opendata.speech_document(speech, archive.registry, "https://x.org/", "Archive")))
    lines = [json.loads(line) for line in opendata.statements_jsonl([speech], archive.registry, "https://x.org/", "A")]
    assert document["media"] == {
        "video": "https://youtu.be/dQw4w9WgXcQ",
        "audio": "https://x.org/media/opening.wav",
        "title": None,
    }
    assert [s.get("start") for s in document["statements"]] == [0, 754.5, None]
    assert [line.get("start") for line in lines] == [0, 754.5, None]
    assert "start" not in document["statements"][2]  # no time: no field, as with `narrative`
    schemas = Registry().with_resources((key, Resource.from_contents(s)) for key, s in opendata.SCHEMAS.items())
    jsonschema.Draft202012Validator(opendata.SCHEMAS["speech.schema.json"], registry=schemas).validate(document)
    for line in lines:
        jsonschema.Draft202012Validator(opendata.SCHEMAS["statement.schema.json"], registry=schemas).validate(line)
