"""The spaces a text means are its characters in every output: the no-break space before a French `!`, the
narrow no-break space in `21 septembre`, Japanese's ideographic space. Line breaks fold; these do not."""

from __future__ import annotations

import gzip
import json

import pytest

from support.archive import MKDOCS_YML, ArchiveDir

pytestmark = pytest.mark.slow

FRENCH = "« Paix »\u00a0! Le 21\u202fseptembre, à\u00a0Astana."
JAPANESE = "東京\u3000平和"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    archive = ArchiveDir(tmp_path_factory.mktemp("spaces"))
    archive.write("mkdocs.yml", MKDOCS_YML.replace("  - podium\n", "  - podium\n  - podium-cite\n"))
    front = "title: Discours\ndate: 2025-05-29\nspeaker: tokayev\nevent: aif-2025\nlanguage: fr\n"
    archive.speech("discours", front, f"{FRENCH}\nMerci.\n\n{JAPANESE}\n")
    result = archive.build()
    assert result.returncode == 0, result.stderr
    return archive.root / "site"


def test_the_page_keeps_them(site):
    page = (site / "speeches/discours/index.html").read_text(encoding="utf-8")
    assert "« Paix »&nbsp;! Le 21\u202fseptembre, à&nbsp;Astana.\nMerci." in page
    assert f'content="{FRENCH} Merci.' in page  # the description, line break folded


def test_every_export_keeps_them(site):
    speech = json.loads(gzip.decompress((site / "speeches/discours/speech.json.gz").read_bytes()))
    assert [s["text"] for s in speech["statements"]] == [f"{FRENCH} Merci.", JAPANESE]
    akn = gzip.decompress((site / "speeches/discours/akn.xml.gz").read_bytes()).decode()
    assert f"{FRENCH} Merci." in akn and JAPANESE in akn
    bulk = gzip.decompress((site / "data/statements.jsonl.gz").read_bytes()).decode()
    assert [json.loads(line)["text"] for line in bulk.splitlines()] == [f"{FRENCH} Merci.", JAPANESE]
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert f'<summary type="text">{FRENCH} Merci.</summary>' in feed
