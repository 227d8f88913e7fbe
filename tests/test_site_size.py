"""A site that fits a host's limit: each data file written once, and what only programs read gzipped.

Each speech's JSON and Akoma Ntoso, the whole archive's statements and the quote check's shards are gzipped (the
same bytes for the same archive); the quote check's statement lists are written as gaps and hold no text (its page
reads the words from the speeches' speech.json.gz); the page unpacks them in the browser.
"""

from __future__ import annotations

import gzip
import json
import re
import urllib.parse

import pytest

from podium import features
from podium.cite import akomantoso, citation, exports
from podium.cite import pages as cite_pages
from podium.quote import index as quote
from support.archive import ArchiveDir

MKDOCS_YML = """\
site_name: Size archive
theme:
  name: material
nav:
  - Home: index.md
  - Speeches: speeches/index.md
plugins:
  - podium
  - podium-cite
"""
# 80 statements that all say "council" and "met": both words are common (in more than 50 statements and 5%),
# so a quotation made of them reads their statement lists from p-*.json.gz.
COUNCIL = "".join(f"The council met on day {n} about item number {n}. {{#day-{n}}}\n\n" for n in range(1, 81))


def council(folder: ArchiveDir) -> ArchiveDir:
    folder.speech("council", body=COUNCIL)
    folder.speech("opening", body="Our foreign policy is based on dialogue. {#dialogue}\n")
    return folder


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = council(ArchiveDir(tmp_path_factory.mktemp("archive")))
    archive = features.load(folder.root)
    assert not archive.problems.errors
    index = quote.QuoteIndex.from_archive(archive)
    sites = []
    for name in ("one", "two"):
        site = tmp_path_factory.mktemp(name)
        exports.Exports(archive, "Size archive", "", [], {}, index).write(site)
        sites.append(site)
    return archive, index, sites


def files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_same_archive_writes_the_same_bytes(written):
    _, _, (one, two) = written
    assert files(one) == files(two)


def test_akoma_ntoso_is_gzipped_beside_each_speech(written):
    archive, _, (site, _) = written
    for speech in archive.speeches:
        folder = site / "speeches" / speech.id
        assert sorted(p.name for p in folder.iterdir()) == ["akn.xml.gz", "speech.json.gz"]
        xml = gzip.decompress((folder / "akn.xml.gz").read_bytes()).decode("utf-8")
        assert xml == akomantoso.debate(speech, archive.registry, "Size archive")


def test_speech_json_is_gzipped_compact_json_whose_statements_leave_out_what_the_speech_gives(written):
    _, _, (site, _) = written
    raw = gzip.decompress((site / "speeches" / "opening" / "speech.json.gz").read_bytes()).decode("utf-8")
    assert raw.startswith('{"$schema":"data/schemas/speech.schema.json","id":"opening",')
    document = json.loads(raw)
    assert document["url"] == "speeches/opening/"
    assert document["statements"][0] == {
        "statement_id": "dialogue",
        "type": "speech",
        "position": 1,
        "creator_id": "tokayev",
        "role": document["statements"][0]["role"],
        "text": "Our foreign policy is based on dialogue.",
        "topics": [],
    }  # no `id` (opening#dialogue) nor `url` (speeches/opening/#dialogue): the speech's own give them


def test_the_quote_checks_shards_are_gzipped_and_its_lists_written_as_gaps(written):
    _, index, (site, _) = written
    folder = site / "data" / "quote"
    names = sorted(p.name for p in folder.iterdir())
    assert "meta.json" in names and "p-63-6f-75-6e-63-69-6c.json.gz" in names  # "council", a common word
    assert [n for n in names if not n.endswith(".json.gz")] == ["meta.json"]
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == 3 and meta["statements"] == 81
    numbers = {(e.speech, e.statement): n for n, e in enumerate(index.entries)}
    council_list = json.loads(gzip.decompress((folder / "p-63-6f-75-6e-63-69-6c.json.gz").read_bytes()))
    first = numbers["council", "day-1"]
    assert council_list == [first] + [1] * 79  # the first statement's number, then each one after the one before
    assert numbers["council", "day-80"] == first + 79
    shard_file = folder / f"w-{quote.shard_name('dialogue', meta['prefix'])}.json.gz"
    shard = json.loads(gzip.decompress(shard_file.read_bytes()))
    assert shard["dialogue"] == [1, [numbers["opening", "dialogue"]]]  # a rare word: its list in its shard
    chunk = json.loads(gzip.decompress((folder / "c-0.json.gz").read_bytes()))
    assert chunk["statements"][numbers["opening", "dialogue"]] == ["opening", "dialogue", "tokayev"]  # no text
    for word, postings in index.postings.items():  # adding the gaps up gives the statements back
        written_list = quote.gaps(postings)
        assert [sum(written_list[: i + 1]) for i in range(len(written_list))] == list(postings), word


