"""The search index of a build, its Pagefind shards kept in the build cache: an unchanged shard is not indexed again.

Pagefind takes about 7 ms of CPU per speech page and holds every word it reads until it writes (see
`podium.search.shards`), so the index is made of shards, each one Pagefind run over a few hundred pages, joined
into one bundle (`podium.search.merge`). Here the shards are chosen so that they survive edits, and each shard's
bundle is kept in `.cache/podium/search/` under a key of exactly what it was fed:

- Pages are ordered by URL and cut into shards where a page's URL hashes to 0 modulo half `shard_size` (about
  `shard_size / 2` pages a shard), or when a shard reaches `shard_size` pages. A cut depends on the URLs alone,
  so a new speech changes its own shard (or splits it in two), never every shard after it.
- A shard's key is a hash of its pages' URLs and of the bytes of their HTML (`Page.digest`), Pagefind's version
  and options (`engine_key`). A page is fed to Pagefind as the HTML file the build wrote, so a page that was
  rendered and one kept from the last build (`PodiumState.reused`) give the same bytes and the same key.
- The joined bundle is kept too, under the keys of all its shards: a build where nothing changed copies it (as
  hard links) and runs no Pagefind at all; a build after one edit indexes one shard and joins them again.

The cache is never trusted blindly: an entry is found only under the key of its inputs, a missing or half-written
one (a directory is renamed into place only when complete) is made again, and `podium build --clean` reads none.
A build removes the shards it did not use. Pagefind writes the same words and fragments for the same pages, and
the join sorts what Pagefind writes in its hash maps' order (the filters), so a warm build writes the same
`pagefind/` folder as a clean one (tests/test_search_cache.py compares them byte for byte).

    cache = SearchCache(Path(".cache/podium/search"))
    page = Page("/speeches/a/", Path("site/speeches/a/index.html"), digest_of(html))
    report = index_pages([page], Path("site/pagefind"), cache)
    report.from_cache, report.indexed  # shards
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from podium.search import cbor, lead, merge
from podium.search.cbor import IndexFormatError
from podium.search.index import (
    EXCLUDE_SELECTORS,
    IndexReport,
    SearchIndexError,
    StreamingIndex,
    fed_html,
    read_languages,
)
from podium.search.merge import link_or_copy, merge_bundles
from podium.search.shards import SHARD_SIZE

# The join's own code (merge.py, lead.py, cbor.py): a joined bundle is never reused by a Podium that joins differently.
JOIN_CODE = hashlib.sha256(b"".join(Path(str(code.__file__)).read_bytes() for code in (merge, lead, cbor))).hexdigest()
SCHEME = "2"  # what a shard's bundle holds and how it is fed (`fed_html`): a change here makes every key new
KNOWN = "pages.json"  # the digest of each kept page's HTML, by its `ReusedPage.key`


@dataclass(frozen=True)
class Page:
    """One page to index: its URL (as Pagefind records it), its HTML file, and the sha256 of that file's bytes."""

    url: str
    path: Path
    digest: str


def digest_of(html: str | bytes) -> str:
    """The digest of a page's HTML as `Page.digest` has it: of the bytes MkDocs writes (UTF-8)."""
    return hashlib.sha256(html.encode("utf-8") if isinstance(html, str) else html).hexdigest()


def _cut_here(url: str, every: int) -> bool:
    return int.from_bytes(hashlib.sha256(url.encode("utf-8")).digest()[:8], "big") % every == 0


def shards_of(pages: Iterable[Page], shard_size: int = SHARD_SIZE) -> list[list[Page]]:
    """The pages in URL order, cut into shards of at most `shard_size` where their URLs say (see the module).

    >>> pages = [Page(f"/speeches/{n}/", Path(), "") for n in range(1000)]
    >>> shards = shards_of(pages, 100)
    >>> sum(map(len, shards)), max(map(len, shards)) <= 100
    (1000, True)
    >>> more = shards_of(pages + [Page("/speeches/1000/", Path(), "")], 100)
    >>> len([shard for shard in more if shard not in shards])  # the shard the new speech joined
    1
    """
    every = max(1, shard_size // 2)
    result: list[list[Page]] = []
    current: list[Page] = []
    for page in sorted(pages, key=lambda page: page.url):
        current.append(page)
        if len(current) >= shard_size or _cut_here(page.url, every):
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def engine_key(exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS) -> str:
    """Pagefind's version and the options it runs with: part of every shard's key."""
    from importlib import metadata

    versions = []
    for name in ("pagefind", "pagefind_bin", "pagefind_bin_extended"):  # the extended one runs when installed
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} none")
    return _hash(SCHEME, *versions, json.dumps(list(exclude_selectors)))


