"""Feeds and data files a reader can see: a "Follow" link to the Atom feed on each speaker's, topic's and event's
page, and on /data/ a link to every data file and every feed (not paths in code font)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from podium import features
from podium.facets.pages import FacetSettings, FacetSite
from podium.render.pages import Links
from support.archive import REPO, ArchiveDir
from support.pages import anchors, read

SPEECH = "aif-2025-tokayev-plenary"
FOLLOW = re.compile(r'<a class="podium-follow__link" href="([^"]+)" type="application/atom\+xml">.*?Follow</a>', re.S)


@pytest.fixture(scope="module")
def reference():
    return features.load(REPO)


def page(site: FacetSite, url: str, base: str = "../../") -> str:
    spec = next(spec for spec in site.pages() if spec.url == url)
    return site.render(spec, Links(base))


def test_follow_links_only_where_a_feed_is_written(reference):
    with_feeds = FacetSite(reference, FacetSettings(feeds=True))
    for url in ("speakers/tokayev/", "topics/multilateralism/", "events/astana-international-forum/"):
        assert FOLLOW.search(page(with_feeds, url)).group(1) == f"../../{url}feed.xml", url
    # A year or a day has no feed.
    assert "podium-follow" not in page(with_feeds, "dates/2025/")
    # Without podium-cite there is no feed to follow.
    assert "podium-follow" not in page(FacetSite(reference, FacetSettings(feeds=False)), "speakers/tokayev/")


def test_a_speaker_with_no_speech_has_no_feed_to_follow(archive_dir: ArchiveDir):
    archive_dir.speech("opening")  # by tokayev; kagame is in speakers.yml but gave no speech
    site = FacetSite(features.load(archive_dir.root), FacetSettings(feeds=True))
    assert FOLLOW.search(page(site, "speakers/tokayev/"))
    assert "podium-follow" not in page(site, "speakers/kagame/")


def site_path(page_url: str, href: str) -> str:
    return urljoin("http://site/" + page_url, href)[len("http://site/") :]


@pytest.mark.slow
def test_term_pages_link_their_feed_and_the_feed_exists(reference_site):
    for url in ("speakers/tokayev/", "topics/multilateralism/", "events/aif-2025/"):
        html = read(reference_site, url.rstrip("/"))
        match = FOLLOW.search(html)
        assert match, url
        target = site_path(url, match.group(1))
        assert target == f"{url}feed.xml"
        assert (reference_site / target).read_text(encoding="utf-8").startswith('<?xml version="1.0"')


@pytest.mark.slow
def test_the_data_page_links_every_data_file_and_every_feed(reference_site):
    html = read(reference_site, "data")
    block = re.search(r'<section class="podium-data-files".*?</section>', html, re.S).group(0)
    assert "<code>" not in block
    linked = {site_path("data/", href) for href in anchors(block).hrefs}
    feeds = {p.relative_to(reference_site).as_posix() for p in reference_site.rglob("feed.xml")}
    assert len(feeds) > 10  # the archive's, and each speaker's, topic's and event's
    schemas = {p.relative_to(reference_site).as_posix() for p in (reference_site / "data/schemas").glob("*.json")}
    assert len(schemas) == 3
    data = {"data/statements.jsonl.gz", "data/popolo.json", f"speeches/{SPEECH}/speech.json.gz"}
    assert feeds | schemas | data <= linked
    assert any(target.startswith(f"speeches/{SPEECH}/akn.xml") for target in linked)  # the Akoma Ntoso file
    for target in linked:
        assert (reference_site / target).is_file(), target
    assert '<a href="../feed.xml" type="application/atom+xml">The whole archive</a>' in block
