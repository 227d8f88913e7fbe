"""The persistent build cache in `<archive>/.cache/podium/`: what a build computed per transcript, kept for the next.

Its entries, each under a key that hashes every input it was made from:

    parsed/<key>     a transcript as read and checked alone (`core.speech.read`) and the problems it had:
                     keyed by the file's bytes and path, the settings, and Podium's version
    rendered/<key>   a speech page's content (`render.pages.render_speech`): keyed by the transcript, the site
                     (mkdocs.yml, the registries, the site's own templates), Podium's version, and the
                     transcripts its inline `[[...]]` references point at (their labels and cards)
    pages/<key>      a whole page's HTML as the last build wrote it (raw bytes, copied into the next site as
                     they are): keyed by everything that page's HTML is made of (see podium.mkdocs.reuse); and
                     each speech's data files the same way, `<key>-speech.json.gz`, ... (podium.cite.exports)
    archive/<key>    what a plugin computed from the whole archive (related statements): keyed by every
                     transcript's key and the plugin's settings
    quote/<key>      a speech's part of the quote check's index (podium-cite): its transcript, the site, Podium
    exports/<key>/   a folder of files written for the whole archive (the data files), linked into the site

Podium's version is a hash of the package's own files (code, templates, assets) and of the versions of the
libraries that shape the output, so an upgrade or a local edit to a template never serves a stale page. Nothing
is trusted blindly: an entry is found only under the key of its inputs, and one that fails to load is made
again. `podium build --clean` reads nothing from it and writes it afresh. A full build removes the entries it
did not use, so the folder stays the size of one archive.

    cache = BuildCache.at(root, version=podium_version())
    transcript = cache.reader(settings)(file, display, problems, settings)
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import os
import pickle
import platform
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import IO

from podium.build import configfile
from podium.core import registry as registries
from podium.core import speech as speeches
from podium.core.problems import Problems
from podium.core.settings import Settings
from podium.core.speech import Speech, Transcript
from podium.core.statements import Statement
from podium.core.text import INLINE_REFERENCE

FOLDER = Path(".cache") / "podium"
_WRITES = itertools.count()  # numbers each entry written aside before its rename (`BuildCache._write`)
PACKAGE = Path(__file__).resolve().parent.parent
# Libraries whose output ends up in the pages: their version is part of every key.
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "nh3", "jinja2", "pydantic", "pyyaml")
SITE_TEMPLATES = "podium"  # a site's own Podium templates: `<custom_dir>/podium/<name>.html`

Reader = Callable[[Path, str, Problems, Settings], Transcript | None]


def digest(*parts: bytes | str) -> str:
    """A hex key made of every part, each length-prefixed so that no two lists of parts share one.

    >>> digest("ab", "c") != digest("a", "bc")
    True
    """
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def podium_version() -> str:
    """Podium's version as the cache sees it: the package's files (code, templates, assets, scaffold) and the
    versions of Python and the libraries that shape the output. Any local edit changes it."""
    return _version(_package_stamp())


def _package_stamp() -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in _package_files()))


def _package_files() -> list[Path]:
    return [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


@cache
def _version(stamp: tuple) -> str:  # the files' contents, hashed again only when a file's stamp changes
    parts: list[bytes | str] = [platform.python_version()]
    for library in LIBRARIES:
        try:
            parts.append(f"{library}=={metadata.version(library)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{library} missing")
    for path in sorted(_package_files()):
        parts += [path.relative_to(PACKAGE).as_posix(), path.read_bytes()]
    return digest(*parts)


def site_key(config_file: Path, speeches_dir: Path, theme_dirs: Iterable[str]) -> str:
    """Everything of the site that every speech page depends on: mkdocs.yml as written with what it inherits and
    the environment variables it reads (podium.build.configfile), the registries, and the site's own Podium
    templates (`<theme folder>/podium/*`) in the order the theme looks them up."""
    parts: list[bytes | str] = configfile.parts(config_file)
    for filename in registries.FILES.values():
        parts += [filename, _bytes(speeches_dir / filename)]
    for folder in theme_dirs:
        templates = Path(folder) / SITE_TEMPLATES
        if templates.is_dir() and not Path(folder).resolve().is_relative_to(PACKAGE):
            for path in sorted(p for p in templates.rglob("*") if p.is_file()):
                parts += [str(path), path.read_bytes()]
    return digest(*parts)


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"(missing)"


def _settings_key(settings: Settings) -> str:
    # How many processes render does not change a page.
    return settings.model_dump_json(exclude={"workers"})


class _Recording(Problems):
    """Problems that also remember each `add` as it was called, to be replayed from the cache."""

    def __init__(self, target: Problems) -> None:
        super().__init__()
        self.target = target
        self.calls: list[tuple] = []

    def add(self, path, line, column, message, hint="", severity="error") -> None:
        self.calls.append((path, line, column, message, hint, severity))
        self.target.add(path, line, column, message, hint, severity)


class BuildCache:
    """The cache folder of one archive; `enabled=False` (`--clean`) reads nothing but still writes."""

    def __init__(self, folder: Path, version: str, enabled: bool = True) -> None:
        self.folder, self.version, self.enabled = folder, version, enabled
        self._folders: set[Path] = set()  # the entry folders made (or found) by this build
        self.used: set[str] = set()  # the entries' paths, as text: tens of thousands of them
        self.hits = {"parsed": 0, "rendered": 0}
        self.misses = {"parsed": 0, "rendered": 0}
        self.transcripts: dict[str, str] = {}
        """The digest of each transcript read in this build, by transcript id (its file name without .md)."""

    @classmethod
    def at(cls, root: Path, version: str | None = None, enabled: bool = True) -> BuildCache:
        return cls(Path(root) / FOLDER, version or podium_version(), enabled)

    # -- entries ---------------------------------------------------------------------------------------------

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def _name(self, kind: str, key: str) -> str:
        """`str(_path(kind, key))`, as `used` and `_listing` hold it, without making a Path: builds name tens of
        thousands of entries."""
        return f"{self.folder}/{kind}/{key[:2]}/{key}"

    def get(self, kind: str, key: str) -> object | None:
        path = self._path(kind, key)
        self.used.add(str(path))
        if not self.enabled:
            return None
        try:
            return _load(path)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a truncated or foreign entry is made again, never trusted
            return None

    def reload(self, kind: str, key: str) -> object | None:
        """An entry this build wrote itself (`put`), read back also under `--clean`: what the build keeps on disk
        rather than in memory until it needs it again."""
        try:
            return _load(self._path(kind, key))
        except Exception:  # noqa: BLE001 - gone or damaged meanwhile: the caller makes it again
            return None

    def put(self, kind: str, key: str, value: object) -> bool:
        """Keep `value` under `key`; False when it could not be written (a read-only archive)."""
        return self._write(kind, key, lambda stream: _dump(value, stream))

    def _write(self, kind: str, key: str, write: bytes | Callable[[IO[bytes]], object]) -> bool:
        """Write an entry: its bytes, or what `write(stream)` writes."""
        path = self._path(kind, key)
        self.used.add(str(path))
        # Written aside, then renamed: a build that stops halfway never leaves half an entry. The aside name is
        # this process's and this write's own (pool workers and a forked child write beside the build), made
        # without tempfile's random names and exclusive opens: a build writes tens of thousands of entries.
        aside = path.with_name(f".{path.name}.{os.getpid()}.{next(_WRITES)}")
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            with open(aside, "wb") as stream:
                try:
                    if isinstance(write, bytes):
                        stream.write(write)
                    else:
                        write(stream)
                except BaseException:
                    stream.close()
                    aside.unlink(missing_ok=True)
                    raise
            os.replace(aside, path)
        except OSError:
            self._folders.discard(path.parent)  # removed meanwhile (`clear`)? made again next time
            return False  # a read-only archive still builds, only not faster next time
        return True

    # -- whole pages -----------------------------------------------------------------------------------------

    def has_page(self, key: str) -> bool:
        """Whether a page's HTML is kept under `key` (never under `--clean`)."""
        path = self._path("pages", key)
        self.used.add(str(path))
        return self.enabled and path.is_file()

    def put_page(self, key: str, data: bytes) -> None:
        """Keep a page's HTML exactly as it was written to the site."""
        self._write("pages", key, data)

    def link_page(self, key: str, other: str) -> None:
        """Keep the page kept under `key` under `other` too (hard-linked: one copy on disk)."""
        source, path = self._path("pages", key), self._path("pages", other)
        self.used.add(str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)
            try:
                os.link(source, path)
            except OSError:
                shutil.copyfile(source, path)
        except OSError:
            pass  # a read-only archive still builds, only not faster next time

    def place_page(self, key: str, destination: Path) -> bool:
        """Put the page kept under `key` at `destination`: hard-linked (copied across file systems). Safe, as the
        site's files are never written in place: a build writes a fresh site (MkDocs empties site_dir first,
        `podium build` writes `<site>.new`), and an entry is replaced by a new file, never rewritten."""
        source = self._path("pages", key)
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, destination)
            except OSError:
                shutil.copyfile(source, destination)
        except OSError:
            return False
        return True

    # -- folders of files ------------------------------------------------------------------------------------

    def kept_folder(self, kind: str, key: str) -> Path | None:
        """The folder of files kept under `key`, or None (never under `--clean`)."""
        path = self.folder / kind / key
        self.used.add(str(path))
        return path if self.enabled and path.is_dir() else None

    def new_folder(self, kind: str, key: str) -> Path | None:
        """An empty folder to write the files of `key` into, then `keep_folder`; None when it cannot be made."""
        path = self.folder / kind / f"{key}.partial"
        self.used.add(str(path))  # pruned by no build that is still writing it
        shutil.rmtree(path, ignore_errors=True)
        try:
            path.mkdir(parents=True)
        except OSError:
            return None
        return path

    def keep_folder(self, kind: str, key: str, written: Path) -> Path:
        """The folder `new_folder` gave, now complete, kept under `key`."""
        path = self.folder / kind / key
        shutil.rmtree(path, ignore_errors=True)
        os.replace(written, path)
        self.used.add(str(path))
        return path

    def prune(self) -> int:
        """Remove every entry this build did not use (after a full build); the number removed."""
        removed = 0
        for folder in (self.folder / "exports").glob("*"):
            if str(folder) not in self.used:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        # A page kept under two keys (`link_page`) is one file: in use when either name is. The inodes come from
        # the folders' listings (no `stat` a file: tens of thousands of pages at 10,000 speeches).
        pages = _listing(self.folder / "pages")
        linked = {pages[path] for path in self.used if path in pages}
        for kind in ("parsed", "rendered", "pages", "archive", "quote"):
            for entry, inode in (pages if kind == "pages" else _listing(self.folder / kind)).items():
                if entry not in self.used and not (kind == "pages" and inode in linked) and _stale(entry):
                    try:
                        os.unlink(entry)
                    except FileNotFoundError:
                        continue
                    removed += 1
        return removed

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self._folders = set()

    # -- transcripts -----------------------------------------------------------------------------------------

    def reader(self, settings: Settings) -> Reader:
        """`core.speech.read`, answered from the cache for a transcript read before with the same bytes, path,
        settings and Podium; its problems are replayed in the order they were found."""
        settings_key = _settings_key(settings)

        def read(file: Path, display: str, problems: Problems, settings: Settings) -> Transcript | None:
            try:
                raw = file.read_bytes() if file.stat().st_size <= settings.max_transcript_kb * 1024 else None
            except OSError:
                raw = None
            if raw is None:  # too large or unreadable: the reader itself says why
                return speeches.read(file, display, problems, settings)
            content = digest(display, raw)
            self.transcripts[file.stem] = content
            key = digest("parsed", self.version, settings_key, content)
            found = self.get("parsed", key)
            if isinstance(found, tuple) and len(found) == 2:
                transcript, calls = found
                for call in calls:
                    problems.add(*call)
                self.hits["parsed"] += 1
                return transcript
            recording = _Recording(problems)
            transcript = speeches.read(file, display, recording, settings)
            self.put("parsed", key, (transcript, recording.calls))
            self.misses["parsed"] += 1
            return transcript

        return read

    # -- rendered pages --------------------------------------------------------------------------------------

    def rendered_key(self, speech: Speech, site: str, targets: Callable[[str, str], str | None]) -> str | None:
        """The key of a speech page's content; None when its transcript was not read through this cache.

        `targets(written, here)` names the speech an inline reference points at (None for a speaker or a
        broken one): that speech's transcript is part of the key, since its title and text make the link's
        label and preview card.
        """
        own = self.transcripts.get(speech.id)
        if own is None:
            return None
        pointed: set[str] = set()
        for block in speech.blocks:
            if isinstance(block, Statement) and "[[" in block.text:
                for match in INLINE_REFERENCE.finditer(block.text):
                    if (target := targets(match.group(1), speech.id)) is not None:
                        pointed.add(target)
        parts = [self.version, site, own]
        for target in sorted(pointed):
            parts += [target, self.transcripts.get(target, "(none)")]
        return digest("rendered", *parts)

    # -- files kept whole (each speech's data files) ---------------------------------------------------------

    def read_page(self, key: str) -> bytes | None:
        """The bytes of the file kept under `key` (`put_page`), or None (never under `--clean`): what a build
        copies into a larger file of its own (a speech's lines of the archive's statements.jsonl.gz)."""
        path = self._path("pages", key)
        self.used.add(str(path))
        if not self.enabled:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def mark_used(self, kind: str, keys: Iterable[str]) -> None:
        """Keep the entries under `keys` through this build's prune, though it read none of them: a build that
        needed nothing from them (everything reused) leaves them for the next, which may."""
        self.used.update(self._name(kind, key) for key in keys)

    def kept_pages(self, keys: Iterable[str]) -> set[str]:
        """Those of `keys` under which a file is kept (`put_page`), none under `--clean`; each key is marked as
        used by this build either way. One listing of the folder, not a look-up per key: a build asks for three
        a speech."""
        found = _listing(self.folder / "pages") if self.enabled else {}
        kept = set()
        for key in keys:
            path = self._name("pages", key)
            self.used.add(path)
            if path in found:
                kept.add(key)
        return kept


