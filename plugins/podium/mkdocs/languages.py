"""The `podium-languages` MkDocs plugin: originals and translations, linked and shown together.

Glue only; the work is in `podium.languages.translations` (grouping, checks, alignment, views) and `podium.render.i18n`.
`on_files`, after `podium` loaded and checked the archive (translations included), groups every speech
with its versions and adds one side-by-side page per translation at /speeches/<original>/compare/<lang>/.
`on_page_content` puts the language switcher where speech.html leaves `<!-- podium:languages -->`, and
renders the side-by-side pages. `on_post_page` gives each version's page its own `<html lang>` (Pagefind
builds one index per language from it) and `<link rel="alternate" hreflang>` for every version.

Material reads every `<link rel="alternate">` as another language's *site*: it fetches a sitemap.xml
beside each (a 404 here, which it ignores) and sends a click on a link into that "site" to its home page,
dropping the statement's fragment. podium-languages.js lets the browser follow those links itself.

    plugins:
      - podium
      - podium-languages
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

import podium
from podium.core import versions
from podium.core.urls import source
from podium.languages import translations as languages
from podium.languages.options import LanguagesOptions
from podium.mkdocs.assets import add_asset_files, use_assets
from podium.mkdocs.pages import links, page_links
from podium.mkdocs.plugin import PodiumState, podium_state
from podium.mkdocs.settings import Setting, SettingsConfig
from podium.render import i18n
from podium.render.pages import with_language

log = get_plugin_logger(__name__)

PACKAGE = Path(podium.__file__).parent
ASSETS = ("podium-languages.css", "podium-languages.js")
MARK = "<!-- podium:languages -->"


class LanguagesConfig(SettingsConfig):
    """podium-languages' options: the fields of `podium.languages.options.LanguagesOptions`, documented and
    validated there. `enabled: false`, MkDocs' own option, turns podium-languages off: none of its hooks run."""

    model = LanguagesOptions
    plugin = "podium-languages"
    settings: LanguagesOptions
    compare = Setting[bool]()


class LanguagesPlugin(BasePlugin[LanguagesConfig]):
    def __init__(self) -> None:
        self.podium: PodiumState | None = None  # from on_files
        self.groups: dict[str, list] = {}
        self.compare_pages: dict[str, tuple] = {}

    def on_config(self, config):
        use_assets(config, ASSETS)
        return config

    def on_files(self, files: Files, config) -> Files:
        """Default priority 0: runs after `podium`'s on_files (50), which loaded and checked the archive."""
        self.podium = podium_state(config, "podium-languages")
        self.groups = versions.versions(self.podium.archive)
        self.compare_pages = {}
        if self.config.compare:
            for group in {id(g): g for g in self.groups.values() if len(g) > 1}.values():
                original = group[0]
                if original.meta.translation_of is not None:
                    continue  # no original in the archive: nothing to compare against
                for translation in group[1:]:
                    if translation.meta.translation_of != original.id:
                        continue
                    uri = source(languages.compare_url(original, translation))
                    files.append(File.generated(config, uri, content="", inclusion=InclusionLevel.NOT_IN_NAV))
                    self.compare_pages[uri] = (original, translation)
        add_asset_files(files, config, ASSETS)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        pair = self.compare_pages.get(page.file.src_uri)
        if pair is None:
            return markdown
        original, translation = pair
        # Escaped: Material prints the page title unescaped, and it comes from a transcript's front matter.
        page.meta["title"] = html.escape(
            i18n.translate(
                "{original} and {translation} side by side",
                original=original.meta.title,
                translation=languages.endonym(translation.meta.language),
            )
        )
        return ""

    def on_page_content(self, html_text, page, config, files):
        here = links(page, config)
        pair = self.compare_pages.get(page.file.src_uri)
        if pair is not None:
            return languages.render_compare(*pair, self.podium.archive.registry, here, self.podium.renderer)
        speech = self.podium.speech(page)
        if speech is not None and MARK in html_text:
            group = self.groups.get(speech.id, [speech])
            html_text = html_text.replace(MARK, languages.render_switcher(speech, group, here), 1)
        return html_text

    def on_post_page(self, output, page, config):
        speech = self.podium.speech(page)
        if speech is None:
            return output
        # The version's own language, also when it is the site's (`podium` rewrites only non-English ones).
        output = with_language(output, speech.meta.language)
        tags = self._alternates(speech, links(page, config), config)
        if tags:
            output = output.replace("</head>", "  " + "\n  ".join(tags) + "\n</head>", 1)
        return output

    def speech_page_parts(self, speech, url: str, config) -> list[str]:
        """What this plugin adds to a speech page (the language switcher, the alternates), for the page's
        reuse key (podium.mkdocs.reuse)."""
        here = page_links(url, config)
        group = self.groups.get(speech.id, [speech])
        return [languages.render_switcher(speech, group, here), *self._alternates(speech, here, config)]

    def _alternates(self, speech, here, config) -> list[str]:
        tags = []
        for language, ident in languages.alternates(self.groups.get(speech.id, [speech])):
            href = _absolute(config, here.urls.speech(ident)) or here.speech(ident)
            tags.append(
                f'<link rel="alternate" hreflang="{html.escape(language)}" href="{html.escape(href)}" '
                "data-podium-alternate>"
            )
        return tags


def _absolute(config, path: str) -> str | None:
    """Search engines want absolute alternates; without `site_url` the links stay relative."""
    return config.site_url.rstrip("/") + "/" + path if config.site_url else None
