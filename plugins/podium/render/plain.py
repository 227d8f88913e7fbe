"""A statement that is plain text becomes its paragraph without Python-Markdown.

Most statements are one paragraph of words and punctuation: nine in ten of a generated archive's, all of the
reference archive's. Python-Markdown spends most of a speech's render on them (its block parser, its inline
patterns, its tree) to write `<p>` + the text + `</p>`. `paragraph` writes that directly when no character or
line start could mean anything to Markdown; anything else goes to Markdown as before. The result is the same
string Markdown gives, which tests/test_plain_statements.py checks on generated texts and on whole archives.

What is not plain, and why:

- a line break, a tab or another control character (Markdown joins, expands or drops them);
- `\\`, `` ` ``, `*`, `_`, `[`, `]` (escapes, code, emphasis, links, inline references `[[...]]`);
- `<`, `>`, `&` (tags, autolinks, entities; Markdown escapes the others);
- whitespace at either end, or a start that opens a block: `#`, `>`, `+`, `-`, `*`, `=`, or a number followed by
  `.` or `)` and a space (headings, quotes, lists, rules).

>>> paragraph("We will open 12 new schools (and 3.5 thousand places) this year — “on time”.")
'<p>We will open 12 new schools (and 3.5 thousand places) this year — “on time”.</p>'
>>> paragraph("1. First") is None, paragraph("R&D spending") is None, paragraph("a *b*") is None
(True, True, True)
"""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[^\x00-\x1f\x7f\\`*_\[\]<>&]+")
_BLOCK_START = re.compile(r"[\s#>+\-*=]|\d+[.)](?:\s|$)")


def paragraph(text: str) -> str | None:
    """`<p>text</p>` when `text` is plain (see the module's docstring), else None: Markdown's job."""
    if not _PLAIN.fullmatch(text) or _BLOCK_START.match(text) or text[-1].isspace():
        return None
    return f"<p>{text}</p>"
