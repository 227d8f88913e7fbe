"""Write BENCHMARKS.md from one run's results (bench/run.py), with the scaling targets checked."""

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


GB = 1000.0  # MB per GB, as the sizes are printed


def _margin(measured: float, limit: float, unit: str = "×") -> str:
    """How far a measured value is under (met) or over (missed) its limit, e.g. `0.40× under`."""
    gap = limit - measured
    figure = f"{abs(gap):.2f}{unit}" if unit == "×" else f"{abs(gap):,.{2 if unit == 'GB' else 1}f} {unit}"
    return f"{figure} under" if gap >= 0 else f"{figure} over"


Row = tuple[str, str, str, bool | None, str]


def targets(results: dict[str, Any]) -> list[Row]:
    """(target, measured, at which size, met?, margin) for each target of the scaling issue."""
    sizes = sorted(int(s) for s in results["sizes"])
    rows: list[Row] = []

    def data(size: int) -> dict[str, Any]:
        return results["sizes"][str(size)]

    def way(size: int, name: str) -> dict[str, Any]:
        return data(size)["ways"].get(name, {})

    def ok(size: int, *names: str) -> bool:
        return all(way(size, n) and not way(size, n).get("error") for n in names)

    def ratio_row(target: str, measured: float, limit: float, size: str) -> None:
        rows.append((target, _r(measured), size, measured <= limit, _margin(measured, limit)))

    for size in sizes:
        if size < 1000 and len(sizes) > 1:
            continue
        at = f"{size:,}"
        if ok(size, "podium", "bare"):
            ratio_row(
                "Cold build CPU ≤ 2.5× bare Material", way(size, "podium")["cpu"] / way(size, "bare")["cpu"], 2.5, at
            )
            warm = data(size).get("warm") or {}
            if warm and not warm.get("error"):
                ratio_row(
                    "Warm rebuild, nothing changed: wall ≤ 1× bare's", warm["wall"] / way(size, "bare")["wall"], 1.0, at
                )
            elif warm.get("error"):
                rows.append(
                    ("Warm rebuild, nothing changed: wall ≤ 1× bare's", f"failed: {warm['error'][:80]}", at, None, "")
                )
            ratio_row("Site ≤ 2.5× bare", way(size, "podium")["bytes"] / way(size, "bare")["bytes"], 2.5, at)
        serve = data(size).get("serve", {}).get("podium")
        if serve:
            if "reload_seconds" in serve:
                seconds = serve["reload_seconds"]
                rows.append(
                    (
                        "Serve: one edit → new text served ≤ 5 s",
                        f"{seconds:.1f} s",
                        at,
                        seconds <= 5,
                        _margin(seconds, 5, "s"),
                    )
                )
            else:
                rows.append(
                    ("Serve: one edit → new text served ≤ 5 s", f"failed: {serve.get('error', '?')}", at, None, "")
                )
        search = data(size).get("search") or {}
        phrases = [q["transfer_kb"] for q in search.get("queries", []) if q.get("kind") == "phrase"]
        if phrases:  # the issue's own target: a phrase with a very common word ("a ... heeck")
            kb = max(phrases)
            rows.append(
                ("Search: a phrase with a common word ≤ 300 KB", f"{kb:,.0f} KB", at, kb <= 300, _margin(kb, 300, "KB"))
            )
        if search.get("worst"):
            kb = search["worst"]["transfer_kb"]
            rows.append(
                ("Search: the heaviest first query ≤ 300 KB", f"{kb:,.0f} KB", at, kb <= 300, _margin(kb, 300, "KB"))
            )
        elif search.get("error"):
            rows.append(("Search: the heaviest first query ≤ 300 KB", f"failed: {search['error'][:80]}", at, None, ""))
    big = max(sizes)
    at = f"{big:,}"
    if ok(big, "podium"):
        podium = way(big, "podium")

        def gb_row(target: str, gigabytes: float, limit: float, below: bool = False) -> None:
            met = gigabytes < limit if below else gigabytes <= limit
            rows.append((target, f"{gigabytes:.2f} GB", at, met, _margin(gigabytes, limit, "GB")))

        gb_row("Peak memory of the process tree ≤ 1.5 GB (RSS summed)", podium["tree_peak_mb"] / GB, 1.5)
        if podium.get("tree_pss_peak_mb"):
            gb_row("Peak memory of the process tree ≤ 1.5 GB (PSS summed)", podium["tree_pss_peak_mb"] / GB, 1.5)
        if podium.get("main_peak_mb"):
            gb_row("Peak memory of the MkDocs process ≤ 1 GB", podium["main_peak_mb"] / GB, 1.0)
        gb_row("Site < 1 GB", podium["bytes"] / 1e9, 1.0, below=True)
    return rows


