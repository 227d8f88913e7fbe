"""Checks that keep an untrusted transcript from harming the site or the build.

Transcripts arrive by pull request from people we do not know. Rendering sanitizes them anyway (see
`render.StatementRenderer`), but an editor should hear about raw HTML before review, and input built to make
the Markdown parser crawl (thousands of nested brackets: Python-Markdown is quadratic there) must be an error
naming the file, not a hung build.
"""

from __future__ import annotations

import errno
import re
import stat
from collections import defaultdict, deque
from pathlib import Path

from podium.core.frontmatter import first_on_each_line
from podium.core.problems import Problems
from podium.core.settings import Settings
from podium.core.statements import paragraphs

_TAG = re.compile(r"<(!--|[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
# What opens a nested Markdown block at the start of a line: a block quote's `>` or a list item's marker.
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$))")
_PROCESSING_INSTRUCTION = re.compile(r"<\?[A-Za-z]")
# Left-to-right and right-to-left overrides: the letters after one are shown reversed until its end, so a
# registry's `tnemnrevog` reads "government" on every page that names the entry. No name or label needs one
# (a right-to-left name is shown in its direction without); transcripts have lint's `invisible-character`.
_OVERRIDES = re.compile("[\u202d\u202e]")
_OVERRIDE_NAMES = {"\u202d": "left-to-right override", "\u202e": "right-to-left override"}
_BACKTICKS = re.compile(r"`+")


def bidi_overrides(text: str, path: str, problems: Problems) -> None:
    """Report each bidirectional override in a registry (the first of each line) at its line and column.

    >>> problems = Problems()
    >>> bidi_overrides("kim:\\n  name: \\u202etnemnrevog\\n", "speakers.yml", problems)
    >>> problems.items[0].format().splitlines()[0]
    'speakers.yml:2:9: error: U+202E (right-to-left override) shows the text after it reversed on the site'
    """
    for line, column, char in first_on_each_line(_OVERRIDES, text):
        problems.add(
            path,
            line,
            column,
            f"U+{ord(char):04X} ({_OVERRIDE_NAMES[char]}) shows the text after it reversed on the site",
            "delete it: a name in a right-to-left script is shown in its own direction without one",
        )


def link_problem(file: Path, root: Path, what: str = "file") -> tuple[str, str] | None:
    """Why `file` must not be read, as (message, hint), or None when it is a regular file inside the archive.

    `what` names the file in the message ("transcript"). Every file Podium reads (transcripts, registries) and
    every file MkDocs publishes must stay inside the
    archive: a symbolic link to `/etc/passwd` or `~/.ssh` would be published. Loops, dangling links, folders
    named like files and devices or pipes (which would hang the read) are refused with a clear message.
    """
    try:
        resolved = file.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop so
        return "symbolic link loop", "point the link at a real file, or replace it with the file itself"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop", "point the link at a real file, or replace it with the file itself"
        if file.is_symlink():
            return "symbolic link to a file that does not exist", "fix the link's target, or delete the link"
        return f"cannot be read: {exc.strerror or exc}", "check the file's permissions"
    if not resolved.is_relative_to(root.resolve()):
        if what == "transcript":
            return (
                "transcript is a symbolic link to a file outside the archive",
                "copy the transcript into speeches/ instead of linking to it",
            )
        return f"symbolic link to a {what} outside the archive", f"copy the {what} into the archive instead of linking"
    try:
        mode = resolved.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}", "check the file's permissions"
    if stat.S_ISDIR(mode):
        return (
            None
            if not file.name.endswith((".md", ".yml"))
            else (
                "is a folder, but its name ends like a file's",
                "rename the folder, or move its content up",
            )
        )
    if not stat.S_ISREG(mode):
        return "is not a regular file (a pipe or a device)", "replace it with an ordinary file"
    return None


def check_size(size: int, path: str, problems: Problems, settings: Settings) -> bool:
    """False (and an error) when a transcript is larger than the archive allows."""
    limit = settings.max_transcript_kb * 1024
    if size <= limit:
        return True
    problems.add(
        path,
        1,
        1,
        f"transcript is {size // 1024} KB, over the limit of {settings.max_transcript_kb} KB",
        "split a very long session into several transcripts, or raise `max_transcript_kb` in mkdocs.yml",
    )
    return False


def check_body(body: str, first_line: int, path: str, problems: Problems, settings: Settings) -> None:
    """Report raw HTML (outside code), brackets nested deeper than `max_nesting`, lists and quotes nested
    deeper than `max_list_depth`, and more `<` than `max_angle_brackets`."""
    _check_angle_brackets(body, first_line, path, problems, settings)
    _check_list_depth(body, first_line, path, problems, settings)
    _check_tags_and_brackets(body, first_line, path, problems, settings)


