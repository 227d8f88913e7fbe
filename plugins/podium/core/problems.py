"""Problems are data: collected, sorted and printed together, the way a compiler reports.

Nothing in the loader raises on bad input. Each check appends a `Problem` and goes on, so an editor
sees every mistake of a pull request in one run:

    speeches/2025/aif.md:3:7: error: impossible date 2025-02-30: February 2025 has 28 days
      hint: write the date as YYYY-MM-DD, e.g. 2025-02-28
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass
class Problems:
    """A list of problems for one file (or the whole archive), with a helper to add one."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self, path: str, line: int, column: int, message: str, hint: str = "", severity: Severity = "error"
    ) -> None:
        self.items.append(Problem(path, line, column, message, hint, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def format_report(problems: Iterable[Problem]) -> str:
    """All problems, sorted by path and position, then a count line."""
    problems = sorted(set(problems))
    lines = [p.format() for p in problems]
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if problems:
        lines.append(f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
    return "\n".join(lines)


def did_you_mean(word: str, candidates: Iterable[str], n: int = 3) -> str:
    """'did you mean `x`?' for the closest candidates, or '' when none is close."""
    matches = difflib.get_close_matches(word, list(candidates), n=n, cutoff=0.6)
    if not matches:
        return ""
    quoted = " or ".join(f"`{m}`" for m in matches)
    return f"did you mean {quoted}?"
