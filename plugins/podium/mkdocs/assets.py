"""Each Podium plugin ships its own CSS and JS; this is how any of them puts its files on every page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

import podium

FOLDER = Path(podium.__file__).parent / "assets"


def use_assets(config, assets: tuple[str, ...]) -> None:
    """In on_config: link `assets/podium/<name>` from every page (CSS in the head, JS at the end)."""
    for asset in assets:
        target = config.extra_css if asset.endswith(".css") else config.extra_javascript
        if f"assets/podium/{asset}" not in target:
            target.append(f"assets/podium/{asset}")


def add_asset_files(files: Files, config, assets: tuple[str, ...]) -> None:
    """In on_files: copy the package's asset files into the site at `assets/podium/`."""
    for asset in assets:
        files.append(File.generated(config, f"assets/podium/{asset}", abs_src_path=str(FOLDER / asset)))
