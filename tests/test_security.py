"""Untrusted transcripts: attack payloads in bodies, front matter and registries never reach readers as code."""

from __future__ import annotations

import doctest
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from podium import features
from podium.core import safety
from podium.core.settings import Settings
from support.archive import REPO, ArchiveDir
from support.processes import run_podium

# Each payload goes into a statement of its own. The archive allows these tags in `allow_html` so that
# `podium check` lets them through and the test reaches the renderer's sanitizer, the last line of defence.
BODY_PAYLOADS = [
    "<script>alert('body-1')</script>",
    "<img src=x onerror=alert('body-2')>",
    "[click](javascript:alert('body-3'))",
    "<iframe srcdoc=\"<script>alert('body-4')</script>\"></iframe>",
    "Text {: onmouseover=alert('body-5') }",
    "<a href=\"javascript:alert('body-6')\">x</a>",
    "<svg onload=alert('body-7')></svg>",
    "<details open ontoggle=alert('body-8')>x</details>",
    "[click](JaVaScRiPt:alert('body-9'))",
    "![pic](javascript:alert('body-10'))",
    "<style>body{background:url(javascript:alert('body-11'))}</style>",
    "<object data=\"javascript:alert('body-12')\"></object>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('body-13')>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<form action=\"javascript:alert('body-15')\"><button>go</button></form>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'body-16\')">',
    "<a href=\"&#106;avascript:alert('body-17')\">encoded</a>",
    "<embed src=\"javascript:alert('body-18')\">",
]
ALLOW = [
    "script",
    "img",
    "iframe",
    "a",
    "svg",
    "details",
    "style",
    "object",
    "math",
    "mtext",
    "table",
    "mglyph",
    "form",
    "button",
    "meta",
    "embed",
]

FRONT = """\
title: "</title><script>alert('fm-1')</script>"
date: 2025-05-29
speaker: evil
event: evil-event
session: "<img src=x onerror=alert('fm-2')>"
location: "{{ 7*7 }} <svg onload=alert('fm-3')>"
summary: "\\"><script>alert('fm-4')</script>"
topics: [evil-topic]
source:
  publisher: "<script>alert('fm-5')</script>"
  author: "<b onmouseover=alert('fm-6')>x</b>"
  title: "\\u003cscript\\u003ealert('fm-7')\\u003c/script\\u003e"
  note: "<iframe src=javascript:alert('fm-8')>"
corrections:
  - original: "<script>alert('fm-9')</script>"
    corrected: ok
"""
SPEAKERS = """\
evil:
  name: "<script>alert('reg-1')</script>"
  sort_name: "<img src=x onerror=alert('reg-2')>"
  bio: "<svg onload=alert('reg-3')>"
  roles:
    - role: "<script>alert('reg-4')</script>"
      organization: "\\"><img src=x onerror=alert('reg-5')>"
"""
EVENTS = (
    "evil-event:\n  name: \"<script>alert('reg-6')</script>\"\n  description: \"<img src=x onerror=alert('reg-7')>\"\n"
)
TOPICS = 'evil-topic:\n  label: "\\"><svg onload=alert(\'reg-8\')>"\n'

EXECUTABLE_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "form", "meta", "base", "frame"}


