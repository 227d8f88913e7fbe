"""Search within speeches: what Pagefind indexes, what the search page needs to know, and running Pagefind.

Plain Python, no MkDocs. The MkDocs side (`podium.mkdocs.search`) only calls into this module.

How a transcript becomes searchable, at statement level:

- Pagefind indexes one record per *speech page*: the `data-pagefind-body` element of `speech.html` (the
  statements, not the header, navigation or footer). Speaker, event, topic, year, language and kind are
  `data-pagefind-filter` attributes on the page, the date is a `data-pagefind-sort` key. Other pages
  (home, hubs, this search page) carry no `data-pagefind-body` and so are left out.
- The first page of each speaker, topic and event opts in too, with `data-pagefind-body` on its heading and
  description only and a `facet` meta (speakers, topics, events) instead of filters (`facet_term.html`), so
  typing a name finds the page. Each of those pages carries one hidden filter, `page: facet` (`FACET_FILTER`,
  not shown): the search page asks for the pages without it (`{"page": {"none": ["facet"]}}`, the client's
  `speechFilter`) and finds the facet pages as the results of the same query without it, so the shown
  filters still count speeches only. The filter lists the few facet pages, not every speech: Pagefind
  downloads a filter's whole list before the first result (20 KB at 10,000 speeches when it listed them).
- Statements are not records of their own. Every statement is a `<section id="...">`, and Pagefind keeps,
  per page, the position of every element with an id (`anchors`) and of every hit (`locations`). The
  search page cuts each hit page at those anchors into one result per statement, with the statement's
  own excerpt and a link to its fragment. One record per statement (Pagefind's custom records) would make
  the index's page table, loaded before the first result, grow with the number of statements (about
  50 per speech) instead of speeches: several megabytes at 10,000 speeches. Hidden headings per
  statement (Pagefind's own sub-results) would add forty headings to every page's outline.
- Who said a statement in a panel or debate travels in the page's `turns` meta (`turns()` below), so a
  speaker filter narrows a debate to that speaker's statements.
- Pagefind builds one index per `<html lang>` and stems each language by its own rules. The search page
  runs one Pagefind instance per language, each with that language's stemmer, and merges their results.
  A query is sent to the languages written in its script (`languages()` finds each language's script from
  its transcripts), so the first English query loads no Russian or Kazakh index.
- Pagefind reads each page as the build wrote it (`fed_html`), in shards of a few hundred pages, one Pagefind
  process each (`StreamingIndex`, which talks to the binary page by page), and the shards' bundles are joined
  into one (`podium.search.merge`): Pagefind's memory grows with the words it holds. A build keeps each
  shard's bundle in its cache and indexes again only the shards whose pages changed (`podium.search.cached`).
  `index_site()` indexes a finished site in one pass without the cache (`python -m podium.search.index
  SITE`, for the bench), in shards of `shard_size` speeches (`ShardedStreamingIndex`, `podium.search.shards`).
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.text import language_name, script_json
from podium.render import i18n
from podium.search.cbor import IndexFormatError, cut_files
from podium.search.lead import FACET_FILTER, LeadSizes
from podium.search.shards import SHARD_SIZE, ShardedIndex

BUNDLE = "pagefind"  # the folder of the search bundle in the built site
# Inside the indexed statements but not their words: the ¶ (a statement's first child, without a class of its
# own: speech.html), statement topic chips (their topics are filters), the speaker's name above a turn (the
# speaker is a filter too), and a stage direction inside a statement ("[Applause]": nobody's words, and in every
# other paragraph of some transcripts).
EXCLUDE_SELECTORS = (".podium-statement > a:first-child", ".podium-chips", ".podium-turn", ".podium-direction")
FILTERS = ("speaker", "event", "topic", "year", "language", "kind")
FACET_MARKER = f'data-pagefind-filter="{FACET_FILTER[0]}">{FACET_FILTER[1]}<'
SCRIPT_SAMPLE = 4000  # letters read per language to find its script

# Unicode character names start with the script's name; these are the scripts JavaScript's \p{Script=...}
# knows under the same name (the search page tests a query against them).
_SCRIPTS = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "DEVANAGARI": "Devanagari",
    "CJK": "Han",
    "HIRAGANA": "Hiragana",
    "KATAKANA": "Katakana",
    "HANGUL": "Hangul",
    "THAI": "Thai",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
    "BENGALI": "Bengali",
    "TAMIL": "Tamil",
}


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why, for people."""


