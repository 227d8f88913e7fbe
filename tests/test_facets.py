"""Facets (issue 4) on the reference archive and on small hand-made ones: the core without a build, then one
build of the reference archive whose pages are read back as HTML."""

from __future__ import annotations

import re

import pytest

from podium import features
from podium.facets import charts
from podium.facets import index as facets
from podium.facets.pages import FacetSettings, FacetSite
from support.archive import REPO, ArchiveDir, archive_config
from support.pages import broken_links, chips, counts, read
from support.processes import run_podium

SPEECH = "aif-2025-tokayev-plenary"
FACETS_YML = archive_config("podium", {"podium-facets": {"page_size": 10}}, nav=("Speakers",))


@pytest.fixture(scope="module")
def reference():
    return features.load(REPO)


# ---- The core: collecting terms ----------------------------------------------------------------------------


def test_the_reference_archive_is_filed_under_every_facet(reference):
    index = facets.collect(reference, ["speakers", "topics", "events", "dates"])
    assert [s.id for s in index["speakers"].terms["tokayev"].speeches] == [SPEECH]
    assert sorted(index["dates"].terms) == ["2025"]
    # Statement-level topics: the two statements tagged topics=multilateralism, in the speech's order.
    multilateralism = index["topics"].terms["multilateralism"]
    assert [(s.id, st.id) for s, st in multilateralism.statements] == [
        (SPEECH, "multilateralism-is-faltering"),
        (SPEECH, "dialogue-over-division"),
    ]
    # A parent topic and an event series count their children's speeches, but none of their own.
    governance = index["topics"].terms["global-governance"]
    assert (governance.count, governance.direct) == (1, 0)
    assert sorted(governance.children) == ["multilateralism", "un-reform"]
    series = index["events"].terms["astana-international-forum"]
    assert (series.count, series.direct, series.children) == (1, 0, ["aif-2025"])
    assert index["events"].terms["aif-2025"].direct == 1


def test_the_topic_hub_is_a_tree_parents_before_children(reference):
    tree = facets.collect(reference, ["topics"])["topics"].tree()
    rows = [(depth, term.id) for depth, term in tree]
    assert rows.index((0, "global-governance")) < rows.index((1, "multilateralism"))
    assert (1, "nuclear-non-proliferation") in rows and (0, "security") in rows
    assert len(rows) == 8  # every topic of the vocabulary, also those without speeches


def test_a_topic_tagged_only_on_a_statement_files_the_speech_under_it(archive_dir):
    archive_dir.speech("opening", body="We must act on the climate. {#act topics=climate}\n\nThank you.\n")
    archive = features.load(archive_dir.root)
    assert archive.ok, archive.problems.sorted()
    term = facets.collect(archive, ["topics"])["topics"].terms["climate"]
    assert ([s.id for s in term.speeches], [st.id for _, st in term.statements]) == (["opening"], ["act"])


def test_a_speech_and_its_translation_count_once(archive_dir):
    archive_dir.speech("opening")
    archive_dir.speech(
        "opening-ru",
        "title: Вступительное слово\ndate: 2025-05-29\nspeaker: tokayev\n"
        "event: aif-2025\nlanguage: ru\ntranslation_of: opening\ndelivered: translation\n",
        "Первое высказывание.\n\nВторое высказывание.\n",
    )
    archive = features.load(archive_dir.root)
    assert archive.ok, [p.format() for p in archive.problems.sorted()]
    index = facets.collect(archive, ["speakers", "dates"])
    assert [s.id for s in index["speakers"].terms["tokayev"].speeches] == ["opening"]
    assert index["dates"].terms["2025"].count == 1


def test_co_counts_are_the_same_from_both_sides(archive_dir):
    archive_dir.speech(
        "one",
        "title: One\ndate: 2024-01-02\nspeakers: [tokayev, kagame]\ntopics: [climate]\n",
        "@tokayev: Hello.\n\n@kagame: Hi. {#hi topics=un-reform}\n",
    )
    archive_dir.speech("two", "title: Two\ndate: 2025-03-04\nspeaker: kagame\ntopics: [climate]\n")
    archive = features.load(archive_dir.root)
    assert archive.ok, [p.format() for p in archive.problems.sorted()]
    index = facets.collect(archive, ["speakers", "topics"])
    kagame = dict((t.id, n) for t, n in facets.co_counts(index["speakers"].terms["kagame"], index["topics"]))
    climate = dict((t.id, n) for t, n in facets.co_counts(index["topics"].terms["climate"], index["speakers"]))
    assert kagame == {"climate": 2, "un-reform": 1}
    assert climate == {"kagame": 2, "tokayev": 1}
    turns = facets.turns(index["speakers"].terms["kagame"])
    assert [(t.speech.id, [s.id for s in t.starts]) for t in turns] == [("one", ["hi"])]


