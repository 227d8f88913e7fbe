"""Quote check: the seed article's paraphrases, generated quotations with known edits, and speed at scale."""

from __future__ import annotations

import random
import time

import pytest

from podium import features
from podium.core.text import plain_text
from podium.quote import index as quote
from support.archive import REPO, copy_reference_archive
from support.processes import run_podium


@pytest.fixture(scope="module")
def reference():
    archive = features.load(REPO)
    return archive, quote.QuoteIndex.from_archive(archive)


def test_foundering_is_faltering_with_the_changed_word_marked(reference):
    _, index = reference
    best = index.search("Multilateralism is foundering")[0]
    assert (best.speech, best.statement) == ("aif-2025-tokayev-plenary", "multilateralism-is-faltering")
    assert [(p.op, p.said, p.quoted) for p in best.pieces] == [
        ("same", ("Multilateralism", "is"), ("Multilateralism", "is")),
        ("changed", ("faltering",), ("foundering",)),
    ]
    assert best.fidelity == pytest.approx(2 / 3)
    assert best.marked() == "Multilateralism is [-faltering-]{+foundering+}"
    assert best.summary() == "1 word changed"


def test_the_article_puts_kazakhstan_where_the_president_said_our(reference):
    _, index = reference
    best = index.search(
        "Kazakhstan's foreign policy is based on the belief that dialogue is more powerful than division"
    )[0]
    assert best.statement == "dialogue-over-division"
    assert [p for p in best.pieces if p.op != "same"] == [quote.Piece("changed", ("Our",), ("Kazakhstan's",))]
    assert best.fidelity == pytest.approx(28 / 30)


def test_the_it_hub_quotation_is_not_what_was_said(reference):
    """The article's "We aim to become the IT and innovation hub of Central Asia" blends two statements, neither
    near verbatim: "...to become an academic and innovation hub..." and "...our desire to become IT hub in Eurasia"."""
    archive, index = reference
    first, second = index.search("We aim to become the IT and innovation hub of Central Asia")[:2]
    said = [archive.speech(r.speech).statement(r.statement).text for r in (first, second)]
    assert "The goal is to become an academic and innovation hub" in said[0]
    assert "reflecting our desire to become IT hub in Eurasia." in said[1]
    assert first.fidelity < 0.6 and second.fidelity < 0.6
    assert ("and", "innovation", "hub") in [p.said for p in first.pieces if p.op == "same"]
    assert [p.said for p in second.pieces if p.op == "same"] == [("to", "become"), ("IT",), ("hub",)]


def test_curly_and_straight_apostrophes_and_case_do_not_count(reference):
    _, index = reference
    best = index.search("KAZAKHSTAN APPROACHES TODAY'S TURBULENT WORLD")[0]
    assert best.statement == "dialogue-over-division"
    assert best.verbatim and best.fidelity == 1.0


def test_an_ellipsis_excuses_the_words_it_leaves_out(reference):
    _, index = reference
    best = index.search("we continue our advocacy ... of nuclear and biological weapons")[0]
    assert best.statement == "nuclear-legacy"
    assert [p.op for p in best.pieces] == ["same", "elided", "same"]
    assert best.fidelity == 1.0


def _statements(archive):
    return [
        (s.id, st.id, plain_text(st.text))
        for s in archive.speeches
        for st in s.statements
        if st.type == "speech" and len(plain_text(st.text).split()) >= 12
    ]


@pytest.mark.parametrize("seed", range(12))
def test_generated_quotations_with_known_edits(reference, seed):
    """Take 8-12 words of a statement, change one, add one and drop one: quote check finds the statement
    and reports exactly those edits."""
    archive, index = reference
    rng = random.Random(seed)
    speech_id, statement_id, text = rng.choice(_statements(archive))
    words = quote.WORD.findall(text)
    start = rng.randrange(0, len(words) - 10)
    excerpt = words[start : start + 10]
    edited = list(excerpt)
    edited[2] = "zorblat"  # changed
    edited.insert(6, "truly")  # added (between two kept words)
    del edited[8]  # dropped: excerpt[7]
    best = index.search(" ".join(edited))[0]
    assert (best.speech, best.statement) == (speech_id, statement_id)
    edits = [(p.op, p.said, p.quoted) for p in best.pieces if p.op != "same"]
    assert ("changed", (excerpt[2],), ("zorblat",)) in edits
    assert ("added", (), ("truly",)) in edits or any(op == "changed" and "truly" in q for op, _, q in edits)
    assert any(excerpt[7] in said for op, said, _ in edits if op in ("dropped", "changed"))
    assert 0.6 < best.fidelity < 0.95