def script_of(text: str) -> str | None:
    """The script most of the letters in `text` are written in, as JavaScript names it.

    >>> script_of("Диалог сильнее разделения"), script_of("Dialogue is more powerful")
    ('Cyrillic', 'Latin')
    """
    counts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "").split(" ")[0]
            if name in _SCRIPTS:
                counts[_SCRIPTS[name]] += 1
    return counts.most_common(1)[0][0] if counts else None


@dataclass(frozen=True)
class Language:
    """One language of the archive: one Pagefind index, searched with that language's stemmer."""

    code: str  # as Pagefind names the index: the <html lang> tag, lowercased
    name: str
    script: str
    speeches: int

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name, "script": self.script, "speeches": self.speeches}


def languages(speeches: list[Speech], default: str = "en") -> list[Language]:
    """The archive's languages, most speeches first, each with the script its transcripts are written in."""
    counts: Counter[str] = Counter()
    samples: dict[str, list[str]] = {}
    for speech in speeches:
        code = (speech.meta.language or default).lower()
        counts[code] += 1
        sample = samples.setdefault(code, [])
        if sum(map(len, sample)) < SCRIPT_SAMPLE:
            sample.extend(statement.text for statement in speech.statements[:5])
    return [
        Language(code, language_name(code), script_of(" ".join(samples[code])) or "Latin", count)
        for code, count in counts.most_common()
    ]


def client_config(speeches: list[Speech], site_language: str = "en") -> dict:
    """What the search box and page need before they load Pagefind: the languages, the filters' order, and the
    interface strings podium-search.js shows (`client_strings`)."""
    found = [language.as_json() for language in languages(speeches, site_language)]
    return {
        "bundle": f"{BUNDLE}/",
        "siteLanguage": site_language.lower(),
        "filters": list(FILTERS),
        "speechFilter": [FACET_FILTER[0], {"none": [FACET_FILTER[1]]}],
        "languages": found,
        "strings": client_strings(site_language, [language["name"] for language in found]),
    }


# The interface strings podium-search.js shows; English is the key and the fallback.
CLIENT_STRINGS = (
    "Speeches",
    "Speakers, topics and events",
    "Speaker",
    "Topic",
    "Event",
    "The one matching speech, with filters and sorting",
    "No speech matches. Search page",
    'Type words to search every transcript, or a "phrase in quotes".',
    "Search could not load. Try reloading the page.",
    "No speech matches for {query}.",
    "No speech matches.",
    " for {query}",
    " (showing {shown})",
    "All {n}",
    "No speech mentions “{query}”.",
    "Speeches by {name}: {n}.",
    "Speech",
    "Statement",
    "Address",
    "Remarks",
    "Lecture",
    "Panel",
    "Debate",
    "Interview",
    "Press conference",
    "Other",
)
# Sentences with a number: their forms for 1, 2 and 5 (English: one, other, other; Russian: one, few, many).
CLIENT_PLURALS = (
    "All {n} speeches with filters and sorting",
    "{n} speeches match",
    "{n} more matching statements in this speech",
    "{n} more speeches may match; they are checked as you show more.",
    "Checking {n} more speeches that may match…",
    "Up to {n} speeches, with filters and sorting",
)
# The file the pages load them from, once for the whole site (relative to the site's root).
CLIENT_SCRIPT = "assets/podium/podium-search-config.js"


def client_strings(site_language: str, names: list[str]) -> dict[str, str | dict[str, str]]:
    """The interface strings of podium-search.js in `site_language`, with the languages' `names`: only those
    that differ from their English key, and every plural sentence as its form for each CLDR category
    (`Intl.PluralRules` picks the category in the browser; a category not given takes `other`).

    >>> client_strings("en", ["English"])["{n} speeches match"]
    {'one': '{n} speech matches', 'other': '{n} speeches match'}
    >>> client_strings("ru", ["English"])["Speaker"]
    'Спикер'
    >>> sorted(client_strings("ru", [])["{n} speeches match"])
    ['few', 'many', 'one', 'other']
    """
    strings: dict[str, str | dict[str, str]] = {}
    for key in [*CLIENT_STRINGS, *names]:
        text = i18n.translate(key, language=site_language)
        if text != key:
            strings[key] = text
    for key in CLIENT_PLURALS:
        strings[key] = i18n.plural_forms(key, site_language)
    return strings


