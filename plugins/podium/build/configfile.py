"""What an archive's mkdocs.yml stands for, beyond its own bytes: the files it inherits and the environment it reads.

MkDocs resolves two things outside the file: `INHERIT: base.yml` merges another file under it (which may inherit
in turn), and `!ENV NAME` or `!ENV [NAME, OTHER, default]` takes a value from the environment. A cache keyed by
mkdocs.yml's bytes alone would serve a page made with the old `repo_url` after `base.yml` or `$REPO_URL`
changed. `parts` gives every input of the resolved configuration, read without MkDocs (the build layer sits
below the adapters), as text: the inherited chain by its paths, and each `!ENV` name's value at this moment.

>>> import os, tempfile; folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "base.yml").write_text("repo_url: !ENV PODIUM_EXAMPLE_URL\\n")
>>> _ = (folder / "mkdocs.yml").write_text("INHERIT: base.yml\\nsite_name: A\\n")
>>> os.environ["PODIUM_EXAMPLE_URL"] = "https://example.org/a"
>>> [p if isinstance(p, str) else p.decode() for p in parts(folder / "mkdocs.yml")][1:]
['base.yml', 'repo_url: !ENV PODIUM_EXAMPLE_URL\\n', 'PODIUM_EXAMPLE_URL=https://example.org/a']
>>> del os.environ["PODIUM_EXAMPLE_URL"]
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# `INHERIT: path` at the top level (MkDocs reads it relative to the file that names it).
_INHERIT = re.compile(r"""^INHERIT:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#][^#\n]*?))[ \t]*(?:#.*)?$""", re.MULTILINE)
# `!ENV NAME` or `!ENV [NAME, OTHER, default]`: every identifier named (a default that looks like one costs a
# lookup, never a stale page).
_ENV = re.compile(r"!ENV[ \t]+(\[[^\]]*\]|[^\s,\]}#]+)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MISSING = b"(missing)"


def parts(config_file: Path) -> list[bytes | str]:
    """The bytes of `config_file` and of each file it inherits (after its path), then `NAME=value` for every
    environment variable an `!ENV` tag in any of them names (`NAME unset` when it is not set)."""
    found: list[bytes | str] = []
    names: set[str] = set()
    seen: set[Path] = set()
    path: Path | None = config_file
    while path is not None and path.resolve() not in seen:
        seen.add(path.resolve())
        data = _read(path)
        if path is not config_file:
            found.append(os.path.relpath(path, config_file.parent))
        found.append(data)
        text = data.decode("utf-8", errors="replace")
        for tag in _ENV.finditer(text):
            names.update(_NAME.findall(tag.group(1)))
        parent = _INHERIT.search(text)
        path = path.parent / next(group for group in parent.groups() if group is not None) if parent else None
    for name in sorted(names):
        value = os.environ.get(name)
        found.append(f"{name}={value}" if value is not None else f"{name} unset")
    return found


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return MISSING
