"""Cross-references between statements (issue 5): the syntax, resolution, broken references, backlinks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from podium import features
from podium.core.statements import automatic_id
from podium.render.pages import Links
from podium.xref import references
from podium.xref.crosslinks import CrossLinks, plain
from podium.xref.references import Target
from support.archive import copy_reference_archive
from support.processes import run_podium
from support.xref_sites import KAGAME_2024, KAGAME_BODY, TOKAYEV_2025, TOKAYEV_BODY, XREF_YML


@pytest.fixture
def pair(archive_dir):
    archive_dir.write("mkdocs.yml", XREF_YML)
    archive_dir.speech("kagame-2024", KAGAME_2024, KAGAME_BODY, folder="speeches/2024")
    archive_dir.speech("tokayev-2025", TOKAYEV_2025, TOKAYEV_BODY)
    return archive_dir


def load(root: Path):
    archive = features.load(root)
    return archive, references.resolve(archive)


# -- the syntax ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, expected",
    [
        ("aif-2025-tokayev-plenary#nuclear-legacy", Target("aif-2025-tokayev-plenary", "nuclear-legacy")),
        ("#nuclear-legacy", Target("here", "nuclear-legacy")),
        ("aif-2025-tokayev-plenary", Target("aif-2025-tokayev-plenary")),
        ("@tokayev", Target(speaker="tokayev")),
        ("not a target", None),
        ("#", None),
        ("@", None),
    ],
)
def test_target_syntax(written, expected):
    assert Target.parse(written, here="here") == expected


def test_inline_reference_keeps_the_statement_id():
    """Linking a speaker's own words must not move the statement's permalink."""
    assert automatic_id("As [[a#b|my colleague said]], neighbours must trade.") == automatic_id(
        "As my colleague said, neighbours must trade."
    )
    assert plain("As [[a#b|my colleague said]], we **trade**.") == "As my colleague said, we trade."


# -- resolution and backlinks -------------------------------------------------------------------------


def test_references_resolve_with_positions(pair):
    archive, index = load(pair.root)
    assert archive.ok, archive.problems.items
    found = [(r.source.id, r.statement.id, r.target.key, r.form, r.line, r.column, r.words) for r in index.references]
    line = pair.root.joinpath("speeches/2025/tokayev-2025.md").read_text().split("\n")
    see_line = next(i for i, text in enumerate(line, 1) if "see=kagame" in text)
    inline_line = next(i for i, text in enumerate(line, 1) if "[[" in text)
    assert found == [
        (
            "tokayev-2025",
            "regional-trade",
            "kagame-2024#trade-with-neighbours",
            "see",
            see_line,
            line[see_line - 1].index("kagame-2024#") + 1,
            None,
        ),
        ("tokayev-2025", "regional-trade", "@kagame", "see", see_line, line[see_line - 1].index("@kagame") + 1, None),
        (
            "tokayev-2025",
            automatic_id("As my colleague from Rwanda said, neighbours must trade."),
            "kagame-2024#trade-with-neighbours",
            "inline",
            inline_line,
            line[inline_line - 1].index("kagame-2024") + 1,
            "my colleague from Rwanda said",
        ),
        (
            "tokayev-2025",
            automatic_id("We will open our borders further."),
            "tokayev-2025#regional-trade",
            "see",
            inline_line + 2,
            line[inline_line + 1].index("#regional") + 1,
            None,
        ),
    ]


def test_backlinks_both_ways(pair):
    archive, index = load(pair.root)
    # Forward: what Tokayev's statement refers to.
    assert [r.target.key for r in index.from_statement["tokayev-2025", "regional-trade"]] == [
        "kagame-2024#trade-with-neighbours",
        "@kagame",
    ]
    # Backward: who refers to Kagame's statement (the see= and the inline reference).
    received = index.received("kagame-2024", "trade-with-neighbours")
    assert [(r.source.id, r.form) for r in received] == [("tokayev-2025", "see"), ("tokayev-2025", "inline")]
    # The speech is referenced from one other speech, twice; a reference within a speech is not "other".
    assert {k: len(v) for k, v in index.referring_speeches("kagame-2024").items()} == {"tokayev-2025": 2}
    assert index.referring_speeches("tokayev-2025") == {}
    assert [r.source.id for r in index.received("tokayev-2025", "regional-trade")] == ["tokayev-2025"]
    # A speaker receives references to them and to their statements.
    assert [r.target.key for r in references.received_by_speaker(index, "kagame")] == [
        "kagame-2024#trade-with-neighbours",
        "@kagame",
        "kagame-2024#trade-with-neighbours",
    ]
    assert [r.target.key for r in references.received_by_speaker(index, "tokayev")] == ["tokayev-2025#regional-trade"]


def test_speaker_block_for_speaker_pages(pair):
    archive, index = load(pair.root)
    html, keys = CrossLinks(archive, index).speaker_block("kagame", Links("../../"))
    assert "References received" in html
    assert 'href="../../speeches/tokayev-2025/#regional-trade"' in html
    assert 'href="../../speeches/kagame-2024/#trade-with-neighbours"' in html
    assert "kagame-2024#trade-with-neighbours" in keys
    assert "podium-xref__more" not in html


def test_a_speaker_page_lists_a_bounded_number_of_references(pair):
    archive, index = load(pair.root)
    html, _ = CrossLinks(archive, index).speaker_block("kagame", Links("../../"), limit=2)
    assert html.count("<li>") == 2
    assert "The 2 newest of 3 references." in " ".join(html.split())


# -- broken references: exact messages and positions, in `podium check` and in the build ---------------


BROKEN_BODY = """\
Regional trade matters. {#regional-trade see=kagame-2024#trade-with-neighbour}

We will go on. {see=kagame-2042#trade-with-neighbours}

As [[@kagme|my colleague]] said.

Nothing here. {see=#regional-trade,not/a/target}
"""


@pytest.mark.slow
def test_broken_references_are_reported_where_written(archive_dir):
    archive_dir.write("mkdocs.yml", XREF_YML)
    archive_dir.speech("kagame-2024", KAGAME_2024, KAGAME_BODY, folder="speeches/2024")
    archive_dir.speech("tokayev-2025", TOKAYEV_2025, BROKEN_BODY)
    # The body starts on line 8: three dashes, four front matter lines, three dashes, a blank line.
    path = "speeches/2025/tokayev-2025.md"
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{path}:8:46: error: unknown statement `trade-with-neighbour` in speech `kagame-2024`",
        "  hint: did you mean `trade-with-neighbours`?",
        f"{path}:10:21: error: unknown speech `kagame-2042`",
        "  hint: did you mean `kagame-2024` or `tokayev-2025`?",
        f"{path}:12:6: error: unknown speaker `kagme`",
        "  hint: did you mean `kagame`? Or add it to speeches/speakers.yml.",
        f"{path}:14:36: error: `not/a/target` is not a reference",
        "  hint: write speech#statement, #statement (same speech), speech, or @speaker, "
        "e.g. see=aif-2025-tokayev-plenary#nuclear-legacy",
        "4 errors, 0 warnings",
    ]
    build = archive_dir.build()
    assert build.returncode != 0
    assert f"{path}:8:46: error: unknown statement `trade-with-neighbour` in speech `kagame-2024`" in build.stderr
    assert not (archive_dir.root / "site" / "speeches" / "tokayev-2025" / "index.html").exists()


def test_a_statement_cannot_reference_itself(archive_dir):
    archive_dir.speech("solo", TOKAYEV_2025, "We act. {#act see=#act}\n")
    archive = features.load(archive_dir.root)
    assert [p.format() for p in archive.problems.items] == [
        "speeches/2025/solo.md:8:19: error: statement `act` references itself\n"
        "  hint: a reference points at another statement, speech or speaker"
    ]


def test_checking_one_file_does_not_report_references_into_others(pair):
    """`podium check one.md` loads only that transcript: its references into the others are not errors."""
    result = run_podium("check", "speeches/2025/tokayev-2025.md", cwd=pair.root)
    assert result.returncode == 0, result.stderr


# -- rendering ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_build_renders_links_backlinks_and_cards(pair):
    result = pair.build()
    assert result.returncode == 0, result.stderr
    tokayev = pair.html("speeches/tokayev-2025/index.html")
    kagame = pair.html("speeches/kagame-2024/index.html")
    # The see= reference: a relative link under the statement, with the target's words quoted.
    see = re.search(r'<p class="podium-xref__see">.*?</p>', tokayev, re.S).group(0)
    assert (
        'href="../../speeches/kagame-2024/#trade-with-neighbours" data-ref="kagame-2024#trade-with-neighbours"' in see
    )
    assert 'href="../../speakers/kagame/" data-ref="@kagame">Paul Kagame</a>' in see
    # The inline reference: the speaker's words, unchanged, are the link.
    assert (
        'As <a class="podium-ref" href="../../speeches/kagame-2024/#trade-with-neighbours" '
        'data-ref="kagame-2024#trade-with-neighbours">my colleague from Rwanda said</a>, neighbours must trade.'
        in tokayev
    )
    assert "[[" not in tokayev
    # The same-speech reference is a fragment link: no page load.
    assert 'href="#regional-trade" data-ref="tokayev-2025#regional-trade"' in tokayev
    # Backlinks on Kagame's statement, collapsed, and the speech-level list.
    statement = re.search(
        r'<section class="podium-statement" id="trade-with-neighbours".*?</section>', kagame, re.S
    ).group(0)
    assert '<details class="podium-xref__backlinks">' in statement
    assert "<summary>Referenced in 2 statements</summary>" in statement
    assert statement.count('href="../../speeches/tokayev-2025/#') == 2
    assert "Kassym-Jomart Tokayev, 29 May 2025" in statement
    assert "<summary>Referenced from 1 other speech</summary>" in kagame
    assert "Opening address</a>\n      · Kassym-Jomart Tokayev, 29 May 2025 (2 references)" in kagame
    # The cards the page needs, as inert JSON.
    cards = json.loads(re.search(r'<script type="application/json" id="podium-cards">(.*?)</script>', tokayev).group(1))
    assert cards["kagame-2024#trade-with-neighbours"] == {
        "kind": "statement",
        "title": "Address on regional integration",
        "date": "10 May 2024",
        "event": "Astana International Forum 2025",
        "speaker": "Paul Kagame",
        "role": "President, Republic of Rwanda",
        "text": "Africa and Central Asia share the same task: to trade more with our neighbours.",
    }
    assert cards["@kagame"]["kind"] == "speaker"
    assert 'src="../../assets/podium/podium-xref.js"' in tokayev


@pytest.mark.slow
def test_card_text_is_escaped(archive_dir):
    archive_dir.write("mkdocs.yml", XREF_YML)
    archive_dir.speech("a", TOKAYEV_2025, "We said 2 < 3 & 4 > 1, `</script>`. {#x}\n\nSee. {see=#x}\n")
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    html = archive_dir.html("speeches/a/index.html")
    script = re.search(r'<script type="application/json" id="podium-cards">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and "&" not in script
    assert json.loads(script)["a#x"]["text"] == "We said 2 < 3 & 4 > 1, </script>."


def test_reference_archive_carries_a_real_cross_link(tmp_path):
    root = copy_reference_archive(tmp_path)
    archive = features.load(root)
    assert archive.ok
    index = references.resolve(archive)
    keys = {(r.statement.id, r.target.key) for r in index.references}
    assert ("s-6c0fab", "aif-2025-tokayev-plenary#security-council-expansion") in keys
    assert ("s-e09cf4", "aif-2025-tokayev-plenary#multilateralism-is-faltering") in keys
    # The editor's reference left the speaker's words as they were.
    speech = archive.speech("aif-2025-tokayev-plenary")
    assert speech.statement("s-6c0fab").text == (
        "Structural reform of the Security Council is essential to ensure "
        "that the UN remains relevant and truly reflects the world as it "
        "is, not as it was."
    )


@pytest.mark.slow
def test_properdocs_builds_cross_links(pair):
    result = pair.build("properdocs")
    assert result.returncode == 0, result.stderr
    assert "<summary>Referenced in 2 statements</summary>" in pair.html("speeches/kagame-2024/index.html")


@pytest.mark.slow
def test_speaker_mark_on_any_page(pair):
    """A speaker page (issue 4) asks for the references a speaker received with one HTML comment."""
    pair.write("docs/kagame.md", "# Paul Kagame\n\n<!-- podium:speaker-references kagame -->\n")
    result = pair.build()
    assert result.returncode == 0, result.stderr
    html = pair.html("kagame/index.html")
    assert '<h2 id="references-received">References received</h2>' in html
    assert 'href="../speeches/tokayev-2025/#regional-trade"' in html
    assert 'id="podium-cards"' in html
