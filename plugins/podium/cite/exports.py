"""The data files published beside the pages, written straight into the site folder:

    feed.xml, speakers/<id>/feed.xml, ...        Atom feeds (podium.cite.feeds)
    speeches/<id>/speech.json.gz                 the speech as Popolo JSON, gzipped (podium.cite.opendata)
    speeches/<id>/akn.xml.gz                     the speech as Akoma Ntoso XML, gzipped (podium.cite.akomantoso)
    embed/index.html                             the one embed page: any statement, read from its speech.json.gz
    data/statements.jsonl.gz, data/popolo.json   the whole archive
    data/quote/meta.json, data/quote/*.json.gz   the quote check's browser index (podium.quote.index)

A site host counts every byte, and the text of a transcript is in several of these files: so nothing is
written once per speech that can be read from one place (the embed page and the quote check read a
statement's text from its speech's speech.json.gz, not from copies of their own), and every data file but
the small popolo.json and the quote check's meta.json is gzipped (pages unpack them in the browser).

They are data, not pages: a site builder has nothing to render in them, and they depend only on the
archive. So `start` writes them in a forked child process while the builder renders the pages on the other
core, and `Background.wait` collects the outcome. Where `fork` is unavailable (not Linux), `start` returns
None and the caller writes them itself with `Exports.write`.

A speech's own files are made of that speech alone (with the registries and the site's settings), so a
build keeps them by key (`Exports.kept`, the build cache) and an unchanged speech's are linked from there, not
made again. data/statements.jsonl.gz is joined from one compressed piece per speech (podium.cite.joined), each
kept too: an edit compresses the edited speech's piece and the next one's again, not the whole archive. A
kept piece is checked (`joined.intact`) before it is joined: a damaged one is made again.

The JSON Schemas that check them (data/schemas/, `schema_files`) do not depend on the archive: the site
builder publishes them as its own files, so a page can link to them as to any file of the site (MkDocs
checks such links and writes them for either `use_directory_urls`). Plain Python, no MkDocs.
"""

from __future__ import annotations

import gc
import gzip
import io
import json
import multiprocessing
import sys
import traceback
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from podium.cite import akomantoso, citation, feeds, joined, opendata
from podium.core.archive import Archive
from podium.core.speech import Speech
from podium.core.text import direction
from podium.core.urls import DIRECTORY_URLS, EMBED, Urls
from podium.quote import index as quote
from podium.render import i18n
from podium.render.pages import environment, speaker_view

QUOTE_META = "meta.json"
SPEECH_FILES = (opendata.FILE, akomantoso.FILE)
"""A speech's own files, each kept under `<its key>-<name>` (`Exports.kept`)."""

# Fork, not spawn: the child gets the loaded archive and the quote index without pickling them.
FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


class KeptFiles(Protocol):
    """Where each speech's files wait for the next build (the build cache's `pages/` entries), by key."""

    def read_page(self, key: str) -> bytes | None:
        """The file kept under `key`, or None."""
        ...

    def put_page(self, key: str, data: bytes) -> None:
        """Keep `data` under `key` (nothing when it cannot: then `place_page` says False)."""
        ...

    def place_page(self, key: str, destination: Path) -> bool:
        """Put the file kept under `key` at `destination` (a hard link); False when there is none."""
        ...


