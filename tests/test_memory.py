"""Memory of the build's largest holders, per speech and per statement: a budget that grows with the archive only
linearly and with a small factor (the MkDocs process must stay under 1 GB at 10,000 speeches).

Measured with tracemalloc on a generated archive, so the figures are Python's own allocations, not the
process's resident size (which also holds the interpreter, MkDocs and freed-but-kept arenas).
"""

from __future__ import annotations

import gc
import tracemalloc
from array import array
from pathlib import Path

import pytest

from podium.build.cache import BuildCache
from podium.core.archive import load
from podium.editors.generate import generate
from podium.xref import related

# The loaded archive: the transcripts' text once, their statements, front matter and positions. It was 3.3 times
# the files' bytes before statements shared their empty lists and had no per-object dictionary.
LOAD_BUDGET = 3.0  # times the transcripts' bytes on disk
# The related-statements index while it is made: about 2 KB a statement (8 KB when every word of every statement
# was held as a string at once, which took 1.7 GB at 10,000 speeches).
RELATED_BUDGET = 3_000  # bytes a statement, at the peak
# A cache entry while it is written or read, above the value itself: the whole pickle, then its compressed copy,
# were in memory at once before entries were streamed (a 270 MB spike for the quote index of 10,000 speeches).
CACHE_ENTRY_BUDGET = 0.25  # times the entry's pickle
# The speech pages' contents MkDocs holds when it writes the first page: every one of them (about 45 KB a speech,
# 0.8 GB at 10,000) before they waited on disk (podium.build.shelf) until their page is written.
WAITING_CONTENT_BUDGET = 1_000  # characters a speech page


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    generate(root, speeches=200, seed=3, plugins=["podium"])
    return root


@pytest.fixture(scope="module")
def loaded(generated: Path):
    return load(generated)


def _traced(work):
    """What `work()` returns, the bytes it leaves allocated, and its peak above what was allocated before."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = work()
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, current - before, peak - before


def test_a_loaded_archive_stays_within_a_few_times_its_files(generated):
    on_disk = sum(file.stat().st_size for file in (generated / "speeches").rglob("*.md"))
    archive, kept, _ = _traced(lambda: load(generated))
    assert archive.ok and len(archive.speeches) == 200
    assert kept / on_disk <= LOAD_BUDGET, f"{kept / on_disk:.2f} times the transcripts' {on_disk} bytes"


def test_most_statements_share_the_empty_topics_and_references(loaded):
    statements = [st for speech in loaded.speeches for st in speech.statements]
    bare = [st for st in statements if not st.topics and not st.see]
    assert len(bare) > len(statements) // 2
    assert all(st.topics is bare[0].topics and st.see is bare[0].see for st in bare)
    assert not hasattr(bare[0], "__dict__")  # slots: no dictionary per statement


def test_the_related_index_peaks_at_a_few_kilobytes_a_statement(loaded):
    docs = related.documents(loaded)
    found, _, peak = _traced(lambda: related.similar(docs, threshold=0.2))
    assert found  # the generated archive has related statements: the index did its work
    assert peak / len(docs) <= RELATED_BUDGET, f"{peak / len(docs):.0f} bytes a statement at the peak"


def test_a_statement_set_rebuilt_from_its_terms_iterates_as_the_set_of_its_words(loaded):
    """The scores add floats in the order a set iterates: the compact bags must rebuild the very same sets."""
    docs = related.documents(loaded)
    words = [related._words(doc.text) for doc in docs]
    vocabulary = {word: number for number, word in enumerate(dict.fromkeys(w for ws in words for w in ws))}
    term_of = [-1 if len(word) < 3 else number % 5000 for word, number in vocabulary.items()]
    firsts = [array("i", map(vocabulary.__getitem__, dict.fromkeys(ws))) for ws in words]
    bags = related._Bags(firsts, term_of, min_words=1)
    compared = 0
    for number, ws in enumerate(words):
        direct = set(term_of[vocabulary[word]] for word in ws)
        direct.discard(-1)
        if direct:
            assert list(bags[number]) == list(direct)
            compared += 1
    assert compared > 1000


def test_the_words_of_a_plain_statement_are_its_text_not_a_copy(loaded):
    """The quote index and the exports keep every statement's spoken words: most are the text itself."""
    from podium.core.text import plain_text

    statements = [st for speech in loaded.speeches for st in speech.by_speakers]
    same = [st for st in statements if st.spoken.text is st.text]
    assert len(same) > len(statements) // 2
    assert plain_text("We act\tnow,  together.\n") == "We act now, together."


