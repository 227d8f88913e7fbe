"""Facets at scale (issue 4): what the `podium-facets` plugin adds to a whole build.

    python bench/facets.py --speeches 1000 --seed 1 --rounds 3 --work /tmp/podium-bench-facets

Generates one archive (`podium.editors.generate`), then builds it with `mkdocs build` alternately without and with
`podium-facets` (the same corpus and theme; by default the repository's plugins with and without it,
`--plugins podium` for `podium` alone beside `podium` + `podium-facets`), `--rounds` times each, and compares the
best CPU time (user + system, of the build process) of each: on a shared machine wall times swing with
other processes, CPU time much less. It also counts the pages the facets add and the largest of them. The
target: at most 10% more build time at 1,000 speeches.
Prints the figures as JSON (and writes them with `--json FILE`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
TARGET = 0.10
FACETS = ("speakers", "topics", "events", "dates")


def build(corpus: Path, config: str, site: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `mkdocs build` into an empty folder (as in CI)."""
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-f", config, "--site-dir", str(site)],
        cwd=corpus,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def _name(plugin) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def plugins_of(config_file: Path) -> list:
    from podium.editors.generate import plugins_of as read

    return read(config_file) or ["podium", "podium-facets"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speeches", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/podium-bench-facets"))
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--plugins",
        choices=("podium", "repository"),
        default="repository",
        help="compare podium alone with podium + podium-facets, or the repository's mkdocs.yml "
        "plugins with and without podium-facets (the build as it ships)",
    )
    args = parser.parse_args()

    import yaml

    from podium.editors.generate import generate

    corpus = args.work / f"corpus-{args.speeches}-{args.seed}"
    if not (corpus / "mkdocs.yml").exists():
        generate(corpus, speeches=args.speeches, seed=args.seed, plugins=["podium"])
    config = yaml.safe_load((corpus / "mkdocs.yml").read_text(encoding="utf-8"))
    with_facets = ["podium", "podium-facets"]
    if args.plugins == "repository":
        with_facets = plugins_of(Path(__file__).resolve().parent.parent / "mkdocs.yml")
    config["plugins"] = [p for p in with_facets if _name(p) != "podium-facets"]
    (corpus / "without-facets.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    config["plugins"] = with_facets
    (corpus / "with-facets.yml").write_text(yaml.safe_dump(config), encoding="utf-8")

    runs: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
    for _ in range(args.rounds):
        for way in runs:
            runs[way].append(build(corpus, f"{way}-facets.yml", args.work / f"site-{way}"))
            print(f"{way} facets: {runs[way][-1][0]:.1f}s CPU, {runs[way][-1][1]:.1f}s wall", file=sys.stderr)
    pages = [p for facet in FACETS for p in (args.work / "site-with" / facet).rglob("index.html")]
    speech_pages = list((args.work / "site-without" / "speeches").rglob("index.html"))
    best = {way: min(cpu for cpu, _ in values) for way, values in runs.items()}
    result = {
        "speeches": args.speeches,
        "seed": args.seed,
        "rounds": args.rounds,
        "plugins": args.plugins,
        "cpu_without": round(best["without"], 2),
        "cpu_with": round(best["with"], 2),
        "added": round(best["with"] / best["without"] - 1, 3),
        "target": TARGET,
        "wall_without": [round(w, 1) for _, w in runs["without"]],
        "wall_with": [round(w, 1) for _, w in runs["with"]],
        "facet_pages": len(pages),
        "speech_pages": len(speech_pages),
        "largest_facet_page_bytes": max((p.stat().st_size for p in pages), default=0),
        "largest_speech_page_bytes": max((p.stat().st_size for p in speech_pages), default=0),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
