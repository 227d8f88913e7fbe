"""Facets (issue 4) on generated archives (podium.editors.generate): a few hundred speeches by dozens of speakers, at
dozens of events, on a two-level topic tree, with panels, statement-level topics and a few translations.

Every count printed on a facet page is checked against counts made here from the loaded archive, without
podium.facets.index; the pairs (speaker, topic) agree from both sides; every link resolves; and the pages stay the
same size when the archive grows fourfold.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from podium import features
from podium.editors.generate import generate
from support.archive import ArchiveDir
from support.pages import broken_links, chips, counts

pytestmark = pytest.mark.slow

PAGE_SIZE, INDEX_PAGE_SIZE = 10, 25
SMALL, LARGE = 80, 320


def build(root: Path, speeches: int) -> Path:
    generate(
        root,
        speeches=speeches,
        seed=4,
        plugins=["podium", {"podium-facets": {"page_size": PAGE_SIZE, "index_page_size": INDEX_PAGE_SIZE}}],
    )
    site = ArchiveDir.at(root)
    result = site.build()
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Path]:
    return {n: build(tmp_path_factory.mktemp(f"generated-{n}"), n) for n in (SMALL, LARGE)}


class Expected:
    """What every facet page should say, counted the plain way from the archive."""

    def __init__(self, root: Path):
        archive = features.load(root)
        assert archive.ok
        registry = archive.registry
        # A translation is a version of its original, not another speech.
        self.speeches = [s for s in archive.speeches if s.meta.translation_of is None]
        self.translations = len(archive.speeches) - len(self.speeches)

        def with_parents(table, idents):
            found = set()
            for ident in idents:
                while ident and ident not in found:
                    found.add(ident)
                    ident = table.entries[ident].parent
            return found

        self.terms: dict[str, dict[str, set[str]]] = {f: {} for f in ("speakers", "topics", "events", "dates")}
        self.statements: Counter[str] = Counter()
        self.of: dict[str, dict[str, set[str]]] = {}
        for speech in self.speeches:
            tagged = [t for st in speech.statements for t in st.topics]
            self.statements.update(tagged)
            of = {
                "speakers": set(speech.meta.speaker_ids),
                "topics": with_parents(registry.topics, set(speech.meta.topics) | set(tagged)),
                "events": with_parents(registry.events, {speech.meta.event} if speech.meta.event else set()),
                "dates": {str(speech.meta.date.year)},
            }
            self.of[speech.id] = of
            for facet, idents in of.items():
                for ident in idents:
                    self.terms[facet].setdefault(ident, set()).add(speech.id)

    def pair(self, facet: str, ident: str, other: str, other_ident: str) -> int:
        return sum(1 for s in self.terms[facet][ident] if other_ident in self.of[s][other])


@pytest.fixture(scope="module")
def expected(sites) -> dict[int, Expected]:
    return {n: Expected(site.parent) for n, site in sites.items()}


def pages_of(site: Path, facet: str, ident: str) -> list[str]:
    first = site / facet / ident / "index.html"
    more = sorted((site / facet / ident / "page").glob("*/index.html"), key=lambda p: int(p.parent.name))
    return [p.read_text(encoding="utf-8") for p in [first, *more]]


def listed_speeches(html: str) -> list[str]:
    section = html.split('class="podium-facet__section podium-facet__speeches"', 1)[1]
    return re.findall(r'<li><a href="[./]*speeches/([^/]+)/"', section)


def hub_counts(site: Path, facet: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for page in [site / facet / "index.html", *(site / facet / "page").glob("*/index.html")]:
        html = page.read_text(encoding="utf-8")
        if facet == "speakers":
            rows = re.findall(rf'href="[./]*{facet}/([^/]+)/">[^<]*</a></th>.*?data-count="(\d+)"', html, re.S)
        else:
            rows = re.findall(
                rf'class="podium-facet-item__name" href="[./]*{facet}/([^/]+)/">[^<]*</a>\s*'
                r'<span class="podium-badge" data-count="(\d+)"',
                html,
            )
        found.update({ident: int(n) for ident, n in rows})
    return found


@pytest.mark.parametrize("facet", ["speakers", "topics", "events", "dates"])
def test_every_term_page_lists_exactly_its_speeches_and_says_how_many(sites, expected, facet):
    site, want = sites[LARGE], expected[LARGE]
    assert want.translations, "the generator should have made a translation, to check it counts once"
    assert len(want.terms[facet]) >= (5 if facet == "dates" else 10)
    for ident, speeches in want.terms[facet].items():
        pages = pages_of(site, facet, ident)
        assert counts(pages[0])["speeches"] == len(speeches), (facet, ident)
        listed = [s for html in pages for s in listed_speeches(html)]
        assert sorted(listed) == sorted(speeches), (facet, ident)  # each once, across the pages
        assert len(pages) == max(1, -(-len(speeches) // PAGE_SIZE))
        assert all(len(listed_speeches(html)) <= PAGE_SIZE for html in pages)


@pytest.mark.parametrize("facet", ["speakers", "topics", "events", "dates"])
def test_the_hub_counts_agree_with_the_term_pages(sites, expected, facet):
    site, want = sites[LARGE], expected[LARGE]
    hub = hub_counts(site, facet)
    every = {ident: len(s) for ident, s in want.terms[facet].items()}
    if facet == "speakers":
        assert hub == every  # everyone who spoke, nobody else
    else:
        assert {i: n for i, n in hub.items() if n} == every  # the whole vocabulary, with zeros
    if facet == "dates":
        assert sum(hub.values()) == len(want.speeches)


def test_topic_statement_counts_agree(sites, expected):
    site, want = sites[LARGE], expected[LARGE]
    assert sum(want.statements.values()) > 20
    for ident, n in want.statements.items():
        assert counts(pages_of(site, "topics", ident)[0])["statements"] == n
        statement_pages = [
            site / "topics" / ident / "statements" / "index.html",
            *(site / "topics" / ident / "statements" / "page").glob("*/index.html"),
        ]
        links = [
            link
            for page in statement_pages
            for link in re.findall(r'<blockquote><a href="[./]*speeches/([^"]+)">', page.read_text(encoding="utf-8"))
        ]
        assert len(links) == n and all("#" in link for link in links)


def test_speaker_and_topic_pages_agree_on_each_pair(sites, expected):
    site, want = sites[LARGE], expected[LARGE]
    checked = 0
    for speaker in want.terms["speakers"]:
        for topic, n in chips(pages_of(site, "speakers", speaker)[0], "topics").items():
            assert n == want.pair("speakers", speaker, "topics", topic), (speaker, topic)
            other = chips(pages_of(site, "topics", topic)[0], "speakers")
            if speaker in other:
                assert other[speaker] == n
                checked += 1
    assert checked > 50
    for event in want.terms["events"]:
        for speaker, n in chips(pages_of(site, "events", event)[0], "speakers").items():
            assert n == want.pair("events", event, "speakers", speaker)


def test_a_speakers_turns_in_panels_link_to_their_statements(sites, expected):
    site, want = sites[LARGE], expected[LARGE]
    panels = [s for s in want.speeches if len(s.meta.speaker_ids) > 1]
    assert panels
    speech = panels[0]
    speaker = speech.meta.speaker_ids[1]
    html = pages_of(site, "speakers", speaker)[0]
    # The newest panel of the archive is this speaker's newest: the first of the turns listed.
    first_turn = next(st for st in speech.statements if st.speaker == speaker and st.turn_start)
    section = html.split('<h2 id="turns">', 1)[1].split("</section>", 1)[0]
    assert re.search(rf'href="[./]*speeches/{speech.id}/#{first_turn.id}">turn 1</a>', section)
    assert section.index(speech.id) < min(
        (section.index(p.id) for p in panels[1:] if p.id in section), default=len(section)
    )


def test_no_link_on_any_facet_page_is_broken(sites):
    site = sites[SMALL]
    pages = [
        str(p.relative_to(site))
        for facet in ("speakers", "topics", "events", "dates")
        for p in (site / facet).rglob("index.html")
    ]
    assert len(pages) > 100
    for page in pages:
        assert broken_links(site, page) == [], page


def sizes(site: Path) -> dict[str, list[int]]:
    """Bytes of every facet page, by kind: each facet's hub pages and its term pages."""
    found: dict[str, list[int]] = {}
    for facet in ("speakers", "topics", "events", "dates"):
        for page in (site / facet).rglob("index.html"):
            parts = page.relative_to(site / facet).parts
            kind = "hub" if len(parts) == 1 or parts[0] == "page" else "statements" if "statements" in parts else "term"
            found.setdefault(f"{facet} {kind}", []).append(page.stat().st_size)
    return found


def test_page_sizes_stay_flat_when_the_archive_grows_fourfold(sites):
    small, large = sizes(sites[SMALL]), sizes(sites[LARGE])
    report = []
    for kind in sorted(large):
        if kind not in small:
            continue
        ratio = max(large[kind]) / max(small[kind])
        report.append(f"{kind}: largest {max(small[kind])} -> {max(large[kind])} bytes ({ratio:.2f}x)")
        assert ratio < 1.3, "\n".join(report)
    # ...while the archive itself did grow: more pages, not bigger ones.
    assert sum(len(v) for v in large.values()) > 2 * sum(len(v) for v in small.values())
    print("\n".join(report))
