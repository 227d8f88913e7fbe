"""The features of this Podium, as the loader sees them: each adds a check to loading an archive.

The core loader (`podium.core.archive.load`) imports no feature; it runs the checks it is handed. Every
adapter (the CLI, the MkDocs plugins, the editors' tools) loads through `load` here, so `podium check` and
the build judge an archive by the same rules:

    archive = features.load(Path("."))
    archive.ok        # False if a reference is broken, a quotation names a missing statement, ...

A new feature that must refuse bad input adds its check to `CHECKS`.
"""

from __future__ import annotations

import importlib.util
import pkgutil
from importlib.machinery import ModuleSpec
from importlib.metadata import entry_points
from pathlib import Path

from pydantic import BaseModel

from podium.cite.options import CiteOptions
from podium.core.archive import Archive, ArchiveCheck
from podium.core.archive import load as load_core
from podium.core.problems import Problems, did_you_mean
from podium.core.settings import (
    CONFIG_FILE,
    PLUGIN,
    ConfigFile,
    Settings,
    nav_files,
    plugin_names,
    read_entry,
    validate_options,
)
from podium.facets import photos
from podium.facets.options import FacetsOptions
from podium.languages import translations
from podium.languages.options import LanguagesOptions
from podium.media import recordings
from podium.quote import index as quote
from podium.search.options import SearchOptions
from podium.xref import references
from podium.xref.options import XrefOptions


def _references(archive: Archive, known: set[str]) -> None:
    """Cross-links between statements: a broken one is a problem where it was written. The loader keeps no
    index; the build resolves the references again for its backlinks."""
    references.check(archive, known)


def _quotations(archive: Archive, known: set[str]) -> None:
    """Press quotations in front matter must name statements of their own speech."""
    for speech in archive.speeches:
        quote.check_coverage(speech, archive.problems)


def _translations(archive: Archive, known: set[str]) -> None:
    """Originals and translations: languages, and statement ids lined up across versions."""
    translations.check(archive)


def _recordings(archive: Archive, known: set[str]) -> None:
    """Recordings in the repository exist inside the archive; statement times have a recording to play."""
    recordings.check(archive, known)


CHECKS: tuple[ArchiveCheck, ...] = (
    _references,
    _quotations,
    _translations,
    _recordings,
    photos.check,  # a speaker's portrait must be an image the build can resize
)


def load(root: Path, only: list[Path] | None = None, settings: Settings | None = None, read=None) -> Archive:
    """Load the archive under `root` and run every feature's check (see `podium.core.archive.load`)."""
    return load_core(root, only=only, settings=settings, checks=CHECKS, read=read)


# Each feature's plugin and the model of its options in mkdocs.yml (the podium plugin's own: core.settings).
PLUGIN_OPTIONS: dict[str, type[BaseModel]] = {
    "podium-facets": FacetsOptions,
    "podium-xref": XrefOptions,
    "podium-search": SearchOptions,
    "podium-cite": CiteOptions,
    "podium-languages": LanguagesOptions,
}


# What the plugins write that a nav may name: the hubs and every page under these folders, and the quote page.
GENERATED = ("speeches/", "speakers/", "topics/", "events/", "dates/", "search/", "embed/", "quote.md")


def check_config(root: Path, problems: Problems, nav: bool = True, config: ConfigFile | None = None) -> None:
    """What mkdocs.yml says that the build would refuse without naming its line: Podium's plugins and their
    options, the Markdown extensions, and (`nav`: in a strict build, where MkDocs' warning is fatal) the nav's
    pages. `config`: mkdocs.yml already parsed (else it is parsed here, its YAML errors left to whoever reads the
    settings)."""
    config = config if config is not None else ConfigFile.read(root / CONFIG_FILE, Problems())
    _check_plugins(config, problems)
    _check_extensions(config, problems)
    if nav:
        _check_nav(root, config, problems)


def _check_nav(root: Path, config: ConfigFile, problems: Problems) -> None:
    """A nav entry naming a page that is neither in docs/ nor one the plugins write."""
    data = config.data if isinstance(config.data, dict) else {}
    docs = root / str(data.get("docs_dir") or "docs")
    for name, (line, column) in nav_files(config):
        if name.startswith(GENERATED) or (docs / name).is_file():
            continue
        pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")] if docs.is_dir() else []
        suggestion = did_you_mean(name, sorted(pages))
        problems.add(
            CONFIG_FILE,
            line,
            column,
            f"the nav names `{name}`, which is not in {docs.name}/",
            (f"{suggestion} " if suggestion else "") + f"the nav names files in {docs.name}/ (or an address)",
        )


def _check_extensions(config: ConfigFile, problems: Problems) -> None:
    """A Markdown extension in mkdocs.yml that cannot be found: MkDocs stops on it with a `ModuleNotFoundError`
    line and no place. Found, as MkDocs finds them, by Markdown's registered names, else as a module."""
    known = sorted(entry.name for entry in entry_points(group="markdown.extensions"))
    for name, (line, column) in plugin_names(config, key="markdown_extensions"):
        module = name.split(":")[0]
        if module in known or _module_exists(module):
            continue
        suggestion = did_you_mean(module, known + _siblings(module))
        hint = (f"{suggestion} " if suggestion else "") + (
            "Markdown's own are: " + ", ".join(known) + "; another package's is named by its module (pymdownx.details)"
        )
        problems.add(CONFIG_FILE, line, column, f"no Markdown extension is named `{name}`", hint)


def _siblings(name: str) -> list[str]:
    """The modules beside `name` in its package (`pymdownx.detail` -> `pymdownx.details`, ...), for a
    did-you-mean; none when the package itself is missing."""
    parent = name.rpartition(".")[0]
    spec = _spec(parent) if parent else None
    places = spec.submodule_search_locations if spec is not None else None
    return [f"{parent}.{module.name}" for module in pkgutil.iter_modules(places)] if places else []


def _module_exists(name: str) -> bool:
    return _spec(name) is not None


def _spec(name: str) -> ModuleSpec | None:
    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):  # a parent package that is missing, or a name that is no module name
        return None


def _check_plugins(config: ConfigFile, problems: Problems) -> None:
    """The feature plugins' options in mkdocs.yml, each bad one at its line and column, as the build judges them;
    and a plugin named like Podium's that is none of them (`podium-cit`), which the build would refuse."""
    known = [PLUGIN, *PLUGIN_OPTIONS]
    listed = plugin_names(config)
    core_at = next((index for index, (name, _) in enumerate(listed) if name == PLUGIN), None)
    for index, (name, (line, column)) in enumerate(listed):
        if name in PLUGIN_OPTIONS:
            if core_at is None or core_at > index:  # the feature plugins read the archive the podium plugin loads
                where = "is not listed" if core_at is None else "is listed after it"
                hint = f"list `- {PLUGIN}` first under `plugins:`, then the plugins that build on it"
                problems.add(CONFIG_FILE, line, column, f"{name} needs the {PLUGIN} plugin, which {where}", hint)
            entry = read_entry(config, Problems(), name=name)
            validate_options(entry, problems, PLUGIN_OPTIONS[name], name)
        elif name.startswith("podium") and name not in known:
            suggestion = did_you_mean(name, known)
            hint = (f"{suggestion} " if suggestion else "") + f"Podium's plugins are: {', '.join(known)}"
            problems.add(CONFIG_FILE, line, column, f"no plugin is named `{name}`", hint)
