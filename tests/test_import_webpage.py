"""`podium import article` of a saved web page: the text a browser shows, not the markup; the statement the
same as from the page's text; the head's metadata in the source; what was left out said."""

from __future__ import annotations

import doctest
import html
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.cli.main import main
from podium.editors import webpage
from support.archive import REPO, ArchiveDir

SEED = REPO.parent / "shared" / "examples" / "aif-2025-tokayev-plenary.article.txt"


def archive(root: Path) -> Path:
    (root / "speeches").mkdir(parents=True)
    for name in ("speakers.yml", "events.yml", "topics.yml"):
        shutil.copy(REPO / "speeches" / name, root / "speeches" / name)
    (root / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - podium\n")
    return root


def as_page(text: str) -> str:
    """The seed article as its site would serve it: a head, navigation, the article in paragraphs, a footer."""
    lines = [line for line in text.split("\n") if line.strip()]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[6:])
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(lines[0])} | Bruxelles Korner</title>"
        '<meta property="og:site_name" content="Bruxelles Korner">'
        '<meta property="article:published_time" content="2025-05-29T12:00:00+05:00">'
        '<link rel="canonical" href="https://bruxelleskorner.example/kazakhstan-dialogue/">'
        "<script>var tracker = 'Here is the statement: “not it”';</script><style>p { margin: 0 }</style></head>\n"
        '<body><nav><ul><li><a href="/">Home</a></li><li><a href="/asia">Orta Asya</a></li></ul></nav>\n'
        f"<article><h1>{html.escape(lines[5])}</h1><div class=byline>Derya Soysal</div>\n"
        '<figure><img src="photo.jpg" alt=""><figcaption>Photo by Derya Soysal</figcaption></figure>\n'
        f"{body}\n</article><footer>© 2025 Bruxelles Korner. <a href=/privacy>Privacy</a></footer></body></html>\n"
    )


