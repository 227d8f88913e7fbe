"""Related statements (issue 5): TF-IDF over content words, boilerplate out, other speeches only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podium import features
from podium.editors.generate import generate
from podium.xref.related import Document, Related, content_words, find_related, similar

NUCLEAR_A = (
    "Kazakhstan lives with the legacy of 450 nuclear tests at Semipalatinsk; we closed the test site "
    "and gave up our nuclear arsenal."
)
NUCLEAR_B = (
    "The Semipalatinsk test site saw 450 nuclear tests. Closing it, and giving up the arsenal, was Kazakhstan's choice."
)
WATER = "Glaciers in the Pamir are melting, and the meltwater that irrigates our valleys is failing the farmers."
BOILERPLATE = "Thank you, dear friends, distinguished guests, ladies and gentlemen, excellencies."


def doc(speech, text, speaker="tokayev", year=2025, statement=None):
    return Document(speech, statement or f"s-{abs(hash(text)) % 10**6}", speaker, year, text)


def test_content_words_leave_out_boilerplate_and_numbers():
    assert content_words(BOILERPLATE) == []
    assert content_words("Dear friends, nuclear weapons threaten 13,000 cities.") == [
        "nuclear",
        "weapon",
        "threaten",
        "city",
    ]
    said = "As [[a#b|my neighbour]] said, see [the text](https://x.org/nuclear)."
    assert content_words(said) == ["neighbour", "text"]


def test_similar_statements_of_other_speeches_are_found():
    docs = [
        doc("a", NUCLEAR_A, statement="legacy"),
        doc("b", NUCLEAR_B, "kagame", 2024, "site"),
        doc("c", WATER, statement="water"),
        doc("c", BOILERPLATE, statement="thanks"),
        doc("d", BOILERPLATE, "kagame", statement="thanks"),
    ]
    related = similar(docs, threshold=0.2)
    assert [r.statement for r in related["a", "legacy"]] == ["site"]
    assert [r.statement for r in related["b", "site"]] == ["legacy"]
    assert related["a", "legacy"][0].score == related["b", "site"][0].score > 0.2
    # Nothing is similar to the water statement, and "Thank you" formulas relate to nothing.
    assert ("c", "water") not in related
    assert ("c", "thanks") not in related and ("d", "thanks") not in related


def test_never_the_same_speech_and_the_threshold_holds():
    docs = [doc("a", NUCLEAR_A, statement="one"), doc("a", NUCLEAR_B, statement="two"), doc("c", WATER)]
    assert similar(docs, threshold=0.1) == {}
    docs = [doc("a", NUCLEAR_A, statement="one"), doc("b", NUCLEAR_B, statement="two")]
    score = similar(docs, threshold=0.1)["a", "one"][0].score
    assert similar(docs, threshold=score + 0.01) == {}


def test_a_different_speaker_or_year_comes_first():
    """The same speaker in the same year, even closer, comes after another voice."""
    docs = [
        doc("a", NUCLEAR_A, statement="legacy"),
        doc("b", NUCLEAR_A + " Again.", statement="same-voice"),  # Tokayev, 2025, nearly identical
        doc("c", NUCLEAR_B, "kagame", statement="other-voice"),
        doc("d", NUCLEAR_B + " Indeed.", "tokayev", 2019, statement="other-year"),
    ]
    found = similar(docs, threshold=0.2)["a", "legacy"]
    assert [r.statement for r in found] == ["other-voice", "other-year", "same-voice"]
    assert found[2].score > found[0].score
    assert len(similar(docs, threshold=0.2, limit=2)["a", "legacy"]) == 2


# Planted into a generated archive: two pairs that say the same thing in other words. The generator's
# made-up vocabulary shares no word with them, so these are the only right answers.
PLANTED = {
    "water-1": "Glaciers in the Pamir are melting, and the meltwater that irrigates our valleys is failing "
    "the farmers who depend on irrigation canals.",
    "water-2": "Meltwater from the Pamir glaciers feeds the irrigation canals of the valleys; farmers now see "
    "the canals failing as the glaciers retreat.",
    "compute-1": "Our supercomputer in Astana will train language models for Kazakh and the other Turkic "
    "languages, open to every university.",
    "compute-2": "Turkic language models, trained on the new Astana supercomputer, will serve Kazakh speakers "
    "and every university that asks.",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    generate(root, speeches=40, seed=5, plugins=["podium", "podium-xref"])
    archive = features.load(root)
    solo = [s for s in archive.speeches if len(s.meta.speaker_ids) == 1 and s.meta.language == "en"]
    # Each pair in two speeches by different speakers.
    hosts = []
    for speech in solo:
        if not hosts or speech.meta.speaker_ids != hosts[-1].meta.speaker_ids:
            hosts.append(speech)
        if len(hosts) == 4:
            break
    for speech, (ident, text) in zip([hosts[0], hosts[1], hosts[2], hosts[3]], PLANTED.items(), strict=True):
        path = root / speech.path
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{text} {{#{ident}}}\n", encoding="utf-8")
    return root


def test_related_on_a_generated_archive_finds_the_planted_neighbours(generated):
    archive = features.load(generated)
    assert archive.ok, archive.problems.items
    related = find_related(archive, threshold=0.3)
    where = {s.id: speech.id for speech in archive.speeches for s in speech.statements if s.id in PLANTED}
    for one, other in (("water-1", "water-2"), ("compute-1", "compute-2")):
        assert related[where[one], one][0] == Related(where[other], other, related[where[one], one][0].score)
        assert related[where[other], other][0].statement == one
    # The generated filler (random words) is never related to the planted statements.
    for key, found in related.items():
        if key[1] not in PLANTED:
            assert not {r.statement for r in found} & set(PLANTED), key


@pytest.mark.slow
def test_related_is_rendered_collapsed_beside_the_statement(generated):
    from support.archive import ArchiveDir

    site = ArchiveDir.at(generated)
    result = site.build()
    assert result.returncode == 0, result.stderr
    archive = features.load(generated)
    host = next(speech for speech in archive.speeches if speech.statement("water-1"))
    other = next(speech for speech in archive.speeches if speech.statement("water-2"))
    html = site.html(f"speeches/{host.id}/index.html")
    block = re.search(r'<section class="podium-statement" id="water-1".*?</section>', html, re.S).group(0)
    assert '<details class="podium-xref__related">' in block
    assert '<details class="podium-xref__related" open' not in block
    assert "<summary>Related (1)</summary>" in block
    assert f'href="../../speeches/{other.id}/#water-2" data-ref="{other.id}#water-2"' in block
    assert re.search(r"related statements for \d+ of \d+ statements in [\d.]+s", result.stderr)


@pytest.mark.slow  # starts fresh Python processes with other hash seeds: 5 s, kept out of the one-minute subset
def test_related_statements_are_the_same_in_every_process(tmp_path):
    """Python salts string hashes per process; the neighbours must not depend on it."""
    import os
    import subprocess
    import sys

    from podium.editors.generate import generate

    generate(tmp_path, speeches=300, seed=5, plugins=["podium"])  # enough near-ties to tell
    script = (
        "import sys, json; from pathlib import Path; from podium import features; "
        "from podium.xref import related; "
        "a = features.load(Path(sys.argv[1])); r = related.find_related(a, threshold=0.05); "
        "print(json.dumps(sorted((k, [(x.speech, x.statement, x.score) for x in v]) for k, v in r.items())))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert len(__import__("json").loads(outputs.pop())) > 50


NUCLEAR_ZH_A = "哈萨克斯坦在塞米巴拉金斯克经历了四百五十次核试验，我们关闭了核试验场并放弃了核武库。"
NUCLEAR_ZH_B = "塞米巴拉金斯克核试验场进行了四百五十次核试验。关闭试验场、放弃核武库是哈萨克斯坦的选择。"
WATER_ZH = "帕米尔的冰川正在融化，灌溉我们山谷的融水正在让农民失望。"
NUCLEAR_JA = "セミパラチンスクの核実験場では四百五十回の核実験が行われました。"
NUCLEAR_JA_B = "カザフスタンはセミパラチンスクの核実験場を閉鎖し、核実験を終わらせました。"


def test_chinese_and_japanese_statements_are_related_by_their_characters():
    """Written without spaces, a whole sentence was one "word" that no other statement shares, so these were
    never related; they are compared by each two characters side by side."""
    docs = [
        doc("a", NUCLEAR_ZH_A, statement="legacy"),
        doc("b", NUCLEAR_ZH_B, "kagame", 2024, "site"),
        doc("c", WATER_ZH, statement="water"),
        doc("d", NUCLEAR_JA, statement="tests"),
        doc("e", NUCLEAR_JA_B, "kagame", statement="closed"),
        doc("f", NUCLEAR_A, statement="english"),
    ]
    related = similar(docs, threshold=0.2)
    assert [r.statement for r in related["a", "legacy"]] == ["site"]
    assert [r.statement for r in related["d", "tests"]] == ["closed"]
    assert ("c", "water") not in related and ("f", "english") not in related
    assert content_words("核试验场 and the test site") == ["核试", "试验", "验场", "test", "site"]


def test_hindi_and_thai_statements_are_related_with_their_vowel_signs():
    """`\\w` stops at a combining mark: "भारत" was read as "भ" and "रत". A word now keeps its marks, and Thai, written
    without spaces, is compared by each two letters (with their marks) side by side."""
    docs = [
        doc("a", "भारत परमाणु निरस्त्रीकरण और वैश्विक शांति के लिए प्रतिबद्ध है", statement="hi-a"),
        doc("b", "वैश्विक शांति के लिए परमाणु निरस्त्रीकरण आवश्यक है, भारत यह मानता है", "kagame", 2024, "hi-b"),
        doc("c", "ประเทศไทยสนับสนุนการปลดอาวุธนิวเคลียร์และสันติภาพโลก", statement="th-a"),
        doc("d", "การปลดอาวุธนิวเคลียร์เป็นสิ่งจำเป็นต่อสันติภาพโลก", "kagame", 2024, "th-b"),
        doc("e", WATER, statement="water"),
    ]
    related = similar(docs, threshold=0.2, min_words=4)
    assert [r.statement for r in related["a", "hi-a"]] == ["hi-b"]
    assert [r.statement for r in related["c", "th-a"]] == ["th-b"]
    assert content_words("भारत") == ["भारत"]
