"""One transcript parser: `podium lint` reads the statements, sections and code fences the build renders.

Lint used to split the body itself and toggled "in code" at every line starting with ``` or ~~~, so a `~~~`
fence quoting a ``` line flipped it the wrong way: it flagged a double space inside the fence and went blind
to the paragraph after it. Now both read `core.statements.paragraphs`, whose fences close the CommonMark way.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from podium.core.problems import Problems
from podium.core.statements import Section, Statement, paragraphs, parse
from podium.editors.lint import read

PODIUM = Path(sys.executable).parent / "podium"
FRONT = "---\ntitle: T\ndate: 2025-05-29\nspeaker: tokayev\n---\n\n"  # the body starts at line 7

# A `~~~` fence that quotes a ``` line, with a double space in the code, then a real double space.
FENCED = """\
We meet here.

~~~
```
x  = 1
~~~

After the  code, a real double space.
"""


def lint(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PODIUM), "lint", *args, "--root", str(root)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line or ": error: " in line]


def test_lint_skips_the_fence_and_finds_the_double_space_after_it(archive_dir):
    archive_dir.speech("fenced", body=FENCED)
    result = lint(archive_dir.root)
    assert problem_lines(result.stdout) == [
        "speeches/2025/fenced.md:15:10: warning: [double-space] 2 spaces between words"
    ]
    assert result.returncode == 0  # a warning only
    assert lint(archive_dir.root, "--strict").returncode == 1


def test_fix_fixes_the_real_double_space_and_leaves_the_code(archive_dir):
    path = archive_dir.speech("fenced", body=FENCED)
    result = lint(archive_dir.root, "--fix")
    assert result.stdout.splitlines() == [
        "fixed speeches/2025/fenced.md:15:10: [double-space] `the  code,` -> `the code,`",
        "linted 1 transcript: clean",
    ]
    assert result.returncode == 0
    body = path.read_text(encoding="utf-8").split("---\n\n", 1)[1]
    assert body == FENCED.replace("the  code", "the code")  # `x  = 1` in the fence is untouched
    assert lint(archive_dir.root).stdout == "linted 1 transcript: clean\n"


# -- lint and the build agree on where statements start -----------------------------------------------------------

TRICKY = """\
@tokayev: Opening words.

```
first line of code

@kagame: not a turn, still code
```

[Applause]

## The second part

@kagame:

Thank you.

Closing  words.
"""


def test_lint_and_the_build_agree_on_statement_boundaries():
    blocks = parse(TRICKY, "t.md", Problems(), first_line=7)
    assert [(type(b).__name__, b.line) for b in blocks] == [
        ("Statement", 7),
        ("Statement", 9),
        ("Statement", 15),
        ("Section", 17),
        ("Statement", 21),
        ("Statement", 23),
    ]
    code = blocks[1]
    assert isinstance(code, Statement) and code.speaker == "tokayev"  # the fenced `@kagame:` is code, not a turn
    assert code.text.startswith("```\nfirst line of code\n\n@kagame: not a turn") and code.text.endswith("```")
    assert [(b.type, b.speaker) for b in blocks if isinstance(b, Statement)][2:] == [
        ("narrative", None),
        ("speech", "kagame"),
        ("speech", "kagame"),
    ]
    transcript = read(FRONT + TRICKY, "t.md")
    assert [p.line for p in transcript.paragraphs] == [b.line for b in blocks]
    assert [p.heading for p in transcript.paragraphs] == [isinstance(b, Section) for b in blocks]
    assert [p.text for p in transcript.paragraphs] == [  # the words lint reads, statement by statement
        "Opening words.",
        "",
        "[Applause]",
        "The second part",
        "Thank you.",
        "Closing  words.",
    ]


def test_lint_reads_no_word_of_a_fence():
    transcript = read(FRONT + TRICKY, "t.md")
    assert [[(line.number, line.column, line.text) for line in p.lines] for p in transcript.paragraphs] == [
        [(7, 11, "Opening words.")],
        [],
        [(15, 1, "[Applause]")],
        [(17, 4, "The second part")],
        [(21, 1, "Thank you.")],
        [(23, 1, "Closing  words.")],
    ]


# -- fences close the CommonMark way: same character, at least as long, nothing after -----------------------------


def boundaries(body: str) -> list[tuple[int, str]]:
    return [(b.line, b.text) for b in parse(body, "t.md", Problems()) if isinstance(b, Statement)]


def test_a_longer_fence_holds_a_shorter_one_and_a_blank_line():
    body = "````\n```\n\ncode\n```\n````\n\nAfter."
    assert boundaries(body) == [(1, "````\n```\n\ncode\n```\n````"), (8, "After.")]


def test_a_tilde_fence_is_closed_only_by_tildes():
    body = "~~~\n```\n\n@kagame: code\n~~~\n\nAfter."
    assert boundaries(body) == [(1, "~~~\n```\n\n@kagame: code\n~~~"), (7, "After.")]