def test_a_panels_citation_templates_share_their_endings_once_and_join_back_to_each_speakers(tmp_path):
    folder = ArchiveDir(tmp_path)
    folder.speech(
        "panel",
        front="title: Panel on trade\ndate: 2025-05-29\nspeakers: [tokayev, kagame]\nkind: panel\n",
        body="@tokayev: Welcome. {#welcome}\n\n@kagame: Thank you, Mr President. {#thanks}\n",
    )
    archive = features.load(folder.root)
    speech = archive.speeches[0]
    html = cite_pages.speech_extras(speech, archive.registry, "Archive", [])
    data = json.loads(html.split('id="podium-cite-data">', 1)[1].split("</script>", 1)[0])
    assert "slots" not in data and set(data["endings"]) == {"chicago", "apa", "mla", "bibtex"}
    for ident, statement in (("tokayev", "welcome"), ("kagame", "thanks")):
        whole = citation.templates(
            citation.reference(speech, speech.statement(statement), archive.registry, "Archive", "")
        )
        # What podium-cite.js does: the speaker's part, then the style's shared ending.
        assert {style: part + data["endings"][style] for style, part in data["templates"][ident].items()} == whole
        assert len(data["templates"][ident]["chicago"]) < len(whole["chicago"]) / 3  # the author, little more


# ---- In the browser ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = council(ArchiveDir(tmp_path_factory.mktemp("built")))
    folder.write("mkdocs.yml", MKDOCS_YML)
    result = folder.build()
    assert result.returncode == 0, result.stderr
    return folder


@pytest.mark.slow
def test_pages_are_written_without_runs_of_blank_lines_between_tags(site):
    for page in ("index.html", "speeches/index.html", "speeches/council/index.html", "speeches/opening/index.html"):
        html = site.html(page)
        kept = re.sub(r"<(pre|script|style|textarea)\b.*?</\1>", "<kept>", html, flags=re.S)
        assert not re.search(r">[ \t]*\n\s*\n\s*<", kept), page  # one line break at most between two tags
        assert not re.search(r">\n[ \t]+<", kept), page  # no indentation either


@pytest.mark.slow
def test_a_one_speaker_speech_names_its_speaker_once_and_numbers_its_permalinks(site):
    html = site.html("speeches/council/index.html")
    assert html.count('data-speaker="') == 1
    assert '<div class="podium-statements" data-pagefind-body ' in html and 'data-speaker="tokayev">' in html
    assert '<section class="podium-statement" id="day-1"><a href="#day-1" aria-label="Statement 1">¶</a><p>' in html
    assert '<section class="podium-statement" id="day-80"><a href="#day-80" aria-label="Statement 80">¶</a><p>' in html


@pytest.mark.slow
@pytest.mark.browser
def test_the_quote_page_unpacks_the_gzipped_shards_and_finds_what_podium_quote_finds(browser, serve_dir, site):
    base = serve_dir(site.root / "site")
    page = browser.new_page()
    errors, fetched = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    index = quote.QuoteIndex.from_archive(features.load(site.root))
    for quotation in ("The council met on day 17", "Our foreign policy is based on dialog"):
        page.goto(base + "quote/?q=" + urllib.parse.quote(quotation))
        page.wait_for_selector(".podium-quote__result, .podium-quote__verdict--none")
        shown = page.eval_on_selector_all(
            ".podium-quote__result", "rs => rs.map(r => r.querySelector('a').getAttribute('href').split('#')[1])"
        )
        assert shown == [m.statement for m in index.search(quotation, 3) if m.found], quotation
    assert shown == ["dialogue"]
    assert "p-63-6f-75-6e-63-69-6c.json.gz" in fetched and "meta.json" in fetched
    assert "speech.json.gz" in fetched  # the statements' words, from the speeches' own files
    assert not [name for name in fetched if name.endswith(".json") and name != "meta.json"]
    page.close()
    assert not errors
