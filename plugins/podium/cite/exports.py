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

The JSON Schemas that check them (data/schemas/, `schema_files`) do not depend on the archive: the site
builder publishes them as its own files, so a page can link to them as to any file of the site (MkDocs
checks such links and writes them for either `use_directory_urls`). Plain Python, no MkDocs.
"""

from __future__ import annotations

import gc
import gzip
import json
import multiprocessing
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from podium.cite import akomantoso, citation, feeds, opendata
from podium.core.archive import Archive
from podium.core.urls import DIRECTORY_URLS, EMBED, Urls
from podium.quote import index as quote
from podium.render.pages import environment, long_date, speaker_view

QUOTE_META = "meta.json"

# Fork, not spawn: the child gets the loaded archive and the quote index without pickling them.
FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


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

    def write(self, site: Path) -> None:
        """Write every data file into the folder `site`."""
        archive, registry, urls = self.archive, self.archive.registry, self.urls
        for feed in self.feeds:
            _write(site / feed.path, feeds.render(feed, registry, self.site_name, self.base_url, urls))
        data = site / "data"
        # The one file that holds the whole archive's text again, so gzipped (a site host's limit counts it).
        # Written in the same pass as each speech's files: a statement's record is made once for both.
        with _gzip_writer(data / "statements.jsonl.gz") as bulk:
            for speech in archive.speeches:
                records = list(opendata.statement_records(speech, registry, self.base_url, self.site_name, urls=urls))
                bulk.write(opendata.statement_lines(records).encode("utf-8"))
                document = opendata.speech_document(
                    speech, registry, self.base_url, self.site_name, self.coverage.get(speech.id), urls, records
                )
                _write_gzip(site / urls.speech_file(speech.id, opendata.FILE), [_json(document)])
                _write_gzip(
                    site / urls.speech_file(speech.id, akomantoso.FILE),
                    [akomantoso.debate(speech, registry, self.site_name, self.akn_country)],
                )
        _write(site / EMBED / "index.html", environment().get_template("embed.html").render(site_name=self.site_name))
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
                "date": long_date(speech.meta.date),
                "speakers": {i: speaker_view(i, speech.meta.date, registry)["name"] for i in templates},
                "url": self.urls.speech(speech.id),
                "cite": templates,
            }
        return speeches


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
        """None once the files are written, else what went wrong (an exception's one-line summary)."""
        try:
            message = self._receive.recv()
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
        exports.write(site)
        message = "ok"
    except BaseException as error:  # noqa: BLE001 - every failure goes to the parent, which reports it
        message = "".join(traceback.format_exception_only(type(error), error)).strip()
    send.send(message)
    send.close()


def _json(value: object) -> str:
    """Compact JSON (no spaces after `,` and `:`): data for scripts, read with any JSON parser."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_gzip(path: Path, texts) -> None:
    """Write the texts, one after the other, gzipped."""
    with _gzip_writer(path) as packed:
        for text in texts:
            packed.write(text.encode("utf-8"))


@contextmanager
def _gzip_writer(path: Path) -> Iterator[gzip.GzipFile]:
    """A gzip stream into `path`; mtime=0 and no file name, so that the same archive writes the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Level 6, not gzip's 9: a quarter less CPU for 0.35 % more bytes (measured on 1,000 speeches' exports).
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0, filename="") as packed,
    ):
        yield packed
