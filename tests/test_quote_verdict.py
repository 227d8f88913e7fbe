"""The quote check's verdict, calibrated: real misquotes are found, sentences in no transcript are not.

The calibration set is kept here. Misquotes are the shapes a press quotation takes (a word swapped, words
left out, an ellipsis, a paraphrase-ish rewording) of real sentences of the reference transcript and of a
generated corpus; the unrelated sentences are invented or well-known lines from elsewhere, in no transcript.
docs/data.md ("How sure is a verdict") reports the figures these give.
"""

from __future__ import annotations

import json
import random

import pytest

from podium import features
from podium.core.text import plain_text
from podium.editors.generate import generate
from podium.quote import index as quote
from support.archive import REPO, copy_reference_archive
from support.processes import run_podium

SPEECH = "aif-2025-tokayev-plenary"

# (quotation as a newspaper might print it, the statement it comes from, the expected verdict)
MISQUOTES = [
    ("Multilateralism is foundering", "multilateralism-is-faltering", "differences"),
    (
        "Kazakhstan's foreign policy is based on the belief that dialogue is more powerful than division",
        "dialogue-over-division",
        "differences",
    ),
    ("Multilateralism is faltering", "multilateralism-is-faltering", "verbatim"),
    ("the protectionism is rising and multilateralism is faltering", "multilateralism-is-faltering", "differences"),
    ("We relinquished our nuclear arsenal in the name of peace", "nuclear-legacy", "differences"),
    ("Kazakhstan lives with the legacy of 450 nuclear tests", "nuclear-legacy", "differences"),
    ("we continue our advocacy ... of nuclear and biological weapons", "nuclear-legacy", "verbatim"),
    ("There should be no room for nationalist hubris", "s-aa3d35", "differences"),
    ("no room for nationalistic hubris and ignorance of cultural traditions", "s-aa3d35", "differences"),
    ("We have enacted a limit of a single seven-year term for the president", "single-seven-year-term", "differences"),
    ("a single, seven-year term ... will make my country politically safer", "single-seven-year-term", "verbatim"),
    ("Kazakhstan is launching the most powerful supercomputer", "supercomputer", "verbatim"),
    ("Kazakhstan is building the most powerful supercomputer", "supercomputer", "differences"),
    ("Kazakhstan supports expanding the United Nations Security Council", "security-council-expansion", "differences"),
    (
        "Kazakhstan supports the expansion of the UN Security Council, including broader representation",
        "security-council-expansion",
        "differences",
    ),
    ("the core structures of the UN remain unchanged", "s-cd2a8d", "differences"),
    ("What matters now is how we respond. The choice lies with us", "s-d025b0", "differences"),
    ("Central Asia is warming twice as fast as the global average", "s-1661cf", "differences"),
    ("our economy grew by 5.1 percent in 2024", "s-af9eaa", "differences"),
    (
        "Critical decisions affecting billions of lives cannot be made by a handful of nations",
        "s-e7e606",
        "differences",
    ),
    ("a president is a state manager hired by his people for a certain term", "s-5f415a", "differences"),
    ("the road will be mastered by the walking one", "s-a579ca", "verbatim"),
]

# Sentences in no transcript: invented ones, and well-known lines from elsewhere.
UNRELATED = [
    "We will build a wall on Mars",
    "Our country will double its exports of grain by next year",
    "Peace is the only way forward for the region",
    "Kazakhstan will never give up its sovereignty",
    "The world must unite against climate change now",
    "Every child in the country deserves a free laptop",
    "We will send the first astronaut of Central Asia to the Moon",
    "Ask not what your country can do for you, ask what you can do for your country",
    "I have a dream that my four little children will one day live in a nation where they will not be judged",
    "The only thing we have to fear is fear itself",
    "That's one small step for man, one giant leap for mankind",
    "Government of the people, by the people, for the people, shall not perish from the earth",
    "We shall fight on the beaches, we shall fight on the landing grounds",
    "Mr. Gorbachev, tear down this wall",
    "Blood, toil, tears and sweat",
    "The buck stops here",
    "Read my lips: no new taxes",
    "It is what it is",
]