def test_a_line_with_an_info_string_does_not_close_a_fence():
    body = "```\ncode\n```python\n\nstill code\n```\n\nAfter."
    assert boundaries(body) == [(1, "```\ncode\n```python\n\nstill code\n```"), (8, "After.")]


def test_inline_code_at_the_start_of_a_line_opens_no_fence():
    body = "```x = 1``` is code.\n\nNext statement.\n\nLast one."
    assert boundaries(body) == [(1, "```x = 1``` is code."), (3, "Next statement."), (5, "Last one.")]


def test_an_unclosed_fence_runs_to_the_end_as_before():
    assert boundaries("Before.\n\n```\ncode\n\nmore") == [(1, "Before."), (3, "```\ncode\n\nmore")]


def test_paragraphs_mark_fenced_lines_and_keep_positions():
    found = list(paragraphs("@kagame: Words {#w}\n\nText\n```\na  b\n```\n", first_line=5))
    assert [(p.line, p.speaker, p.speaker_at) for p in found] == [(5, "kagame", (5, 2)), (7, None, (0, 1))]
    assert [(line.number, line.column, line.text) for line in found[0].lines] == [(5, 10, "Words")]
    attributes = found[0].attributes
    assert attributes is not None and (attributes.number, attributes.column, attributes.text) == (5, 17, "#w")
    assert [(line.number, line.fenced) for line in found[1].lines] == [(7, False), (8, True), (9, True), (10, True)]
    assert [line.text for line in found[1].prose] == ["Text"]


def test_an_attribute_problem_after_a_turn_mark_points_at_its_own_column():
    problems = Problems()
    parse("@kagame: Words. {#Bad_Id}\n", "t.md", problems, first_line=3)
    assert [p.format().split("\n")[0] for p in problems.sorted()] == [
        "t.md:3:18: error: statement id `Bad_Id` is not valid"
    ]


# -- `podium check` reads the same fences: raw HTML in code is code ------------------------------------------------


def test_raw_html_is_reported_after_a_fence_and_not_inside_it():
    from podium.core.safety import check_body
    from podium.core.settings import Settings

    problems = Problems()
    body = "Hi.\n\n~~~\n```\n<b>code</b>\n~~~\n\nAfter <script>x</script>"
    check_body(body, 7, "t.md", problems, Settings.from_options({}))
    assert [p.format().split("\n")[0] for p in problems.sorted()] == [
        "t.md:14:7: error: raw HTML `<script>` is not allowed in a transcript"
    ]


def test_brackets_nested_inside_a_fence_still_count():
    """Markdown is as slow on brackets in code as anywhere: a fence is no way round `max_nesting`."""
    from podium.core.safety import check_body
    from podium.core.settings import Settings

    problems = Problems()
    check_body("~~~\n" + "[" * 5 + "\n~~~", 1, "t.md", problems, Settings.from_options({"max_nesting": 3}))
    assert [p.format().split("\n")[0] for p in problems.sorted()] == [
        "t.md:2:4: error: brackets nested more than 3 deep"
    ]
