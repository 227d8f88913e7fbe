"""Lighter facet pages and feeds: a speech's row carries no class and no whitespace, says nothing its page already
says, a chart's bar is a bare `rect`, same-page links are fragments, and a feed holds 20 entries, unindented.

At 10,000 speeches the facet pages hold 130,000 rows and a few hundred feeds are written: these shapes are what
keeps them small. Each test would fail on the markup they replaced (classes on every row and bar, the speaker's
own name on their page, 50 indented feed entries).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from podium import features
from podium.cite import feeds
from podium.core.urls import Urls
from podium.facets import charts
from podium.facets.pages import FacetSettings, FacetSite
from podium.render.pages import Links
from support.archive import ArchiveDir

SPEECH = "aif-2025-tokayev-plenary"
TITLE = "Statement at the plenary session of the Astana International Forum"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(reference_archive):
    return FacetSite(reference_archive, FacetSettings(feeds=True))


def page(site: FacetSite, url: str, base: str = "../../") -> str:
    spec = next(spec for spec in site.pages() if spec.url == url)
    return site.render(spec, Links(base))


def rows(html: str) -> list[str]:
    """The speech rows of a page's lists (`<ul class="podium-speech-list">`), each `<li>...</li>`."""
    lists = re.findall(r'<ul class="podium-speech-list">(.*?)</ul>', html, re.S)
    return [row for block in lists for row in re.findall(r"<li>.*?</li>(?=<li>|\s*$)", block.strip(), re.S)]


def test_a_row_is_its_title_link_then_its_facts_with_no_class(site):
    (row,) = rows(page(site, "topics/multilateralism/"))
    assert row == (
        f'<li><a href="../../speeches/{SPEECH}/">{TITLE}</a><span>'
        '<a href="../../speakers/tokayev/">Kassym-Jomart Tokayev</a> · '
        '<a href="../../dates/2025/05-29/"><time datetime="2025-05-29">29 May 2025</time></a> · '
        '<a href="../../events/aif-2025/">Astana International Forum 2025</a> · Plenary session</span></li>'
    )


def test_a_row_leaves_out_what_its_page_already_says(site):
    # A speaker's own page: no name (they spoke alone). The event's own page: no event. A day's page: no date.
    speaker = rows(page(site, "speakers/tokayev/"))
    assert speaker == [
        f'<li><a href="../../speeches/{SPEECH}/">{TITLE}</a><span>'
        '<a href="../../dates/2025/05-29/"><time datetime="2025-05-29">29 May 2025</time></a> · '
        '<a href="../../events/aif-2025/">Astana International Forum 2025</a> · Plenary session</span></li>'
    ]
    edition = rows(page(site, "events/aif-2025/"))
    assert edition == [
        f'<li><a href="../../speeches/{SPEECH}/">{TITLE}</a><span>'
        '<a href="../../speakers/tokayev/">Kassym-Jomart Tokayev</a> · '
        '<a href="../../dates/2025/05-29/"><time datetime="2025-05-29">29 May 2025</time></a> · Plenary session'
        "</span></li>"
    ]
    day = rows(page(site, "dates/2025/05-29/", "../../../"))
    assert day == [
        f'<li><a href="../../../speeches/{SPEECH}/">{TITLE}</a><span>'
        '<a href="../../../speakers/tokayev/">Kassym-Jomart Tokayev</a> · '
        '<a href="../../../events/aif-2025/">Astana International Forum 2025</a> · Plenary session</span></li>'
    ]
    # The series' page names the edition, which is not the page's own event; a year's page names the day.
    series = page(site, "events/astana-international-forum/")
    assert '<a href="../../events/aif-2025/">Astana International Forum 2025</a> · Plenary session' in series
    assert (
        '<a href="../../dates/2025/05-29/"><time datetime="2025-05-29">29 May 2025</time></a>'
        in rows(page(site, "dates/2025/"))[0]
    )


def test_beside_others_the_speakers_own_name_is_not_a_link_and_turns_are_one_line(archive_dir: ArchiveDir):
    archive_dir.speech(
        "panel",
        front="title: Panel\ndate: 2025-05-30\nspeakers: [tokayev, kagame]\nevent: aif-2025\n",
        body="@tokayev: Welcome. {#welcome}\n\n@kagame: Thank you. {#thanks}\n\n@tokayev: Goodbye. {#bye}\n",
    )
    archive = features.load(archive_dir.root)
    assert archive.ok, archive.problems
    facets = FacetSite(archive, FacetSettings())
    turns, speeches = page(facets, "speakers/tokayev/").split("podium-facet__speeches", 1)
    assert rows(turns) == [
        '<li><a href="../../speeches/panel/">Panel</a><span>2 statements · '
        '<a href="../../speeches/panel/#welcome">turn 1</a>, <a href="../../speeches/panel/#bye">turn 2</a> · '
        '<time datetime="2025-05-30">30 May 2025</time></span></li>'
    ]
    (row,) = rows(speeches)
    assert row.startswith(
        '<li><a href="../../speeches/panel/">Panel</a><span>Kassym-Jomart Tokayev, '
        '<a href="../../speakers/kagame/">Paul Kagame</a> · '
    )
    assert 'href="../../speakers/tokayev/"' not in row


