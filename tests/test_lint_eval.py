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
