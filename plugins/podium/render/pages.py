"""Render speeches to HTML fragments: plain Python and Jinja, no MkDocs.

The templates in `templates/` autoescape, so every value from front matter or a registry is printed as
text. A statement's own Markdown becomes HTML through Python-Markdown and is then sanitized with nh3:
a transcript arrives by pull request and may carry `<script>` or `onerror=`.

An inline cross-reference `[[target|words]]` is a link only where it is text: on the Markdown tree, never
inside a link, a code span, a raw tag's attribute or a title. The renderer does not know the archive's
targets; the cross-reference feature hands it a resolver (`StatementRenderer.inline_references`).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import secrets
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from podium.core import media, versions
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.statements import Section
from podium.core.text import INLINE_REFERENCE, direction, join_words, language_name, long_date, mark_directions
from podium.core.urls import DIRECTORY_URLS, Urls
from podium.render import i18n, plain

_HTML_LANG = re.compile(r'<html lang="[^"]*"')
# What a statement's HTML may contain after sanitizing: text formatting, links, lists, quotes, tables.
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
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}, "*": {"lang", "dir"}}


@dataclass(frozen=True)
class ReferenceLink:
    """Where an inline reference leads: its address, its preview card's key, and the words shown when the
    editor gave none (`[[target]]`)."""

    href: str
    key: str
    label: str


# (target as written, the speech it is written in, the page's links) -> the link, or None to leave it as text.
InlineReferences = Callable[[str, str, "Links"], ReferenceLink | None]


class StatementRenderer:
    """Markdown to safe HTML for statements; one Markdown instance, reset between uses.

    `render_all` converts a whole speech in one pass, the statements joined by a separator paragraph that
    carries a per-build nonce, and splits the result: a quarter faster than one conversion per statement
    on a 1,000-speech archive. If a statement's Markdown swallows a separator (an unclosed code fence),
    the speech falls back to one conversion per statement, so the split can never misplace text.

    With `inline_references` set and a speech to render for (`here`, `links`), each `[[target|words]]` in
    the text becomes a link:

    >>> renderer = StatementRenderer()
    >>> renderer.inline_references = lambda written, here, links: ReferenceLink("#b", f"{here}#b", "B")
    >>> renderer("As [[#b|I said]], see `[[#b]]` and [this](https://x.org/?[[#b]]).", "a", Links())
    '<p>As <a class="podium-ref" href="#b" data-ref="a#b">I said</a>, see <code>[[#b]]</code> and \
<a href="https://x.org/?[[#b]]" rel="noopener nofollow">this</a>.</p>'
    """

    def __init__(self) -> None:
        # Pipe tables: a parliament's record holds them (division lists, figures read into the record). A column's
        # alignment as an `align` attribute, which sanitizing keeps (a `style` it would drop).
        tables = TableExtension(use_align_attribute=True)
        self.md = markdown.Markdown(extensions=["sane_lists", tables], output_format="html")
        self.separator = f"podium-statement-break-{secrets.token_hex(6)}"
        self.inline_references: InlineReferences | None = None
        self.references = _InlineReferences(self.md, f"podium-ref-{secrets.token_hex(6)}-")
        self.md.treeprocessors.register(self.references, "podium-references", 15)  # after "inline" (20)
        self.angles = _StrayAngles()
        self.directions = _Directions()

    def __call__(self, text: str, here: str = "", links: Links | None = None) -> str:
        return self.render_all([text], here, links)[0]

    def render_all(self, texts: list[str], here: str = "", links: Links | None = None) -> list[str]:
        """Each statement's HTML; `here` and `links` (the speech and its page) resolve inline references.
        Plain statements skip Markdown (podium.render.plain); the others are converted together."""
        marked = [self.directions.mark(text) for text in texts]
        made = [self._plain(text) for text in marked]
        rest = [text for text, html in zip(marked, made, strict=True) if html is None]
        converted = iter(self._markdown_all(rest, here, links))
        return [html if html is not None else next(converted) for html in made]

    def _markdown_all(self, marked: list[str], here: str, links: Links | None) -> list[str]:
        """Marked statements through Python-Markdown: in one conversion, split again (see the class)."""
        if not marked:
            return []
        self._prepare(here, links)
        if len(marked) > 1:
            joined = f"\n\n{self.separator}\n\n".join(marked)
            parts = self._finish(self.md.reset().convert(self.angles.hide(joined))).split(f"<p>{self.separator}</p>")
            if len(parts) == len(marked) and self.separator not in "".join(parts):
                return [part.strip("\n") for part in parts]
        return [self._finish(self.md.reset().convert(self.angles.hide(text))) for text in marked]

    def _finish(self, html: str) -> str:
        return self.references.links(self.directions.show(self.angles.show(_clean(html))))

    def _plain(self, marked: str) -> str | None:
        """A plain statement's HTML, made as `_finish` makes Markdown's (no tag, reference or `<` to restore)."""
        html = plain.paragraph(marked)
        return None if html is None else self.directions.show(_clean(html))

    def _prepare(self, here: str, links: Links | None) -> None:
        resolve = self.inline_references
        self.references.resolve = (lambda written: resolve(written, here, links)) if resolve and links else None


# What Python-Markdown's HTML reader takes for a tag when a `<` opens one: a name and attributes (quoted values
# without `<`, `>` or backticks), `<https://...>` or `<name@host>`, `<!-- ... -->`, `<!DOCTYPE ...>`, `<?...?>`.
_WHOLE_TAG = re.compile(
    r"""<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'<>=`/]+(?:\s*=\s*(?:"[^"<>`]*"|'[^'<>`]*'|[^\s"'<>=`]+))?)*\s*/?"""
    r"""|[^\s<>"'`]+|!--(?:[^<-]|-(?!->))*--|![A-Za-z][^<>]*|\?[^<>]*)>"""
)
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")


class _StrayAngles:
    """`<` that looks like the start of a tag but opens none, hidden from Python-Markdown and put back after.

    Python-Markdown's HTML reader (the standard library's tolerant tag scanner) reads from each such `<` to
    the next `>`, so 1,000 of them before 400 KB of text took a minute. Each becomes a token of private-use
    characters (not word characters, so emphasis reads the text as before; a per-renderer secret, so a
    transcript cannot write one) and, after sanitizing, `&lt;`: what Markdown prints for a `<` that opens no
    tag, in text, in code and in an address alike. Finding them is one regex attempt per `<`, each ending at
    the next `<` or `>`, so linear.

    >>> angles = _StrayAngles()
    >>> hidden = angles.hide("<b>bold</b> <https://x.org> <!-- note --> a <b and a <3")
    >>> hidden.count(angles.token), angles.show(hidden) == "<b>bold</b> <https://x.org> <!-- note --> a &lt;b and a <3"
    (1, True)
    """

    def __init__(self) -> None:
        self.token = "".join(chr(0xE000 + byte) for byte in secrets.token_bytes(8))

    def hide(self, text: str) -> str:
        if "<" not in text:
            return text
        out, position = [], 0
        for match in _TAG_OPEN.finditer(text):
            at = match.start()
            if _WHOLE_TAG.match(text, at):
                continue
            out.append(text[position:at])
            out.append(self.token)
            position = at + 1
        out.append(text[position:])
        return "".join(out)

    def show(self, html: str) -> str:
        return html.replace(self.token, "&lt;") if self.token in html else html


class _Directions:
    """Stage directions inside a statement ("[Applause]", "(Laughter.)", `[...]{.direction}`, see
    `podium.core.text.directions`) shown as `<span class="podium-direction">`: styled, and left out of the search
    index's words (search.index excludes the class). The sanitizer strips classes, so the Markdown carries
    tokens (private-use characters, a per-renderer secret) that become the span after sanitizing.

    >>> directions = _Directions()
    >>> directions.show(_clean(markdown.markdown(directions.mark("Members—[applause]—and *you* [x](https://a.b)."))))
    '<p>Members—<span class="podium-direction">[applause]</span>—and <em>you</em> <a href="https://a.b" \
rel="noopener nofollow">x</a>.</p>'
    """

    def __init__(self) -> None:
        secret = secrets.token_bytes(8)
        self.opening = "".join(chr(0xE000 + byte) for byte in secret[:4])
        self.closing = "".join(chr(0xE100 + byte) for byte in secret[4:])

    def mark(self, text: str) -> str:
        return mark_directions(text, self.opening, self.closing)

    def show(self, html: str) -> str:
        if self.opening not in html:
            return html
        # A direction written inside a link's title would end up inside a tag: there it stays plain text.
        html = _ANY_TAG.sub(lambda m: m.group().replace(self.opening, "").replace(self.closing, ""), html)
        return html.replace(self.opening, '<span class="podium-direction">').replace(self.closing, "</span>")


_ANY_TAG = re.compile(r"<[^<>]*>")


# A raw HTML tag or entity that Python-Markdown set aside; it is put back after the tree is serialized.
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
_RAW_LINK = re.compile(r"<a[\s>/]", re.IGNORECASE)
_RAW_LINK_END = re.compile(r"</a[\s>]", re.IGNORECASE)
_NOT_TEXT = {"a", "code", "pre"}  # a reference inside a link or code is text


class _InlineReferences(Treeprocessor):
    """Every `[[target|words]]` left in the tree's text becomes a link.

    It runs on the element tree after Python-Markdown's inline patterns, so it sees text only: links, code
    spans and raw tags (set aside as placeholders, attributes and all) are not text. The link cannot be
    an element here, since the sanitizer would strip its class and add `rel`; it is written as tokens
    (a per-renderer secret, so a transcript cannot forge one) that `links` replaces after sanitizing.
    """

    def __init__(self, md: markdown.Markdown, token: str) -> None:
        super().__init__(md)
        self.token = token
        self.pattern = re.compile(re.escape(token) + r"(\d+)([olc])")
        self.resolve: Callable[[str], ReferenceLink | None] | None = None
        self.made: list[ReferenceLink] = []
        self.raw_links = 0  # raw <a> tags open at this point of the text

    def run(self, root: etree.Element) -> None:
        self.made, self.raw_links = [], 0
        if self.resolve is None:
            return
        for element, slot in _text_slots(root):
            text = getattr(element, slot)
            if text and ("[[" in text or "\x02" in text):
                setattr(element, slot, self._text(text))

    def _text(self, text: str) -> str:
        out, position, counted = [], 0, 0  # text[:position] is in `out`; raw links counted up to `counted`
        for match in INLINE_REFERENCE.finditer(text):
            self._count_raw_links(text[counted : match.start()])
            counted = match.end()
            words = match.group(2)
            if self.raw_links or (words and self._has_tag(words)):
                self._count_raw_links(match.group(0))
                continue
            assert self.resolve is not None  # `run` returns early without one
            link = self.resolve(match.group(1))
            if link is None:
                continue
            number = len(self.made)
            self.made.append(link)
            shown = f"{self.token}{number}o{words}{self.token}{number}c" if words and words.strip() else ""
            out.append(text[position : match.start()] + (shown or f"{self.token}{number}l"))
            position = match.end()
        self._count_raw_links(text[counted:])
        out.append(text[position:])
        return "".join(out)

    def _stashed(self, text: str) -> Iterator[str]:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for match in _STASHED.finditer(text):
            number = int(match.group(1))
            if number < len(blocks):
                yield str(blocks[number])

    def _has_tag(self, words: str) -> bool:
        return any(raw.lstrip().startswith("<") for raw in self._stashed(words))

    def _count_raw_links(self, text: str) -> None:
        for raw in self._stashed(text):
            if _RAW_LINK.match(raw):
                self.raw_links += 1
            elif _RAW_LINK_END.match(raw):
                self.raw_links = max(0, self.raw_links - 1)

    def links(self, html: str) -> str:
        """The sanitized `html` with the tokens of the references made into links."""
        if not self.made:
            return html

        def link(match: re.Match) -> str:
            number, part = int(match.group(1)), match.group(2)
            if number >= len(self.made):
                return ""
            made = self.made[number]
            if part == "c":
                return "</a>"
            start = Markup('<a class="podium-ref" href="{}" data-ref="{}">').format(made.href, made.key)
            return start if part == "o" else start + Markup.escape(made.label) + Markup("</a>")

        return self.pattern.sub(link, html)


def _text_slots(root: etree.Element) -> Iterator[tuple[etree.Element, str]]:
    """(element, "text" or "tail") of each text of the tree in reading order, but not inside links or code.

    A loop with a stack, not recursion: the tree is as deep as the Markdown's nesting.
    """
    stack: list[tuple[etree.Element, str]] = [(root, "text")]
    while stack:
        element, slot = stack.pop()
        if slot == "tail":
            yield element, "tail"
            continue
        if element.tag in _NOT_TEXT:
            continue
        yield element, "text"
        for child in reversed(element):
            stack.append((child, "tail"))
            stack.append((child, "text"))


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
    env.filters["words"] = join_words  # quote check's words as text: none between two Chinese characters
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

    def day(self, day: dt.date) -> str:
        return self.base + self.urls.day(day)


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
    # Turns are labelled in a panel, and wherever a crowd or anonymous voice (`@[Audience]:`) breaks in.
    multi = len(meta.speaker_ids) > 1 or any(s.voice for s in speech.statements)
    items: list[dict[str, object]] = []  # for the template: a section, or a statement and its view
    rendered = iter(
        renderer.render_all([b.text for b in speech.blocks if not isinstance(b, Section)], speech.id, links)
    )
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
            # The transcript's own text (its title, summary, statements) in its direction, where the interface's
            # differs: Arabic in an English archive, English in an Arabic one.
            text_dir=own if (own := direction(meta.language)) != direction(i18n.current()) else None,
            links=links,
            edit_url=edit_url,
            items=items,
            event=event,
            speakers=[speaker_view(ident, meta.date, registry) for ident in meta.speaker_ids],
            topics=[(ident, registry.topics.get(ident)) for ident in meta.topics],
            player=media.player(meta.media, links.base),  # plays the statements' {t=...} times
            recordings=[(key, media.href(recording, links.base)) for key, recording in media.recordings(meta.media)],
            format_time=media.format_time,
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
                "statements": sum(len(s.by_speakers) for s in counted),  # as the quote page counts: no narrative
                "speakers": len({i for s in speeches for i in s.meta.speaker_ids}),
                "events": len({s.meta.event for s in speeches if s.meta.event}),
            },
            links=links,
        )
    )


def render_problems_banner(report: str) -> str:
    """The problems of a broken save, shown on every page under `mkdocs serve` (escaped: they quote input)."""
    return environment().get_template("problems_banner.html").render(report=report)
