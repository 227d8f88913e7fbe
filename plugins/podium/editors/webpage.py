"""A saved web page as the lines of text a reader sees, and what its head says about the article.

Editors save a press article from the browser (`Save page as`, `curl -o`) as often as they copy its text. Read
as text, the page would be markup; this gives `article.parse` what the page shows instead: the headline, then
each block (paragraph, heading, list item, quotation, table row, line break) on its own line, white space
folded as a browser folds it (a no-break space stays one), entities decoded. Scripts, styles, the page's
navigation, footer, asides and forms are not the article: they are left out, and the import says so. The
head's metadata (Open Graph, `author`, the publication time, the canonical address) fills the source where the
text does not.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from podium.editors import source

# Not text a reader sees, or not the article: skipped with everything inside.
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select", "button"}
)
_CHROME = frozenset({"nav", "footer", "aside", "form"})
# Elements that start and end a line of text.
_BLOCKS = frozenset(
    """address article blockquote body caption dd details dialog div dl dt fieldset figcaption figure h1 h2 h3 h4 h5
    h6 header hgroup hr li main ol p pre section summary table tbody td tfoot th thead tr ul""".split()
)
_OPTIONAL_END = frozenset("p li dd dt tr td th thead tbody tfoot caption colgroup option optgroup rt rp".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# HTML folds ASCII white space only; U+00A0 and the other Unicode spaces are characters of the text.
_HTML_SPACE = re.compile("[ \t\n\r\f]+")
_NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_PAGE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# A browser reads a page labelled Latin-1 or ASCII as Windows-1252 (the WHATWG Encoding Standard): so does the
# import, or `’` (0x92) would be a control character instead of the apostrophe the reader saw.
_AS_BROWSERS_READ = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def declared_encoding(raw: bytes) -> str | None:
    """The encoding a page declares in its first 4 KB (`<meta charset>`, or the `Content-Type` in a meta tag),
    as Python names it and as a browser reads it; None if it declares none Python knows.

    >>> declared_encoding(b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    'cp1252'
    >>> declared_encoding(b'<meta charset="utf-8">'), declared_encoding(b"<p>no meta</p>")
    ('utf-8', None)
    """
    if not (match := _CHARSET.search(raw[:4096])):
        return None
    name = source.known_encoding(match.group(1).decode("ascii"))
    return _AS_BROWSERS_READ.get(name, name) if name else None


def is_page(text: str) -> bool:
    """True if the text is an HTML document (it starts with a doctype or an `<html>` tag).

    >>> is_page("<!DOCTYPE html>\\n<html>"), is_page("<p>A statement about <html>.</p>"), is_page("Text.")
    (True, False, False)
    """
    return bool(_PAGE.match(text))


@dataclass
class Page:
    lines: list[str]
    title: str = ""
    source: dict[str, object] = field(default_factory=dict)  # publisher, author, date, url from the head
    left_out: list[str] = field(default_factory=list)  # the kinds of page parts not read, for a note
    shown: list[str] = field(default_factory=list)  # the body's lines alone, as the page shows them


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []  # the open elements whose content is skipped
        self.left_out: set[str] = set()
        self.pre = 0
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.linked_data: list[str] = []  # each JSON-LD script's text

    def _break(self) -> None:
        text = "".join(self.current)
        for line in text.split("\n") if self.pre else [text]:
            folded = line if self.pre else _HTML_SPACE.sub(" ", line)
            if folded.strip():
                self.lines.append(folded.rstrip() if self.pre else folded.strip(" \t\n\r\f"))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content") and key not in self.meta:
                self.meta[key] = values["content"]
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href", "")
            return
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self.linked_data.append("")  # read as data, not as text
        if tag in _SKIPPED or tag in _CHROME:
            self.left_out.add({"script": "scripts", "style": "styles"}.get(tag, tag))
            self.skipping.append(tag)
            return
        # (An element whose end tag may be left out, such as `<p>`, is not skipped: nothing would end the skip.)
        hidden = "hidden" in values or _NOT_SHOWN.search(values.get("style", ""))
        if hidden and tag not in _VOID and tag not in _OPTIONAL_END:
            self.left_out.add("hidden elements")  # a browser shows none of it: a dialog, a menu's copy
            self.skipping.append(tag)
            return
        if tag == "title":
            self.in_title = True
        elif tag == "h1" and not self.h1:
            self.in_h1 = True
        if tag in _BLOCKS or tag == "br":
            self._break()
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            # Close the innermost element of this name; a stray end tag inside is ignored.
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag == "title":
            self.in_title = False
        elif tag == "h1":
            self.in_h1 = False
        if tag in _BLOCKS:
            self._break()
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skipping:
            if self.skipping == ["script"] and self.linked_data:
                self.linked_data[-1] += data
            return
        if self.in_title:
            self.title += data
            return
        if self.in_h1:
            self.h1 += data
        self.current.append(data)


_ARTICLES = ("Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting", "Report", "PressRelease", "WebPage")


def _linked_data(scripts: list[str]) -> dict[str, str]:
    """What a page's JSON-LD (schema.org, as news sites write it) says of its article, in the meta tags' names.

    >>> _linked_data(['{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
    ...     '"headline": "Peace", "datePublished": "2025-05-29T09:00:00Z", "author": [{"name": "D. Soysal"}], '
    ...     '"publisher": {"@type": "Organization", "name": "The Daily"}}]}', '{not json'])
    {'og:title': 'Peace', 'article:published_time': '2025-05-29T09:00:00Z', 'author': 'D. Soysal', \
'og:site_name': 'The Daily'}
    """
    found: dict[str, str] = {}

    def name(value: object) -> str:
        if isinstance(value, list):
            return ", ".join(filter(None, (name(item) for item in value)))
        if isinstance(value, dict):
            return str(value.get("name") or "")
        return value if isinstance(value, str) else ""

    def visit(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
            return
        if not isinstance(node, dict):
            return
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(kind in _ARTICLES for kind in kinds):
            for key, field_name in (("headline", "og:title"), ("datePublished", "article:published_time")):
                if isinstance(node.get(key), str):
                    found.setdefault(field_name, node[key])
            for key, field_name in (("author", "author"), ("publisher", "og:site_name")):
                if value := name(node.get(key)):
                    found.setdefault(field_name, value)
        visit(node.get("@graph"))

    for script in scripts:
        try:
            visit(json.loads(script))
        except ValueError:
            continue  # a page's broken JSON-LD is no reason to refuse its text
    return found


def read(text: str) -> Page:
    """The page's text lines, its headline first, and its head's metadata.

    >>> page = read('<!DOCTYPE html><html><head><title>Peace | Daily</title>'
    ...             '<meta property="og:site_name" content="The Daily"></head><body><nav><a>Home</a></nav>'
    ...             '<h1>Peace  now</h1><p>ASTANA, May 29 – He said:</p><p>“Peace&nbsp;!<br>Now.”</p></body></html>')
    >>> page.lines
    ['Peace now', 'ASTANA, May 29 – He said:', '“Peace\\xa0!', 'Now.”']
    >>> page.source, page.left_out
    ({'publisher': 'The Daily'}, ['nav'])
    """
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader._break()
    if reader.skipping:  # an element left out was never closed: the rest of the page went with it; say so
        reader.left_out.add(f"everything after an unclosed <{reader.skipping[0]}>")
    meta = {**_linked_data(reader.linked_data), **reader.meta}  # the meta tags first, then JSON-LD
    fold = lambda value: _HTML_SPACE.sub(" ", value).strip()  # noqa: E731
    headline = fold(meta.get("og:title") or reader.h1 or reader.title)
    lines = reader.lines
    if headline and (not lines or lines[0] != headline):
        lines = [headline, *lines]  # the article parser takes the first line for the headline
    source: dict[str, object] = {}
    if publisher := fold(meta.get("og:site_name", "")):
        source["publisher"] = publisher
    if author := fold(meta.get("author") or meta.get("article:author") or ""):
        if not author.startswith(("http://", "https://")):
            source["author"] = author
    published = meta.get("article:published_time") or meta.get("datepublished") or meta.get("date") or ""
    if match := re.match(r"\s*(\d{4}-\d{2}-\d{2})", published):
        try:
            source["date"] = dt.date.fromisoformat(match.group(1))
        except ValueError:
            pass
    url = meta.get("og:url") or reader.canonical
    if url.startswith(("http://", "https://")):
        source["url"] = url
    return Page(lines, headline, source, sorted(reader.left_out), shown=reader.lines)