def test_an_unknown_facet_name_is_refused(reference):
    with pytest.raises(ValueError, match="unknown facet `speaker`: the facets are speakers, topics, events, dates"):
        facets.collect(reference, ["speaker"])


# ---- Pagination ---------------------------------------------------------------------------------------------


def _term_with(archive_dir: ArchiveDir, count: int) -> tuple:
    for n in range(count):
        month = 1 + n % 12
        archive_dir.speech(f"s{n:03d}", f"title: Speech {n}\ndate: {2020 + n // 12}-{month:02d}-01\nspeaker: kagame\n")
    archive = features.load(archive_dir.root)
    return archive, facets.collect(archive, ["speakers", "dates"])


def test_pages_are_grouped_by_year_and_know_where_each_year_starts(archive_dir):
    archive, index = _term_with(archive_dir, 30)
    pages, starts = facets.paginate(index["speakers"].terms["kagame"], 10, "year")
    assert [p.number for p in pages] == [1, 2, 3] and all(p.total == 3 for p in pages)
    assert [sum(len(g.speeches) for g in p.groups) for p in pages] == [10, 10, 10]
    # 2022 has 6 speeches (newest first), 2021 12 and 2020 12: 2021 starts on page 1, 2020 on page 2.
    assert [(g.label, len(g.speeches)) for g in pages[0].groups] == [("2022", 6), ("2021", 4)]
    assert starts == {"y2022": 1, "y2021": 1, "y2020": 2}
    assert facets.page_url("speakers/kagame/", 1) == "speakers/kagame/"
    assert facets.page_url("speakers/kagame/", 3) == "speakers/kagame/page/3/"


def test_a_year_is_grouped_by_month(archive_dir):
    archive, index = _term_with(archive_dir, 14)
    pages, starts = facets.paginate(index["dates"].terms["2020"], 50, "month")
    assert [g.label for g in pages[0].groups][:2] == ["December 2020", "November 2020"]
    assert starts["m01"] == 1


def test_the_site_lists_each_page_once_with_paths_mkdocs_understands(archive_dir):
    archive, _ = _term_with(archive_dir, 30)
    site = FacetSite(archive, FacetSettings(page_size=10, index_page_size=1))
    specs = site.pages()
    uris = [spec.uri for spec in specs]
    assert len(uris) == len(set(uris))
    assert {
        "speakers/index.md",
        "speakers/kagame.md",
        "speakers/kagame/page/2.md",
        "speakers/kagame/page/3.md",
        "dates/index.md",
        "dates/2020.md",
        "topics/index.md",
        "events/index.md",
    } <= set(uris)
    assert "speakers/kagame/page/4.md" not in uris
    # Hubs past the first page (one entry a page here) are not in the nav; the first is.
    hubs = {spec.uri: spec.in_nav for spec in specs if spec.kind == "hub"}
    assert hubs["dates/index.md"] and not hubs["dates/page/2.md"]


# ---- Charts -------------------------------------------------------------------------------------------------


def test_nice_scale():
    assert [charts.nice_max(n) for n in (0, 1, 3, 7, 12, 180)] == [1, 1, 5, 10, 20, 200]


