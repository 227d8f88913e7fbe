"""What `podium check` reads: file names held to the id rule, every file inside the archive, hostile encodings and
YAML refused at their line and column, and a bounded report per file."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from podium import features
from podium.core.problems import MAX_PER_FILE, Problems
from podium.mkdocs.plugin import PodiumPlugin
from support.archive import MINIMAL_FRONT, ArchiveDir, speech_text
from support.processes import run_podium

XSS_NAME = 'a"><img src=x onerror=alert(1)>'


def problems_of(root: Path) -> list[str]:
    return [problem.format() for problem in features.load(root).problems.sorted()]


def first_lines(root: Path) -> list[str]:
    """Each problem's first line (without its hint)."""
    return [line.split("\n")[0] for line in problems_of(root)]


# -- file names are ids -----------------------------------------------------------------------------------------


def test_a_name_carrying_markup_is_refused_with_a_suggested_name(archive_dir: ArchiveDir):
    archive_dir.speech(XSS_NAME)
    assert problems_of(archive_dir.root) == [
        f"speeches/2025/{XSS_NAME}.md:1:1: error: file name `{XSS_NAME}.md` is not an id: it is the speech's address\n"
        "  hint: rename it to `a-img-src-x-onerror-alert-1.md`: lowercase letters, digits and hyphens"
    ]


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("speech#2", "speech-2"),
        ("what?", "what"),
        ("opening address", "opening-address"),
        ("Opening", "opening"),
        ("kagamé", "kagame"),
        ("токаев", "tokaev"),
        ("a.b", "a-b"),
    ],
)
def test_names_that_break_urls_are_refused(archive_dir: ArchiveDir, name: str, suggested: str):
    archive_dir.speech(name)
    assert first_lines(archive_dir.root) == [
        f"speeches/2025/{name}.md:1:1: error: file name `{name}.md` is not an id: it is the speech's address"
    ]
    assert f"rename it to `{suggested}.md`" in problems_of(archive_dir.root)[0]


@pytest.mark.parametrize("name", ["index", "page"])
def test_a_name_of_the_hub_is_refused(archive_dir: ArchiveDir, name: str):
    archive_dir.speech(name)
    assert problems_of(archive_dir.root) == [
        f"speeches/2025/{name}.md:1:1: error: file name `{name}.md` is taken by the site's own page "
        f"/speeches/{name}/\n  hint: choose another name, e.g. `{name}-speech.md`"
    ]


def test_a_name_of_the_sites_own_page_under_speeches_is_refused(archive_dir: ArchiveDir):
    archive_dir.write("docs/speeches/archive-policy.md", "# Policy\n")
    archive_dir.speech("archive-policy")
    assert first_lines(archive_dir.root) == [
        "speeches/2025/archive-policy.md:1:1: error: file name `archive-policy.md` is taken by the site's own page "
        "/speeches/archive-policy/"
    ]


@pytest.mark.parametrize("name", [".notes", "_draft"])
def test_a_name_starting_with_a_dot_or_underscore_is_not_silently_skipped(archive_dir: ArchiveDir, name: str):
    archive_dir.speech(name)
    assert problems_of(archive_dir.root) == [
        f"speeches/2025/{name}.md:1:1: error: file name `{name}.md` starts with `{name[0]}`: every .md file under "
        f"speeches/ is a transcript\n  hint: rename it to `{name[1:]}.md`, or keep drafts outside the speeches folder"
    ]


def test_a_folder_name_is_held_to_the_id_rule(archive_dir: ArchiveDir):
    archive_dir.speech("opening", folder='speeches/x"><b')
    assert first_lines(archive_dir.root) == [
        'speeches/x"><b/opening.md:1:1: error: folder name `x"><b` is not an id: use lowercase letters, digits '
        "and hyphens"
    ]


def test_case_twins_are_errors(archive_dir: ArchiveDir):
    archive_dir.speech("opening", folder="speeches/2024")
    archive_dir.speech("OPENING", folder="speeches/2025")
    assert first_lines(archive_dir.root) == [
        "speeches/2025/OPENING.md:1:1: error: file name `OPENING.md` is not an id: it is the speech's address",
        "speeches/2025/OPENING.md:1:1: error: publishes at the same URL /speeches/opening/ as speeches/2024/opening.md",
    ]


