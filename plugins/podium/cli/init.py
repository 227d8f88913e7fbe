"""`podium init DIR`: a new archive, asking for its name, address and repository (see `podium.editors.init`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from podium.editors.init import Refused, Site, default_name, init, pages_translated, pages_url
from podium.render import i18n


def _interactive() -> bool:
    """Whether someone is there to answer: stdin is a terminal (never in CI or a pipe)."""
    return sys.stdin.isatty()


def _ask(value: str | None, label: str, default: str | None, prompt: bool) -> str | None:
    """The option's value; else, on a terminal, the editor's answer; else the default."""
    if value is not None or not prompt:
        return value if value is not None else default
    answer = click.prompt(label, default=default or "", show_default=bool(default))
    return answer.strip() or None


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default=None, help="The archive's name, shown on every page (default: from DIRECTORY).")
@click.option(
    "--url",
    default=None,
    help="Where the site will be published (default: the repository's GitHub Pages address).",
)
@click.option(
    "--repo",
    default=None,
    help="The archive's repository, for the 'Correct this transcript' links, e.g. https://github.com/OWNER/REPO.",
)
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="The language of the site's interface (Material's theme.language): Podium's words, dates and the "
    "navigation; e.g. fr, es, de, ru, zh, ar.",
)
@click.option("--no-input", is_flag=True, help="Never ask: use the defaults for what is not given.")
def init_command(
    directory: Path, name: str | None, url: str | None, repo: str | None, language: str, no_input: bool
) -> None:
    """Start a new archive in DIRECTORY, ready for `podium check`, `podium build` and `podium serve`.

    Writes mkdocs.yml (the archive's name, address and repository, and the Podium plugins), the site's
    pages under docs/, empty registries with commented examples under speeches/, .gitignore, the
    pre-commit hooks, the pull-request and deploy workflows under .github/, and a README for the
    archive's editors. What is not given as an option is asked for on a terminal.

    \b
    Example:
      podium init my-archive
      podium init forum --name "Forum Speeches" --repo https://github.com/forum/speeches
      podium init forum --language fr
    """
    prompt = not no_input and _interactive()
    name = _ask(name, "The archive's name", default_name(directory), prompt) or default_name(directory)
    repo = _ask(repo, "Its repository (https://github.com/OWNER/REPO, empty for none)", None, prompt)
    url = _ask(url, "Where it will be published", pages_url(repo), prompt)
    site = Site(name, url, repo, language)
    try:
        written = init(directory, site)
    except Refused as refusal:
        click.echo(f"podium init: error: {refusal.message}\n  hint: {refusal.hint}", err=True)
        sys.exit(1)
    click.echo(f"wrote the archive `{site.name}` to {directory}/ ({len(written)} files):")
    for relative in written:
        click.echo(f"  {relative}")
    if language != "en":
        click.echo(
            f"the interface is in `{language}` (theme.language in mkdocs.yml); "
            + (
                "so are the pages under docs/"
                if pages_translated(language)
                else "the pages under docs/ are in English: translate them for your readers"
                if i18n.has_table(language)
                else f"Podium has no table for `{language}`: its own words stay English, dates follow the language"
            )
        )
    click.echo(
        f"next: cd {directory} && podium serve    (add a speech with `podium new` or `podium import`)\n"
        "publish: push to GitHub and set Settings > Pages > Source to GitHub Actions (see README.md)"
    )
