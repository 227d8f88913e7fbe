"""Breadcrumbs (Home › Speakers › Name) on speech, speaker, topic, event and day pages, as a WAI-ARIA breadcrumb
(<nav aria-label="Breadcrumb">, the current page marked aria-current), and the tab of the page's section lit up
in Material's tabs, though those pages are not in the navigation."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from support.pages import read

SPEECH = "aif-2025-tokayev-plenary"
TITLE = "Statement at the plenary session of the Astana International Forum"


def trail(html: str) -> list[tuple[str, str | None]]:
    """The page's breadcrumb: (label, href) for each item, href None for the current page (which must be the last,
    and the only one marked aria-current)."""
    navs = re.findall(r'<nav class="podium-breadcrumbs" aria-label="Breadcrumb">\s*<ol>(.*?)</ol>\s*</nav>', html, re.S)
    assert len(navs) == 1, "one breadcrumb per page"
    items = re.findall(r"<li>(.*?)</li>", navs[0], re.S)
    found: list[tuple[str, str | None]] = []
    for n, item in enumerate(items):
        if current := re.fullmatch(r'<span aria-current="page">(.*)</span>', item):
            assert n == len(items) - 1, "only the last item is the current page"
            found.append((current.group(1), None))
        else:
            link = re.fullmatch(r'<a href="([^"]+)">(.*)</a>', item)
            assert link, item
            found.append((link.group(2), link.group(1)))
    assert found[-1][1] is None
    return found


def resolved(page: str, crumbs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """The crumbs with their links resolved from the page's address (`speakers/tokayev/`) to site paths."""
    return [
        (label, urljoin("http://site/" + page, href)[len("http://site/") :] if href else None) for label, href in crumbs
    ]


def active_tabs(html: str) -> list[str]:
    """The hrefs of Material's tabs marked active."""
    return re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="([^"]+)"', html)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("page", "expected", "tab"),
    [
        (f"speeches/{SPEECH}/", [("Home", ""), ("Speeches", "speeches/"), (TITLE, None)], "../"),
        ("speakers/tokayev/", [("Home", ""), ("Speakers", "speakers/"), ("Kassym-Jomart Tokayev", None)], "../"),
        (
            "topics/multilateralism/",
            [
                ("Home", ""),
                ("Topics", "topics/"),
                ("Global governance", "topics/global-governance/"),
                ("Multilateralism", None),
            ],
            "../",
        ),
        (
            "events/aif-2025/",
            [
                ("Home", ""),
                ("Events", "events/"),
                ("Astana International Forum", "events/astana-international-forum/"),
                ("Astana International Forum 2025", None),
            ],
            "../",
        ),
        (
            "dates/2025/05-29/",
            [("Home", ""), ("Dates", "dates/"), ("2025", "dates/2025/"), ("29 May 2025", None)],
            "../../",
        ),
    ],
)
def test_pages_outside_the_nav_have_a_breadcrumb_and_their_section_tab(reference_site, page, expected, tab):
    html = read(reference_site, page.rstrip("/"))
    assert resolved(page, trail(html)) == expected
    # Material's tabs: exactly one is lit, the section's hub (on a speech page, Speeches).
    assert active_tabs(html) == [tab]


@pytest.mark.slow
def test_a_hub_in_the_nav_keeps_its_own_tab_and_a_plain_page_gets_no_breadcrumb(reference_site):
    assert active_tabs(read(reference_site, "speakers")) == ["./"]
    about = read(reference_site, "about")
    assert "podium-breadcrumbs" not in about
    assert len(active_tabs(about)) == 1  # About, as Material lights it (a nav section)


@pytest.mark.slow
def test_the_second_page_of_a_list_says_so_in_its_breadcrumb(archive_dir):
    front = "title: Speech {n}\ndate: 2025-05-{n:02d}\nspeaker: tokayev\n"
    for n in range(1, 4):
        archive_dir.speech(f"s{n}", front.format(n=n))
    archive_dir.write(
        "mkdocs.yml",
        "site_name: Test\ntheme:\n  name: material\n  features: [navigation.tabs]\nnav:\n  - Home: index.md\n"
        "  - Speakers: speakers/index.md\nplugins:\n  - podium\n  - podium-facets:\n      page_size: 2\n",
    )
    result = archive_dir.build("mkdocs", "--strict")
    assert result.returncode == 0, result.stderr
    html = archive_dir.html("speakers/tokayev/page/2/index.html")
    assert resolved("speakers/tokayev/page/2/", trail(html)) == [
        ("Home", ""),
        ("Speakers", "speakers/"),
        ("Kassym-Jomart Tokayev", "speakers/tokayev/"),
        ("page 2 of 2", None),
    ]
    assert active_tabs(html) == ["../../../"]
