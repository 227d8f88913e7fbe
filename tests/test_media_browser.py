"""Playing a speech's recording from a statement, in headless Chromium, with a local silent WAV.

The site is served by a server that answers byte ranges, as GitHub Pages and any web server do: a browser seeks
in a recording only when its server does (Python's plain `http.server` does not).
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import threading
import wave
from pathlib import Path

import pytest

from support.archive import ArchiveDir

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FRONT = """\
title: Opening address
date: 2025-05-29
speaker: tokayev
event: aif-2025
"""
BODY = """\
{t=0:00} Distinguished guests, welcome to Astana.

The post-war global order is fragmenting. {#fragmenting t=0:02}

[Applause] {t=0:03}

{t=0:04} We must rebuild trust between nations.

A statement without a time.
"""


def silent_wav(path: Path, seconds: int = 8, rate: int = 8000) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(b"\x80" * rate * seconds)


class _RangeHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that answers `Range: bytes=a-b` with 206, as every web host does."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        path = self.translate_path(self.path)
        if not wanted or not os.path.isfile(path):
            return super().send_head()
        data = Path(path).read_bytes()
        start = int(wanted.group(1))
        end = min(int(wanted.group(2) or len(data) - 1), len(data) - 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return io.BytesIO(data[start : end + 1])


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> str:
    archive = ArchiveDir(tmp_path_factory.mktemp("media-archive"))
    silent_wav(archive.root / "media/2025/opening.wav")
    archive.speech("opening", FRONT + "media:\n  audio: media/2025/opening.wav\n  title: Floor audio\n", BODY)
    panel = FRONT.replace("Opening address", "Panel") + "media: https://youtu.be/dQw4w9WgXcQ\n"
    archive.speech("panel", panel, "Thanks. {t=0:10}\n")
    result = archive.build("mkdocs", "--strict")
    assert result.returncode == 0, result.stderr
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_RangeHandler, directory=str(archive.root / "site"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(params=[(1366, 900), (390, 844)], ids=["desktop", "phone"])
def page(request, browser, site):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.outside, page.errors = [], []
    page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith(site) else None)
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    # Nothing may leave the machine: a request to another host fails here instead of waiting on the network.
    context.route(re.compile(r"^(?!" + re.escape(site) + ")"), lambda route: route.abort())
    page.site = site
    yield page
    context.close()


def current_statements(page) -> list[tuple[str, str | None]]:
    return page.eval_on_selector_all(
        ".podium-statement--current", "all => all.map(e => [e.id, e.getAttribute('aria-current')])"
    )


def test_play_from_here_seeks_the_page_player_and_marks_the_statement(page):
    page.goto(page.site + "speeches/opening/")
    assert page.eval_on_selector("audio", "a => a.paused && a.currentTime === 0")
    page.click("#fragmenting .podium-play")
    page.wait_for_function("() => { const a = document.querySelector('audio'); return !a.paused && a.currentTime > 0 }")
    position = page.eval_on_selector("audio", "a => a.currentTime")
    assert 2 <= position < 3.5  # from the statement's 0:02, not from the start
    assert current_statements(page) == [["fragmenting", "time"]]
    assert page.eval_on_selector(".podium-player", "p => p.classList.contains('podium-player--docked')")
    highlighted = page.eval_on_selector("#fragmenting", "e => getComputedStyle(e).boxShadow")
    assert highlighted != "none"
    # Playing on, the recording reaches the next timed statement (0:04) and the mark follows it.
    page.wait_for_function("() => document.querySelector('audio').currentTime >= 4.3", timeout=10_000)
    [(ident, current)] = current_statements(page)
    assert current == "time" and ident != "fragmenting"
    assert page.eval_on_selector(f"#{ident}", "e => e.textContent").strip().endswith("rebuild trust between nations.")
    assert page.outside == [] and page.errors == []


def test_youtube_is_asked_for_nothing_until_the_reader_presses_play(page):
    page.goto(page.site + "speeches/panel/")
    link = page.eval_on_selector(".podium-statement .podium-play", "a => a.href")
    assert link == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s"
    page.wait_for_timeout(300)
    assert page.outside == [] and page.query_selector("iframe") is None
    page.click(".podium-statement .podium-play")
    source = page.eval_on_selector(".podium-player iframe", "f => f.src")
    assert source.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1&autoplay=1")
    assert "&start=10&" in source
    assert page.url == page.site + "speeches/panel/"  # the page stayed: the player is embedded in it
