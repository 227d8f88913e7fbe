"""Failures: a broken build keeps the last good site, serve survives a broken save, the loader never raises."""

from __future__ import annotations

import os
import signal
import string
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium import features
from podium.core.frontmatter import parse_yaml, split
from podium.core.problems import Problems
from podium.core.speech import read
from podium.core.statements import parse
from support.archive import BIN, ArchiveDir
from support.processes import free_port, run_podium, wait_for


@pytest.mark.slow
def test_a_failed_build_keeps_the_last_good_site(archive_dir: ArchiveDir):
    speech = archive_dir.speech("opening", body="The good text.\n")
    result = run_podium("build", cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr
    page = archive_dir.root / "site" / "speeches" / "opening" / "index.html"
    assert "The good text." in page.read_text()

    speech.write_text(speech.read_text().replace("date: 2025-05-29", "date: 2025-02-30"))
    result = run_podium("build", cwd=archive_dir.root)
    assert result.returncode == 1
    assert "speeches/2025/opening.md:3:7: error: `date`: impossible date 2025-02-30" in result.stderr
    assert result.stderr.rstrip().endswith("podium: the build failed; site/ still holds the last good site")
    assert "The good text." in page.read_text()
    assert not (archive_dir.root / "site.new").exists()

    speech.write_text(speech.read_text().replace("2025-02-30", "2025-05-29").replace("good", "better"))
    assert run_podium("build", cwd=archive_dir.root).returncode == 0
    assert "The better text." in page.read_text()


def test_a_very_long_line_loads(archive_dir: ArchiveDir):
    archive_dir.speech("long", body="word " * 100_000 + "\n")
    archive = features.load(archive_dir.root)
    assert archive.problems.sorted() == []
    assert len(archive.speeches[0].statements[0].text) == 499_999


@pytest.mark.slow
def test_serve_shows_errors_and_recovers_on_the_next_good_save(archive_dir: ArchiveDir):
    speech = archive_dir.speech("opening", body="The first version.\n")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=archive_dir.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/speeches/opening/"
        wait_for(url, "The first version.")
        good = speech.read_text()
        speech.write_text(good.replace("speaker: tokayev", "speaker: tokaev"))
        page = wait_for(url, "The archive has errors")
        assert "speeches/2025/opening.md:4:10: error: unknown speaker `tokaev`" in page
        speech.write_text(good.replace("The first version.", "The fixed version."))
        page = wait_for(url, "The fixed version.")
        assert "The archive has errors" not in page
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site
        server.wait(timeout=10)


# Property-based: whatever an editor (or an attacker) writes, the loader returns problems or a speech.

yaml_text = st.text(alphabet=string.printable + "äéЖ中\u00a0", max_size=300)
front_matter = st.one_of(
    yaml_text,
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "title",
                    "date",
                    "speaker",
                    "speakers",
                    "topics",
                    "source",
                    "kind",
                    "language",
                    "event",
                    "x",
                    "corrections",
                    "media",
                ]
            ),
            st.one_of(
                yaml_text.map(lambda t: t.replace("\n", " ")),
                st.sampled_from(
                    [
                        "2025-02-30",
                        "[a, b]",
                        "{url: x}",
                        "no",
                        "&a x",
                        "*a",
                        "- a\n  - b",
                        "!!python/object:os.system x",
                        "|\n  x",
                    ]
                ),
            ),
        ),
        max_size=8,
    ).map(lambda pairs: "\n".join(f"{k}: {v}" for k, v in pairs)),
)
markdown_text = st.text(alphabet=string.printable + "[]{}@#*_`<>!ёЖ", max_size=500)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=front_matter, body=markdown_text)
def test_the_loader_never_raises(tmp_path_factory, front, body):
    folder = tmp_path_factory.mktemp("prop")
    file = folder / "speech.md"
    file.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    problems = Problems()
    speech = read(file, "speech.md", problems)
    assert speech is not None or problems.errors
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=300))
def test_random_bytes_never_raise(raw):
    problems = Problems()
    from podium.core.frontmatter import decode

    text = decode(raw, "x.md", problems)
    if text is not None:
        source = split(text, "x.md", problems)
        if source.front_matter is not None:
            parse_yaml(source.front_matter, "x.md", problems, 2)
        parse(source.body, "x.md", problems, source.body_line)