def test_a_chart_is_an_svg_with_words_and_a_table_and_no_colour_of_its_own():
    html = str(
        charts.render(
            charts.BarChart(
                "Speeches per year",
                "Speeches by <Kagame> in each year.",
                [charts.Bar("2023", 2, "page/2/#y2023"), charts.Bar("2024", 0), charts.Bar("2025", 5, "#y2025")],
                ident="chart-years",
            )
        )
    )
    assert 'role="group"' in html and 'aria-labelledby="chart-years-title chart-years-desc"' in html
    assert '<title id="chart-years-title">Speeches per year</title>' in html
    assert "Speeches by &lt;Kagame&gt; in each year. 7 speeches in all; the most in one bar: 5." in html
    assert html.count("<rect ") == 3
    assert "<title>2025: 5 speeches</title>" in html
    assert '<a href="page/2/#y2023" tabindex="-1">' in html  # the table's link is the keyboard's
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td>(\d+)</td></tr>', html)
    assert rows == [('<a href="page/2/#y2023">2023</a>', "2"), ("2024", "0"), ('<a href="#y2025">2025</a>', "5")]
    # Colours come from CSS classes (Material's palette); the only colour the SVG names is currentColor.
    assert not re.search(r'(fill|stroke)="(?!currentColor)', html)
    assert "#" not in re.sub(r'href="[^"]*"', "", html)


# ---- Errors for editors ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_misspelled_statement_topic_is_a_path_line_error(archive_dir):
    archive_dir.speech(
        "opening", body="First statement.\n\nWe must reform the UN. {#reform topics=un-reform,multilaterlism}\n"
    )
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert (
        "speeches/2025/opening.md:10:50: error: unknown topic `multilaterlism`\n"
        "  hint: did you mean `multilateralism`? Or add it to speeches/topics.yml."
    ) in result.stdout + result.stderr
    archive_dir.write("mkdocs.yml", FACETS_YML)
    build = archive_dir.build()
    assert build.returncode == 1
    assert "speeches/2025/opening.md:10:50: error: unknown topic `multilaterlism`" in build.stderr
    assert not (archive_dir.root / "site" / "topics").exists()


@pytest.mark.slow
def test_registry_values_are_escaped_on_every_facet_page(archive_dir):
    archive_dir.write(
        "speeches/speakers.yml",
        "evil:\n  name: <script>alert(1)</script> Evil\n"
        "  country: <b>Nowhere</b>\n  bio: <img src=x onerror=alert(2)>\n"
        "  roles:\n    - role: <i>Chief</i>\n",
    )
    archive_dir.speech("opening", "title: <em>Opening</em>\ndate: 2025-05-29\nspeaker: evil\nevent: aif-2025\n")
    archive_dir.write("mkdocs.yml", FACETS_YML)
    build = archive_dir.build()
    assert build.returncode == 0, build.stderr
    for page in (
        "speakers/index.html",
        "speakers/evil/index.html",
        "events/aif-2025/index.html",
        "dates/2025/index.html",
    ):
        html = archive_dir.html(page)
        assert "<script>alert(1)" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
        assert "<em>Opening</em>" not in html and "<i>Chief</i>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Evil" in html
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; Evil" in archive_dir.html("speakers/evil/index.html")


# ---- The reference archive's site (built once per run: conftest.reference_site) -----------------------------


@pytest.mark.slow
def test_every_hub_and_term_page_of_the_reference_archive_is_built(reference_site):
    for page in (
        "speakers",
        "speakers/tokayev",
        "topics",
        "topics/multilateralism",
        "topics/global-governance",
        "events",
        "events/aif-2025",
        "events/astana-international-forum",
        "dates",
        "dates/2025",
        "topics/multilateralism/statements",
    ):
        assert (reference_site / page / "index.html").exists(), page


@pytest.mark.slow
def test_the_speakers_hub_lists_tokayev_with_role_country_and_count(reference_site):
    html = read(reference_site, "speakers")
    assert '<section class="podium-letter" id="letter-T">' in html
    row = re.search(
        r'<tr class="podium-facet-row" data-role="President" '
        r'data-organization="Republic of Kazakhstan">(.*?)</tr>',
        html,
        re.S,
    ).group(1)
    assert '<a href="../speakers/tokayev/">Kassym-Jomart Tokayev</a>' in row
    assert "Kazakhstan</td>" in row and '<td class="podium-num" data-count="1">1</td>' in row
    assert '<a href="../speakers/#letter-T">T</a>' in html
    assert '<form class="podium-filter" hidden>' in html  # shown by the script; the list works without it