@pytest.fixture(scope="module")
def reference():
    archive = features.load(REPO)
    return archive, quote.QuoteIndex.from_archive(archive)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("generated")
    generate(root, 30, seed=5)
    archive = features.load(root)
    return archive, quote.QuoteIndex.from_archive(archive)


def _generated_misquotes(archive, index, count: int, seed: int) -> list[tuple[str, str, str]]:
    """Misquotes of 7-14 words of generated statements: one word swapped, two left out, or an ellipsis.

    The generated vocabulary is small: a run of its commonest words ("quost lost lost ski") is in many
    statements, so an excerpt must keep two words that are in fewer than 2% of them, as real quotations do."""
    rng = random.Random(seed)
    statements = [
        (st.id, quote.WORD.findall(plain_text(st.text)))
        for speech in archive.speeches
        for st in speech.statements
        if st.type == "speech" and len(quote.WORD.findall(plain_text(st.text))) >= 16
    ]
    cases = []
    for number in range(count):
        while True:
            statement, words = rng.choice(statements)
            start = rng.randrange(0, len(words) - 14)
            excerpt = words[start : start + rng.randint(7, 14)]
            k = rng.randrange(1, len(excerpt) - 2)
            kept = quote.content_words(quote.tokens(" ".join(excerpt[:k] + excerpt[k + 2 :])))
            if sum(len(index.postings[w]) < 0.02 * len(index.entries) for w in kept) >= 2:
                break
        shape = number % 3
        if shape == 0:
            edited = [*excerpt[:k], "reportedly", *excerpt[k + 1 :]]
        elif shape == 1:
            edited = [*excerpt[:k], *excerpt[k + 2 :]]
        else:
            edited = [*excerpt[:k], "...", *excerpt[k + 2 :]]
        cases.append((" ".join(edited), statement, "verbatim" if shape == 2 else "differences"))
    return cases


def test_every_misquote_of_the_reference_speech_is_found_at_its_statement(reference):
    _, index = reference
    wrong = []
    for quotation, statement, expected in MISQUOTES:
        best = index.search(quotation, 1)[0]
        if (best.statement, best.verdict) != (statement, expected):
            wrong.append((quotation, best.statement, best.verdict, round(best.fidelity, 2)))
    assert wrong == []


def test_every_generated_misquote_is_found_at_its_statement(generated):
    archive, index = generated
    cases = _generated_misquotes(archive, index, 60, seed=11)
    wrong = []
    for quotation, statement, expected in cases:
        best = index.search(quotation, 1)[0]
        # An ellipsis next to a repeated word ("a b b b c" quoted "a b ... c") may be aligned a word off, so
        # that the words left out show as dropped: still found, with differences.
        verdicts = {"verbatim", "differences"} if expected == "verbatim" else {expected}
        if best.statement != statement or best.verdict not in verdicts:
            wrong.append((quotation, best.statement, best.verdict, round(best.fidelity, 2)))
    assert wrong == []


@pytest.mark.parametrize("corpus", ["reference", "generated"])
def test_no_unrelated_sentence_is_found(corpus, request):
    _, index = request.getfixturevalue(corpus)
    found = [(q, m.statement, round(m.fidelity, 2)) for q in UNRELATED for m in index.search(q, 3) if m.found]
    assert found == []


def test_the_thresholds_leave_a_margin_on_both_sides(reference, generated):
    """The calibration figures of docs/data.md: the lowest misquote and the highest unrelated fidelity."""
    _, index = reference
    misquotes = [index.search(q, 1)[0].fidelity for q, _, _ in MISQUOTES]
    unrelated = [m.fidelity for q in UNRELATED for m in index.search(q, 1)]
    archive, other = generated
    misquotes += [other.search(q, 1)[0].fidelity for q, _, _ in _generated_misquotes(archive, other, 60, seed=11)]
    assert min(misquotes) >= quote.FOUND + 0.05
    assert max(unrelated) <= quote.FOUND - 0.2