def test_unicode_normalisation_twins_are_errors(archive_dir: ArchiveDir):
    composed, decomposed = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    archive_dir.speech(composed, folder="speeches/2024")
    archive_dir.speech(decomposed, folder="speeches/2025")
    lines = first_lines(archive_dir.root)
    assert f"speeches/2025/{decomposed}.md:1:1: error: publishes at the same URL /speeches/cafe/ as " in lines[-1]
    assert len(lines) == 3  # each name is not an id, and the second is the first one's twin


def test_the_edit_link_percent_encodes_the_path():
    plugin = SimpleNamespace(config=SimpleNamespace(edit_uri="edit/main/"))
    config = SimpleNamespace(repo_url="https://github.com/o/r", edit_uri="edit/main/docs/", docs_dir="docs")
    speech = SimpleNamespace(path=f"speeches/2025/{XSS_NAME} #?.md")
    url = PodiumPlugin._edit_url(plugin, speech, config)
    assert (
        url
        == "https://github.com/o/r/edit/main/speeches/2025/a%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%20%23%3F.md"
    )


@pytest.mark.slow
def test_a_hostile_name_never_reaches_a_built_page(archive_dir: ArchiveDir):
    archive_dir.write(
        "mkdocs.yml", "repo_url: https://github.com/o/r\nedit_uri: edit/main/docs/\n" + _mkdocs(archive_dir)
    )
    archive_dir.speech("opening")
    archive_dir.speech(XSS_NAME)
    result = archive_dir.build()
    assert result.returncode != 0
    assert f"speeches/2025/{XSS_NAME}.md:1:1: error: file name" in result.stderr
    pages = list((archive_dir.root / "site").rglob("*.html"))
    assert not [page for page in pages if "onerror=alert(1)" in page.read_text(encoding="utf-8")]


def _mkdocs(archive_dir: ArchiveDir) -> str:
    return (archive_dir.root / "mkdocs.yml").read_text(encoding="utf-8")


# -- every file read is inside the archive ---------------------------------------------------------------------