@pytest.mark.parametrize("seed", range(6))
def test_verbatim_excerpts_score_one(reference, seed):
    archive, index = reference
    rng = random.Random(100 + seed)
    speech_id, statement_id, text = rng.choice(_statements(archive))
    words = text.split()
    start = rng.randrange(0, len(words) - 8)
    best = index.search(" ".join(words[start : start + 8]))[0]
    assert (best.statement, best.fidelity, best.verbatim) == (statement_id, 1.0, True)


@pytest.mark.slow
def test_fast_on_ten_thousand_speeches():
    """10,000 speeches of 6 statements (60,000 statements, Zipf-distributed words): a quotation with a
    changed word is found among them in well under a second."""
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(20_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    words = rng.choices(vocabulary, weights, k=10_000 * 6 * 30)
    index = quote.QuoteIndex()
    for number in range(10_000 * 6):
        index.add(f"speech-{number // 6}", f"s-{number % 6}", " ".join(words[number * 30 : (number + 1) * 30]))
    target = index.entries[43_210]
    said = target.text.split()[4:16]
    quoted = said[:5] + ["changed"] + said[6:]
    started = time.perf_counter()
    best = index.search(" ".join(quoted))[0]
    elapsed = time.perf_counter() - started
    assert (best.speech, best.statement) == (target.speech, target.statement)
    assert [p.op for p in best.pieces].count("changed") == 1
    assert elapsed < 1.0, f"quote check took {elapsed:.2f}s"


def test_coverage_is_measured_and_unknown_statements_reported(archive_dir):
    archive_dir.speech(
        "a",
        front="""\
        title: Opening address
        date: 2025-05-29
        speaker: tokayev
        coverage:
          - outlet: Daily Planet
            quote: The first statement
          - outlet: Daily Bugle
            quote: Second statement
            statement: s-nope
        """,
        body="The first statement of all.\n\nSecond statement.\n",
    )
    archive = features.load(archive_dir.root)
    results = quote.coverage(archive.speech("a"))
    assert results[0]["fidelity"] == 1.0 and results[0]["differences"] == "The first statement"
    assert [p.format() for p in archive.problems.sorted()] == [
        "speeches/2025/a.md:10:16: error: coverage names statement `s-nope`, which is not in this speech\n"
        "  hint: use the id shown by the statement's ¶ permalink, or leave `statement` out"
    ]


def test_podium_check_reports_coverage_of_an_unknown_statement(archive_dir):
    archive_dir.speech(
        "a",
        front="""\
        title: Opening address
        date: 2025-05-29
        speaker: tokayev
        coverage:
          - outlet: Daily Bugle
            quote: First statement
            statement: faltring
        """,
        body="First statement. {#faltering}\n",
    )
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "speeches/2025/a.md:8:16: error: coverage names statement `faltring`, which is not in this speech\n"
        "  hint: did you mean `faltering`?"
    )


def test_podium_quote_prints_the_differences_and_a_citation(tmp_path):
    copy_reference_archive(tmp_path)
    result = run_podium("quote", "--limit", "1", "Multilateralism is foundering", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == " 67%  aif-2025-tokayev-plenary#multilateralism-is-faltering  (1 word changed)"
    assert "      quoted: Multilateralism is [-faltering-]{+foundering+}" in lines
    assert any(
        line.startswith("      cite:   Tokayev, Kassym-Jomart. “Statement at the plenary session") for line in lines
    )


def test_podium_quote_json(tmp_path):
    import json

    copy_reference_archive(tmp_path)
    result = run_podium("quote", "--json", "--style", "mla", "Multilateralism is foundering", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout)[0]
    assert first["statement_id"] == "multilateralism-is-faltering"
    assert first["pieces"][1] == ["changed", ["faltering"], ["foundering"]]
    assert first["citation"].startswith("Tokayev, Kassym-Jomart. “Statement at the plenary session")