def test_a_quotation_inside_quotation_marks_in_the_statement_is_labelled(reference):
    _, index = reference
    inner = index.search("the road will be mastered by the walking one", 1)[0]
    outer = index.search("we will not deviate from this strategic path", 1)[0]
    assert inner.statement == outer.statement == "s-a579ca"
    assert (inner.in_quotation, outer.in_quotation) == (True, False)
    assert index.search("The unity in diversity", 1)[0].in_quotation


def test_podium_quote_says_not_found_with_exit_status_1_and_no_citation(tmp_path):
    copy_reference_archive(tmp_path)
    for sentence in ("We will build a wall on Mars", "The only thing we have to fear is fear itself"):
        result = run_podium("quote", sentence, cwd=tmp_path)
        assert result.returncode == 1, result.stdout
        assert result.stdout == "not found: no statement in the archive is close to this quotation\n"
        result = run_podium("quote", "--json", sentence, cwd=tmp_path)
        assert (result.returncode, json.loads(result.stdout)) == (1, [])


def test_podium_quote_refuses_a_quotation_without_words(tmp_path):
    copy_reference_archive(tmp_path)
    for empty in ("", "  ", "… —"):
        result = run_podium("quote", empty, cwd=tmp_path)
        assert result.returncode == 2, result.stdout
        assert result.stdout == ""  # no "not found": that would be a verdict on nothing
        assert result.stderr.endswith(
            "Error: Invalid value: the quotation has no words: give the words as the press printed them\n"
        )


def test_podium_quote_gives_the_verdict_and_the_self_quotation_label(tmp_path):
    copy_reference_archive(tmp_path)
    result = run_podium("quote", "--limit", "1", "the road will be mastered by the walking one", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"100%  {SPEECH}#s-a579ca  (verbatim)",
        "      found verbatim, inside a quotation in the statement",
    ]
    result = run_podium("quote", "--json", "Multilateralism is foundering", cwd=tmp_path)
    first = json.loads(result.stdout)[0]
    assert (first["verdict"], first["in_quotation"], first["statement_id"]) == (
        "differences",
        False,
        "multilateralism-is-faltering",
    )


def test_coverage_naming_no_statement_is_matched_only_when_found(reference):
    archive, _ = reference
    items = {item["quote"]: item for item in quote.coverage(archive.speech(SPEECH))}
    it_hub = items["We aim to become the IT and innovation hub of Central Asia"]
    assert (it_hub["statement_id"], it_hub["fidelity"], it_hub["verdict"], it_hub["pieces"]) == (
        None,
        None,
        "not found",
        [],
    )
    assert it_hub["summary"] == "not found in this transcript"
    assert items["Multilateralism is foundering"]["verdict"] == "differences"


def test_coverage_naming_no_statement_that_is_found_is_matched(archive_dir):
    archive_dir.speech(
        "a",
        front="""\
        title: Opening address
        date: 2025-05-29
        speaker: tokayev
        coverage:
          - outlet: Daily Planet
            quote: We will always defend the freedom of the press
          - outlet: Daily Bugle
            quote: We will build a wall on Mars
        """,
        body="Our government will always defend the freedom of the press. {#press}\n\nWe build roads. {#roads}\n",
    )
    found, invented = quote.coverage(features.load(archive_dir.root).speech("a"))
    assert (found["statement_id"], found["verdict"]) == ("press", "differences")
    assert (invented["statement_id"], invented["verdict"]) == (None, "not found")


def test_the_speech_page_lists_a_quotation_not_found_without_a_statement(reference):
    from podium.cite.pages import speech_extras

    archive, _ = reference
    speech = archive.speech(SPEECH)
    html = speech_extras(speech, archive.registry, "Podium", quote.coverage(speech))
    item = html.split("We aim to become the IT and innovation hub of Central Asia")[1].split("</li>")[0]
    assert "Not found" in item and "podium-coverage__source" not in item and "fidelity" not in item
    assert '<span class="podium-coverage__verdict">Found with differences</span>' in html


def test_the_browser_index_carries_the_thresholds(reference):
    _, index = reference
    meta = quote.browser_files(index, {})["meta.json"]
    assert (meta["found"], meta["content"]) == (quote.FOUND, quote.CONTENT)