def _run_lines(results: dict[str, Any]) -> list[str]:
    """Where and how one run was made: its command, time, commit, machine, versions and plugins."""
    m = results["machine"]
    return [
        f"- Command: `{results['command']}`",
        f"- Run: {results['started']} to {results.get('finished', '?')} UTC, commit `{m['commit']}` "
        f"(Podium's code: {m.get('code', 'working tree')}, the same for every size)",
        f"- Machine: {m['nproc']} cores (`nproc`), {m['memory']} memory (MemTotal in /proc/meminfo), {m['cpu']}; "
        f"Linux {m['kernel']}, Python {m['python']}",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"- Podium's plugins (from the repository's mkdocs.yml at the time of the run): `{m['plugins']}`",
    ]


CORPUS_HEAD = [
    "| Speeches | Words | Distinct words | Words per speech (min / median / max) | Speakers | Events | Topics "
    "| Multi-speaker | Cyrillic | Cross-references | Markdown | Generated in |",
    "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
]


def _corpus_rows(results: dict[str, Any]) -> list[str]:
    rows = []
    for size, data in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        c = data["corpus"]
        rows.append(
            f"| {int(size):,} | {c['words']:,} | {c['distinct_words']:,} | {c['min_words']:,} / "
            f"{c['median_words']:,} / {c['max_words']:,} | {c['speakers']:,} | {c['events']:,} | "
            f"{c['topics']} | {c['multi_speaker']:,} | {c['non_latin']} | {c['references']:,} | "
            f"{_mb(c['markdown_bytes'])} MB | {c['generate_seconds']} s |"
        )
    return rows


