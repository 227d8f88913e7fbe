"""Names: shown and cited from `name` as written; `sort_name` only sorts (and tells which words are the family's)."""

from __future__ import annotations

import datetime as dt

import pytest

from podium import features
from podium.cite import citation
from podium.cite.metadata import speech_metadata
from podium.cite.pages import speech_extras
from podium.facets.index import SpeakersFacet
from podium.render.pages import Links, render_speech
from support.archive import SPEAKERS, ArchiveDir
from support.processes import run_podium

KING = """\
king:
  name: Martin Luther King Jr.
  sort_name: King, Martin Luther, Jr.
  country: United States
leyen:
  name: Ursula von der Leyen
  sort_name: von der Leyen, Ursula
xi:
  name: Xi Jinping
  sort_name: Xi, Jinping
"""
FRONT = """\
title: I Have a Dream
date: 2025-05-29
speaker: king
location: Washington, D.C.
"""
BODY = "I have a dream that one day this nation will rise up and live out the true meaning of its creed.\n"
ACCESSED = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    "name, sort_name, parts, cited",
    [
        ("Martin Luther King Jr.", "King, Martin Luther, Jr.", ("King", "Martin Luther"), "King, Martin Luther, Jr."),
        ("Martin Luther King Jr.", "King Jr., Martin Luther", ("King", "Martin Luther"), "King, Martin Luther, Jr."),
        ("Martin Luther King, Jr.", None, ("King", "Martin Luther"), "King, Martin Luther, Jr."),
        ("Martin Luther King Jr.", None, ("King", "Martin Luther"), "King, Martin Luther, Jr."),
        ("Robert Smith III", "Smith, Robert, III", ("Smith", "Robert"), "Smith, Robert, III"),
        ("Ursula von der Leyen", "von der Leyen, Ursula", ("von der Leyen", "Ursula"), "von der Leyen, Ursula"),
        ("Xi Jinping", "Xi, Jinping", ("Xi", "Jinping"), "Xi, Jinping"),
        # The name as written wins over a sort name in another script: the citation reads as the page does.
        ("Қасым-Жомарт Тоқаев", "Tokayev, Kassym-Jomart", ("Тоқаев", "Қасым-Жомарт"), "Тоқаев, Қасым-Жомарт"),
        ("Madonna", None, ("Madonna", ""), "Madonna"),
        ("Jr. Walker", None, ("Walker", "Jr."), "Walker, Jr."),  # a first name, not a suffix
    ],
)
def test_family_and_given_come_from_the_name_as_written(name, sort_name, parts, cited):
    assert citation.split_name(name, sort_name) == parts
    assert citation.inverted(name, sort_name) == cited


@pytest.fixture
def archive(archive_dir: ArchiveDir):
    archive_dir.write("speeches/speakers.yml", SPEAKERS + KING)
    archive_dir.speech("dream", FRONT, BODY)
    loaded = features.load(archive_dir.root)
    assert loaded.problems.sorted() == []
    return loaded


def reference(archive) -> citation.Reference:
    speech = archive.speech("dream")
    return citation.reference(speech, speech.statements[0], archive.registry, "Archive", "https://x.org/")


def test_every_citation_style_puts_the_suffix_after_the_given_name(archive):
    ref = reference(archive)
    assert (ref.family, ref.given, ref.suffix, ref.name) == ("King", "Martin Luther", "Jr.", "Martin Luther King Jr.")
    statement = archive.speech("dream").statements[0].id
    url = f"https://x.org/speeches/dream/#{statement}"
    assert citation.cite(ref, "chicago", ACCESSED) == (
        "King, Martin Luther, Jr. “I Have a Dream.” Speech, Washington, D.C., May 29, 2025. Archive. "
        f"Accessed June 1, 2025. {url}."
    )
    assert citation.cite(ref, "apa", ACCESSED) == (
        "King, M. L., Jr. (2025, May 29). I Have a Dream [Speech transcript]. Washington, D.C. Archive. "
        f"Retrieved June 1, 2025, from {url}"
    )
    assert citation.cite(ref, "mla", ACCESSED).startswith("King, Martin Luther, Jr. “I Have a Dream.” ")
    bibtex = citation.cite(ref, "bibtex", ACCESSED)
    assert "  author = {King, Jr., Martin Luther},\n" in bibtex  # BibTeX's "Last, Jr, First"
    assert bibtex.startswith(f"@misc{{king2025-{statement},")


def test_the_page_head_and_the_cite_menu_name_the_speaker_as_written(archive):
    speech = archive.speech("dream")
    head = speech_metadata(speech, archive.registry, "Archive", "https://x.org/")
    assert '<meta name="citation_author" content="King, Martin Luther, Jr.">' in head
    assert '<meta name="DC.creator" content="Martin Luther King Jr.">' in head
    assert '"author": [{"@type": "Person", "name": "Martin Luther King Jr."' in head
    menu = speech_extras(speech, archive.registry, "Archive", [])
    assert '"king": "Martin Luther King Jr."' in menu
    assert "King, Martin Luther, Jr. “I Have a Dream.”" in menu
    assert "Martin Luther, Jr. King" not in menu


def test_the_byline_shows_the_name_and_the_a_to_z_list_sorts_by_sort_name(archive):
    html = render_speech(archive.speech("dream"), archive.registry, Links())
    assert (
        '<a class="podium-speaker" href="speakers/king/" data-pagefind-filter="speaker">Martin Luther King Jr.</a>'
        in html
    )
    terms = SpeakersFacet().terms(archive.registry)
    ordered = sorted(terms.values(), key=lambda term: term.sort_key)
    assert [term.label for term in ordered][:3] == ["Paul Kagame", "Martin Luther King Jr.", "Kassym-Jomart Tokayev"]


def test_podium_quote_names_the_speaker_as_written(archive_dir: ArchiveDir, archive):
    result = run_podium(
        "quote", "--limit", "1", "I have a dream that one day this nation will rise up", cwd=archive_dir.root
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "      Martin Luther King Jr., “I Have a Dream”, 2025-05-29" in lines
    assert any(line.startswith("      cite:   King, Martin Luther, Jr. “I Have a Dream.”") for line in lines)
