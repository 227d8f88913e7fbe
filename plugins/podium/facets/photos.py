"""Speakers' portraits: the registry's `image`, checked, and resized to thumbnails at build time.

A speaker in speakers.yml may name a portrait kept in the archive, with who made it and under what licence:

    tokayev:
      name: Kassym-Jomart Tokayev
      image: photos/tokayev.jpg           # relative to speakers.yml
      image_credit: Akorda press service
      image_licence: CC BY 4.0

The core checks that the file is inside the archive and not too large (`podium.core.registry`); `check` here
opens it with Pillow, so a file that is not an image is reported where `image:` is written. `thumbnails`
makes the published copies: square WebP thumbnails (`SIZES`), named by the original's content hash, so a
rebuild with the same file writes the same address and `mkdocs serve` resizes only what changed. The
original is never published: only its thumbnails, without its EXIF metadata (GPS positions, camera serials).

    portraits = thumbnails(archive)
    portraits["tokayev"].src(240)    # 'assets/portraits/3f1c…-240.webp'
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from podium.core.archive import Archive
from podium.core.model import Speaker
from podium.core.registry import MAX_IMAGE_KB, Table, image_file

SIZES = (96, 240)  # pixels: 96 for bylines and the hub (shown at 40 px and below), 240 for the speaker's page
MAX_PIXELS = 40_000_000  # a larger picture is a decompression bomb or a raw scan, not a portrait
FOLDER = "assets/portraits"
_HINT = "save the portrait as a JPEG, PNG or WebP file (a photo of about 1000 px is plenty)"
_CACHE: dict[tuple[str, int], bytes] = {}  # (content hash, size) -> WebP bytes: kept across `mkdocs serve` rebuilds


@dataclass
class Portrait:
    """A speaker's published thumbnails (`files`: address -> bytes), and what must be said beside them."""

    speaker: str
    name: str
    digest: str
    credit: str | None = None
    licence: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)

    def src(self, size: int) -> str:
        """The thumbnail's address from the site root, for a size in `SIZES`."""
        return f"{FOLDER}/{self.digest}-{size}.webp"


def _source(table: Table, root: Path) -> Path:
    """The folder speakers.yml is in: a speaker's `image` is written relative to it."""
    return (root / table.path).parent if table.path else root


def _open(file: Path) -> tuple[Image.Image | None, str | None]:
    """The image, or why it cannot be used."""
    try:
        image = Image.open(file)
        width, height = image.size
        if width * height > MAX_PIXELS:
            return None, f"is {width}×{height} pixels, over the limit of {MAX_PIXELS // 1_000_000} megapixels"
        image.load()
        return image, None
    except (UnidentifiedImageError, Image.DecompressionBombError):
        return None, "is not an image Podium can read"
    except OSError as exc:
        return None, f"cannot be read as an image ({exc})"


def _usable(speaker: Speaker, file: Path) -> bool:
    """What the core's check already refused (a missing file, a folder, an address) is not reported twice."""
    return bool(speaker.image) and "://" not in (speaker.image or "") and file.is_file()


def _portraits(archive: Archive) -> Iterator[tuple[str, Speaker, Path]]:
    """Each speaker with a portrait file that exists inside the archive and is not over the size limit (the
    registry's own check reports the others)."""
    table = archive.registry.speakers
    folder = _source(table, archive.root)
    for ident, speaker in table.entries.items():
        if not speaker.image:
            continue
        file = image_file(speaker.image, folder)
        if _usable(speaker, file) and file.stat().st_size <= MAX_IMAGE_KB * 1024:
            yield ident, speaker, file


def check(archive: Archive, known: set[str]) -> None:
    """Every portrait must be an image Pillow can open, of reasonable size: reported at its `image:` line."""
    table = archive.registry.speakers
    for ident, speaker, file in _portraits(archive):
        image, why = _open(file)
        if image is None:
            line, column = table.value_at.get((ident, "image"), table.positions[ident])
            archive.problems.add(table.path, line, column, f"speaker `{ident}`: image `{speaker.image}` {why}", _HINT)
        else:
            image.close()


def thumbnail(image: Image.Image, size: int) -> bytes:
    """A square WebP of `size` pixels, cut from the middle (a little above it, where a portrait has the face),
    turned upright by its EXIF orientation and stripped of every other metadata."""
    upright = ImageOps.exif_transpose(image)
    mode = "RGBA" if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info else "RGB"
    square = ImageOps.fit(upright.convert(mode), (size, size), Image.Resampling.LANCZOS, centering=(0.5, 0.35))
    out = io.BytesIO()
    square.save(out, "WEBP", quality=82, method=4)
    return out.getvalue()


def thumbnails(archive: Archive) -> dict[str, Portrait]:
    """Each speaker's portrait, resized to every size in `SIZES`; a speaker whose image cannot be read has none
    (the check has reported it)."""
    found: dict[str, Portrait] = {}
    for ident, speaker, file in _portraits(archive):
        digest = hashlib.sha256(file.read_bytes()).hexdigest()[:16]
        portrait = Portrait(ident, speaker.name, digest, speaker.image_credit, speaker.image_licence)
        if any((digest, size) not in _CACHE for size in SIZES):
            image, _ = _open(file)
            if image is None:
                continue
            try:
                with image:
                    for size in SIZES:
                        _CACHE[(digest, size)] = thumbnail(image, size)
            except (OSError, ValueError):
                continue
        portrait.files = {portrait.src(size): _CACHE[(digest, size)] for size in SIZES}
        found[ident] = portrait
    return found
