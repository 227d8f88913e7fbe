"""What every Podium plugin needs to know about an MkDocs page: the way back to the site root, and the
table of contents of a speech page.

    >>> class Page: url = "speeches/aif-2025/"
    >>> base(Page())
    '../../'
"""

from __future__ import annotations

import html
from typing import Any

from mkdocs.structure.toc import TableOfContents, get_toc

from podium.core.speech import Speech
from podium.core.urls import Urls
from podium.render.pages import Links


def base(page) -> str:
    """The relative way back to the site root from the page's URL, e.g. '../../' ('' on the home page).

    The page's folder counts, under either `use_directory_urls`: `speeches/aif-2025/` and `speeches/aif-2025.html`
    are two folders and one folder deep.
    """
    return "../" * page.url.count("/") if page.url else ""


def links(page, config) -> Links:
    """Site links as written on this page: relative to it (the site works from any folder), and in the form
    the site's `use_directory_urls` publishes pages at."""
    return page_links(page.url, config)


def page_links(url: str, config) -> Links:
    """The links of the page that will be published at `url` (`speeches/aif-2025/`), before MkDocs made it.

    >>> class Config: use_directory_urls = False
    >>> page_links("speeches/aif-2025.html", Config()).speech("x")
    '../speeches/x.html'
    """
    return Links("../" * url.count("/") if url else "", Urls(directory=config.use_directory_urls))


def speech_toc(speech: Speech) -> TableOfContents:
    """The speech page's table of contents: its title (level 1, as MkDocs makes for `# Title`), holding the
    transcript's `## Heading` sections, nested by level. Material's sidebar lists the title's children.

    Titles are escaped: MkDocs treats a TOC title as HTML and the transcript is untrusted.
    """
    title: dict[str, Any] = {"level": 1, "id": "title", "name": html.escape(speech.meta.title), "children": []}
    open_items = [title]  # the innermost open heading last
    for section in speech.sections:
        level = max(section.level, 2)  # a `#` section still sits under the page title
        item: dict[str, Any] = {"level": level, "id": section.id, "name": html.escape(section.title), "children": []}
        while open_items[-1]["level"] >= level:
            open_items.pop()
        open_items[-1]["children"].append(item)
        open_items.append(item)
    return get_toc([title])  # type: ignore[list-item]  # the TypedDict MkDocs declares, built as a dict
