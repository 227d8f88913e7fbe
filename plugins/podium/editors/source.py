"""Outside text read faithfully: in the encoding it was saved in, or an error that says where it broke.

What an editor imports (a scraped article, a corpus's texts and its table) comes from other people's tools:
Windows-1252 from an old website, UTF-16 from a spreadsheet, a stray control character from a PDF. Decoding
with replacement characters would change the speaker's words without a word said, and an uncaught
`UnicodeDecodeError` is a traceback; so every problem is reported at its line and column, with a hint, and
the text is imported only when it reads whole. The archive's own files are stricter (UTF-8 only,
`podium.core.frontmatter.decode`): an import writes them in UTF-8 whatever it read.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

from podium.core.frontmatter import byte_position, first_on_each_line
from podium.core.problems import Problems

DEFAULT = "utf-8"

# Characters no transcript may hold (`podium check` refuses them) that an import cannot turn into a space: the
# C0 and C1 controls Python does not count as white space, and the noncharacters. Tabs, form feeds, vertical
# tabs, NEL and the line and paragraph separators are white space: the import turns them into spaces and line
# breaks as it joins a paragraph's lines.
_UNWRITABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufdd0-\ufdef\ufffe\uffff]")

# Byte order marks name their encoding; text that starts with one is read in it, whatever `encoding` says.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def known_encoding(name: str) -> str | None:
    """Python's name of an encoding (`latin-1` → `iso8859-1`), or None if it is no text encoding."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def read(file: Path, shown: str, problems: Problems, encoding: str = DEFAULT) -> str | None:
    """The file's text with LF line ends, or None with the problems that kept it from being read whole.

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = file.write_bytes(b"Le caf\\xe9.\\r\\n")
    >>> problems = Problems()
    >>> read(file, "a.txt", problems) is None, problems.items[0].format().splitlines()[0]
    (True, 'a.txt:1:7: error: the text is not UTF-8: byte 0xe9 cannot be read')
    >>> read(file, "a.txt", Problems(), "cp1252")
    'Le café.\\n'
    """
    try:
        raw = file.read_bytes()
    except OSError as exc:
        hint = "check that it exists and is readable"
        problems.add(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}", hint)
        return None
    if (kind := binary_kind(raw)) is not None:
        what, hint = kind
        problems.add(shown, 1, 1, f"this is {what}, not text", hint)
        return None
    used = next((name for bom, name in _BOMS if raw.startswith(bom)), encoding)
    try:
        text = raw.decode(used)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codecs.lookup(used).name == "utf-8" else used
        hint = (
            "the text looks like Windows-1252 or Latin-1: pass --encoding cp1252 (or latin-1), or save it as UTF-8"
            if name == "UTF-8"
            else "pass the encoding the text was saved in with --encoding, or save it as UTF-8"
        )
        message = f"the text is not {name}: byte 0x{raw[exc.start]:02x} cannot be read"
        problems.add(shown, *byte_position(raw, exc.start), message, hint)
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return None if _unwritable(text, shown, problems) else text


# Files people save speeches and tables in that are not text: read as text they are an encoding error at the first
# byte, which would send the editor after the wrong fix.
_MAGIC = (
    (b"%PDF-", "a PDF document", "save its text as a .txt file (e.g. `pdftotext -layout FILE`), then import that"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel file (.doc, .xls)", "save it as .docx, or as text or CSV (UTF-8)"),
    (b"{\\rtf", "a Rich Text (RTF) document", "save it as .docx, or as plain text (UTF-8)"),
    (b"\x89PNG", "an image (PNG)", "a transcript is text: type or copy the words into a .txt file"),
    (b"\xff\xd8\xff", "an image (JPEG)", "a transcript is text: type or copy the words into a .txt file"),
)
# A zip file: a Word document (read as such where a text is imported), a workbook, an OpenDocument file.
_ZIPPED = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)", "save the sheet as CSV (UTF-8) and give that"),
    ("word/document.xml", "a Word document (.docx)", "name it .docx to import it as one, or save it as text"),
    ("content.xml", "an OpenDocument file (.odt, .ods)", "save it as .docx or CSV, or as text (UTF-8)"),
)


def binary_kind(raw: bytes) -> tuple[str, str] | None:
    """What a file that is not text is, and how to make text of it: (`a PDF document`, hint); None for text.

    >>> binary_kind(b"%PDF-1.7 ..."), binary_kind("Le café".encode())
    (('a PDF document', 'save its text as a .txt file (e.g. `pdftotext -layout FILE`), then import that'), None)
    """
    for magic, what, hint in _MAGIC:
        if raw.startswith(magic):
            return what, hint
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:  # the bytes read already, not the file again
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            names = set()
        return next(((w, h) for part, w, h in _ZIPPED if part in names), ("a zip archive", "unpack it first"))
    return None


def _unwritable(text: str, shown: str, problems: Problems) -> bool:
    """Report each character no transcript may hold (the first of each line); True if any."""
    found = False
    for line, column, char in first_on_each_line(_UNWRITABLE, text):
        found = True
        code = ord(char)
        hint = "delete it from the text (it often comes from copying out of a PDF or a word processor)"
        if 0x80 <= code <= 0x9F:
            # Windows-1252 text read as Latin-1 and saved again: the byte became a control, not its character.
            try:
                meant = bytes([code]).decode("cp1252")
            except UnicodeDecodeError:
                pass
            else:
                hint = f"Windows-1252 text was read as Latin-1 here: U+{code:04X} stands for `{meant}`; write that"
        problems.add(shown, line, column, f"control character U+{code:04X} cannot be imported", hint)
    return found
