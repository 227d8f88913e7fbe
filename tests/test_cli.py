"""`podium check`: one clear line per problem, all of them, exit status 1, never a traceback."""

from __future__ import annotations

from support.archive import REPO, ArchiveDir
from support.processes import run_podium


def test_check_passes_on_the_reference_archive():
    result = run_podium("check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "checked 1 transcript and the registries: no errors\n"
    assert result.stderr == ""


def test_check_reports_every_problem_and_exits_1(archive_dir: ArchiveDir):
    archive_dir.speech("good")
    archive_dir.speech("bad", "title: T\ndate: 2025-02-30\nspeaker: tokaev\nlanguage: no\n")
    archive_dir.write("speeches/broken.md", "---\ntitle: [unclosed\n---\n\nText.\n")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "speeches/2025/bad.md:3:7: error: `date`: impossible date 2025-02-30: February 2025 has 28 days\n"
        "  hint: write the date as YYYY-MM-DD, e.g. 2025-05-29\n"
        "speeches/2025/bad.md:4:10: error: unknown speaker `tokaev`\n"
        "  hint: did you mean `tokayev`? Or add it to speeches/speakers.yml.\n"
        "speeches/broken.md:3:1: error: YAML syntax error: expected ',' or ']', but got the end "
        "(while parsing a flow sequence that starts at line 2, column 8)\n"
        "  hint: check the quoting and indentation on this line and the one before\n"
        "3 errors, 0 warnings\n"
    )
    assert "Traceback" not in result.stderr


def test_check_some_paths_only(archive_dir: ArchiveDir):
    archive_dir.speech("good")
    bad = archive_dir.speech("bad", "title: T\ndate: 2025-05-29\nspeaker: nobody\n")
    result = run_podium("check", "speeches/2025/good.md", cwd=archive_dir.root)
    assert (result.returncode, result.stdout) == (0, "checked 1 transcript and the registries: no errors\n")
    result = run_podium("check", str(bad), cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "speeches/2025/bad.md:4:10: error: unknown speaker `nobody`"


def test_check_finds_the_archive_from_a_subfolder(archive_dir: ArchiveDir):
    archive_dir.speech("good")
    result = run_podium("check", cwd=archive_dir.root / "speeches" / "2025")
    assert result.returncode == 0, result.stderr


def test_check_help_shows_an_example():
    result = run_podium("check", "--help", cwd=REPO)
    assert result.returncode == 0
    assert "podium check speeches/2025/aif-2025-tokayev-plenary.md" in result.stdout
