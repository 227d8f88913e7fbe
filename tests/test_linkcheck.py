"""podium linkcheck: broken internal links and anchors of a built site are found, external ones ignored."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from podium.cli.main import main
from podium.core.problems import Problems
from podium.editors.linkcheck import check_site


def site(tmp_path, pages: dict[str, str]):
    root = tmp_path / "site"
    for name, html in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html)
    return root


GOOD = {
    "index.html": '<a href="speeches/a/">A</a> <a href="speeches/a/#s-1">s1</a> <a href="https://x.org/nope">ext</a>'
    ' <a href="mailto:x@y.z">m</a> <a href="#top">top</a> <h1 id="top">T</h1>'
    ' <link rel="stylesheet" href="assets/site.css">',
    "assets/site.css": "",
    "speeches/a/index.html": '<p id="s-1">One</p><a href="../../">home</a><a href="../../index.html#top">t</a>',
}


def test_a_sound_site_passes(tmp_path):
    problems = Problems()
    assert check_site(site(tmp_path, GOOD), problems) == 6
    assert list(problems) == []


def test_broken_links_and_anchors_are_reported_where_they_are_written(tmp_path):
    pages = dict(GOOD)
    pages["speeches/b/index.html"] = (
        '<p id="x">B</p>\n<a href="../a/#s-2">gone</a>\n  <a href="../c/">missing</a> <img src="../../img/p.png">'
    )
    problems = Problems()
    check_site(site(tmp_path, pages), problems)
    assert [p.format().split("\n")[0] for p in problems.sorted()] == [
        "site/speeches/b/index.html:2:1: error: broken anchor: ../a/#s-2 (no element with id `s-2`)",
        "site/speeches/b/index.html:3:3: error: broken link: ../c/ (no file speeches/c/index.html)",
        "site/speeches/b/index.html:3:31: error: broken link: ../../img/p.png (no file img/p.png)",
    ]


def test_ignore_and_base_path(tmp_path):
    pages = dict(GOOD)
    pages["speeches/b/index.html"] = '<a href="/podium/speakers/x/">x</a><a href="/podium/speeches/a/#s-1">a</a>'
    root = site(tmp_path, pages)
    problems = Problems()
    check_site(root, problems, base_path="/podium/", ignore=("speakers/*",))
    assert list(problems) == []


def test_command_exit_codes_and_github_format(tmp_path):
    root = site(tmp_path, {"index.html": '<a href="nowhere/">x</a>'})
    result = CliRunner().invoke(main, ["linkcheck", str(root), "--format", "github"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "::error file=site/index.html,line=1,col=1,title=podium linkcheck::broken link: nowhere/ "
        "(no file nowhere/index.html)%0Ahint: check the id in the link; the page may have been renamed"
    )
    ok = CliRunner().invoke(main, ["linkcheck", str(site(tmp_path / "ok", GOOD))])
    assert ok.exit_code == 0
    assert ok.stdout.startswith("checked 6 internal links in")


@pytest.mark.slow
def test_a_built_archive_has_no_broken_anchor(archive_dir):
    """A real build: every statement anchor a page links to exists (facet pages may come from other plugins)."""
    archive_dir.speech("one", body="@tokayev: First. {#first}\n\nSecond.\n")
    assert archive_dir.build().returncode == 0
    problems = Problems()
    check_site(archive_dir.root / "site", problems, ignore=("speakers/*", "events/*", "topics/*", "dates/*"))
    assert [p.format() for p in problems] == []
