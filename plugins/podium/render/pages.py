"""Render speeches to HTML fragments: plain Python and Jinja, no MkDocs.

The templates in `templates/` autoescape, so every value from front matter or a registry is printed as
text. A statement's own Markdown becomes HTML through Python-Markdown and is then sanitized with nh3:
a transcript arrives by pull request and may carry `<script>` or `onerror=`.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape
from markupsafe import Markup

from podium.core import versions
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.statements import Section
from podium.core.text import language_name, long_date
from podium.core.urls import DIRECTORY_URLS, Urls
from podium.render import i18n

_HTML_LANG = re.compile(r'<html lang="[^"]*"')
# What a statement's HTML may contain after sanitizing: text formatting, links, lists, quotes.
_TAGS = {
    "p",
    "em",
    "strong",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "br",
    "code",
    "sup",
    "sub",
    "abbr",
    "q",
    "cite",
    "span",
    "del",
    "ins",
    "mark",
    "pre",
    "h2",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "*": {"lang", "dir"}}


class StatementRenderer:
    """Markdown to safe HTML for statements; one Markdown instance, reset between uses.

    `render_all` converts a whole speech in one pass, the statements joined by a separator paragraph that
    carries a per-build nonce, and splits the result: a quarter faster than one conversion per statement
    on a 1,000-speech archive. If a statement's Markdown swallows a separator (an unclosed code fence),
    the speech falls back to one conversion per statement, so the split can never misplace text.
    """

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        self.separator = f"podium-statement-break-{secrets.token_hex(6)}"

    def __call__(self, text: str) -> str:
        return _clean(self.md.reset().convert(text))

    def render_all(self, texts: list[str]) -> list[str]:
        if len(texts) < 2:
            return [self(text) for text in texts]
        joined = f"\n\n{self.separator}\n\n".join(texts)
        parts = _clean(self.md.reset().convert(joined)).split(f"<p>{self.separator}</p>")
        if len(parts) != len(texts) or self.separator in "".join(parts):
            return [self(text) for text in texts]
        return [part.strip("\n") for part in parts]


def _clean(html: str) -> str:
    return nh3.clean(
        html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"}, link_rel="noopener nofollow"
    )


# Where a site replaces a Podium template: `<theme folder>/podium/<name>`, e.g. `overrides/podium/speech.html`
# beside Material's `overrides/partials/`. The prefix keeps Podium's names apart from the theme's own.
OVERRIDES = "podium"

_PACKAGE_TEMPLATES = PackageLoader("podium", "templates")
_site_environment: Environment | None = None  # set by the MkDocs adapter for the length of a build


def environment() -> Environment:
    """The Jinja environment every Podium template renders in.

    Outside a site build (tests, the CLI) it holds the package's templates. During a build the MkDocs adapter
    installs `theme_environment(...)` with `use_environment`, so a site's own `podium/<name>` wins.
    """
    return _site_environment or _package_environment()


@lru_cache(maxsize=1)
def _package_environment() -> Environment:
    return _podium_templates(
        Environment(
            loader=_PACKAGE_TEMPLATES, autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True
        )
    )


def theme_environment(theme: Environment, folders: Sequence[str]) -> Environment:
    """Podium's templates inside a site's theme environment (its filters, globals and extensions).

    A template is looked up first as `podium/<name>` in the theme's folders (the site's `custom_dir` comes
    first), then in the package; templates that include or import each other go through the same lookup.
    Autoescape stays on whatever the theme does, since every value comes from transcripts and registries.

    >>> env = theme_environment(Environment(), ["overrides"])
    >>> env.autoescape("speech.html"), env.get_template("speech.html").filename.endswith("templates/speech.html")
    (True, True)
    """
    site = FileSystemLoader([os.path.join(folder, OVERRIDES) for folder in folders])
    env = theme.overlay(
        loader=ChoiceLoader([site, _PACKAGE_TEMPLATES]),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters, env.globals = dict(theme.filters), dict(theme.globals)  # ours must not leak into the theme's
    return _podium_templates(env)


def use_environment(env: Environment | None) -> None:
    """Render through `env` from now on (a site build), or through the package's templates again (None)."""
    global _site_environment
    _site_environment = env


def _podium_templates(env: Environment) -> Environment:
    env.filters["long_date"] = long_date
    env.filters["language_name"] = language_name
    i18n.install(env)  # `t("Date")`: interface strings in theme.language
    return env


