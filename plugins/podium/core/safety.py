"""Checks that keep an untrusted transcript from harming the site or the build.

Transcripts arrive by pull request from people we do not know. Rendering sanitizes them anyway (see
`render.StatementRenderer`), but an editor should hear about raw HTML before review, and input built to make
the Markdown parser crawl (thousands of nested brackets: Python-Markdown is quadratic there) must be an error
naming the file, not a hung build.
"""

from __future__ import annotations

import re

from podium.core.problems import Problems
from podium.core.settings import Settings
from podium.core.statements import paragraphs

_TAG = re.compile(r"<(!--|[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


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
    """Report raw HTML (outside code) and brackets nested deeper than `max_nesting`."""
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
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line) if "`" in line else line
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