@pytest.mark.slow
def test_the_speaker_page(reference_site):
    html = read(reference_site, "speakers/tokayev")
    assert counts(html)["speeches"] == 1
    assert '<h1 id="title">Kassym-Jomart Tokayev</h1>' in html
    assert "<strong>President</strong>, Republic of Kazakhstan" in html
    assert html.index("<strong>President</strong>") < html.index("<strong>Chairman of the Senate</strong>")
    assert '<a href="https://www.akorda.kz/en" rel="nofollow noopener">Website</a>' in html
    assert '<h3 class="podium-facet__group" id="y2025">2025</h3>' in html
    assert f'<li><a href="../../speeches/{SPEECH}/">' in html
    assert chips(html, "topics")["multilateralism"] == 1 and len(chips(html, "topics")) == 8
    assert chips(html, "events") == {"aif-2025": 1, "astana-international-forum": 1}
    assert '<title id="chart-years-title">Speeches per year</title>' in html
    assert 'id="references-received"' in html  # podium-xref filled the speaker-references mark


@pytest.mark.slow
def test_the_topic_page_links_each_tagged_statement(reference_site):
    html = read(reference_site, "topics/multilateralism")
    assert counts(html) == {"speeches": 1, "statements": 2}
    assert "Cooperation among many states through shared institutions and rules." in html
    for statement in ("multilateralism-is-faltering", "dialogue-over-division"):
        assert f'href="../../speeches/{SPEECH}/#{statement}"' in html
    assert chips(html, "speakers") == {"tokayev": 1}
    assert (
        '<li><a href="../../topics/">Topics</a></li><li><a href="../../topics/global-governance/">'
        'Global governance</a></li><li><span aria-current="page">Multilateralism</span></li>'
    ) in html
    statements = read(reference_site, "topics/multilateralism/statements")
    assert statements.count("<li><blockquote>") == 2
    parent = read(reference_site, "topics/global-governance")
    assert counts(parent)["speeches"] == 1
    assert 'Subtopics: <a href="../../topics/multilateralism/">Multilateralism</a> (1)' in parent


@pytest.mark.slow
def test_the_event_pages_show_the_programme_and_the_series(reference_site):
    html = read(reference_site, "events/aif-2025")
    assert '29 May 2025</time> – <time datetime="2025-05-30">30 May 2025' in html
    assert "<dd>Astana, Kazakhstan</dd>" in html
    assert '<a href="#session-1">Plenary session</a>' in html  # on this very page
    assert '<h3 class="podium-facet__group" id="session-1">Plenary session</h3>' in html
    series = read(reference_site, "events/astana-international-forum")
    assert counts(series)["speeches"] == 1
    assert (
        '<a class="podium-facet-item__name" href="../../events/aif-2025/">Astana International Forum 2025</a>' in series
    )
    hub = read(reference_site, "events")
    assert hub.index("Astana International Forum</a>") < hub.index("Astana International Forum 2025</a>")
    assert "podium-facet-item--depth-1" in hub


@pytest.mark.slow
def test_the_date_archive(reference_site):
    hub = read(reference_site, "dates")
    assert '<a class="podium-facet-item__name" href="../dates/2025/">2025</a>' in hub
    assert '<a href="../dates/2025/#m05">May</a>&nbsp;(1)' in hub
    year = read(reference_site, "dates/2025")
    assert '<h3 class="podium-facet__group" id="m05">May 2025</h3>' in year
    assert counts(year)["speeches"] == 1
    assert "<title>May: 1 speech</title>" in year


@pytest.mark.slow
def test_facet_pages_and_the_speech_page_link_to_each_other_with_no_broken_link(reference_site):
    speech = read(reference_site, f"speeches/{SPEECH}")
    for href in (
        "../../speakers/tokayev/",
        "../../events/aif-2025/",
        "../../topics/multilateralism/",
        "../../dates/2025/05-29/",
    ):
        assert f'href="{href}"' in speech
    pages = [f"speeches/{SPEECH}/index.html"] + [
        str(p.relative_to(reference_site))
        for folder in ("speakers", "topics", "events", "dates")
        for p in (reference_site / folder).rglob("index.html")
    ]
    assert len(pages) > 15
    for page in pages:
        assert broken_links(reference_site, page) == [], page


@pytest.mark.slow
def test_the_hubs_are_in_the_nav_and_term_pages_are_not(reference_site):
    home = (reference_site / "index.html").read_text(encoding="utf-8")
    for hub in ("Speakers", "Topics", "Events", "Dates"):
        assert re.search(rf'href="{hub.lower()}/"[^>]*>\s*{hub}\s*<', home), hub
    assert "speakers/tokayev/" not in re.sub(r"<article.*?</article>", "", home, flags=re.S)
