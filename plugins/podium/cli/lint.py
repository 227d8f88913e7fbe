"""`podium lint`: scraping artifacts in transcripts, each with a hint; `--fix` applies the fixes that keep every word.

The rules and the fixes are `podium.editors.lint`'s; this is the command around them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from podium.cli.options import format_option, root_option, settings_of
from podium.core import archive as archives
from podium.core.annotations import report
from podium.core.frontmatter import decode
from podium.core.problems import Problems
from podium.editors.lint import (
    RULES,
    LintConfig,
    apply_fixes,
    in_context,
    lint_text,
    targets,
)


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--fix", is_flag=True, help="Apply the safe fixes (double spaces, mojibake) and list each one.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@format_option
@click.option("--list-rules", is_flag=True, help="List the rules with their default severity, and exit.")
@root_option
def lint_command(paths: tuple[Path, ...], fix: bool, strict: bool, fmt: str, list_rules: bool, root: Path) -> None:
    """Find scraping artifacts in transcripts: stray accents, mojibake, boilerplate, repeats, ...

    Checks every transcript of the archive, or PATHS (files or folders). Each problem is printed as
    `path:line:col: warning|error: [rule] message` with a hint. Files are never changed without --fix,
    and --fix only applies fixes that keep every word. Rules are configured under the podium plugin's
    `lint:` option in mkdocs.yml.

    \b
    Example:
      podium lint
      podium lint speeches/2025/aif-2025-tokayev-plenary.md
      podium lint --fix speeches/2025
    """
    if list_rules:
        for rule in RULES.values():
            click.echo(
                f"{rule.name:20} {rule.severity:7} {'fixable' if rule.fixable else '       '}  "
                f"{rule.summary.split('. ')[0].rstrip('.')}"
            )
        return
    settings = settings_of(root)
    problems = Problems()
    config = LintConfig.from_settings(settings, problems)
    count = 0
    for file in targets(paths, root, settings):
        display = archives.display_path(file, root)
        text = decode(file.read_bytes(), display, problems)
        if text is None:
            continue
        count += 1
        found = lint_text(text, display, config)
        if fix and (fixes := [(p, f) for p, f in found if f is not None]):
            lines = text.split("\n")
            for problem, item in sorted(fixes, key=lambda pair: pair[0]):
                old, new = in_context(lines[item.line - 1], item)
                click.echo(
                    f"fixed {display}:{item.line}:{item.column}: {problem.message.split(']')[0]}] `{old}` -> `{new}`"
                )
            text = apply_fixes(text, [f for _, f in fixes])
            file.write_text(text, encoding="utf-8")
            found = lint_text(text, display, config)
        problems.extend(problem for problem, _ in found)
    output = report(problems, fmt, "podium lint")
    if output:
        click.echo(output, err=True)
    failed = bool(problems.errors) or (strict and bool(problems))
    if failed:
        sys.exit(1)
    if not problems:
        click.echo(f"linted {count} transcript{'s' if count != 1 else ''}: clean")
