"""`make bench`: build the same generated archive four ways, one after the other, and write BENCHMARKS.md.

    python bench/run.py --sizes 100,1000,10000 --out BENCHMARKS.md

For each size, `podium generate` writes one corpus; then, in this order, each timed as its own child process:

1. bare   - MkDocs + Material, nav = home only, no plugins; each transcript a plain Markdown page with
            Material-compatible meta (title, description). The floor for this stack.
2. blog   - Material's blog plugin (speakers as authors with profile pages, topics as categories, the event
            and the kind as tags) plus its tags plugin: what a user would pick instead of Podium.
3. podium - the archive as Podium builds it, with every plugin the repository's mkdocs.yml lists at the time
            of the run (`podium` and whatever has landed since: facets, cross-links, search).
4. markdown - Python-Markdown alone over the same bodies (bench/markdown_floor.py): the parsing floor.

Every way shares the repository's theme settings and Markdown extensions. For each build: wall time; peak RSS
(the child's own, from wait4, and the whole process tree's, sampled every 50 ms from /proc); the site's size,
file count and mean bytes per speech page; the search index if the site has one; and how many cores other
processes kept busy meanwhile (the machine may be shared). At one size (`--serve-at`) it also times
the dev server (`podium serve`, as `make serve` runs it; `mkdocs serve` for bare): the first build until a speech
page answers, then the reload after one transcript edit, until the edited page serves the new text. At one size
(`--profile-at`) it profiles Podium's build with pyinstrument
(bench/profile_build.py). Raw figures go to WORK/results.json beside the corpora.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WAYS = ("bare", "blog", "podium", "markdown")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") / 1024


# -- the repository's mkdocs.yml, read without executing its tags and written back with them ---------------


class Tagged:
    """A YAML value with a custom tag (`!!python/name:...`, `!ENV`), kept as written."""

    def __init__(self, tag: str, value: Any):
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


def _tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _represent_tagged(dumper, data: Tagged):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Dumper.add_representer(Tagged, _represent_tagged)


CONFIG = REPO / "mkdocs.yml"  # main() points this at the snapshot's mkdocs.yml
# The scripts a run starts (search, the Markdown floor, the profile): main() points this at the snapshot's, so
# that they read the pages the snapshot's Podium writes (a later commit may have changed the markup).
SCRIPTS = REPO / "bench"


def repo_config() -> dict[str, Any]:
    return yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506


def snapshot(work: Path) -> tuple[Path, str]:
    """Podium's committed code and mkdocs.yml at HEAD, copied aside, so every size of one run builds with
    the same code even while other engineers commit (the builds get it first on PYTHONPATH)."""
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    code.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", commit, "plugins/podium", "bench", "mkdocs.yml"], cwd=REPO, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    return code, commit


def config_for(way: str, repo: dict[str, Any]) -> dict[str, Any]:
    """One way's mkdocs.yml: the repository's theme and Markdown extensions, that way's nav and plugins."""
    theme = dict(repo.get("theme") or {"name": "material"})
    if isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str((REPO / theme["custom_dir"]).resolve())
    config: dict[str, Any] = {"site_name": f"Benchmark: {way}", "theme": theme}
    for key in ("site_description", "repo_url", "edit_uri", "markdown_extensions", "extra"):
        if key in repo:
            config[key] = repo[key]
    if way == "bare":
        config["nav"] = [{"Home": "index.md"}]
        config["plugins"] = []
    elif way == "blog":
        config["nav"] = [{"Home": "index.md"}, {"Speeches": "blog/index.md"}, {"Tags": "tags.md"}]
        config["plugins"] = [{"blog": {"post_url_format": "{slug}", "authors_profiles": True}}, "tags"]
    else:
        config["nav"] = [{"Home": "index.md"}, {"Speeches": "speeches/index.md"}]
        config["plugins"] = repo.get("plugins") or ["podium"]
        for key, value in repo.items():  # a Podium plugin may read its own top-level keys, e.g. extra_css
            if key.startswith("extra_") and key not in config:
                config[key] = value
    config["validation"] = {
        "nav": {"omitted_files": "info", "not_found": "warn"},
        "links": {"not_found": "info", "unrecognized_links": "info"},
    }
    return config


