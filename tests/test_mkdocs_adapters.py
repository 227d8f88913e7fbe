"""The MkDocs adapters done the MkDocs way: one accessor for the core plugin's state, the plugin logger
(`--strict` fails on a Podium warning), `enabled: false`, templates a site can override, and speech sections
in the page's table of contents."""

from __future__ import annotations

import re
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from podium import features
from podium.mkdocs.pages import base, speech_toc
from podium.mkdocs.plugin import PodiumPlugin, PodiumState, podium_state
from podium.render import pages as render

SECTIONED = """\
## Opening & welcome

Dear friends, welcome to Astana.

### On water

Water is the first victim of a warming climate.

## Closing

Thank you.
"""

# An original and its translation aligned on `welcome` only: two warnings (the statements without a
# counterpart), no error.
ORIGINAL = "title: Address\ndate: 2025-05-29\nspeaker: tokayev\nevent: aif-2025\nlanguage: en\n"
ORIGINAL_BODY = "Dear friends, welcome to Astana. {#welcome}\n\nWe will build bridges. {#bridges}\n"
RUSSIAN = ORIGINAL.replace("language: en", "language: ru\ntranslation_of: address")
RUSSIAN_BODY = "Дорогие друзья, добро пожаловать в Астану. {#welcome}\n\nМы будем строить мосты.\n"


def toc_links(html: str) -> list[tuple[str, str]]:
    """(href, title) of each entry of Material's table of contents (the secondary navigation)."""
    nav = html.split('class="md-nav md-nav--secondary"', 1)[1].split('class="md-content"', 1)[0]
    return re.findall(
        r'<a href="([^"]*)" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', nav, re.DOTALL
    )


# ---- The core plugin's state --------------------------------------------------------------------------------


def test_podium_state_says_what_to_write_in_mkdocs_yml_when_podium_is_missing_or_later():
    message = "podium-cite needs the `podium` plugin listed before it in mkdocs.yml, and enabled"
    with pytest.raises(PluginError) as missing:
        podium_state(SimpleNamespace(plugins={}), "podium-cite")
    assert str(missing.value) == message
    later = PodiumPlugin()  # listed after podium-cite: its on_files has not run yet
    with pytest.raises(PluginError) as not_yet:
        podium_state(SimpleNamespace(plugins={"podium": later}), "podium-cite")
    assert str(not_yet.value) == message


def test_podium_state_is_what_the_podium_plugin_loaded(archive_dir):
    archive_dir.speech("opening")
    archive = features.load(archive_dir.root)
    plugin = PodiumPlugin()
    plugin.state = PodiumState(archive, serving=False, speeches={"speeches/opening.md": archive.speeches[0]})
    state = podium_state(SimpleNamespace(plugins={"podium": plugin}), "podium-xref")
    assert state is plugin.state
    assert state.speech(SimpleNamespace(file=SimpleNamespace(src_uri="speeches/opening.md"))).id == "opening"
    assert state.speech(SimpleNamespace(file=SimpleNamespace(src_uri="about.md"))) is None


# ---- One way back to the site root --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", ""),
        ("about/", "../"),
        ("speeches/aif-2025/", "../../"),
        ("speeches/aif-2025.html", "../"),
        ("index.html", ""),
    ],
)
def test_base_is_the_way_back_to_the_site_root(url, expected):
    assert base(SimpleNamespace(url=url)) == expected


# ---- Sections in the table of contents ----------------------------------------------------------------------


def test_speech_toc_nests_sections_under_the_title_and_escapes_them(archive_dir):
    archive_dir.speech("opening", body=SECTIONED)
    speech = features.load(archive_dir.root).speeches[0]
    toc = list(speech_toc(speech))
    assert [(item.title, item.url, item.level) for item in toc] == [("Opening address", "#title", 1)]
    sections = toc[0].children
    opening, closing = speech.sections[0], speech.sections[2]
    assert [(s.title, s.url, s.level) for s in sections] == [
        ("Opening &amp; welcome", f"#{opening.id}", 2),
        ("Closing", f"#{closing.id}", 2),
    ]
    assert [(s.title, s.url) for s in sections[0].children] == [("On water", f"#{speech.sections[1].id}")]


@pytest.mark.slow
def test_speech_sections_are_in_materials_table_of_contents(archive_dir):
    archive_dir.speech("opening", body=SECTIONED)
    ids = [section.id for section in features.load(archive_dir.root).speeches[0].sections]
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    html = archive_dir.html("speeches/opening/index.html")
    assert toc_links(html) == [
        (f"#{ids[0]}", "Opening &amp; welcome"),
        (f"#{ids[1]}", "On water"),
        (f"#{ids[2]}", "Closing"),
    ]
    for ident in ids:  # each entry leads to its heading in the transcript
        assert f'<h2 class="podium-section" id="{ident}">' in html


