"""Render speeches to HTML fragments: plain Python and Jinja, no MkDocs.

The templates in `templates/` autoescape, so every value from front matter or a registry is printed as
text. A statement's own Markdown becomes HTML through Python-Markdown and is then sanitized with nh3:
a transcript arrives by pull request and may carry `<script>` or `onerror=`.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from podium.render import i18n
from podium.core import versions
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.statements import Section

LANGUAGES = {
    "en": "English", "ru": "Russian", "kk": "Kazakh", "fr": "French", "de": "German", "es": "Spanish",
    "zh": "Chinese", "ar": "Arabic", "tr": "Turkish", "uz": "Uzbek", "ky": "Kyrgyz", "tg": "Tajik",
    "tk": "Turkmen", "mn": "Mongolian", "fa": "Persian", "hi": "Hindi", "ja": "Japanese", "ko": "Korean",
    "it": "Italian", "pt": "Portuguese", "pl": "Polish", "uk": "Ukrainian", "az": "Azerbaijani",
}

# What a statement's HTML may contain after sanitizing: text formatting, links, lists, quotes.
_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "br", "code", "sup", "sub", "abbr",
         "q", "cite", "span", "del", "ins", "mark", "pre", "h2", "h3", "h4", "hr", "table", "thead",
         "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "*": {"lang", "dir"}}


def language_name(code: str) -> str:
    return LANGUAGES.get(code.split("-")[0].lower(), code)


def long_date(day: dt.date) -> str:
    """29 May 2025: unambiguous in every country, unlike 05/29/2025."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


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
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener nofollow")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("podium", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["long_date"] = long_date
    env.filters["language_name"] = language_name
    i18n.install(env)  # `t("Date")`: interface strings in theme.language (issue 10)
    return env


@dataclass
class Links:
    """Site-relative addresses, prefixed with `base` (the way back to the site root from the page)."""

    base: str = ""

    def speech(self, ident: str, fragment: str = "") -> str:
        return f"{self.base}speeches/{ident}/" + (f"#{fragment}" if fragment else "")

    def speaker(self, ident: str) -> str:
        return f"{self.base}speakers/{ident}/"

    def event(self, ident: str) -> str:
        return f"{self.base}events/{ident}/"

    def topic(self, ident: str) -> str:
        return f"{self.base}topics/{ident}/"


def speaker_view(ident: str, day: dt.date, registry: Registry) -> dict:
    speaker = registry.speakers.get(ident)
    role = speaker.role_on(day) if speaker else None
    return {"id": ident, "name": speaker.name if speaker else ident, "role": role.label if role else None}


def render_speech(speech: Speech, registry: Registry, links: Links, edit_url: str | None = None,
                  renderer: StatementRenderer | None = None) -> str:
    """The speech page's content: header, statements with permalinks, corrections and source."""
    renderer = renderer or StatementRenderer()
    meta = speech.meta
    multi = len(meta.speaker_ids) > 1
    items = []
    rendered = iter(renderer.render_all([b.text for b in speech.blocks if not isinstance(b, Section)]))
    for block in speech.blocks:
        if isinstance(block, Section):
            items.append({"section": block})
            continue
        items.append({
            "statement": block,
            "html": Markup(next(rendered)),
            "speaker": speaker_view(block.speaker, meta.date, registry) if block.speaker else None,
            "show_speaker": multi and block.turn_start,
            "topics": [(t, registry.topics.get(t)) for t in block.topics],
        })
    event = registry.events.get(meta.event)
    return environment().get_template("speech.html").render(
        speech=speech, meta=meta, links=links, edit_url=edit_url, items=items, event=event,
        speakers=[speaker_view(ident, meta.date, registry) for ident in meta.speaker_ids],
        topics=[(ident, registry.topics.get(ident)) for ident in meta.topics],
    )


def render_speech_list(speeches: list[Speech], registry: Registry, links: Links) -> str:
    """A compact list of speeches: title, speakers, event, date. Callers choose how many (never all)."""
    rows = [{"speech": s, "speakers": [speaker_view(i, s.meta.date, registry) for i in s.meta.speaker_ids],
             "event": registry.events.get(s.meta.event)} for s in speeches]
    return environment().get_template("speech_list.html").render(rows=rows, links=links)


def render_home_summary(speeches: list[Speech], registry: Registry, links: Links, latest: int) -> str:
    counted = versions.distinct(speeches, versions.group(speeches))  # a speech in three languages counts once
    return environment().get_template("home_summary.html").render(
        latest=Markup(render_speech_list(speeches[:latest], registry, links)),
        counts={"speeches": len(counted), "statements": sum(len(s.statements) for s in counted),
                "speakers": len({i for s in speeches for i in s.meta.speaker_ids}),
                "events": len({s.meta.event for s in speeches if s.meta.event})},
        links=links,
    )


def render_problems_banner(report: str) -> str:
    """The problems of a broken save, shown on every page under `mkdocs serve` (escaped: they quote input)."""
    return environment().get_template("problems_banner.html").render(report=report)