def write_config(folder: Path, config: dict[str, Any]) -> None:
    (folder / "mkdocs.yml").write_text(
        yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


# -- the corpus, written three ways ---------------------------------------------------------------------


@dataclass
class Transcript:
    id: str
    year: int
    front: dict[str, Any]
    body: str


def transcripts(corpus: Path) -> list[Transcript]:
    found = []
    for file in sorted((corpus / "speeches").rglob("*.md")):
        text = file.read_text(encoding="utf-8")
        front, body = text[4:].split("\n---\n", 1)
        data = yaml.safe_load(front)
        found.append(Transcript(file.stem, int(str(data["date"])[:4]), data, body))  # a day, a month or a year
    return found


def _page(front: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.dump(front, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000) + "---\n" + body


def prepare_bare(corpus: Path, folder: Path, items: list[Transcript], repo: dict) -> None:
    """Each transcript a plain page at /speeches/<id>/, with title and description as Material reads them."""
    docs = folder / "docs"
    (docs / "speeches").mkdir(parents=True, exist_ok=True)
    home = (corpus / "docs" / "index.md").read_text(encoding="utf-8").replace("<!-- podium:home -->", "")
    (docs / "index.md").write_text(home, encoding="utf-8")
    for item in items:
        front = {"title": item.front["title"]}
        if item.front.get("summary"):
            front["description"] = item.front["summary"]
        (docs / "speeches" / f"{item.id}.md").write_text(_page(front, item.body), encoding="utf-8")
    write_config(folder, config_for("bare", repo))


def prepare_blog(corpus: Path, folder: Path, items: list[Transcript], repo: dict) -> None:
    """Posts at /blog/<id>/ with an excerpt break after the first paragraph (what a blog user would do)."""
    docs = folder / "docs"
    posts = docs / "blog" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    home = (corpus / "docs" / "index.md").read_text(encoding="utf-8").replace("<!-- podium:home -->", "")
    (docs / "index.md").write_text(home, encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Speeches\n", encoding="utf-8")
    (docs / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
    speakers = yaml.safe_load((corpus / "speeches" / "speakers.yml").read_text(encoding="utf-8"))
    topics = yaml.safe_load((corpus / "speeches" / "topics.yml").read_text(encoding="utf-8"))
    events = yaml.safe_load((corpus / "speeches" / "events.yml").read_text(encoding="utf-8"))
    authors = {}
    for ident, person in speakers.items():
        roles = person.get("roles") or []
        role = f"{roles[-1]['role']}, {roles[-1]['organization']}" if roles else person.get("country", "")
        authors[ident] = {
            "name": person["name"],
            "description": role,
            "avatar": f"https://avatars.example.org/{ident}.png",
            "slug": ident,
        }
    (docs / "blog" / ".authors.yml").write_text(
        yaml.dump({"authors": authors}, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    for item in items:
        meta = item.front
        front: dict[str, Any] = {
            "title": meta["title"],
            "date": meta["date"],
            "slug": item.id,
            "authors": [meta["speaker"]] if meta.get("speaker") else list(meta["speakers"]),
            "categories": [topics[t]["label"] for t in meta.get("topics", [])],
        }
        tags = [events[meta["event"]]["name"]] if meta.get("event") else []
        front["tags"] = tags + [meta.get("kind", "speech")]
        if meta.get("summary"):
            front["description"] = meta["summary"]
        first, _, rest = item.body.strip("\n").partition("\n\n")
        body = "\n" + first + "\n\n<!-- more -->\n\n" + rest + "\n"
        (posts / str(item.year)).mkdir(exist_ok=True)
        (posts / str(item.year) / f"{item.id}.md").write_text(_page(front, body), encoding="utf-8")
    write_config(folder, config_for("blog", repo))


# -- measuring one child process ----------------------------------------------------------------------------


@dataclass
class Measure:
    wall: float = 0.0
    cpu: float = 0.0  # user + system seconds of the child and its descendants
    maxrss_mb: float = 0.0  # the largest single process of the tree (wait4's ru_maxrss)
    tree_peak_mb: float = 0.0  # the largest sum of RSS over the tree at one moment (sampled)
    # The same sum of PSS: a page that forked workers share with their parent counts once, split between them,
    # where the RSS sum counts it once per process. The memory the tree really holds.
    tree_pss_peak_mb: float = 0.0
    main_peak_mb: float = 0.0  # the build process alone, without the processes it starts (sampled)
    others_cores: float = 0.0  # cores other processes kept busy meanwhile (the machine is shared)
    load_before: float = 0.0
    returncode: int = 0
    error: str = ""


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(p) for p in handle.read().split()]
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return found


def _statm_rss_kb(pid: int) -> float:
    with open(f"/proc/{pid}/statm") as handle:
        return int(handle.read().split()[1]) * PAGE_KB


def _rss_kb(pid: int) -> float:
    try:
        return _statm_rss_kb(pid)
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0.0


def _pss_kb(pid: int) -> float:
    """A process's proportional set size: shared copy-on-write pages split between the processes sharing them."""
    with open(f"/proc/{pid}/smaps_rollup") as handle:
        for line in handle:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0.0


def _tree_kb(pid: int, measure=_statm_rss_kb) -> float:
    """`measure` summed over the process and every descendant alive now (RSS by default, or `_pss_kb`)."""
    total, stack = 0.0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += measure(current)
        except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError, ValueError):
            continue
        stack += _children(current)
    return total


def _busy_seconds() -> float:
    with open("/proc/stat") as handle:
        fields = [int(x) for x in handle.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / CLK_TCK


def measured(command: list[str], cwd: Path, timeout: float, log: Path) -> Measure:
    """Run `command` as a child; its wall time, CPU, peak RSS, and the machine's other load meanwhile."""
    result = Measure(load_before=os.getloadavg()[0])
    busy_before, self_before = _busy_seconds(), _self_cpu()
    peak = [0.0, 0.0, 0.0]
    with open(log, "wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=output, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample():
            while not done.wait(0.05):
                peak[0] = max(peak[0], _tree_kb(process.pid))
                peak[1] = max(peak[1], _rss_kb(process.pid))
                peak[2] = max(peak[2], _tree_kb(process.pid, _pss_kb))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, lambda: process.kill())
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        result.wall = time.perf_counter() - started
        timer.cancel()
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    result.returncode = process.returncode
    result.cpu = usage.ru_utime + usage.ru_stime
    result.maxrss_mb = usage.ru_maxrss / 1024
    result.tree_peak_mb = max(peak[0], usage.ru_maxrss) / 1024
    result.main_peak_mb = peak[1] / 1024
    result.tree_pss_peak_mb = peak[2] / 1024
    others = (_busy_seconds() - busy_before) - result.cpu - (_self_cpu() - self_before)
    result.others_cores = max(0.0, others / result.wall)
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
        result.error = (
            f"killed after the timeout of {timeout:d} s"
            if result.wall >= timeout
            else f"exit {result.returncode:d}: {' | '.join(tail)}"
        )
    return result


def _self_cpu() -> float:
    times = os.times()
    return times.user + times.system


# -- what the build wrote -----------------------------------------------------------------------------------


@dataclass
class SiteSize:
    bytes: int = 0
    files: int = 0
    pages: int = 0
    page_bytes_mean: float = 0.0
    search_bytes: int = 0
    search_files: int = 0
    search_largest: int = 0
    search_kind: str = ""


def site_size(site: Path, pages: list[Path]) -> SiteSize:
    size = SiteSize()
    for folder, _, names in os.walk(site):
        relative = Path(folder).relative_to(site).parts
        searchy = bool(relative) and relative[0] in ("search", "pagefind", "_pagefind")
        for name in names:
            bytes_ = os.path.getsize(os.path.join(folder, name))
            size.bytes += bytes_
            size.files += 1
            if searchy or name in ("search_index.json", "search.json"):
                size.search_bytes += bytes_
                size.search_files += 1
                size.search_largest = max(size.search_largest, bytes_)
                size.search_kind = relative[0] if relative else name
    present = [page.stat().st_size for page in pages if page.is_file()]
    size.pages = len(present)
    size.page_bytes_mean = sum(present) / len(present) if present else 0.0
    return size


def speech_pages(way: str, folder: Path, ids: list[str]) -> list[Path]:
    site = folder / "site"
    if way == "markdown":
        return [folder / "out" / f"{ident}.html" for ident in ids]
    if way == "blog":
        return [site / "blog" / ident / "index.html" for ident in ids]
    return [site / "speeches" / ident / "index.html" for ident in ids]


# -- the dev server: first build and reload after one edit ---------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
            return response.read().decode("utf-8", errors="replace")
    except Exception:  # noqa: BLE001 - not up yet, or rebuilding
        return None


SERVE = {
    # `make serve`: Podium's edit loop (podium.mkdocs.live): a saved transcript's page alone, the rest after it.
    "podium": [str(BIN / "podium"), "serve", "--dev-addr"],
    "bare": [str(BIN / "mkdocs"), "serve", "--livereload", "--dev-addr"],
}
BACKGROUND_DONE = re.compile(r"the rest of the site is up to date \(built in the background in (\d+) s\)")


def _memory_mb(pid: int) -> dict[str, float]:
    """The serving process's own resident memory now and at its peak (its children are not in it)."""
    figures: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                figures[{"VmRSS": "rss_mb", "VmHWM": "peak_rss_mb"}[key]] = round(int(value.split()[0]) / 1024)
    except OSError:
        pass
    return figures


def serve_reload(
    folder: Path, transcript: Path, page: str, log: Path, way: str = "bare", timeout: float = 1800
) -> dict[str, Any]:
    """Start the way's dev server (`podium serve` as `make serve` runs it; `mkdocs serve` for bare), wait for the
    page, edit the transcript, time until the page serves the new text. For Podium also: the serving process's
    memory, and when its background build has brought the rest of the site up to date."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    marker = f"Benchmark marker {time.time_ns()}"
    original = transcript.read_bytes()
    figures: dict[str, Any] = {}
    with open(log, "wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*SERVE[way], f"127.0.0.1:{port}"],
            cwd=folder,
            env=ENV,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            while _get(url) is None:
                if process.poll() is not None or time.perf_counter() - started > timeout:
                    figures["error"] = f"{Path(SERVE[way][0]).name} serve did not come up"
                    return figures
                time.sleep(0.2)
            figures["first_build_seconds"] = round(time.perf_counter() - started, 2)
            time.sleep(3)  # let the file watcher settle before the edit
            edited = original.rstrip(b"\n") + f"\n\n{marker}.\n".encode()
            transcript.write_bytes(edited)
            edit = time.perf_counter()
            while True:
                html = _get(url)
                if html and marker in html:
                    figures["reload_seconds"] = round(time.perf_counter() - edit, 2)
                    break
                if process.poll() is not None or time.perf_counter() - edit > timeout:
                    figures["error"] = "the edit never showed"
                    break
                time.sleep(0.1)
            if way == "podium" and "error" not in figures:
                figures.update(_memory_mb(process.pid))
                while not (done := BACKGROUND_DONE.search(log.read_text(errors="replace"))):
                    if process.poll() is not None or time.perf_counter() - edit > timeout:
                        break
                    time.sleep(1)
                if done:
                    figures["background_seconds"] = int(done.group(1))
                figures.update({f"after_{k}": v for k, v in _memory_mb(process.pid).items()})
        finally:
            transcript.write_bytes(original)
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return figures


# -- the run ---------------------------------------------------------------------------------------------------


@dataclass
class SizeResult:
    speeches: int
    corpus: dict[str, Any] = field(default_factory=dict)
    ways: dict[str, dict[str, Any]] = field(default_factory=dict)
    serve: dict[str, dict[str, Any]] = field(default_factory=dict)
    warm: dict[str, Any] = field(default_factory=dict)
    """Podium's second build of the same corpus, nothing changed: the build cache and the last site in place."""
    search: dict[str, Any] = field(default_factory=dict)
    """Bytes and time of the first queries on Podium's site (bench/search.py), in headless Chromium."""
    edited: dict[str, Any] = field(default_factory=dict)
    """Podium's third build: one transcript edited after the warm build (its `pages` line's reused and built)."""


PAGES_LINE = re.compile(r"podium: pages: .*\((\d+) reused, (\d+) built\)")


def edit_transcript(path: Path) -> None:
    """One sentence added at the end of a transcript, as an editor's correction would."""
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\nA sentence added for the benchmark.\n")


def page_counts(log: Path) -> dict[str, int]:
    """The pages a build reused and built, from its log's `pages` line ({} when it has none)."""
    found = PAGES_LINE.search(log.read_text(encoding="utf-8", errors="replace"))
    return {"reused": int(found.group(1)), "built": int(found.group(2))} if found else {}


def search_figures(site: Path, log: Path) -> dict[str, Any]:
    """bench/search.py on a built site, as a child process: the queries' bytes and times, or the error.

    The bundle is measured as the build wrote it (`--keep-index`): indexing the site again, Pagefind alone,
    takes as long as the build's own indexing (25 minutes at 100,000 speeches) and the build reports it."""
    out = log.with_suffix(".json")
    command = [
        *(sys.executable, str(SCRIPTS / "search.py"), "--site", str(site), "--keep-index"),
        *("--json", str(out)),
    ]
    with open(log, "wb") as output:
        done = subprocess.run(command, env=ENV, stdout=output, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0 or not out.is_file():
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
        return {"error": f"exit {done.returncode}: {' | '.join(tail)}"}
    figures = json.loads(out.read_text(encoding="utf-8"))
    return {"queries": figures.get("queries", []), "worst": figures.get("worst", {}), "index": figures.get("index")}


def run_size(
    count: int,
    seed: int,
    work: Path,
    timeout: float,
    serve: bool,
    keep: bool,
    ways: tuple[str, ...] = WAYS,
    search: bool = False,
) -> SizeResult:
    from podium.editors.generate import generate, plugins_of

    base = work / str(count)
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    repo = repo_config()
    result = SizeResult(count)

    podium_dir = base / "podium"
    started = time.perf_counter()
    summary = generate(podium_dir, count, seed, plugins=plugins_of(CONFIG) or ["podium"])
    write_config(podium_dir, config_for("podium", repo))
    items = transcripts(podium_dir)
    ids = [item.id for item in items]
    markdown_bytes = sum(f.stat().st_size for f in (podium_dir / "speeches").rglob("*.md"))
    result.corpus = {
        "speeches": summary.speeches,
        "words": summary.words,
        "distinct_words": summary.distinct_words,
        "statements": summary.statements,
        "speakers": summary.speakers,
        "events": summary.events,
        "topics": summary.topics,
        "multi_speaker": summary.multi_speaker,
        "non_latin": summary.non_latin,
        "references": summary.references,
        "markdown_bytes": markdown_bytes,
        "seed": seed,
        "median_words": sorted(summary.lengths)[len(summary.lengths) // 2],
        "max_words": max(summary.lengths),
        "min_words": min(summary.lengths),
        "generate_seconds": round(time.perf_counter() - started, 2),
    }
    print(
        f"[{count}] corpus: {summary.speeches} speeches, {summary.words:,} words, "
        f"{result.corpus['generate_seconds']} s",
        flush=True,
    )
    prepare_bare(podium_dir, base / "bare", items, repo)
    prepare_blog(podium_dir, base / "blog", items, repo)
    (base / "markdown").mkdir()
    write_config(base / "markdown", config_for("bare", repo))

    for way in ways:
        folder = base / way
        if way == "markdown":
            command = [
                sys.executable,
                str(SCRIPTS / "markdown_floor.py"),
                str(podium_dir),
                str(folder / "out"),
                str(folder / "mkdocs.yml"),
            ]
        else:
            command = [str(BIN / "mkdocs"), "build", "--site-dir", str(folder / "site")]
        measure = measured(command, folder, timeout, base / f"{way}.log")
        size = site_size(folder / ("out" if way == "markdown" else "site"), speech_pages(way, folder, ids))
        result.ways[way] = {**asdict(measure), **asdict(size)}
        print(
            f"[{count}] {way}: {measure.wall:.1f} s, {measure.maxrss_mb:.0f} MB, {size.bytes / 1e6:.1f} MB in "
            f"{size.files} files, {size.page_bytes_mean / 1e3:.1f} KB per speech page"
            + (f"  ERROR {measure.error}" if measure.error else ""),
            flush=True,
        )
        if way == "podium" and not measure.error:
            # Again, nothing changed: what an editor waits for after `git pull` with no new transcript.
            warm = measured(command, folder, timeout, base / "podium-warm.log")
            result.warm = asdict(warm)
            print(f"[{count}] podium warm: {warm.wall:.1f} s, CPU {warm.cpu:.1f} s", flush=True)
            if search:  # on the site of the generated corpus, as every other figure of this size
                result.search = search_figures(folder / "site", base / "search.log")
                print(f"[{count}] search: {result.search.get('worst') or result.search}", flush=True)
            # Then one transcript corrected: what `podium build` (or CI) redoes for one pull request.
            edited = items[len(items) // 3]
            edit_transcript(podium_dir / "speeches" / str(edited.year) / f"{edited.id}.md")
            again = measured(command, folder, timeout, base / "podium-edited.log")
            result.edited = {**asdict(again), "speech": edited.id, **page_counts(base / "podium-edited.log")}
            print(f"[{count}] podium after one edit: {again.wall:.1f} s, CPU {again.cpu:.1f} s", flush=True)

    if serve:
        victim = items[len(items) // 2]
        for way, transcript in (
            ("bare", base / "bare" / "docs" / "speeches" / f"{victim.id}.md"),
            ("podium", podium_dir / "speeches" / str(victim.year) / f"{victim.id}.md"),
        ):
            if way not in ways:
                continue
            figures = serve_reload(base / way, transcript, f"speeches/{victim.id}/", base / f"serve-{way}.log", way)
            result.serve[way] = figures
            print(f"[{count}] serve {way}: {figures}", flush=True)

    if not keep:
        for way in ways:
            shutil.rmtree(base / way / ("out" if way == "markdown" else "site"), ignore_errors=True)
    return result


def profile(count: int, work: Path) -> dict[str, Any] | None:
    folder = work / str(count) / "podium"
    shutil.rmtree(folder / ".cache", ignore_errors=True)  # profile a cold build, as the table's first one
    report, tree = work / f"profile-{count}.json", work / f"profile-{count}.txt"
    command = [
        sys.executable,
        str(SCRIPTS / "profile_build.py"),
        str(folder),
        str(work / "profile-site"),
        str(report),
        str(tree),
    ]
    completed = subprocess.run(command, cwd=folder, env=ENV, capture_output=True, text=True)
    shutil.rmtree(work / "profile-site", ignore_errors=True)
    if completed.returncode != 0:
        print("profile failed:", completed.stderr[-2000:], flush=True)
        return None
    data = json.loads(report.read_text())
    data["tree_file"] = str(tree)
    return data


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "cores": os.cpu_count(),
        "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
    }
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    info["memory"] = next((line.split(":", 1)[1].strip() for line in meminfo if line.startswith("MemTotal")), "?")
    cpu = [
        line.split(":", 1)[1].strip()
        for line in Path("/proc/cpuinfo").read_text().splitlines()
        if line.startswith("model name")
    ]
    info["cpu"] = cpu[0] if cpu else platform.processor()
    info["python"] = platform.python_version()
    info["kernel"] = platform.release()
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "Markdown", "Jinja2", "pydantic"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # noqa: BLE001
            versions[package] = "?"
    info["versions"] = versions
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    info["commit"] = commit.stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "plugins/podium", "mkdocs.yml"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    info["code"] = (
        "committed"
        if CONFIG != REPO / "mkdocs.yml"
        else ("working tree" + (" with uncommitted changes" if dirty else ""))
    )
    info["plugins"] = repo_config().get("plugins")
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/podium-bench"), help="where corpora and sites go")
    parser.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--serve-at", type=int, default=10000, help="size at which to time mkdocs serve reloads")
    parser.add_argument(
        "--ways", default=",".join(WAYS), help=f"comma-separated ways to build, of {', '.join(WAYS)} (default: all)"
    )
    parser.add_argument(
        "--search-at",
        default="10000",
        help="comma-separated sizes at which to measure search queries' bytes in headless Chromium (bench/search.py)",
    )
    parser.add_argument("--profile-at", type=int, default=1000, help="size at which to profile Podium's build")
    parser.add_argument("--timeout", type=float, default=4 * 3600, help="seconds allowed per build")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument(
        "--notes", type=Path, default=REPO / "bench" / "NOTES.md", help="hand-written analysis appended to the report"
    )
    parser.add_argument(
        "--code",
        choices=("HEAD", "working"),
        default="HEAD",
        help="build with Podium as committed at HEAD (a snapshot, the default) or the working tree",
    )
    parser.add_argument(
        "--report-only",
        type=Path,
        metavar="RESULTS_JSON",
        help="write the report from an earlier run's results.json, building nothing",
    )
    parser.add_argument(
        "--also",
        type=Path,
        action="append",
        default=[],
        metavar="RESULTS_JSON",
        help="an earlier run's results.json (e.g. the 100,000 run) to add to the report as a separate run",
    )
    args = parser.parse_args(argv)
    also = [json.loads(path.read_text()) for path in args.also if path.is_file()]
    if args.report_only:
        from report import write_report  # bench/report.py, beside this file

        write_report(json.loads(args.report_only.read_text()), args.out, args.notes, also)
        print(f"wrote {args.out} from {args.report_only}")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    ways = tuple(w for w in WAYS if w in {x.strip() for x in args.ways.split(",")})
    search_at = {int(s) for s in args.search_at.split(",") if s.strip()}
    args.work.mkdir(parents=True, exist_ok=True)
    global CONFIG, SCRIPTS
    if args.code == "HEAD":
        code, commit = snapshot(args.work)
        CONFIG, SCRIPTS = code / "mkdocs.yml", code / "bench"
        ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code / "plugins"), os.environ.get("PYTHONPATH")]))
        sys.path.insert(0, str(code / "plugins"))  # the generator too
        print(f"building with Podium as committed at {commit[:12]} (snapshot in {code})", flush=True)
    started = dt.datetime.now(dt.UTC)
    import podium  # the snapshot's, if any: say which code was measured

    print(f"podium from {Path(podium.__file__).parent}", flush=True)
    results: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "command": " ".join(["python", "bench/run.py", *(argv or sys.argv[1:])]),
        "sizes": {},
    }
    if args.code == "HEAD":
        results["machine"]["commit"] = commit[:7]
    serve_at = args.serve_at if args.serve_at in sizes else max([s for s in sizes if s <= args.serve_at] or [0])
    for count in sizes:
        results["sizes"][str(count)] = asdict(
            run_size(
                count,
                args.seed,
                args.work,
                args.timeout,
                serve=count == serve_at,
                keep=args.keep,
                ways=ways,
                search=count in search_at,
            )
        )
        (args.work / "results.json").write_text(json.dumps(results, indent=2, default=str))
        if count == (args.profile_at if args.profile_at in sizes else serve_at):
            results["profile"] = profile(count, args.work)
            results["profile_size"] = count
            (args.work / "results.json").write_text(json.dumps(results, indent=2, default=str))
    results["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    (args.work / "results.json").write_text(json.dumps(results, indent=2, default=str))
    from report import write_report  # bench/report.py, beside this file

    write_report(results, args.out, args.notes, also)
    print(f"wrote {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
