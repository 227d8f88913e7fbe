"""Day pages: /dates/<year>/<MM-DD>/ lists the speeches of one day, linked from its year's page (its days, month by
month) and from every speech's date; made in one pass over the speeches."""

from __future__ import annotations

import datetime as dt
import gc
import re
import time
from types import SimpleNamespace

import pytest

from podium import features
from podium.facets import index as facets
from podium.facets.pages import FacetSettings, FacetSite
from podium.render.pages import Links
from support.archive import ArchiveDir, archive_config
from support.pages import broken_links, read


def dated(archive_dir: ArchiveDir) -> None:
    """Four speeches on three days of two years: two on 29 May 2025, one on 30 May 2025, one on 1 March 2024."""
    for name, day in (("a", "2025-05-29"), ("b", "2025-05-29"), ("c", "2025-05-30"), ("d", "2024-03-01")):
        archive_dir.speech(name, f"title: Speech {name.upper()}\ndate: {day}\nspeaker: tokayev\n")


def test_each_day_with_a_speech_is_a_term_under_its_year(archive_dir: ArchiveDir):
    dated(archive_dir)
    index = facets.collect(features.load(archive_dir.root), ["dates"])["dates"]
    days = facets.days(index)
    assert [(d.id, d.parent, d.label, sorted(s.id for s in d.speeches)) for d in days.values()] == [
        ("2025/05-30", "2025", "30 May 2025", ["c"]),
        ("2025/05-29", "2025", "29 May 2025", ["a", "b"]),
        ("2024/03-01", "2024", "1 March 2024", ["d"]),
    ]
    assert sorted(index.terms) == ["2024", "2025"]  # a day is not a term of the hub


def test_the_site_has_a_page_per_day_paginated_like_any_term(archive_dir: ArchiveDir):
    dated(archive_dir)
    for name in ("e", "f"):  # four speeches on 29 May: two pages of two
        archive_dir.speech(name, f"title: Speech {name.upper()}\ndate: 2025-05-29\nspeaker: kagame\n")
    site = FacetSite(features.load(archive_dir.root), FacetSettings(page_size=2))
    urls = [spec.url for spec in site.pages() if spec.facet == "dates"]
    assert "dates/2025/05-29/" in urls and "dates/2025/05-29/page/2/" in urls and "dates/2024/03-01/" in urls
    assert "dates/2025/05-29/page/3/" not in urls
    spec = next(s for s in site.pages() if s.url == "dates/2025/05-29/")
    assert (spec.title, spec.term, spec.kind) == ("29 May 2025", "2025/05-29", "term")


def test_day_terms_are_made_in_linear_time():
    """10,000 speeches on a few thousand days: filing them by day costs about as much per speech as 1,000."""

    def timed(n: int) -> float:
        years: dict[str, facets.Term] = {}
        for i in range(n):  # what `days` reads of a speech: its date
            day = dt.date(2000, 1, 1) + dt.timedelta(days=i % 3000)  # a few thousand days, several speeches each
            year = years.setdefault(str(day.year), facets.Term("dates", str(day.year), str(day.year), ""))
            year.speeches.append(SimpleNamespace(meta=SimpleNamespace(date=day)))  # type: ignore[arg-type]
        index = facets.FacetIndex(facets.DatesFacet(), years)
        gc.disable()  # a collection in the middle of one run would be measured as its cost
        try:
            started = time.perf_counter()
            found = facets.days(index)
            elapsed = time.perf_counter() - started
        finally:
            gc.enable()
        assert sum(term.count for term in found.values()) == n and len(found) == min(n, 3000)
        return elapsed

    small = min(timed(1_000) for _ in range(5))
    large = min(timed(10_000) for _ in range(5))
    assert large < small * 10 * 3, (small, large)  # linear, with room for a busy machine


def test_the_year_page_lists_its_days_month_by_month(archive_dir: ArchiveDir):
    dated(archive_dir)
    site = FacetSite(features.load(archive_dir.root), FacetSettings())
    year = site.render(next(s for s in site.pages() if s.url == "dates/2025/"), Links("../../"))
    days = re.search(r'<dl class="podium-days">(.*?)</dl>', year, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)"><time datetime="([^"]+)">(\d+)</time></a>', days) == [
        ("../../dates/2025/05-30/", "2025-05-30", "30"),
        ("../../dates/2025/05-29/", "2025-05-29", "29"),
    ]
    assert '<span class="podium-days__count" data-count="2">(2)</span>' in days
    assert "<dt>May</dt>" in days


@pytest.mark.slow
@pytest.mark.parametrize("directory", [True, False])
def test_built_day_pages_list_the_day_and_every_speech_date_links_to_its_day(archive_dir: ArchiveDir, directory):
    dated(archive_dir)
    archive_dir.write(
        "mkdocs.yml",
        archive_config(
            "podium", {"podium-facets": {"page_size": 2}}, nav=("Speeches", "Dates"), use_directory_urls=directory
        ),
    )
    result = archive_dir.build("mkdocs", "--strict")
    assert result.returncode == 0, result.stderr
    site = archive_dir.root / "site"
    if not directory:
        day = (site / "dates/2025/05-29.html").read_text(encoding="utf-8")
        assert '<h1 id="title">29 May 2025</h1>' in day and '<a href="../../dates/2025.html">2025</a>' in day
        assert '<a class="podium-date" href="../dates/2025/05-29.html">' in (site / "speeches/a.html").read_text()
        for page in ("dates/2025/05-29.html", "dates/2025.html", "speeches/a.html"):
            assert broken_links(site, page) == [], page
        return
    day = read(site, "dates/2025/05-29")
    assert "<title>29 May 2025" in day
    assert '<h1 id="title">29 May 2025</h1>' in day
    titles = re.findall(r'<li><a href="[^"]+">([^<]+)</a><span>', day)
    assert sorted(titles) == ["Speech A", "Speech B"]
    assert '<a href="../../../dates/2025/">2025</a>' in day  # back to its year
    # The days before and after it with speeches, across years.
    assert (
        '<a rel="prev" href="../../../dates/2024/03-01/">← <time datetime="2024-03-01">1 March 2024</time></a>' in day
    )
    assert '<a rel="next" href="../../../dates/2025/05-30/"><time datetime="2025-05-30">30 May 2025</time> →</a>' in day
    assert 'rel="next"' not in read(site, "dates/2025/05-30")
    speech = read(site, "speeches/c")
    assert '<a class="podium-date" href="../../dates/2025/05-30/"><time datetime="2025-05-30"' in speech
    year = read(site, "dates/2025")
    assert '<a href="../../dates/2025/05-29/"><time datetime="2025-05-29">29</time></a>' in year
    # A speech row on a facet page links its date to the day too.
    assert '<a href="../../dates/2025/05-30/"><time datetime="2025-05-30">30 May 2025</time></a>' in year
    for page in ("dates/2025/05-29/index.html", "dates/2024/03-01/index.html", "dates/2025/index.html"):
        assert broken_links(site, page) == [], page
