"""podium lint on every core: the same report, the same fixes, with 1 worker or 2."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from podium.cli import lint as command
from podium.cli.main import main
from podium.editors.lint import LintConfig
from support.archive import ArchiveDir

FRONT = "---\ntitle: T{n}\ndate: 2025-05-{day:02d}\nspeaker: tokayev\n---\n\n"
BODIES = [
    "The people&#8217;s trust &amp; hope.\n",  # html-entity, fixable
    "The govern\u00adment will act.\n",  # invisible-character, fixable
    "Welcome to theUnited States.\n",  # glued-words, not fixable
    "A clean statement about peace.\n",
    "Kazakhstanâ€™s reforms continue.\n",  # mojibake, fixable
]


def archive(root: Path, count: int) -> list[tuple[Path, str]]:
    ArchiveDir(root)
    files = []
    for n in range(count):
        relative = f"speeches/2025/t-{n:03d}.md"
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(FRONT.format(n=n, day=n % 28 + 1) + BODIES[n % len(BODIES)], encoding="utf-8")
        files.append((path, relative))
    (root / "speeches/2025/t-007.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")  # unreadable: its problem only
    return files


def test_one_worker_and_two_find_the_same_and_fix_the_same(tmp_path):
    count = command.PARALLEL_FROM + 6
    one, two = tmp_path / "one", tmp_path / "two"
    files_one, files_two = archive(one, count), archive(two, count)
    config = LintConfig()
    alone = list(command._each(files_one, config, fix=True, workers=1))
    shared = list(command._each(files_two, config, fix=True, workers=2))
    as_one = [[p.format().replace(str(two), str(one)) for p in result.problems] for result in shared]
    assert as_one == [[p.format() for p in result.problems] for result in alone]
    assert [r.applied for r in shared] == [r.applied for r in alone]
    fixable = sum(n % len(BODIES) in (0, 1, 4) for n in range(count) if n != 7)
    assert sum(bool(r.applied) for r in alone) == fixable  # every fixable file fixed
    assert [f.read_bytes() for f, _ in files_two] == [f.read_bytes() for f, _ in files_one]
    assert not alone[7].read and "is not UTF-8" in alone[7].problems[0].message


def test_the_whole_archive_is_reported_in_order_from_the_workers(tmp_path):
    count = command.PARALLEL_FROM + 6
    archive(tmp_path, count)
    result = CliRunner().invoke(main, ["lint", "--root", str(tmp_path)])
    assert result.exit_code == 1  # the entities are errors
    lines = [line for line in result.stdout.splitlines() if not line.startswith("  hint:")]
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    assert sum("[glued-words]" in line for line in lines) == sum(n % len(BODIES) == 2 for n in range(count) if n != 7)
    assert "speeches/2025/t-007.md:2:11: error: file is not UTF-8: byte 0xe9 cannot be decoded" in lines