def test_a_cache_entry_is_written_and_read_without_its_whole_pickle_in_memory(tmp_path):
    import pickle

    value = [f"{number:06d} " + "statement text that does not compress to nothing " * 10 for number in range(20_000)]
    size = len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    cache = BuildCache(tmp_path / "cache", version="test")
    written, _, put_peak = _traced(lambda: cache.put("archive", "ab" * 32, value))
    assert written
    assert put_peak / size <= CACHE_ENTRY_BUDGET, f"{put_peak / size:.2f} times the pickle's {size} bytes"
    found, kept, get_peak = _traced(lambda: cache.get("archive", "ab" * 32))
    assert found == value
    assert (get_peak - kept) / size <= CACHE_ENTRY_BUDGET, f"{(get_peak - kept) / size:.2f} times, above the value"


@pytest.mark.slow
def test_the_speech_pages_contents_wait_on_disk_until_their_page_is_written(tmp_path, monkeypatch):
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    generate(tmp_path, speeches=40, seed=3, plugins=["podium", "podium-facets"])
    held: list[int] = []
    write_page = mkdocs_build._build_page

    def measuring(page, *args, **kwargs):
        if not held:  # every page's content is made, none is written yet
            pages = [f.page for f in args[1] if f.page is not None and f.src_uri.count("/") == 1]
            held.append(sum(len(p.content or "") for p in pages if p.file.src_uri.startswith("speeches/")))
        return write_page(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", measuring)
    monkeypatch.chdir(tmp_path)
    mkdocs_build.build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert held[0] / 40 <= WAITING_CONTENT_BUDGET, f"{held[0] / 40:.0f} characters a speech page"
    # ...and each page got its content back when it was written.
    speech = load(tmp_path).speeches[0]
    written = next((tmp_path / "site" / "speeches" / speech.id).glob("index.html")).read_text(encoding="utf-8")
    assert f'id="{speech.statements[0].id}"' in written


def test_the_quote_index_keeps_no_dictionary_per_statement(loaded):
    from podium.quote.index import QuoteIndex

    index = QuoteIndex.from_archive(loaded)
    assert len(index.entries) > 1000
    assert not hasattr(index.entries[0], "__dict__")
    # The text of most entries is the statement's own, not a copy.
    texts = {(st.id, speech.id): st.spoken.text for speech in loaded.speeches for st in speech.by_speakers}
    same = [e for e in index.entries if e.text is texts[(e.statement, e.speech)]]
    assert len(same) > len(index.entries) // 2


@pytest.mark.slow
def test_the_data_files_are_not_written_beside_the_rendering_workers(tmp_path, monkeypatch):
    """The exporting child and each of the pool's workers hold a copy of the loaded archive: they take turns."""
    import multiprocessing

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    from podium.build import pool

    generate(tmp_path, speeches=40, seed=3, plugins=["podium", "podium-cite"])
    alive: list[int] = []
    render = pool.render_speeches

    def counting(*args, **kwargs):
        alive.append(len(multiprocessing.active_children()))
        return render(*args, **kwargs)

    monkeypatch.setattr(pool, "render_speeches", counting)
    monkeypatch.setenv("PODIUM_WORKERS", "2")
    monkeypatch.chdir(tmp_path)
    mkdocs_build.build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert alive == [0]
    assert (tmp_path / "site" / "data" / "statements.jsonl.gz").is_file()
