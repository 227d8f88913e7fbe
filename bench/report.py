"""Write BENCHMARKS.md from one run's results (bench/run.py), with the targets of issue 3 checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

NAMES = {
    "bare": "1. Bare MkDocs + Material",
    "blog": "2. Material blog + tags",
    "podium": "3. Podium",
    "markdown": "4. Python-Markdown alone",
}


def _mb(value: float) -> str:
    return f"{value / 1e6:,.1f}"


def _ratio(a: float, b: float) -> float | None:
    return a / b if a and b else None


def _r(value: float | None) -> str:
    return f"{value:.2f}×" if value is not None else "n/a"


def targets(results: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """(target, measured, at which size, met?) for each target of the issue."""
    sizes = sorted(int(s) for s in results["sizes"])
    rows: list[tuple[str, str, str, bool | None]] = []

    def way(size: int, name: str) -> dict[str, Any]:
        return results["sizes"][str(size)]["ways"].get(name, {})

    def ok(size: int, *names: str) -> bool:
        return all(way(size, n) and not way(size, n).get("error") for n in names)

    for size in sizes:
        if size < 1000 and len(sizes) > 1:
            continue
        if ok(size, "podium", "bare"):
            ratio = way(size, "podium")["wall"] / way(size, "bare")["wall"]
            rows.append(("Podium build ≤ 1.25× bare Material", _r(ratio), f"{size:,}", ratio <= 1.25))
            # CPU seconds: the work done, less distorted than wall time when others share the machine.
            ratio = way(size, "podium")["cpu"] / way(size, "bare")["cpu"]
            rows.append(("Podium build ≤ 1.25× bare Material (CPU seconds)", _r(ratio), f"{size:,}", ratio <= 1.25))
            ratio = way(size, "podium")["bytes"] / way(size, "bare")["bytes"]
            rows.append(("Site size ≤ 1.3× bare", _r(ratio), f"{size:,}", ratio <= 1.3))
        if ok(size, "podium", "blog"):
            ratio = way(size, "blog")["wall"] / way(size, "podium")["wall"]
            rows.append(("Podium ≥ 6× faster than blog + tags", _r(ratio), f"{size:,}", ratio >= 6))
            ratio = way(size, "blog")["cpu"] / way(size, "podium")["cpu"]
            rows.append(("Podium ≥ 6× faster than blog + tags (CPU seconds)", _r(ratio), f"{size:,}", ratio >= 6))
        elif way(size, "blog").get("error") and ok(size, "podium"):
            error = way(size, "blog")["error"]
            rows.append(("Podium ≥ 6× faster than blog + tags", f"blog failed: {error[:80]}", f"{size:,}", None))
    big = max(sizes)
    if ok(big, "podium", "bare"):
        # The memory the build needs: the whole process tree at its peak (the Pagefind indexer included).
        ratio = way(big, "podium")["tree_peak_mb"] / way(big, "bare")["tree_peak_mb"]
        rows.append(("Peak RSS ≤ 1.5× bare (process tree)", _r(ratio), f"{big:,}", ratio <= 1.5))
        if way(big, "podium").get("main_peak_mb") and way(big, "bare").get("main_peak_mb"):
            ratio = way(big, "podium")["main_peak_mb"] / way(big, "bare")["main_peak_mb"]
            rows.append(("Peak RSS ≤ 1.5× bare (the MkDocs process alone)", _r(ratio), f"{big:,}", ratio <= 1.5))
    flat = [s for s in sizes if s >= 1000 and ok(s, "podium")]
    if len(flat) >= 2:
        low, high = way(flat[0], "podium")["page_bytes_mean"], way(flat[-1], "podium")["page_bytes_mean"]
        ratio = high / low
        rows.append(
            (
                "Per-page size flat from 1,000 to 10,000 (within ±10%)",
                _r(ratio),
                f"{flat[0]:,} → {flat[-1]:,}",
                0.9 <= ratio <= 1.1,
            )
        )
    return rows


def write_report(results: dict[str, Any], out: Path, notes: Path | None = None) -> None:
    m = results["machine"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py) from one run; do not edit the figures by hand. "
        "The analysis at the end is hand-written (bench/NOTES.md).",
        "",
        f"- Command: `{results['command']}` (`make bench`; `make bench-quick` runs one small size)",
        f"- Run: {results['started']} to {results.get('finished', '?')} UTC, commit `{m['commit']}` "
        f"(Podium's code: {m.get('code', 'working tree')}, the same for every size)",
        f"- Machine: {m['nproc']} cores (`nproc`), {m['memory']} memory (MemTotal in /proc/meminfo), {m['cpu']}; "
        f"Linux {m['kernel']}, Python {m['python']}",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"- Podium's plugins (from the repository's mkdocs.yml at the time of the run): `{m['plugins']}`",
        "- Shared machine: other engineers' builds and tests ran on the same 2 cores during this run. The "
        "*other load* column is how many cores other processes kept busy, on average, during each build "
        "(from /proc/stat, minus the build's own CPU); wall times with a high other load are inflated.",
        "",
        "## Corpus",
        "",
        "`podium generate DIR --speeches N --seed 1`: synthetic words with a Zipf distribution, log-normal speech "
        "lengths, speakers with roles over time, event editions with sessions, panels with speaker turns and "
        "stage directions, statement-level topics, cross-references, a few Cyrillic transcripts.",
        "",
        "| Speeches | Words | Distinct words | Words per speech (min / median / max) | Speakers | Events | Topics "
        "| Multi-speaker | Cyrillic | Cross-references | Markdown | Generated in |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, data in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        c = data["corpus"]
        lines.append(
            f"| {int(size):,} | {c['words']:,} | {c['distinct_words']:,} | {c['min_words']:,} / "
            f"{c['median_words']:,} / {c['max_words']:,} | {c['speakers']:,} | {c['events']:,} | "
            f"{c['topics']} | {c['multi_speaker']:,} | {c['non_latin']} | {c['references']:,} | "
            f"{_mb(c['markdown_bytes'])} MB | {c['generate_seconds']} s |"
        )
    lines += [
        "",
        "## Builds",
        "",
        "Each way is a fresh child process (`mkdocs build`, or bench/markdown_floor.py for way 4), one after "
        "the other. Peak RSS is the largest process of the build (wait4's ru_maxrss, so it may be a process the "
        "build started, such as the Pagefind indexer); *Python* is the build process alone and *tree* the "
        "largest sum over the process tree at one moment, both sampled every 50 ms. Site size counts every "
        "file written.",
        "",
    ]
    for size, data in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        lines += [
            f"### {int(size):,} speeches",
            "",
            "| Way | Wall (s) | CPU (s) | Peak RSS (MB) | Python (MB) | Tree peak (MB) | Site (MB) | Files "
            "| Mean speech page (KB) | Other load (cores) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        ways = data["ways"]
        for name in ("bare", "blog", "podium", "markdown"):
            w = ways.get(name)
            if not w:
                continue
            if w.get("error"):
                lines.append(
                    f"| {NAMES[name]} | {w['wall']:.1f} | {w['cpu']:.1f} | {w['maxrss_mb']:.0f} | "
                    f"{w.get('main_peak_mb', 0):.0f} | {w['tree_peak_mb']:.0f} | "
                    f"failed: {w['error'][:200]} | | | {w['others_cores']:.2f} |"
                )
                continue
            lines.append(
                f"| {NAMES[name]} | {w['wall']:.1f} | {w['cpu']:.1f} | {w['maxrss_mb']:.0f} | "
                f"{w.get('main_peak_mb', 0):.0f} | {w['tree_peak_mb']:.0f} | {_mb(w['bytes'])} | {w['files']:,} | "
                f"{w['page_bytes_mean'] / 1e3:.1f} | {w['others_cores']:.2f} |"
            )
        bare, blog, podium, md = (ways.get(n, {}) for n in ("bare", "blog", "podium", "markdown"))
        good = lambda w: w and not w.get("error")  # noqa: E731
        ratios = []
        if good(podium) and good(bare):
            ratios += [
                f"Podium / bare: wall {_r(_ratio(podium['wall'], bare['wall']))}, "
                f"CPU {_r(_ratio(podium['cpu'], bare['cpu']))}, "
                f"peak RSS {_r(_ratio(podium['maxrss_mb'], bare['maxrss_mb']))} "
                f"(Python process alone {_r(_ratio(podium.get('main_peak_mb'), bare.get('main_peak_mb')))}), "
                f"site {_r(_ratio(podium['bytes'], bare['bytes']))}, "
                f"speech page {_r(_ratio(podium['page_bytes_mean'], bare['page_bytes_mean']))}"
            ]
        if good(podium) and good(blog):
            ratios += [
                f"Blog + tags / Podium: wall {_r(_ratio(blog['wall'], podium['wall']))}, "
                f"CPU {_r(_ratio(blog['cpu'], podium['cpu']))}, "
                f"peak RSS {_r(_ratio(blog['maxrss_mb'], podium['maxrss_mb']))}, "
                f"site {_r(_ratio(blog['bytes'], podium['bytes']))}"
            ]
        if good(podium) and good(md):
            ratios += [
                f"Podium / Python-Markdown alone: wall {_r(_ratio(podium['wall'], md['wall']))}, "
                f"CPU {_r(_ratio(podium['cpu'], md['cpu']))}"
            ]
        if good(bare) and good(md):
            ratios += [f"Bare / Python-Markdown alone: wall {_r(_ratio(bare['wall'], md['wall']))}"]
        if podium.get("search_bytes"):
            ratios += [
                f"Podium's search index ({podium['search_kind']}): {_mb(podium['search_bytes'])} MB in "
                f"{podium['search_files']:,} files, largest file {podium['search_largest'] / 1e3:,.1f} KB; "
                f"site without it {_mb(podium['bytes'] - podium['search_bytes'])} MB "
                f"({_r(_ratio(podium['bytes'] - podium['search_bytes'], bare['bytes']))} bare)"
            ]
        elif good(podium):
            ratios += ["Search: the Podium build wrote no search index (no search plugin in mkdocs.yml yet)."]
        lines += [""] + [f"- {r}" for r in ratios] + [""]
        if data.get("serve"):
            lines += [
                "Incremental reload under `mkdocs serve --livereload` (as `make serve`): the first build "
                "until a speech page answers, then the time from saving one edited transcript until "
                "that page serves the new text.",
                "",
                "| Way | First build (s) | Reload after one edit (s) |",
                "|---|---:|---:|",
            ]
            for name, figures in data["serve"].items():
                lines.append(
                    f"| {NAMES[name]} | {figures.get('first_build_seconds', 'n/a')} | "
                    f"{figures.get('reload_seconds', figures.get('error', 'n/a'))} |"
                )
            lines.append("")
    lines += ["## Targets", "", "| Target | Measured | Size | Met |", "|---|---:|---|---|"]
    for target, value, size, met in targets(results):
        lines.append(f"| {target} | {value} | {size} | {'yes' if met else 'no' if met is False else 'unknown'} |")
    profile = results.get("profile")
    if profile:
        total = profile["sampled_seconds"] or 1
        lines += [
            "",
            f"## Profile of Podium's build at {results['profile_size']:,} speeches",
            "",
            f"pyinstrument, one in-process `mkdocs build` ({profile['wall_seconds']} s with the profiler; "
            f"bench/profile_build.py). Self time by library (C built-ins count for the library that calls them, "
            f"so nh3.clean counts for podium and a wait on a subprocess for asyncio or subprocess):",
            "",
            "| Library | Self time (s) | Share |",
            "|---|---:|---:|",
        ]
        for name, seconds in list(profile["self_time_by_library"].items())[:12]:
            lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
        lines += [
            "",
            "MkDocs build phases and plugin hooks (inclusive time):",
            "",
            "| Phase or hook | Time (s) | Share |",
            "|---|---:|---:|",
        ]
        for name, seconds in list(profile["build_phases_inclusive"].items())[:8]:
            lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
        for name, seconds in list(profile["hooks_inclusive"].items())[:12]:
            lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
        lines += ["", "Slowest functions by self time:", "", "| Function | Self time (s) |", "|---|---:|"]
        for name, seconds in profile["top_self_functions"][:15]:
            lines.append(f"| `{name}` | {seconds:.2f} |")
    if notes and notes.is_file():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
