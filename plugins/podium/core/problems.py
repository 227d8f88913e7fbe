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


# One hostile file must not drown the report (or the build log): after this many problems, a file's further
# problems are counted, not listed.
MAX_PER_FILE = 20


@dataclass
class Problems:
    """A list of problems for one file (or the whole archive), with a helper to add one.

    The same problem added twice is kept once. A file gets at most `MAX_PER_FILE` problems; the rest become
    one last line, `… and N more problems in this file`, after the file's last problem (a single one past the
    limit is listed as itself):

    >>> problems = Problems()
    >>> for line in range(1, 31):
    ...     problems.add("a.md", line, 1, "bad")
    >>> len(problems), problems.items[-1].format()
    (21, 'a.md:30:1: error: … and 10 more problems in this file')
    """

    items: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False, compare=False)
    _per_file: dict[str, tuple[int, tuple[int, int]]] = field(default_factory=dict, repr=False, compare=False)
    _more: dict[str, tuple[int, int, bool]] = field(default_factory=dict, repr=False, compare=False)

    def add(
        self, path: str, line: int, column: int, message: str, hint: str = "", severity: Severity = "error"
    ) -> None:
        problem = Problem(path, line, column, message, hint, severity)
        if problem in self._seen:
            return
        self._seen.add(problem)
        count, last = self._per_file.get(path, (0, (0, 0)))
        last = max(last, (line, column))
        self._per_file[path] = (count + 1, last)
        if count < MAX_PER_FILE:
            self.items.append(problem)
            return
        # One summary line, after every listed problem of the file; an error if any problem it counts is one.
        # A single problem past the limit is listed itself: a line saying "1 more" would hide it for nothing.
        index, more, errors = self._more.get(path, (len(self.items), 0, False))
        more, errors = more + 1, errors or severity == "error"
        if more == 1:
            self.items.append(problem)
        else:
            self.items[index] = Problem(
                path, *last, f"… and {more} more problems in this file", "", "error" if errors else "warning"
            )
        self._more[path] = (index, more, errors)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem.path, problem.line, problem.column, problem.message, problem.hint, problem.severity)

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
