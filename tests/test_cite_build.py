"""A whole build with podium-cite: head metadata as Zotero reads it, "Quoted in", and the files it writes."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import feedparser
import pytest

from support.archive import ArchiveDir

pytestmark = pytest.mark.slow

MKDOCS_YML = """\
site_name: Test & archive
site_url: https://podium.example.org/
theme:
  name: material
nav:
  - Home: index.md
  - Speeches: speeches/index.md
plugins:
  - podium
  - podium-cite
"""
HOSTILE_TITLE = 'Opening </script><script>alert(1)</script> & "friends"'


class HeadReader(HTMLParser):
    """What Zotero's Embedded Metadata translator reads: <meta name|property content>, <link rel>, JSON-LD."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs and (attrs.get("name") or attrs.get("property")):
            self.meta.setdefault(attrs.get("name") or attrs.get("property"), []).append(attrs["content"])
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def read_head(html: str) -> HeadReader:
    reader = HeadReader()
    reader.feed(html)
    return reader


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    archive = ArchiveDir(tmp_path_factory.mktemp("cite"))
    archive.write("mkdocs.yml", MKDOCS_YML)
    archive.speech(
        "opening",
        front=f"""\
        title: '{HOSTILE_TITLE}'
        date: 2025-05-29
        speaker: tokayev
        event: aif-2025
        session: Plenary session
        location: Astana, Kazakhstan
        topics: [multilateralism]
        summary: Dialogue over division.
        coverage:
          - outlet: Daily <b>Planet</b>
            url: https://planet.example.org/story
            date: 2025-05-30
            quote: Multilateralism is foundering
            statement: faltering
        """,
        body="""\
        The post-war global order is fragmenting. Multilateralism is faltering. {#faltering}

        Our foreign policy is based on dialogue.
        """,
    )
    archive.speech(
        "panel",
        front="""\
        title: Panel on climate
        date: 2025-05-30
        speakers: [tokayev, kagame]
        event: aif-2025
        kind: panel
        """,
        body="@tokayev: Welcome.\n\n@kagame: Thank you, Mr President. {#thanks}\n",
    )
    # Stands in for the facets plugin's speaker page: a page at /speakers/<id>/ links its speaker's feed.
    archive.write("docs/speakers/tokayev.md", "# Kassym-Jomart Tokayev\n")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive


def test_highwire_tags_as_zotero_reads_them(site):
    head = read_head(site.html("speeches/opening/index.html"))
    assert head.meta["citation_title"] == [HOSTILE_TITLE]
    assert head.meta["citation_author"] == ["Tokayev, Kassym-Jomart"]
    assert head.meta["citation_date"] == ["2025/05/29"]
    assert head.meta["citation_publisher"] == ["Test & archive"]
    assert head.meta["citation_conference_title"] == ["Astana International Forum 2025"]
    assert head.meta["citation_public_url"] == ["https://podium.example.org/speeches/opening/"]
    assert head.meta["citation_keywords"] == ["Multilateralism"]
    panel = read_head(site.html("speeches/panel/index.html"))
    assert panel.meta["citation_author"] == ["Tokayev, Kassym-Jomart", "Kagame, Paul"]


def test_open_graph_and_twitter_card(site):
    head = read_head(site.html("speeches/opening/index.html"))
    assert head.meta["og:title"] == [HOSTILE_TITLE]
    assert head.meta["og:type"] == ["article"]
    assert head.meta["og:url"] == ["https://podium.example.org/speeches/opening/"]
    assert head.meta["og:description"] == ["Dialogue over division."]
    assert head.meta["og:site_name"] == ["Test & archive"]
    assert head.meta["twitter:card"] == ["summary"]
    assert "twitter:title" not in head.meta  # the card takes og:title (and og:description): not written twice


def test_json_ld_is_escaped_and_describes_speech_speaker_and_event(site):
    html = site.html("speeches/opening/index.html")
    assert "</script><script>alert(1)" not in html
    head = read_head(html)
    assert len(head.json_ld) == 1
    data = json.loads(head.json_ld[0])
    assert data["@type"] == "CreativeWork" and data["name"] == HOSTILE_TITLE
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Kassym-Jomart Tokayev",
            "url": "https://podium.example.org/speakers/tokayev/",
            "jobTitle": "President",
            "affiliation": {"@type": "Organization", "name": "Republic of Kazakhstan"},
        }
    ]
    assert data["recordedAt"] == {
        "@type": "Event",
        "name": "Astana International Forum 2025",
        "startDate": "2025-05-29",
        "endDate": "2025-05-30",
        "location": {"@type": "Place", "name": "Astana, Kazakhstan"},
    }
    assert data["url"] == "https://podium.example.org/speeches/opening/"


