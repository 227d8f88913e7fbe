"""A statement's words without its Markdown: for citations, feeds, open data and quote check.

A statement is written in Markdown and may carry an editor's inline cross-reference `[[target|words]]`.
Readers of a feed, a JSON file or a quotation want the words alone:

    >>> plain_text("As I said [[aif-2024#water|last year]], *water* is [our](https://x.org) concern.")
    'As I said last year, water is our concern.'

Cheap on purpose (a few regular expressions, no Markdown parse): the JSONL dump and the quote index run
it over every statement of the archive.
"""

from __future__ import annotations

import html
import re

from podium.core.statements import INLINE_REFERENCE

_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|`+|~~)(?=\S)(.+?)(?<=\S)\1")
_SPACES = re.compile(r"\s+")
# XML 1.0 forbids most control characters, even escaped; a feed or an Akoma Ntoso file must not carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_MARKUP = re.compile(r"[\[\]<>*_`~&\\]")


def plain_text(markdown: str) -> str:
    """The statement's words on one line: links, emphasis and raw tags reduced to their text."""
    if not _MARKUP.search(markdown):  # most statements: nothing to take out
        return _SPACES.sub(" ", markdown).strip()
    text = INLINE_REFERENCE.sub(lambda m: m.group(2) if m.group(2) is not None else "", markdown)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for _ in range(3):  # nested emphasis: ***a*** or **_a_**
        text = _EMPHASIS.sub(r"\2", text)
    text = html.unescape(text.replace("\\", ""))  # `&lt;` in Markdown is a `<` to a reader
    return _SPACES.sub(" ", text).strip()


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold at all (escaping does not help them)."""
    return _NOT_XML.sub("", text)


def shorten(text: str, limit: int = 280) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"
