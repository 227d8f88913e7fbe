"""The `podium-cite` MkDocs plugin: cite, share, embed, feeds, open data and quote check (issue 9).

Glue only; the work is in the core: `citation`, `feeds`, `opendata`, `akomantoso` and `quote`.

- `on_files` (after `podium` loaded the archive): measures each speech's press coverage against its
  statements, builds the quote-check index, and adds the /quote/ page and this plugin's assets.
- `on_page_content` (late, after `podium` rendered the speech): appends "Quoted in" and the data the
  statement menu needs (citation templates per speaker) to each speech page; fills the /quote/ page.
- `on_post_page`: puts citation metadata in each speech page's <head> (Highwire `citation_*` tags for
  Zotero and Google Scholar, Open Graph, Twitter card, schema.org JSON-LD) and the feeds' <link rel=alternate>.
- the data files: the feeds, each speech's JSON, Akoma Ntoso XML and embed page, the archive's JSONL
  (gzipped) and Popolo JSON with their schemas, and the quote-check index, straight into the site folder
  (they are data, not pages: MkDocs has nothing to render in them). They depend only on the archive, so a
  forked child process starts writing them at the end of `on_files` (MkDocs has cleaned the site folder by
  then) while MkDocs renders the pages on the other core; `on_post_build` waits for it and turns its failure
  into a PluginError. Where `fork` is unavailable (not Linux) `on_post_build` writes them itself. Not under
  `mkdocs serve`, unless `exports_when_serving: true`.

List it after `podium` in mkdocs.yml:

    plugins:
      - podium
      - podium-cite
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import multiprocessing
import sys
import traceback
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

import podium
from podium.cite import akomantoso
from podium.cite import citation
from podium.cite import feeds
from podium.cite import opendata
from podium.quote import index as quote
from podium.core.text import plain_text, shorten
from podium.core.problems import Problems, format_report
from podium.mkdocs.plugin import is_serving
from podium.render.pages import environment, long_date, speaker_view
from podium.mkdocs.assets import add_asset_files, use_assets

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium-cite.css", "podium-cite.js")
QUOTE_PAGE = "quote.md"
QUOTE_MARK = "<!-- podium:quote-check -->"


class CiteConfig(Config):
    feed_size = c.Type(int, default=feeds.LIMIT)
    """How many speeches each Atom feed carries, newest first. Example: `feed_size: 50`"""
    akn_country = c.Type(str, default="un")
    """FRBRcountry of the Akoma Ntoso files (an ISO 3166 code; `un` for international). Example: `akn_country: kz`"""
    quote_page = c.Type(bool, default=True)
    """Add the /quote/ page and its browser index. Example: `quote_page: false`"""
    exports_when_serving = c.Type(bool, default=False)
    """Also write the data files (feeds, speech.json, akn.xml, embed pages, data/) under `mkdocs serve`.
    Off by default: they are rewritten on every reload, and the preview's pages (metadata tags, the Cite
    menu, "Quoted in") do not need them; links to them 404 in the preview. Example: `exports_when_serving: true`"""


class CitePlugin(BasePlugin[CiteConfig]):
    def on_config(self, config):
        use_assets(config, ASSETS)
        site_url = config.site_url or ""
        self.base_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.site_name = config.site_name
        return config

    def on_files(self, files: Files, config) -> Files:
        """Runs after `podium`'s on_files (priority 50), which loaded the archive."""
        podium_plugin = config.plugins.get("podium")
        if podium_plugin is None or podium_plugin.archive is None:
            raise PluginError("podium-cite needs the `podium` plugin listed before it in mkdocs.yml")
        self.podium = podium_plugin
        archive = self.archive = podium_plugin.archive
        problems = Problems()
        self.coverage = {speech.id: quote.coverage(speech, problems) for speech in archive.speeches}
        if problems.errors:
            report = format_report(problems)
            if not podium_plugin.serving:
                raise PluginError(f"podium-cite: press coverage names unknown statements\n{report}")
            log.warning(report)
        self.index = quote.QuoteIndex.from_archive(archive) if self.config.quote_page else None
        if self.config.quote_page and QUOTE_PAGE not in files.src_uris:
            files.append(File.generated(config, QUOTE_PAGE, content=(
                "---\ntitle: Check a quotation\n---\n\n# Check a quotation\n\n" + QUOTE_MARK + "\n")))
        add_asset_files(files, config, ASSETS)
        self.feed_list = feeds.collect(archive.speeches, archive.registry, self.site_name, self.config.feed_size)
        self.feed_titles = {feed.path: feed.title for feed in self.feed_list}
        self._stop_exports()
        if is_serving(config) and not self.config.exports_when_serving:
            self.exports = "skip"
        elif FORK is not None:
            # on_files runs after MkDocs cleaned site_dir (mkdocs/commands/build.py), so nothing deletes the
            # child's files; site_dir is used as given (`podium build` builds into site.new/).
            sys.stdout.flush()
            sys.stderr.flush()
            receive, send = FORK.Pipe(duplex=False)
            child = FORK.Process(target=_export_in_child, args=(self, Path(config.site_dir), send),
                                 name="podium-cite exports", daemon=True)
            child.start()
            send.close()
            self.exports = (child, receive)
        return files

    @event_priority(-50)  # late: after `podium` replaced the speech page's content
    def on_page_content(self, content, page, config, files):
        speech = self.podium.pages.get(page.file.src_uri)
        if speech is not None:
            extra = self._speech_extras(speech, page)
            at = content.rfind("</article>")
            return content[:at] + extra + content[at:] if at != -1 else content + extra
        if QUOTE_MARK in content:
            return content.replace(QUOTE_MARK, environment().get_template("quote_page.html").render(
                root=_base(page), statements=len(self.index.entries) if self.index else 0))
        return content

    def _speech_extras(self, speech, page) -> str:
        """"Quoted in", and the citation templates the statement menu fills in (one set per speaker)."""
        registry = self.archive.registry
        templates = {}
        for ident in dict.fromkeys([*speech.meta.speaker_ids,
                                    *(s.speaker for s in speech.statements if s.speaker)]):
            first = next((s for s in speech.statements if s.speaker == ident), None)
            ref = citation.reference(speech, first, registry, self.site_name, "")
            templates[ident] = citation.templates(ref)
        data = {"speech": speech.id, "title": speech.meta.title, "date": long_date(speech.meta.date),
                "speakers": {i: speaker_view(i, speech.meta.date, registry)["name"] for i in templates},
                "styles": citation.LABELS, "templates": templates, "slots": list(citation.SLOTS),
                "embed": "embed/"}
        coverage = [dict(item, date_text=long_date(dt.date.fromisoformat(item["date"])) if item["date"] else None)
                    for item in self.coverage.get(speech.id, [])]
        return environment().get_template("speech_cite.html").render(
            coverage=coverage, data=_script_json(data))

    def on_post_page(self, output, page, config):
        base = _base(page)
        speech = self.podium.pages.get(page.file.src_uri)
        # Each page links the feeds that follow it: the home page the archive's, a speech page its speakers' and
        # its event's, a speaker's, topic's or event's page its own. Not every feed on every page: Material
        # fetches the sitemap.xml beside each <link rel="alternate"> (for its language switcher), and the one
        # beside feed.xml is the whole site's.
        links = [("application/atom+xml", f"{self.site_name}: all speeches", "feed.xml")] if page.is_homepage else []
        if speech is not None:
            registry = self.archive.registry
            for ident in speech.meta.speaker_ids:
                speaker = registry.speakers.get(ident)
                links.append(("application/atom+xml", f"Speeches by {speaker.name if speaker else ident}",
                              f"{base}speakers/{ident}/feed.xml"))
            if speech.meta.event:
                event = registry.events.get(speech.meta.event)
                links.append(("application/atom+xml", f"Speeches at {event.name if event else speech.meta.event}",
                              f"{base}events/{speech.meta.event}/feed.xml"))
            links.append(("application/json", "This speech as JSON (Popolo)", "speech.json"))
            links.append(("application/akn+xml", "This speech as Akoma Ntoso XML", "akn.xml"))
        elif page.url and f"{page.url}feed.xml" in self.feed_titles:  # a speaker's, topic's or event's page
            links.append(("application/atom+xml", self.feed_titles[f"{page.url}feed.xml"], "feed.xml"))
        head = "".join(f'<link rel="alternate" type="{kind}" title="{html.escape(title)}" href="{html.escape(href)}">'
                       for kind, title, href in links)
        if speech is not None:
            head += metadata(speech, self.archive.registry, self.site_name, self.base_url,
                             config.site_description)
        at = output.find("</head>")
        return output[:at] + head + output[at:] if at != -1 else output

    def on_post_build(self, config):
        exports, self.exports = getattr(self, "exports", None), None
        if exports == "skip":
            return
        if exports is None:
            self.export(Path(config.site_dir))
            return
        child, receive = exports
        try:
            message = receive.recv()
        except EOFError:
            message = None
        finally:
            receive.close()
            child.join()
        if message != "ok":
            raise PluginError(f"podium-cite: writing the data files failed: "
                              f"{message or f'the exporting process ended with code {child.exitcode}'}")

    def on_build_error(self, error):
        self._stop_exports()

    def on_shutdown(self):
        self._stop_exports()

    def _stop_exports(self) -> None:
        """End an exporting child that no on_post_build will wait for (the build failed): no zombie."""
        exports, self.exports = getattr(self, "exports", None), None
        if isinstance(exports, tuple):
            child, receive = exports
            receive.close()
            if child.is_alive():
                child.terminate()
            child.join()

    def export(self, site: Path) -> None:
        """Write the data files into the site folder. Reads only the archive and what on_files computed."""
        archive, registry = self.archive, self.archive.registry
        for feed in self.feed_list:
            _write(site / feed.path, feeds.render(feed, registry, self.site_name, self.base_url))
        env = environment()
        for speech in archive.speeches:
            folder = site / speech.url
            document = opendata.speech_document(speech, registry, self.base_url, self.site_name,
                                                self.coverage.get(speech.id))
            _write(folder / "speech.json", json.dumps(document, ensure_ascii=False))
            _write(folder / "akn.xml", akomantoso.debate(speech, registry, self.site_name, self.config.akn_country))
            _write(folder / "embed" / "index.html", env.get_template("embed.html").render(
                speech=speech, meta=speech.meta, site_name=self.site_name,
                statements=[{"id": s.id, "text": plain_text(s.text),
                             "speaker": speaker_view(s.speaker, speech.meta.date, registry)}
                            for s in speech.statements if s.type == "speech" and s.speaker]))
        data = site / "data"
        data.mkdir(parents=True, exist_ok=True)
        # Gzipped: the one file that holds the whole archive's text again (a site host's size limit counts it).
        # mtime=0 so that the same archive always writes the same bytes.
        with open(data / "statements.jsonl.gz", "wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as packed:
            for line in opendata.statements_jsonl(archive.speeches, registry, self.base_url, self.site_name):
                packed.write(line.encode("utf-8"))
        _write(data / "popolo.json",
               json.dumps(opendata.registry_document(registry, self.base_url), ensure_ascii=False))
        for name, schema in opendata.SCHEMAS.items():
            _write(data / "schemas" / name, json.dumps(schema, indent=1))
        if self.index is not None:
            speeches = {}
            for speech in archive.speeches:
                templates = {}
                for ident in dict.fromkeys(s.speaker for s in speech.statements if s.speaker):
                    first = next(s for s in speech.statements if s.speaker == ident)
                    templates[ident] = citation.templates(
                        citation.reference(speech, first, registry, self.site_name, ""))["chicago"]
                speeches[speech.id] = {"title": speech.meta.title, "date": long_date(speech.meta.date),
                                       "speakers": {i: speaker_view(i, speech.meta.date, registry)["name"]
                                                    for i in templates},
                                       "url": speech.url, "cite": templates}
            for name, value in quote.browser_files(self.index, speeches).items():
                _write(data / "quote" / name, json.dumps(value, ensure_ascii=False, separators=(",", ":")))


# Fork, not spawn: the child gets the loaded archive and the quote index without pickling them.
FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _export_in_child(plugin: CitePlugin, site: Path, send) -> None:
    """The forked child: write the data files, then tell the parent "ok" or what went wrong."""
    try:
        plugin.export(site)
        message = "ok"
    except BaseException as error:  # noqa: BLE001 - every failure goes to the parent, which reports it
        message = "".join(traceback.format_exception_only(type(error), error)).strip()
    send.send(message)
    send.close()


def metadata(speech, registry, site_name: str, base_url: str, site_description: str | None = None) -> str:
    """The speech page's <head> additions: Highwire, Open Graph, Twitter card and JSON-LD, all escaped."""
    meta = speech.meta
    event = registry.events.get(meta.event)
    page_url = f"{base_url}{speech.url}" if base_url else None
    description = meta.summary or shorten(plain_text(next(
        (s.text for s in speech.statements if s.type == "speech"), meta.title)), 200)
    speakers = [(ident, registry.speakers.get(ident)) for ident in meta.speaker_ids]
    tags: list[tuple[str, str, str]] = [("name", "citation_title", meta.title)]
    for ident, speaker in speakers:
        family, given = citation.split_name(speaker.name, speaker.sort_name) if speaker else (ident, "")
        tags.append(("name", "citation_author", f"{family}, {given}" if given else family))
    tags += [
        ("name", "citation_date", meta.date.strftime("%Y/%m/%d")),
        ("name", "citation_publication_date", meta.date.strftime("%Y/%m/%d")),
        ("name", "citation_publisher", site_name),
        ("name", "citation_language", meta.language),
    ]
    if event:
        tags.append(("name", "citation_conference_title", event.name))
    for ident in meta.topics:
        topic = registry.topics.get(ident)
        tags.append(("name", "citation_keywords", topic.label if topic else ident))
    if page_url:
        tags.append(("name", "citation_public_url", page_url))
    tags += [("name", "DC.title", meta.title), ("name", "DC.date", meta.date.isoformat()),
             ("name", "DC.publisher", site_name), ("name", "DC.language", meta.language),
             ("name", "DC.type", "Text")]
    for ident, speaker in speakers:
        tags.append(("name", "DC.creator", speaker.name if speaker else ident))
    tags += [("property", "og:type", "article"), ("property", "og:title", meta.title),
             ("property", "og:description", description), ("property", "og:site_name", site_name),
             ("property", "article:published_time", meta.date.isoformat())]
    if page_url:
        tags.append(("property", "og:url", page_url))
    tags += [("name", "twitter:card", "summary"), ("name", "twitter:title", meta.title),
             ("name", "twitter:description", description)]
    out = "".join(f'<meta {kind}="{name}" content="{html.escape(value, quote=True)}">' for kind, name, value in tags)
    return out + f'<script type="application/ld+json">{_script_json(json_ld(speech, registry, site_name, base_url, description))}</script>'


def json_ld(speech, registry, site_name: str, base_url: str, description: str) -> dict:
    """schema.org: the transcript as a CreativeWork by a Person, recorded at an Event."""
    meta = speech.meta
    authors = []
    for ident in meta.speaker_ids:
        speaker = registry.speakers.get(ident)
        person = {"@type": "Person", "name": speaker.name if speaker else ident,
                  "url": f"{base_url}speakers/{ident}/" if base_url else None}
        role = speaker.role_on(meta.date) if speaker else None
        if role:
            person["jobTitle"] = role.role
            if role.organization:
                person["affiliation"] = {"@type": "Organization", "name": role.organization}
        if speaker and speaker.links:
            person["sameAs"] = list(speaker.links.values())
        authors.append({k: v for k, v in person.items() if v is not None})
    document = {"@context": "https://schema.org", "@type": "CreativeWork", "genre": meta.kind.value,
                "name": meta.title, "headline": meta.title[:110], "description": description,
                "dateCreated": meta.date.isoformat(), "inLanguage": meta.language, "author": authors,
                "publisher": {"@type": "Organization", "name": site_name},
                "isAccessibleForFree": True}
    if base_url:
        document["url"] = f"{base_url}{speech.url}"
    event = registry.events.get(meta.event)
    if event or meta.event:
        recorded = {"@type": "Event", "name": event.name if event else meta.event}
        if event and event.start:
            recorded["startDate"] = event.start.isoformat()
        if event and event.end:
            recorded["endDate"] = event.end.isoformat()
        place = meta.location or (event.location if event else None)
        if place:
            recorded["location"] = {"@type": "Place", "name": place}
        document["recordedAt"] = recorded
    topics = [registry.topics.get(t).label if registry.topics.get(t) else t for t in meta.topics]
    if topics:
        document["keywords"] = topics
    return document


def _script_json(value) -> str:
    """JSON safe inside <script>: no `</script>`, no `<!--`, whatever the transcript says."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _base(page) -> str:
    depth = page.url.count("/") if page.url else 0
    return "../" * depth


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