def client_script(config: dict) -> str:
    """The script every page loads before podium-search.js: `config` (`client_config`) as `window.podiumSearch`,
    one file for the whole site instead of the same JSON in each page. `</script>` cannot end it.

    >>> client_script({"bundle": "pagefind/", "strings": {"Speaker": "Спикер"}})
    'window.podiumSearch = {"bundle":"pagefind/","strings":{"Speaker":"Спикер"}};'
    """
    return f"window.podiumSearch = {script_json(config, compact=True)};"


def turns(speech: Speech, registry: Registry) -> list[list[str]]:
    """`[[statement id, speaker name], ...]` at each change of speaker; empty for a single speaker.

    A statement belongs to the last turn before it. The names are the same as the `speaker` filter's values.
    """
    if len(speech.meta.speaker_ids) < 2:
        return []
    result: list[list[str]] = []
    current = None
    for statement in speech.statements:
        who = statement.speaker or statement.voice  # a crowd's voice (`@[Audience]:`) is a turn too, no speaker's
        if statement.type != "speech" or not who or who == current:
            continue
        current = who
        person = registry.speakers.get(current) if statement.speaker else None
        result.append([statement.id, person.name if person else current])
    return result


def page_extras(speech: Speech, registry: Registry) -> str:
    """Hidden elements that give Pagefind what the speech template does not show once per page.

    - `turns` meta for a panel or debate (see `turns()`).
    - A `topic` filter for each topic tagged on single statements but not on the whole speech: the
      statement chips are not filters themselves, since Pagefind would count a page once per chip.
    """
    parts = []
    data = turns(speech, registry)
    if data:
        parts.append(
            f'<div hidden data-pagefind-meta="turns[data-turns]" '
            f'data-turns="{escape(json.dumps(data, ensure_ascii=False), quote=True)}"></div>'
        )
    seen = set(speech.meta.topics)
    for statement in speech.statements:
        for ident in statement.topics:
            if ident in seen:
                continue
            seen.add(ident)
            topic = registry.topics.get(ident)
            parts.append(f'<span hidden data-pagefind-filter="topic">{escape(topic.label if topic else ident)}</span>')
    return "\n".join(parts)


# The elements Pagefind ends a sentence at (its SENTENCE_SELECTORS): it adds a full stop to one whose text ends in
# a letter, digit, quote mark, ")", "$" or "*".
_BLOCK_END = re.compile(r"</(?:p|li|td|div|section|ul|article|h[1-6])>")


def fed_html(html: str) -> str:
    """A page as Pagefind reads it.

    - Pagefind splits words at whitespace and hyphens only, so "fear itself—nameless" would be one word,
      "itselfnameless": a hair space after each dash keeps the words apart (the search page joins them again).
    - Pagefind ends every block element's text with a full stop unless it ends with punctuation, so a statement
      "Thank you" would read "Thank you." in a search excerpt, a character the transcript does not have. A hair
      space before each block's end tag makes its text end in white space, where Pagefind adds nothing; it then
      folds that space into the one it puts between blocks, so the excerpt has neither.

    >>> fed_html("<p>itself—nameless</p>")
    '<p>itself—\u200anameless\u200a</p>'
    """
    html = html.replace("—", "—\u200a").replace("–", "–\u200a")
    return _BLOCK_END.sub("\u200a\\g<0>", html)


def indexed_document(content: str, language: str) -> str:
    """What Pagefind reads for a speech page: its content in a page of the transcript's language.

    The same text, filters and anchors as the published page, without the theme's header, navigation and
    footer, which Pagefind would parse only to skip them (`data-pagefind-body` is in `content`); its dashes
    as `fed_html` gives them.
    """
    content = fed_html(content)
    return (
        f'<!doctype html><html lang="{escape(language.lower())}"><head><meta charset="utf-8"></head>'
        f"<body>{content}</body></html>"
    )