def _stale(entry: str) -> bool:
    """Whether an unused entry may go: any, but an entry being written aside (`_write`, `.<key>.<pid>.<n>`) by a
    process that may still be writing it (the exporting child): only when it is an hour old (left by a build
    that stopped)."""
    if not os.path.basename(entry).startswith("."):
        return True
    try:
        return time.time() - os.stat(entry).st_mtime > 3600
    except OSError:
        return False


def _listing(folder: Path) -> dict[str, int]:
    """The entries `<folder>/<xx>/<key>` and their inodes, from the directory listings alone."""
    found: dict[str, int] = {}
    try:
        subfolders = [entry.path for entry in os.scandir(folder) if entry.is_dir()]
    except OSError:
        return found
    for subfolder in subfolders:
        try:
            with os.scandir(subfolder) as entries:
                for entry in entries:
                    found[entry.path] = entry.inode()
        except OSError:
            pass
    return found


WHOLE = 1 << 16  # an entry this small on disk (a transcript, a speech's content: about 10 KB) is read whole by `_load`


def _dump(value: object, stream: IO[bytes]) -> None:
    """Pickle `value` into `stream`, compressed (fast: HTML and parsed text shrink to a quarter, and the cache
    stays near the archive's size) as it is pickled: the whole pickle is never in memory at once (the quote
    index of 10,000 speeches was a 270 MB `bytes` before it was compressed)."""
    with gzip.GzipFile(fileobj=stream, mode="wb", compresslevel=1, mtime=0) as packed:
        pickle.dump(value, packed, protocol=pickle.HIGHEST_PROTOCOL)


