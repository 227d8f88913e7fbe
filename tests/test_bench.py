"""bench/: the four ways build the same tiny corpus, and the report checks the issue's targets honestly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import report  # noqa: E402
import run  # noqa: E402


def way(wall, rss, size, page, error=""):
    return {
        "wall": wall,
        "cpu": wall,
        "maxrss_mb": rss,
        "tree_peak_mb": rss,
        "bytes": size,
        "files": 10,
        "page_bytes_mean": page,
        "others_cores": 0.0,
        "error": error,
        "search_bytes": 0,
    }


def results(podium_wall_10k=110.0, blog_error=""):
    corpus = {
        "words": 1,
        "distinct_words": 1,
        "min_words": 200,
        "median_words": 1100,
        "max_words": 9000,
        "speakers": 1,
        "events": 1,
        "topics": 1,
        "multi_speaker": 1,
        "non_latin": 1,
        "references": 1,
        "markdown_bytes": 1,
        "generate_seconds": 1,
    }
    return {
        "started": "t0",
        "finished": "t1",
        "command": "python bench/run.py",
        "machine": {
            "commit": "abc",
            "nproc": "2",
            "memory": "1 kB",
            "cpu": "x",
            "kernel": "k",
            "python": "3",
            "versions": {},
            "plugins": ["podium"],
        },
        "sizes": {
            "1000": {
                "corpus": corpus,
                "serve": {},
                "ways": {
                    "bare": way(10, 100, 1000, 20_000),
                    "blog": way(70, 120, 2000, 30_000),
                    "podium": way(11, 120, 1200, 25_000),
                    "markdown": way(3, 40, 500, 10_000),
                },
            },
            "10000": {
                "corpus": corpus,
                "serve": {},
                "ways": {
                    "bare": way(100, 200, 10_000, 20_000),
                    "blog": way(0, 0, 0, 0, blog_error) if blog_error else way(700, 300, 20_000, 30_000),
                    "podium": way(podium_wall_10k, 320, 12_000, 26_000),
                    "markdown": way(30, 40, 5000, 10_000),
                },
            },
        },
    }


def test_targets_say_met_or_missed_with_the_measured_ratio_and_by_how_much():
    data = results()
    data["sizes"]["10000"]["warm"] = {**way(90, 300, 0, 0), "wall": 90.0}
    data["sizes"]["10000"]["serve"] = {"podium": {"first_build_seconds": 60.0, "reload_seconds": 7.5}}
    data["sizes"]["10000"]["search"] = {
        "worst": {"transfer_kb": 240.0, "seconds": 0.5},
        "queries": [{"kind": "phrase", "transfer_kb": 230.0}, {"kind": "frequent", "transfer_kb": 240.0}],
    }
    rows = {(target, size): (value, met, margin) for target, value, size, met, margin in report.targets(data)}
    assert rows["Search: a phrase with a common word ≤ 300 KB", "10,000"] == ("230 KB", True, "70.0 KB under")
    assert rows["Cold build CPU ≤ 2.5× bare Material", "1,000"] == ("1.10×", True, "1.40× under")
    assert rows["Warm rebuild, nothing changed: wall ≤ 1× bare's", "10,000"] == ("0.90×", True, "0.10× under")
    assert rows["Serve: one edit → new text served ≤ 5 s", "10,000"] == ("7.5 s", False, "2.5 s over")
    assert rows["Search: the heaviest first query ≤ 300 KB", "10,000"] == ("240 KB", True, "60.0 KB under")
    assert rows["Site ≤ 2.5× bare", "10,000"] == ("1.20×", True, "1.30× under")
    assert rows["Peak memory of the process tree ≤ 1.5 GB (RSS summed)", "10,000"] == ("0.32 GB", True, "1.18 GB under")
    assert ("Peak memory of the process tree ≤ 1.5 GB (PSS summed)", "10,000") not in rows  # not measured: no row
    data["sizes"]["10000"]["ways"]["podium"]["tree_pss_peak_mb"] = 1600.0
    rows = {(target, size): (value, met, margin) for target, value, size, met, margin in report.targets(data)}
    assert rows["Peak memory of the process tree ≤ 1.5 GB (PSS summed)", "10,000"] == ("1.60 GB", False, "0.10 GB over")
    assert rows["Site < 1 GB", "10,000"] == ("0.00 GB", True, "1.00 GB under")
    missed = {(t, s): (m, g) for t, _, s, m, g in report.targets(results(podium_wall_10k=300.0))}
    assert missed["Cold build CPU ≤ 2.5× bare Material", "10,000"] == (False, "0.50× over")


def test_the_build_after_one_edit_is_reported_with_its_pages():
    data = results()["sizes"]["10000"]
    data["edited"] = {**way(50, 60, 0, 0), "cpu": 60.0, "reused": 15_200, "built": 41, "speech": "x"}
    lines = report._size_lines("10000", data)
    assert (
        "- Podium after one edited transcript (a sentence added, then the same build): wall 50.0 s, CPU 60.0 s; "
        "pages 15,200 reused, 41 built; wall 0.50× bare's cold build"
    ) in lines
    data["edited"] = {"error": "exit 1"}
    assert not [line for line in report._size_lines("10000", data) if "one edited transcript" in line]


def test_a_failed_way_is_reported_not_hidden(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    data = results(blog_error="killed after the timeout of 60 s")
    data["sizes"]["10000"]["serve"] = {"podium": {"error": "the edit never showed"}}
    report.write_report(data, out)
    text = out.read_text()
    assert "| 2. Material blog + tags | 0.0 | 0.0 | 0 | 0 | 0 | 0 | failed: killed after the timeout of 60 s |" in text
    assert "| Serve: one edit → new text served ≤ 5 s | failed: the edit never showed | 10,000 | unknown |  |" in text
    assert "| Peak memory of the process tree ≤ 1.5 GB (RSS summed) | 0.32 GB | 10,000 | yes | 1.18 GB under |" in text


def test_every_way_gets_the_repository_theme_and_its_own_plugins():
    repo = {
        "theme": {"name": "material", "features": ["navigation.tabs"]},
        "plugins": ["podium", "podium-search"],
        "markdown_extensions": ["attr_list"],
        "nav": ["ignored"],
    }
    bare, blog, podium = (run.config_for(w, repo) for w in ("bare", "blog", "podium"))
    assert bare["theme"] == blog["theme"] == podium["theme"] == repo["theme"]
    assert bare["nav"] == [{"Home": "index.md"}] and bare["plugins"] == []
    assert blog["plugins"][1] == "tags" and blog["plugins"][0]["blog"]["authors_profiles"] is True
    assert podium["plugins"] == ["podium", "podium-search"]
    assert all(c["markdown_extensions"] == ["attr_list"] for c in (bare, blog, podium))


def test_python_tags_in_mkdocs_yml_survive_the_round_trip(tmp_path):
    import yaml

    text = (
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    data = yaml.load(text, Loader=run._Loader)  # noqa: S506 - tags are kept as values, never executed
    run.write_config(tmp_path, data)
    assert "!!python/name:material.extensions.emoji.twemoji" in (tmp_path / "mkdocs.yml").read_text()


@pytest.mark.slow
def test_the_four_ways_build_the_same_tiny_corpus(tmp_path):
    result = run.run_size(6, seed=3, work=tmp_path, timeout=600, serve=False, keep=True)
    assert result.corpus["speeches"] == 6
    assert result.warm["error"] == "" and result.warm["wall"] > 0  # the second Podium build, nothing changed
    # The third, after one edited transcript: its page and the pages that show it are built, the rest reused.
    assert result.edited["error"] == "" and result.edited["built"] >= 3 and result.edited["reused"] > 6
    assert "A sentence added for the benchmark." in (
        tmp_path / "6" / "podium" / "site" / "speeches" / result.edited["speech"] / "index.html"
    ).read_text(encoding="utf-8")
    for name in run.WAYS:
        figures = result.ways[name]
        assert figures["error"] == "", (name, figures["error"])
        assert figures["pages"] == 6, name
        assert figures["wall"] > 0 and figures["maxrss_mb"] > 10
    base = tmp_path / "6"
    ids = sorted(p.stem for p in (base / "podium" / "speeches").rglob("*.md"))
    assert (base / "blog" / "site" / "blog" / ids[0] / "index.html").is_file()
    assert sorted(p.name for p in (base / "blog" / "site" / "blog" / "author").iterdir())  # author profiles
    assert (base / "bare" / "site" / "speeches" / ids[0] / "index.html").is_file()


def test_a_separate_run_is_added_with_its_own_commit_and_targets(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    big = results()
    big["sizes"] = {"100000": big["sizes"]["10000"]}
    big["machine"] = {**big["machine"], "commit": "fed"}
    big["command"] = "python bench/run.py --sizes 100000"
    report.write_report(results(), out, also=[big])
    text = out.read_text()
    main, separate = text.split("## A separate run: 100,000 speeches")
    assert "commit `abc`" in main and "### 100,000" not in main
    assert "- Command: `python bench/run.py --sizes 100000`" in separate and "commit `fed`" in separate
    assert "### 100,000 speeches" in separate
    assert "| Site ≤ 2.5× bare | 1.20× | 100,000 | yes | 1.30× under |" in separate


def test_the_search_queries_come_from_a_site_where_no_word_is_found_once(tmp_path):
    import search

    for name in ("a", "b"):
        page = tmp_path / "speeches" / name / "index.html"
        page.parent.mkdir(parents=True)
        text = " ".join(f"word{chr(97 + n)}" for n in range(26)) * 2  # four times each in all
        page.write_text(
            '<html lang="en"><section class="podium-statement" id="s-1"><a href="#s-1">¶</a>'
            f"<p>{text} {'sigmaword ' * 2 if name == 'a' else 'upsilonword ' * 3}</p></section></html>",
            encoding="utf-8",
        )
    found = search.queries(tmp_path)
    assert found["rare"] == "sigmaword"  # the rarest long word, though no word is found only once
    page = tmp_path / "speeches" / "b" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("upsilonword", "Babaingskio", 1), encoding="utf-8")
    assert search.queries(tmp_path)["rare"] == "babaingskio"  # a capitalised word, whole, never its tail
    (tmp_path / "speeches" / "a" / "index.html").write_text('<html lang="en"><p>old markup</p>', encoding="utf-8")
    (tmp_path / "speeches" / "b" / "index.html").unlink()
    with pytest.raises(SystemExit, match="no statement text found"):
        search.queries(tmp_path)


def test_a_run_snapshots_the_bench_scripts_with_podium(tmp_path):
    code, commit = run.snapshot(tmp_path)
    assert (code / "bench" / "search.py").is_file() and (code / "plugins" / "podium" / "__init__.py").is_file()
    assert len(commit) == 40
