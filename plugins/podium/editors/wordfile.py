"""A Word document's paragraphs, as its reader sees them: press offices publish speeches as `.docx` as often as
on a web page.

A `.docx` is a zip of XML parts; the text is `word/document.xml`, one `<w:p>` per paragraph (in the body and in
table cells, in order), its words in `<w:t>` runs. What the reader does not see is left out: text deleted with
tracked changes (`<w:delText>`), a field's instruction (`PAGE`, `HYPERLINK "..."`: its shown result stays).
Tabs and line breaks inside a paragraph are white space between its words; a non-breaking hyphen is U+2011 and
an optional hyphen U+00AD (lint's `invisible-character` reports it). Footnotes, comments, headers and footers
are other parts, not read. Read with the standard library's XML parser (expat refuses entity expansion bombs),
after a cap on the document's unpacked size: a zip that unpacks to gigabytes is an error, not a full memory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from podium.core.problems import Problems

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCUMENT = "word/document.xml"
MAX_MB = 64  # the unpacked text of a 500-page document is a few MB


def is_word(file: Path) -> bool:
    return file.suffix.lower() == ".docx"


def paragraphs(file: Path, shown: str, problems: Problems) -> list[str] | None:
    """The document's non-empty paragraphs in order, or None with a problem at the file when it cannot be read."""
    hint = "save it again from Word or LibreOffice as .docx, or as plain text"
    try:
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo(DOCUMENT)
            if info.file_size > MAX_MB * 1024 * 1024:
                problems.add(shown, 1, 1, f"the document's text unpacks to over {MAX_MB} MB", hint)
                return None
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, OSError):
        problems.add(shown, 1, 1, "this is not a Word document (.docx): it has no word/document.xml", hint)
        return None
    except ElementTree.ParseError as exc:
        problems.add(shown, 1, 1, f"the document's XML cannot be read: {exc}", hint)
        return None
    body = root.find(f"{_W}body")
    found: list[str] = []
    for paragraph in _paragraphs(body) if body is not None else ():
        if text := _text(paragraph).strip():
            found.append(text)
    return found


def _paragraphs(element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """Every paragraph in document order, a text box's after the one that holds it; none from a drawing's
    second copy (`mc:Fallback`, for readers that cannot show the first)."""
    for child in element:
        if child.tag == _FALLBACK:
            continue
        if child.tag == f"{_W}p":
            yield child
        yield from _paragraphs(child)


def _text(paragraph: ElementTree.Element) -> str:
    """The paragraph's shown text; a paragraph inside it (a text box) is its own, found by `iter` on its own."""
    parts: list[str] = []
    in_instruction = False  # between a field's `begin` and `separate`: its code, not its shown result

    def walk(element: ElementTree.Element) -> None:
        nonlocal in_instruction
        for child in element:
            tag = child.tag
            if tag == f"{_W}p" or tag == _FALLBACK:  # a text box's paragraph; a second copy of a drawing
                continue
            if tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                in_instruction = kind == "begin" or (in_instruction and kind not in ("separate", "end"))
            elif in_instruction:
                pass
            elif tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                parts.append(" ")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("\u2011")
            elif tag == f"{_W}softHyphen":
                parts.append("\u00ad")
            elif tag == f"{_W}sym" and (code := child.get(f"{_W}char")):
                # A character of a symbol font; Symbol's and Wingdings' (F000-F0FF) have no Unicode meaning.
                number = int(code, 16) if all(c in "0123456789abcdefABCDEF" for c in code) else 0xF000
                if number < 0xE000:
                    parts.append(chr(number))
            walk(child)

    walk(paragraph)
    return "".join(parts)
