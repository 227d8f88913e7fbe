"""The test suite's own habits: tests share helpers through `support`, never by importing each other, and
`pytest -m "not slow"` stays quick because a site build, a server or a browser outside a slow test is an error."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    """Top-level names of the modules a file imports, wherever the import sits (also inside functions)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_no_test_imports_conftest_or_another_test_module():
    offenders = {
        str(path.relative_to(TESTS)): sorted(
            name for name in imported_modules(path) if name == "conftest" or name.startswith("test_")
        )
        for path in sorted(TESTS.rglob("*.py"))
    }
    assert {path: names for path, names in offenders.items() if names} == {}


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    """A copy of this suite's conftest and support package, with the `slow` marker declared."""
    shutil.copy(TESTS / "conftest.py", pytester.path / "conftest.py")
    shutil.copytree(TESTS / "support", pytester.path / "support", ignore=shutil.ignore_patterns("__pycache__"))
    pytester.makeini("[pytest]\nmarkers =\n    slow: slow\n")
    return pytester


def test_a_build_or_the_reference_site_outside_a_slow_test_fails_and_says_what_to_do(suite):
    suite.makepyfile(
        test_site="""
        import pytest
        from support.processes import run_podium

        def test_builds(archive_dir):
            archive_dir.build()

        def test_serves(archive_dir):
            run_podium("serve", cwd=archive_dir.root)

        def test_reads_the_reference_site(reference_site):
            pass

        def test_checks(archive_dir):  # `podium check` is quick: allowed
            assert run_podium("check", cwd=archive_dir.root).returncode == 0

        @pytest.mark.slow
        def test_marked():
            from support import slow
            slow.require("a site build")  # what ArchiveDir.build asks first: allowed here
    """
    )
    result = suite.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=2, failed=2, errors=1)
    result.stdout.fnmatch_lines_random(
        [
            "*test_site.py::test_builds runs `mkdocs build`: mark it @pytest.mark.slow (or the module: pytestmark)",
            "*test_site.py::test_serves runs `podium serve`: mark it @pytest.mark.slow (or the module: pytestmark)",
            "*test_site.py::test_reads_the_reference_site runs the reference site build: mark it @pytest.mark.slow*",
        ]
    )
