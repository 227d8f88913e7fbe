"""bench/lint_eval.py, small and fast: injected artifacts are found, clean prose stays quiet, `--fix` is exact.

The full run (`python bench/lint_eval.py`) writes the figures of docs/editors/lint.md; this one runs a smaller
corpus with other seeds, so the targets hold beyond the text the figures were measured on.
"""

from __future__ import annotations

import ast
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import lint_eval  # noqa: E402


@pytest.mark.parametrize("seed", [3, 11])
def test_a_small_evaluation_meets_every_target(seed):
    result = lint_eval.evaluate(speeches=10, per_kind=6, seed=seed)
    assert all(count == 6 for count in result["injected"].values()), result["injected"]
    assert result["overall_recall"] >= 0.90, result["missed"]
    assert min(result["recall"].values()) >= 0.80, result["recall"]
    assert result["precision"] >= 0.90, result["false_alarms"]
    assert result["clean_per_10k"] < 1.0, result["clean_examples"]
    assert result["clean_files_changed_by_fix"] == 0
    restored, fixable = result["fix_restored"].split("/")
    assert restored == fixable, result["fix_not_restored"]
    assert result["targets_met"] is True


def test_a_detector_that_finds_nothing_scores_nothing(monkeypatch):
    """The harness can fail: with no findings, recall is zero and the targets are missed."""
    monkeypatch.setattr(lint_eval, "lint", lambda text, path: [])
    result = lint_eval.evaluate(speeches=4, per_kind=2, seed=5)
    assert result["overall_recall"] == 0.0
    assert result["targets_met"] is False


def test_the_injector_shares_no_code_with_the_rules():
    """Only the two functions that run lint import podium; the corpus and the injector know nothing of it."""
    tree = ast.parse((REPO / "bench" / "lint_eval.py").read_text(encoding="utf-8"))
    importers = set()
    for function in [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]:
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("podium"):
                importers.add(function.name)
    top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert importers == {"lint", "evaluate"}
    assert not [n for n in top if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("podium")]


def test_each_injection_makes_the_artifact_it_names():
    rng = random.Random(1)
    line = "The government must protect the liberty of every citizen, and the United States will endure."
    pair, meant = lint_eval.inject("mojibake-pair", line, rng)
    assert "\x9d" in pair and pair.encode("cp1252", errors="ignore") != pair and "“" in meant and "”" in meant
    cut, meant = lint_eval.inject("hyphenation", line, rng)
    assert "- " in cut and meant == line
    glued, _ = lint_eval.inject("glued-camel", line, rng)
    assert len(glued) == len(line) - 1 and "theUnited" in glued
    accent, _ = lint_eval.inject("accent-capital", line, rng)
    assert not accent.isascii()


# -- real prose ------------------------------------------------------------------------------------------------------

REAL_PROSE = [
    REPO / "speeches" / "2025" / "aif-2025-tokayev-plenary.md",
    *sorted((REPO / "bench" / "prose").glob("*.txt")),
]


def test_real_prose_meets_every_target():
    """The reference transcript and the public-domain addresses of bench/prose/: real sentences the rules were not
    written against, with the artifacts injected into copies of them."""
    result = lint_eval.evaluate(per_kind=20, seed=1, prose=REAL_PROSE)
    assert result["prose"] == "real"
    assert all(count == 20 for count in result["injected"].values()), result["injected"]
    assert result["files"]["speeches/2025-aif-2025-tokayev-plenary.md"]["words"] > 1600
    assert result["clean_words"] > 2500
    assert result["overall_recall"] >= 0.90, result["missed"]
    assert min(result["recall"].values()) >= 0.80, result["recall"]
    assert result["precision"] >= 0.90, result["false_alarms"]
    assert result["clean_findings"] == 0, result["clean_examples"]  # fewer than 1 per 10,000 words
    assert result["clean_files_changed_by_fix"] == 0
    restored, fixable = result["fix_restored"].split("/")
    assert restored == fixable, result["fix_not_restored"]
    assert result["targets_met"] is True


