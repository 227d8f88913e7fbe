"""`podium lint`: find the artifacts that real transcripts carry, before a reviewer has to.

`podium check` says whether a transcript is valid; lint says whether it is clean. Text pasted from a
scraped article, a PDF or an old database brings stray accents (`advócacy`, `Cóngress`), mojibake (`â€™`),
raw HTML entities (`&#8217;`), invisible soft hyphens, words glued or cut by a lost space (`theUnited`,
`govern- ment`), the site's credits and "Read more" lines, a reporter's "he said", doubled paragraphs,
unclosed quotes and double spaces. Each rule has a name, reports `path:line:col` and suggests a fix:

    speeches/2025/aif.md:79:155: warning: [foreign-character] stray `ó` in the English word `advócacy`
      hint: write `advocacy` and record the change under `corrections:` in the front matter; ...

The package has one module per family of rules (`characters`, `words`, `boilerplate`, `structure`), the table
of rules (`rules`), the archive's settings (`config`) and the run and `--fix` (`run`). Rules are configured
per archive under the `podium` plugin's `lint:` option in mkdocs.yml (see `config`).

Lint never writes a file unless asked: `--fix` applies only the fixes that cannot change what was said
(collapsing double spaces, reading mojibake back when the bytes prove it, decoding HTML entities, deleting
invisible characters) and prints each one. Nothing here imports MkDocs.
"""

from __future__ import annotations

from podium.editors.lint.boilerplate import boilerplate_match
from podium.editors.lint.config import LintConfig, positions
from podium.editors.lint.rules import RULES
from podium.editors.lint.run import (
    Applied,
    FileLint,
    apply_fixes,
    fix_text,
    in_context,
    lint_file,
    lint_text,
    read_transcript,
    targets,
)
from podium.editors.lint.structure import PLACEHOLDER
from podium.editors.lint.transcript import Finding, Fix, Option, Rule, Transcript, read

__all__ = [
    "PLACEHOLDER",
    "RULES",
    "Applied",
    "FileLint",
    "Finding",
    "Fix",
    "LintConfig",
    "Option",
    "Rule",
    "Transcript",
    "apply_fixes",
    "boilerplate_match",
    "fix_text",
    "in_context",
    "lint_file",
    "lint_text",
    "positions",
    "read",
    "read_transcript",
    "targets",
]
