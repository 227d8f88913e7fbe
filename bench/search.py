"""Search at archive scale (issue 6): index time and memory, and the first query in headless Chromium.

    python bench/search.py --speeches 10000 --seed 1 --work /tmp/podium-bench   # generate, build, measure
    python bench/search.py --site /tmp/podium-bench/search-10000-1/site        # measure a built site

1. Generates an archive (`podium.editors.generate`, with the `podium` and `podium-search` plugins) unless `--site` is
   given, and builds it with `mkdocs build`, timed. The podium-search plugin indexes the written pages in
   shards, the unchanged ones from the build cache, and logs how long the build waited for it and how many
   shards came from the cache; the index share is that wait over the rest of the build, i.e. what search adds
   to the build time.
2. Runs Pagefind once more on its own (`python -m podium.search.index SITE`, a child process) for its time and
   its peak resident memory (the binary's, from the kernel's accounting of waited-for children).
3. Serves the site on 127.0.0.1 with gzip for text files, as static hosts do, and, for each query, opens
   a page in a fresh browser context (cold cache), waits until it has loaded, then types the query and
   presses Enter. It counts every byte that crosses the network from the key press until the results are
   shown (Chromium's own accounting through the DevTools protocol: compressed bytes, headers included) and
   the time until the results are on screen. Queries: a phrase from a transcript, a frequent word, a rare
   word, on the /search/ page (which also loads the filter indexes for its counts) and in the header box.

Prints a table and, with `--json FILE`, writes the figures for bench/run.py or BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TARGETS = {"transfer_kb": 300, "seconds": 0.5, "index_share": 0.15}
INDEX_LOG = re.compile(
    r"Pagefind indexed (\d+) page\(s\) \(([^)]*)\) in ([\d.]+) s(?:, peak memory (\d+) MB)?"
    r"(?:, ([\d.]+) s of CPU)?(?:, (\d+) shards joined in ([\d.]+) s)?(?:; the build waited ([\d.]+) s for it)?"
)
CACHE_LOG = re.compile(r"search: (\d+) shards from the cache, (\d+) indexed by Pagefind")
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".xml", ".svg", ".txt")


def build(root: Path, speeches: int, seed: int) -> dict:
    """Generate (if not there yet) and build; the build's wall time and the index time it logged."""
    from podium.editors.generate import generate

    if not (root / "mkdocs.yml").exists():
        started = time.perf_counter()
        generate(root, speeches=speeches, seed=seed, plugins=["podium", "podium-search"])
        print(f"generated {speeches} speeches in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=ENV,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build and, reaped by it, Pagefind
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stderr[-3000:]}")
    match = INDEX_LOG.search(result.stderr)
    if not match:
        sys.exit("the build did not run Pagefind: is podium-search in mkdocs.yml?")
    # Pagefind runs once the pages are written (the unchanged shards come from the build cache); what it adds
    # to the build is the time the build waited for it at the end.
    index_seconds, waited = float(match.group(3)), float(match.group(8) or match.group(3))
    index_cpu = float(match.group(5) or 0)
    # On a busy machine wall times stretch; CPU seconds do not: Pagefind's CPU over the rest of the build's is
    # what indexing costs wherever it runs, and what it adds when the build has no core to spare.
    return {
        "build_seconds": round(seconds, 2),
        "index_seconds_in_build": index_seconds,
        "index_waited_seconds": waited,
        "index_peak_memory_mb": int(match.group(4) or 0),  # of the largest Pagefind process (one per shard)
        "index_shards": int(match.group(6) or 1),
        "index_merge_seconds": float(match.group(7) or 0),
        "index_share": round(waited / (seconds - waited), 3),
        "build_cpu_seconds": round(cpu, 1),
        "index_cpu_seconds": index_cpu,
        "index_cpu_share": round(index_cpu / (cpu - index_cpu), 3) if index_cpu else None,
        # Shards kept in the build cache (podium.search.cached) and shards Pagefind indexed in this build.
        "index_shards_cached": int(cached.group(1)) if (cached := CACHE_LOG.search(result.stderr)) else 0,
        "index_shards_indexed": int(cached.group(2)) if cached else None,
    }