@dataclass
class IndexReport:
    """What one Pagefind run did: pages indexed per language, how long it took, its peak memory."""

    pages: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    bundle: Path | None = None
    peak_memory_mb: float | None = None  # of one Pagefind process (the largest shard's)
    cpu_seconds: float | None = None
    shards: int = 1  # Pagefind processes, their bundles joined into one (`podium.search.shards`)
    merge_seconds: float = 0.0

    def summary(self) -> str:
        langs = ", ".join(f"{code} {count}" for code, count in sorted(self.languages.items()))
        memory = f", peak memory {self.peak_memory_mb:.0f} MB" if self.peak_memory_mb else ""
        cpu = f", {self.cpu_seconds:.1f} s of CPU" if self.cpu_seconds is not None else ""
        shards = f", {self.shards} shards joined in {self.merge_seconds:.1f} s" if self.shards > 1 else ""
        return f"indexed {self.pages} page(s) ({langs or 'none'}) in {self.seconds:.2f} s{memory}{cpu}{shards}"


def _wait_until_written(bundle: Path, seconds: float = 60, quiet: int = 3) -> None:
    """Wait until the bundle's entry file and the page tables it names are on disk, and then until no file of
    the bundle has changed for `quiet` looks in a row (0.1 s apart).

    The binary can answer WriteFiles while its files are still being written, and it exits at once when
    its input closes (seen on a busy machine: an empty pagefind-entry.json, a pagefind.js cut at 45,056 of
    45,555 bytes in a shard kept in the build cache, and so published). So its input stays open until the
    entry file and the page tables it names read whole, the bundle has stopped growing and every compressed
    file of it unzips whole; a bundle still cut short after `seconds` is an error, never published or kept.
    """
    deadline = time.monotonic() + seconds
    entry = bundle / "pagefind-entry.json"
    while time.monotonic() < deadline:
        try:
            languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
            if all((bundle / f"pagefind.{data['hash']}.pf_meta").stat().st_size > 0 for data in languages.values()):
                break
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    last, same = None, 0
    while time.monotonic() < deadline:
        try:
            files = sorted((str(path), path.stat().st_size) for path in bundle.rglob("*") if path.is_file())
        except OSError:  # a file came or went while it was read: not quiet yet
            files = None
        same = same + 1 if files is not None and files == last else 0
        last = files
        if same >= quiet and not cut_files(bundle):
            return
        time.sleep(0.1)
    cut = cut_files(bundle)
    if cut:
        names = ", ".join(str(path.relative_to(bundle)) for path in cut[:5])
        raise SearchIndexError(
            f"Pagefind left {len(cut)} file(s) of its index written in part after {seconds:.0f} s ({names}); "
            "hint: the disk may be full or the machine overloaded: build again"
        )


def read_languages(bundle: Path, report: IndexReport) -> IndexReport:
    entry = bundle / "pagefind-entry.json"
    if not entry.exists():
        raise SearchIndexError(f"Pagefind wrote no index to {bundle}")
    try:
        languages_found = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    except ValueError:
        raise SearchIndexError(f"Pagefind left an incomplete index in {bundle}") from None
    report.languages = {code: data.get("page_count", 0) for code, data in languages_found.items()}
    report.pages = sum(report.languages.values())  # pages with data-pagefind-body, not every HTML file
    report.bundle = bundle
    return report


def _own_peak_memory_mb(pid: int) -> float | None:
    """A running process's peak resident memory since it started its program (Linux's VmHWM), or None.

    Not `ru_maxrss`: a child forked from a 2 GB build reports the build's memory there, from before `exec`.
    """
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


