"""The parsing floor: Python-Markdown alone over every transcript's body, one HTML file per speech.

No theme, no navigation, no plugin: what converting the same text costs before MkDocs does anything.
The extensions and their settings are those of the mkdocs.yml given, so the Markdown is parsed the same way.

    python bench/markdown_floor.py CORPUS_DIR OUT_DIR MKDOCS_YML
"""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import yaml


def extensions(config_file: Path) -> tuple[list[str], dict]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}  # noqa: S506
    names, configs = [], {}
    for entry in data.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            names.append(name)
            if options:
                configs[name] = {k: v for k, v in options.items() if v is not None}
        else:
            names.append(entry)
    return names, configs


def main(corpus: Path, out: Path, config_file: Path) -> int:
    names, configs = extensions(config_file)
    md = markdown.Markdown(extensions=names, extension_configs=configs, output_format="html")
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for file in sorted((corpus / "speeches").rglob("*.md")):
        text = file.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        (out / f"{file.stem}.html").write_text(md.reset().convert(body), encoding="utf-8")
        count += 1
    print(f"converted {count} transcripts")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
