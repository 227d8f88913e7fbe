"""Page reuse: a speech page whose HTML would be byte for byte what the last build wrote is not built again.

MkDocs and Material spend a few milliseconds on every page (the theme's templates, the navigation, every plugin's
page hooks). A speech page is made of three things, and its key hashes all three:

- its content: the rendered key of the build cache (the transcript, the ones it links to, the registries,
  mkdocs.yml, the site's templates, Podium's version);
- what each Podium plugin adds to that page: each one answers `speech_page_parts(speech, url, config)` with
  the very fragments its hooks would add (backlinks and related statements, the language switcher, portraits...);
- what every page shares (`shared_key`): the resolved configuration (site_url from the environment, `extra` as the
  plugins set it, every plugin's options), the navigation as the plugins left it, the pages it lists, the theme's
  own folders and the library versions (in Podium's version).

The other pages Podium's plugins generate (facets, side-by-side translations, hubs) have two keys:

- the whole archive's fingerprint, and what a plugin names in `archive_page_parts()` (the portraits' digests):
  while nothing in the archive changes, such a page is written from the cache before anything is made;
- after an edit, its content as every Podium plugin's `on_page_content` left it (`content_key`), with its
  title, metadata and table of contents, and what each plugin adds around it (`generated_page_parts(page,
  config)`, such as podium-cite's feed link): the content is made again (a few milliseconds), the theme's
  templates are not. So an edit rebuilds the facet pages whose content it changed (the speaker's, the topics',
  the event's, the date's, the pages listing it), not all of them.

A plugin that is not Podium's and has page hooks could add anything to a page: reuse is then off.

    shared = shared_key(config, nav, files, version)
    key = page_key(shared, src_uri, rendered_key, parts)
    key = content_key(shared, page, content, parts)   # a generated page, once its content is made
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from mkdocs.plugins import BasePlugin

from podium.build.cache import PACKAGE, digest

# The hooks through which a plugin changes a page or every page.
PAGE_HOOKS = (
    "on_pre_page",
    "on_page_read_source",
    "on_page_markdown",
    "on_page_content",
    "on_page_context",
    "on_post_page",
    "on_env",
)
# Configuration that never shows in a page.
UNSEEN = {"site_dir", "config_file_path", "dev_addr", "strict", "watch", "remote_branch", "remote_name", "plugins"}


def blocking_plugins(plugins: Mapping[str, object]) -> list[str]:
    """The plugins that may change a speech page in a way no key knows of: not Podium's, with page hooks.

    A plugin turned off (`enabled: false` in its options, as podium-search does to Material's search) runs none.
    """
    blocking = []
    for name, plugin in plugins.items():
        if hasattr(plugin, "speech_page_parts"):
            continue
        if getattr(getattr(plugin, "config", None), "enabled", True) is False:
            continue
        if any(_overrides(plugin, hook) for hook in PAGE_HOOKS):
            blocking.append(name)
    return blocking


def _overrides(plugin, hook: str) -> bool:
    """Whether `plugin` (a BasePlugin, or the module of a `hooks:` entry) has a hook of its own named `hook`."""
    made = getattr(plugin, hook, None)
    return made is not None and getattr(made, "__func__", made) is not getattr(BasePlugin, hook, None)


def shared_key(config, nav, files, version: str) -> str:
    """What every page of the site shows or is shaped by, as one key (see the module's docstring)."""
    parts: list[bytes | str] = [version, _stable({k: v for k, v in config.items() if k not in UNSEEN})]
    for name, plugin in config.plugins.items():
        parts += [name, _stable(dict(getattr(plugin, "config", {}) or {}))]
    theme = config.theme
    parts += [_stable(dict(theme)), _stable(list(theme.dirs))]
    for folder in theme.dirs:  # the site's own overrides; the libraries' and Podium's folders are in `version`
        root = Path(folder)
        if root.resolve().is_relative_to(PACKAGE) or "site-packages" in root.parts:
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            parts += [str(path), path.read_bytes()]
    parts.append(_stable(_nav_items(nav.items)))
    for page in nav.pages:  # the titles the navigation shows come from these pages' sources
        parts += [page.file.src_uri, _content(page.file)]
    parts.append("\n".join(file.src_uri for file in files))  # a page may link to another only if it exists
    return digest(*parts)


def archive_page(file) -> bool:
    """A page one of Podium's plugins made from the archive alone (a facet page, a side-by-side page, a hub),
    with no Markdown of the site's own: its HTML follows from the archive and the configuration."""
    return (file.generated_by or "").startswith("podium") and file.abs_src_path is None


def page_key(shared: str, src_uri: str, rendered: str, parts: Iterable[str]) -> str:
    """The key of one speech page's HTML."""
    return digest("page", shared, src_uri, rendered, *parts)


def content_key(shared: str, page, content: str, parts: Iterable[str]) -> str:
    """The key of a generated page's HTML from its content as the plugins made it: everything else the theme
    prints of a page not in the navigation is its title, its metadata, its table of contents and its address,
    or is in `shared` (the navigation, the configuration) or in `parts` (what plugins add around it)."""
    return digest(
        "content",
        shared,
        page.file.src_uri,
        page.file.content_string,
        _stable([page.title, page.meta, _toc(page.toc), page.url, page.edit_url]),
        content,
        *parts,
    )


def _toc(toc) -> list:
    return [[item.title, item.url, item.level, _toc(item.children)] for item in toc or ()]


def _nav_items(items) -> list:
    made = []
    for item in items:
        entry = [type(item).__name__, item.title, getattr(item, "url", None)]
        if getattr(item, "file", None) is not None:
            entry.append(item.file.src_uri)
        if getattr(item, "children", None):
            entry.append(_nav_items(item.children))
        made.append(entry)
    return made


def _content(file) -> bytes:
    try:
        return file.content_bytes
    except (OSError, TypeError, ValueError):
        return b"(unreadable)"


def _stable(value) -> str:
    """A value as JSON that is the same in two builds; an object without a plain form gives its type and its
    attributes (a memory address in a repr would only make a miss, never a wrong page)."""
    return json.dumps(value, sort_keys=True, default=_plain, ensure_ascii=False)


def _plain(value):
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    if hasattr(value, "__dict__"):
        return [type(value).__name__, {k: v for k, v in vars(value).items() if not k.startswith("_")}]
    return [type(value).__name__, str(value)]