def draft(root: Path, file: Path, *args: str):
    return CliRunner().invoke(main, ["import", "article", str(file), "-o", "-", "--root", str(root), *args])


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article is in ../shared/examples")
def test_a_saved_page_gives_the_statement_its_text_gives(tmp_path):
    root = archive(tmp_path / "archive")
    page = tmp_path / "kazakhstan-dialogue.html"
    page.write_text(as_page(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    from_page = draft(root, page)  # no --date: the page's publication time gives the dateline its year
    from_text = draft(root, SEED, "--date", "2025-05-29")
    assert from_page.exit_code == 0, from_page.output
    front, body = from_page.stdout.split("\n---\n", 2)[1:]
    assert body == from_text.stdout.split("\n---\n", 2)[2]
    assert "<" not in body and "&lt;" not in body and "tracker" not in body
    assert "date: 2025-05-29\n" in front
    assert "  publisher: Bruxelles Korner\n  author: Derya Soysal\n" in front
    assert "  url: https://bruxelleskorner.example/kazakhstan-dialogue/\n" in front
    assert (
        "note: read as a web page: its text as a browser shows it (footer, nav, scripts, styles left out); "
        "the line numbers below are of that text\n" in from_page.stdout
    )


def test_the_text_a_browser_shows(tmp_path):
    root = archive(tmp_path / "archive")
    fragment = tmp_path / "remarks.htm"  # a fragment, no doctype: the file's name says it is HTML
    fragment.write_text(
        "<div><p>GENEVA, 3 March 2024 – The minister spoke.<p>Here is the statement:<p>“We act&nbsp;!\n   Together,"
        "<br>now.”"
        "<p>Tom &amp; Jerry &lt;b&gt; <b>bold</b>, a&#8239;b.</p>"
        "<pre>Line one\n  line two</pre><aside>Read more</aside><form><label>Email</label></form>"
        '<div hidden><p>Share this</p></div><span style="display: none">Subscribe</span></div>',
        encoding="utf-8",
    )
    result = draft(root, fragment)
    assert result.exit_code == 0, result.output
    body = result.stdout.split("\n---\n", 2)[2]
    # The quotation is the statement: its no-break space kept, its folded spaces one, its <br> a new line.
    assert body == "\nWe act\u00a0! Together,\n\nnow.\n"
    page = webpage.read(fragment.read_text(encoding="utf-8"))
    assert page.lines[4:] == ["Tom & Jerry <b> bold, a\u202fb.", "Line one", "  line two"]
    assert page.left_out == ["aside", "form", "hidden elements"]


def test_a_pages_json_ld_fills_the_source_when_its_meta_tags_do_not(tmp_path):
    root = archive(tmp_path / "archive")
    page = tmp_path / "remarks.html"
    linked = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Ignored"}, '
        '{"@type": ["NewsArticle"], "headline": "Remarks in Geneva", "datePublished": "2024-03-04T08:00:00Z", '
        '"author": [{"@type": "Person", "name": "Ann Lee"}], "publisher": {"name": "Geneva Daily"}}]}'
    )
    page.write_text(
        f'<!doctype html><html><head><script type="application/ld+json">{linked}</script></head><body>'
        "<p>GENEVA, March 3 – The minister spoke.</p><p>Here is the statement:</p><p>“We act.”</p></body></html>",
        encoding="utf-8",
    )
    result = draft(root, page)  # no --date: the dateline's day, the year from datePublished
    assert result.exit_code == 0, result.output
    front, body = result.stdout.split("\n---\n", 2)[1:]
    assert body == "\nWe act.\n"
    assert "date: 2024-03-03\n" in front
    assert "  title: Remarks in Geneva\n  publisher: Geneva Daily\n  author: Ann Lee\n" in front


def test_a_part_left_out_that_never_ends_is_said_and_an_open_paragraph_ends():
    page = webpage.read("<html><body><p hidden>Share<p>Real text<aside>Related<p>Lost words</body></html>")
    # A <p> ends at the next one (its end tag is optional), so a hidden <p> cannot swallow the page; an <aside>
    # never closed takes the rest with it, and the note says so rather than drop it unannounced.
    assert page.lines == ["Share", "Real text"]
    assert page.left_out == ["aside", "everything after an unclosed <aside>"]


def test_a_text_is_read_as_text(tmp_path):
    ArchiveDir(tmp_path)
    text = tmp_path / "note.txt"
    text.write_text("PARIS, 1 May 2024 – She spoke.\nHere is the statement:\n“About <html> tags.”\n", encoding="utf-8")
    result = draft(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n---\n", 2)[2] == "\nAbout &lt;html> tags.\n"


def test_a_page_is_read_in_the_encoding_it_declares_as_a_browser_reads_it(tmp_path):
    ArchiveDir(tmp_path)
    page = tmp_path / "old-site.html"
    html_text = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>'
        "<p>PARIS, 3 March 2024 – The minister’s words.</p><p>Here is the statement:</p>"
        "<p>“Café society’s time.”</p></body></html>"
    )
    page.write_bytes(html_text.encode("cp1252"))  # what such sites serve: Windows-1252 labelled Latin-1
    result = draft(tmp_path, page)
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n---\n", 2)[2] == "\nCafé society’s time.\n"  # 0x92 is ’, as a browser shows
    assert "note: read as cp1252, the encoding the page declares (--encoding to read it otherwise)\n" in result.stdout
    told = draft(tmp_path, page, "--encoding", "utf-8")  # the editor's word wins over the page's
    assert told.exit_code == 1
    assert f"{page}:1:121: error: the text is not UTF-8: byte 0x96 cannot be read" in told.stderr


def test_an_empty_article_is_an_error_not_a_missing_date(tmp_path):
    ArchiveDir(tmp_path)
    empty = tmp_path / "saved.html"
    empty.write_text(" \n", encoding="utf-8")
    result = draft(tmp_path, empty)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{empty}:1:1: error: the article is empty\n"
        "  hint: save the page or text of the article into it first\n1 error, 0 warnings\n"
    )


def test_the_modules_examples_hold():
    assert doctest.testmod(webpage).failed == 0
