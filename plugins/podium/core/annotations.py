"""Report formats for `podium check` and `podium lint`: text for people, annotations for GitHub, JSON for tools.

Under GitHub Actions a line of the form

    ::error file=speeches/2025/aif.md,line=3,col=7,title=podium check::impossible date 2025-02-30

is shown by GitHub on the changed line of the pull request, so an editor sees the problem where they wrote it.
`--format auto` (the default) picks `github` when the `GITHUB_ACTIONS` variable is `true`, else `text`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from podium.core.problems import Problem, format_report

FORMATS = ("auto", "text", "github", "json")


def resolve(fmt: str) -> str:
    """`auto` becomes `github` inside GitHub Actions and `text` everywhere else."""
    if fmt == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problem: Problem, title: str) -> str:
    """One workflow command; the hint follows the message on a second line of the annotation.

    >>> github(Problem("a.md", 3, 7, "bad: thing", "fix it"), "podium check")
    '::error file=a.md,line=3,col=7,title=podium check::bad: thing%0Ahint: fix it'
    """
    message = problem.message + (f"\nhint: {problem.hint}" if problem.hint else "")
    return (
        f"::{problem.severity} file={_escape_property(problem.path)},line={problem.line},"
        f"col={problem.column},title={_escape_property(title)}::{_escape_data(message)}"
    )


def as_json(problems: list[Problem]) -> str:
    """One JSON document: every problem with its position, severity and hint, and the counts.

    >>> print(as_json([Problem("a.md", 3, 7, "bad", "fix it")]))  # doctest: +NORMALIZE_WHITESPACE
    {"errors": 1, "warnings": 0, "problems": [{"path": "a.md", "line": 3, "column": 7, "severity": "error",
      "message": "bad", "hint": "fix it"}]}
    """
    items = [
        {
            "path": p.path,
            "line": p.line,
            "column": p.column,
            "severity": p.severity,
            "message": p.message,
            "hint": p.hint,
        }
        for p in problems
    ]
    errors = sum(p.is_error for p in problems)
    return json.dumps({"errors": errors, "warnings": len(problems) - errors, "problems": items}, ensure_ascii=False)


def report(problems: Iterable[Problem], fmt: str, title: str) -> str:
    """The whole report in format `fmt` (`text`, `github` or `json`), sorted, with the count line last."""
    problems = sorted(set(problems))
    if fmt == "json":
        return as_json(problems)
    if resolve(fmt) != "github":
        return format_report(problems)
    lines = [github(problem, title) for problem in problems]
    text = format_report(problems)
    if text:
        lines.append(text.rsplit("\n", 1)[-1])  # the "N errors, M warnings" line, for the log
    return "\n".join(lines)