def _size_lines(size: str, data: dict[str, Any]) -> list[str]:
    """One size's builds: the table of ways, the ratios, warm build, search queries and serve reloads."""
    lines = [
        f"### {int(size):,} speeches",
        "",
        "| Way | Wall (s) | CPU (s) | Peak RSS (MB) | Python (MB) | Tree peak (MB) | Tree PSS (MB) | Site (MB) "
        "| Files | Mean speech page (KB) | Other load (cores) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ways = data["ways"]
    for name in ("bare", "blog", "podium", "markdown"):
        w = ways.get(name)
        if not w:
            continue
        if w.get("error"):
            lines.append(
                f"| {NAMES[name]} | {w['wall']:.1f} | {w['cpu']:.1f} | {w['maxrss_mb']:.0f} | "
                f"{w.get('main_peak_mb', 0):.0f} | {w['tree_peak_mb']:.0f} | {w.get('tree_pss_peak_mb', 0):.0f} | "
                f"failed: {w['error'][:200]} | | | {w['others_cores']:.2f} |"
            )
            continue
        lines.append(
            f"| {NAMES[name]} | {w['wall']:.1f} | {w['cpu']:.1f} | {w['maxrss_mb']:.0f} | "
            f"{w.get('main_peak_mb', 0):.0f} | {w['tree_peak_mb']:.0f} | {w.get('tree_pss_peak_mb', 0):.0f} | "
            f"{_mb(w['bytes'])} | {w['files']:,} | "
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
    warm = data.get("warm") or {}
    if warm and not warm.get("error"):
        ratios += [
            f"Podium warm (the same build again, nothing changed, build cache and site in place): wall "
            f"{warm['wall']:.1f} s, CPU {warm['cpu']:.1f} s, tree peak {warm['tree_peak_mb']:.0f} MB; "
            f"wall {_r(_ratio(warm['wall'], bare.get('wall', 0)))} bare's cold build"
        ]
    edited = data.get("edited") or {}
    if edited and not edited.get("error"):
        counted = f"; pages {edited['reused']:,} reused, {edited['built']:,} built" if "built" in edited else ""
        ratios += [
            f"Podium after one edited transcript (a sentence added, then the same build): wall "
            f"{edited['wall']:.1f} s, CPU {edited['cpu']:.1f} s{counted}; wall "
            f"{_r(_ratio(edited['wall'], bare.get('wall', 0)))} bare's cold build"
        ]
    search = data.get("search") or {}
    for query in search.get("queries", []):
        ratios += [
            f"Search, first query `{query.get('query', query.get('kind'))}` ({query.get('kind')}, "
            f"{query.get('where')}): {query['transfer_kb']:,.0f} KB in {query.get('requests', '?')} requests, "
            f"{query['seconds']:.2f} s"
        ]
    lines += [""] + [f"- {r}" for r in ratios] + [""]
    if data.get("serve"):
        lines += [
            "Incremental reload: bare under `mkdocs serve --livereload`, Podium under `podium serve` (as "
            "`make serve`). The first build until a speech page answers, then the time from saving one edited "
            "transcript until that page serves the new text; for Podium also the time until the background "
            "build has brought the rest of the site up to date, and the serving process's memory after it "
            "(VmRSS, and its peak VmHWM).",
            "",
            "| Way | First build (s) | Reload after one edit (s) | Rest of the site (s) | Serving process "
            "(MB) | Its peak (MB) |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, figures in data["serve"].items():
            lines.append(
                f"| {NAMES[name]} | {figures.get('first_build_seconds', 'n/a')} | "
                f"{figures.get('reload_seconds', figures.get('error', 'n/a'))} | "
                f"{figures.get('background_seconds', '–')} | {figures.get('rss_mb', '–')} | "
                f"{figures.get('peak_rss_mb', '–')} |"
            )
        lines.append("")
    return lines


TARGETS_HEAD = ["| Target | Measured | Speeches | Met | By how much |", "|---|---:|---:|---|---|"]


def _target_rows(results: dict[str, Any]) -> list[str]:
    rows = []
    for target, value, size, met, margin in targets(results):
        verdict = "yes" if met else "no" if met is False else "unknown"
        rows.append(f"| {target} | {value} | {size} | {verdict} | {margin} |")
    return rows


def _separate_run(results: dict[str, Any]) -> list[str]:
    """A run of other sizes (the 100,000-speech one takes hours), kept apart with its own header and targets."""
    sizes = " and ".join(f"{int(s):,}" for s in sorted(results["sizes"], key=int))
    lines = [
        "",
        f"## A separate run: {sizes} speeches",
        "",
        "Made apart from the run above (its own command, time and code), with the same method; its ratios are "
        "from this run alone.",
        "",
        *_run_lines(results),
        "",
        *CORPUS_HEAD,
        *_corpus_rows(results),
        "",
    ]
    for size, data in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        lines += _size_lines(size, data)
    lines += [f"Targets checked at {sizes} speeches (those that apply at this size):", "", *TARGETS_HEAD]
    return lines + _target_rows(results)


def write_report(
    results: dict[str, Any], out: Path, notes: Path | None = None, also: list[dict[str, Any]] | None = None
) -> None:
    """Write BENCHMARKS.md from one run, then any separate runs (`also`), then the hand-written notes."""
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py) from one run; do not edit the figures by hand. "
        "The analysis at the end is hand-written (bench/NOTES.md).",
        "",
        *_run_lines(results),
        "- `make bench` runs it (sizes 1,000 and 10,000); `make bench-quick` one small size; `make bench-100k` the "
        "100,000-speech run, which a later `make bench` adds below as a separate run.",
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
        *CORPUS_HEAD,
        *_corpus_rows(results),
        "",
        "## Builds",
        "",
        "Each way is a fresh child process (`mkdocs build`, or bench/markdown_floor.py for way 4), one after "
        "the other. Peak RSS is the largest process of the build (wait4's ru_maxrss, so it may be a process the "
        "build started, such as the Pagefind indexer); *Python* is the build process alone and *tree* the "
        "largest sum over the process tree at one moment, both sampled every 50 ms. *Tree PSS* is the same "
        "sum of proportional set sizes: a page that forked render workers share with the build process counts "
        "once, where the RSS sum counts it once per process. Site size counts every file written.",
        "",
    ]
    for size, data in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        lines += _size_lines(size, data)
    lines += [
        "## Targets",
        "",
        "Podium against bare MkDocs + Material on the same corpus, from the run above.",
        "",
        *TARGETS_HEAD,
        *_target_rows(results),
    ]
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
    for other in also or []:
        lines += _separate_run(other)
    if notes and notes.is_file():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
