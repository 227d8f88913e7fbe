"""Pagefind's index files as bytes: gzip of `pagefind_dcd` followed by CBOR (Pagefind 1.x, checked against
1.5), and only the CBOR Pagefind writes: integers, text, byte strings, definite arrays and maps.

The join (merge.py) and the leads (lead.py) walk word indexes of millions of locations, so positions are read
in place from the bytes (`head`, `skip`, `INT_SIZE`), never decoded into lists; `decode` and `encode` are for
the small files (page tables, filters).

    value, end = decode(read_file(Path("pagefind/pagefind.en_1a2b3c4.pf_meta")))
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


class IndexFormatError(Exception):
    """A Pagefind index file not as Pagefind 1.x writes it; the message says why."""


INT_SIZE = bytearray(256)  # bytes taken by an integer item, by its first byte (0: not an integer)
for _first in range(256):
    _major, _info = _first >> 5, _first & 31
    if _major in (0, 1) and _info < 28:
        INT_SIZE[_first] = {24: 2, 25: 3, 26: 5, 27: 9}.get(_info, 1)


def head(data: bytes, i: int) -> tuple[int, int, int]:
    """(major type, argument, position after the head) of the CBOR item at `i`."""
    first = data[i]
    major, info = first >> 5, first & 31
    if info < 24:
        return major, info, i + 1
    if info > 27:
        raise IndexFormatError(f"unexpected CBOR item {first:#x} in a Pagefind index")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[i + 1 : i + 1 + size], "big"), i + 1 + size


def integer(data: bytes, i: int) -> tuple[int, int]:
    """The CBOR integer at `i` (positive or negative) and the position after it."""
    major, value, i = head(data, i)
    return (value if major == 0 else -1 - value), i


def encode_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise IndexFormatError(f"{value} is too large for a Pagefind index")


def text(value: str) -> bytes:
    raw = value.encode("utf-8")
    return encode_head(3, len(raw)) + raw


def skip(data: bytes, i: int) -> int:
    """The position after the item at `i`; arrays of integers (locations) are walked without decoding."""
    size = INT_SIZE[data[i]]
    if size:
        return i + size
    major, value, i = head(data, i)
    if major in (2, 3):
        return i + value
    if major == 4:
        for _ in range(value):
            size = INT_SIZE[data[i]]
            i = i + size if size else skip(data, i)
        return i
    if major == 5:
        for _ in range(2 * value):
            i = skip(data, i)
        return i
    raise IndexFormatError(f"unexpected CBOR item (major type {major}) in a Pagefind index")


def decode(data: bytes, i: int = 0) -> tuple[object, int]:
    """A whole CBOR item as Python values (for the small files: page tables, filters)."""
    major, value, j = head(data, i)
    if major == 0:
        return value, j
    if major == 1:
        return -1 - value, j
    if major == 3:
        return data[j : j + value].decode("utf-8"), j + value
    if major == 2:
        return bytes(data[j : j + value]), j + value
    if major == 4:
        items = []
        for _ in range(value):
            item, j = decode(data, j)
            items.append(item)
        return items, j
    raise IndexFormatError(f"unexpected CBOR item (major type {major}) in a Pagefind index")


def encode(value: object) -> bytes:
    """Python values (ints, text, lists) as CBOR, the way Pagefind's encoder writes them."""
    if isinstance(value, bool) or value is None:
        raise IndexFormatError(f"cannot encode {value!r}")
    if isinstance(value, int):
        return encode_head(0, value) if value >= 0 else encode_head(1, -1 - value)
    if isinstance(value, str):
        return text(value)
    if isinstance(value, list):
        return encode_head(4, len(value)) + b"".join(encode(item) for item in value)
    raise IndexFormatError(f"cannot encode {type(value).__name__}")


def read_file(path: Path) -> bytes:
    """A Pagefind index file's CBOR (unzipped, its signature checked)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise IndexFormatError(f"{path}: not a Pagefind index file")
    return data[len(SIGNATURE) :]


def cut_files(bundle: Path) -> list[Path]:
    """The compressed files of a Pagefind bundle (page tables, index chunks, filters, fragments, the
    WebAssembly) that do not unzip whole: written only in part. About 30 ms for a shard of 200 speeches."""
    cut = []
    for path in sorted(bundle.rglob("*")):
        if not (path.suffix.startswith(".pf_") or path.suffix == ".pagefind") or not path.is_file():
            continue
        unzip = zlib.decompressobj(31)  # gzip
        try:
            unzip.decompress(path.read_bytes())
            whole = unzip.eof and not unzip.unused_data
        except (OSError, zlib.error):
            whole = False
        if not whole:
            cut.append(path)
    return cut