@pytest.mark.slow
def test_a_speech_without_sections_keeps_an_empty_table_of_contents(archive_dir):
    archive_dir.speech("opening")
    assert archive_dir.build().returncode == 0
    assert toc_links(archive_dir.html("speeches/opening/index.html")) == []


# ---- Podium's problems through MkDocs' logger ---------------------------------------------------------------


@pytest.mark.slow
def test_a_podium_warning_fails_strict_and_not_a_plain_build(archive_dir):
    archive_dir.speech("address", ORIGINAL, ORIGINAL_BODY)
    archive_dir.speech("address-ru", RUSSIAN, RUSSIAN_BODY)
    warning = (
        "speeches/2025/address.md:11:1: warning: statement `bridges` has no counterpart in the ru "
        "translation `address-ru`\n  hint: give it an explicit {#id} here and the same {#id} on its "
        "translation"
    )
    plain = archive_dir.build()
    assert plain.returncode == 0, plain.stderr
    assert re.search(r"^WARNING +- +podium: speeches/2025/address-ru\.md:", plain.stderr, re.MULTILINE)
    assert warning in plain.stderr
    strict = archive_dir.build("mkdocs", "--strict")
    assert strict.returncode == 1
    assert warning in strict.stderr
    assert "Aborted with 2 warnings in strict mode!" in strict.stdout
    # `-q` silences Podium as it silences MkDocs: only errors would be left to show.
    quiet = archive_dir.build("mkdocs", "-q")
    assert (quiet.returncode, quiet.stderr) == (0, "")


# ---- enabled: false -----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_podium_cite_enabled_false_builds_without_cite_output(archive_dir):
    archive_dir.speech("opening")
    archive_dir.write(
        "mkdocs.yml",
        "site_name: Test archive\ntheme:\n  name: material\nplugins:\n  - podium\n"
        "  - podium-cite:\n      enabled: false\n      feed_size: 5\n",
    )
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    html = archive_dir.html("speeches/opening/index.html")
    assert "First statement." in html
    assert "citation_title" not in html and "podium-cite" not in html and "application/ld+json" not in html
    site = archive_dir.root / "site"
    assert not (site / "feed.xml").exists() and not (site / "speeches/opening/speech.json.gz").exists()
    assert not (site / "quote").exists() and not (site / "data").exists()


@pytest.mark.slow
def test_a_podium_plugin_without_podium_enabled_says_so(archive_dir):
    archive_dir.speech("opening")
    archive_dir.write(
        "mkdocs.yml",
        "site_name: Test archive\ntheme:\n  name: material\nplugins:\n"
        "  - podium:\n      enabled: false\n  - podium-facets\n",
    )
    result = archive_dir.build()
    assert result.returncode == 1
    assert "podium-facets needs the `podium` plugin listed before it in mkdocs.yml, and enabled" in result.stderr
    assert "Traceback" not in result.stderr


# ---- Templates through the theme ----------------------------------------------------------------------------


def test_the_theme_environment_prefers_the_sites_podium_folder_and_autoescapes(tmp_path):
    (tmp_path / "podium").mkdir()
    (tmp_path / "podium" / "speech_list.html").write_text("{% for row in rows %}<i>{{ row }}</i>{% endfor %}")
    env = render.theme_environment(jinja2.Environment(), [str(tmp_path)])
    assert env.get_template("speech_list.html").render(rows=["<b>"]) == "<i>&lt;b&gt;</i>"
    assert env.get_template("speech.html").filename.endswith("podium/templates/speech.html")  # not overridden
    render.use_environment(env)
    try:
        assert render.environment() is env
    finally:
        render.use_environment(None)
    assert render.environment().get_template("speech_list.html").filename.endswith("templates/speech_list.html")


@pytest.mark.slow
def test_a_sites_overrides_folder_replaces_the_speech_template(archive_dir):
    archive_dir.speech("opening", "title: Opening & address\ndate: 2025-05-29\nspeaker: tokayev\n")
    archive_dir.write(
        "mkdocs.yml",
        "site_name: Test archive\ntheme:\n  name: material\n  custom_dir: overrides\nplugins:\n  - podium\n",
    )
    archive_dir.write(
        "overrides/podium/speech.html",
        '<article class="site-speech"><h1>{{ meta.title }}</h1>{{ meta.date | long_date }}'
        "{% for item in items %}{{ item.html }}{% endfor %}</article>\n",
    )
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    html = archive_dir.html("speeches/opening/index.html")
    assert (
        '<article class="site-speech"><h1>Opening &amp; address</h1>29 May 2025'
        "<p>First statement.</p><p>Second statement.</p></article>"
    ) in html
    assert "podium-statement" not in html
