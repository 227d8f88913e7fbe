"""One gzip file joined from pieces compressed apart, the way pigz compresses on several cores.

A piece is a run of deflate blocks that ends on a byte boundary (a sync flush), compressed with the text just
before it (at most deflate's 32 KB window) as its dictionary: it may refer back into that text, which the
reader has just unpacked. Pieces laid one after the other, a header before and an end after, are one ordinary
gzip stream (one member, RFC 1952): any gzip reader unpacks it, and it is as small as the whole text
compressed at once. A piece depends only on its own text and the text before it, so a file of many pieces is
joined again after one changes without compressing the others again.

>>> import gzip, io
>>> out = io.BytesIO()
>>> joined = JoinedGzip(out)
>>> joined.add(piece(b"one line\\n"))
>>> joined.add(piece(b"another line\\n", after=b"one line\\n"))
>>> joined.close()
>>> gzip.decompress(out.getvalue())
b'one line\\nanother line\\n'
"""

from __future__ import annotations

import struct
import zlib
from typing import IO

WINDOW = 32768  # deflate's window: how far back a piece may refer
LEVEL = 6  # as the other data files: a quarter less CPU than gzip's 9 for 0.35 % more bytes
# The gzip header Python's GzipFile writes at level 6 with mtime=0 and no file name: the same text, the same bytes.
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
END = b"\x03\x00"  # an empty final block (fixed Huffman codes): the deflate stream ends here
# Before a piece's deflate blocks: the CRC-32 and length of its text (for the file's own CRC), and the CRC-32 of
# the blocks themselves (a kept piece is checked before it is joined: `intact`).
_LENGTHS = struct.Struct("<IQI")
_ZEROS = bytes(1 << 20)


def piece(text: bytes, after: bytes = b"") -> bytes:
    """`text` compressed to follow `after` (the end of the text before it in the joined file, or nothing)."""
    window = after[-WINDOW:]
    packer = (
        zlib.compressobj(LEVEL, zlib.DEFLATED, -15, zdict=window)
        if window
        else zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    )
    blocks = packer.compress(text) + packer.flush(zlib.Z_SYNC_FLUSH)
    return _LENGTHS.pack(zlib.crc32(text), len(text), zlib.crc32(blocks)) + blocks


def intact(made: bytes) -> bool:
    """Whether `made` is a whole piece as `piece` made it: a kept piece is joined into the published file as it
    is, so one damaged on disk (cut short, a byte changed) must be found and made again, not published. A CRC
    of the compressed bytes, not unpacking: 64 MB of pieces are checked in a few hundredths of a second.

    >>> made = piece(b"text")
    >>> intact(made), intact(made[:-1]), intact(made[:-1] + bytes([made[-1] ^ 1])), intact(b"")
    (True, False, False, False)
    """
    if len(made) < _LENGTHS.size:
        return False
    return zlib.crc32(memoryview(made)[_LENGTHS.size :]) == _LENGTHS.unpack_from(made)[2]


class JoinedGzip:
    """Pieces written one after the other into `stream` as one gzip file; `close` ends it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.crc, self.size = 0, 0
        stream.write(HEADER)

    def add(self, made: bytes) -> None:
        """Add a piece (`piece`): its blocks are written as they are, its CRC-32 joined to the file's."""
        crc, size, _ = _LENGTHS.unpack_from(made)
        self.stream.write(memoryview(made)[_LENGTHS.size :])
        self.crc = _joined_crc(self.crc, crc, size)
        self.size += size

    def close(self) -> None:
        self.stream.write(END + struct.pack("<II", self.crc, self.size & 0xFFFFFFFF))


def _joined_crc(first: int, second: int, length: int) -> int:
    """The CRC-32 of two texts one after the other, from each one's CRC and the second's length.

    A CRC is linear in its start value for a given length of text, so the start value's share is what the
    same number of zero bytes makes of it (zlib's crc32_combine, which Python does not offer; zeros are
    hashed at zlib's speed, not a loop in Python).

    >>> _joined_crc(zlib.crc32(b"ab"), zlib.crc32(b"cde"), 3) == zlib.crc32(b"abcde")
    True
    """
    shifted, base = first, 0
    while length > 0:
        zeros = memoryview(_ZEROS)[: min(length, len(_ZEROS))]
        shifted, base = zlib.crc32(zeros, shifted), zlib.crc32(zeros, base)
        length -= len(zeros)
    return shifted ^ base ^ second