@pytest.fixture
def outside(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outside")
    (folder / "speakers.yml").write_text("secret:\n  name: Secret Person\n", encoding="utf-8")
    (folder / "secret.md").write_text("# Secret\n", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8secret")
    return folder


def test_a_registry_linked_from_outside_the_archive_is_refused(archive_dir: ArchiveDir, outside: Path):
    (archive_dir.root / "speeches/speakers.yml").unlink()
    (archive_dir.root / "speeches/speakers.yml").symlink_to(outside / "speakers.yml")
    archive = features.load(archive_dir.root)
    assert "speeches/speakers.yml:1:1: error: symbolic link to a file outside the archive" in [
        problem.format().split("\n")[0] for problem in archive.problems
    ]
    assert "secret" not in archive.registry.speakers


@pytest.mark.parametrize("target", ["secret.md", "photo.jpg"])
def test_a_docs_page_or_image_linked_from_outside_is_refused(archive_dir: ArchiveDir, outside: Path, target: str):
    (archive_dir.root / "docs/img").mkdir()
    (archive_dir.root / "docs/img" / target).symlink_to(outside / target)
    assert problems_of(archive_dir.root) == [
        f"docs/img/{target}:1:1: error: symbolic link to a file outside the archive\n"
        "  hint: copy the file into the archive instead of linking"
    ]


def test_a_folder_linked_from_outside_is_refused(archive_dir: ArchiveDir, outside: Path):
    (archive_dir.root / "docs/more").symlink_to(outside)
    assert first_lines(archive_dir.root) == ["docs/more:1:1: error: symbolic link to a folder outside the archive"]


def test_loops_dangling_links_and_folders_named_like_files_are_clear_errors(archive_dir: ArchiveDir):
    speeches = archive_dir.root / "speeches"
    (speeches / "loop.md").symlink_to(speeches / "loop.md")
    (speeches / "gone.md").symlink_to(speeches / "nowhere.md")
    (speeches / "folder.md").mkdir()
    (speeches / "back").symlink_to(speeches)
    (speeches / "events.yml").unlink()
    (speeches / "events.yml").mkdir()
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert [line for line in result.stderr.splitlines() if ": error: " in line] == [
        "speeches/back:1:1: error: symbolic link loop: the link leads to a folder that contains it",
        "speeches/events.yml:1:1: error: is a folder, but its name ends like a file's",
        "speeches/folder.md:1:1: error: is a folder, but its name ends like a transcript's",
        "speeches/gone.md:1:1: error: symbolic link to a file that does not exist",
        "speeches/loop.md:1:1: error: symbolic link loop",
    ]


# -- encodings and characters -------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(archive_dir: ArchiveDir, encoding: str):
    archive_dir.write("speeches/2025/opening.md", speech_text(MINIMAL_FRONT).encode(encoding))
    assert first_lines(archive_dir.root) == [
        f"speeches/2025/opening.md:1:1: error: file is {encoding.upper()} without a byte order mark, not UTF-8"
    ]


@pytest.mark.parametrize(
    ("character", "shown"),
    [("\x1b", "U+001B (ESC)"), ("\x0c", "U+000C (form feed)"), ("\ufffe", "U+FFFE (a noncharacter)"),
     ("\x85", "U+0085 (NEL)"), ("\u2028", "U+2028 (line separator)"),
     ("\U0001ffff", "U+1FFFF (a noncharacter)"), ("\x1b😀", "U+001B (ESC)")],
)  # fmt: skip
def test_control_characters_are_refused_where_they_are(archive_dir: ArchiveDir, character: str, shown: str):
    archive_dir.speech("opening", body=f"First statement.\n\nSecond {character}statement.\n")
    assert first_lines(archive_dir.root) == [
        f"speeches/2025/opening.md:10:8: error: control character {shown} is not allowed"
    ]


def test_a_control_character_in_a_registry_is_refused(archive_dir: ArchiveDir):
    archive_dir.write("speeches/topics.yml", "climate:\n  label: Cli\x1bmate\n")
    assert (
        first_lines(archive_dir.root)[0]
        == "speeches/topics.yml:2:13: error: control character U+001B (ESC) is not allowed"
    )


@pytest.mark.parametrize("date", ["٢٠٢٥-٠٥-٢٩", "２０２５-０５-２９"])
def test_dates_need_ascii_digits(archive_dir: ArchiveDir, date: str):
    archive_dir.speech("opening", front=MINIMAL_FRONT.replace("2025-05-29", date))
    assert first_lines(archive_dir.root) == [
        f"speeches/2025/opening.md:3:7: error: `date`: `{date}` is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY"
    ]


def test_an_id_with_a_final_newline_is_not_an_id(archive_dir: ArchiveDir):
    archive_dir.speech("opening", front=MINIMAL_FRONT.replace("speaker: tokayev", 'speaker: "tokayev\\n"'))
    assert "`speaker`: `tokayev\n` is not a valid id" in problems_of(archive_dir.root)[0]


@pytest.mark.parametrize("tag", ["!!binary", "!!python/object:os.system", "!custom", "!!str"])
def test_yaml_tags_are_refused(archive_dir: ArchiveDir, tag: str):
    archive_dir.speech("opening", front=MINIMAL_FRONT.replace("title: Opening address", f"title: {tag} aGVsbG8="))
    assert problems_of(archive_dir.root) == [
        f"speeches/2025/opening.md:2:8: error: YAML tags (`{tag}`) are not allowed here\n"
        "  hint: write the value as plain text, without the `!` tag before it"
    ]


def test_a_document_end_in_front_matter_is_refused(archive_dir: ArchiveDir):
    archive_dir.write("speeches/2025/opening.md", "---\n" + MINIMAL_FRONT + "...\nsummary: x\n---\n\nText.\n")
    assert problems_of(archive_dir.root) == [
        "speeches/2025/opening.md:6:1: error: `...` is not allowed in front matter: it ends the YAML early\n"
        "  hint: close the front matter with a line `---`; quote a value that is only dots"
    ]


def test_a_processing_instruction_is_an_error(archive_dir: ArchiveDir):
    archive_dir.speech("opening", body='First.\n\nSecond <?xml-stylesheet href="x.xsl"?> statement.\n')
    assert first_lines(archive_dir.root) == [
        "speeches/2025/opening.md:10:8: error: a processing instruction (`<?...?>`) is not allowed in a transcript"
    ]


def test_an_unclosed_quote_is_reported_where_it_opens(archive_dir: ArchiveDir):
    front = MINIMAL_FRONT.replace("title: Opening address", 'title: "Opening address') + "location: Astana\n"
    archive_dir.speech("opening", front=front)
    assert problems_of(archive_dir.root) == [
        "speeches/2025/opening.md:2:8: error: YAML syntax error: this quoted value is never closed\n"
        "  hint: add the closing quote at the end of the value"
    ]


def test_one_hostile_file_prints_a_bounded_report(archive_dir: ArchiveDir):
    archive_dir.speech("opening", body="".join(f"Statement <b{n}> here.\n\n" for n in range(2000)))
    result = run_podium("check", cwd=archive_dir.root)
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert result.returncode == 1
    assert len(errors) == MAX_PER_FILE + 1  # 2,000 tags and one `<` count: 2,001 problems
    assert errors[-1] == "speeches/2025/opening.md:4006:11: error: … and 1981 more problems in this file"


@pytest.mark.parametrize("past_the_limit", [1, 2])
def test_one_problem_past_the_limit_is_listed_not_counted(past_the_limit: int):
    """A single problem past the limit is shown as itself ("… and 1 more problems" hid it for nothing)."""
    problems = Problems()
    for line in range(1, MAX_PER_FILE + past_the_limit + 1):
        problems.add("a.md", line, 1, f"bad {line}", severity="warning")
    last = problems.items[-1].format()
    if past_the_limit == 1:
        assert len(problems.items) == MAX_PER_FILE + 1
        assert last == f"a.md:{MAX_PER_FILE + 1}:1: warning: bad {MAX_PER_FILE + 1}"
    else:
        assert len(problems.items) == MAX_PER_FILE + 1
        assert last == f"a.md:{MAX_PER_FILE + 2}:1: warning: … and 2 more problems in this file"


# -- nesting that crashed the readers ----------------------------------------------------------------------------


@pytest.mark.parametrize("nesting", ["[" * 100_000, "{a: " * 50_000, "[" * 17 + "]" * 17])
def test_deep_yaml_in_front_matter_is_an_error_at_its_place(archive_dir: ArchiveDir, nesting: str):
    archive_dir.speech("opening", front=MINIMAL_FRONT + f"summary: {nesting}\n")
    problems = problems_of(archive_dir.root)
    assert problems[0].startswith("speeches/2025/opening.md:6:")
    assert "lists and mappings nested more than 16 deep" in problems[0]


def test_deep_block_yaml_in_a_registry_is_an_error(archive_dir: ArchiveDir):
    archive_dir.write("speeches/events.yml", "aif:\n" + "".join("  " * i + "- \n" for i in range(1, 200)))
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "speeches/events.yml:17:" in result.stderr and "nested more than 16 deep" in result.stderr


def test_deep_yaml_in_mkdocs_yml_is_an_error(archive_dir: ArchiveDir):
    archive_dir.write("mkdocs.yml", "site_name: x\nextra: " + "[" * 100_000 + "\n")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "mkdocs.yml:2:71: error: lists and mappings nested more than 64 deep" in result.stderr


def test_a_registry_over_the_size_limit_is_refused(archive_dir: ArchiveDir):
    archive_dir.write(
        "mkdocs.yml", _mkdocs(archive_dir).replace("  - podium\n", "  - podium:\n      max_registry_kb: 1\n")
    )
    archive_dir.write("speeches/topics.yml", "".join(f"t{n}:\n  label: Topic {n}\n" for n in range(200)))
    assert first_lines(archive_dir.root) == [
        "speeches/topics.yml:1:1: error: topics.yml is 4 KB, over the limit of 1 KB"
    ]
