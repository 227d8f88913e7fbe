"""Whole builds: the reference archive with MkDocs (built once per run) and ProperDocs, and a build that must refuse
bad input."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from podium import features
from support.archive import REPO, ArchiveDir, copy_reference_archive

pytestmark = pytest.mark.slow  # every test here builds a site or reads the reference site (conftest.reference_site)

SPEECH = "speeches/aif-2025-tokayev-plenary/index.html"


class Elements(HTMLParser):
    """Every start tag with its attributes, in order: enough to assert on ids, classes and links."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def with_class(self, name: str) -> list[dict[str, str]]:
        return [a for _, a in self.tags if name in a.get("class", "").split()]

    def first_children(self, name: str) -> list[tuple[str, dict[str, str]]]:
        """The tag right after each start tag with class `name`: its first child, unless it is empty."""
        return [self.tags[i + 1] for i, (_, a) in enumerate(self.tags[:-1]) if name in a.get("class", "").split()]


def page(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def without_search_attributes(html: str) -> str:
    """The page as the header tests read it: Pagefind's data attributes are tested by the search tests."""
    return re.sub(r' data-pagefind-[a-z-]+(="[^"]*")?', "", html)


def test_speech_page_header(reference_site):
    html = without_search_attributes(page(reference_site, SPEECH))
    assert re.search(
        r'<h1 id="title"[^>]*>Statement at the plenary session of the Astana International Forum</h1>', html
    )
    assert (
        '<a class="podium-speaker" href="../../speakers/tokayev/">Kassym-Jomart Tokayev</a>'
        '<span class="podium-role">, President, Republic of Kazakhstan</span>'
    ) in html
    assert (
        '<dd><a class="podium-date" href="../../dates/2025/05-29/">'
        '<time datetime="2025-05-29">29 May 2025</time></a></dd>'
    ) in html
    assert (
        '<a class="podium-event" href="../../events/aif-2025/">Astana International Forum 2025</a>'
        ' · <span class="podium-session">Plenary session</span>'
    ) in html
    assert '<dd class="podium-location">Astana, Kazakhstan</dd>' in html
    assert '<dd class="podium-language">English</dd>' in html
    assert '<dd class="podium-kind">Statement, as delivered</dd>' in html
    assert '<span class="podium-source__author">Derya Soysal</span>' in html
    assert (
        '<span class="podium-source__publisher">Bruxelles Korner</span>, Astana, '
        '<time datetime="2025-05-29">29 May 2025</time>'
    ) in html
    assert '<a class="podium-chip" href="../../topics/un-reform/">United Nations reform</a>' in html
    assert "<title>Statement at the plenary session of the Astana International Forum" in html


def test_every_statement_has_its_id_and_permalink(reference_site):
    html = page(reference_site, SPEECH)
    archive = features.load(REPO)
    expected = [s.id for s in archive.speeches[0].statements]
    sections = Elements(html).with_class("podium-statement")
    assert [a["id"] for a in sections] == expected
    # The ¶ permalink is each statement's first child.
    permalinks = [(tag, a["href"]) for tag, a in Elements(html).first_children("podium-statement")]
    assert permalinks == [("a", f"#{ident}") for ident in expected]
    assert len(expected) == 68
    assert "multilateralism-is-faltering" in expected
    # The statement's words, exactly as in the transcript (the corrected spelling included).
    assert "Today, we continue our advocacy for non-proliferation of nuclear and biological weapons." in html
    assert "advócacy" not in html.split("podium-corrections")[0]
    assert "<del>advócacy</del> → <ins>advocacy</ins>" in html


def test_the_page_carries_the_edit_link_and_no_list_of_every_speech(reference_site):
    html = page(reference_site, SPEECH)
    assert (
        'href="https://github.com/podium-archive/podium/edit/main/speeches/2025/aif-2025-tokayev-plenary.md"'
    ) in html
    # The navigation holds hubs; a speech page is not listed in it.
    nav = html.split('class="md-nav__list"', 1)[1].split("</nav>", 1)[0]
    assert "aif-2025-tokayev-plenary" not in nav


def test_home_page_shows_the_latest_speeches_and_counts(reference_site):
    html = page(reference_site, "index.html")
    assert '<a class="podium-speech-list__title" href="speeches/aif-2025-tokayev-plenary/">' in html
    assert re.search(r"<li><strong>68</strong> statements</li>", html)
    hub = page(reference_site, "speeches/index.html")
    assert 'href="../speeches/aif-2025-tokayev-plenary/"' in hub


def test_properdocs_builds_the_reference_archive_page_for_page_as_mkdocs_does(reference_site, tmp_path):
    archive = ArchiveDir.at(copy_reference_archive(tmp_path))
    result = archive.build("properdocs", "--strict")
    assert result.returncode == 0, result.stderr
    theirs = {p.relative_to(reference_site): p for p in reference_site.rglob("*.html")}
    ours = {p.relative_to(archive.root / "site"): p for p in (archive.root / "site").rglob("*.html")}
    assert sorted(ours) == sorted(theirs)
    # Only the generator line names the tool (`mkdocs-1.6.1` or `mkdocs-ProperDocs 1.6.7`).
    generator = re.compile(r'<meta name="generator" content="[^"]*">')
    for relative in sorted(theirs):
        mine, reference = (generator.sub("", p.read_text(encoding="utf-8")) for p in (ours[relative], theirs[relative]))
        assert mine == reference, relative


def test_build_aborts_on_bad_input_with_every_problem(archive_dir: ArchiveDir):
    archive_dir.speech("good")
    archive_dir.speech("bad", "title: T\ndate: 2025-02-30\nspeaker: tokaev\n")
    for tool in ("mkdocs", "properdocs"):
        result = archive_dir.build(tool)  # not --strict: errors abort anyway
        assert result.returncode == 1
        assert (
            "speeches/2025/bad.md:3:7: error: `date`: impossible date 2025-02-30: February 2025 has 28 days\n"
            "  hint: write the date as YYYY-MM-DD, e.g. 2025-05-29\n"
            "speeches/2025/bad.md:4:10: error: unknown speaker `tokaev`\n"
        ) in result.stderr
        assert "Traceback" not in result.stderr
        assert not (archive_dir.root / "site" / "speeches" / "good" / "index.html").exists()


def test_a_multi_speaker_session_renders_turns_and_narrative(archive_dir: ArchiveDir):
    front = "title: Panel\ndate: 2025-05-29\nspeakers: [tokayev, kagame]\nevent: aif-2025\nlanguage: ru\n"
    archive_dir.speech(
        "panel", front, "@tokayev: Добро пожаловать.\n\n[Аплодисменты]\n\n@kagame: Thank you.\n\nIndeed.\n"
    )
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    html = archive_dir.html("speeches/panel/index.html")
    assert '<!doctype html>\n<html lang="ru" class="no-js">' in html[:100]
    assert html.count('class="podium-turn"') == 2
    assert re.search(r'<div class="podium-narrative" id="n-[0-9a-f]{6}"><p>\[Аплодисменты\]</p></div>', html)
    speakers = [a["data-speaker"] for a in Elements(html).with_class("podium-statement")]
    assert speakers == ["tokayev", "kagame", "kagame"]