@dataclass
class Links:
    """A page's links: the site's addresses (`urls`) prefixed with `base`, the way back to the site root.

    >>> Links("../../").speech("aif-2025", "s-1a2b3c"), Links("../", Urls(directory=False)).year(2025)
    ('../../speeches/aif-2025/#s-1a2b3c', '../dates/2025.html')
    """

    base: str = ""
    urls: Urls = DIRECTORY_URLS

    def page(self, path: str) -> str:
        """Any page by its path (`speakers/tokayev/page/2/`, see `podium.core.urls`)."""
        return self.base + self.urls.page(path)

    def speech(self, ident: str, fragment: str = "") -> str:
        return self.base + self.urls.speech(ident) + (f"#{fragment}" if fragment else "")

    def speeches(self) -> str:
        return self.base + self.urls.speeches()

    def speaker(self, ident: str) -> str:
        return self.base + self.urls.speaker(ident)

    def event(self, ident: str) -> str:
        return self.base + self.urls.event(ident)

    def topic(self, ident: str) -> str:
        return self.base + self.urls.topic(ident)

    def year(self, year: int | str) -> str:
        return self.base + self.urls.year(year)


def with_language(page: str, language: str) -> str:
    """The finished page with `<html lang>` set to `language` (escaped: it comes from front matter).

    >>> with_language('<html lang="en" class="x">', 'kk"><script>')
    '<html lang="kk&quot;&gt;&lt;script&gt;" class="x">'
    """
    value = html.escape(language, quote=True)
    return _HTML_LANG.sub(lambda _: f'<html lang="{value}"', page, count=1)


def speaker_view(ident: str, day: dt.date, registry: Registry) -> dict:
    speaker = registry.speakers.get(ident)
    role = speaker.role_on(day) if speaker else None
    return {"id": ident, "name": speaker.name if speaker else ident, "role": role.label if role else None}


def render_speech(
    speech: Speech,
    registry: Registry,
    links: Links,
    edit_url: str | None = None,
    renderer: StatementRenderer | None = None,
) -> str:
    """The speech page's content: header, statements with permalinks, corrections and source."""
    renderer = renderer or StatementRenderer()
    meta = speech.meta
    multi = len(meta.speaker_ids) > 1
    items: list[dict[str, object]] = []  # for the template: a section, or a statement and its view
    rendered = iter(renderer.render_all([b.text for b in speech.blocks if not isinstance(b, Section)]))
    for block in speech.blocks:
        if isinstance(block, Section):
            items.append({"section": block})
            continue
        items.append(
            {
                "statement": block,
                "html": Markup(next(rendered)),
                "speaker": speaker_view(block.speaker, meta.date, registry) if block.speaker else None,
                "show_speaker": multi and block.turn_start,
                "topics": [(t, registry.topics.get(t)) for t in block.topics],
            }
        )
    event = registry.events.get(meta.event)
    return (
        environment()
        .get_template("speech.html")
        .render(
            speech=speech,
            meta=meta,
            links=links,
            edit_url=edit_url,
            items=items,
            event=event,
            speakers=[speaker_view(ident, meta.date, registry) for ident in meta.speaker_ids],
            topics=[(ident, registry.topics.get(ident)) for ident in meta.topics],
        )
    )


def render_speech_list(speeches: list[Speech], registry: Registry, links: Links) -> str:
    """A compact list of speeches: title, speakers, event, date. Callers choose how many (never all)."""
    rows = [
        {
            "speech": s,
            "speakers": [speaker_view(i, s.meta.date, registry) for i in s.meta.speaker_ids],
            "event": registry.events.get(s.meta.event),
        }
        for s in speeches
    ]
    return environment().get_template("speech_list.html").render(rows=rows, links=links)


def render_home_summary(speeches: list[Speech], registry: Registry, links: Links, latest: int) -> str:
    counted = versions.distinct(speeches, versions.group(speeches))  # a speech in three languages counts once
    return (
        environment()
        .get_template("home_summary.html")
        .render(
            latest=Markup(render_speech_list(speeches[:latest], registry, links)),
            counts={
                "speeches": len(counted),
                "statements": sum(len(s.statements) for s in counted),
                "speakers": len({i for s in speeches for i in s.meta.speaker_ids}),
                "events": len({s.meta.event for s in speeches if s.meta.event}),
            },
            links=links,
        )
    )


def render_problems_banner(report: str) -> str:
    """The problems of a broken save, shown on every page under `mkdocs serve` (escaped: they quote input)."""
    return environment().get_template("problems_banner.html").render(report=report)
