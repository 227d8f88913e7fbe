"""`podium generate`: a realistic archive, the same for the same seed, that the loader accepts."""

from __future__ import annotations

import collections
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium import features
from podium.cli.main import main
from podium.editors.generate import MAX_WORDS, MIN_WORDS, generate, plugins_of
from podium.xref import references

BIN = Path(sys.executable).parent


def digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("generated")
    return root, generate(root, speeches=300, seed=7)


def test_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path):
    generate(tmp_path / "a", speeches=40, seed=11)
    generate(tmp_path / "b", speeches=40, seed=11)
    generate(tmp_path / "c", speeches=40, seed=12)
    a, b, c = digest(tmp_path / "a"), digest(tmp_path / "b"), digest(tmp_path / "c")
    assert a == b
    assert len(a) > 40
    assert a != c


def test_the_loader_accepts_it_without_a_single_problem(corpus):
    root, summary = corpus
    archive = features.load(root)
    assert [p.format() for p in archive.problems.sorted()] == []
    assert len(archive.speeches) == summary.speeches == 300
    assert len(archive.registry.speakers.entries) == summary.speakers == 90
    assert sum(len(s.statements) for s in archive.speeches) > summary.statements  # statements and narrative


def test_the_archive_has_the_shape_of_a_real_one(corpus):
    root, _ = corpus
    archive = features.load(root)
    multi = [s for s in archive.speeches if len(s.meta.speaker_ids) > 1]
    assert 20 <= len(multi) <= 90
    turns = [st for s in multi for st in s.statements if st.turn_start]
    assert len(turns) >= 2 * len(multi)
    assert any(st.type == "narrative" for s in archive.speeches for st in s.statements)
    assert any(st.topics for s in archive.speeches for st in s.statements)
    assert any(st.explicit_id for s in archive.speeches for st in s.statements)
    assert any(s.sections for s in archive.speeches)  # long speeches have ## sections
    events = archive.registry.events.entries
    editions = [e for e in events.values() if e.parent]
    assert editions and all(e.parent in events and e.sessions for e in editions)
    assert all(
        s.meta.session in [x.name for x in events[s.meta.event].sessions] for s in archive.speeches if s.meta.event
    )
    speakers = archive.registry.speakers.entries.values()
    assert any(len(p.roles) > 1 for p in speakers)
    # Roles over time: most speeches fall inside a role their speaker held that day.
    held = [archive.registry.speakers[s.meta.speaker_ids[0]].role_on(s.meta.date) for s in archive.speeches]
    assert sum(role is not None for role in held) > len(held) / 2
    # Some speakers speak far more often than others.
    counts = collections.Counter(i for s in archive.speeches for i in s.meta.speaker_ids)
    assert counts.most_common(1)[0][1] >= 5 * min(counts.values())


def test_cross_references_resolve_in_both_forms_and_point_back_in_time(corpus):
    root, summary = corpus
    archive = features.load(root)
    index = references.resolve(archive)
    assert len(index.references) == summary.references >= 30
    forms = collections.Counter(r.form for r in index.references)
    kinds = collections.Counter(r.target.kind for r in index.references)
    assert forms["see"] and forms["inline"]
    assert kinds["statement"] and kinds["speech"] and kinds["speaker"]
    for reference in index.references:
        if reference.target.speech:
            assert archive.speech(reference.target.speech).meta.date <= reference.source.meta.date


def test_a_few_transcripts_are_in_cyrillic_and_say_so(corpus):
    root, summary = corpus
    archive = features.load(root)
    others = [s for s in archive.speeches if s.meta.language != "en"]
    assert len(others) == summary.non_latin == 3
    for speech in others:
        assert speech.meta.language in ("kk", "ru")
        assert re.search("[а-яәғқңөұүһі]{3}", speech.statements[0].text)
        if speech.meta.translation_of:
            assert archive.speech(speech.meta.translation_of).meta.date == speech.meta.date


def test_vocabulary_is_zipfian_with_tens_of_thousands_of_distinct_words(corpus):
    root, summary = corpus
    words = collections.Counter()
    for file in (root / "speeches").rglob("*.md"):
        body = file.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        words.update(w.lower() for w in re.findall(r"[^\W\d_]+", body))
    assert summary.distinct_words >= 20_000
    assert len(words) >= 20_000
    ranked = [count for _, count in words.most_common()]
    # Zipf: frequency falls about as 1/rank. The 10th word is several times rarer than the 1st,
    # the 100th about ten times rarer than the 10th; and most distinct words are rare.
    assert 4 < ranked[0] / ranked[9] < 20
    assert 4 < ranked[9] / ranked[99] < 25
    assert sum(1 for c in ranked if c <= 3) > len(ranked) / 3


def test_speech_lengths_range_from_a_few_hundred_to_thousands_of_words(corpus):
    _, summary = corpus
    lengths = sorted(summary.lengths)
    assert len(lengths) == 300
    assert MIN_WORDS <= lengths[0] < 500
    assert 3_000 < lengths[-1] <= MAX_WORDS + 200  # a paragraph may run a little over the budget
    assert 700 < lengths[len(lengths) // 2] < 1_800


def test_plugins_of_reads_the_repository_config_without_executing_tags(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - podium\n  - search:\n      lang: en\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:os.system\n"
    )
    assert plugins_of(config) == ["podium", {"search": {"lang": "en"}}]


def test_podium_generate_command_writes_an_archive_that_podium_check_accepts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["generate", "arch", "--speeches", "12", "--seed", "5", "--plugins", "podium"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("wrote 12 speeches (")
    assert (tmp_path / "arch/docs/index.md").read_text().count("<!-- podium:home -->") == 1
    assert "plugins:\n- podium\n" in (tmp_path / "arch/mkdocs.yml").read_text()
    monkeypatch.chdir(tmp_path / "arch")
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "checked 12 transcripts and the registries: no errors" in result.output


@pytest.mark.slow
def test_a_small_generated_archive_builds(tmp_path):
    generate(tmp_path, speeches=15, seed=2)
    build = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert build.returncode == 0, build.stderr
    pages = sorted((tmp_path / "site/speeches").glob("*/index.html"))
    assert len(pages) == 15
    html = pages[0].read_text(encoding="utf-8")
    assert 'class="podium-speech"' in html


@pytest.mark.slow
def test_a_thousand_generated_speeches_load_without_a_warning(tmp_path):
    """Translations are generated without explicit ids: one shared by chance with the original aligned the two
    (seed 1 drew `point-2` for both), and the check then warned about every other statement of the pair."""
    generate(tmp_path, speeches=1000, seed=1)
    archive = features.load(tmp_path)
    assert [p.format() for p in archive.problems.sorted()] == []
