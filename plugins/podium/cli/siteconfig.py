"""mkdocs.yml checked as the build will read it, every mistake at its line, before MkDocs words it without one.

Its YAML, Podium's part (its plugins, their options, the Markdown extensions, the nav: `features.check_config`)
and MkDocs' own settings (`site_name`, `theme`, `site_url`, `validation`, an extension's options, another
package's plugin), validated by MkDocs itself: all from `podium.mkdocs.configcheck.site_problems`. This is the one
module of the command line that imports the MkDocs adapter (an exception the architecture contract names):
MkDocs' validation is its own code, and a child process for it would cost half a second on every `podium check`.
ProperDocs' is run in a child: its modules take the place of MkDocs' in the process that imports them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from podium.core.problems import Problems
from podium.core.settings import CONFIG_FILE


def check_site_config(root: Path, problems: Problems, strict: bool = True, tool: str = "mkdocs") -> None:
    """Add mkdocs.yml's problems to `problems`. `strict`: as a strict build judges it (a nav entry naming no page
    and MkDocs' warnings, such as a setting MkDocs does not know, are errors)."""
    if not (root / CONFIG_FILE).is_file():
        return
    if tool == "mkdocs":
        from podium.mkdocs import configcheck  # only the commands that judge mkdocs.yml import MkDocs

        problems.extend(configcheck.site_problems(root, tool, strict).items)
        return
    command = [sys.executable, "-m", "podium.mkdocs.configcheck", str(root), "--tool", tool]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command + ["--strict"] * strict, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        said = [line for line in result.stderr.splitlines() if line.strip()]
        problems.add(
            CONFIG_FILE,
            1,
            1,
            f"{tool} could not check {CONFIG_FILE}: {said[-1] if said else f'exit status {result.returncode}'}",
            f"run `{tool} build` to see its own message",
        )
        return
    for line in result.stdout.splitlines():
        problems.add(**json.loads(line))