def test_feeds_are_linked_and_valid(site):
    links = read_head(site.html("speeches/opening/index.html")).links
    feeds_linked = [
        (link["href"], link["title"])
        for link in links
        if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"
    ]
    assert feeds_linked == [
        ("../../speakers/tokayev/feed.xml", "Speeches by Kassym-Jomart Tokayev"),
        ("../../events/aif-2025/feed.xml", "Speeches at Astana International Forum 2025"),
    ]
    home = read_head(site.html("index.html")).links
    assert {
        "rel": "alternate",
        "type": "application/atom+xml",
        "title": "Test & archive: all speeches",
        "href": "feed.xml",
    } in home
    speaker = read_head(site.html("speakers/tokayev/index.html")).links
    assert {
        "rel": "alternate",
        "type": "application/atom+xml",
        "href": "feed.xml",
        "title": "Kassym-Jomart Tokayev — Test & archive",
    } in speaker
    for path in (
        "feed.xml",
        "speakers/tokayev/feed.xml",
        "speakers/kagame/feed.xml",
        "events/aif-2025/feed.xml",
        "events/aif/feed.xml",
        "topics/multilateralism/feed.xml",
    ):
        parsed = feedparser.parse(site.html(path))
        assert not parsed.bozo, (path, parsed.bozo_exception)
        assert parsed.version == "atom10"
    archive_feed = feedparser.parse(site.html("feed.xml"))
    assert [e.link for e in archive_feed.entries] == [
        "https://podium.example.org/speeches/panel/",
        "https://podium.example.org/speeches/opening/",
    ]


def test_quoted_in_shows_the_fidelity_and_the_changed_word(site):
    html = site.html("speeches/opening/index.html")
    section = html[html.index('<section class="podium-coverage"') :]
    section = section[: section.index("</section>")]
    assert "Daily &lt;b&gt;Planet&lt;/b&gt;" in section and "<b>Planet" not in section
    assert '<a href="https://planet.example.org/story" rel="nofollow noopener">' in section
    assert "67% fidelity" in section and "(1 word changed)" in section
    assert '<del title="said">faltering</del> <ins title="quoted">foundering</ins>' in section
    assert '<a class="podium-coverage__source" href="#faltering">' in section


def test_the_statement_menu_data_is_escaped_json(site):
    html = site.html("speeches/opening/index.html")
    start = html.index('<script type="application/json" id="podium-cite-data">') + len(
        '<script type="application/json" id="podium-cite-data">'
    )
    raw = html[start : html.index("</script>", start)]
    assert "<" not in raw
    data = json.loads(raw)
    assert data["title"] == HOSTILE_TITLE
    assert set(data["templates"]["tokayev"]) == {"chicago", "apa", "mla", "bibtex"}


def test_data_files_are_written(site):
    import gzip

    speech = json.loads(gzip.decompress((site.root / "site/speeches/opening/speech.json.gz").read_bytes()))
    assert speech["url"] == "https://podium.example.org/speeches/opening/"
    assert speech["coverage"][0]["fidelity"] == pytest.approx(0.6667)
    assert not (site.root / "site/speeches/opening/speech.json").exists()

    with gzip.open(site.root / "site" / "data" / "statements.jsonl.gz", "rt", encoding="utf-8") as lines_file:
        lines = lines_file.read().splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert [ident.split("#")[0] for ident in ids] == ["panel", "panel", "opening", "opening"]  # newest first
    assert ids[1] == "panel#thanks" and ids[2] == "opening#faltering"
    popolo = json.loads(site.html("data/popolo.json"))
    assert [p["id"] for p in popolo["persons"]] == ["kagame", "tokayev"]
    for name in ("speech", "statement", "popolo"):
        assert json.loads(site.html(f"data/schemas/{name}.schema.json"))["$id"] == f"{name}.schema.json"
    akn = gzip.decompress((site.root / "site" / "speeches" / "opening" / "akn.xml.gz").read_bytes())
    assert akn.decode("utf-8").startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert not (site.root / "site" / "speeches" / "opening" / "akn.xml").exists()
    meta = json.loads(site.html("data/quote/meta.json"))
    assert meta["statements"] == 4 and meta["prefix"] == 1
    # The quote check's shards are gzipped JSON (its page unpacks them); only meta.json is plain.
    quote = site.root / "site" / "data" / "quote"
    assert sorted(p.name for p in quote.iterdir() if not p.name.endswith(".json.gz")) == ["meta.json"]
    chunk = json.loads(gzip.decompress((quote / "c-0.json.gz").read_bytes()))
    assert [s[1] for s in chunk["statements"]] == [s.split("#")[1] for s in ids]
    assert all(len(row) == 3 for row in chunk["statements"])  # [speech, statement, speaker]: no text


def test_quote_page(site):
    html = site.html("quote/index.html")
    assert '<div class="podium-quote" data-root="../">' in html
    assert "Searches 4 statements." in html


def test_coverage_naming_an_unknown_statement_stops_the_build(archive_dir):
    archive_dir.write("mkdocs.yml", MKDOCS_YML)
    archive_dir.speech(
        "a",
        front="""\
        title: A
        date: 2025-05-29
        speaker: tokayev
        coverage:
          - outlet: Planet
            quote: First
            statement: faltring
        """,
    )
    result = archive_dir.build()
    assert result.returncode != 0
    assert (
        "speeches/2025/a.md:8:16: error: coverage names statement `faltring`, which is not in this speech"
        in result.stderr
    )
