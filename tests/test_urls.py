"""The site's URL scheme (podium.core.urls) under both settings of MkDocs' `use_directory_urls`."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from click.testing import CliRunner
from mkdocs.structure.files import File

from podium import features
from podium.cite import feeds, metadata, opendata
from podium.cite.pages import speech_extras
from podium.cli.main import main
from podium.core.registry import Registry
from podium.core.urls import Urls, paged, relative, source
from podium.facets.pages import FacetSettings, FacetSite
from podium.render.pages import Links, render_home_summary, render_speech
from support.archive import REPO, ArchiveDir, copy_reference_archive
from support.language_sites import three_versions

DIRECTORY, FILES = Urls(), Urls(directory=False)


# ---- The scheme ----------------------------------------------------------------------------------------------


def test_sources_are_what_mkdocs_is_handed():
    assert [
        source(p) for p in ("", "speeches/", "speeches/aif-2025/", "dates/2025/page/3/", "speeches/x/compare/kk/")
    ] == ["index.md", "speeches/index.md", "speeches/aif-2025.md", "dates/2025/page/3.md", "speeches/x/compare/kk.md"]


def test_pagination_paths():
    assert paged("speakers/", 1) == "speakers/"
    assert paged("topics/water/statements/", 2) == "topics/water/statements/page/2/"


@pytest.mark.parametrize(
    ("call", "directory", "files"),
    [
        (lambda u: u.speeches(), "speeches/", "speeches/index.html"),
        (lambda u: u.speech("aif-2025"), "speeches/aif-2025/", "speeches/aif-2025.html"),
        (lambda u: u.speaker("tokayev"), "speakers/tokayev/", "speakers/tokayev.html"),
        (lambda u: u.topic("water"), "topics/water/", "topics/water.html"),
        (lambda u: u.event("aif-2025"), "events/aif-2025/", "events/aif-2025.html"),
        (lambda u: u.year(2025), "dates/2025/", "dates/2025.html"),
        (lambda u: u.hub("speakers"), "speakers/", "speakers/index.html"),
        (lambda u: u.hub("speakers", 2), "speakers/page/2/", "speakers/page/2.html"),
        (lambda u: u.term("dates", "2025", 3), "dates/2025/page/3/", "dates/2025/page/3.html"),
        (lambda u: u.statements("topics", "water"), "topics/water/statements/", "topics/water/statements.html"),
        (
            lambda u: u.statements("topics", "water", 2),
            "topics/water/statements/page/2/",
            "topics/water/statements/page/2.html",
        ),
        (lambda u: u.compare("aif-2025", "KK"), "speeches/aif-2025/compare/kk/", "speeches/aif-2025/compare/kk.html"),
        (lambda u: u.embed("aif-2025"), "embed/?speech=aif-2025", "embed/index.html?speech=aif-2025"),
        (lambda u: u.page(""), "", "index.html"),
        # Data files are files: the same address under both settings.
        (
            lambda u: u.speech_file("aif-2025", "speech.json"),
            "speeches/aif-2025/speech.json",
            "speeches/aif-2025/speech.json",
        ),
        (lambda u: u.feed("speakers", "tokayev"), "speakers/tokayev/feed.xml", "speakers/tokayev/feed.xml"),
        (lambda u: u.feed(), "feed.xml", "feed.xml"),
        (lambda u: u.data("popolo.json"), "data/popolo.json", "data/popolo.json"),
    ],
)
def test_both_settings(call, directory, files):
    assert (call(DIRECTORY), call(FILES)) == (directory, files)


@pytest.mark.parametrize("directory", [True, False])
def test_a_page_is_published_where_mkdocs_publishes_its_source(directory):
    """MkDocs' own answer: `a/b.md` -> `a/b/` or `a/b.html`; `a/index.md` -> `a/` or `a/index.html`."""
    for path in (
        "",
        "speeches/",
        "speeches/x/",
        "speakers/page/2/",
        "topics/w/statements/page/4/",
        "speeches/x/compare/kk/",
    ):
        published = File(source(path), "docs", "site", use_directory_urls=directory).url
        assert Urls(directory).page(path) == ("" if published == "./" else published)  # the home page's Page.url: ''


def test_links_prefix_the_way_back_to_the_root():
    assert Links("../../").speech("a", "s-1") == "../../speeches/a/#s-1"
    assert Links("../", FILES).speech("a", "s-1") == "../speeches/a.html#s-1"
    assert Links("", FILES).page(paged("speakers/", 2)) == "speakers/page/2.html"
    assert Links() == Links("", DIRECTORY)  # the default: MkDocs' own default, directory URLs