@dataclass
class Exports:
    """Everything the data files are made of: the archive and what the build computed from it once."""

    archive: Archive
    site_name: str
    base_url: str
    """The site's address ending in `/`, or "" (links and ids are then relative or `tag:` URIs)."""
    feeds: list[feeds.Feed]
    coverage: dict[str, list[dict]]
    """Each speech's press coverage, by speech id (podium.quote.index.coverage)."""
    quote_index: quote.QuoteIndex | None = None
    """The quote check's index; None writes no data/quote/."""
    akn_country: str = "un"
    urls: Urls = DIRECTORY_URLS
    """Where the pages the files link to are published (MkDocs' `use_directory_urls`)."""
    kept: KeptFiles | None = None
    """Where each speech's files are kept for the next build (the build cache); None: made, never kept."""
    keys: dict[str, str] = field(default_factory=dict)
    """Each speech's key in `kept`, by speech id: a hash of everything its files are made of (the transcript,
    the registries and settings, Podium's version, `speech_parts`). A speech without one is made, not kept."""
    found: set[str] = field(default_factory=set)
    """The names (`kept_names`) found in `kept` when the build started: those are read, the others made (and
    kept). Empty under `podium build --clean`, which makes every file again."""

    def speech_parts(self, speech: Speech) -> list[str]:
        """What a speech's own files are made of besides its transcript, the registries and Podium's code: for
        their key (`keys`). They read no other speech (a translation names its original by id only).

        >>> from types import SimpleNamespace as Speech
        >>> Exports(None, "Archive", "https://x.org/", [], {}).speech_parts(Speech(id="a"))[:6]
        ['speech files', 'Archive', 'https://x.org/', 'directory urls: True', 'un', '[]']
        """
        return [
            "speech files",
            self.site_name,
            self.base_url,
            f"directory urls: {self.urls.directory}",
            self.akn_country,
            _json(self.coverage.get(speech.id) or []),  # measured against the statements: kept as measured
            zlib.ZLIB_RUNTIME_VERSION,  # the gzip bytes are zlib's
        ]

    def kept_names(self) -> Iterator[str]:
        """The name in `kept` of every file this archive keeps there, in the order `write` reads them: each
        speech's two files, and its piece of data/statements.jsonl.gz (keyed by its speech's key and the one
        before it, whose text it follows)."""
        before: str | None = ""
        for speech in self.archive.speeches:
            key = self.keys.get(speech.id)
            if key is not None:
                yield from (f"{key}-{name}" for name in SPEECH_FILES)
            if (lines := _lines_name(key, before)) is not None:
                yield lines
            before = key

    def write(self, site: Path) -> int:
        """Write every data file into the folder `site`; the number of speeches whose files were made (the
        others' were linked from `kept`)."""
        archive, registry, urls = self.archive, self.archive.registry, self.urls
        for feed in self.feeds:
            _write(site / feed.path, feeds.render(feed, registry, self.site_name, self.base_url, urls))
        data = site / "data"
        data.mkdir(parents=True, exist_ok=True)
        made = 0
        # The one file that holds the whole archive's text again, so gzipped (a site host's limit counts it).
        # Joined from one piece per speech (podium.cite.joined): after an edit only the pieces of the edited
        # speech and of the one after it (which refers back into its text) are compressed again.
        with open(data / "statements.jsonl.gz", "wb") as raw:
            bulk = joined.JoinedGzip(raw)
            before: tuple[Speech, str | None] | None = None
            text: bytes | None = None  # the lines of the speech before, when this pass made them
            for speech in archive.speeches:
                key = self.keys.get(speech.id) if self.kept is not None else None
                lines, made_files = self._speech_files(speech, site, key)
                made += made_files
                name = _lines_name(key, before[1] if before else "")
                piece = self.kept.read_page(name) if name in self.found and self.kept is not None else None
                if piece is None or not joined.intact(piece):  # a damaged piece is made again, never published
                    lines = lines if lines is not None else self._lines(speech)
                    after = b"" if before is None else text if text is not None else self._lines(before[0])
                    piece = joined.piece(lines, after)
                    if name is not None and self.kept is not None:
                        self.kept.put_page(name, piece)
                bulk.add(piece)
                before, text = (speech, key), lines
            bulk.close()
        _write(site / EMBED / "index.html", embed_page(self.site_name))
        _write(
            data / "popolo.json",
            _json(opendata.registry_document(registry, self.base_url, urls)),
        )
        if self.quote_index is not None:
            # meta.json plain (the page reads it first, and tests and people read it), the shards gzipped:
            # the page unpacks them with the browser's DecompressionStream (podium-cite.js).
            for name, value in quote.browser_files(self.quote_index, self._quoted_speeches()).items():
                if name == QUOTE_META:
                    _write(data / "quote" / name, _json(value))
                else:
                    _write_gzip(data / "quote" / f"{name}.gz", [_json(value)])
        return made

    def _speech_files(self, speech: Speech, site: Path, key: str | None) -> tuple[bytes | None, bool]:
        """A speech's speech.json.gz and akn.xml.gz into `site`, linked from `kept` under `key` or made (and
        kept): its lines of data/statements.jsonl.gz when they were made on the way, and whether it made them."""
        targets = {name: site / self.urls.speech_file(speech.id, name) for name in SPEECH_FILES}
        if key is not None and self.kept is not None and all(f"{key}-{name}" in self.found for name in targets):
            if all(self.kept.place_page(f"{key}-{name}", to) for name, to in targets.items()):
                return None, False
        registry = self.archive.registry
        records = list(opendata.statement_records(speech, registry, self.base_url, self.site_name, urls=self.urls))
        document = opendata.speech_document(
            speech, registry, self.base_url, self.site_name, self.coverage.get(speech.id), self.urls, records
        )
        made = {
            opendata.FILE: _gzipped(_json(document)),
            akomantoso.FILE: _gzipped(akomantoso.debate(speech, registry, self.site_name, self.akn_country)),
        }
        for name, packed in made.items():
            targets[name].unlink(missing_ok=True)  # linked above before its sibling was found missing
            if key is not None and self.kept is not None:
                self.kept.put_page(f"{key}-{name}", packed)
                if self.kept.place_page(f"{key}-{name}", targets[name]):
                    continue
            _write_bytes(targets[name], packed)
        return opendata.statement_lines(records).encode("utf-8"), True

    def _lines(self, speech: Speech) -> bytes:
        """The speech's lines of data/statements.jsonl.gz."""
        records = opendata.statement_records(
            speech, self.archive.registry, self.base_url, self.site_name, urls=self.urls
        )
        return opendata.statement_lines(records).encode("utf-8")

    def _quoted_speeches(self) -> dict[str, dict]:
        """What the quote check shows of a matched speech: title, date, speakers and a Chicago citation each."""
        registry = self.archive.registry
        speeches = {}
        for speech in self.archive.speeches:
            templates = {}
            for ident in dict.fromkeys(s.speaker for s in speech.statements if s.speaker):
                first = next(s for s in speech.statements if s.speaker == ident)
                templates[ident] = citation.templates(
                    citation.reference(speech, first, registry, self.site_name, "", self.urls)
                )["chicago"]
            speeches[speech.id] = {
                "title": speech.meta.title,
                "date": i18n.long_date(speech.meta.date),
                "speakers": {i: speaker_view(i, speech.meta.date, registry)["name"] for i in templates},
                "url": self.urls.speech(speech.id),
                "cite": templates,
            }
        return speeches


