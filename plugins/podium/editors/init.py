"""`podium init`: a new archive, ready to check, build, serve and publish, from the scaffold in the package.

The scaffold (`podium/scaffold/`) is the archive as a new organisation starts it: mkdocs.yml with the Podium
plugins, the site's own pages, empty registries with commented examples, `.gitignore`, the pre-commit hooks,
the pull-request and deploy workflows, a README for the archive's editors. Files whose names start with
`dot-` become dotfiles (`dot-github/` is `.github/`), so the package data holds no hidden file. The few
values that differ per archive are written where `{{site_name}}`, `{{site_url}}`, `{{repo_url}}` and
`{{podium_version}}` stand:

    >>> site = Site("Forum Speeches", repo="https://github.com/forum/speeches")
    >>> site.url
    'https://forum.github.io/speeches/'
    >>> 'repo_url: "https://github.com/forum/speeches"' in scaffold(site)["mkdocs.yml"]
    True

Nothing here imports click or MkDocs: `cli/init.py` asks for the values and prints what was written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from podium.render import i18n

_GITHUB = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git)?/?$")
_WEB = re.compile(r"^https?://[^\s/]+(/\S*)?$")
# Lines of mkdocs.yml that only make sense with a repository; commented out without one.
_REPO_LINES = ("repo_url: {{repo_url}}", "edit_uri: edit/main/docs/")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


class Refused(Exception):
    """Why the archive was not written, and what to do instead."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


def default_name(folder: Path) -> str:
    """The folder's name as a title: `my-archive` -> `My Archive`."""
    words = re.split(r"[-_\s]+", folder.resolve().name)
    return " ".join(word[:1].upper() + word[1:] for word in words if word) or "Speech Archive"


def pages_url(repo: str | None) -> str | None:
    """The address GitHub Pages gives a GitHub repository's site, or None for another host.

    >>> pages_url("https://github.com/Forum/forum.github.io")
    'https://forum.github.io/'
    """
    match = _GITHUB.match(repo or "")
    if not match:
        return None
    owner, name = match.group("owner").lower(), match.group("name")
    return (
        f"https://{owner}.github.io/" if name.lower() == f"{owner}.github.io" else f"https://{owner}.github.io/{name}/"
    )


@dataclass(frozen=True)
class Site:
    """What differs from one archive to the next: its name, published address, repository and the language of
    its interface (Material's `theme.language`, which Podium's own words follow too)."""

    name: str
    url_given: str | None = None
    repo: str | None = None
    language: str = "en"

    @property
    def url(self) -> str | None:
        """The address given, ending in `/`, or the repository's GitHub Pages address."""
        url = self.url_given or pages_url(self.repo)
        return url if url is None or url.endswith("/") else url + "/"

    def check(self) -> None:
        if not self.name.strip():
            raise Refused("the archive's name is empty", "give one with --name, e.g. --name 'Forum Speeches'")
        if not _LANGUAGE.match(self.language) or not i18n.known(self.language):
            raise Refused(
                f"--language `{self.language}` is not a language code",
                "give a code such as en, fr, es, de, ru, zh or ar (ISO 639-1, as Material's theme.language takes)",
            )
        offered = material_languages()
        if offered and self.language not in offered:
            raise Refused(
                f"--language `{self.language}`: Material, the archive's theme, has no interface in it",
                "Material's languages are: " + ", ".join(offered),
            )
        for option, value in (("--url", self.url_given), ("--repo", self.repo)):
            if value and not _WEB.match(value):
                raise Refused(
                    f"{option} `{value}` is not a web address",
                    f"give a full address, e.g. {option} https://github.com/OWNER/REPO"
                    if option == "--repo"
                    else f"give a full address, e.g. {option} https://OWNER.github.io/REPO/",
                )


def material_languages() -> list[str]:
    """The `theme.language` codes Material has an interface for (its `partials/languages/`); empty when Material
    is not installed. The scaffold's mkdocs.yml is Material's."""
    try:
        folder = resources.files("material") / "templates" / "partials" / "languages"
    except ModuleNotFoundError:
        return []
    return sorted(item.name.removesuffix(".html") for item in folder.iterdir() if item.name.endswith(".html"))