def _load(path: Path) -> object:
    """An entry `_dump` wrote. A small one (a transcript, a speech's content) is read and unpacked whole, 40 %
    faster than through a stream (pickle reads a stream in small pieces); a large one (the quote index) is
    unpickled as it is read, so that neither its compressed nor its plain bytes are held whole."""
    with open(path, "rb") as raw:
        if os.fstat(raw.fileno()).st_size <= WHOLE:
            return pickle.loads(gzip.decompress(raw.read()))
        with gzip.GzipFile(fileobj=raw, mode="rb") as packed:
            return pickle.load(packed)


def link_tree(source: Path, destination: Path) -> int:
    """Every file under `source` at the same place under `destination`, hard-linked (copied across file systems);
    the number of files. The site's files are never written in place, so sharing them with the cache is safe."""
    count = 0
    for folder, _, names in os.walk(source):
        target = destination / Path(folder).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.link(Path(folder) / name, target / name)
            except OSError:
                shutil.copyfile(Path(folder) / name, target / name)
            count += 1
    return count


class KeptOnDisk(MutableMapping[str, object]):
    """A mapping whose values mostly live in the build cache: `keep(name, key)` says where one is, and reading
    it loads it again, so a build does not hold every page's content in memory until MkDocs asks for it.
    A value set directly (one that could not be written) is held in memory.

    >>> kept = KeptOnDisk(None, "rendered")
    >>> kept["x"] = "<p>x</p>"
    >>> kept["x"], len(kept)
    ('<p>x</p>', 1)
    """

    def __init__(self, cache: BuildCache | None, kind: str) -> None:
        self.cache, self.kind = cache, kind
        self.held: dict[str, object] = {}
        self.on_disk: dict[str, str] = {}

    def keep(self, name: str, key: str) -> None:
        self.held.pop(name, None)
        self.on_disk[name] = key

    def __getitem__(self, name: str) -> object:
        if name in self.held:
            return self.held[name]
        key = self.on_disk[name]  # KeyError: never kept
        assert self.cache is not None
        value = self.cache.reload(self.kind, key)
        if value is None:
            raise KeyError(name)  # removed or damaged since: the caller renders it again
        return value

    def __setitem__(self, name: str, value: object) -> None:
        self.on_disk.pop(name, None)
        self.held[name] = value

    def __delitem__(self, name: str) -> None:
        if self.held.pop(name, None) is None and self.on_disk.pop(name, None) is None:
            raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        yield from self.held
        yield from self.on_disk

    def __len__(self) -> int:
        return len(self.held) + len(self.on_disk)