def _check_angle_brackets(body: str, first_line: int, path: str, problems: Problems, settings: Settings) -> None:
    """Python-Markdown's HTML reader slows down quadratically with `<` that open no tag: 100,000 of them take
    minutes. The count is over the whole file, as Markdown reads it in one pass."""
    if body.count("<") <= settings.max_angle_brackets:
        return
    at = -1
    for _ in range(settings.max_angle_brackets + 1):
        at = body.index("<", at + 1)
    line = body.count("\n", 0, at) + first_line
    problems.add(
        path,
        line,
        at - (body.rfind("\n", 0, at) + 1) + 1,
        f"more than {settings.max_angle_brackets} `<` characters in one transcript",
        'write `&lt;` or the word ("less than"), or a maintainer may raise `max_angle_brackets` in mkdocs.yml',
    )


def _check_list_depth(body: str, first_line: int, path: str, problems: Problems, settings: Settings) -> None:
    """Markdown renders nested lists and block quotes recursively: 300 levels crash it. A line's depth is the
    containers it opens (`>`, `- `, `1. `, even several on one line) plus its indentation in steps of four."""
    for number, line in enumerate(body.split("\n"), start=first_line):
        if not _CONTAINER.match(line):
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        depth, end = indent // 4, 0
        while match := _CONTAINER.match(line, end):
            depth, end = depth + 1, match.end()
        if depth > settings.max_list_depth:
            problems.add(
                path,
                number,
                1,
                f"lists or quotes nested more than {settings.max_list_depth} deep",
                "flatten the list; a maintainer may raise `max_list_depth` in mkdocs.yml",
            )
            return


def blank_code_spans(line: str) -> str:
    """The line with its code spans blanked (tags and brackets in code are not HTML), in linear time.

    A run of n backticks opens a span that the next run of exactly n closes (CommonMark's rule). A regular
    expression with a backreference tries every later run for every run: 60,000 unmatched runs took minutes.

    >>> blank_code_spans("a `<b>` c ``x`y`` `d")
    'a       c         `d'
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    later: dict[int, deque[int]] = defaultdict(deque)  # run length -> indexes of the runs of that length
    for index, (start, end) in enumerate(runs):
        later[end - start].append(index)
    chars, index = list(line), 0
    while index < len(runs):
        start, end = runs[index]
        same = later[end - start]
        while same and same[0] <= index:
            same.popleft()
        if not same:
            index += 1
            continue
        closing = same.popleft()
        chars[start : runs[closing][1]] = " " * (runs[closing][1] - start)
        index = closing + 1
    return "".join(chars)


def _check_tags_and_brackets(body: str, first_line: int, path: str, problems: Problems, settings: Settings) -> None:
    # HTML inside a code fence is code, where the build's own parser puts fences (statements.paragraphs, as lint
    # does). Its brackets still count: Markdown's slowness does not care whether they are code.
    fenced = {line.number for block in paragraphs(body, first_line) for line in block.lines if line.fenced}
    depth = 0
    reported_depth = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if not line.strip():
            depth, reported_depth = 0, False  # a blank line ends the paragraph and its brackets
            continue
        if "<" not in line and "[" not in line and "(" not in line:
            # The common line: no tag, no opening bracket. Closing brackets only lower the depth.
            depth = max(0, depth - line.count("]") - line.count(")"))
            continue
        visible = blank_code_spans(line) if "`" in line else line
        for match in () if number in fenced else _PROCESSING_INSTRUCTION.finditer(visible):
            # Markdown drops `<?xml-stylesheet ...?>` without a word: the reader would never see the text.
            problems.add(
                path,
                number,
                match.start() + 1,
                "a processing instruction (`<?...?>`) is not allowed in a transcript",
                "delete it; to show it as text, put it in backticks",
            )
        for match in () if number in fenced else _TAG.finditer(visible):
            name = match.group(1).lower()
            if name != "!--" and name in settings.allow_html:
                continue
            shown = "<!-- -->" if name == "!--" else f"<{name}>"
            problems.add(
                path,
                number,
                match.start() + 1,
                f"raw HTML `{shown}` is not allowed in a transcript",
                "write the text in Markdown; a maintainer may allow harmless tags with `allow_html` in mkdocs.yml",
            )
        for column, char in enumerate(visible, start=1):
            if char in "[(":
                depth += 1
                if depth > settings.max_nesting and not reported_depth:
                    reported_depth = True
                    problems.add(
                        path,
                        number,
                        column,
                        f"brackets nested more than {settings.max_nesting} deep",
                        "Markdown slows down sharply on deeply nested or unclosed brackets; "
                        "close them, or raise `max_nesting` in mkdocs.yml",
                    )
            elif char in "])" and depth:
                depth -= 1