def _files(folder: Traversable, prefix: str = "") -> dict[str, Traversable]:
    found: dict[str, Traversable] = {}
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        name = "." + item.name.removeprefix("dot-") if item.name.startswith("dot-") else item.name
        if item.is_dir():
            if name != "__pycache__":
                found.update(_files(item, f"{prefix}{name}/"))
        else:
            found[prefix + name] = item
    return found


def _version() -> str:
    try:
        return metadata.version("podium")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a tree that was never installed
        return "0.1.0"


def scaffold(site: Site) -> dict[str, str]:
    """Every file of the new archive: path relative to its folder -> text."""

    def yaml_value(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string: `:` and `#` stay text

    files = {}
    for relative, item in _files(resources.files("podium") / "scaffold").items():
        text = item.read_text(encoding="utf-8")
        if relative == "mkdocs.yml":
            if site.repo is None:
                for line in _REPO_LINES:
                    text = text.replace(line, "# " + line.replace("{{repo_url}}", "https://github.com/OWNER/REPO"))
            text = _in_language(text, site.language)
            text = text.replace("{{site_name}}", yaml_value(site.name))
            text = text.replace("{{site_url}}", yaml_value(site.url) if site.url else "null")
            text = text.replace("{{repo_url}}", yaml_value(site.repo or ""))
        else:
            text = text.replace("{{site_name}}", site.name).replace("{{podium_version}}", _version())
        files[relative] = text
    if (pages := _pages_in(site.language)) is not None:  # the site's own pages, in its interface's language
        for relative, item in _files(pages).items():
            files[relative] = item.read_text(encoding="utf-8").replace("{{site_name}}", site.name)
    return files


def _pages_in(language: str) -> Traversable | None:
    """The scaffold's pages (docs/) written in `language`, if Podium has them (`scaffold-languages/<code>/`)."""
    folder = resources.files("podium") / "scaffold-languages" / i18n.base(language)
    return folder if language != "en" and folder.is_dir() else None


def pages_translated(language: str) -> bool:
    """Whether `podium init --language` writes the site's pages in `language` (else they are English)."""
    return _pages_in(language) is not None


def _in_language(config: str, language: str) -> str:
    r"""mkdocs.yml for an interface in `language`: `theme.language` set, the navigation's labels translated.

    >>> print(_in_language("theme:\n  name: material\nnav:\n  - Home: index.md\n  - Quote check: quote.md\n", "fr"))
    theme:
      name: material
      language: fr
    nav:
      - Accueil: index.md
      - Vérifier une citation: quote.md
    <BLANKLINE>
    """
    if language == "en":
        return config
    config = config.replace("theme:\n  name: material\n", f"theme:\n  name: material\n  language: {language}\n", 1)
    head, nav, rest = config.partition("\nnav:\n")
    labels, blank, tail = rest.partition("\n\n")  # the navigation ends at the first blank line

    def label(match: re.Match[str]) -> str:
        text = i18n.translate(match.group(2), language=language)
        plain = yaml.safe_load(f"{text}: x") == {text: "x"}  # else quoted: a JSON string is a YAML string
        return match.group(1) + (text if plain else json.dumps(text, ensure_ascii=False)) + ":"

    for toggle in ("Switch to dark mode", "Switch to light mode"):  # the palette button's tooltip
        head = head.replace(
            f"name: {toggle} }}",
            f"name: {json.dumps(i18n.translate(toggle, language=language), ensure_ascii=False)} }}",
        )
    return head + nav + re.sub(r"^(\s*- )([A-Z][\w ']*):", label, labels, flags=re.MULTILINE) + blank + tail


def init(folder: Path, site: Site) -> list[str]:
    """Write the new archive into `folder` (created if missing); the files written, in order.

    Refused when a file it would write is already there: `podium init` never overwrites an editor's work.
    """
    site.check()
    files = scaffold(site)
    taken = sorted(relative for relative in files if (folder / relative).exists())
    if taken:
        raise Refused(
            f"{folder} already holds {', '.join(taken[:3])}{' ...' if len(taken) > 3 else ''}",
            "podium init writes a new archive: give a new or empty folder, e.g. `podium init my-archive`",
        )
    for relative, text in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return list(files)
