"""Join Pagefind bundles indexed apart (shards) into one bundle, as if one Pagefind run had read every page.

Pagefind holds every page's words in memory until it writes its bundle, and its peak grows with the words
it has read (about 0.6 MB per 2,000-word transcript: 5.4 GB at 10,000 speeches). So the build indexes a
fixed number of speeches per Pagefind process (`podium.search.shards`) and joins their bundles here, in
Python, a word at a time:

- The page tables are laid end to end: the pages of shard 2 are numbered after those of shard 1, and the
  page numbers of the filters and the sort orders are shifted by that offset. In the word index Pagefind
  writes each page number as the step from the page before it, so only the first page of each shard's
  list changes. Metadata fields (title, date) are numbered by their place in the page table's list of
  fields, which is the union of the shards' lists: their markers among the locations are renumbered.
- The word indexes are merged in word order (each shard's chunks are already sorted), and cut into chunks
  of the size Pagefind cuts its own (`CHUNK_SIZE` locations), named from their first and last words the
  way Pagefind names them, so the search page loads what it would load from a single run.
- Locations are copied as bytes, never decoded: only page numbers change.
- Fragments (one file per page) are linked (or copied) as they are.
- Every word with `COMMON_LOCATIONS` or more gets a chunk of its own, and `COMMON_FILE` lists them by
  language (`{"en": ["a", "and", ...]}`, a few KB): a lookup of a rarer word never loads a common one's postings,
  and the search page knows which words to leave out of the lookup (see podium-search.js).

The search page then loads one index, as before: the same files for the same query, the same scores (they
are computed in the browser from the postings), with no `mergeIndex` round trips per shard.

The format is Pagefind's (1.x, checked against 1.5): gzip of `pagefind_dcd` followed by CBOR (cbor.py).

    merge_bundles([Path("shard-0"), Path("shard-1")], Path("site/pagefind"))
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import json
import os
import pickle
import shutil
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from podium.search.cbor import (
    INT_SIZE,
    SIGNATURE,
    IndexFormatError,
    decode,
    encode,
    encode_head,
    head,
    read_file,
    skip,
    text,
)
from podium.search.lead import FACET_FILTER, LEAD_FILE, LeadScorer, LeadSizes, lead_filters

CHUNK_SIZE = 20_000  # locations per word-index chunk: Pagefind's own (`chunk_index(word_map, 20000)`)
META_FIELDS = 6  # version, pages, index chunks, filters, sorts, metadata fields (Pagefind 1.x)
# A word found this often (locations, as Pagefind counts a chunk's size) is "common": its postings alone weigh
# half a chunk or more, and the commonest weigh hundreds of KB at 10,000 speeches. The joined index gives each
# one a chunk of its own and lists them in COMMON_FILE, so the search page can leave them out
# of Pagefind's lookup and check them in the text of the pages it loads anyway (podium-search.js).
COMMON_LOCATIONS = CHUNK_SIZE // 2
COMMON_FILE = "podium-common.json"
# gzip level: Pagefind writes 9, which costs the join half its time for 0.2 % smaller big chunks (1.5 % small)
LEVEL = 6


class MergeError(IndexFormatError):
    """The shards cannot be joined; the message says why. (Catch `IndexFormatError` for both.)"""


def write_file(folder: Path, stem: str, suffix: str, data: bytes, previous: Path | None = None) -> str:
    """Write `data` as a Pagefind file named after its hash (`en_1a2b3c4.pf_index`), longer if taken.

    A file of the same name in the folder `previous` (the last join's) that holds the same data is linked, not
    compressed again: after one edited transcript most chunks of the word index are the same bytes, and
    compressing them is a third of a join. The data is compared whole, never trusted by its name."""
    digest = hashlib.sha256(data).hexdigest()
    length = 7
    while (folder / f"{stem}{digest[:length]}{suffix}").exists():
        length += 1
    name = f"{stem}{digest[:length]}"
    target = folder / f"{name}{suffix}"
    if previous is not None and _holds(previous / target.name, data):
        link_or_copy(previous / target.name, target)
    else:
        target.write_bytes(gzip.compress(SIGNATURE + data, LEVEL, mtime=0))
    return name


def _holds(path: Path, data: bytes) -> bool:
    """Whether the Pagefind file at `path` exists and holds `data`."""
    try:
        return gzip.decompress(path.read_bytes()) == SIGNATURE + data
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error):
        return False


# ---- Words ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageList:
    """One shard's pages of a word, as written: only the first page's number changes when shards are joined.

    Pagefind writes a word's pages as `[[page, locations, metadata locations], ...]`, each page number as
    the step from the page before it. So the list is kept as bytes after the first page's step (`body`),
    with its first and last page numbers made whole, and copied as it is.
    """

    first: int
    last: int
    count: int
    locations: int  # Pagefind's measure of a chunk's size: locations plus one per page
    fields: int  # of the first page
    body: bytes


def _pages(data: bytes, i: int, offset: int, renumber: list[int] | None) -> tuple[PageList, int]:
    """The packed page list at `i`, its page numbers shifted by `offset`.

    Metadata locations name their field by its place in the page table's list of fields, as a marker
    `-(place + 1)` before its positions; `renumber` gives each field's place in the joined list.
    """
    _, count, i = head(data, i)
    number = offset
    first = fields0 = locations = 0
    start = i
    pieces = []
    sizes = INT_SIZE
    # Millions of page entries at 10,000 speeches: the one-byte heads Pagefind writes almost always (an array
    # of fewer than 24 items, a step under 24) are read here without a call; `head` reads the others.
    for k in range(count):
        byte = data[i]
        if 0x80 <= byte < 0x98:
            fields, i = byte - 0x80, i + 1
        else:
            _, fields, i = head(data, i)
        byte = data[i]
        if byte < 24:
            number, i = number + byte, i + 1
        elif byte == 0x18:
            number, i = number + data[i + 1], i + 2
        elif byte == 0x19:
            number, i = number + (data[i + 1] << 8 | data[i + 2]), i + 3
        else:
            _, step, i = head(data, i)
            number += step
        if k == 0:
            first, fields0, start = number, fields, i
        # The locations, copied as they are: an array of integers, walked without decoding them.
        byte = data[i]
        if 0x80 <= byte < 0x98:
            major, length, after = 4, byte - 0x80, i + 1
        else:
            major, length, after = head(data, i)
        locations += length + 1
        if major == 4:
            i = after
            for _ in range(length):
                size = sizes[data[i]]
                i = i + size if size else skip(data, i)
        else:
            i = skip(data, i)
        extra = fields - 2
        if extra > 0 and renumber is not None and data[i] != 0x80:  # metadata locations, not empty
            markers, end = decode(data, i)
            assert isinstance(markers, list)
            pieces.append(data[start:i])
            pieces.append(encode([-renumber[-1 - m] - 1 if m < 0 else m for m in markers]))
            start = i = end
            extra -= 1
        for _ in range(extra):
            i = i + 1 if data[i] == 0x80 else skip(data, i)  # most often an empty array
    pieces.append(data[start:i])
    return PageList(first, number, count, locations, fields0, b"".join(pieces)), i


def _encode_pages(parts: list[PageList]) -> bytes:
    """Page lists of several shards as one list: each first page's step counts from the last page before it."""
    out = [encode_head(4, sum(part.count for part in parts))]
    previous = 0
    for part in parts:
        if part.count:
            out.append(encode_head(4, part.fields) + encode_head(0, part.first - previous) + part.body)
            previous = part.last
    return b"".join(out)


@dataclass
class Word:
    """One word of the index: its pages (a list per shard it is in), and its variants (other spellings,
    e.g. with other diacritics, with their own pages)."""

    word: str
    pages: list[PageList]
    variants: list[tuple[str, list[PageList]]] = field(default_factory=list)


def words(path: Path, offset: int, renumber: list[int] | None = None) -> Iterator[Word]:
    """The words of one index chunk, in order, with page numbers shifted by `offset` (see `_pages`)."""
    data = read_file(path)
    _, _, i = head(data, 0)  # WordIndex: [words]
    _, count, i = head(data, i)
    for _ in range(count):
        _, fields, i = head(data, i)
        word, i = decode(data, i)
        pages, i = _pages(data, i, offset, renumber)
        variants: list[tuple[str, list[PageList]]] = []
        if fields > 2:
            _, nvariants, i = head(data, i)
            for _ in range(nvariants):
                _, _, i = head(data, i)
                variant, i = decode(data, i)
                variant_pages, i = _pages(data, i, offset, renumber)
                variants.append((str(variant), [variant_pages]))
            for _ in range(fields - 3):
                i = skip(data, i)
        yield Word(str(word), [pages], variants)


def _encode_word(word: Word) -> bytes:
    parts = [encode_head(4, 3), text(word.word), _encode_pages(word.pages), encode_head(4, len(word.variants))]
    for variant, pages in word.variants:
        parts.append(encode_head(4, 2) + text(variant) + _encode_pages(pages))
    return b"".join(parts)


def _join(same: list[Word]) -> Word:
    """One word as found in several shards: their pages one after the other."""
    if len(same) == 1:
        return same[0]
    joined = Word(same[0].word, [part for word in same for part in word.pages])
    variants: dict[str, list[PageList]] = {}
    for word in same:
        for variant, pages in word.variants:
            variants.setdefault(variant, []).extend(pages)
    joined.variants = list(variants.items())
    return joined


def prefixes(before: str, after: str) -> tuple[str, str]:
    """The shortest ends that still tell two neighbouring chunks apart, as Pagefind names them.

    >>> prefixes("apple", "apricot")
    ('app', 'apr')
    """
    common = 0
    for a, b in zip(after, before, strict=False):
        if a != b:
            break
        common += 1
    return before[: common + 1], after[: common + 1]


def _sorted_words(streams: list[Iterator[Word]]) -> Iterator[Word]:
    """The words of every shard in word order, a word found in several shards joined into one."""
    merged = heapq.merge(*streams, key=lambda word: word.word)  # stable: shard order among equal words
    same: list[Word] = []
    for word in merged:
        text = word.word
        if same and same[0].word != text:
            yield _join(same)
            same = []
        same.append(word)
    if same:
        yield _join(same)


def _chunk_files(shard: Path, meta: list) -> list[Path]:
    return [shard / "index" / f"{hash_}.pf_index" for _, _, hash_ in meta[2]]


def _shard_words(shard: Path, meta: list, offset: int, fields: list[str], kept: Path | None = None) -> Iterator[Word]:
    """One shard's words in order, their pages numbered from `offset`; see `_kept_words` for `kept`."""
    renumber = [fields.index(name) for name in meta[5]]
    same = renumber == list(range(len(renumber)))
    if kept is not None:
        yield from _kept_words(shard, meta, offset, kept, None if same else renumber)
        return
    for path in _chunk_files(shard, meta):
        yield from words(path, offset, None if same else renumber)


# ---- A shard's words, kept ------------------------------------------------------------------------------
#
# Reading a shard's words walks every page entry of every word (`_pages`): 11 s for the 55 shards of 10,000
# speeches, paid again at every join, though a build after one edited transcript indexes one shard or three and
# finds the others in the build cache. So the words of a shard that never changes (a cached one) are kept
# beside it as read, numbered from 0, and the next join only adds its offset: about 1 s for all 55.
#
# The join reads every shard at once (the words of all of them in order), so a shard's words are kept and read
# one of its chunks at a time, a frame each: the memory of the join does not grow with the archive. The file
# ends with the CRC-32 of its frames, checked before the first word is read: a damaged file is read from the
# shard again, never half trusted. It is named after this file's bytes: a Podium that reads shards otherwise
# never trusts what an older one kept.
KEPT_WORDS = "podium-words"
_FORMAT = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
_FRAME = struct.Struct("<I")  # a frame's length, before its compressed pickle
_TRAILER = struct.Struct("<II")  # the CRC-32 of the frames and their number, at the end


def _kept_words(shard: Path, meta: list, offset: int, kept: Path, renumber: list[int] | None) -> Iterator[Word]:
    """The shard's words from the file kept in `kept` when there is one, else read and then kept there. The
    file is the shard's words with its metadata fields numbered as in this join (`renumber`, see `_pages`)."""
    numbering = "-".join(map(str, renumber)) if renumber is not None else "same"
    path = kept / f"{meta[2][0][2] if meta[2] else 'empty'}-{numbering}-{_FORMAT}.pickle"
    frames = _frames(path, len(meta[2]))
    if frames is not None:
        for data in frames:
            for word, first, last, count, locations, fields, body, variants in pickle.loads(zlib.decompress(data)):
                pages = [PageList(first + offset if count else 0, last + offset, count, locations, fields, body)]
                if variants is None:
                    yield Word(word, pages)
                else:
                    yield Word(word, pages, [(v, [_shifted(part, offset) for part in ps]) for v, ps in variants])
        return
    keeper = _Keeper(path, kept)
    try:
        for chunk in _chunk_files(shard, meta):
            made = []
            for found in words(chunk, offset, renumber):  # a shard that cannot be read fails the join, as before
                part = found.pages[0]  # as `_unshifted` keeps it, without a call for each of a million words
                variants = [(v, [_unshifted(p, offset) for p in ps]) for v, ps in found.variants] or None
                first = part.first - offset if part.count else 0
                made.append(
                    (
                        found.word,
                        first,
                        part.last - offset,
                        part.count,
                        part.locations,
                        part.fields,
                        part.body,
                        variants,
                    )
                )
                yield found
            keeper.frame(made)
        keeper.finish(len(meta[2]))
    finally:
        keeper.drop()  # not read to the end (the join failed): nothing kept


class _Keeper:
    """Writes a shard's kept words aside, a frame a chunk, and renames the file into place when it is whole. A
    cache it cannot write to (read-only, full) keeps nothing: the shard is read again next time."""

    def __init__(self, path: Path, kept: Path) -> None:
        self.path, self.aside, self.crc = path, path.with_name(f".{path.name}.{os.getpid()}"), 0
        self.out: IO[bytes] | None = None
        try:
            kept.mkdir(exist_ok=True)
            self.out = open(self.aside, "wb")  # noqa: SIM115 - open while the join reads the shard
        except OSError:
            self.out = None

    def frame(self, rows: list) -> None:
        if self.out is None:
            return
        packed = zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)
        frame = _FRAME.pack(len(packed)) + packed
        self.crc = zlib.crc32(frame, self.crc)
        self._write(frame)

    def finish(self, frames: int) -> None:
        if self.out is None:
            return
        self._write(_TRAILER.pack(self.crc, frames))
        if self.out is not None:
            try:
                self.out.close()
                os.replace(self.aside, self.path)
            except OSError:
                self.drop()
            self.out = None

    def _write(self, data: bytes) -> None:
        try:
            self.out.write(data)  # type: ignore[union-attr]  # only called while open
        except OSError:
            self.drop()

    def drop(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None
            self.aside.unlink(missing_ok=True)


def _frames(path: Path, count: int) -> Iterator[memoryview] | None:
    """The frames of a kept file whose CRC-32 and number of frames hold; None when it is missing or damaged."""
    try:
        data = memoryview(path.read_bytes())
    except OSError:
        return None
    if len(data) < _TRAILER.size:
        return None
    crc, frames = _TRAILER.unpack_from(data, len(data) - _TRAILER.size)
    if frames != count or zlib.crc32(data[: -_TRAILER.size]) != crc:
        return None

    def each() -> Iterator[memoryview]:
        at = 0
        for _ in range(frames):
            (length,) = _FRAME.unpack_from(data, at)
            yield data[at + _FRAME.size : at + _FRAME.size + length]
            at += _FRAME.size + length

    return each()


def _shifted(part: tuple, offset: int) -> PageList:
    """A page list as kept (numbered from 0), numbered from `offset`."""
    first, last, count, locations, fields, body = part
    return PageList(first + offset if count else 0, last + offset, count, locations, fields, body)


def _unshifted(part: PageList, offset: int) -> tuple:
    """A page list numbered from `offset`, as it is kept: numbered from 0."""
    first = part.first - offset if part.count else 0
    return (first, part.last - offset, part.count, part.locations, part.fields, part.body)


def merge_words(
    streams: list[Iterator[Word]],
    folder: Path,
    language: str,
    common: list[str] | None = None,
    previous: Path | None = None,
    leads: LeadScorer | None = None,
) -> list[list[str]]:
    """Write the joined word index as chunks to `folder`; Pagefind's chunk table `[[from, to, hash], ...]`.

    The words with `COMMON_LOCATIONS` or more are appended to `common`, each in a chunk of its own. A chunk
    the last join wrote to `previous` already is linked from there (`write_file`). Every word goes past
    `leads`, which chooses the best pages of the commonest (podium.search.lead).
    """
    common = [] if common is None else common
    table: list[list[str]] = []
    chunk: list[bytes] = []
    first = last = ""
    size = 0

    def flush() -> None:
        data = encode_head(4, 1) + encode_head(4, len(chunk)) + b"".join(chunk)
        table.append([first, last, write_file(folder, f"{language}_", ".pf_index", data, previous)])
        if leads is not None:
            leads.chunk_end()

    for word in _sorted_words(streams):
        locations = sum(part.locations for part in word.pages)
        if locations >= COMMON_LOCATIONS:
            common.append(word.word)
            if chunk:  # a common word gets a chunk of its own: its rare neighbours stay cheap to look up
                flush()
                chunk, size = [], 0
        if leads is not None:
            leads.add(word)
        if not chunk:
            first = word.word
        last = word.word
        chunk.append(_encode_word(word))
        size += locations
        if size >= CHUNK_SIZE or locations >= COMMON_LOCATIONS:
            flush()
            chunk, size = [], 0
    if chunk:
        flush()
    for before, after in zip(table, table[1:], strict=False):
        before[1], after[0] = prefixes(before[1], after[0])
    return table


# ---- Filters and sorts ----------------------------------------------------------------------------------


def filter_values(shards: list[tuple[Path, list, int]]) -> dict[str, dict[str, list[int]]]:
    """Each filter's values with the pages of every shard."""
    values: dict[str, dict[str, list[int]]] = {}
    for shard, meta, offset in shards:
        for _name, hash_ in meta[3]:
            decoded, _ = decode(read_file(shard / "filter" / f"{hash_}.pf_filter"))
            assert isinstance(decoded, list)
            into = values.setdefault(decoded[0], {})
            for value, pages in decoded[1]:
                into.setdefault(value, []).extend(page + offset for page in pages)
    return values


def merge_filters(values: dict[str, dict[str, list[int]]], folder: Path, language: str) -> list[list[str]]:
    """The filters' files; Pagefind's filter table `[[name, hash], ...]`."""
    # In order of name and value, pages in order: Pagefind writes them in its hash maps' order, which changes
    # from run to run, and the joined index must be the same bytes for the same pages (a cached shard or not).
    table = []
    for name, by_value in sorted(values.items()):
        data = encode([name, [[value, sorted(pages)] for value, pages in sorted(by_value.items())]])
        table.append([name, write_file(folder, f"{language}_", ".pf_filter", data)])
    return table


def _as_number(values: list[str]) -> list[float] | None:
    try:
        return [float(value) for value in values]
    except ValueError:
        return None


def merge_sorts(shards: list[tuple[Path, list, int]], fragments: dict[int, Path]) -> list[list]:
    """Each sort order over the pages of every shard.

    A shard's sort order lists its pages, not their values; the value is read from the page's metadata of
    the same name (`data-pagefind-meta="date[datetime]"` beside `data-pagefind-sort="date[datetime]"`).
    Like Pagefind, the values sort as numbers when they all are numbers, else as text.
    """
    pages: dict[str, list[int]] = {}
    for _, meta, offset in shards:
        for name, order in meta[4]:
            pages.setdefault(name, []).extend(page + offset for page in order)
    if not pages:
        return []
    metadata: dict[int, dict] = {}
    for page in sorted({page for order in pages.values() for page in order}):
        fragment = json.loads(gzip.decompress(fragments[page].read_bytes())[len(SIGNATURE) :])
        metadata[page] = fragment.get("meta") or {}
    result = []
    for name, order in sorted(pages.items()):
        order.sort()
        texts = [str(metadata[page].get(name, "")) for page in order]
        numbers = _as_number(texts)
        keys: list = numbers if numbers is not None else texts
        ranked = sorted(range(len(order)), key=lambda k: keys[k])  # stable: ties keep page order
        result.append([name, [order[k] for k in ranked]])
    return result


# ---- Bundles --------------------------------------------------------------------------------------------


@dataclass
class MergeReport:
    shards: int
    pages: dict[str, int]


def merge_bundles(
    shards: list[Path],
    bundle: Path,
    keep_words: bool = False,
    previous: Path | None = None,
    lead: LeadSizes | None = None,
) -> MergeReport:
    """Join the Pagefind bundles in `shards` (in page order) into a new bundle at `bundle`.

    `keep_words`: the shards never change (they are kept in the build cache by their pages' digests), so each
    one's words, once read, are kept in its folder (`KEPT_WORDS`) for the next join (`_kept_words`).
    `previous`: the last joined bundle, whose unchanged word-index chunks are linked (`write_file`).
    `lead`: which words get a lead and its size (podium.search.lead; `LeadSizes()` if None)."""
    entries = [json.loads((shard / "pagefind-entry.json").read_text(encoding="utf-8")) for shard in shards]
    if bundle.exists():
        shutil.rmtree(bundle)
    for folder in ("index", "filter", "fragment"):
        (bundle / folder).mkdir(parents=True)
    # pagefind.js, the WebAssembly of each language, the UI files: the same in every shard. The largest copy of
    # each: a shard the binary did not finish writing holds a part of one, and no copy is larger than whole.
    shared: dict[str, Path] = {}
    for shard in shards:
        for path in shard.iterdir():
            own = path.name in ("pagefind-entry.json", KEPT_WORDS) or path.suffix == ".pf_meta"
            if path.is_file() and not own:
                if path.name not in shared or path.stat().st_size > shared[path.name].stat().st_size:
                    shared[path.name] = path
    for name, path in sorted(shared.items()):
        shutil.copy2(path, bundle / name)
    codes: list[str] = []
    for entry in entries:
        codes.extend(code for code in entry["languages"] if code not in codes)
    languages = {}
    common: dict[str, list[str]] = {}
    leads: dict[str, dict[str, list[int]]] = {}
    for code in codes:
        languages[code] = _merge_language(
            [
                (shard, entry["languages"][code])
                for shard, entry in zip(shards, entries, strict=True)
                if code in entry["languages"]
            ],
            bundle,
            code,
            common.setdefault(code, []),
            leads.setdefault(code, {}),
            keep_words,
            previous,
            lead,
        )
    (bundle / COMMON_FILE).write_text(json.dumps(common, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    (bundle / LEAD_FILE).write_text(json.dumps(leads, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    first = entries[0]
    entry = {"version": first["version"], "languages": languages}
    if "include_characters" in first:
        entry["include_characters"] = first["include_characters"]
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    return MergeReport(len(shards), {code: data["page_count"] for code, data in languages.items()})


def _place_fragment(source: Path, folder: Path) -> str:
    """Link a page's fragment into the joined bundle; its name there (a longer one if another shard's page
    has the same short hash)."""
    target = folder / source.name
    if target.exists() and target.read_bytes() != source.read_bytes():
        language = source.stem.split("_")[0]
        target = folder / f"{language}_{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}{source.suffix}"
    if not target.exists():
        link_or_copy(source, target)
    return target.stem


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """A hard link to `source` at `target` (the shards' files stay where they are, e.g. in the build cache), or
    a copy where links cannot be made. Nothing writes into a bundle's files after they are made."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _merge_language(
    parts: list[tuple[Path, dict]],
    bundle: Path,
    code: str,
    common: list[str],
    leads: dict[str, list[int]],
    keep_words: bool = False,
    previous: Path | None = None,
    lead: LeadSizes | None = None,
) -> dict:
    shards: list[tuple[Path, list, int]] = []
    offset = 0
    for shard, language in parts:
        meta, _ = decode(read_file(shard / f"pagefind.{language['hash']}.pf_meta"))
        if not isinstance(meta, list) or len(meta) != META_FIELDS:
            raise MergeError(f"{shard}: a Pagefind index of an unknown version (its page table has changed)")
        shards.append((shard, meta, offset))
        offset += len(meta[1])
    pages: list[list] = []
    fragments: dict[int, Path] = {}
    for shard, meta, _ in shards:
        placed: dict[str, str] = {}  # a shard names two identical pages by one fragment
        for hash_, word_count in meta[1]:
            if hash_ not in placed:
                placed[hash_] = _place_fragment(shard / "fragment" / f"{hash_}.pf_fragment", bundle / "fragment")
            fragments[len(pages)] = bundle / "fragment" / f"{placed[hash_]}.pf_fragment"
            pages.append([placed[hash_], word_count])
    fields = sorted({name for _, meta, _ in shards for name in meta[5]})
    streams = [
        _shard_words(shard, meta, offset, fields, shard / KEPT_WORDS if keep_words else None)
        for shard, meta, offset in shards
    ]
    values = filter_values(shards)
    facets = set(values.get(FACET_FILTER[0], {}).get(FACET_FILTER[1], []))
    scorer = LeadScorer([count for _, count in pages], facets, fields, lead)
    chunks = merge_words(streams, bundle / "index", code, common, previous / "index" if previous else None, scorer)
    hidden, listing = lead_filters(scorer.finish())  # each lead word's best pages (podium.search.lead)
    values.update(hidden)
    leads.update(listing)
    filters = merge_filters(values, bundle / "filter", code)
    sorts = merge_sorts(shards, fragments)
    data = encode([shards[0][1][0], pages, chunks, filters, sorts, fields])
    digest = hashlib.sha256(data).hexdigest()[:10]
    (bundle / f"pagefind.{code}_{digest}.pf_meta").write_bytes(gzip.compress(SIGNATURE + data, LEVEL, mtime=0))
    wasm = next((language.get("wasm") for _, language in parts if language.get("wasm")), None)
    return {"hash": f"{code}_{digest}", "wasm": wasm, "page_count": len(pages)}
