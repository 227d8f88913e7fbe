"""Profile one `mkdocs build` with pyinstrument and say where the time goes.

    python bench/profile_build.py ARCHIVE_DIR SITE_DIR REPORT.json [TREE.txt]

Writes a JSON summary: wall time; self time by library (podium, mkdocs, material, markdown, jinja2, nh3,
pydantic, yaml, other); inclusive time of each plugin hook and of MkDocs' build phases; the slowest
functions by self time. TREE.txt gets pyinstrument's call tree (frames under 1% hidden).
A development tool only (the `bench` extra), never a runtime dependency.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

from pyinstrument import Profiler


def library(path: str | None) -> str:
    if not path:
        return "(native)"
    if "site-packages/" in path:
        top = path.split("site-packages/", 1)[1].split("/", 1)[0]
        top = top.removesuffix(".py")
        return "material" if top.startswith("material") else top
    if "/plugins/podium/" in path:
        return "podium"
    if "/lib/python3" in path:
        name = path.rsplit("/lib/python3", 1)[1].split("/", 2)
        return "stdlib:" + (name[1].removesuffix(".py") if len(name) > 1 else "?")
    return "other"


def main(archive: Path, site: Path, report: Path, tree: Path | None) -> int:
    os.chdir(archive)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    profiler = Profiler(interval=0.002)
    started = time.perf_counter()
    profiler.start()
    config = load_config(str(archive / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    profiler.stop()
    wall = time.perf_counter() - started
    root = profiler.last_session.root_frame()

    by_library: dict[str, float] = defaultdict(float)
    by_function: dict[str, float] = defaultdict(float)
    hooks: dict[str, float] = defaultdict(float)
    phases: dict[str, float] = defaultdict(float)

    def walk(frame, inside: frozenset, caller_library: str, caller_function: str):
        # A frame's self time is its time minus its children's. pyinstrument's synthetic `[self]` frames and
        # built-ins (`<built-in>`: nh3.clean, re.sub, the wait on a subprocess) count for the library of
        # their caller: C time is charged to the code that asked for it.
        native = frame.is_synthetic or not frame.file_path or frame.file_path.startswith("<")
        lib = caller_library if native else library(frame.file_path)
        function = (
            caller_function if frame.is_synthetic else f"{frame.function} ({frame.file_path_short}:{frame.line_no})"
        )
        self_time = frame.time - sum(child.time for child in frame.children)
        by_library[lib] += self_time
        by_function[function] += self_time
        name = frame.function or ""
        key = None
        if (
            name.startswith("on_")
            and frame.class_name
            and frame.class_name != "PluginCollection"
            and frame.file_path
            and not frame.file_path.startswith("<")
        ):
            key = f"{name} [{frame.class_name}]"
            if key not in inside:
                hooks[key] += frame.time
        phase = None
        if frame.file_path and frame.file_path.endswith("mkdocs/commands/build.py"):
            phase = f"mkdocs.build.{name}"
            if phase not in inside:
                phases[phase] += frame.time
        seen = inside | {k for k in (key, phase) if k}
        for child in frame.children:
            walk(child, seen, lib, function)

    walk(root, frozenset(), "(startup)", "(startup)")
    summary = {
        "wall_seconds": round(wall, 3),
        "sampled_seconds": round(root.time, 3),
        "self_time_by_library": {
            k: round(v, 3) for k, v in sorted(by_library.items(), key=lambda kv: -kv[1]) if v >= 0.001
        },
        "hooks_inclusive": {k: round(v, 3) for k, v in sorted(hooks.items(), key=lambda kv: -kv[1])},
        "build_phases_inclusive": {k: round(v, 3) for k, v in sorted(phases.items(), key=lambda kv: -kv[1])},
        "top_self_functions": [[k, round(v, 3)] for k, v in sorted(by_function.items(), key=lambda kv: -kv[1])[:25]],
    }
    report.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    if tree:
        tree.write_text(profiler.output_text(unicode=False, color=False, show_all=False), encoding="utf-8")
    print(json.dumps({"wall_seconds": summary["wall_seconds"]}))
    return 0


if __name__ == "__main__":
    sys.exit(
        main(
            Path(sys.argv[1]).resolve(),
            Path(sys.argv[2]).resolve(),
            Path(sys.argv[3]).resolve(),
            Path(sys.argv[4]).resolve() if len(sys.argv) > 4 else None,
        )
    )