@pytest.mark.parametrize(
    ("target", "page", "link"),
    [
        ("speeches/x/speech.json", "speeches/x/", "speech.json"),
        ("speeches/x/speech.json", "speeches/x.html", "x/speech.json"),
        ("speakers/t/feed.xml", "speeches/x/", "../../speakers/t/feed.xml"),
        ("speakers/t/feed.xml", "speeches/x.html", "../speakers/t/feed.xml"),
        ("speeches/x/embed/", "speeches/x/", "embed/"),
        ("speeches/x/embed/index.html", "speeches/x.html", "x/embed/index.html"),
        ("speeches/x/", "speeches/x/embed/", "../"),
        ("speeches/x.html", "speeches/x/embed/index.html", "../../x.html"),
        ("feed.xml", "", "feed.xml"),
        ("feed.xml", "index.html", "feed.xml"),
        ("", "speeches/x/", "../../"),
    ],
)
def test_relative_links_from_a_page_to_a_file_or_page(target, page, link):
    assert relative(target, page) == link
    assert urljoin("https://site.test/" + page, link) == "https://site.test/" + target  # what a browser does


# ---- Every link of the generated pages lands on a page, under both settings -----------------------------------


@pytest.fixture(scope="module")
def reference():
    return features.load(REPO)


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def _pages(archive, urls: Urls) -> dict[str, str]:
    """{address: HTML} of the speech pages, the home summary and every facet page, rendered for `urls`."""
    site = FacetSite(archive, FacetSettings(page_size=1, index_page_size=1))  # page 2s, 3s...: pagination too
    rendered = {}
    for spec in site.pages():
        address = urls.page(spec.url)
        rendered[address] = site.render(spec, Links("../" * address.count("/"), urls))
    for speech in archive.speeches:
        address = urls.speech(speech.id)
        rendered[address] = render_speech(speech, archive.registry, Links("../" * address.count("/"), urls))
    rendered[urls.page("")] = render_home_summary(archive.speeches, archive.registry, Links("", urls), 10)
    rendered.setdefault(urls.speeches(), "")
    return rendered


@pytest.mark.parametrize("urls", [DIRECTORY, FILES], ids=["directory-urls", "file-urls"])
def test_every_generated_link_lands_on_a_generated_page(reference, urls):
    pages = _pages(reference, urls)
    followed, broken = 0, []
    for address, html in pages.items():
        for href in _hrefs(html):
            if href.startswith(("#", "http:", "https:", "mailto:")):
                continue
            target = urlsplit(urljoin("https://site.test/" + address, href)).path.removeprefix("/")
            followed += 1
            if target not in pages:
                broken.append(f"{address}: {href} -> {target}")
    assert broken == []
    assert followed > 50
    # Not vacuous: the file-URL pages really link to .html pages, the directory ones to folders.
    sample = pages[urls.speaker("tokayev")]
    assert ('href="../speeches/aif-2025-tokayev-plenary.html"' in sample) == (urls is FILES)
    assert ('href="../../speeches/aif-2025-tokayev-plenary/"' in sample) == (urls is DIRECTORY)


def test_feeds_and_open_data_link_to_pages_under_the_setting(reference):
    registry = reference.registry
    feed = next(
        f for f in feeds.collect(reference.speeches, registry, "Archive") if f.path == Urls.feed("speakers", "tokayev")
    )
    atom = feeds.render(feed, registry, "Archive", "https://x.org/", FILES)
    assert '<link rel="alternate" type="text/html" href="https://x.org/speakers/tokayev.html" />' in atom
    assert 'href="https://x.org/speeches/aif-2025-tokayev-plenary.html"' in atom
    # The Atom id never depends on the setting (an entry's id must not change).
    assert "<id>https://x.org/speeches/aif-2025-tokayev-plenary/</id>" in atom
    speech = reference.speech("aif-2025-tokayev-plenary")
    document = opendata.speech_document(speech, registry, "https://x.org/", "Archive", urls=FILES)
    assert document["url"] == "https://x.org/speeches/aif-2025-tokayev-plenary.html"
    line = next(opendata.statements_jsonl([speech], registry, "https://x.org/", "Archive", FILES))
    assert json.loads(line)["url"].startswith("https://x.org/speeches/aif-2025-tokayev-plenary.html#")
    people = opendata.registry_document(registry, "https://x.org/", FILES)["persons"]
    assert {p["url"] for p in people} >= {"https://x.org/speakers/tokayev.html"}