def embed_page(site_name: str) -> str:
    """The one embed page (embed/index.html), in the interface language of the build (`render.i18n.use`):
    its message for a statement not found, and the dates its script writes."""
    language = i18n.current()
    return (
        environment()
        .get_template("embed.html")
        .render(site_name=site_name, language=language, direction=direction(language))
    )


def schema_files() -> dict[str, str]:
    """The open data's JSON Schemas by address: `{"data/schemas/speech.schema.json": "{...}", ...}`."""
    return {Urls.data(f"schemas/{name}"): json.dumps(schema, indent=1) for name, schema in opendata.SCHEMAS.items()}


class Background:
    """A forked child writing the data files; `wait` for its outcome, or `stop` it when nobody will."""

    def __init__(self, exports: Exports, site: Path) -> None:
        assert FORK is not None
        sys.stdout.flush()  # what the parent has buffered must not be written twice
        sys.stderr.flush()
        self._receive, send = FORK.Pipe(duplex=False)
        self.made = 0
        self._child = FORK.Process(
            target=_write_in_child, args=(exports, site, send), name="podium-cite exports", daemon=True
        )
        # The loaded archive moves to the collector's permanent generation for the fork: the child's collections
        # then never write to its objects, and the pages it shares with this process stay shared (copy on write).
        gc.freeze()
        try:
            self._child.start()
        finally:
            gc.unfreeze()
        send.close()

    def wait(self) -> str | None:
        """None once the files are written, else what went wrong (an exception's one-line summary). `made` is
        then the number of speeches whose files were made, not linked from the build cache."""
        try:
            message, self.made = self._receive.recv()
        except EOFError:
            message = None
        finally:
            self._receive.close()
            self._child.join()
        if message == "ok":
            return None
        return message or f"the exporting process ended with code {self._child.exitcode}"

    def stop(self) -> None:
        """End the child if it is still writing (the build failed), and reap it: no zombie."""
        self._receive.close()
        if self._child.is_alive():
            self._child.terminate()
        self._child.join()


def start(exports: Exports, site: Path) -> Background | None:
    """Start writing the data files in a forked child; None where `fork` is unavailable."""
    return Background(exports, site) if FORK is not None else None


def _write_in_child(exports: Exports, site: Path, send) -> None:
    """The forked child: write the data files, then tell the parent "ok" or what went wrong."""
    try:
        message: tuple[str, int] = ("ok", exports.write(site))
    except BaseException as error:  # noqa: BLE001 - every failure goes to the parent, which reports it
        message = ("".join(traceback.format_exception_only(type(error), error)).strip(), 0)
    send.send(message)
    send.close()


def _lines_name(key: str | None, before: str | None) -> str | None:
    """The name in `kept` of a speech's piece of data/statements.jsonl.gz: its speech's key and the key of the
    speech before it ("" for the first); None when either has no key (never kept)."""
    if key is None or before is None:
        return None
    return f"{key}-lines-after-{before or 'nothing'}"


def _json(value: object) -> str:
    """Compact JSON (no spaces after `,` and `:`): data for scripts, read with any JSON parser."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _gzipped(text: str) -> bytes:
    """`text` gzipped as `_gzip_writer` writes a file: the bytes of one speech's file, or one member of the
    statements' lines (small: held whole)."""
    buffer = io.BytesIO()
    with _gzip_stream(buffer) as packed:
        packed.write(text.encode("utf-8"))
    return buffer.getvalue()


def _write_gzip(path: Path, texts) -> None:
    """Write the texts, one after the other, gzipped."""
    with _gzip_writer(path) as packed:
        for text in texts:
            packed.write(text.encode("utf-8"))


@contextmanager
def _gzip_writer(path: Path) -> Iterator[gzip.GzipFile]:
    """A gzip stream into `path`; mtime=0 and no file name, so that the same archive writes the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, _gzip_stream(raw) as packed:
        yield packed


def _gzip_stream(raw: IO[bytes]) -> gzip.GzipFile:
    """A gzip stream into `raw`; mtime=0 and no file name, so that the same text packs to the same bytes."""
    # Level 6, not gzip's 9: a quarter less CPU for 0.35 % more bytes (measured on 1,000 speeches' exports).
    return gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0, filename="")
