"""Reading built pages back: links that resolve, a facet page's counts and related-term chips."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class Anchors(HTMLParser):
    """Every `href` and every `id` of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])


def anchors(html: str) -> Anchors:
    parser = Anchors()
    parser.feed(html)
    return parser


def broken_links(site: Path, page: str) -> list[str]:
    """Links from `page` (e.g. speakers/tokayev/index.html) to site pages or fragments that do not exist."""
    found = anchors((site / page).read_text(encoding="utf-8"))
    base = "http://site/" + page
    broken = []
    for href in found.hrefs:
        url = urljoin(base, href)
        if not url.startswith("http://site/") or "/assets/" in url:
            continue
        parts = urlsplit(url)
        path = parts.path.lstrip("/")
        target = site / path / "index.html" if path.endswith("/") or not path else site / path
        if not target.exists():
            broken.append(href)
        elif parts.fragment and parts.fragment not in anchors(target.read_text(encoding="utf-8")).ids:
            broken.append(href)
    return broken


def read(site: Path, page: str) -> str:
    """The HTML of a page given by its folder (`speakers/tokayev`)."""
    return (site / page / "index.html").read_text(encoding="utf-8")


def counts(html: str) -> dict[str, int]:
    """The facet page's own count (`<p class="podium-facet__count"><span data-count=N>`)."""
    match = re.search(r'class="podium-facet__count"><span data-count="(\d+)"', html)
    statements = re.search(r'data-statements="(\d+)"', html)
    return {
        "speeches": int(match.group(1)) if match else -1,
        "statements": int(statements.group(1)) if statements else 0,
    }


def chips(html: str, facet: str) -> dict[str, int]:
    """The related terms shown on a term page: href's last folder -> count."""
    block = re.search(rf'data-related="{facet}">(.*?)</ul>', html, re.S)
    if not block:
        return {}
    return {
        href.rstrip("/").split("/")[-1]: int(n)
        for href, n in re.findall(r'href="([^"]+)">[^<]*<span>(\d+)</span>', block.group(1))
    }
