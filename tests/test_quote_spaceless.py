"""Quote check in scripts written without spaces between words: Chinese and Japanese are compared character by
character, so a quotation of part of a sentence is found in it, and a changed word is reported as changed."""

from __future__ import annotations

from podium.core.text import join_words
from podium.quote.index import QuoteIndex, tokens

SAID = "我们坚持多边主义，支持联合国发挥核心作用。"


def _index() -> QuoteIndex:
    index = QuoteIndex()
    index.add("un-2024-zh", "multilateralism", SAID, "tokayev")
    index.add("un-2024-zh", "climate", "气候变化是全人类面临的共同挑战。", "tokayev")
    index.add("un-2024-ja", "climate", "気候変動は人類共通の課題です。", "kagame")
    index.add("aif-2025", "welcome", "Kazakhstan's door is open to the world.", "tokayev")
    return index


def test_words_of_scripts_without_spaces_are_their_characters():
    assert tokens("联合国UN2024 Kazakhstan’s") == ["联", "合", "国", "un2024", "kazakhstan's"]
    assert tokens("人類共通の課題") == ["人", "類", "共", "通", "の", "課", "題"]
    assert join_words(["坚", "持", "多", "边", "and", "主", "义"]) == "坚持多边 and 主义"


def test_part_of_a_chinese_sentence_is_found_verbatim():
    match = _index().search("坚持多边主义")[0]
    assert (match.speech, match.statement, match.verdict) == ("un-2024-zh", "multilateralism", "verbatim")
    assert match.marked() == "坚持多边主义"


def test_a_changed_chinese_word_is_reported():
    match = _index().search("我们坚持保护主义")[0]
    assert (match.statement, match.verdict) == ("multilateralism", "differences")
    assert match.marked() == "我们坚持 [-多边-]{+保护+} 主义"
    assert match.summary() == "2 characters changed"


def test_a_japanese_phrase_and_an_unrelated_sentence():
    index = _index()
    match = index.search("人類共通の課題")[0]
    assert (match.speech, match.verdict) == ("un-2024-ja", "verbatim")
    assert all(m.verdict == "not found" for m in index.search("我们反对保护主义，支持自由贸易。"))