def test_a_scrapes_own_artifacts_are_listed_apart(tmp_path):
    """A scraped article may carry real artifacts before any injection: they are reported, and are neither clean
    warnings nor false alarms afterwards."""
    article = tmp_path / "article.txt"
    sentences = [
        "The government must protect the liberty of every citizen in these difficult times.",
        "Our people have advanced the welfare of the nation with patience and resolve.",
        "History records that the union has preserved the peace of the world.",
    ]
    article.write_text("\n".join(["Photo by Derya Soysal", *sentences * 4]) + "\n", encoding="utf-8")
    result = lint_eval.evaluate(per_kind=2, seed=2, scraped=[article])
    assert [finding.split(" | ")[0].split(": ", 1)[1] for finding in result["scrape_findings"]] == [
        "[boilerplate] `Photo by Derya Soysal` looks like the website's text, not the speaker's"
    ]
    assert result["scrape_findings_after_injection"] >= 1
    assert result["clean_words"] == 0 and result["false_alarms"] == []


def test_markdown_prose_leaves_out_what_is_not_prose():
    page = (
        "---\ntitle: x\n---\n# Heading\n\nRun `podium lint` on the [archive](a.md), with <kbd>Enter</kbd>.\n\n"
        "```sh\npodium lint\n```\n\n| a | b |\n|---|---|\n\nA mistake shows as `â€™` in the text.\n\n"
        "<!-- podium:generated:lint -->\nThe word Cóngress.\n<!-- /podium:generated:lint -->\n\n"
        "- first item\n- second *item* {#s2}\n"
    )
    assert lint_eval.markdown_paragraphs(page) == [
        "Run podium lint on the archive, with Enter.",
        "first item",
        "second item",
    ]


def test_several_seeds_are_counted_together():
    results = [lint_eval.evaluate(per_kind=2, seed=seed, prose=REAL_PROSE[:1]) for seed in (1, 2)]
    together = lint_eval.combined(results)
    assert together["injected"] == 2 * 2 * len(lint_eval.KINDS)
    assert together["clean_words"] == results[0]["clean_words"]  # the same real text under every seed
    assert together["findings"] == results[0]["findings"] + results[1]["findings"]


# -- what real prose taught the rules -----------------------------------------------------------------------------


def _rules(text: str) -> list[str]:
    body = f"---\ntitle: t\ndate: 1865-03-04\nspeaker: s\nlanguage: en\n---\n\n{text}\n"
    return [message.split("]")[0] + "]" for _, message in lint_eval.lint(body, "speeches/t.md")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "(c) the licences granted in this section are effective on the date the treaty is ratified by the Senate.",
        "Copyright protects the work of our authors, and it has served this nation well for two centuries.",
    ],
)
def test_a_clause_labelled_c_or_a_sentence_on_copyright_is_no_notice(paragraph):
    assert _rules(paragraph) == []


def test_a_long_copyright_notice_still_is():
    assert _rules("Copyright (C) 2007 Free Software Foundation, Inc. Everyone is permitted to copy it.") == [
        "[boilerplate]"
    ]


@pytest.mark.parametrize(
    "paragraph, rule",
    [
        ("It is tempting to describe this moment as a crossroad,as an inflection point.", "[glued-words]"),
        ("We have worked to get modernizedKazakhstan onto a new path.", "[glued-words]"),
        ("Wars based on political animosi- ties look outdated.", "[hyphenation]"),
        ("We can not cons- ecrate this ground.", "[hyphenation]"),
    ],
)
def test_rarer_words_of_real_speeches_are_found_glued_or_cut(paragraph, rule):
    assert _rules(paragraph) == [rule]


def test_a_long_paragraph_that_opens_like_a_salutation_is_a_duplicate_when_doubled():
    paragraph = (
        "My fellow citizens of the world: ask not what America will do for you, but what together we can do "
        "for the freedom of man."
    )
    assert _rules(f"Let us begin.\n\n{paragraph}\n\n{paragraph}") == ["[repeated-paragraph]"]