@pytest.mark.parametrize("urls", [DIRECTORY, FILES], ids=["directory-urls", "file-urls"])
def test_a_speech_pages_head_and_cite_menu_link_files_beside_it(reference, urls):
    speech, registry = reference.speech("aif-2025-tokayev-plenary"), reference.registry
    page = urls.speech(speech.id)
    hrefs = [href for _, _, href in metadata.alternates(speech, registry, "Archive", page, urls=urls)]
    targets = [urlsplit(urljoin("https://site.test/" + page, href)).path for href in hrefs]
    assert targets == [
        "/speakers/tokayev/feed.xml",
        "/events/aif-2025/feed.xml",
        "/speeches/aif-2025-tokayev-plenary/speech.json.gz",
        "/speeches/aif-2025-tokayev-plenary/akn.xml.gz",
    ]
    assert hrefs[2] == ("speech.json.gz" if urls is DIRECTORY else "aif-2025-tokayev-plenary/speech.json.gz")
    head = metadata.speech_metadata(speech, registry, "Archive", "https://x.org/", urls=urls)
    assert f'<meta property="og:url" content="https://x.org/{page}">' in head
    assert f'"url": "https://x.org/{urls.speaker("tokayev")}"' in head
    embed = re.search(r'"embed": "([^"]*)"', speech_extras(speech, registry, "Archive", [], urls))[1]
    assert urljoin("https://site.test/" + page, embed) == "https://site.test/" + urls.embed(speech.id)


def test_a_facet_page_links_its_own_feed_under_file_urls():
    links = metadata.alternates(
        None,
        Registry(),
        "Archive",
        FILES.speaker("tokayev"),
        feed=(Urls.feed("speakers", "tokayev"), "Tokayev"),
        urls=FILES,
    )
    assert links == [("application/atom+xml", "Tokayev", "tokayev/feed.xml")]


# ---- A whole build with use_directory_urls: false ---------------------------------------------------------


@pytest.mark.slow
def test_the_reference_archive_built_with_file_urls_has_no_broken_link(tmp_path):
    """Needs the MkDocs plugins to hand `config.use_directory_urls` to `Links` (podium.mkdocs)."""
    root = copy_reference_archive(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    result = ArchiveDir.at(root).build("mkdocs", "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "speeches" / "aif-2025-tokayev-plenary.html").is_file()
    assert (site / "speakers" / "tokayev.html").is_file()
    checked = CliRunner().invoke(main, ["linkcheck", str(site)])
    assert checked.exit_code == 0, checked.stderr + checked.stdout
    assert checked.stdout.startswith("checked ")
    # The one embed page (written by podium-cite, not MkDocs) links back to each statement's .html page, the
    # address speech.json.gz gives it (the speech's url + #statement); no speech has an embed page of its own.
    assert (site / "embed" / "index.html").is_file()
    assert not (site / "speeches" / "aif-2025-tokayev-plenary" / "embed").exists()
    document = json.loads(
        gzip.decompress((site / "speeches" / "aif-2025-tokayev-plenary" / "speech.json.gz").read_bytes())
    )
    assert document["url"] == "speeches/aif-2025-tokayev-plenary.html" and "url" not in document["statements"][0]
    # The schemas docs/data.md links to are files MkDocs knows, so it writes the link for this setting.
    assert '<a href="data/schemas/speech.schema.json">' in (site / "data.html").read_text(encoding="utf-8")
    assert _unresolved_feed_links(site) == []


def _unresolved_feed_links(site: Path) -> list[str]:
    """The relative links of every Atom feed that name no file of the site (linkcheck reads HTML only)."""
    feeds_found, missing = list(site.rglob("feed.xml")), []
    assert len(feeds_found) > 3
    for feed in feeds_found:
        for href in re.findall(r'href="([^"]*)"', feed.read_text(encoding="utf-8")):
            if not (feed.parent / urlsplit(href).path).resolve().is_file():
                missing.append(f"{feed.relative_to(site)}: {href}")
    return missing


@pytest.mark.slow
def test_translations_and_their_side_by_side_pages_with_file_urls(tmp_path):
    archive = three_versions(tmp_path, site_url=False)
    config = archive.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = archive.build("mkdocs")
    assert result.returncode == 0, result.stderr
    site = archive.root / "site"
    compare = site / "speeches" / "aif-2025-plenary" / "compare" / "kk.html"
    assert compare.is_file()
    original = archive.html("speeches/aif-2025-plenary.html")
    assert '<a href="../speeches/aif-2025-plenary/compare/kk.html">Қазақша</a>' in original
    assert (
        '<link rel="alternate" hreflang="ru" href="../speeches/aif-2025-plenary-ru.html" data-podium-alternate>'
        in original
    )
    assert '<html lang="ru" class="no-js">' in archive.html("speeches/aif-2025-plenary-ru.html")
    # This archive publishes no event pages (facets: speakers, dates), under either setting.
    checked = CliRunner().invoke(main, ["linkcheck", "--ignore", "events/*", str(site)])
    assert checked.exit_code == 0, checked.stderr + checked.stdout