class StreamingIndex:
    """Pagefind fed page by page while the site is being built, so indexing overlaps the build.

    Runs the binary from the `pagefind[extended]` wheel in its service mode (the protocol the `pagefind` Python
    API speaks: base64-encoded JSON messages, each followed by a comma). The Python API itself reads one
    response per tenth of a second, which is fine for one `add_directory` call but not for a message per
    page, so this class talks to the binary itself: one thread writes pages as MkDocs renders them, one
    reads the answers. The binary parses on its own cores meanwhile; `finish()` then only waits for the
    last pages and writes the bundle.

        index = StreamingIndex()
        index.add("<html lang='en'>...<div data-pagefind-body>...</div>...", "/speeches/a/")
        report = index.finish(Path("site/pagefind"))
    """

    def __init__(self, exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS) -> None:
        from pagefind.service import get_executable

        executable = get_executable()
        if executable is None:
            raise SearchIndexError("the Pagefind binary is missing; install `pagefind[extended]`")
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log
        )
        self.started = time.perf_counter()
        self.next_id = 0
        self.answers: dict[int, dict] = {}
        self.pending: set[int] = set()
        self.errors: list[str] = []
        self.done = threading.Condition()
        self.reader = threading.Thread(target=self._read, name="pagefind-reader", daemon=True)
        self.reader.start()
        answer = self._ask({"type": "NewIndex", "config": {"exclude_selectors": list(exclude_selectors)}})
        self.index_id = answer["index_id"]
        self.sent = 0

    def add(self, html: str, url: str) -> None:
        """Queue one page; Pagefind reads its `<html lang>`, `data-pagefind-*` and anchors."""
        self._send({"type": "AddFile", "index_id": self.index_id, "url": url, "file_path": None, "file_contents": html})
        self.sent += 1

    def finish(self, bundle: Path) -> IndexReport:
        """Wait for every page, write the bundle to `bundle` (replacing an old one), stop the binary."""
        try:
            with self.done:
                self.done.wait_for(lambda: not self.pending or self.process.poll() is not None)
            if self.errors:
                raise SearchIndexError("; ".join(self.errors[:3]))
            if bundle.exists():
                shutil.rmtree(bundle)
            self._ask({"type": "WriteFiles", "index_id": self.index_id, "output_path": str(bundle)})
            _wait_until_written(bundle)
            peak = _own_peak_memory_mb(self.process.pid)
        finally:
            usage = self.close()
        report = read_languages(bundle, IndexReport())
        report.seconds = time.perf_counter() - self.started
        if usage is not None:
            report.peak_memory_mb = peak or round(usage.ru_maxrss / 1024, 1)
            report.cpu_seconds = round(usage.ru_utime + usage.ru_stime, 2)
        return report

    def close(self):
        """Stop the binary (also after a failed build); its resource use (`os.wait4`), if known."""
        if self.process.stdin and not self.process.stdin.closed:
            try:
                self.process.stdin.close()
            except OSError:
                pass
        usage = None
        try:
            # wait4 gives this child's own resource use: the binary's peak memory and CPU time.
            _, _, usage = os.wait4(self.process.pid, 0)
            self.process.returncode = 0
        except ChildProcessError:  # already reaped
            pass
        self.reader.join(timeout=5)
        return usage

    def _send(self, payload: dict) -> int:
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        with self.done:
            self.pending.add(self.next_id)
        stdin = self.process.stdin
        assert stdin is not None  # opened with stdin=PIPE
        try:
            stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
            stdin.flush()
        except (BrokenPipeError, ValueError):
            raise SearchIndexError(f"Pagefind stopped: {self._log_tail()}") from None
        return self.next_id

    def _ask(self, payload: dict) -> dict:
        ident = self._send(payload)
        with self.done:
            self.done.wait_for(lambda: ident in self.answers or self.process.poll() is not None)
            answer = self.answers.pop(ident, None)
        if answer is None:
            raise SearchIndexError(f"Pagefind stopped: {self._log_tail()}")
        if answer.get("type") == "Error":
            raise SearchIndexError(f"Pagefind: {answer.get('message')}")
        return answer

    def _read(self) -> None:
        buffer = b""
        stream = self.process.stdout
        assert isinstance(stream, io.BufferedReader)  # stdout=PIPE with the default buffering
        while True:
            chunk = stream.read1(1 << 16)
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            with self.done:
                for raw in messages:
                    if not raw.strip():
                        continue
                    response = json.loads(base64.b64decode(raw))
                    ident, payload = response.get("message_id"), response.get("payload", {})
                    if payload.get("type") == "Error" and ident not in self.pending:
                        self.errors.append(str(payload.get("message")))
                        continue
                    self.pending.discard(ident)
                    if payload.get("type") == "IndexedFile":
                        continue  # one page done; nothing to keep
                    if payload.get("type") == "Error" and ident is not None:
                        self.errors.append(str(payload.get("message")))
                    self.answers[ident] = payload
                self.done.notify_all()
        with self.done:
            self.done.notify_all()

    def _log_tail(self) -> str:
        self.log.seek(0)
        return self.log.read()[-500:].decode("utf-8", "replace").strip() or "no message"