def test_no_row_of_any_facet_page_holds_a_class_a_line_break_or_a_run_of_spaces(site):
    seen = 0
    for spec in site.pages():
        if spec.kind != "term":
            continue
        base = "../" * spec.url.count("/")
        for row in rows(site.render(spec, Links(base))):
            seen += 1
            assert not re.search(r"\n|\s\s", row), (spec.url, row)
            assert not re.search(r'class="(?!podium-speech-list__languages")', row), (spec.url, row)
    assert seen >= 10  # every term's page has rows


def test_a_tagged_statement_row_has_no_class(site):
    html = page(site, "topics/multilateralism/statements/", "../../../")
    items = re.findall(r"<li>.*?</li>", html.split('<ul class="podium-facet-statements">', 1)[1], re.S)
    assert len(items) == 2
    for item in items:
        assert re.fullmatch(
            rf'<li><blockquote><a href="../../../speeches/{SPEECH}/#[a-z-]+">[^<]+</a></blockquote><span>'
            rf'Kassym-Jomart Tokayev · <a href="../../../speeches/{SPEECH}/">{TITLE}</a> · '
            r'<time datetime="2025-05-29">29 May 2025</time></span></li>',
            item,
        ), item


def test_a_related_terms_count_is_a_bare_span(site):
    html = page(site, "speakers/tokayev/")
    assert '<a class="podium-chip" href="../../topics/multilateralism/">Multilateralism <span>1</span></a>' in html
    assert "podium-chip__count" not in html


def test_a_chart_bar_is_a_bare_rect_and_what_bars_share_is_said_once():
    html = str(
        charts.render(
            charts.BarChart(
                "Speeches per year", "Speeches in each year.", [charts.Bar("2024", 1), charts.Bar("2025", 2)]
            )
        )
    )
    assert html.count('fill="currentColor"') == 1 and '<svg class="podium-chart__svg"' in html
    assert '<g text-anchor="middle">' in html and "text-anchor" not in html.split('<g text-anchor="middle">')[1]
    assert (
        '<g><title>2024: 1 speech</title><rect x="159.5" y="84" width="48" height="70"/>'
        '<text x="183.5" y="81">1</text><text class="podium-chart__label" x="183.5" y="172">2024</text></g>'
    ) in html
    assert ".0" not in re.sub(r"<title.*?</title>|<desc.*?</desc>", "", html)  # 84, not 84.0


def test_links_to_the_same_page_are_fragments_and_the_feed_icon_is_css(site):
    html = page(site, "speakers/tokayev/")
    assert '<a href="#y2025" tabindex="-1">' in html  # the chart's bar
    assert '<th scope="row"><a href="#y2025">2025</a></th>' in html  # the chart's table
    assert (
        '<a class="podium-follow__link" href="../../speakers/tokayev/feed.xml" type="application/atom+xml">'
        '<span class="podium-follow__icon" aria-hidden="true"></span>Follow</a>'
    ) in html
    assert '<svg class="podium-follow__icon"' not in html
    edition = page(site, "events/aif-2025/")
    assert '<a href="#session-1">Plenary session</a>' in edition  # the programme, on the same page


def test_a_feed_holds_the_20_newest_speeches_unindented(archive_dir: ArchiveDir):
    for n in range(1, 26):
        archive_dir.speech(f"s{n:02d}", front=f"title: Speech {n}\ndate: 2025-03-{n:02d}\nspeaker: tokayev\n")
    archive = features.load(archive_dir.root)
    collected = {feed.path: feed for feed in feeds.collect(archive.speeches, archive.registry, "T")}
    for path in ("feed.xml", "speakers/tokayev/feed.xml"):
        text = feeds.render(collected[path], archive.registry, "T")
        root = ET.fromstring(text.encode())
        titles = [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]
        assert titles == [f"Speech {n}" for n in range(25, 5, -1)], path
        # The XML declaration, the document on one line, a final line break: no indentation anywhere.
        declaration, document, end = text.split("\n")
        assert declaration == '<?xml version="1.0" encoding="utf-8"?>' and end == ""
        assert "><" in document and not re.search(r">\s+<", document)


def test_the_pages_of_one_list_link_each_other_relatively(archive_dir: ArchiveDir):
    for year in (2023, 2024, 2025):
        archive_dir.speech(f"s{year}", front=f"title: Speech {year}\ndate: {year}-03-01\nspeaker: tokayev\n")
    facets = FacetSite(features.load(archive_dir.root), FacetSettings(page_size=1))
    html = page(facets, "speakers/tokayev/page/2/", "../../../../")
    jumps = re.search(r'<nav class="podium-letters podium-letters--groups".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', jumps) == ["../../#y2025", "#y2024", "../3/#y2023"]
    pager = re.search(r'<nav class="podium-pager".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', pager) == ["../../", "../../", "../3/", "../3/"]  # newer, 1, 3, older
    # Without directory URLs page 2 is speakers/tokayev/page/2.html: its siblings are 3.html and ../../tokayev.html.
    spec = next(spec for spec in facets.pages() if spec.url == "speakers/tokayev/page/2/")
    html = facets.render(spec, Links("../../../", Urls(directory=False)))
    pager = re.search(r'<nav class="podium-pager".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', pager) == ["../../tokayev.html", "../../tokayev.html", "3.html", "3.html"]
