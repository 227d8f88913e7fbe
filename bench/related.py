"""Related statements at scale (issue 5): their share of a whole build, with 100,000 statements.

    python bench/related.py --statements 100000 --seed 1 --work /tmp/podium-bench

Generates an archive of about that many statements (`podium.editors.generate`, about 25.6 statements a speech)
with the repository's plugins, builds it with `mkdocs build`, and reads the time the `podium-xref` plugin
logged for related statements inside that build. The target: at most 10% of the whole build's wall time.
On a shared machine wall times swing with other processes; the CPU-time share beside it does not.
Prints the figures as JSON (and writes them with `--json FILE`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
STATEMENTS_PER_SPEECH = 25.6  # podium.editors.generate's average, measured on seed 1
TARGET_SHARE = 0.10
LOGGED = re.compile(
    r"(\d+) cross-references; related statements for (\d+) of (\d+) statements in ([\d.]+)s "
    r"\(([\d.]+)s CPU\)"
)


def repository_plugins() -> list:
    import yaml

    config = yaml.safe_load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    return config.get("plugins", ["podium", "podium-xref"])


def plugins_of(root: Path) -> list:
    """The plugins the generated archive was built with (its own mkdocs.yml, written at generation)."""
    import yaml

    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")).get("plugins", [])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/podium-bench"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--fresh", action="store_true", help="generate again, with the repository's plugins now")
    args = parser.parse_args(argv)
    from podium.editors.generate import generate

    speeches = round(args.statements / STATEMENTS_PER_SPEECH)
    root = args.work / f"related-{speeches}-{args.seed}"
    if args.fresh or not (root / "mkdocs.yml").exists():
        root.mkdir(parents=True, exist_ok=True)
        generate(root, speeches=speeches, seed=args.seed, plugins=repository_plugins())
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=ENV,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stderr[-3000:]}")
    match = LOGGED.search(result.stderr)
    if not match:
        sys.exit("the build did not log related statements: is podium-xref in mkdocs.yml?")
    related_seconds, related_cpu = float(match.group(4)), float(match.group(5))
    figures = {
        "speeches": speeches,
        "statements": int(match.group(3)),
        "with_related": int(match.group(2)),
        "build_seconds": round(seconds, 2),
        "related_seconds": related_seconds,
        "related_share": round(related_seconds / seconds, 3),
        "target_share": TARGET_SHARE,
        # CPU seconds: the same ratio, untouched by other processes on a shared machine.
        "build_cpu_seconds": round(cpu, 2),
        "related_cpu_seconds": related_cpu,
        "related_cpu_share": round(related_cpu / cpu, 3),
        "plugins": [p if isinstance(p, str) else next(iter(p)) for p in plugins_of(root)],
        "load_average": os.getloadavg()[0],
    }
    figures["met"] = figures["related_share"] <= TARGET_SHARE
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