def shard_key(engine: str, shard: list[Page]) -> str:
    return _hash(engine, *(f"{page.url}\n{page.digest}" for page in shard))


def _hash(*parts: str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        hasher.update(len(data).to_bytes(8, "little") + data)
    return hasher.hexdigest()


class SearchCache:
    """`.cache/podium/search/`: `shards/<key>/` and `joined/<key>/` (Pagefind bundles) and `pages.json`.

    `enabled=False` (`podium build --clean`) finds nothing but still writes, for the next build.
    """

    def __init__(self, folder: Path, enabled: bool = True) -> None:
        self.folder, self.enabled = Path(folder), enabled
        self.known: dict[str, str] = {}
        self.used: set[str] = set()  # the `ReusedPage.key`s of this build's kept pages
        if enabled:
            try:
                self.known = json.loads((self.folder / KNOWN).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.known = {}

    def shard(self, key: str) -> Path | None:
        path = self.folder / "shards" / key
        return path if self.enabled and (path / "pagefind-entry.json").is_file() else None

    def joined(self, key: str) -> Path | None:
        path = self.folder / "joined" / key
        return path if self.enabled and (path / "pagefind-entry.json").is_file() else None

    def last_joined(self) -> Path | None:
        """The joined bundle the last build kept (whatever its shards), or None: what a new join may link from."""
        if not self.enabled:
            return None
        found = [path for path in (self.folder / "joined").glob("*") if (path / "pagefind-entry.json").is_file()]
        return max(found, key=lambda path: path.stat().st_mtime_ns) if found else None

    def work(self) -> Path:
        """A new folder beside the entries, to write a bundle in before it is renamed into place."""
        (self.folder / "work").mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="bundle-", dir=self.folder / "work"))

    def keep(self, kind: str, key: str, bundle: Path) -> Path:
        """Rename a finished bundle into place as the entry `kind/key`; the entry's path."""
        target = self.folder / kind / key
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            shutil.rmtree(target)
        os.replace(bundle, target)
        return target

    def page_digest(self, key: str, path: Path) -> str | None:
        """The digest of a kept page's HTML, by its `ReusedPage.key`; its file is read only the first time.
        None for a page that is not indexed (no `data-pagefind-body`)."""
        found = self.known.get(key)
        if found is None:
            data = path.read_bytes()
            found = digest_of(data) if b"data-pagefind-body" in data else ""
            self.known[key] = found
        self.used.add(key)
        return found or None

    def save(self, shards: Iterable[str], joined: str) -> None:
        """Keep what this build used (its shards, its joined bundle, the digests of its kept pages); drop the rest."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            known = {key: value for key, value in self.known.items() if key in self.used}
            (self.folder / KNOWN).write_text(json.dumps(known, sort_keys=True), encoding="utf-8")
            keep = {"shards": set(shards), "joined": {joined}}
            for kind, names in keep.items():
                for path in (self.folder / kind).glob("*"):
                    if path.name not in names:
                        shutil.rmtree(path, ignore_errors=True)
            shutil.rmtree(self.folder / "work", ignore_errors=True)
        except OSError:
            pass  # a read-only archive still builds, only not faster next time


@dataclass
class CachedReport(IndexReport):
    """An `IndexReport` that also says how many shards came from the cache and how many Pagefind indexed."""

    from_cache: int = 0
    indexed: int = 0
    joined_from_cache: bool = False
    reports: list = field(default_factory=list)

    def cache_summary(self) -> str:
        joined = "the joined index from the cache" if self.joined_from_cache else "joined again"
        return f"search: {self.from_cache} shards from the cache, {self.indexed} indexed by Pagefind; {joined}"


def _read(page: Page) -> str:
    return page.path.read_text(encoding="utf-8", errors="replace")


def index_pages(
    pages: Iterable[Page],
    bundle: Path,
    cache: SearchCache,
    shard_size: int = SHARD_SIZE,
    exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS,
    start: Callable[[], StreamingIndex] | None = None,
) -> CachedReport:
    """Write the search bundle of `pages` to `bundle`, from the cache where it can (see the module).

    Raises SearchIndexError when Pagefind fails or the shards cannot be joined.
    """
    started = time.perf_counter()
    begin = start or (lambda: StreamingIndex(exclude_selectors))
    engine = engine_key(exclude_selectors)
    shards = shards_of(pages, shard_size)
    keys = [shard_key(engine, shard) for shard in shards]
    joined_key = _hash(engine, "joined", JOIN_CODE, *keys)
    report = CachedReport()
    found = cache.joined(joined_key)
    if found is not None:
        _place(found, bundle)
        report.from_cache, report.joined_from_cache = len(shards), True
    else:
        bundles = _shard_bundles(shards, keys, cache, begin, report)
        work = cache.work()
        merging = time.perf_counter()
        try:
            merge_bundles(bundles, work / "joined", keep_words=True, previous=cache.last_joined())
        except IndexFormatError as error:
            raise SearchIndexError(f"joining the shards' indexes failed: {error}") from None
        report.merge_seconds = time.perf_counter() - merging
        _place(cache.keep("joined", joined_key, work / "joined"), bundle)
    cache.save(keys, joined_key)
    read_languages(bundle, report)
    report.seconds = time.perf_counter() - started
    report.shards = len(shards)
    peaks = [shard.peak_memory_mb for shard in report.reports if shard.peak_memory_mb]
    report.peak_memory_mb = max(peaks) if peaks else None
    cpu = [shard.cpu_seconds for shard in report.reports if shard.cpu_seconds is not None]
    report.cpu_seconds = round(sum(cpu), 2) if cpu else None
    return report


def _shard_bundles(
    shards: list[list[Page]],
    keys: list[str],
    cache: SearchCache,
    begin: Callable[[], StreamingIndex],
    report: CachedReport,
) -> list[Path]:
    """Each shard's bundle, from the cache or indexed now: one Pagefind process reads pages while the one
    before writes its bundle, so at most two run at once (as in `podium.search.shards`)."""
    bundles: list[Path | None] = [cache.shard(key) for key in keys]
    errors: list[BaseException] = []
    writer: threading.Thread | None = None

    def write(index: StreamingIndex, n: int, work: Path) -> None:
        try:
            report.reports.append(index.finish(work / "bundle"))
            bundles[n] = cache.keep("shards", keys[n], work / "bundle")
        except BaseException as error:  # noqa: BLE001 - raised again below
            errors.append(error)

    try:
        for n, shard in enumerate(shards):
            if bundles[n] is not None:
                report.from_cache += 1
                continue
            report.indexed += 1
            index = begin()
            try:
                for page in shard:
                    index.add(fed_html(_read(page)), page.url)
            except BaseException:
                index.close()
                raise
            if writer is not None:
                writer.join()
            writer = threading.Thread(target=write, args=(index, n, cache.work()), name=f"pagefind-{n}", daemon=True)
            writer.start()
    finally:
        if writer is not None:
            writer.join()
    if errors:
        error = errors[0]
        raise error if isinstance(error, SearchIndexError) else SearchIndexError(str(error))
    if not shards:  # an archive with nothing to index still gets an (empty) index
        index = begin()
        work = cache.work()
        report.reports.append(index.finish(work / "bundle"))
        return [work / "bundle"]
    return [path for path in bundles if path is not None]


def _place(source: Path, bundle: Path) -> None:
    """The cached bundle at `bundle` in the site, as hard links (or copies)."""
    if bundle.exists():
        shutil.rmtree(bundle)
    shutil.copytree(source, bundle, copy_function=link_or_copy)
