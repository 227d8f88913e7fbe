"""Podium's interface in each language it has a table for (render/strings/): complete tables, the CLDR's plural
categories, language names, and a built French and Arabic site, with and without the browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podium.render import i18n
from podium.render.strings import TABLES
from podium.search.index import client_strings
from support.archive import ArchiveDir, archive_config, three_speeches

PACKAGE = Path(i18n.__file__).parents[1]
# `t("...")` in a template, a module or a script; not Material's `lang.t("...")`, whose keys are Material's.
_CALL = re.compile(r"""(?:(?<![\w.])t|\btranslate|\bplural)\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def used_keys() -> set[str]:
    keys = set()
    for path in PACKAGE.rglob("*"):
        if path.suffix in (".html", ".py", ".js") and "strings" not in path.parts:
            keys |= {eval(m.group(1)) for m in _CALL.finditer(path.read_text(encoding="utf-8"))}  # noqa: S307
    return keys


# Text a template may print outside `t()`: the preview's banner for editors (English, as Podium's messages are).
_UNTRANSLATED = {"problems_banner.html"}


def test_no_template_prints_words_outside_t():
    """Every word a reader sees in Podium's templates goes through `t()`: a new sentence written straight into a
    template would stay English on a French or Arabic site."""
    found = {}
    for path in sorted((PACKAGE / "templates").glob("*.html")) + sorted((PACKAGE / "overrides").rglob("*.html")):
        if path.name in _UNTRANSLATED:
            continue
        text = re.sub(r"(?s)\{#.*?#\}|<script.*?</script>|<style.*?</style>", " ", path.read_text(encoding="utf-8"))
        text = re.sub(r"(?s)\{\{.*?\}\}|\{%.*?%\}", " ", text)
        # Not words: a command as typed, a hidden search filter's value, a character reference.
        text = re.sub(r"(?s)<code>.*?</code>|<span hidden[^>]*>[^<]*</span>|&#?\w+;", " ", text)
        attributes = re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{2}[^"]*)"', text)
        words = [w for w in re.split(r"\s{2,}|\n", re.sub(r"<[^>]*>", " ", text)) if re.search(r"[A-Za-z]{2}", w)]
        if words or attributes:
            found[path.name] = [*words, *attributes]
    assert found == {}


def test_the_scan_finds_the_strings_templates_use():
    keys = used_keys()
    assert {"Date", "Cite…", "This statement is not in the archive.", "speeches", "page {n} of {total}"} <= keys
    assert "action.skip" not in keys  # Material's own, through its `lang.t`


@pytest.mark.parametrize("language", sorted(TABLES))
def test_every_table_has_every_string_with_its_placeholders(language):
    table = TABLES[language]
    names = set(i18n._english_language_codes())  # a table may leave language names to the CLDR
    wanted = used_keys() | set(TABLES["ru"].strings)
    assert sorted(key for key in wanted if key not in table.strings and key not in names) == []
    for key, text in table.strings.items():
        forms = text if isinstance(text, tuple) else (text,)
        if isinstance(text, tuple):
            assert len(text) == len(table.plural), key
        for form in forms:
            assert set(_PLACEHOLDER.findall(form)) == set(_PLACEHOLDER.findall(key)), (key, form)
    for key in i18n.ENGLISH_PLURALS:
        assert isinstance(table.strings[key], tuple), key


@pytest.mark.parametrize(
    "language, numbers, words",
    [
        ("ar", (0, 1, 2, 3, 10, 11, 99, 100, 102), "خطاب خطاب خطابان خطابات خطابات خطابًا خطابًا خطاب خطاب"),
        ("fr", (0, 1, 2, 1_000_000), "discours discours discours discours"),
        ("de", (1, 2), "Rede Reden"),
        ("ru", (1, 2, 5, 11, 21, 22, 111), "речь речи речей речей речь речи речей"),
        ("zh", (1, 2), "篇演讲 篇演讲"),
        ("en", (0, 1, 2), "speeches speech speeches"),
        ("xx", (1, 2), "speech speeches"),  # a language without a table: English
    ],
)
def test_plurals_take_the_form_of_the_number_s_cldr_category(language, numbers, words):
    assert [i18n.plural("speeches", n, language) for n in numbers] == words.split()


def test_a_sentence_with_a_number_and_its_forms_for_the_browser():
    assert i18n.translate("{n} speeches match", n=2, language="ar") == "2 خطابان مطابقان"
    assert i18n.translate("statements", n=1, language="fr") == "1 déclaration"
    assert i18n.translate("statements", n=0, language="fr") == "0 déclaration"  # French: 0 is singular
    forms = client_strings("ar", [])["{n} speeches match"]
    assert sorted(forms) == ["few", "many", "one", "other", "two", "zero"]
    assert client_strings("fr", [])["{n} speeches match"] == {
        "one": "{n}\u00a0discours trouvé",
        "other": "{n}\u00a0discours trouvés",
    }


def test_language_names_come_from_the_cldr_where_a_table_does_not_name_them():
    assert i18n.translate("English", language="fr") == "anglais"
    assert i18n.translate("Thai", language="de") == "Thailändisch"
    assert i18n.translate("English", language="ru") == "английский"  # the table's own
    assert i18n.translate("English", language="xx") == "English"  # no table: English throughout
    assert i18n.translate("Date", language="xx") == "Date"


# ---- Built sites ------------------------------------------------------------------------------------------


def language_site(root: Path, language: str) -> ArchiveDir:
    """Three speeches, with the speakers' pages, the data files and search, under Material's `theme.language`; no
    podium-languages: the interface follows the theme whether or not the archive has translations."""
    site = ArchiveDir(root)
    three_speeches(site)
    site.write(
        "mkdocs.yml",
        archive_config(
            "podium",
            {"podium-facets": {"facets": ["speakers"]}},
            "podium-cite",
            "podium-search",
            nav=("Speakers",),
            theme={"language": language},
            site_url="https://archive.example.org/",
        ),
    )
    result = site.build("mkdocs", "--strict")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def french(tmp_path_factory) -> ArchiveDir:
    return language_site(tmp_path_factory.mktemp("fr"), "fr")


@pytest.mark.slow
def test_a_french_site_prints_podium_s_strings_in_french(french):
    page = french.html("speeches/tokayev-opening/index.html")
    assert "<dt>Langue</dt>" in page and ">anglais</dd>" in page and ">29 mai 2025</time>" in page
    assert 'data-copy-label="Copier le lien" data-copied-label="Copié"' in page
    assert 'aria-label="Déclaration 1"' in page
    # The feeds and files a browser or a feed reader lists from the page's <link rel="alternate">.
    assert 'type="application/atom+xml" title="Discours de Kassym-Jomart Tokayev"' in page
    assert 'title="Ce discours en XML Akoma Ntoso (gzip)"' in page
    speaker = french.html("speakers/tokayev/index.html")
    assert '<span data-count="2">2 discours</span> dans cette archive' in speaker
    assert ">Suivre</a>" in speaker
    embed = french.html("embed/index.html")
    assert '<html lang="fr" dir="ltr">' in embed
    assert "Cette déclaration n’est pas dans l’archive." in embed
    assert "This statement" not in embed
    # podium-cite.js's words: one file for the site, loaded just before the script.
    strings = french.html("assets/podium/podium-cite-strings.js")
    assert strings.startswith("window.podiumCiteStrings = {") and '"Copy citation":"Copier la référence"' in strings
    assert re.search(
        r'<script src="\.\./\.\./assets/podium/podium-cite-strings\.js"></script>\s*'
        r'<script src="\.\./\.\./assets/podium/podium-cite\.js"></script>',
        page,
    )
    search = french.html("search/index.html")
    assert ">Rechercher dans les discours</h1>" in search and "<title>Rechercher dans les discours - " in search
    assert 'placeholder="Des mots, ou une «\u00a0phrase entre guillemets\u00a0»"' in search
    config = french.html("assets/podium/podium-search-config.js")
    assert '"{n} speeches match":{"one":"{n}\u00a0discours trouvé","other":"{n}\u00a0discours trouvés"}' in config


@pytest.mark.slow
def test_an_arabic_site_is_written_right_to_left_with_arabic_strings(tmp_path):
    site = language_site(tmp_path, "ar")
    page = site.html("speeches/tokayev-opening/index.html")
    # The interface right to left (Material's <body dir>); the page's language, which Pagefind indexes it by, and
    # the transcript's text are the transcript's, left to right.
    assert '<html lang="en"' in page and '<body dir="rtl">' in page
    assert '<h1 id="title" data-pagefind-meta="title" dir="ltr">' in page
    assert '<div class="podium-statements" dir="ltr" data-pagefind-body' in page
    assert "<dt>اللغة</dt>" in page and ">الإنجليزية</dd>" in page
    assert ">29 مايو 2025</time>" in page
    speaker = site.html("speakers/tokayev/index.html")
    assert '<span data-count="2">2 خطابان</span>' in speaker
    assert '<html lang="ar" dir="rtl">' in site.html("embed/index.html")


@pytest.mark.slow
@pytest.mark.browser
def test_the_embed_page_writes_its_date_in_the_site_s_language(french, browser, serve_dir):
    base = serve_dir(french.root / "site")
    page = browser.new_page()
    try:
        page.goto(base + "embed/?speech=tokayev-opening")
        page.wait_for_selector(".podium-embed:not([hidden])")
        assert page.inner_text(".podium-embed__date") == "29 mai 2025"
        page.goto(base + "embed/?speech=no-such-speech")
        page.wait_for_selector(".podium-embed-missing:not([hidden])")
        assert page.inner_text(".podium-embed-missing").startswith("Cette déclaration n’est pas dans l’archive.")
    finally:
        page.close()


def test_without_fork_the_data_files_are_written_in_the_language_and_the_next_build_starts_in_english(
    archive_dir: ArchiveDir, monkeypatch
):
    """Where the data files cannot be written by a forked child, podium-cite writes them in its on_post_build:
    the interface language still holds there, and is English again once the build is over."""
    from mkdocs.commands import build
    from mkdocs.config import load_config

    from podium.cite import exports

    monkeypatch.setattr(exports, "FORK", None)
    archive_dir.speech("opening")
    archive_dir.write("mkdocs.yml", archive_config("podium", "podium-cite", theme={"language": "fr"}))
    config = load_config(str(archive_dir.root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build.build(config)
    finally:
        config.plugins.on_shutdown()
    assert "Cette déclaration n’est pas dans l’archive." in archive_dir.html("embed/index.html")
    assert i18n.current() == "en"
