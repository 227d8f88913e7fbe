"""The 404 page suggests the speeches, speakers, topics and events whose ids are closest to the missing address,
from the compact assets/podium/addresses.json that podium-facets writes (fetched by the 404 page only)."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

from podium import features
from podium.facets.pages import FacetSettings, FacetSite
from support.archive import REPO

SPEECH = "aif-2025-tokayev-plenary"


def test_the_addresses_name_every_speech_and_published_term():
    site = FacetSite(features.load(REPO), FacetSettings(facets=["speakers", "events"]))
    data = json.loads(site.addresses(directory=True))
    assert data["directory"] is True
    assert data["kinds"]["speeches"] == [[SPEECH, "Statement at the plenary session of the Astana International Forum"]]
    assert data["kinds"]["speakers"] == [["tokayev", "Kassym-Jomart Tokayev"]]
    assert "topics" not in data["kinds"]  # not published: no page to suggest
    assert data["names"]["speeches"] == "Speeches"


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Answers an unknown address with the site's 404.html, as GitHub Pages does."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site(reference_site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_NotFoundHandler, directory=str(reference_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def suggestions(browser, url: str) -> list[list[str]] | None:
    """The suggested links (text, href), or None while the section is hidden."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 404
    page.wait_for_timeout(200)
    hidden = page.eval_on_selector("#podium-suggestions", "box => box.hidden")
    found = page.eval_on_selector_all("#podium-suggestions li a", "links => links.map(a => [a.textContent, a.href])")
    page.close()
    assert errors == []
    return None if hidden else found


@pytest.mark.slow
def test_a_mistyped_speech_or_speaker_address_gets_the_right_suggestion(browser, site):
    found = suggestions(browser, site + "speeches/aif-2025-tokayev-plenery/")
    assert found and found[0] == [
        "Statement at the plenary session of the Astana International Forum",
        site + f"speeches/{SPEECH}/",
    ]
    found = suggestions(browser, site + "speakers/tokaev/")
    assert found and found[0] == ["Kassym-Jomart Tokayev", site + "speakers/tokayev/"]
    found = suggestions(browser, site + "old/multilateralizm.html")
    assert found and found[0] == ["Multilateralism", site + "topics/multilateralism/"]


@pytest.mark.slow
def test_an_address_like_nothing_gets_no_suggestion(browser, site):
    assert suggestions(browser, site + "a/b/zzqx/") is None
