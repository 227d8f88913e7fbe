"""Running the rules on a transcript, and `--fix`: apply the safe fixes, again until the text is stable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from podium.core import archive as archives
from podium.core.frontmatter import decode
from podium.core.problems import Problem, Problems
from podium.core.settings import Settings
from podium.editors.lint import encoding
from podium.editors.lint.characters import FORMATTING
from podium.editors.lint.config import LintConfig
from podium.editors.lint.rules import RULES
from podium.editors.lint.transcript import Fix, read


def lint_text(text: str, path: str, config: LintConfig | None = None) -> list[tuple[Problem, Fix | None]]:
    """Every finding of every enabled rule in one transcript's text, as (problem, fix or None)."""
    config = config or LintConfig()
    transcript = read(text, path)
    found: list[tuple[Problem, Fix | None]] = []
    for name, rule in RULES.items():
        if not config.active(name):
            continue
        severity = config.severity.get(name, rule.severity)
        for finding in rule.check(transcript, config.options_of(name)):
            problem = Problem(path, finding.line, finding.column, f"[{name}] {finding.message}", finding.hint, severity)
            found.append((problem, finding.fix))
    return found


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """Apply fixes right to left on each line, so earlier columns stay right; overlapping ones are skipped."""
    lines = text.split("\n")
    by_line: dict[int, list[Fix]] = {}
    for fix in fixes:
        by_line.setdefault(fix.line, []).append(fix)
    for number, items in by_line.items():
        line = lines[number - 1]
        limit = len(line) + 1
        for fix in sorted(items, key=lambda f: f.column, reverse=True):
            start = fix.column - 1
            if start + fix.length > limit:
                continue
            line = line[:start] + fix.replacement + line[start + fix.length :]
            limit = start
        lines[number - 1] = line
    return "\n".join(lines)


def in_context(line: str, fix: Fix) -> tuple[str, str]:
    """The words a fix touches, before and after: `a  time` -> `a time`, `Kazakhstanâ€™s` -> `Kazakhstan’s`.
    The list of fixes then names every word a fix changed."""
    start, end = fix.column - 1, fix.column - 1 + fix.length
    left = len(line[:start].rstrip(" ")) if not line[start:end].strip() else start
    while left > 0 and not line[left - 1].isspace():
        left -= 1
    right = end
    while right < len(line) and not line[right].isspace():
        right += 1
    return line[left:right], line[left:start] + fix.replacement + line[end:right]


@dataclass(frozen=True)
class Applied:
    """One fix as the editor reads it in the log: where, which rule, the words before and after."""

    line: int
    column: int
    rule: str
    before: str
    after: str

    def format(self, path: str) -> str:
        shown = [_visible(text) for text in (self.before, self.after)]
        return f"fixed {path}:{self.line}:{self.column}: [{self.rule}] `{shown[0]}` -> `{shown[1]}`"


def _visible(text: str) -> str:
    """Controls and invisible characters spelled out (`\\x9d`, `\\xad`), so the log shows what changed."""
    return "".join(
        # A terminal would hide them, or (an override) show the rest of the line reversed.
        char.encode("unicode_escape").decode("ascii") if 0x80 <= ord(char) < 0xA0 or char in FORMATTING else char
        for char in text
    )


def fix_text(text: str, path: str, config: LintConfig | None = None, rounds: int = 5) -> tuple[str, list[Applied]]:
    """`text` with every safe fix applied, repeated until nothing changes (a fix may reveal another), and one
    `Applied` per word that changed, in the order of the text. Clean text comes back unchanged.

    Two fixes in one word (`â€œpeaceâ€\x9d`, its opening and its closing quote) are one line of the log.
    """
    applied: list[Applied] = []
    for _ in range(rounds):
        found = [(p, f) for p, f in lint_text(text, path, config) if f is not None]
        if not found:
            break
        lines = text.split("\n")
        for number in sorted({fix.line for _, fix in found}):
            on_line = sorted((fix.column, problem, fix) for problem, fix in found if fix.line == number)
            applied += _words_changed(lines[number - 1], number, [(p, f) for _, p, f in on_line])
        fixed = apply_fixes(text, [fix for _, fix in found])
        if fixed == text:
            break
        text = fixed
    return text, applied


def _words_changed(line: str, number: int, fixes: list[tuple[Problem, Fix]]) -> list[Applied]:
    """The fixes of one line grouped by the words they touch: one entry per group, before and after."""
    groups: list[tuple[int, int, list[tuple[Problem, Fix]]]] = []
    for problem, fix in fixes:
        before, _ = in_context(line, fix)
        start = line.rfind(before, 0, fix.column - 1 + len(before)) if before else fix.column - 1
        start = start if start >= 0 else fix.column - 1
        end = start + len(before)
        if groups and start < groups[-1][1]:
            first, last, items = groups[-1]
            groups[-1] = (first, max(last, end), [*items, (problem, fix)])
        else:
            groups.append((start, end, [(problem, fix)]))
    entries = []
    for start, end, items in groups:
        after, cut = line[start:end], start
        for _, fix in sorted(items, key=lambda pair: pair[1].column, reverse=True):
            at = fix.column - 1 - cut
            after = after[:at] + fix.replacement + after[at + fix.length :]
        rules = ", ".join(dict.fromkeys(problem.message[1:].split("]")[0] for problem, _ in items))
        entries.append(Applied(number, items[0][1].column, rules, line[start:end], after))
    return entries


@dataclass
class FileLint:
    """One file's lint, whole: what kept it from being read, the fixes applied, and every finding."""

    read: bool
    problems: list[Problem]  # reading problems (not UTF-8, control characters), then the findings
    fixable: list[Problem]  # the findings `--fix` would repair
    applied: list[str]  # each applied fix, as its log line


def lint_file(file: Path, display: str, config: LintConfig, fix: bool = False) -> FileLint:
    """Lint one transcript file (and with `fix`, rewrite it with the safe fixes first): a pure function of
    the file and the configuration, so files can be linted on every core in any order."""
    problems = Problems()
    text = read_transcript(file.read_bytes(), display, problems)
    if text is None:
        return FileLint(False, problems.items, [], [])
    applied: list[str] = []
    if fix:
        fixed, done = fix_text(text, display, config)
        applied = [item.format(display) for item in done]
        if fixed != text:
            file.write_text(fixed, encoding="utf-8")
            text = fixed
    found = lint_text(text, display, config)
    return FileLint(True, [problem for problem, _ in found], [p for p, repair in found if repair is not None], applied)


def read_transcript(raw: bytes, path: str, problems: Problems) -> str | None:
    """The text of a transcript file as `core.frontmatter.decode` reads it; and also when its only fault is the C1
    control that ends a mojibake quote (`â€\x9d`): lint reports that, and `--fix` repairs it."""
    scratch = Problems()
    text = decode(raw, path, scratch)
    if text is None:
        try:
            candidate = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            candidate = None
        if candidate is not None and encoding.only_in_mojibake(candidate):
            return candidate
        problems.extend(scratch)
    return text


def targets(paths: tuple[Path, ...], root: Path, settings: Settings) -> list[Path]:
    if not paths:
        return archives.transcript_files(root / settings.speeches_dir)
    files: list[Path] = []
    for path in paths:
        files.extend(archives.transcript_files(path) if path.is_dir() else [path])
    return files
