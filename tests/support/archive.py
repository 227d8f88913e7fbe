"""Throwaway archives: registries, transcripts, docs and mkdocs.yml under one folder, and the reference archive."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import yaml

from support import slow

REPO = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent

SPEAKERS = """\
tokayev:
  name: Kassym-Jomart Tokayev
  sort_name: Tokayev, Kassym-Jomart
  country: Kazakhstan
  roles:
    - role: President
      organization: Republic of Kazakhstan
      from: 2019-03-20
kagame:
  name: Paul Kagame
  sort_name: Kagame, Paul
  country: Rwanda
  roles:
    - role: President
      organization: Republic of Rwanda
      from: 2000-04-22
"""
EVENTS = """\
aif:
  name: Astana International Forum
aif-2025:
  name: Astana International Forum 2025
  parent: aif
  from: 2025-05-29
  to: 2025-05-30
  sessions:
    - name: Plenary session
    - name: Panel on climate
"""
TOPICS = """\
multilateralism:
  label: Multilateralism
un-reform:
  label: United Nations reform
climate:
  label: Climate
"""


def archive_config(
    *plugins: str | dict[str, Any],
    name: str = "Test archive",
    nav: tuple[str, ...] = ("Speeches",),
    theme: dict[str, Any] | None = None,
    **settings: Any,
) -> str:
    """A test archive's mkdocs.yml: Material, Home then each `nav` section's index page, then the plugins.

    >>> print(archive_config("podium", {"podium-facets": {"facets": ["speakers"]}}, nav=("Speakers",)))
    site_name: Test archive
    theme:
      name: material
    nav:
      - Home: index.md
      - Speakers: speakers/index.md
    plugins:
      - podium
      - podium-facets:
          facets:
            - speakers
    <BLANKLINE>
    """
    config = {
        "site_name": name,
        **settings,
        "theme": {"name": "material", **(theme or {})},
        "nav": [{"Home": "index.md"}] + [{section: f"{section.lower()}/index.md"} for section in nav],
        "plugins": list(plugins or ["podium"]),
    }
    return yaml.dump(config, Dumper=_Indented, allow_unicode=True, sort_keys=False)


class _Indented(yaml.SafeDumper):
    """Lists indented under their key (`plugins:\n  - podium`), as people write mkdocs.yml and as tests that edit
    the text expect."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


MKDOCS_YML = archive_config("podium")
MINIMAL_FRONT = """\
title: Opening address
date: 2025-05-29
speaker: tokayev
event: aif-2025
"""


def speech_text(front: str, body: str = "First statement.\n\nSecond statement.\n") -> str:
    """A transcript: front matter between `---` lines, then the body (both dedented).

    >>> speech_text("title: T", "Hello.\\n")
    '---\\ntitle: T\\n---\\n\\nHello.\\n'
    """
    return "---\n" + textwrap.dedent(front).strip("\n") + "\n---\n\n" + textwrap.dedent(body)


class ArchiveDir:
    """A throwaway archive: registries, transcripts, docs and mkdocs.yml under one folder."""

    def __init__(self, root: Path):
        self.root = root
        (root / "speeches").mkdir(parents=True, exist_ok=True)
        (root / "docs").mkdir(exist_ok=True)
        self.write("speeches/speakers.yml", SPEAKERS)
        self.write("speeches/events.yml", EVENTS)
        self.write("speeches/topics.yml", TOPICS)
        self.write("docs/index.md", "# Home\n\n<!-- podium:home -->\n")
        self.write("mkdocs.yml", MKDOCS_YML)

    @classmethod
    def at(cls, root: Path) -> ArchiveDir:
        """An archive folder as it already is (the reference archive copied, a generated one): nothing written."""
        archive = cls.__new__(cls)
        archive.root = root
        return archive

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def speech(
        self,
        name: str,
        front: str = MINIMAL_FRONT,
        body: str = "First statement.\n\nSecond statement.\n",
        folder: str = "speeches/2025",
    ) -> Path:
        return self.write(f"{folder}/{name}.md", speech_text(front, body))

    def build(self, tool: str = "mkdocs", *args: str) -> subprocess.CompletedProcess:
        """Run a whole build (`mkdocs build` or `properdocs build`) in this archive."""
        slow.require(f"`{tool} build`")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        return subprocess.run(
            [str(BIN / tool), "build", "--site-dir", str(self.root / "site"), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )

    def build_into(self, into: Path, clean: bool = False) -> tuple[Path, str]:
        """A whole `mkdocs build` (with `PODIUM_CLEAN` when `clean`), its site moved to `into`; and its log."""
        saved = os.environ.pop("PODIUM_CLEAN", None)
        if clean:
            os.environ["PODIUM_CLEAN"] = "1"
        try:
            result = self.build("mkdocs")
        finally:
            os.environ.pop("PODIUM_CLEAN", None)
            if saved is not None:
                os.environ["PODIUM_CLEAN"] = saved
        assert result.returncode == 0, result.stderr
        return Path(shutil.move(self.root / "site", into)), result.stderr

    def html(self, relative: str) -> str:
        return (self.root / "site" / relative).read_text(encoding="utf-8")


KAGAME = "title: Kigali remarks\ndate: 2025-05-30\nspeaker: kagame\nevent: aif-2025\n"


def three_speeches(archive_dir: ArchiveDir) -> None:
    """Three short speeches by two speakers (one with a stage direction): the smallest archive whose data files
    and indexes have a speech before and after the one an edit changes."""
    archive_dir.speech("tokayev-opening", body="The forum opens.\n\nWelcome to Astana.\n")
    archive_dir.speech(
        "tokayev-closing",
        "title: Closing\ndate: 2025-05-30\nspeaker: tokayev\nevent: aif-2025\n",
        "The forum closes.\n\n[Applause]\n",
    )
    archive_dir.speech("kagame-remarks", KAGAME, "Rwanda thanks the hosts.\n\nWe build together.\n")


def copy_reference_archive(target: Path) -> Path:
    """The repository's own archive (mkdocs.yml, docs, speeches) copied to `target`."""
    for name in ("mkdocs.yml", "docs", "speeches"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target