class ShardedStreamingIndex(ShardedIndex):
    """Pages fed to a new `StreamingIndex` every `shard_size` speeches, reported as one run.

    See `podium.search.shards` for why (Pagefind's memory grows with the words it holds) and how the
    bundles become one.

        index = ShardedStreamingIndex(shard_size=1000)
        index.add(html, "/speeches/a/", speech=True)
        report = index.finish(Path("site/pagefind"))
    """

    def __init__(
        self,
        shard_size: int = SHARD_SIZE,
        exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS,
        lead: LeadSizes | None = None,
    ) -> None:
        super().__init__(lambda: StreamingIndex(exclude_selectors), shard_size, lead)

    def finish(self, bundle: Path) -> IndexReport:  # type: ignore[override]
        try:
            run = super().finish(bundle)
        except IndexFormatError as error:
            raise SearchIndexError(f"joining the shards' indexes failed: {error}") from None
        report = read_languages(bundle, IndexReport())
        report.seconds = time.perf_counter() - self.started
        report.shards, report.merge_seconds = run.shards, run.merge_seconds
        peaks = [shard.peak_memory_mb for shard in run.reports if shard.peak_memory_mb]
        report.peak_memory_mb = max(peaks) if peaks else None
        cpu = [shard.cpu_seconds for shard in run.reports if shard.cpu_seconds is not None]
        report.cpu_seconds = round(sum(cpu), 2) if cpu else None
        return report


def page_url(site: Path, path: Path) -> str:
    """The address Pagefind gives a page of a built site: `speeches/a/index.html` is `/speeches/a/`."""
    relative = path.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def index_site(
    site_dir: Path | str,
    exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS,
    shard_size: int = SHARD_SIZE,
    lead: LeadSizes | None = None,
) -> IndexReport:
    """Run Pagefind over a built site and write the bundle to `<site>/pagefind/`.

    The pages that opt in (`data-pagefind-body`) go to Pagefind in shards of `shard_size` speeches, as
    during a build, and `lead` says which words get a lead when they are joined (podium.search.lead). Any
    old bundle is replaced, so a page that was deleted from the archive is not found any more.
    """
    site = Path(site_dir).resolve()
    if not site.is_dir():
        raise SearchIndexError(f"{site}: no built site to index")
    index = ShardedStreamingIndex(shard_size, exclude_selectors, lead)
    try:
        for path in sorted(site.rglob("*.html")):
            if BUNDLE in path.relative_to(site).parts[:1]:
                continue
            html = path.read_text(encoding="utf-8", errors="replace")
            if "data-pagefind-body" in html:
                index.add(fed_html(html), page_url(site, path), speech=FACET_MARKER not in html)
        return index.finish(site / BUNDLE)
    finally:
        index.close()


def main(argv: list[str] | None = None) -> int:
    """`python -m podium.search.index SITE_DIR`: index a built site, print a JSON report (for bench/search.py)."""
    import argparse
    import resource

    parser = argparse.ArgumentParser(prog="python -m podium.search.index", description=main.__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE, help="speeches per Pagefind process")
    args = parser.parse_args(argv)
    try:
        report = index_site(args.site, shard_size=args.shard_size)
    except SearchIndexError as error:
        print(f"error: {error}")
        return 1
    # The largest Pagefind process's own peak; this process's is the joining's.
    peak = report.peak_memory_mb or resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "pages": report.pages,
                "languages": report.languages,
                "seconds": round(report.seconds, 3),
                "peak_memory_mb": round(peak, 1),
                "shards": report.shards,
                "merge_seconds": round(report.merge_seconds, 2),
                "self_peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
