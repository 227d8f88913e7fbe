"""MkDocs' own reading of mkdocs.yml, each mistake at its line: `python -m podium.mkdocs.configcheck ROOT`.

MkDocs validates its settings (`site_name`, `theme`, `site_url`, `validation`, a Markdown extension's options,
another package's plugin) and says what is wrong without a place: `Config value 'validation': Sub-option 'nav':
Sub-option 'omitted_files': Expected one of ['warn', 'info', 'ignore'], got 'infos'`, or a traceback ending in
`KeyError: 'permalnk'`. Here MkDocs (or ProperDocs) validates the file as the build would, and each failure and
warning is placed at the key or value it names:

    mkdocs.yml:70:22: error: MkDocs refuses `validation.nav.omitted_files`: expected one of ...
      hint: did you mean `info`? ...

`podium check`, `podium build` and `podium serve` run it with Podium's own checks of the file (`site_problems`,
through `cli/siteconfig.py`), and so does the edit loop when mkdocs.yml is saved. For ProperDocs it runs in a
child process (`python -m podium.mkdocs.configcheck ROOT --tool properdocs`, the problems as JSON lines), since
ProperDocs' modules take the place of MkDocs' in the process that imports them. What Podium's own checks report
at its place (Podium's plugins and their options, a Markdown extension that cannot be found) is not said twice.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import importlib
import json
import logging
import re
import sys
from dataclasses import asdict
from importlib.metadata import entry_points
from pathlib import Path

import yaml

from podium import features
from podium.core.frontmatter import Position
from podium.core.problems import Problems, did_you_mean
from podium.core.settings import CONFIG_FILE, ConfigFile, node_position, plugin_names

REFERENCE = "https://www.mkdocs.org/user-guide/configuration/"
_MOST = 20  # validations of one file: one more for each setting refused
_SUB_OPTION = re.compile(r"Sub-option '([^']*)': ")
_NOT_INSTALLED = re.compile(r'The "(.+)" plugin is not installed')
_PLUGIN_OPTION = re.compile(r"Plugin '([^']+)' option '([^']+)': (.*)", re.S)
_FAILED_EXTENSION = re.compile(r"Failed to load extension '([^']+)'\.")
_BAD_EXTENSION_OPTIONS = re.compile(r"Invalid config options for Markdown Extension '([^']+)'")
_THEME = re.compile(r"Unrecognised theme name: '([^']*)'\. The available installed themes are: (.*)")
_UNRECOGNISED = re.compile(r"Unrecognised configuration name: (.+)")
_NO_FOLDER = re.compile(r"The path '(.+)' isn't an existing directory\.")
_CHOICES = re.compile(r"Expected one of (\[.*\]), got '([^']*)'")


def site_problems(root: Path, tool: str = "mkdocs", strict: bool = True) -> Problems:
    """Everything wrong in `root`/mkdocs.yml, each at its line, from one parse: its YAML, Podium's part
    (`features.check_config`: Podium's plugins and options, the extensions, in a strict build the nav) and MkDocs'
    own settings (`check`). What `podium check`, `build` and `serve` and the edit loop report."""
    problems = Problems()
    if not (root / CONFIG_FILE).is_file():
        return problems
    config = ConfigFile.read(root / CONFIG_FILE, problems)
    features.check_config(root, problems, nav=strict, config=config)
    problems.extend(check(root, tool, strict, config).items)
    return problems


def check(root: Path, tool: str = "mkdocs", strict: bool = True, config: ConfigFile | None = None) -> Problems:
    """Every failure and warning of MkDocs' validation of `root`/mkdocs.yml, placed; warnings are errors when
    `strict` (a strict build aborts on them). `config`: the file already parsed. No problem when mkdocs.yml is
    absent or not YAML (its YAML errors are reported by whoever parsed it)."""
    problems = Problems()
    path = root / CONFIG_FILE
    config = config if config is not None else ConfigFile.read(path, Problems())
    if not isinstance(config.data, dict):
        return problems
    if tool == "properdocs":  # its modules answer for `mkdocs.*`, as `properdocs` itself arranges
        importlib.import_module("properdocs.replacement")
    defaults = importlib.import_module(f"{tool}.config.defaults")
    yaml_utils = importlib.import_module(f"{tool}.utils.yaml")
    logger = logging.getLogger(tool)
    level, logger.level = logger.level, logging.CRITICAL  # the plugins' own log lines are the build's to show
    try:
        with path.open("rb") as stream:
            loader = yaml_utils.get_yaml_loader(loader=_NamesOnly, config=defaults.MkDocsConfig())
            data = _without_podium(yaml_utils.yaml_load(stream, loader=loader))
        failed, warnings, site = _validate(defaults.MkDocsConfig, path, data)
    except Exception as exc:  # noqa: BLE001 - whatever MkDocs raises, said at the file, never a traceback
        marked = exc.__context__ if isinstance(exc.__context__, yaml.MarkedYAMLError) else None
        if marked is not None and marked.problem_mark is not None:  # a tag the safe reading refused
            mark = marked.problem_mark
            hint = "`!!python/name:` names a function of an installed package, e.g. material.extensions.emoji.to_svg"
            problems.add(CONFIG_FILE, mark.line + 1, mark.column + 1, str(marked.problem), hint)
            return problems
        line, column = _at(config, ["INHERIT"]) if "INHERIT" in config.data else (1, 1)
        hint = (
            "`INHERIT` names another YAML file, its path relative to this one"
            if "INHERIT" in config.data
            else f"run `{tool} build` for its own message"
        )
        problems.add(CONFIG_FILE, line, column, f"{tool} cannot read {CONFIG_FILE}: {_last_line(str(exc))}", hint)
        return problems
    finally:
        logger.setLevel(level)
    settings = [key for key, _ in getattr(site, "_schema", ())]
    unrecognised = [found.group(1) for _, w in warnings if (found := _UNRECOGNISED.match(str(w)))]
    for key, error in failed:
        _failure(problems, config, key, str(error), unrecognised, tool, path.parent.resolve())
    severity = "error" if strict else "warning"
    for key, warning in warnings:
        _warning(problems, config, key, str(warning), settings, severity)
    if not any(key == "theme" for key, _ in failed):
        _theme_language(problems, config, site)
    return _named(problems, tool)


def _theme_language(problems: Problems, config: ConfigFile, site) -> None:
    """A `theme.language` the theme has no interface for: Material imports `partials/languages/<code>.html`
    and stops the build with a traceback (TemplateNotFound) when no folder of the theme (the site's
    custom_dir, Podium's overrides, Material's own) has it."""
    theme = site.get("theme") if hasattr(site, "get") else None
    dirs = [Path(folder) for folder in getattr(theme, "dirs", ())]
    language = theme.get("language") if theme is not None and hasattr(theme, "get") else None
    if not language or not any((folder / "partials" / "language.html").is_file() for folder in dirs):
        return  # not a theme that translates its interface by these partials
    if any((folder / "partials" / "languages" / f"{language}.html").is_file() for folder in dirs):
        return
    offered = sorted({p.stem for folder in dirs for p in (folder / "partials" / "languages").glob("*.html")})
    suggestion = did_you_mean(str(language), offered)
    problems.add(
        CONFIG_FILE,
        *_at(config, ["theme", "language"]),
        f"the theme has no interface in `{language}` (theme.language)",
        (f"{suggestion} " if suggestion else "")
        + "its languages are: "
        + ", ".join(offered)
        + f"; or add partials/languages/{language}.html to the site's custom_dir",
    )


def _named(problems: Problems, tool: str) -> Problems:
    """The builder named as the editor runs it: ProperDocs' messages say ProperDocs."""
    if tool == "mkdocs":
        return problems
    named = Problems()
    for problem in problems.items:
        message = re.sub(r"\bMkDocs\b(?!')", "ProperDocs", problem.message)
        named.add(problem.path, problem.line, problem.column, message, problem.hint, problem.severity)
    return named


class _NamesOnly(yaml.SafeLoader):
    """YAML as MkDocs reads mkdocs.yml, except that nothing in it is run by a check: `!!python/name:` (Material's
    emoji options) is looked up, as the build does; `!!python/object...`, which would call code, is read as nothing."""


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    module, _, name = suffix.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise yaml.constructor.ConstructorError(None, None, f"cannot find {suffix!r}: {exc}", node.start_mark) from exc


_NamesOnly.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_NamesOnly.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _without_podium(data: dict) -> dict:
    """mkdocs.yml's settings without Podium's plugins: their options are Podium's own checks' to judge, and loading
    them (the whole build's code) would double the time of a `podium check`."""
    plugins = data.get("plugins")
    if isinstance(plugins, list):
        ours = [item for item in plugins if _plugin_name(item).startswith("podium")]
        data["plugins"] = [item for item in plugins if item not in ours]
    elif isinstance(plugins, dict):
        data["plugins"] = {name: options for name, options in plugins.items() if not str(name).startswith("podium")}
    return data


def _plugin_name(item: object) -> str:
    return str(item) if not isinstance(item, dict) else str(next(iter(item), ""))


def _validate(made, path: Path, data: dict) -> tuple[list, list, object]:
    """MkDocs' validation, every setting judged: MkDocs stops at the first setting it refuses, so each one refused
    is set aside (a required one given an empty value) and the rest validated again, until none is refused."""
    failed: list = []
    warnings: dict = {}
    data = dict(data)
    for _ in range(_MOST):
        site = made(config_file_path=str(path.resolve()))
        site.load_dict(dict(data))
        with contextlib.redirect_stdout(sys.stderr):  # what a builder prints is not the problems' JSON
            now, said = site.validate()
        warnings.update(dict.fromkeys((key, str(warning)) for key, warning in said))
        fresh = [(key, error) for key, error in now if key not in {k for k, _ in failed}]
        failed += fresh
        if not fresh:
            break
        if any(key not in data and "Required" not in str(error) for key, error in fresh):
            break  # a default refused (no docs/): setting it aside would only make up knock-on mistakes
        for key, error in fresh:
            if key == "theme" and (theme := _THEME.match(str(error))):  # an installed one: ProperDocs has no default
                installed = [name.strip() for name in theme.group(2).split(",")]
                chosen = "material" if "material" in installed else installed[0]
                data["theme"] = {**(data["theme"] if isinstance(data["theme"], dict) else {}), "name": chosen}
            elif key in data:
                del data[key]
            else:
                data[key] = ""
    return failed, list(warnings), site


def _failure(
    problems: Problems, config: ConfigFile, key: str, text: str, unrecognised: list[str], tool: str, root: Path
) -> None:
    if key == "plugins":
        for line in re.split(r"\n(?=Plugin ')", text):
            _plugin_failure(problems, config, line, tool)
        return
    if key == "markdown_extensions":
        _extension_failure(problems, config, text)
        return
    path = [key]
    while found := _SUB_OPTION.match(text):
        path.append(found.group(1))
        text = text[found.end() :]
    if text.strip() == "Required configuration not provided." and len(path) == 1 and key not in config.data:
        example = "`site_name: Speeches of the Forum`" if key == "site_name" else f"`{key}: ...`"
        near = [name for name in unrecognised if did_you_mean(key, [name])]
        hint = f"add {example}"
        if near:
            line = _at(config, [near[0]], key=True)[0]
            hint = f"is `{near[0]}` (line {line}) meant to be `{key}`? Otherwise {hint}"
        problems.add(CONFIG_FILE, 1, 1, f"{CONFIG_FILE} gives no `{key}`, which MkDocs needs", hint)
        return
    if key == "theme" and (theme := _THEME.match(text)):
        installed = [name.strip() for name in theme.group(2).split(",")]
        suggestion = did_you_mean(theme.group(1), installed)
        where = ["theme", "name"] if isinstance(config.data.get("theme"), dict) else ["theme"]
        hint = (f"{suggestion} " if suggestion else "") + "the installed themes are: " + ", ".join(installed)
        problems.add(CONFIG_FILE, *_at(config, where), f"no theme is named `{theme.group(1)}`", hint)
        return
    if key == "docs_dir" and (missing := _NO_FOLDER.match(text)):
        folder = Path(missing.group(1))
        shown = folder.relative_to(root) if folder.is_relative_to(root) else folder
        hint = f"create {shown}/ with the site's home page, index.md (`podium init` makes one), or set `docs_dir:`"
        problems.add(CONFIG_FILE, *_at(config, path), f"the folder {shown}/ of the site's pages does not exist", hint)
        return
    _refused(problems, config, path, text)


def _refused(problems: Problems, config: ConfigFile, path: list[str], text: str) -> None:
    """A setting MkDocs refuses, in its words, at the value it names (or the nearest key written)."""
    message = _last_line(text)
    hint = ""
    if choices := _CHOICES.search(message):
        with contextlib.suppress(ValueError, SyntaxError):
            options = [str(option) for option in ast.literal_eval(choices.group(1))]
            hint = (did_you_mean(choices.group(2), options) + " ").lstrip()
    hint += f"see `{path[0]}` in MkDocs' configuration reference, {REFERENCE}"
    problems.add(CONFIG_FILE, *_at(config, path), f"MkDocs refuses `{'.'.join(path)}`: {message}", hint)


def _plugin_failure(problems: Problems, config: ConfigFile, text: str, tool: str) -> None:
    plugins = dict(plugin_names(config))
    if missing := _NOT_INSTALLED.match(text):
        name = missing.group(1)
        if name.startswith("podium"):  # Podium's own names: `features.check_config` reports them
            return
        installed = sorted(
            {entry.name for group in {"mkdocs.plugins", f"{tool}.plugins"} for entry in entry_points(group=group)}
        )
        suggestion = did_you_mean(name, installed)
        hint = (f"{suggestion} " if suggestion else "") + (
            "install the package that provides it (`pip install ...`) or remove the line; installed plugins: "
            + ", ".join(installed)
        )
        problems.add(
            CONFIG_FILE, *plugins.get(name, _at(config, ["plugins"])), f"no plugin `{name}` is installed", hint
        )
        return
    if option := _PLUGIN_OPTION.match(text):
        name, key, message = option.groups()
        if name.startswith("podium"):  # validated by Podium's own models, at their line
            return
        name = _as_written(name, plugins)
        where = _option_at(config, "plugins", name, key) or plugins.get(name) or _at(config, ["plugins"])
        hint = f"see the {name} plugin's documentation for its options"
        problems.add(CONFIG_FILE, *where, f"the {name} plugin's option `{key}`: {_last_line(message)}", hint)
        return
    problems.add(CONFIG_FILE, *_at(config, ["plugins"]), f"MkDocs refuses `plugins`: {_last_line(text)}", "")


def _extension_failure(problems: Problems, config: ConfigFile, text: str) -> None:
    extensions = dict(plugin_names(config, key="markdown_extensions"))
    if bad := _BAD_EXTENSION_OPTIONS.match(text):
        name = bad.group(1)
        problems.add(
            CONFIG_FILE,
            *extensions.get(name, _at(config, ["markdown_extensions"])),
            f"the options of the Markdown extension `{name}` must be a mapping of `option: value`",
            f"indent them under `- {name}:`, one per line, e.g. `permalink: true` under `- toc:`",
        )
        return
    failed = _FAILED_EXTENSION.match(text)
    if failed is None:
        hint = "list one extension per line: `- name`, or `- name:` with its options indented below it"
        problems.add(
            CONFIG_FILE,
            *_at(config, ["markdown_extensions"]),
            f"MkDocs refuses `markdown_extensions`: {_last_line(text)}",
            hint,
        )
        return
    name, cause = failed.group(1), _last_line(text)
    if cause.startswith(("ModuleNotFoundError", "ImportError")) and name.split(".")[0] in cause:
        return  # not found: `features.check_config` says so, with a did-you-mean
    at = extensions.get(name, _at(config, ["markdown_extensions"]))
    if unknown := re.fullmatch(r"KeyError: '([^']+)'", cause):
        option = unknown.group(1)
        known = _extension_options(name)
        suggestion = did_you_mean(option, known or [])
        hint = (f"{suggestion} " if suggestion else "") + (
            "see the extension's documentation"
            if known is None
            else f"its options are: {', '.join(known)}"
            if known
            else f"`{name}` takes no options: write `- {name}` alone"
        )
        where = _option_at(config, "markdown_extensions", name, option, key=True) or at
        problems.add(CONFIG_FILE, *where, f"the Markdown extension `{name}` has no option `{option}`", hint)
        return
    problems.add(
        CONFIG_FILE,
        *at,
        f"the Markdown extension `{name}` refuses its options: {cause}",
        "see the extension's documentation",
    )


def _warning(problems: Problems, config: ConfigFile, key: str, text: str, settings: list[str], severity) -> None:
    if unknown := _UNRECOGNISED.match(text):
        name = unknown.group(1)
        suggestion = did_you_mean(name, settings)
        hint = (f"{suggestion} " if suggestion else "") + "settings of your own go under `extra:`"
        problems.add(
            CONFIG_FILE, *_at(config, [name], key=True), f"`{name}` is not a setting of MkDocs", hint, severity
        )
        return
    if key == "plugins" and (option := _PLUGIN_OPTION.match(text)):
        name, option_key, message = option.groups()
        if name.startswith("podium"):
            return
        name = _as_written(name, dict(plugin_names(config)))
        where = _option_at(config, "plugins", name, option_key, key=True) or dict(plugin_names(config)).get(name)
        problems.add(
            CONFIG_FILE,
            *(where or _at(config, ["plugins"])),
            f"the {name} plugin's option `{option_key}`: {_last_line(message)}",
            f"see the {name} plugin's documentation for its options",
            severity,
        )
        return
    problems.add(
        CONFIG_FILE, *_at(config, [key], key=True), f"MkDocs warns about `{key}`: {_last_line(text)}", "", severity
    )


def _as_written(name: str, plugins: dict[str, Position]) -> str:
    """A theme's plugin as mkdocs.yml names it: MkDocs says `material/search` for `- search`."""
    return name if name in plugins else name.rpartition("/")[2] if name.rpartition("/")[2] in plugins else name


def _extension_options(name: str) -> list[str] | None:
    """The options a Markdown extension takes, from the extension itself (None if it cannot be made)."""
    try:
        import markdown

        return sorted(markdown.Markdown().build_extension(name, {}).getConfigs())
    except Exception:  # noqa: BLE001 - only for a hint
        return None


def _at(config: ConfigFile, path: list[str], key: bool = False) -> Position:
    """The place of the value at `path` (or of its key, `key`), else of the nearest key above it that is written."""
    node: yaml.Node | None = config.node
    place: Position = (1, 1)
    for index, part in enumerate(path):
        if not isinstance(node, yaml.MappingNode):
            break
        pair = next(((k, v) for k, v in node.value if getattr(k, "value", None) == part), None)
        if pair is None:
            break
        last = index == len(path) - 1
        place = node_position(pair[0] if (key and last) or isinstance(pair[1], yaml.CollectionNode) else pair[1])
        node = pair[1]
    return place


def _option_at(config: ConfigFile, section: str, name: str, option: str, key: bool = False) -> Position | None:
    """The place of `option` under the entry `name` of a list like `plugins` or `markdown_extensions`."""
    entries = config.section(section)
    items = entries.value if isinstance(entries, yaml.SequenceNode) else [entries] if entries is not None else []
    for item in items:
        if not isinstance(item, yaml.MappingNode):
            continue
        for entry, options in item.value:
            if getattr(entry, "value", None) != name or not isinstance(options, yaml.MappingNode):
                continue
            for option_key, value in options.value:
                if option_key.value == option:
                    return node_position(option_key if key else value)
    return None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m podium.mkdocs.configcheck")
    parser.add_argument("root", type=Path)
    parser.add_argument("--tool", choices=("mkdocs", "properdocs"), default="mkdocs")
    parser.add_argument("--strict", action="store_true", help="MkDocs' warnings are errors, as in a strict build")
    args = parser.parse_args(argv)
    for problem in site_problems(args.root, args.tool, args.strict).items:
        print(json.dumps(asdict(problem), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