class Scanner(HTMLParser):
    """Collects every executable construct in a page: tags, event handler attributes, script URLs.

    The theme's own inline scripts are fine; an inline script or style is a finding when its text is a
    payload's (every payload calls alert).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.open: str = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inert = tag == "script" and (attrs.get("type") or "").startswith(("application/json", "application/ld+json"))
        self.open = "" if inert else tag  # a JSON data block is not run; test_feeds_and_data_files checks it
        if tag in EXECUTABLE_TAGS - {"script", "style", "svg", "meta", "form"}:  # forms: by their action
            self.found.append(f"<{tag} {attrs}>")
        # A refresh or set-cookie from a payload is a finding; a Content-Security-Policy only takes rights away
        # (the embed page sets its own).
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() not in ("", "content-security-policy"):
            self.found.append(f"<meta {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value}>")
            if (
                name in ("href", "src", "action", "data", "formaction", "srcdoc")
                and value
                and re.match(r"\s*(javascript|data|vbscript):", value, re.I)
            ):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_data(self, data):
        if self.open in ("script", "style", "svg") and "alert" in data:
            self.found.append(f"<{self.open}>{data[:80]}")

    def handle_endtag(self, tag):
        self.open = ""


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory) -> ArchiveDir:
    archive = ArchiveDir(tmp_path_factory.mktemp("attack"))
    archive.write("speeches/speakers.yml", SPEAKERS)
    archive.write("speeches/events.yml", EVENTS)
    archive.write("speeches/topics.yml", TOPICS)
    # Every plugin of the repository's own mkdocs.yml: facet pages, feeds, data files and the search index
    # print the same hostile values.
    plugins = REPO.joinpath("mkdocs.yml").read_text().split("\nplugins:\n", 1)[1].split("\n\n", 1)[0]
    plugins = plugins.replace("  - podium\n", "  - podium:\n      allow_html: [" + ", ".join(ALLOW) + "]\n", 1)
    archive.write(
        "mkdocs.yml",
        "site_name: Test archive\nsite_url: https://archive.example.org/\n"
        "theme:\n  name: material\nnav:\n  - Home: index.md\n  - Speeches: speeches/index.md\n"
        "plugins:\n" + plugins + "\n",
    )
    body = "\n\n".join(BODY_PAYLOADS) + "\n\n@evil: <script>alert('turn')</script>\n"
    archive.speech("attack", FRONT, body)
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive


def pages(site: ArchiveDir) -> list[Path]:
    return sorted((site.root / "site").rglob("*.html"))


def test_there_are_at_least_twenty_payloads():
    count = (
        len(BODY_PAYLOADS)
        + FRONT.count("alert(")
        + SPEAKERS.count("alert(")
        + EVENTS.count("alert(")
        + TOPICS.count("alert(")
    )
    assert count >= 20


@pytest.mark.slow
def test_no_payload_survives_as_executable_markup(attacked_site: ArchiveDir):
    findings = {}
    for page in pages(attacked_site):
        scanner = Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        if scanner.found:
            findings[page.relative_to(attacked_site.root).as_posix()] = scanner.found
    assert findings == {}


@pytest.mark.slow
def test_feeds_and_data_files_stay_well_formed_and_inert(attacked_site: ArchiveDir):
    import gzip
    import json
    import xml.etree.ElementTree as ElementTree

    site = attacked_site.root / "site"
    xml_files = sorted(site.rglob("*.xml"))
    json_files = sorted(site.rglob("*.json"))
    assert any(f.name == "feed.xml" for f in xml_files)
    assert any(f.name == "speech.json.gz" for f in site.rglob("*.json.gz"))
    for file in xml_files:
        tree = ElementTree.parse(file)  # raises if a payload broke the markup
        tags = {element.tag.rsplit("}", 1)[-1].lower() for element in tree.iter()}
        assert not tags & {"script", "iframe", "img", "svg"}, file
    for file in json_files:
        json.loads(file.read_text(encoding="utf-8"))
    for file in site.rglob("*.json.gz"):  # speech.json.gz, the quote check's shards
        json.loads(gzip.decompress(file.read_bytes()))
    for file in site.rglob("*.jsonl.gz"):
        for line in gzip.open(file, "rt", encoding="utf-8"):
            json.loads(line)
    # JSON-LD inside a page must not be able to close its <script> element.
    html = attacked_site.html("speeches/attack/index.html")
    blocks = re.findall(r'<script type="application/(?:ld\+)?json"[^>]*>(.*?)</script>', html, re.S)
    assert blocks
    for block in blocks:
        assert "</" not in block.replace("<\\/", "")
        json.loads(block)


@pytest.mark.slow
def test_the_article_holds_no_raw_tag_from_input(attacked_site: ArchiveDir):
    html = attacked_site.html("speeches/attack/index.html")
    article = html.split('<article class="podium-speech"', 1)[1].split("</article>", 1)[0]
    # Our plugins' data blocks (preview cards, citations) are JSON, inert by type; they are checked above.
    article = re.sub(r'<script type="application/(ld\+)?json"[^>]*>.*?</script>', "", article, flags=re.S)
    for tag in EXECUTABLE_TAGS | {"img", "button>go", "details open"}:
        assert f"<{tag}" not in article.lower(), tag
    # The payloads are shown as text, so an editor can see what was sent.
    assert "&lt;/title&gt;&lt;script&gt;alert(&#39;fm-1&#39;)&lt;/script&gt;" in article
    assert "{{ 7*7 }}" in article and "49 " not in article


@pytest.mark.slow
def test_title_and_description_are_escaped_in_the_head(attacked_site: ArchiveDir):
    head = attacked_site.html("speeches/attack/index.html").split("</head>", 1)[0]
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(&#x27;fm-1&#x27;)&lt;/script&gt; - Test archive</title>" in head
    assert '<meta name="description" content="&quot;&gt;&lt;script&gt;' in head


@pytest.mark.slow
def test_no_dialog_opens_in_chromium(attacked_site: ArchiveDir, browser, serve_dir):
    base = serve_dir(attacked_site.root / "site")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in pages(attacked_site):
        relative = path.relative_to(attacked_site.root / "site").as_posix()
        page.goto(base + relative)
        # What a reader would do (point at things, tab through them), for every element at once.
        page.evaluate("""() => { for (const el of document.querySelectorAll('body *')) {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle']) el.dispatchEvent(new Event(type));
            if (el.focus) el.focus(); } }""")
        page.wait_for_timeout(100)
    page.close()
    assert dialogs == []


def test_check_reports_raw_html_with_its_line(archive_dir: ArchiveDir):
    archive_dir.speech("a", body="A fine statement.\n\nThen <script>alert(1)</script> and `<b>code</b>` too.\n")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "speeches/2025/a.md:10:6: error: raw HTML `<script>` is not allowed in a transcript",
        "  hint: write the text in Markdown; a maintainer may allow harmless tags with `allow_html` in mkdocs.yml",
    ]


@pytest.mark.slow
def test_an_allowed_subset_passes_check(archive_dir: ArchiveDir):
    archive_dir.write(
        "mkdocs.yml",
        archive_dir.root.joinpath("mkdocs.yml")
        .read_text()
        .replace("  - podium\n", "  - podium:\n      allow_html: [abbr, sup]\n"),
    )
    archive_dir.speech("a", body='The <abbr title="United Nations">UN</abbr> at 80<sup>th</sup>.\n')
    assert run_podium("check", cwd=archive_dir.root).returncode == 0
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    assert '<abbr title="United Nations">UN</abbr> at 80<sup>th</sup>' in archive_dir.html("speeches/a/index.html")


@pytest.mark.parametrize(
    "field, value, message",
    [
        (
            "source:\n  url",
            "javascript:alert(1)",
            "`source.url`: `javascript:` addresses are not allowed; use an http(s) address",
        ),
        (
            "media:\n  video",
            "data:text/html,x",
            "`media.video`: `data:` addresses cannot be a recording",
        ),
    ],
)
def test_script_addresses_in_front_matter_are_errors(archive_dir: ArchiveDir, field, value, message):
    archive_dir.speech("a", f'title: T\ndate: 2025-05-29\nspeaker: tokayev\n{field}: "{value}"\n')
    archive = features.load(archive_dir.root)
    assert [p.message for p in archive.problems] == [message]


def test_script_addresses_in_registries_are_errors(archive_dir: ArchiveDir):
    archive_dir.write(
        "speeches/speakers.yml",
        'tokayev:\n  name: T\n  image: "javascript:alert(1)"\n  links:\n    website: "vbscript:x"\n',
    )
    archive = features.load(archive_dir.root)
    assert sorted(p.message for p in archive.problems) == [
        "speaker `tokayev`: `image`: `javascript:` addresses are not allowed; use an http(s) address",
        "speaker `tokayev`: `links.website`: `vbscript:` addresses are not allowed; use an http(s) address",
    ]


def test_a_bidirectional_override_in_a_registry_is_an_error_at_its_place(archive_dir: ArchiveDir):
    # Shown reversed, `tnemnrevog` reads "government": a byline that says what the file does not.
    archive_dir.write(
        "speeches/speakers.yml",
        "tokayev:\n  name: Kassym-Jomart Tokayev \u202etnemnrevog\u202c\n"
        "kagame:\n  name: Paul Kagame\n  aliases: [\u202dK\u202c, \u202eP]\n",
    )
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:4] == [
        "speeches/speakers.yml:2:31: error: U+202E (right-to-left override) shows the text after it reversed on "
        "the site",
        "  hint: delete it: a name in a right-to-left script is shown in its own direction without one",
        "speeches/speakers.yml:5:13: error: U+202D (left-to-right override) shows the text after it reversed on "
        "the site",
        "  hint: delete it: a name in a right-to-left script is shown in its own direction without one",
    ]
    assert "2 errors" in result.stderr


def test_the_safety_modules_examples_hold():
    assert doctest.testmod(safety).failed == 0


@pytest.mark.slow
def test_snippets_cannot_read_files_through_a_transcript(archive_dir: ArchiveDir):
    archive_dir.write(
        "mkdocs.yml",
        archive_dir.root.joinpath("mkdocs.yml").read_text() + "markdown_extensions:\n  - pymdownx.snippets\n",
    )
    archive_dir.write("secret.txt", "TOP-SECRET-VALUE\n")
    archive_dir.speech("a", body='--8<-- "secret.txt"\n\n--8<-- "/etc/hostname"\n')
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    html = archive_dir.html("speeches/a/index.html")
    assert "TOP-SECRET-VALUE" not in html
    assert "--8&lt;-- &quot;secret.txt&quot;" in html or '--8&lt;-- "secret.txt"' in html


def test_an_oversized_transcript_is_an_error_naming_the_file(archive_dir: ArchiveDir):
    huge = archive_dir.speech("huge", body=("word " * 200 + "\n\n") * 1100)
    size = huge.stat().st_size // 1024
    assert size > 1024
    archive = features.load(archive_dir.root, settings=Settings(max_transcript_kb=1024))
    assert [p.format() for p in archive.problems] == [
        f"speeches/2025/huge.md:1:1: error: transcript is {size} KB, over the limit of 1024 KB\n"
        "  hint: split a very long session into several transcripts, or raise `max_transcript_kb` in mkdocs.yml"
    ]


@pytest.mark.slow
def test_deeply_nested_brackets_are_an_error_not_a_hung_build(archive_dir: ArchiveDir):
    archive_dir.speech("nest", body="Fine.\n\n" + "[" * 20000 + "x" + "]" * 20000 + "\n")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert "speeches/2025/nest.md:10:33: error: brackets nested more than 32 deep" in result.stderr.splitlines()
    build = archive_dir.build()
    assert build.returncode == 1
    assert "brackets nested more than 32 deep" in build.stderr


def test_a_symlink_leaving_the_archive_is_refused(archive_dir: ArchiveDir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "elsewhere.md"
    outside.write_text("---\ntitle: T\ndate: 2025-05-29\nspeaker: tokayev\n---\n\nText.\n")
    (archive_dir.root / "speeches" / "link.md").symlink_to(outside)
    archive = features.load(archive_dir.root)
    assert [p.format() for p in archive.problems] == [
        "speeches/link.md:1:1: error: transcript is a symbolic link to a file outside the archive\n"
        "  hint: copy the transcript into speeches/ instead of linking to it"
    ]
