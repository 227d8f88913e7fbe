"""Pages' contents set aside on disk from the moment the site builder makes them to the moment it writes them.

MkDocs makes the content of every page first (each page's `on_page_content`), and only then writes the pages
one by one (`on_page_context` ... `on_post_page`). At 10,000 speeches every speech page's HTML, about 45 KB as
UTF-8 and up to twice that as a Python string, was in memory at once between the two loops: about 0.8 GB. A
shelf keeps each content compressed in one temporary file instead, and gives it back when its page is written.

    shelf = Shelf()
    shelf.put("speeches/a.md", "<p>Thank you.</p>")
    shelf.take("speeches/a.md")      # '<p>Thank you.</p>', once: a second take is None
    shelf.close()

Plain Python, no MkDocs: podium.mkdocs.plugin shelves Podium's own pages and takes each back in `on_page_context`.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from typing import IO


class Shelf:
    """Strings kept by name in a temporary file (in memory where no file can be made), each taken back once.

    >>> shelf = Shelf()
    >>> shelf.put("a", "Nous sommes là \\ud800")  # any string, even one no encoder takes
    >>> "a" in shelf, len(shelf), shelf.take("a"), shelf.take("a")
    (True, 1, 'Nous sommes là \\ud800', None)
    >>> shelf.close()
    """

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._where: dict[str, tuple[int, int]] = {}
        """Each content's place in the file: (offset, length of its compressed bytes)."""
        self._held: dict[str, str] = {}
        """The contents the file could not take."""

    def put(self, name: str, content: str) -> None:
        """Keep `content` under `name` (replacing what was kept under it)."""
        self._where.pop(name, None)
        self._held.pop(name, None)
        # surrogatepass: a string comes back exactly as it went in, whatever it holds.
        data = zlib.compress(content.encode("utf-8", "surrogatepass"), 1)
        try:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="podium-pages-")
            offset = self._file.seek(0, os.SEEK_END)
            self._file.write(data)
        except OSError:
            self._held[name] = content  # no room on disk: the build still goes on
            return
        self._where[name] = (offset, len(data))

    def take(self, name: str) -> str | None:
        """What was kept under `name`, which is then forgotten; None if nothing is."""
        if name in self._held:
            return self._held.pop(name)
        where = self._where.pop(name, None)
        if where is None or self._file is None:
            return None
        offset, length = where
        self._file.seek(offset)
        return zlib.decompress(self._file.read(length)).decode("utf-8", "surrogatepass")

    def __contains__(self, name: object) -> bool:
        return name in self._where or name in self._held

    def __len__(self) -> int:
        return len(self._where) + len(self._held)

    def close(self) -> None:
        """Forget everything kept and remove the file."""
        if self._file is not None:
            self._file.close()
        self._file = None
        self._where.clear()
        self._held.clear()
