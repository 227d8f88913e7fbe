"""Quote check in scripts with combining marks (Hindi's vowel signs, Thai tone marks, Hebrew points): a word goes on
through its marks (a Thai letter is compared with its own), so a quotation that changes one is not "found
verbatim", and the differences shown keep them.
`\\w` stops at a mark: "भारत" (India) read as "भ" and "रत", the same as "भरत", and "ไม่" ("not") as "ไม้" ("wood")."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from podium.core import marks
from podium.core.text import _FULL, QUOTE_WORD
from podium.quote.index import QuoteIndex, tokens

HINDI = "भारत शांति और सहयोग का समर्थन करता है।"
THAI = "เราไม่ยอมรับความรุนแรง ไม่ว่าในรูปแบบใด"


def _index() -> QuoteIndex:
    index = QuoteIndex()
    index.add("un-2024-hi", "peace", HINDI, "modi")
    index.add("un-2024-th", "violence", THAI, "thavisin")
    index.add("un-2024-he", "peace", "אֲנַחְנוּ רוֹצִים שָׁלוֹם עִם כָּל שְׁכֵנֵינוּ", "herzog")
    return index


def test_a_word_keeps_its_combining_marks():
    assert tokens("नमस्ते भारत") == ["नमस्ते", "भारत"]
    # Thai is written without spaces between words: compared letter by letter, each letter with its marks.
    assert tokens("ไม่ ไม้") == ["ไ", "ม่", "ไ", "ม้"]
    assert tokens("שָׁלוֹם Kazakhstan’s") == ["שָׁלוֹם", "kazakhstan's"]


def test_a_quotation_as_said_is_verbatim_and_shown_whole():
    match = _index().search("शांति और सहयोग का समर्थन")[0]
    assert (match.speech, match.verdict) == ("un-2024-hi", "verbatim")
    assert match.marked() == "शांति और सहयोग का समर्थन"


def test_a_changed_vowel_sign_or_tone_mark_is_a_difference():
    hindi = _index().search("भरत शांति और सहयोग का समर्थन करता है")[0]
    assert (hindi.speech, hindi.verdict) == ("un-2024-hi", "differences")
    assert hindi.marked() == "[-भारत-]{+भरत+} शांति और सहयोग का समर्थन करता है"
    thai = _index().search("เราไม้ยอมรับความรุนแรง ไม่ว่าในรูปแบบใด")[0]
    assert (thai.speech, thai.verdict) == ("un-2024-th", "differences")
    assert thai.marked() == "เราไ [-ม่-]{+ม้+} ยอมรับความรุนแรงไม่ว่าในรูปแบบใด"  # words only, as for every language
    assert thai.summary() == "1 character changed"
    part = _index().search("ยอมรับความรุนแรง")[0]  # part of a sentence, as with Chinese
    assert (part.speech, part.verdict, part.marked()) == ("un-2024-th", "verbatim", "ยอมรับความรุนแรง")
    hebrew = _index().search("אֲנַחְנוּ רוֹצִים שָׁלוֹם עִם כָּל שְׁכֵנֵינוּ")[0]
    assert (hebrew.speech, hebrew.verdict) == ("un-2024-he", "verbatim")


def test_the_marks_are_unicodes_as_this_python_knows_them():
    """The ranges written in podium.core.marks are Unicode 14.0's (Python 3.11); a later Python's Unicode only adds
    marks, never takes one away."""
    written = set(_points(marks.RANGES))
    known = set(_points(marks.from_unicodedata()))
    if unicodedata.unidata_version == "14.0.0":
        assert written == known
    else:
        assert written <= known


def _points(ranges: str) -> list[int]:
    out = []
    for item in ranges.split():
        first, _, last = item.partition("-")
        out.extend(range(int(first, 16), int(last or first, 16) + 1))
    return out


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_the_fast_pattern_finds_the_words_the_full_one_does(text):
    """Text with no mark and none of the letters compared one by one is read with a simpler pattern (twice as
    fast); it must find the very same words."""
    assert [m.span() for m in QUOTE_WORD.finditer(text)] == [m.span() for m in _FULL.finditer(text)]
    assert QUOTE_WORD.findall("Kazakhstan’s " + text) == _FULL.findall("Kazakhstan’s " + text)
