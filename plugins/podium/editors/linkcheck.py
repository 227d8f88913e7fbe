"""`podium linkcheck SITE`: every internal link and anchor of a built site must land somewhere.

MkDocs checks the links written in docs/, but Podium's pages are generated: a speech links to speakers,
topics, events and other statements by id. After a build this walks every HTML page, collects the `id`s
each one defines, and checks every `href`/`src` that stays inside the site:

    site/speeches/aif-2025/index.html:212:9: error: broken anchor: ../aif-2024/#s-1a2b3c (no element with id `s-1a2b3c`)

External addresses (http:, https:, mailto:, ...) are not fetched: a pull request's check must not depend
on other people's servers. Nothing here imports MkDocs.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from podium.core.problems import Problems

_LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int, int]] = field(default_factory=list)  # (address, line, column)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if ident := values.get(name):
                self.page.ids.add(ident)
        attribute = _LINK_ATTRIBUTES.get(tag)
        address = values.get(attribute) if attribute else None
        if address is not None:
            if tag == "link" and "preconnect" in (values.get("rel") or ""):
                return
            line, offset = self.getpos()
            self.page.links.append((address, line, offset + 1))


def read_page(file: Path) -> Page:
    collector = _Collector()
    collector.feed(file.read_text(encoding="utf-8", errors="replace"))
    collector.close()
    return collector.page


def _target(site: Path, page: Path, path: str) -> Path:
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path.lstrip("/"))).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


def check_site(site: Path, problems: Problems, base_path: str = "/", ignore: tuple[str, ...] = ()) -> int:
    """Check every page under `site`; return how many links were followed.

    `ignore` holds glob patterns of target paths inside the site (e.g. `speakers/*`) not to report yet.
    """
    site = site.resolve()
    pages: dict[Path, Page] = {}
    for file in sorted(site.rglob("*.html")):
        pages[file.resolve()] = read_page(file)
    followed = 0
    display_root = site.parent
    for file, page in pages.items():
        shown = file.relative_to(display_root).as_posix()
        for address, line, column in page.links:
            parts = urlsplit(address)
            if parts.scheme or parts.netloc or address.startswith("//"):
                continue  # another site, or mailto:/javascript:/data: (never ours to check)
            path = parts.path
            if path.startswith("/") and base_path != "/":
                if not path.startswith(base_path):
                    problems.add(
                        shown,
                        line,
                        column,
                        f"link outside the site's base path {base_path}: {address}",
                        "write the link relative to the page",
                    )
                    continue
                path = "/" + path[len(base_path) :]
            followed += 1
            target = _target(site, file, path) if path else file
            if not target.is_relative_to(site):
                problems.add(shown, line, column, f"link leaves the site: {address}", "write a link inside it")
                continue
            inside = target.relative_to(site).as_posix()
            if any(fnmatch.fnmatch(inside, pattern) for pattern in ignore):
                continue
            if not target.exists():
                problems.add(
                    shown,
                    line,
                    column,
                    f"broken link: {address} (no file {inside})",
                    "check the id in the link; the page may have been renamed",
                )
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = (pages.get(target) or read_page(target)).ids
                if fragment not in ids:
                    problems.add(
                        shown,
                        line,
                        column,
                        f"broken anchor: {address} (no element with id `{fragment}`)",
                        "statement ids change only when a statement's first words do; check the id",
                    )
    return followed
