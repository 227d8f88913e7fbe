"""`podium lint`: scraping artifacts in transcripts, each with a hint; `--fix` applies the fixes that keep every word.

The rules and the fixes are `podium.editors.lint`'s; this is the command around them. The report goes to
stdout (one problem per line, or one JSON document with `--format json`), the count of errors and warnings
to stderr, so `podium lint > report.txt` keeps the report and still shows the summary.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from podium.build.pool import FORK, default_workers
from podium.cli.options import format_option, root_option, settings_of
from podium.core import archive as archives
from podium.core.annotations import report
from podium.core.problems import Problem, Problems
from podium.core.settings import CONFIG_FILE
from podium.editors.lint import RULES, FileLint, LintConfig, lint_file, positions, targets


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--fix", is_flag=True, help="Apply the safe fixes (spaces, mojibake, entities, ...) and list each one.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@format_option
@click.option("--list-rules", is_flag=True, help="List the rules with their default severity, and exit.")
@root_option
def lint_command(paths: tuple[Path, ...], fix: bool, strict: bool, fmt: str, list_rules: bool, root: Path) -> None:
    """Find scraping artifacts in transcripts: stray accents, mojibake, entities, boilerplate, repeats, ...

    Checks every transcript of the archive, or PATHS (files or folders). Each problem is printed as
    `path:line:col: warning|error: [rule] message` with a hint. Files are never changed without --fix,
    and --fix only applies fixes that keep every word. Rules are configured under the podium plugin's
    `lint:` option in mkdocs.yml.

    \b
    Example:
      podium lint
      podium lint speeches/2025/aif-2025-tokayev-plenary.md
      podium lint --fix speeches/2025
      podium lint --format json > lint.json
    """
    if list_rules:
        for rule in RULES.values():
            state = "fixable" if rule.fixable else "off" if not rule.enabled else ""
            click.echo(f"{rule.name:20} {rule.severity:7} {state:7}  {rule.summary.split('. ')[0].rstrip('.')}")
        return
    settings = settings_of(root)
    problems = Problems()
    config = LintConfig.from_settings(settings, problems, CONFIG_FILE, positions(root / CONFIG_FILE))
    fixable: set[Problem] = set()
    count = 0
    files = [(file, archives.display_path(file, root)) for file in targets(paths, root, settings)]
    for result in _each(files, config, fix):
        count += result.read
        for line in result.applied:
            click.echo(line, err=fmt == "json")
        for problem in result.problems:
            problems.add(problem.path, problem.line, problem.column, problem.message, problem.hint, problem.severity)
        fixable.update(result.fixable)
    found = problems.sorted()
    summary = _summary(found)
    if fmt == "json":
        click.echo(json.dumps(_json(found, fixable, count), ensure_ascii=False, indent=2))
    elif found:
        click.echo(report(found, fmt, "podium lint").rsplit("\n", 1)[0])
    if found:
        click.echo(summary, err=True)
    if bool(problems.errors) or (strict and bool(found)):
        sys.exit(1)
    if not found and fmt != "json":
        click.echo(f"linted {count} transcript{'s' if count != 1 else ''}: clean")


# Files are linted on every core when there are enough of them to pay for the workers (a whole archive in a pull
# request's check); the results come back in the files' order, so the report is the same with 1 or N workers.
PARALLEL_FROM = 64
_job: tuple[LintConfig, bool] | None = None  # what a forked worker lints with, inherited (never pickled)


def _each(files: list[tuple[Path, str]], config: LintConfig, fix: bool, workers: int = 0) -> Iterator[FileLint]:
    workers = workers or default_workers()
    if FORK is None or workers < 2 or len(files) < PARALLEL_FROM:
        for file, display in files:
            yield lint_file(file, display, config, fix)
        return
    global _job
    _job = (config, fix)
    try:
        with FORK.Pool(workers) as pool:
            yield from pool.imap(_lint_one, files, chunksize=16)
    finally:
        _job = None


def _lint_one(item: tuple[Path, str]) -> FileLint:
    assert _job is not None
    return lint_file(item[0], item[1], *_job)


def _summary(found: list[Problem]) -> str:
    errors = sum(problem.is_error for problem in found)
    warnings = len(found) - errors
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"


def _json(found: list[Problem], fixable: set[Problem], count: int) -> dict:
    """The report for tools: each problem with its rule apart from the message, and the counts."""
    items = []
    for problem in found:
        rule, _, message = problem.message.partition("] ")
        named = rule.startswith("[") and rule[1:] in RULES
        items.append(
            {
                "path": problem.path,
                "line": problem.line,
                "column": problem.column,
                "severity": problem.severity,
                "rule": rule[1:] if named else None,
                "message": message if named else problem.message,
                "hint": problem.hint,
                "fixable": problem in fixable,
            }
        )
    errors = sum(problem.is_error for problem in found)
    return {"transcripts": count, "errors": errors, "warnings": len(found) - errors, "problems": items}