def index_alone(site: Path, shard_size: int | None = None) -> dict:
    shards = ["--shard-size", str(shard_size)] if shard_size else []
    result = subprocess.run(
        [sys.executable, "-m", "podium.search.index", str(site), *shards], capture_output=True, text=True, env=ENV
    )
    if result.returncode != 0:
        sys.exit(f"indexing failed: {result.stdout}{result.stderr}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    report["bundle_mb"] = round(sum(p.stat().st_size for p in files) / 1e6, 1)
    report["bundle_files"] = len(files)
    metas = sorted(bundle.glob("pagefind.*.pf_meta"), key=lambda p: p.stat().st_size)
    report["largest_meta_kb"] = round(metas[-1].stat().st_size / 1e3, 1) if metas else 0
    return report


def queries(site: Path) -> dict[str, str]:
    """A phrase, a frequent and a rare word, taken from the English transcripts' pages' text."""
    pages = sorted((site / "speeches").glob("*/index.html"))[:400]
    counts: Counter[str] = Counter()
    phrase = None
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if '<html lang="en"' not in html:
            continue
        for paragraph in re.findall(r'¶</a>(?:<a class="podium-play".*?</a>)?<p>([^<]+)</p>', html):
            # Whole words, lower-cased: `[a-z]+` alone took "abaingskio" out of "Babaingskio", a word in no page.
            words = [word.lower() for word in re.findall(r"[A-Za-z]+", paragraph)]
            counts.update(words)
            if phrase is None and len(words) > 12:
                phrase = " ".join(words[4:8])
    if not counts or phrase is None:
        raise SystemExit(f"no statement text found in {site / 'speeches'}: does the page markup match this script?")
    ranked = [word for word, _ in counts.most_common() if len(word) > 3]
    # The rarest long word of the sample: in a large archive no word of the sample may be there only once.
    rare = min((word for word in counts if len(word) > 6), key=lambda word: (counts[word], word))
    return {"phrase": f'"{phrase}"', "frequent": ranked[20], "rare": rare}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text, like the hosts a site is published on. It counts what it sends:
    Pagefind fetches from a Web Worker, whose requests the page's own DevTools session does not see."""

    sent = {"bytes": 0, "requests": 0}
    files: list[tuple[str, int]] = []
    query_filters: dict[str, str] = {}  # file names of the filter indexes a query may load before its results

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        _Handler.sent["bytes"] += sum(map(len, getattr(self, "_headers_buffer", []))) + 2
        _Handler.sent["requests"] += 1
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:
        body = source.read()
        _Handler.sent["bytes"] += len(body)
        _Handler.files.append((self.path.split("?")[0], len(body)))
        outputfile.write(body)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if path.endswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path):
            with open(path, "rb") as handle:
                body = gzip.compress(handle.read(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = lambda *args, **kwargs: _Handler(*args, directory=str(site), **kwargs)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def first_query(browser, base: str, where: str, query: str) -> dict:
    """Bytes and seconds from pressing Enter (search page) or typing (header box) until results show."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + ("search/" if where == "page" else ""), wait_until="load")
    page.wait_for_load_state("networkidle")
    _Handler.sent.update(bytes=0, requests=0)
    _Handler.files.clear()
    if where == "page":
        page.fill("#podium-searchpage-q", query)
        started = time.perf_counter()
        page.press("#podium-searchpage-q", "Enter")
        page.wait_for_function(
            "() => /match/.test(document.querySelector('.podium-results__status').textContent)"
            " && new URLSearchParams(location.search).has('q')",
            polling="raf",
            timeout=60_000,
        )
    else:
        started = time.perf_counter()
        page.fill("#podium-searchbox-q", query)
        page.wait_for_selector("#podium-searchbox-results [role=option]", timeout=60_000)
    seconds = time.perf_counter() - started
    # What it took to show the results, their fragments included, and the filter indexes the query itself
    # asks for (`query_filter_files`: Pagefind loads them before it answers). The other filter indexes that arrive
    # meanwhile are the counts', fetched once the results are shown: counted apart.
    # A lead's filter file arrives before the first result's fragment; the counts' copy of it, after.
    first_fragment = next((n for n, (path, _) in enumerate(_Handler.files) if "/fragment/" in path), None)
    shown_files = [
        (path, size)
        for n, (path, size) in enumerate(_Handler.files)
        if "/filter/" not in path
        or _Handler.query_filters.get(path.rsplit("/", 1)[-1]) == "always"
        or (
            _Handler.query_filters.get(path.rsplit("/", 1)[-1]) == "lead"
            and (first_fragment is None or n < first_fragment)
        )
    ]
    received = {"bytes": sum(size for _, size in shown_files), "requests": len(shown_files)}
    counts = None
    if where == "page":  # then the filters' counts, fetched after the results
        page.wait_for_selector("[data-podium-counts=ready]", timeout=60_000)
        counts = {
            "seconds": round(time.perf_counter() - started, 3),
            "transfer_kb": round(_Handler.sent["bytes"] / 1024, 1),
        }
    page.wait_for_load_state("networkidle")
    kinds: Counter[str] = Counter()
    for path, size in shown_files:
        kind = re.sub(r"^.*/(fragment|index|filter)/.*$", r"\1", path)
        kind = re.sub(r"^.*\.(pf_meta)$|^.*/(wasm)\.[a-z]+\.pagefind$", lambda m: m.group(1) or m.group(2), kind)
        kinds[kind.rsplit("/", 1)[-1]] += size
    status = page.inner_text(".podium-results__status") if where == "page" else page.inner_text("#podium-quick-all")
    context.close()
    return {
        "where": where,
        "query": query,
        "seconds": round(seconds, 3),
        "transfer_kb": round(received["bytes"] / 1024, 1),
        "requests": received["requests"],
        "status": status,
        "by_kind_kb": {kind: round(size / 1024, 1) for kind, size in kinds.most_common()},
        "with_counts": counts,
    }


def query_filter_files(site: Path) -> dict[str, str]:
    """The filter index files a search loads before it shows a result, read from each language's page table:
    "always" the filter that tells speeches from facet pages, "lead" those of the leads of lone common words
    (`lead0`, `lead1`...), which the filters' counts load too, after the results."""
    from podium.search.cbor import decode, read_file
    from podium.search.lead import FACET_FILTER, LEAD_FILTER

    names = {}
    for meta_file in (site / "pagefind").glob("pagefind.*.pf_meta"):
        meta, _ = decode(read_file(meta_file))
        assert isinstance(meta, list)
        for name, chunk in meta[3]:
            if name == FACET_FILTER[0] or name.startswith(LEAD_FILTER):
                names[f"{chunk}.pf_filter"] = "always" if name == FACET_FILTER[0] else "lead"
    return names


def measure_queries(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    _Handler.query_filters = query_filter_files(site)
    server, base = serve(site)
    results = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for kind, query in queries(site).items():
                for where in ("page", "header"):
                    result = first_query(browser, base, where, query)
                    result["kind"] = kind
                    results.append(result)
                    print(
                        f"  {where:6} {kind:8} {query!r}: {result['seconds']:.3f} s, {result['transfer_kb']} KB "
                        f"in {result['requests']} requests ({result['status']}) {result['by_kind_kb']}"
                        + (f"; with the filters' counts {result['with_counts']}" if result["with_counts"] else ""),
                        file=sys.stderr,
                    )
            browser.close()
    finally:
        server.shutdown()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speeches", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/podium-bench"))
    parser.add_argument("--site", type=Path, help="measure this built site instead of generating one")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--index-alone", action="store_true", help="also time Pagefind alone over the built site")
    parser.add_argument("--shard-size", type=int, help="speeches per Pagefind process when indexing alone")
    parser.add_argument("--keep-index", action="store_true", help="with --site: measure the bundle as it is")
    args = parser.parse_args(argv)

    figures: dict = {"speeches": args.speeches, "seed": args.seed, "targets": TARGETS}
    if args.site:
        site = args.site
    else:
        root = args.work / f"search-{args.speeches}-{args.seed}"
        root.mkdir(parents=True, exist_ok=True)
        figures.update(build(root, args.speeches, args.seed))
        site = root / "site"
        print(
            f"built in {figures['build_seconds']} s; Pagefind ran {figures['index_seconds_in_build']} s beside it,"
            f" the build waited {figures['index_waited_seconds']} s for it ({figures['index_share']:.1%} over the"
            f" rest), peak memory {figures['index_peak_memory_mb']} MB; CPU: build {figures['build_cpu_seconds']} s,"
            f" Pagefind {figures['index_cpu_seconds']} s of it",
            file=sys.stderr,
        )
    if (args.site and not args.keep_index) or args.index_alone:  # the build already reported Pagefind's figures
        figures["index"] = index_alone(site, args.shard_size)
        print(f"Pagefind alone: {figures['index']}", file=sys.stderr)
    figures["queries"] = measure_queries(site)
    worst = {
        "transfer_kb": max(q["transfer_kb"] for q in figures["queries"]),
        "seconds": max(q["seconds"] for q in figures["queries"]),
    }
    figures["worst"] = worst
    met = {
        "transfer_kb": worst["transfer_kb"] <= TARGETS["transfer_kb"],
        "seconds": worst["seconds"] <= TARGETS["seconds"],
    }
    if "index_share" in figures:
        met["index_share"] = figures["index_share"] <= TARGETS["index_share"]
    figures["met"] = met
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
